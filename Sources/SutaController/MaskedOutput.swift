import SutaModel
import Synchronization

/// Where `logs` writes a container's output: through a `SecretMasker`, so no secret value
/// reaches `sink`, even one split between two chunks. Chunks arrive on the transfer's thread.
final class MaskedOutput: Sendable {
    private let masker: Mutex<SecretMasker>
    private let sink: @Sendable ([UInt8]) -> Void

    init(secrets: [String], sink: @escaping @Sendable ([UInt8]) -> Void) {
        masker = Mutex(SecretMasker(secrets: secrets))
        self.sink = sink
    }

    /// Masks a chunk and writes what may be written now. Under the lock, so chunks keep their order.
    func write(_ chunk: [UInt8]) {
        masker.withLock { masker in
            let safe = masker.mask(chunk)
            if !safe.isEmpty { sink(safe) }
        }
    }

    /// Writes what was held back, at the end of the stream.
    func finish() {
        masker.withLock { masker in
            let rest = masker.finish()
            if !rest.isEmpty { sink(rest) }
        }
    }
}
