/// A Docker Engine API version such as `1.41`, ordered numerically (`1.9 < 1.41`).
public struct DockerAPIVersion: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The part before the dot.
    public var major: Int
    /// The part after the dot.
    public var minor: Int

    /// Creates the version `major.minor`.
    public init(_ major: Int, _ minor: Int) {
        self.major = major
        self.minor = minor
    }

    /// Parses `"1.41"`; `nil` for anything else.
    public init?(_ text: String) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, let major = Int(parts[0]), let minor = Int(parts[1]), major >= 0, minor >= 0 else {
            return nil
        }
        self.init(major, minor)
    }

    /// `1.41`.
    public var description: String { "\(major).\(minor)" }

    public static func < (lhs: DockerAPIVersion, rhs: DockerAPIVersion) -> Bool {
        (lhs.major, lhs.minor) < (rhs.major, rhs.minor)
    }
}
