/// The body of `POST /api/embed` without input, which only loads the model and keeps it
/// for `keep_alive` (the server answers `{"model":…,"embeddings":[]}`):
/// `{"keep_alive":"10m","model":"nomic-embed-text"}`.
struct OllamaEmbedRequest: Encodable {
    var model: String
    var keepAlive: OllamaKeepAlive

    enum CodingKeys: String, CodingKey {
        case model
        case keepAlive = "keep_alive"
    }
}
