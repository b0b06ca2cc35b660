/// The outcome of `--profile`: which services are active and which profiles change them, in order.
struct ProfileSelection {
    /// Active service names; nil means every service.
    var services: Set<String>?
    /// Profiles whose `defaults`/`overrides` apply, in order (extended ones before the
    /// profile that extends them, overlays last).
    var appliedProfiles: [ProfileSpec]

    /// Resolves requested names against the declared profiles. Returns a usage error for
    /// unknown names or more than one selecting profile.
    static func resolve(requested: [String], defaultProfile: String?, profiles: [String: ProfileSpec],
                        allServices: Set<String>, diagnostics: inout DiagnosticList) -> Result<ProfileSelection, UsageError> {
        var names = requested
        for name in names where profiles[name] == nil {
            let hint = Suggestion.closest(to: name, among: profiles.keys).map { " (did you mean `\($0)`?)" } ?? ""
            let known = profiles.keys.sorted().joined(separator: ", ")
            return .failure(UsageError(message: "unknown profile `\(name)`\(hint); known profiles: \(known.isEmpty ? "none" : known)"))
        }
        let selecting = names.filter { !profiles[$0]!.isOverlay }
        if selecting.count > 1 {
            return .failure(UsageError(message: "profiles \(selecting.joined(separator: " and ")) both select services; give one, plus any overlays"))
        }
        if selecting.isEmpty, let fallback = defaultProfile {
            guard let profile = profiles[fallback] else {
                return .failure(UsageError(message: "the project's default_profile `\(fallback)` is not defined"))
            }
            if !profile.isOverlay { names.insert(fallback, at: 0) }
        }

        var selection = ProfileSelection(services: nil, appliedProfiles: [])
        var visited: Set<String> = []
        func visit(_ name: String) {
            guard visited.insert(name).inserted, let profile = profiles[name] else { return }
            for parent in profile.extends {
                if profiles[parent.name] == nil {
                    diagnostics.error("profile `\(name)` extends unknown profile `\(parent.name)`", at: parent.location,
                                      hint: Suggestion.hint(for: parent.name, among: profiles.keys))
                }
                visit(parent.name)
            }
            if let references = profile.services {
                var chosen = selection.services ?? []
                for reference in references {
                    if reference.name == "*" {
                        chosen.formUnion(allServices)
                    } else if allServices.contains(reference.name) {
                        chosen.insert(reference.name)
                    } else {
                        diagnostics.error("profile `\(name)` selects unknown service `\(reference.name)`", at: reference.location,
                                          hint: Suggestion.hint(for: reference.name, among: allServices))
                    }
                }
                selection.services = chosen
            } else if !profile.isOverlay, selection.services == nil {
                selection.services = []
            }
            selection.appliedProfiles.append(profile)
        }
        names.forEach(visit)
        return .success(selection)
    }
}
