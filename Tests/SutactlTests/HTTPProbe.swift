import SutaHTTP

/// A plain HTTP GET to a published port on 127.0.0.1, returning the status code.
enum HTTPProbe {
    static func get(port: Int, path: String) async throws -> Int {
        try await HTTPClient(endpoint: .tcp(host: "127.0.0.1", port: port)).send(HTTPRequest(path: path)).status
    }
}
