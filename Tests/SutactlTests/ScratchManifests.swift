import Foundation

/// A scratch project for a command-line test: its directory with `manifests/app.yaml`, its
/// own state directory, and `sutactl` run in that directory.
struct ScratchManifests {
    let project: String
    var environment: [String: String]

    init(project: String) {
        self.project = project
        environment = ["SUTACTL_STATE_DIR": EngineHarness.directory(of: project).appendingPathComponent("state").path]
    }

    var directory: URL { EngineHarness.directory(of: project) }
    var stateDirectory: URL { directory.appendingPathComponent("state") }

    /// Writes the Project document (named after the project) followed by `documents`.
    func write(_ documents: String) throws {
        let text = "apiVersion: sutactl/v1\nkind: Project\nmetadata: {name: \(project)}\n" + documents
        try text.write(to: directory.appendingPathComponent("manifests/app.yaml"), atomically: true, encoding: .utf8)
    }

    /// A Service document on the stand-in image; `spec` lines are indented by the caller's two spaces.
    static func service(_ name: String, _ spec: String) -> String {
        "---\napiVersion: sutactl/v1\nkind: Service\nmetadata: {name: \(name)}\nspec:\n  image: sutactl-standin:1\n\(spec)\n"
    }

    func sutactl(_ arguments: [String], extra: [String: String] = [:], in place: URL? = nil) throws -> SutactlRunner.Outcome {
        try SutactlRunner.run(arguments, environment: environment.merging(extra) { $1 }, in: place ?? directory)
    }
}
