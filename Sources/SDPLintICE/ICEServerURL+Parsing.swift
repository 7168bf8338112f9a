public import SDPLintDiagnostics
internal import SDPLintScanning

extension ICEServerURL {
    /// Reads a STUN or TURN URL, throwing when it has an error.
    ///
    /// RFC 7064 §3.1 <https://www.rfc-editor.org/rfc/rfc7064#section-3.1>,
    /// RFC 7065 §3.1 <https://www.rfc-editor.org/rfc/rfc7065#section-3.1>
    ///
    /// - Parameters:
    ///   - text: The URL, such as `turn:turn.example.com:3478?transport=tcp`.
    ///   - options: Whether rules report at their strict severity.
    /// - Throws: `ParseError` with every finding and the URL as far as it could be read
    ///   (`nil` without a scheme or a host), when at least one finding is an error.
    /// - Complexity: O(n) in the length of `text`.
    public init(parsing text: String, options: ICEParseOptions = .lenient) throws(ParseError<ICEServerURL?>) {
        self = try ICEServerURL.parse(text, options: options).unwrapped(
            missing: ICERules.unknownServerScheme.diagnostic(
                at: SourceLocation(line: 1, column: 1, bytes: 0..<0), "the text is not an ICE server URL"))
    }

    /// Reads a STUN or TURN URL leniently: the best-effort URL and every finding, with columns
    /// counted from the start of `text`. Never throws and never traps.
    ///
    /// - Parameters:
    ///   - text: The URL.
    ///   - options: Whether rules report at their strict severity, and how many findings to keep.
    /// - Returns: The URL, or `nil` when it has no scheme or no host, with the findings sorted by
    ///   column and the text they point into.
    /// - Complexity: O(n) in the length of `text`.
    public static func parse(_ text: String, options: ICEParseOptions = .lenient) -> ParseResult<ICEServerURL?> {
        ICEParseOptions.parse(text, options) { bytes, collector in
            parse(bytes, 0..<bytes.count, into: &collector)
        }
    }

    /// Reads the URL at the absolute byte `range` of `bytes`, such as a string inside a JSON
    /// document, reporting each finding at its absolute range.
    ///
    /// - Complexity: O(n) in `range.count`.
    package static func parse(
        _ bytes: Span<UInt8>, _ range: Range<Int>, into diagnostics: inout DiagnosticCollector
    ) -> ICEServerURL? {
        let end = range.upperBound

        // scheme ":"
        let colon = Bytes.firstIndex(of: ASCII.colon, in: bytes, range)
        guard colon < end else {
            diagnostics.report(
                ICERules.unknownServerScheme, range,
                """
                \(Bytes.quoted(bytes, range)) has no scheme; an ICE server URL starts with stun:, stuns:, turn: or \
                turns:
                """
            )
            return nil
        }
        let scheme = Scheme(Bytes.string(bytes, range.lowerBound..<colon))
        if !scheme.isKnown {
            diagnostics.report(
                ICERules.unknownServerScheme, range.lowerBound..<colon,
                "the scheme \(Bytes.quoted(bytes, range.lowerBound..<colon)) is not stun, stuns, turn or turns")
        }
        var position = colon + 1

        // STUN and TURN URIs are not hierarchical: "stun://host" is a common slip.
        if Bytes.equals(bytes, position..<min(end, position + 2), "//") {
            diagnostics.report(
                ICERules.invalidServerHost, position..<(position + 2),
                """
                '//' follows '\(scheme.spelling):'; STUN and TURN URLs have no authority part, write \
                '\(scheme.spelling):host'
                """
            )
            position += 2
        }

        let queryStart = Bytes.firstIndex(of: ASCII.question, in: bytes, position..<end)
        guard let (hostRange, portRange) = splitAuthority(bytes, position..<queryStart, into: &diagnostics) else {
            return nil
        }
        let port = portRange.flatMap { readPort(bytes, $0, into: &diagnostics) }

        var transport: Candidate.Transport?
        if queryStart < end {
            transport = readQuery(bytes, queryStart..<end, scheme: scheme, into: &diagnostics)
        }

        var url = ICEServerURL(scheme: scheme, host: Bytes.string(bytes, hostRange), port: port, transport: transport)
        var canonical = ""
        canonical.reserveCapacity(range.count)
        url.writeCanonical(to: &canonical)
        if !Bytes.equals(bytes, range, canonical, ignoringCase: false) {
            url.verbatim = Bytes.string(bytes, range)
        }
        return url
    }

    /// Splits `host [":" port]`, checking the host. Returns `nil` when there is no host.
    private static func splitAuthority(
        _ bytes: Span<UInt8>, _ authority: Range<Int>, into diagnostics: inout DiagnosticCollector
    ) -> (host: Range<Int>, port: Range<Int>?)? {
        // IP-literal = "[" IPv6address "]"
        if authority.lowerBound < authority.upperBound && bytes[authority.lowerBound] == ASCII.openBracket {
            let close = Bytes.firstIndex(of: ASCII.closeBracket, in: bytes, authority)
            let host = (authority.lowerBound + 1)..<close
            guard close < authority.upperBound else {
                diagnostics.report(ICERules.invalidServerHost, authority, "the IPv6 host has no closing ']'")
                return (host, nil)
            }
            if host.isEmpty {
                diagnostics.report(
                    ICERules.missingServerHost, authority.lowerBound..<(close + 1), "the brackets hold no IPv6 address")
                return nil
            }
            if SDPLintScanning.Address.ipv6(bytes, host) == nil {
                diagnostics.report(
                    ICERules.invalidServerHost, host, "\(Bytes.quoted(bytes, host)) is not a valid IPv6 address")
            }
            let rest = (close + 1)..<authority.upperBound
            if rest.isEmpty { return (host, nil) }
            if bytes[rest.lowerBound] == ASCII.colon { return (host, (rest.lowerBound + 1)..<rest.upperBound) }
            diagnostics.report(
                ICERules.invalidServerHost, rest,
                "\(Bytes.quoted(bytes, rest)) follows the IPv6 host; only ':' and a port may")
            return (host, nil)
        }

        let firstColon = Bytes.firstIndex(of: ASCII.colon, in: bytes, authority)
        let hasSecondColon =
            firstColon < authority.upperBound
            && Bytes.firstIndex(of: ASCII.colon, in: bytes, (firstColon + 1)..<authority.upperBound)
                < authority.upperBound
        if hasSecondColon {
            // An IPv6 address without brackets: take it whole, or up to a last ":port".
            var host = authority
            var port: Range<Int>?
            if SDPLintScanning.Address.ipv6(bytes, authority) == nil {
                var lastColon = authority.upperBound - 1
                while bytes[lastColon] != ASCII.colon { lastColon -= 1 }
                let digits = (lastColon + 1)..<authority.upperBound
                if Bytes.isDigits(bytes, digits),
                    SDPLintScanning.Address.ipv6(bytes, authority.lowerBound..<lastColon) != nil
                {
                    host = authority.lowerBound..<lastColon
                    port = digits
                }
            }
            let text = Bytes.string(bytes, host)
            diagnostics.report(
                ICERules.unbracketedIPv6Host, host,
                SDPLintScanning.Address.ipv6(bytes, host) != nil
                    ? "the IPv6 address '\(text)' must be in brackets: '[\(text)]'"
                    : "\(Bytes.quoted(bytes, host)) has several ':'; an IPv6 host must be in brackets")
            return (host, port)
        }

        let host = authority.lowerBound..<firstColon
        let port = firstColon < authority.upperBound ? (firstColon + 1)..<authority.upperBound : nil
        if host.isEmpty {
            diagnostics.report(ICERules.missingServerHost, host, "the URL has no host")
            return nil
        }
        if Bytes.isDigitsAndDots(bytes, host) {
            if SDPLintScanning.Address.ipv4(bytes, host) == nil {
                diagnostics.report(
                    ICERules.invalidServerHost, host, "\(Bytes.quoted(bytes, host)) is not a valid IPv4 address")
            }
        } else if let bad = Bytes.firstIndex(notIn: .unreserved, bytes, host) {
            diagnostics.report(
                ICERules.invalidServerHost, host,
                "the host \(Bytes.quoted(bytes, host)) has \(bytes[bad].displayed), which cannot appear in a host name")
        }
        return (host, port)
    }

    /// `port = *DIGIT`, from 1 to 65535 for a server.
    private static func readPort(
        _ bytes: Span<UInt8>, _ range: Range<Int>, into diagnostics: inout DiagnosticCollector
    ) -> UInt16? {
        let rule = ICERules.invalidServerPort
        switch DecimalDigits.parse(bytes, range, as: UInt16.self) {
        case .success(0):
            diagnostics.report(rule, range, "the port is 0; a server port is 1 to 65535")
            return 0
        case .success(let value):
            return value
        case .failure(.empty):
            diagnostics.report(rule, range, "the port after ':' is empty; leave out the ':' to use the default port")
            return nil
        case .failure(.overflow):
            diagnostics.report(rule, range, "the port \(Bytes.quoted(bytes, range)) is larger than 65535")
            return nil
        case .failure(.notADigit):
            diagnostics.report(rule, range, "the port \(Bytes.quoted(bytes, range)) is not a decimal number")
            return nil
        }
    }

    /// `"?transport=" transport`, the only query RFC 7065 defines, and only for TURN.
    private static func readQuery(
        _ bytes: Span<UInt8>, _ query: Range<Int>, scheme: Scheme, into diagnostics: inout DiagnosticCollector
    ) -> Candidate.Transport? {
        if scheme.isSTUN {
            diagnostics.report(
                ICERules.stunWithTransport, query,
                "a \(scheme.spelling): URL takes no query; '?transport=' is only for turn: and turns:")
        }
        let prefix = "?transport=".utf8.count
        let value = min(query.lowerBound + prefix, query.upperBound)..<query.upperBound
        guard Bytes.equalsIgnoringCase(bytes, query.lowerBound..<value.lowerBound, "?transport=") else {
            diagnostics.report(
                ICERules.invalidServerQuery, query,
                "the query \(Bytes.quoted(bytes, query)) is not '?transport=udp' or '?transport=tcp'")
            return nil
        }
        if value.isEmpty {
            diagnostics.report(ICERules.invalidServerQuery, query, "'?transport=' has no value; use udp or tcp")
            return nil
        }
        if let bad = Bytes.firstIndex(notIn: .unreserved, bytes, value) {
            diagnostics.report(
                ICERules.invalidServerQuery, value,
                """
                the transport \(Bytes.quoted(bytes, value)) has \(bytes[bad].displayed); one transport, letters \
                and digits only
                """
            )
            return Candidate.Transport(Bytes.string(bytes, value))
        }
        let transport = Candidate.Transport(Bytes.string(bytes, value))
        guard scheme.isTURN else { return transport }
        if transport != .udp && transport != .tcp {
            diagnostics.report(
                ICERules.unknownServerTransport, value,
                "the transport \(Bytes.quoted(bytes, value)) is neither udp nor tcp; browsers reject the URL")
        } else if scheme == .turns && transport == .udp {
            diagnostics.report(
                ICERules.turnsOverUDP, value,
                """
                'turns:' with transport udp asks for TURN over DTLS, which browsers do not implement; use \
                transport tcp
                """
            )
        }
        return transport
    }
}
