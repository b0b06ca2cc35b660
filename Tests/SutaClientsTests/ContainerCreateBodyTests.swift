import Foundation
@testable import SutaClients
import XCTest

final class ContainerCreateBodyTests: XCTestCase {
    private func json(_ body: some Encodable) throws -> String {
        String(decoding: try DockerJSON.encode(body), as: UTF8.self)
    }

    private func object(_ body: some Encodable) throws -> [String: Any] {
        try XCTUnwrap(JSONSerialization.jsonObject(with: Data(DockerJSON.encode(body))) as? [String: Any])
    }

    func testFullBodyUsesDockerNamesNanosecondsAndStringHostPorts() throws {
        let body = ContainerCreateBody(
            image: "sutactl-standin:1",
            cmd: ["8080"],
            entrypoint: ["/bin/standin"],
            env: ["A=1"],
            labels: ["sutactl.project": "demo"],
            user: "1001:1001",
            workingDir: "/www",
            exposedPorts: ["8080/tcp"],
            stopSignal: "SIGTERM",
            stopTimeout: 5,
            healthcheck: Healthcheck(
                test: ["CMD-SHELL", "wget -q -O /dev/null http://127.0.0.1:8080/health"],
                interval: .milliseconds(500), timeout: .seconds(2), startPeriod: .seconds(1),
                startInterval: .microseconds(1500), retries: 3),
            hostConfig: HostConfig(
                portBindings: ["8080/tcp": [PortBinding(hostIP: "127.0.0.1", hostPort: 18080)]],
                binds: ["/srv:/srv:ro"],
                mounts: [
                    Mount(type: .volume, source: "data", target: "/data"),
                    Mount(type: .tmpfs, source: nil, target: "/tmp", readOnly: false),
                ],
                memory: 64 << 20, nanoCpus: 500_000_000, pidsLimit: 64,
                restartPolicy: RestartPolicy(name: "on-failure", maximumRetryCount: 3),
                readonlyRootfs: true, capAdd: ["NET_BIND_SERVICE"], capDrop: ["ALL"],
                securityOpt: ["no-new-privileges"], tmpfs: ["/run": "rw,size=1m"], networkMode: "front"),
            networks: ["front": EndpointSettings(aliases: ["web"], ipv4Address: "10.201.7.10")])
        let expected = #"""
            {"Cmd":["8080"],"Entrypoint":["/bin/standin"],"Env":["A=1"],"ExposedPorts":{"8080/tcp":{}},\#
            "Healthcheck":{"Interval":500000000,"Retries":3,"StartInterval":1500000,"StartPeriod":1000000000,\#
            "Test":["CMD-SHELL","wget -q -O /dev/null http://127.0.0.1:8080/health"],"Timeout":2000000000},\#
            "HostConfig":{"Binds":["/srv:/srv:ro"],"CapAdd":["NET_BIND_SERVICE"],"CapDrop":["ALL"],\#
            "Memory":67108864,"Mounts":[{"Source":"data","Target":"/data","Type":"volume"},\#
            {"ReadOnly":false,"Target":"/tmp","Type":"tmpfs"}],"NanoCpus":500000000,"NetworkMode":"front",\#
            "PidsLimit":64,"PortBindings":{"8080/tcp":[{"HostIp":"127.0.0.1","HostPort":"18080"}]},\#
            "ReadonlyRootfs":true,"RestartPolicy":{"MaximumRetryCount":3,"Name":"on-failure"},\#
            "SecurityOpt":["no-new-privileges"],"Tmpfs":{"/run":"rw,size=1m"}},"Image":"sutactl-standin:1",\#
            "Labels":{"sutactl.project":"demo"},"NetworkingConfig":{"EndpointsConfig":{"front":\#
            {"Aliases":["web"],"IPAMConfig":{"IPv4Address":"10.201.7.10"}}}},"StopSignal":"SIGTERM",\#
            "StopTimeout":5,"Tty":false,"User":"1001:1001","WorkingDir":"/www"}
            """#
        XCTAssertEqual(try json(body), expected)
    }

    func testMinimalBodySendsOnlyImageAndTty() throws {
        XCTAssertEqual(try json(ContainerCreateBody(image: "busybox")), #"{"Image":"busybox","Tty":false}"#)
    }

    func testRandomHostPortIsAnEmptyString() throws {
        XCTAssertEqual(try json(PortBinding(hostIP: "127.0.0.1", hostPort: nil)), #"{"HostIp":"127.0.0.1","HostPort":""}"#)
    }

    func testHealthcheckDecodesNanoseconds() throws {
        let decoded = try JSONDecoder().decode(Healthcheck.self, from: Data(#"{"Test":["NONE"],"Interval":250000000,"Retries":2}"#.utf8))
        XCTAssertEqual(decoded, Healthcheck(test: ["NONE"], interval: .milliseconds(250), retries: 2))
    }

    private func twoNetworkBody(networkMode: String? = nil) -> ContainerCreateBody {
        ContainerCreateBody(
            image: "busybox",
            hostConfig: networkMode.map { HostConfig(networkMode: $0) },
            networks: ["back": EndpointSettings(aliases: ["db"]), "front": EndpointSettings(aliases: ["web"], ipv4Address: "10.0.0.5")])
    }

    func testBeforeAPI144OnlyOneNetworkGoesInTheBody() throws {
        let (body, later) = twoNetworkBody().prepared(for: DockerAPIVersion(1, 41))
        XCTAssertEqual(body.networks, ["back": EndpointSettings(aliases: ["db"])])
        XCTAssertEqual(body.hostConfig?.networkMode, "back")
        XCTAssertEqual(later.map(\.network), ["front"])
        XCTAssertEqual(later.first?.settings, EndpointSettings(aliases: ["web"], ipv4Address: "10.0.0.5"))
        let endpoints = try XCTUnwrap((try object(body)["NetworkingConfig"] as? [String: Any])?["EndpointsConfig"] as? [String: Any])
        XCTAssertEqual(endpoints.keys.sorted(), ["back"])
    }

    func testTheNetworkModeChoosesTheNetworkSentAtCreate() {
        let (body, later) = twoNetworkBody(networkMode: "front").prepared(for: DockerAPIVersion(1, 43))
        XCTAssertEqual(body.networks.keys.sorted(), ["front"])
        XCTAssertEqual(body.hostConfig?.networkMode, "front")
        XCTAssertEqual(later.map(\.network), ["back"])
    }

    func testFromAPI144AllNetworksGoInTheBody() {
        let (body, later) = twoNetworkBody().prepared(for: DockerAPIVersion(1, 44))
        XCTAssertEqual(body.networks.keys.sorted(), ["back", "front"])
        XCTAssertEqual(body.hostConfig?.networkMode, "back")
        XCTAssertTrue(later.isEmpty)
    }

    func testWithoutNetworksNothingChanges() {
        let original = ContainerCreateBody(image: "busybox", hostConfig: HostConfig(memory: 1))
        let (body, later) = original.prepared(for: DockerAPIVersion(1, 41))
        XCTAssertEqual(body, original)
        XCTAssertTrue(later.isEmpty)
    }

    func testNetworkCreateBodyUsesDockerNames() throws {
        var body = NetworkCreateBody(
            name: "front", driver: "bridge", internal: true, attachable: false, enableIPv6: false,
            options: ["com.docker.network.bridge.name": "br-front"], labels: ["p": "x"],
            ipam: IPAM(config: [IPAMPool(subnet: "10.201.7.0/24", gateway: "10.201.7.1", ipRange: "10.201.7.128/25")]))
        body.checkDuplicate = true
        let expected = #"""
            {"Attachable":false,"CheckDuplicate":true,"Driver":"bridge","EnableIPv6":false,\#
            "IPAM":{"Config":[{"Gateway":"10.201.7.1","IPRange":"10.201.7.128/25","Subnet":"10.201.7.0/24"}]},\#
            "Internal":true,"Labels":{"p":"x"},"Name":"front","Options":{"com.docker.network.bridge.name":"br-front"}}
            """#
        XCTAssertEqual(try json(body), expected)
    }
}
