/// One libyaml parse event, copied out of libyaml's buffers into Swift values.
///
/// Stream start and end are not represented: `LibYAMLEventReader.next()` skips the
/// former and reports the latter as `nil`. Tags arrive resolved (`!!str` as
/// `tag:yaml.org,2002:str`, `!x` as `!x`); nil when the node has none.
enum LibYAMLEvent {
    case documentStart(at: SourceLocation)
    case documentEnd
    /// `isPlainStyle`: written without quotes and not as a block (`|`, `>`) scalar.
    case scalar(String, isPlainStyle: Bool, tag: String?, anchor: String?, at: SourceLocation)
    case sequenceStart(tag: String?, anchor: String?, at: SourceLocation)
    case sequenceEnd
    case mappingStart(tag: String?, anchor: String?, at: SourceLocation)
    case mappingEnd
    case alias(String, at: SourceLocation)
}
