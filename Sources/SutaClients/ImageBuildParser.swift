import SutaHTTP

/// Parses the `POST /build` stream incrementally: the builder's output becomes lines (the
/// engine splits them over several messages), the last `Step N/M : INSTRUCTION` line is kept
/// so a failure can name its step, and the first error line makes the build a failure.
struct ImageBuildParser: Sendable {
    /// The image being built, as messages name it.
    let image: String
    /// Why the build failed, once a line said so (or could not be read).
    private(set) var failure: DockerError?
    /// `2/3: RUN false`: the step running last.
    private(set) var step: String?
    private var lines = LineSplitter()
    /// Builder output not yet ended by a newline.
    private var pending = ""

    init(image: String) {
        self.image = image
    }

    /// Takes the next chunk; returns the output lines it completes.
    mutating func append(_ chunk: [UInt8]) -> [String] {
        lines.append(chunk).flatMap { parse($0) }
    }

    /// Takes the end of the stream; returns the last output lines, or throws the failure.
    mutating func finish() throws(DockerError) -> [String] {
        var output = lines.finish().map { parse($0) } ?? []
        if !pending.isEmpty { output.append(pending) }
        pending = ""
        if let failure { throw failure }
        return output.filter { !$0.isEmpty }
    }

    private mutating func parse(_ line: [UInt8]) -> [String] {
        guard failure == nil, line.contains(where: { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") }) else { return [] }
        let message: BuildStreamMessage
        do {
            message = try DockerJSON.decode(BuildStreamMessage.self, from: line, what: "POST /build")
        } catch {
            failure = .buildFailed(image: image, step: step, message: error.description)
            return []
        }
        if let text = message.failure {
            failure = .buildFailed(image: image, step: step, message: text)
            return []
        }
        guard let text = message.stream else { return [] }
        pending += text
        var complete = pending.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        pending = complete.removeLast()
        let output = complete.map { $0.trimmingSuffixWhitespace }.filter { !$0.isEmpty }
        for line in output where line.hasPrefix("Step ") {
            // `Step 2/3 : RUN false` -> `2/3: RUN false`.
            let words = line.dropFirst("Step ".count).split(separator: " ", maxSplits: 2, omittingEmptySubsequences: false)
            step = words.count == 3 && words[1] == ":" ? "\(words[0]): \(words[2])" : String(line.dropFirst("Step ".count))
        }
        return output
    }
}

private extension String {
    var trimmingSuffixWhitespace: String {
        var text = Substring(self)
        while let last = text.last, last.isWhitespace { text = text.dropLast() }
        return String(text)
    }
}
