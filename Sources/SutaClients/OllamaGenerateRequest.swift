/// The body of `POST /api/generate` without a prompt, which only loads the model (or, with
/// `keep_alive` 0, unloads it): `{"keep_alive":"10m","model":"tinyllama","stream":false}`.
struct OllamaGenerateRequest: Encodable {
    var model: String
    var keepAlive: OllamaKeepAlive
    var stream = false

    enum CodingKeys: String, CodingKey {
        case model
        case keepAlive = "keep_alive"
        case stream
    }
}
