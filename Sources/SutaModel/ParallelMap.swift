import Dispatch

/// Maps independent items on every core (files parse in parallel); results keep input order.
enum ParallelMap {
    static func map<Input: Sendable, Output: Sendable>(_ items: [Input], _ transform: @Sendable (Input) -> Output) -> [Output] {
        guard items.count > 1 else { return items.map(transform) }
        let results = ResultSlots<Output>(count: items.count)
        DispatchQueue.concurrentPerform(iterations: items.count) { index in
            results.store(transform(items[index]), at: index)
        }
        return results.values
    }
}

/// Write-once slots filled from concurrentPerform: each index is written by exactly one
/// iteration, and read only after all of them have finished. A raw buffer, not an array:
/// mutating an array property from several threads at once is a race even on distinct
/// indices (its buffer is swapped out during `withUnsafeMutableBufferPointer`).
private final class ResultSlots<Output>: @unchecked Sendable {
    private let slots: UnsafeMutablePointer<Output?>
    private let count: Int

    init(count: Int) {
        self.count = count
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil, count: count)
    }

    deinit {
        slots.deinitialize(count: count)
        slots.deallocate()
    }

    func store(_ value: Output, at index: Int) {
        slots[index] = value
    }

    var values: [Output] { (0..<count).map { slots[$0]! } }
}
