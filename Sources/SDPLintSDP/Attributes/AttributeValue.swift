public import SDPLintDiagnostics
internal import SDPLintScanning

/// A typed view of one attribute's value, such as ``RTPMap`` for `a=rtpmap:…`.
///
/// The raw ``Attribute`` stays the source of truth (it keeps the exact text); a typed value is
/// read from it with ``Attribute/as(_:)`` and written back, in canonical form, with
/// ``Attribute/init(_:)``. Conform your own type to add a vendor attribute.
public protocol AttributeValue: Sendable, Hashable, CustomStringConvertible {
    /// The attribute name this type reads.
    static var attributeName: Attribute.Name { get }

    /// Reads the value at `range` of `bytes` (the text after the colon), reporting every problem
    /// to `diagnostics`. Returns `nil` only when nothing usable could be read.
    ///
    /// - Complexity: O(*n*) in the length of the value.
    static func parse(_ bytes: Span<UInt8>, _ range: Range<Int>, into diagnostics: inout DiagnosticCollector) -> Self?

    /// Appends the canonical value text (what follows the colon).
    func write(to output: inout String)
}

/// Thrown by ``AttributeValue/init(parsing:)`` when a value has an error.
public struct AttributeParseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Every finding; columns count from the first byte of the value.
    public var diagnostics: [Diagnostic]

    public var description: String {
        diagnostics.first { $0.severity == .error }?.description ?? "invalid attribute value"
    }
}

extension AttributeValue {
    /// The canonical value text (what follows the colon).
    public var valueText: String {
        var text = ""
        write(to: &text)
        return text
    }

    /// `name:value`, the line without `a=`.
    public var description: String { Self.attributeName.rawValue + ":" + valueText }

    /// Reads a value leniently: `nil` if there is none or it cannot be used; warnings are ignored.
    public static func parse(value: String?) -> Self? {
        guard let value else { return nil }
        var collector = DiagnosticCollector()
        return parse(value, into: &collector)
    }

    /// Reads a value strictly: throws if it has any error.
    ///
    /// - Throws: ``AttributeParseError`` with every finding.
    public init(parsing value: String) throws(AttributeParseError) {
        var collector = DiagnosticCollector()
        let parsed = Self.parse(value, into: &collector)
        guard let parsed, !collector.hasErrors else {
            throw AttributeParseError(diagnostics: collector.diagnostics)
        }
        self = parsed
    }

    /// Parses a whole `String` with trailing white space excluded, as the SDP parser does.
    static func parse(_ value: String, into collector: inout DiagnosticCollector) -> Self? {
        value.withUTF8Span { parse(wholeValue: $0, into: &collector) }
    }

    /// Parses all of `bytes`, a value without its name, with trailing white space excluded as
    /// the SDP parser excludes it.
    static func parse(wholeValue bytes: Span<UInt8>, into collector: inout DiagnosticCollector) -> Self? {
        var end = bytes.count
        while end > 0 && bytes[end - 1].isWhitespace { end -= 1 }
        return parse(bytes, 0..<end, into: &collector)
    }
}
