/// The JSON body that creates or replaces a named Kong entity: the entity's fields, its
/// `name`, and for a route `service: {"name": …}` (Kong resolves the name to the service).
struct KongEntityBody<Fields: Encodable & Sendable>: Encodable, Sendable {
    var name: String
    var serviceName: String?
    var fields: Fields

    enum CodingKeys: String, CodingKey {
        case name, service
    }

    enum ServiceKeys: String, CodingKey {
        case name
    }

    func encode(to encoder: any Encoder) throws {
        try fields.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        if let serviceName {
            var service = container.nestedContainer(keyedBy: ServiceKeys.self, forKey: .service)
            try service.encode(serviceName, forKey: .name)
        }
    }
}
