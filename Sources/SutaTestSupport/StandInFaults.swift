import Synchronization

/// Failure injection for a stand-in: the next requests get a given error response, or,
/// once the stand-in is down, every request on an open connection is dropped unanswered
/// (new connections are refused because the server has stopped listening).
final class StandInFaults: Sendable {
    private let pending = Mutex<[StandInResponse]>([])
    private let isDown = Atomic<Bool>(false)

    init() {}

    /// Answers the next `count` requests with `response` instead of handling them.
    func failNext(_ count: Int, with response: StandInResponse) {
        pending.withLock { $0 += Array(repeating: response, count: max(0, count)) }
    }

    /// Drops every later request without an answer.
    func goDown() {
        isDown.store(true, ordering: .relaxed)
    }

    /// Answers `connection` with the next injected failure, or closes it when down; returns
    /// whether it did (then the request must not be handled).
    func intercept(_ connection: StandInConnection) -> Bool {
        if isDown.load(ordering: .relaxed) {
            connection.close()
            return true
        }
        guard let failure = pending.withLock({ $0.isEmpty ? nil : $0.removeFirst() }) else { return false }
        failure.send(on: connection)
        return true
    }
}
