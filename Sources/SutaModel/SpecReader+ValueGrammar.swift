import SutaYAML

/// Service values with a grammar the engine (or the kernel) enforces only when a container is
/// created or started: checked here, so `validate` refuses them with their place.
extension SpecReader {
    /// The engine's smallest CPU limit (NanoCpus 10^7); anything below it is refused, or
    /// rounds to 0, which means no limit at all.
    static let minimumCPUs = 0.01
    /// The engine's smallest memory limit and reservation: "Minimum memory limit allowed is
    /// 6MB", "Minimum memory reservation allowed is 6MB".
    static let minimumMemoryBytes: Int64 = 6 << 20

    /// `user`: see `ContainerUserGrammar`. An empty value means the image's user.
    mutating func user(_ node: YAMLNode) -> String? {
        guard let text = string(node, "user") else { return nil }
        if !text.isEmpty, let problem = ContainerUserGrammar.problem(text) {
            diagnostics.error(problem, at: node.location, hint: "e.g. `1001`, `1001:1001`, `postgres` or `nobody:nogroup`")
            return nil
        }
        return text
    }

    /// `stop_signal`: a name or number the engine knows (`SignalName`).
    mutating func stopSignal(_ node: YAMLNode) -> String? {
        guard let text = string(node, "stop_signal") else { return nil }
        guard text.isEmpty || SignalName.isValid(text) else {
            let upper = text.uppercased()
            let bare = upper.hasPrefix("SIG") ? String(upper.dropFirst(3)) : upper
            let isNumber = text.utf8.allSatisfy { (48...57).contains($0) }
            let hint = isNumber ? "signal numbers are 1 to 31 and 34 to 64 (32 and 33 belong to the C library)"
                : Suggestion.closest(to: bare, among: SignalName.names).map { "did you mean `SIG\($0)`?" }
                ?? "a name such as SIGTERM, SIGINT or SIGQUIT (with or without SIG, any case), or a number"
            diagnostics.error("`stop_signal` `\(text)` is not a signal the engine knows", at: node.location, hint: hint)
            return nil
        }
        return text
    }

    /// `working_dir`: the engine wants an absolute path.
    mutating func workingDirectory(_ node: YAMLNode) -> String? {
        guard let text = string(node, "working_dir") else { return nil }
        guard text.hasPrefix("/") else {
            diagnostics.error("`working_dir` `\(text)` must be an absolute path", at: node.location, hint: "e.g. /app")
            return nil
        }
        return text
    }

    /// `resources.cpus`: at least 0.01. Above the host's CPU count (for active services) a
    /// warning: the engine refuses such a limit, so the container is given the whole host.
    mutating func cpus(_ node: YAMLNode) -> (value: Double, text: String)? {
        guard let amount = cpuAmount(node, "cpus", minimum: "the engine's smallest CPU limit", unset: "no limit") else { return nil }
        if let count = activeChecks?.hostCPUCount, amount.value > Double(count) {
            diagnostics.warning("`cpus` \(amount.text) is more than the \(count) CPU\(count == 1 ? "" : "s") of this host: the container gets \(count)",
                                at: node.location, hint: "the engine refuses a limit above the host's CPU count, so sutactl lowers it")
        }
        return amount
    }

    /// A number of CPUs of at least 0.01 (`minimum` says why), with its text as written.
    mutating func cpuAmount(_ node: YAMLNode, _ what: String, minimum: String, unset: String) -> (value: Double, text: String)? {
        guard let scalar = scalar(node, what) else { return nil }
        guard let value = Double(scalar.text), value.isFinite else {
            diagnostics.error("`\(what)` must be a number, found \(node.shapeName)", at: node.location)
            return nil
        }
        guard value >= Self.minimumCPUs else {
            diagnostics.error("`\(what)` must be at least 0.01 (\(minimum)), found \(scalar.text)", at: node.location,
                              hint: "leave `\(what)` out for \(unset)")
            return nil
        }
        return (value, scalar.text)
    }

    /// `resources.memory` (`kind` limit) or `resources.reservations.memory` (`kind`
    /// reservation): a memory size of at least 6 MiB, the engine's smallest of either.
    mutating func memoryAmount(_ node: YAMLNode, _ what: String, kind: String) -> Int64? {
        guard let bytes = memory(node, what) else { return nil }
        guard bytes >= Self.minimumMemoryBytes else {
            diagnostics.error("`\(what)` must be at least 6M (the engine's smallest memory \(kind)), found \(bytes) bytes", at: node.location,
                              hint: "leave `\(what)` out for no \(kind)")
            return nil
        }
        return bytes
    }

    /// `tmpfs` entries `PATH[:OPTIONS]`: an absolute path below `/`, not also a target of
    /// `volumes` (one would hide the other), and options the engine passes to the kernel
    /// (`size=64m`, `mode=1777`, `noexec`, ...).
    mutating func tmpfs(_ node: YAMLNode, besides mounts: [VolumeMount]) -> [String] {
        guard let items = sequence(node, "tmpfs") else { return [] }
        return items.compactMap { item in
            guard let entry = string(item, "tmpfs") else { return nil }
            let parts = entry.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            let target = String(parts[0])
            guard target.hasPrefix("/") else {
                diagnostics.error("tmpfs target `\(target)` must be an absolute path", at: item.location, hint: "e.g. /tmp:size=64m")
                return nil
            }
            guard !PathText.isRoot(target) else {
                diagnostics.error("tmpfs target `\(target)` is the container's root; mount it below `/`", at: item.location)
                return nil
            }
            if let mount = mounts.first(where: { PathText.normalize($0.target) == PathText.normalize(target) }) {
                diagnostics.error("tmpfs target `\(target)` is also mounted by `volumes`", at: item.location, hint: "that mount is at \(mount.location)")
                return nil
            }
            if parts.count == 2, let problem = TmpfsOptionGrammar.problem(String(parts[1])) {
                diagnostics.error("\(problem) in tmpfs `\(entry)`", at: item.location, hint: TmpfsOptionGrammar.hint)
                return nil
            }
            return entry
        }
    }

    /// `cap_add` / `cap_drop`: capability names the engine knows. `cap_add: ALL` is dangerous.
    mutating func capabilities(_ node: YAMLNode, _ what: String) -> [String] {
        guard let items = sequence(node, what) else { return [] }
        return items.compactMap { item in
            guard let name = string(item, what) else { return nil }
            guard LinuxCapability.isValid(name) else {
                let bare = name.uppercased().hasPrefix("CAP_") ? String(name.uppercased().dropFirst(4)) : name.uppercased()
                diagnostics.error("unknown capability `\(name)` in `\(what)`", at: item.location,
                                  hint: Suggestion.hint(for: bare, among: LinuxCapability.names + ["ALL"]) ?? "see capabilities(7): CHOWN, NET_BIND_SERVICE, ..., or ALL")
                return nil
            }
            if what == "cap_add", LinuxCapability.isAll(name) {
                dangerous(.capabilities, "`cap_add: [ALL]` gives the container every capability", at: item.location,
                          hint: "add only the capabilities it needs, e.g. [NET_BIND_SERVICE]")
            }
            return name
        }
    }

    /// `security_opt`: options the engine's API takes (`SecurityOptionGrammar`); unconfined
    /// seccomp or AppArmor and disabled SELinux labels are dangerous.
    mutating func securityOptions(_ node: YAMLNode) -> [String] {
        guard let items = sequence(node, "security_opt") else { return [] }
        return items.compactMap { item in
            guard let option = string(item, "security_opt") else { return nil }
            if let problem = SecurityOptionGrammar.problem(option) {
                diagnostics.error(problem.message, at: item.location, hint: problem.hint)
                return nil
            }
            switch SecurityOptionGrammar.split(option).map({ ($0.key, $0.value) }) {
            case ("seccomp", "unconfined")?:
                dangerous(.defaultSeccompProfile, "`\(option)` turns the engine's seccomp filter off", at: item.location,
                          hint: "keep the default profile, or give a profile's JSON that allows the calls it needs")
            case ("apparmor", "unconfined")?:
                dangerous(.appArmorProfile, "`\(option)` runs the container without AppArmor", at: item.location,
                          hint: "keep the engine's docker-default profile, or name a profile of your own")
            case ("label", "disable")?:
                dangerous(.seLinuxOptions, "`\(option)` turns SELinux separation off for the container", at: item.location,
                          hint: "keep the engine's labels, or set a type with label=type:...")
            default:
                break
            }
            return option
        }
    }
}
