/// A declarative configuration as text, in the JSON wrapper Kong's `/config` endpoint
/// speaks both ways: `{"config": "<YAML or JSON text>"}`. `POST /config` hashes a
/// configuration sent this way (the MD5 of the text), so `check_hash` can recognise an
/// unchanged one; `GET /config` (DB-less) answers with the node's configuration in YAML.
struct KongDeclarativeText: Codable, Sendable {
    var config: String
}
