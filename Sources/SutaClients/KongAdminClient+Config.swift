extension KongAdminClient {
    /// Loads `config` into a DB-less Kong (`POST /config?check_hash=1`), replacing its whole
    /// configuration. Returns `false` when Kong answers 304 because the configuration's
    /// hash equals the loaded one (nothing was reloaded), `true` when it loaded the new one
    /// (201; Kong's documentation says 200, which is accepted too).
    ///
    /// An invalid configuration is ``KongError/server(status:message:)`` 400 with Kong's
    /// message; a Kong with a database answers 400 too ("only available when Kong is
    /// configured to not use a database"); 429 means a previous load is still running.
    public func applyDeclarativeConfig(_ config: KongDeclarativeConfig) async throws(KongError) -> Bool {
        let response = try await call("POST", "/config?check_hash=1", body: config.jsonBytes(), alsoAccepted: [304])
        return response.status != 304
    }
}
