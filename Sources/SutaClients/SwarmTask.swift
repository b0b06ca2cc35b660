/// One task of a swarm service as `GET /tasks` lists it.
public struct SwarmTask: Decodable, Sendable, Equatable {
    public var id: String
    public var serviceID: String
    /// Empty until the task is assigned.
    public var nodeID: String
    public var slot: Int?
    /// What the orchestrator wants: `running`, `shutdown`, ...
    public var desiredState: String
    /// `new`, `pending`, `assigned`, `preparing`, `starting`, `running`, `complete`, `failed`,
    /// `shutdown`, `rejected`, `orphaned`. A task with a health check is `starting` until healthy.
    public var state: String
    public var message: String
    public var error: String?
    /// States in which the task's container no longer runs.
    public static let stoppedStates: Set<String> = ["complete", "shutdown", "failed", "rejected", "orphaned", "remove"]

    /// Whether the task's container has a health check.
    public var hasHealthCheck: Bool
    /// The task's template: equal to its service's when the task runs the current spec.
    public var spec: SwarmServiceSpec.TaskTemplate?

    enum CodingKeys: String, CodingKey {
        case id = "ID", serviceID = "ServiceID", nodeID = "NodeID", slot = "Slot", desiredState = "DesiredState", status = "Status", spec = "Spec"
    }
    enum StatusKeys: String, CodingKey { case state = "State", message = "Message", err = "Err" }
    enum SpecKeys: String, CodingKey { case containerSpec = "ContainerSpec" }
    enum ContainerKeys: String, CodingKey { case healthCheck = "Healthcheck" }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        serviceID = try container.decodeIfPresent(String.self, forKey: .serviceID) ?? ""
        nodeID = try container.decodeIfPresent(String.self, forKey: .nodeID) ?? ""
        slot = try container.decodeIfPresent(Int.self, forKey: .slot)
        desiredState = try container.decodeIfPresent(String.self, forKey: .desiredState) ?? ""
        let status = try container.nestedContainer(keyedBy: StatusKeys.self, forKey: .status)
        state = try status.decodeIfPresent(String.self, forKey: .state) ?? ""
        message = try status.decodeIfPresent(String.self, forKey: .message) ?? ""
        error = try status.decodeIfPresent(String.self, forKey: .err)
        spec = try? container.decodeIfPresent(SwarmServiceSpec.TaskTemplate.self, forKey: .spec)
        let check: Healthcheck? = (try? container.nestedContainer(keyedBy: SpecKeys.self, forKey: .spec)
            .nestedContainer(keyedBy: ContainerKeys.self, forKey: .containerSpec).decodeIfPresent(Healthcheck.self, forKey: .healthCheck)) ?? nil
        hasHealthCheck = check?.test.map { $0 != ["NONE"] && !$0.isEmpty } ?? false
    }
}
