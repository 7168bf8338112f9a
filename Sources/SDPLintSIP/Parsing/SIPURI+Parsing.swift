public import SDPLintDiagnostics
internal import SDPLintScanning

extension SIPURI {
    /// Reads the URI at `range` of `bytes`, reporting every problem with its absolute byte range.
    ///
    /// Returns `nil` only when the text does not even start with `scheme:`; otherwise the URI
    /// keeps the text verbatim, problems and all, so it prints back unchanged.
    ///
    /// [RFC 3261 §19.1.1](https://www.rfc-editor.org/rfc/rfc3261#section-19.1.1), RFC 3986 §3
    ///
    /// - Parameters:
    ///   - bytes: The input.
    ///   - range: The URI, without surrounding white space.
    ///   - diagnostics: Receives the findings.
    /// - Returns: The URI, or `nil` without a scheme.
    /// - Complexity: O(n) in `range.count`.
    public static func parse(
        _ bytes: Span<UInt8>, _ range: Range<Int>, into diagnostics: inout DiagnosticCollector
    ) -> SIPURI? {
        let end = range.upperBound
        let start = range.lowerBound
        guard start < end, bytes[start].isAlpha else {
            diagnostics.report(
                SIPRules.uriSyntax, range,
                range.isEmpty
                    ? "the URI is empty"
                    : "\(Bytes.quoted(bytes, range)) is not a URI: it does not start with a scheme such as 'sip:'")
            return nil
        }
        let schemeEnd = SIPGrammar.run(of: SIPGrammar.scheme, bytes, start + 1, end)
        guard schemeEnd < end, bytes[schemeEnd] == ASCII.colon else {
            diagnostics.report(
                SIPRules.uriSyntax, range,
                "\(Bytes.quoted(bytes, range)) is not a URI: the scheme is not followed by ':'")
            return nil
        }
        var uri = SIPURI(host: "")
        uri.scheme = Scheme(Bytes.string(bytes, start..<schemeEnd))
        let rest = (schemeEnd + 1)..<end
        if uri.scheme == .sip || uri.scheme == .sips {
            readSIP(bytes, rest, into: &uri, &diagnostics)
        } else if uri.scheme == .tel {
            readTel(bytes, rest, into: &uri, &diagnostics)
        } else {
            if let bad = Bytes.firstIndex(notIn: .visible, bytes, rest) {
                diagnostics.report(
                    SIPRules.uriSyntax, bad..<(bad + 1), "\(bytes[bad].displayed) is not allowed in a URI")
            }
            uri.opaque = Bytes.string(bytes, rest)
        }
        uri.verbatim = Bytes.string(bytes, range)
        return uri
    }

    /// `[ userinfo ] hostport uri-parameters [ headers ]` after `sip:` or `sips:`.
    private static func readSIP(
        _ bytes: Span<UInt8>, _ range: Range<Int>, into uri: inout SIPURI, _ diagnostics: inout DiagnosticCollector
    ) {
        let end = range.upperBound
        var i = range.lowerBound
        // Only the userinfo may hold "@" (params, headers and passwords may not), so the last
        // "@" ends it, even when the user itself holds escaped or unescaped ";" and "?".
        var at: Int?
        var k = end
        while k > i {
            k -= 1
            if bytes[k] == ASCII.at {
                at = k
                break
            }
        }
        if let at {
            let colon = Bytes.firstIndex(of: ASCII.colon, in: bytes, i..<at)
            let userRange = i..<colon
            if userRange.isEmpty {
                diagnostics.report(SIPRules.uriSyntax, i..<(at + 1), "the user part before '@' is empty")
            } else {
                checkCharacters(bytes, userRange, SIPGrammar.user, "user part", &diagnostics)
            }
            uri.user = Bytes.string(bytes, userRange)
            if colon < at {
                let passwordRange = (colon + 1)..<at
                checkCharacters(bytes, passwordRange, SIPGrammar.password, "password", &diagnostics)
                uri.password = Bytes.string(bytes, passwordRange)
            }
            i = at + 1
        }

        // host = hostname / IPv4address / IPv6reference
        let hostStart = i
        if i < end && bytes[i] == ASCII.openBracket {
            let close = Bytes.firstIndex(of: ASCII.closeBracket, in: bytes, i..<end)
            if close == end {
                diagnostics.report(SIPRules.uriSyntax, i..<end, "the IPv6 reference has no closing ']'")
                i = end
            } else {
                if Address.ipv6(bytes, (i + 1)..<close) == nil {
                    // RFC 3261's hexpart let "::" be followed by ":" and an IPv4 address;
                    // RFC 5954 §4.1 removed that form and RFC 5118 §4.10 has receivers accept it.
                    if let corrected = Self.withoutExtraColon(bytes, (i + 1)..<close) {
                        diagnostics.report(
                            SIPRules.ipv6ExtraColon, i..<(close + 1),
                            """
                            \(Bytes.quoted(bytes, i..<(close + 1))) has a third colon before its IPv4 part, a form \
                            RFC 5954 §4.1 removed
                            """,
                            hint: "write [\(corrected)]")
                    } else {
                        diagnostics.report(
                            SIPRules.uriSyntax, i..<(close + 1),
                            "\(Bytes.quoted(bytes, i..<(close + 1))) is not an IPv6 reference")
                    }
                }
                i = close + 1
            }
        } else if let address = Self.bareIPv6(bytes, i, end) {
            // "sip:user@2001:db8::10": the colons of an unbracketed IPv6 address read as a port.
            diagnostics.report(
                SIPRules.uriSyntax, address,
                "the IPv6 address \(Bytes.quoted(bytes, address)) must be in brackets in a SIP URI (RFC 3261 §19.1.1)",
                hint: "write [\(Bytes.string(bytes, address))]")
            i = address.upperBound
        } else {
            while i < end, bytes[i] != ASCII.colon, bytes[i] != ASCII.semicolon, bytes[i] != ASCII.question { i += 1 }
            let hostRange = hostStart..<i
            if hostRange.isEmpty {
                diagnostics.report(SIPRules.uriSyntax, hostStart..<hostStart, "the URI has no host")
            } else {
                checkHost(bytes, hostRange, &diagnostics)
            }
        }
        uri.host = Bytes.string(bytes, hostStart..<i)

        // [ ":" port ]
        if i < end && bytes[i] == ASCII.colon {
            let portStart = i + 1
            let portEnd = SIPGrammar.run(of: .digit, bytes, portStart, end)
            switch DecimalDigits.parse(bytes, portStart..<portEnd, as: UInt16.self) {
            case .success(let port): uri.port = port
            case .failure(.overflow):
                diagnostics.report(
                    SIPRules.uriSyntax, portStart..<portEnd,
                    "the port \(Bytes.quoted(bytes, portStart..<portEnd)) is above 65535")
            case .failure:
                diagnostics.report(
                    SIPRules.uriSyntax, i..<(portEnd == portStart ? portStart + (portStart < end ? 1 : 0) : portEnd),
                    "':' after the host is not followed by a port number")
            }
            i = portEnd
        }

        uri.parameters = readParameters(bytes, &i, end, stopAtQuestion: true, &diagnostics)

        // headers = "?" header *( "&" header ), header = hname "=" hvalue
        if i < end && bytes[i] == ASCII.question {
            i += 1
            while i <= end {
                var j = i
                while j < end && bytes[j] != UInt8(ascii: "&") { j += 1 }
                let header = i..<j
                let equals = Bytes.firstIndex(of: ASCII.equals, in: bytes, header)
                let nameRange = i..<equals
                if nameRange.isEmpty {
                    diagnostics.report(SIPRules.uriSyntax, header, "a URI header has no name")
                } else {
                    checkCharacters(
                        bytes, header, SIPGrammar.uriHeader.adding(ASCII.equals), "URI header", &diagnostics)
                }
                uri.headers.append(
                    SIPParameter(
                        Bytes.string(bytes, nameRange),
                        equals < j ? Bytes.string(bytes, (equals + 1)..<j) : nil))
                i = j + 1
            }
            i = end
        }
        if i < end {
            diagnostics.report(
                SIPRules.uriSyntax, i..<(i + 1), "\(bytes[i].displayed) is not allowed here in a SIP URI")
        }
    }

    /// `telephone-subscriber *( ";" par )` after `tel:` (RFC 3966 §3).
    private static func readTel(
        _ bytes: Span<UInt8>, _ range: Range<Int>, into uri: inout SIPURI, _ diagnostics: inout DiagnosticCollector
    ) {
        var i = range.lowerBound
        let end = range.upperBound
        while i < end && bytes[i] != ASCII.semicolon { i += 1 }
        let number = range.lowerBound..<i
        if number.isEmpty {
            diagnostics.report(SIPRules.uriSyntax, number, "the tel URI has no number")
        } else {
            checkCharacters(bytes, number, SIPGrammar.telephone, "telephone number", &diagnostics)
        }
        uri.user = Bytes.string(bytes, number)
        uri.parameters = readParameters(bytes, &i, end, stopAtQuestion: false, &diagnostics)
        if i < end {
            diagnostics.report(
                SIPRules.uriSyntax, i..<(i + 1), "\(bytes[i].displayed) is not allowed here in a tel URI")
        }
    }

    /// `*( ";" pname [ "=" pvalue ] )` from `i`, leaving `i` at the first byte that is not part
    /// of a parameter.
    private static func readParameters(
        _ bytes: Span<UInt8>, _ i: inout Int, _ end: Int, stopAtQuestion: Bool, _ diagnostics: inout DiagnosticCollector
    ) -> [SIPParameter] {
        var parameters: [SIPParameter] = []
        while i < end && bytes[i] == ASCII.semicolon {
            let start = i + 1
            var j = start
            while j < end, bytes[j] != ASCII.semicolon, !(stopAtQuestion && bytes[j] == ASCII.question) { j += 1 }
            let parameter = start..<j
            let equals = Bytes.firstIndex(of: ASCII.equals, in: bytes, parameter)
            let nameRange = start..<equals
            if nameRange.isEmpty {
                diagnostics.report(SIPRules.uriSyntax, i..<j, "a URI parameter has no name")
            } else {
                checkCharacters(bytes, nameRange, SIPGrammar.parameter, "URI parameter name", &diagnostics)
            }
            var value: String?
            if equals < j {
                let valueRange = (equals + 1)..<j
                checkCharacters(bytes, valueRange, SIPGrammar.parameter, "URI parameter value", &diagnostics)
                value = Bytes.string(bytes, valueRange)
            }
            parameters.append(SIPParameter(Bytes.string(bytes, nameRange), value))
            i = j
        }
        return parameters
    }

    /// Reports the first byte of `range` outside `allowed`, and the first malformed escape.
    static func checkCharacters(
        _ bytes: Span<UInt8>, _ range: Range<Int>, _ allowed: ASCII.Class, _ what: String,
        _ diagnostics: inout DiagnosticCollector
    ) {
        if let bad = Bytes.firstIndex(notIn: allowed, bytes, range) {
            diagnostics.report(
                SIPRules.uriSyntax, bad..<(bad + 1),
                """
                \(bytes[bad].displayed) is not allowed in the \(what) \(Bytes.quoted(bytes, range)); escape it \
                as %\(hex(bytes[bad]))
                """
            )
        }
        if let bad = SIPGrammar.badEscape(bytes, range) {
            diagnostics.report(
                SIPRules.escape, bad..<min(bad + 3, range.upperBound),
                "'%' in the \(what) is not followed by two hexadecimal digits; a literal '%' is written %25")
        }
    }

    /// An IPv6 address written where a host belongs without its brackets: the run of hex digits,
    /// colons and dots at `start`, holding two colons or more, that reads as an IPv6 address.
    static func bareIPv6(_ bytes: Span<UInt8>, _ start: Int, _ end: Int) -> Range<Int>? {
        var i = start
        var colons = 0
        while i < end, bytes[i].isHexDigit || bytes[i] == ASCII.colon || bytes[i] == ASCII.dot {
            if bytes[i] == ASCII.colon { colons += 1 }
            i += 1
        }
        guard colons >= 2, Address.ipv6(bytes, start..<i) != nil else { return nil }
        return start..<i
    }

    /// The address without the third colon of its first ":::", when that makes it an IPv6
    /// address.
    static func withoutExtraColon(_ bytes: Span<UInt8>, _ range: Range<Int>) -> String? {
        var address: [UInt8] = []
        var removed = false
        for k in range {
            if !removed && k >= range.lowerBound + 2 && bytes[k] == ASCII.colon && bytes[k - 1] == ASCII.colon
                && bytes[k - 2] == ASCII.colon
            {
                removed = true
                continue
            }
            address.append(bytes[k])
        }
        guard removed, address.withSpan({ Address.ipv6($0, 0..<$0.count) }) != nil else { return nil }
        return String(decoding: address, as: UTF8.self)
    }

    /// Reports a host that is neither a dotted IPv4 address nor a host name.
    static func checkHost(_ bytes: Span<UInt8>, _ range: Range<Int>, _ diagnostics: inout DiagnosticCollector) {
        var digitsAndDots = true
        for k in range where !bytes[k].isDigit && bytes[k] != ASCII.dot {
            digitsAndDots = false
            break
        }
        if digitsAndDots {
            if Address.ipv4(bytes, range) == nil {
                diagnostics.report(SIPRules.uriSyntax, range, "\(Bytes.quoted(bytes, range)) is not an IPv4 address")
            }
        } else if !SIPGrammar.isHostname(bytes, range) {
            diagnostics.report(
                SIPRules.uriSyntax, range,
                "\(Bytes.quoted(bytes, range)) is not a host name, an IPv4 address or a bracketed IPv6 address")
        }
    }

    static func hex(_ byte: UInt8) -> String {
        let digits = String(byte, radix: 16, uppercase: true)
        return byte < 16 ? "0" + digits : digits
    }
}

extension ASCII.Class {
    /// The class with one more byte.
    func adding(_ byte: UInt8) -> ASCII.Class {
        var w = [words.0, words.1, words.2, words.3]
        w[Int(byte >> 6)] |= 1 &<< UInt64(byte & 63)
        return ASCII.Class(w[0], w[1], w[2], w[3])
    }
}
