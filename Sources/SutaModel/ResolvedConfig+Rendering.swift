extension ResolvedConfig {
    /// The config as `config -o json|yaml` prints it. Secret values are `***`.
    /// The JSON shape is a contract for scripts (docs/cli.md).
    public var value: ConfigValue {
        .object([
            ("project", .string(project.name)),
            ("profile", .string(profiles.joined(separator: ","))),
            ("services", .array(services.map(\.value))),
            ("networks", .array(networks.map(\.value))),
            ("volumes", .array(volumes.map(\.value))),
        ])
    }
}

extension ServiceSpec {
    var value: ConfigValue {
        var fields: [(String, ConfigValue)] = [
            ("name", .string(name)),
            ("image", .string(image)),
        ]
        if let build {
            fields.append(("build", .object([
                ("context", .string(build.context)), ("dockerfile", .string(build.dockerfile)),
                ("args", .object(build.args.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) })),
                ("target", build.target.map(ConfigValue.string) ?? .null),
                ("labels", .object(build.labels.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) })),
            ])))
        }
        if let entrypoint { fields.append(("entrypoint", .array(entrypoint.map(ConfigValue.string)))) }
        if let command { fields.append(("command", .array(command.map(ConfigValue.string)))) }
        if let workingDir { fields.append(("workingDir", .string(workingDir))) }
        fields += [
            ("environment", .object(environment.map { ($0.name, .string($0.displayValue)) })),
            ("ports", .array(ports.map { port in
                .object([
                    ("hostIP", .string(port.hostIP)),
                    ("hostPort", port.hostPort.map { .int(Int64($0)) } ?? .null),
                    ("containerPort", .int(Int64(port.containerPort))),
                    ("protocol", .string(port.transport.rawValue)),
                ])
            })),
            ("cpus", resources.cpus.map(ConfigValue.double) ?? .null),
            ("memoryBytes", resources.memoryBytes.map(ConfigValue.int) ?? .null),
            ("pidsLimit", resources.pids.map { .int(Int64($0)) } ?? .null),
            ("reservations", .object([
                ("cpus", resources.reservations.cpus.map(ConfigValue.double) ?? .null),
                ("memoryBytes", resources.reservations.memoryBytes.map(ConfigValue.int) ?? .null),
            ])),
            ("dependsOn", .array(dependsOn.map { dependency in
                .object([
                    ("service", .string(dependency.service)),
                    ("condition", .string(dependency.condition.rawValue)),
                    ("required", .bool(dependency.required)),
                ])
            })),
            ("networks", .array(networks.map { attachment in
                .object([
                    ("name", .string(attachment.network)),
                    ("aliases", .array(attachment.aliases.map(ConfigValue.string))),
                    ("ipv4Address", attachment.ipv4Address.map(ConfigValue.string) ?? .null),
                ])
            })),
            ("volumes", .array(volumes.map { mount in
                .object([
                    ("type", .string(mount.kind.rawValue)),
                    ("source", mount.source.map(ConfigValue.string) ?? .null),
                    ("target", .string(mount.target)),
                    ("readOnly", .bool(mount.readOnly)),
                ])
            })),
        ]
        if let healthcheck { fields.append(("healthcheck", healthcheck.value)) }
        fields += [
            ("restart", .string(restart.text)),
            ("user", user.map(ConfigValue.string) ?? .null),
            ("readOnly", .bool(readOnlyRootFilesystem)),
            ("capDrop", .array(capDrop.map(ConfigValue.string))),
            ("capAdd", .array(capAdd.map(ConfigValue.string))),
            ("securityOpt", .array(securityOptions.map(ConfigValue.string))),
            ("noNewPrivileges", .bool(noNewPrivileges)),
            ("tmpfs", .array(tmpfs.map(ConfigValue.string))),
            ("stopSignal", stopSignal.map(ConfigValue.string) ?? .null),
            ("stopGracePeriod", stopGracePeriod.map { .string(DurationText.format($0)) } ?? .null),
            ("labels", .object(labels.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) })),
            ("replicas", .int(Int64(replicas))),
            ("supervised", .bool(supervised)),
        ]
        if let gateway {
            fields.append(("gateway", .object([
                ("port", .int(Int64(gateway.port))),
                ("routes", .array(gateway.routes.map { route in
                    .object([
                        ("name", .string(route.name)),
                        ("paths", .array(route.paths.map(ConfigValue.string))),
                        ("methods", .array(route.methods.map(ConfigValue.string))),
                        ("hosts", .array(route.hosts.map(ConfigValue.string))),
                        ("stripPath", .bool(route.stripPath)),
                    ])
                })),
            ])))
        }
        if let discovery {
            var check: ConfigValue = .null
            if let c = discovery.check {
                let kind: (String, ConfigValue) = switch c.kind {
                case .http(let path): ("http", .string(path))
                case .tcp: ("tcp", .bool(true))
                }
                check = .object([kind, ("interval", .string(DurationText.format(c.interval))), ("timeout", .string(DurationText.format(c.timeout)))])
            }
            fields.append(("discovery", .object([
                ("name", .string(discovery.name)),
                ("port", .int(Int64(discovery.port))),
                ("tags", .array(discovery.tags.map(ConfigValue.string))),
                ("meta", .object(discovery.meta.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) })),
                ("check", check),
            ])))
        }
        return .object(fields)
    }
}

extension HealthCheck {
    var value: ConfigValue {
        var fields: [(String, ConfigValue)]
        switch probe {
        case .command(let words): fields = [("test", .array(words.map(ConfigValue.string)))]
        case .http(let port, let path): fields = [("http", .object([("port", .int(Int64(port))), ("path", .string(path))]))]
        case .tcp(let port): fields = [("tcp", .object([("port", .int(Int64(port)))]))]
        case .disabled: return .object([("disable", .bool(true))])
        }
        if let interval { fields.append(("interval", .string(DurationText.format(interval)))) }
        if let timeout { fields.append(("timeout", .string(DurationText.format(timeout)))) }
        if let retries { fields.append(("retries", .int(Int64(retries)))) }
        if let startPeriod { fields.append(("startPeriod", .string(DurationText.format(startPeriod)))) }
        return .object(fields)
    }
}

extension NetworkSpec {
    var value: ConfigValue {
        var fields: [(String, ConfigValue)] = [
            ("name", .string(name)), ("driver", .string(driver)), ("internal", .bool(isInternal)),
            ("attachable", .bool(attachable)), ("enableIPv6", .bool(enableIPv6)),
        ]
        if let ipam {
            fields.append(("ipam", .object([
                ("subnet", .string(ipam.subnet.description)),
                ("gateway", ipam.gateway.map(ConfigValue.string) ?? .null),
                ("ipRange", ipam.ipRange.map { .string($0.description) } ?? .null),
            ])))
        }
        fields.append(("options", .object(options.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) })))
        return .object(fields)
    }
}

extension VolumeSpec {
    var value: ConfigValue {
        .object([
            ("name", .string(name)), ("driver", .string(driver)),
            ("driverOpts", .object(driverOptions.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) })),
        ])
    }
}
