import Foundation
import Glibc
import Synchronization

/// A small HTTP/1.1 server for tests, listening on 127.0.0.1 (a port the kernel picks) or on
/// a Unix socket in a new temporary directory. It parses requests and hands each one to a
/// handler, which answers through a ``StandInConnection``; what a route does is up to the
/// test (a stand-in for the Docker Engine, Kong, Consul, ...).
///
/// Connections are kept alive, and each runs on its own thread, so a handler may block
/// (to stream slowly, or to wait for the client to disconnect).
public final class StandInHTTPServer: Sendable {
    /// Answers one request. Runs on the connection's thread, one request at a time per
    /// connection.
    public typealias Handler = @Sendable (StandInRequest, StandInConnection) -> Void

    /// Where the server listens, in the `DOCKER_HOST` form: `unix:///tmp/…/http.sock` or
    /// `http://127.0.0.1:PORT`.
    public let address: String
    /// The TCP port, or `nil` for a Unix socket.
    public let port: Int?
    /// The socket path, or `nil` for TCP.
    public let socketPath: String?
    private let listener: Int32
    private let socketDirectory: String?
    private let handler: Handler
    private let accepted = Atomic<Int>(0)
    private let stopped = Atomic<Bool>(false)

    /// How many connections the server has accepted.
    public var acceptedConnections: Int { accepted.load(ordering: .relaxed) }

    /// Starts a server on 127.0.0.1 and a port the kernel picks.
    public static func tcp(handler: @escaping Handler) throws -> StandInHTTPServer {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        try bindAndListen(fd, &address)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        let port = Int(UInt16(bigEndian: address.sin_port))
        return StandInHTTPServer(fd, address: "http://127.0.0.1:\(port)", port: port, socketPath: nil, directory: nil, handler: handler)
    }

    /// Starts a server on `http.sock` in a new temporary directory, which ``stop()`` removes.
    public static func unixSocket(handler: @escaping Handler) throws -> StandInHTTPServer {
        let directory = try makeTemporaryDirectory()
        let path = directory + "/http.sock"
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { buffer in
            buffer.copyBytes(from: path.utf8.prefix(buffer.count - 1))
        }
        try bindAndListen(fd, &address)
        return StandInHTTPServer(fd, address: "unix://\(path)", port: nil, socketPath: path, directory: directory, handler: handler)
    }

    /// A new empty directory under the system's temporary directory; the caller removes it.
    public static func makeTemporaryDirectory() throws -> String {
        let path = NSTemporaryDirectory() + "suta-test-" + UUID().uuidString.prefix(8)
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// A TCP port on 127.0.0.1 that was free a moment ago (the kernel picked it for a socket
    /// that is closed again), for a test that needs a port to publish.
    public static func freeLocalPort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let named = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        guard fd >= 0, bound == 0, named == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    private init(_ listener: Int32, address: String, port: Int?, socketPath: String?, directory: String?, handler: @escaping Handler) {
        self.listener = listener
        self.address = address
        self.port = port
        self.socketPath = socketPath
        socketDirectory = directory
        self.handler = handler
        let thread = Thread { [self] in acceptLoop() }
        thread.start()
    }

    /// Stops accepting connections and removes the socket directory. Open connections end
    /// when their clients disconnect. Only the first call does anything (closing the
    /// listener twice could close a descriptor the number has since been reused for).
    public func stop() {
        guard !stopped.exchange(true, ordering: .relaxed) else { return }
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
        if let socketDirectory { try? FileManager.default.removeItem(atPath: socketDirectory) }
    }

    private static func bindAndListen<Address>(_ fd: Int32, _ address: inout Address) throws {
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<Address>.size))
            }
        }
        guard fd >= 0, bound == 0, listen(fd, 128) == 0 else {
            throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
        }
    }

    private func acceptLoop() {
        while true {
            let fd = accept(listener, nil, nil)
            guard fd >= 0 else { return }
            accepted.add(1, ordering: .relaxed)
            let thread = Thread { [self] in
                let connection = StandInConnection(fd)
                while !connection.isClosed, let request = connection.readRequest() {
                    handler(request, connection)
                }
                Glibc.close(fd)
            }
            thread.start()
        }
    }
}
