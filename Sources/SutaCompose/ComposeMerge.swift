import SutaYAML

/// Compose's rules for `-f base.yaml -f override.yaml` and for `extends`: mappings merge key
/// by key; `environment` and `labels` merge by name whichever form (list or map) each file
/// uses; lists of ports, capabilities and the like are concatenated; `volumes` and
/// `secrets` are merged by target; anything else is replaced by the later file.
enum ComposeMerge {
    /// Keys of a service whose lists add up.
    static let concatenated: Set<String> = ["ports", "expose", "cap_add", "cap_drop", "security_opt", "tmpfs", "dns",
                                            "dns_search", "external_links", "env_file", "devices"]

    /// Merges two whole compose files.
    static func file(_ base: YAMLNode, _ override: YAMLNode) -> YAMLNode {
        mapping(base, override) { key, old, new in
            guard key == "services" || key == "networks" || key == "volumes" || key == "secrets" else { return new }
            return mapping(old, new) { _, oldEntry, newEntry in
                key == "services" ? service(oldEntry, newEntry) : mapping(oldEntry, newEntry) { _, _, value in value }
            }
        }
    }

    /// Merges one service's keys over another's.
    static func service(_ base: YAMLNode, _ override: YAMLNode) -> YAMLNode {
        mapping(base, override) { key, old, new in
            switch key {
            case "environment", "labels":
                return mapping(keyed(old), keyed(new)) { _, _, value in value }
            case "volumes", "secrets":
                guard let oldItems = old.sequence, let newItems = new.sequence else { return new }
                let targets = Set(newItems.compactMap(target))
                return YAMLNode(.sequence(oldItems.filter { target($0).map { !targets.contains($0) } ?? true } + newItems), at: new.location)
            case _ where concatenated.contains(key):
                guard let oldItems = old.sequence ?? old.scalar.map({ _ in [old] }),
                      let newItems = new.sequence ?? new.scalar.map({ _ in [new] }) else { return new }
                return YAMLNode(.sequence(oldItems + newItems), at: new.location)
            case "build", "deploy", "healthcheck", "logging", "depends_on", "networks", "ulimits":
                return mapping(old, new) { _, a, b in a.mapping != nil && b.mapping != nil ? mapping(a, b) { _, _, value in value } : b }
            default:
                return new
            }
        }
    }

    /// Merges two mappings: keys of both are merged by `combine`, the rest kept in order.
    /// When either is not a mapping, the override wins.
    static func mapping(_ base: YAMLNode, _ override: YAMLNode, combine: (String, YAMLNode, YAMLNode) -> YAMLNode) -> YAMLNode {
        guard var entries = base.mapping, let added = override.mapping else { return override }
        for entry in added {
            guard let key = entry.key.scalar?.text else { continue }
            if let index = entries.firstIndex(where: { $0.key.scalar?.text == key }) {
                entries[index].value = combine(key, entries[index].value, entry.value)
            } else {
                entries.append(entry)
            }
        }
        return YAMLNode(.mapping(entries), at: base.location)
    }

    /// A `KEY=VALUE` list as a mapping (`KEY` alone maps to null, as in a map); a mapping as it is.
    static func keyed(_ node: YAMLNode) -> YAMLNode {
        guard let items = node.sequence else { return node }
        return YAMLNode(.mapping(items.compactMap { item in
            guard let text = item.scalar?.text else { return nil }
            let parts = text.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let key = YAMLNode(.scalar(YAMLScalar(text: String(parts[0]), isPlain: true)), at: item.location)
            let value = parts.count == 2 ? YAMLScalar(text: String(parts[1]), isPlain: false) : YAMLScalar(text: "", isPlain: true)
            return YAMLMapEntry(key: key, value: YAMLNode(.scalar(value), at: item.location))
        }), at: node.location)
    }

    /// The container path a `volumes` or `secrets` entry mounts at.
    private static func target(_ item: YAMLNode) -> String? {
        if let text = item.scalar?.text {
            let parts = ComposeText.split(text, at: ":")
            return parts.count >= 2 ? parts[1] : parts[0]
        }
        return item["target"]?.scalar?.text ?? item["source"]?.scalar?.text
    }
}
