import SutaModel
import SutaPlan

/// What the executor needs from a container engine. `DockerEngineDriver` is the real one;
/// tests drive the executor with a scripted one.
public protocol EngineDriver: Sendable {
    /// One snapshot of every container, network and volume (owned or not).
    func observe() async throws -> ObservedState
    func createNetwork(_ spec: NetworkSpec, name: String, labels: [String: String]) async throws
    func createVolume(_ spec: VolumeSpec, name: String, labels: [String: String]) async throws
    /// Creates (does not start) a container; returns its id.
    func createContainer(_ request: ContainerRequest) async throws -> String
    func startContainer(id: String) async throws
    /// Sets a running container's limits and restart policy in place.
    func updateContainer(id: String, resources: LiveResources) async throws
    /// Stops (gracefully, killing after `grace`; nil: the container's own) and starts the same
    /// container again.
    func restartContainer(id: String, grace: Duration?) async throws
    /// Stops gracefully (the container's stop signal, then SIGKILL after `grace`; nil: the grace
    /// the container was created with); a container already stopped is left as it is.
    func stopContainer(id: String, grace: Duration?) async throws
    /// Gives a container another name.
    func renameContainer(id: String, to name: String) async throws
    /// Stops gracefully (the container's stop signal, then SIGKILL after `grace`; nil: the grace
    /// the container was created with) and removes it, with its anonymous volumes.
    func removeContainer(id: String, grace: Duration?) async throws
    /// Who holds a host port, other than the container `sparing`: `container NAME` or
    /// `another process on this host`; nil when it is free.
    func holderOfHostPort(_ port: HostPort, sparing containerID: String) async -> String?
    func removeNetwork(id: String) async throws
    func removeVolume(name: String) async throws
    /// The `sutactl.build-hash` label of each of `tags` present locally: empty for an image
    /// without one; a tag with no image is left out.
    func imageBuildHashes(_ tags: [String]) async throws -> [String: String]
    /// Builds an image from a context directory, handing each line of the builder's output
    /// to `onOutput`; a failure names the step it failed at.
    func buildImage(_ request: ImageBuildRequest, onOutput: @escaping @Sendable (String) -> Void) async throws
    func containerStatus(id: String) async throws -> ContainerStatus
    /// The container's environment as `NAME=value` entries, the image's included: `logs`
    /// masks the secret values among them. Never printed.
    func containerEnvironment(id: String) async throws -> [String]
    /// Streams a container's output until it ends (or forever with `follow`).
    func logs(id: String, follow: Bool, tail: Int?, onOutput: @escaping @Sendable ([UInt8]) -> Void) async throws
    /// The project's container events as they happen; ends (with an error) when the engine
    /// goes away.
    func events(project: String) -> AsyncThrowingStream<EngineEvent, any Error>
    /// `28.2.2 (API 1.47)`.
    func engineVersion() async throws -> String
    /// Why a new connection to the engine fails (the message names its socket), or nil when
    /// one is accepted and answers. Never over a kept-alive connection: a stopping engine
    /// closes its socket at once but keeps serving the connections it has until it exits.
    func connectionProblem() async -> String?
    /// Requests sent to the engine so far (the benchmark reports it).
    var requestCount: Int { get async }
}
