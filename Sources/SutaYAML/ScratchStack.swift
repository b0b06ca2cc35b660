/// A stack whose elements are accessed in place and moved out, never copied: no
/// retain/release, no copy-on-write checks. It holds the open collections and their children,
/// innermost last, so each collection's array is allocated once, at its end, with exact size,
/// instead of growing (and keeping spare capacity) child by child.
struct ScratchStack<Element>: ~Copyable {
    private var storage: UnsafeMutablePointer<Element>
    private var capacity = 64
    /// Elements on the stack.
    private(set) var count = 0

    init() {
        storage = .allocate(capacity: capacity)
    }

    deinit {
        storage.deinitialize(count: count)
        storage.deallocate()
    }

    subscript(index: Int) -> Element {
        unsafeAddress {
            precondition(index >= 0 && index < count, "index out of range")
            return UnsafePointer(storage + index)
        }
        unsafeMutableAddress {
            precondition(index >= 0 && index < count, "index out of range")
            return storage + index
        }
    }

    mutating func push(_ element: consuming Element) {
        if count == capacity {
            let larger = UnsafeMutablePointer<Element>.allocate(capacity: capacity * 2)
            larger.moveInitialize(from: storage, count: count)
            storage.deallocate()
            storage = larger
            capacity *= 2
        }
        (storage + count).initialize(to: element)
        count += 1
    }

    mutating func popLast() -> Element {
        precondition(count > 0, "pop from an empty stack")
        count -= 1
        return (storage + count).move()
    }

    /// Removes the elements from index `start` up and returns them, in order.
    mutating func pop(from start: Int) -> [Element] {
        // Appending to reserved capacity is specialized and inlined; the seemingly direct
        // `Array(unsafeUninitializedCapacity:)` goes through a generic runtime path that
        // costs several times more per array.
        precondition(start >= 0 && start <= count, "index out of range")
        var popped: [Element] = []
        popped.reserveCapacity(count - start)
        for index in start..<count {
            popped.append((storage + index).move())
        }
        count = start
        return popped
    }
}
