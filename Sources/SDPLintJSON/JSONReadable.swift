public import SDPLintDiagnostics

/// A type that can be read from a JSON value, with a finding that says where when it cannot.
///
/// The standard types conform: `String`, `Bool`, the integer types (whole numbers in range,
/// written in any form: `5`, `5.0`, `5e0`), `Double`, arrays of readable types, and the JSON
/// types themselves. Conform a message type by reading its members:
///
/// ```swift
/// extension CandidateInit: JSONReadable {
///     public static let jsonDescription = "RTCIceCandidateInit object"
///     public init(json node: JSONNode) throws(JSONAccessError) {
///         candidate = try node.required("candidate", as: String.self)
///         sdpMid = try node.optional("sdpMid", as: String.self)
///     }
/// }
/// ```
public protocol JSONReadable {
    /// What a value of this type is called in messages: "string", "integer from 0 to 65535".
    static var jsonDescription: String { get }
    /// Reads the value at `node`.
    ///
    /// - Throws: ``JSONAccessError`` naming the node's path and location.
    init(json node: JSONNode) throws(JSONAccessError)
}

/// Why a value could not be read as a type: a `Diagnostic` (`JSON210` type
/// mismatch, `JSON211` missing member, `JSON212` number out of range) that names the path and
/// sits at the value's location.
public struct JSONAccessError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The finding, ready to report.
    public let diagnostic: Diagnostic
    /// The path of the value at fault (of the object, for a missing member).
    public let path: JSONPath

    public init(_ rule: Rule, at node: JSONNode, _ message: String) {
        diagnostic = rule.diagnostic(at: node.location ?? SourceLocation(line: 1, column: 1, bytes: 0..<0), message)
        path = node.path
    }

    public var code: Rule.Code { diagnostic.code }
    public var location: SourceLocation { diagnostic.location }
    public var message: String { diagnostic.message }

    /// `3:17: error[JSON210]: expected string at $.candidate.sdpMid, found number`.
    public var description: String { diagnostic.description }

    /// "expected string at $.sdpMid, found number".
    static func mismatch(_ node: JSONNode, expected: String) -> JSONAccessError {
        JSONAccessError(
            JSONRules.typeMismatch, at: node, "expected \(expected) at \(node.path), found \(node.value.kind)")
    }
}

extension JSONNode {
    /// The value read as `T`.
    ///
    /// - Throws: ``JSONAccessError`` when it is not one.
    public func decode<T: JSONReadable>(as type: T.Type = T.self) throws(JSONAccessError) -> T {
        try T(json: self)
    }

    /// The member `key` read as `T`.
    ///
    /// - Throws: ``JSONAccessError``: `JSON210` when this is not an object or the member has
    ///   another type, `JSON211` when there is no such member (at this object's location).
    public func required<T: JSONReadable>(_ key: String, as type: T.Type = T.self) throws(JSONAccessError) -> T {
        guard case .object = value else { throw JSONAccessError.mismatch(self, expected: "object") }
        guard let member = self[key] else {
            throw JSONAccessError(
                JSONRules.missingMember, at: self,
                "the object at \(path) has no member \(JSONWriter.quoted(key)) (\(T.jsonDescription))")
        }
        return try T(json: member)
    }

    /// The member `key` read as `T`, or `nil` when it is absent or `null`.
    ///
    /// - Throws: ``JSONAccessError`` when this is not an object or the member has another type.
    public func optional<T: JSONReadable>(_ key: String, as type: T.Type = T.self) throws(JSONAccessError) -> T? {
        guard case .object = value else { throw JSONAccessError.mismatch(self, expected: "object") }
        guard let member = self[key], !member.value.isNull else { return nil }
        return try T(json: member)
    }

    /// The member `key` read as `T`, or `nil` with the finding reported to `diagnostics`.
    public func required<T: JSONReadable>(
        _ key: String, as type: T.Type = T.self, into diagnostics: inout DiagnosticCollector
    ) -> T? {
        do {
            return try required(key, as: T.self)
        } catch {
            diagnostics.report(error.diagnostic)
            return nil
        }
    }

    /// The member `key` read as `T`, `nil` when absent or `null`, and `nil` with the finding
    /// reported to `diagnostics` when it has another type.
    public func optional<T: JSONReadable>(
        _ key: String, as type: T.Type = T.self, into diagnostics: inout DiagnosticCollector
    ) -> T? {
        do {
            return try optional(key, as: T.self)
        } catch {
            diagnostics.report(error.diagnostic)
            return nil
        }
    }

    /// The number here as an integer of type `T`.
    func integer<T: FixedWidthInteger>(_ type: T.Type) throws(JSONAccessError) -> T {
        let expected = "integer from \(T.min) to \(T.max)"
        guard case .number(let number) = value else { throw JSONAccessError.mismatch(self, expected: expected) }
        guard let integer = number.exactInteger(as: T.self) else {
            throw JSONAccessError(
                JSONRules.numberNotRepresentable, at: self,
                "expected an \(expected) at \(path), found \(number.text)")
        }
        return integer
    }
}

extension JSONObject {
    /// The member `key` read as `T`, with findings that name the path from this object.
    public func required<T: JSONReadable>(_ key: String, as type: T.Type = T.self) throws(JSONAccessError) -> T {
        try JSONNode(.object(self)).required(key, as: T.self)
    }

    /// The member `key` read as `T`, or `nil` when it is absent or `null`.
    public func optional<T: JSONReadable>(_ key: String, as type: T.Type = T.self) throws(JSONAccessError) -> T? {
        try JSONNode(.object(self)).optional(key, as: T.self)
    }
}

// MARK: - Conformances

extension String: JSONReadable {
    public static var jsonDescription: String { "string" }
    public init(json node: JSONNode) throws(JSONAccessError) {
        guard case .string(let text) = node.value else { throw JSONAccessError.mismatch(node, expected: "string") }
        self = text
    }
}

extension Bool: JSONReadable {
    public static var jsonDescription: String { "boolean" }
    public init(json node: JSONNode) throws(JSONAccessError) {
        guard case .bool(let flag) = node.value else { throw JSONAccessError.mismatch(node, expected: "boolean") }
        self = flag
    }
}

extension Double: JSONReadable {
    public static var jsonDescription: String { "number" }
    /// The nearest `Double`; a number beyond its range (`1e400`) does not fit.
    public init(json node: JSONNode) throws(JSONAccessError) {
        guard case .number(let number) = node.value else { throw JSONAccessError.mismatch(node, expected: "number") }
        let double = number.double
        guard double.isFinite else {
            throw JSONAccessError(
                JSONRules.numberNotRepresentable, at: node,
                "expected a number within the range of a double at \(node.path), found \(number.text)")
        }
        self = double
    }
}

extension JSONValue: JSONReadable {
    public static var jsonDescription: String { "value" }
    public init(json node: JSONNode) throws(JSONAccessError) { self = node.value }
}

extension JSONNode: JSONReadable {
    public static var jsonDescription: String { "value" }
    public init(json node: JSONNode) throws(JSONAccessError) { self = node }
}

extension JSONNumber: JSONReadable {
    public static var jsonDescription: String { "number" }
    public init(json node: JSONNode) throws(JSONAccessError) {
        guard case .number(let number) = node.value else { throw JSONAccessError.mismatch(node, expected: "number") }
        self = number
    }
}

extension JSONObject: JSONReadable {
    public static var jsonDescription: String { "object" }
    public init(json node: JSONNode) throws(JSONAccessError) {
        guard case .object(let object) = node.value else { throw JSONAccessError.mismatch(node, expected: "object") }
        self = object
    }
}

extension Array: JSONReadable where Element: JSONReadable {
    public static var jsonDescription: String { "array of \(Element.jsonDescription)" }
    /// Reads every element; the first that fails names its own path (`$.urls[2]`).
    public init(json node: JSONNode) throws(JSONAccessError) {
        guard case .array = node.value else { throw JSONAccessError.mismatch(node, expected: Self.jsonDescription) }
        var result: [Element] = []
        for element in node.elements { result.append(try Element(json: element)) }
        self = result
    }
}

extension Int: JSONReadable {
    public static var jsonDescription: String { "integer" }
    public init(json node: JSONNode) throws(JSONAccessError) { self = try node.integer(Int.self) }
}

extension Int8: JSONReadable {
    public static var jsonDescription: String { "integer" }
    public init(json node: JSONNode) throws(JSONAccessError) { self = try node.integer(Int8.self) }
}

extension Int16: JSONReadable {
    public static var jsonDescription: String { "integer" }
    public init(json node: JSONNode) throws(JSONAccessError) { self = try node.integer(Int16.self) }
}

extension Int32: JSONReadable {
    public static var jsonDescription: String { "integer" }
    public init(json node: JSONNode) throws(JSONAccessError) { self = try node.integer(Int32.self) }
}

extension Int64: JSONReadable {
    public static var jsonDescription: String { "integer" }
    public init(json node: JSONNode) throws(JSONAccessError) { self = try node.integer(Int64.self) }
}

extension UInt: JSONReadable {
    public static var jsonDescription: String { "integer" }
    public init(json node: JSONNode) throws(JSONAccessError) { self = try node.integer(UInt.self) }
}

extension UInt8: JSONReadable {
    public static var jsonDescription: String { "integer" }
    public init(json node: JSONNode) throws(JSONAccessError) { self = try node.integer(UInt8.self) }
}

extension UInt16: JSONReadable {
    public static var jsonDescription: String { "integer" }
    public init(json node: JSONNode) throws(JSONAccessError) { self = try node.integer(UInt16.self) }
}

extension UInt32: JSONReadable {
    public static var jsonDescription: String { "integer" }
    public init(json node: JSONNode) throws(JSONAccessError) { self = try node.integer(UInt32.self) }
}

extension UInt64: JSONReadable {
    public static var jsonDescription: String { "integer" }
    public init(json node: JSONNode) throws(JSONAccessError) { self = try node.integer(UInt64.self) }
}
