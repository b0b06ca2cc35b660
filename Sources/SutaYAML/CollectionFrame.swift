/// A sequence or mapping whose end event has not arrived yet. Its children wait on the
/// builder's shared scratch stacks until it ends.
struct CollectionFrame {
    let location: SourceLocation
    let anchor: String?
    /// The keys and merges seen so far for a mapping; nil for a sequence.
    var mapping: MappingBuilder?
    let isMapping: Bool
    /// Where a sequence's items begin on the shared item stack.
    let itemsStart: Int
    /// Nodes so far, this one included (see `MeasuredNode.size`).
    var size = 1
    /// Estimated memory so far, this one included (see `MeasuredNode.bytes`).
    var bytes = YAMLUsage.collectionBytes
    /// The greatest height among the children so far.
    var childHeight = 0
    /// Children so far: items of a sequence, keys and values of a mapping.
    private(set) var children = 0

    init(location: SourceLocation, anchor: String?, mapping: MappingBuilder?, itemsStart: Int) {
        self.location = location
        self.anchor = anchor
        self.mapping = mapping
        isMapping = mapping != nil
        self.itemsStart = itemsStart
    }

    /// Adds a finished child: to the shared item stack for a sequence, as the next key or
    /// value for a mapping. `size`, `bytes` and `height` are as in `MeasuredNode`. Returns the
    /// memory a mapping's key index grew by (see `MappingBuilder.add`).
    mutating func add(
        _ child: consuming YAMLNode,
        size: Int,
        bytes: Int,
        height: Int,
        items: inout ScratchStack<YAMLNode>,
        entries: inout ScratchStack<YAMLMapEntry>
    ) throws(YAMLError) -> Int {
        self.size += size
        self.bytes += bytes
        children += 1
        childHeight = max(childHeight, height)
        if mapping != nil {
            return try mapping!.add(child, to: &entries)
        }
        items.push(child)
        return 0
    }
}
