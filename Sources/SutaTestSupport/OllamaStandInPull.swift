/// How an ``OllamaStandIn`` answers `POST /api/pull` for one model. The answer is always a
/// 200 with an NDJSON stream, as the real server's is, even when the pull fails.
public enum OllamaStandInPull: Sendable, Equatable {
    /// `pulling manifest`, `progressLines` lines of one layer's progress, `verifying sha256
    /// digest`, `writing manifest`, `success`; the model is on disk afterwards.
    case succeed(progressLines: Int)
    /// `pulling manifest`, `progressLines` progress lines, then `{"error": message}`.
    case failMidStream(progressLines: Int, message: String)
    /// `pulling manifest` and `progressLines` progress lines, then the stream simply ends
    /// (no success line, no error line).
    case endWithoutSuccess(progressLines: Int)
}
