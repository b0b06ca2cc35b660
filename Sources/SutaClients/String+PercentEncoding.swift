extension String {
    /// The text percent-encoded except RFC 3986 unreserved characters (`A-Z a-z 0-9 - . _ ~`),
    /// byte by byte of its UTF-8 with upper-case hex digits, so that it can stand as one path
    /// segment or one query value.
    var percentEncodedComponent: String {
        var encoded = ""
        for byte in utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                encoded.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                encoded.unicodeScalars.append("%")
                encoded.unicodeScalars.append(Self.hexDigits[Int(byte >> 4)])
                encoded.unicodeScalars.append(Self.hexDigits[Int(byte & 0x0F)])
            }
        }
        return encoded
    }

    private static let hexDigits = Array("0123456789ABCDEF".unicodeScalars)
}
