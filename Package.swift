// swift-tools-version:6.0
import PackageDescription

// Layering (see docs/architecture.md): the CLI sits on top; SutaModel is pure values;
// SutaYAML is the only user of libyaml and SutaHTTP the only user of libcurl.
let package = Package(
    name: "sutactl",
    products: [
        .executable(name: "sutactl", targets: ["sutactl"]),
        .executable(name: "sutactl-bench", targets: ["sutactl-bench"]),
        .executable(name: "sutactl-standins", targets: ["sutactl-standins"]),
    ],
    dependencies: [],
    targets: [
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]
        ),
        .systemLibrary(
            name: "CCurl",
            pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"])]
        ),
        .target(name: "CCurlShim", dependencies: ["CCurl"]),
        .target(name: "SutaYAML", dependencies: ["CYAML", "SutaErrors"]),
        .target(name: "SutaModel", dependencies: ["SutaYAML"]),
        // The product's one error type, below every layer that fails.
        .target(name: "SutaErrors"),
        .target(name: "SutaHTTP", dependencies: ["CCurlShim", "SutaErrors"]),
        // Clients decode what the servers hold straight into the planner's observed values.
        .target(name: "SutaClients", dependencies: ["SutaHTTP", "SutaErrors", "SutaPlan"]),
        // Stand-in servers for tests (a regular target so every test target shares one copy);
        // Kong's host rule comes from SutaModel, which checks it at `validate`.
        .target(name: "SutaTestSupport", dependencies: ["SutaModel"]),
        .target(name: "SutaPlan", dependencies: ["SutaModel"]),
        // The manifest writer (SutaCompose) writes the rollout revisions the state directory keeps.
        .target(name: "SutaController", dependencies: ["SutaErrors", "SutaModel", "SutaPlan", "SutaClients", "SutaHTTP", "SutaCompose"]),
        // Compose files to manifests (`convert`), and the manifest writer `config -o manifest` shares.
        .target(name: "SutaCompose", dependencies: ["SutaYAML", "SutaModel"]),
        .executableTarget(name: "sutactl", dependencies: ["SutaController", "SutaCompose", "SutaErrors"]),
        .executableTarget(name: "sutactl-bench", dependencies: ["SutaController", "SutaClients", "SutaTestSupport"]),
        // Replays inputs normally; with -DFUZZING and -sanitize=fuzzer it is the libFuzzer target.
        .executableTarget(name: "sutactl-fuzz", dependencies: ["SutaModel"]),
        // Kong, Consul and Ollama stand-ins on 127.0.0.1 for `make demo`.
        .executableTarget(name: "sutactl-standins", dependencies: ["SutaTestSupport"]),
        .testTarget(name: "SutaYAMLTests", dependencies: ["SutaYAML"]),
        .testTarget(name: "SutaModelTests", dependencies: ["SutaModel"], resources: [.copy("Fixtures")]),
        .testTarget(name: "SutaHTTPTests", dependencies: ["SutaHTTP", "SutaTestSupport"]),
        .testTarget(name: "SutaClientsTests", dependencies: ["SutaClients", "SutaErrors", "SutaPlan", "SutaTestSupport"]),
        .testTarget(name: "SutaPlanTests", dependencies: ["SutaPlan"]),
        .testTarget(name: "SutaControllerTests", dependencies: ["SutaController", "SutaClients", "SutaErrors", "SutaTestSupport"]),
        .testTarget(name: "SutactlTests", dependencies: ["SutaController", "SutaClients", "SutaErrors", "SutaHTTP", "SutaPlan", "SutaTestSupport"],
                    resources: [.copy("Fixtures")]),
    ],
    swiftLanguageModes: [.v6]
)
