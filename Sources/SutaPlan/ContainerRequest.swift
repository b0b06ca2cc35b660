import SutaModel

/// Everything needed to create one replica's container: the service, the names of the
/// project's objects, and the ownership labels (with the config fingerprint). The planner puts
/// it on the step that creates the container: the executor sends it as it is.
public struct ContainerRequest: Sendable, Hashable {
    public var name: String
    public var service: ServiceSpec
    public var replica: Int
    public var names: ResourceNames
    public var labels: [String: String]

    public init(name: String, service: ServiceSpec, replica: Int, names: ResourceNames, fingerprint: ConfigFingerprint) {
        self.name = name
        self.service = service
        self.replica = replica
        self.names = names
        labels = service.labels.merging([
            OwnershipLabels.project: names.project,
            OwnershipLabels.service: service.name,
            OwnershipLabels.replica: String(replica),
            OwnershipLabels.configHash: fingerprint.hash,
            OwnershipLabels.configFields: fingerprint.fieldsLabel,
            OwnershipLabels.managedBy: OwnershipLabels.managedByValue,
        ]) { _, ours in ours }
        let secretNames = service.environment.filter(\.isSecret).map(\.name)
        if !secretNames.isEmpty { labels[OwnershipLabels.secretEnvironment] = secretNames.joined(separator: ",") }
        if !service.dependsOn.isEmpty { labels[OwnershipLabels.dependsOn] = service.dependsOn.map(\.service).sorted().joined(separator: ",") }
    }
}
