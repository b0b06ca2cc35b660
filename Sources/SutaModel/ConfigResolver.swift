import SutaYAML

/// Turns manifest files into the resolved desired state: parse, read envelopes, decode,
/// apply the active profile, check everything, and report all problems at once.
/// Pure: bytes and variables in, values out.
public struct ConfigResolver: Sendable {
    /// Variables for interpolation (the process environment over the `.env` file).
    public var variables: [String: String]
    /// Names given with `--profile`, in order.
    public var profiles: [String]
    /// The project name when no Project document names one.
    public var defaultProjectName: String
    /// A project name that wins over the Project document's (`--project`).
    public var projectName: String?
    /// The directory relative manifest paths start from (bind sources are made absolute).
    public var workingDirectory: String
    public var yamlLimits: YAMLLimits
    /// Read-only commands resolve without secrets: an unset one is a warning and a placeholder.
    public var allowsUnsetSecrets = false
    /// CPUs of the host the engine runs on (the loader fills it in): a service asking for more
    /// gets a warning. nil skips the check.
    public var hostCPUCount: Int?
    /// Most text variables may add to the manifests in all, in bytes (one scalar's result is
    /// bounded by `yamlLimits.maxScalarBytes`).
    public var maxInterpolatedBytes = 16 << 20
    /// Service documents that take the place of the manifests' documents of the same name, as
    /// they are: no profile is merged into them again (a rollout revision being undone, a
    /// service's resolved spec). Every other document still comes from the manifests.
    public var pinnedServices: [ParsedManifest] = []
    /// The engine mode that wins over the Project's `engine.mode` (`--engine`).
    public var engineMode: EngineMode?

    public init(variables: [String: String], profiles: [String] = [], defaultProjectName: String,
                workingDirectory: String = "/", yamlLimits: YAMLLimits = .default) {
        self.variables = variables
        self.profiles = profiles
        self.defaultProjectName = defaultProjectName
        self.workingDirectory = workingDirectory
        self.yamlLimits = yamlLimits
    }

    /// Parses and resolves `files`; their nodes and text count against `yamlLimits` together.
    public func resolve(_ files: [ManifestFile]) -> ConfigResolution {
        var usage = YAMLUsage()
        var parsed: [ParsedManifest] = []
        // Once the limits for all files are passed the input is refused: the rest need no parse.
        for file in files where !usage.exceeds(yamlLimits) {
            parsed.append(ParsedManifest.parse(file, limits: yamlLimits, usage: &usage))
        }
        return resolve(parsed: parsed)
    }

    /// Resolves parsed files. `problems` found before parsing (a malformed `.env`) come first
    /// and, if any is an error, make the resolution fail like any other.
    public func resolve(parsed: consuming [ParsedManifest], problems: [Diagnostic] = []) -> ConfigResolution {
        var reader = SpecReader(interpolator: Interpolator(variables: variables, allowsUnsetSecrets: allowsUnsetSecrets,
                                                           maxResultBytes: yamlLimits.maxScalarBytes),
                                workingDirectory: workingDirectory, maxInterpolatedBytes: maxInterpolatedBytes)
        for problem in problems { reader.diagnostics.append(problem) }
        // Declared secrets are known before the first value is read, envelopes included.
        reader.interpolator.declaredSecrets = DeclaredSecrets.names(in: parsed.flatMap { manifest -> [YAMLNode] in
            if case .success(let documents) = manifest.documents { documents.compactMap(\.root) } else { [] }
        })
        var documents: [ManifestDocument] = []
        // Each file's trees are let go as their documents are read (a service keeps its spec).
        for index in parsed.indices {
            let result = parsed[index].documents
            parsed[index].documents = .success([])
            switch result {
            case .success(let yamlDocuments):
                for parsed in yamlDocuments {
                    if let root = parsed.root, let document = reader.document(root) { documents.append(document) }
                }
            case .failure(let error):
                reader.diagnostics.append(.error(error.message, at: error.location, hint: error.hint))
            }
        }
        var byKind = unique(documents, diagnostics: &reader.diagnostics)
        documents = []
        let pinned = pin(&byKind, reader: &reader)

        var project = ProjectSpec(name: defaultProjectName)
        if let document = byKind[.project]?.first { project = reader.project(document) }
        if let projectName { project.name = projectName }
        if let engineMode { project.engineMode = engineMode }
        reader.engineMode = project.engineMode
        reader.interpolator.declaredSecrets = Set(project.secrets)

        let networks = (byKind[.network] ?? []).map { reader.network($0) }
        let volumes = (byKind[.volume] ?? []).map { reader.volume($0) }
        var profilesByName: [String: ProfileSpec] = [:]
        for document in byKind[.profile] ?? [] { profilesByName[document.name] = reader.profile(document) }

        var serviceDocuments = byKind.removeValue(forKey: .service) ?? []
        let allNames = Set(serviceDocuments.map(\.name))
        let selection: ProfileSelection
        switch ProfileSelection.resolve(requested: profiles, defaultProfile: project.defaultProfile, profiles: profilesByName,
                                        allServices: allNames, diagnostics: &reader.diagnostics) {
        case .success(let resolved): selection = resolved
        case .failure(let error):
            return ConfigResolution(config: nil, project: project, diagnostics: reader.diagnostics.sorted, usageError: error.message,
                                    profileNames: profilesByName.keys.sorted(), serviceNames: allNames.sorted())
        }
        var appliedProfiles = selection.appliedProfiles
        let activeCount = selection.services.map { $0.intersection(allNames).count } ?? allNames.count
        for (index, profile) in appliedProfiles.enumerated() {
            for override in profile.overrides where !allNames.contains(override.service) {
                reader.diagnostics.error("profile `\(profile.name)` overrides unknown service `\(override.service)`", at: override.location,
                                         hint: Suggestion.hint(for: override.service, among: allNames))
            }
            // `defaults` are copied into every active service: like an alias, bounded in all.
            if let defaults = profile.defaults, ConfigResolver.nodeCount(defaults) * activeCount > yamlLimits.maxNodes {
                reader.diagnostics.error("`defaults` of profile `\(profile.name)` merged into \(activeCount) services come to more than "
                                         + "\(yamlLimits.maxNodes) nodes", at: defaults.location,
                                         hint: "keep `defaults` to a few fields; the limit is the one on nodes after alias expansion")
                appliedProfiles[index].defaults = nil
            }
        }

        let activeServer = { (name: String?) in name.map { selection.services?.contains($0) ?? allNames.contains($0) } ?? false }
        reader.inertIntegrationFields = Set([("gateway", project.gateway?.service), ("discovery", project.discovery?.service)]
            .filter { !activeServer($0.1) }.map(\.0))
        let checks = ActiveServiceChecks(project: project, profiles: selection.appliedProfiles, hostCPUCount: hostCPUCount)
        var services: [ServiceSpec] = []
        services.reserveCapacity(serviceDocuments.count)
        var active: Set<String> = []
        // Each service's tree is released once it is decoded, so trees and specs never all coexist.
        for index in serviceDocuments.indices {
            let document = serviceDocuments[index]
            serviceDocuments[index].spec = nil
            let isActive = selection.services?.contains(document.name) ?? true
            // Services outside the profile are still checked, but need none of their variables set.
            reader.interpolator.reportsMissing = isActive
            reader.activeChecks = isActive ? checks : nil
            let spec = isActive && !pinned.contains(document.name) ? merged(document, with: appliedProfiles) : document.spec
            guard var service = reader.service(document, spec: spec) else { continue }
            if service.build != nil, service.image.isEmpty { service.image = BuildSpec.defaultImage(project: project.name, service: service.name) }
            services.append(service)
            if isActive { active.insert(service.name) }
        }

        var validator = ConfigValidator(project: project, services: services, active: active, networks: networks, volumes: volumes)
        validator.check(into: &reader.diagnostics)

        let diagnostics = reader.diagnostics
        let reported = ConfigResolver.onePerUnsetSecret(diagnostics.sorted) + diagnostics.unlistedSummary
        guard !diagnostics.hasErrors else {
            return ConfigResolution(config: nil, project: project, diagnostics: reported, usageError: nil,
                                    profileNames: profilesByName.keys.sorted(), serviceNames: allNames.sorted())
        }
        let config = validator.resolvedConfig(profiles: profiles.isEmpty ? project.defaultProfile.map { [$0] } ?? [] : profiles)
        return ConfigResolution(config: config, project: project, diagnostics: reported, usageError: nil,
                                profileNames: profilesByName.keys.sorted(), serviceNames: allNames.sorted())
    }

    /// Nodes in a tree, keys included (as `YAMLLimits.maxNodes` counts them).
    static func nodeCount(_ node: YAMLNode) -> Int {
        switch node.value {
        case .scalar: return 1
        case .sequence(let items): return items.reduce(1) { $0 + nodeCount($1) }
        case .mapping(let entries): return entries.reduce(1) { $0 + 1 + nodeCount($1.value) }
        }
    }

    /// One diagnostic per unset secret variable, at its first use, listing every place it is used.
    static func onePerUnsetSecret(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        var uses: [String: [String]] = [:]
        for diagnostic in diagnostics {
            if let variable = diagnostic.unsetSecret, let location = diagnostic.location { uses[variable, default: []].append(location.description) }
        }
        var seen: Set<String> = []
        return diagnostics.compactMap { diagnostic in
            guard let variable = diagnostic.unsetSecret else { return diagnostic }
            guard seen.insert(variable).inserted else { return nil }
            var merged = diagnostic
            let places = uses[variable] ?? []
            if places.count > 1 {
                let shown = places.prefix(6).joined(separator: ", ")
                merged.message += "; used at \(shown)" + (places.count > 6 ? " and \(places.count - 6) more" : "")
            }
            return merged
        }
    }

    /// Documents grouped by kind, reporting duplicate names within a kind and a second Project.
    private func unique(_ documents: [ManifestDocument], diagnostics: inout DiagnosticList) -> [ManifestKind: [ManifestDocument]] {
        var result: [ManifestKind: [ManifestDocument]] = [:]
        var seen: [ManifestKind: [String: ManifestDocument]] = [:]
        for document in documents {
            if document.kind == .project, let first = result[.project]?.first {
                diagnostics.error("a second Project document `\(document.name)`", at: document.nameLocation,
                                  hint: "the first is at \(first.nameLocation); keep one")
                continue
            }
            if let first = seen[document.kind]?[document.name] {
                diagnostics.error("duplicate \(document.kind.rawValue) `\(document.name)`", at: document.nameLocation,
                                  hint: "first defined at \(first.nameLocation)")
                continue
            }
            seen[document.kind, default: [:]][document.name] = document
            result[document.kind, default: []].append(document)
        }
        return result
    }

    /// The service's spec with each applied profile's `defaults`, then its override, merged in.
    private func merged(_ document: ManifestDocument, with profiles: [ProfileSpec]) -> YAMLNode? {
        guard var spec = document.spec else { return nil }
        for profile in profiles {
            if let defaults = profile.defaults { spec = NodeMerge.merge(spec, defaults) }
            for override in profile.overrides where override.service == document.name {
                spec = NodeMerge.merge(spec, override.spec)
            }
        }
        return spec
    }
}
