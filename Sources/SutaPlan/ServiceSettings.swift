import SutaModel

/// What a service's containers run with, as named fields with the values people read:
/// `image`, `environment.GREETING`, `resources.memory`, `ports`. The planner compares the
/// desired settings with the ones last applied (kept in the state directory) to show each
/// change Terraform-style. A secret's value is never held here: its field says only that
/// it is a secret.
public struct ServiceSettings: Sendable, Hashable, Codable {
    /// One field: a single value, or one item of a list field (`ports`, `volumes`, ...).
    public struct Field: Sendable, Hashable, Codable {
        public var path: String
        /// The value as shown (strings quoted); empty for a secret.
        public var value: String
        public var secret: Bool

        public init(path: String, value: String, secret: Bool = false) {
            self.path = path
            self.value = value
            self.secret = secret
        }
    }

    public var fields: [Field]

    public init(fields: [Field]) {
        self.fields = fields
    }

    /// The settings the manifests give `service`, with engine names from `names`.
    public init(service: ServiceSpec, names: ResourceNames) {
        var fields: [Field] = []
        func add(_ path: String, _ value: String?) { if let value { fields.append(Field(path: path, value: value)) } }
        func words(_ list: [String]) -> String { "[" + list.map(ServiceSettings.quoted).joined(separator: ", ") + "]" }
        add("image", service.image)
        add("build.hash", service.build?.hash)
        add("entrypoint", service.entrypoint.map(words))
        add("command", service.command.map(words))
        add("working_dir", service.workingDir.map(ServiceSettings.quoted))
        for variable in service.environment {
            fields.append(Field(path: "environment.\(variable.name)", value: variable.isSecret ? "" : ServiceSettings.quoted(variable.value),
                                secret: variable.isSecret))
        }
        for port in service.ports {
            add("ports", "\(port.hostIP):\(port.hostPort.map(String.init) ?? "")->\(port.containerPort)/\(port.transport.rawValue)")
        }
        for mount in service.volumes {
            let source = mount.kind == .volume ? mount.source.map(names.volume) : mount.source
            add("volumes", "\(mount.kind.rawValue) \(source ?? "-"):\(mount.target)\(mount.readOnly ? ":ro" : "")")
        }
        for attachment in service.networks {
            let aliases = attachment.aliases.isEmpty ? "" : " aliases \(attachment.aliases.joined(separator: ","))"
            add("networks", names.network(attachment.network) + aliases + (attachment.ipv4Address.map { " address \($0)" } ?? ""))
        }
        add("resources.cpus", service.resources.cpus.map { String($0) })
        add("resources.memory", service.resources.memoryBytes.map(MemorySize.format))
        add("resources.pids", service.resources.pids.map(String.init))
        add("resources.reservations.memory", service.resources.reservations.memoryBytes.map(MemorySize.format))
        add("healthcheck", service.healthcheck.map(ServiceSettings.describe))
        add("restart", service.restart.text)
        add("user", service.user.map(ServiceSettings.quoted))
        add("read_only", service.readOnlyRootFilesystem ? "true" : nil)
        for capability in service.capAdd { add("cap_add", capability) }
        for capability in service.capDrop { add("cap_drop", capability) }
        for option in service.securityOptions { add("security_opt", option) }
        for mount in service.tmpfs { add("tmpfs", mount) }
        add("stop_signal", service.stopSignal)
        add("stop_grace_period", service.stopGracePeriod.map(DurationText.format))
        for (key, value) in service.labels.sorted(by: { $0.key < $1.key }) { add("labels.\(key)", ServiceSettings.quoted(value)) }
        self.fields = fields
    }

    /// The changes from `old` to these settings, in this order: changed and added fields,
    /// then removed ones. List fields compare item by item.
    public func changes(since old: ServiceSettings) -> [FieldChange] {
        var result: [FieldChange] = []
        var remaining = old.fields
        for field in fields {
            if let same = remaining.firstIndex(of: field) {
                remaining.remove(at: same)
            } else if !ServiceSettings.isList(field.path), let previous = remaining.firstIndex(where: { $0.path == field.path }) {
                result.append(FieldChange(path: field.path, before: remaining[previous].value, after: field.value, secret: field.secret))
                remaining.remove(at: previous)
            } else {
                result.append(FieldChange(path: field.path, before: nil, after: field.value, secret: field.secret))
            }
        }
        result += remaining.map { FieldChange(path: $0.path, before: $0.value, after: nil, secret: $0.secret) }
        return result
    }

    /// The fields shown for a container about to be created.
    static let keyAttributePaths: Set<String> = ["image", "ports", "resources.memory", "resources.cpus"]

    static func isList(_ path: String) -> Bool {
        ["ports", "volumes", "networks", "cap_add", "cap_drop", "security_opt", "tmpfs"].contains(path)
    }

    static func quoted(_ text: String) -> String {
        var result = "\""
        for character in text {
            if character == "\"" || character == "\\" { result.append("\\") }
            result.append(character)
        }
        return result + "\""
    }

    static func describe(_ check: HealthCheck) -> String {
        let probe = switch check.probe {
        case .command(let words): "test [" + words.map(quoted).joined(separator: ", ") + "]"
        case .http(let port, let path): "http :\(port)\(path)"
        case .tcp(let port): "tcp :\(port)"
        case .disabled: "disabled"
        }
        let timing = [("every", check.interval), ("timeout", check.timeout), ("start", check.startPeriod)]
            .compactMap { name, value in value.map { "\(name) \(DurationText.format($0))" } }
        return ([probe] + timing + (check.retries.map { ["retries \($0)"] } ?? [])).joined(separator: " ")
    }
}
