import Synchronization
import SutaHTTP

/// A client of the Docker Engine API over its Unix socket.
///
/// The API version is negotiated once, on the first request: the client pings the engine
/// and speaks `min(1.47, engine's Api-Version)`, refusing engines older than API 1.41
/// (Docker 20.10). Every path is then sent with its `/v1.NN` prefix.
///
/// The client is split by resource: containers, networks, volumes, images, events, logs
/// and system calls live in extensions. It is safe to share between tasks; requests run
/// concurrently on pooled connections. Cancelling the calling task aborts its request.
public final class DockerClient: Sendable {
    /// The newest API version this client speaks.
    public static let maximumAPIVersion = DockerAPIVersion(1, 47)
    /// The oldest API version this client speaks (Docker 20.10).
    public static let minimumAPIVersion = DockerAPIVersion(1, 41)
    /// The socket used when `DOCKER_HOST` is not set.
    public static let defaultHost = "unix:///var/run/docker.sock"

    /// Where the engine listens.
    public let endpoint: HTTPEndpoint
    let http: HTTPClient
    /// The negotiation in progress or done; cleared when it fails, so the next call retries.
    private let negotiation = Mutex<Task<Result<DockerAPIVersion, DockerError>, Never>?>(nil)
    private let calls = Atomic<Int>(0)

    /// Creates a client for the engine at `endpoint` (normally a Unix socket). Nothing is
    /// sent until the first request.
    public init(endpoint: HTTPEndpoint) {
        self.endpoint = endpoint
        http = HTTPClient(endpoint: endpoint, connectTimeout: .seconds(5), requestTimeout: .seconds(60), idleConnections: 8)
    }

    /// A client for the engine named by `DOCKER_HOST` in `environment`, as every Docker
    /// tool does: `unix:///path/to/docker.sock`, or `unix:///var/run/docker.sock` when it
    /// is unset or empty. Other schemes (`tcp://`, `ssh://`) are rejected with
    /// ``DockerError/invalidEndpoint(_:)``.
    public static func fromEnvironment(_ environment: [String: String]) throws(DockerError) -> DockerClient {
        let configured = environment["DOCKER_HOST"]?.trimmingSpaces ?? ""
        let host = configured.isEmpty ? defaultHost : configured
        guard host.lowercased().hasPrefix("unix://") else {
            throw .invalidEndpoint(
                "DOCKER_HOST=\(host) is not supported: sutactl talks to the Docker Engine over its Unix socket only; "
                    + "set DOCKER_HOST=unix:///path/to/docker.sock or unset it to use \(defaultHost)")
        }
        do {
            return DockerClient(endpoint: try HTTPEndpoint(parsing: host))
        } catch {
            throw .invalidEndpoint("DOCKER_HOST=\(host) cannot be used: \(error.message)")
        }
    }

    /// How many requests this client has sent to the engine, the version ping included.
    public var apiCallCount: Int { calls.load(ordering: .relaxed) }

    /// The API version in use, negotiating it first if no request has done so yet.
    public func apiVersion() async throws(DockerError) -> DockerAPIVersion {
        let task = negotiation.withLock { current in
            if let current { return current }
            let started = Task { await self.negotiate() }
            current = started
            return started
        }
        let result = await task.value
        if case .failure = result {
            negotiation.withLock { current in
                if current == task { current = nil }
            }
        }
        return try result.get()
    }

    /// Pings the engine and picks the version to speak, as a result to share between callers.
    private func negotiate() async -> Result<DockerAPIVersion, DockerError> {
        do throws(DockerError) {
            let response = try await perform(HTTPRequest(path: "/_ping", timeout: .seconds(10)))
            guard response.status == 200 else { throw DockerError(response) }
            guard let header = response.header("Api-Version"), let engine = DockerAPIVersion(header) else {
                throw .apiVersion("the Docker Engine at \(socketName) did not say which API version it speaks (no Api-Version header on /_ping)")
            }
            let chosen = min(Self.maximumAPIVersion, engine)
            guard chosen >= Self.minimumAPIVersion else {
                throw .apiVersion(
                    "the Docker Engine at \(socketName) speaks API \(engine) at most; sutactl needs API "
                        + "\(Self.minimumAPIVersion) or newer (Docker 20.10 or later)")
            }
            return .success(chosen)
        } catch {
            return .failure(error)
        }
    }

    // MARK: Requests shared by the resource extensions

    /// Sends `method` `path` (without the version prefix) and returns the response,
    /// whatever its status. `body`, when given, is encoded as JSON.
    func send(
        _ method: String,
        _ path: String,
        query: DockerQuery = DockerQuery(),
        body: (some Encodable)? = String?.none,
        timeout: Duration? = nil
    ) async throws(DockerError) -> HTTPResponse {
        let request = try await request(method, path, query: query, body: body, timeout: timeout)
        return try await perform(request)
    }

    /// Like ``send(_:_:query:body:timeout:)``, but throws the matching ``DockerError``
    /// unless the status is 2xx or one of `alsoAccepted`.
    @discardableResult
    func call(
        _ method: String,
        _ path: String,
        query: DockerQuery = DockerQuery(),
        body: (some Encodable)? = String?.none,
        timeout: Duration? = nil,
        alsoAccepted: Set<Int> = []
    ) async throws(DockerError) -> HTTPResponse {
        let response = try await send(method, path, query: query, body: body, timeout: timeout)
        guard response.isSuccess || alsoAccepted.contains(response.status) else { throw DockerError(response) }
        return response
    }

    /// Like ``call(_:_:query:body:timeout:alsoAccepted:)`` for a JSON answer, decoded.
    func decoded<Value: Decodable>(
        _ type: Value.Type,
        _ method: String,
        _ path: String,
        query: DockerQuery = DockerQuery(),
        body: (some Encodable)? = String?.none
    ) async throws(DockerError) -> Value {
        let response = try await call(method, path, query: query, body: body)
        return try DockerJSON.decode(type, from: response.body, what: "\(method) \(path)")
    }

    /// Sends a streaming request: the body of a 2xx response goes to `onChunk` as it
    /// arrives (on the transfer's thread); there is no total time limit. Returns the
    /// response head; throws the matching ``DockerError`` for any other status. `upload`
    /// is a request body and its content type (a build context's tar).
    @discardableResult
    func stream(
        _ method: String,
        _ path: String,
        query: DockerQuery = DockerQuery(),
        upload: (bytes: [UInt8], contentType: String)? = nil,
        onChunk: sending @escaping ([UInt8]) -> Void
    ) async throws(DockerError) -> HTTPResponse {
        var request = try await request(method, path, query: query, body: String?.none, timeout: nil)
        if let upload {
            request.body = upload.bytes
            request.headers["Content-Type"] = upload.contentType
        }
        calls.add(1, ordering: .relaxed)
        let response: HTTPResponse
        do {
            response = try await http.stream(request, onChunk: onChunk)
        } catch {
            throw failure(error)
        }
        guard response.isSuccess else { throw DockerError(response) }
        return response
    }

    /// The versioned request for `method` `path`.
    private func request(
        _ method: String,
        _ path: String,
        query: DockerQuery,
        body: (some Encodable)?,
        timeout: Duration?
    ) async throws(DockerError) -> HTTPRequest {
        let version = try await apiVersion()
        let target = "/v\(version)\(path)\(query.rendered)"
        guard let body else { return HTTPRequest(method: method, path: target, timeout: timeout) }
        return .json(method: method, path: target, body: try DockerJSON.encode(body), timeout: timeout)
    }

    /// Sends one request and counts it.
    private func perform(_ request: HTTPRequest) async throws(DockerError) -> HTTPResponse {
        calls.add(1, ordering: .relaxed)
        do {
            return try await http.send(request)
        } catch {
            throw failure(error)
        }
    }

    /// A transport failure as a ``DockerError``; a failed connection says how to get an
    /// engine running.
    private func failure(_ error: HTTPError) -> DockerError {
        guard error.kind == .connect else { return .transport(error) }
        return .engineUnreachable(
            socket: socketName,
            message: "cannot reach the Docker Engine at \(socketName) (\(error.message)): is dockerd running? "
                + "start it with `sudo systemctl start docker` or `make engine`, or set DOCKER_HOST")
    }

    /// How messages name the engine: its socket path, or `host:port`.
    var socketName: String {
        switch endpoint {
        case .unixSocket(let path): path
        case .tcp(let host, let port): "\(host):\(port)"
        }
    }
}

private extension String {
    var trimmingSpaces: String {
        String(drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }
}
