import SutaErrors
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Glibc
import SutaController
import SutaModel
import SutaPlan

/// The commands that talk to the engine: apply, diff, status, profile, down, logs, breakers,
/// rollout and controller. Which project each acts on follows one rule (`ManifestTarget`); the
/// mutating ones say which first.
enum EngineCommand {
    static func run(_ options: CommandOptions) async -> ExitStatus {
        let environment = ProcessInfo.processInfo.environment
        let state = StateDirectory(environment: environment)
        do {
            // The manifests are read once: they say the engine mode, and apply, diff and status go on with them.
            var loaded: ManifestTarget?
            if ["apply", "diff", "status", "logs", "down", "controller"].contains(options.command) {
                let needs = ["apply", "controller"].contains(options.command) ? ManifestTarget.Needs() : readOnly
                let reused = ["apply", "diff", "status"].contains(options.command)
                // apply, diff and status would load them the same way: an error is theirs. logs,
                // down and controller load them their own way (down needs no profile).
                let target = reused ? try ManifestTarget.load(paths: options.files, profiles: options.profiles, project: options.project,
                                                              needs: needs, environment: environment, state: state)
                    : try? ManifestTarget.load(paths: options.files, profiles: options.profiles, project: options.project, needs: needs,
                                               environment: environment, state: state)
                if let target, target.resolution.project.engineMode == .swarm {
                    warn(target)
                    return try await SwarmCommand.run(options, target: target, environment: environment, state: state)
                }
                if let target, reused {
                    warn(target)
                    loaded = target
                }
            }
            let engine = try DockerEngineDriver.fromEnvironment(environment)
            let controller = Controller(engine: engine, state: state, environment: environment)
            switch options.command {
            case "apply": return try await apply(options, controller, target: loaded)
            case "diff": return try await diff(options, controller, target: loaded)
            case "status": return try await status(options, controller, target: loaded)
            case "profile": return try await profile(options, controller)
            case "down": return try await DownCommand.run(options, controller)
            case "breakers": return try breakers(options, controller)
            case "rollout": return try await RolloutCommand.run(options, controller)
            case "controller":
                var settings = ControllerLoop.Settings()
                settings.resyncInterval = options.resync
                settings.metricsPort = options.metricsPort
                settings.jsonLogs = options.logFormat == "json"
                let target = try target(options, controller, needs: .init())
                announce(target.resolution.project.name, target.source)
                let loop = ControllerLoop(controller: controller, target: target, settings: settings)
                return ExitStatus(rawValue: try await loop.run()) ?? .success
            default: return try await logs(options, controller)
            }
        } catch let error as SutaError {
            report(error)
            return ExitStatus(error.code)
        } catch {
            Console.error("error: \(error)")
            return .engineError
        }
    }

    /// Prints an error once: `file:line:col: error: ...` for one place; the diagnostics of a
    /// validation are already in that form.
    static func report(_ error: SutaError) {
        guard error.code == .validation else { return Console.error(error.report) }
        guard error.location == nil else {
            Console.error(error.report)
            return Console.error("1 error: nothing was changed")
        }
        Console.error(error.description)
        let count = error.message.split(separator: "\n").filter { $0.contains(": error: ") }.count
        Console.error("\(count) error\(count == 1 ? "" : "s"): nothing was changed")
    }

    /// Read-only commands need no secrets.
    static let readOnly = ManifestTarget.Needs(profile: true, allowsUnsetSecrets: true)

    static func target(_ options: CommandOptions, _ controller: Controller, profiles: [String]? = nil,
                       needs: ManifestTarget.Needs) throws(SutaError) -> ManifestTarget {
        let target = try ManifestTarget.load(paths: options.files, profiles: profiles ?? options.profiles, project: options.project,
                                             needs: needs, environment: controller.environment, state: controller.state)
        warn(target)
        return target
    }

    /// The manifests' warnings, on stderr. Unset secrets are refused by apply (as errors) and
    /// not a concern of read-only commands.
    private static func warn(_ target: ManifestTarget) {
        for diagnostic in target.resolution.warnings where diagnostic.unsetSecret == nil { Console.error(diagnostic.description) }
    }

    /// `project NAME (from ...)`: the first line of every mutating command, on stderr.
    static func announce(_ project: String, _ source: ProjectSource) {
        Console.error("project \(project) (\(source.explanation))")
    }

    /// `apply`, and what `profile NAME` (with prune) and `rollout undo` (one service, no
    /// gateway, discovery or model sync) carry out.
    static func apply(_ options: CommandOptions, _ controller: Controller, target given: ManifestTarget? = nil,
                      prune: Bool? = nil, services: Set<String>? = nil) async throws -> ExitStatus {
        let target = try given ?? target(options, controller, needs: .init())
        let config = try target.config()
        announce(config.project.name, target.source)
        let interruption = options.dryRun ? nil : Interruption()
        var applyOptions = ApplyOptions()
        applyOptions.dryRun = options.dryRun
        applyOptions.prune = prune ?? options.prune
        applyOptions.pruneVolumes = options.volumes
        applyOptions.wait = options.wait
        applyOptions.timeout = options.timeout
        applyOptions.waitForLock = !options.noWait
        applyOptions.parallelism = options.parallel
        applyOptions.interrupted = { interruption?.isRequested ?? false }
        applyOptions.services = services
        applyOptions.syncIntegrations = services == nil
        let json = options.format == "json"
        let printer = ProgressPrinter(environment: controller.environment, quiet: json,
                                      replicated: Set(config.services.filter { $0.replicas > 1 }.map(\.name)))
        let outcome = try await controller.apply(target, options: applyOptions, onLockWait: { holder in
            Console.error("waiting for another sutactl (pid \(holder)) to finish with this project…")
        }, report: printer.handle)
        if json {
            Console.out(OutputFormatter.apply(outcome, config: config, engineRequests: await controller.engine.requestCount).json())
        } else if options.dryRun {
            Console.out(OutputFormatter.planText(outcome), terminator: "")
        } else {
            Console.out(OutputFormatter.summary(outcome))
            for warning in outcome.execution?.warnings ?? [] { Console.error("warning: \(warning)") }
            for (service, why) in outcome.notReady.sorted(by: { $0.key < $1.key }) { Console.error("error: \(service) not ready: \(why)") }
        }
        for problem in outcome.plan.problems { Console.error("error: \(problem)") }
        if let lost = outcome.engineLost {
            Console.error(engineLostMessage(lost, command: options.command))
            return .engineUnreachable
        }
        if interruption?.isRequested == true, let execution = outcome.execution {
            let done = execution.outcomes.values.filter { $0 == .succeeded }.count
            let notStarted = execution.outcomes.values.filter { $0 == PlanExecutor.notStarted }.count
            let failed = execution.failures.count
            Console.error("interrupted: \(done) done, \(notStarted) not started" + (failed > 0 ? ", \(failed) failed" : ""))
            return .interrupted
        }
        return outcome.succeeded ? .success : .applyFailed
    }

    /// One line for an engine that went away while a command changed the project.
    static func engineLostMessage(_ reason: String, command: String) -> String {
        "error: lost the Docker Engine during \(command): \(reason); then run the command again: it carries on where this one stopped"
    }

    private static func diff(_ options: CommandOptions, _ controller: Controller, target given: ManifestTarget?) async throws -> ExitStatus {
        let target = try given ?? target(options, controller, needs: readOnly)
        guard target.resolution.config != nil else {
            for diagnostic in target.resolution.errors { Console.error(diagnostic.description) }
            return .usage
        }
        var planOptions = ApplyOptions()
        planOptions.dryRun = true
        planOptions.prune = options.prune
        planOptions.pruneVolumes = options.volumes
        let outcome = try await controller.apply(target, options: planOptions) { _ in }
        if options.format == "json" {
            Console.out(OutputFormatter.apply(outcome, config: try target.config(), engineRequests: await controller.engine.requestCount).json())
        } else {
            Console.out(OutputFormatter.planText(outcome), terminator: "")
        }
        guard outcome.plan.problems.isEmpty else {
            for problem in outcome.plan.problems { Console.error("error: \(problem)") }
            Console.error("error: diff is incomplete: what the lines above name could not be read")
            return .engineError
        }
        if !outcome.plan.isEmpty || !outcome.plan.requeue.isEmpty || !outcome.plan.pending.isEmpty { return .invalid }
        return outcome.plan.unknown.isEmpty ? .success : .incomplete
    }

    private static func status(_ options: CommandOptions, _ controller: Controller, target given: ManifestTarget?) async throws -> ExitStatus {
        let report = try await controller.status(try given ?? target(options, controller, needs: readOnly))
        Console.out(options.format == "json" ? OutputFormatter.status(report).json() : OutputFormatter.statusTable(report), terminator: "")
        for failure in report.failures { Console.error("error: \(failure)") }
        return report.failures.isEmpty ? .success : .engineError
    }

    private static func profile(_ options: CommandOptions, _ controller: Controller) async throws -> ExitStatus {
        guard let name = options.arguments.first else {
            let target = try target(options, controller, needs: readOnly)
            let config = try target.config()
            if options.format == "json" {
                Console.out(ConfigValue.object([("project", .string(config.project.name)),
                                                ("profiles", .array(config.profiles.map(ConfigValue.string)))]).json())
            } else {
                Console.out("project \(config.project.name): active profile \(config.profileDisplayName)")
            }
            return .success
        }
        let profiles = name.split(separator: ",").map(String.init)
        let target = try target(options, controller, profiles: profiles, needs: .init())
        // Switching converges: start what the profile adds, remove what it drops, keep volumes.
        if target.resolution.project.engineMode == .swarm {
            return try await SwarmCommand.apply(options, target: target, environment: controller.environment, state: controller.state, prune: true)
        }
        return try await apply(options, controller, target: target, prune: true)
    }

    private static func breakers(_ options: CommandOptions, _ controller: Controller) throws -> ExitStatus {
        let target = try target(options, controller, needs: .init(profile: false, allowsUnsetSecrets: true))
        let project = target.resolution.project
        if options.arguments.first == "reset" {
            announce(project.name, target.source)
            guard let name = options.arguments.dropFirst().first else {
                Console.error("error: breakers reset needs a NAME (see `sutactl breakers`)")
                return .usage
            }
            guard try controller.resetBreaker(name, project: project) else {
                Console.error("error: no circuit breaker named `\(name)`")
                return .usage
            }
            Console.out("\(name): closed")
            return .success
        }
        let snapshots = controller.breakers(project: project)
        let json = options.format == "json"
        Console.out(json ? ConfigValue.array(snapshots.map(OutputFormatter.breaker)).json() : OutputFormatter.breakerTable(snapshots),
                    terminator: json ? "\n" : "")
        return .success
    }

    private static func logs(_ options: CommandOptions, _ controller: Controller) async throws -> ExitStatus {
        guard let service = options.arguments.first else {
            Console.error("error: logs needs a SERVICE")
            return .usage
        }
        let project = try projectName(options, controller)
        // The manifests, where there are any, say which variables are secret: their values are masked too.
        let manifests = (try? ManifestTarget.load(paths: options.files, profiles: [], project: options.project,
                                                  needs: .init(profile: false, allowsUnsetSecrets: true),
                                                  environment: controller.environment, state: controller.state))
            .flatMap { $0.resolution.project.name == project ? $0 : nil }
        let found = try await controller.logs(service: service, project: project, manifests: manifests, follow: options.follow,
                                              tail: options.tail) { bytes in
            DescriptorOutput.write(bytes, to: STDOUT_FILENO)
        }
        guard found else {
            Console.error("error: service `\(service)` has no container in project \(project)")
            return .invalid
        }
        return .success
    }

    /// The project of a command that needs only its name (logs, down): known without reading
    /// manifests from --project or the state directory, else read from the manifests.
    static func projectName(_ options: CommandOptions, _ controller: Controller) throws(SutaError) -> String {
        if let known = ManifestTarget.project(paths: options.files, project: options.project, state: controller.state) { return known.name }
        return try target(options, controller, needs: .init(profile: false, allowsUnsetSecrets: true)).resolution.project.name
    }
}
