/// A `keep_alive` value as the Ollama server parses it: a number of seconds (`0` unloads,
/// a negative number keeps the model loaded forever), or a Go duration string (`"10m"`,
/// `"-1m"`). The server rejects a string of digits without a unit, so such a string is sent
/// as a number.
enum OllamaKeepAlive: Encodable {
    case seconds(Int)
    case duration(String)

    /// `"300"` → `.seconds(300)`; `"10m"` → `.duration("10m")`.
    init(_ text: String) {
        if let seconds = Int(text) {
            self = .seconds(seconds)
        } else {
            self = .duration(text)
        }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .seconds(let seconds): try container.encode(seconds)
        case .duration(let text): try container.encode(text)
        }
    }
}
