import Foundation
import SutaModel
import SutaYAML

/// Load+validate of one input, the code under fuzzing: any crash, hang or runaway
/// allocation here is a bug. The same bytes are read as a `.env` file too. Limits are those of
/// a real load, scaled down so one input stays quick under the sanitizers and inputs of the
/// fuzzer's size (64 KiB) can reach each of them.
func loadAndValidate(_ bytes: [UInt8]) {
    let limits = YAMLLimits(maxNodes: 100_000, maxParsedBytes: 8 << 20, maxBytes: 1 << 20, maxScalarBytes: 1 << 10)
    let dotEnv = DotEnvParser.parse(bytes, path: ".env", maxValueBytes: limits.maxScalarBytes)
    let resolver = ConfigResolver(variables: dotEnv.variables.merging(["SET": "value"]) { $1 }, profiles: [], defaultProjectName: "fuzz",
                                  yamlLimits: limits)
    _ = resolver.resolve([ManifestFile(path: "fuzz.yaml", bytes: bytes)])
}

#if FUZZING
/// libFuzzer's callback, for when its own `main` is the one linked in.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    loadAndValidate(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
    return 0
}

/// libFuzzer's driver (linked by `-sanitize=fuzzer`), for when SwiftPM's entry point is the
/// `main` linked in.
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(_ argc: UnsafeMutablePointer<Int32>,
                     _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
                     _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32) -> Int32
#endif

/// Built by scripts/fuzz.sh (-DFUZZING, -sanitize=fuzzer): the libFuzzer target. Built
/// normally: replays inputs (crash files, a corpus) given as paths. Either way,
/// `--dictionary FILE...` prints the libFuzzer dictionary generated from those manifests.
@main
enum FuzzEntry {
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if arguments.first == "--dictionary" {
            let files = arguments.dropFirst().compactMap { path in FileManager.default.contents(atPath: path).map { (path, [UInt8]($0)) } }
            print(FuzzDictionary.lines(for: files).joined(separator: "\n"))
            exit(0)
        }
        #if FUZZING
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(runFuzzerDriver(&argc, &argv) { data, size in fuzzOneInput(data, size) })
        #else
        for path in arguments {
            guard let data = FileManager.default.contents(atPath: path) else {
                FileHandle.standardError.write(Data("cannot read \(path)\n".utf8))
                exit(2)
            }
            loadAndValidate([UInt8](data))
            print("ok \(path)")
        }
        #endif
    }
}
