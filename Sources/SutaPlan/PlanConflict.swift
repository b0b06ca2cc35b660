/// An object in the way that sutactl does not own: never touched, always an error.
public struct PlanConflict: Sendable, Hashable, CustomStringConvertible {
    public var kind: String
    public var name: String
    public var id: String
    /// Who owns it: another project's name, or nil for an object sutactl did not create.
    public var owner: String?

    public init(kind: String, name: String, id: String, owner: String?) {
        self.kind = kind
        self.name = name
        self.id = id
        self.owner = owner
    }

    public var description: String {
        let whose = owner.map { "belongs to project `\($0)`" } ?? "was not created by sutactl"
        return "\(kind) `\(name)` (\(id.prefix(12))) already exists and \(whose); remove or rename it, sutactl will not touch it"
    }
}
