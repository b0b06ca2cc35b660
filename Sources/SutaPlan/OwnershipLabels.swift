/// The labels sutactl puts on everything it creates, and reads back to know what it owns.
public enum OwnershipLabels {
    public static let project = "sutactl.project"
    public static let service = "sutactl.service"
    public static let replica = "sutactl.replica"
    public static let configHash = "sutactl.config-hash"
    public static let configFields = "sutactl.config-fields"
    public static let managedBy = "sutactl.managed-by"
    public static let managedByValue = "sutactl"

    /// Labels of a network or volume of `project`.
    public static func forObject(project: String) -> [String: String] {
        [self.project: project, managedBy: managedByValue]
    }
}
