#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import SutaPlan

/// A registration as the Consul agent lists it (`GET /v1/agent/services`), read as the
/// planner's value.
extension ObservedRegistration: Decodable {
    enum ConsulKeys: String, CodingKey {
        case id = "ID"
        case service = "Service"
        case tags = "Tags"
        case meta = "Meta"
        case port = "Port"
        case address = "Address"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: ConsulKeys.self)
        self.init(id: try container.decode(String.self, forKey: .id), name: try container.decode(String.self, forKey: .service),
                  tags: try container.decode([String].self, forKey: .tags, default: []),
                  meta: try container.decode([String: String].self, forKey: .meta, default: [:]),
                  address: try container.decode(String.self, forKey: .address, default: ""),
                  port: try container.decode(Int.self, forKey: .port, default: 0))
    }
}
