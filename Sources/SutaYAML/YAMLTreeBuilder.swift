/// Builds documents from libyaml events: expands aliases, applies merge keys (through
/// `MappingBuilder`) and enforces the node-count and depth limits as it goes, so hostile
/// input fails before any large tree exists. Iterative: its stack never exceeds `maxDepth`.
struct YAMLTreeBuilder: ~Copyable {
    private let limits: YAMLLimits
    /// Finished documents, in file order.
    private(set) var documents: [YAMLDocument] = []
    private var documentLocation: SourceLocation?
    private var root: YAMLNode?
    /// Open collections, outermost first.
    private var stack = ScratchStack<CollectionFrame>()
    /// Finished children of the open sequences and mappings.
    private var items = ScratchStack<YAMLNode>()
    private var entries = ScratchStack<YAMLMapEntry>()
    /// Anchors of the current document; a later anchor with the same name replaces an earlier one.
    private var anchors: [String: MeasuredNode] = [:]
    /// Nodes produced so far in the whole file, alias copies included.
    private var nodeCount = 0

    private static let stringTag = "tag:yaml.org,2002:str"

    init(limits: YAMLLimits) {
        self.limits = limits
    }

    mutating func handle(_ event: consuming LibYAMLEvent) throws(YAMLError) {
        switch consume event {
        case .documentStart(let location):
            documentLocation = location
            root = nil
            anchors.removeAll(keepingCapacity: true)
        case .documentEnd:
            // libyaml always sends a document start first.
            guard let location = documentLocation else { preconditionFailure("document end without start") }
            documents.append(YAMLDocument(root: root.take(), location: location))
        case let .scalar(text, isPlainStyle, tag, anchor, location):
            try count(1, at: location)
            // `!!str` makes even an unquoted `8080` or `true` a string.
            let scalar = YAMLScalar(text: text, isPlain: isPlainStyle && tag != Self.stringTag)
            try add(YAMLNode(.scalar(scalar), at: location), size: 1, height: 0, anchor: anchor)
        case let .sequenceStart(anchor, location):
            try open(isMapping: false, anchor: anchor, at: location)
        case let .mappingStart(anchor, location):
            try open(isMapping: true, anchor: anchor, at: location)
        case .sequenceEnd, .mappingEnd:
            try close()
        case let .alias(name, location):
            guard let anchored = anchors[name] else { throw unknownAlias(name, at: location) }
            guard stack.count + anchored.height <= limits.maxDepth else { throw depthError(at: location) }
            try count(anchored.size, at: location)
            // Arrays are copy-on-write, so this shares the anchored tree instead of copying it.
            try add(YAMLNode(anchored.node.value, at: location), size: anchored.size, height: anchored.height, anchor: nil)
        }
    }

    /// A collection in key position is rejected by `MappingBuilder` once it is complete
    /// (at the same location): checking here would cost a frame copy per collection.
    private mutating func open(isMapping: Bool, anchor: String?, at location: SourceLocation) throws(YAMLError) {
        guard stack.count < limits.maxDepth else { throw depthError(at: location) }
        try count(1, at: location)
        let mapping = isMapping ? MappingBuilder(start: entries.count) : nil
        stack.push(CollectionFrame(location: location, anchor: anchor, mapping: mapping, itemsStart: items.count))
    }

    private mutating func close() throws(YAMLError) {
        var frame = stack.popLast()
        let value: YAMLNode.Value
        if let mapping = frame.mapping.take() {
            value = .mapping(mapping.finish(taking: &entries))
        } else {
            value = .sequence(items.pop(from: frame.itemsStart))
        }
        try add(YAMLNode(value, at: frame.location), size: frame.size, height: frame.childHeight + 1, anchor: frame.anchor)
    }

    /// Hands a finished node to the collection it belongs to, or makes it the document root.
    /// `size` and `height` are as in `MeasuredNode`.
    private mutating func add(_ node: consuming YAMLNode, size: Int, height: Int, anchor: String?) throws(YAMLError) {
        if let anchor {
            anchors[anchor] = MeasuredNode(node: copy node, size: size, height: height)
        }
        guard stack.count > 0 else {
            // libyaml reports an empty document as an empty plain scalar.
            if let scalar = node.scalar, scalar.isPlain, scalar.text.isEmpty {
                root = nil
            } else {
                root = node
            }
            return
        }
        try stack[stack.count - 1].add(node, size: size, height: height, items: &items, entries: &entries)
    }

    private mutating func count(_ nodes: Int, at location: SourceLocation) throws(YAMLError) {
        nodeCount += nodes
        if nodeCount > limits.maxNodes {
            throw YAMLError("document expands to more than \(limits.maxNodes) nodes (alias bomb?)", at: location)
        }
    }

    private func depthError(at location: SourceLocation) -> YAMLError {
        YAMLError("nesting deeper than \(limits.maxDepth) levels", at: location)
    }

    private func unknownAlias(_ name: String, at location: SourceLocation) -> YAMLError {
        // Anchors are registered when their node ends, so an alias inside its own anchor is unknown too.
        if (0..<stack.count).contains(where: { stack[$0].anchor == name }) {
            return YAMLError("alias `*\(name)` refers to a node that contains it", at: location)
        }
        return YAMLError("unknown alias `*\(name)`", at: location)
    }
}
