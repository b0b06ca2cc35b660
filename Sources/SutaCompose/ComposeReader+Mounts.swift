#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import SutaModel
import SutaYAML

extension ComposeReader {
    /// A `ports` entry in the long form. Compose publishes on every address when no
    /// `host_ip` is given, so the entry says `0.0.0.0` (sutactl's default is 127.0.0.1).
    mutating func port(_ node: YAMLNode) -> ConfigValue? {
        var target: ConfigValue?, published: ConfigValue?, hostIP: ConfigValue = .string("0.0.0.0"), transport: ConfigValue?
        if let entries = node.mapping {
            for entry in entries {
                guard let key = entry.key.scalar?.text else { continue }
                switch key {
                case "target": target = ConfigValue(node: entry.value)
                case "published":
                    guard let text = entry.value.scalar?.text, let number = ComposeText.number(text) else {
                        notNote("ports.published", entry.value.location, ComposeReason.portRange)
                        return nil
                    }
                    published = number
                case "host_ip": hostIP = ConfigValue(node: entry.value)
                case "protocol": transport = ConfigValue(node: entry.value)
                case "mode" where entry.value.scalar?.text == "host": break
                default: notNote("ports.\(key)", entry.key.location, ComposeReason.portKey)
                }
            }
        } else if let text = node.scalar?.text {
            var body = text
            let slashed = ComposeText.split(text, at: "/")
            if slashed.count == 2 { (body, transport) = (slashed[0], .string(slashed[1])) }
            var parts = ComposeText.split(body, at: ":")
            guard parts.count <= 3, let container = parts.popLast(), let number = ComposeText.number(container) else {
                notes.warning("`ports` entry `\(text)` is not carried: "
                    + (text.contains("-") ? ComposeReason.portRange : "it is not [HOST_IP:][HOST_PORT:]CONTAINER_PORT[/PROTOCOL]"), at: node.location)
                return nil
            }
            target = number
            if let host = parts.popLast(), !host.isEmpty {
                guard let hostNumber = ComposeText.number(host) else {
                    notes.warning("`ports` entry `\(text)` is not carried: \(ComposeReason.portRange)", at: node.location)
                    return nil
                }
                published = hostNumber
            }
            if let address = parts.popLast(), !address.isEmpty { hostIP = .string(address) }
        }
        guard let target else {
            notes.error("port has no `target`", at: node.location)
            return nil
        }
        var fields: [(String, ConfigValue)] = [("target", target)]
        if let published { fields.append(("published", published)) }
        fields.append(("host_ip", hostIP))
        if let transport { fields.append(("protocol", transport)) }
        return .object(fields)
    }

    /// A `volumes` entry: named volumes and binds in the short form, the rest long.
    mutating func mount(_ node: YAMLNode) -> ComposeMount? {
        if let text = node.scalar?.text {
            let parts = ComposeText.split(text, at: ":")
            guard parts.count >= 2 else {
                notes.warning("`volumes` entry `\(text)` is not carried: \(ComposeReason.anonymousVolume)", at: node.location)
                return nil
            }
            let modes = parts.count > 2 ? parts[2].split(separator: ",").map(String.init) : []
            if modes.contains(where: { !["ro", "rw"].contains($0) }) {
                notes.warning("`volumes` mode `\(parts[2])` is not fully carried: \(ComposeReason.mountMode)", at: node.location)
            }
            let source = parts[0].hasPrefix(".") || parts[0].hasPrefix("/") ? absolute(parts[0]) : parts[0]
            return .volume(.string("\(source):\(parts[1])" + (modes.contains("ro") ? ":ro" : "")))
        }
        var fields: [(String, ConfigValue)] = [], type = "volume", target = "", tmpfsOptions: [String] = []
        for entry in node.mapping ?? [] {
            guard let key = entry.key.scalar?.text else { continue }
            let text = entry.value.scalar?.text ?? ""
            switch key {
            case "type":
                type = text
                guard ["volume", "bind", "tmpfs"].contains(type) else {
                    notes.warning("`volumes` entry of type `\(type)` is not carried: \(ComposeReason.mountOption)", at: node.location)
                    return nil
                }
                fields.append((key, .string(text)))
            case "source": fields.append((key, .string(text)))
            case "target": target = text; fields.append((key, .string(text)))
            case "read_only": fields.append((key, ConfigValue(node: entry.value)))
            case "tmpfs":
                for option in entry.value.mapping ?? [] {
                    guard let name = option.key.scalar?.text, name == "size" || name == "mode", let value = option.value.scalar?.text else {
                        notNote("volumes.tmpfs.\(option.key.scalar?.text ?? "")", option.key.location, ComposeReason.mountOption)
                        continue
                    }
                    tmpfsOptions.append("\(name)=\(value)")
                }
            case "bind" where entry.value["create_host_path"] != nil && entry.value.mapping?.count == 1: break
            default: notNote("volumes.\(key)", entry.key.location, ComposeReason.mountOption)
            }
        }
        if type == "bind", let index = fields.firstIndex(where: { $0.0 == "source" }), case .string(let path) = fields[index].1 {
            fields[index].1 = .string(absolute(path))
        }
        if type == "tmpfs", !tmpfsOptions.isEmpty { return .tmpfs(.string("\(target):" + tmpfsOptions.joined(separator: ","))) }
        return .volume(.object(fields))
    }

    /// A service's `secrets` entry, by the top-level secret it names.
    mutating func secret(_ node: YAMLNode) -> ComposeSecretUse? {
        let source = node.scalar?.text ?? node["source"]?.scalar?.text ?? ""
        var target = node["target"]?.scalar?.text ?? source
        for entry in node.mapping ?? [] where !["source", "target"].contains(entry.key.scalar?.text ?? "") {
            notNote("secrets.\(entry.key.scalar?.text ?? "")", entry.key.location, ComposeReason.secretKey)
        }
        guard let declared = secrets[source] else {
            notes.error("secret `\(source)` is not declared in the top-level `secrets`", at: node.location)
            return nil
        }
        if let file = declared["file"]?.scalar?.text {
            if !target.hasPrefix("/") { target = "/run/secrets/" + target }
            return .mount(.object([("type", .string("bind")), ("source", .string(absolute(file))), ("target", .string(target)),
                                   ("read_only", .bool(true))]))
        }
        if let variable = declared["environment"]?.scalar?.text {
            if !secretVariables.contains(variable) { secretVariables.append(variable) }
            notes.warning("secret `\(source)` is carried as the environment variable `\(target)`, not as the file /run/secrets/\(target): "
                + "sutactl keeps secrets in environment values only", at: node.location)
            return .environment(name: target, reference: "${\(variable)}")
        }
        notNote("secrets.\(source)", declared.location, declared["external"] != nil ? ComposeReason.secretExternal : ComposeReason.secretKey)
        return nil
    }

    /// `env_file` entries: each file's variables, read as Compose reads them, with `$`
    /// written as `$$` (Compose takes their values literally).
    mutating func envFiles(_ node: YAMLNode) -> [(String, ConfigValue)] {
        var result: [(String, ConfigValue)] = []
        for item in node.sequence ?? [node] {
            guard let path = item.scalar?.text ?? item["path"]?.scalar?.text else { continue }
            let required = item["required"]?.scalar?.text != "false"
            let file = absolute(path)
            guard required || FileManager.default.fileExists(atPath: file) else { continue }
            guard let bytes = ComposeConverter.read(file, into: &notes, at: item.location) else { continue }
            let parsed = DotEnvParser.parse(bytes, path: file)
            for problem in parsed.diagnostics { notes.append(problem) }
            for (name, value) in parsed.variables.sorted(by: { $0.key < $1.key }) {
                result.removeAll { $0.0 == name }
                result.append((name, .string(ComposeText.escaped(value))))
            }
        }
        return result
    }
}
