/// A whole session description: the session-level lines and the media sections.
///
/// Every field of RFC 8866 has a typed property; attributes are kept raw and in order, with
/// typed views read on demand. Parsing keeps the exact text of every line (lines whose text is
/// not canonical keep it verbatim until edited; lines it cannot place become ``ExtraLine``s),
/// so ``serialized()`` gives back the input byte for byte. Two descriptions are equal when they
/// serialize to the same text.
///
/// [RFC 8866 §5](https://www.rfc-editor.org/rfc/rfc8866#section-5)
/// ```
/// session-description = version-field origin-field session-name-field
///     [information-field] [uri-field] *email-field *phone-field
///     [connection-field] *bandwidth-field 1*time-description
///     [key-field] *attribute-field *media-description
/// ```
public struct SessionDescription: Sendable, Hashable {
    /// `v=`: the protocol version, 0.
    public var version: Int {
        didSet {
            versionVerbatim = nil
            parsed = nil
        }
    }
    /// `o=`: the originator and the session's identity and version.
    public var origin: Origin { didSet { parsed = nil } }
    /// `s=`: the session name; "-" when there is none.
    public var sessionName: String { didSet { parsed = nil } }
    /// `i=`: session information.
    public var information: String? { didSet { parsed = nil } }
    /// `u=`: a URI with more information.
    public var uri: String? { didSet { parsed = nil } }
    /// `e=` lines.
    public var emails: [String] { didSet { parsed = nil } }
    /// `p=` lines.
    public var phones: [String] { didSet { parsed = nil } }
    /// `c=`: the session-level connection.
    public var connection: Connection? { didSet { parsed = nil } }
    /// `b=` lines.
    public var bandwidths: [Bandwidth] { didSet { parsed = nil } }
    /// `t=` lines with their `r=` and `z=` lines; at least one.
    public var times: [TimeDescription] { didSet { parsed = nil } }
    /// `k=`: the obsolete encryption key line, as written (RFC 8866 §5.12).
    public var encryptionKey: String? { didSet { parsed = nil } }
    /// Session-level `a=` lines, in order.
    public var attributes: [Attribute] { didSet { parsed = nil } }
    /// The media sections, in order.
    public var media: [MediaDescription] { didSet { parsed = nil } }
    /// Session-level lines kept as written that have no place in the model.
    public var extraLines: [ExtraLine] { didSet { parsed = nil } }
    /// The line ending used when writing; parsing records the one the input used.
    public var lineEnding: LineEnding { didSet { parsed = nil } }
    var versionVerbatim: String? { didSet { parsed = nil } }
    /// The bytes this description was parsed from, kept while writing the model out would give
    /// them back unchanged (the parser decides; any edit clears them): ``serialized()`` of an
    /// untouched description copies them instead of writing every line again.
    var parsed: ParsedBytes = nil

    public init(
        version: Int = 0,
        origin: Origin,
        sessionName: String = "-",
        information: String? = nil,
        uri: String? = nil,
        emails: [String] = [],
        phones: [String] = [],
        connection: Connection? = nil,
        bandwidths: [Bandwidth] = [],
        times: [TimeDescription] = [TimeDescription()],
        encryptionKey: String? = nil,
        attributes: [Attribute] = [],
        media: [MediaDescription] = [],
        extraLines: [ExtraLine] = [],
        lineEnding: LineEnding = .crlf
    ) {
        self.version = version
        self.origin = origin
        self.sessionName = sessionName
        self.information = information
        self.uri = uri
        self.emails = emails
        self.phones = phones
        self.connection = connection
        self.bandwidths = bandwidths
        self.times = times
        self.encryptionKey = encryptionKey
        self.attributes = attributes
        self.media = media
        self.extraLines = extraLines
        self.lineEnding = lineEnding
    }
}

/// The input of a parse, held by the description read from it. Not part of equality: two
/// descriptions are equal when they say the same thing, wherever they were read.
struct ParsedBytes: Sendable, Hashable, ExpressibleByNilLiteral {
    let bytes: [UInt8]?

    init(_ bytes: [UInt8]) { self.bytes = bytes }
    init(nilLiteral: ()) { bytes = nil }

    static func == (lhs: Self, rhs: Self) -> Bool { true }
    func hash(into hasher: inout Hasher) {}
}
