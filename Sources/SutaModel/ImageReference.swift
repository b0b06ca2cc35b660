/// The parts of an image reference: `registry:5000/repo/name:tag@sha256:...`.
public struct ImageReference: Sendable, Hashable {
    public var repository: String
    public var tag: String?
    public var digest: String?

    public init(_ text: String) {
        var rest = Substring(text)
        if let at = rest.firstIndex(of: "@") {
            digest = String(rest[rest.index(after: at)...])
            rest = rest[..<at]
        }
        // A colon after the last slash is a tag; one before it is a registry port.
        let lastSlash = rest.lastIndex(of: "/") ?? rest.startIndex
        if let colon = rest[lastSlash...].lastIndex(of: ":") {
            tag = String(rest[rest.index(after: colon)...])
            rest = rest[..<colon]
        }
        repository = String(rest)
    }
}
