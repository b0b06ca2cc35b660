import Foundation

/// A JSON value, for stand-ins that keep, inspect and answer JSON documents (entities,
/// registrations, error bodies). Literals build it: `["message": "Not found", "code": 6]`.
public enum StandInJSON: Sendable, Equatable, Codable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral
{
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([StandInJSON])
    case object([String: StandInJSON])

    /// Parses a JSON document; `nil` when `bytes` are not JSON.
    public static func parse(_ bytes: [UInt8]) -> StandInJSON? {
        try? JSONDecoder().decode(StandInJSON.self, from: Data(bytes))
    }

    /// The value as compact JSON with sorted keys (equal values give equal bytes).
    public var bytes: [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? Array(encoder.encode(self))) ?? Array("null".utf8)
    }

    /// The value as compact JSON text with sorted keys.
    public var jsonText: String { String(decoding: bytes, as: UTF8.self) }

    /// The member `key` of an object; `nil` for a missing member or a value that is not an
    /// object.
    public subscript(key: String) -> StandInJSON? {
        get { object?[key] }
        set {
            guard case .object(var members) = self else { return }
            members[key] = newValue
            self = .object(members)
        }
    }

    /// The string, or `nil` for any other value.
    public var string: String? {
        if case .string(let value) = self { value } else { nil }
    }

    /// The integer, or `nil` for any other value.
    public var int: Int? {
        if case .int(let value) = self { value } else { nil }
    }

    /// The Boolean, or `nil` for any other value.
    public var bool: Bool? {
        if case .bool(let value) = self { value } else { nil }
    }

    /// The elements of an array, or `nil` for any other value.
    public var array: [StandInJSON]? {
        if case .array(let value) = self { value } else { nil }
    }

    /// The members of an object, or `nil` for any other value.
    public var object: [String: StandInJSON]? {
        if case .object(let value) = self { value } else { nil }
    }

    /// The strings of an array of strings; `nil` when the value is not one.
    public var strings: [String]? {
        array.flatMap { elements in
            let strings = elements.compactMap(\.string)
            return strings.count == elements.count ? strings : nil
        }
    }

    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(arrayLiteral elements: StandInJSON...) { self = .array(elements) }
    public init(nilLiteral: ()) { self = .null }

    public init(dictionaryLiteral elements: (String, StandInJSON)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int.self) {
            self = .int(value)
        } else if let value = try? container.decode(Double.self) {
            self = .double(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([StandInJSON].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: StandInJSON].self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .int(let value): try container.encode(value)
        case .double(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }
}
