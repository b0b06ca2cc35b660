#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Glibc
import SutaController
import SutaPlan

/// `sutactl graph [-o dot|mermaid|svg]`: the active profile's dependency graph, coloured by
/// live state when the engine answers. SVG goes through Graphviz's `dot` when it is
/// installed; otherwise a message says so and the dot text is printed.
enum GraphCommand {
    static func run(_ options: CommandOptions) async -> ExitStatus {
        let environment = ProcessInfo.processInfo.environment
        let state = StateDirectory(environment: environment)
        let target: ManifestTarget
        do {
            target = try ManifestTarget.load(paths: options.files, profiles: options.profiles, project: options.project,
                                             needs: EngineCommand.readOnly, environment: environment, state: state)
        } catch {
            EngineCommand.report(error)
            return ExitStatus(error.code)
        }
        guard let config = target.resolution.config else {
            for diagnostic in target.resolution.errors { Console.error(diagnostic.description) }
            return .invalid
        }
        var live: [String: DependencyGraph.Live] = [:]
        if let engine = try? DockerEngineDriver.fromEnvironment(environment), let observed = try? await engine.observe() {
            live = DependencyGraph.live(observed, config: config)
        }
        let graph = DependencyGraph(config: config, live: live)
        switch options.format {
        case "mermaid": Console.out(graph.mermaid, terminator: "")
        case "svg":
            guard let svg = render(graph.dot) else {
                Console.error("warning: Graphviz's `dot` is not installed (apt-get install graphviz): printing the dot text instead of SVG")
                Console.out(graph.dot, terminator: "")
                return .success
            }
            DescriptorOutput.write(svg, to: STDOUT_FILENO)
        default: Console.out(graph.dot, terminator: "")
        }
        return .success
    }

    /// `dot -Tsvg` over the text, or nil when `dot` is not on the PATH (or fails).
    private static func render(_ dot: String) -> [UInt8]? {
        let path = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
            .map { "\($0)/dot" }.first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let path else { return nil }
        return ChildProcess.output(of: path, arguments: ["-Tsvg"], input: Array(dot.utf8))
    }
}
