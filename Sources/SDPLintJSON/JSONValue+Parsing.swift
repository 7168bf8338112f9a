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
    /// - Throws: ``JSONParseError`` with every finding when at least one is an error. Warnings
    ///   alone (a duplicate name, a lone surrogate) do not throw; use ``parse(_:options:)-(String,_)``
    ///   to see them.
    /// - Complexity: O(n) in the length of `text`.
    public init(parsing text: String, options: JSONParseOptions = .default) throws(JSONParseError) {
        let (value, diagnostics) = JSONValue.parse(text, options: options)
        try self.init(checking: value, diagnostics)
    }

    /// Reads a JSON text from its bytes, which need not be valid UTF-8: invalid sequences are
    /// findings.
    public init(parsing bytes: [UInt8], options: JSONParseOptions = .default) throws(JSONParseError) {
        let (value, diagnostics) = JSONValue.parse(bytes, options: options)
        try self.init(checking: value, diagnostics)
    }

    private init(checking value: JSONValue?, _ diagnostics: [Diagnostic]) throws(JSONParseError) {
        if let error = JSONParseError(diagnostics) { throw error }
        guard let value else {
            // The parser returns nil only after reporting an error; keep the promise regardless.
            let location = SourceLocation(line: 1, column: 1, bytes: 0..<0)
            let finding = JSONRules.unexpectedEnd.diagnostic(at: location, "the text holds no JSON value")
            throw JSONParseError(primary: finding, diagnostics: diagnostics + [finding])
        }
        self = value
    }

    /// Reads a JSON text leniently: the value, when one could be read, and every finding.
    ///
    /// The value is `nil` after a fatal error (a syntax error other than a trailing comma or a
    /// comment, or a limit). Repairable errors leave a value: invalid UTF-8 and escapes become
    /// U+FFFD.
    ///
    /// - Complexity: O(n) in the length of `text`.
    public static func parse(
        _ text: String, options: JSONParseOptions = .default
    ) -> (value: JSONValue?, diagnostics: [Diagnostic]) {
        text.withUTF8Bytes { parse($0, options: options) }
    }

    /// Reads a JSON text from its bytes leniently.
    public static func parse(
        _ bytes: [UInt8], options: JSONParseOptions = .default
    ) -> (value: JSONValue?, diagnostics: [Diagnostic]) {
        bytes.withSpan { parse($0, options: options) }
    }

    /// Reads a JSON text from its bytes leniently.
    public static func parse(
        _ bytes: Span<UInt8>, options: JSONParseOptions = .default
    ) -> (value: JSONValue?, diagnostics: [Diagnostic]) {
        var collector = DiagnosticCollector(strict: options.strict, limit: options.maxDiagnostics)
        let value = parse(bytes, 0..<bytes.count, options: options, into: &collector)
        return (value, collector.finish(overflowRule: JSONRules.tooManyFindings))
    }

    /// Reads the JSON text at `range` of a larger input: the entry point for other parsers (a
    /// JSON body inside a SIP message, a line of a log).
    ///
    /// Findings go to `diagnostics` with absolute byte ranges; lines count from the collector's
    /// current `line`, which starts at its `lineStart`. The collector's strictness and limit
    /// apply; `options` gives the limits. The collector's line is left as it was.
    ///
    /// - Returns: The value, or `nil` after a fatal error.
    /// - Complexity: O(n) in `range.count`.
    public static func parse(
        _ bytes: Span<UInt8>, _ range: Range<Int>, options: JSONParseOptions = .default,
        into diagnostics: inout DiagnosticCollector
    ) -> JSONValue? {
        var parser = JSONParser(
            options: options, diagnostics: diagnostics, recordLocations: false,
            firstLineStart: min(diagnostics.lineStart, range.lowerBound))
        diagnostics = DiagnosticCollector()
        let clamped = max(0, range.lowerBound)..<min(bytes.count, max(range.upperBound, range.lowerBound))
        let value = parser.parseText(bytes, clamped)
        diagnostics = parser.diagnostics
        return value
    }
}

extension String {
    /// Calls `body` with the UTF-8 bytes of the string, made contiguous first if they are not.
    func withUTF8Bytes<Result>(_ body: (Span<UInt8>) -> Result) -> Result {
        var copy = self
        return copy.withUTF8 { body($0.span) }
    }
}
