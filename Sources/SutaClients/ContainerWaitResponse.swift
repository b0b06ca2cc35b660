/// The answer to `POST /containers/{id}/wait`.
struct ContainerWaitResponse: Decodable {
    /// The container's exit code.
    var statusCode: Int
    /// The engine's error waiting, if any.
    var error: WaitError?

    /// `{"Message":…}`.
    struct WaitError: Decodable {
        var message: String?

        enum CodingKeys: String, CodingKey {
            case message = "Message"
        }
    }

    enum CodingKeys: String, CodingKey {
        case statusCode = "StatusCode"
        case error = "Error"
    }
}
