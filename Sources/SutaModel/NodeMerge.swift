import SutaYAML

/// Merges profile `defaults` and `overrides` into a service spec node.
enum NodeMerge {
    /// Mappings merge key by key (recursively); anything else in `overlay` replaces `base`.
    /// A key set to null in `overlay` removes it.
    static func merge(_ base: YAMLNode, _ overlay: YAMLNode) -> YAMLNode {
        guard case .mapping(var entries) = base.value, case .mapping(let changes) = overlay.value else { return overlay }
        for change in changes {
            let index = entries.firstIndex { $0.key.scalarText == change.key.scalarText }
            switch (index, change.value.isNull) {
            case (let i?, true): entries.remove(at: i)
            case (nil, true): continue
            case (let i?, false): entries[i].value = merge(entries[i].value, change.value)
            case (nil, false): entries.append(change)
            }
        }
        return YAMLNode(.mapping(entries), at: base.location)
    }
}
