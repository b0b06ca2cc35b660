import Glibc

/// Numbers with a fixed count of decimals, rounded as C's `printf("%.*f")` rounds them:
/// what `String(format:)` wrote (`1.250`, `-0.0`), without loading Foundation.
public enum DecimalText {
    /// `value` with `digits` decimals (`fixed(2.25, digits: 1)` is `2.2`, as printf has it).
    public static func fixed(_ value: Double, digits: Int) -> String {
        var buffer = [CChar](repeating: 0, count: 352)
        let count = withVaList([value]) { vsnprintf(&buffer, buffer.count, "%.\(digits)f", $0) }
        return String(decoding: buffer.prefix(max(0, min(Int(count), buffer.count - 1))).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
