import Foundation
import SutaModel
import SutaYAML
import XCTest

/// Loads a fixture directory (Tests/SutaModelTests/Fixtures/NAME) and resolves it; paths in
/// diagnostics read `NAME/file.yaml`.
enum Fixture {
    static func files(_ name: String) throws -> [ManifestFile] {
        let root = try XCTUnwrap(Bundle.module.resourceURL).appendingPathComponent("Fixtures")
        let directory = root.appendingPathComponent(name)
        let entries = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".yaml") }.sorted()
        return try entries.map { entry in
            ManifestFile(path: "\(name)/\(entry)", bytes: [UInt8](try Data(contentsOf: directory.appendingPathComponent(entry))))
        }
    }

    static func resolve(_ name: String, profiles: [String] = [], variables: [String: String] = [:],
                        allowsUnsetSecrets: Bool = false, hostCPUCount: Int? = nil, yamlLimits: YAMLLimits = .default) throws -> ConfigResolution {
        var resolver = ConfigResolver(variables: variables, profiles: profiles, defaultProjectName: "fixture", yamlLimits: yamlLimits)
        resolver.allowsUnsetSecrets = allowsUnsetSecrets
        resolver.hostCPUCount = hostCPUCount
        return resolver.resolve(try files(name))
    }

    /// Every diagnostic as printed (hint lines included).
    static func messages(_ name: String, profiles: [String] = [], variables: [String: String] = [:],
                         hostCPUCount: Int? = nil, yamlLimits: YAMLLimits = .default) throws -> [String] {
        try resolve(name, profiles: profiles, variables: variables, hostCPUCount: hostCPUCount, yamlLimits: yamlLimits).diagnostics.map(\.description)
    }
}
