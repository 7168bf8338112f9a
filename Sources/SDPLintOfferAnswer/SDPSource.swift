public import SDPLintDiagnostics
public import SDPLintSDP

/// One session description as the analysis reads it: the text exactly as received, the model
/// parsed from it, and the name of the file (or message) it came from.
///
/// The model says what was negotiated; the text says where. The SDP model keeps no line
/// numbers, so the analysis finds the line each finding is about by scanning ``text``, and
/// reports it with ``name`` so a renderer can print `answer.sdp:14:3`.
public struct SDPSource: Sendable, Hashable {
    /// The file name or label shown with every finding, such as `answer.sdp`.
    public var name: String
    /// The text the description was parsed from; locations point into it.
    public var text: String
    /// The parsed description.
    public var session: SessionDescription
    /// What the SDP parser reported while reading ``text``.
    public var parseDiagnostics: [Diagnostic]

    /// Parses `text` leniently.
    ///
    /// - Complexity: O(*n*) in the length of the text.
    public init(name: String, text: String, options: ParseOptions = .lenient) {
        let result = SessionDescription.parse(text, options: options)
        self.init(name: name, text: text, session: result.description, parseDiagnostics: result.diagnostics)
    }

    /// Parses bytes, which should be UTF-8; invalid bytes are reported by the parser and
    /// replaced by U+FFFD in ``text``.
    ///
    /// - Complexity: O(*n*) in the number of bytes.
    public init(name: String, bytes: [UInt8], options: ParseOptions = .lenient) {
        let result = SessionDescription.parse(bytes: bytes, options: options)
        self.init(
            name: name, text: String(decoding: bytes, as: UTF8.self),
            session: result.description, parseDiagnostics: result.diagnostics)
    }

    /// A description parsed elsewhere, with the text it was parsed from.
    public init(name: String, text: String, session: SessionDescription, parseDiagnostics: [Diagnostic] = []) {
        self.name = name
        self.text = text
        self.session = session
        self.parseDiagnostics = parseDiagnostics
    }

    /// A description built in code; locations point into its serialized form.
    public init(name: String, session: SessionDescription) {
        self.init(name: name, text: session.serialized(), session: session)
    }
}
