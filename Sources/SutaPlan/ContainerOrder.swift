import SutaModel

/// Orderings the planner needs: services so that dependencies come first, and which of
/// several containers of one replica to keep.
enum ContainerOrder {
    /// Services in dependency order (a dependency before its dependents), ties by name.
    /// Validation has already rejected cycles; any edge left to an inactive service is ignored.
    static func sorted(_ services: [ServiceSpec]) -> [ServiceSpec] {
        let byName = Dictionary(services.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        var result: [ServiceSpec] = []
        var placed: Set<String> = []
        func place(_ service: ServiceSpec, _ path: Set<String>) {
            guard !placed.contains(service.name), !path.contains(service.name) else { return }
            for dependency in service.dependsOn.sorted(by: { $0.service < $1.service }) {
                if let target = byName[dependency.service] { place(target, path.union([service.name])) }
            }
            placed.insert(service.name)
            result.append(service)
        }
        for service in services.sorted(by: { $0.name < $1.name }) { place(service, []) }
        return result
    }

    /// The container to keep: matching config first, then running, then newest.
    static func best(_ candidates: [ObservedContainer], fingerprint: ConfigFingerprint) -> ObservedContainer? {
        candidates.max { a, b in
            rank(a, fingerprint) < rank(b, fingerprint)
        }
    }

    private static func rank(_ container: ObservedContainer, _ fingerprint: ConfigFingerprint) -> (Int, Int, Int64, String) {
        let matches = container.labels[OwnershipLabels.configFields] == fingerprint.fieldsLabel ? 1 : 0
        let running = container.state == .running ? 1 : 0
        return (matches, running, container.created, container.id)
    }
}
