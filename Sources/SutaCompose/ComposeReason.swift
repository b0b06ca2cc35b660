/// Why a compose key has no place in sutactl's manifests: the text `convert` prints after
/// "`KEY` is not carried:".
enum ComposeReason {
    static let noField = "sutactl's Service has no such field"

    /// Service keys with a reason of their own; any other unknown key gets `noField`.
    static let serviceKeys: [String: String] = [
        "container_name": "sutactl names containers PROJECT-SERVICE-N itself (ownership and replicas depend on it)",
        "hostname": "sutactl has no hostname field; the service name and network `aliases` resolve on the project's networks",
        "domainname": "sutactl has no domainname field",
        "expose": "sutactl has no expose field; containers on a shared network reach each other's ports without it",
        "links": "links are legacy; services on a shared network reach each other by name (add `aliases` for other names)",
        "external_links": "sutactl attaches only the project's own networks and containers",
        "volumes_from": "sutactl mounts only declared volumes, binds and tmpfs; mount the same volume in both services",
        "configs": "sutactl has no configs; mount the file with a bind volume",
        "logging": "sutactl leaves logging to the engine's default driver",
        "privileged": "sutactl refuses it (CIS Docker Benchmark 5.4; docs/manifests.md, Dangerous settings)",
        "network_mode": "sutactl refuses it (CIS 5.9): services join the project's networks",
        "pid": "sutactl refuses it (CIS 5.15)",
        "ipc": "sutactl refuses it (CIS 5.16)",
        "uts": "sutactl refuses it (CIS 5.20)",
        "userns_mode": "sutactl refuses it (CIS 5.30)",
        "devices": "sutactl refuses it (CIS 5.17)",
        "memswap_limit": "sutactl sets the memory limit only (swap follows the engine's default)",
        "pull_policy": "sutactl never pulls on its own policy: apply pulls a missing image",
        "platform": "sutactl runs the image's platform for the engine",
        "init": "sutactl has no init field; use an image whose entrypoint reaps children",
        "start_interval": "sutactl's healthcheck has no start_interval",
    ]

    /// `deploy` keys other than `replicas`, `resources` and `restart_policy`.
    static let deployKey = "sutactl runs on one engine without Swarm: it has no update, rollback, placement or endpoint settings"
    /// `deploy.resources.reservations` keys other than `cpus` and `memory`.
    static let reservationKey = "sutactl reserves cpus and memory only (no devices or generic resources)"
    static let buildKey = "sutactl's build carries context, dockerfile, args, target and labels only"
    static let extendsFile = "extends from another file is not read; copy the base service's keys into this service"
    static let external = "sutactl creates and owns the project's networks and volumes; one of this name is created for the project"
    static let customName = "sutactl names networks and volumes after the project (PROJECT_NAME)"
    static let anonymousVolume = "sutactl has no anonymous volumes; declare a named volume and mount it"
    static let mountMode = "sutactl's mounts are ro or rw; SELinux relabelling (z, Z), nocopy and consistency are not carried"
    static let mountOption = "sutactl's mounts carry type, source, target and read_only (and tmpfs size and mode as a `tmpfs` entry)"
    static let portRange = "sutactl publishes one port per entry; write one entry per port of the range"
    static let portKey = "sutactl's ports carry target, published, host_ip and protocol"
    static let networkKey = "sutactl's network attachments carry aliases and ipv4_address"
    static let networkTopKey = "sutactl's Network carries driver, driver_opts, internal, attachable, enable_ipv6 and one ipam config"
    static let volumeTopKey = "sutactl's Volume carries driver and driver_opts"
    static let secretKey = "sutactl mounts a file secret read-only as it is (uid, gid and mode are the file's)"
    static let secretExternal = "an external secret lives in Swarm, which sutactl does not use"
    static let restartPolicyKey = "sutactl's restart policy has no delay or window"
    static let topLevel = "sutactl reads services, networks, volumes and secrets of a compose file"
}
