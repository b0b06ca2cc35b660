import SutaHTTP

/// The endpoint of a gateway, discovery or model server URL from the manifests
/// (`http://127.0.0.1:PORT`; validation has already kept them on loopback).
enum HTTPEndpointParsing {
    static func endpoint(_ url: String) throws -> HTTPEndpoint {
        // A trailing path (`http://127.0.0.1:8001/`) is not part of the endpoint.
        let withoutScheme = url.hasPrefix("http://") ? url.dropFirst("http://".count) : Substring(url)
        let hostPort = withoutScheme.prefix { $0 != "/" }
        return try HTTPEndpoint(parsing: "http://" + hostPort)
    }
}
