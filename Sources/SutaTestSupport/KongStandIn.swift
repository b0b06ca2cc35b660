import Foundation

/// A stand-in for Kong's Admin API (3.x) on 127.0.0.1 and a port the kernel picks, speaking
/// what reference/apis.md §2 documents, for services and routes, and behaving as Kong's
/// source does where the documentation is silent:
/// - `GET /status`: connection counters, and `database.reachable` (database mode) or
///   `configuration_hash` (DB-less; all zeros before the first configuration).
/// - DB-less, `POST /config[?check_hash=1]` (`kong/api/routes/config.lua`): a configuration
///   sent as text (`{"config": "<JSON text>"}`, or a raw body) is named by the MD5 of that
///   text, and with `check_hash=1` an unchanged one is answered 304; a configuration sent as
///   a JSON object (`{"_format_version": …}`) is never answered 304. Loading replaces the
///   node's whole configuration: services (nested routes and plugins), routes (naming their
///   service by ID or name), and plugins, consumers, upstreams, targets, certificates and
///   the other top-level collections, which the stand-in keeps as given (201).
/// - DB-less, `GET /config`: `{"config": "<YAML>"}`, the loaded configuration flattened, as
///   Kong exports it. Entity writes get 405 `{"code":12,"name":"operation unsupported",…}`.
/// - Database mode: `PUT /{services|routes}/{name}` upserts (200), `POST` creates (201;
///   409 unique violation when the name is taken), `DELETE` removes (204, also when
///   missing; 400 for a service that routes still use). `/config` is refused (400).
/// - Both modes: `GET /{services|routes}[/{name or id}]`; the lists take `?tags=` (`a,b`
///   all, `a/b` any), `size` and `offset`, and page by `size` (default: the stand-in's page
///   size) with a relative `next` link (or an absolute one, as Kong's old documentation
///   shows, when asked).
///
/// Entities are checked as Kong's schemas check them: names (`typedefs.utf8_name`), route
/// methods (uppercase letters) and hosts (`typedefs.hosts`), paths, tags, URLs; a violation
/// is Kong's 400 `{"code":2,"name":"schema violation",…}` (code 14 inside a declarative
/// configuration). Errors have Kong's shape `{"code":…, "name":…, "message":…, "fields":…}`.
/// Every request is recorded. The stand-in's simplifications: services and routes must
/// have a name, and declarative configurations must be JSON text.
public final class KongStandIn: Sendable {
    /// DB-less or database mode.
    public let mode: Mode
    /// `http://127.0.0.1:PORT`.
    public let address: String
    private let server: StandInHTTPServer
    private let log: SharedValue<[StandInRequest]>
    private let store: SharedValue<KongStandInStore>
    private let faults: StandInFaults

    /// Starts a stand-in in `mode` whose lists page by `pageSize` entities (Kong's default
    /// is 100; a small size exercises paging). With `absoluteNextLinks`, `next` links are
    /// absolute URLs on `http://localhost:8001`, where nothing of the test listens.
    public init(mode: Mode, pageSize: Int = 100, absoluteNextLinks: Bool = false) throws {
        let log = SharedValue<[StandInRequest]>([])
        let store = SharedValue(KongStandInStore(mode: mode, pageSize: pageSize, absoluteNextLinks: absoluteNextLinks))
        let faults = StandInFaults()
        server = try StandInHTTPServer.tcp { request, connection in
            log.withLock { $0.append(request) }
            guard !faults.intercept(connection) else { return }
            store.withLock { $0.handle(request) }.send(on: connection)
        }
        self.mode = mode
        self.log = log
        self.store = store
        self.faults = faults
        address = server.address
    }

    /// The requests received so far, in order.
    public var requests: [StandInRequest] { log.value }

    /// `METHOD target` of each request received, in order, e.g. `POST /config?check_hash=1`.
    public var requestLines: [String] { requests.map { "\($0.method) \($0.target)" } }

    /// The MD5 of the loaded declarative configuration (DB-less), all zeros before one.
    public var configurationHash: String { store.value.configurationHash }

    /// Answers the next `count` requests with `status` and a Kong error body instead of
    /// handling them (429 also carries `Retry-After: 1`).
    public func failNext(_ count: Int, status: Int) {
        let headers = status == 429 ? [("Retry-After", "1")] : []
        let message: StandInJSON = status == 429 ? "Currently loading previous configuration" : "An unexpected error occurred"
        faults.failNext(count, with: .json(status, ["message": message], headers: headers))
    }

    /// Takes the stand-in down for good: new connections are refused and requests on open
    /// ones are dropped unanswered.
    public func down() {
        faults.goDown()
        server.stop()
    }

    /// Stops the server.
    public func stop() {
        server.stop()
    }
}
