import SutaModel

/// Resolved values as a manifest writes them, so that loading the manifest gives them back.
enum ManifestValue {
    /// Text with `$` escaped as `$$` (a resolved value holds no reference any more).
    static func text(_ value: String) -> ConfigValue { .string(ComposeText.escaped(value)) }

    static func texts(_ values: [String]) -> ConfigValue { .array(values.map(text)) }

    /// A mapping of texts, sorted by key.
    static func textMap(_ values: [String: String]) -> ConfigValue {
        .object(values.sorted { $0.key < $1.key }.map { ($0.key, text($0.value)) })
    }

    static func duration(_ value: Duration) -> ConfigValue { .string(DurationText.format(value)) }
}
