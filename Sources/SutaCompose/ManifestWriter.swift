#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import SutaErrors
import SutaModel

/// Writes manifest documents as YAML: all in one stream (`---` between documents), or as
/// files of a manifest directory that `sutactl -f DIR` reads back.
public enum ManifestWriter {
    /// The documents as one YAML stream, each preceded by its comments.
    public static func text(_ documents: [ManifestOutput]) -> String {
        documents.map { document in
            document.comments.map { "# " + $0 + "\n" }.joined() + document.value.yaml()
        }.joined(separator: "---\n")
    }

    /// Where each document goes in a manifest directory, relative to it: `project.yaml`
    /// (the Project, networks and volumes), `services/NAME.yaml`, `profiles/NAME.yaml`.
    /// Files keep the documents' order.
    public static func files(_ documents: [ManifestOutput]) -> [(path: String, text: String)] {
        var order: [String] = []
        var grouped: [String: [ManifestOutput]] = [:]
        for document in documents {
            let path = switch document.kind {
            case .project, .network, .volume: "project.yaml"
            case .service: "services/\(document.name).yaml"
            case .profile: "profiles/\(document.name).yaml"
            }
            if grouped[path] == nil { order.append(path) }
            grouped[path, default: []].append(document)
        }
        return order.map { ($0, text(grouped[$0]!)) }
    }

    /// Writes `files` under `directory`, creating it and its subdirectories. Unless `force`
    /// is set, nothing is written when any of the files exists; the error names them.
    public static func write(_ files: [(path: String, text: String)], into directory: URL, force: Bool) throws(ManifestWriteError) {
        let manager = FileManager.default
        let existing = files.map { directory.appendingPathComponent($0.path) }.filter { manager.fileExists(atPath: $0.path) }
        if !force, !existing.isEmpty {
            throw ManifestWriteError(message: "would overwrite \(existing.map(\.path).joined(separator: ", ")); pass --force to replace "
                + (existing.count == 1 ? "it" : "them"))
        }
        for file in files {
            let url = directory.appendingPathComponent(file.path)
            do {
                try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(file.text.utf8).write(to: url, options: .atomic)
            } catch {
                throw ManifestWriteError(message: "cannot write \(url.path): \(FileErrorText.description(error))")
            }
        }
    }
}
