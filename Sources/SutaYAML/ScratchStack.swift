import Glibc

/// A stack whose elements are accessed in place and moved out, never copied: no
/// retain/release, no copy-on-write checks. It holds the open collections and their children,
/// innermost last, so each collection's array is allocated once, at its end, with exact size,
/// instead of growing (and keeping spare capacity) child by child.
///
/// Storage is a list of chunks of about 1 MiB mapped from the system directly, never moved
/// and never doubled. When a collection ends, each chunk it emptied is returned to the system
/// as soon as its elements are in the new array, so a collection of a million children costs
/// its array plus one chunk, not twice (or three times) its size.
struct ScratchStack<Element>: ~Copyable {
    private var chunks: [UnsafeMutablePointer<Element>] = []
    /// Elements per chunk are `1 << shift`.
    private let shift: Int
    /// Elements on the stack.
    private(set) var count = 0

    init() {
        let stride = max(1, MemoryLayout<Element>.stride)
        var shift = 0
        while stride << (shift + 1) <= 1 << 20 {
            shift += 1
        }
        self.shift = shift
    }

    deinit {
        for index in 0..<count {
            address(index).deinitialize(count: 1)
        }
        for chunk in chunks {
            release(chunk)
        }
    }

    subscript(index: Int) -> Element {
        unsafeAddress {
            precondition(index >= 0 && index < count, "index out of range")
            return UnsafePointer(address(index))
        }
        unsafeMutableAddress {
            precondition(index >= 0 && index < count, "index out of range")
            return address(index)
        }
    }

    mutating func push(_ element: consuming Element) {
        if count == chunks.count << shift {
            chunks.append(allocateChunk())
        }
        address(count).initialize(to: element)
        count += 1
    }

    mutating func popLast() -> Element {
        precondition(count > 0, "pop from an empty stack")
        count -= 1
        return address(count).move()
    }

    /// Removes the elements from index `start` up and returns them, in order. Chunks left
    /// empty go back to the system as they are emptied (the first one is kept for reuse).
    mutating func pop(from start: Int) -> [Element] {
        // Appending to reserved capacity is specialized and inlined; the seemingly direct
        // `Array(unsafeUninitializedCapacity:)` goes through a generic runtime path that
        // costs several times more per array.
        precondition(start >= 0 && start <= count, "index out of range")
        var popped: [Element] = []
        popped.reserveCapacity(count - start)
        let perChunk = 1 << shift
        // Chunks from this one up hold nothing below `start`.
        let firstFreed = max(1, (start + perChunk - 1) >> shift)
        var index = start
        while index < count {
            let chunk = index >> shift
            let end = min(count, (chunk + 1) << shift)
            let base = address(index)
            for offset in 0..<(end - index) {
                popped.append((base + offset).move())
            }
            if chunk >= firstFreed {
                release(chunks[chunk])
            }
            index = end
        }
        if chunks.count > firstFreed, count > start {
            chunks.removeSubrange(firstFreed...)
        }
        count = start
        return popped
    }

    private func address(_ index: Int) -> UnsafeMutablePointer<Element> {
        chunks[index >> shift] + (index & ((1 << shift) - 1))
    }

    private func allocateChunk() -> UnsafeMutablePointer<Element> {
        let bytes = MemoryLayout<Element>.stride << shift
        guard let memory = mmap(nil, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0),
              memory != UnsafeMutableRawPointer(bitPattern: -1) else {
            fatalError("out of memory for a YAML scratch chunk of \(bytes) bytes")
        }
        return memory.bindMemory(to: Element.self, capacity: 1 << shift)
    }

    private func release(_ chunk: UnsafeMutablePointer<Element>) {
        munmap(UnsafeMutableRawPointer(chunk), MemoryLayout<Element>.stride << shift)
    }
}
