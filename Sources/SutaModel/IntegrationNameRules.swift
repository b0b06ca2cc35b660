import SutaYAML

/// What the gateway (Kong) and the discovery agent (Consul) would refuse, caught at
/// `validate` instead of half-way through an apply:
/// - Kong names (`typedefs.utf8_name`): the gateway service `PROJECT-SERVICE` and every
///   route `PROJECT-ROUTE` take ASCII letters, digits, `.`, `-`, `_` and `~` (and non-ASCII
///   characters); route names are unique among the active services.
/// - Kong route hosts (`typedefs.hosts`): a host name, IPv4 or IPv6 address with an optional
///   port, with at most one `*` as the leftmost or rightmost label.
/// - Consul service meta (`structs.ValidateServiceMetadata`): keys of `[A-Za-z0-9_-]`, at
///   most 128 characters, not `consul-`…; values at most 512 characters; at most 64 pairs
///   with the ones sutactl adds. Keys starting with `sutactl-` are sutactl's own.
/// Methods need no rule here: the spec reader accepts only the HTTP methods Kong knows.
struct IntegrationNameRules {
    /// The meta keys sutactl adds to every registration (`IntegrationState`).
    static let ownMetaKeys = 3
    static let ownMetaPrefix = "sutactl-"

    let project: ProjectSpec
    let services: [ServiceSpec]
    let active: Set<String>

    func check(into diagnostics: inout DiagnosticList) {
        var routeNames: [String: (service: String, location: SourceLocation)] = [:]
        for service in services {
            if let gateway = service.gateway { checkGateway(service, gateway, &routeNames, &diagnostics) }
            if let discovery = service.discovery { checkMeta(service, discovery, &diagnostics) }
        }
    }

    private func checkGateway(_ service: ServiceSpec, _ gateway: GatewaySpec, _ routeNames: inout [String: (service: String, location: SourceLocation)],
                              _ diagnostics: inout DiagnosticList) {
        let serviceName = "\(project.name)-\(service.name)"
        if !Self.isKongName(serviceName) {
            diagnostics.error("gateway service name `\(serviceName)` of `\(service.name)` is not a valid Kong name", at: service.location,
                              hint: Self.kongNameHint)
        }
        for route in gateway.routes {
            let location = route.location ?? service.location
            let name = "\(project.name)-\(route.name)"
            if !Self.isKongName(name) {
                diagnostics.error("gateway route name `\(route.name)` of `\(service.name)` is not a valid Kong name", at: location,
                                  hint: Self.kongNameHint)
            } else if active.contains(service.name) {
                if let first = routeNames[name] {
                    diagnostics.error("gateway route `\(route.name)` of `\(service.name)` has the name of a route of `\(first.service)`", at: location,
                                      hint: "Kong route names are unique; the first is at \(first.location)")
                } else {
                    routeNames[name] = (service.name, location)
                }
            }
            for host in route.hosts {
                if let problem = KongHostRule.problem(host) {
                    diagnostics.error("gateway route `\(route.name)` of `\(service.name)`: Kong refuses the host `\(host)` (\(problem))", at: location,
                                      hint: "write a host name or address, optionally with :PORT, and at most one `*` as its first or last label")
                }
            }
        }
    }

    private func checkMeta(_ service: ServiceSpec, _ discovery: DiscoverySpec, _ diagnostics: inout DiagnosticList) {
        let location = discovery.metaLocation ?? service.location
        if discovery.meta.count + Self.ownMetaKeys > 64 {
            diagnostics.error("discovery meta of `\(service.name)` has \(discovery.meta.count) pairs: with the \(Self.ownMetaKeys) sutactl adds, "
                                  + "that is more than the 64 Consul allows", at: location)
        }
        for key in discovery.meta.keys.sorted() {
            let value = discovery.meta[key]!
            let problem: String? = if key.isEmpty {
                "a meta key of `\(service.name)` is blank"
            } else if !key.unicodeScalars.allSatisfy({ $0.isASCIIAlphanumeric || $0 == "_" || $0 == "-" }) {
                "meta key `\(key)` of `\(service.name)` has characters Consul refuses"
            } else if key.utf8.count > 128 {
                "meta key `\(key.prefix(20))…` of `\(service.name)` is longer than the 128 characters Consul allows"
            } else if key.hasPrefix("consul-") {
                "meta key `\(key)` of `\(service.name)` uses the prefix `consul-`, which Consul reserves"
            } else if key.hasPrefix(Self.ownMetaPrefix) {
                "meta key `\(key)` of `\(service.name)` uses the prefix `sutactl-`, which sutactl reserves"
            } else if value.utf8.count > 512 {
                "meta value of `\(key)` of `\(service.name)` is longer than the 512 characters Consul allows"
            } else {
                nil
            }
            if let problem {
                diagnostics.error(problem, at: location, hint: key.hasPrefix(Self.ownMetaPrefix)
                    ? "sutactl sets these keys itself to track what it registered"
                    : "Consul meta keys take letters, digits, `_` and `-` (at most 128), values at most 512 characters")
            }
        }
    }

    private static let kongNameHint = "Kong names take letters, digits, `.`, `-`, `_` and `~`"

    /// `typedefs.utf8_name`: ASCII letters, digits, `.`, `-`, `_`, `~`, and non-ASCII characters.
    static func isKongName(_ name: String) -> Bool {
        !name.isEmpty && name.unicodeScalars.allSatisfy { !$0.isASCII || $0.isASCIIAlphanumeric || ".-_~".unicodeScalars.contains($0) }
    }
}
