/// A JSON Schema (draft 2020-12) of the manifest language, for editors (the YAML language
/// server) and for checking manifests with any validator. Unknown fields are refused, as
/// `validate` refuses them; values are described as they may be written (`memory: 512M` or
/// a number of bytes), the finer rules are `validate`'s. `sutactl schema` prints it and
/// docs/sutactl.schema.json holds a copy.
public enum ManifestSchema {
    typealias Node = ConfigValue

    /// An object of `properties` and no others; with `requiredOneOf`, at least one of those must be present.
    private static func object(_ properties: [(String, Node, String)], required: [String] = [], requiredOneOf: [String] = []) -> Node {
        var members: [(String, Node)] = [("type", .string("object"))]
        members.append(("properties", .object(properties.map { name, schema, description in
            (name, described(schema, description))
        })))
        if !required.isEmpty { members.append(("required", .array(required.map(Node.string)))) }
        if !requiredOneOf.isEmpty {
            members.append(("anyOf", .array(requiredOneOf.map { .object([("required", .array([.string($0)]))]) })))
        }
        members.append(("additionalProperties", .bool(false)))
        return .object(members)
    }

    private static func described(_ schema: Node, _ description: String) -> Node {
        guard case .object(let members) = schema, !description.isEmpty else { return schema }
        return .object([("description", .string(description))] + members)
    }

    private static func type(_ name: String) -> Node { .object([("type", .string(name))]) }
    private static func anyOf(_ choices: Node...) -> Node { .object([("anyOf", .array(choices))]) }
    private static func array(_ items: Node) -> Node { .object([("type", .string("array")), ("items", items)]) }
    private static func map(_ values: Node) -> Node { .object([("type", .string("object")), ("additionalProperties", values)]) }
    private static func enumeration(_ values: [String]) -> Node { .object([("enum", .array(values.map(Node.string)))]) }

    private static let string = type("string")
    private static let integer = type("integer")
    private static let boolean = type("boolean")
    private static let scalar = anyOf(type("string"), type("number"), type("boolean"), type("null"))
    private static let words = anyOf(type("string"), array(type("string")))
    /// `10s`, `1m30s`, `500ms`.
    private static let duration = anyOf(type("string"), type("number"))

    private static var healthcheck: Node {
        object([
            ("test", anyOf(type("string"), array(type("string")), type("null")), "a command: [CMD, ...], [CMD-SHELL, \"...\"], or [NONE]"),
            ("http", anyOf(object([("port", integer, "container port"), ("path", string, "request path")]), type("null")),
             "an HTTP GET inside the container on 127.0.0.1"),
            ("tcp", anyOf(object([("port", integer, "container port")]), type("null")), "a TCP connect inside the container"),
            ("interval", duration, "time between checks"), ("timeout", duration, "how long one check may take"),
            ("retries", integer, "consecutive failures before unhealthy"), ("start_period", duration, "failures not counted while starting"),
            ("disable", boolean, "no health check, not even the image's"),
        ])
    }

    private static var gateway: Node {
        object([
            ("port", integer, "the container port the gateway forwards to"),
            ("routes", array(object([
                ("name", string, "Kong route name (letters, digits, .-_~)"), ("paths", array(string), "paths, each starting with /"),
                ("methods", array(string), "HTTP methods"), ("hosts", array(string), "host names"),
                ("strip_path", boolean, "strip the matched path before forwarding"),
            ])), "Kong routes to this service"),
        ])
    }

    private static var discovery: Node {
        object([
            ("name", string, "service name in Consul (default: the service's)"), ("port", integer, "the container port to register"),
            ("tags", array(string), "Consul tags"), ("meta", map(scalar), "Consul meta (keys [A-Za-z0-9_-])"),
            ("check", object([("http", string, "a path probed on the published port"), ("tcp", boolean, "a TCP check"),
                              ("interval", duration, ""), ("timeout", duration, "")]), "the agent's health check"),
        ])
    }

    /// The fields of a Service's spec, in `SpecReader.serviceFields` order.
    static var serviceProperties: [(String, Node, String)] {
        [
            ("image", string, "image reference, e.g. postgres:16.3-alpine"),
            ("entrypoint", words, "replaces the image's entrypoint"), ("command", words, "replaces the image's command"),
            ("working_dir", string, "absolute working directory"),
            ("environment", anyOf(map(scalar), array(string)), "variables, as a mapping or KEY=VALUE list; secrets only as ${VAR}"),
            ("ports", array(anyOf(type("string"), integer, object([("target", integer, ""), ("published", anyOf(integer, type("string")), ""),
                                                                   ("host_ip", string, ""), ("protocol", enumeration(["tcp", "udp"]), "")]))),
             "[HOST_IP:][HOST_PORT:]CONTAINER_PORT[/tcp|udp]; a port without host address is published on 127.0.0.1"),
            ("volumes", array(anyOf(type("string"), object([("type", enumeration(["volume", "bind", "tmpfs"]), ""), ("source", string, ""),
                                                             ("target", string, ""), ("read_only", boolean, "")]))),
             "VOLUME:/path[:ro], ./host/path:/path[:ro], or the long form"),
            ("networks", anyOf(array(string), map(anyOf(type("null"), object([("aliases", array(string), ""), ("ipv4_address", string, "")])))),
             "networks to join, with aliases and a static address"),
            ("resources", object([("cpus", anyOf(type("number"), type("string")), "CPU limit, at least 0.01"),
                                  ("memory", anyOf(type("string"), integer), "memory limit: 512M, 2G (at least 6M)"),
                                  ("pids", integer, "process limit"),
                                  ("reservations", object([("cpus", anyOf(type("number"), type("string")), "CPUs a swarm node must have free (swarm mode only)"),
                                                           ("memory", anyOf(type("string"), integer), "the container's soft limit: 256M (at least 6M)")]),
                                   "reserved, at most the limits")]), "limits and reservations"),
            ("healthcheck", healthcheck, "the container's health check"),
            ("depends_on", anyOf(array(string), map(anyOf(type("null"), object([
                ("condition", enumeration(Dependency.Condition.manifestSpellings), "when the dependency counts as ready"),
                ("required", boolean, "false: dropped when the dependency is not in the profile"),
                ("restart", boolean, "accepted for compose compatibility"),
            ])))), "services to start first"),
            ("restart", string, "no, always, unless-stopped, on-failure[:N]"), ("user", string, "name|uid[:group|gid]"),
            ("read_only", boolean, "read-only root file system"), ("cap_drop", array(string), "capabilities to drop, e.g. ALL"),
            ("cap_add", array(string), "capabilities to add"), ("security_opt", array(string), "e.g. no-new-privileges:true"),
            ("tmpfs", words, "tmpfs mounts: /path[:options]"), ("stop_signal", string, "e.g. SIGTERM"),
            ("stop_grace_period", duration, "time between the stop signal and SIGKILL"), ("labels", map(scalar), "container labels"),
            ("replicas", integer, "number of containers (0 stops the service)"), ("supervised", boolean, "restart with backoff when unhealthy"),
            ("gateway", gateway, "routes on the gateway (Kong)"), ("discovery", discovery, "registration with the discovery agent (Consul)"),
            ("build", anyOf(type("string"), object([
                ("context", string, "the context directory, relative to this file (default .)"),
                ("dockerfile", string, "the Dockerfile, relative to the context (default Dockerfile)"),
                ("args", anyOf(map(scalar), array(string)), "build arguments, as a mapping or NAME=VALUE list"),
                ("target", string, "the stage to build"), ("labels", map(scalar), "labels of the built image"),
            ])), "build the image from a context directory (a string: the context); `image` names the tag"),
            ("update_config", rollout(["rollback", "pause", "continue"]), "how a change replaces the containers"),
            ("rollback_config", rollout(["pause", "continue"]), "how a failed change goes back"),
            ("placement", object([("constraints", array(string), "e.g. node.role == worker"),
                                  ("preferences", array(object([("spread", string, "e.g. node.id")])), "spread tasks over nodes"),
                                  ("max_replicas_per_node", integer, "")]), "where the tasks run (engine mode swarm)"),
        ]
    }

    /// Service fields where a profile may also write null (to drop an inherited value).
    private static var serviceOverride: Node {
        .object([("type", .string("object")), ("properties", .object(serviceProperties.map { name, schema, description in
            (name, described(anyOf(schema, type("null")), description))
        })), ("additionalProperties", .bool(false))])
    }

    private static let policy = object([("dangerous", enumeration(["warn", "error"]), "CIS Docker Benchmark settings: warnings or errors")])

    private static var projectSpec: Node {
        object([
            ("default_profile", string, "the profile used without --profile"), ("profiles_dir", string, "another directory of profiles"),
            ("secrets", array(string), "variables that are secrets (never printed)"),
            ("engine", object([("host", string, "unix:///path/docker.sock (DOCKER_HOST overrides it)"),
                               ("mode", enumeration(["docker", "swarm"]), "containers on one engine, or services on a swarm")]),
             "the Docker Engine (or the swarm manager's)"),
            ("gateway", object([("service", string, ""), ("admin_port", integer, ""), ("admin_url", string, ""),
                                ("mode", enumeration(["dbless", "database"]), "")]), "the Kong gateway"),
            ("discovery", object([("service", string, ""), ("port", integer, ""), ("address", string, ""),
                                  ("token_env", string, "the variable holding the ACL token")]), "the Consul agent"),
            ("model_server", object([("service", string, ""), ("url", string, ""), ("models", array(object([
                ("name", string, ""), ("preload", boolean, ""), ("keep_alive", anyOf(type("string"), integer), ""),
            ])), "models to pull (and preload)")]), "the Ollama server"),
            ("breakers", object([("failure_rate", type("number"), ""), ("window", integer, ""), ("minimum_calls", integer, ""),
                                 ("open_duration", duration, ""), ("half_open_calls", integer, "")]), "circuit breakers"),
            ("supervision", object([("backoff_base", duration, ""), ("backoff_cap", duration, ""), ("failure_threshold", integer, ""),
                                    ("max_restarts", integer, ""), ("restart_window", duration, "")]), "supervision of supervised services"),
            ("policy", policy, "what to do about dangerous settings"),
            ("update_config", rollout(["rollback", "pause", "continue"]), "every service's default update_config"),
            ("rollback_config", rollout(["pause", "continue"]), "every service's default rollback_config"),
        ])
    }

    /// `update_config` / `rollback_config`, with Compose's and Swarm's names.
    private static func rollout(_ actions: [String]) -> Node {
        object([("order", enumeration(["stop-first", "start-first"]), "start-first: the new container is healthy before the old stops"),
                ("failure_action", enumeration(actions), "what a failed replacement leads to"),
                ("monitor", duration, "how long the new container must stay healthy"),
                ("parallelism", integer, "replicas replaced at a time"), ("delay", duration, "pause between batches")])
    }

    private static var networkSpec: Node {
        object([("driver", string, ""), ("internal", boolean, ""), ("attachable", boolean, ""), ("enable_ipv6", boolean, ""),
                ("ipam", object([("subnet", string, ""), ("gateway", string, ""), ("ip_range", string, "")]), "addresses"),
                ("options", map(scalar), "driver options")])
    }

    private static var profileSpec: Node {
        object([("description", string, ""), ("extends", words, "profiles whose services this one includes"),
                ("services", words, "the services of this profile (\"*\": all)"), ("defaults", serviceOverride, "merged into every service"),
                ("overrides", map(serviceOverride), "merged into the named services"), ("policy", policy, "")])
    }

    private static func document(_ kind: ManifestKind, _ spec: Node) -> Node {
        .object([
            ("if", .object([("properties", .object([("kind", .object([("const", .string(kind.rawValue))]))]))])),
            ("then", .object([("properties", .object([("spec", spec)]))])),
        ])
    }

    /// The schema as JSON text.
    public static var json: String {
        let metadata = object([("name", string, "unique per kind"), ("labels", map(scalar), "")], required: ["name"])
        let envelope: Node = .object([
            ("$schema", .string("https://json-schema.org/draft/2020-12/schema")),
            ("$id", .string("https://sutactl.invalid/schema/sutactl-v1.json")),
            ("title", .string("sutactl manifest (apiVersion sutactl/v1)")),
            ("type", .string("object")),
            ("properties", .object([
                ("apiVersion", .object([("const", .string(ManifestDocument.apiVersion))])),
                ("kind", enumeration(ManifestKind.allCases.map(\.rawValue))),
                ("metadata", metadata), ("spec", .object([("type", .string("object"))])),
            ])),
            ("required", .array(["apiVersion", "kind", "metadata"].map(Node.string))),
            ("additionalProperties", .bool(false)),
            ("allOf", .array([document(.project, projectSpec), document(.service, object(serviceProperties, requiredOneOf: ["image", "build"])),
                              document(.network, networkSpec), document(.volume, object([("driver", string, ""), ("driver_opts", map(scalar), "")])),
                              document(.profile, profileSpec)])),
        ])
        return envelope.json()
    }
}
