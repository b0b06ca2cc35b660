import SutaYAML

/// Settings the CIS Docker Benchmark flags, on the services of the active profile: a warning
/// naming the rule, or an error when the Project or an applied profile sets
/// `policy: {dangerous: error}` (the `security` profile does).
extension SpecReader {
    /// Host paths whose bind gives a container the host itself, with the rule each breaks.
    /// The Docker socket's directories count as the socket.
    static let sensitiveHostPaths: [String: CISDockerRule] = [
        "/": .sensitiveHostDirectories, "/boot": .sensitiveHostDirectories, "/dev": .sensitiveHostDirectories,
        "/etc": .sensitiveHostDirectories, "/lib": .sensitiveHostDirectories, "/proc": .sensitiveHostDirectories,
        "/sys": .sensitiveHostDirectories, "/usr": .sensitiveHostDirectories,
        "/var/run/docker.sock": .dockerSocket, "/run/docker.sock": .dockerSocket, "/var/run": .dockerSocket, "/run": .dockerSocket,
    ]

    /// `policy: {dangerous: warn|error}` of a Project or a Profile.
    mutating func policy(_ node: YAMLNode) -> DangerousSettingPolicy? {
        guard let f = fields(node, of: "policy", allowed: ["dangerous"]), let n = f["dangerous"],
              let text = choice(n, "dangerous", DangerousSettingPolicy.allCases.map(\.rawValue)) else { return nil }
        return DangerousSettingPolicy(rawValue: text)
    }

    /// Reports a dangerous setting of an active service with its rule; nothing for inactive ones.
    mutating func dangerous(_ rule: CISDockerRule, _ what: String, at location: SourceLocation, hint: String) {
        guard let checks = activeChecks else { return }
        let message = "\(what) (\(rule.citation))"
        switch checks.dangerous {
        case .warn: diagnostics.warning(message, at: location, hint: hint)
        case .error: diagnostics.error(message, at: location, hint: hint + "; an error because " + (checks.strictSource ?? "of the policy"))
        }
    }

    /// A bind of a sensitive host directory or of the Docker socket, read-only or not.
    mutating func checkBind(_ mount: VolumeMount) {
        guard mount.kind == .bind, let source = mount.source, source.hasPrefix("/") else { return }
        let path = PathText.isRoot(source) ? "/" : PathText.normalize(source)
        switch Self.sensitiveHostPaths[path] {
        case .dockerSocket?:
            let what = path.hasSuffix("docker.sock") ? "the Docker socket `\(path)`" : "`\(path)`, which holds the Docker socket,"
            dangerous(.dockerSocket, "bind mount of \(what) into the container", at: mount.location,
                      hint: "whoever reaches the socket controls the engine and the host, read-only or not")
        case let rule?:
            dangerous(rule, "bind mount of the host's `\(path)`\(mount.readOnly ? " (read-only)" : "") into the container", at: mount.location,
                      hint: "mount only the files it needs, read-only, from a directory of their own")
        case nil:
            break
        }
    }
}
