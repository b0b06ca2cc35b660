import SutaModel

/// One action of a plan, why it is needed, and what must happen before it.
public struct PlanStep: Sendable, Hashable {
    /// A service whose condition must hold before a container step starts (on a swarm: before
    /// the service step is sent).
    public struct Wait: Sendable, Hashable {
        public var service: String
        public var condition: Dependency.Condition

        public init(service: String, condition: Dependency.Condition) {
            self.service = service
            self.condition = condition
        }
    }

    public var id: Int
    public var action: PlanAction
    public var cause: String
    /// Steps that must have succeeded first (a failure there skips this step).
    public var after: [Int]
    /// Dependency conditions checked against the engine before the container starts.
    public var waitFor: [Wait]
    /// Host ports the new container publishes. Before a running container is stopped for its
    /// replacement, each must be free or held by that container; otherwise the step fails and
    /// the running container is left untouched.
    public var freeHostPorts: [HostPort]
    /// Field by field, what the step changes (a create: its key attributes as additions).
    public var changes: [FieldChange] = []
    /// A create or recreate step: the container it creates, exactly as it is sent.
    public var container: ContainerRequest?
    /// A recreate of a running container: how the rollout replaces it (nil: remove, then create).
    public var rollout: RolloutPlan?
    /// A build step: the image it builds, exactly as it is sent.
    public var image: ImageBuildRequest?
    /// Why the step cannot be carried out (a container whose labels would not be comparable);
    /// the executor fails it with this text.
    public var refusal: String?

    public init(id: Int, action: PlanAction, cause: String, after: [Int] = [], waitFor: [Wait] = [], freeHostPorts: [HostPort] = []) {
        self.id = id
        self.action = action
        self.cause = cause
        self.after = after
        self.waitFor = waitFor
        self.freeHostPorts = freeHostPorts
    }
}
