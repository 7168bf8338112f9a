public import SDPLintDiagnostics
public import SDPLintICE
public import SDPLintSDP
import SDPLintSignaling

/// One input, read once: what it is, what it holds as models, and every finding the readers
/// made, each located in the text it is about.
///
/// ``InputReader`` makes it — detection, decompression, framing and the per-format parse happen
/// there, once — and every command takes it: `check` checks it, `diff` and `timeline` read its
/// traces, `convert` writes its messages, `explain` and `format` read its descriptions. A
/// description inside it (an SDP body, the `sdp` of a JSON envelope, a description in a browser
/// dump) is parsed once, and its parse, with the line of every element, travels with it.
public struct InputDocument: Sendable {
    /// What the input holds, as models.
    public enum Content: Sendable {
        /// One session description.
        case description(ParseResult<SessionDescription>)
        /// An SDP fragment (RFC 8840).
        case fragment(ParseResult<SDPFragment>)
        /// Candidate lines, one a line; the findings are the document's.
        case candidates([Candidate])
        /// The servers of an `RTCConfiguration` or of a list of `RTCIceServer`s.
        case iceServers([Located<ICEServer>])
        /// The signaling of one or more sessions or connections: messages (JSON, SIP, WHIP/WHEP,
        /// Jingle), browser dumps and captures.
        case traces([SignalingTrace])
        /// Nothing a reader could read; the document's findings say why.
        case unreadable
    }

    /// How reports name the input: a path, or `<stdin>`.
    public var name: String
    /// What the input is, after decompression.
    public var kind: InputKind
    /// Whether the input was gzip-compressed.
    public var compressed: Bool
    /// What the input is, for people: "chrome://webrtc-internals dump, gzip-compressed".
    public var format: String
    /// What it holds.
    public var content: Content
    /// The text the document's own findings point into: the input, decompressed; empty for a
    /// capture read as a stream.
    public var source: SourceText
    /// What reading found about the input as a whole, located in ``source``.
    public var diagnostics: [Diagnostic]
    /// Findings about texts inside the input that have their own lines — each SIP message of a
    /// capture, the decompressed text of a compressed file — each in its own text.
    public var embedded: [LintedFile]
    /// Whether the reader already reported each description's and candidate's own findings
    /// among ``diagnostics`` (signaling messages); a browser dump leaves them to the checks.
    public var textsChecked: Bool
    /// The line of the input ``source`` starts at: 1, or later for a block of a stream, whose
    /// findings keep the stream's line numbers.
    public var firstLine: Int = 1
    /// The lines where the records of a record stream start: the non-blank lines of a block of
    /// an NDJSON stream, each one record (`check --format ndjson` reports record by record);
    /// empty for any other input.
    public var records: [Int] = []
    /// What reading the input into the signaling model could not carry (a Jingle element with
    /// no SDP form): not a fault of the input, but what a conversion must report.
    public var dropped: [DroppedItem] = []

    public init(
        name: String, kind: InputKind, compressed: Bool = false, format: String, content: Content,
        source: SourceText = .empty, diagnostics: [Diagnostic] = [], embedded: [LintedFile] = [],
        textsChecked: Bool = false
    ) {
        self.name = name
        self.kind = kind
        self.compressed = compressed
        self.format = format
        self.content = content
        self.source = source
        self.diagnostics = diagnostics
        self.embedded = embedded
        self.textsChecked = textsChecked
    }

    /// A document of traces as a reader of dumps, messages or captures makes it; the input
    /// reader names it and says its kind.
    package init(
        format: String, traces: [SignalingTrace], diagnostics: [Diagnostic] = [], source: [UInt8] = [],
        textsChecked: Bool = false, embedded: [LintedFile] = []
    ) {
        self.init(
            name: "", kind: .json, format: format, content: .traces(traces), source: SourceText(source),
            diagnostics: diagnostics, embedded: embedded, textsChecked: textsChecked)
    }

    /// The traces, or none for a document that holds a single description, fragment or
    /// candidate list.
    public var traces: [SignalingTrace] {
        if case .traces(let traces) = content { return traces }
        return []
    }

    /// Every session description the input holds, in order, each with where it sits: the input
    /// itself (`context` `nil`), or a message or event of a trace.
    public var descriptions: [(context: String?, type: SDPType?, sdp: ParseResult<SessionDescription>)] {
        switch content {
        case .description(let parsed):
            return [(nil, nil, parsed)]
        case .traces(let traces):
            return traces.flatMap { trace in
                trace.events.compactMap { event in
                    guard case .description(let type, let sdp, _) = event.kind, type != .rollback else { return nil }
                    return (event.context, type, sdp)
                }
            }
        case .fragment, .candidates, .iceServers, .unreadable:
            return []
        }
    }

    /// Whether any finding about the input as a whole is an error.
    public var hasErrors: Bool { diagnostics.containsErrors }
}
