import Foundation
import SutaClients
import Synchronization

/// A ``BreakerClock`` that moves only when a test advances it, so open periods pass
/// without sleeping. The monotonic and the wall-clock readings advance together.
final class ManualBreakerClock: BreakerClock {
    private let startInstant = ContinuousClock.now
    private let startDate: Date
    private let elapsed = Mutex<Duration>(.zero)

    /// A clock whose wall time starts at `startDate`.
    init(startDate: Date = Date(timeIntervalSince1970: 1_750_000_000)) {
        self.startDate = startDate
    }

    var now: ContinuousClock.Instant { startInstant + elapsed.withLock { $0 } }
    var date: Date { startDate.addingTimeInterval(Self.seconds(elapsed.withLock { $0 })) }

    func advance(by duration: Duration) {
        elapsed.withLock { $0 += duration }
    }

    static func seconds(_ duration: Duration) -> TimeInterval {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
