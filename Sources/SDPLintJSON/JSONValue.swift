/// A JSON value: the six kinds of RFC 8259 §3.
///
/// Values keep what a linter needs and a generic decoder throws away: numbers as their exact text
/// (``JSONNumber``), and object members in order with duplicates (``JSONObject``). A value parsed
/// from text and written back with ``serialized(format:)`` is equal to the original; see
/// ``JSONDocument`` for where each value was in its text.
///
/// RFC 8259 §3 <https://www.rfc-editor.org/rfc/rfc8259#section-3>
///
/// ```
/// value = false / null / true / object / array / number / string
/// ```
public enum JSONValue: Sendable, Hashable, CustomStringConvertible {
    case null
    case bool(Bool)
    case number(JSONNumber)
    case string(String)
    case array(JSONArray)
    case object(JSONObject)

    /// The kinds of value, for messages ("expected string, found number").
    public enum Kind: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
        case null
        case bool = "boolean"
        case number, string, array, object
        public var description: String { rawValue }
    }

    public var kind: Kind {
        switch self {
        case .null: .null
        case .bool: .bool
        case .number: .number
        case .string: .string
        case .array: .array
        case .object: .object
        }
    }

    // MARK: Views

    public var isNull: Bool { if case .null = self { true } else { false } }

    public var boolValue: Bool? { if case .bool(let value) = self { value } else { nil } }

    public var numberValue: JSONNumber? { if case .number(let value) = self { value } else { nil } }

    public var stringValue: String? { if case .string(let value) = self { value } else { nil } }

    public var arrayValue: JSONArray? { if case .array(let value) = self { value } else { nil } }

    public var objectValue: JSONObject? { if case .object(let value) = self { value } else { nil } }

    /// The value of the first member named `key`, when this is an object that has one.
    public subscript(key: String) -> JSONValue? { objectValue?[key] }

    /// The element at `index`, when this is an array that long.
    ///
    /// - Complexity: O(index) for a parsed array (``JSONArray``).
    public subscript(index: Int) -> JSONValue? {
        guard case .array(let elements) = self else { return nil }
        return elements.element(at: index)
    }

    /// The value at `path`, following the first member for each name.
    ///
    /// - Complexity: O(d) lookups for a path of d components.
    public func value(at path: JSONPath) -> JSONValue? {
        var current = self
        for component in path.components {
            switch component {
            case .key(let key):
                guard let next = current[key] else { return nil }
                current = next
            case .index(let index):
                guard let next = current[index] else { return nil }
                current = next
            }
        }
        return current
    }

    /// The compact JSON text.
    public var description: String { serialized() }
}

// Not ExpressibleByNilLiteral: with it, `nil` in a closure returning `JSONValue?` silently
// becomes `.null` instead of `Optional.none`.
extension JSONValue: ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByFloatLiteral, ExpressibleByStringLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(integerLiteral value: Int) { self = .number(JSONNumber(value)) }
    public init(floatLiteral value: Double) { self = .number(JSONNumber(floatLiteral: value)) }
    public init(stringLiteral value: String) { self = .string(value) }
    public init(arrayLiteral elements: JSONValue...) { self = .array(JSONArray(elements)) }
    public init(dictionaryLiteral elements: (String, JSONValue)...) { self = .object(JSONObject(pairs: elements)) }
}
