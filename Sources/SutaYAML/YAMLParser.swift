/// Parses YAML text into positioned node trees (implementation in progress).
public enum YAMLParser {
    /// Parses every document of one file.
    public static func parse(_ bytes: [UInt8], file: String, limits: YAMLLimits = .default) throws(YAMLError) -> [YAMLDocument] {
        throw YAMLError("not implemented", at: SourceLocation(file: file, line: 1, column: 1))
    }
}
