#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import SutaPlan
import SutaHTTP

/// A client of the local Consul agent's HTTP API, normally on `http://127.0.0.1:8500`:
/// lists, registers and deregisters the agent's services.
///
/// The ACL token, when given, goes in the `X-Consul-Token` header of every request and
/// nowhere else: it is never part of an error, a log line or this client's description
/// (the agent's own messages are scrubbed of it too).
///
/// Safe to share between tasks. Cancelling the calling task aborts its request.
public final class ConsulClient: Sendable, CustomStringConvertible, CustomReflectable {
    /// Where the agent listens.
    public let endpoint: HTTPEndpoint
    private let token: String?
    private let http: HTTPClient

    /// Creates a client for the agent at `endpoint`, sending `token` (an ACL secret; `nil`
    /// or empty for none, so the agent uses its default or anonymous token).
    public init(endpoint: HTTPEndpoint, token: String?) {
        self.endpoint = endpoint
        self.token = token?.isEmpty == false ? token : nil
        http = HTTPClient(endpoint: endpoint, connectTimeout: .seconds(5), requestTimeout: .seconds(30), idleConnections: 4)
    }

    /// `ConsulClient(http://127.0.0.1:8500, token: set)`: whether there is a token, never
    /// the token.
    public var description: String {
        "ConsulClient(\(endpoint), token: \(token == nil ? "none" : "set"))"
    }

    /// Reflection (`dump`, debuggers) sees the endpoint and whether a token is set, not the
    /// token.
    public var customMirror: Mirror {
        Mirror(self, children: ["endpoint": endpoint, "token": token == nil ? "none" : "set"], displayStyle: .class)
    }

    /// The services registered with this agent (`GET /v1/agent/services`), by service ID.
    /// With ACLs, the agent leaves out the services the token may not read.
    public func services() async throws(ConsulError) -> [String: ObservedRegistration] {
        let target = "/v1/agent/services"
        let response = try await call("GET", target)
        do {
            return try ClientJSON.decode([String: ObservedRegistration].self, from: response.body, redact: redact).get()
        } catch {
            throw .decoding("cannot read the answer to GET \(target): \(error.message)")
        }
    }

    /// Registers `registration`, replacing any registration with the same ID
    /// (`PUT /v1/agent/service/register?replace-existing-checks=true`, so that checks no
    /// longer in the registration are dropped).
    public func register(_ registration: ConsulServiceRegistration) async throws(ConsulError) {
        try validate(id: registration.id)
        let body: [UInt8]
        do {
            body = try ClientJSON.encode(registration).get()
        } catch {
            throw .decoding(error.message)
        }
        try await call("PUT", "/v1/agent/service/register?replace-existing-checks=true", body: body)
    }

    /// Deregisters the service with this ID (not its name):
    /// `PUT /v1/agent/service/deregister/{id}`. An unknown ID is success: the documentation
    /// calls it a no-op, while agents since 2021 (hashicorp/consul#10894) answer 404
    /// `Unknown service ID`; either way the service is gone.
    public func deregister(id: String) async throws(ConsulError) {
        try validate(id: id)
        try await call("PUT", "/v1/agent/service/deregister/\(id.percentEncodedComponent)", alsoAccepted: [404])
    }

    /// Sends one request with the token and throws the matching ``ConsulError`` unless the
    /// status is 2xx or one of `alsoAccepted`.
    @discardableResult
    private func call(_ method: String, _ target: String, body: [UInt8]? = nil, alsoAccepted: Set<Int> = []) async throws(ConsulError) -> HTTPResponse {
        let headers = token.map { ["X-Consul-Token": $0] } ?? [:]
        let request = body.map { HTTPRequest.json(method: method, path: target, body: $0, headers: headers) }
            ?? HTTPRequest(method: method, path: target, headers: headers)
        let response: HTTPResponse
        do {
            response = try await http.send(request)
        } catch {
            throw failure(error)
        }
        guard response.isSuccess || alsoAccepted.contains(response.status) else {
            throw ConsulError(status: response.status, message: redact(ResponseText.of(response)), request: "\(method) \(target)")
        }
        return response
    }

    /// `text` with every occurrence of the token replaced by `<redacted>`.
    private func redact(_ text: String) -> String {
        guard let token else { return text }
        return text.replacing(token, with: "<redacted>")
    }

    /// Refuses an empty ID, or one with `/` (consul#2813: the agent may answer 301 instead
    /// of deregistering it).
    private func validate(id: String) throws(ConsulError) {
        guard !id.isEmpty, !id.contains("/") else {
            throw .invalidRequest("the service ID '\(redact(id))' cannot be used: it must be non-empty and have no '/' (use letters, digits and '-')")
        }
    }

    /// A transport failure as a ``ConsulError``; a failed connection names the agent's URL.
    private func failure(_ error: HTTPError) -> ConsulError {
        let error = HTTPError(error.kind, redact(error.message))
        guard error.kind == .connect else { return .transport(error) }
        let url = endpoint.description
        return .unreachable(url: url, message: "cannot reach the Consul agent at \(url) (\(error.message)): is Consul running, with its HTTP API listening there?")
    }
}
