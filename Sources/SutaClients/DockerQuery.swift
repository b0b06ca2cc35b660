/// The query string of an engine request, built in order and percent-encoded.
struct DockerQuery: Sendable {
    private var items: [(name: String, value: String)] = []

    init() {}

    /// Adds `name=value`.
    mutating func add(_ name: String, _ value: String) {
        items.append((name, value))
    }

    /// Adds `name=1` or `name=0` (the engine reads `0` as false).
    mutating func add(_ name: String, _ flag: Bool) {
        add(name, flag ? "1" : "0")
    }

    /// Adds `filters=<JSON>` unless `filters` is empty.
    mutating func add(filters: DockerFilters) {
        if !filters.isEmpty { add("filters", filters.json) }
    }

    /// `?a=1&b=x%20y`, or the empty string when there are no items.
    var rendered: String {
        guard !items.isEmpty else { return "" }
        return "?" + items.map { "\(Self.encode($0.name))=\(Self.encode($0.value))" }.joined(separator: "&")
    }

    /// Percent-encodes everything except RFC 3986 unreserved characters and those in
    /// `kept`, so the result can stand in a query value or a single path segment.
    static func encode(_ text: String, keeping kept: String = "") -> String {
        var encoded = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
                UInt8(ascii: "_"), UInt8(ascii: "~"):
                encoded.unicodeScalars.append(Unicode.Scalar(byte))
            case _ where kept.utf8.contains(byte):
                encoded.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                encoded += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return encoded
    }
}

private extension String {
    func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
