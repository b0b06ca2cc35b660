import SutaHTTP

/// A client of Kong's Admin API (3.x), normally on `http://127.0.0.1:8001`.
///
/// Kong runs in one of two modes, and the client serves both:
/// - DB-less: entity endpoints are read-only; the whole configuration is read with
///   ``exportDeclarativeConfig()`` and replaced at once with
///   ``applyDeclarativeConfig(text:)``, which tells whether anything changed.
/// - Database mode: services and routes are listed by tag
///   (``listServices(tag:)``, ``listRoutes(tag:)``), created, upserted by name and deleted
///   one by one. Calling these writes against a DB-less Kong throws ``KongError/dbless(_:)``.
///
/// Safe to share between tasks; requests run concurrently on pooled connections.
/// Cancelling the calling task aborts its request.
public final class KongAdminClient: Sendable {
    /// Where the admin API listens.
    public let endpoint: HTTPEndpoint
    private let http: HTTPClient

    /// Creates a client for the admin API at `endpoint`. Nothing is sent until the first call.
    public init(endpoint: HTTPEndpoint) {
        self.endpoint = endpoint
        http = HTTPClient(endpoint: endpoint, connectTimeout: .seconds(5), requestTimeout: .seconds(60), idleConnections: 4)
    }

    /// The node's status (`GET /status`); it also tells whether Kong runs DB-less.
    public func status() async throws(KongError) -> KongStatus {
        try await decoded(KongStatus.self, "GET", "/status")
    }

    // MARK: Requests shared by the extensions

    /// Sends `method` `target` (a path with its query, percent-encoded) and returns the
    /// response, whatever its status. `body`, when given, is sent as JSON.
    func send(_ method: String, _ target: String, body: [UInt8]? = nil) async throws(KongError) -> HTTPResponse {
        let request = body.map { HTTPRequest.json(method: method, path: target, body: $0) }
            ?? HTTPRequest(method: method, path: target)
        do {
            return try await http.send(request)
        } catch {
            throw failure(error)
        }
    }

    /// Like ``send(_:_:body:)``, but throws the matching ``KongError`` unless the status is
    /// 2xx or one of `alsoAccepted`.
    @discardableResult
    func call(_ method: String, _ target: String, body: [UInt8]? = nil, alsoAccepted: Set<Int> = []) async throws(KongError) -> HTTPResponse {
        let response = try await send(method, target, body: body)
        guard response.isSuccess || alsoAccepted.contains(response.status) else {
            throw KongError(response, request: "\(method) \(target)")
        }
        return response
    }

    /// Like ``call(_:_:body:alsoAccepted:)`` for a JSON answer, decoded.
    func decoded<Value: Decodable>(_ type: Value.Type, _ method: String, _ target: String, body: [UInt8]? = nil) async throws(KongError) -> Value {
        let response = try await call(method, target, body: body)
        do {
            return try ClientJSON.decode(type, from: response.body).get()
        } catch {
            throw .decoding("cannot read the answer to \(method) \(target): \(error.message)")
        }
    }

    /// `value` as the JSON body of a request.
    func json(_ value: some Encodable) throws(KongError) -> [UInt8] {
        do {
            return try ClientJSON.encode(value).get()
        } catch {
            throw .decoding(error.message)
        }
    }

    /// Every entity of `collection` (`/services`, `/routes`) tagged `tag`, following the
    /// pages' `next` links (relative or absolute) until the last page.
    func listAll<Entity: Decodable & Sendable>(_ collection: String, tag: String) async throws(KongError) -> [Entity] {
        try Self.validate(tag: tag)
        var target: String? = "\(collection)?tags=\(tag.percentEncodedComponent)"
        var visited: Set<String> = []
        var entities: [Entity] = []
        while let current = target {
            guard visited.insert(current).inserted else {
                throw .decoding("GET \(collection): Kong sent the page \(current) twice; giving up instead of looping")
            }
            let page = try await decoded(KongPage<Entity>.self, "GET", current)
            entities += page.data
            target = page.nextTarget
        }
        return entities
    }

    /// `text` as one percent-encoded path segment.
    func segment(_ text: String) -> String {
        text.percentEncodedComponent
    }

    /// Refuses a tag Kong cannot filter on exactly: `,` and `/` combine tags (AND, OR) in
    /// `?tags=`, and Kong forbids spaces and other non-printable ASCII in tags.
    private static func validate(tag: String) throws(KongError) {
        let invalid = tag.unicodeScalars.contains { $0 == "," || $0 == "/" || $0.value <= 0x20 || $0.value == 0x7F }
        guard !tag.isEmpty, !invalid else {
            throw .invalidRequest("cannot list by the tag '\(tag)': a tag is not empty and has no ',', '/', space or control character")
        }
    }

    /// A transport failure as a ``KongError``; a failed connection names the admin API's URL.
    private func failure(_ error: HTTPError) -> KongError {
        guard error.kind == .connect else { return .transport(error) }
        let url = endpoint.description
        return .unreachable(
            url: url,
            message: "cannot reach the Kong admin API at \(url) (\(error.message)): is Kong running, with its admin API listening there?")
    }
}
