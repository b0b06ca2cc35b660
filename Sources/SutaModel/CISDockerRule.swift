/// The container-runtime recommendations of the CIS Docker Benchmark v1.6.0 (section 5) that
/// sutactl checks: a setting that breaks one is a warning, or an error under a strict policy.
enum CISDockerRule: String, Sendable, Hashable, CaseIterable {
    case appArmorProfile = "5.1"
    case seLinuxOptions = "5.2"
    case capabilities = "5.3"
    case privileged = "5.4"
    case sensitiveHostDirectories = "5.5"
    case hostNetwork = "5.9"
    case hostPIDNamespace = "5.15"
    case hostIPCNamespace = "5.16"
    case hostDevices = "5.17"
    case hostUTSNamespace = "5.20"
    case defaultSeccompProfile = "5.21"
    case hostUserNamespace = "5.30"
    case dockerSocket = "5.31"

    /// The recommendation's number and what it asks, for diagnostics.
    var citation: String {
        let title = switch self {
        case .appArmorProfile: "run containers under an AppArmor profile"
        case .seLinuxOptions: "keep SELinux labels on"
        case .capabilities: "restrict Linux kernel capabilities"
        case .privileged: "do not use privileged containers"
        case .sensitiveHostDirectories: "do not mount sensitive host system directories"
        case .hostNetwork: "do not share the host's network namespace"
        case .hostPIDNamespace: "do not share the host's process namespace"
        case .hostIPCNamespace: "do not share the host's IPC namespace"
        case .hostDevices: "do not expose host devices"
        case .hostUTSNamespace: "do not share the host's UTS namespace"
        case .defaultSeccompProfile: "do not disable the default seccomp profile"
        case .hostUserNamespace: "do not share the host's user namespace"
        case .dockerSocket: "do not mount the Docker socket"
        }
        return "CIS Docker Benchmark \(rawValue): \(title)"
    }

    /// Service fields sutactl refuses outright, with the rule each would break and a hint.
    /// They give a container the host itself (privileged, host namespaces, devices), and
    /// sutactl's probes, gateway routes and registrations rely on the project's own networks.
    static let refusedServiceFields: [String: (rule: CISDockerRule, hint: String)] = [
        "privileged": (.privileged, "add only the capabilities it needs with `cap_add`"),
        "network_mode": (.hostNetwork, "services join the project's `networks`; sutactl's probes, gateway and discovery go through them"),
        "pid": (.hostPIDNamespace, "each container keeps its own process namespace under sutactl"),
        "ipc": (.hostIPCNamespace, "each container keeps its own IPC namespace under sutactl"),
        "uts": (.hostUTSNamespace, "each container keeps its own hostname under sutactl"),
        "userns_mode": (.hostUserNamespace, "user namespaces are the engine's setting (dockerd --userns-remap)"),
        "devices": (.hostDevices, "host devices stay out of containers managed by sutactl"),
    ]
}
