internal import SDPLintDiagnostics
internal import SDPLintScanning

/// A SIP, SIPS or tel URI, or any other absolute URI a SIP header may carry.
///
/// A parsed URI prints exactly the text it was read from until a field is set; from then on it
/// prints in canonical form. The user part and parameter values are kept as written, `%HH`
/// escapes included; ``decodedUser`` resolves them. Two URIs are equal when they print the same
/// text (RFC 3261 §19.1.4 comparison, which ignores case in some places and not in others, is a
/// different question).
///
/// [RFC 3261 §19.1.1](https://www.rfc-editor.org/rfc/rfc3261#section-19.1.1),
/// [RFC 3966 §3](https://www.rfc-editor.org/rfc/rfc3966#section-3)
/// ```
/// SIP-URI   =  "sip:" [ userinfo ] hostport uri-parameters [ headers ]
/// SIPS-URI  =  "sips:" [ userinfo ] hostport uri-parameters [ headers ]
/// userinfo  =  ( user / telephone-subscriber ) [ ":" password ] "@"
/// hostport  =  host [ ":" port ]
/// host      =  hostname / IPv4address / IPv6reference
/// headers   =  "?" header *( "&" header )
/// telephone-uri = "tel:" telephone-subscriber *( ";" par )
/// ```
public struct SIPURI: SIPValue {
    /// What the value is called in findings.
    public static let valueName = "URI"

    /// The scheme: `sip`, `sips`, `tel` or another, as spelled.
    public var scheme: Scheme { didSet { verbatim = nil } }
    /// The user part as written (escapes kept), or for a tel URI the telephone number.
    ///
    /// `user = 1*( unreserved / escaped / user-unreserved )` (RFC 3261 §25.1).
    public var user: String? { didSet { verbatim = nil } }
    /// The password after `user:`. RFC 3261 §19.1.1 discourages it.
    ///
    /// `password = *( unreserved / escaped / "&" / "=" / "+" / "$" / "," )`
    public var password: String? { didSet { verbatim = nil } }
    /// The host as written: a name, a dotted IPv4 address or a bracketed IPv6 reference
    /// (`[2001:db8::1]`). Empty for tel URIs and other schemes.
    ///
    /// `host = hostname / IPv4address / IPv6reference` (RFC 3261 §25.1).
    public var host: String { didSet { verbatim = nil } }
    /// The port, when one is written. `port = 1*DIGIT`.
    public var port: UInt16? { didSet { verbatim = nil } }
    /// The `;name=value` parameters, in order: `transport`, `user`, `method`, `ttl`, `maddr`,
    /// `lr` and others (RFC 3261 §19.1.1); `phone-context` and others for tel URIs.
    public var parameters: [SIPParameter] { didSet { verbatim = nil } }
    /// The `?name=value&…` headers, in order (RFC 3261 §19.1.1).
    public var headers: [SIPParameter] { didSet { verbatim = nil } }
    /// For schemes other than sip, sips and tel: everything after `scheme:`, as written.
    public var opaque: String? { didSet { verbatim = nil } }

    /// The text as parsed. Set by the parser only; every field's `didSet` clears it.
    var verbatim: String?

    /// Makes a SIP or SIPS URI from its parts. Nothing is validated.
    public init(
        scheme: Scheme = .sip,
        user: String? = nil,
        password: String? = nil,
        host: String,
        port: UInt16? = nil,
        parameters: [SIPParameter] = [],
        headers: [SIPParameter] = []
    ) {
        self.scheme = scheme
        self.user = user
        self.password = password
        self.host = host
        self.port = port
        self.parameters = parameters
        self.headers = headers
        self.opaque = nil
    }

    /// A URI kept as text only: what the parser makes of something it cannot read, so that the
    /// message still prints back unchanged.
    init(unparsed text: String) {
        self.init(host: "")
        scheme = Scheme("")
        opaque = text
        verbatim = text
    }

    /// The user part with `%HH` escapes resolved, or `nil` when there is no user or an escape is
    /// malformed.
    public var decodedUser: String? {
        guard let user else { return nil }
        return SIPGrammar.percentDecoded(user)
    }

    /// Whether the URI is a SIPS URI, which asks for TLS on every hop (RFC 3261 §19.1).
    public var isSecure: Bool { scheme == .sips }

    /// The `transport` parameter (`udp`, `tcp`, `tls`, `sctp`, `ws`, `wss`).
    public var transport: String? { parameters["transport"] }

    /// Whether the URI carries the `lr` parameter of a loose router (RFC 3261 §19.1.1).
    public var isLooseRouter: Bool { parameters.contains(named: "lr") }

    /// The host without the brackets of an IPv6 reference.
    public var hostWithoutBrackets: String {
        let utf8 = host.utf8
        guard utf8.count >= 2, utf8.first == UInt8(ascii: "["), utf8.last == UInt8(ascii: "]") else { return host }
        return String(host.dropFirst().dropLast())
    }

    /// Whether the URI prints in canonical form (built in code or edited since parsing).
    public var isCanonical: Bool { verbatim == nil }

    /// The URI as text: the verbatim input when there is one, otherwise the canonical form.
    public var description: String {
        if let verbatim { return verbatim }
        var text = ""
        writeCanonical(to: &text)
        return text
    }

    /// Appends ``description`` to `output`.
    public func write(to output: inout String) {
        if let verbatim { output += verbatim } else { writeCanonical(to: &output) }
    }

    func writeCanonical(to output: inout String) {
        if scheme.spelling.isEmpty, let opaque {
            // Text the parser could not read as a URI: kept as it was.
            output += opaque
            return
        }
        output += scheme.spelling
        output += ":"
        if let opaque {
            output += opaque
            return
        }
        if scheme == .tel {
            output += user ?? ""
            parameters.write(to: &output)
            return
        }
        if let user {
            output += user
            if let password {
                output += ":"
                output += password
            }
            output += "@"
        }
        output += host
        if let port {
            output += ":"
            output += String(port)
        }
        parameters.write(to: &output)
        for (index, header) in headers.enumerated() {
            output += index == 0 ? "?" : "&"
            output += header.name
            output += "="
            output += header.value ?? ""
        }
    }

    /// The same value, printing in canonical form from its fields (what an edit would write).
    public func canonicalized() -> SIPURI {
        var copy = self
        copy.verbatim = nil
        return copy
    }

    public static func == (lhs: SIPURI, rhs: SIPURI) -> Bool { lhs.description == rhs.description }
    public func hash(into hasher: inout Hasher) { hasher.combine(description) }
}

extension SIPURI {
    /// A URI scheme: compares case-insensitively (RFC 3261 §19.1.4) and keeps its spelling.
    public struct Scheme: Sendable, Hashable, CustomStringConvertible, ExpressibleByStringLiteral {
        /// The scheme as written, without the colon.
        public let spelling: String

        public init(_ spelling: String) { self.spelling = spelling }
        public init(stringLiteral value: String) { self.spelling = value }

        public static let sip = Scheme("sip")
        public static let sips = Scheme("sips")
        /// RFC 3966.
        public static let tel = Scheme("tel")

        public var description: String { spelling }

        public static func == (lhs: Scheme, rhs: Scheme) -> Bool { lhs.spelling.equalsIgnoringASCIICase(rhs.spelling) }
        public func hash(into hasher: inout Hasher) { spelling.hashIgnoringASCIICase(into: &hasher) }
    }
}
