public import SDPLintDiagnostics
public import SDPLintSDP

/// One session description as the analysis reads it: the description parsed once, with its
/// findings and the text they point into, and the name of the file (or message) it came from.
///
/// Every element of the description knows the line it was read from, so the analysis locates
/// its findings from the model, without reading the text again, and reports them with
/// ``name`` so a renderer can print `answer.sdp:14:3`.
public struct SDPSource: Sendable, Hashable {
    /// The file name or label shown with every finding, such as `answer.sdp`.
    public var name: String
    /// The parse: the description, the SDP parser's findings and the text.
    public var parsed: ParseResult<SessionDescription>

    /// A description parsed elsewhere (a SIP body, a JSON envelope, a browser dump): nothing
    /// is parsed again.
    public init(name: String, parsed: ParseResult<SessionDescription>) {
        self.name = name
        self.parsed = parsed
    }

    /// Parses `text` leniently.
    ///
    /// - Complexity: O(*n*) in the length of the text.
    public init(name: String, text: String, options: SDPParseOptions = .lenient) {
        self.init(name: name, parsed: SessionDescription.parse(text, options: options))
    }

    /// Parses bytes, which should be UTF-8; invalid bytes are reported by the parser.
    ///
    /// - Complexity: O(*n*) in the number of bytes.
    public init(name: String, bytes: [UInt8], options: SDPParseOptions = .lenient) {
        self.init(name: name, parsed: SessionDescription.parse(bytes: bytes, options: options))
    }

    /// A description built in code; locations point into its serialized form, which is parsed.
    public init(name: String, session: SessionDescription) {
        self.init(name: name, text: session.serialized())
    }

    /// The parsed description.
    public var session: SessionDescription { parsed.value }
    /// What the SDP parser reported.
    public var parseDiagnostics: [Diagnostic] { parsed.diagnostics }
    /// The text the description was parsed from; locations point into it.
    public var text: SourceText { parsed.source }
}
