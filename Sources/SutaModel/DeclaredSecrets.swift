import SutaYAML

/// The Project's `spec.secrets` names, read from the parsed documents before anything is
/// decoded: a declared secret is then a secret in every field of every document, the
/// envelopes and the Project's own settings (`discovery.address`, ...) included.
enum DeclaredSecrets {
    /// The names listed by the first Project document among `roots`, as written.
    static func names(in roots: [YAMLNode]) -> Set<String> {
        for root in roots {
            guard case .mapping(let entries) = root.value,
                  entries.contains(where: { $0.key.scalarText == "kind" && $0.value.scalarText == ManifestKind.project.rawValue }),
                  let spec = entries.first(where: { $0.key.scalarText == "spec" })?.value,
                  case .mapping(let specEntries) = spec.value else { continue }
            guard let list = specEntries.first(where: { $0.key.scalarText == "secrets" })?.value,
                  case .sequence(let items) = list.value else { return [] }
            return Set(items.compactMap(\.scalarText))
        }
        return []
    }
}
