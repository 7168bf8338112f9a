public import SDPLintDiagnostics
public import SDPLintICE
internal import SDPLintScanning

/// An SDP fragment: the body of `application/trickle-ice-sdpfrag` (RFC 8840 §9), which trickles
/// candidates over SIP INFO and WHIP/WHEP PATCH requests (RFC 9725 §4.3).
///
/// A fragment has the attribute lines and media sections of a description but none of its v=,
/// o=, s= or t= lines: session-level attributes (usually ice-ufrag, ice-pwd, ice-options) and
/// then, per media section, an m= line naming it, `a=mid`, `a=candidate` lines and perhaps
/// `a=end-of-candidates`.
///
/// ```
/// a=ice-ufrag:EsAw
/// a=ice-pwd:P2uYro0UCOQ4zxjKXaWCBui1
/// m=audio 9 RTP/AVP 0
/// a=mid:1
/// a=candidate:1 1 UDP 2130706431 10.0.1.17 8998 typ host
/// a=end-of-candidates
/// ```
public struct SDPFragment: Sendable, Hashable, CustomStringConvertible {
    /// The lines before the first m= line.
    public var attributes: [Attribute]
    /// The media sections, each naming the section of the description it adds to.
    public var media: [MediaDescription]
    /// Lines kept as written that have no place in the model.
    public var extraLines: [ExtraLine]
    public var lineEnding: LineEnding

    public init(
        attributes: [Attribute] = [], media: [MediaDescription] = [], extraLines: [ExtraLine] = [],
        lineEnding: LineEnding = .crlf
    ) {
        self.attributes = attributes
        self.media = media
        self.extraLines = extraLines
        self.lineEnding = lineEnding
    }

    /// Parses a fragment leniently, with every finding.
    ///
    /// - Complexity: O(*n*) in the length of the text.
    public static func parse(_ text: String, options: SDPParseOptions = .lenient) -> ParseResult<SDPFragment> {
        let bytes = Array(text.utf8)
        return Parser.parse(bytes, options: options, fragment: true).map(SDPFragment.init)
    }

    /// Parses fragment bytes leniently, with every finding.
    public static func parse(bytes: [UInt8], options: SDPParseOptions = .lenient) -> ParseResult<SDPFragment> {
        Parser.parseValidating(bytes, options: options, fragment: true)
            .map(SDPFragment.init)
    }

    /// Parses a fragment, throwing if it has an error.
    ///
    /// - Throws: `ParseError` with every finding and the partial fragment.
    public init(parsing text: String, options: SDPParseOptions = .lenient) throws(ParseError<SDPFragment>) {
        self = try Self.parse(text, options: options).get()
    }

    init(_ description: SessionDescription) {
        attributes = description.attributes
        media = description.media
        extraLines = description.extraLines
        lineEnding = description.lineEnding
    }

    /// The fragment as a description with no v=, o=, s= or t= lines, for the shared writer.
    var asDescription: SessionDescription {
        SessionDescription(
            origin: .init(sessionID: "0", sessionVersion: 0), times: [], attributes: attributes,
            media: media, extraLines: extraLines, lineEnding: lineEnding)
    }

    /// The fragment as text, with ``lineEnding`` after every line.
    public func serialized() -> String {
        var output = ""
        let eol = lineEnding.rawValue
        var writer = SectionWriter(extras: extraLines)
        for attribute in attributes { writer.line("a=", eol, &output) { attribute.write(into: &$0) } }
        writer.finish(eol, &output)
        for section in media { section.write(into: &output, eol: eol) }
        return output
    }

    public var description: String { serialized() }

    /// Builds the fragment that trickles `candidates` for the section with this mid and m= line
    /// index (RFC 8840 §4.4): the credentials at the session level, then `m=<media> 9 <proto> <fmt>`,
    /// `a=mid`, the candidates and, if `complete`, `a=end-of-candidates`.
    public init(
        ufrag: String?, password: String?, section: MediaDescription, mid: String?, candidates: [Candidate],
        complete: Bool
    ) {
        var attributes: [Attribute] = []
        if let ufrag { attributes.append(Attribute(ICEUfrag(ufrag))) }
        if let password { attributes.append(Attribute(ICEPwd(password))) }
        var media = MediaDescription(
            media: section.media, port: 9, proto: section.proto,
            formats: section.formats.isEmpty ? ["0"] : section.formats)
        if let mid { media.attributes.append(Attribute(Mid(mid))) }
        media.attributes += candidates.map { Attribute($0) }
        if complete { media.attributes.append(Attribute(name: .endOfCandidates)) }
        self.init(attributes: attributes, media: [media])
    }
}
