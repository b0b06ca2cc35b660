import SutaYAML

/// One manifest file after YAML parsing: its documents, or the error that stopped the parse.
/// The loader parses each file as soon as it is read, so the bytes of all files never sit in
/// memory together with all trees.
public struct ParsedManifest: Sendable {
    /// The path as diagnostics show it.
    public var path: String
    public var documents: Result<[YAMLDocument], YAMLError>

    public init(path: String, documents: Result<[YAMLDocument], YAMLError>) {
        self.path = path
        self.documents = documents
    }

    /// Parses `file`, counting its nodes and text against `limits` together with the files
    /// parsed before it with the same `usage`.
    public static func parse(_ file: ManifestFile, limits: YAMLLimits, usage: inout YAMLUsage) -> ParsedManifest {
        do {
            return ParsedManifest(path: file.path, documents: .success(try YAMLParser.parse(file.bytes, file: file.path, limits: limits, usage: &usage)))
        } catch {
            return ParsedManifest(path: file.path, documents: .failure(error))
        }
    }
}
