import Glibc

/// Walks a directory tree as `FileManager.enumerator(atPath:)` did (which FoundationEssentials
/// lacks): depth first, each directory's entries in the order the system lists them, paths
/// relative to the root, symbolic links reported but not followed.
enum DirectoryWalk {
    /// Calls `visit` with each entry's relative path and whether it is a directory, until it
    /// returns `false`. Returns `false` when `root` cannot be opened as a directory.
    @discardableResult
    static func walk(_ root: String, _ visit: (String, Bool) -> Bool) -> Bool {
        guard let directory = opendir(root) else { return false }
        closedir(directory)
        _ = descend(root, "", visit)
        return true
    }

    /// Visits the entries of `root/relative` and below; `false` once `visit` asked to stop.
    private static func descend(_ root: String, _ relative: String, _ visit: (String, Bool) -> Bool) -> Bool {
        guard let directory = opendir(relative.isEmpty ? root : root + "/" + relative) else { return true }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix(while: { $0 != 0 }), as: UTF8.self) }
            if name != "." && name != ".." { names.append(name) }
        }
        closedir(directory)
        for name in names {
            let path = relative.isEmpty ? name : relative + "/" + name
            var info = stat()
            let isDirectory = lstat(root + "/" + path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
            guard visit(path, isDirectory) else { return false }
            if isDirectory, !descend(root, path, visit) { return false }
        }
        return true
    }
}
