/// The checks that apply only to the services of the active profile (what will run): the
/// host's CPU count and the dangerous-setting policy in force.
struct ActiveServiceChecks {
    /// CPUs of the host the engine runs on; nil skips the check.
    var hostCPUCount: Int?
    var dangerous: DangerousSettingPolicy
    /// Who made dangerous settings errors (`profile \`security\``), for the hint.
    var strictSource: String?

    /// The policy of the Project and the applied profiles: an error as soon as one says so.
    init(project: ProjectSpec, profiles: [ProfileSpec], hostCPUCount: Int?) {
        self.hostCPUCount = hostCPUCount
        dangerous = .warn
        if project.dangerousSettings == .error {
            dangerous = .error
            strictSource = "the Project sets `policy: {dangerous: error}`"
        } else if let profile = profiles.first(where: { $0.dangerousSettings == .error }) {
            dangerous = .error
            strictSource = "profile `\(profile.name)` sets `policy: {dangerous: error}`"
        }
    }
}
