/// Writes a tar archive (POSIX ustar, with a pax `path`/`linkpath` record for names that do
/// not fit), in memory: what `POST /build` takes as its context. Owner 0:0, as the Docker CLI sends it.
struct TarWriter {
    /// What an entry is.
    enum Kind {
        case file([UInt8])
        case directory
        case symlink(String)
    }

    private(set) var bytes: [UInt8] = []

    /// Appends one entry; `path` is relative and `/`-separated (a directory without its trailing slash).
    mutating func append(path: String, kind: Kind, mode: Int, modified: Int) {
        var name = path
        var link = ""
        var size = 0
        let type: UInt8
        switch kind {
        case .file(let contents): type = UInt8(ascii: "0"); size = contents.count
        case .directory: type = UInt8(ascii: "5"); name += "/"
        case .symlink(let target): type = UInt8(ascii: "2"); link = target
        }
        let split = TarWriter.split(name)
        if split == nil || link.utf8.count > 100 {
            var records: [UInt8] = []
            if split == nil { records += TarWriter.paxRecord("path", name) }
            if link.utf8.count > 100 { records += TarWriter.paxRecord("linkpath", link) }
            writeHeader(name: "PaxHeader", prefix: "", mode: 0o644, size: records.count, modified: modified, type: UInt8(ascii: "x"), link: "")
            writeData(records)
        }
        // Without a split the pax record holds the name; the header keeps its tail.
        let (prefix, short) = split ?? ("", String(decoding: name.utf8.suffix(100), as: UTF8.self))
        writeHeader(name: short, prefix: prefix, mode: mode, size: size, modified: modified, type: type, link: String(link.prefix(100)))
        if case .file(let contents) = kind { writeData(contents) }
    }

    /// Ends the archive: two zero blocks.
    mutating func finish() {
        bytes += [UInt8](repeating: 0, count: 1024)
    }

    /// `name` as ustar's prefix (up to 155 bytes) and name (up to 100), split at a `/`; nil when it cannot be.
    private static func split(_ name: String) -> (prefix: String, name: String)? {
        let utf8 = Array(name.utf8)
        if utf8.count <= 100 { return ("", name) }
        for index in utf8.indices.reversed() where utf8[index] == UInt8(ascii: "/") && index <= 155 {
            let rest = utf8.count - index - 1
            guard rest <= 100, rest > 0 else { continue }
            return (String(decoding: utf8[..<index], as: UTF8.self), String(decoding: utf8[(index + 1)...], as: UTF8.self))
        }
        return nil
    }

    /// `LEN key=value\n`, LEN counting itself.
    private static func paxRecord(_ key: String, _ value: String) -> [UInt8] {
        let body = " \(key)=\(value)\n"
        var length = body.utf8.count + 1
        while String(length).utf8.count + body.utf8.count != length { length = String(length).utf8.count + body.utf8.count }
        return Array((String(length) + body).utf8)
    }

    private mutating func writeHeader(name: String, prefix: String, mode: Int, size: Int, modified: Int, type: UInt8, link: String) {
        var header = [UInt8](repeating: 0, count: 512)
        func put(_ text: String, at offset: Int, width: Int) {
            for (index, byte) in text.utf8.prefix(width).enumerated() { header[offset + index] = byte }
        }
        func octal(_ value: Int, at offset: Int, width: Int) {
            put(String(String(value, radix: 8).suffix(width - 1)).leftPadded(to: width - 1), at: offset, width: width - 1)
        }
        put(name, at: 0, width: 100)
        octal(mode & 0o7777, at: 100, width: 8)
        octal(0, at: 108, width: 8)
        octal(0, at: 116, width: 8)
        octal(size, at: 124, width: 12)
        octal(max(modified, 0), at: 136, width: 12)
        header[156] = type
        put(link, at: 157, width: 100)
        put("ustar\u{0}00", at: 257, width: 8)
        put(prefix, at: 345, width: 155)
        // The checksum is computed with its own field as spaces.
        for index in 148..<156 { header[index] = UInt8(ascii: " ") }
        let sum = header.reduce(0) { $0 + Int($1) }
        put(String(String(sum, radix: 8)).leftPadded(to: 6), at: 148, width: 6)
        header[154] = 0
        header[155] = UInt8(ascii: " ")
        bytes += header
    }

    private mutating func writeData(_ data: [UInt8]) {
        bytes += data
        let padding = (512 - data.count % 512) % 512
        bytes += [UInt8](repeating: 0, count: padding)
    }
}

private extension String {
    func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
