import SutaYAML

extension SpecReader {
    /// `environment` as a map or a list of `KEY=VALUE`. Names and values must fit a process
    /// environment (`ProcessLimits`); what is wrong is said without quoting the value.
    mutating func environment(_ node: YAMLNode) -> [EnvironmentVariable] {
        var result: [EnvironmentVariable] = []
        func add(_ name: String, _ valueNode: YAMLNode?, _ reader: inout SpecReader) {
            var value = "", secret: String?, written: String?
            if let valueNode {
                guard let expanded = reader.expandedScalar(valueNode, "environment.\(name)") else { return }
                (value, secret, written) = (expanded.scalar.text, expanded.secret, valueNode.scalarText)
            }
            guard let first = name.unicodeScalars.first, !("0"..."9").contains(first),
                  !name.contains(where: { $0 == " " || $0 == "=" || $0 == "\t" || $0 == "\0" }) else {
                reader.diagnostics.error("invalid environment variable name `\(name)`", at: valueNode?.location ?? node.location)
                return
            }
            if let problem = ProcessLimits.environmentProblem(name: name, value: value) {
                reader.diagnostics.error(problem.message, at: valueNode?.location ?? node.location, hint: problem.hint)
                return
            }
            result.append(EnvironmentVariable(name: name, value: value, isSecret: secret != nil || SecretNames.looksSecret(name),
                                              reference: secret == nil ? nil : written))
        }
        switch node.value {
        case .mapping(let entries):
            result.reserveCapacity(entries.count)
            for entry in entries {
                guard let name = entry.key.scalarText else { continue }
                add(name, entry.value.isNull ? nil : entry.value, &self)
            }
        case .sequence(let items):
            for item in items {
                guard let text = item.scalarText else {
                    diagnostics.error("`environment` entries must be KEY=VALUE strings", at: item.location)
                    continue
                }
                let parts = text.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                var valueNode = item
                valueNode.value = .scalar(YAMLScalar(text: parts.count == 2 ? String(parts[1]) : "", isPlain: false))
                add(String(parts[0]), valueNode, &self)
            }
        case .scalar:
            diagnostics.error("`environment` must be a mapping or a list of KEY=VALUE, found \(node.shapeName)", at: node.location)
        }
        // A later entry for the same name wins, as in a shell.
        var seen = Set<String>()
        return result.reversed().filter { seen.insert($0.name).inserted }.sorted { $0.name < $1.name }
    }
}
