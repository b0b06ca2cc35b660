/// The answer of `GET /api/version`: `{"version":"0.6.2"}`.
struct OllamaVersion: Decodable {
    var version: String
}
