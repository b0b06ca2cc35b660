import Foundation

/// One request as a ``StandInHTTPServer`` received it.
public struct StandInRequest: Sendable {
    /// The method, e.g. `GET`.
    public var method: String
    /// The request target as sent: the path and the query, still percent-encoded.
    public var target: String
    /// The header fields in the order they arrived.
    public var headers: [(name: String, value: String)]
    /// The body (`Content-Length` bytes).
    public var body: [UInt8]

    /// The target without its query.
    public var path: String {
        String(target.prefix { $0 != "?" })
    }

    /// The query parameters, percent-decoded; a repeated name keeps its last value.
    public var query: [String: String] {
        guard let mark = target.firstIndex(of: "?") else { return [:] }
        var parameters: [String: String] = [:]
        for pair in target[target.index(after: mark)...].split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let value = parts.count > 1 ? String(parts[1]) : ""
            parameters[String(parts[0]).removingPercentEncoding ?? String(parts[0])] = value.removingPercentEncoding ?? value
        }
        return parameters
    }

    /// The value of the header `name`, compared case-insensitively, or `nil`.
    public func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }
}
