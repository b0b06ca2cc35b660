import SutaHTTP

/// Parses the `POST /api/pull` stream incrementally: complete lines become
/// ``OllamaPullProgress`` values. The first `{"error":…}` line (which arrives while the
/// HTTP status stays 200) makes the pull a failure and everything after it is ignored; a
/// stream that ends without `{"status":"success"}` is a failure too.
struct OllamaPullParser: Sendable {
    /// The model as messages name it, e.g. `tinyllama:latest`.
    let model: String
    /// Why the pull failed, once a line said so (or could not be read).
    private(set) var failure: OllamaError?
    private var succeeded = false
    private var lastStatus: String?
    private var lines = LineSplitter()

    init(model: String) {
        self.model = model
    }

    /// Takes the next chunk; returns the progress lines it completes.
    mutating func append(_ chunk: [UInt8]) -> [OllamaPullProgress] {
        lines.append(chunk).compactMap { parse($0) }
    }

    /// Takes the end of the stream; returns a last progress line without a newline, or
    /// throws the pull's failure (an error line, an unreadable line, or no success line).
    mutating func finish() throws(OllamaError) -> [OllamaPullProgress] {
        let last = lines.finish().flatMap { parse($0) }
        if let failure { throw failure }
        guard succeeded else {
            let after = lastStatus.map { "after '\($0)'" } ?? "before any progress"
            throw .pullFailed(model: model, message: "cannot pull \(model): the Ollama server ended the pull \(after) without reporting success")
        }
        return last.map { [$0] } ?? []
    }

    private mutating func parse(_ line: [UInt8]) -> OllamaPullProgress? {
        guard failure == nil, line.contains(where: { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") }) else { return nil }
        let message: OllamaPullLine
        do {
            message = try OllamaJSON.decode(OllamaPullLine.self, from: line, what: "POST /api/pull")
        } catch {
            failure = error
            return nil
        }
        if let text = message.error {
            failure = .pullFailed(model: model, message: "cannot pull \(model): \(text.isEmpty ? "the Ollama server reported an error without a message" : text)")
            return nil
        }
        let status = message.status ?? ""
        lastStatus = status
        if status == "success" { succeeded = true }
        return OllamaPullProgress(status: status, digest: message.digest, total: message.total, completed: message.completed)
    }
}
