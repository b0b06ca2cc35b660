/// Replaces every occurrence of secret values in a byte stream (a container's output) with
/// `***`, chunk by chunk as the stream arrives.
///
/// A value split between two chunks is still masked: the masker holds back the end of a
/// chunk while it could be the start of a secret (at most the longest secret's length less
/// one byte) and decides once the next chunk (or the end of the stream) shows whether it is.
/// Everything else is handed on at once, so `logs -f` shows each line as it comes. Where
/// secrets overlap, the leftmost occurrence wins, and the longest at the same place.
public struct SecretMasker: Sendable {
    /// What a secret value is replaced with.
    public static let mask: [UInt8] = Array("***".utf8)

    /// The distinct non-empty values, longest first.
    private let secrets: [[UInt8]]
    /// `startsSecret[b]`: some secret begins with byte `b` (most bytes start none: a fast path).
    private let startsSecret: [Bool]
    /// Bytes held back: the start of what may be a secret.
    private var pending: [UInt8] = []

    /// A masker for `secrets` (empty values are ignored).
    public init(secrets: some Sequence<String>) {
        var seen = Set<[UInt8]>()
        self.secrets = secrets.map { Array($0.utf8) }.filter { !$0.isEmpty && seen.insert($0).inserted }.sorted { $0.count > $1.count }
        var starts = [Bool](repeating: false, count: 256)
        for secret in self.secrets { starts[Int(secret[0])] = true }
        startsSecret = starts
    }

    /// Whether there is nothing to mask.
    public var isEmpty: Bool { secrets.isEmpty }

    /// The next chunk of the stream; returns the bytes that may be printed now, masked.
    public mutating func mask(_ chunk: [UInt8]) -> [UInt8] {
        guard !secrets.isEmpty else { return chunk }
        pending += chunk
        return drain(atEnd: false)
    }

    /// The end of the stream: returns the bytes still held back, masked.
    public mutating func finish() -> [UInt8] { drain(atEnd: true) }

    private mutating func drain(atEnd: Bool) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(pending.count)
        var index = 0
        let end = pending.count
        scan: while index < end {
            let byte = pending[index]
            if startsSecret[Int(byte)] {
                for secret in secrets where secret[0] == byte {
                    let available = end - index
                    if available >= secret.count {
                        if pending[index..<index + secret.count].elementsEqual(secret) {
                            output += SecretMasker.mask
                            index += secret.count
                            continue scan
                        }
                    } else if !atEnd && pending[index..<end].elementsEqual(secret[0..<available]) {
                        // The rest may complete this secret (or a longer one than a shorter match).
                        break scan
                    }
                }
            }
            output.append(byte)
            index += 1
        }
        pending.removeFirst(index)
        return output
    }
}
