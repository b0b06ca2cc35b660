/// The key bookkeeping of one open mapping: checks keys, rejects duplicates and applies
/// `<<` merge keys when the mapping ends. The explicit entries themselves wait on the
/// builder's shared entry stack, from `start` up.
struct MappingBuilder {
    /// Where this mapping's entries begin on the shared entry stack.
    private let start: Int
    /// The key whose value comes next; nil when the next child is a key.
    private var pendingKey: YAMLNode?
    private var pendingKeyIsMerge = false
    /// Where the first `<<` key was, so a second one is reported as a duplicate.
    private var mergeKeyLocation: SourceLocation?
    /// How many explicit entries came before `<<`: merged entries go there.
    private var mergeIndex = 0
    /// Mappings named by `<<`, in order of precedence (earlier wins).
    private var mergeSources: [[YAMLMapEntry]] = []
    /// Key text to index on the entry stack, built once a mapping is too big for linear search.
    private var keyIndex: [String: Int] = [:]

    private static let linearSearchLimit = 16

    init(start: Int) {
        self.start = start
    }

    /// Adds the next key or value. Returns the memory the key index grew by, so it can be
    /// counted against `YAMLLimits.maxParsedBytes` while the mapping is read.
    mutating func add(_ child: consuming YAMLNode, to entries: inout ScratchStack<YAMLMapEntry>) throws(YAMLError) -> Int {
        guard let key = pendingKey.take() else {
            try addKey(child, entries: entries)
            return 0
        }
        if pendingKeyIsMerge {
            try addMergeSource(child)
            return 0
        }
        entries.push(YAMLMapEntry(key: key, value: child))
        let explicitCount = entries.count - start
        if explicitCount >= Self.linearSearchLimit {
            // Index every key once linear search gets slow, then each new one.
            let first = explicitCount == Self.linearSearchLimit ? start : entries.count - 1
            for index in first..<entries.count {
                keyIndex[Self.text(of: entries[index].key)] = index
            }
            return (entries.count - first) * YAMLUsage.keyIndexBytes
        }
        return 0
    }

    /// Takes this mapping's entries off the stack, with merged ones (those no explicit key
    /// overrides) where `<<` stood.
    consuming func finish(taking entries: inout ScratchStack<YAMLMapEntry>) -> [YAMLMapEntry] {
        let explicit = entries.pop(from: start)
        guard !mergeSources.isEmpty else { return explicit }
        // Hashing pays off only for big mappings; most merges bring a handful of keys.
        let candidates = mergeSources.reduce(0) { $0 + $1.count }
        var taken: Set<String>? = explicit.count + candidates > Self.linearSearchLimit
            ? Set(explicit.map { Self.text(of: $0.key) }) : nil
        var merged: [YAMLMapEntry] = []
        for source in mergeSources {
            for entry in source {
                let text = Self.text(of: entry.key)
                let isNew = taken?.insert(text).inserted
                    ?? !(explicit.contains { Self.text(of: $0.key) == text } || merged.contains { Self.text(of: $0.key) == text })
                if isNew {
                    merged.append(entry)
                }
            }
        }
        var result: [YAMLMapEntry] = []
        result.reserveCapacity(explicit.count + merged.count)
        result.append(contentsOf: explicit[..<mergeIndex])
        result.append(contentsOf: merged)
        result.append(contentsOf: explicit[mergeIndex...])
        return result
    }

    private mutating func addKey(_ key: consuming YAMLNode, entries: borrowing ScratchStack<YAMLMapEntry>) throws(YAMLError) {
        guard let scalar = key.scalar else {
            throw YAMLError("mapping keys must be scalars", at: key.location)
        }
        let isMerge = scalar.isPlain && scalar.text == "<<"
        if let first = isMerge ? mergeKeyLocation : firstLocation(of: scalar.text, in: entries) {
            throw YAMLError("duplicate key `\(YAMLError.excerpt(scalar.text))` (first defined at line \(first.line))", at: key.location)
        }
        if isMerge {
            mergeKeyLocation = key.location
            mergeIndex = entries.count - start
        }
        pendingKey = key
        pendingKeyIsMerge = isMerge
    }

    private func firstLocation(of text: String, in entries: borrowing ScratchStack<YAMLMapEntry>) -> SourceLocation? {
        if entries.count - start >= Self.linearSearchLimit {
            return keyIndex[text].map { entries[$0].key.location }
        }
        for index in start..<entries.count where Self.text(of: entries[index].key) == text {
            return entries[index].key.location
        }
        return nil
    }

    private mutating func addMergeSource(_ value: YAMLNode) throws(YAMLError) {
        switch value.value {
        case .mapping(let source):
            mergeSources.append(source)
        case .sequence(let items):
            for item in items {
                guard case .mapping(let source) = item.value else {
                    throw YAMLError("`<<` merges only mappings; this item is not one", at: item.location)
                }
                mergeSources.append(source)
            }
        case .scalar:
            throw YAMLError("`<<` needs a mapping or a sequence of mappings to merge", at: value.location)
        }
    }

    /// Keys are scalars: `addKey` rejects anything else, and merged mappings were built here too.
    private static func text(of key: borrowing YAMLNode) -> String {
        guard case .scalar(let scalar) = key.value else { preconditionFailure("non-scalar mapping key") }
        return scalar.text
    }
}
