#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import SutaPlan

/// The settings each service was last applied with, in `applied.json` in the project's
/// state directory: what `diff` compares against to show field values. Secret values are
/// never in it (a secret field records only that it is one). Written by apply only.
struct AppliedSettingsStore {
    let file: URL

    init(directory: URL) {
        file = directory.appendingPathComponent("applied.json")
    }

    /// The recorded settings; none when the file is missing or unreadable (diff then names
    /// only the changed field groups).
    func load() -> [String: ServiceSettings] {
        guard let data = FileManager.default.contents(atPath: file.path) else { return [:] }
        return (try? JSONDecoder().decode([String: ServiceSettings].self, from: data)) ?? [:]
    }

    func save(_ settings: [String: ServiceSettings]) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        try encoder.encode(settings).write(to: file, options: .atomic)
    }
}
