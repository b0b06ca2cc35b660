#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The outcome of one health probe.
public struct ProbeResult: Sendable, Equatable {
    public var healthy: Bool
    public var latency: Duration
    public var time: Date
    /// HTTP status, or nil for TCP probes and transport failures.
    public var status: Int?
    /// Why it failed, when it did.
    public var error: String?

    public init(healthy: Bool, latency: Duration, time: Date, status: Int?, error: String?) {
        self.healthy = healthy
        self.latency = latency
        self.time = time
        self.status = status
        self.error = error
    }
}
