/// A complete response a stand-in's logic decides on, before it is written to the
/// connection: kept apart from the socket so the logic is plain values in, values out.
/// Stand-in logic throws one to answer early with an error, as Kong's own code returns
/// its error tables.
struct StandInResponse: Error, Sendable {
    var status: Int
    var headers: [(String, String)]
    var body: [UInt8]

    init(status: Int, headers: [(String, String)] = [], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// `status` with `value` as an `application/json` body.
    static func json(_ status: Int, _ value: StandInJSON, headers: [(String, String)] = []) -> StandInResponse {
        StandInResponse(status: status, headers: [("Content-Type", "application/json; charset=utf-8")] + headers, body: value.bytes)
    }

    /// `status` with `text` as a `text/plain` body (Consul's errors).
    static func text(_ status: Int, _ text: String, headers: [(String, String)] = []) -> StandInResponse {
        StandInResponse(status: status, headers: [("Content-Type", "text/plain; charset=utf-8")] + headers, body: Array(text.utf8))
    }

    /// Writes the response to `connection`.
    func send(on connection: StandInConnection) {
        connection.respond(status: status, headers: headers, body: body)
    }
}
