import SutaYAML

extension SpecReader {
    mutating func project(_ document: ManifestDocument) -> ProjectSpec {
        var project = ProjectSpec(name: document.name, location: document.nameLocation)
        let allowed = ["default_profile", "profiles_dir", "secrets", "engine", "gateway", "discovery", "model_server",
                       "breakers", "supervision", "policy", "update_config", "rollback_config"]
        guard let node = document.spec, let f = fields(node, of: "project spec", allowed: allowed) else { return project }
        project.defaultProfile = f["default_profile"].flatMap { string($0, "default_profile") }
        project.profilesDirectory = f["profiles_dir"].flatMap { string($0, "profiles_dir") }
            .map { absolutePath($0, besides: document.location.file) }
        project.secrets = f["secrets"].flatMap { stringList($0, "secrets") } ?? []
        if let n = f["engine"], let e = fields(n, of: "engine", allowed: ["host", "mode"]) {
            if let m = e["mode"], let text = choice(m, "mode", EngineMode.allCases.map(\.rawValue)) { project.engineMode = EngineMode(rawValue: text)! }
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
        if let n = f["model_server"], let m = fields(n, of: "model_server", allowed: ["service", "url", "models"]) {
            project.modelServer = ModelServerSettings(service: m["service"].flatMap { string($0, "service") },
                                                      url: m["url"].flatMap { loopbackURL($0, "url") },
                                                      models: m["models"].map { models($0) } ?? [])
        }
        if let n = f["breakers"] { project.breakers = breakers(n) }
        if let n = f["supervision"] { project.supervision = supervision(n) }
        if let n = f["policy"], let policy = policy(n) { project.dangerousSettings = policy }
        if let n = f["update_config"] { project.updateConfig = rolloutPolicy(n, "update_config") }
        if let n = f["rollback_config"] { project.rollbackConfig = rolloutPolicy(n, "rollback_config") }
        return project
    }

    private mutating func models(_ node: YAMLNode) -> [ModelSpec] {
        guard let items = sequence(node, "models") else { return [] }
        var names: Set<String> = []
        return items.compactMap { item in
            guard let f = fields(item, of: "model", allowed: ["name", "preload", "keep_alive"]) else { return nil }
            guard let nameNode = f["name"], let name = string(nameNode, "name"), !name.isEmpty else {
                if f["name"] == nil { diagnostics.error("model needs a `name`", at: item.location) }
                return nil
            }
            if !names.insert(name).inserted { diagnostics.error("model `\(name)` is declared twice", at: nameNode.location) }
            var model = ModelSpec(name: name, preload: f["preload"].flatMap { bool($0, "preload") } ?? false)
            if let n = f["keep_alive"], let text = string(n, "keep_alive") {
                if text == "-1" || text == "0" || DurationText.parse(text) != nil {
                    model.keepAlive = text
                } else {
                    diagnostics.error("`keep_alive` must be a duration (5m), 0 or -1, found `\(text)`", at: n.location)
                }
            }
            return model
        }
    }

    private mutating func breakers(_ node: YAMLNode) -> BreakerPolicy {
        var policy = BreakerPolicy()
        let allowed = ["failure_rate", "window", "minimum_calls", "open_duration", "half_open_calls"]
        guard let f = fields(node, of: "breakers", allowed: allowed) else { return policy }
        if let n = f["failure_rate"], let rate = positiveNumber(n, "failure_rate") {
            if rate <= 100 { policy.failureRate = rate } else {
                diagnostics.error("`failure_rate` is a percentage in (0, 100], found \(rate)", at: n.location)
            }
        }
        if let n = f["window"], let value = int(n, "window", in: 1...10_000) { policy.window = value }
        if let n = f["minimum_calls"], let value = int(n, "minimum_calls", in: 1...10_000) { policy.minimumCalls = value }
        if let n = f["open_duration"], let value = duration(n, "open_duration") { policy.openDuration = value }
        if let n = f["half_open_calls"], let value = int(n, "half_open_calls", in: 1...1000) { policy.halfOpenCalls = value }
        return policy
    }

    private mutating func supervision(_ node: YAMLNode) -> SupervisionPolicy {
        var policy = SupervisionPolicy()
        let allowed = ["backoff_base", "backoff_cap", "failure_threshold", "max_restarts", "restart_window"]
        guard let f = fields(node, of: "supervision", allowed: allowed) else { return policy }
        if let n = f["backoff_base"], let value = duration(n, "backoff_base") { policy.backoffBase = value }
        if let n = f["backoff_cap"], let value = duration(n, "backoff_cap") { policy.backoffCap = value }
        if let n = f["failure_threshold"], let value = int(n, "failure_threshold", in: 1...1000) { policy.failureThreshold = value }
        if let n = f["max_restarts"], let value = int(n, "max_restarts", in: 1...1000) { policy.maxRestarts = value }
        if let n = f["restart_window"], let value = duration(n, "restart_window") { policy.restartWindow = value }
        if policy.backoffCap < policy.backoffBase {
            diagnostics.error("`backoff_cap` is shorter than `backoff_base`", at: node.location)
        }
        return policy
    }

    /// sutactl only talks to this machine: gateway, discovery and model server URLs must be
    /// http:// to a 127.x.y.z address or localhost, with an optional port and path, and carry no
    /// credentials (userinfo): tokens come from variables (`token_env`), never from a URL.
    private mutating func loopbackURL(_ node: YAMLNode, _ what: String) -> String? {
        guard let text = string(node, what) else { return nil }
        let rest = text.hasPrefix("http://") ? text.dropFirst("http://".count) : nil
        let authority = rest.map { $0.prefix { $0 != "/" && $0 != "?" && $0 != "#" } }
        if let authority, authority.contains("@") {
            diagnostics.error("`\(what)` must not carry credentials, found `\(text)`", at: node.location,
                              hint: "sutactl reads tokens from variables (see `token_env`), never from a URL")
            return nil
        }
        let parts = authority.map { $0.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false) } ?? []
        let host = parts.first.map(String.init) ?? ""
        let isLoopback = host == "localhost" || IPv4Subnet.parseAddress(host).map { $0 >> 24 == 127 } == true
        let port = parts.count == 2 ? Int(parts[1]).flatMap { (1...65535).contains($0) ? $0 : nil } : 80
        guard isLoopback, port != nil, parts.count < 2 || parts[1].utf8.allSatisfy({ (48...57).contains($0) }) else {
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
