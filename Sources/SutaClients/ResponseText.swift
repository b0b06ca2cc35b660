import SutaErrors
import SutaHTTP

/// The text of an error answer that is not the server's JSON, fit for one line of output:
/// an HTML page is summarized (`an HTML page (text/html, 162 bytes) instead of JSON: is this
/// the right server and URL?`), other text is cut to its first line and 200 characters.
enum ResponseText {
    static func of(_ response: HTTPResponse) -> String {
        let text = String(decoding: response.body, as: UTF8.self).trimmingWhitespace(includingNewlines: true)
        guard !text.isEmpty else { return "HTTP \(response.status)" }
        let type = response.header("Content-Type") ?? ""
        if type.contains("html") || text.hasPrefix("<") {
            return "an HTML page (\(type.isEmpty ? "no content type" : type), \(response.body.count) bytes) instead of JSON:"
                + " is this the right server and URL?"
        }
        let line = text.split(whereSeparator: \.isNewline).first.map(String.init) ?? text
        return line.count > 200 ? String(line.prefix(200)) + "…" : line
    }
}
