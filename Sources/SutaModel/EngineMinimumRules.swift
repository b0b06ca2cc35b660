import SutaYAML

/// Values the Docker Engine refuses when the container is created, caught at `validate`:
/// - a healthcheck `start_period` between 0 and 1 ms (`validateHealthCheck` in moby's
///   `daemon/container.go`: "StartPeriod in Healthcheck cannot be less than 1ms"; 0 means
///   the engine's default). `interval` and `timeout` are held to 1 ms as they are read.
/// - a memory limit below 6 MB (`linuxMinMemory`, 6291456 bytes, in
///   `daemon/daemon_unix.go`: "Minimum memory limit allowed is 6MB"; 0 means no limit).
struct EngineMinimumRules {
    /// The engine's smallest memory limit, in bytes.
    static let minimumMemory: Int64 = 6_291_456

    let services: [ServiceSpec]

    func check(into diagnostics: inout DiagnosticList) {
        for service in services {
            if let check = service.healthcheck, let period = check.startPeriod, period > .zero, period < .milliseconds(1) {
                diagnostics.error("`start_period` of `\(service.name)` must be 0 or at least 1ms, found \(DurationText.format(period))",
                                  at: check.startPeriodLocation ?? service.location,
                                  hint: "the engine refuses a shorter start period (StartPeriod in Healthcheck cannot be less than 1ms)")
            }
            if let memory = service.resources.memoryBytes, memory > 0, memory < Self.minimumMemory {
                diagnostics.error("`memory` of `\(service.name)` is \(MemorySize.format(memory)), below the engine's minimum of 6M",
                                  at: service.resources.memoryLocation ?? service.location,
                                  hint: "the engine refuses a memory limit below 6MB (6291456 bytes); use at least 6M, or leave `memory` out")
            }
        }
    }
}
