#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Glibc

extension BuildContext {
    /// The walk of a context directory in path order, leaving out what `.dockerignore`
    /// excludes: an excluded directory is not entered unless an exception (`!`) may take
    /// something in it back. Sockets, FIFOs and devices are left out, as Docker leaves them.
    struct Walk {
        let root: String
        let ignore: DockerIgnore
        /// Paths sent whatever the patterns say.
        let always: Set<String>
        private(set) var entries: [Entry] = []
        /// Bytes of the files so far.
        private(set) var total = 0

        init(root: String, ignore: DockerIgnore, always: Set<String>) {
            self.root = root
            self.ignore = ignore
            self.always = always
        }

        mutating func visit(_ directory: String) throws {
            let names = try FileManager.default.contentsOfDirectory(atPath: directory.isEmpty ? root : root + "/" + directory).sorted()
            for name in names where total <= BuildContext.maxBytes {
                let path = directory.isEmpty ? name : directory + "/" + name
                let full = root + "/" + path
                var info = stat()
                guard lstat(full, &info) == 0 else { throw CocoaError(.fileReadNoPermission, userInfo: ["NSFilePath": full]) }
                let excluded = !always.contains(path) && ignore.excludes(path)
                let mode = Int(info.st_mode & 0o7777), modified = Int(info.st_mtim.tv_sec)
                switch info.st_mode & S_IFMT {
                case S_IFDIR:
                    if excluded && !ignore.hasExceptions { continue }
                    if !excluded { entries.append(Entry(path: path, kind: .directory, mode: mode, modified: modified)) }
                    try visit(path)
                case S_IFREG where !excluded:
                    entries.append(Entry(path: path, kind: .file, mode: mode, modified: modified))
                    total += Int(info.st_size)
                case S_IFLNK where !excluded:
                    let target = try FileManager.default.destinationOfSymbolicLink(atPath: full)
                    entries.append(Entry(path: path, kind: .symlink(target), mode: mode, modified: modified))
                default:
                    continue
                }
            }
        }
    }
}
