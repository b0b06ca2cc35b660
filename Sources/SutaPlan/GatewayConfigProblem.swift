/// Why ``GatewayConfigMerge`` cannot build the configuration for a DB-less Kong node: its
/// export cannot be read, a wanted name belongs to another owner, or another owner's entity
/// depends on one that would go. The message names the entity.
struct GatewayConfigProblem: Error, CustomStringConvertible {
    var message: String

    var description: String { message }
}
