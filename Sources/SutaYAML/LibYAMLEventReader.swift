import CYAML

/// The only code that calls libyaml: wraps a `yaml_parser_t` reading from memory and hands
/// out its events as Swift values, turning every libyaml failure into a `YAMLError` at once.
///
/// The input is always read as UTF-8 (a UTF-8 byte order mark is skipped); libyaml's reader
/// rejects invalid UTF-8, NUL bytes and other control characters as it goes.
struct LibYAMLEventReader: ~Copyable {
    private let parser: UnsafeMutablePointer<yaml_parser_t>
    private let input: UnsafeBufferPointer<UInt8>
    private let file: String

    /// `input` must not be empty and must stay valid for the reader's whole lifetime:
    /// libyaml reads it lazily, without copying.
    init(input: UnsafeBufferPointer<UInt8>, file: String) throws(YAMLError) {
        precondition(!input.isEmpty, "libyaml needs a non-null input pointer")
        // Skipped here rather than by libyaml: with the encoding forced to UTF-8, libyaml's
        // scanner skips the mark itself but counts it as a column of the first line.
        let hasByteOrderMark = input.starts(with: [0xEF, 0xBB, 0xBF])
        self.input = hasByteOrderMark ? UnsafeBufferPointer(rebasing: input[3...]) : input
        self.file = file
        parser = .allocate(capacity: 1)
        guard yaml_parser_initialize(parser) != 0 else {
            parser.deallocate()
            throw YAMLError("out of memory", at: SourceLocation(file: file, line: 1, column: 1))
        }
        // Forced so that libyaml does not detect and accept UTF-16 from a byte order mark.
        yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
        // After a lone byte order mark the rebased buffer is empty but its address is not null.
        yaml_parser_set_input_string(parser, self.input.baseAddress!, self.input.count)
    }

    deinit {
        yaml_parser_delete(parser)
        parser.deallocate()
    }

    /// The next event, or nil once the stream has ended.
    func next() throws(YAMLError) -> LibYAMLEvent? {
        var event = yaml_event_t()
        while true {
            guard yaml_parser_parse(parser, &event) != 0 else { throw currentError() }
            defer { yaml_event_delete(&event) }
            let start = location(of: event.start_mark)
            switch event.type {
            case YAML_STREAM_START_EVENT:
                continue
            case YAML_DOCUMENT_START_EVENT:
                return .documentStart(at: start)
            case YAML_DOCUMENT_END_EVENT:
                return .documentEnd
            case YAML_SCALAR_EVENT:
                let scalar = event.data.scalar
                let text = String(decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
                return .scalar(
                    text,
                    isPlainStyle: scalar.style == YAML_PLAIN_SCALAR_STYLE,
                    tag: string(scalar.tag),
                    anchor: string(scalar.anchor),
                    at: start
                )
            case YAML_SEQUENCE_START_EVENT:
                return .sequenceStart(anchor: string(event.data.sequence_start.anchor), at: start)
            case YAML_SEQUENCE_END_EVENT:
                return .sequenceEnd
            case YAML_MAPPING_START_EVENT:
                return .mappingStart(anchor: string(event.data.mapping_start.anchor), at: start)
            case YAML_MAPPING_END_EVENT:
                return .mappingEnd
            case YAML_ALIAS_EVENT:
                return .alias(string(event.data.alias.anchor) ?? "", at: start)
            default:  // YAML_STREAM_END_EVENT (YAML_NO_EVENT only comes after it)
                return nil
            }
        }
    }

    private func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: $0) }
    }

    /// libyaml marks are 0-based.
    private func location(of mark: yaml_mark_t) -> SourceLocation {
        SourceLocation(file: file, line: Int(mark.line) + 1, column: Int(mark.column) + 1)
    }

    private func currentError() -> YAMLError {
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
            var message = problem
            if let context = state.context {
                let mark = location(of: state.context_mark)
                message += " (\(String(cString: context)) at line \(mark.line), column \(mark.column))"
            }
            return YAMLError(message, at: location(of: state.problem_mark))
        }
    }

    /// libyaml reports a bad continuation byte at its own offset: step back to the lead
    /// byte of the sequence it breaks, so the error points at the first byte that is wrong.
    private func leadByte(before offset: Int) -> Int {
        guard offset < input.count else { return offset }
        var lead = offset
        while lead > 0, offset - lead < 3, input[lead - 1] & 0xC0 == 0x80 {
            lead -= 1
        }
        guard lead > 0, input[lead - 1] >= 0xC0 else { return offset }
        let first = input[lead - 1]
        let length = first >= 0xF0 ? 4 : first >= 0xE0 ? 3 : 2
        return offset - (lead - 1) < length ? lead - 1 : offset
    }

    /// Line and column (in characters, like libyaml's marks) of a byte offset. Everything
    /// before the offset has already been decoded by libyaml, so it is valid UTF-8.
    private func location(ofByte offset: Int) -> SourceLocation {
        var line = 1
        var column = 1
        var index = 0
        let end = min(offset, input.count)
        while index < end {
            let byte = input[index]
            if byte == 0x0A || (byte == 0x0D && (index + 1 == input.count || input[index + 1] != 0x0A)) {
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
