#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import SutaHTTP

/// sutactl's own health probes of published ports on 127.0.0.1 (never a container IP):
/// an HTTP GET (2xx and 3xx are healthy) or a TCP connect.
public struct HealthProber: Sendable {
    public var timeout: Duration

    public init(timeout: Duration = .seconds(2)) {
        self.timeout = timeout
    }

    public func http(port: Int, path: String) async -> ProbeResult {
        let start = ContinuousClock.now
        do {
            let client = HTTPClient(endpoint: .tcp(host: "127.0.0.1", port: port), connectTimeout: timeout, requestTimeout: timeout,
                                    idleConnections: 0)
            let response = try await client.send(HTTPRequest(path: path, timeout: timeout))
            let healthy = (200..<400).contains(response.status)
            return ProbeResult(healthy: healthy, latency: ContinuousClock.now - start, time: Date(), status: response.status,
                               error: healthy ? nil : "HTTP \(response.status)")
        } catch {
            return ProbeResult(healthy: false, latency: ContinuousClock.now - start, time: Date(), status: nil, error: error.message)
        }
    }

    public func tcp(port: Int) async -> ProbeResult {
        let start = ContinuousClock.now
        let error = await Task.detached { [timeout] in TCPConnect.attempt(port: port, timeout: timeout) }.value
        return ProbeResult(healthy: error == nil, latency: ContinuousClock.now - start, time: Date(), status: nil, error: error)
    }
}
