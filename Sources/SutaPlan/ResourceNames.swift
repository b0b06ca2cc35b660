/// Engine names of a project's objects: `project-service-1` containers, and networks and
/// volumes prefixed `project_` (as Compose does) so two projects never collide.
public struct ResourceNames: Sendable, Hashable {
    public var project: String

    public init(project: String) {
        self.project = project
    }

    public func container(service: String, replica: Int) -> String { "\(project)-\(service)-\(replica)" }
    /// The name a replica's old container takes while a rollout replaces it.
    public func previousContainer(service: String, replica: Int) -> String { container(service: service, replica: replica) + ObservedContainer.previousSuffix }
    public func network(_ name: String) -> String { "\(project)_\(name)" }
    public func volume(_ name: String) -> String { "\(project)_\(name)" }
}
