/// What a diagnostic may show of the values it quotes: the password of a URL's userinfo is
/// masked (`http://user:***@host`) and control characters are escaped (`\u{1B}`), so that a
/// careless or hostile manifest never gets a credential printed or drives the terminal.
enum DiagnosticText {
    /// Characters that end a run of URL-like text.
    private static let delimiters: Set<UInt8> = Set(" \t\n\r`\"'/()<>,;[]{}".utf8)

    /// `text` with userinfo passwords masked and control characters escaped.
    static func printable(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "@") || $0 < 0x20 || $0 == 0x7F }) else { return text }
        return escapingControlCharacters(maskingPasswords(text))
    }

    /// Every run `user:password@host` (between delimiters) becomes `user:***@host`. A run whose
    /// `@` is followed by a digest (`redis:7@sha256:…`) is an image reference and kept.
    static func maskingPasswords(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "@")) else { return text }
        let bytes = Array(text.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var start = 0
        while start < bytes.count {
            var end = start
            while end < bytes.count, !delimiters.contains(bytes[end]) { end += 1 }
            output += masked(bytes[start..<end])
            if end < bytes.count { output.append(bytes[end]) }
            start = end + 1
        }
        return String(decoding: output, as: UTF8.self)
    }

    private static func masked(_ run: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        guard let at = run.lastIndex(of: UInt8(ascii: "@")), let colon = run[..<at].firstIndex(of: UInt8(ascii: ":")),
              colon + 1 < at, !isDigest(run[(at + 1)...]) else { return run }
        return run[...colon] + Array("***".utf8) + run[at...]
    }

    /// `algorithm:hex` with at least 32 hex digits, as after the `@` of an image reference.
    private static func isDigest(_ text: ArraySlice<UInt8>) -> Bool {
        guard let colon = text.firstIndex(of: UInt8(ascii: ":")), colon > text.startIndex else { return false }
        let hex = text[(colon + 1)...]
        return hex.count >= 32 && hex.allSatisfy { (48...57).contains($0) || (97...102).contains($0) || (65...70).contains($0) }
    }

    static func escapingControlCharacters(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F }) else { return text }
        var output = ""
        for scalar in text.unicodeScalars {
            if scalar.value < 0x20 || scalar.value == 0x7F {
                output += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                output.unicodeScalars.append(scalar)
            }
        }
        return output
    }
}
