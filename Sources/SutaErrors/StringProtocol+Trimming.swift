extension StringProtocol {
    /// The text without leading and trailing white space, scalar by scalar as Foundation's
    /// `trimmingCharacters(in:)` does: with `includingNewlines`, what `.whitespacesAndNewlines`
    /// holds (spaces, tabs and line breaks: U+000A–U+000D, U+0085, U+2028, U+2029); without,
    /// what `.whitespaces` holds (the space separators and the tab).
    public func trimmingWhitespace(includingNewlines: Bool) -> String {
        let scalars = String(self).unicodeScalars
        let kept: (Unicode.Scalar) -> Bool = { scalar in
            if scalar == "\t" || scalar.properties.generalCategory == .spaceSeparator { return false }
            guard includingNewlines else { return true }
            return !(("\n"..."\r").contains(scalar) || scalar == "\u{85}" || scalar == "\u{2028}" || scalar == "\u{2029}")
        }
        guard let first = scalars.firstIndex(where: kept), let last = scalars.lastIndex(where: kept) else { return "" }
        return String(scalars[first...last])
    }
}
