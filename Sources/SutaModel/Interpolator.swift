import SutaYAML

/// Expands `${VAR}`, `${VAR:-default}`, `${VAR-default}`, `${VAR:?message}`, `${VAR?message}`,
/// `$VAR` and `$$` in manifest scalars, and tells which results came from secrets.
public struct Interpolator: Sendable {
    /// The result of expanding one scalar.
    public struct Result: Sendable, Equatable {
        public var text: String
        /// The first secret variable the text used, if any.
        public var secretVariable: String?
    }

    public var variables: [String: String]
    public var declaredSecrets: Set<String>
    /// When false, unset variables are not reported (services outside the active profile).
    public var reportsMissing: Bool
    /// When true (read-only commands), an unset secret becomes `UnsetSecret.placeholder` and a
    /// warning instead of an error.
    public var allowsUnsetSecrets: Bool
    /// Longest result accepted, in bytes: the limit on one scalar (`YAMLLimits.maxScalarBytes`).
    public var maxResultBytes: Int

    public init(variables: [String: String], declaredSecrets: Set<String> = [], reportsMissing: Bool = true,
                allowsUnsetSecrets: Bool = false, maxResultBytes: Int = YAMLLimits.default.maxScalarBytes) {
        self.variables = variables
        self.declaredSecrets = declaredSecrets
        self.reportsMissing = reportsMissing
        self.allowsUnsetSecrets = allowsUnsetSecrets
        self.maxResultBytes = maxResultBytes
    }

    public func isSecret(_ name: String) -> Bool {
        declaredSecrets.contains(name) || SecretNames.looksSecret(name)
    }

    /// Expands `text`; nil (with an error in `diagnostics`) when it is malformed or a required
    /// variable is missing.
    public func expand(_ text: String, at location: SourceLocation, into diagnostics: inout DiagnosticList) -> Result? {
        guard text.utf8.contains(UInt8(ascii: "$")) else { return Result(text: text, secretVariable: nil) }
        var output = ""
        var secret: String?
        var failed = false
        var rest = Substring(text)
        while let dollar = rest.firstIndex(of: "$") {
            output += rest[..<dollar]
            rest = rest[rest.index(after: dollar)...]
            if rest.first == "$" {
                output += "$"
                rest = rest.dropFirst()
                continue
            }
            let expression: Substring
            if rest.first == "{" {
                guard let close = rest.firstIndex(of: "}") else {
                    diagnostics.error("unterminated `${` in `\(text)`", at: location, hint: "close it with `}`, or write `$$` for a literal `$`")
                    return nil
                }
                expression = rest[rest.index(after: rest.startIndex)..<close]
                rest = rest[rest.index(after: close)...]
            } else {
                let name = rest.prefix { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
                guard let first = name.first, !first.isNumber else {
                    output += "$"
                    continue
                }
                expression = name
                rest = rest.dropFirst(name.count)
            }
            guard let value = substitute(expression, in: text, at: location, into: &diagnostics, secret: &secret) else {
                failed = true
                continue
            }
            guard output.utf8.count + value.utf8.count <= maxResultBytes else { return tooLong(at: location, into: &diagnostics) }
            output += value
        }
        output += rest
        guard output.utf8.count <= maxResultBytes else { return tooLong(at: location, into: &diagnostics) }
        return failed ? nil : Result(text: output, secretVariable: secret)
    }

    private func tooLong(at location: SourceLocation, into diagnostics: inout DiagnosticList) -> Result? {
        // The value is not shown: it may hold a secret.
        diagnostics.error("value is longer than the limit of \(YAMLLimits.describe(bytes: maxResultBytes)) after interpolation",
                          at: location, hint: "keep large content out of variables")
        return nil
    }

    private func substitute(_ expression: Substring, in text: String, at location: SourceLocation,
                            into diagnostics: inout DiagnosticList, secret: inout String?) -> String? {
        let name = expression.prefix { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
        let operation = expression.dropFirst(name.count)
        guard let first = name.first, !first.isNumber else {
            diagnostics.error("invalid variable reference `${\(expression)}`", at: location,
                              hint: "names are letters, digits and `_`; write `$$` for a literal `$`")
            return nil
        }
        let variable = String(name)
        let value = variables[variable]
        if isSecret(variable), secret == nil { secret = variable }

        func argument(_ op: String) -> String { String(operation.dropFirst(op.count)) }
        switch true {
        case operation.isEmpty:
            if let value { return value }
            if reportsMissing {
                if isSecret(variable) { return unsetSecret(variable, message: "", at: location, into: &diagnostics) }
                diagnostics.warning("variable `\(variable)` is not set; using an empty string", at: location)
            }
            return ""
        case operation.hasPrefix(":-"):
            return (value?.isEmpty ?? true) ? argument(":-") : value
        case operation.hasPrefix("-"):
            return value ?? argument("-")
        case operation.hasPrefix(":?"), operation.hasPrefix("?"):
            let emptyCounts = operation.hasPrefix(":?")
            if let value, !(emptyCounts && value.isEmpty) { return value }
            guard reportsMissing else { return "" }
            let message = argument(emptyCounts ? ":?" : "?")
            if isSecret(variable) { return unsetSecret(variable, message: message, at: location, into: &diagnostics) }
            diagnostics.error("required variable `\(variable)` is not set" + (message.isEmpty ? "" : ": \(message)"), at: location,
                              hint: "export \(variable)=... or put it in the .env file beside the manifests")
            return nil
        default:
            diagnostics.error("invalid variable reference `${\(expression)}`", at: location,
                              hint: "use ${VAR}, ${VAR:-default}, ${VAR-default}, ${VAR:?message} or ${VAR?message}")
            return nil
        }
    }

    /// An unset secret: an error (tagged with the variable, so the resolver reports each
    /// variable once), or for read-only commands a placeholder and a warning.
    private func unsetSecret(_ variable: String, message: String, at location: SourceLocation,
                             into diagnostics: inout DiagnosticList) -> String? {
        let text = "required secret `\(variable)` is not set" + (message.isEmpty ? "" : ": \(message)")
        var diagnostic = Diagnostic(allowsUnsetSecrets ? .warning : .error, text, at: location,
                                    hint: "export \(variable)=... or put it in the .env file beside the manifests")
        diagnostic.unsetSecret = variable
        diagnostics.append(diagnostic)
        return allowsUnsetSecrets ? UnsetSecret.placeholder(variable) : nil
    }
}
