extension ServiceSpec {
    /// Hashes of what a container runs with, one per group of fields, so a changed container
    /// can say which fields differ. Replicas, profiles, depends_on, gateway, discovery and
    /// supervision are not included: changing them never recreates a container. A service with
    /// `build` has a `build` group, its build hash: a rebuilt image recreates its containers.
    ///
    /// Secret values enter the hash (changing a password recreates the container, as Compose
    /// does) but never in the clear and never under a plain hash: a group holding a secret is
    /// keyed with `key` (HMAC-SHA256), so its label cannot be tested against guesses offline.
    /// Without a key such a group is `nokey`; a group that uses an unset secret is
    /// `unset:NAME`: both are reported as unknown.
    public func fingerprint(networkName: (String) -> String, volumeName: (String) -> String, key: FingerprintKey?) -> ConfigFingerprint {
        func list(_ items: [String]) -> String { items.map { "\($0.utf8.count):\($0)" }.joined(separator: ",") }
        let health: String
        switch healthcheck?.probe {
        case nil: health = "none"
        case .command(let words)?: health = "cmd:" + list(words)
        case .http(let port, let path)?: health = "http:\(port):\(path)"
        case .tcp(let port)?: health = "tcp:\(port)"
        case .disabled?: health = "disabled"
        }
        let timing = [healthcheck?.interval, healthcheck?.timeout, healthcheck?.startPeriod]
            .map { $0.map { String($0.nanoseconds) } ?? "-" }.joined(separator: "/") + "/\(healthcheck?.retries ?? 0)"
        let groups: [(String, String)] = [
            ("image", image),
            ("command", list(entrypoint ?? ["<image>"]) + "|" + list(command ?? ["<image>"]) + "|" + (workingDir ?? "")),
            ("environment", list(environment.map { "\($0.name)=\($0.value)" })),
            ("ports", list(ports.map(\.shortForm))),
            ("volumes", list(volumes.map { "\($0.kind.rawValue):\($0.source.map { $0.hasPrefix("/") ? $0 : volumeName($0) } ?? ""):\($0.target):\($0.readOnly)" })),
            ("networks", list(networks.map { "\(networkName($0.network)):\(list($0.aliases)):\($0.ipv4Address ?? "")" })),
            // A memory reservation is added only when set, so containers made before reservations
            // existed keep their hash; a CPU reservation does nothing to a container (swarm mode only).
            ("resources", "\(resources.cpus.map { String($0) } ?? "-")/\(resources.memoryBytes.map { String($0) } ?? "-")/\(resources.pids.map { String($0) } ?? "-")"
                + (resources.reservations.memoryBytes.map { "/reserve:\($0)" } ?? "")),
            ("healthcheck", health + "|" + timing),
            ("restart", restart.text),
            ("security", "\(user ?? "")|\(readOnlyRootFilesystem)|" + list(capDrop) + "|" + list(capAdd) + "|" + list(securityOptions)),
            ("tmpfs", list(tmpfs)),
            ("stop", "\(stopSignal ?? "")|\(stopGracePeriod.map { String($0.nanoseconds) } ?? "")"),
            ("labels", list(labels.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" })),
        ] + (build.map { [("build", $0.hash)] } ?? [])
        // Only environment values can come from secrets (or have names that say they are secret).
        let secretGroups: Set<String> = environment.contains(where: \.isSecret) ? ["environment"] : []
        return ConfigFingerprint(groups: groups.map { name, text in
            (name, ConfigFingerprint.groupHash(text, holdsSecret: secretGroups.contains(name), key: key))
        })
    }
}
