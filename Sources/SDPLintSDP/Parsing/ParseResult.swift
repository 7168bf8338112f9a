public import SDPLintDiagnostics
internal import SDPLintScanning

extension SessionDescription {
    /// Parses SDP text leniently: the description with every finding, and the text they point
    /// into. Every element of the description knows the line it was read from
    /// (``Attribute/sourceLine``, ``MediaDescription/sourceLine``, …), so later checks locate
    /// their findings without reading the text again.
    ///
    /// Never throws and never traps: whatever the input, the result holds what could be read
    /// and a diagnostic for each problem.
    ///
    /// - Complexity: O(*n*) in the length of the text.
    public static func parse(_ text: String, options: SDPParseOptions = .lenient) -> ParseResult<SessionDescription> {
        let bytes = Array(text.utf8)
        return Parser.parse(bytes, options: options)
    }

    /// Parses SDP bytes, which should be UTF-8; invalid UTF-8 is reported and values made from
    /// it hold U+FFFD.
    ///
    /// - Complexity: O(*n*) in the number of bytes.
    public static func parse(bytes: [UInt8], options: SDPParseOptions = .lenient) -> ParseResult<SessionDescription> {
        Parser.parseValidating(bytes, options: options)
    }

    /// Parses SDP text, throwing if the input has any error.
    ///
    /// - Throws: `ParseError` with every finding and the partial description.
    public init(parsing text: String, options: SDPParseOptions = .lenient) throws(ParseError<SessionDescription>) {
        self = try Self.parse(text, options: options).get()
    }

    /// Parses SDP bytes, throwing if the input has any error.
    ///
    /// - Throws: `ParseError` with every finding and the partial description.
    public init(parsing bytes: [UInt8], options: SDPParseOptions = .lenient) throws(ParseError<SessionDescription>) {
        self = try Self.parse(bytes: bytes, options: options).get()
    }
}
