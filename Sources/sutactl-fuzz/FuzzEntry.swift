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
/// libFuzzer's entry point (built by scripts/fuzz.sh with -sanitize=fuzzer and -DFUZZING).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    loadAndValidate(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}
#else
/// Without the fuzzer: replays inputs (crash files, a corpus) given as paths.
@main
enum CorpusReplayer {
    static func main() {
        for path in CommandLine.arguments.dropFirst() {
            guard let data = FileManager.default.contents(atPath: path) else {
                FileHandle.standardError.write(Data("cannot read \(path)\n".utf8))
                exit(2)
            }
            loadAndValidate([UInt8](data))
            print("ok \(path)")
        }
    }
}
#endif
