#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import SutaCompose
import SutaModel

/// `convert`: compose files to manifests, printed or written as files.
enum ConvertCommand {
    static func run(_ options: CommandOptions) -> ExitStatus {
        if !options.arguments.isEmpty {
            Console.error("error: unexpected argument `\(options.arguments[0])`")
            return .usage
        }
        guard !options.files.isEmpty else {
            Console.error("error: convert needs a compose file: sutactl convert -f compose.yaml [-f override.yaml] [-o DIR]")
            return .usage
        }
        if let missing = options.files.first(where: { !FileManager.default.fileExists(atPath: $0) }) {
            Console.error("error: no such file `\(missing)`")
            return .usage
        }
        let conversion = ComposeConverter.convert(paths: options.files, project: options.project)
        for diagnostic in conversion.diagnostics { Console.error(diagnostic.description) }
        guard !conversion.hasErrors else { return .invalid }
        guard let directory = options.outputDirectory else {
            Console.out(ManifestWriter.text(conversion.documents), terminator: "")
            return .success
        }
        let target = URL(fileURLWithPath: directory)
        var files = ManifestWriter.files(conversion.documents)
        // Compose reads `.env` beside the file for its `${VAR}`s; sutactl reads it beside the manifests.
        let dotEnv = URL(fileURLWithPath: options.files[0]).deletingLastPathComponent().appendingPathComponent(".env")
        if let text = try? String(contentsOf: dotEnv, encoding: .utf8) { files.append((".env", text)) }
        do {
            try ManifestWriter.write(files, into: target, force: options.force)
        } catch {
            Console.error("error: \(error.message)")
            return .usage
        }
        if files.contains(where: { $0.path == ".env" }) {
            try? FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: target.appendingPathComponent(".env").path)
        }
        Console.error("wrote \(files.count) files in \(directory): sutactl validate -f \(directory)")
        return .success
    }
}
