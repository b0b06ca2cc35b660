import SutaYAML

extension SpecReader {
    static let buildFields = ["context", "dockerfile", "args", "target", "labels"]

    /// `build: ./dir` or `build: {context, dockerfile, args, target, labels}`; the context
    /// is relative to the manifest file, the Dockerfile to the context (and must lie in it).
    mutating func build(_ node: YAMLNode) -> BuildSpec? {
        if case .scalar = node.value {
            guard let text = string(node, "build") else { return nil }
            return BuildSpec(context: absolutePath(text.isEmpty ? "." : text, besides: node.location.file), location: node.location)
        }
        guard let f = fields(node, of: "build", allowed: Self.buildFields) else { return nil }
        let contextText = f["context"].flatMap { string($0, "build.context") } ?? "."
        var spec = BuildSpec(context: absolutePath(contextText.isEmpty ? "." : contextText, besides: node.location.file), location: node.location)
        if let n = f["dockerfile"], let text = string(n, "build.dockerfile") {
            if let relative = dockerfilePath(text, in: spec.context) {
                spec.dockerfile = relative
            } else {
                diagnostics.error("`build.dockerfile` `\(text)` is outside the build context `\(contextText)`", at: n.location,
                                  hint: "put the Dockerfile in the context directory (the engine reads it from there)")
            }
        }
        if let n = f["args"] { spec.args = buildArgs(n) }
        if let n = f["target"] { spec.target = string(n, "build.target") }
        if let n = f["labels"] { spec.labels = labels(n, "build.labels") }
        return spec
    }

    /// The Dockerfile's path relative to `context`, or nil when it lies outside.
    private func dockerfilePath(_ text: String, in context: String) -> String? {
        let absolute = PathText.normalize(text.hasPrefix("/") ? text : context + "/" + text)
        let root = PathText.directory(context)
        guard absolute.hasPrefix(root), absolute.count > root.count else { return nil }
        return String(absolute.dropFirst(root.count))
    }

    /// Build arguments: a mapping, or a list of `NAME=VALUE`. An argument without a value
    /// (Compose takes it from the shell) is an error: say `NAME: ${NAME}`.
    private mutating func buildArgs(_ node: YAMLNode) -> [String: String] {
        var args: [String: String] = [:]
        switch node.value {
        case .mapping(let entries):
            for entry in entries {
                guard let name = entry.key.scalarText else { continue }
                if entry.value.isNull {
                    diagnostics.error("build argument `\(name)` has no value", at: entry.key.location, hint: "write `\(name): ${\(name)}`")
                } else if let value = string(entry.value, "build.args.\(name)") {
                    args[name] = value
                }
            }
        case .sequence(let items):
            for item in items {
                guard let text = string(item, "build.args") else { continue }
                guard let equals = text.firstIndex(of: "="), equals != text.startIndex else {
                    diagnostics.error("build argument `\(text)` has no value", at: item.location, hint: "write `\(text)=${\(text)}`")
                    continue
                }
                args[String(text[..<equals])] = String(text[text.index(after: equals)...])
            }
        case .scalar:
            diagnostics.error("`build.args` must be a mapping or a list of NAME=VALUE, found \(node.shapeName)", at: node.location)
        }
        return args
    }
}
