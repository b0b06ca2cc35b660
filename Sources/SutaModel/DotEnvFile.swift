/// What a `.env` file says: its variables, and a positioned diagnostic for every line that
/// could not be read (any error makes the load fail).
public struct DotEnvFile: Sendable, Equatable {
    public var variables: [String: String]
    public var diagnostics: [Diagnostic]

    public init(variables: [String: String] = [:], diagnostics: [Diagnostic] = []) {
        self.variables = variables
        self.diagnostics = diagnostics
    }
}
