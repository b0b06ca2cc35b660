import XCTest
@testable import SutaModel

/// No diagnostic shows a secret: URL passwords are masked, declared secrets are secrets in
/// every field from the first document on, and more names count as secret.
final class SecretDiagnosticTests: XCTestCase {
    private let secretHint = "\n  hint: labels, commands and names are shown by `config`, `status` and `docker inspect`"
    private let credentialsHint = "\n  hint: sutactl reads tokens from variables (see `token_env`), never from a URL"

    func testURLCredentialsAreRefusedMaskedAndDeclaredSecretsStayInTheEnvironment() throws {
        let messages = try Fixture.messages("secret-urls", variables: [
            "KONG_ADMIN": "http://127.0.0.1:8001", "MODEL_URL": "http://ollama:m0del-pa55@127.0.0.1:11434", "LABEL_VALUE": "label-value",
            "DATABASE_URL": "postgres://app:db-pa55@db/app", "REGISTRY_PASS": "rp", "NODE_PWD": "np",
        ])
        XCTAssertEqual(messages, [
            "secret-urls/project.yaml:7:16: error: secret `KONG_ADMIN` may only be used in `environment` values, not in `admin_url`" + secretHint,
            "secret-urls/project.yaml:9:14: error: `address` must not carry credentials, found `http://consul:***@10.0.0.5:8500`" + credentialsHint,
            "secret-urls/project.yaml:12:10: error: `url` must not carry credentials, found `http://ollama:***@127.0.0.1:11434`" + credentialsHint,
            "secret-urls/project.yaml:18:19: error: secret `LABEL_VALUE` may only be used in `environment` values, not in `metadata.labels.owner`"
                + secretHint,
            "secret-urls/project.yaml:21:16: error: `working_dir` `http://ops:***@host` must be an absolute path\n  hint: e.g. /app",
        ])
        for value in ["c0nsul-pa55", "m0del-pa55", "w0rkd1r", "label-value", "db-pa55"] {
            XCTAssertFalse(messages.joined().contains(value), value)
        }
    }

    func testLoopbackURLsAreParsedNotPrefixMatched() throws {
        let loopback = "\n  hint: publish the port on 127.0.0.1 and point sutactl there"
        XCTAssertEqual(try Fixture.messages("loopback-urls"), [
            "loopback-urls/project.yaml:6:16: error: `admin_url` must be an http:// address on 127.0.0.1, found `http://127.0.0.1.nip.io:8001`"
                + loopback,
            "loopback-urls/project.yaml:8:14: error: `address` must not carry credentials, found `http://127.0.0.1:***@evil.example`"
                + credentialsHint,
            "loopback-urls/project.yaml:10:10: error: `url` must be an http:// address on 127.0.0.1, found `http://localhost:99999`" + loopback,
        ])
    }

    func testMoreNamesLookSecret() throws {
        let unset = { (name: String, column: Int, line: Int) in
            "secret-names/service.yaml:\(line):\(column): error: required secret `\(name)` is not set\n"
                + "  hint: export \(name)=... or put it in the .env file beside the manifests"
        }
        XCTAssertEqual(try Fixture.messages("secret-names"), [
            unset("SMTP_PASS", 8, 7), unset("ADMIN_PWD", 8, 8), unset("GPG_PASSPHRASE_FILE", 8, 9), unset("AWS_CREDENTIALS", 8, 10),
            unset("TLS_PRIVATE_KEY_PEM", 8, 11),
            "secret-names/service.yaml:12:8: warning: variable `BYPASS` is not set; using an empty string",
        ])
        for name in ["db_pass", "Root_Pwd", "ssh_passphrase", "GOOGLE_APPLICATION_CREDENTIALS", "private_key", "JWT_SECRET_KEY", "x_key"] {
            XCTAssertTrue(SecretNames.looksSecret(name), name)
        }
        for name in ["BYPASS", "PASSPORT_ID", "PWD", "KEYBOARD", "COMPASS", "TZ", "", "_PAS"] {
            XCTAssertFalse(SecretNames.looksSecret(name), name)
        }
    }

    func testDiagnosticTextMasksPasswordsAndEscapesControlCharacters() {
        XCTAssertEqual(DiagnosticText.printable("found `https://u:p%40ss@host:5000/x` and user:pa55@registry/app"),
                       "found `https://u:***@host:5000/x` and user:***@registry/app")
        XCTAssertEqual(DiagnosticText.printable("u:p@ss@host"), "u:***@host")
        // Usernames without a password, e-mail addresses and image digests are kept.
        let digest = "redis:7@sha256:" + String(repeating: "a", count: 64)
        for kept in ["http://user@host", "ops@example.com", digest, "no at sign"] {
            XCTAssertEqual(DiagnosticText.printable(kept), kept)
        }
        XCTAssertEqual(DiagnosticText.printable("bell\u{7}esc\u{1B}[2Jdel\u{7F}"), "bell\\u{7}esc\\u{1B}[2Jdel\\u{7F}")
    }
}
