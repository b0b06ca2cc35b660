import Foundation
import SutaController
import SutaModel
import SutaPlan

/// The commands that talk to the engine: apply, diff, status, profile, down, logs.
enum EngineCommand {
    static func run(_ options: CommandOptions) async -> ExitStatus {
        let environment = ProcessInfo.processInfo.environment
        let state = StateDirectory(environment: environment)
        do {
            let engine = try DockerEngineDriver.fromEnvironment(environment)
            let controller = Controller(engine: engine, state: state, environment: environment)
            switch options.command {
            case "apply": return try await apply(options, controller)
            case "diff": return try await diff(options, controller)
            case "status": return try await status(options, controller)
            case "profile": return try await profile(options, controller)
            case "down": return try await down(options, controller)
            case "breakers": return try breakers(options, controller)
            case "controller":
                var settings = ControllerLoop.Settings()
                settings.resyncInterval = options.resync
                settings.metricsPort = options.metricsPort
                settings.jsonLogs = options.logFormat == "json"
                let loop = ControllerLoop(controller: controller, target: try target(options, controller), settings: settings)
                return ExitStatus(rawValue: try await loop.run()) ?? .success
            default: return try await logs(options, controller)
            }
        } catch let error as ControllerError {
            Console.error("error: \(error)")
            return ExitStatus(error.code)
        } catch {
            Console.error("error: \(error)")
            return .engineError
        }
    }

    private static func target(_ options: CommandOptions, _ controller: Controller, profiles: [String]? = nil) throws(ControllerError) -> ManifestTarget {
        // down, logs and breakers need only the project, not the profile of the last apply.
        let needsProfile = !["down", "logs", "breakers"].contains(options.command)
        let target = try ManifestTarget.load(paths: options.files, profiles: profiles ?? options.profiles, project: options.project,
                                             rememberProfiles: needsProfile, environment: controller.environment, state: controller.state)
        for diagnostic in target.resolution.warnings { Console.error(diagnostic.description) }
        return target
    }

    private static func apply(_ options: CommandOptions, _ controller: Controller, target given: ManifestTarget? = nil,
                              prune: Bool? = nil) async throws -> ExitStatus {
        let target = try given ?? target(options, controller)
        var applyOptions = ApplyOptions()
        applyOptions.dryRun = options.dryRun
        applyOptions.prune = prune ?? options.prune
        applyOptions.pruneVolumes = options.volumes
        applyOptions.wait = options.wait
        applyOptions.timeout = options.timeout
        applyOptions.waitForLock = !options.noWait
        applyOptions.parallelism = options.parallel
        let json = options.output == "json"
        let printer = ProgressPrinter(environment: controller.environment, quiet: json)
        let outcome = try await controller.apply(target, options: applyOptions, onLockWait: { holder in
            Console.error("waiting for another sutactl (pid \(holder)) to finish with this project…")
        }, onIntegration: { line in if !json { Console.out(line) } }, report: printer.handle)
        let config = try target.config()
        if json {
            Console.out(OutputFormatter.apply(outcome, config: config, engineRequests: await controller.engine.requestCount).json())
        } else if options.dryRun {
            Console.out(OutputFormatter.planText(outcome), terminator: "")
        } else {
            Console.out(OutputFormatter.summary(outcome))
            for (service, why) in outcome.notReady.sorted(by: { $0.key < $1.key }) { Console.error("error: \(service) not ready: \(why)") }
        }
        for failure in outcome.integration.failures { Console.error("error: \(failure)") }
        return outcome.succeeded ? .success : .applyFailed
    }

    private static func diff(_ options: CommandOptions, _ controller: Controller) async throws -> ExitStatus {
        let target = try target(options, controller)
        guard target.resolution.config != nil else {
            for diagnostic in target.resolution.errors { Console.error(diagnostic.description) }
            return .usage
        }
        var planOptions = ApplyOptions()
        planOptions.dryRun = true
        planOptions.prune = options.prune
        planOptions.pruneVolumes = options.volumes
        let outcome = try await controller.apply(target, options: planOptions) { _ in }
        Console.out(OutputFormatter.planText(outcome), terminator: "")
        for failure in outcome.integration.failures { Console.error("error: \(failure)") }
        return outcome.plan.isEmpty && outcome.integration.changes.isEmpty ? .success : .invalid
    }

    private static func status(_ options: CommandOptions, _ controller: Controller) async throws -> ExitStatus {
        let report = try await controller.status(try target(options, controller))
        Console.out(options.output == "json" ? OutputFormatter.status(report).json() : OutputFormatter.statusTable(report), terminator: "")
        return .success
    }

    private static func profile(_ options: CommandOptions, _ controller: Controller) async throws -> ExitStatus {
        guard let name = options.arguments.first else {
            let target = try target(options, controller)
            let config = try target.config()
            Console.out("project \(config.project.name): active profile \(config.profileDisplayName)")
            return .success
        }
        let profiles = name.split(separator: ",").map(String.init)
        let target = try target(options, controller, profiles: profiles)
        // Switching converges: start what the profile adds, remove what it drops, keep volumes.
        return try await apply(options, controller, target: target, prune: true)
    }

    private static func down(_ options: CommandOptions, _ controller: Controller) async throws -> ExitStatus {
        let target = try target(options, controller)
        let printer = ProgressPrinter(environment: controller.environment, quiet: false)
        let outcome = try await controller.down(project: target.resolution.project.name, volumes: options.volumes,
                                                waitForLock: !options.noWait, report: printer.handle)
        Console.out(OutputFormatter.summary(outcome))
        return outcome.succeeded ? .success : .applyFailed
    }

    private static func breakers(_ options: CommandOptions, _ controller: Controller) throws -> ExitStatus {
        let project = try target(options, controller).resolution.project
        if options.arguments.first == "reset" {
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
        let snapshots = try controller.breakers(project: project)
        Console.out(options.output == "json" ? ConfigValue.array(snapshots.map(OutputFormatter.breaker)).json()
            : OutputFormatter.breakerTable(snapshots), terminator: options.output == "json" ? "\n" : "")
        return .success
    }

    private static func logs(_ options: CommandOptions, _ controller: Controller) async throws -> ExitStatus {
        guard let service = options.arguments.first else {
            Console.error("error: logs needs a SERVICE")
            return .usage
        }
        let target = try target(options, controller)
        let project = target.resolution.project.name
        let containers = try await controller.observe().containers(of: project).filter { $0.service == service }
        guard let container = containers.min(by: { ($0.replica ?? 0) < ($1.replica ?? 0) }) else {
            Console.error("error: service `\(service)` has no container in project \(project)")
            return .invalid
        }
        try await controller.engine.logs(id: container.id, follow: options.follow, tail: options.tail) { bytes in
            FileHandle.standardOutput.write(Data(bytes))
        }
        return .success
    }
}
