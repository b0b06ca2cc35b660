import SutaModel

/// One change to the engine, the gateway, the discovery agent or the model server. An
/// integration action carries the request it sends, as the planner decided it.
public enum PlanAction: Sendable, Hashable {
    case createNetwork(NetworkSpec, name: String)
    case createVolume(VolumeSpec, name: String)
    /// Create and start the container of one replica.
    case createContainer(service: String, replica: Int, name: String)
    /// Stop and remove the old container, then create and start a new one. `stopGrace` nil:
    /// the grace period the container was created with (the engine's default when none).
    case recreateContainer(service: String, replica: Int, name: String, containerID: String, changed: [String], stopGrace: Duration?)
    case startContainer(service: String, replica: Int, name: String, containerID: String)
    /// Supervision: stop (gracefully) and start the same container again, attempt `attempt`.
    case restartContainer(service: String, replica: Int, name: String, containerID: String, stopGrace: Duration?, attempt: Int)
    /// Supervision gives up on a crash-looping service: it is left as it is (its gateway routes
    /// and registration stay) until the manifests change.
    case holdService(service: String, reason: String)
    /// Undo an interrupted rollout: remove the new container (if any) and give the previous
    /// generation its name back, started.
    case restoreContainer(service: String, replica: Int, name: String, containerID: String, failedID: String?, stopGrace: Duration?)
    /// Set a running container's limits and restart policy back to the manifests' values.
    case updateContainer(service: String, name: String, containerID: String, resources: LiveResources)
    /// Stop (the container's stop signal, then SIGKILL after `stopGrace`) and remove.
    case removeContainer(service: String?, name: String, containerID: String, stopGrace: Duration?)
    case removeNetwork(name: String, id: String)
    case removeVolume(name: String)
    /// Gateway (database mode): `PUT /services/{name}` forwarding to `url`.
    case upsertGatewayService(name: String, url: String, tags: [String], exists: Bool)
    /// Gateway (database mode): `PUT /routes/{name}` on the gateway service `service`.
    case upsertGatewayRoute(GatewayRoute, service: String, tags: [String], exists: Bool)
    /// Gateway (database mode): `DELETE /routes/{id}`.
    case removeGatewayRoute(name: String, id: String)
    /// Gateway (database mode): `DELETE /services/{id}`, after its routes.
    case removeGatewayService(name: String, id: String)
    /// DB-less gateway: `POST /config` with this text, the node's whole configuration.
    case loadGatewayConfig(text: String)
    /// Discovery: `PUT /v1/agent/service/register` with this registration.
    case register(DiscoveryRegistration, exists: Bool)
    /// Discovery: `PUT /v1/agent/service/deregister/{id}`.
    case deregister(id: String, name: String)
    /// Model server: `POST /api/pull`.
    case pullModel(name: String)
    /// Model server: load into memory through `/api/generate` or `/api/embed`.
    case preloadModel(name: String, method: ModelPreload, keepAlive: String)
    /// Build the image `tag` from the `build` of `service`, labelled with `hash`.
    case buildImage(service: String, tag: String, hash: String)
    /// A change to a swarm (engine mode swarm): services and secrets.
    case swarm(SwarmAction)

    /// `network`, `volume` or `service NAME`: what the action is about, for output.
    public var subject: String {
        switch self {
        case .createNetwork(_, let name), .removeNetwork(let name, _): "network \(name)"
        case .createVolume(_, let name), .removeVolume(let name): "volume \(name)"
        case .createContainer(let service, _, _), .recreateContainer(let service, _, _, _, _, _), .startContainer(let service, _, _, _):
            "service \(service)"
        case .updateContainer(let service, _, _, _), .restartContainer(let service, _, _, _, _, _), .holdService(let service, _):
            "service \(service)"
        case .restoreContainer(let service, _, _, _, _, _): "service \(service)"
        case .removeContainer(let service, let name, _, _): service.map { "service \($0)" } ?? "container \(name)"
        case .upsertGatewayService(let name, _, _, _), .removeGatewayService(let name, _): "gateway service \(name)"
        case .upsertGatewayRoute(let route, _, _, _): "gateway route \(route.name)"
        case .removeGatewayRoute(let name, _): "gateway route \(name)"
        case .loadGatewayConfig: "gateway configuration"
        case .register(let registration, _): "registration \(registration.id)"
        case .deregister(let id, _): "registration \(id)"
        case .pullModel(let name), .preloadModel(let name, _, _): "model \(name)"
        case .buildImage(let service, _, _): "service \(service)"
        case .swarm(let action): action.subject
        }
    }

    /// `kong`, `consul` or `ollama` for an integration action (its circuit breaker's name).
    public var dependency: String? {
        switch self {
        case .upsertGatewayService, .upsertGatewayRoute, .removeGatewayRoute, .removeGatewayService, .loadGatewayConfig: "kong"
        case .register, .deregister: "consul"
        case .pullModel, .preloadModel: "ollama"
        default: nil
        }
    }

    /// The service a container action is for.
    public var service: String? {
        switch self {
        case .createContainer(let service, _, _), .recreateContainer(let service, _, _, _, _, _), .startContainer(let service, _, _, _): service
        case .removeContainer(let service, _, _, _): service
        case .updateContainer(let service, _, _, _), .restartContainer(let service, _, _, _, _, _), .holdService(let service, _): service
        case .buildImage(let service, _, _): service
        case .restoreContainer(let service, _, _, _, _, _): service
        case .swarm(let action): action.service
        default: nil
        }
    }

    /// Whether the action puts a configuration of a service into service: a container created
    /// or recreated, a swarm service created or updated (what a rollout revision records).
    public var deploysConfiguration: Bool {
        switch self {
        case .createContainer, .recreateContainer, .swarm(.createService), .swarm(.updateService): true
        default: false
        }
    }

    /// `create`, `recreate`, `start`, `remove`, `build`.
    public var verb: String {
        switch self {
        case .createNetwork, .createVolume, .createContainer: "create"
        case .recreateContainer: "recreate"
        case .startContainer: "start"
        case .updateContainer: "update"
        case .restartContainer: "restart"
        case .holdService: "hold"
        case .restoreContainer: "restore"
        case .removeContainer, .removeNetwork, .removeVolume, .removeGatewayRoute, .removeGatewayService: "remove"
        case .upsertGatewayService(_, _, _, let exists), .upsertGatewayRoute(_, _, _, let exists): exists ? "update" : "create"
        case .loadGatewayConfig: "load"
        case .register(_, let exists): exists ? "update" : "register"
        case .deregister: "deregister"
        case .pullModel: "pull"
        case .preloadModel: "preload"
        case .buildImage: "build"
        case .swarm(let action): action.verb
        }
    }

    /// The engine object acted on, as shown in the plan text.
    public var object: String {
        switch self {
        case .createNetwork, .createVolume, .removeNetwork, .removeVolume, .holdService: ""
        case .upsertGatewayService, .upsertGatewayRoute, .removeGatewayRoute, .removeGatewayService, .loadGatewayConfig,
             .register, .deregister, .pullModel, .preloadModel: ""
        case .createContainer(_, _, let name): "container \(name)"
        case .recreateContainer(_, _, let name, let id, _, _), .startContainer(_, _, let name, let id), .removeContainer(_, let name, let id, _),
             .updateContainer(_, let name, let id, _), .restartContainer(_, _, let name, let id, _, _):
            "container \(name) \(id.prefix(12))"
        case .buildImage(_, let tag, _): "image \(tag)"
        case .restoreContainer(_, _, let name, let id, _, _): "container \(name) \(id.prefix(12))"
        case .swarm(let action): action.object
        }
    }
}
