#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// What a project remembers between commands: the active profiles and the manifest paths of
/// its last apply. Stored as `state.json` in the project's state directory.
public struct ProjectState: Codable, Sendable, Equatable {
    public var project: String
    public var profiles: [String]
    /// Absolute paths given with `-f`.
    public var paths: [String]
    public var updated: Date

    public init(project: String, profiles: [String], paths: [String], updated: Date = Date()) {
        self.project = project
        self.profiles = profiles
        self.paths = paths
        self.updated = updated
    }

    public static func load(from directory: StateDirectory, project: String) -> ProjectState? {
        let file = directory.project(project).appendingPathComponent("state.json")
        guard let data = FileManager.default.contents(atPath: file.path) else { return nil }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try? decoder.decode(ProjectState.self, from: data)
    }

    public func save(to directory: StateDirectory) throws {
        let folder = try directory.ensure(project: project)
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(self).write(to: folder.appendingPathComponent("state.json"), options: .atomic)
        try directory.setCurrentProject(project)
    }
}
