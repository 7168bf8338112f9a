internal import SDPLintScanning

/// One `;name=value` parameter of a URI or a header value: `transport=tcp`, `lr`, `tag=1928301774`.
///
/// Names compare case-insensitively and keep their spelling; the value is kept as written,
/// quotes and escapes included (`+sip.instance="<urn:uuid:…>"`).
///
/// [RFC 3261 §25.1](https://www.rfc-editor.org/rfc/rfc3261#section-25.1)
/// ```
/// generic-param  =  token [ EQUAL gen-value ]
/// gen-value      =  token / host / quoted-string
/// uri-parameter  =  transport-param / user-param / method-param / ttl-param / maddr-param
///                   / lr-param / other-param
/// other-param    =  pname [ "=" pvalue ]
/// ```
public struct SIPParameter: Sendable, Hashable, CustomStringConvertible {
    /// The name as written. `pname = 1*paramchar`, `token` in header parameters.
    public var name: String
    /// The value as written, or `nil` for a flag such as `lr` or `rport`.
    public var value: String?

    public init(_ name: String, _ value: String? = nil) {
        self.name = name
        self.value = value
    }

    /// `name` or `name=value`.
    public var description: String {
        guard let value else { return name }
        return name + "=" + value
    }

    /// The value without surrounding quotes and with quoted pairs resolved, for values that are
    /// quoted strings (`"<urn:uuid:…>"` gives `<urn:uuid:…>`).
    public var unquotedValue: String? {
        guard let value else { return nil }
        let utf8 = value.utf8
        guard utf8.count >= 2, utf8.first == UInt8(ascii: "\""), utf8.last == UInt8(ascii: "\"") else { return value }
        return value.withUTF8Span { SIPGrammar.unquoted($0, 1..<($0.count - 1)) }
    }

    /// Whether `name` matches `other`, ignoring ASCII case.
    public func hasName(_ other: String) -> Bool { name.equalsIgnoringASCIICase(other) }
}

extension Array where Element == SIPParameter {
    /// The first parameter named `name` (compared ignoring case).
    public func first(named name: String) -> SIPParameter? {
        first { $0.hasName(name) }
    }

    /// The value of the first parameter named `name`; `nil` when it is absent or has no value.
    public subscript(name: String) -> String? {
        first(named: name)?.value
    }

    /// Whether a parameter named `name` is present, with or without a value.
    public func contains(named name: String) -> Bool {
        contains { $0.hasName(name) }
    }

    /// Sets the first parameter named `name` to `value`, or appends one.
    public mutating func set(_ name: String, _ value: String?) {
        if let index = firstIndex(where: { $0.hasName(name) }) {
            self[index].value = value
        } else {
            append(SIPParameter(name, value))
        }
    }

    /// Removes every parameter named `name`.
    public mutating func remove(named name: String) {
        removeAll { $0.hasName(name) }
    }

    /// Appends `;name=value` for each parameter.
    func write(to output: inout String) {
        for parameter in self {
            output += ";"
            output += parameter.description
        }
    }
}
