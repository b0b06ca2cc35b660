/// A sequence or mapping whose end event has not arrived yet. Its children wait on the
/// builder's shared scratch stacks until it ends.
struct CollectionFrame {
    let location: SourceLocation
    let anchor: String?
    /// The keys and merges seen so far for a mapping; nil for a sequence.
    var mapping: MappingBuilder?
    /// Where a sequence's items begin on the shared item stack.
    let itemsStart: Int
    /// Nodes so far, this one included (see `MeasuredNode.size`).
    var size = 1
    /// The greatest height among the children so far.
    var childHeight = 0

    init(location: SourceLocation, anchor: String?, mapping: MappingBuilder?, itemsStart: Int) {
        self.location = location
        self.anchor = anchor
        self.mapping = mapping
        self.itemsStart = itemsStart
    }

    /// Adds a finished child: to the shared item stack for a sequence, as the next key or
    /// value for a mapping. `size` and `height` are as in `MeasuredNode`.
    mutating func add(
        _ child: consuming YAMLNode,
        size: Int,
        height: Int,
        items: inout ScratchStack<YAMLNode>,
        entries: inout ScratchStack<YAMLMapEntry>
    ) throws(YAMLError) {
        self.size += size
        childHeight = max(childHeight, height)
        if mapping != nil {
            try mapping!.add(child, to: &entries)
        } else {
            items.push(child)
        }
    }
}
