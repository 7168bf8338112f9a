internal import SDPLintDiagnostics
internal import SDPLintScanning

/// The checks that need the whole header section: each known header's typed syntax, then
/// duplicates, mandatory headers and consistency between the start line and the headers.
struct HeaderChecks {
    let message: SIPMessage
    let infos: [FieldInfo]
    var collector: DiagnosticCollector
    let endLocation: SourceLocation
    /// Header names of lines the parser could not read, already reported (SIP106).
    let unreadableNames: Set<String>
    private(set) var declaredLength: DeclaredLength = .absent
    private(set) var contentLengthLocation: SourceLocation?

    private var cseq: (CSeq, SourceLocation)?
    private var firstVia: Via?
    private var from: NameAddress?
    private var fromLocation: SourceLocation?
    private var topViaLocation: SourceLocation?
    private var wildcard: SourceLocation?
    private var contactCount = 0

    init(
        message: SIPMessage, infos: [FieldInfo], collector: DiagnosticCollector, endLocation: SourceLocation,
        unreadableNames: Set<String>
    ) {
        self.message = message
        self.infos = infos
        self.collector = collector
        self.endLocation = endLocation
        self.unreadableNames = unreadableNames
    }

    mutating func run(_ b: Span<UInt8>) {
        defer {
            // A Content-Length line that could not be read (SIP106) leaves the length unknown,
            // not absent: one root cause, one finding.
            if declaredLength == .absent && unreadableNames.contains("content-length") { declaredLength = .invalid }
        }
        var seen: [String: Int] = [:]
        for info in infos {
            let field = message.headers.fields[info.index]
            let key = field.name.key
            let location = valueLocation(info)
            if SIPHeaderName.singleInstance.contains(key) {
                seen[key, default: 0] += 1
                if seen[key] == 2 {
                    collector.report(
                        SIPRules.duplicateHeader, at: nameLocation(info, field),
                        "\(field.name.canonicalName) appears more than once; it may appear only once")
                }
                if seen[key, default: 0] > 1 { continue }
            }
            let start = collector.diagnostics.count
            let topViaKnown = topViaLocation != nil
            check(b, info, field, key, location)
            // One malformed header value is one finding; what a bad Via or From no longer says
            // (a branch, a tag) is not reported again as missing.
            if collector.keepFirstError(since: start) {
                if key == "via" && !topViaKnown { firstVia = nil }
                if key == "from" { from = nil }
            }
        }
        checkMessage(seen)
    }

    // MARK: Per field

    /// RFC 3261 §25.1: `SIP-date = wkday "," SP 2DIGIT SP month SP 4DIGIT SP 2DIGIT ":" 2DIGIT ":"
    /// 2DIGIT SP "GMT"` (RFC 1123's date, always in GMT).
    static func isSIPDate(_ bytes: Span<UInt8>, _ range: Range<Int>) -> Bool {
        let text = Bytes.string(bytes, range)
        let parts = text.split(separator: " ", omittingEmptySubsequences: false)
        let days = ["Mon,", "Tue,", "Wed,", "Thu,", "Fri,", "Sat,", "Sun,"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        func digits(_ part: Substring, _ count: Int) -> Bool {
            part.utf8.count == count && part.utf8.allSatisfy { $0 >= ASCII.zero && $0 <= ASCII.nine }
        }
        guard parts.count == 6, days.contains(String(parts[0])), digits(parts[1], 2),
            months.contains(String(parts[2])), digits(parts[3], 4), parts[5] == "GMT"
        else { return false }
        let time = parts[4].split(separator: ":", omittingEmptySubsequences: false)
        return time.count == 3 && time.allSatisfy { digits($0, 2) }
    }

    private mutating func check(
        _ b: Span<UInt8>, _ info: FieldInfo, _ field: SIPHeaderField, _ key: String, _ location: SourceLocation
    ) {
        switch key {
        case "via":
            var top: (Via?, SourceLocation)?
            Self.withValue(b, info, field, &collector) { bytes, range, collector in
                for (n, element) in SIPGrammar.splitList(bytes, range).enumerated() {
                    guard !element.isEmpty else {
                        collector.report(
                            SIPRules.viaSyntax, range, "the Via header has an empty element between commas")
                        continue
                    }
                    let via = Via.parse(bytes, element, into: &collector)
                    if n == 0 { top = (via, info.folded ? location : collector.location(element)) }
                }
            }
            if topViaLocation == nil, let top {
                firstVia = top.0
                topViaLocation = top.1
            }
        case "from", "to":
            var parsed: (NameAddress?, SourceLocation)?
            Self.withValue(b, info, field, &collector) { bytes, range, collector in
                let elements = SIPGrammar.splitList(bytes, range)
                if elements.count > 1 {
                    collector.report(
                        SIPRules.addressSyntax, range,
                        """
                        \(field.name.canonicalName) holds more than one address; a URI with ',' must be in angle \
                        brackets
                        """
                    )
                }
                let address = NameAddress.parse(bytes, elements.first ?? range, into: &collector)
                parsed = (address, info.folded ? location : collector.location(range))
            }
            if key == "from", let parsed {
                from = parsed.0
                fromLocation = parsed.1
            }
        case "contact":
            var count = 0
            var star: SourceLocation?
            Self.withValue(b, info, field, &collector) { bytes, range, collector in
                for element in SIPGrammar.splitList(bytes, range) {
                    guard !element.isEmpty else {
                        collector.report(
                            SIPRules.addressSyntax, range, "the Contact header has an empty element between commas")
                        continue
                    }
                    count += 1
                    if Bytes.equals(bytes, element, "*") {
                        star = info.folded ? location : collector.location(element)
                    } else {
                        _ = NameAddress.parse(bytes, element, into: &collector)
                    }
                }
            }
            contactCount += count
            if let star { wildcard = star }
        case "route", "record-route", "path", "service-route", "p-asserted-identity", "reply-to", "refer-to",
            "referred-by":
            // The route headers take name-addr only; the others name-addr or addr-spec.
            let routing = key == "route" || key == "record-route" || key == "path" || key == "service-route"
            Self.withValue(b, info, field, &collector) { bytes, range, collector in
                for element in SIPGrammar.splitList(bytes, range) where !element.isEmpty {
                    guard let address = NameAddress.parse(bytes, element, into: &collector), routing,
                        !address.usesAngleBrackets
                    else { continue }
                    let semicolon = Bytes.firstIndex(of: ASCII.semicolon, in: bytes, element)
                    let parameters = Bytes.string(bytes, semicolon..<element.upperBound)
                    collector.report(
                        SIPRules.routeWithoutBrackets, element,
                        "\(field.name.canonicalName) takes a URI in angle brackets"
                            + (parameters.isEmpty
                                ? "" : "; written bare, '\(parameters)' is the header's, not the URI's"),
                        hint: "write <\(Bytes.string(bytes, element))>")
                }
            }
        case "cseq":
            var parsed: (CSeq, SourceLocation)?
            Self.withValue(b, info, field, &collector) { bytes, range, collector in
                if let value = CSeq.parse(bytes, range, into: &collector) {
                    parsed = (value, info.folded ? location : collector.location(range))
                }
            }
            if let parsed { cseq = parsed }
        case "call-id":
            Self.withValue(b, info, field, &collector) { bytes, range, collector in
                if range.isEmpty {
                    collector.report(SIPRules.callIDSyntax, range, "the Call-ID is empty")
                } else if let bad = Bytes.firstIndex(notIn: SIPGrammar.word.adding(ASCII.at), bytes, range) {
                    collector.report(
                        SIPRules.callIDSyntax, bad..<(bad + 1), "\(bytes[bad].displayed) is not allowed in a Call-ID")
                } else if Bytes.firstIndex(of: ASCII.at, in: bytes, range) != range.upperBound {
                    let at = Bytes.firstIndex(of: ASCII.at, in: bytes, range)
                    if at == range.lowerBound || at == range.upperBound - 1
                        || Bytes.firstIndex(of: ASCII.at, in: bytes, (at + 1)..<range.upperBound) != range.upperBound
                    {
                        collector.report(SIPRules.callIDSyntax, range, "the Call-ID is not word or word@word")
                    }
                }
            }
        case "max-forwards":
            Self.withValue(b, info, field, &collector) { bytes, range, collector in
                switch DecimalDigits.parse(bytes, range, as: UInt32.self) {
                case .success(let value) where value > 255:
                    collector.report(SIPRules.maxForwardsRange, range, "Max-Forwards is \(value), above 255")
                case .success:
                    break
                case .failure(.overflow):
                    collector.report(
                        SIPRules.maxForwardsRange, range,
                        "Max-Forwards \(Bytes.quoted(bytes, range)) is far above 255")
                case .failure:
                    collector.report(
                        SIPRules.numberSyntax, range, "Max-Forwards \(Bytes.quoted(bytes, range)) is not a number")
                }
            }
        case "date":
            Self.withValue(b, info, field, &collector) { bytes, range, collector in
                if !Self.isSIPDate(bytes, range) {
                    collector.report(
                        SIPRules.dateSyntax, range,
                        "the Date \(Bytes.quoted(bytes, range)) is not an RFC 1123 date in GMT, such as 'Sat, 13 Nov 2010 23:29:00 GMT'"
                    )
                }
            }
        case "expires", "min-expires":
            Self.withValue(b, info, field, &collector) { bytes, range, collector in
                if range.isEmpty || Bytes.firstIndex(notIn: .digit, bytes, range) != nil {
                    collector.report(
                        SIPRules.numberSyntax, range,
                        "\(field.name.canonicalName) \(Bytes.quoted(bytes, range)) is not a number of seconds")
                }
            }
        case "content-length":
            var declared = DeclaredLength.invalid
            Self.withValue(b, info, field, &collector) { bytes, range, collector in
                switch DecimalDigits.parse(bytes, range, as: UInt64.self) {
                case .success(let value) where value <= UInt64(Int.max):
                    declared = .value(Int(value))
                case .success, .failure(.overflow):
                    collector.report(
                        SIPRules.contentLengthInvalid, range,
                        "Content-Length \(Bytes.quoted(bytes, range)) is far larger than any body")
                case .failure:
                    let negative = !range.isEmpty && bytes[range.lowerBound] == ASCII.minus
                    collector.report(
                        SIPRules.contentLengthInvalid, range,
                        negative
                            ? "Content-Length \(Bytes.quoted(bytes, range)) is negative"
                            : "Content-Length \(Bytes.quoted(bytes, range)) is not a number of bytes")
                }
            }
            declaredLength = declared
            contentLengthLocation = location
        case "content-type":
            Self.withValue(b, info, field, &collector) { bytes, range, collector in
                _ = MediaType.parse(bytes, range, into: &collector)
            }
        case "allow", "supported", "require", "proxy-require", "unsupported":
            Self.withValue(b, info, field, &collector) { bytes, range, collector in
                let elements = SIPGrammar.splitList(bytes, range)
                if elements.isEmpty && (key == "require" || key == "proxy-require" || key == "unsupported") {
                    collector.report(
                        SIPRules.tokenList, range,
                        "\(field.name.canonicalName) is empty; it lists at least one option tag")
                }
                for element in elements {
                    if element.isEmpty {
                        collector.report(
                            SIPRules.tokenList, range, "\(field.name.canonicalName) has an empty element between commas"
                        )
                    } else if let bad = Bytes.firstIndex(notIn: SIPGrammar.token, bytes, element) {
                        collector.report(
                            SIPRules.tokenList, bad..<(bad + 1),
                            "\(Bytes.quoted(bytes, element)) in \(field.name.canonicalName) is not a token")
                    }
                }
            }
        default:
            break
        }
    }

    // MARK: Whole message

    private mutating func checkMessage(_ seen: [String: Int]) {
        let request = message.requestLine
        // Max-Forwards is mandatory in a request too, but an RFC 2543 request lacks it: SIP211 below.
        let mandatory = ["to", "from", "cseq", "call-id", "via"]
        var missing: [String] = []
        // A header whose line could not be read has its finding (SIP106): one root cause, one finding.
        for key in mandatory where seen[key] == nil && !hasField(key) && !unreadableNames.contains(key) {
            missing.append(SIPHeaderName.canonicalSpellings[key] ?? key)
        }
        if !missing.isEmpty {
            let what = request != nil ? "a request" : "a response"
            collector.report(
                SIPRules.missingHeader, at: endLocation,
                "\(what) needs \(missing.count == 1 ? "the header" : "the headers") \(missing.joined(separator: ", ")), which \(missing.count == 1 ? "is" : "are") missing"
            )
        }
        guard let request else { return }
        if seen["max-forwards"] == nil && !hasField("max-forwards") {
            collector.report(
                SIPRules.maxForwardsMissing, at: endLocation,
                "the request has no Max-Forwards (RFC 3261 §8.1.1.6); an RFC 2543 element omits it",
                hint: "add Max-Forwards: 70")
        }
        if let (cseq, location) = cseq, cseq.method != request.method {
            collector.report(
                SIPRules.cseqMethodMismatch, at: location,
                "the CSeq method \(cseq.method) is not the request's method \(request.method)")
        }
        if let topViaLocation {
            if let via = firstVia {
                if via.branch == nil {
                    collector.report(SIPRules.branch, at: topViaLocation, "the top Via has no branch parameter")
                } else if !via.hasMagicCookie {
                    collector.report(
                        SIPRules.branch, at: topViaLocation,
                        "the branch \(via.branch ?? "") does not start with z9hG4bK; the receiver treats the request as RFC 2543's"
                    )
                }
            }
        }
        if let from, from.tag == nil, let fromLocation {
            collector.report(SIPRules.fromTag, at: fromLocation, "From has no tag parameter")
        }
        if let wildcard {
            if request.method != .register {
                collector.report(SIPRules.wildcardContact, at: wildcard, "Contact: * is allowed only in REGISTER")
            } else if contactCount > 1 {
                collector.report(SIPRules.wildcardContact, at: wildcard, "Contact: * must be the only contact")
            }
        }
    }

    private func hasField(_ key: String) -> Bool {
        infos.contains { message.headers.fields[$0.index].name.key == key }
    }

    // MARK: Locations

    /// Runs `body` on the field's value: on the input bytes when the field is on one line, so
    /// findings point at the exact bytes; on the unfolded value otherwise, with findings moved
    /// to the start of the value.
    private static func withValue(
        _ b: Span<UInt8>, _ info: FieldInfo, _ field: SIPHeaderField, _ collector: inout DiagnosticCollector,
        _ body: (Span<UInt8>, Range<Int>, inout DiagnosticCollector) -> Void
    ) {
        if !info.folded {
            collector.line = info.line
            collector.lineStart = info.lineStart
            body(b, info.valueRange, &collector)
            return
        }
        var scratch = DiagnosticCollector(strict: collector.strict, limit: collector.limit)
        field.value.withUTF8Span { bytes in
            body(bytes, Bytes.trimmingWhitespace(bytes, 0..<bytes.count), &scratch)
        }
        let location = SourceLocation(
            line: info.line, column: info.valueRange.lowerBound - info.lineStart + 1, bytes: info.valueRange)
        for finding in scratch.diagnostics {
            var moved = finding
            moved.location = location
            collector.report(moved)
        }
    }

    private func valueLocation(_ info: FieldInfo) -> SourceLocation {
        SourceLocation(line: info.line, column: info.valueRange.lowerBound - info.lineStart + 1, bytes: info.valueRange)
    }

    private func nameLocation(_ info: FieldInfo, _ field: SIPHeaderField) -> SourceLocation {
        let length = field.name.spelling.utf8.count
        return SourceLocation(line: info.line, column: 1, bytes: info.lineStart..<(info.lineStart + length))
    }
}
