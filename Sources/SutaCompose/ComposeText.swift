import SutaModel

/// Compose's short syntaxes (`HOST:CONTAINER/PROTO`, `SRC:TARGET:MODE`) split without
/// breaking the `${VAR:-default}` references inside them, which stay as written.
enum ComposeText {
    /// `text` split at every `separator` outside `${...}`.
    static func split(_ text: String, at separator: Character) -> [String] {
        var parts: [String] = [], current = "", depth = 0
        var previous: Character?
        for character in text {
            if character == "{", previous == "$" { depth += 1 }
            if character == "}", depth > 0 { depth -= 1 }
            if character == separator, depth == 0 {
                parts.append(current)
                current = ""
            } else {
                current.append(character)
            }
            previous = character
        }
        parts.append(current)
        return parts
    }

    /// True when the text holds a `${...}` or `$VAR` reference (`$$` is a literal dollar).
    static func hasReference(_ text: String) -> Bool {
        var dollars = 0
        for character in text {
            if character == "$" { dollars += 1; continue }
            if dollars % 2 == 1, character == "{" || character.isLetter || character == "_" { return true }
            dollars = 0
        }
        return false
    }

    /// A whole number, or the text as written when it is a reference (`${PORT}`).
    static func number(_ text: String) -> ConfigValue? {
        if let number = Int64(text) { return .int(number) }
        return hasReference(text) ? .string(text) : nil
    }

    /// `$` written as `$$`, so the manifest reads the literal text back.
    static func escaped(_ text: String) -> String { text.replacing("$", with: "$$") }
}

