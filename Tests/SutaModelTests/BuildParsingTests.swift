import SutaModel
import XCTest

/// `build` in a Service: Compose's keys and short form, paths relative to the manifest file,
/// the default image name, and refusals at their place.
final class BuildParsingTests: XCTestCase {
    private func resolve(_ spec: String, project: String = "Shop") -> ConfigResolution {
        let text = """
        apiVersion: sutactl/v1
        kind: Project
        metadata: {name: \(project)}
        ---
        apiVersion: sutactl/v1
        kind: Service
        metadata: {name: web}
        spec:
        \(spec)
        """
        let resolver = ConfigResolver(variables: ["VERSION": "1.2"], profiles: [], defaultProjectName: "fixture")
        return resolver.resolve([ManifestFile(path: "/srv/app/manifests/web.yaml", bytes: Array(text.utf8))])
    }

    private func errors(_ resolution: ConfigResolution) -> [String] {
        resolution.diagnostics.filter { $0.severity == .error }.map(\.description)
    }

    func testShortFormIsTheContextAndTheImageIsNamedAsComposeNamesIt() throws {
        let resolution = resolve("  build: ../web")
        let service = try XCTUnwrap(resolution.config?.services.first, "\(resolution.diagnostics)")
        XCTAssertEqual(service.build?.context, "/srv/app/web")
        XCTAssertEqual(service.build?.dockerfile, "Dockerfile")
        XCTAssertEqual(service.image, "shop-web", "PROJECT-SERVICE in lowercase, as docker compose names it")
        XCTAssertEqual(resolution.diagnostics.filter { $0.severity == .warning }.map(\.description), [], "no tag advice for a built image")
    }

    func testLongFormWithImageTag() throws {
        let resolution = resolve("""
          image: shop/web:${VERSION}
          build:
            context: ./web
            dockerfile: docker/Dockerfile.prod
            args:
              - VERSION=${VERSION}
              - EMPTY=
            target: final
            labels: {team: core}
        """)
        let service = try XCTUnwrap(resolution.config?.services.first, "\(resolution.diagnostics)")
        XCTAssertEqual(service.image, "shop/web:1.2")
        XCTAssertEqual(service.build, BuildSpec(context: "/srv/app/manifests/web", dockerfile: "docker/Dockerfile.prod",
                                               args: ["VERSION": "1.2", "EMPTY": ""], target: "final", labels: ["team": "core"],
                                               location: service.build!.location))
        XCTAssertEqual(service.build?.location.description, "/srv/app/manifests/web.yaml:11:5")
    }

    func testRefusalsArePlaced() {
        XCTAssertEqual(errors(resolve("""
          build:
            context: web
            dockerfile: ../Dockerfile
            args: {TOKEN_ONLY: }
            labels: {sutactl.build-hash: x}
            tags: [a]
        """)), [
            "/srv/app/manifests/web.yaml:11:17: error: `build.dockerfile` `../Dockerfile` is outside the build context `web`\n"
                + "  hint: put the Dockerfile in the context directory (the engine reads it from there)",
            "/srv/app/manifests/web.yaml:12:12: error: build argument `TOKEN_ONLY` has no value\n  hint: write `TOKEN_ONLY: ${TOKEN_ONLY}`",
            "/srv/app/manifests/web.yaml:13:14: error: label `sutactl.build-hash` uses the reserved prefix `sutactl.`\n"
                + "  hint: sutactl sets these labels itself to track what it owns",
            "/srv/app/manifests/web.yaml:14:5: error: unknown field `tags` in build\n  hint: did you mean `args`?",
        ])
    }

    func testADigestCannotNameABuiltImage() {
        let digest = String(repeating: "a", count: 64)
        XCTAssertEqual(errors(resolve("  image: shop/web@sha256:\(digest)\n  build: .")).map { $0.components(separatedBy: "\n")[0] }, [
            "/srv/app/manifests/web.yaml:9:10: error: image `shop/web@sha256:\(digest)` of `web` names a digest; a built image is named by a tag",
        ])
    }

    func testNeitherImageNorBuild() {
        XCTAssertEqual(errors(resolve("  command: [x]")), [
            "/srv/app/manifests/web.yaml:9:3: error: service `web` has no image\n  hint: add `image:`, or `build:` to build one",
        ])
    }

    func testTheBuildHashIsInTheFingerprint() throws {
        var service = try XCTUnwrap(resolve("  build: .").config?.services.first)
        let before = service.fingerprint(networkName: { $0 }, volumeName: { $0 }, key: nil)
        service.build?.contextDigest = "other"
        let after = service.fingerprint(networkName: { $0 }, volumeName: { $0 }, key: nil)
        XCTAssertEqual(after.changedGroups(since: before), ["build"])
        var pulled = service
        pulled.build = nil
        XCTAssertFalse(pulled.fingerprint(networkName: { $0 }, volumeName: { $0 }, key: nil).groups.contains { $0.name == "build" },
                       "services without build keep the fingerprint they had")
    }
}
