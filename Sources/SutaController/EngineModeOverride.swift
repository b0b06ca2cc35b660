/// How `--engine` reaches the manifest loader: the CLI sets this variable, and the loader lets
/// its value win over the Project's `engine.mode`.
public enum EngineModeOverride {
    /// `SUTACTL_ENGINE=docker|swarm`.
    public static let variable = "SUTACTL_ENGINE"
}
