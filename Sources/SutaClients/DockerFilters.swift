/// The `filters` query parameter of list and event endpoints: a JSON object mapping a
/// filter name to its values, e.g. `{"label":["app=web","tier"]}`.
///
/// Values of different names are ANDed by the engine; several values of one name are
/// ORed, except `label`, where every term must match. `label=k` only tests that the key
/// exists. `name` and `id` are substring matches, so check names exactly afterwards.
struct DockerFilters: Sendable, Equatable {
    /// Filter name → values.
    var values: [String: [String]]

    /// Creates filters from name → values.
    init(_ values: [String: [String]] = [:]) {
        self.values = values
    }

    /// `{"label": terms}`, each term `key=value` or `key`; an empty list is no filter.
    static func labels(_ terms: [String]) -> DockerFilters {
        DockerFilters(terms.isEmpty ? [:] : ["label": terms])
    }

    /// Whether there is nothing to filter by.
    var isEmpty: Bool { values.values.allSatisfy(\.isEmpty) }

    /// The JSON text, keys sorted and values in order: `{"label":["app=web","tier"]}`.
    var json: String {
        let members = values.filter { !$0.value.isEmpty }.sorted { $0.key < $1.key }.map { name, terms in
            "\(Self.quote(name)):[\(terms.map(Self.quote).joined(separator: ","))]"
        }
        return "{\(members.joined(separator: ","))}"
    }

    /// A JSON string literal for `text`.
    private static func quote(_ text: String) -> String {
        var quoted = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": quoted += "\\\""
            case "\\": quoted += "\\\\"
            case "\n": quoted += "\\n"
            case "\r": quoted += "\\r"
            case "\t": quoted += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                quoted += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: quoted.unicodeScalars.append(scalar)
            }
        }
        return quoted + "\""
    }
}
