import SutaYAML

extension SpecReader {
    static let serviceFields = [
        "image", "entrypoint", "command", "working_dir", "environment", "ports", "volumes", "networks",
        "resources", "healthcheck", "depends_on", "restart", "user", "read_only", "cap_drop", "cap_add",
        "security_opt", "tmpfs", "stop_signal", "stop_grace_period", "labels", "replicas", "supervised",
        "gateway", "discovery",
    ]

    /// Decodes a Service document's spec. Problems are recorded; the result is nil only when
    /// the spec is unusable (not a mapping, or no image).
    mutating func service(_ document: ManifestDocument, spec node: YAMLNode?) -> ServiceSpec? {
        guard let node else {
            diagnostics.error("service `\(document.name)` has no spec", at: document.location, hint: "add `spec:` with at least `image:`")
            return nil
        }
        guard let f = fields(node, of: "service spec", allowed: Self.serviceFields) else { return nil }
        guard let imageNode = f["image"] else {
            diagnostics.error("service `\(document.name)` has no image", at: node.location)
            return nil
        }
        var service = ServiceSpec(name: document.name, location: document.nameLocation, image: string(imageNode, "image") ?? "")
        service.imageLocation = imageNode.location
        service.metadataLabels = document.labels
        if let n = f["entrypoint"] { service.entrypoint = commandLine(n, "entrypoint") }
        if let n = f["command"] { service.command = commandLine(n, "command") }
        if let n = f["working_dir"] { service.workingDir = string(n, "working_dir") }
        if let n = f["environment"] { service.environment = environment(n) }
        if let n = f["ports"], let items = sequence(n, "ports") { service.ports = items.compactMap { port($0) } }
        if let n = f["volumes"], let items = sequence(n, "volumes") { service.volumes = items.compactMap { volumeMount($0) } }
        if let n = f["networks"] { service.networks = networks(n) }
        if let n = f["resources"] { service.resources = resources(n) }
        if let n = f["healthcheck"] { service.healthcheck = healthcheck(n) }
        if let n = f["depends_on"] { service.dependsOn = dependencies(n) }
        if let n = f["restart"] {
            if let text = string(n, "restart") {
                if let policy = RestartPolicy(text: text) {
                    service.restart = policy
                } else {
                    diagnostics.error("`restart` must be no, always, unless-stopped, on-failure or on-failure:N, found `\(text)`",
                                      at: n.location, hint: Suggestion.hint(for: text, among: RestartPolicy.Name.allCases.map(\.rawValue)))
                }
            }
        }
        if let n = f["user"] { service.user = string(n, "user") }
        if let n = f["read_only"] { service.readOnlyRootFilesystem = bool(n, "read_only") ?? false }
        if let n = f["cap_drop"] { service.capDrop = stringList(n, "cap_drop") ?? [] }
        if let n = f["cap_add"] { service.capAdd = stringList(n, "cap_add") ?? [] }
        if let n = f["security_opt"] { service.securityOptions = stringList(n, "security_opt") ?? [] }
        if let n = f["tmpfs"] { service.tmpfs = stringList(n, "tmpfs") ?? [] }
        if let n = f["stop_signal"] { service.stopSignal = string(n, "stop_signal") }
        if let n = f["stop_grace_period"] { service.stopGracePeriod = duration(n, "stop_grace_period") }
        if let n = f["labels"] { service.labels = labels(n, "labels") }
        if let n = f["replicas"] { service.replicas = int(n, "replicas", in: 0...1000) ?? 1 }
        if let n = f["supervised"] { service.supervised = bool(n, "supervised") ?? false }
        if let n = f["gateway"] { service.gateway = gateway(n, service: service.name) }
        if let n = f["discovery"] { service.discovery = discovery(n, service: service.name) }
        return service
    }

    /// Labels; keys under `sutactl.` are reserved for ownership labels.
    mutating func labels(_ node: YAMLNode, _ what: String) -> [String: String] {
        let map = stringMap(node, what) ?? [:]
        if case .mapping(let entries) = node.value {
            for entry in entries where entry.key.scalarText?.hasPrefix("sutactl.") == true {
                diagnostics.error("label `\(entry.key.scalarText!)` uses the reserved prefix `sutactl.`", at: entry.key.location,
                                  hint: "sutactl sets these labels itself to track what it owns")
            }
        }
        return map.filter { !$0.key.hasPrefix("sutactl.") }
    }

    private mutating func environment(_ node: YAMLNode) -> [EnvironmentVariable] {
        var result: [EnvironmentVariable] = []
        func add(_ name: String, _ valueNode: YAMLNode?, _ reader: inout SpecReader) {
            var value = "", secret: String?
            if let valueNode {
                guard let expanded = reader.expandedScalar(valueNode, "environment.\(name)") else { return }
                (value, secret) = (expanded.scalar.text, expanded.secret)
            }
            guard let first = name.unicodeScalars.first, !("0"..."9").contains(first),
                  !name.contains(where: { $0 == " " || $0 == "=" || $0 == "\t" }) else {
                reader.diagnostics.error("invalid environment variable name `\(name)`", at: valueNode?.location ?? node.location)
                return
            }
            result.append(EnvironmentVariable(name: name, value: value, isSecret: secret != nil || SecretNames.looksSecret(name)))
        }
        switch node.value {
        case .mapping(let entries):
            result.reserveCapacity(entries.count)
            for entry in entries {
                guard let name = entry.key.scalarText else { continue }
                add(name, entry.value.isNull ? nil : entry.value, &self)
            }
        case .sequence(let items):
            for item in items {
                guard let text = item.scalarText else {
                    diagnostics.error("`environment` entries must be KEY=VALUE strings", at: item.location)
                    continue
                }
                let parts = text.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                var valueNode = item
                valueNode.value = .scalar(YAMLScalar(text: parts.count == 2 ? String(parts[1]) : "", isPlain: false))
                add(String(parts[0]), valueNode, &self)
            }
        case .scalar:
            diagnostics.error("`environment` must be a mapping or a list of KEY=VALUE, found \(node.shapeName)", at: node.location)
        }
        // A later entry for the same name wins, as in a shell.
        var seen = Set<String>()
        return result.reversed().filter { seen.insert($0.name).inserted }.sorted { $0.name < $1.name }
    }

    private mutating func port(_ node: YAMLNode) -> PortMapping? {
        if case .mapping = node.value {
            guard let f = fields(node, of: "port", allowed: ["target", "published", "host_ip", "protocol"]) else { return nil }
            guard let targetNode = f["target"] else {
                diagnostics.error("port has no `target` (the container port)", at: node.location)
                return nil
            }
            guard let target = port(targetNode, "target") else { return nil }
            var published: Int?
            if let n = f["published"] { published = port(n, "published"); if published == nil { return nil } }
            var hostIP = "127.0.0.1"
            if let n = f["host_ip"] {
                guard let ip = hostAddress(n) else { return nil }
                hostIP = ip
            }
            var transport = PortMapping.TransportProtocol.tcp
            if let n = f["protocol"] {
                guard let text = choice(n, "protocol", ["tcp", "udp"]) else { return nil }
                transport = PortMapping.TransportProtocol(rawValue: text)!
            }
            return PortMapping(hostIP: hostIP, hostPort: published, containerPort: target, transport: transport, location: node.location)
        }
        guard let text = string(node, "ports") else { return nil }
        guard let spec = PortSpecParser.parse(text) else {
            diagnostics.error("malformed port `\(text)`", at: node.location,
                              hint: "write [HOST_IP:][HOST_PORT:]CONTAINER_PORT[/tcp|udp], e.g. \"127.0.0.1:10000:5432\"")
            return nil
        }
        return PortMapping(hostIP: spec.hostIP ?? "127.0.0.1", hostPort: spec.hostPort, containerPort: spec.containerPort,
                           transport: spec.transport, location: node.location)
    }

    private mutating func hostAddress(_ node: YAMLNode) -> String? {
        guard let text = string(node, "host_ip") else { return nil }
        guard IPv4Subnet.parseAddress(text) != nil || text == "::1" || text == "::" else {
            diagnostics.error("`host_ip` must be an IPv4 address, found `\(text)`", at: node.location)
            return nil
        }
        return text
    }

    private mutating func volumeMount(_ node: YAMLNode) -> VolumeMount? {
        if case .mapping = node.value {
            guard let f = fields(node, of: "volume mount", allowed: ["type", "source", "target", "read_only"]) else { return nil }
            guard let typeNode = f["type"], let typeText = choice(typeNode, "type", VolumeMount.Kind.allCases.map(\.rawValue)) else {
                if f["type"] == nil { diagnostics.error("volume mount has no `type` (volume, bind or tmpfs)", at: node.location) }
                return nil
            }
            let kind = VolumeMount.Kind(rawValue: typeText)!
            guard let targetNode = f["target"], let target = string(targetNode, "target") else {
                if f["target"] == nil { diagnostics.error("volume mount has no `target`", at: node.location) }
                return nil
            }
            var source: String?
            if kind != .tmpfs {
                guard let sourceNode = f["source"], let text = string(sourceNode, "source") else {
                    if f["source"] == nil { diagnostics.error("a \(kind.rawValue) mount needs a `source`", at: node.location) }
                    return nil
                }
                source = kind == .bind ? absolutePath(text, besides: node.location.file) : text
            }
            let readOnly = f["read_only"].flatMap { bool($0, "read_only") } ?? false
            return checkedMount(VolumeMount(kind: kind, source: source, target: target, readOnly: readOnly, location: node.location))
        }
        guard let text = string(node, "volumes") else { return nil }
        var parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        var readOnly = false
        if parts.count == 3 {
            guard parts[2] == "ro" || parts[2] == "rw" else {
                diagnostics.error("unknown volume mode `\(parts[2])` in `\(text)`", at: node.location, hint: "use ro or rw")
                return nil
            }
            readOnly = parts.removeLast() == "ro"
        }
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
            diagnostics.error("malformed volume `\(text)`", at: node.location,
                              hint: "write NAME:/path, ./host/path:/path or /host/path:/path, optionally followed by :ro")
            return nil
        }
        let isBind = parts[0].hasPrefix("/") || parts[0].hasPrefix(".") || parts[0].hasPrefix("~")
        let source = isBind ? absolutePath(parts[0], besides: node.location.file) : parts[0]
        return checkedMount(VolumeMount(kind: isBind ? .bind : .volume, source: source, target: parts[1], readOnly: readOnly, location: node.location))
    }

    private mutating func checkedMount(_ mount: VolumeMount) -> VolumeMount? {
        guard mount.target.hasPrefix("/") else {
            diagnostics.error("mount target `\(mount.target)` must be an absolute path", at: mount.location)
            return nil
        }
        return mount
    }

    private mutating func resources(_ node: YAMLNode) -> ResourceLimits {
        var limits = ResourceLimits()
        guard let f = fields(node, of: "resources", allowed: ["cpus", "memory", "pids"]) else { return limits }
        if let n = f["cpus"] { limits.cpus = positiveNumber(n, "cpus") }
        if let n = f["memory"] { limits.memoryBytes = memory(n, "memory") }
        if let n = f["pids"] { limits.pids = int(n, "pids", in: 1...Int(Int32.max)) }
        return limits
    }

    private mutating func healthcheck(_ node: YAMLNode) -> HealthCheck? {
        let allowed = ["test", "http", "tcp", "interval", "timeout", "retries", "start_period", "disable"]
        guard let f = fields(node, of: "healthcheck", allowed: allowed) else { return nil }
        let probes = ["test", "http", "tcp"].filter { f[$0] != nil }
        if let n = f["disable"], bool(n, "disable") == true {
            return HealthCheck(probe: .disabled)
        }
        guard probes.count == 1 else {
            let message = probes.isEmpty ? "healthcheck needs one of `test`, `http` or `tcp`"
                : "healthcheck has both `\(probes[0])` and `\(probes[1])`; give exactly one"
            diagnostics.error(message, at: node.location)
            return nil
        }
        var probe: HealthCheck.Probe
        switch probes[0] {
        case "test":
            let n = f["test"]!
            if case .sequence = n.value {
                guard let words = stringList(n, "test"), let first = words.first, ["CMD", "CMD-SHELL", "NONE"].contains(first) else {
                    diagnostics.error("healthcheck `test` must start with CMD, CMD-SHELL or NONE", at: n.location,
                                      hint: "[\"CMD-SHELL\", \"pg_isready\"] or a plain string")
                    return nil
                }
                probe = first == "NONE" ? .disabled : .command(words)
            } else {
                guard let text = string(n, "test") else { return nil }
                probe = .command(["CMD-SHELL", text])
            }
        case "http":
            guard let h = fields(f["http"]!, of: "http probe", allowed: ["port", "path"]) else { return nil }
            guard let portNode = h["port"], let port = port(portNode, "port") else {
                if h["port"] == nil { diagnostics.error("http probe needs a `port`", at: h.node.location) }
                return nil
            }
            let path = h["path"].flatMap { string($0, "path") } ?? "/"
            guard path.hasPrefix("/") else {
                diagnostics.error("http probe `path` must start with `/`, found `\(path)`", at: h["path"]!.location)
                return nil
            }
            probe = .http(port: port, path: path)
        default:
            guard let t = fields(f["tcp"]!, of: "tcp probe", allowed: ["port"]) else { return nil }
            guard let portNode = t["port"], let port = port(portNode, "port") else {
                if t["port"] == nil { diagnostics.error("tcp probe needs a `port`", at: t.node.location) }
                return nil
            }
            probe = .tcp(port: port)
        }
        var check = HealthCheck(probe: probe)
        if let n = f["interval"] { check.interval = minimumMillisecond(duration(n, "interval"), n, "interval") }
        if let n = f["timeout"] { check.timeout = minimumMillisecond(duration(n, "timeout"), n, "timeout") }
        if let n = f["start_period"] { check.startPeriod = duration(n, "start_period") }
        if let n = f["retries"] { check.retries = int(n, "retries", in: 1...1000) }
        return check
    }

    /// The engine rejects health durations between 0 and 1 ms.
    private mutating func minimumMillisecond(_ value: Duration?, _ node: YAMLNode, _ what: String) -> Duration? {
        guard let value else { return nil }
        guard value >= .milliseconds(1) else {
            diagnostics.error("`\(what)` must be at least 1ms", at: node.location)
            return nil
        }
        return value
    }

    private mutating func dependencies(_ node: YAMLNode) -> [Dependency] {
        switch node.value {
        case .sequence(let items):
            return items.compactMap { item in
                string(item, "depends_on").map { Dependency(service: $0, condition: .started, required: true, location: item.location) }
            }
        case .mapping(let entries):
            return entries.compactMap { entry in
                guard let name = entry.key.scalarText else { return nil }
                var dependency = Dependency(service: name, condition: .started, required: true, location: entry.key.location)
                if entry.value.isNull { return dependency }
                guard let f = fields(entry.value, of: "depends_on `\(name)`", allowed: ["condition", "required", "restart"]) else { return nil }
                if let n = f["condition"] {
                    guard let text = string(n, "condition") else { return nil }
                    guard let condition = Dependency.Condition(manifestText: text) else {
                        diagnostics.error("unknown condition `\(text)`", at: n.location,
                                          hint: Suggestion.hint(for: text, among: Dependency.Condition.manifestSpellings)
                                              ?? "use service_started, service_healthy or service_completed_successfully")
                        return nil
                    }
                    dependency.condition = condition
                }
                if let n = f["required"] { dependency.required = bool(n, "required") ?? true }
                if let n = f["restart"] { _ = bool(n, "restart") }
                return dependency
            }
        case .scalar:
            diagnostics.error("`depends_on` must be a list of names or a mapping, found \(node.shapeName)", at: node.location)
            return []
        }
    }

    private mutating func gateway(_ node: YAMLNode, service: String) -> GatewaySpec? {
        guard let f = fields(node, of: "gateway", allowed: ["port", "routes"]) else { return nil }
        guard let portNode = f["port"], let port = port(portNode, "port") else {
            if f["port"] == nil { diagnostics.error("gateway needs the container `port` to forward to", at: node.location) }
            return nil
        }
        var routes: [GatewayRoute] = []
        for item in f["routes"].flatMap({ sequence($0, "routes") }) ?? [] {
            guard let r = fields(item, of: "route", allowed: ["name", "paths", "methods", "hosts", "strip_path"]) else { continue }
            let name = r["name"].flatMap { string($0, "name") } ?? "\(service)-\(routes.count)"
            let paths = r["paths"].flatMap { stringList($0, "paths") } ?? []
            let methods = r["methods"].flatMap { stringList($0, "methods") } ?? []
            let hosts = r["hosts"].flatMap { stringList($0, "hosts") } ?? []
            if paths.isEmpty && hosts.isEmpty {
                diagnostics.error("route `\(name)` matches nothing: give `paths` or `hosts`", at: item.location)
            }
            for (index, path) in paths.enumerated() where !path.hasPrefix("/") {
                diagnostics.error("route path `\(path)` must start with `/`", at: r["paths"].map { pathNode($0, index) } ?? item.location)
            }
            let known = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "CONNECT"]
            for method in methods where !known.contains(method) {
                diagnostics.error("unknown HTTP method `\(method)` in route `\(name)`", at: r["methods"]!.location,
                                  hint: Suggestion.hint(for: method, among: known))
            }
            let strip = r["strip_path"].flatMap { bool($0, "strip_path") } ?? false
            routes.append(GatewayRoute(name: name, paths: paths, methods: methods, hosts: hosts, stripPath: strip))
        }
        return GatewaySpec(port: port, routes: routes)
    }

    private func pathNode(_ node: YAMLNode, _ index: Int) -> SourceLocation {
        if case .sequence(let items) = node.value, index < items.count { return items[index].location }
        return node.location
    }

    private mutating func discovery(_ node: YAMLNode, service: String) -> DiscoverySpec? {
        guard let f = fields(node, of: "discovery", allowed: ["name", "port", "tags", "meta", "check"]) else { return nil }
        guard let portNode = f["port"], let port = port(portNode, "port") else {
            if f["port"] == nil { diagnostics.error("discovery needs the container `port` to register", at: node.location) }
            return nil
        }
        var spec = DiscoverySpec(name: f["name"].flatMap { string($0, "name") } ?? service, port: port,
                                 tags: f["tags"].flatMap { stringList($0, "tags") } ?? [],
                                 meta: f["meta"].flatMap { stringMap($0, "meta") } ?? [:], check: nil)
        if let n = f["check"], let c = fields(n, of: "discovery check", allowed: ["http", "tcp", "interval", "timeout"]) {
            let interval = c["interval"].flatMap { duration($0, "interval") } ?? .seconds(10)
            let timeout = c["timeout"].flatMap { duration($0, "timeout") } ?? .seconds(2)
            switch (c["http"], c["tcp"]) {
            case (let http?, nil):
                if let path = string(http, "http") { spec.check = DiscoveryCheck(kind: .http(path: path), interval: interval, timeout: timeout) }
            case (nil, let tcp?):
                if bool(tcp, "tcp") == true { spec.check = DiscoveryCheck(kind: .tcp, interval: interval, timeout: timeout) }
            default:
                diagnostics.error("discovery check needs exactly one of `http` (a path) or `tcp: true`", at: n.location)
            }
        }
        return spec
    }
}
