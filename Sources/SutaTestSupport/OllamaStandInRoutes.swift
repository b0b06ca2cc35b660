import Foundation

/// The routes of an ``OllamaStandIn``: each request is recorded, then answered from the
/// shared state (or with an injected failure).
struct OllamaStandInRoutes: Sendable {
    let version: String
    let state: SharedValue<OllamaStandInState>
    let pullLineDelay: Duration

    func handle(_ request: StandInRequest, _ connection: StandInConnection) {
        let route = "\(request.method) \(request.path)"
        let injected = state.withLock { state -> OllamaStandInFailure? in
            state.requests.append(request)
            if let failure = state.takeFailure(route) { return failure }
            guard state.busy, route != "GET /api/version" else { return nil }
            return OllamaStandInFailure(status: 503, message: OllamaStandIn.busyMessage, remaining: 0)
        }
        if let injected { return error(connection, injected.status, injected.message) }
        switch route {
        case "GET /api/version": respond(connection, 200, ["version": version])
        case "GET /api/tags": tags(connection)
        case "GET /api/ps": ps(connection)
        case "POST /api/show": withModel(request, connection) { name, sent, _ in show(name, sent, connection) }
        case "POST /api/pull": withModel(request, connection) { name, _, _ in pull(name, connection) }
        case "POST /api/generate": withModel(request, connection) { generate($0, $1, $2, connection) }
        case "POST /api/embed": withModel(request, connection) { embed($0, $1, $2, connection) }
        default: connection.respond(status: 404, headers: [("Content-Type", "text/plain")], body: Array("404 page not found".utf8))
        }
    }

    // MARK: Routes

    private func tags(_ connection: StandInConnection) {
        let models = state.withLock { $0.models.values.sorted { $0.name < $1.name } }
        respond(connection, 200, ["models": models.map { model in
            [
                "name": model.name, "model": model.name, "size": model.size, "digest": model.digest,
                "modified_at": Self.timestamp(Date(timeIntervalSince1970: 1_717_000_000)), "details": Self.details,
            ] as [String: Any]
        }])
    }

    private func ps(_ connection: StandInConnection) {
        let now = Date()
        let loaded = state.withLock { state in
            state.loaded = state.loaded.filter { $0.value > now }
            return state.loaded.sorted { $0.key < $1.key }.compactMap { name, expiry in state.models[name].map { ($0, expiry) } }
        }
        respond(connection, 200, ["models": loaded.map { model, expiry in
            [
                "name": model.name, "model": model.name, "size": model.size, "size_vram": 0, "digest": model.digest,
                "details": Self.details, "expires_at": Self.timestamp(expiry), "context_length": 4096,
            ] as [String: Any]
        }])
    }

    private func show(_ name: String, _ sent: String, _ connection: StandInConnection) {
        guard let model = state.withLock({ $0.models[name] }) else { return error(connection, 404, "model '\(sent)' not found") }
        respond(connection, 200, [
            "modelfile": "FROM \(name)\n", "parameters": "", "template": "{{ .Prompt }}", "details": Self.details,
            "model_info": [String: Any](), "capabilities": model.capabilities,
        ])
    }

    private func pull(_ name: String, _ connection: StandInConnection) {
        let plan = state.withLock { $0.pulls[name] } ?? .failMidStream(progressLines: 0, message: "pull model manifest: file does not exist")
        connection.startChunked(status: 200, headers: [("Content-Type", "application/x-ndjson")])
        let digest = OllamaStandIn.fakeDigest(of: name)
        let total: Int64 = 637_700_138
        let progressLines: Int
        switch plan {
        case .succeed(let lines), .failMidStream(let lines, _), .endWithoutSuccess(let lines): progressLines = lines
        }
        send(connection, ["status": "pulling manifest"])
        for line in 0..<progressLines {
            let completed = total * Int64(line + 1) / Int64(progressLines)
            send(connection, ["status": "pulling \(digest.prefix(12))", "digest": "sha256:\(digest)", "total": total, "completed": completed])
        }
        switch plan {
        case .succeed:
            for status in ["verifying sha256 digest", "writing manifest", "removing any unused layers", "success"] {
                send(connection, ["status": status])
            }
            state.withLock { $0.models[name] = OllamaStandInModel(name: name, size: total) }
        case .failMidStream(_, let message):
            send(connection, ["error": message])
        case .endWithoutSuccess:
            break
        }
        connection.endChunked()
    }

    /// `GenerateHandler` without a prompt: `keep_alive` 0 unloads any model; otherwise the
    /// model must have the `completion` capability (400 `"m" does not support generate`) and
    /// is loaded until `keep_alive` runs out.
    private func generate(_ name: String, _ sent: String, _ body: [String: Any], _ connection: StandInConnection) {
        guard let model = state.withLock({ $0.models[name] }) else {
            return error(connection, 404, "model \"\(sent)\" not found, try pulling it first")
        }
        guard let keepAlive = keepAlive(body, connection) else { return }
        if keepAlive != 0, !model.capabilities.contains("completion") {
            return error(connection, 400, "\"\(sent)\" does not support generate")
        }
        load(name, keepAlive: keepAlive)
        respond(connection, 200, [
            "model": name, "created_at": Self.timestamp(Date()), "response": "", "done": true,
            "done_reason": keepAlive == 0 ? "unload" : "load",
        ])
    }

    /// `EmbedHandler`: loads the model until `keep_alive` runs out; no input (or an empty
    /// one) only loads it and answers `"embeddings": []`, input gets a small vector each.
    private func embed(_ name: String, _ sent: String, _ body: [String: Any], _ connection: StandInConnection) {
        let inputs: [String]
        switch body["input"] {
        case nil, is NSNull: inputs = []
        case let text as String: inputs = text.isEmpty ? [] : [text]
        case let list as [Any]:
            guard let texts = list as? [String] else { return error(connection, 400, "invalid input type") }
            inputs = texts
        default: return error(connection, 400, "invalid input type")
        }
        guard state.withLock({ $0.models[name] != nil }) else { return error(connection, 404, "model '\(sent)' not found") }
        guard let keepAlive = keepAlive(body, connection) else { return }
        load(name, keepAlive: keepAlive)
        let embeddings = inputs.map { text in (0..<4).map { Double(($0 + 1) * max(1, text.utf8.count)) / 100 } }
        respond(connection, 200, ["model": sent, "embeddings": embeddings])
    }

    /// The request's `keep_alive` in seconds (default 5 minutes), or nil after answering 400.
    private func keepAlive(_ body: [String: Any], _ connection: StandInConnection) -> Double? {
        switch body["keep_alive"] {
        case nil: return 300
        case let number as NSNumber: return number.doubleValue
        case let text as String:
            guard let seconds = Self.seconds(ofGoDuration: text) else {
                error(connection, 400, "time: invalid duration \"\(text)\"")
                return nil
            }
            return seconds
        default:
            error(connection, 400, "invalid keep_alive")
            return nil
        }
    }

    /// Keeps `name` in memory for `keepAlive` seconds (0: unloads it, negative: for ever).
    private func load(_ name: String, keepAlive: Double) {
        state.withLock { state in
            state.loaded[name] = keepAlive == 0 ? nil : keepAlive < 0 ? .distantFuture : Date().addingTimeInterval(keepAlive)
        }
    }

    // MARK: Helpers

    /// Runs `body` with the request's normalized model name, the name as sent, and the
    /// JSON body; answers 400 when there is no model.
    private func withModel(_ request: StandInRequest, _ connection: StandInConnection, _ body: (String, String, [String: Any]) -> Void) {
        guard let json = (try? JSONSerialization.jsonObject(with: Data(request.body))) as? [String: Any] else {
            return error(connection, 400, "invalid JSON body")
        }
        guard let model = (json["model"] ?? json["name"]) as? String, !model.isEmpty else {
            return error(connection, 400, "model is required")
        }
        body(OllamaStandIn.normalized(model), model, json)
    }

    private func respond(_ connection: StandInConnection, _ status: Int, _ object: [String: Any]) {
        connection.respond(status: status, json: Self.json(object))
    }

    private func error(_ connection: StandInConnection, _ status: Int, _ message: String) {
        respond(connection, status, ["error": message])
    }

    /// One NDJSON line, after the configured pause.
    private func send(_ connection: StandInConnection, _ object: [String: Any]) {
        let (seconds, attoseconds) = pullLineDelay.components
        Thread.sleep(forTimeInterval: Double(seconds) + Double(attoseconds) / 1e18)
        connection.sendChunk(Array((Self.json(object) + "\n").utf8))
    }

    private static func json(_ object: [String: Any]) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    private static var details: [String: Any] {
        ["format": "gguf", "family": "llama", "parameter_size": "1B", "quantization_level": "Q4_0"]
    }

    /// RFC 3339 with fractional seconds, as Go writes times.
    private static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: date)
    }

    /// The seconds in a Go duration such as `10m`, `1h30m`, `-1m`, `0`, `1.5s`; `nil` for
    /// anything else, a number without a unit included (as Go's `time.ParseDuration`).
    static func seconds(ofGoDuration text: String) -> Double? {
        if text == "0" || text == "-0" || text == "+0" { return 0 }
        var rest = Substring(text)
        let sign: Double = rest.hasPrefix("-") ? -1 : 1
        if rest.hasPrefix("-") || rest.hasPrefix("+") { rest = rest.dropFirst() }
        let units: [(String, Double)] = [("ns", 1e-9), ("us", 1e-6), ("µs", 1e-6), ("ms", 1e-3), ("s", 1), ("m", 60), ("h", 3600)]
        var total = 0.0
        guard !rest.isEmpty else { return nil }
        while !rest.isEmpty {
            let digits = rest.prefix { $0.isNumber || $0 == "." }
            guard let value = Double(digits) else { return nil }
            rest = rest.dropFirst(digits.count)
            guard let (unit, scale) = units.first(where: { rest.hasPrefix($0.0) && !(($0.0 == "m") && rest.hasPrefix("ms")) }) else { return nil }
            rest = rest.dropFirst(unit.count)
            total += value * scale
        }
        return sign * total
    }
}
