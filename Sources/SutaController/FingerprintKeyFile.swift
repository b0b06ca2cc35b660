import SutaErrors
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Glibc
import SutaModel

/// The project's `FingerprintKey` in its state directory: `fingerprint.key`, 64 hex digits,
/// mode 0600. `apply` creates it (under the project lock) the first time it needs it;
/// read-only commands only read it, and without one show the keyed groups as unknown.
public enum FingerprintKeyFile {
    /// The file's name in the project's state directory.
    public static let name = "fingerprint.key"

    /// What to do when the file cannot be used.
    private static let hint = "restore it from the machine that applied the project, or remove it: apply then makes a new key, "
        + "and containers recorded with the old one show their environment as unknown until they are recreated"

    /// The key, or nil when the directory has none. Creates nothing.
    public static func load(from directory: URL) throws(SutaError) -> FingerprintKey? {
        let path = directory.appendingPathComponent(name).path
        guard let data = FileManager.default.contents(atPath: path) else {
            guard FileManager.default.fileExists(atPath: path) else { return nil }
            throw SutaError(.io, "cannot read the fingerprint key \(path)", hint: hint)
        }
        guard let key = FingerprintKey(fileText: String(decoding: data, as: UTF8.self)) else {
            throw SutaError(.io, "the fingerprint key \(path) is not 64 hex digits", hint: hint)
        }
        return key
    }

    /// The key, made from fresh random bytes when the directory has none. The new file is
    /// written whole under a temporary name and linked into place, so a reader never sees a
    /// partial key and two processes racing end up with the same one.
    public static func loadOrCreate(in directory: URL) throws(SutaError) -> FingerprintKey {
        if let key = try load(from: directory) { return key }
        var generator = SystemRandomNumberGenerator()
        guard let fresh = FingerprintKey(bytes: (0..<FingerprintKey.byteCount).map { _ in UInt8.random(in: .min ... .max, using: &generator) }) else {
            throw SutaError(.io, "cannot make a fingerprint key")
        }
        let path = directory.appendingPathComponent(name).path
        let temporary = directory.appendingPathComponent(".\(name).\(getpid()).\(UInt32.random(in: .min ... .max))").path
        defer { unlink(temporary) }
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw SutaError(.io, "cannot create the fingerprint key \(path): \(String(cString: strerror(errno)))")
        }
        let text = Array(fresh.fileText.utf8)
        let written = text.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        let synced = fsync(descriptor)
        let failure = errno
        close(descriptor)
        guard written == text.count, synced == 0 else {
            throw SutaError(.io, "cannot write the fingerprint key \(path): \(String(cString: strerror(failure)))")
        }
        guard link(temporary, path) == 0 else {
            // Another process made one first: use it.
            if errno == EEXIST, let key = try load(from: directory) { return key }
            throw SutaError(.io, "cannot create the fingerprint key \(path): \(String(cString: strerror(errno)))")
        }
        return fresh
    }
}
