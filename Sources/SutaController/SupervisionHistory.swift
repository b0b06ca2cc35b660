import Foundation

/// Restarts sutactl made per supervised service, kept in `supervision.json` in the project's
/// state directory: the restart limit counts across runs, and `status` shows crash loops.
public struct SupervisionHistory: Codable, Sendable, Equatable {
    /// One service's record.
    public struct Entry: Codable, Sendable, Equatable {
        public var restarts: [Date] = []
        public var crashLooping = false
        public var lastReason: String?
    }

    public var services: [String: Entry] = [:]

    public init() {}

    public static func load(from directory: URL) -> SupervisionHistory {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        guard let data = FileManager.default.contents(atPath: directory.appendingPathComponent("supervision.json").path),
              let history = try? decoder.decode(SupervisionHistory.self, from: data) else { return SupervisionHistory() }
        return history
    }

    public func save(to directory: URL) throws {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys]
        try encoder.encode(self).write(to: directory.appendingPathComponent("supervision.json"), options: .atomic)
    }

    /// Restarts of `service` within the last `window`.
    public func restarts(of service: String, within window: Duration, now: Date) -> Int {
        let seconds = Double(window.components.seconds)
        return services[service]?.restarts.filter { now.timeIntervalSince($0) <= seconds }.count ?? 0
    }
}
