import SutaYAML

/// What Kong would refuse across services, caught at `validate` instead of half-way through
/// an apply (each route's name, paths and methods are checked as they are read):
/// - route hosts (`typedefs.hosts`): a host name, IPv4 or IPv6 address with an optional
///   port, with at most one `*` as the leftmost or rightmost label (`KongHostRule`);
/// - route names are unique among the active services (Kong's are unique node-wide).
struct IntegrationNameRules {
    let services: [ServiceSpec]
    let active: Set<String>

    func check(into diagnostics: inout DiagnosticList) {
        var routeNames: [String: (service: String, location: SourceLocation)] = [:]
        for service in services {
            guard let gateway = service.gateway else { continue }
            for route in gateway.routes {
                let location = route.location ?? service.location
                if active.contains(service.name) {
                    if let first = routeNames[route.name], first.service != service.name {
                        diagnostics.error("gateway route `\(route.name)` of `\(service.name)` has the name of a route of `\(first.service)`", at: location,
                                          hint: "Kong route names are unique; the first is at \(first.location)")
                    } else if routeNames[route.name] == nil {
                        routeNames[route.name] = (service.name, location)
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
    }
}
