/// A stand-in for the local Consul agent's HTTP API on 127.0.0.1 and a port the kernel
/// picks, speaking what reference/apis.md §3 documents for services:
/// - `GET /v1/agent/services`: the registered services by ID.
/// - `PUT /v1/agent/service/register`: registers or replaces (200, empty body); 400 in plain
///   text for a missing `Name`, an invalid check (durations must be Go strings), or meta
///   the agent refuses (`Invalid Service Meta: Couldn't load metadata pair ('k', 'v'): Key
///   contains invalid characters`, as `structs.ValidateServiceMetadata` words it).
/// - `PUT /v1/agent/service/deregister/{id}`: 200, or 404 `Unknown service ID "x"…` for an
///   unknown ID (as agents since 2021 answer).
///
/// With a required token, ACLs are on: a wrong `X-Consul-Token` (or `Authorization:
/// Bearer`) is 403 `ACL not found`; without any token the anonymous token applies, so
/// writes are 403 `Permission denied: …` and the service list comes back empty (filtered,
/// `X-Consul-Results-Filtered-By-ACLs: true`), as a default-deny agent does. Every request
/// is recorded.
public final class ConsulStandIn: Sendable {
    /// `http://127.0.0.1:PORT`.
    public let address: String
    private let server: StandInHTTPServer
    private let log: SharedValue<[StandInRequest]>
    private let faults: StandInFaults

    /// Starts a stand-in; with `requiredToken`, ACLs are on and only that token is accepted.
    public init(requiredToken: String? = nil) throws {
        let log = SharedValue<[StandInRequest]>([])
        let agent = SharedValue(ConsulStandInAgent(requiredToken: requiredToken))
        let faults = StandInFaults()
        server = try StandInHTTPServer.tcp { request, connection in
            log.withLock { $0.append(request) }
            guard !faults.intercept(connection) else { return }
            agent.withLock { $0.handle(request) }.send(on: connection)
        }
        self.log = log
        self.faults = faults
        address = server.address
    }

    /// The requests received so far, in order.
    public var requests: [StandInRequest] { log.value }

    /// `METHOD target` of each request received, in order.
    public var requestLines: [String] { requests.map { "\($0.method) \($0.target)" } }

    /// Answers the next `count` requests with `status` and the plain-text `body` (by default
    /// `stand-in failure (HTTP <status>)`) instead of handling them.
    public func failNext(_ count: Int, status: Int, body: String? = nil) {
        faults.failNext(count, with: .text(status, body ?? "stand-in failure (HTTP \(status))"))
    }

    /// Takes the stand-in down for good: new connections are refused and requests on open
    /// ones are dropped unanswered.
    public func down() {
        faults.goDown()
        server.stop()
    }

    /// Stops the server.
    public func stop() {
        server.stop()
    }
}
