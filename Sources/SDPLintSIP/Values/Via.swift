public import SDPLintDiagnostics
internal import SDPLintScanning

/// One hop of a Via header: the transport and address a response goes back to, and the
/// transaction's branch.
///
/// [RFC 3261 §20.42](https://www.rfc-editor.org/rfc/rfc3261#section-20.42),
/// [RFC 3581 §3](https://www.rfc-editor.org/rfc/rfc3581#section-3) (`rport`)
/// ```
/// via-parm          =  sent-protocol LWS sent-by *( SEMI via-params )
/// via-params        =  via-ttl / via-maddr / via-received / via-branch / via-extension
/// sent-protocol     =  protocol-name SLASH protocol-version SLASH transport
/// sent-by           =  host [ COLON port ]
/// via-branch        =  "branch" EQUAL token
/// response-port     =  "rport" [EQUAL 1*DIGIT]
/// ```
public struct Via: SIPValue {
    /// What the value is called in findings.
    public static let valueName = "Via value"

    /// `protocol-name = "SIP" / token`.
    public var protocolName: String { didSet { verbatim = nil } }
    /// `protocol-version = token`, "2.0".
    public var protocolVersion: String { didSet { verbatim = nil } }
    /// `transport = "UDP" / "TCP" / "TLS" / "SCTP" / other-transport`, and `WS`/`WSS` (RFC 7118).
    public var transport: Transport { didSet { verbatim = nil } }
    /// The host of `sent-by`, as written (IPv6 in brackets).
    public var host: String { didSet { verbatim = nil } }
    /// The port of `sent-by`, when written.
    public var port: UInt16? { didSet { verbatim = nil } }
    /// The parameters, in order: `branch`, `received`, `rport`, `maddr`, `ttl`, and others.
    public var parameters: [SIPParameter] { didSet { verbatim = nil } }

    var verbatim: String?

    /// The branch prefix of RFC 3261 transactions (§8.1.1.7).
    public static let magicCookie = "z9hG4bK"

    public init(
        transport: Transport = .udp,
        host: String,
        port: UInt16? = nil,
        branch: String? = Via.newBranch(),
        parameters: [SIPParameter] = [],
        protocolName: String = "SIP",
        protocolVersion: String = "2.0"
    ) {
        self.protocolName = protocolName
        self.protocolVersion = protocolVersion
        self.transport = transport
        self.host = host
        self.port = port
        self.parameters = parameters
        if let branch { self.parameters.set("branch", branch) }
    }

    /// A new branch: the magic cookie and 64 random bits in hexadecimal, unique across space and
    /// time as RFC 3261 §8.1.1.7 asks.
    public static func newBranch() -> String {
        var generator = SystemRandomNumberGenerator()
        let digits = String(generator.next() as UInt64, radix: 16)
        return magicCookie + String(repeating: "0", count: 16 - digits.utf8.count) + digits
    }

    /// The `branch` parameter.
    public var branch: String? {
        get { parameters["branch"] }
        set { if let newValue { parameters.set("branch", newValue) } else { parameters.remove(named: "branch") } }
    }

    /// Whether the branch starts with `z9hG4bK`, marking an RFC 3261 transaction.
    public var hasMagicCookie: Bool { branch?.hasPrefix(Self.magicCookie) ?? false }

    /// The `received` parameter: the source address the server saw (RFC 3261 §18.2.1).
    public var received: String? { parameters["received"] }

    /// The `maddr` parameter (RFC 3261 §18.1.1).
    public var maddr: String? { parameters["maddr"] }

    /// The `ttl` parameter, 0–255, for multicast (RFC 3261 §18.1.1); `nil` when absent or not a
    /// number in range.
    public var ttl: UInt8? { parameters["ttl"].flatMap { UInt8($0) } }

    /// The `rport` parameter of RFC 3581: requested (no value, in requests) or filled in with the
    /// source port (in responses). `nil` when absent.
    public var rport: ResponsePort? {
        guard let parameter = parameters.first(named: "rport") else { return nil }
        guard let value = parameter.value else { return .requested }
        guard let port = UInt16(value) else { return .requested }
        return .port(port)
    }

    /// What `rport` holds.
    public enum ResponsePort: Sendable, Hashable {
        /// `;rport`: the client asks the server to fill in the source port.
        case requested
        /// `;rport=5060`: the port the server saw the request come from.
        case port(UInt16)
    }

    public var isCanonical: Bool { verbatim == nil }

    /// The value as text: verbatim when parsed and unchanged, otherwise canonical
    /// (`SIP/2.0/UDP host:port;params`).
    public var description: String {
        if let verbatim { return verbatim }
        var text = protocolName + "/" + protocolVersion + "/" + transport.spelling + " " + host
        if let port { text += ":" + String(port) }
        parameters.write(to: &text)
        return text
    }

    /// The same value, printing in canonical form from its fields (what an edit would write).
    public func canonicalized() -> Via {
        var copy = self
        copy.verbatim = nil
        return copy
    }

    public static func == (lhs: Via, rhs: Via) -> Bool { lhs.description == rhs.description }
    public func hash(into hasher: inout Hasher) { hasher.combine(description) }

    /// The transport of a Via: an open vocabulary compared case-insensitively.
    public struct Transport: Sendable, Hashable, CustomStringConvertible, ExpressibleByStringLiteral {
        public let spelling: String
        public init(_ spelling: String) { self.spelling = spelling }
        public init(stringLiteral value: String) { self.spelling = value }
        public static let udp = Transport("UDP")
        public static let tcp = Transport("TCP")
        public static let tls = Transport("TLS")
        public static let sctp = Transport("SCTP")
        /// RFC 7118.
        public static let ws = Transport("WS")
        /// RFC 7118.
        public static let wss = Transport("WSS")
        public var description: String { spelling }
        /// Whether the transport is a byte stream, where Content-Length frames the body.
        public var isStream: Bool { self == .tcp || self == .tls || self == .sctp }
        public static func == (lhs: Transport, rhs: Transport) -> Bool {
            lhs.spelling.equalsIgnoringASCIICase(rhs.spelling)
        }
        public func hash(into hasher: inout Hasher) { spelling.hashIgnoringASCIICase(into: &hasher) }
    }

    /// Reads one Via value (one element of the comma list) at `range` of `bytes`, reporting every problem with its absolute byte range.
    ///
    /// [RFC 3261 §20.42](https://www.rfc-editor.org/rfc/rfc3261#section-20.42)
    ///
    /// - Parameters:
    ///   - bytes: The input.
    ///   - range: The value, without surrounding white space.
    ///   - diagnostics: Receives the findings.
    /// - Returns: The value, or `nil` when nothing usable could be read.
    /// - Complexity: O(n) in `range.count`.
    public static func parse(
        _ bytes: Span<UInt8>, _ range: Range<Int>, into diagnostics: inout DiagnosticCollector
    ) -> Via? {
        let end = range.upperBound
        var i = SIPGrammar.skipSpace(bytes, range.lowerBound, end)
        // sent-protocol, with SWS allowed around each "/" (RFC 4475 §3.1.1.1 uses it).
        var parts: [Range<Int>] = []
        for index in 0..<3 {
            if index > 0 {
                i = SIPGrammar.skipSpace(bytes, i, end)
                guard i < end, bytes[i] == ASCII.slash else {
                    diagnostics.report(
                        SIPRules.viaSyntax, range,
                        "the Via value does not start with protocol/version/transport such as SIP/2.0/UDP")
                    return nil
                }
                i = SIPGrammar.skipSpace(bytes, i + 1, end)
            }
            let start = i
            i = SIPGrammar.run(of: SIPGrammar.token, bytes, i, end)
            guard i > start else {
                diagnostics.report(
                    SIPRules.viaSyntax, range,
                    "the Via value does not start with protocol/version/transport such as SIP/2.0/UDP")
                return nil
            }
            parts.append(start..<i)
        }
        let afterProtocol = i
        i = SIPGrammar.skipSpace(bytes, i, end)
        if i == afterProtocol {
            diagnostics.report(
                SIPRules.viaSyntax, afterProtocol..<min(end, afterProtocol + 1),
                i < end
                    ? "the sent-protocol is not followed by white space and the sent-by address"
                    : "the Via value has no sent-by address")
            if i == end { return nil }
        }
        // sent-by = host [ COLON port ]
        let hostStart = i
        if i < end && bytes[i] == ASCII.openBracket {
            let close = Bytes.firstIndex(of: ASCII.closeBracket, in: bytes, i..<end)
            if close == end || Address.ipv6(bytes, (i + 1)..<close) == nil {
                diagnostics.report(
                    SIPRules.viaSyntax, i..<min(end, close + 1), "the sent-by host is not a valid IPv6 reference")
            }
            i = min(end, close + 1)
        } else {
            while i < end, SIPGrammar.hostname.contains(bytes[i]) { i += 1 }
            if i == hostStart {
                diagnostics.report(
                    SIPRules.viaSyntax, hostStart..<min(end, hostStart + 1), "the Via value has no sent-by host")
            } else {
                var hostDiagnostics = DiagnosticCollector(strict: diagnostics.strict)
                hostDiagnostics.line = diagnostics.line
                hostDiagnostics.lineStart = diagnostics.lineStart
                SIPURI.checkHost(bytes, hostStart..<i, &hostDiagnostics)
                for finding in hostDiagnostics.diagnostics {
                    diagnostics.report(SIPRules.viaSyntax, finding.location.bytes, finding.message)
                }
            }
        }
        let hostRange = hostStart..<i
        var port: UInt16?
        var j = SIPGrammar.skipSpace(bytes, i, end)
        if j < end && bytes[j] == ASCII.colon {
            j = SIPGrammar.skipSpace(bytes, j + 1, end)
            let portEnd = SIPGrammar.run(of: .digit, bytes, j, end)
            if case .success(let value) = DecimalDigits.parse(bytes, j..<portEnd, as: UInt16.self) {
                port = value
            } else {
                diagnostics.report(
                    SIPRules.viaSyntax, i..<max(portEnd, min(end, j + 1)),
                    "the sent-by port is not a number from 0 to 65535")
            }
            i = portEnd
        }
        let parameters = HeaderParameters.read(bytes, &i, end, rule: SIPRules.viaSyntax, &diagnostics)
        if i < end {
            diagnostics.report(
                SIPRules.viaSyntax, i..<end, "unexpected \(Bytes.quoted(bytes, i..<end)) in the Via value")
        }
        var via = Via(
            transport: Transport(Bytes.string(bytes, parts[2])), host: Bytes.string(bytes, hostRange), port: port,
            branch: nil, parameters: parameters,
            protocolName: Bytes.string(bytes, parts[0]), protocolVersion: Bytes.string(bytes, parts[1]))
        if let ttl = parameters.first(named: "ttl"), UInt8(ttl.value ?? "") == nil {
            diagnostics.report(SIPRules.viaSyntax, range, "ttl=\(ttl.value ?? "") is not a number from 0 to 255")
        }
        if let rport = parameters.first(named: "rport"), let value = rport.value, UInt16(value) == nil {
            diagnostics.report(SIPRules.viaSyntax, range, "rport=\(value) is not a port number")
        }
        if parameters.contains(named: "branch") && (via.branch ?? "").isEmpty {
            diagnostics.report(SIPRules.viaSyntax, range, "the branch parameter has no value")
        }
        via.verbatim = Bytes.string(bytes, range)
        return via
    }
}
