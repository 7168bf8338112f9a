public import SDPLintDiagnostics
internal import SDPLintScanning

/// A typed view of one header value of a SIP message, such as ``Via`` or ``NameAddress``: the
/// value's grammar (RFC 3261 §25.1) read from bytes, with every problem reported.
///
/// Each value type reads bytes (``parse(_:_:into:)``, what the message parser calls for a header
/// it has framed); the protocol gives every one of them the same text entry points, a lenient
/// ``parse(_:options:)`` and a throwing ``init(parsing:options:)``, as SDPLintSDP's
/// `AttributeValue` does for attribute values. Conform your own type to read an extension
/// header's value the same way.
public protocol SIPValue: Sendable, Hashable, CustomStringConvertible {
    /// What the value is called in a finding about text that holds none: "URI", "Via value".
    static var valueName: String { get }

    /// Reads the value at `range` of `bytes` (one header value, or one element of a list,
    /// without the surrounding white space), reporting every problem to `diagnostics` with its
    /// absolute byte range.
    ///
    /// - Parameters:
    ///   - bytes: The input.
    ///   - range: The value.
    ///   - diagnostics: Receives the findings.
    /// - Returns: The value, or `nil` only when nothing usable could be read.
    /// - Complexity: O(*n*) in `range.count`.
    static func parse(_ bytes: Span<UInt8>, _ range: Range<Int>, into diagnostics: inout DiagnosticCollector) -> Self?
}

extension SIPValue {
    /// Reads a value leniently: the value as far as it could be read and every finding, with
    /// columns counted from the start of `text`. Never throws and never traps.
    ///
    /// - Parameters:
    ///   - text: The value, as it follows the header's colon.
    ///   - options: Strictness, and the most findings kept (`limits.maxDiagnostics`).
    /// - Returns: The value or `nil`, the findings in the order found, and the text.
    /// - Complexity: O(*n*) in the length of `text`.
    public static func parse(_ text: String, options: SIPParseOptions = .lenient) -> ParseResult<Self?> {
        let (value, diagnostics) = text.withUTF8Span { bytes in
            var collector = DiagnosticCollector(strict: options.strict, limit: options.limits.maxDiagnostics)
            let value = parse(bytes, 0..<bytes.count, into: &collector)
            return (value, collector.finish(overflowRule: SIPRules.tooManyFindings))
        }
        return ParseResult(value: value, diagnostics: diagnostics, source: SourceText(text))
    }

    /// Reads a value, throwing when the text has an error.
    ///
    /// - Parameters:
    ///   - text: The value, as it follows the header's colon.
    ///   - options: Strictness, and the most findings kept.
    /// - Throws: `ParseError` with every finding and the value as far as it could be read
    ///   (`nil` when nothing could be), when at least one finding is an error.
    /// - Complexity: O(*n*) in the length of `text`.
    public init(parsing text: String, options: SIPParseOptions = .lenient) throws(ParseError<Self?>) {
        let location = SourceLocation(line: 1, column: 1, bytes: 0..<text.utf8.count)
        self = try Self.parse(text, options: options).unwrapped(
            missing: SIPRules.headerSyntax.diagnostic(
                at: location, "the text is not a \(Self.valueName)", strict: options.strict))
    }
}
