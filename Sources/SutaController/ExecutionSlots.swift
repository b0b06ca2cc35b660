/// The executor's parallelism: how many steps may act on the engine at once. Only acting
/// holds a slot; a step waiting for a dependency's health or for its replacement to pass
/// holds none.
actor ExecutionSlots {
    private var free: Int
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(_ count: Int) {
        free = max(1, count)
    }

    func acquire() async {
        if free > 0 {
            free -= 1
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    func release() {
        if waiting.isEmpty { free += 1 } else { waiting.removeFirst().resume() }
    }
}
