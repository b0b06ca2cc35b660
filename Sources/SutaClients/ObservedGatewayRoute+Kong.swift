#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import SutaPlan

/// A route as Kong stores it (`GET /routes`, `PUT /routes/{name}`), read as the planner's
/// value: Kong answers `service: {"id": ...}` for the service it forwards to.
extension ObservedGatewayRoute: Decodable {
    enum KongKeys: String, CodingKey {
        case id, name, paths, methods, hosts, tags, service
        case stripPath = "strip_path"
    }

    enum ServiceKeys: String, CodingKey {
        case id
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: KongKeys.self)
        var serviceID: String?
        if container.contains(.service), try !container.decodeNil(forKey: .service) {
            serviceID = try container.nestedContainer(keyedBy: ServiceKeys.self, forKey: .service).decode(String.self, forKey: .id)
        }
        self.init(id: try container.decode(String.self, forKey: .id), name: try container.decodeIfPresent(String.self, forKey: .name),
                  paths: try container.decode([String].self, forKey: .paths, default: []),
                  methods: try container.decode([String].self, forKey: .methods, default: []),
                  hosts: try container.decode([String].self, forKey: .hosts, default: []),
                  stripPath: try container.decode(Bool.self, forKey: .stripPath, default: true),
                  tags: try container.decode([String].self, forKey: .tags, default: []), serviceID: serviceID)
    }
}
