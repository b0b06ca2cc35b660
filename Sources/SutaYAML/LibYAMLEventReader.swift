import CYAML

/// The only code that calls libyaml: wraps a `yaml_parser_t` reading from memory and hands
/// out its events as Swift values, turning every libyaml failure into a `YAMLError` at once
/// (see `LibYAMLEventReader+Errors.swift`).
///
/// The input is always read as UTF-8 (a UTF-8 byte order mark is skipped); libyaml's reader
/// rejects invalid UTF-8, NUL bytes and other control characters as it goes. A scalar longer
/// than `maxScalarBytes` is an error before it is copied, and libyaml is stopped early when one
/// runs far longer (see `LibYAMLInput`).
struct LibYAMLEventReader: ~Copyable {
    let parser: UnsafeMutablePointer<yaml_parser_t>
    let input: LibYAMLInput
    let file: String
    let maxScalarBytes: Int
    /// The last event if it was a quoted scalar: start and end marks and its quote character.
    private(set) var lastQuoted: (start: yaml_mark_t, end: yaml_mark_t, quote: Character)?

    /// `input` must not be empty and must stay valid for the reader's whole lifetime:
    /// libyaml reads it lazily, without copying.
    init(input bytes: UnsafeBufferPointer<UInt8>, file: String, maxScalarBytes: Int) throws(YAMLError) {
        precondition(!bytes.isEmpty, "libyaml needs a non-null input pointer")
        // Skipped here rather than by libyaml: with the encoding forced to UTF-8, libyaml's
        // scanner skips the mark itself but counts it as a column of the first line.
        let hasByteOrderMark = bytes.starts(with: [0xEF, 0xBB, 0xBF])
        input = LibYAMLInput(bytes: hasByteOrderMark ? UnsafeBufferPointer(rebasing: bytes[3...]) : bytes, maxTokenBytes: maxScalarBytes)
        self.file = file
        self.maxScalarBytes = maxScalarBytes
        parser = .allocate(capacity: 1)
        guard yaml_parser_initialize(parser) != 0 else {
            parser.deallocate()
            throw YAMLError("out of memory", at: SourceLocation(file: file, line: 1, column: 1))
        }
        // Forced so that libyaml does not detect and accept UTF-16 from a byte order mark.
        yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input(parser, { data, buffer, capacity, count in
            guard let data, let buffer, let count else { return 0 }
            let input = Unmanaged<LibYAMLInput>.fromOpaque(data).takeUnretainedValue()
            return input.read(into: buffer, capacity: capacity, count: &count.pointee) ? 1 : 0
        }, Unmanaged.passUnretained(input).toOpaque())
    }

    deinit {
        yaml_parser_delete(parser)
        parser.deallocate()
    }

    /// The next event, or nil once the stream has ended.
    mutating func next() throws(YAMLError) -> LibYAMLEvent? {
        var event = yaml_event_t()
        while true {
            guard yaml_parser_parse(parser, &event) != 0 else { throw currentError() }
            defer { yaml_event_delete(&event) }
            input.eventEnded(atCharacter: Int(event.end_mark.index))
            lastQuoted = nil
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
                guard scalar.length <= maxScalarBytes else {
                    throw YAMLError("scalar is longer than the limit of \(YAMLLimits.describe(bytes: maxScalarBytes))", at: start,
                                    hint: "keep large content out of manifests (a file mounted with `volumes`, for example)")
                }
                if scalar.style == YAML_SINGLE_QUOTED_SCALAR_STYLE || scalar.style == YAML_DOUBLE_QUOTED_SCALAR_STYLE {
                    lastQuoted = (event.start_mark, event.end_mark, scalar.style == YAML_SINGLE_QUOTED_SCALAR_STYLE ? "'" : "\"")
                }
                let text = String(decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
                return .scalar(
                    text,
                    isPlainStyle: scalar.style == YAML_PLAIN_SCALAR_STYLE,
                    tag: string(scalar.tag),
                    anchor: string(scalar.anchor),
                    at: start
                )
            case YAML_SEQUENCE_START_EVENT:
                let sequence = event.data.sequence_start
                return .sequenceStart(tag: string(sequence.tag), anchor: string(sequence.anchor), at: start)
            case YAML_SEQUENCE_END_EVENT:
                return .sequenceEnd
            case YAML_MAPPING_START_EVENT:
                let mapping = event.data.mapping_start
                return .mappingStart(tag: string(mapping.tag), anchor: string(mapping.anchor), at: start)
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
    func location(of mark: yaml_mark_t) -> SourceLocation {
        SourceLocation(file: file, line: Int(mark.line) + 1, column: Int(mark.column) + 1)
    }
}
