#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import SutaModel
import SutaYAML

/// Converts one merged compose file. Every key it cannot carry is a warning at the key in
/// `notes`; compose's `${VAR}` references are kept as written, never resolved.
struct ComposeReader {
    /// The project directory: relative paths are resolved against it.
    let directory: String
    var notes: DiagnosticList
    /// Top-level `secrets`, by name.
    var secrets: [String: YAMLNode] = [:]
    /// Variables that environment-based secrets read: the Project declares them secret.
    var secretVariables: [String] = []
    /// Services that join no network of their own, so they get the `default` one, as in Compose.
    var usesDefaultNetwork = false

    init(directory: String, notes: DiagnosticList) {
        self.directory = directory
        self.notes = notes
    }

    mutating func convert(_ root: YAMLNode, project: String) -> [ManifestOutput] {
        guard let services = root["services"]?.mapping else {
            notes.error("a compose file needs a `services:` mapping", at: root.location)
            return []
        }
        for entry in root.mapping ?? [] {
            guard let key = entry.key.scalar?.text else { continue }
            if ["version", "name", "services", "networks", "volumes", "secrets"].contains(key) || key.hasPrefix("x-") { continue }
            notNote(key, entry.key.location, ComposeReason.topLevel)
        }
        for entry in root["secrets"]?.mapping ?? [] {
            if let name = entry.key.scalar?.text { secrets[name] = entry.value }
        }
        var serviceDocuments: [ManifestOutput] = []
        var profiles: [(name: String, services: [String])] = []
        var unprofiled: [String] = []
        for entry in services {
            guard let name = entry.key.scalar?.text else { continue }
            guard ManifestDocument.isValidName(name) else {
                notes.error("service name `\(name)` is not a valid name", at: entry.key.location)
                continue
            }
            let node = extended(entry.value, services: services, seen: [name])
            guard let document = service(name, node) else { continue }
            serviceDocuments.append(document)
            let named = node["profiles"]?.sequence?.compactMap { $0.scalar?.text } ?? []
            if named.isEmpty { unprofiled.append(name) }
            for profile in named {
                if let index = profiles.firstIndex(where: { $0.name == profile }) {
                    profiles[index].services.append(name)
                } else {
                    profiles.append((profile, [name]))
                }
            }
        }
        var documents = [projectDocument(project, hasProfiles: !profiles.isEmpty)]
        documents += networkDocuments(root["networks"])
        for entry in root["volumes"]?.mapping ?? [] { if let volume = volumeDocument(entry) { documents.append(volume) } }
        documents += serviceDocuments
        documents += profileDocuments(profiles, unprofiled: unprofiled)
        return documents
    }

    /// Records a key that is not carried.
    mutating func notNote(_ key: String, _ location: SourceLocation, _ reason: String) {
        notes.warning("`\(key)` is not carried: \(reason)", at: location)
    }

    /// The compose profile that holds every service without `profiles` (what `docker compose up` starts).
    static let defaultProfile = "default"

    private func projectDocument(_ name: String, hasProfiles: Bool) -> ManifestOutput {
        var spec: [(String, ConfigValue)] = []
        if hasProfiles { spec.append(("default_profile", .string(Self.defaultProfile))) }
        if !secretVariables.isEmpty { spec.append(("secrets", .array(secretVariables.map(ConfigValue.string)))) }
        return ManifestOutput(kind: .project, name: name, spec: spec.isEmpty ? nil : .object(spec),
                              comments: ["Converted from a compose file by `sutactl convert`."])
    }

    private func profileDocuments(_ profiles: [(name: String, services: [String])], unprofiled: [String]) -> [ManifestOutput] {
        guard !profiles.isEmpty else { return [] }
        var documents = [ManifestOutput(kind: .profile, name: Self.defaultProfile, spec: .object([
            ("description", .string("The services without compose profiles: what `docker compose up` starts.")),
            ("services", .array(unprofiled.map(ConfigValue.string))),
        ]))]
        for profile in profiles where profile.name != Self.defaultProfile {
            documents.append(ManifestOutput(kind: .profile, name: profile.name, spec: .object([
                ("description", .string("Compose profile \(profile.name): `docker compose --profile \(profile.name) up`.")),
                ("extends", .array([.string(Self.defaultProfile)])),
                ("services", .array(profile.services.map(ConfigValue.string))),
            ])))
        }
        return documents
    }

    /// A service with `extends: {service: NAME}` (same file) merged over its base, as Compose
    /// does; `depends_on`, `links` and `volumes_from` are not inherited.
    private mutating func extended(_ node: YAMLNode, services: [YAMLMapEntry], seen: Set<String>) -> YAMLNode {
        guard let extends = node["extends"] else { return node }
        let baseName = extends.scalar?.text ?? extends["service"]?.scalar?.text
        if let file = extends["file"] {
            notNote("extends.file", file.location, ComposeReason.extendsFile)
            return node
        }
        guard let baseName, let base = services.first(where: { $0.key.scalar?.text == baseName })?.value else {
            notes.error("`extends` names no service of this file", at: extends.location)
            return node
        }
        guard !seen.contains(baseName) else {
            notes.error("`extends` of `\(baseName)` is circular", at: extends.location)
            return node
        }
        var inherited = extended(base, services: services, seen: seen.union([baseName]))
        inherited.value = .mapping((inherited.mapping ?? []).filter {
            !["depends_on", "links", "volumes_from", "extends", "profiles"].contains($0.key.scalar?.text ?? "")
        })
        return ComposeMerge.service(inherited, node)
    }

    private mutating func networkDocuments(_ node: YAMLNode?) -> [ManifestOutput] {
        var documents: [ManifestOutput] = []
        var declaredDefault = false
        for entry in node?.mapping ?? [] {
            guard let name = entry.key.scalar?.text else { continue }
            declaredDefault = declaredDefault || name == "default"
            var spec: [(String, ConfigValue)] = []
            var labels: [String: String] = [:]
            for field in entry.value.mapping ?? [] {
                guard let key = field.key.scalar?.text else { continue }
                switch key {
                case "driver", "internal", "attachable", "enable_ipv6": spec.append((key, ConfigValue(node: field.value)))
                case "driver_opts": spec.append(("options", stringMap(field.value)))
                case "labels": labels = stringDictionary(field.value)
                case "ipam": if let ipam = ipam(field.value) { spec.append(("ipam", ipam)) }
                case "external": notNote("networks.\(name).external", field.key.location, ComposeReason.external)
                case "name": notNote("networks.\(name).name", field.key.location, ComposeReason.customName)
                default: notNote("networks.\(name).\(key)", field.key.location, ComposeReason.networkTopKey)
                }
            }
            documents.append(ManifestOutput(kind: .network, name: name, labels: labels, spec: spec.isEmpty ? nil : .object(spec)))
        }
        if usesDefaultNetwork, !declaredDefault {
            documents.insert(ManifestOutput(kind: .network, name: "default", spec: nil,
                                            comments: ["Compose's default network: the services that name no network join it."]), at: 0)
        }
        return documents
    }

    private mutating func ipam(_ node: YAMLNode) -> ConfigValue? {
        var fields: [(String, ConfigValue)] = []
        for field in node.mapping ?? [] {
            guard let key = field.key.scalar?.text else { continue }
            guard key == "config", let configs = field.value.sequence else {
                if key != "driver" || field.value.scalar?.text != "default" { notNote("ipam.\(key)", field.key.location, ComposeReason.networkTopKey) }
                continue
            }
            for (index, config) in configs.enumerated() {
                guard index == 0 else { notNote("ipam.config", config.location, ComposeReason.networkTopKey); continue }
                for item in config.mapping ?? [] {
                    guard let name = item.key.scalar?.text else { continue }
                    if ["subnet", "gateway", "ip_range"].contains(name) {
                        fields.append((name, ConfigValue(node: item.value)))
                    } else {
                        notNote("ipam.config.\(name)", item.key.location, ComposeReason.networkTopKey)
                    }
                }
            }
        }
        return fields.isEmpty ? nil : .object(fields)
    }

    private mutating func volumeDocument(_ entry: YAMLMapEntry) -> ManifestOutput? {
        guard let name = entry.key.scalar?.text else { return nil }
        var spec: [(String, ConfigValue)] = []
        var labels: [String: String] = [:]
        for field in entry.value.mapping ?? [] {
            guard let key = field.key.scalar?.text else { continue }
            switch key {
            case "driver": spec.append((key, ConfigValue(node: field.value)))
            case "driver_opts": spec.append((key, stringMap(field.value)))
            case "labels": labels = stringDictionary(field.value)
            case "external": notNote("volumes.\(name).external", field.key.location, ComposeReason.external)
            case "name": notNote("volumes.\(name).name", field.key.location, ComposeReason.customName)
            default: notNote("volumes.\(name).\(key)", field.key.location, ComposeReason.volumeTopKey)
            }
        }
        return ManifestOutput(kind: .volume, name: name, labels: labels, spec: spec.isEmpty ? nil : .object(spec))
    }

    /// A mapping or `KEY=VALUE` list of strings, as a mapping of strings.
    func stringMap(_ node: YAMLNode) -> ConfigValue {
        .object(stringPairs(node).map { ($0.0, .string($0.1)) })
    }

    func stringDictionary(_ node: YAMLNode) -> [String: String] {
        Dictionary(stringPairs(node), uniquingKeysWith: { $1 })
    }

    private func stringPairs(_ node: YAMLNode) -> [(String, String)] {
        (ComposeMerge.keyed(node).mapping ?? []).compactMap { entry in
            entry.key.scalar.map { ($0.text, entry.value.scalar?.text ?? "") }
        }
    }

    /// A path of the compose file made absolute against the project directory (a `${VAR}`
    /// or `~` at its start is kept as written).
    func absolute(_ path: String) -> String {
        if path.hasPrefix("/") || path.hasPrefix("~") || path.hasPrefix("$") { return path }
        return URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: directory, isDirectory: true)).standardizedFileURL.path
    }
}
