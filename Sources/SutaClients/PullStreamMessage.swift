/// One JSON line of the `POST /images/create` stream: progress, or an error (`errorDetail`,
/// and the deprecated `error`), which can arrive after the 200.
struct PullStreamMessage: Decodable {
    var status: String?
    var id: String?
    var progress: String?
    var progressDetail: Detail?
    var error: String?
    var errorDetail: ErrorDetail?

    /// `progressDetail`: byte counts.
    struct Detail: Decodable {
        var current: Int64?
        var total: Int64?
    }

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
