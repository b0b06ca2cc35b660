/// One change to a swarm, as the swarm planner decided it (`PlanAction.swarm`).
public enum SwarmAction: Sendable, Hashable {
    /// `POST /secrets/create`: one version of a secret variable's value.
    case createSecret(SwarmSecretRequest)
    /// `POST /configs/create`: one version of a read-only file a service mounts.
    case createConfig(SwarmConfigRequest)
    /// `POST /services/create` with this request.
    case createService(SwarmServiceRequest)
    /// `POST /services/{id}/update` with this request (from a fresh read of the version).
    case updateService(SwarmServiceRequest, id: String)
    /// `DELETE /services/{id}`: its tasks stop on every node, each within `stopGrace` (nil: the
    /// engine's default) of its stop signal.
    case removeService(service: String, name: String, id: String, stopGrace: Duration?)
    /// `DELETE /secrets/{id}`: a version no service uses any more.
    case removeSecret(name: String, id: String)
    /// `DELETE /configs/{id}`: a version no service uses any more.
    case removeConfig(name: String, id: String)

    /// `service web`, `secret p_TOKEN_1a2b3c4d`, `config p_web_app.conf_1a2b3c4d`.
    public var subject: String {
        switch self {
        case .createSecret(let request): "secret \(request.name)"
        case .createService(let request), .updateService(let request, _): "service \(request.service.name)"
        case .removeService(let service, _, _, _): "service \(service)"
        case .removeSecret(let name, _): "secret \(name)"
        case .createConfig(let request): "config \(request.name)"
        case .removeConfig(let name, _): "config \(name)"
        }
    }

    /// The service the action is for.
    public var service: String? {
        switch self {
        case .createService(let request), .updateService(let request, _): request.service.name
        case .removeService(let service, _, _, _): service
        case .createSecret, .removeSecret, .createConfig, .removeConfig: nil
        }
    }

    /// `create`, `update`, `remove`.
    public var verb: String {
        switch self {
        case .createSecret, .createService, .createConfig: "create"
        case .updateService: "update"
        case .removeService, .removeSecret, .removeConfig: "remove"
        }
    }

    /// `swarm service p_web 1a2b3c4d5e6f`.
    public var object: String {
        switch self {
        case .createService(let request): "swarm service \(request.name)"
        case .updateService(let request, let id): "swarm service \(request.name) \(id.prefix(12))"
        case .removeService(_, let name, let id, _): "swarm service \(name) \(id.prefix(12))"
        case .createSecret, .removeSecret, .createConfig, .removeConfig: ""
        }
    }
}
