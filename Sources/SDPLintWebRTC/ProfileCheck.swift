import SDPLintDiagnostics
import SDPLintSDP
import SDPLintScanning

/// One description checked against one receiver's profile: what the receivers' rules share (the
/// description, whether it answers the receiver's own offer, its BUNDLE groups) and the
/// findings so far. Each receiver's rules are an extension of their own (`ProfileCheck+*.swift`).
/// A class, so that the checks can report from the closures they pass each other.
final class ProfileCheck {
    let profile: Profile
    let parsed: ParseResult<SessionDescription>
    let session: SessionDescription
    let strict: Bool
    let type: SDPType?
    /// Whether the description answers the receiver's own offer: the receiver then reads it
    /// as the offerer, which several check differently.
    let isAnswer: Bool
    /// The mids in BUNDLE groups, and each group's first (its tag).
    let bundled: Set<String>
    let tags: Set<String>
    /// Each tag's section: the first whose mid (as the receiver reads it) is the tag.
    private var tagSections: [String: Int] = [:]
    private(set) var findings: [Diagnostic] = []
    /// Whether the description is already what the receiver reads of a text (Firefox's
    /// SIPCC reading), so that it is not read again.
    var readsAsWritten = false

    /// The text the receiver reads, where its lines are not the input's (aiortc's, broken at a
    /// lone carriage return), with the input line each of its lines comes from.
    private let reading: (source: SourceText, inputLines: [Int])?
    /// The grammar's findings in Firefox's reading of the text (``firefoxReading(_:)``), where
    /// that differs from the input.
    let firefoxReadingFindings: [Diagnostic]

    init(_ profile: Profile, _ parsed: ParseResult<SessionDescription>, type: SDPType?, strict: Bool) {
        self.profile = profile
        self.type = type
        self.parsed = parsed
        var reading: (source: SourceText, inputLines: [Int])?
        let firefoxReading = profile == .firefox ? profile.reading(of: parsed) : nil
        self.firefoxReadingFindings = firefoxReading?.diagnostics ?? []
        self.session =
            switch profile {
            // Measured: SIPCC takes "a=RTCP-MUX", "a=MID:0" and "a= rtcp-mux"; webrtcbin "a=  setup:actpass".
            case .firefox:
                Self.readingNames(of: firefoxReading?.value ?? parsed.value, ignoringCase: true)
            case .gstreamer:
                Self.readingNames(of: profile.reading(of: parsed)?.value ?? parsed.value, ignoringCase: false)
            case .chrome, .safari: profile.reading(of: parsed)?.value ?? parsed.value
            case .aiortc:
                Self.linesBrokenAsPythonDoes(parsed).map { read, inputLines in
                    reading = (read.source, inputLines)
                    return read.value
                } ?? parsed.value
            default: parsed.value
            }
        self.reading = reading
        self.strict = strict
        self.isAnswer = type == .answer || type == .pranswer
        self.bundled = Set(parsed.value.bundleGroups.flatMap { $0 })
        self.tags = Set(parsed.value.bundleGroups.compactMap(\.first))
        for (index, media) in session.media.enumerated() {
            if let mid = readMid(media), tags.contains(mid), tagSections[mid] == nil { tagSections[mid] = index }
        }
    }

    /// The description as a receiver that skips white space after "a=" reads it, and, with
    /// `ignoringCase`, names in any case: a known name so read replaces the one written. Names
    /// stay in place, so locations by index still hold.
    static func readingNames(of description: SessionDescription, ignoringCase: Bool) -> SessionDescription {
        func read(_ name: Attribute.Name) -> Attribute.Name? {
            let trimmed = name.rawValue.trimmingASCIISpaces
            let read = Attribute.Name(rawValue: ignoringCase ? trimmed.lowercased() : trimmed)
            return read.isKnown ? read : nil
        }
        let unread = { (attributes: [Attribute]) in attributes.contains { !$0.name.isKnown && read($0.name) != nil } }
        guard unread(description.attributes) || description.media.contains(where: { unread($0.attributes) }) else {
            return description
        }
        func readAll(_ attributes: inout [Attribute]) {
            for index in attributes.indices where !attributes[index].name.isKnown {
                if let name = read(attributes[index].name) { attributes[index].name = name }
            }
        }
        var result = description
        readAll(&result.attributes)
        for index in result.media.indices { readAll(&result.media[index].attributes) }
        return result
    }

    /// The bytes after a carriage return inside a line, up to the line's end (the CR of its
    /// CRLF excluded): what a receiver that ends a value at such a carriage return does not
    /// read of the line (``Profile/endsValuesAtCarriageReturn``).
    static func carriageReturnTails(_ bytes: [UInt8]) -> [Range<Int>] {
        lineTails(bytes, from: pythonLineBreaks(bytes).filter { bytes[$0.lowerBound] == 0x0D })
    }

    /// The description as a receiver that ends each value at a carriage return inside its line
    /// reads it (measured: "a=mid:0\r", "a=rtcp-mux\r" and "a=setup:actpass\r" before the
    /// line's CRLF read without it by Firefox, aiortc and webrtcbin), where that differs from
    /// the input's reading; the lines stay where they are, so locations by index still hold.
    /// With `endingAtNUL`, the text ends at its first NUL byte, as a C string does.
    static func valuesEndingAtCarriageReturn(
        _ parsed: ParseResult<SessionDescription>, endingAtNUL: Bool = false
    ) -> ParseResult<SessionDescription>? {
        let input = parsed.source.bytes
        let nul = endingAtNUL ? input.firstIndex(of: 0) : nil
        let bytes = nul.map { Array(input[..<$0]) } ?? input
        let tails = carriageReturnTails(bytes)
        guard !tails.isEmpty || nul != nil else { return nil }
        return parse(bytes, replacing: tails.map { ($0, []) })
    }

    /// `bytes` with each edit's bytes in place of its range (the ranges apart), parsed: how a
    /// receiver's reading of a text is made, its lines in place.
    static func parse(
        _ bytes: [UInt8], replacing edits: [(range: Range<Int>, bytes: [UInt8])]
    ) -> ParseResult<SessionDescription> {
        var text: [UInt8] = []
        text.reserveCapacity(bytes.count + edits.reduce(0) { $0 + $1.bytes.count })
        var copied = 0
        for edit in edits.sorted(by: { $0.range.lowerBound < $1.range.lowerBound }) {
            text += bytes[copied..<edit.range.lowerBound]
            text += edit.bytes
            copied = edit.range.upperBound
        }
        text += bytes[copied...]
        return SessionDescription.parse(bytes: text)
    }

    /// Where Python's `str.splitlines()` ends a line inside one of the input's: at a carriage
    /// return not before a line feed, a vertical tab, a form feed, the separators 0x1C–0x1E,
    /// and NEL, LS and PS (U+0085, U+2028, U+2029). aiortc splits a description so (measured
    /// with aiortc 1.16: "a=fmtp:97 apt=" then "96" after each of them, refused; "a=rtcp-mux"
    /// followed by each, taken; 0x1F does not end a line).
    static func pythonLineBreaks(_ bytes: [UInt8]) -> [Range<Int>] {
        var breaks: [Range<Int>] = []
        var index = 0
        while index < bytes.count {
            let width: Int
            switch bytes[index] {
            case 0x0D: width = index + 1 < bytes.count && bytes[index + 1] == 0x0A ? 0 : 1
            case 0x0B, 0x0C, 0x1C, 0x1D, 0x1E: width = 1
            case 0xC2: width = index + 1 < bytes.count && bytes[index + 1] == 0x85 ? 2 : 0
            case 0xE2:
                width =
                    index + 2 < bytes.count && bytes[index + 1] == 0x80
                        && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9) ? 3 : 0
            default: width = 0
            }
            if width > 0 { breaks.append(index..<(index + width)) }
            index += max(width, 1)
        }
        return breaks
    }

    /// The bytes from the first of ``pythonLineBreaks(_:)`` in a line to the line's end (the CR
    /// of its CRLF excluded): what aiortc reads as lines of their own.
    static func pythonLineTails(_ bytes: [UInt8]) -> [Range<Int>] {
        lineTails(bytes, from: pythonLineBreaks(bytes))
    }

    /// The bytes from the first of `breaks` in each line to the line's end (the CR of its CRLF
    /// excluded).
    private static func lineTails(_ bytes: [UInt8], from breaks: [Range<Int>]) -> [Range<Int>] {
        var tails: [Range<Int>] = []
        for lineBreak in breaks where lineBreak.lowerBound >= (tails.last?.upperBound ?? 0) {
            let end = bytes[lineBreak.lowerBound...].firstIndex(of: 0x0A) ?? bytes.count
            let ending = end < bytes.count && end > lineBreak.lowerBound && bytes[end - 1] == 0x0D ? end - 1 : end
            tails.append(lineBreak.lowerBound..<max(ending, lineBreak.upperBound))
        }
        return tails
    }

    /// The text as aiortc reads it, where it differs from the input: each of
    /// ``pythonLineBreaks(_:)`` ends a line, and what follows is a line of its own (measured:
    /// "a=rtcp:9 IN IP4 0.0.0.0" ended by a lone CR, with a=ice-ufrag after it, taken). In the
    /// text each such break is a CRLF (a lone CR keeps its byte). With the text's parse, the
    /// input line each of its lines comes from.
    static func linesBrokenAsPythonDoes(
        _ parsed: ParseResult<SessionDescription>
    ) -> (read: ParseResult<SessionDescription>, inputLines: [Int])? {
        let bytes = parsed.source.bytes
        let breaks = pythonLineBreaks(bytes)
        guard !breaks.isEmpty else { return nil }
        var text: [UInt8] = []
        text.reserveCapacity(bytes.count + 2 * breaks.count)
        var inputLines = [1]
        var next = 0
        var index = 0
        while index < bytes.count {
            if next < breaks.count && breaks[next].lowerBound == index {
                text += [0x0D, 0x0A]
                inputLines.append(inputLines[inputLines.count - 1])
                index = breaks[next].upperBound
                next += 1
                continue
            }
            text.append(bytes[index])
            if bytes[index] == 0x0A { inputLines.append(inputLines[inputLines.count - 1] + 1) }
            index += 1
        }
        return (SessionDescription.parse(bytes: text), inputLines)
    }

    /// The input line a line of the model comes from (the same line, but where the receiver's
    /// reading breaks lines the input does not).
    func inputLine(_ line: SourceLine) -> SourceLine {
        guard let reading, let number = line.number, reading.inputLines.indices.contains(number - 1) else {
            return line
        }
        return SourceLine(reading.inputLines[number - 1])
    }

    /// Drops the findings `shouldBeDropped` picks: what a receiver does not read.
    func dropFindings(where shouldBeDropped: (Diagnostic) -> Bool) {
        findings.removeAll(where: shouldBeDropped)
    }

    /// Runs the profile's own rules.
    func run() {
        switch profile {
        case .chrome, .safari: libwebrtc()
        case .firefox: firefox()
        case .aiortc: aiortc()
        case .gstreamer: gstreamer()
        case .janus: janus()
        case .asterisk, .pjsip: pjproject()
        case .freeswitch: freeswitch()
        }
    }

    /// Whether a section is in a BUNDLE group and not its tag's section, the first with the
    /// group's first mid: it shares that section's transport (RFC 9143 §7.2.1; Firefox finds
    /// the tag's section so, and a later section with the same mid rides on it: measured).
    func ridesOnGroup(_ index: Int) -> Bool {
        guard let mid = readMid(session.media[index]), bundled.contains(mid) else { return false }
        return !tags.contains(mid) || tagSections[mid] != index
    }
    /// The mid the receiver reads in a section: libwebrtc that of the last a=mid
    /// (``libwebrtcMid(_:)``), the others the first (measured for SIPCC).
    func readMid(_ media: MediaDescription) -> String? {
        profile == .chrome || profile == .safari ? libwebrtcMid(media) : media.mid
    }
    /// Whether a section of an answer rides on its BUNDLE group's first section: the
    /// browsers read no transport of their own there (measured with answers to their
    /// offers), while they check every section of an offer.
    func ridesOnGroupInAnswer(_ index: Int) -> Bool {
        isAnswer && ridesOnGroup(index)
    }
    func report(_ rule: Rule, _ location: SourceLocation, _ message: String) {
        findings.append(rule.diagnostic(at: location, message, strict: strict))
    }
    /// Where attribute `index` of a section (`nil`: the session level) of the model is.
    func attributeLocation(_ section: Int?, _ index: Int?) -> SourceLocation {
        if reading != nil, let index {
            // The receiver's lines are not the input's: the attribute's own line says where.
            let attributes =
                section.map { session.media.indices.contains($0) ? session.media[$0].attributes : [] }
                ?? session.attributes
            if attributes.indices.contains(index),
                let location = parsed.source.location(of: inputLine(attributes[index].sourceLine))
            {
                return location
            }
        }
        return parsed.location(ofAttribute: index, inSection: section)
    }
    /// Each a=setup:holdconn of the description, for a receiver that refuses it, in the
    /// sections it reads (`reads`); with `exactSpelling`, each role not written as active,
    /// passive or actpass too (RFC 4145 §4 spells them so; aiortc and webrtcbin look them up
    /// as written: measured, "ACTPASS" refused). With `firstOnly`, a section's first a=setup
    /// only, for a receiver that reads no other, and with `skippingUnknownRoles` its first whose
    /// first word is a role in any case, for one that drops the others; with `sessionLevel`,
    /// every one of the session's too, for one that looks those up as well.
    func reportSetupRoles(
        _ rule: Rule, _ why: String, exactSpelling: Bool = false, firstOnly: Bool = false,
        skippingUnknownRoles: Bool = false, sessionLevel: Bool = false, reads: (Int) -> Bool = { _ in true }
    ) {
        let levels: [(section: Int?, attributes: [Attribute])] =
            (sessionLevel ? [(nil, session.attributes)] : [])
            + session.media.indices.filter(reads).map { ($0, session.media[$0].attributes) }
        func knownRole(_ attribute: Attribute) -> Bool {
            Setup(rawValue: (attribute.value ?? "").prefix { $0 != " " && $0 != "\t" }.lowercased()) != nil
        }
        for (section, attributes) in levels {
            let setups = attributes.indices.filter {
                attributes[$0].name == .setup && (!skippingUnknownRoles || knownRole(attributes[$0]))
            }
            for attributeIndex in firstOnly && section != nil ? Array(setups.prefix(1)) : setups {
                let attribute = attributes[attributeIndex]
                let role = attribute.value ?? ""
                if attribute.as(Setup.self) == .holdconn {
                    report(rule, attributeLocation(section, attributeIndex), "a=setup:holdconn: \(why)")
                } else if exactSpelling && !["active", "passive", "actpass"].contains(role) {
                    report(
                        rule, attributeLocation(section, attributeIndex),
                        "a=setup:\(role.prefix(40)): \(why), written so")
                }
            }
        }
    }
    /// Every c= line, the session's first, each with its section (`nil` for the session level);
    /// built once, as several rules of a profile read it.
    private(set) lazy var connections: [(section: Int?, connection: Connection)] =
        (session.connection.map { [(nil, $0)] } ?? [])
        + session.media.enumerated().flatMap { index, media in media.connections.map { (index, $0) } }

    /// The first attribute that `matches`, at the session level and then section by section,
    /// with its section (`nil` for the session level) and its index there.
    func firstAttribute(where matches: (Attribute) -> Bool) -> (section: Int?, index: Int, attribute: Attribute)? {
        if let index = session.attributes.firstIndex(where: matches) {
            return (nil, index, session.attributes[index])
        }
        for (section, media) in session.media.enumerated() {
            if let index = media.attributes.firstIndex(where: matches) {
                return (section, index, media.attributes[index])
            }
        }
        return nil
    }

    /// Where a c= line is (its value alone with `valueOnly`), or its section when it was built
    /// in code.
    func location(of connection: (section: Int?, connection: Connection), valueOnly: Bool) -> SourceLocation {
        parsed.source.location(of: inputLine(connection.connection.sourceLine), valueOnly: valueOnly)
            ?? parsed.location(ofSection: connection.section)
    }

    /// A line's bytes after its type and '=', without its line ending, as the receiver reads
    /// them (up to a carriage return inside the line, for one that ends a value there), at
    /// their offsets in the text its lines come from (the input, or aiortc's reading where it
    /// breaks lines); `nil` for a line built in code. The rules that read what the model does
    /// not keep (a bad port, a suffix, an empty field) read it here.
    func value(of line: SourceLine) -> ArraySlice<UInt8>? {
        let source = reading?.source ?? parsed.source
        guard let range = line.number.flatMap(source.range(ofLine:)) else { return nil }
        let value = source.bytes[range].dropFirst(2)
        return profile.endsValuesAtCarriageReturn ? value.prefix { $0 != 0x0D } : value
    }

    /// A line's value as written, split at runs of spaces and tabs, as SIPCC and the grammar's
    /// looser readers split it; `nil` for a line built in code.
    func fields(of line: SourceLine) -> [ArraySlice<UInt8>]? {
        value(of: line)?.split(whereSeparator: { $0 == 0x20 || $0 == 0x09 })
    }

    /// The numbers of the input's lines of `type` before its first m= line, in order: the
    /// session's, repeated ones included, which the model keeps one of.
    func sessionLines(of type: UInt8) -> [Int] {
        let source = parsed.source
        var numbers: [Int] = []
        for number in 1...max(1, source.lineCount) {
            let bytes = source.bytes(ofLine: number)
            guard bytes.count >= 2, bytes[bytes.startIndex + 1] == UInt8(ascii: "=") else { continue }
            if bytes.first == UInt8(ascii: "m") { break }
            if bytes.first == type { numbers.append(number) }
        }
        return numbers
    }

    /// Where each attribute of `names` that a receiver keeps of a level's repeats stands, in line
    /// order: its first or (`keepingLast`) its last.
    static func keptIndices(of names: [Attribute.Name], in attributes: [Attribute], keepingLast: Bool) -> [Int] {
        names.compactMap { name in
            keepingLast ? attributes.lastIndex { $0.name == name } : attributes.firstIndex { $0.name == name }
        }.sorted()
    }

    /// The a=mid lines of each section other than the one a receiver keeps, its first or
    /// (`keepingLast`) its last.
    static func unreadMids(_ parsed: ParseResult<SessionDescription>, keepingLast: Bool) -> [Range<Int>] {
        parsed.value.media.flatMap { media in
            let mids = media.attributes.filter { $0.name == .mid }
            return (keepingLast ? mids.dropLast() : mids.dropFirst())
                .compactMap { $0.sourceLine.number.flatMap(parsed.source.range(ofLine:)) }
        }
    }

    /// The byte range of the input's first line, without its line ending, that `matches`.
    func firstLine(where matches: (ArraySlice<UInt8>) -> Bool) -> Range<Int>? {
        let source = parsed.source
        return (0..<source.lineCount).lazy.compactMap { source.range(ofLine: $0 + 1) }.first {
            matches(source.bytes[$0])
        }
    }

    /// A c= line's address field as written, suffixes included (the model keeps the address
    /// alone, and no suffix that does not parse).
    func addressField(of connection: Connection) -> ArraySlice<UInt8>? {
        guard let fields = fields(of: connection.sourceLine) else { return nil }
        return fields.count >= 3 ? fields[2] : nil
    }

    /// Every b= line as written (the session's too unless `atSessionLevel` is false), type and
    /// value (`nil` without ':'), with where it is.
    func bandwidthLines(atSessionLevel: Bool = true) -> [(type: Substring, value: Substring?, location: SourceLocation)]
    {
        ((atSessionLevel ? session.bandwidths : []) + session.media.flatMap(\.bandwidths)).compactMap { bandwidth in
            guard let value = value(of: bandwidth.sourceLine),
                let location = parsed.source.location(of: inputLine(bandwidth.sourceLine))
            else { return nil }
            let text = String(decoding: value, as: UTF8.self)
            guard let colon = text.firstIndex(of: ":") else { return (Substring(text), nil, location) }
            return (text[..<colon], text[text.index(after: colon)...], location)
        }
    }

    /// The ICE credentials section `index` has neither in itself nor at the session level.
    func missingCredentials(_ index: Int) -> [Attribute.Name] {
        [.iceUfrag, .icePwd].filter { !session.media[index].has($0) && !session.has($0) }
    }
    /// The fields of a section's m= line as written (media, port, protocol, formats): the
    /// model keeps no port or format that does not parse.
    func mediaLineFields(_ media: MediaDescription) -> [ArraySlice<UInt8>]? {
        value(of: media.sourceLine)?.split(separator: UInt8(ascii: " "))
    }
}
