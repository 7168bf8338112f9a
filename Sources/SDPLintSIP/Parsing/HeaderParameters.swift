internal import SDPLintDiagnostics
internal import SDPLintScanning

enum HeaderParameters {
    /// Reads `*( SEMI generic-param )` from `i`, leaving `i` after the last parameter (and any
    /// white space after it).
    ///
    /// RFC 3261 §25.1:
    /// ```
    /// SEMI          =  SWS ";" SWS
    /// generic-param =  token [ EQUAL gen-value ]
    /// gen-value     =  token / host / quoted-string
    /// ```
    ///
    /// - Complexity: O(n) in the bytes read.
    static func read(
        _ bytes: Span<UInt8>, _ i: inout Int, _ end: Int, rule: Rule, _ diagnostics: inout DiagnosticCollector
    ) -> [SIPParameter] {
        var parameters: [SIPParameter] = []
        while true {
            i = SIPGrammar.skipSpace(bytes, i, end)
            guard i < end, bytes[i] == ASCII.semicolon else { return parameters }
            let semicolon = i
            i = SIPGrammar.skipSpace(bytes, i + 1, end)
            let nameStart = i
            i = SIPGrammar.run(of: SIPGrammar.token, bytes, i, end)
            let nameRange = nameStart..<i
            if nameRange.isEmpty {
                diagnostics.report(
                    rule, semicolon..<min(end, semicolon + 1),
                    i < end
                        ? "\(bytes[i].displayed) after ';' does not start a parameter name"
                        : "';' is not followed by a parameter")
                // Skip to the next parameter so one bad byte costs one finding.
                while i < end && bytes[i] != ASCII.semicolon && bytes[i] != ASCII.comma { i += 1 }
                continue
            }
            var value: String?
            var j = SIPGrammar.skipSpace(bytes, i, end)
            if j < end && bytes[j] == ASCII.equals {
                j = SIPGrammar.skipSpace(bytes, j + 1, end)
                let valueStart = j
                if j < end && bytes[j] == ASCII.quote {
                    if let close = SIPGrammar.quotedStringEnd(bytes, j, end) {
                        j = close
                    } else {
                        diagnostics.report(
                            rule, j..<end,
                            "the quoted value of '\(Bytes.string(bytes, nameRange))' has no closing quote")
                        j = end
                    }
                } else {
                    while j < end, bytes[j] != ASCII.semicolon, bytes[j] != ASCII.comma, !bytes[j].isWhitespace {
                        j += 1
                    }
                    if j == valueStart {
                        diagnostics.report(
                            rule, nameStart..<j,
                            "the parameter '\(Bytes.string(bytes, nameRange))' has '=' but no value")
                    } else if let bad = Bytes.firstIndex(notIn: hostOrToken, bytes, valueStart..<j) {
                        diagnostics.report(
                            rule, bad..<(bad + 1),
                            """
                            \(bytes[bad].displayed) is not allowed in the value of \
                            '\(Bytes.string(bytes, nameRange))'; quote the value
                            """
                        )
                    }
                }
                value = Bytes.string(bytes, valueStart..<j)
                i = j
            }
            parameters.append(SIPParameter(Bytes.string(bytes, nameRange), value))
        }
    }

    /// `token / host`: token characters plus ":" "[" "]" of IPv6 references.
    static let hostOrToken = SIPGrammar.token.adding(ASCII.colon).adding(ASCII.openBracket).adding(ASCII.closeBracket)
}
