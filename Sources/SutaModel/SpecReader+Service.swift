import SutaYAML

extension SpecReader {
    static let serviceFields = [
        "image", "entrypoint", "command", "working_dir", "environment", "ports", "volumes", "networks",
        "resources", "healthcheck", "depends_on", "restart", "user", "read_only", "cap_drop", "cap_add",
        "security_opt", "tmpfs", "stop_signal", "stop_grace_period", "labels", "replicas", "supervised",
        "gateway", "discovery", "build", "update_config", "rollback_config", "placement",
    ]

    /// Decodes a Service document's spec. Problems are recorded; the result is nil only when
    /// the spec is unusable (not a mapping, or no image).
    mutating func service(_ document: ManifestDocument, spec node: YAMLNode?) -> ServiceSpec? {
        guard let node else {
            diagnostics.error("service `\(document.name)` has no spec", at: document.location, hint: "add `spec:` with at least `image:`")
            return nil
        }
        guard let f = fields(node, of: "service spec", allowed: Self.serviceFields, refused: CISDockerRule.refusedServiceFields) else { return nil }
        var build: BuildSpec?
        if let n = f["build"] { build = self.build(n) }
        guard f["image"] != nil || build != nil else {
            if f["build"] == nil { diagnostics.error("service `\(document.name)` has no image", at: node.location, hint: "add `image:`, or `build:` to build one") }
            return nil
        }
        // A built image without `image` is named by the resolver, which knows the project.
        var service = ServiceSpec(name: document.name, location: document.nameLocation, image: "")
        if let n = f["image"] { service.image = string(n, "image") ?? "" }
        service.imageLocation = f["image"]?.location ?? build?.location ?? node.location
        service.build = build
        service.metadataLabels = document.labels
        if let n = f["entrypoint"] { service.entrypoint = commandLine(n, "entrypoint") }
        if let n = f["command"] { service.command = commandLine(n, "command") }
        if let n = f["working_dir"] { service.workingDir = workingDirectory(n) }
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
        if let n = f["user"] { service.user = user(n) }
        if let n = f["read_only"] { service.readOnlyRootFilesystem = bool(n, "read_only") ?? false }
        if let n = f["cap_drop"] { service.capDrop = capabilities(n, "cap_drop") }
        if let n = f["cap_add"] { service.capAdd = capabilities(n, "cap_add") }
        if let n = f["security_opt"] { service.securityOptions = securityOptions(n) }
        if let n = f["tmpfs"] { service.tmpfs = tmpfs(n, besides: service.volumes) }
        if let n = f["stop_signal"] { service.stopSignal = stopSignal(n) }
        if let n = f["stop_grace_period"] { service.stopGracePeriod = duration(n, "stop_grace_period") }
        if let n = f["labels"] { service.labels = labels(n, "labels") }
        if let n = f["replicas"] { service.replicas = int(n, "replicas", in: 0...1000) ?? 1 }
        if let n = f["supervised"] { service.supervised = bool(n, "supervised") ?? false }
        if let n = f["gateway"] { service.gateway = gateway(n, service: service.name) }
        if let n = f["discovery"] { service.discovery = discovery(n, service: service.name) }
        if let n = f["update_config"] { service.updateConfig = rolloutPolicy(n, "update_config") }
        if let n = f["rollback_config"] { service.rollbackConfig = rolloutPolicy(n, "rollback_config") }
        if let n = f["placement"] { service.placement = placement(n) }
        checkEngineMode(f, service: service)
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
        return checkedMount(VolumeMount(kind: isBind ? .bind : .volume, source: source, target: parts[1], readOnly: readOnly, location: node.location, createsHostPath: isBind))
    }

    private mutating func checkedMount(_ mount: VolumeMount) -> VolumeMount? {
        guard mount.target.hasPrefix("/") else {
            diagnostics.error("mount target `\(mount.target)` must be an absolute path", at: mount.location)
            return nil
        }
        guard !PathText.isRoot(mount.target) else {
            diagnostics.error("mount target `\(mount.target)` is the container's root; mount it below `/`", at: mount.location)
            return nil
        }
        checkBind(mount)
        return mount
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
        if let n = f["start_period"] { check.startPeriod = duration(n, "start_period").flatMap { $0 == .zero ? $0 : minimumMillisecond($0, n, "start_period") } }
        if let n = f["retries"] { check.retries = int(n, "retries", in: 1...1000) }
        return check
    }

    /// The engine rejects health durations between 0 and 1 ms (a `start_period` may be 0).
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
}
