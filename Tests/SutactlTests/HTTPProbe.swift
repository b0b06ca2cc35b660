import SutaHTTP

/// A plain HTTP GET to a published port on 127.0.0.1.
enum HTTPProbe {
    /// The status code.
    static func get(port: Int, path: String) async throws -> Int {
        try await HTTPClient(endpoint: .tcp(host: "127.0.0.1", port: port)).send(HTTPRequest(path: path)).status
    }

    /// The body as text.
    static func body(port: Int, path: String) async throws -> String {
        String(decoding: try await HTTPClient(endpoint: .tcp(host: "127.0.0.1", port: port)).send(HTTPRequest(path: path)).body, as: UTF8.self)
    }
}
