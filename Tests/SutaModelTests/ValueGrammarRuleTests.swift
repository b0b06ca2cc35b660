import XCTest
@testable import SutaModel

/// Values the engine or the kernel would refuse only when a container is created or started
/// (issue 12): `validate` refuses each with one positioned message.
final class ValueGrammarRuleTests: XCTestCase {
    private let referenceHint = "\n  hint: write [REGISTRY[:PORT]/]NAME[:TAG][@sha256:DIGEST], e.g. `postgres:16.3-alpine`"

    func testImageReferencesFollowDockersGrammar() throws {
        let long = "registry.example.com/" + String(repeating: "a", count: 240)
        XCTAssertEqual(try Fixture.messages("bad-images"), [
            "bad-images/long.yaml:4:15: error: image `\(long):1` of `long` is not a valid image reference: "
                + "repository name must not be more than 255 characters (it has 261)" + referenceHint,
            "bad-images/services.yaml:4:15: error: image `Redis:7.2` of `upper` is not a valid image reference: repository name must be lowercase"
                + referenceHint,
            "bad-images/services.yaml:9:15: error: image `redis:-7` of `tag` is not a valid image reference: tag `-7` must be 1 to 128 letters, "
                + "digits, `_`, `.` or `-`, and start with a letter, digit or `_`" + referenceHint,
            "bad-images/services.yaml:14:15: error: image `redis@sha256:ABCDEF` of `digest` is not a valid image reference: "
                + "digest `sha256:ABCDEF` must have 64 lowercase hex digits after `sha256:`" + referenceHint,
            "bad-images/services.yaml:19:15: error: image `team/my..app:1` of `path` is not a valid image reference: invalid reference format: "
                + "`my..app` must be lowercase letters and digits separated by `.`, `_`, `__` or `-`" + referenceHint,
            "bad-images/services.yaml:24:15: error: image `redis 7` of `space` is not a valid image reference: invalid reference format: "
                + "`redis 7` must be lowercase letters and digits separated by `.`, `_`, `__` or `-`" + referenceHint,
            "bad-images/services.yaml:29:15: error: image `deploy:***@registry.example.com/app:1` of `credentials` is not a valid image reference: "
                + "credentials do not belong in an image reference: log the engine in to the registry (docker login) instead" + referenceHint,
        ])
    }

    func testImageGrammarAcceptsWhatDockerAccepts() {
        for valid in ["redis", "redis:7.2-alpine", "library/redis", "localhost:5000/app", "localhost:5000", "[::1]:5000/team/app:1",
                      "Registry.Example.com:5000/team/app_x__y--z.v2:1.0-rc_1", "ghcr.io/a/b/c:_tag",
                      "redis@sha256:" + String(repeating: "0", count: 64), "redis:7@sha512:" + String(repeating: "f", count: 128)] {
            XCTAssertNil(ImageReferenceGrammar.problem(valid), valid)
        }
        for invalid in ["redis:", ":7", "/redis", "redis/", "a//b", "redis:7:8", "UPPER", "redis@md5:" + String(repeating: "0", count: 32),
                        "redis:" + String(repeating: "t", count: 129), "-redis", "redis_", "re__dis___x", "[::1/app"] {
            XCTAssertNotNil(ImageReferenceGrammar.problem(invalid), invalid)
        }
    }

    func testEnvironmentFitsAProcessEnvironmentAndValuesAreNeverQuoted() throws {
        let secret = String(repeating: "s", count: 140_000)
        let resolution = try Fixture.resolve("bad-environment", variables: [
            "LARGE": String(repeating: "x", count: 131_070), "SESSION_SECRET": secret, "FINE": String(repeating: "f", count: 131_065),
        ])
        let tooLong = "\n  hint: the container would be created but fail to start; pass large data in a file or a volume"
        XCTAssertEqual(resolution.diagnostics.map(\.description), [
            "bad-environment/service.yaml:7:13: error: invalid environment variable name `A\\u{0}B`",
            "bad-environment/service.yaml:8:15: error: the value of `WITH_NUL` contains a NUL byte, which no process environment can hold",
            "bad-environment/service.yaml:9:12: error: `LARGE=…` is 131076 bytes, more than the 131071 the kernel allows per environment entry "
                + "(MAX_ARG_STRLEN, 128 KiB)" + tooLong,
            "bad-environment/service.yaml:10:21: error: `SESSION_SECRET=…` is 140015 bytes, more than the 131071 the kernel allows per "
                + "environment entry (MAX_ARG_STRLEN, 128 KiB)" + tooLong,
            "bad-environment/service.yaml:19:7: error: invalid environment variable name ``",
            "bad-environment/service.yaml:21:22: error: `command` word 2 contains a NUL byte, which no process argument can hold",
        ])
        XCTAssertFalse(resolution.diagnostics.map(\.description).joined().contains("sssss"))
    }

    func testMountAndTmpfsTargets() throws {
        let options = "\n  hint: options are size=, mode=, uid=, gid=, nr_inodes=, nr_blocks=, mpol= and mount flags such as ro, noexec, nosuid, nodev"
        XCTAssertEqual(try Fixture.messages("bad-mounts"), [
            "bad-mounts/service.yaml:7:7: error: mount target `/` is the container's root; mount it below `/`",
            "bad-mounts/service.yaml:8:7: error: mount target `/..` is the container's root; mount it below `/`",
            "bad-mounts/service.yaml:10:7: error: mount target `cache` must be an absolute path",
            "bad-mounts/service.yaml:13:7: error: tmpfs target `run` must be an absolute path\n  hint: e.g. /tmp:size=64m",
            "bad-mounts/service.yaml:14:7: error: tmpfs target `/` is the container's root; mount it below `/`",
            "bad-mounts/service.yaml:15:7: error: tmpfs option `size` has an invalid value `64mb` in tmpfs `/tmp:size=64mb`" + options,
            "bad-mounts/service.yaml:16:7: error: unknown tmpfs option `bogus` in tmpfs `/cache:noexec,bogus`" + options,
            "bad-mounts/service.yaml:18:7: error: tmpfs target `/data/` is also mounted by `volumes`\n"
                + "  hint: that mount is at bad-mounts/service.yaml:11:7",
            "bad-mounts/service.yaml:27:7: error: `twice` mounts two things at /data/\n  hint: the first is at bad-mounts/service.yaml:26:7",
            "bad-mounts/service.yaml:28:23: error: `memory` must be at least 6M (the engine's smallest memory limit), found 1048576 bytes\n"
                + "  hint: leave `memory` out for no limit",
        ])
    }

    func testSignalsUsersWorkingDirectoriesCapabilitiesAndSecurityOptions() throws {
        let user = "\n  hint: e.g. `1001`, `1001:1001`, `postgres` or `nobody:nogroup`"
        XCTAssertEqual(try Fixture.messages("bad-process"), [
            "bad-process/service.yaml:6:16: error: `stop_signal` `SIGTREM` is not a signal the engine knows\n  hint: did you mean `SIGTERM`?",
            "bad-process/service.yaml:7:9: error: `user` must be USER or USER:GROUP, found `app:staff:extra` (more than one `:`)" + user,
            "bad-process/service.yaml:8:16: error: `working_dir` `app` must be an absolute path\n  hint: e.g. /app",
            "bad-process/service.yaml:15:16: error: `stop_signal` `32` is not a signal the engine knows\n"
                + "  hint: signal numbers are 1 to 31 and 34 to 64 (32 and 33 belong to the C library)",
            "bad-process/service.yaml:16:9: error: user id 4294967296 in `user` is out of range: ids are 0 to 2147483647" + user,
            "bad-process/service.yaml:17:13: error: unknown capability `NET_BIND_SERVIC` in `cap_add`\n  hint: did you mean `NET_BIND_SERVICE`?",
            "bad-process/service.yaml:18:14: error: unknown capability `CAP_ALL` in `cap_drop`\n  hint: did you mean `ALL`?",
            "bad-process/service.yaml:19:18: error: `seccomp` must be `unconfined`, `builtin` or a profile's JSON, found `/etc/docker/seccomp.json`\n"
                + "  hint: the engine does not read profile files (the docker CLI reads them and sends their JSON)",
            "bad-process/service.yaml:19:54: error: unknown security option `systempaths` in `systempaths=unconfined`\n"
                + "  hint: the engine's API takes no-new-privileges, seccomp, apparmor, label",
            "bad-process/service.yaml:19:80: error: `no-new-privileges` must be true or false, found `yes`\n  hint: write no-new-privileges:true",
            "bad-process/service.yaml:19:105: error: SELinux `label` must be disable, nested, or user:, role:, type:, level: or filetype: "
                + "with a value, found `bogus`\n  hint: e.g. label=type:container_t",
        ])
        XCTAssertTrue(SignalName.isValid("sigterm") && SignalName.isValid("TERM") && SignalName.isValid("RTMAX-2") && SignalName.isValid("64"))
        XCTAssertFalse(SignalName.isValid("0") || SignalName.isValid("65") || SignalName.isValid("SIG") || SignalName.isValid("-15"))
    }

    func testCPUsBelowTheEnginesMinimumAndAboveTheHost() throws {
        let resolution = try Fixture.resolve("bad-cpus", profiles: ["some"], hostCPUCount: 8)
        // The inactive `idle` (128 CPUs) is not this host's business.
        XCTAssertEqual(resolution.diagnostics.map(\.description), [
            "bad-cpus/service.yaml:6:21: error: `cpus` must be at least 0.01 (the engine's smallest CPU limit), found 1e-12\n"
                + "  hint: leave `cpus` out for no limit",
            "bad-cpus/service.yaml:13:21: warning: `cpus` 64 is more than the 8 CPUs of this host: the container gets 8\n"
                + "  hint: the engine refuses a limit above the host's CPU count, so sutactl lowers it",
        ])
        // Without a host count (a pure resolve) there is nothing to compare with.
        XCTAssertEqual(try Fixture.resolve("bad-cpus", profiles: ["some"]).diagnostics.count, 1)
    }

    func testGatewayRoutesAndRegistrationsFollowKongAndConsul() throws {
        let messages = try Fixture.messages("bad-integrations", variables: ["NOTES": String(repeating: "n", count: 600)])
        XCTAssertEqual(messages, [
            "bad-integrations/service.yaml:9:15: error: route name `api v1` must be letters, digits, `.`, `-`, `_` or `~` (Kong's name rule)",
            "bad-integrations/service.yaml:10:17: error: route path `/v1/items list` has characters a URL path cannot hold (space, `?`, `#`, "
                + "quotes, ...); percent-encode them",
            "bad-integrations/service.yaml:10:35: error: route path `/v1//x` must not have an empty segment (`//`)",
            "bad-integrations/service.yaml:10:45: error: route path `/v1/%zz` has an incomplete percent-escape (`%` must be followed by two hex digits)",
            "bad-integrations/service.yaml:13:15: error: route `api-v2` is declared twice in `api`",
            "bad-integrations/service.yaml:18:7: error: meta key `tier name` must be letters, digits, `_` or `-` (Consul's rule)",
            "bad-integrations/service.yaml:19:7: error: meta key `consul-version` uses the prefix `consul-`, which Consul reserves",
            "bad-integrations/service.yaml:20:7: error: meta key `sutactl-project` uses the prefix `sutactl-`, which sutactl sets itself",
            "bad-integrations/service.yaml:21:7: error: the value of meta key `notes` is 600 bytes, more than Consul's 512",
            "bad-integrations/service.yaml:23:19: error: discovery check `http` must be a path starting with `/`, found `health`\n"
                + "  hint: the agent checks http://127.0.0.1:PORT followed by this path",
        ])
    }
}
