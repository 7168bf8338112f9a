public import SDPLintDiagnostics
internal import SDPLintScanning

/// The value of From, To, Contact, Route, Record-Route, Reply-To and similar headers: a URI,
/// optionally with a display name in angle-bracket form, followed by header parameters such as
/// `tag` or `expires`.
///
/// Without angle brackets, parameters after the URI belong to the header, not to the URI
/// (RFC 3261 §20.10): in `To: sip:bob@example.com;tag=1` the tag is a header parameter.
///
/// [RFC 3261 §20.10, §25.1](https://www.rfc-editor.org/rfc/rfc3261#section-20.10)
/// ```
/// from-spec    =  ( name-addr / addr-spec ) *( SEMI from-param )
/// name-addr    =  [ display-name ] LAQUOT addr-spec RAQUOT
/// addr-spec    =  SIP-URI / SIPS-URI / absoluteURI
/// display-name =  *(token LWS)/ quoted-string
/// ```
public struct NameAddress: SIPValue {
    /// What the value is called in findings.
    public static let valueName = "name-addr"

    /// The display name, unquoted and unescaped (`"Bob \"B\" Smith"` gives `Bob "B" Smith`).
    public var displayName: String? { didSet { verbatim = nil } }
    /// The URI.
    public var uri: SIPURI { didSet { verbatim = nil } }
    /// The header parameters after the address: `tag`, `expires`, `q`, `+sip.instance`, …
    public var parameters: [SIPParameter] { didSet { verbatim = nil } }
    /// Whether the URI is written in angle brackets (always, when written in canonical form
    /// with a display name or a URI that holds `;`, `,` or `?`).
    public var usesAngleBrackets: Bool { didSet { verbatim = nil } }

    var verbatim: String?

    public init(
        displayName: String? = nil, uri: SIPURI, parameters: [SIPParameter] = [], usesAngleBrackets: Bool = true
    ) {
        self.displayName = displayName
        self.uri = uri
        self.parameters = parameters
        self.usesAngleBrackets = usesAngleBrackets
    }

    /// The `tag` parameter that identifies one side of a dialog (RFC 3261 §19.3).
    public var tag: String? {
        get { parameters["tag"] }
        set {
            if let newValue { parameters.set("tag", newValue) } else { parameters.remove(named: "tag") }
        }
    }

    public var isCanonical: Bool { verbatim == nil }

    /// The value as text: verbatim when parsed and unchanged, otherwise canonical.
    public var description: String {
        if let verbatim { return verbatim }
        var text = ""
        writeCanonical(to: &text)
        return text
    }

    func writeCanonical(to output: inout String) {
        let uriText = uri.description
        let brackets =
            usesAngleBrackets || displayName != nil
            || uriText.utf8.contains { $0 == ASCII.semicolon || $0 == ASCII.comma || $0 == ASCII.question }
        if let displayName {
            if SIPGrammar.isToken(displayName) {
                output += displayName
            } else {
                output += "\""
                for character in displayName.unicodeScalars {
                    if character == "\"" || character == "\\" { output += "\\" }
                    output.unicodeScalars.append(character)
                }
                output += "\""
            }
            output += " "
        }
        output += brackets ? "<" + uriText + ">" : uriText
        parameters.write(to: &output)
    }

    /// The same value, printing in canonical form from its fields (what an edit would write).
    public func canonicalized() -> NameAddress {
        var copy = self
        copy.verbatim = nil
        return copy
    }

    public static func == (lhs: NameAddress, rhs: NameAddress) -> Bool { lhs.description == rhs.description }
    public func hash(into hasher: inout Hasher) { hasher.combine(description) }

    /// Reads the name-addr or addr-spec with its header parameters at `range` of `bytes`, reporting every problem with its absolute byte range (one element of a list, already split).
    ///
    /// [RFC 3261 §20.10](https://www.rfc-editor.org/rfc/rfc3261#section-20.10)
    ///
    /// - Parameters:
    ///   - bytes: The input.
    ///   - range: The value, without surrounding white space.
    ///   - diagnostics: Receives the findings.
    /// - Returns: The value, or `nil` when nothing usable could be read.
    /// - Complexity: O(n) in `range.count`.
    public static func parse(
        _ bytes: Span<UInt8>, _ range: Range<Int>, into diagnostics: inout DiagnosticCollector
    ) -> NameAddress? {
        let end = range.upperBound
        var i = SIPGrammar.skipSpace(bytes, range.lowerBound, end)
        guard i < end else {
            diagnostics.report(SIPRules.addressSyntax, range, "the address is empty")
            return nil
        }
        var displayName: String?
        var uri: SIPURI?
        var bracketed = false
        // Where the "<" is, if the value is a name-addr: after a quoted display name, or the
        // first "<" at all (a bare addr-spec may not hold one).
        var less: Int?
        if bytes[i] == ASCII.quote {
            guard let close = SIPGrammar.quotedStringEnd(bytes, i, end) else {
                diagnostics.report(SIPRules.addressSyntax, i..<end, "the display name has no closing quote")
                return nil
            }
            displayName = SIPGrammar.unquoted(bytes, (i + 1)..<(close - 1))
            i = SIPGrammar.skipSpace(bytes, close, end)
            guard i < end, bytes[i] == ASCII.less else {
                diagnostics.report(
                    SIPRules.addressSyntax, close..<max(close, min(end, i + 1)),
                    "the quoted display name is not followed by '<URI>'")
                return nil
            }
            less = i
        } else {
            let found = Bytes.firstIndex(of: ASCII.less, in: bytes, i..<end)
            if found < end {
                less = found
                let nameRange = Bytes.trimmingWhitespace(bytes, i..<found)
                if !nameRange.isEmpty {
                    // display-name = *(token LWS): tokens separated by white space.
                    if let bad = Bytes.firstIndex(
                        notIn: SIPGrammar.token.adding(ASCII.space).adding(ASCII.tab), bytes, nameRange)
                    {
                        diagnostics.report(
                            SIPRules.addressSyntax, bad..<(bad + 1),
                            "\(bytes[bad].displayed) is not allowed in an unquoted display name; quote the name")
                    }
                    displayName = collapsedWhitespace(bytes, nameRange)
                }
            }
        }
        if let less {
            let greater = Bytes.firstIndex(of: ASCII.greater, in: bytes, (less + 1)..<end)
            guard greater < end else {
                diagnostics.report(SIPRules.addressSyntax, less..<end, "'<' has no matching '>'")
                return nil
            }
            let uriRange = (less + 1)..<greater
            uri = SIPURI.parse(bytes, uriRange, into: &diagnostics) ?? SIPURI(unparsed: Bytes.string(bytes, uriRange))
            bracketed = true
            i = greater + 1
        } else {
            // addr-spec: the URI ends at the first ";" (those parameters are the header's) or
            // white space.
            let uriStart = i
            while i < end, bytes[i] != ASCII.semicolon, !bytes[i].isWhitespace { i += 1 }
            let uriRange = uriStart..<i
            if Bytes.firstIndex(of: ASCII.question, in: bytes, uriRange) < i
                || Bytes.firstIndex(of: ASCII.greater, in: bytes, uriRange) < i
            {
                diagnostics.report(
                    SIPRules.addressSyntax, uriRange,
                    "a URI with '?' or '>' must be enclosed in angle brackets: <\(Bytes.string(bytes, uriRange))>")
            }
            uri = SIPURI.parse(bytes, uriRange, into: &diagnostics) ?? SIPURI(unparsed: Bytes.string(bytes, uriRange))
        }
        let parameters = HeaderParameters.read(bytes, &i, end, rule: SIPRules.addressSyntax, &diagnostics)
        if i < end {
            diagnostics.report(
                SIPRules.addressSyntax, i..<end,
                "unexpected \(Bytes.quoted(bytes, i..<end)) after the address; parameters start with ';'")
        }
        guard let uri else { return nil }
        var value = NameAddress(
            displayName: displayName, uri: uri, parameters: parameters, usesAngleBrackets: bracketed)
        value.verbatim = Bytes.string(bytes, range)
        return value
    }

    /// The text of `range` with each run of white space made one space.
    private static func collapsedWhitespace(_ bytes: Span<UInt8>, _ range: Range<Int>) -> String {
        var out: [UInt8] = []
        var space = false
        for k in range {
            if bytes[k].isWhitespace {
                space = true
            } else {
                if space && !out.isEmpty { out.append(ASCII.space) }
                space = false
                out.append(bytes[k])
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
