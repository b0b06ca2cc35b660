import XCTest
@testable import SutaModel

/// Settings the CIS Docker Benchmark flags: warnings naming the rule, errors under a strict
/// policy (Project or profile), and the fields sutactl refuses outright.
final class DangerousSettingRuleTests: XCTestCase {
    private let directories = "CIS Docker Benchmark 5.5: do not mount sensitive host system directories"
    private let socket = "CIS Docker Benchmark 5.31: do not mount the Docker socket"
    private let directoryHint = "mount only the files it needs, read-only, from a directory of their own"
    private let socketHint = "whoever reaches the socket controls the engine and the host, read-only or not"

    /// The fixture's diagnostics for the `agent` service, as warnings or errors (with `because`).
    private func agentMessages(_ severity: String, because: String? = nil) -> [String] {
        let suffix = because.map { "; an error because \($0)" } ?? ""
        let file = "dangerous-settings/services.yaml"
        return [
            "\(file):7:7: \(severity): bind mount of the host's `/` (read-only) into the container (\(directories))\n  hint: \(directoryHint)\(suffix)",
            "\(file):8:7: \(severity): bind mount of the host's `/etc` into the container (\(directories))\n  hint: \(directoryHint)\(suffix)",
            "\(file):9:7: \(severity): bind mount of the host's `/proc` (read-only) into the container (\(directories))\n  hint: \(directoryHint)\(suffix)",
            "\(file):13:7: \(severity): bind mount of the host's `/sys` (read-only) into the container (\(directories))\n  hint: \(directoryHint)\(suffix)",
            "\(file):14:7: \(severity): bind mount of the Docker socket `/var/run/docker.sock` into the container (\(socket))\n  hint: \(socketHint)\(suffix)",
            "\(file):15:7: \(severity): bind mount of `/run`, which holds the Docker socket, into the container (\(socket))\n  hint: \(socketHint)\(suffix)",
            "\(file):17:13: \(severity): `cap_add: [ALL]` gives the container every capability (CIS Docker Benchmark 5.3: restrict Linux kernel "
                + "capabilities)\n  hint: add only the capabilities it needs, e.g. [NET_BIND_SERVICE]\(suffix)",
            "\(file):18:18: \(severity): `seccomp=unconfined` turns the engine's seccomp filter off (CIS Docker Benchmark 5.21: do not disable "
                + "the default seccomp profile)\n  hint: keep the default profile, or give a profile's JSON that allows the calls it needs\(suffix)",
            "\(file):18:40: \(severity): `apparmor:unconfined` runs the container without AppArmor (CIS Docker Benchmark 5.1: run containers "
                + "under an AppArmor profile)\n  hint: keep the engine's docker-default profile, or name a profile of your own\(suffix)",
            "\(file):18:63: \(severity): `label=disable` turns SELinux separation off for the container (CIS Docker Benchmark 5.2: keep SELinux "
                + "labels on)\n  hint: keep the engine's labels, or set a type with label=type:...\(suffix)",
        ]
    }

    private func quietMessage(_ severity: String, because: String? = nil) -> String {
        "dangerous-settings/services.yaml:25:13: \(severity): bind mount of the Docker socket `/run/docker.sock` into the container (\(socket))\n"
            + "  hint: \(socketHint)" + (because.map { "; an error because \($0)" } ?? "")
    }

    func testDangerousSettingsWarnByDefaultNamingTheRule() throws {
        let resolution = try Fixture.resolve("dangerous-settings")
        XCTAssertNotNil(resolution.config, "warnings only")
        XCTAssertEqual(resolution.diagnostics.map(\.description), agentMessages("warning") + [quietMessage("warning")])
    }

    func testOnlyServicesOfTheActiveProfileAreChecked() throws {
        XCTAssertEqual(try Fixture.messages("dangerous-settings", profiles: ["agent-only"]), agentMessages("warning"))
    }

    func testAProfilePolicyMakesThemErrors() throws {
        let resolution = try Fixture.resolve("dangerous-settings", profiles: ["hardened"])
        XCTAssertNil(resolution.config)
        let because = "profile `hardened` sets `policy: {dangerous: error}`"
        XCTAssertEqual(resolution.diagnostics.map(\.description), agentMessages("error", because: because) + [quietMessage("error", because: because)])
    }

    func testAProjectPolicyMakesThemErrorsAndAProfileCannotLoosenIt() throws {
        let expected = [
            "dangerous-project-policy/services.yaml:12:13: error: bind mount of the Docker socket `/var/run/docker.sock` into the container (\(socket))\n"
                + "  hint: \(socketHint); an error because the Project sets `policy: {dangerous: error}`",
        ]
        XCTAssertEqual(try Fixture.messages("dangerous-project-policy"), expected)
        XCTAssertEqual(try Fixture.messages("dangerous-project-policy", profiles: ["relaxed"]), expected)
    }

    func testPolicyValuesAreChecked() throws {
        XCTAssertEqual(try Fixture.messages("policy-typo"), [
            "policy-typo/manifests.yaml:5:23: error: `dangerous` must be one of warn, error, found `lax`",
            "policy-typo/manifests.yaml:11:12: error: unknown field `dangrous` in policy\n  hint: did you mean `dangerous`?",
        ])
    }

    func testHostNamespacesPrivilegedAndDevicesAreRefused() throws {
        XCTAssertEqual(try Fixture.messages("refused-fields"), [
            "refused-fields/service.yaml:6:3: error: `privileged` is not supported (CIS Docker Benchmark 5.4: do not use privileged containers)\n"
                + "  hint: add only the capabilities it needs with `cap_add`",
            "refused-fields/service.yaml:7:3: error: `network_mode` is not supported (CIS Docker Benchmark 5.9: do not share the host's network "
                + "namespace)\n  hint: services join the project's `networks`; sutactl's probes, gateway and discovery go through them",
            "refused-fields/service.yaml:8:3: error: `pid` is not supported (CIS Docker Benchmark 5.15: do not share the host's process namespace)\n"
                + "  hint: each container keeps its own process namespace under sutactl",
            "refused-fields/service.yaml:9:3: error: `ipc` is not supported (CIS Docker Benchmark 5.16: do not share the host's IPC namespace)\n"
                + "  hint: each container keeps its own IPC namespace under sutactl",
            "refused-fields/service.yaml:10:3: error: `uts` is not supported (CIS Docker Benchmark 5.20: do not share the host's UTS namespace)\n"
                + "  hint: each container keeps its own hostname under sutactl",
            "refused-fields/service.yaml:11:3: error: `userns_mode` is not supported (CIS Docker Benchmark 5.30: do not share the host's user "
                + "namespace)\n  hint: user namespaces are the engine's setting (dockerd --userns-remap)",
            "refused-fields/service.yaml:12:3: error: `devices` is not supported (CIS Docker Benchmark 5.17: do not expose host devices)\n"
                + "  hint: host devices stay out of containers managed by sutactl",
        ])
    }
}
