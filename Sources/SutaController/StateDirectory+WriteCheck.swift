import SutaErrors
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Glibc

extension StateDirectory {
    /// The bytes a write check writes: one page, so a full file system (tmpfs allocates whole
    /// pages) fails it, where creating an empty file would still succeed.
    static let writeCheckBytes = 4096

    /// Creates the project's directory and proves that the lock, the audit log and the state
    /// files can be written there and in the root, before a command changes anything: a
    /// directory that cannot be created, a read-only or immutable file system, a full disk.
    /// Returns the project's directory.
    public func writableProject(_ name: String) throws(SutaError) -> URL {
        let directory = project(name)
        var path = ""
        for component in directory.path.split(separator: "/") {
            path += "/" + component
            if mkdir(path, 0o700) != 0 && errno != EEXIST {
                let code = errno
                let at = path == directory.path ? "" : " (at \(path))"
                throw StateDirectory.unwritable("cannot create the state directory \(directory.path)\(at)", code)
            }
        }
        var isDirectory = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory else {
            throw StateDirectory.unwritable("cannot use the state directory \(directory.path)", ENOTDIR)
        }
        for folder in [root, directory] { try StateDirectory.checkWrite(in: folder) }
        let audit = open(directory.appendingPathComponent("audit.log").path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard audit >= 0 else { throw StateDirectory.unwritable("cannot write the audit log in \(directory.path)", errno) }
        close(audit)
        return directory
    }

    /// Writes, syncs and removes a scratch file in `folder`.
    private static func checkWrite(in folder: URL) throws(SutaError) {
        let path = folder.appendingPathComponent(".write-check-\(getpid())").path
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw unwritable("cannot write in the state directory \(folder.path)", errno) }
        defer {
            close(descriptor)
            unlink(path)
        }
        let page = [UInt8](repeating: 0x0A, count: writeCheckBytes)
        let written = page.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        if written != writeCheckBytes {
            throw unwritable("cannot write in the state directory \(folder.path)", written < 0 ? errno : ENOSPC)
        }
        if fsync(descriptor) != 0 { throw unwritable("cannot write in the state directory \(folder.path)", errno) }
    }

    /// The system's reason for a failed Foundation file operation (`No space left on device`),
    /// not the whole NSError with its user info.
    static func reason(_ error: any Error) -> String {
        (error as? POSIXError).map { String(cString: strerror($0.code.rawValue)) } ?? FileErrorText.description(error)
    }

    /// The error for a state directory that cannot be written, with the system's reason.
    private static func unwritable(_ what: String, _ code: Int32) -> SutaError {
        SutaError(.io, "\(what): \(String(cString: strerror(code))); nothing was changed",
                        hint: "sutactl keeps the project's lock, audit log and state there: free some space, make it writable, "
                            + "or set SUTACTL_STATE_DIR to a writable directory")
    }
}
