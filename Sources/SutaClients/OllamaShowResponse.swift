/// What the client reads of `POST /api/show`: the model's `capabilities` (`completion`,
/// `embedding`, `vision`, `tools`, `insert`, `thinking`, …). Servers before capabilities
/// were reported leave the field out, which reads as none.
struct OllamaShowResponse: Decodable {
    var capabilities: [String]

    enum CodingKeys: String, CodingKey {
        case capabilities
    }

    init(from decoder: any Decoder) throws {
        capabilities = try decoder.container(keyedBy: CodingKeys.self).decode([String]?.self, forKey: .capabilities, default: nil) ?? []
    }
}
