import CYAML

/// The only code that calls libyaml: wraps a `yaml_parser_t` reading from memory and hands
/// out its events as Swift values, turning every libyaml failure into a `YAMLError` at once
/// (see `LibYAMLEventReader+Errors.swift`).
///
/// The input is always read as UTF-8 (a UTF-8 byte order mark is skipped); libyaml's reader
/// rejects invalid UTF-8, NUL bytes and other control characters as it goes. A scalar, anchor,
/// alias or tag longer than `maxScalarBytes` is an error before it is copied out of libyaml
/// (which holds at most the file, itself bounded by `YAMLLimits.maxBytes`).
struct LibYAMLEventReader: ~Copyable {
    let parser: UnsafeMutablePointer<yaml_parser_t>
    let input: UnsafeBufferPointer<UInt8>
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
        input = hasByteOrderMark ? UnsafeBufferPointer(rebasing: bytes[3...]) : bytes
        self.file = file
        self.maxScalarBytes = maxScalarBytes
        parser = .allocate(capacity: 1)
        guard yaml_parser_initialize(parser) != 0 else {
            parser.deallocate()
            throw YAMLError("out of memory", at: SourceLocation(file: file, line: 1, column: 1))
        }
        // Forced so that libyaml does not detect and accept UTF-16 from a byte order mark.
        yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
        // After a lone byte order mark the rebased buffer is empty but its address is not null.
        yaml_parser_set_input_string(parser, input.baseAddress!, input.count)
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
                guard scalar.length <= maxScalarBytes else { throw tooLong("scalar", at: start) }
                if scalar.style == YAML_SINGLE_QUOTED_SCALAR_STYLE || scalar.style == YAML_DOUBLE_QUOTED_SCALAR_STYLE {
                    lastQuoted = (event.start_mark, event.end_mark, scalar.style == YAML_SINGLE_QUOTED_SCALAR_STYLE ? "'" : "\"")
                }
                let text = String(decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
                return .scalar(
                    text,
                    isPlainStyle: scalar.style == YAML_PLAIN_SCALAR_STYLE,
                    tag: try name(scalar.tag, "tag", at: start),
                    anchor: try name(scalar.anchor, "anchor name", at: start),
                    at: start
                )
            case YAML_SEQUENCE_START_EVENT:
                let sequence = event.data.sequence_start
                return .sequenceStart(tag: try name(sequence.tag, "tag", at: start), anchor: try name(sequence.anchor, "anchor name", at: start),
                                      at: start)
            case YAML_SEQUENCE_END_EVENT:
                return .sequenceEnd
            case YAML_MAPPING_START_EVENT:
                let mapping = event.data.mapping_start
                return .mappingStart(tag: try name(mapping.tag, "tag", at: start), anchor: try name(mapping.anchor, "anchor name", at: start),
                                     at: start)
            case YAML_MAPPING_END_EVENT:
                return .mappingEnd
            case YAML_ALIAS_EVENT:
                return .alias(try name(event.data.alias.anchor, "alias name", at: start) ?? "", at: start)
            default:  // YAML_STREAM_END_EVENT (YAML_NO_EVENT only comes after it)
                return nil
            }
        }
    }

    /// A tag or anchor name copied out of libyaml, unless it is over the scalar limit.
    private func name(_ pointer: UnsafeMutablePointer<yaml_char_t>?, _ what: String, at location: SourceLocation) throws(YAMLError) -> String? {
        guard let pointer else { return nil }
        guard strlen(UnsafeRawPointer(pointer).assumingMemoryBound(to: CChar.self)) <= maxScalarBytes else { throw tooLong(what, at: location) }
        return String(cString: pointer)
    }

    private func tooLong(_ what: String, at location: SourceLocation) -> YAMLError {
        YAMLError("\(what) is longer than the limit of \(YAMLLimits.describe(bytes: maxScalarBytes))", at: location,
                  hint: "keep large content out of manifests (a file mounted with `volumes`, for example)")
    }

    /// libyaml marks are 0-based.
    func location(of mark: yaml_mark_t) -> SourceLocation {
        SourceLocation(file: file, line: Int(mark.line) + 1, column: Int(mark.column) + 1)
    }
}
