import SutaModel

extension StandInJSON {
    /// The value as a ``ConfigValue`` with keys sorted, e.g. to write it as YAML.
    var configValue: ConfigValue {
        switch self {
        case .null: .null
        case .bool(let flag): .bool(flag)
        case .int(let number): .int(Int64(number))
        case .double(let number): .double(number)
        case .string(let text): .string(text)
        case .array(let elements): .array(elements.map(\.configValue))
        case .object(let members): .object(members.keys.sorted().map { ($0, members[$0]!.configValue) })
        }
    }
}
