import SutaModel

/// The read-only bind mounts of a config's services that a swarm can carry as configs: regular
/// files of 1 byte to under the swarm's 500 KiB (a directory, a missing path, an empty or a
/// larger file stays a bind mount, whose source must then exist on every node).
enum SwarmConfigFiles {
    /// The swarm's bound on a config's data (swarmkit's `MaxConfigSize`: the data must be smaller).
    static let maxBytes = 500 * 1024

    /// Each such source path's contents, for ``SwarmPlanner/files``.
    static func read(_ config: ResolvedConfig) -> [String: [UInt8]] {
        var files: [String: [UInt8]] = [:]
        for service in config.services {
            for mount in service.volumes where mount.kind == .bind && mount.readOnly {
                guard let source = mount.source, files[source] == nil, let size = BoundedFileReader.regularFileSize(source),
                      size > 0, size < maxBytes, let bytes = try? BoundedFileReader.read(source, maxBytes: maxBytes) else { continue }
                files[source] = bytes
            }
        }
        return files
    }
}
