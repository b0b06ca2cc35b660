import SutaErrors
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Glibc
import SutaController

/// `down`: removes the project's containers and networks (volumes with --volumes), stopping
/// each gracefully, dependents first. A project that was not named here (-f, --project,
/// ./manifests) but taken from the state directory is said, and asked about first.
enum DownCommand {
    static func run(_ options: CommandOptions, _ controller: Controller) async throws -> ExitStatus {
        let (project, source) = try projectAndSource(options, controller)
        EngineCommand.announce(project, source)
        if source.isRemembered && !options.yes {
            let what = options.volumes ? "containers, networks and volumes (their data)" : "containers and networks"
            guard isatty(STDIN_FILENO) == 1 && isatty(STDERR_FILENO) == 1 else {
                Console.error("""
                    error: refusing to remove project \(project): no -f, --project or ./manifests names it here; \
                    it is only the last project applied
                      hint: run `sutactl down --project \(project)` to name it, or add --yes
                    """)
                return .usage
            }
            DescriptorOutput.write("remove the \(what) of project \(project)? [y/N] ", to: STDERR_FILENO)
            guard let answer = readLine(), ["y", "yes"].contains(answer.lowercased()) else {
                Console.error("nothing was removed")
                return .usage
            }
        }
        let printer = ProgressPrinter(environment: controller.environment, quiet: false)
        let outcome = try await controller.down(project: project, volumes: options.volumes, waitForLock: !options.noWait,
                                                parallelism: options.parallel,
                                                report: printer.handle)
        Console.out(OutputFormatter.summary(outcome))
        for warning in outcome.execution?.warnings ?? [] { Console.error("warning: \(warning)") }
        if let lost = outcome.engineLost {
            Console.error(EngineCommand.engineLostMessage(lost, command: "down"))
            return .engineUnreachable
        }
        return outcome.succeeded ? .success : .applyFailed
    }

    /// The project to remove and where its name came from. Manifests named with -f or found in
    /// ./manifests are read for the name (no secrets needed) and must be valid: a broken
    /// Project document must not make down guess a name.
    private static func projectAndSource(_ options: CommandOptions, _ controller: Controller) throws(SutaError) -> (String, ProjectSource) {
        if let known = ManifestTarget.project(paths: options.files, project: options.project, state: controller.state) { return known }
        let target = try EngineCommand.target(options, controller, needs: .init(profile: false, allowsUnsetSecrets: true))
        _ = try target.config()
        return (target.resolution.project.name, target.source)
    }
}
