/// What supervision did to one service: its restarts (Unix seconds), and whether it was
/// held as crash-looping. Kept across runs in the state directory; the planner reads it.
public struct SupervisionRecord: Codable, Sendable, Hashable {
    public var restarts: [Double] = []
    public var crashLooping = false
    public var lastReason: String?

    public init(restarts: [Double] = [], crashLooping: Bool = false, lastReason: String? = nil) {
        self.restarts = restarts
        self.crashLooping = crashLooping
        self.lastReason = lastReason
    }

    /// Restarts within `window` before `now`.
    public func restarts(within window: Duration, now: Double) -> Int {
        let seconds = window.inSeconds
        return restarts.filter { now - $0 <= seconds }.count
    }
}
