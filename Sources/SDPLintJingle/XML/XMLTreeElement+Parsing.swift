public import SDPLintDiagnostics

extension XMLTreeElement {
    /// Parses an XML document held in memory and returns its root element.
    ///
    /// The input must be UTF-8 (RFC 6120 §11.6). Malformed XML, a DTD, an input over the limits
    /// or invalid UTF-8 gives a `nil` root and a diagnostic with the line and column (counted
    /// in UTF-8 bytes) where the problem is; the parser never throws and never traps.
    ///
    /// XML 1.0 §2.1 <https://www.w3.org/TR/xml/#sec-well-formed>
    ///
    /// - Parameters:
    ///   - text: The document.
    ///   - options: Limits and strictness.
    /// - Returns: The root element, or `nil`; every finding; and the text they point into.
    /// - Complexity: O(*n*) in the size of the input.
    public static func parse(_ text: String, options: XMLParseOptions = .lenient) -> ParseResult<XMLTreeElement?> {
        parse(bytes: Array(text.utf8), options: options)
    }

    /// Parses XML bytes; see ``parse(_:options:)``.
    ///
    /// - Parameters:
    ///   - bytes: The document, which should be UTF-8.
    ///   - options: Limits and strictness.
    /// - Returns: The root element, or `nil`; every finding; and the bytes they point into.
    /// - Complexity: O(*n*) in the size of the input.
    public static func parse(bytes: [UInt8], options: XMLParseOptions = .lenient) -> ParseResult<XMLTreeElement?> {
        let source = SourceText(bytes)
        let (root, diagnostics) = LibXMLReader.parse(bytes, lines: source, options: options)
        return ParseResult(value: root, diagnostics: diagnostics, source: source)
    }

    /// Parses an XML document, throwing when it is not well-formed, was refused, or has another
    /// error.
    ///
    /// - Parameters:
    ///   - text: The document.
    ///   - options: Limits and strictness.
    /// - Throws: `ParseError` with every finding and the root as far as it could be read
    ///   (`nil` when the document is not well-formed).
    /// - Complexity: O(*n*) in the size of the input.
    public init(parsing text: String, options: XMLParseOptions = .lenient) throws(ParseError<XMLTreeElement?>) {
        self = try Self.parse(text, options: options).unwrapped(
            missing: JingleRules.emptyInput.diagnostic(
                at: SourceLocation(line: 1, column: 1, bytes: 0..<0), "the input holds no XML element"))
    }
}
