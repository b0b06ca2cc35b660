#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Consecutive probe failures per service, kept in `probes.json` in the project's state
/// directory so `status` (and supervision) can count across runs.
public struct ProbeHistory: Codable, Sendable, Equatable {
    /// One service's latest probe.
    public struct Entry: Codable, Sendable, Equatable {
        public var consecutiveFailures: Int
        public var lastProbe: Date
        public var lastLatencyMilliseconds: Double
        public var lastError: String?
    }

    public var services: [String: Entry] = [:]

    public init() {}

    public static func load(from directory: URL) -> ProbeHistory {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        guard let data = FileManager.default.contents(atPath: directory.appendingPathComponent("probes.json").path),
              let history = try? decoder.decode(ProbeHistory.self, from: data) else { return ProbeHistory() }
        return history
    }

    public func save(to directory: URL) throws {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys]
        try encoder.encode(self).write(to: directory.appendingPathComponent("probes.json"), options: .atomic)
    }

    /// Records a probe: a success resets the count, a failure adds one.
    public mutating func record(service: String, healthy: Bool, latency: Duration, time: Date, error: String?) -> Entry {
        let failures = healthy ? 0 : (services[service]?.consecutiveFailures ?? 0) + 1
        let entry = Entry(consecutiveFailures: failures, lastProbe: time,
                          lastLatencyMilliseconds: Double(latency.components.seconds) * 1000 + Double(latency.components.attoseconds) / 1e15,
                          lastError: error)
        services[service] = entry
        return entry
    }
}
