/// One JSON line of the `POST /api/pull` stream: progress, or `{"error":…}`, which can
/// arrive after the 200.
struct OllamaPullLine: Decodable {
    var status: String?
    var digest: String?
    var total: Int64?
    var completed: Int64?
    var error: String?
}
