import SutaYAML

extension SpecReader {
    /// `resources`: limits, and `reservations` of at most them. The engine refuses a memory
    /// reservation above the memory limit ("Minimum memory limit can not be less than memory
    /// reservation limit"); a container never gets more CPU than its limit.
    mutating func resources(_ node: YAMLNode) -> ResourceLimits {
        var limits = ResourceLimits()
        guard let f = fields(node, of: "resources", allowed: ["cpus", "memory", "pids", "reservations"]) else { return limits }
        let cpuLimit = f["cpus"].flatMap { cpus($0) }
        limits.cpus = cpuLimit?.value
        if let n = f["memory"] { limits.memoryBytes = memoryAmount(n, "memory", kind: "limit") }
        if let n = f["pids"] { limits.pids = int(n, "pids", in: 1...Int(Int32.max)) }
        guard let n = f["reservations"], let r = fields(n, of: "resources.reservations", allowed: ["cpus", "memory"]) else { return limits }
        if let n = r["cpus"], let cpus = cpuAmount(n, "reservations.cpus", minimum: "as a CPU limit", unset: "no reservation") {
            if let cpuLimit, cpus.value > cpuLimit.value {
                diagnostics.error("`reservations.cpus` \(cpus.text) is more than the `cpus` limit \(cpuLimit.text)", at: n.location,
                                  hint: "a container never gets more than its limit, set at \(f["cpus"]!.location)")
            } else {
                limits.reservations.cpus = cpus.value
            }
        }
        if let n = r["memory"], let bytes = memoryAmount(n, "reservations.memory", kind: "reservation") {
            if let limit = limits.memoryBytes, bytes > limit {
                diagnostics.error("`reservations.memory` \(MemorySize.format(bytes)) is more than the `memory` limit \(MemorySize.format(limit))",
                                  at: n.location, hint: "the engine refuses a reservation above the limit, set at \(f["memory"]!.location)")
            } else {
                limits.reservations.memoryBytes = bytes
            }
        }
        return limits
    }
}
