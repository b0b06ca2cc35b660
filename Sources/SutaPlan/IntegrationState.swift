import SutaModel

/// What the gateway and the discovery agent should hold for a resolved config, derived
/// purely from the manifests: entity names carry the project, tags and meta mark ownership.
public struct IntegrationState: Sendable {
    public var gatewayServices: [GatewayServiceEntity]
    public var registrations: [DiscoveryRegistration]
    /// Sections that could not be honoured (a discovery port that is not published).
    public var problems: [String]

    /// The tag on every gateway entity sutactl owns for `project`.
    public static func ownerTag(project: String) -> String { "sutactl-project-\(project)" }
    /// The meta key on every registration sutactl owns.
    public static let ownerMetaKey = "sutactl-project"

    /// `fingerprintKey` keys the config hash in each registration's meta, as in container labels.
    public init(config: ResolvedConfig, fingerprintKey: FingerprintKey?) {
        let project = config.project.name
        let planner = Planner(config: config, options: PlanOptions(fingerprintKey: fingerprintKey))
        gatewayServices = []
        registrations = []
        problems = []
        for service in config.services where service.replicas > 0 {
            if let gateway = service.gateway, !gateway.routes.isEmpty {
                gatewayServices.append(GatewayServiceEntity(
                    name: "\(project)-\(service.name)", service: service.name,
                    url: "http://\(service.name):\(gateway.port)",
                    routes: gateway.routes.map { route in
                        var qualified = route
                        qualified.name = "\(project)-\(route.name)"
                        return qualified
                    }))
            }
            if let discovery = service.discovery {
                guard let published = service.ports.first(where: { $0.containerPort == discovery.port && $0.hostPort != nil }),
                      let hostPort = published.hostPort else {
                    problems.append("\(service.name): discovery port \(discovery.port) is not published, so it cannot be registered on 127.0.0.1")
                    continue
                }
                let check = discovery.check
                // The check is not visible in the agent's service listing; its hash in the meta
                // makes a changed check a changed registration.
                let target = DiscoveryRegistration.checkTarget(check?.kind, address: "127.0.0.1", port: hostPort)
                let checkText = check.map { check in
                    switch check.kind {
                    case .http: "http(url: \"\(target)\", interval: \(check.interval), timeout: \(check.timeout))"
                    case .tcp: "tcp(address: \"\(target)\", interval: \(check.interval), timeout: \(check.timeout))"
                    }
                } ?? "none"
                let meta = discovery.meta.merging([
                    IntegrationState.ownerMetaKey: project,
                    "sutactl-config-hash": planner.fingerprint(of: service).hash,
                    "sutactl-check-hash": String(SHA256.hex(checkText).prefix(12)),
                ]) { _, ours in ours }
                registrations.append(DiscoveryRegistration(id: "\(project)-\(service.name)", service: service.name, name: discovery.name, tags: discovery.tags,
                                                           meta: meta, address: "127.0.0.1", port: hostPort, check: check))
            }
        }
    }
}
