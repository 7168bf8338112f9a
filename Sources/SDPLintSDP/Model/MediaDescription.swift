public import SDPLintDiagnostics
internal import SDPLintScanning

/// One media section: an `m=` line and the lines up to the next one.
///
/// [RFC 8866 §5.14](https://www.rfc-editor.org/rfc/rfc8866#section-5.14)
/// ```
/// media-description = media-field [information-field] *connection-field
///                     *bandwidth-field [key-field] *attribute-field
/// media-field = %s"m" "=" media SP port ["/" integer] SP proto 1*(SP fmt) CRLF
/// ```
public struct MediaDescription: Sendable, Hashable {
    /// "audio", "video", "application", "text", "message", "image".
    public var media: MediaType { didSet { verbatim = nil } }
    /// The transport port; 0 rejects or disables the section (RFC 3264 §6), except with
    /// `a=bundle-only` (RFC 9143 §6). -1 when the m= line's port is not a number (the parser
    /// reported it): such a section is not taken for rejected.
    public var port: Int { didSet { verbatim = nil } }
    /// The number of ports, for hierarchically encoded streams (`m=video 49170/2 …`).
    public var portCount: Int? { didSet { verbatim = nil } }
    /// The line this was read from (`SourceLine.none` when built in code); not part of equality.
    // Declared here, where it fills the padding after `portCount`: thousands of sections are
    // kept in one array, and every byte of a section counts that many times.
    public internal(set) var sourceLine: SourceLine = .none
    /// The transport protocol, such as `UDP/TLS/RTP/SAVPF`.
    public var proto: TransportProtocol { didSet { verbatim = nil } }
    /// The formats: RTP payload types for RTP protocols, "webrtc-datachannel" for SCTP.
    public var formats: [String] { didSet { verbatim = nil } }
    /// The `i=` line.
    public var information: String? {
        get { rare?.information }
        set { rare = RareFields.make(information: newValue, encryptionKey: encryptionKey) }
    }
    /// The `c=` lines.
    public var connections: [Connection]
    /// The `b=` lines.
    public var bandwidths: [Bandwidth]
    /// The obsolete `k=` line, as written (RFC 8866 §5.12).
    public var encryptionKey: String? {
        get { rare?.encryptionKey }
        set { rare = RareFields.make(information: information, encryptionKey: newValue) }
    }
    /// The `a=` lines, in order.
    public var attributes: [Attribute]
    /// Lines kept as written that have no place in the model.
    public var extraLines: [ExtraLine]
    /// The original text after `m=`, while it differs from the canonical form.
    var verbatim: String?
    /// The lines a section almost never has, out of line: one word instead of two strings.
    private var rare: RareFields?

    public init(
        media: MediaType,
        port: Int = 9,
        portCount: Int? = nil,
        proto: TransportProtocol,
        formats: [String],
        information: String? = nil,
        connections: [Connection] = [],
        bandwidths: [Bandwidth] = [],
        encryptionKey: String? = nil,
        attributes: [Attribute] = [],
        extraLines: [ExtraLine] = []
    ) {
        self.media = media
        self.port = port
        self.portCount = portCount
        self.proto = proto
        self.formats = formats
        self.rare = RareFields.make(information: information, encryptionKey: encryptionKey)
        self.connections = connections
        self.bandwidths = bandwidths
        self.attributes = attributes
        self.extraLines = extraLines
    }

    /// Appends the value after `m=`.
    public func writeMediaLine(to output: inout String) {
        writeMediaLine(into: &output)
    }

    func writeMediaLine<Sink: TextSink>(into output: inout Sink) {
        if let verbatim {
            output.write(verbatim)
            return
        }
        output.write(media.rawValue)
        output.write(literal: " ")
        output.write(decimal: port)
        if let portCount {
            output.write(literal: "/")
            output.write(decimal: portCount)
        }
        output.write(literal: " ")
        output.write(proto.rawValue)
        for format in formats {
            output.write(literal: " ")
            output.write(format)
        }
    }

    /// The media type of an m= line. Compares case-insensitively (RFC 4855 §3).
    public struct MediaType: RawRepresentable, Sendable, Hashable, ExpressibleByStringLiteral, CustomStringConvertible {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public init(stringLiteral value: String) { self.rawValue = value }

        public static let audio: Self = "audio"
        public static let video: Self = "video"
        public static let text: Self = "text"
        public static let application: Self = "application"
        public static let message: Self = "message"
        public static let image: Self = "image"

        public var description: String { rawValue }
        public static func == (lhs: Self, rhs: Self) -> Bool { lhs.rawValue.equalsIgnoringASCIICase(rhs.rawValue) }
        public func hash(into hasher: inout Hasher) { hasher.combine(rawValue.lowercasedASCII) }
    }

    /// The transport protocol of an m= line (`proto = token *("/" token)`).
    public struct TransportProtocol: RawRepresentable, Sendable, Hashable, ExpressibleByStringLiteral,
        CustomStringConvertible
    {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public init(stringLiteral value: String) { self.rawValue = value }

        public static let rtpAVP: Self = "RTP/AVP"
        public static let rtpSAVP: Self = "RTP/SAVP"
        public static let rtpAVPF: Self = "RTP/AVPF"
        public static let rtpSAVPF: Self = "RTP/SAVPF"
        /// DTLS-SRTP over UDP, what WebRTC sends (RFC 5764).
        public static let udpTLSRTPSAVPF: Self = "UDP/TLS/RTP/SAVPF"
        public static let udpTLSRTPSAVP: Self = "UDP/TLS/RTP/SAVP"
        public static let tcpDTLSRTPSAVPF: Self = "TCP/DTLS/RTP/SAVPF"
        /// Data channels over DTLS over UDP (RFC 8841).
        public static let udpDTLSSCTP: Self = "UDP/DTLS/SCTP"
        public static let tcpDTLSSCTP: Self = "TCP/DTLS/SCTP"
        /// The pre-RFC 8841 data channel protocol.
        public static let dtlsSCTP: Self = "DTLS/SCTP"
        public static let udp: Self = "udp"
        public static let tcp: Self = "TCP"
        /// T.38 fax (ITU-T T.38 Annex D).
        public static let udptl: Self = "udptl"

        public var description: String { rawValue }

        /// Whether one of the '/'-separated parts equals `part`, ignoring ASCII case.
        public func hasPart(_ part: String) -> Bool {
            rawValue.withUTF8Span { bytes in
                part.withUTF8Span { wanted in
                    var start = 0
                    while start <= bytes.count {
                        var end = start
                        while end < bytes.count && bytes[end] != UInt8(ascii: "/") { end += 1 }
                        if end - start == wanted.count {
                            var same = true
                            for i in 0..<wanted.count where bytes[start + i] | 0x20 != wanted[i] | 0x20 {
                                same = false
                                break
                            }
                            if same { return true }
                        }
                        start = end + 1
                    }
                    return false
                }
            }
        }

        /// Whether the formats are RTP payload types (any profile containing RTP).
        public var isRTP: Bool { hasPart("RTP") }
        /// Whether media is SCTP (data channels).
        public var isSCTP: Bool { hasPart("SCTP") }
        /// Whether the RTP profile is a secure one (SAVP, SAVPF).
        public var isSecureRTP: Bool { hasPart("SAVP") || hasPart("SAVPF") }
        /// Whether the transport is DTLS (a `UDP/TLS/…`, `…/DTLS/…` or `DTLS/SCTP` protocol).
        public var usesDTLS: Bool { hasPart("DTLS") || hasPart("TLS") }
        /// Whether RTCP feedback (AVPF, RFC 4585) is used.
        public var usesFeedback: Bool { hasPart("AVPF") || hasPart("SAVPF") }

        /// Protocols compare exactly, as registered; these helpers compare without case.
        public func equalsIgnoringCase(_ other: TransportProtocol) -> Bool {
            rawValue.equalsIgnoringASCIICase(other.rawValue)
        }
    }
}

/// A media section's `i=` and `k=` lines, shared between copies and replaced, never changed,
/// when one is set. `nil` stands for neither, so that equal sections have equal storage.
private final class RareFields: Sendable, Hashable {
    let information: String?
    let encryptionKey: String?

    private init(information: String?, encryptionKey: String?, _: Void) {
        self.information = information
        self.encryptionKey = encryptionKey
    }

    /// The fields, or `nil` when there are none.
    static func make(information: String?, encryptionKey: String?) -> RareFields? {
        information == nil && encryptionKey == nil
            ? nil : RareFields(information: information, encryptionKey: encryptionKey, ())
    }

    static func == (lhs: RareFields, rhs: RareFields) -> Bool {
        lhs.information == rhs.information && lhs.encryptionKey == rhs.encryptionKey
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(information)
        hasher.combine(encryptionKey)
    }
}
