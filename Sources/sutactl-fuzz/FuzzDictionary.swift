import SutaYAML

/// The libFuzzer dictionary (`-dict=`) of the manifest language, generated from manifests that
/// use it: every mapping key and every short plain scalar found in them (kinds, field names,
/// `service_healthy`, `unless-stopped`, ...), plus the YAML, interpolation and value syntax the
/// decoder reads. With it, mutations reach decoding instead of stopping at YAML syntax.
enum FuzzDictionary {
    /// Tokens the manifests alone would not teach the fuzzer.
    static let syntax = [
        "---", "...", ": ", "- ", "? ", "<<: ", "&a ", "*a", "!!str ", "!!int ", "!!binary ", "!custom ", "|\n", ">-\n",
        "{", "}", "[", "]", ", ", "\"", "'", "#", "\t", "\r\n", "\u{FEFF}", "%YAML 1.2\n", "%TAG !e! tag:e,2000:\n",
        "${SET}", "${UNSET}", "${SET:-d}", "${SET-d}", "${UNSET:?m}", "${SET?m}", "$$", "$SET", "${",
        "sutactl/v1", "127.0.0.1:", ":80/tcp", "/udp", "512M", "1.5G", "30s", "1m30s", "500ms", "0.5",
        "172.30.0.0/24", "172.30.0.9", "export ", "KEY=value", "=\"", "true", "false", "null", "~",
    ]

    /// Dictionary lines for the YAML files at `paths` (unreadable or invalid ones are skipped).
    static func lines(for files: [(path: String, bytes: [UInt8])]) -> [String] {
        var tokens = Set(syntax)
        for file in files {
            guard let documents = try? YAMLParser.parse(file.bytes, file: file.path) else { continue }
            for document in documents {
                if let root = document.root { collect(root, into: &tokens) }
            }
        }
        return tokens.sorted().map(quoted)
    }

    private static func collect(_ node: YAMLNode, into tokens: inout Set<String>) {
        switch node.value {
        case .scalar(let scalar):
            if scalar.isPlain, scalar.text.utf8.count <= 24, !scalar.text.isEmpty { tokens.insert(scalar.text) }
        case .sequence(let items):
            for item in items { collect(item, into: &tokens) }
        case .mapping(let entries):
            for entry in entries {
                if let key = entry.key.scalar?.text, !key.isEmpty, key.utf8.count <= 32 { tokens.insert(key + ":") }
                collect(entry.value, into: &tokens)
            }
        }
    }

    /// One dictionary entry: `"..."` with `\\`, `\"` and non-printable bytes as `\xNN`.
    private static func quoted(_ token: String) -> String {
        var line = "\""
        for byte in token.utf8 {
            switch byte {
            case UInt8(ascii: "\\"): line += "\\\\"
            case UInt8(ascii: "\""): line += "\\\""
            case 0x20..<0x7F: line += String(UnicodeScalar(byte))
            default: line += "\\x" + (byte < 16 ? "0" : "") + String(byte, radix: 16, uppercase: true)
            }
        }
        return line + "\""
    }
}
