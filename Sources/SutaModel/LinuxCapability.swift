/// The Linux capability names the engine accepts in `cap_add` and `cap_drop`: `ALL`, or a
/// capability with or without `CAP_`, in any case (moby's `NormalizeLegacyCapabilities`).
enum LinuxCapability {
    /// Every capability Linux defines (capability.h, up to CAP_CHECKPOINT_RESTORE), without `CAP_`.
    static let names: [String] = [
        "CHOWN", "DAC_OVERRIDE", "DAC_READ_SEARCH", "FOWNER", "FSETID", "KILL", "SETGID", "SETUID", "SETPCAP",
        "LINUX_IMMUTABLE", "NET_BIND_SERVICE", "NET_BROADCAST", "NET_ADMIN", "NET_RAW", "IPC_LOCK", "IPC_OWNER",
        "SYS_MODULE", "SYS_RAWIO", "SYS_CHROOT", "SYS_PTRACE", "SYS_PACCT", "SYS_ADMIN", "SYS_BOOT", "SYS_NICE",
        "SYS_RESOURCE", "SYS_TIME", "SYS_TTY_CONFIG", "MKNOD", "LEASE", "AUDIT_WRITE", "AUDIT_CONTROL", "SETFCAP",
        "MAC_OVERRIDE", "MAC_ADMIN", "SYSLOG", "WAKE_ALARM", "BLOCK_SUSPEND", "AUDIT_READ", "PERFMON", "BPF",
        "CHECKPOINT_RESTORE",
    ]
    private static let nameSet = Set(names)

    /// True for `ALL` in any case (not `CAP_ALL`, which the engine refuses).
    static func isAll(_ text: String) -> Bool { text.uppercased() == "ALL" }

    /// True for `ALL` and every capability name, however written.
    static func isValid(_ text: String) -> Bool {
        let upper = text.uppercased()
        return upper == "ALL" || nameSet.contains(upper.hasPrefix("CAP_") ? String(upper.dropFirst(4)) : upper)
    }
}
