import SutaYAML

/// A profile: a selection of services, an overlay of changes, or both.
///
/// `defaults` and `overrides` stay YAML nodes: they are merged into service specs before
/// those are decoded, so their mistakes are reported at the profile's own lines.
public struct ProfileSpec: Sendable {
    /// A name written in a profile, with where it is written.
    public struct Reference: Sendable, Hashable {
        public var name: String
        public var location: SourceLocation
    }

    /// Changes to one service.
    public struct Override: Sendable {
        public var service: String
        public var location: SourceLocation
        public var spec: YAMLNode
    }

    public var name: String
    public var location: SourceLocation
    public var description: String?
    public var extends: [Reference]
    /// The services selected; nil for an overlay (no `services`, no `extends`).
    public var services: [Reference]?
    public var defaults: YAMLNode?
    public var overrides: [Override]
    /// `policy.dangerous` when the profile sets it; `error` makes dangerous settings errors.
    public var dangerousSettings: DangerousSettingPolicy?

    /// A selecting profile chooses the set of services; an overlay only changes them.
    public var isOverlay: Bool { services == nil && extends.isEmpty }
}

extension SpecReader {
    mutating func profile(_ document: ManifestDocument) -> ProfileSpec {
        var profile = ProfileSpec(name: document.name, location: document.nameLocation, description: nil,
                                  extends: [], services: nil, defaults: nil, overrides: [])
        guard let node = document.spec,
              let f = fields(node, of: "profile spec", allowed: ["description", "extends", "services", "defaults", "overrides", "policy"])
        else { return profile }
        profile.description = f["description"].flatMap { string($0, "description") }
        profile.extends = f["extends"].map { references($0, "extends") } ?? []
        profile.services = f["services"].map { references($0, "services") }
        profile.dangerousSettings = f["policy"].flatMap { policy($0) }
        if let n = f["defaults"], case .mapping = n.value {
            profile.defaults = n
        } else if let n = f["defaults"] {
            diagnostics.error("`defaults` must be a mapping of service fields, found \(n.shapeName)", at: n.location)
        }
        if let n = f["overrides"] {
            if case .mapping(let entries) = n.value {
                profile.overrides = entries.compactMap { entry in
                    guard let service = entry.key.scalarText else { return nil }
                    guard case .mapping = entry.value.value else {
                        diagnostics.error("override of `\(service)` must be a mapping of service fields", at: entry.value.location)
                        return nil
                    }
                    return ProfileSpec.Override(service: service, location: entry.key.location, spec: entry.value)
                }
            } else {
                diagnostics.error("`overrides` must map service names to fields, found \(n.shapeName)", at: n.location)
            }
        }
        return profile
    }

    private mutating func references(_ node: YAMLNode, _ what: String) -> [ProfileSpec.Reference] {
        guard let items = sequence(node, what) else { return [] }
        return items.compactMap { item in string(item, what).map { ProfileSpec.Reference(name: $0, location: item.location) } }
    }
}
