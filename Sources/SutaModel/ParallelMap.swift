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
/// iteration, and read only after all of them have finished.
private final class ResultSlots<Output>: @unchecked Sendable {
    private var slots: [Output?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func store(_ value: Output, at index: Int) {
        slots.withUnsafeMutableBufferPointer { $0[index] = value }
    }

    var values: [Output] { slots.map { $0! } }
}
