/// The envelope of `GET /api/tags` and `GET /api/ps`: `{"models":[…]}` (`null` or a
/// missing key reads as empty).
struct OllamaModelList<Model: Decodable>: Decodable {
    var models: [Model]

    enum CodingKeys: String, CodingKey {
        case models
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        models = try container.decode([Model].self, forKey: .models, default: [])
    }
}
