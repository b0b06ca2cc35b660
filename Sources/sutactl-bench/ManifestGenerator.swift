import Foundation

/// Writes a synthetic manifest set of any size: services with ports, volumes, a network,
/// limits, health checks, dependencies and gateway routes, 100 services per file.
enum ManifestGenerator {
    static func write(services count: Int, into directory: URL) throws {
        let manifests = directory.appendingPathComponent("manifests")
        try FileManager.default.createDirectory(at: manifests, withIntermediateDirectories: true)
        var common = """
        apiVersion: sutactl/v1
        kind: Project
        metadata: {name: generated}
        spec: {secrets: [BENCH_PASSWORD]}
        ---
        apiVersion: sutactl/v1
        kind: Network
        metadata: {name: bench-net}
        spec:
          ipam: {subnet: 10.90.0.0/16, gateway: 10.90.0.1}

        """
        for volume in 0..<(count + 9) / 10 {
            common += "---\napiVersion: sutactl/v1\nkind: Volume\nmetadata: {name: data-\(volume)}\n"
        }
        try common.write(to: manifests.appendingPathComponent("00-common.yaml"), atomically: true, encoding: .utf8)
        for file in stride(from: 0, to: count, by: 100) {
            var text = ""
            for index in file..<min(file + 100, count) {
                text += service(index)
            }
            try text.write(to: manifests.appendingPathComponent(String(format: "services-%05d.yaml", file)), atomically: true, encoding: .utf8)
        }
    }

    private static func service(_ index: Int) -> String {
        // Each service waits for the one before it; every tenth starts a new chain, and later
        // links also name the chain's head as an optional dependency.
        var dependency = ""
        if index % 10 != 0 {
            dependency = "  depends_on:\n    svc-\(index - 1): {condition: service_healthy}\n"
            if index % 10 > 1 { dependency += "    svc-\(index / 10 * 10): {condition: service_started, required: false}\n" }
        }
        return """
        ---
        apiVersion: sutactl/v1
        kind: Service
        metadata:
          name: svc-\(index)
          labels: {group: g\(index % 7)}
        spec:
          image: bench/service-\(index % 13):1.\(index % 5).0
          command: ["serve", "--port", "8080", "--name", "svc-\(index)"]
          environment:
            SERVICE_NAME: svc-\(index)
            LOG_LEVEL: ${LOG_LEVEL:-info}
            DB_PASSWORD: ${BENCH_PASSWORD}
            WORKERS: 4
          ports: ["127.0.0.1:\(20000 + index):8080"]
          volumes: ["data-\(index / 10):/data/\(index)", {type: tmpfs, target: /tmp}]
          networks:
            bench-net: {aliases: [s\(index)]}
          resources: {cpus: 0.25, memory: 128M}
          healthcheck:
            http: {port: 8080, path: /health}
            interval: 10s
            timeout: 2s
            retries: 3
            start_period: 5s
          restart: unless-stopped
          user: "1001:1001"
          cap_drop: [ALL]
          security_opt: ["no-new-privileges:true"]
          stop_grace_period: 5s
          gateway:
            port: 8080
            routes: [{name: r\(index), paths: [/svc/\(index)], strip_path: true}]
        \(dependency)
        """
    }
}
