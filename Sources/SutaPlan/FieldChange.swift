/// One field that differs between what runs and what the manifests say, Terraform-style:
/// `~ resources.memory 64M -> 96M`, `+ environment.FEATURE "on"`, `- ports 127.0.0.1:8080->80/tcp`.
/// A secret's value is never shown: `~ environment.DB_PASSWORD (secret changed)`.
public struct FieldChange: Sendable, Hashable, Codable {
    public var path: String
    /// nil when the field is new.
    public var before: String?
    /// nil when the field is gone.
    public var after: String?
    public var secret: Bool
    /// Where the change was made: false for the manifests, true for the running container
    /// (e.g. `docker update --memory`).
    public var inContainer = false

    public init(path: String, before: String?, after: String?, secret: Bool, inContainer: Bool = false) {
        self.path = path
        self.before = before
        self.after = after
        self.secret = secret
        self.inContainer = inContainer
    }

    /// A change of the environment that only secret values explain: which secret, the
    /// planner cannot tell (their values are never kept).
    public static let secretInEnvironment = FieldChange(path: "environment", before: "", after: "", secret: true)

    public var text: String {
        if self == FieldChange.secretInEnvironment { return "~ environment (a secret value changed)" }
        let suffix = inContainer ? " (changed in the container)" : ""
        switch (before, after) {
        case (nil, _): return "+ \(path)" + (secret ? " (secret)" : " \(after ?? "")") + suffix
        case (_, nil): return "- \(path)" + (secret ? " (secret)" : " \(before ?? "")") + suffix
        default: return "~ \(path)" + (secret ? " (secret changed)" : " \(before ?? "") -> \(after ?? "")") + suffix
        }
    }
}
