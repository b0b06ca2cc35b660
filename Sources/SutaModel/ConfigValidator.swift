import SutaYAML

/// The checks that need more than one document: references, cycles, clashes, and the
/// active profile's dependencies. Also builds the resolved config once they pass.
struct ConfigValidator {
    let project: ProjectSpec
    /// Every decoded service, active or not.
    let services: [ServiceSpec]
    let active: Set<String>
    let networks: [NetworkSpec]
    let volumes: [VolumeSpec]
    /// Index into `services` by name (indices, not copies: 5,000 specs are megabytes).
    private let serviceIndex: [String: Int]
    private let networksByName: [String: NetworkSpec]
    private let volumeNames: Set<String>

    init(project: ProjectSpec, services: [ServiceSpec], active: Set<String>, networks: [NetworkSpec], volumes: [VolumeSpec]) {
        self.project = project
        self.services = services
        self.active = active
        self.networks = networks
        self.volumes = volumes
        serviceIndex = Dictionary(services.indices.map { (services[$0].name, $0) }, uniquingKeysWith: { first, _ in first })
        networksByName = Dictionary(networks.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        volumeNames = Set(volumes.map(\.name))
    }

    private func spec(named name: String) -> ServiceSpec? { serviceIndex[name].map { services[$0] } }

    mutating func check(into diagnostics: inout DiagnosticList) {
        for service in services {
            checkImage(service, &diagnostics)
            checkReferences(service, &diagnostics)
            checkRollout(service, &diagnostics)
            if active.contains(service.name) { checkActive(service, &diagnostics) }
        }
        checkCycles(&diagnostics)
        checkPublishedPorts(&diagnostics)
        checkStaticAddresses(&diagnostics)
        checkSettings(&diagnostics)
        IntegrationNameRules(services: services, active: active).check(into: &diagnostics)
    }

    /// A start-first replacement runs both containers at once: not with a fixed host port.
    private func checkRollout(_ service: ServiceSpec, _ diagnostics: inout DiagnosticList) {
        guard service.updateConfig?.order == .startFirst, let port = service.ports.first(where: { $0.hostPort != nil }) else { return }
        diagnostics.error("`order: start-first` cannot replace service `\(service.name)`: it publishes the fixed host port \(port.hostPort!), "
                          + "which the old and the new container cannot both bind", at: service.updateConfig?.location ?? service.location,
                          hint: "use `order: stop-first`, or let the engine pick the host port")
    }

    private func checkReferences(_ service: ServiceSpec, _ diagnostics: inout DiagnosticList) {
        for attachment in service.networks {
            guard let network = networksByName[attachment.network] else {
                diagnostics.error("service `\(service.name)` uses undefined network `\(attachment.network)`", at: attachment.location,
                                  hint: Suggestion.hint(for: attachment.network, among: networksByName.keys) ?? "declare it with kind: Network")
                continue
            }
            if let address = attachment.ipv4Address {
                if let ipam = network.ipam {
                    if !ipam.subnet.contains(IPv4Subnet.parseAddress(address)!) {
                        diagnostics.error("address \(address) of `\(service.name)` is outside subnet \(ipam.subnet) of `\(network.name)`",
                                          at: attachment.addressLocation ?? attachment.location)
                    }
                } else {
                    diagnostics.error("`\(service.name)` asks for address \(address), but network `\(network.name)` has no ipam subnet",
                                      at: attachment.addressLocation ?? attachment.location, hint: "static addresses need `ipam.subnet` on the network")
                }
            }
        }
        for mount in service.volumes where mount.kind == .volume {
            if let name = mount.source, !volumeNames.contains(name) {
                diagnostics.error("service `\(service.name)` uses undefined volume `\(name)`", at: mount.location,
                                  hint: Suggestion.hint(for: name, among: volumeNames) ?? "declare it with kind: Volume")
            }
        }
        var seenTargets: [String: SourceLocation] = [:]
        for mount in service.volumes {
            // The engine compares cleaned paths: /data and /data/ are the same mount point.
            let target = PathText.normalize(mount.target)
            if let first = seenTargets[target] {
                diagnostics.error("`\(service.name)` mounts two things at \(mount.target)", at: mount.location, hint: "the first is at \(first)")
            }
            seenTargets[target] = mount.location
        }
        for dependency in service.dependsOn {
            if dependency.service == service.name {
                diagnostics.error("service `\(service.name)` depends on itself", at: dependency.location)
                continue
            }
            guard let target = spec(named: dependency.service) else {
                diagnostics.error("service `\(service.name)` depends on undefined service `\(dependency.service)`", at: dependency.location,
                                  hint: Suggestion.hint(for: dependency.service, among: serviceIndex.keys))
                continue
            }
            if dependency.condition == .healthy, target.healthcheck == nil || target.healthcheck?.probe == .disabled {
                diagnostics.error("`\(service.name)` waits for `\(target.name)` to be healthy, but `\(target.name)` has no healthcheck",
                                  at: dependency.location, hint: "add a healthcheck to `\(target.name)` or use condition service_started")
            }
        }
    }

    /// An image the engine would refuse (Docker's reference grammar), for every service.
    private func checkImage(_ service: ServiceSpec, _ diagnostics: inout DiagnosticList) {
        if service.image.isEmpty {
            diagnostics.error("service `\(service.name)` has an empty image", at: service.imageLocation)
        } else if let problem = ImageReferenceGrammar.problem(service.image) {
            diagnostics.error("image `\(service.image)` of `\(service.name)` is not a valid image reference: \(problem)", at: service.imageLocation,
                              hint: service.build == nil ? "write [REGISTRY[:PORT]/]NAME[:TAG][@sha256:DIGEST], e.g. `postgres:16.3-alpine`"
                                  : "set `image:` to the NAME[:TAG] to build")
        } else if service.build != nil, ImageReference(service.image).digest != nil {
            diagnostics.error("image `\(service.image)` of `\(service.name)` names a digest; a built image is named by a tag",
                              at: service.imageLocation, hint: "write NAME[:TAG], e.g. `\(ImageReference(service.image).repository):1`")
        }
    }

    private func checkActive(_ service: ServiceSpec, _ diagnostics: inout DiagnosticList) {
        for dependency in service.dependsOn where dependency.required && serviceIndex[dependency.service] != nil
            && !active.contains(dependency.service) {
            diagnostics.error("`\(service.name)` requires `\(dependency.service)`, which is not in the active profile", at: dependency.location,
                              hint: "add `\(dependency.service)` to the profile, or mark the dependency `required: false`")
        }
        // An invalid image is reported for every service by checkImage; tags are advice for valid
        // ones, and not for an image built here (no registry is asked for it).
        let reference = ImageReference(service.image)
        if !service.image.isEmpty, service.build == nil, ImageReferenceGrammar.problem(service.image) == nil {
            if reference.tag == nil && reference.digest == nil {
                diagnostics.warning("image `\(service.image)` of `\(service.name)` has no tag; it means `latest`", at: service.imageLocation,
                                    hint: "pin a version, e.g. `\(service.image):1.2.3`")
            } else if reference.tag == "latest" {
                diagnostics.warning("image `\(service.image)` of `\(service.name)` uses the `latest` tag", at: service.imageLocation,
                                    hint: "pin a version so applies are repeatable")
            }
        }
        if let gateway = project.gateway, gateway.service == service.name, let port = gateway.adminPort {
            for mapping in service.ports where mapping.containerPort == port && !mapping.isLoopback {
                diagnostics.warning("gateway admin port \(port) of `\(service.name)` is published on \(mapping.hostIP)", at: mapping.location,
                                    hint: "publish the admin API on 127.0.0.1 only")
            }
        }
        if let discovery = project.discovery, discovery.service == service.name, let port = discovery.port {
            for mapping in service.ports where mapping.containerPort == port && !mapping.isLoopback {
                diagnostics.warning("discovery port \(port) of `\(service.name)` is published on \(mapping.hostIP)", at: mapping.location,
                                    hint: "publish the agent's API on 127.0.0.1 only")
            }
        }
    }

    /// Every cycle of `depends_on`, once each, printed as `a -> b -> c -> a`.
    private func checkCycles(_ diagnostics: inout DiagnosticList) {
        enum Mark { case visiting, done }
        var marks: [String: Mark] = [:]
        var stack: [String] = []
        func visit(_ name: String) {
            marks[name] = .visiting
            stack.append(name)
            for dependency in spec(named: name)?.dependsOn ?? [] where serviceIndex[dependency.service] != nil
                && dependency.service != name {
                switch marks[dependency.service] {
                case .visiting:
                    let cycle = stack[stack.lastIndex(of: dependency.service)!...] + [dependency.service]
                    diagnostics.error("dependency cycle: \(cycle.joined(separator: " -> "))", at: dependency.location,
                                      hint: "break the cycle, or mark one edge `required: false` and drop it from a profile")
                case .done: continue
                case nil: visit(dependency.service)
                }
            }
            stack.removeLast()
            marks[name] = .done
        }
        for service in services where marks[service.name] == nil { visit(service.name) }
    }

    /// The same host address and port published twice among the active services
    /// (0.0.0.0 clashes with every address on that port).
    private func checkPublishedPorts(_ diagnostics: inout DiagnosticList) {
        var byPort: [String: [(service: String, mapping: PortMapping)]] = [:]
        for service in services where active.contains(service.name) {
            for mapping in service.ports {
                guard let port = mapping.hostPort else { continue }
                // On a swarm, one task per node can hold the port on its node.
                let onePerNode = project.engineMode == .swarm && service.placement?.maxReplicasPerNode == 1
                if service.replicas > 1 && !onePerNode {
                    diagnostics.error("`\(service.name)` has \(service.replicas) replicas but publishes the fixed host port \(port): only one container can hold it",
                                      at: mapping.location,
                                      hint: "leave the host port out (`\(mapping.hostIP)::\(mapping.containerPort)`) to get one per replica, or set replicas: 1")
                }
                let key = "\(port)/\(mapping.transport.rawValue)"
                for earlier in byPort[key] ?? [] {
                    let a = earlier.mapping.hostIP, b = mapping.hostIP
                    if a == b || a == "0.0.0.0" || b == "0.0.0.0" {
                        diagnostics.error("host port \(b):\(port)/\(mapping.transport.rawValue) of `\(service.name)` is already published by `\(earlier.service)`",
                                          at: mapping.location, hint: "the first is at \(earlier.mapping.location)")
                        break
                    }
                }
                byPort[key, default: []].append((service.name, mapping))
            }
        }
    }

    private func checkStaticAddresses(_ diagnostics: inout DiagnosticList) {
        var taken: [String: String] = [:]
        for service in services where active.contains(service.name) {
            for attachment in service.networks {
                guard let address = attachment.ipv4Address else { continue }
                let key = "\(attachment.network)/\(address)"
                if let owner = taken[key] {
                    diagnostics.error("address \(address) on `\(attachment.network)` is given to both `\(owner)` and `\(service.name)`",
                                      at: attachment.addressLocation ?? attachment.location)
                }
                taken[key] = service.name
            }
        }
    }

    private func checkSettings(_ diagnostics: inout DiagnosticList) {
        let named: [(String, String?)] = [("gateway", project.gateway?.service), ("discovery", project.discovery?.service),
                                          ("model_server", project.modelServer?.service)]
        for case let (section, service?) in named where serviceIndex[service] == nil {
            diagnostics.error("project \(section) names undefined service `\(service)`", at: project.location,
                              hint: Suggestion.hint(for: service, among: serviceIndex.keys))
        }
    }

    /// The active services with optional dependencies outside the profile dropped, and
    /// the networks and volumes they use.
    func resolvedConfig(profiles: [String]) -> ResolvedConfig {
        var chosen: [ServiceSpec] = []
        chosen.reserveCapacity(active.count)
        for index in services.indices.filter({ active.contains(services[$0].name) }).sorted(by: { services[$0].name < services[$1].name }) {
            var service = services[index]
            service.dependsOn.removeAll { !active.contains($0.service) }
            chosen.append(service)
        }
        let usedNetworks = Set(chosen.flatMap { $0.networks.map(\.network) })
        let usedVolumes = Set(chosen.flatMap { $0.volumes.compactMap { $0.kind == .volume ? $0.source : nil } })
        var config = ResolvedConfig(project: project, profiles: profiles, services: chosen,
                                    networks: networks.filter { usedNetworks.contains($0.name) }.sorted { $0.name < $1.name },
                                    volumes: volumes.filter { usedVolumes.contains($0.name) }.sorted { $0.name < $1.name })
        config.declaredServices = Set(services.map(\.name))
        return config
    }
}
