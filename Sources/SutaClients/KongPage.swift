/// One page of a Kong collection: `{"data":[…], "offset":"…", "next":"/services?offset=…"}`,
/// with `next` `null` (or absent) on the last page.
struct KongPage<Entity: Decodable & Sendable>: Decodable, Sendable {
    var data: [Entity]
    var next: String?

    /// The path and query of the next page, to request from the same endpoint, or `nil` on
    /// the last page. Kong 3.x sends a relative `next` (`/services?offset=…`); its older
    /// documentation shows an absolute URL (`http://localhost:8001/services?offset=…`), whose
    /// scheme and authority are dropped: the client only talks to its own endpoint.
    var nextTarget: String? {
        guard let next, !next.isEmpty else { return nil }
        if next.hasPrefix("/") { return next }
        guard let scheme = next.firstRange(of: "://") else { return "/" + next }
        let afterAuthority = next[scheme.upperBound...].firstIndex { $0 == "/" || $0 == "?" }
        guard let afterAuthority else { return "/" }
        let rest = next[afterAuthority...]
        return rest.hasPrefix("?") ? "/" + rest : String(rest)
    }
}
