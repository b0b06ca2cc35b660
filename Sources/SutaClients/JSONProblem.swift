/// Why a value could not be encoded as JSON or a document decoded; ``ClientJSON``'s
/// failure, turned into the calling client's `decoding` error.
struct JSONProblem: Error, Sendable {
    /// One line saying what went wrong.
    let message: String

    init(_ message: String) {
        self.message = message
    }
}
