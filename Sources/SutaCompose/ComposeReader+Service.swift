import SutaModel
import SutaYAML

extension ComposeReader {
    /// Service keys copied as they are: the manifest language spells them as Compose does.
    static let copiedKeys: Set<String> = ["image", "command", "entrypoint", "working_dir", "restart", "user", "read_only",
                                          "cap_add", "cap_drop", "security_opt", "stop_signal", "stop_grace_period"]

    /// One compose service as a Service document.
    mutating func service(_ name: String, _ node: YAMLNode) -> ManifestOutput? {
        guard let entries = node.mapping else {
            notes.error("service `\(name)` must be a mapping", at: node.location)
            return nil
        }
        var spec: [(String, ConfigValue)] = []
        var environment: [(String, ConfigValue)] = []
        var resources: [(String, ConfigValue)] = []
        var reservations: [(String, ConfigValue)] = []
        var volumes: [ConfigValue] = []
        var tmpfs: [ConfigValue] = []
        var restartFromDeploy: ConfigValue?
        let notesBefore = notes.items.count
        func set(_ key: String, _ value: ConfigValue, in fields: inout [(String, ConfigValue)]) {
            fields.removeAll { $0.0 == key }
            fields.append((key, value))
        }
        for entry in entries {
            guard let key = entry.key.scalar?.text else { continue }
            let value = entry.value
            switch key {
            case _ where Self.copiedKeys.contains(key):
                spec.append((key, ConfigValue(node: value)))
            case "build": spec.append(("build", build(value)))
            case "environment":
                for (name, item) in self.environment(value) { set(name, item, in: &environment) }
            case "env_file":
                // Entries from files come first; `environment` wins, as in Compose.
                let fromFiles = envFiles(value)
                environment = fromFiles.filter { pair in !environment.contains { $0.0 == pair.0 } } + environment
            case "ports":
                var ports: [ConfigValue] = []
                for item in value.sequence ?? [value] { if let mapped = port(item) { ports.append(mapped) } }
                spec.append(("ports", .array(ports)))
            case "volumes":
                for item in value.sequence ?? [] {
                    switch mount(item) {
                    case .volume(let mount)?: volumes.append(mount)
                    case .tmpfs(let entry)?: tmpfs.append(entry)
                    case nil: break
                    }
                }
            case "tmpfs": tmpfs += (value.sequence ?? [value]).map(ConfigValue.init(node:))
            case "secrets":
                for item in value.sequence ?? [] {
                    switch secret(item) {
                    case .mount(let mount)?: volumes.append(mount)
                    case .environment(let variable, let reference)?: set(variable, .string(reference), in: &environment)
                    case nil: break
                    }
                }
            case "networks": spec.append(("networks", networks(value)))
            case "depends_on": spec.append(("depends_on", ConfigValue(node: value)))
            case "healthcheck": if let check = healthcheck(value) { spec.append(("healthcheck", check)) }
            case "labels": spec.append(("labels", stringMap(value)))
            case "mem_limit": set("memory", ConfigValue(node: value), in: &resources)
            case "cpus": set("cpus", ConfigValue(node: value), in: &resources)
            case "pids_limit": set("pids", ConfigValue(node: value), in: &resources)
            case "mem_reservation": set("memory", ConfigValue(node: value), in: &reservations)
            case "scale": spec.append(("replicas", ConfigValue(node: value)))
            case "deploy":
                let deployed = deploy(value)
                for (name, item) in deployed.limits { set(name, item, in: &resources) }
                for (name, item) in deployed.reservations { set(name, item, in: &reservations) }
                if let replicas = deployed.replicas { set("replicas", replicas, in: &spec) }
                restartFromDeploy = deployed.restart
            case "profiles", "extends": break
            case _ where key.hasPrefix("x-"): break
            default: notNote(key, entry.key.location, ComposeReason.serviceKeys[key] ?? ComposeReason.noField)
            }
        }
        if node["networks"] == nil {
            usesDefaultNetwork = true
            spec.append(("networks", .array([.string("default")])))
        }
        if !environment.isEmpty { spec.append(("environment", .object(environment))) }
        if !volumes.isEmpty { spec.append(("volumes", .array(volumes))) }
        if !tmpfs.isEmpty { spec.append(("tmpfs", .array(tmpfs))) }
        if !reservations.isEmpty { resources.append(("reservations", .object(reservations))) }
        if !resources.isEmpty { spec.append(("resources", .object(resources))) }
        if let restartFromDeploy, node["restart"] == nil { spec.append(("restart", restartFromDeploy)) }
        // What was not carried is said above the document too, where the next reader looks.
        let comments = notes.items.dropFirst(notesBefore).map { "\($0.location.map { "\($0): " } ?? "")\($0.message)" }
        return ManifestOutput(kind: .service, name: name, spec: .object(Self.ordered(spec)), comments: comments)
    }

    /// The spec's keys in the order docs/manifests.md lists them.
    private static func ordered(_ fields: [(String, ConfigValue)]) -> [(String, ConfigValue)] {
        let order = ["image", "build", "entrypoint", "command", "working_dir", "environment", "ports", "volumes", "networks",
                     "resources", "healthcheck", "depends_on", "restart", "user", "read_only", "cap_drop", "cap_add",
                     "security_opt", "tmpfs", "stop_signal", "stop_grace_period", "labels", "replicas"]
        return fields.enumerated().sorted {
            let a = order.firstIndex(of: $0.element.0) ?? order.count, b = order.firstIndex(of: $1.element.0) ?? order.count
            return a == b ? $0.offset < $1.offset : a < b
        }.map(\.element)
    }

    /// `build`: a context path, or the keys the manifest's `build` shares with Compose.
    private mutating func build(_ node: YAMLNode) -> ConfigValue {
        if let context = node.scalar?.text { return .object([("context", .string(absolute(context)))]) }
        var fields: [(String, ConfigValue)] = []
        for entry in node.mapping ?? [] {
            guard let key = entry.key.scalar?.text else { continue }
            switch key {
            case "context": fields.append((key, .string(absolute(entry.value.scalar?.text ?? "."))))
            case "dockerfile", "target": fields.append((key, ConfigValue(node: entry.value)))
            case "args", "labels": fields.append((key, stringMap(entry.value)))
            default: notNote("build.\(key)", entry.key.location, ComposeReason.buildKey)
            }
        }
        return .object(fields)
    }

    /// `environment` as name-value pairs; a name without a value takes the variable of
    /// the same name (`${NAME}`), as Compose passes it on from its environment.
    private func environment(_ node: YAMLNode) -> [(String, ConfigValue)] {
        (ComposeMerge.keyed(node).mapping ?? []).compactMap { entry in
            guard let name = entry.key.scalar?.text else { return nil }
            if let scalar = entry.value.scalar, scalar.isPlain, scalar.text.isEmpty || scalar.text == "~" || scalar.text == "null" {
                return (name, .string("${\(name)}"))
            }
            return (name, ConfigValue(node: entry.value))
        }
    }

    private mutating func healthcheck(_ node: YAMLNode) -> ConfigValue? {
        var fields: [(String, ConfigValue)] = []
        for entry in node.mapping ?? [] {
            guard let key = entry.key.scalar?.text else { continue }
            switch key {
            case "test":
                if let words = entry.value.sequence?.compactMap({ $0.scalar?.text }), words.first == "NONE" {
                    return .object([("disable", .bool(true))])
                }
                fields.append((key, ConfigValue(node: entry.value)))
            case "interval", "timeout", "retries", "start_period", "disable": fields.append((key, ConfigValue(node: entry.value)))
            default: notNote("healthcheck.\(key)", entry.key.location, ComposeReason.serviceKeys[key] ?? ComposeReason.noField)
            }
        }
        if fields.contains(where: { $0.0 == "disable" && $0.1 == .bool(true) }) { return .object([("disable", .bool(true))]) }
        return fields.isEmpty ? nil : .object(fields)
    }

    /// `networks` as a list, or a mapping of names to `aliases` and `ipv4_address`.
    private mutating func networks(_ node: YAMLNode) -> ConfigValue {
        guard let entries = node.mapping else { return ConfigValue(node: node) }
        return .object(entries.compactMap { entry in
            guard let name = entry.key.scalar?.text else { return nil }
            var fields: [(String, ConfigValue)] = []
            for item in entry.value.mapping ?? [] {
                guard let key = item.key.scalar?.text else { continue }
                if key == "aliases" || key == "ipv4_address" {
                    fields.append((key, ConfigValue(node: item.value)))
                } else {
                    notNote("networks.\(name).\(key)", item.key.location, ComposeReason.networkKey)
                }
            }
            return (name, fields.isEmpty ? .null : .object(fields))
        })
    }

    /// `deploy`: limits, reservations and replicas carried; the Swarm-only settings noted.
    private mutating func deploy(_ node: YAMLNode)
        -> (limits: [(String, ConfigValue)], reservations: [(String, ConfigValue)], replicas: ConfigValue?, restart: ConfigValue?) {
        var limits: [(String, ConfigValue)] = [], reservations: [(String, ConfigValue)] = [], replicas: ConfigValue?, restart: ConfigValue?
        for entry in node.mapping ?? [] {
            guard let key = entry.key.scalar?.text else { continue }
            switch key {
            case "replicas": replicas = ConfigValue(node: entry.value)
            case "resources":
                for part in entry.value.mapping ?? [] {
                    switch part.key.scalar?.text {
                    case "limits"?: limits = amounts(part.value, "limits", carried: ["cpus", "memory", "pids"], reason: ComposeReason.noField)
                    case "reservations"?:
                        reservations = amounts(part.value, "reservations", carried: ["cpus", "memory"], reason: ComposeReason.reservationKey)
                    case let kind?: notNote("deploy.resources.\(kind)", part.key.location, ComposeReason.noField)
                    case nil: continue
                    }
                }
            case "restart_policy":
                let condition = entry.value["condition"]?.scalar?.text ?? "any"
                let attempts = entry.value["max_attempts"]?.scalar?.text
                restart = .string(condition == "none" ? "no" : condition == "on-failure" ? "on-failure" + (attempts.map { ":\($0)" } ?? "") : "always")
                for part in entry.value.mapping ?? [] where !["condition", "max_attempts"].contains(part.key.scalar?.text ?? "") {
                    notNote("deploy.restart_policy.\(part.key.scalar?.text ?? "")", part.key.location, ComposeReason.restartPolicyKey)
                }
            default: notNote("deploy.\(key)", entry.key.location, ComposeReason.deployKey)
            }
        }
        return (limits, reservations, replicas, restart)
    }

    /// The `carried` amounts of `deploy.resources.KIND`; any other noted with `reason`.
    private mutating func amounts(_ node: YAMLNode, _ kind: String, carried: [String], reason: String) -> [(String, ConfigValue)] {
        var result: [(String, ConfigValue)] = []
        for amount in node.mapping ?? [] {
            guard let name = amount.key.scalar?.text else { continue }
            if carried.contains(name) {
                result.append((name, ConfigValue(node: amount.value)))
            } else {
                notNote("deploy.resources.\(kind).\(name)", amount.key.location, reason)
            }
        }
        return result
    }
}
