/// Parses YAML text into positioned node trees.
public enum YAMLParser {
    /// Parses every document of one file.
    ///
    /// - Returns: one document per YAML document: `[]` for an empty file or one holding only
    ///   comments; a document with no content (`---` alone) has a nil root.
    /// - Throws: `YAMLError` at the offending position for syntax errors, invalid UTF-8 or NUL
    ///   bytes, unknown aliases, duplicate or non-scalar keys, bad `<<` values, and input over
    ///   `limits` (size, nesting depth, node count after alias expansion).
    ///
    /// A node is positioned where it starts: at its anchor or tag if it has one, a block
    /// mapping or sequence at its first key or `-`. Aliases are expanded: the copy's root
    /// carries the alias's position, nodes inside it keep those of the anchored original.
    /// `<<` merge keys are applied: explicit keys win, then earlier merged mappings over later
    /// ones; merged entries stand where `<<` was. A scalar tagged `!!str` is reported as not
    /// plain. An empty value (`key:`) is a plain scalar with empty text.
    public static func parse(_ bytes: [UInt8], file: String, limits: YAMLLimits = .default) throws(YAMLError) -> [YAMLDocument] {
        guard bytes.count <= limits.maxBytes else {
            throw YAMLError(
                "file is \(bytes.count) bytes, more than the limit of \(limits.maxBytes)",
                at: SourceLocation(file: file, line: 1, column: 1)
            )
        }
        guard !bytes.isEmpty else { return [] }
        return try bytes.withUnsafeBufferPointer { (input) throws(YAMLError) -> [YAMLDocument] in
            let reader = try LibYAMLEventReader(input: input, file: file)
            var builder = YAMLTreeBuilder(limits: limits)
            while let event = try reader.next() {
                try builder.handle(event)
            }
            return builder.documents
        }
    }
}
