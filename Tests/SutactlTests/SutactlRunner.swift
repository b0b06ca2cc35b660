import Foundation
import XCTest

/// Runs the built `sutactl` binary and captures what it prints.
struct SutactlRunner {
    struct Outcome {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The repository root (where manifests/ and profiles/ are).
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var fixtures: URL {
        get throws { try XCTUnwrap(Bundle.module.resourceURL).appendingPathComponent("Fixtures") }
    }

    /// Secrets the shipped manifests require, with values the tests can look for.
    static let platformSecrets = [
        "POSTGRES_PASSWORD", "JWT_SECRET_KEY", "SECRET_KEY", "NEO4J_PASSWORD", "GRAFANA_PASSWORD",
        "RABBITMQ_DEFAULT_PASS", "REDIS_PASSWORD", "CHROMADB_API_KEY",
    ].reduce(into: [String: String]()) { $0[$1] = "value-of-\($1.lowercased())" }

    /// The built `sutactl`: the test bundle sits in the products directory (on Linux it may
    /// be that directory).
    static var binary: URL {
        let bundle = Bundle(for: BundleMarker.self).bundleURL
        let products = bundle.pathExtension == "xctest" ? bundle.deletingLastPathComponent() : bundle
        return products.appendingPathComponent("sutactl")
    }

    static func run(_ arguments: [String], environment: [String: String] = platformSecrets,
                    in directory: URL = repositoryRoot) throws -> Outcome {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = ["PATH": "/usr/bin:/bin"].merging(environment) { $1 }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                       stderr: String(decoding: stderr, as: UTF8.self))
    }
}

private final class BundleMarker {}
