/// What the engine does when a container exits.
public struct RestartPolicy: Sendable, Hashable {
    /// The policy names Docker knows.
    public enum Name: String, Sendable, Hashable, CaseIterable {
        case no
        case always
        case unlessStopped = "unless-stopped"
        case onFailure = "on-failure"
    }

    public var name: Name
    /// Retry limit for `on-failure`; nil for no limit.
    public var maximumRetryCount: Int?

    public init(name: Name, maximumRetryCount: Int? = nil) {
        self.name = name
        self.maximumRetryCount = maximumRetryCount
    }

    public static let no = RestartPolicy(name: .no)

    /// `on-failure:3`, `unless-stopped`, as manifests write it.
    public var text: String {
        maximumRetryCount.map { "\(name.rawValue):\($0)" } ?? name.rawValue
    }

    /// Parses `no`, `always`, `unless-stopped`, `on-failure` or `on-failure:N`.
    public init?(text: String) {
        let parts = text.split(separator: ":", maxSplits: 1)
        guard let first = parts.first, let name = Name(rawValue: String(first)) else { return nil }
        if parts.count == 2 {
            guard name == .onFailure, let count = Int(parts[1]), count >= 0 else { return nil }
            self.init(name: name, maximumRetryCount: count)
        } else {
            self.init(name: name)
        }
    }
}
