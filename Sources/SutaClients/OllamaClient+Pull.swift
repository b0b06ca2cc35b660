extension OllamaClient {
    /// Pulls `model` (`POST /api/pull`), handing each progress line to `onProgress` (on the
    /// transfer's thread) as it arrives. There is no total time limit; cancel the task to
    /// stop. An interrupted pull resumes where it stopped when started again.
    ///
    /// The pull succeeds only when the stream says `{"status":"success"}`. An error line in
    /// the stream (the server keeps the 200 it already sent) throws
    /// ``OllamaError/pullFailed(model:message:)`` with the server's message, and so does a
    /// stream that ends without success. An error status throws the matching error
    /// (``OllamaError/busy(_:)`` for 503).
    public func pull(_ model: String, onProgress: @escaping @Sendable (OllamaPullProgress) -> Void) async throws(OllamaError) {
        let parser = LockedState(OllamaPullParser(model: OllamaModelName.normalized(model)))
        try await stream("POST", "/api/pull", body: OllamaModelRequest(model: model, stream: true), model: model) { chunk in
            for progress in parser.withLock({ $0.append(chunk) }) { onProgress(progress) }
        }
        let last = parser.withLock { parser in Result { () throws(OllamaError) in try parser.finish() } }
        for progress in try last.get() { onProgress(progress) }
    }
}
