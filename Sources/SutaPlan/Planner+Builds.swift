import SutaModel

extension Planner {
    /// The image tags the active services build, with the service whose `build` makes each
    /// (the first by name when several build the same tag).
    public var builtImages: [(tag: String, service: ServiceSpec)] {
        var seen: Set<String> = []
        return config.services.compactMap { service in
            guard service.build != nil, seen.insert(service.image).inserted else { return nil }
            return (service.image, service)
        }
    }

    /// A build step for each image whose recorded build hash differs from the desired one
    /// (or that is missing), when a service running containers uses it. Returns the step of
    /// each tag: the containers of the services using that image wait for it.
    func addBuilds(_ observed: ObservedState, to builder: inout PlanBuilder) -> [String: Int] {
        var steps: [String: Int] = [:]
        for (tag, service) in builtImages {
            guard let build = service.build, config.services.contains(where: { $0.image == tag && $0.replicas > 0 }) else { continue }
            let recorded = observed.imageBuildHashes[tag]
            guard recorded != build.hash else { continue }
            let cause = switch recorded {
            case nil: "image not found"
            case ""?: "image not built by sutactl"
            default: "context or build settings changed"
            }
            let labels = build.labels.merging([OwnershipLabels.project: config.project.name, OwnershipLabels.buildHash: build.hash,
                                               OwnershipLabels.managedBy: OwnershipLabels.managedByValue]) { _, ours in ours }
            steps[tag] = builder.add(.buildImage(service: service.name, tag: tag, hash: build.hash), cause: cause,
                                     changes: [FieldChange(path: "build.hash", before: recorded.flatMap { $0.isEmpty ? nil : $0 },
                                                           after: build.hash, secret: false)],
                                     image: ImageBuildRequest(service: service.name, build: build, tag: tag, labels: labels))
        }
        return steps
    }
}
