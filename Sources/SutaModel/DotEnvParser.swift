import SutaYAML

/// Reads the `KEY=VALUE` lines of a `.env` file, as Docker Compose does: `#` comment lines and
/// blank lines skipped, an optional `export ` prefix, spaces around `=` ignored, a value in
/// single or double quotes taken as written between them (on one line), an unquoted value up
/// to a ` #` comment. The last definition of a name wins.
///
/// Every other line is an error at its column: no `=`, a missing or invalid name (names are
/// `[A-Za-z_][A-Za-z0-9_]*`, the only ones `${...}` can use), a quote not closed on its line,
/// text after a closing quote, a value longer than `maxValueBytes`, invalid UTF-8 or a control
/// character. Messages never quote a value: it may be a secret.
public enum DotEnvParser {
    public static func parse(_ bytes: [UInt8], path: String, maxValueBytes: Int = YAMLLimits.default.maxScalarBytes) -> DotEnvFile {
        var file = DotEnvFile()
        var lineNumber = 0
        var lineStart = bytes.startIndex
        while lineStart <= bytes.endIndex {
            lineNumber += 1
            let lineEnd = bytes[lineStart...].firstIndex(of: 0x0A) ?? bytes.endIndex
            var line = bytes[lineStart..<lineEnd]
            if line.last == 0x0D { line = line.dropLast() }
            let at = { (column: Int) in SourceLocation(file: path, line: lineNumber, column: column) }
            switch text(of: line) {
            case .failure(let problem):
                file.diagnostics.append(.error(problem.message, at: at(problem.column)))
            case .success(let characters):
                if let problem = read(characters, maxValueBytes: maxValueBytes, into: &file.variables) {
                    file.diagnostics.append(.error(problem.message, at: at(problem.column), hint: problem.hint))
                }
            }
            lineStart = lineEnd + 1
        }
        return file
    }

    /// What is wrong with a line, and at which column.
    private struct Problem: Error {
        var message: String
        var column: Int
        var hint: String?
    }

    /// The line's characters (Unicode scalars, so columns count like libyaml's), or the first
    /// invalid byte or control character.
    private static func text(of line: ArraySlice<UInt8>) -> Result<[Unicode.Scalar], Problem> {
        var characters: [Unicode.Scalar] = []
        var iterator = line.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                if scalar.value < 0x20 && scalar != "\t" || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    let name = scalar.value == 0 ? "a NUL byte" : "the control character U+" + String(repeating: "0", count: 4 - hex.count) + hex
                    return .failure(Problem(message: "line contains \(name)", column: characters.count + 1))
                }
                characters.append(scalar)
            case .emptyInput:
                return .success(characters)
            case .error:
                return .failure(Problem(message: "file is not valid UTF-8", column: characters.count + 1))
            }
        }
    }

    /// Reads one line into `variables`; the problem if it is malformed.
    private static func read(_ line: [Unicode.Scalar], maxValueBytes: Int, into variables: inout [String: String]) -> Problem? {
        func isBlank(_ index: Int) -> Bool { index < line.count && (line[index] == " " || line[index] == "\t") }
        var index = 0
        while isBlank(index) { index += 1 }
        if index == line.count || line[index] == "#" { return nil }
        if line[index...].starts(with: "export".unicodeScalars), isBlank(index + 6) {
            index += 6
            while isBlank(index) { index += 1 }
        }
        let nameStart = index
        guard let equals = line[index...].firstIndex(of: "=") else {
            return Problem(message: "line has no `=`", column: nameStart + 1, hint: "write NAME=VALUE")
        }
        var nameEnd = equals
        while nameEnd > nameStart, line[nameEnd - 1] == " " || line[nameEnd - 1] == "\t" { nameEnd -= 1 }
        guard nameEnd > nameStart else {
            return Problem(message: "missing variable name before `=`", column: equals + 1, hint: "write NAME=VALUE")
        }
        let name = String(String.UnicodeScalarView(line[nameStart..<nameEnd]))
        if let bad = line[nameStart..<nameEnd].indices.first(where: { !isNameCharacter(line[$0], first: $0 == nameStart) }) {
            return Problem(message: "invalid character `\(line[bad])` in variable name", column: bad + 1,
                           hint: "names are letters, digits and `_`, and do not start with a digit")
        }
        index = equals + 1
        while isBlank(index) { index += 1 }
        let valueStart = index
        let value: String
        if index < line.count, line[index] == "\"" || line[index] == "'" {
            let quote = line[index]
            var close = index + 1
            while close < line.count, line[close] != quote || (quote == "\"" && line[close - 1] == "\\" && close - 1 > index) {
                close += 1
            }
            guard close < line.count else {
                return Problem(message: "unterminated quote in the value of `\(name)`", column: valueStart + 1,
                               hint: "close it with \(quote) on the same line; values do not span lines")
            }
            var after = close + 1
            while isBlank(after) { after += 1 }
            guard after == line.count || (line[after] == "#" && after > close + 1) else {
                return Problem(message: "unexpected text after the closing quote of `\(name)`", column: after + 1,
                               hint: "quote the whole value; a comment needs a space before its `#`")
            }
            value = String(String.UnicodeScalarView(line[(index + 1)..<close]))
        } else {
            var end = index
            while end < line.count, !(line[end] == "#" && end > valueStart && isBlank(end - 1)) { end += 1 }
            while end > valueStart, isBlank(end - 1) { end -= 1 }
            value = String(String.UnicodeScalarView(line[valueStart..<end]))
        }
        guard value.utf8.count <= maxValueBytes else {
            return Problem(message: "value of `\(name)` is longer than the limit of \(YAMLLimits.describe(bytes: maxValueBytes))",
                           column: valueStart + 1, hint: "keep large content out of variables")
        }
        variables[name] = value
        return nil
    }

    private static func isNameCharacter(_ character: Unicode.Scalar, first: Bool) -> Bool {
        switch character {
        case "A"..."Z", "a"..."z", "_": return true
        case "0"..."9": return !first
        default: return false
        }
    }
}
