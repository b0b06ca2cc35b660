/// One JSON line of the `POST /build` stream: builder output (`stream`), an image ID
/// (`aux`), or the failure (`errorDetail`, and the deprecated `error`), which arrives after the 200.
struct BuildStreamMessage: Decodable {
    var stream: String?
    var error: String?
    var errorDetail: ErrorDetail?

    /// `errorDetail`: the failure.
    struct ErrorDetail: Decodable {
        var message: String?
    }

    /// The failure this line reports, if it reports one.
    var failure: String? {
        if let message = errorDetail?.message, !message.isEmpty { return message }
        if let error, !error.isEmpty { return error }
        return errorDetail == nil ? nil : "the engine reported an error without a message"
    }
}
