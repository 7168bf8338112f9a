internal import SDPLintDiagnostics
internal import SDPLintScanning

/// Reads a request line or a status line.
///
/// [RFC 3261 §7.1, §7.2, §25.1](https://www.rfc-editor.org/rfc/rfc3261#section-7.1)
/// ```
/// Request-Line  =  Method SP Request-URI SP SIP-Version CRLF
/// Status-Line   =  SIP-Version SP Status-Code SP Reason-Phrase CRLF
/// SIP-Version   =  "SIP" "/" 1*DIGIT "." 1*DIGIT
/// ```
/// A line that starts with `SIP/` is a status line; anything else is read as a request line.
enum StartLineParser {
    static func parse(
        _ b: Span<UInt8>, _ range: Range<Int>, into diagnostics: inout DiagnosticCollector
    ) -> SIPStartLine {
        let start = SIPGrammar.skipSpace(b, range.lowerBound, range.upperBound)
        if range.upperBound - start >= 4 && Bytes.equalsIgnoringCase(b, start..<(start + 4), "SIP/") {
            return .response(statusLine(b, start..<range.upperBound, &diagnostics))
        }
        return .request(requestLine(b, start..<range.upperBound, &diagnostics))
    }

    private static func statusLine(
        _ b: Span<UInt8>, _ range: Range<Int>, _ diagnostics: inout DiagnosticCollector
    ) -> SIPStatusLine {
        let end = range.upperBound
        let versionEnd = Bytes.tokenEnd(b, from: range.lowerBound, to: end)
        let versionRange = range.lowerBound..<versionEnd
        checkVersion(b, versionRange, &diagnostics)
        let codeStart = SIPGrammar.skipSpace(b, versionEnd, end)
        if codeStart - versionEnd != 1 || (codeStart > versionEnd && b[versionEnd] != ASCII.space) {
            diagnostics.report(
                SIPRules.whitespace, versionEnd..<max(codeStart, versionEnd + 1),
                """
                the SIP-Version and the status code are separated by \(codeStart - versionEnd) white space \
                characters, not one SP
                """
            )
        }
        let codeEnd = SIPGrammar.run(of: .digit, b, codeStart, end)
        var code = 0
        if case .success(let value) = DecimalDigits.parse(b, codeStart..<codeEnd, as: UInt32.self) {
            code = Int(min(value, 9999))
        }
        if codeEnd - codeStart != 3 || (codeEnd < end && !b[codeEnd].isWhitespace) {
            let tokenEnd = Bytes.tokenEnd(b, from: codeStart, to: end)
            diagnostics.report(
                SIPRules.statusCode, codeStart..<max(tokenEnd, min(end, codeStart + 1)),
                codeStart == end
                    ? "the status line has no status code"
                    : "the status code \(Bytes.quoted(b, codeStart..<tokenEnd)) is not three digits")
        } else if !(100...699).contains(code) {
            diagnostics.report(SIPRules.statusCode, codeStart..<codeEnd, "the status code \(code) is outside 100–699")
        }
        var reason = ""
        if codeEnd < end {
            // Reason-Phrase may itself hold SP and HTAB, so only the first SP separates.
            if b[codeEnd] != ASCII.space {
                diagnostics.report(
                    SIPRules.whitespace, codeEnd..<(codeEnd + 1), "the status code is followed by a tab, not SP")
            }
            reason = Bytes.string(b, (codeEnd + 1)..<end)
        } else if codeEnd == end && codeEnd > codeStart {
            diagnostics.report(
                SIPRules.whitespace, end..<end,
                "the status line ends after the status code; an empty reason phrase still needs the SP before it")
        }
        return SIPStatusLine(statusCode: code, reasonPhrase: reason, version: Bytes.string(b, versionRange))
    }

    private static func requestLine(
        _ b: Span<UInt8>, _ range: Range<Int>, _ diagnostics: inout DiagnosticCollector
    ) -> SIPRequestLine {
        // The parts separated by runs of white space; the Request-URI may not hold any, so
        // more than three parts mean white space inside it.
        var parts: [Range<Int>] = []
        var i = range.lowerBound
        let end = range.upperBound
        var reportedSpacing = false
        while i < end {
            let partEnd = Bytes.tokenEnd(b, from: i, to: end)
            parts.append(i..<partEnd)
            let next = SIPGrammar.skipSpace(b, partEnd, end)
            if !reportedSpacing && next > partEnd && (next - partEnd != 1 || b[partEnd] != ASCII.space || next == end) {
                reportedSpacing = true
                diagnostics.report(
                    SIPRules.whitespace, partEnd..<next,
                    next == end
                        ? "the request line ends with white space"
                        : """
                        the parts of the request line are separated by \(next - partEnd) white space characters, \
                        not one SP
                        """
                )
            }
            i = next
        }
        guard parts.count >= 3 else {
            let missing =
                parts.count == 2
                    && Bytes.equalsIgnoringCase(
                        b, parts[1].lowerBound..<min(parts[1].upperBound, parts[1].lowerBound + 4), "SIP/")
                ? "the Request-URI" : parts.count <= 1 ? "the Request-URI and the SIP-Version" : "the SIP-Version"
            diagnostics.report(
                SIPRules.startLine, range.isEmpty ? range : range,
                """
                \(Bytes.quoted(b, range)) is not a request line (Method SP Request-URI SP SIP-Version): \
                \(missing) is missing
                """
            )
            let method = parts.first.map { SIPMethod(Bytes.string(b, $0)) } ?? SIPMethod("")
            let uriText = parts.count == 2 ? Bytes.string(b, parts[1]) : ""
            return SIPRequestLine(method: method, uri: SIPURI(unparsed: uriText), version: "")
        }
        let methodRange = parts[0]
        let versionRange = parts[parts.count - 1]
        let uriRange = parts[1].lowerBound..<parts[parts.count - 2].upperBound

        // Method = token, case-sensitive.
        if let bad = Bytes.firstIndex(notIn: SIPGrammar.token, b, methodRange) {
            diagnostics.report(
                SIPRules.method, bad..<(bad + 1),
                """
                \(b[bad].displayed) is not allowed in the method \(Bytes.quoted(b, methodRange)); methods are \
                tokens
                """
            )
        }
        let method = SIPMethod(Bytes.string(b, methodRange))
        if !method.isRegistered {
            let upper = SIPMethod(method.rawValue.uppercased())
            if upper.isRegistered {
                diagnostics.report(
                    SIPRules.method, methodRange,
                    """
                    the method \(method.rawValue) is not \(upper.rawValue): methods are case-sensitive, so this is \
                    an unknown method
                    """
                )
            } else {
                diagnostics.report(SIPRules.unknownMethod, methodRange, "\(method.rawValue) is an extension method")
            }
        }

        // Request-URI.
        var uri: SIPURI
        if parts.count > 3 {
            diagnostics.report(
                SIPRules.requestURI, uriRange,
                "the Request-URI \(Bytes.quoted(b, uriRange)) holds white space; it must be escaped or removed")
            uri = SIPURI(unparsed: Bytes.string(b, uriRange))
        } else if b[uriRange.lowerBound] == ASCII.less {
            diagnostics.report(
                SIPRules.requestURI, uriRange,
                """
                the Request-URI \(Bytes.quoted(b, uriRange)) is enclosed in angle brackets, which only header \
                fields use
                """
            )
            uri = SIPURI(unparsed: Bytes.string(b, uriRange))
        } else {
            var scratch = DiagnosticCollector(strict: diagnostics.strict)
            scratch.line = diagnostics.line
            scratch.lineStart = diagnostics.lineStart
            uri = SIPURI.parse(b, uriRange, into: &scratch) ?? SIPURI(unparsed: Bytes.string(b, uriRange))
            // URI findings in the start line are Request-URI findings, escapes aside.
            for finding in scratch.diagnostics {
                if finding.code == SIPRules.uriSyntax.code {
                    diagnostics.report(SIPRules.requestURI, at: finding.location, finding.message)
                } else {
                    diagnostics.report(finding)
                }
            }
            // RFC 3261 §19.1.1 Table 1: headers are not allowed in a Request-URI. The '?' that
            // starts them follows the host: a '?' in the user part (RFC 4475's intmeth) is not one.
            if !uri.headers.isEmpty {
                let host = (uriRange.lastIndex { b[$0] == ASCII.at } ?? uriRange.lowerBound)
                let start = (host..<uriRange.upperBound).first { b[$0] == ASCII.question } ?? uriRange.lowerBound
                diagnostics.report(
                    SIPRules.requestURIHeaders, start..<uriRange.upperBound,
                    "the Request-URI carries headers (\(Bytes.quoted(b, start..<uriRange.upperBound))), which a Request-URI may not; the receiver may answer 400 or ignore them"
                )
            }
        }
        checkVersion(b, versionRange, &diagnostics)
        return SIPRequestLine(method: method, uri: uri, version: Bytes.string(b, versionRange))
    }

    /// Reports a SIP-Version that is not `SIP/2.0`.
    private static func checkVersion(_ b: Span<UInt8>, _ range: Range<Int>, _ diagnostics: inout DiagnosticCollector) {
        if Bytes.equals(b, range, "SIP/2.0") { return }
        // The version is case-insensitive (RFC 3261 §7.1); senders MUST write upper case, but
        // a receiver accepts either.
        if Bytes.equalsIgnoringCase(b, range, "SIP/2.0") { return }
        let isVersion =
            range.count > 4 && Bytes.equalsIgnoringCase(b, range.lowerBound..<(range.lowerBound + 4), "SIP/")
        diagnostics.report(
            SIPRules.version, range,
            isVersion
                ? """
                the SIP-Version is \(Bytes.quoted(b, range)); this parser and RFC 3261 speak SIP/2.0 (a UAS \
                answers 505)
                """
                : "\(Bytes.quoted(b, range)) is not a SIP-Version such as SIP/2.0")
    }
}
