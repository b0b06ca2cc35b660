import SutaYAML

/// One manifest document with its envelope (`apiVersion`, `kind`, `metadata`) read and
/// checked, and its `spec` still a node: profiles merge into it before it is decoded.
public struct ManifestDocument: Sendable {
    /// The manifest API version this build reads.
    public static let apiVersion = "sutactl/v1"

    var kind: ManifestKind
    var name: String
    var nameLocation: SourceLocation
    /// Where the document starts.
    var location: SourceLocation
    var labels: [String: String]
    var spec: YAMLNode?
}

extension SpecReader {
    /// Reads a document's envelope; nil (with diagnostics) when it is not a usable manifest.
    mutating func document(_ root: YAMLNode) -> ManifestDocument? {
        if root["kind"] == nil, root["services"]?.mapping != nil {
            diagnostics.error("this looks like a compose file: run `sutactl convert -f \(root.location.file)`", at: root.location,
                              hint: "sutactl reads its own manifests (apiVersion, kind, metadata, spec); convert writes them from a compose file")
            return nil
        }
        guard let f = fields(root, of: "manifest document", allowed: ["apiVersion", "kind", "metadata", "spec"]) else { return nil }
        var usable = true
        if let n = f["apiVersion"] {
            if let version = string(n, "apiVersion"), version != ManifestDocument.apiVersion {
                diagnostics.error("unsupported apiVersion `\(version)`", at: n.location, hint: "use `\(ManifestDocument.apiVersion)`")
                usable = false
            }
        } else {
            diagnostics.error("document has no `apiVersion`", at: root.location, hint: "add `apiVersion: \(ManifestDocument.apiVersion)`")
        }
        guard let kindNode = f["kind"] else {
            diagnostics.error("document has no `kind`", at: root.location,
                              hint: "one of \(ManifestKind.allCases.map(\.rawValue).joined(separator: ", "))")
            return nil
        }
        guard let kindText = string(kindNode, "kind") else { return nil }
        guard let kind = ManifestKind(rawValue: kindText) else {
            diagnostics.error("unknown kind `\(kindText)`", at: kindNode.location,
                              hint: Suggestion.hint(for: kindText, among: ManifestKind.allCases.map(\.rawValue)))
            return nil
        }
        guard let metadataNode = f["metadata"], let metadata = fields(metadataNode, of: "metadata", allowed: ["name", "labels"]) else {
            if f["metadata"] == nil { diagnostics.error("\(kind.rawValue) has no `metadata.name`", at: root.location) }
            return nil
        }
        guard let nameNode = metadata["name"], let name = string(nameNode, "name") else {
            if metadata["name"] == nil { diagnostics.error("\(kind.rawValue) has no `metadata.name`", at: metadataNode.location) }
            return nil
        }
        guard ManifestDocument.isValidName(name) else {
            diagnostics.error("invalid name `\(name)`", at: nameNode.location,
                              hint: "names start with a letter or digit, followed by letters, digits, `_`, `.` or `-`")
            return nil
        }
        let labels = metadata["labels"].map { self.labels($0, "metadata.labels") } ?? [:]
        guard usable else { return nil }
        return ManifestDocument(kind: kind, name: name, nameLocation: nameNode.location, location: root.location,
                                labels: labels, spec: f["spec"])
    }
}

extension ManifestDocument {
    /// Docker's object-name rule: `[a-zA-Z0-9][a-zA-Z0-9_.-]*`.
    /// Docker's object-name rule, which project, service, network and volume names follow.
    public static func isValidName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first.isASCIIAlphanumeric, name.utf8.count <= 128 else { return false }
        return name.unicodeScalars.allSatisfy { $0.isASCIIAlphanumeric || $0 == "_" || $0 == "." || $0 == "-" }
    }
}

extension Unicode.Scalar {
    var isASCIIAlphanumeric: Bool {
        ("a"..."z").contains(self) || ("A"..."Z").contains(self) || ("0"..."9").contains(self)
    }
}
