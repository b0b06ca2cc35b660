import SutaYAML

extension SpecReader {
    mutating func project(_ document: ManifestDocument) -> ProjectSpec {
        var project = ProjectSpec(name: document.name, location: document.nameLocation)
        let allowed = ["default_profile", "profiles_dir", "secrets", "engine", "gateway", "discovery", "model_server"]
        guard let node = document.spec, let f = fields(node, of: "project spec", allowed: allowed) else { return project }
        project.defaultProfile = f["default_profile"].flatMap { string($0, "default_profile") }
        project.profilesDirectory = f["profiles_dir"].flatMap { string($0, "profiles_dir") }
            .map { absolutePath($0, besides: document.location.file) }
        project.secrets = f["secrets"].flatMap { stringList($0, "secrets") } ?? []
        if let n = f["engine"], let e = fields(n, of: "engine", allowed: ["host"]) {
            if let host = e["host"].flatMap({ string($0, "host") }) {
                if host.hasPrefix("unix://") { project.engineHost = host } else {
                    diagnostics.error("engine `host` must be a unix:// address, found `\(host)`", at: e["host"]!.location)
                }
            }
        }
        if let n = f["gateway"], let g = fields(n, of: "gateway", allowed: ["service", "admin_port", "admin_url", "mode"]) {
            var gateway = GatewaySettings()
            gateway.service = g["service"].flatMap { string($0, "service") }
            gateway.adminPort = g["admin_port"].flatMap { port($0, "admin_port") }
            gateway.adminURL = g["admin_url"].flatMap { loopbackURL($0, "admin_url") }
            if let m = g["mode"], let text = choice(m, "mode", GatewaySettings.Mode.allCases.map(\.rawValue)) {
                gateway.mode = GatewaySettings.Mode(rawValue: text)!
            }
            project.gateway = gateway
        }
        if let n = f["discovery"], let d = fields(n, of: "discovery", allowed: ["service", "port", "address", "token_env"]) {
            project.discovery = DiscoverySettings(service: d["service"].flatMap { string($0, "service") },
                                                  port: d["port"].flatMap { port($0, "port") },
                                                  address: d["address"].flatMap { loopbackURL($0, "address") },
                                                  tokenEnv: d["token_env"].flatMap { string($0, "token_env") })
        }
        if let n = f["model_server"], let m = fields(n, of: "model_server", allowed: ["service", "url"]) {
            project.modelServer = ModelServerSettings(service: m["service"].flatMap { string($0, "service") },
                                                      url: m["url"].flatMap { loopbackURL($0, "url") })
        }
        return project
    }

    /// sutactl only talks to this machine: gateway, discovery and model server URLs must be
    /// http://127.x or http://localhost.
    private mutating func loopbackURL(_ node: YAMLNode, _ what: String) -> String? {
        guard let text = string(node, what) else { return nil }
        let rest = text.hasPrefix("http://") ? text.dropFirst("http://".count) : nil
        let host = rest.map { $0.prefix { $0 != ":" && $0 != "/" } }
        guard let host, host.hasPrefix("127.") || host == "localhost" else {
            diagnostics.error("`\(what)` must be an http:// address on 127.0.0.1, found `\(text)`", at: node.location,
                              hint: "publish the port on 127.0.0.1 and point sutactl there")
            return nil
        }
        return text
    }

    mutating func network(_ document: ManifestDocument) -> NetworkSpec {
        var network = NetworkSpec(name: document.name, location: document.nameLocation)
        network.labels = document.labels
        let allowed = ["driver", "internal", "attachable", "enable_ipv6", "ipam", "options"]
        guard let node = document.spec, let f = fields(node, of: "network spec", allowed: allowed) else { return network }
        if let n = f["driver"], let driver = string(n, "driver") { network.driver = driver }
        if let n = f["internal"] { network.isInternal = bool(n, "internal") ?? false }
        if let n = f["attachable"] { network.attachable = bool(n, "attachable") ?? false }
        if let n = f["enable_ipv6"] { network.enableIPv6 = bool(n, "enable_ipv6") ?? false }
        if let n = f["options"] { network.options = stringMap(n, "options") ?? [:] }
        if let n = f["ipam"], let i = fields(n, of: "ipam", allowed: ["subnet", "gateway", "ip_range"]) {
            guard let subnetNode = i["subnet"] else {
                diagnostics.error("`ipam` needs a `subnet`", at: n.location)
                return network
            }
            guard let subnet = cidr(subnetNode, "subnet") else { return network }
            var ipam = IPAMConfig(subnet: subnet, gateway: nil, ipRange: nil)
            if let g = i["gateway"], let text = string(g, "gateway") {
                if let address = IPv4Subnet.parseAddress(text), subnet.contains(address) {
                    ipam.gateway = text
                } else {
                    diagnostics.error("gateway `\(text)` is not an address in subnet \(subnet)", at: g.location)
                }
            }
            if let r = i["ip_range"], let range = cidr(r, "ip_range") {
                if subnet.contains(range.address), range.prefixLength >= subnet.prefixLength {
                    ipam.ipRange = range
                } else {
                    diagnostics.error("ip_range \(range) is not inside subnet \(subnet)", at: r.location)
                }
            }
            network.ipam = ipam
        }
        return network
    }

    private mutating func cidr(_ node: YAMLNode, _ what: String) -> IPv4Subnet? {
        guard let text = string(node, what) else { return nil }
        guard let subnet = IPv4Subnet(cidr: text) else {
            diagnostics.error("`\(what)` must be an IPv4 network like 172.20.0.0/16, found `\(text)`", at: node.location)
            return nil
        }
        return subnet
    }

    mutating func volume(_ document: ManifestDocument) -> VolumeSpec {
        var volume = VolumeSpec(name: document.name, location: document.nameLocation)
        volume.labels = document.labels
        guard let node = document.spec, let f = fields(node, of: "volume spec", allowed: ["driver", "driver_opts"]) else { return volume }
        if let n = f["driver"], let driver = string(n, "driver") { volume.driver = driver }
        if let n = f["driver_opts"] { volume.driverOptions = stringMap(n, "driver_opts") ?? [:] }
        return volume
    }
}
