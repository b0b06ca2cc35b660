#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// What a ``CircuitBreaker`` knows at one moment: for `status -o json`, for
/// `sutactl breakers`, and for persisting the breaker between runs
/// (``CircuitBreakerRegistry/save(to:)``).
///
/// As JSON: `{"name":"kong","state":"open","failure_rate":60,"calls":5,"failures":3,
/// "outcomes":["failure",…],"opened_at":"2025-05-01T10:00:00.000Z","retry_at":"…"}`, times
/// in ISO 8601 (UTC) whatever the encoder's date strategy; `failure_rate`, `opened_at` and
/// `retry_at` are left out when they have no value.
public struct BreakerSnapshot: Codable, Sendable, Equatable {
    /// The dependency the breaker guards, e.g. `kong`, `probe:backend`.
    public var name: String
    /// Closed, open or half-open.
    public var state: BreakerState
    /// The recorded outcomes, oldest first: the sliding window when closed, the window that
    /// opened the breaker when open, the finished trial calls when half-open.
    public var outcomes: [BreakerCallOutcome]
    /// When the breaker last opened; `nil` when closed.
    public var openedAt: Date?
    /// When an open breaker lets the first trial call through (in the past if the next call
    /// will be one); `nil` unless open.
    public var retryAt: Date?

    /// Creates a snapshot.
    public init(name: String, state: BreakerState, outcomes: [BreakerCallOutcome] = [], openedAt: Date? = nil, retryAt: Date? = nil) {
        self.name = name
        self.state = state
        self.outcomes = outcomes
        self.openedAt = openedAt
        self.retryAt = retryAt
    }

    /// How many outcomes are recorded.
    public var calls: Int { outcomes.count }
    /// How many of them are failures.
    public var failures: Int { outcomes.count { $0 == .failure } }
    /// The failures in percent of ``calls``, or `nil` when nothing is recorded.
    public var failureRate: Double? {
        calls == 0 ? nil : Double(failures) * 100 / Double(calls)
    }

    enum CodingKeys: String, CodingKey {
        case name
        case state
        case failureRate = "failure_rate"
        case calls
        case failures
        case outcomes
        case openedAt = "opened_at"
        case retryAt = "retry_at"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        state = try container.decode(BreakerState.self, forKey: .state)
        outcomes = try container.decodeIfPresent([BreakerCallOutcome].self, forKey: .outcomes) ?? []
        openedAt = try Self.decodeDate(container, .openedAt)
        retryAt = try Self.decodeDate(container, .retryAt)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(state, forKey: .state)
        try container.encodeIfPresent(failureRate, forKey: .failureRate)
        try container.encode(calls, forKey: .calls)
        try container.encode(failures, forKey: .failures)
        try container.encode(outcomes, forKey: .outcomes)
        try container.encodeIfPresent(openedAt.map { $0.formatted(Self.timeFormat) }, forKey: .openedAt)
        try container.encodeIfPresent(retryAt.map { $0.formatted(Self.timeFormat) }, forKey: .retryAt)
    }

    /// ISO 8601 in UTC with milliseconds.
    private static let timeFormat = Date.ISO8601FormatStyle(includingFractionalSeconds: true)

    /// An ISO 8601 time, with or without fractional seconds.
    private static func decodeDate(_ container: KeyedDecodingContainer<CodingKeys>, _ key: CodingKeys) throws -> Date? {
        guard let text = try container.decodeIfPresent(String.self, forKey: key) else { return nil }
        if let date = (try? timeFormat.parse(text)) ?? (try? Date.ISO8601FormatStyle().parse(text)) { return date }
        throw DecodingError.dataCorruptedError(forKey: key, in: container, debugDescription: "'\(text)' is not an ISO 8601 time")
    }
}
