/// The settings a swarm service runs with, kept in one of its labels so that any sutactl
/// (on any host) can compare them with the manifests field by field. A secret's field holds
/// the name of the secret's version, never its value.
public enum SwarmSettingsLabel {
    public static let key = "sutactl.settings"

    /// One field a line: `path`, a tab, the value (newlines, tabs and backslashes escaped);
    /// secret fields end with a tab and `secret`.
    public static func text(_ settings: ServiceSettings) -> String {
        settings.fields.map { "\($0.path)\t\(escaped($0.value))" + ($0.secret ? "\tsecret" : "") }.joined(separator: "\n")
    }

    /// The settings of a label's text (nil for none).
    public static func settings(_ text: String?) -> ServiceSettings? {
        guard let text else { return nil }
        return ServiceSettings(fields: text.split(separator: "\n").map { line in
            let parts = line.split(separator: "\t", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
            return ServiceSettings.Field(path: parts[0], value: parts.count > 1 ? unescaped(parts[1]) : "", secret: parts.count > 2)
        })
    }

    private static func escaped(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            default: result.append(character)
            }
        }
        return result
    }

    private static func unescaped(_ text: String) -> String {
        var result = ""
        var escaping = false
        for character in text {
            if escaping {
                result.append(character == "n" ? "\n" : character == "t" ? "\t" : character)
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else {
                result.append(character)
            }
        }
        return result
    }
}
