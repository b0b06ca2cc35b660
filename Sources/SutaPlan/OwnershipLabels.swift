/// The labels sutactl puts on everything it creates, and reads back to know what it owns.
public enum OwnershipLabels {
    public static let project = "sutactl.project"
    public static let service = "sutactl.service"
    public static let replica = "sutactl.replica"
    public static let configHash = "sutactl.config-hash"
    public static let configFields = "sutactl.config-fields"
    /// The services a container's service depends on, comma-separated: `down` and prune stop
    /// dependents before what they depend on, without the manifests (as Compose's label does).
    public static let dependsOn = "sutactl.depends-on"
    /// The names (never the values) of a container's secret environment entries,
    /// comma-separated: `logs` masks their values without the manifests.
    public static let secretEnvironment = "sutactl.secret-env"
    public static let managedBy = "sutactl.managed-by"
    /// The build hash of an image sutactl built (`BuildSpec.hash`): it is rebuilt when that changes.
    public static let buildHash = "sutactl.build-hash"
    public static let managedByValue = "sutactl"

    /// Labels of a network or volume of `project`.
    public static func forObject(project: String) -> [String: String] {
        [self.project: project, managedBy: managedByValue]
    }
}
