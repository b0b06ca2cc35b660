/// The status, headers and body of an HTTP response.
public struct HTTPResponse: Sendable, Equatable {
    /// The status code, e.g. 200, 404.
    public var status: Int
    /// Response headers with their names as the server sent them. A header sent more than
    /// once appears once, its values joined by `, `. Use ``header(_:)`` to look one up.
    public var headers: [String: String]
    /// The body. Empty for a streamed success (see ``HTTPClient/stream(_:onChunk:)``).
    public var body: [UInt8]

    /// Creates a response.
    public init(status: Int, headers: [String: String] = [:], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// Whether the status is 2xx.
    public var isSuccess: Bool { (200..<300).contains(status) }

    /// The value of the header `name`, compared case-insensitively, or `nil`.
    public func header(_ name: String) -> String? {
        let wanted = name.lowercased()
        return headers.first { $0.key.lowercased() == wanted }?.value
    }
}
