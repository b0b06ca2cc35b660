/// An error an ``OllamaStandIn`` answers instead of the real route, for the next few
/// requests to it: `{"error": message}` with `status`.
struct OllamaStandInFailure: Sendable {
    var status: Int
    var message: String
    /// How many more requests get it.
    var remaining: Int
}
