#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import SutaHTTP

extension DockerClient {
    /// The engine's events as they happen (`GET /events`), parsed line by line.
    ///
    /// `filters` maps a filter to its values, e.g. `["type": ["container"], "label":
    /// ["com.example.project=web"]]` (a `label` filter matches the actor's attributes, so
    /// container labels). With `since`, events from that moment on are replayed first, so
    /// nothing that happens after `since` is missed while the stream connects.
    ///
    /// Without `until` the stream never ends by itself; with it, the engine ends it at that
    /// moment (at once for a moment past: the events between `since` and `until`, replayed).
    /// Stop it by cancelling the consuming task or by dropping the stream (leaving a
    /// `for try await` loop over it): either cancels the transfer. It throws a
    /// ``DockerError`` if the request fails or a line cannot be read.
    public func events(filters: [String: [String]] = [:], since: Date? = nil, until: Date? = nil) -> AsyncThrowingStream<DockerEvent, any Error> {
        var parameters = DockerQuery()
        if let since { parameters.add("since", Self.unixTimestamp(since)) }
        if let until { parameters.add("until", Self.unixTimestamp(until)) }
        parameters.add(filters: DockerFilters(filters))
        let query = parameters
        return AsyncThrowingStream { continuation in
            let task = Task {
                var lines = LineSplitter()
                do throws(DockerError) {
                    try await stream("GET", "/events", query: query) { chunk in
                        for line in lines.append(chunk) where !line.isEmpty {
                            do throws(DockerError) {
                                continuation.yield(try DockerEvent(jsonLine: line))
                            } catch {
                                continuation.finish(throwing: error)
                            }
                        }
                    }
                    continuation.finish()
                } catch {
                    continuation.finish(throwing: error)
                }
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }

    /// `seconds.nanoseconds` since 1970, the only form the engine parses for `since`.
    static func unixTimestamp(_ date: Date) -> String {
        let interval = date.timeIntervalSince1970
        let seconds = interval.rounded(.down)
        let nanoseconds = min(999_999_999, Int(((interval - seconds) * 1_000_000_000).rounded()))
        let fraction = String(nanoseconds)
        return "\(Int64(seconds)).\(String(repeating: "0", count: 9 - fraction.count))\(fraction)"
    }
}
