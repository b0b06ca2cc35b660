import Foundation
@testable import SutaController
import SutaModel
import SutaPlan
import SutaYAML
import XCTest

/// The rollout history store: a revision per applied configuration, numbered, capped at the
/// limit, an earlier identical one dropped (as Kubernetes does), and no secret value in its
/// file; a revision's manifest loads back in the place of the service's document.
final class RolloutHistoryTests: XCTestCase {
    private var directory: URL!
    private let secretValue = "hunter2-rollout-\(UUID().uuidString.prefix(6))"

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("suta-history-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    /// The project `p` with service `web` (MODE, and TOKEN from the secret) and a profile
    /// `dev` overriding web's LEVEL.
    private func manifests(mode: String) -> String {
        """
        apiVersion: sutactl/v1
        kind: Project
        metadata: {name: p}
        spec: {secrets: [APP_SECRET]}
        ---
        apiVersion: sutactl/v1
        kind: Service
        metadata: {name: web}
        spec:
          image: sutactl-standin:1
          environment: {MODE: "\(mode)", TOKEN: "pre-${APP_SECRET}", LEVEL: base}
        ---
        apiVersion: sutactl/v1
        kind: Profile
        metadata: {name: dev}
        spec:
          overrides:
            web: {environment: {LEVEL: dev}}
        """
    }

    private func resolve(_ text: String, pinned: [String] = [], secret: String? = nil) throws -> ResolvedConfig {
        var resolver = ConfigResolver(variables: ["APP_SECRET": secret ?? secretValue], profiles: ["dev"], defaultProjectName: "p")
        var usage = YAMLUsage()
        resolver.pinnedServices = pinned.enumerated().map {
            ParsedManifest.parse(ManifestFile(path: "web revision \($0.offset + 1)", bytes: Array($0.element.utf8)), limits: .default, usage: &usage)
        }
        let resolution = resolver.resolve([ManifestFile(path: "m.yaml", bytes: Array(text.utf8))])
        return try XCTUnwrap(resolution.config, resolution.diagnostics.map(\.description).joined(separator: "\n"))
    }

    /// Records `config` as apply does after a step of `verb` for web (replica 1) ended so.
    private func record(_ config: ResolvedConfig, verb: String = "recreate", outcome: StepOutcome = .succeeded,
                        into history: RolloutHistory) throws {
        let action: PlanAction = verb == "create" ? .createContainer(service: "web", replica: 1, name: "p-web-1")
            : .recreateContainer(service: "web", replica: 1, name: "p-web-1", containerID: "abc", changed: ["environment"], stopGrace: nil)
        let plan = Plan(steps: [PlanStep(id: 0, action: action, cause: "test")], conflicts: [], unchanged: [], leftovers: [])
        try history.record(config, plan: plan, result: ExecutionResult(outcomes: [0: outcome], containers: [:]))
    }

    func testRevisionsAreNumberedCappedAtTheLimitAndHoldNoSecretValue() throws {
        let history = RolloutHistory(directory: directory, limit: 3)
        XCTAssertEqual(try history.revisions(of: "web"), [], "nothing recorded yet")
        for mode in ["a", "b", "c", "d", "e"] { try record(try resolve(manifests(mode: mode)), into: history) }
        let revisions = try history.revisions(of: "web")
        XCTAssertEqual(revisions.map(\.revision), [3, 4, 5], "numbered on, the last 3 kept")
        XCTAssertEqual(revisions.last?.changes.map(\.text), ["~ environment.MODE \"d\" -> \"e\""])
        XCTAssertEqual(revisions.last?.changedText, "environment.MODE")
        XCTAssertTrue(revisions.last?.manifest.contains("TOKEN: pre-${APP_SECRET}") ?? false, revisions.last?.manifest ?? "")
        XCTAssertTrue(revisions.last?.manifest.contains("LEVEL: dev") ?? false, "the profile's override is in the revision")

        let file = try String(contentsOf: history.file(of: "web"), encoding: .utf8)
        XCTAssertFalse(file.contains(secretValue), "no secret value in the history file")
        XCTAssertFalse(file.contains("hunter2"), "not even a part of it")

        // A failed step records nothing; the same configuration created again (a container
        // removed by hand) is no new revision.
        try record(try resolve(manifests(mode: "f")), outcome: .failed("boom"), into: history)
        try record(try resolve(manifests(mode: "e")), verb: "create", into: history)
        XCTAssertEqual(try history.revisions(of: "web").map(\.revision), [3, 4, 5])
    }

    func testASecretValueChangeIsRecordedAsSecretChangedAndGoingBackDropsTheEarlierEntry() throws {
        let history = RolloutHistory(directory: directory)
        try record(try resolve(manifests(mode: "a")), verb: "create", into: history)
        XCTAssertEqual(try history.revisions(of: "web").first?.changedText, "(first)")
        // The planner's changes of a recreate (it knows a secret's value changed) are kept as they are.
        let rotated = try resolve(manifests(mode: "a"), secret: "another-\(secretValue)")
        let names = ResourceNames(project: "p")
        let revision = try history.append("web", settings: ServiceSettings(service: rotated.services[0], names: names),
                                          manifest: try history.revisions(of: "web")[0].manifest, changes: [.secretInEnvironment])
        XCTAssertEqual(revision?.changedText, "environment (a secret value changed)")
        try record(try resolve(manifests(mode: "b")), into: history)
        XCTAssertEqual(try history.revisions(of: "web").map(\.revision), [2, 3], "revision 1 has the manifest of revision 2: it is 2 now")
        try record(try resolve(manifests(mode: "a")), into: history)
        XCTAssertEqual(try history.revisions(of: "web").map(\.revision), [3, 4], "going back to a's configuration makes it revision 4")
        let file = try String(contentsOf: history.file(of: "web"), encoding: .utf8)
        XCTAssertFalse(file.contains(secretValue))
    }

    func testARevisionLoadsBackInThePlaceOfTheServiceWithTheSecretFromTheEnvironment() throws {
        let history = RolloutHistory(directory: directory)
        try record(try resolve(manifests(mode: "a")), verb: "create", into: history)
        let old = try history.revisions(of: "web")[0].manifest
        let undone = try resolve(manifests(mode: "b").replacingOccurrences(of: "LEVEL: dev", with: "LEVEL: newer"), pinned: [old])
        let environment = Dictionary(uniqueKeysWithValues: undone.services[0].environment.map { ($0.name, $0.value) })
        XCTAssertEqual(environment["MODE"], "a", "the revision's value, not the manifests'")
        XCTAssertEqual(environment["LEVEL"], "dev", "the revision as it was: today's profile is not merged in again")
        XCTAssertEqual(environment["TOKEN"], "pre-\(secretValue)", "the secret resolved from the environment")
        XCTAssertTrue(undone.services[0].environment.first { $0.name == "TOKEN" }?.isSecret ?? false)

        var resolver = ConfigResolver(variables: [:], profiles: ["dev"], defaultProjectName: "p")
        var usage = YAMLUsage()
        resolver.pinnedServices = [ParsedManifest.parse(ManifestFile(path: "web revision 1", bytes: Array(old.utf8)), limits: .default, usage: &usage)]
        let unset = resolver.resolve([ManifestFile(path: "m.yaml", bytes: Array(manifests(mode: "b").utf8))])
        XCTAssertNil(unset.config)
        XCTAssertEqual(unset.errors.map(\.message), ["required secret `APP_SECRET` is not set"], "apply's error, at the revision")
        XCTAssertEqual(unset.errors.first?.location?.file, "web revision 1")
    }

    func testADamagedHistoryFileIsAnErrorNamingItAndIsNeverReplaced() throws {
        let history = RolloutHistory(directory: directory)
        try FileManager.default.createDirectory(at: history.folder, withIntermediateDirectories: true)
        try Data("{not json".utf8).write(to: history.file(of: "web"))
        XCTAssertThrowsError(try history.revisions(of: "web")) { error in
            XCTAssertTrue("\(error)".contains(history.file(of: "web").path), "\(error)")
        }
        XCTAssertThrowsError(try record(try resolve(manifests(mode: "a")), into: history))
        XCTAssertEqual(try String(contentsOf: history.file(of: "web"), encoding: .utf8), "{not json")
    }
}
