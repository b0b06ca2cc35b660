/// Builds documents from libyaml events: expands aliases, applies merge keys (through
/// `MappingBuilder`), checks tags (`YAMLTagRule`) and enforces the node-count, text and depth
/// limits as it goes, so hostile input fails before any large tree exists. Iterative: its
/// stack never exceeds `maxDepth`.
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
    /// What earlier files of the load produced, and what this one has added so far.
    private let earlier: YAMLUsage
    private(set) var usage: YAMLUsage

    init(limits: YAMLLimits, earlier: YAMLUsage) {
        self.limits = limits
        self.earlier = earlier
        usage = earlier
    }

    mutating func handle(_ event: consuming LibYAMLEvent) throws(YAMLError) {
        switch consume event {
        case .documentStart(let location):
            usage.documents += 1
            if usage.documents > limits.maxDocuments {
                throw YAMLError("\(earlier == YAMLUsage() ? "file has" : "this file and the ones before it have") more than \(limits.maxDocuments) documents",
                                at: location, hint: "the limit is \(limits.maxDocuments) documents in all manifest files")
            }
            documentLocation = location
            root = nil
            anchors.removeAll(keepingCapacity: true)
        case .documentEnd:
            // libyaml always sends a document start first.
            guard let location = documentLocation else { preconditionFailure("document end without start") }
            documents.append(YAMLDocument(root: root.take(), location: location))
        case let .scalar(text, isPlainStyle, tag, anchor, location):
            let bytes = YAMLUsage.estimate(text: text.utf8.count)
            try count(1, bytes: bytes, at: location)
            // `!!str` makes even an unquoted `8080` or `true` a string.
            let isPlain = try YAMLTagRule.scalarIsPlain(tag: tag, text: text, isPlainStyle: isPlainStyle, at: location)
            try add(YAMLNode(.scalar(YAMLScalar(text: text, isPlain: isPlain)), at: location), size: 1, bytes: bytes, height: 0, anchor: anchor)
        case let .sequenceStart(tag, anchor, location):
            try YAMLTagRule.checkCollection(tag: tag, isMapping: false, at: location)
            try open(isMapping: false, anchor: anchor, at: location)
        case let .mappingStart(tag, anchor, location):
            try YAMLTagRule.checkCollection(tag: tag, isMapping: true, at: location)
            try open(isMapping: true, anchor: anchor, at: location)
        case .sequenceEnd, .mappingEnd:
            try close()
        case let .alias(name, location):
            guard let anchored = anchors[name] else { throw unknownAlias(name, at: location) }
            guard stack.count + anchored.height <= limits.maxDepth else { throw depthError(at: location) }
            try count(anchored.size, bytes: anchored.bytes, at: location)
            // Arrays are copy-on-write, so this shares the anchored tree instead of copying it.
            try add(YAMLNode(anchored.node.value, at: location), size: anchored.size, bytes: anchored.bytes,
                    height: anchored.height, anchor: nil)
        }
    }

    /// A collection in key position is rejected by `MappingBuilder` once it is complete
    /// (at the same location): checking here would cost a frame copy per collection.
    private mutating func open(isMapping: Bool, anchor: String?, at location: SourceLocation) throws(YAMLError) {
        guard stack.count < limits.maxDepth else { throw depthError(at: location) }
        try count(1, bytes: YAMLUsage.collectionBytes, at: location)
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
        try add(YAMLNode(value, at: frame.location), size: frame.size, bytes: frame.bytes, height: frame.childHeight + 1,
                anchor: frame.anchor)
    }

    /// Hands a finished node to the collection it belongs to, or makes it the document root.
    /// `size`, `bytes` and `height` are as in `MeasuredNode`.
    private mutating func add(_ node: consuming YAMLNode, size: Int, bytes: Int, height: Int, anchor: String?) throws(YAMLError) {
        if let anchor {
            anchors[anchor] = MeasuredNode(node: copy node, size: size, bytes: bytes, height: height)
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
        let location = node.location
        let top = stack.count - 1
        let indexBytes = try stack[top].add(node, size: size, bytes: bytes, height: height, items: &items, entries: &entries)
        if indexBytes > 0 { try count(0, bytes: indexBytes, at: location) }
        let isMapping = stack[top].isMapping
        if (isMapping ? (stack[top].children + 1) / 2 : stack[top].children) > limits.maxCollectionEntries {
            throw YAMLError(isMapping ? "mapping has more than \(limits.maxCollectionEntries) entries" : "list has more than \(limits.maxCollectionEntries) items",
                            at: stack[top].location, hint: "the limit is \(limits.maxCollectionEntries) per list or mapping")
        }
    }

    private mutating func count(_ nodes: Int, bytes: Int, at location: SourceLocation) throws(YAMLError) {
        usage.nodes += nodes
        usage.bytes += bytes
        // With earlier files the limit is theirs too: say so, or the number would puzzle.
        let what = earlier == YAMLUsage() ? "document expands" : "this file and the ones before it expand"
        if usage.nodes > limits.maxNodes {
            throw YAMLError("\(what) to more than \(limits.maxNodes) nodes (alias bomb?)", at: location,
                            hint: "the limit counts keys and every copy an alias makes")
        }
        if usage.bytes > limits.maxParsedBytes {
            throw YAMLError("\(what) to more than \(YAMLLimits.describe(bytes: limits.maxParsedBytes)) once parsed (alias bomb?)",
                            at: location, hint: "the limit estimates the memory of nodes and their text, every copy an alias makes included")
        }
    }

    private func depthError(at location: SourceLocation) -> YAMLError {
        YAMLError("nesting deeper than \(limits.maxDepth) levels", at: location)
    }

    private func unknownAlias(_ name: String, at location: SourceLocation) -> YAMLError {
        // Anchors are registered when their node ends, so an alias inside its own anchor is unknown too.
        if (0..<stack.count).contains(where: { stack[$0].anchor == name }) {
            return YAMLError("alias `*\(YAMLError.excerpt(name))` refers to a node that contains it", at: location)
        }
        return YAMLError("unknown alias `*\(YAMLError.excerpt(name))`", at: location)
    }
}
