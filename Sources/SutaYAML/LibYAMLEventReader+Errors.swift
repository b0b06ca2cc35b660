import CYAML

extension LibYAMLEventReader {
    /// libyaml's error as a `YAMLError`, positioned where the mistake most likely is: an
    /// unclosed quote or bracket at its opening, not where libyaml ran out of input.
    func currentError() -> YAMLError {
        let state = parser.pointee
        let problem = state.problem.map { String(cString: $0) } ?? "unknown error"
        switch state.error {
        case YAML_MEMORY_ERROR:
            return YAMLError("out of memory", at: SourceLocation(file: file, line: 1, column: 1))
        case YAML_READER_ERROR:
            // Reader errors carry a byte offset, not a mark.
            let at = location(ofByte: leadByte(before: state.problem_offset))
            guard problem == "control characters are not allowed" else {
                return YAMLError("file is not valid UTF-8", at: at)
            }
            if state.problem_value == 0 {
                return YAMLError("file contains a NUL byte", at: at)
            }
            let hex = String(state.problem_value, radix: 16, uppercase: true)
            let code = String(repeating: "0", count: max(0, 4 - hex.count)) + hex
            return YAMLError("file contains the control character U+\(code)", at: at)
        default:  // scanner and parser errors
            let problemMark = state.problem_mark
            let context = state.context.map { String(cString: $0) }
            if let unclosed = unclosedError(problem: problem, at: problemMark, context: context, opening: state.context_mark) {
                return unclosed
            }
            var message = problem
            if let context {
                let mark = location(of: state.context_mark)
                message += " (\(context) at line \(mark.line), column \(mark.column))"
            }
            return YAMLError(message, at: location(of: problemMark))
        }
    }

    /// An unclosed quote or flow collection, reported at its opening; nil for other errors.
    private func unclosedError(problem: String, at problemMark: yaml_mark_t, context: String?, opening: yaml_mark_t) -> YAMLError? {
        let stopped = location(of: problemMark)
        switch context {
        case "while scanning a quoted scalar":
            // libyaml gives up at the end of the input or at the next `---` / `...` line.
            let quote = "`\(character(atIndex: Int(opening.index)) ?? "\"")`"
            let runsTo = problem.contains("document indicator")
                ? "runs into the document marker at line \(stopped.line)" : "runs to the end of the file"
            return YAMLError("unclosed quote: this \(quote) is never closed", at: location(of: opening),
                             hint: "the quoted value \(runsTo); close it with \(quote)")
        case "while parsing a flow sequence", "while parsing a flow mapping":
            // Missing `,` between two items on one line is reported where it is; a collection
            // still open on a later line (libyaml ends the last line, so the end of the input
            // is on a later line too) most likely lacks its closing bracket.
            guard problemMark.line > opening.line else { return nil }
            let isSequence = context == "while parsing a flow sequence"
            let (open, close) = isSequence ? ("[", "]") : ("{", "}")
            return YAMLError("unclosed `\(open)`: no matching `\(close)`", at: location(of: opening),
                             hint: "parsing stopped at line \(stopped.line), column \(stopped.column); close the \(isSequence ? "list" : "mapping") with `\(close)`")
        default:
            // A quoted value may span lines, so a missing closing quote is found only when the
            // next quote on a later line "closes" it and what follows cannot be parsed.
            guard let quoted = lastQuoted, quoted.start.line < quoted.end.line, problemMark.index == quoted.end.index else { return nil }
            let end = location(of: quoted.end)
            return YAMLError("unclosed quote: this `\(quoted.quote)` is closed only at line \(end.line), column \(end.column - 1)",
                             at: location(of: quoted.start),
                             hint: "a quoted value may span lines, so the next `\(quoted.quote)` closed it; close the quote on its own line")
        }
    }

    /// The (ASCII) character at libyaml character index `index` (libyaml counts characters,
    /// not bytes); nil past the end or for a non-ASCII one. Walks from the start: errors only.
    private func character(atIndex index: Int) -> Character? {
        var offset = 0
        var remaining = index
        while remaining > 0, offset < input.count {
            offset += 1
            while offset < input.count, input[offset] & 0xC0 == 0x80 {
                offset += 1
            }
            remaining -= 1
        }
        guard offset < input.count, input[offset] < 0x80 else { return nil }
        return Character(Unicode.Scalar(input[offset]))
    }

    /// libyaml reports a bad continuation byte at its own offset: step back to the lead
    /// byte of the sequence it breaks, so the error points at the first byte that is wrong.
    private func leadByte(before offset: Int) -> Int {
        let bytes = input
        guard offset < bytes.count else { return offset }
        var lead = offset
        while lead > 0, offset - lead < 3, bytes[lead - 1] & 0xC0 == 0x80 {
            lead -= 1
        }
        guard lead > 0, bytes[lead - 1] >= 0xC0 else { return offset }
        let first = bytes[lead - 1]
        let length = first >= 0xF0 ? 4 : first >= 0xE0 ? 3 : 2
        return offset - (lead - 1) < length ? lead - 1 : offset
    }

    /// Line and column (in characters, like libyaml's marks) of a byte offset. Everything
    /// before the offset has already been decoded by libyaml, so it is valid UTF-8.
    private func location(ofByte offset: Int) -> SourceLocation {
        let bytes = input
        var line = 1
        var column = 1
        var index = 0
        let end = min(offset, bytes.count)
        while index < end {
            let byte = bytes[index]
            if byte == 0x0A || (byte == 0x0D && (index + 1 == bytes.count || bytes[index + 1] != 0x0A)) {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {  // not a continuation byte
                column += 1
            }
            index += 1
        }
        return SourceLocation(file: file, line: line, column: column)
    }
}
