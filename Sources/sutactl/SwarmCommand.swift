#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import SutaController
import SutaErrors
import SutaModel
#if canImport(Glibc)
import Glibc
#endif

/// apply, diff, status, logs, down and controller in engine mode swarm (and what `profile NAME`
/// and `rollout undo` apply, through ``apply(_:target:environment:state:prune:services:)``) (the Project's `engine.mode: swarm`, or
/// `--engine swarm`), against the manager named by DOCKER_HOST or the Project's `engine.host`.
enum SwarmCommand {
    static func run(_ options: CommandOptions, target: ManifestTarget, environment: [String: String], state: StateDirectory) async throws -> ExitStatus {
        let controller = try controller(target: target, environment: environment, state: state)
        switch options.command {
        case "status":
            let config = try target.config()
            let report = try await controller.status(config)
            if options.format == "json" {
                Console.out(OutputFormatter.swarmStatus(report, profile: config.profileDisplayName).json())
            } else {
                Console.out(report.text, terminator: "")
            }
            return .success
        case "controller":
            var settings = ControllerLoop.Settings()
            settings.resyncInterval = options.resync
            settings.metricsPort = options.metricsPort
            settings.jsonLogs = options.logFormat == "json"
            EngineCommand.announce(target.resolution.project.name, target.source)
            return ExitStatus(rawValue: try await SwarmControllerLoop(controller: controller, target: target, settings: settings).run()) ?? .success
        case "down":
            let project = target.resolution.project.name
            EngineCommand.announce(project, target.source)
            let outcome = try await controller.down(project: project, waitForLock: !options.noWait) { Console.error($0) }
            Console.out(summary(outcome))
            if options.volumes {
                // As `docker stack rm`: the manager cannot remove what each node's tasks created.
                Console.error("note: volumes were not removed: on a swarm each node keeps its own copy of a named volume"
                              + " (`docker volume rm \(project)_NAME` on each node removes it)")
            }
            return outcome.succeeded ? .success : .applyFailed
        case "logs":
            guard let service = options.arguments.first else {
                Console.error("error: logs needs a SERVICE")
                return .usage
            }
            let found = try await controller.logs(service: service, target: target, follow: options.follow, tail: options.tail) { bytes in
                DescriptorOutput.write(bytes, to: STDOUT_FILENO)
            }
            guard found else {
                Console.error("error: service `\(service)` has no swarm service in project \(target.resolution.project.name)")
                return .invalid
            }
            return .success
        case "diff":
            var applyOptions = ApplyOptions()
            applyOptions.dryRun = true
            applyOptions.prune = options.prune
            let config = try target.config()
            let outcome = try await controller.apply(config, options: applyOptions) { _ in }
            if options.format == "json" {
                Console.out(OutputFormatter.apply(outcome, config: config, engineRequests: controller.driver.client.apiCallCount).json())
            } else {
                Console.out(outcome.plan.text, terminator: "")
            }
            if !outcome.plan.isEmpty { return .invalid }
            return outcome.plan.unknown.isEmpty ? .success : .incomplete
        default:
            return try await apply(options, target: target, environment: environment, state: state)
        }
    }

    /// `apply` in swarm mode, and what `profile NAME` (with prune) and `rollout undo` (one
    /// service) carry out.
    static func apply(_ options: CommandOptions, target: ManifestTarget, environment: [String: String], state: StateDirectory,
                      prune: Bool? = nil, services: Set<String>? = nil) async throws -> ExitStatus {
        let controller = try controller(target: target, environment: environment, state: state)
        let config = try target.config()
        EngineCommand.announce(config.project.name, target.source)
        var applyOptions = ApplyOptions()
        applyOptions.dryRun = options.dryRun
        applyOptions.prune = prune ?? options.prune
        applyOptions.wait = options.wait
        applyOptions.timeout = options.timeout
        applyOptions.waitForLock = !options.noWait
        applyOptions.services = services
        let json = options.format == "json"
        let outcome = try await controller.apply(config, options: applyOptions) { if !json { Console.error($0) } }
        if json {
            Console.out(OutputFormatter.apply(outcome, config: config, engineRequests: controller.driver.client.apiCallCount).json())
        } else if options.dryRun {
            Console.out(outcome.plan.text, terminator: "")
        } else {
            Console.out(summary(outcome))
        }
        if options.dryRun { return .success }
        // As in container mode: later commands without -f or --profile use these manifests and profiles.
        try controller.remember(target)
        for (service, why) in outcome.notReady.sorted(by: { $0.key < $1.key }) {
            if why.hasPrefix("rolled back") {
                Console.error("error: rolled back service \(service): \(why.dropFirst("rolled back: ".count))")
            } else {
                Console.error("error: \(service) not ready: \(why)")
            }
        }
        return outcome.succeeded ? .success : .applyFailed
    }

    /// The swarm controller for the manager named by DOCKER_HOST, else the Project's `engine.host`.
    private static func controller(target: ManifestTarget, environment: [String: String], state: StateDirectory) throws -> SwarmController {
        var environment = environment
        if environment["DOCKER_HOST"] == nil, let host = target.resolution.project.engineHost { environment["DOCKER_HOST"] = host }
        return SwarmController(driver: try SwarmEngineDriver.fromEnvironment(environment), state: state, environment: environment)
    }

    /// `done in 3.2s: swarm services 2 created, 0 updated, 0 removed; 1 secret, 1 network changed`.
    static func summary(_ outcome: ApplyOutcome) -> String {
        guard !outcome.plan.steps.isEmpty else {
            return (["no changes: \(outcome.plan.unchanged.count) services up to date"] + outcome.plan.notes).joined(separator: "\n")
        }
        var counts: [String: Int] = [:]
        var others = 0
        for step in outcome.plan.steps where outcome.execution?.outcomes[step.id] == .succeeded {
            if step.action.service != nil { counts[step.action.verb, default: 0] += 1 } else { others += 1 }
        }
        let failed = outcome.execution?.failures.count ?? 0
        let seconds = outcome.duration.inSeconds
        var text = "done in \(DecimalText.fixed(seconds, digits: 1))s: swarm services "
            + [("create", "created"), ("update", "updated"), ("remove", "removed")].map { "\(counts[$0.0] ?? 0) \($0.1)" }.joined(separator: ", ")
        if others > 0 { text += "; \(others) secret\(others == 1 ? "" : "s")/network\(others == 1 ? "" : "s") changed" }
        if failed > 0 { text += "; \(failed) failed" }
        return ([text] + outcome.plan.notes).joined(separator: "\n")
    }
}
