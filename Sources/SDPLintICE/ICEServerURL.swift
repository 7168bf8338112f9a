internal import SDPLintScanning

/// The address of a STUN or TURN server, as `RTCIceServer.urls` holds it:
/// `stun:host[:port]`, `turn:host[:port][?transport=udp|tcp]`.
///
/// Like ``Candidate``, a parsed URL prints back exactly as written; setting a field drops the
/// verbatim text and the URL prints in canonical form (IPv6 hosts in brackets, the port without
/// leading zeros, `?transport=` in lower case).
///
/// RFC 7064 §3.1 <https://www.rfc-editor.org/rfc/rfc7064#section-3.1>,
/// RFC 7065 §3.1 <https://www.rfc-editor.org/rfc/rfc7065#section-3.1>
///
/// ```
/// stunURI       = scheme ":" host [ ":" port ]
/// scheme        = "stun" / "stuns"
/// turnURI       = scheme ":" host [ ":" port ] [ "?transport=" transport ]
/// scheme        = "turn" / "turns"
/// transport     = "udp" / "tcp" / transport-ext
/// transport-ext = 1*unreserved
/// host          = IP-literal / IPv4address / reg-name   ; RFC 3986 §3.2.2
/// ```
public struct ICEServerURL: Sendable, Hashable, CustomStringConvertible {
    /// The scheme: `stun`, `stuns`, `turn` or `turns` (RFC 7064 §3.1, RFC 7065 §3.1).
    public var scheme: Scheme { didSet { verbatim = nil } }
    /// The host: an IPv4 address, an IPv6 address without its brackets, or a name
    /// (RFC 3986 §3.2.2).
    public var host: String { didSet { verbatim = nil } }
    /// The port, when the URL names one (RFC 7064 §3.1).
    public var port: UInt16? { didSet { verbatim = nil } }
    /// The transport of `?transport=`, for TURN (RFC 7065 §3.1).
    public var transport: Candidate.Transport? { didSet { verbatim = nil } }

    /// The text as parsed, kept only while it differs from the canonical form.
    var verbatim: String?

    public init(scheme: Scheme, host: String, port: UInt16? = nil, transport: Candidate.Transport? = nil) {
        self.scheme = scheme
        self.host = host
        self.port = port
        self.transport = transport
    }

    /// The form of a host. The set is closed: RFC 3986 has these three.
    public enum HostKind: Sendable, Hashable {
        case ipv4
        /// Written in brackets in the URL.
        case ipv6
        /// A registered name, such as `turn.example.org`.
        case name
    }

    /// The form of ``host``.
    public var hostKind: HostKind {
        host.withUTF8Span { bytes in
            if SDPLintScanning.Address.ipv4(bytes, 0..<bytes.count) != nil { return .ipv4 }
            if SDPLintScanning.Address.ipv6(bytes, 0..<bytes.count) != nil { return .ipv6 }
            return .name
        }
    }

    /// The port to connect to: ``port``, or the scheme's default — 3478, or 5349 for `stuns`
    /// and `turns` (RFC 7064 §3.2, RFC 7065 §3.2).
    public var effectivePort: UInt16 { port ?? (scheme.isSecure ? 5349 : 3478) }

    /// The URL: the verbatim input when there is one, otherwise the canonical form.
    public var description: String {
        var text = ""
        write(to: &text)
        return text
    }

    /// Appends ``description`` to `output`.
    public func write(to output: inout String) {
        if let verbatim {
            output += verbatim
            return
        }
        writeCanonical(to: &output)
    }

    func writeCanonical(to output: inout String) {
        output += scheme.spelling
        output += ":"
        if hostKind == .ipv6 {
            output += "[" + host + "]"
        } else {
            output += host
        }
        if let port {
            output += ":"
            output += String(port)
        }
        if let transport {
            output += "?transport="
            output += transport.spelling
        }
    }

    /// Two URLs are equal when they print the same text.
    public static func == (lhs: ICEServerURL, rhs: ICEServerURL) -> Bool { lhs.description == rhs.description }
    public func hash(into hasher: inout Hasher) { hasher.combine(description) }
}

extension ICEServerURL {
    /// The scheme of an ICE server URL: an open vocabulary that compares case-insensitively
    /// (RFC 3986 §3.1) and keeps its spelling.
    public struct Scheme: Sendable, Hashable, CustomStringConvertible, ExpressibleByStringLiteral {
        /// The name as written, without the colon.
        public let spelling: String

        public init(_ spelling: String) { self.spelling = spelling }
        public init(stringLiteral value: String) { self.spelling = value }

        /// STUN over UDP or TCP (RFC 7064).
        public static let stun = Scheme("stun")
        /// STUN over TLS (RFC 7064).
        public static let stuns = Scheme("stuns")
        /// TURN over UDP or TCP (RFC 7065).
        public static let turn = Scheme("turn")
        /// TURN over TLS (RFC 7065).
        public static let turns = Scheme("turns")

        /// Whether this is one of the four schemes RFC 7064 and RFC 7065 define.
        public var isKnown: Bool { isSTUN || isTURN }
        /// `stun` or `stuns`.
        public var isSTUN: Bool { self == .stun || self == .stuns }
        /// `turn` or `turns`: a relay that needs credentials.
        public var isTURN: Bool { self == .turn || self == .turns }
        /// `stuns` or `turns`: over TLS.
        public var isSecure: Bool { self == .stuns || self == .turns }

        public var description: String { spelling }

        public static func == (lhs: Scheme, rhs: Scheme) -> Bool { lhs.spelling.equalsIgnoringASCIICase(rhs.spelling) }
        public func hash(into hasher: inout Hasher) { spelling.hashIgnoringASCIICase(into: &hasher) }
    }
}
