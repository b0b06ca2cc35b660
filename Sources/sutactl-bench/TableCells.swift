import Foundation

/// How the side-by-side tables (`SideBySideTable`, `SwarmTable`) write their cells.
enum TableCells {
    /// Seconds or megabytes: three decimals below 10, one above.
    static func number(_ value: Double) -> String { String(format: value < 10 ? "%.3f" : "%.1f", value) }

    /// `ours / theirs` as `0.42x`; empty when either is missing.
    static func ratio(_ ours: Double?, _ theirs: Double?) -> String {
        guard let ours, let theirs, theirs > 0 else { return "" }
        return String(format: "%.2fx", ours / theirs)
    }

    /// `text` padded with spaces to `width`, and at least one space after it.
    static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
    }
}
