#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Glibc

/// Reads whole files, but only regular ones and only up to a size known beforehand: the size
/// is checked with `stat` before anything is read, and the read stops one byte past it, so a
/// file that grows meanwhile (or a device such as /dev/zero) cannot make it read without end.
enum BoundedFileReader {
    /// A path's size in bytes if it is a regular file (symbolic links followed); nil if it is
    /// missing, unreadable, or something else (a directory, a FIFO, a device).
    static func regularFileSize(_ path: String) -> Int? {
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        return Int(info.st_size)
    }

    /// The bytes of a regular file of at most `maxBytes`; throws `LoadError` when it cannot be
    /// read, is not a regular file, or has more bytes (the caller reports sizes first).
    static func read(_ path: String, maxBytes: Int) throws(LoadError) -> [UInt8] {
        // O_NONBLOCK: opening a FIFO put in place after the size check must not wait for a writer.
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { throw LoadError(message: "\(path): cannot read file (\(String(cString: strerror(errno))))") }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            throw LoadError(message: "\(path): not a regular file")
        }
        let expected = Int(info.st_size)
        guard expected <= maxBytes else { throw LoadError(message: "\(path): file grew while it was read") }
        var failure: Int32 = 0
        let bytes = [UInt8](unsafeUninitializedCapacity: expected + 1) { buffer, count in
            while count < buffer.count {
                let got = Glibc.read(descriptor, buffer.baseAddress! + count, buffer.count - count)
                if got < 0 && errno == EINTR { continue }
                if got < 0 { failure = errno }
                if got <= 0 { break }
                count += got
            }
        }
        guard failure == 0 else { throw LoadError(message: "\(path): cannot read file (\(String(cString: strerror(failure))))") }
        guard bytes.count <= expected else { throw LoadError(message: "\(path): file grew while it was read") }
        return bytes
    }
}
