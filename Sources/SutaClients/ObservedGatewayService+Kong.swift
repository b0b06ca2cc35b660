#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import SutaPlan

/// A service as Kong stores it (`GET /services`, `PUT /services/{name}`), read as the
/// planner's value.
extension ObservedGatewayService: Decodable {
    enum KongKeys: String, CodingKey {
        case id, name, `protocol`, host, port, path, tags
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: KongKeys.self)
        self.init(id: try container.decode(String.self, forKey: .id), name: try container.decodeIfPresent(String.self, forKey: .name),
                  protocol: try container.decode(String.self, forKey: .protocol, default: "http"),
                  host: try container.decode(String.self, forKey: .host), port: try container.decode(Int.self, forKey: .port, default: 80),
                  path: try container.decodeIfPresent(String.self, forKey: .path),
                  tags: try container.decode([String].self, forKey: .tags, default: []))
    }
}
