/// `{"ID": "..."}`: the answer of `POST /services/create` and `POST /secrets/create`.
struct SwarmServiceCreateResponse: Decodable, Sendable {
    var id: String

    enum CodingKeys: String, CodingKey { case id = "ID" }
}
