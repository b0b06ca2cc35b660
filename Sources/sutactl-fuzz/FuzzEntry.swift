import Foundation
import SutaModel
import SutaYAML

/// Load+validate of one input, the code under fuzzing: any crash, hang or runaway
/// allocation here is a bug.
func loadAndValidate(_ bytes: [UInt8]) {
    let resolver = ConfigResolver(variables: ["SET": "value"], profiles: [], defaultProjectName: "fuzz",
                                  yamlLimits: YAMLLimits(maxDepth: 128, maxNodes: 200_000, maxBytes: 1 << 20))
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
/// normally: replays inputs (crash files, a corpus) given as paths.
@main
enum FuzzEntry {
    static func main() {
        #if FUZZING
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(runFuzzerDriver(&argc, &argv) { data, size in fuzzOneInput(data, size) })
        #else
        for path in CommandLine.arguments.dropFirst() {
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
