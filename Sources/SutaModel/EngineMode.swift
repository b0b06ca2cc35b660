/// What the project's services run on: containers on one Docker Engine, or services on a
/// Docker Swarm (through a manager's API). The Project's `engine.mode`; `--engine` overrides it.
public enum EngineMode: String, Sendable, Hashable, CaseIterable {
    /// One container per replica on one engine (the default).
    case docker
    /// One swarm service per service; its tasks run on the swarm's nodes.
    case swarm
}
