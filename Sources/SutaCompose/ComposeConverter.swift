#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import SutaModel
import SutaYAML

/// `sutactl convert`: compose files (the Compose Specification, with override files merged
/// as `docker compose -f a -f b` merges them) to sutactl manifests.
public enum ComposeConverter {
    /// The largest compose or env file read.
    static let maxFileBytes = 8 << 20

    /// Reads and converts `paths` (the first is the project's file; relative paths in every
    /// file are resolved against its directory, as Compose does). `project` names the
    /// Project; default: the file's `name:`, else its directory's name.
    public static func convert(paths: [String], project: String? = nil) -> ComposeConversion {
        var diagnostics = DiagnosticList()
        var merged: YAMLNode?
        for path in paths {
            guard let bytes = read(path, into: &diagnostics) else { continue }
            let root: YAMLNode?
            do {
                root = try YAMLParser.parse(bytes, file: path).first?.root
            } catch {
                diagnostics.error(error.message, at: error.location, hint: error.hint)
                continue
            }
            guard let root, root.mapping != nil else {
                diagnostics.error("a compose file is a mapping with `services:`", at: root?.location ?? SourceLocation(file: path, line: 1, column: 1))
                continue
            }
            if root["kind"] != nil, root["apiVersion"] != nil {
                diagnostics.error("this is a sutactl manifest already, not a compose file", at: root.location,
                                  hint: "use it as it is: sutactl validate -f \(path)")
                continue
            }
            merged = merged.map { ComposeMerge.file($0, root) } ?? root
        }
        guard let merged, !diagnostics.hasErrors else { return ComposeConversion(documents: [], diagnostics: diagnostics.sorted) }
        let directory = URL(fileURLWithPath: paths[0]).standardizedFileURL.deletingLastPathComponent().path
        var reader = ComposeReader(directory: directory, notes: diagnostics)
        let documents = reader.convert(merged, project: project ?? Self.projectName(merged, directory: directory))
        return ComposeConversion(documents: documents, diagnostics: reader.notes.sorted)
    }

    /// The file's `name:`, else Compose's default: the directory's name in lowercase, keeping
    /// only letters, digits, `-` and `_`.
    static func projectName(_ root: YAMLNode, directory: String) -> String {
        if let name = root["name"]?.scalar?.text, ManifestDocument.isValidName(name) { return name }
        let base = URL(fileURLWithPath: directory).lastPathComponent.lowercased()
        let kept = String(base.unicodeScalars.filter { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" })
        return ManifestDocument.isValidName(kept) ? kept : "compose"
    }

    /// A file's bytes, or nil with an error naming it.
    static func read(_ path: String, into diagnostics: inout DiagnosticList, at location: SourceLocation? = nil) -> [UInt8]? {
        let place = location ?? SourceLocation(file: path, line: 1, column: 1)
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              attributes[.type] as? FileAttributeType == .typeRegular else {
            diagnostics.error("cannot read `\(path)`: no such file", at: place)
            return nil
        }
        guard (attributes[.size] as? Int ?? 0) <= maxFileBytes else {
            diagnostics.error("`\(path)` is larger than 8 MiB", at: place)
            return nil
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            diagnostics.error("cannot read `\(path)`", at: place)
            return nil
        }
        return Array(data)
    }
}
