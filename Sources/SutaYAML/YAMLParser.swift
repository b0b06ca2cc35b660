/// Parses YAML text into positioned node trees.
public enum YAMLParser {
    /// Parses every document of one file.
    ///
    /// - Returns: one document per YAML document: `[]` for an empty file or one holding only
    ///   comments; a document with no content (`---` alone) has a nil root.
    /// - Throws: `YAMLError` at the offending position for syntax errors (an unclosed quote or
    ///   bracket at its opening), invalid UTF-8 or NUL bytes, unknown aliases, duplicate or
    ///   non-scalar keys, bad `<<` values, tags other than YAML's standard ones where they fit
    ///   (`YAMLTagRule`), and input over `limits` (file size, scalar size, nesting depth, node
    ///   count and text after alias expansion).
    ///
    /// A node is positioned where it starts: at its anchor or tag if it has one, a block
    /// mapping or sequence at its first key or `-`. Aliases are expanded: the copy's root
    /// carries the alias's position, nodes inside it keep those of the anchored original.
    /// `<<` merge keys are applied: explicit keys win, then earlier merged mappings over later
    /// ones; merged entries stand where `<<` was. A scalar tagged `!!str` is reported as not
    /// plain. An empty value (`key:`) is a plain scalar with empty text.
    public static func parse(_ bytes: [UInt8], file: String, limits: YAMLLimits = .default) throws(YAMLError) -> [YAMLDocument] {
        var usage = YAMLUsage()
        return try parse(bytes, file: file, limits: limits, usage: &usage)
    }

    /// Parses one file of several, counting `limits.maxNodes` and `maxParsedBytes` for all
    /// of them: `usage` holds what the earlier files produced and gains this file's share if it
    /// parses. If it stops at one of those limits, `usage` is left over the limit
    /// (`YAMLUsage.exceeds`): the files after it need not be parsed.
    public static func parse(_ bytes: [UInt8], file: String, limits: YAMLLimits, usage: inout YAMLUsage) throws(YAMLError) -> [YAMLDocument] {
        guard bytes.count <= limits.maxBytes else {
            throw YAMLError(
                "file is \(bytes.count) bytes, more than the limit of \(YAMLLimits.describe(bytes: limits.maxBytes))",
                at: SourceLocation(file: file, line: 1, column: 1)
            )
        }
        guard !bytes.isEmpty else { return [] }
        let earlier = usage
        return try bytes.withUnsafeBufferPointer { (input) throws(YAMLError) -> [YAMLDocument] in
            var reader = try LibYAMLEventReader(input: input, file: file, maxScalarBytes: limits.maxScalarBytes)
            var builder = YAMLTreeBuilder(limits: limits, earlier: earlier)
            do throws(YAMLError) {
                while let event = try reader.next() {
                    try builder.handle(event)
                }
            } catch {
                if builder.usage.exceeds(limits) { usage = builder.usage }
                throw error
            }
            usage = builder.usage
            return builder.documents
        }
    }
}
