import SutaErrors
import SutaClients
import SutaModel
import SutaPlan

extension DockerEngineDriver {
    public func imageBuildHashes(_ tags: [String]) async throws -> [String: String] {
        var hashes: [String: String] = [:]
        for tag in tags {
            do {
                hashes[tag] = try await client.inspectImage(tag).config?.labels[OwnershipLabels.buildHash] ?? ""
            } catch .notFound {
                continue
            } catch {
                throw DockerEngineDriver.controllerError(error)
            }
        }
        return hashes
    }

    public func buildImage(_ request: ImageBuildRequest, onOutput: @escaping @Sendable (String) -> Void) async throws {
        let archive = try BuildContext.read(request.build, service: request.service).archive()
        let options = ImageBuildOptions(tag: request.tag, dockerfile: request.build.dockerfile, buildArgs: request.build.args,
                                        target: request.build.target, labels: request.labels)
        do {
            try await client.buildImage(context: archive, options: options, onOutput: onOutput)
        } catch .buildFailed(_, let step, let message) {
            throw SutaError(.engine, "build of service \(request.service) failed\(step.map { " at step \($0)" } ?? ""): \(message)")
        } catch {
            throw DockerEngineDriver.controllerError(error)
        }
    }
}
