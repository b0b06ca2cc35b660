import XCTest
@testable import SutaModel

/// One test per validation rule, each against a fixture in Fixtures/, asserting the exact
/// `file:line:col: severity: message` lines.
final class ValidationRuleTests: XCTestCase {
    func testUnknownFieldsGetDidYouMean() throws {
        XCTAssertEqual(try Fixture.messages("unknown-field"), [
            "unknown-field/service.yaml:9:5: error: unknown field `memroy` in resources\n  hint: did you mean `memory`?",
            "unknown-field/service.yaml:10:3: error: unknown field `helthcheck` in service spec\n  hint: did you mean `healthcheck`?",
        ])
    }

    func testWrongTypes() throws {
        XCTAssertEqual(try Fixture.messages("wrong-types"), [
            "wrong-types/service.yaml:7:14: error: `read_only` must be true or false, found string \"yes\"",
            "wrong-types/service.yaml:8:13: error: `replicas` must be a whole number, found `two`",
            "wrong-types/service.yaml:9:13: error: `cap_drop` must be a list, found `ALL`",
            "wrong-types/service.yaml:10:17: error: invalid environment variable name `1`",
            "wrong-types/service.yaml:10:20: error: invalid environment variable name `2`",
            "wrong-types/service.yaml:11:10: error: `ports` must be a list, found string \"8080:80\"",
        ])
    }

    func testBadUnitsAndDurations() throws {
        XCTAssertEqual(try Fixture.messages("bad-units"), [
            "bad-units/service.yaml:8:11: error: `cpus` must be at least 0.01 (the engine's smallest CPU limit), found 0\n"
                + "  hint: leave `cpus` out for no limit",
            "bad-units/service.yaml:9:13: error: `memory` is not a memory size: `2 gigs`\n"
                + "  hint: use a number with a unit: 512M, 2G, 1.5G (binary units b, k, m, g, t)",
            "bad-units/service.yaml:12:15: error: `interval` is not a duration: `10`\n  hint: add a unit: `10s`",
            "bad-units/service.yaml:13:14: error: `timeout` is not a duration: `5 seconds`\n"
                + "  hint: use a number with a unit: 500ms, 10s, 1m30s, 2h",
            "bad-units/service.yaml:14:19: error: `start_period` must be at least 1ms",
            "bad-units/service.yaml:15:22: error: `stop_grace_period` is not a duration: `1x`\n"
                + "  hint: use a number with a unit: 500ms, 10s, 1m30s, 2h",
        ])
    }

    func testMalformedPorts() throws {
        let hint = "\n  hint: write [HOST_IP:][HOST_PORT:]CONTAINER_PORT[/tcp|udp], e.g. \"127.0.0.1:10000:5432\""
        XCTAssertEqual(try Fixture.messages("bad-ports"), [
            "bad-ports/service.yaml:8:7: error: host port 70000 in `127.0.0.1:70000:80` is out of range: ports are 1 to 65535",
            "bad-ports/service.yaml:9:7: error: malformed port `8080:80/sctp`" + hint,
            "bad-ports/service.yaml:11:18: error: `published` must be 1 to 65535, found 0",
            "bad-ports/service.yaml:12:7: error: port has no `target` (the container port)",
            "bad-ports/service.yaml:14:7: error: host port 0 in `0:80` is out of range: ports are 1 to 65535\n"
                + "  hint: leave the host port out (`80`) and the engine picks a free one",
            "bad-ports/service.yaml:15:7: error: container port 0 in `127.0.0.1:8082:0` is out of range: ports are 1 to 65535",
            "bad-ports/service.yaml:16:7: error: host port 0 in `127.0.0.1:0:80/udp` is out of range: ports are 1 to 65535\n"
                + "  hint: leave the host port out (`127.0.0.1::80/udp`) and the engine picks a free one",
        ])
    }

    func testSameHostPortTwiceInOneProfile() throws {
        XCTAssertEqual(try Fixture.messages("port-clash"), [
            "port-clash/services.yaml:14:7: error: host port 127.0.0.1:8080/tcp of `admin` is already published by `api`\n"
                + "  hint: the first is at port-clash/services.yaml:6:11",
            "port-clash/services.yaml:15:7: error: host port 127.0.0.2:9090/tcp of `admin` is already published by `api`\n"
                + "  hint: the first is at port-clash/services.yaml:6:32",
        ])
    }

    func testDuplicateNamesAcrossFiles() throws {
        XCTAssertEqual(try Fixture.messages("duplicate-names"), [
            "duplicate-names/b.yaml:3:18: error: duplicate Volume `data`\n  hint: first defined at duplicate-names/a.yaml:8:18",
            "duplicate-names/b.yaml:7:18: error: duplicate Service `web`\n  hint: first defined at duplicate-names/a.yaml:3:18",
        ])
    }

    func testUndefinedReferences() throws {
        XCTAssertEqual(try Fixture.messages("undefined-refs"), [
            "undefined-refs/services.yaml:14:14: error: service `web` uses undefined network `backend-nt`\n"
                + "  hint: did you mean `backend-net`?",
            "undefined-refs/services.yaml:15:13: error: service `web` uses undefined volume `pg_data`\n  hint: did you mean `pgdata`?",
            "undefined-refs/services.yaml:16:16: error: service `web` depends on undefined service `databse`",
        ])
    }

    func testDependencyCycleIsPrinted() throws {
        XCTAssertEqual(try Fixture.messages("cycle"), [
            "cycle/services.yaml:21:16: error: dependency cycle: a -> b -> c -> a\n"
                + "  hint: break the cycle, or mark one edge `required: false` and drop it from a profile",
        ])
    }

    func testRequiredDependencyOutsideTheProfile() throws {
        XCTAssertEqual(try Fixture.messages("profile-required", profiles: ["tiny"]), [
            "profile-required/services.yaml:19:5: error: `api` requires `db`, which is not in the active profile\n"
                + "  hint: add `db` to the profile, or mark the dependency `required: false`",
        ])
        let small = try XCTUnwrap(try Fixture.resolve("profile-required", profiles: ["small"]).config)
        XCTAssertEqual(small.services.map(\.name), ["api", "db"])
        // The optional dependency on `cache` is dropped; the required one stays.
        XCTAssertEqual(small.services[0].dependsOn.map(\.service), ["db"])
        XCTAssertEqual(small.services[0].dependsOn.first?.condition, .healthy)
    }

    func testMissingSecretsAreNamed() throws {
        XCTAssertEqual(try Fixture.messages("missing-secret"), [
            "missing-secret/services.yaml:13:14: error: required secret `DB_PASS` is not set\n"
                + "  hint: export DB_PASS=... or put it in the .env file beside the manifests",
            "missing-secret/services.yaml:14:21: error: required secret `JWT_SECRET_KEY` is not set: generate one with openssl rand -hex 32\n"
                + "  hint: export JWT_SECRET_KEY=... or put it in the .env file beside the manifests",
        ])
    }

    func testSecretsAreMaskedInTheResolvedConfig() throws {
        let resolution = try Fixture.resolve("missing-secret", variables: ["DB_PASS": "pa55-word", "JWT_SECRET_KEY": "k3y-value"])
        let config = try XCTUnwrap(resolution.config)
        let environment = config.services[0].environment
        XCTAssertEqual(environment.map(\.name), ["DB_PASS", "JWT_SECRET_KEY", "REGION"])
        XCTAssertEqual(environment.map(\.isSecret), [true, true, false])
        XCTAssertEqual(environment.map(\.value), ["pa55-word", "k3y-value", "eu"])
        for rendered in [config.value.json(), config.value.yaml()] {
            XCTAssertFalse(rendered.contains("pa55-word"))
            XCTAssertFalse(rendered.contains("k3y-value"))
            XCTAssertTrue(rendered.contains("***"))
        }
    }

    func testImageTagWarnings() throws {
        let resolution = try Fixture.resolve("image-warnings")
        XCTAssertNotNil(resolution.config, "warnings do not make the manifests invalid")
        XCTAssertEqual(resolution.diagnostics.map(\.description), [
            "image-warnings/services.yaml:4:15: warning: image `redis` of `a` has no tag; it means `latest`\n"
                + "  hint: pin a version, e.g. `redis:1.2.3`",
            "image-warnings/services.yaml:9:15: warning: image `redis:latest` of `b` uses the `latest` tag\n"
                + "  hint: pin a version so applies are repeatable",
            "image-warnings/services.yaml:14:15: warning: image `registry:5000/team/app` of `c` has no tag; it means `latest`\n"
                + "  hint: pin a version, e.g. `registry:5000/team/app:1.2.3`",
        ])
    }

    func testAdminAndDiscoveryPortsOffLoopbackWarn() throws {
        let resolution = try Fixture.resolve("exposed-admin")
        XCTAssertNotNil(resolution.config)
        XCTAssertEqual(resolution.diagnostics.map(\.description), [
            "exposed-admin/services.yaml:13:33: warning: gateway admin port 8001 of `kong` is published on 0.0.0.0\n"
                + "  hint: publish the admin API on 127.0.0.1 only",
            "exposed-admin/services.yaml:21:7: warning: discovery port 8500 of `consul` is published on 0.0.0.0\n"
                + "  hint: publish the agent's API on 127.0.0.1 only",
        ])
    }

    func testSecretsOutsideEnvironmentAndReservedLabels() throws {
        let messages = try Fixture.messages("secret-misuse", variables: ["API_TOKEN": "t0ken-value", "ADMIN_PASSWORD": "s3cr3t"])
        XCTAssertEqual(messages, [
            "secret-misuse/service.yaml:8:12: error: secret `API_TOKEN` may only be used in `environment` values, not in `labels.token`\n"
                + "  hint: labels, commands and names are shown by `config`, `status` and `docker inspect`",
            "secret-misuse/service.yaml:9:5: error: label `sutactl.project` uses the reserved prefix `sutactl.`\n"
                + "  hint: sutactl sets these labels itself to track what it owns",
            "secret-misuse/service.yaml:10:36: error: secret `ADMIN_PASSWORD` may only be used in `environment` values, not in `command`\n"
                + "  hint: labels, commands and names are shown by `config`, `status` and `docker inspect`",
        ])
        XCTAssertFalse(messages.joined().contains("s3cr3t"))
        XCTAssertFalse(messages.joined().contains("t0ken-value"))
    }

    func testHealthyConditionNeedsAHealthcheckAndConditionsAreChecked() throws {
        XCTAssertEqual(try Fixture.messages("healthy-needs-check"), [
            "healthy-needs-check/services.yaml:12:5: error: `api` waits for `db` to be healthy, but `db` has no healthcheck\n"
                + "  hint: add a healthcheck to `db` or use condition service_started",
            "healthy-needs-check/services.yaml:13:22: error: unknown condition `service_ready`\n  hint: did you mean `service_healthy`?",
        ])
    }

    func testStaticAddressesMustFitTheSubnetAndBeUnique() throws {
        XCTAssertEqual(try Fixture.messages("static-address"), [
            "static-address/services.yaml:5:42: error: gateway `172.31.0.1` is not an address in subnet 172.30.0.0/24",
            // At the `ipv4_address` value, not at the network's name.
            "static-address/services.yaml:17:25: error: address 172.30.1.5 of `a` is outside subnet 172.30.0.0/24 of `net`",
            "static-address/services.yaml:18:27: error: `a` asks for address 10.0.0.5, but network `plain` has no ipam subnet\n"
                + "  hint: static addresses need `ipam.subnet` on the network",
            "static-address/services.yaml:34:25: error: address 172.30.0.9 on `net` is given to both `b` and `c`",
        ])
    }

    func testProfileMistakesPointAtTheProfileFile() throws {
        XCTAssertEqual(try Fixture.messages("profile-typo", profiles: ["hardened"]), [
            "profile-typo/services.yaml:12:16: error: `read_only` must be true or false, found `maybe`",
            "profile-typo/services.yaml:15:7: error: unknown field `resourcs` in service spec\n  hint: did you mean `resources`?",
            "profile-typo/services.yaml:16:5: error: profile `hardened` overrides unknown service `apii`\n  hint: did you mean `api`?",
        ])
    }

    func testUnknownProfileIsAUsageError() throws {
        let resolution = try Fixture.resolve("profile-overrides", profiles: ["hardend"])
        XCTAssertNil(resolution.config)
        XCTAssertEqual(resolution.usageError,
                       "unknown profile `hardend` (did you mean `hardened`?); known profiles: everything, hardened, just-api")
        XCTAssertEqual(try Fixture.resolve("profile-overrides", profiles: ["everything", "just-api"]).usageError,
                       "profiles everything and just-api both select services; give one, plus any overlays")
    }
}
