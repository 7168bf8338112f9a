public import SDPLintDiagnostics
internal import SDPLintScanning

extension JSONValue {
    /// Reads a JSON text, throwing when it has an error.
    ///
    /// RFC 8259 <https://www.rfc-editor.org/rfc/rfc8259>
    ///
    /// - Parameters:
    ///   - text: The JSON text.
    ///   - options: Limits and strictness.
    /// - Throws: `ParseError` with every finding and the value as far as it could be read
    ///   (`nil` after a fatal error) when at least one finding is an error. Warnings alone (a
    ///   duplicate name, a lone surrogate) do not throw; use ``parse(_:options:)`` to see them.
    /// - Complexity: O(n) in the length of `text`.
    public init(parsing text: String, options: JSONParseOptions = .lenient) throws(ParseError<JSONValue?>) {
        self = try JSONValue.parse(text, options: options).unwrapped(missing: JSONParser.noValue)
    }

    /// Reads a JSON text from its bytes, which need not be valid UTF-8 (invalid sequences are
    /// findings), throwing when it has an error.
    ///
    /// - Parameters:
    ///   - bytes: The JSON text.
    ///   - options: Limits and strictness.
    /// - Throws: `ParseError` with every finding and the value as far as it could be read.
    /// - Complexity: O(n) in the number of bytes.
    public init(parsing bytes: [UInt8], options: JSONParseOptions = .lenient) throws(ParseError<JSONValue?>) {
        self = try JSONValue.parse(bytes: bytes, options: options).unwrapped(missing: JSONParser.noValue)
    }

    /// Reads a JSON text leniently: the value, when one could be read, and every finding.
    ///
    /// The value is `nil` after a fatal error (a syntax error other than a trailing comma or a
    /// comment, or a limit). Repairable errors leave a value: invalid UTF-8 and escapes become
    /// U+FFFD. Never throws and never traps.
    ///
    /// - Parameters:
    ///   - text: The JSON text.
    ///   - options: Limits and strictness.
    /// - Returns: The value or `nil`, the findings in the order of the text, and the text.
    /// - Complexity: O(n) in the length of `text`.
    public static func parse(_ text: String, options: JSONParseOptions = .lenient) -> ParseResult<JSONValue?> {
        parse(bytes: Array(text.utf8), options: options)
    }

    /// Reads a JSON text from its bytes leniently; see ``parse(_:options:)``.
    ///
    /// - Parameters:
    ///   - bytes: The JSON text, UTF-8 as far as it is valid.
    ///   - options: Limits and strictness.
    /// - Returns: The value or `nil`, the findings in the order of the text, and the text.
    /// - Complexity: O(n) in the number of bytes.
    public static func parse(bytes: [UInt8], options: JSONParseOptions = .lenient) -> ParseResult<JSONValue?> {
        options.parseWhole(bytes) { span, collector in
            parse(span, 0..<span.count, options: options, sharing: bytes, into: &collector)
        }
    }

    /// Reads the JSON text at `range` of a larger input: the entry point for other parsers (a
    /// JSON body inside a SIP message, a line of a log).
    ///
    /// Findings go to `diagnostics` with absolute byte ranges; lines count from the collector's
    /// current `line`, which starts at its `lineStart`. The collector's strictness and limit
    /// apply; `options` gives the limits. The collector's line is left as it was. `source`, when
    /// given, is the array `bytes` views, which the value then shares instead of copying its text.
    ///
    /// - Returns: The value, or `nil` after a fatal error.
    /// - Complexity: O(n) in `range.count`.
    package static func parse(
        _ bytes: Span<UInt8>, _ range: Range<Int>, options: JSONParseOptions = .lenient, sharing source: [UInt8]? = nil,
        into diagnostics: inout DiagnosticCollector
    ) -> JSONValue? {
        var parser = JSONParser(
            options: options, diagnostics: diagnostics, recordLocations: false,
            firstLineStart: min(diagnostics.lineStart, range.lowerBound))
        parser.source = source
        diagnostics = DiagnosticCollector()
        let clamped = max(0, range.lowerBound)..<min(bytes.count, max(range.upperBound, range.lowerBound))
        let tape = parser.parseText(bytes, clamped)
        diagnostics = parser.diagnostics
        return tape?.value(at: 0)
    }
}

extension JSONParser {
    /// The finding of a throwing initializer whose text held no value, although the parser
    /// reported no error (it always does; the throwing initializers keep the promise
    /// regardless).
    static var noValue: Diagnostic {
        JSONRules.unexpectedEnd.diagnostic(
            at: SourceLocation(line: 1, column: 1, bytes: 0..<0), "the text holds no JSON value")
    }
}
