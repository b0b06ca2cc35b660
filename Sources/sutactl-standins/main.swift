import Foundation
import SutaTestSupport

// Stand-ins for the Kong admin API (DB-less), the Consul agent and the Ollama server on
// 127.0.0.1, for machines where the real servers cannot be installed (`make demo`).
// Usage: sutactl-standins --env-file PATH [--model NAME]...
// Writes KONG_ADMIN_URL, CONSUL_URL and OLLAMA_URL lines to PATH once listening, then
// serves until SIGTERM or SIGINT. Pulls of the named models (default tinyllama and
// nomic-embed-text) succeed; others fail as an unknown model does.

let arguments = CommandLine.arguments
guard let fileIndex = arguments.firstIndex(of: "--env-file"), fileIndex + 1 < arguments.count else {
    FileHandle.standardError.write(Data("usage: sutactl-standins --env-file PATH [--model NAME]...\n".utf8))
    exit(2)
}
var models = arguments.indices.filter { arguments[$0] == "--model" && $0 + 1 < arguments.count }.map { arguments[$0 + 1] }
if models.isEmpty { models = ["tinyllama", "nomic-embed-text"] }

let kong = try KongStandIn(mode: .dbless)
let consul = try ConsulStandIn()
let ollama = try OllamaStandIn()
for model in models { ollama.setPull(model, .succeed(progressLines: 5)) }

let lines = "KONG_ADMIN_URL=\(kong.address)\nCONSUL_URL=\(consul.address)\nOLLAMA_URL=\(ollama.address)\n"
try Data(lines.utf8).write(to: URL(fileURLWithPath: arguments[fileIndex + 1]), options: .atomic)
print("stand-ins: Kong admin \(kong.address), Consul \(consul.address), Ollama \(ollama.address)")

signal(SIGTERM, SIG_IGN)
signal(SIGINT, SIG_IGN)
let stop = DispatchSemaphore(value: 0)
let sources = [SIGTERM, SIGINT].map { number in
    let source = DispatchSource.makeSignalSource(signal: number)
    source.setEventHandler { stop.signal() }
    source.resume()
    return source
}
stop.wait()
withExtendedLifetime(sources) {}
kong.stop()
consul.stop()
ollama.stop()
