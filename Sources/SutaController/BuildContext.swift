import SutaErrors
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import SutaModel

/// A service's build context on disk: the files, directories and symbolic links of
/// `BuildSpec.context` that its `.dockerignore` leaves in (the Dockerfile and the
/// `.dockerignore` itself are always sent, as the Docker CLI sends them). Read when the
/// manifests are loaded for its digest, and again when the image is built, for its archive.
struct BuildContext {
    struct Entry {
        enum Kind {
            case file
            case directory
            case symlink(String)
        }

        /// Relative to the context, `/`-separated.
        var path: String
        var kind: Kind
        /// Permission bits.
        var mode: Int
        /// Unix seconds (the archive keeps them; the digest does not).
        var modified: Int
    }

    let spec: BuildSpec
    let service: String
    let entries: [Entry]

    /// Most a context may hold after `.dockerignore`: its archive is built in memory.
    static let maxBytes = 512 << 20

    /// Lists the context of `service`'s `build`; a missing context or Dockerfile, an invalid
    /// `.dockerignore` pattern and a context over `maxBytes` are errors at the `build` field.
    static func read(_ spec: BuildSpec, service: String) throws(SutaError) -> BuildContext {
        func failure(_ message: String, hint: String? = nil) -> SutaError {
            SutaError(.validation, message, hint: hint, location: spec.location)
        }
        var isDirectory = false
        guard FileManager.default.fileExists(atPath: spec.context, isDirectory: &isDirectory), isDirectory else {
            throw failure("build context `\(spec.context)` of service `\(service)` is not a directory")
        }
        let ignoreFile = spec.context + "/.dockerignore"
        var ignore = DockerIgnore.none
        if let data = FileManager.default.contents(atPath: ignoreFile) {
            do {
                ignore = try DockerIgnore(text: String(decoding: data, as: UTF8.self))
            } catch {
                throw SutaError(.validation, "invalid pattern `\(error.pattern)`",
                                hint: "a `[` opens a character class that needs its `]`; write `\\[` for the character",
                                location: SourceLocation(file: ignoreFile, line: error.line, column: 1))
            }
        }
        var walk = Walk(root: spec.context, ignore: ignore, always: [spec.dockerfile, ".dockerignore"])
        do {
            try walk.visit("")
        } catch {
            throw failure("cannot read the build context of service `\(service)`: \(FileErrorText.description(error))")
        }
        guard walk.total <= maxBytes else {
            throw failure("the build context `\(spec.context)` of service `\(service)` holds more than 512 MiB after .dockerignore",
                          hint: "leave out what the image does not need with a .dockerignore in the context")
        }
        guard walk.entries.contains(where: { $0.path == spec.dockerfile && $0.isFile }) else {
            throw failure("Dockerfile `\(spec.dockerfile)` of service `\(service)` is not in its build context `\(spec.context)`")
        }
        return BuildContext(spec: spec, service: service, entries: walk.entries)
    }

    /// The content hash of the context: every entry's path, kind and permissions, each
    /// file's SHA-256 and each link's target, in path order (modification times are not in it).
    func digest() throws(SutaError) -> String {
        var listing = ""
        for entry in entries {
            switch entry.kind {
            case .directory: listing += "d \(String(entry.mode, radix: 8)) \(entry.path)\n"
            case .symlink(let target): listing += "l \(entry.path) -> \(target)\n"
            case .file: listing += "f \(String(entry.mode, radix: 8)) \(entry.path) \(SHA256.hex(try contents(of: entry)))\n"
            }
        }
        return SHA256.hex(listing)
    }

    /// The context as a tar archive, for `POST /build`.
    func archive() throws(SutaError) -> [UInt8] {
        var tar = TarWriter()
        for entry in entries {
            let kind: TarWriter.Kind = switch entry.kind {
            case .directory: .directory
            case .symlink(let target): .symlink(target)
            case .file: .file(try contents(of: entry))
            }
            tar.append(path: entry.path, kind: kind, mode: entry.mode, modified: entry.modified)
        }
        tar.finish()
        return tar.bytes
    }

    private func contents(of entry: Entry) throws(SutaError) -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: spec.context + "/" + entry.path) else {
            throw SutaError(.validation, "cannot read `\(entry.path)` in the build context of service `\(service)`", location: spec.location)
        }
        return [UInt8](data)
    }

    /// `config` with the context digest of every service's `build` filled in.
    static func digested(_ config: ResolvedConfig) throws(SutaError) -> ResolvedConfig {
        var config = config
        var digests: [String: String] = [:]
        for index in config.services.indices {
            guard let spec = config.services[index].build else { continue }
            let key = spec.context + "\u{0}" + spec.dockerfile
            if digests[key] == nil { digests[key] = try read(spec, service: config.services[index].name).digest() }
            config.services[index].build?.contextDigest = digests[key]
        }
        return config
    }
}

extension BuildContext.Entry {
    var isFile: Bool { if case .file = kind { true } else { false } }
}
