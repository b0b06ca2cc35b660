import SutaYAML

extension SpecReader {
    /// A service's Kong routes. Names and paths follow Kong's schema (`KongGrammar`), so the
    /// gateway never refuses what `validate` accepted.
    mutating func gateway(_ node: YAMLNode, service: String) -> GatewaySpec? {
        guard let f = fields(node, of: "gateway", allowed: ["port", "routes"]) else { return nil }
        guard let portNode = f["port"], let port = port(portNode, "port") else {
            if f["port"] == nil { diagnostics.error("gateway needs the container `port` to forward to", at: node.location) }
            return nil
        }
        var routes: [GatewayRoute] = []
        for item in f["routes"].flatMap({ sequence($0, "routes") }) ?? [] {
            guard let r = fields(item, of: "route", allowed: ["name", "paths", "methods", "hosts", "strip_path"]) else { continue }
            let name = r["name"].flatMap { string($0, "name") } ?? "\(service)-\(routes.count)"
            if let n = r["name"], let problem = KongGrammar.nameProblem(name) {
                diagnostics.error("route name `\(name)` \(problem)", at: n.location)
            } else if let n = r["name"], routes.contains(where: { $0.name == name }) {
                diagnostics.error("route `\(name)` is declared twice in `\(service)`", at: n.location)
            }
            let paths = r["paths"].flatMap { stringList($0, "paths") } ?? []
            let methods = r["methods"].flatMap { stringList($0, "methods") } ?? []
            let hosts = r["hosts"].flatMap { stringList($0, "hosts") } ?? []
            if paths.isEmpty && hosts.isEmpty {
                diagnostics.error("route `\(name)` matches nothing: give `paths` or `hosts`", at: item.location)
            }
            for (index, path) in paths.enumerated() {
                if let problem = KongGrammar.pathProblem(path) {
                    diagnostics.error("route path `\(path)` \(problem)", at: r["paths"].map { pathNode($0, index) } ?? item.location)
                }
            }
            let known = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "CONNECT"]
            for method in methods where !known.contains(method) {
                diagnostics.error("unknown HTTP method `\(method)` in route `\(name)`", at: r["methods"]!.location,
                                  hint: Suggestion.hint(for: method, among: known))
            }
            let strip = r["strip_path"].flatMap { bool($0, "strip_path") } ?? false
            routes.append(GatewayRoute(name: name, paths: paths, methods: methods, hosts: hosts, stripPath: strip, location: item.location))
        }
        return GatewaySpec(port: port, routes: routes)
    }

    private func pathNode(_ node: YAMLNode, _ index: Int) -> SourceLocation {
        if case .sequence(let items) = node.value, index < items.count { return items[index].location }
        return node.location
    }

    /// A service's Consul registration. Meta follows Consul's rules (`ConsulMetaGrammar`) and
    /// an http check is a path, as the agent is given `http://127.0.0.1:PORT` + path.
    mutating func discovery(_ node: YAMLNode, service: String) -> DiscoverySpec? {
        guard let f = fields(node, of: "discovery", allowed: ["name", "port", "tags", "meta", "check"]) else { return nil }
        guard let portNode = f["port"], let port = port(portNode, "port") else {
            if f["port"] == nil { diagnostics.error("discovery needs the container `port` to register", at: node.location) }
            return nil
        }
        var spec = DiscoverySpec(name: f["name"].flatMap { string($0, "name") } ?? service, port: port,
                                 tags: f["tags"].flatMap { stringList($0, "tags") } ?? [],
                                 meta: f["meta"].flatMap { meta($0) } ?? [:], check: nil)
        if let n = f["check"], let c = fields(n, of: "discovery check", allowed: ["http", "tcp", "interval", "timeout"]) {
            let interval = c["interval"].flatMap { duration($0, "interval") } ?? .seconds(10)
            let timeout = c["timeout"].flatMap { duration($0, "timeout") } ?? .seconds(2)
            switch (c["http"], c["tcp"]) {
            case (let http?, nil):
                if let path = string(http, "http") {
                    if path.hasPrefix("/") {
                        spec.check = DiscoveryCheck(kind: .http(path: path), interval: interval, timeout: timeout)
                    } else {
                        diagnostics.error("discovery check `http` must be a path starting with `/`, found `\(path)`", at: http.location,
                                          hint: "the agent checks http://127.0.0.1:PORT followed by this path")
                    }
                }
            case (nil, let tcp?):
                if bool(tcp, "tcp") == true { spec.check = DiscoveryCheck(kind: .tcp, interval: interval, timeout: timeout) }
            default:
                diagnostics.error("discovery check needs exactly one of `http` (a path) or `tcp: true`", at: n.location)
            }
        }
        return spec
    }

    /// Registration meta: Consul's key and value rules; `sutactl-` keys are sutactl's own.
    private mutating func meta(_ node: YAMLNode) -> [String: String]? {
        guard let map = stringMap(node, "meta"), case .mapping(let entries) = node.value else { return nil }
        for entry in entries {
            guard let key = entry.key.scalarText else { continue }
            if let problem = ConsulMetaGrammar.problem(key: key, value: map[key] ?? "") {
                diagnostics.error(problem, at: entry.key.location)
            }
        }
        if map.count > ConsulMetaGrammar.maximumUserPairs {
            diagnostics.error("`meta` has \(map.count) keys; Consul takes at most \(ConsulMetaGrammar.maximumPairs), "
                              + "\(ConsulMetaGrammar.maximumPairs - ConsulMetaGrammar.maximumUserPairs) of them sutactl's own", at: node.location)
        }
        return map
    }
}
