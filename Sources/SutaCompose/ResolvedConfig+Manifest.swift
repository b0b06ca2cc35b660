import SutaModel

extension ResolvedConfig {
    /// The resolved desired state as manifests that load back to it (`config -o manifest`):
    /// one Project, the networks, volumes and active services, profiles already merged in
    /// (so no Profile documents). Text values have `$` written as `$$`; a secret is written
    /// as the reference the manifest used (`${DB_PASSWORD}`), never as its value, and an
    /// entry that only looks secret as `${NAME}`. `notes` says which entries were so rewritten.
    public func manifestDocuments(notes: inout [String]) -> [ManifestOutput] {
        let active = Set(services.map(\.name))
        var project = project
        // A gateway, discovery agent or model server whose service is outside the profile is
        // not synced by apply; left out, it is not synced either, and no reference dangles.
        if let service = project.gateway?.service, !active.contains(service) {
            notes.append("the Project's gateway is left out: its service \(service) is not in the profile"); project.gateway = nil
        }
        if let service = project.discovery?.service, !active.contains(service) {
            notes.append("the Project's discovery is left out: its service \(service) is not in the profile"); project.discovery = nil
        }
        if let service = project.modelServer?.service, !active.contains(service) {
            notes.append("the Project's model_server is left out: its service \(service) is not in the profile"); project.modelServer = nil
        }
        return [ManifestOutput(kind: .project, name: project.name, spec: project.manifestSpec,
                        comments: ["The resolved desired state of `sutactl config -o manifest` (profile \(profileDisplayName))."])]
            + networks.map { ManifestOutput(kind: .network, name: $0.name, labels: $0.labels, spec: $0.manifestSpec) }
            + volumes.map { ManifestOutput(kind: .volume, name: $0.name, labels: $0.labels, spec: $0.manifestSpec) }
            + services.map { $0.manifestDocument(notes: &notes) }
    }
}

extension ProjectSpec {
    var manifestSpec: ConfigValue {
        var fields: [(String, ConfigValue)] = []
        if !secrets.isEmpty { fields.append(("secrets", .array(secrets.map(ConfigValue.string)))) }
        if let engineHost { fields.append(("engine", .object([("host", ManifestValue.text(engineHost))]))) }
        if let gateway {
            var g: [(String, ConfigValue)] = []
            if let service = gateway.service { g.append(("service", ManifestValue.text(service))) }
            if let port = gateway.adminPort { g.append(("admin_port", .int(Int64(port)))) }
            if let url = gateway.adminURL { g.append(("admin_url", ManifestValue.text(url))) }
            g.append(("mode", .string(gateway.mode.rawValue)))
            fields.append(("gateway", .object(g)))
        }
        if let discovery {
            var d: [(String, ConfigValue)] = []
            if let service = discovery.service { d.append(("service", ManifestValue.text(service))) }
            if let port = discovery.port { d.append(("port", .int(Int64(port)))) }
            if let address = discovery.address { d.append(("address", ManifestValue.text(address))) }
            if let token = discovery.tokenEnv { d.append(("token_env", ManifestValue.text(token))) }
            fields.append(("discovery", .object(d)))
        }
        if let modelServer {
            var m: [(String, ConfigValue)] = []
            if let service = modelServer.service { m.append(("service", ManifestValue.text(service))) }
            if let url = modelServer.url { m.append(("url", ManifestValue.text(url))) }
            m.append(("models", .array(modelServer.models.map { model in
                .object([("name", ManifestValue.text(model.name)), ("preload", .bool(model.preload))]
                    + (model.keepAlive.map { [("keep_alive", ManifestValue.text($0))] } ?? []))
            })))
            fields.append(("model_server", .object(m)))
        }
        fields.append(("breakers", .object([
            ("failure_rate", .double(breakers.failureRate)), ("window", .int(Int64(breakers.window))),
            ("minimum_calls", .int(Int64(breakers.minimumCalls))), ("open_duration", ManifestValue.duration(breakers.openDuration)),
            ("half_open_calls", .int(Int64(breakers.halfOpenCalls))),
        ])))
        fields.append(("policy", .object([("dangerous", .string(dangerousSettings.rawValue))])))
        fields.append(("supervision", .object([
            ("backoff_base", ManifestValue.duration(supervision.backoffBase)), ("backoff_cap", ManifestValue.duration(supervision.backoffCap)),
            ("failure_threshold", .int(Int64(supervision.failureThreshold))), ("max_restarts", .int(Int64(supervision.maxRestarts))),
            ("restart_window", ManifestValue.duration(supervision.restartWindow)),
        ])))
        return .object(fields)
    }
}

extension NetworkSpec {
    var manifestSpec: ConfigValue {
        var fields: [(String, ConfigValue)] = [
            ("driver", ManifestValue.text(driver)), ("internal", .bool(isInternal)), ("attachable", .bool(attachable)), ("enable_ipv6", .bool(enableIPv6)),
        ]
        if let ipam {
            fields.append(("ipam", .object([("subnet", .string(ipam.subnet.description))]
                + (ipam.gateway.map { [("gateway", ConfigValue.string($0))] } ?? [])
                + (ipam.ipRange.map { [("ip_range", ConfigValue.string($0.description))] } ?? []))))
        }
        fields.append(("options", ManifestValue.textMap(options)))
        return .object(fields)
    }
}

extension VolumeSpec {
    var manifestSpec: ConfigValue { .object([("driver", ManifestValue.text(driver)), ("driver_opts", ManifestValue.textMap(driverOptions))]) }
}
