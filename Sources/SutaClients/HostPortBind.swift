#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Glibc

/// Whether a host address and port can be bound right now: the test a replacement container's
/// published port must pass before the container holding the service is stopped.
public enum HostPortBind {
    /// nil when `hostIP:port` can be bound (IPv4; `0.0.0.0` for every address), else the reason.
    public static func problem(hostIP: String, port: Int, udp: Bool = false) -> String? {
        let descriptor = socket(AF_INET, Int32(udp ? SOCK_DGRAM.rawValue : SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { return "socket: \(String(cString: strerror(errno)))" }
        defer { close(descriptor) }
        // SO_REUSEADDR: a socket in TIME_WAIT does not hold the port; a listening one still does.
        var one: Int32 = 1
        setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(clamping: port).bigEndian)
        address.sin_addr.s_addr = inet_addr(hostIP.isEmpty ? "0.0.0.0" : hostIP)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        return bound == 0 ? nil : String(cString: strerror(errno))
    }
}
