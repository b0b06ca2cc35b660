/// The body of `POST /api/show` and `POST /api/pull`: `{"model":"tinyllama","stream":true}`.
struct OllamaModelRequest: Encodable {
    var model: String
    /// Sent only when set (`/api/pull` streams by default; the client says so anyway).
    var stream: Bool?
}
