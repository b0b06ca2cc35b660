#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import SutaModel
import SutaPlan

extension Controller {
    /// Streams the output of the service's first container (its lowest replica) to `onOutput`
    /// until it ends (with `follow`, until the container stops or the task is cancelled), with
    /// every secret value printed as `***`.
    ///
    /// The values come from the container's own environment (read-only commands run without
    /// the secrets set): entries its `sutactl.secret-env` label names, and those
    /// `SecretMasker.secretValues` finds secret; and from the secret variables set in
    /// the environment or `.env` of `manifests`, when there are manifests. Returns false when
    /// the service has no container.
    public func logs(service: String, project: String, manifests: ManifestTarget?, follow: Bool, tail: Int?,
                     onOutput: @escaping @Sendable ([UInt8]) -> Void) async throws -> Bool {
        let containers = try await observe().containers(of: project).filter { $0.service == service }
        guard let container = containers.min(by: { ($0.replica ?? 0) < ($1.replica ?? 0) }) else { return false }
        let spec = manifests?.resolution.config?.services.first { $0.name == service }
        // The container names its secret entries itself (a label), so no manifests are needed.
        let labelled = (container.labels[OwnershipLabels.secretEnvironment] ?? "").split(separator: ",").map(String.init)
        let secrets = SecretMasker.secretValues(inContainerEnvironment: try await engine.containerEnvironment(id: container.id),
                                                declared: Set(labelled + (manifests?.resolution.project.secrets ?? [])), service: spec)
            + (manifests?.secretValues(environment: environment) ?? [])
        let output = MaskedOutput(secrets: secrets, sink: onOutput)
        try await engine.logs(id: container.id, follow: follow, tail: tail) { output.write($0) }
        output.finish()
        return true
    }
}
