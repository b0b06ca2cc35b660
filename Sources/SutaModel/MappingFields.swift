import SutaYAML

/// The entries of one mapping node, already checked against the fields its kind allows.
struct MappingFields {
    let node: YAMLNode
    let entries: [YAMLMapEntry]

    /// The value of `key`, or nil when it is absent or explicitly null.
    subscript(key: String) -> YAMLNode? {
        guard let entry = entries.first(where: { $0.key.scalarText == key }) else { return nil }
        return entry.value.isNull ? nil : entry.value
    }

    /// The key node of `key`, for diagnostics about the field itself.
    func keyNode(_ key: String) -> YAMLNode? {
        entries.first { $0.key.scalarText == key }?.key
    }
}

extension YAMLNode {
    /// The text of a scalar node, nil for sequences and mappings.
    var scalarText: String? {
        if case .scalar(let scalar) = value { return scalar.text }
        return nil
    }

    /// A plain `null`, `~` or empty scalar.
    var isNull: Bool {
        guard case .scalar(let scalar) = value, scalar.isPlain else { return false }
        return scalar.text.isEmpty || scalar.text == "null" || scalar.text == "~" || scalar.text == "Null" || scalar.text == "NULL"
    }

    /// `scalar`, `sequence` or `mapping`, for "expected X, found Y" messages.
    var shapeName: String {
        switch value {
        case .scalar(let scalar): scalar.isPlain ? "`\(scalar.text)`" : "string \"\(scalar.text)\""
        case .sequence: "a list"
        case .mapping: "a mapping"
        }
    }
}
