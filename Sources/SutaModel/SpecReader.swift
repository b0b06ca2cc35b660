import SutaYAML

/// Reads typed values out of YAML nodes, expanding variables and collecting every problem
/// instead of stopping at the first.
struct SpecReader {
    var interpolator: Interpolator
    var diagnostics = DiagnosticList()
    /// Relative manifest paths are relative to this directory (bind sources become absolute).
    let workingDirectory: String
    /// Set while a service of the active profile is decoded: host and policy checks; nil otherwise.
    var activeChecks: ActiveServiceChecks?
    /// The project's engine mode (read before the services): some fields only one mode honours.
    var engineMode: EngineMode = .docker
    /// Engine mode swarm: `gateway` and `discovery` sections with no server to register with
    /// (the project's gateway or discovery service is not in the profile): inert, so accepted.
    var inertIntegrationFields: Set<String> = []
    /// Most text interpolation may add in all, in bytes: a `${BIG}` used in many places, or
    /// reached through many alias copies, would otherwise multiply a value without bound.
    let maxInterpolatedBytes: Int
    /// Text interpolation has added so far.
    private var interpolatedBytes = 0

    init(interpolator: Interpolator, workingDirectory: String, maxInterpolatedBytes: Int) {
        self.interpolator = interpolator
        self.workingDirectory = workingDirectory
        self.maxInterpolatedBytes = maxInterpolatedBytes
    }

    /// `path` (relative to the manifest file `file`) as an absolute path.
    func absolutePath(_ path: String, besides file: String) -> String {
        PathText.resolve(path, relativeTo: file.hasPrefix("/") ? file : workingDirectory + "/" + file)
    }

    /// The fields of a mapping node; unknown keys are reported with a did-you-mean hint, and
    /// `refused` ones (known, but not accepted) with their rule and hint.
    mutating func fields(_ node: YAMLNode, of what: String, allowed: [String],
                         refused: [String: (rule: CISDockerRule, hint: String)] = [:]) -> MappingFields? {
        guard case .mapping(let entries) = node.value else {
            diagnostics.error("\(what) must be a mapping, found \(node.shapeName)", at: node.location)
            return nil
        }
        for entry in entries {
            guard let key = entry.key.scalarText else { continue }
            if let refusal = refused[key] {
                diagnostics.error("`\(key)` is not supported (\(refusal.rule.citation))", at: entry.key.location, hint: refusal.hint)
            } else if !allowed.contains(key) {
                diagnostics.error("unknown field `\(key)` in \(what)", at: entry.key.location,
                                  hint: Suggestion.hint(for: key, among: allowed) ?? "allowed: \(allowed.joined(separator: ", "))")
            }
        }
        return MappingFields(node: node, entries: entries)
    }

    /// A scalar after interpolation, with the secret it used, if any.
    mutating func expandedScalar(_ node: YAMLNode, _ what: String) -> (scalar: YAMLScalar, secret: String?)? {
        guard case .scalar(let scalar) = node.value else {
            diagnostics.error("`\(what)` must be a single value, found \(node.shapeName)", at: node.location)
            return nil
        }
        guard let result = interpolator.expand(scalar.text, at: node.location, into: &diagnostics) else { return nil }
        let added = result.text.utf8.count - scalar.text.utf8.count
        if added > 0 {
            interpolatedBytes += added
            if interpolatedBytes > maxInterpolatedBytes {
                if interpolatedBytes - added <= maxInterpolatedBytes {
                    diagnostics.error("variables add more than \(YAMLLimits.describe(bytes: maxInterpolatedBytes)) of text to the manifests",
                                      at: node.location, hint: "a large value used in many places; keep large content out of variables")
                }
                return nil
            }
        }
        return (YAMLScalar(text: result.text, isPlain: scalar.isPlain), result.secretVariable)
    }

    /// A scalar that must not carry a secret (secrets go in `environment` values only).
    mutating func scalar(_ node: YAMLNode, _ what: String) -> YAMLScalar? {
        guard let (scalar, secret) = expandedScalar(node, what) else { return nil }
        if let secret {
            diagnostics.error("secret `\(secret)` may only be used in `environment` values, not in `\(what)`", at: node.location,
                              hint: "labels, commands and names are shown by `config`, `status` and `docker inspect`")
            return nil
        }
        return scalar
    }

    mutating func string(_ node: YAMLNode, _ what: String) -> String? {
        scalar(node, what)?.text
    }

    mutating func bool(_ node: YAMLNode, _ what: String) -> Bool? {
        guard let scalar = scalar(node, what) else { return nil }
        switch (scalar.isPlain, scalar.text) {
        case (true, "true"), (true, "True"), (true, "TRUE"): return true
        case (true, "false"), (true, "False"), (true, "FALSE"): return false
        default:
            diagnostics.error("`\(what)` must be true or false, found \(node.shapeName)", at: node.location)
            return nil
        }
    }

    mutating func int(_ node: YAMLNode, _ what: String, in range: ClosedRange<Int> = 0...Int.max) -> Int? {
        guard let scalar = scalar(node, what) else { return nil }
        guard let value = Int(scalar.text) else {
            diagnostics.error("`\(what)` must be a whole number, found \(node.shapeName)", at: node.location)
            return nil
        }
        guard range.contains(value) else {
            let upper = range.upperBound == Int.max ? "" : " to \(range.upperBound)"
            diagnostics.error("`\(what)` must be \(range.lowerBound)\(upper.isEmpty ? " or more" : upper), found \(value)", at: node.location)
            return nil
        }
        return value
    }

    mutating func port(_ node: YAMLNode, _ what: String) -> Int? {
        int(node, what, in: 1...65535)
    }

    mutating func positiveNumber(_ node: YAMLNode, _ what: String) -> Double? {
        guard let scalar = scalar(node, what) else { return nil }
        guard let value = Double(scalar.text), value.isFinite else {
            diagnostics.error("`\(what)` must be a number, found \(node.shapeName)", at: node.location)
            return nil
        }
        guard value > 0 else {
            diagnostics.error("`\(what)` must be greater than 0, found \(scalar.text)", at: node.location)
            return nil
        }
        return value
    }

    mutating func duration(_ node: YAMLNode, _ what: String) -> Duration? {
        guard let scalar = scalar(node, what) else { return nil }
        guard let value = DurationText.parse(scalar.text) else {
            let hint = Double(scalar.text) != nil ? "add a unit: `\(scalar.text)s`" : "use a number with a unit: 500ms, 10s, 1m30s, 2h"
            diagnostics.error("`\(what)` is not a duration: `\(scalar.text)`", at: node.location, hint: hint)
            return nil
        }
        return value
    }

    mutating func memory(_ node: YAMLNode, _ what: String) -> Int64? {
        guard let scalar = scalar(node, what) else { return nil }
        guard let value = MemorySize.parse(scalar.text) else {
            diagnostics.error("`\(what)` is not a memory size: `\(scalar.text)`", at: node.location,
                              hint: "use a number with a unit: 512M, 2G, 1.5G (binary units b, k, m, g, t)")
            return nil
        }
        return value
    }

    /// One of `choices`, with a did-you-mean for near misses.
    mutating func choice(_ node: YAMLNode, _ what: String, _ choices: [String]) -> String? {
        guard let text = string(node, what) else { return nil }
        guard choices.contains(text) else {
            diagnostics.error("`\(what)` must be one of \(choices.joined(separator: ", ")), found `\(text)`", at: node.location,
                              hint: Suggestion.hint(for: text, among: choices))
            return nil
        }
        return text
    }

    /// The items of a sequence node.
    mutating func sequence(_ node: YAMLNode, _ what: String) -> [YAMLNode]? {
        guard case .sequence(let items) = node.value else {
            diagnostics.error("`\(what)` must be a list, found \(node.shapeName)", at: node.location)
            return nil
        }
        return items
    }

    mutating func stringList(_ node: YAMLNode, _ what: String) -> [String]? {
        guard let items = sequence(node, what) else { return nil }
        return items.compactMap { string($0, what) }
    }

    /// A list of strings, or one string split into words the way a shell would (quotes kept together).
    /// A word the kernel cannot pass to a process (a NUL byte, more than 128 KiB) is an error:
    /// the container would fail at exec.
    mutating func commandLine(_ node: YAMLNode, _ what: String) -> [String]? {
        var words: [String]
        var locations: [SourceLocation]
        if case .sequence(let items) = node.value {
            guard let list = stringList(node, what) else { return nil }
            words = list
            locations = list.count == items.count ? items.map(\.location) : list.map { _ in node.location }
        } else {
            guard let text = string(node, what) else { return nil }
            guard let split = ShellWords.split(text) else {
                diagnostics.error("`\(what)` has an unterminated quote", at: node.location)
                return nil
            }
            words = split
            locations = split.map { _ in node.location }
        }
        for (index, word) in words.enumerated() {
            if let problem = ProcessLimits.argumentProblem(word) {
                diagnostics.error("`\(what)` word \(index + 1) \(problem)", at: locations[index])
                return nil
            }
        }
        return words
    }

    /// A mapping of strings (numbers and booleans are taken as their text).
    mutating func stringMap(_ node: YAMLNode, _ what: String) -> [String: String]? {
        guard case .mapping(let entries) = node.value else {
            diagnostics.error("`\(what)` must be a mapping, found \(node.shapeName)", at: node.location)
            return nil
        }
        var result: [String: String] = [:]
        for entry in entries {
            guard let key = entry.key.scalarText else { continue }
            if entry.value.isNull { result[key] = ""; continue }
            if let value = string(entry.value, "\(what).\(key)") { result[key] = value }
        }
        return result
    }
}
