#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import SutaErrors
import Synchronization

/// One ``CircuitBreaker`` per dependency, by name (`kong`, `consul`, `ollama`,
/// `probe:backend`), with the same settings and clock, and a JSON file to keep them in
/// between runs, so that `sutactl breakers` in a later process sees what `apply` saw.
///
/// The file is written whole (atomically) by ``save(to:)``; when two processes save, the
/// last one wins.
public final class CircuitBreakerRegistry: Sendable {
    /// The settings every breaker of the registry uses.
    public let settings: CircuitBreakerSettings
    private let clock: any BreakerClock
    private let breakers: Mutex<[String: CircuitBreaker]>

    /// Creates an empty registry.
    public convenience init(settings: CircuitBreakerSettings = CircuitBreakerSettings(), clock: any BreakerClock = SystemBreakerClock()) {
        self.init(settings: settings, clock: clock, breakers: [:])
    }

    private init(settings: CircuitBreakerSettings, clock: any BreakerClock, breakers: [String: CircuitBreaker]) {
        self.settings = settings
        self.clock = clock
        self.breakers = Mutex(breakers)
    }

    /// The breaker for the dependency `name`, created closed on first use.
    public func breaker(_ name: String) -> CircuitBreaker {
        breakers.withLock { breakers in
            if let existing = breakers[name] { return existing }
            let created = CircuitBreaker(name: name, settings: settings, clock: clock)
            breakers[name] = created
            return created
        }
    }

    /// Every breaker's state, sorted by name.
    public func snapshots() -> [BreakerSnapshot] {
        breakers.withLock { Array($0.values) }.sorted { $0.name < $1.name }.map { $0.snapshot() }
    }

    /// Closes the breaker `name` and empties its window. Returns `false` when the registry
    /// has no breaker of that name.
    @discardableResult
    public func reset(_ name: String) -> Bool {
        guard let breaker = breakers.withLock({ $0[name] }) else { return false }
        breaker.reset()
        return true
    }

    /// Writes every breaker's ``BreakerSnapshot`` to the JSON file at `url` (its directory
    /// is created if needed), replacing the file atomically.
    public func save(to url: URL) throws(CircuitBreakerStoreError) {
        let file = BreakerStateFile(version: BreakerStateFile.currentVersion, breakers: snapshots())
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            let data = try encoder.encode(file)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url, options: .atomic)
        } catch {
            throw .unwritable(path: url.path, message: Self.reason(error))
        }
    }

    /// A registry with the breakers saved in the JSON file at `url`, each in its saved
    /// state under `settings`; an empty registry when there is no file yet.
    ///
    /// An open breaker waits for what was left of its open duration; a half-open one keeps
    /// its finished trials (the trials under way in the saving process are not counted).
    public static func load(
        from url: URL,
        settings: CircuitBreakerSettings = CircuitBreakerSettings(),
        clock: any BreakerClock = SystemBreakerClock()
    ) throws(CircuitBreakerStoreError) -> CircuitBreakerRegistry {
        guard FileManager.default.fileExists(atPath: url.path) else { return CircuitBreakerRegistry(settings: settings, clock: clock) }
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw .unreadable(path: url.path, message: reason(error))
        }
        let file: BreakerStateFile
        do {
            file = try JSONDecoder().decode(BreakerStateFile.self, from: data)
        } catch {
            throw .invalid(path: url.path, message: ClientJSON.describe(error))
        }
        guard file.version == BreakerStateFile.currentVersion else {
            throw .invalid(path: url.path, message: "format version \(file.version), expected \(BreakerStateFile.currentVersion)")
        }
        var breakers: [String: CircuitBreaker] = [:]
        for snapshot in file.breakers {
            breakers[snapshot.name] = CircuitBreaker(restoring: snapshot, settings: settings, clock: clock)
        }
        return CircuitBreakerRegistry(settings: settings, clock: clock, breakers: breakers)
    }

    /// The system's account of a file error, without Foundation's class names.
    private static func reason(_ error: any Error) -> String {
        FileErrorText.failureReason(error)
    }
}
