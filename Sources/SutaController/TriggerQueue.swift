/// Collects controller triggers from every source; the loop takes all that queued up at
/// once, so a burst (a kill is die + stop + kill events) becomes one reconcile.
actor TriggerQueue {
    private var queued: [ControllerTrigger] = []
    private var waiter: CheckedContinuation<[ControllerTrigger], Never>?

    func push(_ trigger: ControllerTrigger) {
        queued.append(trigger)
        if let waiter {
            self.waiter = nil
            let batch = queued
            queued = []
            waiter.resume(returning: batch)
        }
    }

    /// Whatever is queued now, possibly nothing; never waits.
    func takeAllQueued() -> [ControllerTrigger] {
        defer { queued = [] }
        return queued
    }

    /// Everything queued, waiting for the first trigger when there is none.
    func takeAll() async -> [ControllerTrigger] {
        if !queued.isEmpty {
            defer { queued = [] }
            return queued
        }
        return await withCheckedContinuation { waiter = $0 }
    }
}
