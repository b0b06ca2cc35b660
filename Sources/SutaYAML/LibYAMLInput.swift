/// What libyaml reads: the file's bytes, handed out through a read handler so that a token
/// running past the scalar limit is stopped while libyaml is still scanning it. libyaml
/// collects a whole scalar (or tag, anchor, directive) in one growing buffer before it reports
/// anything, so without this a 50 MB value would be buffered, and copied, in full.
///
/// Tokens end where events end. Between the end of the last event and the token being scanned
/// lie only whitespace, comments and one-character indicators (`-`, `?`, `:`, `,`, brackets,
/// document markers): when libyaml asks for more input more than `maxTokenBytes` (plus its
/// read-ahead) past the last event, those are skipped here, and if what remains is one token
/// longer than the limit the read fails and `overlongToken` says where that token starts.
final class LibYAMLInput {
    let bytes: UnsafeBufferPointer<UInt8>
    private let maxTokenBytes: Int
    /// Bytes handed to libyaml so far.
    private var delivered = 0
    /// Where skipping resumes: everything before it is known to be trivia or inside an event.
    private var scanFrom = 0
    private var inComment = false
    private var atLineStart = true
    /// The start of the token libyaml is scanning, once found.
    private var tokenStart: Int?
    /// The character index (libyaml's `mark.index`) where the last event ended, not yet
    /// converted to a byte offset: that is only needed when a token runs long.
    private var eventEnd: Int?
    /// Characters and bytes before `cursorByte`, for converting character indexes forward.
    private var cursorCharacter = 0
    private var cursorByte = 0
    /// Byte offset of the token that broke the limit, once the read has failed for it.
    private(set) var overlongToken: Int?

    /// libyaml reads at most 16 KiB ahead and buffers at most 48 KiB more of decoded text.
    private static let readAhead = 64 << 10

    init(bytes: UnsafeBufferPointer<UInt8>, maxTokenBytes: Int) {
        self.bytes = bytes
        self.maxTokenBytes = maxTokenBytes
    }

    /// Called for every event: its end is a token boundary.
    func eventEnded(atCharacter index: Int) {
        eventEnd = index
    }

    /// libyaml's read handler: copies up to `capacity` bytes, or fails (returns false) once the
    /// token being scanned is too long.
    func read(into buffer: UnsafeMutablePointer<UInt8>, capacity: Int, count: inout Int) -> Bool {
        if delivered - (tokenStart ?? scanFrom) > maxTokenBytes + Self.readAhead {
            catchUp()
            if let start = tokenStart, delivered - start > maxTokenBytes + Self.readAhead {
                overlongToken = start
                return false
            }
        }
        count = min(capacity, bytes.count - delivered)
        if count > 0 {
            buffer.update(from: bytes.baseAddress! + delivered, count: count)
            delivered += count
        }
        return true
    }

    /// Moves `scanFrom` past the last event and the trivia after it, up to what libyaml has read.
    private func catchUp() {
        if let index = eventEnd.take() {
            let end = byteOffset(ofCharacter: index)
            if end > scanFrom {
                scanFrom = end
                tokenStart = nil
                inComment = false
                atLineStart = end == 0 || bytes[end - 1] == 0x0A || bytes[end - 1] == 0x0D
            }
        }
        guard tokenStart == nil else { return }
        while scanFrom < delivered {
            let byte = bytes[scanFrom]
            if inComment {
                if byte == 0x0A || byte == 0x0D {
                    inComment = false
                    atLineStart = true
                }
                scanFrom += 1
                continue
            }
            switch byte {
            case 0x0A, 0x0D:
                atLineStart = true
                scanFrom += 1
            case 0x20, 0x09:
                scanFrom += 1
            case UInt8(ascii: "#"):
                inComment = true
                scanFrom += 1
            case UInt8(ascii: ","), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"):
                atLineStart = false
                scanFrom += 1
            case UInt8(ascii: "-"), UInt8(ascii: "?"), UInt8(ascii: ":"), UInt8(ascii: "."):
                let marker = atLineStart && (byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")) && isDocumentMarker(at: scanFrom)
                if marker {
                    scanFrom += 3
                } else if byte != UInt8(ascii: ".") && isBlank(at: scanFrom + 1) {
                    scanFrom += 1
                } else {
                    tokenStart = scanFrom
                    return
                }
                atLineStart = false
            default:
                tokenStart = scanFrom
                return
            }
        }
    }

    /// `---` or `...` followed by a blank or the end of input.
    private func isDocumentMarker(at offset: Int) -> Bool {
        guard offset + 3 <= delivered else { return false }
        let byte = bytes[offset]
        return bytes[offset + 1] == byte && bytes[offset + 2] == byte && isBlank(at: offset + 3)
    }

    /// A space, tab or line break at `offset`, or the end of what has been read.
    private func isBlank(at offset: Int) -> Bool {
        guard offset < delivered else { return offset >= bytes.count }
        let byte = bytes[offset]
        return byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    /// The (ASCII) character at libyaml character index `index`, nil past the end or for a
    /// non-ASCII one. For error messages only: walks from the start.
    func character(atIndex index: Int) -> Character? {
        let offset = Self.advance(from: 0, by: index, in: bytes)
        guard offset < bytes.count, bytes[offset] < 0x80 else { return nil }
        return Character(Unicode.Scalar(bytes[offset]))
    }

    /// The offset `characters` characters after byte `offset` (at a character's lead byte).
    private static func advance(from offset: Int, by characters: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var offset = offset
        var remaining = characters
        while remaining > 0, offset < bytes.count {
            offset += 1
            while offset < bytes.count, bytes[offset] & 0xC0 == 0x80 {
                offset += 1
            }
            remaining -= 1
        }
        return offset
    }

    /// The byte offset of character `index`, walking forward from the last conversion
    /// (events only move forward). A character is a lead byte: libyaml has decoded everything
    /// before any event's end, so it is valid UTF-8; CR LF counts as two characters in libyaml
    /// too.
    private func byteOffset(ofCharacter index: Int) -> Int {
        if index > cursorCharacter {
            cursorByte = Self.advance(from: cursorByte, by: index - cursorCharacter, in: bytes)
            cursorCharacter = index
        }
        return cursorByte
    }
}
