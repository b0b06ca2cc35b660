/// The answer to `GET /volumes`.
struct VolumeListResponse: Decodable {
    var volumes: [Volume]

    enum CodingKeys: String, CodingKey {
        case volumes = "Volumes"
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        volumes = try container.decode([Volume].self, forKey: .volumes, default: [])
    }
}
