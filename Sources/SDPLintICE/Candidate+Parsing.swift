public import SDPLintDiagnostics
internal import SDPLintScanning

extension Candidate {
    /// Reads a candidate, throwing when the text has an error.
    ///
    /// Accepts the attribute value alone (`1 1 UDP …`), with the `candidate:` prefix that
    /// `RTCIceCandidate.candidate` carries, or as a whole SDP line with `a=candidate:` and an
    /// optional line ending. Columns in the findings count from the start of `text`.
    ///
    /// RFC 8839 §5.1 <https://www.rfc-editor.org/rfc/rfc8839#section-5.1>
    ///
    /// - Parameters:
    ///   - text: The candidate.
    ///   - options: Whether rules report at their strict severity.
    /// - Throws: `ParseError` with every finding and the candidate as far as it could be read
    ///   (`nil` when a required field is missing), when at least one finding is an error.
    ///   Warnings alone do not throw; use ``parse(_:options:)`` to see them.
    /// - Complexity: O(n) in the length of `text`.
    public init(parsing text: String, options: ICEParseOptions = .lenient) throws(ParseError<Candidate?>) {
        self = try Candidate.parse(text, options: options).unwrapped(
            missing: ICERules.missingField.diagnostic(
                at: SourceLocation(line: 1, column: 1, bytes: 0..<0), "the text is not a candidate"))
    }

    /// Reads a candidate leniently: the best-effort candidate and every finding.
    ///
    /// The candidate is `nil` only when a required field is missing; otherwise malformed fields
    /// are reported and the candidate keeps the input text verbatim, so it prints back unchanged.
    /// Never throws and never traps.
    ///
    /// RFC 8839 §5.1 <https://www.rfc-editor.org/rfc/rfc8839#section-5.1>
    ///
    /// - Parameters:
    ///   - text: The candidate, with or without `a=` and `candidate:`, and an optional line ending.
    ///   - options: Whether rules report at their strict severity, and how many findings to keep.
    /// - Returns: The candidate or `nil`, the findings sorted by column, and the text they point
    ///   into.
    /// - Complexity: O(n) in the length of `text`.
    public static func parse(_ text: String, options: ICEParseOptions = .lenient) -> ParseResult<Candidate?> {
        ICEParseOptions.parse(text, options) { bytes, collector in
            parse(bytes, valueRange(of: bytes), into: &collector)
        }
    }

    /// The findings for the candidate as it prints: what ``parse(_:options:)`` reports for
    /// ``description``. Use it to check a candidate built or edited in code.
    ///
    /// - Parameter options: Whether rules report at their strict severity.
    /// - Returns: The findings, sorted by column.
    /// - Complexity: O(n) in the length of the text.
    public func validate(options: ICEParseOptions = .lenient) -> [Diagnostic] {
        ICEParseOptions.parse(description, options) { bytes, collector in
            _ = Candidate.parse(bytes, 0..<bytes.count, into: &collector)
        }.diagnostics
    }

    /// The range of the attribute value in a text that may carry `a=`, `candidate:` and a line
    /// ending.
    static func valueRange(of bytes: Span<UInt8>) -> Range<Int> {
        var start = 0
        var end = bytes.count
        if end > start && bytes[end - 1] == ASCII.lf { end -= 1 }
        if end > start && bytes[end - 1] == ASCII.cr { end -= 1 }
        if Bytes.equals(bytes, start..<min(end, start + 2), "a=") { start += 2 }
        if Bytes.equals(bytes, start..<min(end, start + 10), "candidate:") { start += 10 }
        return start..<end
    }

    /// Reads the candidate at `range` of `bytes`: the value after `a=candidate:`.
    ///
    /// This is the entry point of the SDP parser. Every finding is reported through
    /// `diagnostics` with its absolute byte range, so the collector turns it into the line and
    /// column of the whole description. Findings arrive in the order they are detected, which
    /// is not always column order: checks that need the whole line report last.
    ///
    /// - Parameters:
    ///   - bytes: The whole input.
    ///   - range: The absolute byte range of the value after `a=candidate:`, without the line ending.
    ///   - diagnostics: Receives the findings.
    /// - Returns: The candidate, keeping the text verbatim when it is not canonical, or `nil` when
    ///   a required field (up to the candidate type) is missing.
    /// - Complexity: O(n) in `range.count`; each extension attribute costs O(its length).
    public static func parse(
        _ bytes: Span<UInt8>, _ range: Range<Int>, into diagnostics: inout DiagnosticCollector
    ) -> Candidate? {
        guard let scanned = scan(bytes, range, keepingExtensions: true, into: &diagnostics) else { return nil }
        var candidate = Candidate(
            foundation: Bytes.string(bytes, scanned.foundation),
            componentID: scanned.componentID,
            transport: Transport(transportSpelling(bytes, scanned.transport)),
            priority: scanned.priority,
            address: Address(text: Bytes.string(bytes, scanned.address), kind: scanned.addressKind),
            port: scanned.port,
            kind: Kind(kindSpelling(bytes, scanned.kind)),
            relatedAddress: scanned.tail.relatedAddress.map {
                Address(text: Bytes.string(bytes, $0.range), kind: $0.kind)
            },
            relatedPort: scanned.tail.relatedPort,
            tcpType: scanned.tail.tcpType,
            extensionAttributes: scanned.tail.extensionAttributes)
        // The fields print the input back exactly when the scan saw nothing but the canonical
        // form. Text that is not ASCII may hold invalid UTF-8, which the fields' strings repair:
        // compare the printed form with the bytes then, as only that comparison can tell.
        if !scanned.isCanonical || Bytes.firstIndex(notIn: .ascii, bytes, range) != nil {
            candidate.keepVerbatim(bytes, range)
        }
        return candidate
    }

    /// Checks the candidate at `range` of `bytes` without building it: what the SDP parser
    /// needs. Reports exactly what ``parse(_:_:into:)`` reports.
    ///
    /// - Complexity: O(n) in `range.count`.
    package static func check(_ bytes: Span<UInt8>, _ range: Range<Int>, into diagnostics: inout DiagnosticCollector) {
        _ = scan(bytes, range, keepingExtensions: false, into: &diagnostics)
    }

    /// Reads and checks every field, creating no strings unless `keepingExtensions` asks for the
    /// extension attributes.
    private static func scan(
        _ bytes: Span<UInt8>, _ range: Range<Int>, keepingExtensions: Bool, into diagnostics: inout DiagnosticCollector
    ) -> Scanned? {
        // Trailing whitespace is reported once, then left out of the fields.
        var end = range.upperBound
        while end > range.lowerBound && bytes[end - 1].isWhitespace { end -= 1 }
        if end < range.upperBound, end > range.lowerBound {
            diagnostics.report(
                ICERules.trailingWhitespace, end..<range.upperBound,
                """
                the candidate ends with whitespace after \
                \(Bytes.quoted(bytes, lastField(bytes, range.lowerBound..<end)))
                """
            )
        }
        // Whether the text is what the fields print: single spaces, no leading or trailing
        // whitespace, lower-case keywords in the canonical order, numbers without leading zeros.
        var isCanonical = end == range.upperBound

        let start = Bytes.skipWhitespace(bytes, from: range.lowerBound, to: end)
        var fields = FieldReader(position: start, end: end)

        // foundation = 1*32ice-char
        let foundationRange: Range<Int>
        if start == end {
            diagnostics.report(
                ICERules.missingField, range.lowerBound..<range.lowerBound,
                """
                the candidate is empty: foundation, component ID, transport, priority, address, port and type are \
                missing
                """
            )
            return nil
        } else if start > range.lowerBound && foundationIsEmpty(fields, bytes) {
            // "candidate: 1 UDP …": the space that should follow the foundation comes first.
            foundationRange = range.lowerBound..<range.lowerBound
            diagnostics.report(
                ICERules.invalidFoundation, range.lowerBound..<start,
                "the foundation is empty: the candidate starts with a space; it needs 1 to 32 ice-chars")
            // The empty foundation prints as nothing, then the space before the component ID.
            if start - range.lowerBound != 1 || bytes[range.lowerBound] != ASCII.space { isCanonical = false }
        } else {
            if start > range.lowerBound {
                diagnostics.report(
                    ICERules.extraWhitespace, range.lowerBound..<start,
                    "the candidate starts with whitespace before the foundation")
                isCanonical = false
            }
            guard let first = fields.next(bytes, &diagnostics) else { return nil }
            foundationRange = first
            checkFoundation(bytes, foundationRange, into: &diagnostics)
        }

        // component-id = 1*3DIGIT, 1...256
        guard let componentRange = fields.required(bytes, &diagnostics, "component ID", after: "foundation")
        else { return nil }
        let componentID = readComponentID(bytes, componentRange, into: &diagnostics)
        if !componentID.printsBack { isCanonical = false }

        // transport = "UDP" / transport-extension
        guard let transportRange = fields.required(bytes, &diagnostics, "transport", after: "component ID")
        else { return nil }
        let isUDP = Bytes.equalsIgnoringCase(bytes, transportRange, "udp")
        let isTCP = Bytes.equalsIgnoringCase(bytes, transportRange, "tcp")
        checkTransport(bytes, transportRange, isKnown: isUDP || isTCP, into: &diagnostics)

        // priority = 1*10DIGIT, 1...2^31-1
        guard let priorityRange = fields.required(bytes, &diagnostics, "priority", after: "transport")
        else { return nil }
        let priority = readPriority(bytes, priorityRange, into: &diagnostics)
        if !priority.printsBack { isCanonical = false }

        // connection-address
        guard let addressRange = fields.required(bytes, &diagnostics, "connection address", after: "priority")
        else { return nil }
        let addressKind = readAddress(bytes, addressRange, field: "connection address", into: &diagnostics)

        // port
        guard let portRange = fields.required(bytes, &diagnostics, "port", after: "connection address")
        else { return nil }
        let port = readPort(bytes, portRange, field: "port", into: &diagnostics)
        if !port.printsBack { isCanonical = false }

        // cand-type = "typ" SP candidate-types
        guard let typRange = fields.next(bytes, &diagnostics) else {
            diagnostics.report(
                ICERules.missingType, end..<end,
                "the candidate ends after the port; 'typ' and the candidate type are missing")
            return nil
        }
        guard Bytes.equalsIgnoringCase(bytes, typRange, "typ") else {
            let found = Bytes.quoted(bytes, typRange)
            let known = Kind.known.contains(Kind(Bytes.string(bytes, typRange)))
            diagnostics.report(
                ICERules.missingType, typRange,
                known
                    ? "'typ' is missing before the candidate type \(found)"
                    : "expected 'typ' after the port, found \(found)")
            return nil
        }
        if !Bytes.equals(bytes, typRange, "typ") { isCanonical = false }
        guard let kindRange = fields.next(bytes, &diagnostics) else {
            diagnostics.report(ICERules.missingType, typRange, "'typ' is not followed by a candidate type")
            return nil
        }
        let kind = KnownKind(bytes, kindRange)
        if kind == .other {
            let reason = Bytes.firstIndex(notIn: .token, bytes, kindRange) == nil ? "" : ", and is not even a token"
            diagnostics.report(
                ICERules.unknownCandidateType, kindRange,
                """
                the candidate type \(Bytes.quoted(bytes, kindRange)) is not host, srflx, prflx or relay\(reason); \
                receivers ignore the candidate
                """
            )
        }

        // [SP rel-addr] [SP rel-port] *(SP cand-extension), tcptype among the extensions.
        var tail = Tail(keepsExtensions: keepingExtensions)
        while let nameRange = fields.next(bytes, &diagnostics) {
            let valueRange = fields.next(bytes, &diagnostics)
            tail.read(bytes, name: nameRange, value: valueRange, into: &diagnostics)
        }
        if !fields.separatorsAreSingleSpaces || !tail.isCanonical { isCanonical = false }

        // The related address is a pair (RFC 8839 §5.1).
        if let raddr = tail.relatedAddressName, tail.relatedPortName == nil {
            diagnostics.report(ICERules.incompleteRelatedAddress, raddr, "'raddr' has no matching 'rport'")
        }
        if let rport = tail.relatedPortName, tail.relatedAddressName == nil {
            diagnostics.report(ICERules.incompleteRelatedAddress, rport, "'rport' has no matching 'raddr'")
        }
        let hasRelated = tail.relatedAddressName != nil || tail.relatedPortName != nil
        if kind == .host, let related = tail.relatedAddressName ?? tail.relatedPortName {
            diagnostics.report(
                ICERules.hostWithRelatedAddress, related,
                "a host candidate has a related address; RFC 8839 §5.1 says to omit raddr and rport for host candidates"
            )
        } else if kind != .other && kind != .host && !hasRelated {
            // RFC 8839 §5.1: hidden related addresses are "0.0.0.0" or "::" with port 0.
            let hidden = addressKind == .ipv6 ? "::" : "0.0.0.0"
            diagnostics.report(
                ICERules.missingRelatedAddress, kindRange,
                """
                the \(Bytes.string(bytes, kindRange)) candidate has no raddr/rport; send 'raddr \(hidden) rport 0' \
                to hide them
                """
            )
        }
        if let tcpTypeName = tail.tcpTypeName, isUDP {
            diagnostics.report(
                ICERules.tcpTypeOnUDP, tcpTypeName,
                "a \(Bytes.string(bytes, transportRange)) candidate has a tcptype, which only TCP candidates take")
        }
        if isTCP && tail.tcpTypeName == nil {
            diagnostics.report(
                ICERules.missingTCPType, transportRange,
                "the TCP candidate has no tcptype (active, passive or so); Firefox cannot parse it")
        }
        if priority.isValid,
            let problem = typePreferenceProblem(
                kind: kind, typePreference: UInt8(truncatingIfNeeded: priority.value >> 24))
        {
            diagnostics.report(ICERules.priorityTypeMismatch, priorityRange, problem)
        }

        return Scanned(
            foundation: foundationRange, componentID: componentID.value, transport: transportRange,
            priority: priority.value, address: addressRange, addressKind: addressKind, port: port.value,
            kind: kindRange, tail: tail, isCanonical: isCanonical)
    }

    /// Keeps the text of `range` as the verbatim form when it differs from the canonical form.
    private mutating func keepVerbatim(_ bytes: Span<UInt8>, _ range: Range<Int>) {
        var canonical = ""
        canonical.reserveCapacity(range.count)
        writeCanonical(to: &canonical)
        verbatim = Bytes.equals(bytes, range, canonical, ignoringCase: false) ? nil : Bytes.string(bytes, range)
    }
}

/// One pass over a candidate: the fields as byte ranges and numbers, and whether the text is
/// the canonical form the fields print, so that no verbatim copy is needed.
private struct Scanned {
    var foundation: Range<Int>
    var componentID: UInt16
    var transport: Range<Int>
    var priority: UInt32
    var address: Range<Int>
    var addressKind: Candidate.Address.Kind
    var port: UInt16
    var kind: Range<Int>
    var tail: Tail
    var isCanonical: Bool
}

/// The four candidate types of RFC 8839, compared ignoring case as ABNF literals are.
private enum KnownKind {
    case host, serverReflexive, peerReflexive, relay, other

    init(_ bytes: Span<UInt8>, _ range: Range<Int>) {
        if Bytes.equalsIgnoringCase(bytes, range, "host") {
            self = .host
        } else if Bytes.equalsIgnoringCase(bytes, range, "srflx") {
            self = .serverReflexive
        } else if Bytes.equalsIgnoringCase(bytes, range, "prflx") {
            self = .peerReflexive
        } else if Bytes.equalsIgnoringCase(bytes, range, "relay") {
            self = .relay
        } else {
            self = .other
        }
    }
}

// The usual spellings come from literals, which cost neither UTF-8 validation nor allocation.

private func transportSpelling(_ bytes: Span<UInt8>, _ range: Range<Int>) -> String {
    if Bytes.equals(bytes, range, "udp") { return "udp" }
    if Bytes.equals(bytes, range, "UDP") { return "UDP" }
    if Bytes.equals(bytes, range, "tcp") { return "tcp" }
    if Bytes.equals(bytes, range, "TCP") { return "TCP" }
    return Bytes.string(bytes, range)
}

private func kindSpelling(_ bytes: Span<UInt8>, _ range: Range<Int>) -> String {
    if Bytes.equals(bytes, range, "host") { return "host" }
    if Bytes.equals(bytes, range, "srflx") { return "srflx" }
    if Bytes.equals(bytes, range, "relay") { return "relay" }
    if Bytes.equals(bytes, range, "prflx") { return "prflx" }
    return Bytes.string(bytes, range)
}

private func extensionName(_ bytes: Span<UInt8>, _ range: Range<Int>) -> String {
    if Bytes.equals(bytes, range, "generation") { return "generation" }
    if Bytes.equals(bytes, range, "network-id") { return "network-id" }
    if Bytes.equals(bytes, range, "network-cost") { return "network-cost" }
    if Bytes.equals(bytes, range, "ufrag") { return "ufrag" }
    return Bytes.string(bytes, range)
}

// MARK: - Fields

/// Walks the whitespace-separated fields of a candidate, reporting separators other than the
/// single SP of the grammar.
private struct FieldReader {
    var position: Int
    let end: Int
    var isFirst = true
    /// Whether every separator so far was the single SP of the grammar.
    private(set) var separatorsAreSingleSpaces = true

    /// The next field, or `nil` at the end. `end` must not be preceded by whitespace.
    @inline(__always)
    mutating func next(_ bytes: Span<UInt8>, _ diagnostics: inout DiagnosticCollector) -> Range<Int>? {
        guard position < end else { return nil }
        // The usual separator, one SP between two fields, needs no report.
        if !isFirst && position >= 0 && position + 1 < min(end, bytes.count)
            && bytes[unchecked: position] == ASCII.space
            && !bytes[unchecked: position + 1].isWhitespace
        {
            let start = position + 1
            position = Bytes.tokenEnd(bytes, from: start, to: end)
            return start..<position
        }
        let separatorStart = position
        let start = Bytes.skipWhitespace(bytes, from: position, to: end)
        let separator = separatorStart..<start
        if !isFirst && (separator.count != 1 || bytes[separatorStart] != ASCII.space) {
            separatorsAreSingleSpaces = false
            let spaces = separator.count
            let hasTab = Bytes.firstIndex(of: ASCII.tab, in: bytes, separator) < start
            diagnostics.report(
                ICERules.extraWhitespace, separator,
                hasTab
                    ? "fields are separated by whitespace with a tab; the grammar uses one space"
                    : "fields are separated by \(spaces) spaces; the grammar uses one")
        }
        isFirst = false
        position = Bytes.tokenEnd(bytes, from: start, to: end)
        return start..<position
    }

    /// The next field, reporting `missing-field` when the candidate ends before it.
    mutating func required(
        _ bytes: Span<UInt8>, _ diagnostics: inout DiagnosticCollector, _ field: String, after previous: String
    ) -> Range<Int>? {
        if let range = next(bytes, &diagnostics) { return range }
        diagnostics.report(
            ICERules.missingField, end..<end,
            "the candidate ends after the \(previous); the \(field) is missing")
        return nil
    }
}

/// The range of the last field before `range.upperBound`, for messages.
private func lastField(_ bytes: Span<UInt8>, _ range: Range<Int>) -> Range<Int> {
    var start = range.upperBound
    while start > range.lowerBound && !bytes[start - 1].isWhitespace { start -= 1 }
    return start..<range.upperBound
}

/// Whether a candidate that starts with whitespace has an empty foundation rather than a
/// stray space before it: the first field looks like a component ID and the second does not
/// look like one (so it is the transport).
private func foundationIsEmpty(_ fields: FieldReader, _ bytes: Span<UInt8>) -> Bool {
    var probe = fields
    var scratch = DiagnosticCollector(limit: 1)
    guard let first = probe.next(bytes, &scratch), let second = probe.next(bytes, &scratch) else { return false }
    return first.count <= 3 && Bytes.isDigits(bytes, first) && !Bytes.isDigits(bytes, second)
}

private func checkFoundation(_ bytes: Span<UInt8>, _ range: Range<Int>, into diagnostics: inout DiagnosticCollector) {
    if let bad = Bytes.firstIndex(notIn: .ice, bytes, range) {
        diagnostics.report(
            ICERules.invalidFoundation, range,
            """
            the foundation \(Bytes.quoted(bytes, range)) has \(bytes[bad].displayed), which is not an ice-char \
            (letters, digits, '+', '/')
            """
        )
    } else if range.count > 32 {
        diagnostics.report(
            ICERules.invalidFoundation, range,
            "the foundation has \(range.count) characters; at most 32 are allowed")
    }
}

/// A decimal field: its value, or why there is none.
private enum Number {
    case value(UInt64)
    /// All digits, but more than `UInt64` holds.
    case tooLarge
    /// Not a number; already reported.
    case malformed
}

/// Reads `1*DIGIT`, reporting anything else with `rule`, and a leading zero.
private func readNumber(
    _ bytes: Span<UInt8>, _ range: Range<Int>, field: String, rule: Rule, into diagnostics: inout DiagnosticCollector
) -> Number {
    let result = DecimalDigits.parse(bytes, range, as: UInt64.self)
    if case .failure(.notADigit) = result {
        diagnostics.report(rule, range, "the \(field) \(Bytes.quoted(bytes, range)) is not a decimal number")
        return .malformed
    }
    if DecimalDigits.hasLeadingZero(bytes, range) {
        diagnostics.report(ICERules.leadingZero, range, "the \(field) \(Bytes.quoted(bytes, range)) has a leading zero")
    }
    switch result {
    case .success(let value): return .value(value)
    case .failure(.overflow): return .tooLarge
    case .failure: return .malformed
    }
}

/// A number as the candidate stores it, and whether it prints back as written: digits only,
/// no leading zero, a value the field holds.
private struct StoredNumber<Value: FixedWidthInteger> {
    var value: Value
    var printsBack: Bool

    init(_ value: Value, _ bytes: Span<UInt8>, _ range: Range<Int>, read: Number) {
        self.value = value
        if case .value(let read) = read {
            printsBack = read == UInt64(value) && !DecimalDigits.hasLeadingZero(bytes, range)
        } else {
            printsBack = false
        }
    }
}

private func readComponentID(
    _ bytes: Span<UInt8>, _ range: Range<Int>, into diagnostics: inout DiagnosticCollector
) -> StoredNumber<UInt16> {
    let rule = ICERules.invalidComponentID
    let number = readNumber(bytes, range, field: "component ID", rule: rule, into: &diagnostics)
    switch number {
    case .value(let value) where (1...256).contains(value):
        if range.count > 3 {
            diagnostics.report(rule, range, "the component ID has \(range.count) digits; the grammar allows at most 3")
        }
        return StoredNumber(UInt16(value), bytes, range, read: number)
    case .value, .tooLarge:
        diagnostics.report(
            rule, range,
            "the component ID \(Bytes.quoted(bytes, range)) is out of range; it must be 1 to 256")
        return StoredNumber(0, bytes, range, read: number)
    case .malformed:
        return StoredNumber(0, bytes, range, read: number)
    }
}

private func checkTransport(
    _ bytes: Span<UInt8>, _ range: Range<Int>, isKnown: Bool, into diagnostics: inout DiagnosticCollector
) {
    if let bad = Bytes.firstIndex(notIn: .token, bytes, range) {
        diagnostics.report(
            ICERules.invalidTransport, range,
            "the transport \(Bytes.quoted(bytes, range)) has \(bytes[bad].displayed), which cannot appear in a token")
    } else if !isKnown {
        diagnostics.report(
            ICERules.unknownTransport, range,
            "the transport \(Bytes.quoted(bytes, range)) is neither UDP nor TCP; browsers ignore the candidate")
    }
}

/// The priority, and whether it is a number in 1...2^31-1 (anything else is reported). A value
/// that does not fit `UInt32` is stored as `UInt32.max`, a malformed one as 0.
private func readPriority(
    _ bytes: Span<UInt8>, _ range: Range<Int>, into diagnostics: inout DiagnosticCollector
) -> (value: UInt32, isValid: Bool, printsBack: Bool) {
    let maximum: UInt64 = 0x7FFF_FFFF
    let number = readNumber(bytes, range, field: "priority", rule: ICERules.invalidPriority, into: &diagnostics)
    let stored: UInt32
    var isValid = false
    switch number {
    case .value(0):
        diagnostics.report(ICERules.priorityOutOfRange, range, "the priority is 0; it must be 1 to 2147483647 (2^31-1)")
        stored = 0
    case .value(let value) where value <= maximum:
        if range.count > 10 {
            diagnostics.report(
                ICERules.invalidPriority, range, "the priority has \(range.count) digits; the grammar allows at most 10"
            )
        }
        stored = UInt32(value)
        isValid = true
    case .value(let value):
        diagnostics.report(
            ICERules.priorityOutOfRange, range,
            "the priority \(Bytes.quoted(bytes, range)) is larger than 2^31-1 (2147483647)")
        stored = UInt32(clamping: value)
    case .tooLarge:
        diagnostics.report(
            ICERules.priorityOutOfRange, range,
            "the priority \(Bytes.quoted(bytes, range)) is larger than 2^31-1 (2147483647)")
        stored = UInt32.max
    case .malformed:
        stored = 0
    }
    return (stored, isValid, StoredNumber(stored, bytes, range, read: number).printsBack)
}

/// Classifies the address at `range`, reporting it when it is none of the forms.
private func readAddress(
    _ bytes: Span<UInt8>, _ range: Range<Int>, field: String, into diagnostics: inout DiagnosticCollector
) -> Candidate.Address.Kind {
    let kind = Candidate.Address.classify(bytes, range)
    if kind == .invalid {
        diagnostics.report(
            ICERules.invalidAddress, range,
            "the \(field) \(Bytes.quoted(bytes, range)) \(addressProblem(bytes, range))")
    }
    return kind
}

/// Why `range` is not an address, in words, guessing the form that was meant.
private func addressProblem(_ bytes: Span<UInt8>, _ range: Range<Int>) -> String {
    if Bytes.firstIndex(of: ASCII.colon, in: bytes, range) < range.upperBound {
        if let bad = Bytes.firstIndex(notIn: .hex, bytes, range), bytes[bad] != ASCII.colon, bytes[bad] != ASCII.dot {
            return "is not a valid IPv6 address: \(bytes[bad].displayed) is not a hexadecimal digit"
        }
        return "is not a valid IPv6 address"
    }
    if Bytes.isDigitsAndDots(bytes, range) {
        // Name the first octet that breaks `IP4-address = b1 3("." decimal-uchar)`.
        var parts = 0
        var partStart = range.lowerBound
        for i in range.lowerBound...range.upperBound where i == range.upperBound || bytes[i] == ASCII.dot {
            parts += 1
            let part = partStart..<i
            if part.isEmpty { return "is not a valid IPv4 address: it has an empty octet" }
            if case .success(let value) = DecimalDigits.parse(bytes, part, as: UInt64.self), value > 255 {
                return "is not a valid IPv4 address: octet \(Bytes.string(bytes, part)) is larger than 255"
            }
            if part.count > 3 {
                return "is not a valid IPv4 address: octet \(Bytes.quoted(bytes, part)) is larger than 255"
            }
            if DecimalDigits.hasLeadingZero(bytes, part) {
                return "is not a valid IPv4 address: octet \(Bytes.string(bytes, part)) has a leading zero"
            }
            partStart = i + 1
        }
        return "is not a valid IPv4 address: it has \(parts) octets instead of 4"
    }
    if let bad = Bytes.firstIndex(notIn: .alpha, bytes, range), !bytes[bad].isDigit, bytes[bad] != ASCII.dot,
        bytes[bad] != ASCII.minus
    {
        return "is not an IP address or a domain name: \(bytes[bad].displayed) cannot appear in a domain name"
    }
    return "is not an IP address or a domain name: a domain name has at least 4 characters"
}

private func readPort(
    _ bytes: Span<UInt8>, _ range: Range<Int>, field: String, into diagnostics: inout DiagnosticCollector
) -> StoredNumber<UInt16> {
    let number = readNumber(bytes, range, field: field, rule: ICERules.invalidPort, into: &diagnostics)
    switch number {
    case .value(let value) where value <= 65535:
        return StoredNumber(UInt16(value), bytes, range, read: number)
    case .value, .tooLarge:
        diagnostics.report(
            ICERules.invalidPort, range, "the \(field) \(Bytes.quoted(bytes, range)) is larger than 65535")
        return StoredNumber(UInt16.max, bytes, range, read: number)
    case .malformed:
        return StoredNumber(0, bytes, range, read: number)
    }
}

extension Candidate {
    /// Why `typePreference` contradicts `kind`, or `nil` when it does not.
    ///
    /// RFC 8445 §5.1.2.1 limits the type preference to 0...126; §5.1.2.2 recommends host 126,
    /// prflx 110, srflx 100, relay 0. Implementations differ below those (Chromium gives TCP host
    /// candidates 90), so only rankings that put a relay among direct paths, or a host among
    /// relays, are reported.
    static func typePreferenceProblem(kind: Kind, typePreference: UInt8) -> String? {
        typePreferenceProblem(isHost: kind == .host, isRelay: kind == .relay, typePreference: typePreference)
    }

    fileprivate static func typePreferenceProblem(kind: KnownKind, typePreference: UInt8) -> String? {
        typePreferenceProblem(isHost: kind == .host, isRelay: kind == .relay, typePreference: typePreference)
    }

    private static func typePreferenceProblem(isHost: Bool, isRelay: Bool, typePreference: UInt8) -> String? {
        if typePreference > 126 {
            return "the type preference (priority >> 24) is \(typePreference), above the maximum of 126"
        }
        if isRelay && typePreference >= 100 {
            return
                """
                the relay candidate has type preference \(typePreference) (priority >> 24), which ranks it with \
                host and server-reflexive candidates; 0 is recommended for relays
                """
        }
        if isHost && typePreference == 0 {
            return
                """
                the host candidate has type preference 0 (priority >> 24), the value recommended for relayed \
                candidates
                """
        }
        return nil
    }
}

// MARK: - Attributes after the type

/// The name/value pairs after `typ`: raddr, rport and tcptype become fields, the rest stay
/// extension attributes in their order.
private struct Tail {
    var relatedAddressName: Range<Int>?
    var relatedPortName: Range<Int>?
    var tcpTypeName: Range<Int>?
    var relatedAddress: (range: Range<Int>, kind: Candidate.Address.Kind)?
    var relatedPort: UInt16?
    var tcpType: Candidate.TCPType?
    /// Kept only when a candidate is built; checking one needs none of them.
    let keepsExtensions: Bool
    var extensionAttributes: [Candidate.ExtensionAttribute] = []
    /// Whether an extension attribute (tcptype included) came before: raddr and rport belong
    /// right after the type.
    var sawExtension = false
    /// Whether the pairs print back as written: every name has a value, the keywords are in
    /// lower case, each comes once and in the canonical order (raddr, rport, tcptype, then the
    /// extensions), and the numbers print back.
    var isCanonical = true
    /// How far along the canonical order the pairs are: 1 after raddr, 2 after rport, 3 after
    /// tcptype, 4 after an extension.
    private var stage = 0

    init(keepsExtensions: Bool) { self.keepsExtensions = keepsExtensions }

    /// Notes a keyword pair at `stage` of the canonical order.
    private mutating func advance(to stage: Int, _ bytes: Span<UInt8>, _ name: Range<Int>, _ keyword: StaticString) {
        if self.stage >= stage || !Bytes.equals(bytes, name, keyword) { isCanonical = false }
        self.stage = stage
    }

    mutating func read(
        _ bytes: Span<UInt8>, name: Range<Int>, value: Range<Int>?, into diagnostics: inout DiagnosticCollector
    ) {
        if value == nil {
            diagnostics.report(
                ICERules.extensionWithoutValue, name, "the attribute \(Bytes.quoted(bytes, name)) has no value")
            isCanonical = false
        }
        if Bytes.equalsIgnoringCase(bytes, name, "raddr") {
            guard relatedAddressName == nil else { return duplicate(bytes, name, &diagnostics) }
            advance(to: 1, bytes, name, "raddr")
            relatedAddressName = name
            if sawExtension || relatedPortName != nil {
                diagnostics.report(
                    ICERules.attributeOrder, name,
                    "'raddr' comes after \(relatedPortName != nil ? "'rport'" : "extension attributes"); it belongs right after the candidate type"
                )
            }
            if let value {
                relatedAddress = (value, readAddress(bytes, value, field: "related address", into: &diagnostics))
            }
        } else if Bytes.equalsIgnoringCase(bytes, name, "rport") {
            guard relatedPortName == nil else { return duplicate(bytes, name, &diagnostics) }
            advance(to: 2, bytes, name, "rport")
            relatedPortName = name
            if sawExtension {
                diagnostics.report(
                    ICERules.attributeOrder, name,
                    "'rport' comes after extension attributes; it belongs right after 'raddr'")
            }
            if let value {
                let port = readPort(bytes, value, field: "related port", into: &diagnostics)
                relatedPort = port.value
                if !port.printsBack { isCanonical = false }
            }
        } else if Bytes.equalsIgnoringCase(bytes, name, "tcptype") {
            sawExtension = true
            guard tcpTypeName == nil else { return duplicate(bytes, name, &diagnostics) }
            advance(to: 3, bytes, name, "tcptype")
            tcpTypeName = name
            if let value {
                tcpType = Candidate.TCPType(bytes, value)
                if let tcpType {
                    // The canonical form writes the type in lower case.
                    if !Bytes.equals(bytes, value, tcpType.literal) { isCanonical = false }
                } else {
                    isCanonical = false
                    diagnostics.report(
                        ICERules.invalidTCPType, value,
                        "the tcptype \(Bytes.quoted(bytes, value)) is not active, passive or so")
                }
            }
        } else {
            sawExtension = true
            stage = 4
            readExtension(bytes, name: name, value: value, into: &diagnostics)
        }
    }

    /// A repeated pair is left out of the candidate, which then prints differently.
    private mutating func duplicate(_ bytes: Span<UInt8>, _ name: Range<Int>, _ diagnostics: inout DiagnosticCollector)
    {
        isCanonical = false
        diagnostics.report(
            ICERules.duplicateAttribute, name,
            "\(Bytes.quoted(bytes, name)) appears a second time; the first one counts")
    }

    private mutating func readExtension(
        _ bytes: Span<UInt8>, name: Range<Int>, value: Range<Int>?, into diagnostics: inout DiagnosticCollector
    ) {
        let rule = ICERules.invalidExtensionAttribute
        if let bad = Bytes.firstIndex(notIn: .token, bytes, name) {
            diagnostics.report(
                rule, name,
                """
                the attribute name \(Bytes.quoted(bytes, name)) has \(bytes[bad].displayed), which cannot appear \
                in a token
                """
            )
        }
        guard let value else {
            if keepsExtensions { extensionAttributes.append(.init(name: Bytes.string(bytes, name), value: "")) }
            return
        }
        if let bad = Bytes.firstIndex(notIn: .vchar, bytes, value) {
            diagnostics.report(
                rule, value,
                "the value of \(Bytes.quoted(bytes, name)) has \(bytes[bad].displayed), which is not visible ASCII")
        } else if Bytes.equals(bytes, name, "generation") {
            checkNumber(bytes, name: name, value: value, as: UInt32.self, into: &diagnostics)
        } else if Bytes.equals(bytes, name, "network-id") || Bytes.equals(bytes, name, "network-cost") {
            checkNumber(bytes, name: name, value: value, as: UInt16.self, into: &diagnostics)
        } else if Bytes.equals(bytes, name, "ufrag") {
            ICECredentials.validateUfrag(bytes, value, into: &diagnostics)
        }
        if keepsExtensions {
            extensionAttributes.append(.init(name: extensionName(bytes, name), value: Bytes.string(bytes, value)))
        }
    }

    /// libwebrtc writes `generation`, `network-id` and `network-cost` as unsigned decimals.
    private func checkNumber<T: FixedWidthInteger & UnsignedInteger>(
        _ bytes: Span<UInt8>, name: Range<Int>, value: Range<Int>, as type: T.Type,
        into diagnostics: inout DiagnosticCollector
    ) {
        switch DecimalDigits.parse(bytes, value, as: T.self) {
        case .success: break
        case .failure(.overflow):
            diagnostics.report(
                ICERules.invalidExtensionAttribute, value,
                "the \(Bytes.string(bytes, name)) \(Bytes.quoted(bytes, value)) is larger than \(T.max)")
        case .failure:
            diagnostics.report(
                ICERules.invalidExtensionAttribute, value,
                "the \(Bytes.string(bytes, name)) \(Bytes.quoted(bytes, value)) is not a decimal number")
        }
    }
}
