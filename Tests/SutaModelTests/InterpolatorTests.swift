import SutaYAML
import XCTest
@testable import SutaModel

final class InterpolatorTests: XCTestCase {
    private let here = SourceLocation(file: "m.yaml", line: 3, column: 7)

    private func expand(_ text: String, _ variables: [String: String], secrets: Set<String> = [],
                        reports: Bool = true) -> (Interpolator.Result?, [String]) {
        var diagnostics = DiagnosticList()
        let result = Interpolator(variables: variables, declaredSecrets: secrets, reportsMissing: reports)
            .expand(text, at: here, into: &diagnostics)
        return (result, diagnostics.items.map(\.description))
    }

    func testForms() {
        let vars = ["A": "1", "EMPTY": ""]
        XCTAssertEqual(expand("x${A}y", vars).0?.text, "x1y")
        XCTAssertEqual(expand("$A-$A", vars).0?.text, "1-1")
        XCTAssertEqual(expand("${EMPTY:-d}", vars).0?.text, "d")
        XCTAssertEqual(expand("${EMPTY-d}", vars).0?.text, "")
        XCTAssertEqual(expand("${UNSET-d}", vars).0?.text, "d")
        XCTAssertEqual(expand("${A:?must}", vars).0?.text, "1")
        XCTAssertEqual(expand("cost $$5", vars).0?.text, "cost $5")
        XCTAssertEqual(expand("no dollars", vars).0?.text, "no dollars")
    }

    func testRequiredVariableNamesTheVariableAndTheMessage() {
        let (result, messages) = expand("${DB_HOST:?set the database host}", [:])
        XCTAssertNil(result)
        XCTAssertEqual(messages, ["m.yaml:3:7: error: required variable `DB_HOST` is not set: set the database host\n"
            + "  hint: export DB_HOST=... or put it in the .env file beside the manifests"])
    }

    func testMissingSecretIsAnErrorAndPlainVariableAWarning() {
        let (secret, secretMessages) = expand("${POSTGRES_PASSWORD}", [:])
        XCTAssertNil(secret)
        XCTAssertEqual(secretMessages.first?.hasPrefix("m.yaml:3:7: error: required secret `POSTGRES_PASSWORD` is not set"), true)
        let (declared, declaredMessages) = expand("${DB_PASS}", [:], secrets: ["DB_PASS"])
        XCTAssertNil(declared)
        XCTAssertEqual(declaredMessages.first?.hasPrefix("m.yaml:3:7: error: required secret `DB_PASS` is not set"), true)
        let (plain, plainMessages) = expand("${REGION}", [:])
        XCTAssertEqual(plain?.text, "")
        XCTAssertEqual(plainMessages, ["m.yaml:3:7: warning: variable `REGION` is not set; using an empty string"])
    }

    func testSecretUseIsReportedWithoutTheValue() {
        let (result, messages) = expand("${JWT_SECRET_KEY}", ["JWT_SECRET_KEY": "hunter2"])
        XCTAssertEqual(result, Interpolator.Result(text: "hunter2", secretVariable: "JWT_SECRET_KEY"))
        XCTAssertEqual(messages, [])
    }

    func testOutsideTheProfileMissingVariablesAreQuiet() {
        let (result, messages) = expand("${POSTGRES_PASSWORD}", [:], reports: false)
        XCTAssertEqual(result?.text, "")
        XCTAssertEqual(messages, [])
    }

    func testMalformedReferences() {
        XCTAssertEqual(expand("${A", [:]).1.first?.hasPrefix("m.yaml:3:7: error: unterminated `${` in `${A`"), true)
        XCTAssertEqual(expand("${1A}", [:]).1.first?.hasPrefix("m.yaml:3:7: error: invalid variable reference `${1A}`"), true)
        XCTAssertEqual(expand("${A:x}", ["A": "1"]).1.first?.hasPrefix("m.yaml:3:7: error: invalid variable reference `${A:x}`"), true)
    }
}
