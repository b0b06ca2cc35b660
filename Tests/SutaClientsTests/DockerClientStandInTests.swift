import Foundation
import SutaClients
import SutaHTTP
import SutaTestSupport
import XCTest

/// The client against ``DockerStandIn``: negotiation, request shapes, error mapping,
/// streaming (pull, events, logs) and cancellation, without a real engine.
final class DockerClientStandInTests: XCTestCase {
    private func failure<T>(_ operation: () async throws(DockerError) -> T) async -> DockerError? {
        do {
            _ = try await operation()
            return nil
        } catch {
            return error
        }
    }

    // MARK: Negotiation and counting

    func testSpeaksTheLowerOfBothVersionsAndPrefixesEveryPath() async throws {
        let versionBody = #"{"Version":"27.5.1","ApiVersion":"1.47","MinAPIVersion":"1.24","Os":"linux","Arch":"amd64","KernelVersion":"6.1"}"#
        for (engine, expected) in [("1.45", "1.45"), ("1.52", "1.47"), ("1.41", "1.41")] {
            let standIn = try DockerStandIn(apiVersion: engine, routes: ["GET /v\(expected)/version": DockerStandIn.json(200, versionBody)])
            defer { standIn.stop() }
            let version = try await standIn.client.version()
            XCTAssertEqual(version.version, "27.5.1")
            XCTAssertEqual(version.apiVersion, "1.47")
            let negotiated = try await standIn.client.apiVersion()
            XCTAssertEqual(negotiated.description, expected)
            XCTAssertEqual(standIn.requestLines, ["GET /_ping", "GET /v\(expected)/version"])
        }
    }

    func testRefusesEnginesOlderThanAPI141AndRetriesTheNegotiation() async throws {
        let standIn = try DockerStandIn(apiVersion: "1.40")
        defer { standIn.stop() }
        for _ in 0..<2 {
            let error = await failure { () async throws(DockerError) in try await standIn.client.listContainers() }
            guard case .apiVersion(let message) = error else { return XCTFail("\(String(describing: error))") }
            XCTAssertTrue(message.contains("speaks API 1.40 at most"), message)
            XCTAssertTrue(message.contains("needs API 1.41 or newer"), message)
        }
        XCTAssertEqual(standIn.requestLines, ["GET /_ping", "GET /_ping"])
    }

    func testNegotiatesOnceAndCountsEveryCall() async throws {
        let standIn = try DockerStandIn(routes: ["GET /v1.47/containers/json": DockerStandIn.json(200, "[]")])
        defer { standIn.stop() }
        let client = standIn.client
        try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<5 {
                group.addTask { try await client.listContainers(all: true).count }
            }
            for try await count in group { XCTAssertEqual(count, 0) }
        }
        XCTAssertEqual(standIn.requestLines.filter { $0 == "GET /_ping" }.count, 1)
        XCTAssertEqual(client.apiCallCount, 6)
        XCTAssertEqual(standIn.requests.count, 6)
    }

    // MARK: Errors

    func testErrorStatusesBecomeTypedErrorsWithTheEngineMessage() async throws {
        let standIn = try DockerStandIn(routes: [
            "GET /v1.47/containers/gone/json": DockerStandIn.json(404, #"{"message":"No such container: gone"}"#),
            "POST /v1.47/containers/create": DockerStandIn.json(409, #"{"message":"Conflict. The container name \"/web\" is already in use by container \"abc\"."}"#),
            "POST /v1.47/containers/web/kill": DockerStandIn.json(409, #"{"message":"Container web is not running"}"#),
            "POST /v1.47/containers/web/start": { _, connection in connection.respond(status: 500, body: Array("plain failure\n".utf8)) },
            "DELETE /v1.47/volumes/data": DockerStandIn.json(400, #"{"message":"bad parameter"}"#),
        ])
        defer { standIn.stop() }
        let client = standIn.client
        let notFound = await failure { () async throws(DockerError) in try await client.inspectContainer("gone") }
        XCTAssertEqual(notFound, .notFound("No such container: gone"))
        let conflict = await failure { () async throws(DockerError) in try await client.createContainer(name: "web", body: ContainerCreateBody(image: "x")) }
        XCTAssertEqual(conflict, .conflict(#"Conflict. The container name "/web" is already in use by container "abc"."#))
        let notRunning = await failure { () async throws(DockerError) in try await client.killContainer("web") }
        XCTAssertEqual(notRunning, .conflict("Container web is not running"))
        let server = await failure { () async throws(DockerError) in try await client.startContainer("web") }
        XCTAssertEqual(server, .server(status: 500, message: "plain failure"))
        let bad = await failure { () async throws(DockerError) in try await client.removeVolume("data") }
        XCTAssertEqual(bad, .badRequest("bad parameter"))
        XCTAssertTrue(standIn.requestLines.contains("POST /v1.47/containers/web/kill?signal=SIGKILL"))
    }

    func testAlreadyStartedAndAlreadyStoppedAreSuccess() async throws {
        let standIn = try DockerStandIn(routes: [
            "POST /v1.47/containers/web/start": { _, connection in connection.respond(status: 304) },
            "POST /v1.47/containers/web/stop": { _, connection in connection.respond(status: 304) },
        ])
        defer { standIn.stop() }
        try await standIn.client.startContainer("web")
        try await standIn.client.stopContainer("web", timeout: 3)
        XCTAssertEqual(standIn.requestLines.last, "POST /v1.47/containers/web/stop?t=3")
    }

    func testAMissingSocketIsEngineUnreachableNamingThePath() async throws {
        let directory = try StandInHTTPServer.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/docker.sock"
        let client = try DockerClient.fromEnvironment(["DOCKER_HOST": "unix://\(path)"])
        let error = await failure { () async throws(DockerError) in try await client.listContainers() }
        guard case .engineUnreachable(let socket, let message) = error else { return XCTFail("\(String(describing: error))") }
        XCTAssertEqual(socket, path)
        XCTAssertTrue(message.contains(path), message)
        XCTAssertTrue(message.contains("is dockerd running?"), message)
        XCTAssertTrue(message.contains("make engine"), message)
        XCTAssertEqual(client.apiCallCount, 1)
    }

    func testDockerHostIsHonouredAndTCPIsRejected() throws {
        XCTAssertEqual(try DockerClient.fromEnvironment([:]).endpoint, .unixSocket(path: "/var/run/docker.sock"))
        XCTAssertEqual(try DockerClient.fromEnvironment(["DOCKER_HOST": ""]).endpoint, .unixSocket(path: "/var/run/docker.sock"))
        XCTAssertEqual(try DockerClient.fromEnvironment(["DOCKER_HOST": "unix:///run/user/1000/docker.sock"]).endpoint, .unixSocket(path: "/run/user/1000/docker.sock"))
        for host in ["tcp://127.0.0.1:2375", "ssh://me@host", "unix://relative.sock"] {
            XCTAssertThrowsError(try DockerClient.fromEnvironment(["DOCKER_HOST": host])) { error in
                guard case .invalidEndpoint(let message) = error as? DockerError else { return XCTFail("\(error)") }
                XCTAssertTrue(message.hasPrefix("DOCKER_HOST=\(host)"), message)
            }
        }
    }

    // MARK: Request shapes that depend on the API version

    func testBeforeAPI144ExtraNetworksAreConnectedAfterCreate() async throws {
        let standIn = try DockerStandIn(apiVersion: "1.43", routes: [
            "POST /v1.43/containers/create": DockerStandIn.json(201, #"{"Id":"c1","Warnings":null}"#),
            "POST /v1.43/networks/front/connect": { _, connection in connection.respond(status: 200) },
        ])
        defer { standIn.stop() }
        let body = ContainerCreateBody(image: "busybox", networks: ["back": EndpointSettings(aliases: ["db"]), "front": EndpointSettings(aliases: ["web"], ipv4Address: "10.0.0.5")])
        let created = try await standIn.client.createContainer(name: "web", body: body)
        XCTAssertEqual(created.id, "c1")
        XCTAssertEqual(created.warnings, [])
        XCTAssertEqual(standIn.requestLines, ["GET /_ping", "POST /v1.43/containers/create?name=web", "POST /v1.43/networks/front/connect"])
        XCTAssertEqual(
            standIn.body(of: "POST /v1.43/containers/create"),
            #"{"HostConfig":{"NetworkMode":"back"},"Image":"busybox","NetworkingConfig":{"EndpointsConfig":{"back":{"Aliases":["db"]}}},"Tty":false}"#)
        XCTAssertEqual(standIn.body(of: "POST /v1.43/networks/front/connect"), #"{"Container":"c1","EndpointConfig":{"Aliases":["web"],"IPAMConfig":{"IPv4Address":"10.0.0.5"}}}"#)
        XCTAssertEqual(standIn.requests[1].header("Content-Type"), "application/json")
    }

    func testAFailedConnectAfterCreateRemovesTheContainer() async throws {
        let standIn = try DockerStandIn(apiVersion: "1.41", routes: [
            "POST /v1.41/containers/create": DockerStandIn.json(201, #"{"Id":"c1","Warnings":[]}"#),
            "POST /v1.41/networks/front/connect": DockerStandIn.json(404, #"{"message":"network front not found"}"#),
            "DELETE /v1.41/containers/c1": { _, connection in connection.respond(status: 204) },
        ])
        defer { standIn.stop() }
        let body = ContainerCreateBody(image: "busybox", networks: ["back": EndpointSettings(), "front": EndpointSettings()])
        let error = await failure { () async throws(DockerError) in try await standIn.client.createContainer(name: "web", body: body) }
        XCTAssertEqual(error, .notFound("network front not found"))
        XCTAssertEqual(standIn.requestLines.last, "DELETE /v1.41/containers/c1?force=1&v=0")
    }

    func testFromAPI144AllNetworksGoInOneCreate() async throws {
        let standIn = try DockerStandIn(apiVersion: "1.44", routes: ["POST /v1.44/containers/create": DockerStandIn.json(201, #"{"Id":"c1","Warnings":["swap limit"]}"#)])
        defer { standIn.stop() }
        let body = ContainerCreateBody(image: "busybox", networks: ["back": EndpointSettings(), "front": EndpointSettings()])
        let created = try await standIn.client.createContainer(name: "web", body: body)
        XCTAssertEqual(created.warnings, ["swap limit"])
        XCTAssertEqual(standIn.requestLines, ["GET /_ping", "POST /v1.44/containers/create?name=web"])
        XCTAssertTrue(standIn.body(of: "POST /v1.44/containers/create")?.contains(#""EndpointsConfig":{"back":{},"front":{}}"#) ?? false)
    }

    func testCheckDuplicateIsSentOnlyBeforeAPI144() async throws {
        for (version, sent) in [("1.43", true), ("1.44", false)] {
            let standIn = try DockerStandIn(apiVersion: version, routes: ["POST /v\(version)/networks/create": DockerStandIn.json(201, #"{"Id":"n1","Warning":""}"#)])
            defer { standIn.stop() }
            let created = try await standIn.client.createNetwork(NetworkCreateBody(name: "front"))
            XCTAssertEqual(created.id, "n1")
            XCTAssertEqual(standIn.body(of: "POST /v\(version)/networks/create")?.contains(#""CheckDuplicate":true"#), sent, version)
        }
    }

    func testANetworkWithActiveEndpointsIsInUse() async throws {
        let inUse = #"{"message":"error while removing network: network front id 3f2a has active endpoints"}"#
        let standIn = try DockerStandIn(routes: [
            "DELETE /v1.47/networks/front": DockerStandIn.json(403, inUse),
            "DELETE /v1.47/networks/back": DockerStandIn.json(409, inUse),
            "DELETE /v1.47/networks/bridge": DockerStandIn.json(403, #"{"message":"bridge is a pre-defined network and cannot be removed"}"#),
        ])
        defer { standIn.stop() }
        for name in ["front", "back"] {
            let error = await failure { () async throws(DockerError) in try await standIn.client.removeNetwork(name) }
            XCTAssertEqual(error, .networkInUse("error while removing network: network front id 3f2a has active endpoints"))
        }
        let predefined = await failure { () async throws(DockerError) in try await standIn.client.removeNetwork("bridge") }
        XCTAssertEqual(predefined, .server(status: 403, message: "bridge is a pre-defined network and cannot be removed"))
    }

    // MARK: Image pull (never against a registry: the stand-in plays the engine)

    func testAnErrorAfterTheTwoHundredFailsThePullAfterProgress() async throws {
        let unreachable = #"Get \"https://registry-1.docker.io/v2/\": dial tcp: lookup registry-1.docker.io: no such host"#
        let standIn = try DockerStandIn(routes: [
            "POST /v1.47/images/create": DockerStandIn.lines([
                #"{"status":"Pulling from library/nginx","id":"1.27"}"#,
                #"{"status":"Downloading","progressDetail":{"current":100,"total":1000},"progress":"[=> ]","id":"a1"}"#,
                #"{"errorDetail":{"message":"\#(unreachable)"},"error":"\#(unreachable)"}"#,
            ]),
        ])
        defer { standIn.stop() }
        let seen = SharedValue<[PullProgress]>([])
        let error = await failure { () async throws(DockerError) in
            try await standIn.client.pullImage("nginx:1.27") { progress in seen.withLock { $0.append(progress) } }
        }
        let message = #"cannot pull nginx:1.27: no registry reachable (Get "https://registry-1.docker.io/v2/": dial tcp: lookup registry-1.docker.io: no such host)"#
        XCTAssertEqual(error, .pullFailed(image: "nginx:1.27", message: message))
        XCTAssertEqual(seen.value, [
            PullProgress(status: "Pulling from library/nginx", id: "1.27"),
            PullProgress(status: "Downloading", id: "a1", progress: "[=> ]", current: 100, total: 1000),
        ])
        XCTAssertEqual(standIn.requests.last?.query, ["fromImage": "nginx", "tag": "1.27"])
    }

    func testASuccessfulPullDefaultsTheTagToLatest() async throws {
        let standIn = try DockerStandIn(routes: [
            "POST /v1.47/images/create": DockerStandIn.lines([
                #"{"status":"Pulling from library/busybox","id":"latest"}"#,
                #"{"status":"Status: Downloaded newer image for busybox:latest"}"#,
            ]),
        ])
        defer { standIn.stop() }
        let seen = SharedValue<[String]>([])
        try await standIn.client.pullImage("busybox") { progress in seen.withLock { $0.append(progress.status) } }
        XCTAssertEqual(seen.value, ["Pulling from library/busybox", "Status: Downloaded newer image for busybox:latest"])
        XCTAssertEqual(standIn.requestLines.last, "POST /v1.47/images/create?fromImage=busybox&tag=latest")
    }

    func testAnEarlyErrorStatusFailsThePullWithTheEngineMessage() async throws {
        let standIn = try DockerStandIn(routes: [
            "POST /v1.47/images/create": DockerStandIn.json(500, #"{"message":"Get \"https://registry-1.docker.io/v2/\": dial tcp 10.0.0.1:443: i/o timeout"}"#),
        ])
        defer { standIn.stop() }
        let error = await failure { () async throws(DockerError) in try await standIn.client.pullImage("redis", tag: "7") { _ in } }
        XCTAssertEqual(error?.description, #"cannot pull redis:7: no registry reachable (Get "https://registry-1.docker.io/v2/": dial tcp 10.0.0.1:443: i/o timeout)"#)
    }

    // MARK: Events, logs, wait

    func testEventsArriveAsTheyStreamAndDroppingTheStreamCancelsTheTransfer() async throws {
        let disconnected = DispatchSemaphore(value: 0)
        let standIn = try DockerStandIn(routes: [
            "GET /v1.47/events": { _, connection in
                connection.startChunked(status: 200, headers: [("Content-Type", "application/json")])
                let lines = #"""
                    {"Type":"container","Action":"start","Actor":{"ID":"c1","Attributes":{"name":"web"}},"scope":"local","time":1,"timeNano":1000000001}
                    {"Type":"container","Action":"die","Actor":{"ID":"c1","Attributes":{"exitCode":"137"}},"scope":"local","time":2,"timeNano":2000000002}

                    """#
                let bytes = Array(lines.utf8)
                connection.sendChunk(Array(bytes[..<50]))
                connection.sendChunk(Array(bytes[50...]))
                if !connection.waitForDisconnect(seconds: 10) { disconnected.signal() }
                connection.close()
            },
        ])
        defer { standIn.stop() }
        var received: [DockerEvent] = []
        for try await event in standIn.client.events(filters: ["label": ["app=web"]], since: Date(timeIntervalSince1970: 1.5)) {
            received.append(event)
            if received.count == 2 { break }
        }
        XCTAssertEqual(received.map(\.action), ["start", "die"])
        XCTAssertEqual(received.last?.actor.attributes["exitCode"], "137")
        XCTAssertEqual(disconnected.wait(timeout: .now() + 3), .success, "the events transfer was not cancelled")
        XCTAssertEqual(standIn.requests.last?.query, ["since": "1.500000000", "filters": #"{"label":["app=web"]}"#])
    }

    func testEventsUntilAMomentEndWhenTheEngineEndsThem() async throws {
        let line = #"{"Type":"container","Action":"create","Actor":{"ID":"c1","Attributes":{}},"scope":"local","time":1}"# + "\n"
        let standIn = try DockerStandIn(routes: ["GET /v1.47/events": DockerStandIn.json(200, line)])
        defer { standIn.stop() }
        var received: [String] = []
        for try await event in standIn.client.events(since: Date(timeIntervalSince1970: 1), until: Date(timeIntervalSince1970: 2.25)) {
            received.append(event.action)
        }
        XCTAssertEqual(received, ["create"], "the stream ended with the response")
        XCTAssertEqual(standIn.requests.last?.query, ["since": "1.000000000", "until": "2.250000000"])
    }

    func testAnEventsErrorStatusEndsTheStreamWithTheError() async throws {
        let standIn = try DockerStandIn(routes: ["GET /v1.47/events": DockerStandIn.json(400, #"{"message":"invalid filter 'nope'"}"#)])
        defer { standIn.stop() }
        do {
            for try await _ in standIn.client.events(filters: ["nope": ["x"]]) {}
            XCTFail("the stream ended without an error")
        } catch {
            XCTAssertEqual(error as? DockerError, .badRequest("invalid filter 'nope'"))
        }
    }

    private func logsStandIn(tty: Bool, body: [UInt8]) throws -> DockerStandIn {
        try DockerStandIn(routes: [
            "GET /v1.47/containers/web/json": DockerStandIn.json(200, #"{"Id":"c1","Name":"/web","State":{"Status":"running","Running":true},"Config":{"Tty":\#(tty)}}"#),
            "GET /v1.47/containers/web/logs": { _, connection in
                connection.startChunked(status: 200)
                for start in stride(from: 0, to: body.count, by: 5) {
                    connection.sendChunk(Array(body[start..<min(body.count, start + 5)]))
                }
                connection.endChunked()
            },
        ])
    }

    func testLogsAreDemultiplexedAcrossChunks() async throws {
        let frames: [UInt8] = [1, 0, 0, 0, 0, 0, 0, 6] + Array("hello\n".utf8) + [2, 0, 0, 0, 0, 0, 0, 4] + Array("oops".utf8)
        let standIn = try logsStandIn(tty: false, body: frames)
        defer { standIn.stop() }
        let output = SharedValue<[String]>([])
        try await standIn.client.logs("web", tail: 10) { stream, bytes in
            output.withLock { $0.append("\(stream): \(String(decoding: bytes, as: UTF8.self))") }
        }
        XCTAssertEqual(output.value, ["stdout: hello\n", "stderr: oops"])
        XCTAssertEqual(standIn.requestLines.last, "GET /v1.47/containers/web/logs?stdout=1&stderr=1&follow=0&tail=10")
    }

    func testLogsOfATTYContainerAreRaw() async throws {
        let standIn = try logsStandIn(tty: true, body: Array("raw output\r\n".utf8))
        defer { standIn.stop() }
        let output = SharedValue<[UInt8]>([])
        try await standIn.client.logs("web") { stream, bytes in
            XCTAssertEqual(stream, .stdout)
            output.withLock { $0 += bytes }
        }
        XCTAssertEqual(String(decoding: output.value, as: UTF8.self), "raw output\r\n")
    }

    func testWaitReturnsTheExitCode() async throws {
        let standIn = try DockerStandIn(routes: ["POST /v1.47/containers/web/wait": DockerStandIn.json(200, #"{"StatusCode":137,"Error":null}"#)])
        defer { standIn.stop() }
        let code = try await standIn.client.waitContainer("web", condition: .nextExit)
        XCTAssertEqual(code, 137)
        XCTAssertEqual(standIn.requestLines.last, "POST /v1.47/containers/web/wait?condition=next-exit")
    }
}
