import SutaModel

extension ServiceSpec {
    /// The service as one Service document that loads back to it: `config -o manifest` writes
    /// these, and a rollout revision keeps one (secrets as their `${VAR}` references).
    public func manifestDocument(notes: inout [String]) -> ManifestOutput {
        ManifestOutput(kind: .service, name: name, labels: metadataLabels, spec: manifestSpec(notes: &notes))
    }

    /// The service's spec as a manifest writes it; every field explicit, so it loads back
    /// to the same service whatever the defaults. Secrets stay references (see
    /// `ResolvedConfig.manifestDocuments`); `notes` gets a line for each entry written as `${NAME}`.
    func manifestSpec(notes: inout [String]) -> ConfigValue {
        var fields: [(String, ConfigValue)] = [("image", ManifestValue.text(image))]
        if let entrypoint { fields.append(("entrypoint", ManifestValue.texts(entrypoint))) }
        if let command { fields.append(("command", ManifestValue.texts(command))) }
        if let workingDir { fields.append(("working_dir", ManifestValue.text(workingDir))) }
        fields.append(("environment", .object(environment.map { variable in
            guard variable.isSecret else { return (variable.name, ManifestValue.text(variable.value)) }
            if let reference = variable.reference { return (variable.name, .string(reference)) }
            notes.append("service \(name): environment \(variable.name) looks secret and is written as ${\(variable.name)}, not its value; "
                + "set \(variable.name) where the manifest is applied")
            return (variable.name, .string("${\(variable.name)}"))
        })))
        fields.append(("ports", .array(ports.map { port in
            .object([("target", .int(Int64(port.containerPort)))]
                + (port.hostPort.map { [("published", ConfigValue.int(Int64($0)))] } ?? [])
                + [("host_ip", .string(port.hostIP)), ("protocol", .string(port.transport.rawValue))])
        })))
        fields.append(("volumes", .array(volumes.map(\.manifestValue))))
        fields.append(("networks", .object(networks.map { attachment in
            (attachment.network, .object([("aliases", ManifestValue.texts(attachment.aliases))]
                + (attachment.ipv4Address.map { [("ipv4_address", ConfigValue.string($0))] } ?? [])))
        })))
        var limits: [(String, ConfigValue)] = []
        if let cpus = resources.cpus { limits.append(("cpus", .double(cpus))) }
        if let memory = resources.memoryBytes { limits.append(("memory", .int(memory))) }
        if let pids = resources.pids { limits.append(("pids", .int(Int64(pids)))) }
        var reserved: [(String, ConfigValue)] = []
        if let cpus = resources.reservations.cpus { reserved.append(("cpus", .double(cpus))) }
        if let memory = resources.reservations.memoryBytes { reserved.append(("memory", .int(memory))) }
        if !reserved.isEmpty { limits.append(("reservations", .object(reserved))) }
        fields.append(("resources", .object(limits)))
        if let healthcheck { fields.append(("healthcheck", healthcheck.manifestValue)) }
        fields.append(("depends_on", .object(dependsOn.map { dependency in
            (dependency.service, .object([("condition", .string(dependency.condition.rawValue)), ("required", .bool(dependency.required))]))
        })))
        fields += [
            ("restart", .string(restart.text)),
            ("read_only", .bool(readOnlyRootFilesystem)),
            ("cap_drop", ManifestValue.texts(capDrop)),
            ("cap_add", ManifestValue.texts(capAdd)),
            ("security_opt", ManifestValue.texts(securityOptions)),
            ("tmpfs", ManifestValue.texts(tmpfs)),
        ]
        if let user { fields.append(("user", ManifestValue.text(user))) }
        if let stopSignal { fields.append(("stop_signal", ManifestValue.text(stopSignal))) }
        if let stopGracePeriod { fields.append(("stop_grace_period", ManifestValue.duration(stopGracePeriod))) }
        fields += [("labels", ManifestValue.textMap(labels)), ("replicas", .int(Int64(replicas))), ("supervised", .bool(supervised))]
        if let gateway {
            fields.append(("gateway", .object([
                ("port", .int(Int64(gateway.port))),
                ("routes", .array(gateway.routes.map { route in
                    .object([("name", ManifestValue.text(route.name)), ("paths", ManifestValue.texts(route.paths)),
                             ("methods", ManifestValue.texts(route.methods)), ("hosts", ManifestValue.texts(route.hosts)),
                             ("strip_path", .bool(route.stripPath))])
                })),
            ])))
        }
        if let discovery {
            var value: [(String, ConfigValue)] = [
                ("name", ManifestValue.text(discovery.name)), ("port", .int(Int64(discovery.port))),
                ("tags", ManifestValue.texts(discovery.tags)), ("meta", ManifestValue.textMap(discovery.meta)),
            ]
            if let check = discovery.check {
                let kind: (String, ConfigValue) = switch check.kind {
                case .http(let path): ("http", ManifestValue.text(path))
                case .tcp: ("tcp", .bool(true))
                }
                value.append(("check", .object([kind, ("interval", ManifestValue.duration(check.interval)),
                                                ("timeout", ManifestValue.duration(check.timeout))])))
            }
            fields.append(("discovery", .object(value)))
        }
        if let updateConfig { fields.append(("update_config", updateConfig.manifestValue)) }
        if let rollbackConfig { fields.append(("rollback_config", rollbackConfig.manifestValue)) }
        if let placement {
            fields.append(("placement", .object([("constraints", ManifestValue.texts(placement.constraints)),
                                                 ("preferences", .array(placement.spread.map { .object([("spread", ManifestValue.text($0))]) }))]
                + (placement.maxReplicasPerNode.map { [("max_replicas_per_node", ConfigValue.int(Int64($0)))] } ?? []))))
        }
        return .object(fields)
    }
}

extension RolloutPolicy {
    /// `{order, failure_action, monitor, parallelism, delay}`: the fields it sets.
    var manifestValue: ConfigValue {
        var fields: [(String, ConfigValue)] = []
        if let order { fields.append(("order", .string(order.rawValue))) }
        if let failureAction { fields.append(("failure_action", .string(failureAction.rawValue))) }
        if let monitor { fields.append(("monitor", ManifestValue.duration(monitor))) }
        if let parallelism { fields.append(("parallelism", .int(Int64(parallelism)))) }
        if let delay { fields.append(("delay", ManifestValue.duration(delay))) }
        return .object(fields)
    }
}

extension VolumeMount {
    /// A bind that creates its host directory keeps the short form (the long form needs the
    /// directory to exist); every other mount is written long.
    var manifestValue: ConfigValue {
        if kind == .bind, createsHostPath, let source {
            return ManifestValue.text("\(source):\(target)" + (readOnly ? ":ro" : ""))
        }
        return .object([("type", .string(kind.rawValue))] + (source.map { [("source", ManifestValue.text($0))] } ?? [])
            + [("target", ManifestValue.text(target)), ("read_only", .bool(readOnly))])
    }
}

extension HealthCheck {
    var manifestValue: ConfigValue {
        var fields: [(String, ConfigValue)]
        switch probe {
        case .command(let words): fields = [("test", ManifestValue.texts(words))]
        case .http(let port, let path): fields = [("http", .object([("port", .int(Int64(port))), ("path", ManifestValue.text(path))]))]
        case .tcp(let port): fields = [("tcp", .object([("port", .int(Int64(port)))]))]
        case .disabled: return .object([("disable", .bool(true))])
        }
        if let interval { fields.append(("interval", ManifestValue.duration(interval))) }
        if let timeout { fields.append(("timeout", ManifestValue.duration(timeout))) }
        if let retries { fields.append(("retries", .int(Int64(retries)))) }
        if let startPeriod { fields.append(("start_period", ManifestValue.duration(startPeriod))) }
        return .object(fields)
    }
}
