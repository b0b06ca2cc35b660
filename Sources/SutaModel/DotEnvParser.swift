import Glibc
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
///
/// Lines are scanned as bytes with plain loops (all the syntax is ASCII): a `.env` of several
/// megabytes reads in well under a second even in a debug build.
public enum DotEnvParser {
    public static func parse(_ bytes: [UInt8], path: String, maxValueBytes: Int = YAMLLimits.default.maxScalarBytes) -> DotEnvFile {
        var file = DotEnvFile()
        bytes.withUnsafeBufferPointer { buffer in
            var lineNumber = 0
            var lineStart = 0
            while lineStart <= buffer.count {
                lineNumber += 1
                let lineEnd = index(of: 0x0A, in: buffer, from: lineStart) ?? buffer.count
                let end = lineEnd > lineStart && buffer[lineEnd - 1] == 0x0D ? lineEnd - 1 : lineEnd
                let line = UnsafeBufferPointer(rebasing: buffer[lineStart..<end])
                if let problem = read(line, maxValueBytes: maxValueBytes, into: &file.variables) {
                    let at = SourceLocation(file: path, line: lineNumber, column: column(of: problem.offset, in: line))
                    file.diagnostics.append(.error(problem.message, at: at, hint: problem.hint))
                }
                lineStart = lineEnd + 1
            }
        }
        return file
    }

    /// What is wrong with a line, and at which byte of it.
    private struct Problem {
        var message: String
        var offset: Int
        var hint: String?
    }

    private static let nameHint = "names are letters, digits and `_`, and do not start with a digit"

    /// Reads one line into `variables`; the problem if it is malformed.
    private static func read(_ line: UnsafeBufferPointer<UInt8>, maxValueBytes: Int, into variables: inout [String: String]) -> Problem? {
        if let problem = encodingProblem(line) { return problem }
        func isBlank(_ index: Int) -> Bool { index < line.count && (line[index] == 0x20 || line[index] == 0x09) }
        var index = 0
        while isBlank(index) { index += 1 }
        if index == line.count || line[index] == UInt8(ascii: "#") { return nil }
        if index + 6 < line.count, String(decoding: UnsafeBufferPointer(rebasing: line[index..<(index + 6)]), as: UTF8.self) == "export",
           isBlank(index + 6) {
            index += 6
            while isBlank(index) { index += 1 }
        }
        let nameStart = index
        guard let equals = Self.index(of: UInt8(ascii: "="), in: line, from: index) else {
            return Problem(message: "line has no `=`", offset: nameStart, hint: "write NAME=VALUE")
        }
        var nameEnd = equals
        while nameEnd > nameStart, line[nameEnd - 1] == 0x20 || line[nameEnd - 1] == 0x09 { nameEnd -= 1 }
        guard nameEnd > nameStart else {
            return Problem(message: "missing variable name before `=`", offset: equals, hint: "write NAME=VALUE")
        }
        var bad = nameStart
        while bad < nameEnd, isNameByte(line[bad], first: bad == nameStart) { bad += 1 }
        if bad < nameEnd {
            let character = text(line, bad..<min(nameEnd, bad + (line[bad] >= 0x80 ? 4 : 1))).prefix(1)
            return Problem(message: "invalid character `\(character)` in variable name", offset: bad, hint: nameHint)
        }
        let name = text(line, nameStart..<nameEnd)
        index = equals + 1
        while isBlank(index) { index += 1 }
        let valueStart = index
        let value: Range<Int>
        if index < line.count, line[index] == UInt8(ascii: "\"") || line[index] == UInt8(ascii: "'") {
            let quote = line[index]
            var close = index + 1
            while close < line.count, line[close] != quote || (quote == UInt8(ascii: "\"") && close - 1 > index && line[close - 1] == UInt8(ascii: "\\")) {
                close += 1
            }
            guard close < line.count else {
                return Problem(message: "unterminated quote in the value of `\(name)`", offset: valueStart,
                               hint: "close it with \(Character(Unicode.Scalar(quote))) on the same line; values do not span lines")
            }
            var after = close + 1
            while isBlank(after) { after += 1 }
            guard after == line.count || (line[after] == UInt8(ascii: "#") && after > close + 1) else {
                return Problem(message: "unexpected text after the closing quote of `\(name)`", offset: after,
                               hint: "quote the whole value; a comment needs a space before its `#`")
            }
            value = (index + 1)..<close
        } else {
            var end = index
            while end < line.count, !(line[end] == UInt8(ascii: "#") && end > valueStart && isBlank(end - 1)) { end += 1 }
            while end > valueStart, isBlank(end - 1) { end -= 1 }
            value = valueStart..<end
        }
        guard value.count <= maxValueBytes else {
            return Problem(message: "value of `\(name)` is longer than the limit of \(YAMLLimits.describe(bytes: maxValueBytes))",
                           offset: valueStart, hint: "keep large content out of variables")
        }
        variables[name] = text(line, value)
        return nil
    }

    /// The first control character or invalid UTF-8 in a line.
    private static func encodingProblem(_ line: UnsafeBufferPointer<UInt8>) -> Problem? {
        var isASCII = true
        for control in 0..<line.count {
            let byte = line[control]
            if byte >= 0x80 { isASCII = false }
            guard (byte < 0x20 && byte != 0x09) || byte == 0x7F else { continue }
            let name = byte == 0 ? "a NUL byte" : "the control character U+00" + (byte < 0x10 ? "0" : "") + String(byte, radix: 16, uppercase: true)
            return Problem(message: "line contains \(name)", offset: control)
        }
        guard !isASCII, String(validating: line, as: UTF8.self) == nil else { return nil }
        // Decode up to the first bad sequence to find where it starts.
        var offset = 0
        var iterator = line.makeIterator()
        var decoder = UTF8()
        while case .scalarValue(let scalar) = decoder.decode(&iterator) {
            offset += UTF8.width(scalar)
        }
        return Problem(message: "file is not valid UTF-8", offset: offset)
    }

    /// The 1-based column (in characters, as editors and libyaml count) of a byte in a line
    /// that is valid UTF-8 up to it.
    private static func column(of offset: Int, in line: UnsafeBufferPointer<UInt8>) -> Int {
        var column = 1
        for index in 0..<min(offset, line.count) where line[index] & 0xC0 != 0x80 {
            column += 1
        }
        return column
    }

    /// The first `byte` at or after `start`.
    private static func index(of byte: UInt8, in buffer: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard start < buffer.count, let found = memchr(buffer.baseAddress! + start, Int32(byte), buffer.count - start) else { return nil }
        return buffer.baseAddress!.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    private static func text(_ line: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: line[range]), as: UTF8.self)
    }

    private static func isNameByte(_ byte: UInt8, first: Bool) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "_"): return true
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return !first
        default: return false
        }
    }
}
