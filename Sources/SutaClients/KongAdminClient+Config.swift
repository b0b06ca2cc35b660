extension KongAdminClient {
    /// Loads `config` into a DB-less Kong, replacing its whole configuration: the
    /// configuration's JSON text through ``applyDeclarativeConfig(text:)``.
    public func applyDeclarativeConfig(_ config: KongDeclarativeConfig) async throws(KongError) -> Bool {
        try await applyDeclarativeConfig(text: String(decoding: try config.jsonBytes(), as: UTF8.self))
    }

    /// Loads the declarative configuration `text` (JSON or YAML) into a DB-less Kong,
    /// replacing the node's whole configuration (`POST /config?check_hash=1` with
    /// `{"config": text}`). Kong names a configuration sent as text by the MD5 of the text,
    /// so the same text again is answered 304 and nothing is reloaded: then this returns
    /// `false`; `true` when Kong loaded it (201; Kong's documentation says 200, which is
    /// accepted too). A configuration sent as a JSON object instead would never be answered
    /// 304: Kong hashes it only after parsing.
    ///
    /// An invalid configuration is ``KongError/server(status:message:)`` 400 with Kong's
    /// message; a Kong with a database answers 400 too ("only available when Kong is
    /// configured to not use a database"); 429 means a previous load is still running.
    public func applyDeclarativeConfig(text: String) async throws(KongError) -> Bool {
        let response = try await call("POST", "/config?check_hash=1", body: json(KongDeclarativeText(config: text)), alsoAccepted: [304])
        return response.status != 304
    }

    /// The DB-less node's whole configuration as Kong exports it (`GET /config`): YAML text
    /// with `_format_version`, `_transform: false` and every entity flattened (foreign keys
    /// as IDs), the entities of every owner included. A Kong with a database answers 400.
    public func exportDeclarativeConfig() async throws(KongError) -> String {
        try await decoded(KongDeclarativeText.self, "GET", "/config").config
    }
}
