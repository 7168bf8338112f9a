import SDPLintDiagnostics
import SDPLintICE
import SDPLintScanning

/// The typed grammars of attribute values, checked without making strings.
enum AttributeSyntax {
    /// Checks a known attribute's value, reporting syntax problems. The section and session
    /// checks read the attributes other lines refer to (rtpmap, fmtp, mid, …) themselves.
    static func check(
        _ known: KnownAttribute, _ bytes: Span<UInt8>, _ range: Range<Int>, _ diagnostics: inout DiagnosticCollector
    ) {
        switch known {
        case .rtpmap: _ = RTPMap.scan(bytes, range, into: &diagnostics)
        case .fmtp: _ = FMTP.scan(bytes, range, into: &diagnostics)
        case .rtcpFeedback: _ = RTCPFeedback.scan(bytes, range, into: &diagnostics)
        case .extmap: _ = ExtMap.scan(bytes, range, into: &diagnostics)
        case .mid: Field.token(bytes, range, "identification tag", SDPRules.midSyntax, &diagnostics)
        case .group: _ = Group.scan(bytes, range, into: &diagnostics)
        case .ssrc: _ = SSRC.scan(bytes, range, into: &diagnostics)
        case .ssrcGroup: _ = SSRCGroup.parse(bytes, range, into: &diagnostics)
        case .rid: _ = RID.parse(bytes, withoutFinalCR(bytes, range), into: &diagnostics)
        case .simulcast: _ = Simulcast.parse(bytes, withoutFinalCR(bytes, range), into: &diagnostics)
        case .msid: _ = MSID.scan(bytes, range, into: &diagnostics)
        case .msidSemantic: _ = MSIDSemantic.scan(bytes, range, into: &diagnostics)
        case .iceUfrag: ICECredentials.validateUfrag(bytes, range, into: &diagnostics)
        case .icePwd: ICECredentials.validatePwd(bytes, range, into: &diagnostics)
        case .iceOptions: ICEOption.checkList(bytes, range, into: &diagnostics)
        case .fingerprint: _ = Fingerprint.scan(bytes, range, into: &diagnostics)
        case .setup: _ = Setup.parse(bytes, range, into: &diagnostics)
        case .tlsID: TLSID.check(bytes, range, into: &diagnostics)
        case .rtcp: RTCPAddress.check(bytes, range, into: &diagnostics)
        case .ptime: _ = PTime.parse(bytes, range, into: &diagnostics)
        case .maxptime: _ = MaxPTime.parse(bytes, range, into: &diagnostics)
        case .framerate: _ = FrameRate.parse(bytes, range, into: &diagnostics)
        case .sctpPort: _ = SCTPPort.parse(bytes, range, into: &diagnostics)
        case .maxMessageSize: _ = MaxMessageSize.parse(bytes, range, into: &diagnostics)
        case .sctpmap: _ = SCTPMap.parse(bytes, range, into: &diagnostics)
        case .crypto: _ = Crypto.parse(bytes, range, into: &diagnostics)
        case .label: _ = Label.parse(bytes, range, into: &diagnostics)
        case .content: _ = Content.parse(bytes, range, into: &diagnostics)
        case .identity: _ = Identity.parse(bytes, range, into: &diagnostics)
        case .candidate: Candidate.check(bytes, withoutFinalCR(bytes, range), into: &diagnostics)
        case .imageattr: _ = ImageAttr.parse(bytes, range, into: &diagnostics)
        default: break
        }
    }
}

/// A value without a carriage return at its end, for the values whose readers drop it: SDP110
/// reports the byte (measured: Chromium and Firefox read "typ host\r", "a=rid:h send\r" and
/// "a=simulcast:send h;l\r" without it; libwebrtc refuses it in other values, whose grammar
/// reports it too).
@inline(__always)
func withoutFinalCR(_ bytes: Span<UInt8>, _ range: Range<Int>) -> Range<Int> {
    range.upperBound > range.lowerBound && bytes[range.upperBound - 1] == ASCII.cr
        ? range.lowerBound..<(range.upperBound - 1) : range
}

/// Records a level's direction attribute: the first one counts, as it does in the model
/// (`AttributeContainer.direction`), and each one after it contradicts it (RFC 8866 §6.7).
func noteDirection(
    _ known: KnownAttribute, _ name: Range<Int>, _ direction: inout KnownAttribute?,
    _ diagnostics: inout DiagnosticCollector
) {
    if let direction {
        diagnostics.report(
            SDPRules.directionConflict, name, "a=\(known.name) contradicts the a=\(direction.name) before it")
    } else {
        direction = known
    }
}

/// The encodings other payload types can refer to (RTX by apt=, RED by its list).
enum EncodingKind {
    case rtx, red, other

    init(_ bytes: Span<UInt8>, _ name: Range<Int>) {
        if Bytes.equalsIgnoringCase(bytes, name, "rtx") {
            self = .rtx
        } else if Bytes.equalsIgnoringCase(bytes, name, "red") {
            self = .red
        } else {
            self = .other
        }
    }
}

/// The 128 RTP payload types as a bit set.
struct PayloadTypeSet {
    private var low: UInt64 = 0
    private var high: UInt64 = 0

    func contains(_ pt: Int) -> Bool {
        guard pt >= 0 && pt < 128 else { return false }
        return pt < 64 ? low & (1 << UInt64(pt)) != 0 : high & (1 << UInt64(pt - 64)) != 0
    }

    /// Inserts; returns whether it was new.
    @discardableResult
    mutating func insert(_ pt: Int) -> Bool {
        guard pt >= 0 && pt < 128, !contains(pt) else { return false }
        if pt < 64 { low |= 1 << UInt64(pt) } else { high |= 1 << UInt64(pt - 64) }
        return true
    }
}

/// Attributes seen once already in a section, for single-valued ones.
struct KnownAttributeSet {
    private var bits: (UInt64, UInt64) = (0, 0)

    mutating func insert(_ known: KnownAttribute) -> Bool {
        let index = Int(known.rawValue)
        if index < 64 {
            let mask: UInt64 = 1 << UInt64(index)
            defer { bits.0 |= mask }
            return bits.0 & mask == 0
        }
        let mask: UInt64 = 1 << UInt64(index - 64)
        defer { bits.1 |= mask }
        return bits.1 & mask == 0
    }
}

/// The attributes that describe a format of the m= line.
enum FormatReference: String {
    case rtpmap = "a=rtpmap"
    case fmtp = "a=fmtp"
    case rtcpFeedback = "a=rtcp-fb"
}

/// Checks that need more than one line of a media section: payload types against the m= line,
/// RTX and RED references, extension ids, SSRC groups, rid and simulcast.
///
/// Sections are small (browsers write up to about 150 lines), so lookups are linear scans of
/// short arrays and bit sets; the few that hostile input could make long switch to hash
/// indexes past a threshold, keeping each line O(1).
struct SectionChecks {
    /// Whether the section is RTP and its formats are checked against its rtpmap lines.
    private var isRTP = false
    /// Whether its rtpmap values are checked on their own: in an RTP section, also of an SDP
    /// fragment, whose m= line only names the section (RFC 8840 §4.4) but whose rtpmap lines
    /// mean what they say.
    private var checksRTPMapValues = false
    private var isAudio = false
    /// How many findings were reported before the section's m= line.
    private var findingsBefore = 0
    private var formats = PayloadTypeSet()
    /// The payload types of the m= line (each once), with where they are written.
    private var formatLocations: [(pt: Int, location: SourceLocation)] = []
    private var rtpmaps = PayloadTypeSet()
    /// The payload types whose first rtpmap names RTX, or RED.
    private var rtxTypes = PayloadTypeSet()
    private var redTypes = PayloadTypeSet()
    /// The RTX payload types in the order of their rtpmap lines.
    private var rtxOrder: [Int] = []
    private var fmtps = PayloadTypeSet()
    /// Lines that name a payload type the m= line does not list, by attribute and type: the
    /// first is reported (at `finding`), the others counted, so five rtcp-fb lines of one
    /// removed codec are one finding.
    private var undeclared: [(what: FormatReference, pt: Int, finding: Int, more: Int)] = []
    /// RTX and RED references found in fmtp lines, checked once every rtpmap is known. Each
    /// reference's target payload types are `referenceTargets[targets]`.
    private var references: [(pt: Int, targets: Range<Int>, isApt: Bool, location: SourceLocation)] = []
    private var referenceTargets: [Int] = []
    /// The section's extension mappings.
    private(set) var extmaps = ExtensionMappings()
    /// The SSRCs of a=ssrc lines, in order (consecutive repeats once).
    private var ssrcs: [UInt32] = []
    /// Each SSRC group member with where it is written.
    private var ssrcGroupMembers: [(semantics: String, ssrc: UInt32, location: SourceLocation)] = []
    /// Declared rids as "send:h" / "recv:h".
    private var rids: Set<String> = []
    /// The rids a=simulcast names, with where each is written.
    private var simulcastRIDs: [(rid: String, send: Bool, location: SourceLocation)] = []
    private var seen = KnownAttributeSet()
    private var direction: KnownAttribute?
    /// The first a=mid value, as a byte range of the input, and where it is written.
    private(set) var mid: (range: Range<Int>, location: SourceLocation)?
    /// RTX formats whose apt= names a payload type this m= line does not list. RFC 4588 §8.7
    /// sends retransmissions in a section of their own, grouped with the original by FID, so
    /// the session checks look for the payload type in the other sections.
    private(set) var rtxRepairingElsewhere: [(pt: Int, target: Int, location: SourceLocation, rejected: Bool)] = []

    init() {}

    /// Starts the checks of the section of `media`, forgetting the previous section but keeping
    /// the storage of its arrays.
    ///
    /// - Parameters:
    ///   - formatRanges: Where each format of the m= line is written.
    ///   - fragment: In an SDP fragment the m= line only names a section (RFC 8840 §4.4), so its
    ///     formats are not checked against rtpmap lines.
    mutating func start(
        _ media: MediaDescription, formatRanges: [Range<Int>], lineNumber: Int, lineStart: Int, bytes: Span<UInt8>,
        fragment: Bool, _ diagnostics: inout DiagnosticCollector
    ) {
        // Every stored property back to its initial value (keep in step with the declarations);
        // the arrays browsers fill in every section keep their storage.
        isRTP = false
        isAudio = false
        findingsBefore = diagnostics.diagnostics.count
        formats = PayloadTypeSet()
        formatLocations.removeAll(keepingCapacity: true)
        rtpmaps = PayloadTypeSet()
        rtxTypes = PayloadTypeSet()
        redTypes = PayloadTypeSet()
        rtxOrder.removeAll(keepingCapacity: true)
        fmtps = PayloadTypeSet()
        undeclared.removeAll(keepingCapacity: true)
        references.removeAll(keepingCapacity: true)
        referenceTargets.removeAll(keepingCapacity: true)
        extmaps.removeAll()
        ssrcs.removeAll(keepingCapacity: true)
        ssrcGroupMembers.removeAll(keepingCapacity: true)
        if !rids.isEmpty { rids = [] }
        if !simulcastRIDs.isEmpty { simulcastRIDs = [] }
        if !rtxRepairingElsewhere.isEmpty { rtxRepairingElsewhere = [] }
        seen = KnownAttributeSet()
        direction = nil
        mid = nil

        checksRTPMapValues = media.proto.isRTP
        isRTP = checksRTPMapValues && !fragment
        isAudio = media.media == .audio
        guard isRTP else { return }
        // Room for the usual lists at once, so that a longer list in a later section does not
        // reallocate.
        formatLocations.reserveCapacity(max(formatRanges.count, 32))
        for range in formatRanges {
            let location = SourceLocation(line: lineNumber, column: range.lowerBound - lineStart + 1, bytes: range)
            guard case .success(let value) = DecimalDigits.parse(bytes, range, as: UInt64.self), value <= 127 else {
                diagnostics.report(
                    SDPRules.payloadTypeRange, at: location,
                    """
                    format '\(Bytes.string(bytes, range))' is not an RTP payload type 0–127, as \(media.proto) \
                    requires
                    """
                )
                continue
            }
            let pt = Int(value)
            if !formats.insert(pt) {
                diagnostics.report(SDPRules.duplicateFormat, at: location, "payload type \(pt) is listed twice")
                continue
            }
            formatLocations.append((pt, location))
        }
    }

    mutating func attribute(
        _ known: KnownAttribute, _ bytes: Span<UInt8>, _ name: Range<Int>, _ value: Range<Int>,
        _ diagnostics: inout DiagnosticCollector
    ) {
        if known.isDirection {
            noteDirection(known, name, &direction, &diagnostics)
            return
        }
        let repeated = known.isSingle && !seen.insert(known)
        if repeated {
            diagnostics.report(
                SDPRules.attributeDuplicate, name, "a=\(known.name) appears more than once in this section")
        }
        switch known {
        case .rtpmap:
            guard let map = RTPMap.scan(bytes, value, into: &diagnostics), checksRTPMapValues else {
                // A malformed rtpmap (no clock rate, say) still maps its payload type: the
                // finding above says what is wrong, and no later rule calls the type unmapped.
                if isRTP, case .success(let pt) = DecimalDigits.parse(bytes, firstField(bytes, value), as: UInt16.self),
                    pt <= 127
                {
                    rtpmaps.insert(Int(pt))
                }
                return
            }
            let pt = map.payloadType
            if isRTP { referToFormat(pt, .rtpmap, bytes, value, &diagnostics) }
            let first = !isRTP || rtpmaps.insert(pt)
            if !first {
                diagnostics.report(
                    SDPRules.duplicatePayloadMapping, firstField(bytes, value),
                    "payload type \(pt) already has an rtpmap")
            }
            if pt <= 34, let standard = RTPMap.staticPayloadType(pt),
                !Bytes.equals(bytes, map.name, standard.encodingName, ignoringCase: true)
                    || standard.clockRate != map.clockRate
            {
                diagnostics.report(
                    SDPRules.staticPayloadMismatch, firstField(bytes, value),
                    """
                    payload type \(pt) is \(standard.encodingName)/\(standard.clockRate) by RFC 3551, not \
                    \(Bytes.string(bytes, map.name))/\(map.clockRate)
                    """
                )
            }
            // RFC 7587 §7: opus is opus/48000/2 in SDP, in any case (RFC 4855 §3).
            if map.name.count == 4, bytes[map.name.lowerBound] | 0x20 == UInt8(ascii: "o"),
                Bytes.equals(bytes, map.name, "opus", ignoringCase: true)
                    && (map.clockRate != 48000 || map.channels != 2) && map.channels != 0  // 0: SDP233
            {
                let written =
                    "\(Bytes.string(bytes, map.name))/\(map.clockRate)" + (map.channels.map { "/\($0)" } ?? "")
                let fault =
                    map.clockRate != 48000
                    ? "a clock rate of 48000" : map.channels == nil ? "its channel count, 2" : "2 channels"
                diagnostics.report(
                    SDPRules.opusRTPMap, map.name.lowerBound..<value.upperBound,
                    "opus is mapped as \(written), without \(fault): peers do not recognise it as opus (RFC 7587 §7)",
                    hint: "write a=rtpmap:\(pt) opus/48000/2")
            }
            // The first rtpmap of a payload type says what it is.
            if first && isRTP {
                switch EncodingKind(bytes, map.name) {
                case .rtx:
                    rtxTypes.insert(pt)
                    if rtxOrder.capacity == 0 { rtxOrder.reserveCapacity(16) }
                    rtxOrder.append(pt)
                case .red:
                    redTypes.insert(pt)
                case .other:
                    break
                }
            }
        case .fmtp:
            let findingsBefore = diagnostics.reported
            guard let fmtp = FMTP.scan(bytes, value, into: &diagnostics), isRTP else { return }
            guard let pt = fmtp.payloadType else {
                // An RTP format is a payload type, 0–127 (RFC 3550 §5.1); libwebrtc refuses more.
                if !fmtp.format.isEmpty, Bytes.firstIndex(notIn: .digit, bytes, fmtp.format) == nil {
                    diagnostics.report(
                        SDPRules.payloadTypeRange, fmtp.format,
                        "payload type \(Bytes.string(bytes, fmtp.format)) is out of range 0–127")
                } else if !fmtp.format.isEmpty && diagnostics.reported == findingsBefore {
                    // RFC 8866 §6.15: fmtp names a format of the m= line, in RTP a payload type
                    // (§5.14); "*" is rtcp-fb's wildcard (RFC 4585 §4.2), not fmtp's.
                    diagnostics.report(
                        SDPRules.fmtpSyntax, fmtp.format,
                        "fmtp format '\(Bytes.string(bytes, fmtp.format))' is not a payload type; in an RTP section each format is a number"
                    )
                }
                return
            }
            referToFormat(pt, .fmtp, bytes, value, &diagnostics)
            if !fmtps.insert(pt) {
                diagnostics.report(
                    SDPRules.duplicatePayloadMapping, fmtp.format, "payload type \(pt) already has an fmtp line")
            }
            recordReferences(pt, bytes, fmtp, &diagnostics)
        case .rtcpFeedback:
            guard let feedback = RTCPFeedback.scan(bytes, value, into: &diagnostics) else { return }
            if isRTP, let pt = feedback.payloadType {
                referToFormat(pt, .rtcpFeedback, bytes, value, &diagnostics)
            }
        case .extmap:
            guard let map = ExtMap.scan(bytes, value, into: &diagnostics) else { return }
            extmaps.add(map, bytes, value, conflict: SDPRules.extmapConflict, &diagnostics)
        case .mid:
            guard Field.token(bytes, value, "identification tag", SDPRules.midSyntax, &diagnostics) || !value.isEmpty
            else { return }
            if mid == nil { mid = (value, diagnostics.location(value)) }
        case .ssrc:
            // A line whose id reads but whose rest does not (SDP217) still declares the SSRC, so
            // the ssrc-group check does not report it again as missing.
            guard let id = SSRC.scan(bytes, value, into: &diagnostics)?.id ?? SSRC.declaredID(bytes, value) else {
                return
            }
            // Each SSRC usually has several lines in a row (cname, msid, …): keep it once.
            if ssrcs.last != id {
                if ssrcs.capacity == 0 { ssrcs.reserveCapacity(8) }
                ssrcs.append(id)
            }
        case .ssrcGroup:
            guard let group = SSRCGroup.parse(bytes, value, into: &diagnostics) else { return }
            // The SSRCs are paired with the fields after the semantics, in order.
            var index = value.lowerBound
            _ = Tokens.nextField(bytes, &index, value.upperBound)
            for ssrc in group.ssrcs {
                guard let range = Tokens.nextField(bytes, &index, value.upperBound) else { break }
                ssrcGroupMembers.append((group.semantics, ssrc, diagnostics.location(range)))
            }
        case .rid:
            let value = withoutFinalCR(bytes, value)
            guard let rid = RID.parse(bytes, value, into: &diagnostics) else { return }
            if isRTP {
                let ptRanges = Tokens.ridPayloadTypes(bytes, value)
                for (pt, range) in zip(rid.payloadTypes, ptRanges) {
                    guard let number = Int(pt), formats.contains(number) else {
                        diagnostics.report(
                            SDPRules.ridPayloadType, range,
                            "rid \(rid.id) restricts payload type \(pt), which the m= line does not list")
                        continue
                    }
                }
            }
            rids.insert((rid.direction == .send ? "send:" : "recv:") + rid.id)
        case .simulcast:
            // The rids of a second a=simulcast, which receivers do not read (measured: Firefox
            // reads the first, libwebrtc refuses the second), are not checked: SDP206 reports it.
            let value = withoutFinalCR(bytes, value)
            guard let simulcast = Simulcast.parse(bytes, value, into: &diagnostics), !repeated else { return }
            var ridRanges = Tokens.ranges(
                bytes, value, separators: [ASCII.space, ASCII.tab, ASCII.semicolon, ASCII.comma]
            )
            .filter { range in !(Bytes.equals(bytes, range, "send") || Bytes.equals(bytes, range, "recv")) }
            .map { range in
                !range.isEmpty && bytes[range.lowerBound] == ASCII.tilde
                    ? (range.lowerBound + 1)..<range.upperBound : range
            }[...]
            // The ranges come in the written order: the first list, then the second.
            let lists: [(Bool, [String])] =
                simulcast.receiveFirst
                ? [(false, simulcast.receiveRIDs), (true, simulcast.sendRIDs)]
                : [(true, simulcast.sendRIDs), (false, simulcast.receiveRIDs)]
            for (send, ridList) in lists {
                for rid in ridList {
                    let range = ridRanges.popFirst() ?? name
                    simulcastRIDs.append((rid, send, diagnostics.location(range)))
                }
            }
        default:
            AttributeSyntax.check(known, bytes, value, &diagnostics)
        }
    }

    /// Notes the payload types an fmtp line points at: RTX `apt=` (RFC 4588 §8.6) and the RED
    /// redundancy list "111/111" (RFC 2198 §5). Which of the two applies depends on the rtpmap,
    /// which may come later, so the reading is kept until the section ends.
    private mutating func recordReferences(
        _ pt: Int, _ bytes: Span<UInt8>, _ fmtp: FMTP.Scanned, _ diagnostics: inout DiagnosticCollector
    ) {
        let parameters = fmtp.parameters
        if references.capacity == 0 {
            // A video section has about as many fmtp lines as payload types: allocate once.
            references.reserveCapacity(32)
            referenceTargets.reserveCapacity(32)
        }
        let first = referenceTargets.count
        if let apt = fmtp.apt {
            // White space or a carriage return after the number is SDP109's and SDP110's to report
            // (measured: Chromium and Firefox read "apt=96\r" as 96).
            var end = apt.upperBound
            while end > apt.lowerBound && (bytes[end - 1].isWhitespace || bytes[end - 1] == ASCII.cr) { end -= 1 }
            referenceTargets.append(
                (try? DecimalDigits.parse(bytes, apt.lowerBound..<end, as: UInt64.self).get()).map {
                    Int(min($0, 1000))
                }
                    ?? -1)
            references.append((pt, first..<referenceTargets.count, true, diagnostics.location(apt)))
            return
        }
        // A RED list holds only digits and '/'.
        guard !parameters.isEmpty, parameters.allSatisfy({ bytes[$0].isDigit || bytes[$0] == ASCII.slash }) else {
            return
        }
        var i = parameters.lowerBound
        while i <= parameters.upperBound {
            let end = Bytes.firstIndex(of: ASCII.slash, in: bytes, i..<parameters.upperBound)
            referenceTargets.append(
                (try? DecimalDigits.parse(bytes, i..<end, as: UInt64.self).get()).map { Int(min($0, 1000)) } ?? -1)
            i = end + 1
        }
        references.append((pt, first..<referenceTargets.count, false, diagnostics.location(parameters)))
    }

    @inline(__always)
    private func firstField(_ bytes: Span<UInt8>, _ value: Range<Int>) -> Range<Int> {
        value.lowerBound..<Bytes.tokenEnd(bytes, from: value.lowerBound, to: value.upperBound)
    }

    @inline(__always)
    private mutating func referToFormat(
        _ pt: Int, _ what: FormatReference, _ bytes: Span<UInt8>, _ value: Range<Int>,
        _ diagnostics: inout DiagnosticCollector
    ) {
        guard !formats.contains(pt) else { return }
        if let index = undeclared.firstIndex(where: { $0.pt == pt && $0.what == what }) {
            undeclared[index].more += 1
            return
        }
        undeclared.append((what, pt, diagnostics.diagnostics.count, 0))
        diagnostics.report(
            SDPRules.undeclaredPayloadType, firstField(bytes, value),
            "\(what.rawValue) for payload type \(pt), which the m= line does not list")
    }

    /// The checks that need the whole section.
    ///
    /// - Parameter sessionDirection: The session-level direction attribute, which applies to a
    ///   section without one of its own (RFC 8866 §6.7).
    mutating func finish(
        _ media: inout MediaDescription, sessionDirection: KnownAttribute?, _ diagnostics: inout DiagnosticCollector
    ) {
        extmaps.reportUnusableDirections(stream: direction ?? sessionDirection, &diagnostics)
        for group in undeclared where group.more > 0 {
            diagnostics.appendToMessage(
                at: group.finding,
                "; \(group.more) more \(group.what.rawValue) line\(group.more == 1 ? " names" : "s name") it below")
        }
        if isRTP {
            let mappingFindings = diagnostics.diagnostics.count
            for (pt, location) in formatLocations where !rtpmaps.contains(pt) && RTPMap.staticPayloadType(pt) == nil {
                diagnostics.report(
                    SDPRules.missingRTPMap, at: location,
                    RTPMap.isDynamic(pt)
                        ? "dynamic payload type \(pt) has no a=rtpmap"
                        : "payload type \(pt) is not a static RFC 3551 type and has no a=rtpmap")
            }
            let associationFindings = diagnostics.diagnostics.count
            var repaired = PayloadTypeSet()
            for reference in references {
                let targets = referenceTargets[reference.targets]
                if rtxTypes.contains(reference.pt) {
                    guard reference.isApt else {
                        diagnostics.report(
                            SDPRules.associatedPayloadType, at: reference.location,
                            "RTX payload type \(reference.pt) has no apt= parameter")
                        continue
                    }
                    repaired.insert(reference.pt)
                    if let target = targets.first, !formats.contains(target) {
                        rtxRepairingElsewhere.append((reference.pt, target, reference.location, media.isRejected))
                    } else if let target = targets.first, rtxTypes.contains(target) {
                        // apt= names the original stream's type (RFC 4588 §8.1), not a retransmission's
                        // (measured: Chromium refuses "a=fmtp:97 apt=97").
                        diagnostics.report(
                            SDPRules.associatedPayloadType, at: reference.location,
                            "RTX payload type \(reference.pt) repairs payload type \(target), itself an RTX format")
                    }
                } else if redTypes.contains(reference.pt) && isAudio && !reference.isApt {
                    if let target = targets.first(where: { !formats.contains($0) }) {
                        diagnostics.report(
                            SDPRules.redPayloadType, at: reference.location,
                            "RED payload type \(reference.pt) carries \(target < 0 ? "an invalid payload type" : "payload type \(target)"), which the m= line does not list"
                        )
                    }
                }
            }
            for pt in rtxOrder where !repaired.contains(pt) && !references.contains(where: { $0.pt == pt && $0.isApt })
            {
                if let location = formatLocations.first(where: { $0.pt == pt })?.location {
                    diagnostics.report(
                        SDPRules.associatedPayloadType, at: location,
                        "RTX payload type \(pt) has no a=fmtp line with apt=")
                }
            }
            // RFC 3264 §6: a rejected section's formats are not used and no RTP flows in it; an
            // unmapped type, a dangling association or an extension id mapped twice there breaks
            // nothing (Chromium 156 accepts each, measured in Conformance/).
            if media.isRejected {
                for (code, since, unused) in [
                    (SDPRules.missingRTPMap.code, mappingFindings, "formats"),
                    (SDPRules.associatedPayloadType.code, associationFindings, "formats"),
                    (SDPRules.redPayloadType.code, associationFindings, "formats"),
                    (SDPRules.extmapConflict.code, findingsBefore, "header extensions"),
                ] {
                    diagnostics.lower(
                        code, since: since, to: .warning,
                        because: "; the section is rejected (port 0), so its \(unused) are not used")
                }
            }
        }
        if !ssrcGroupMembers.isEmpty {
            // A section declares a few SSRCs: search them as they are, and sort only many.
            let sorted = ssrcs.count > 16 ? ssrcs.sorted() : nil
            for member in ssrcGroupMembers where !(sorted?.sortedContains(member.ssrc) ?? ssrcs.contains(member.ssrc)) {
                diagnostics.report(
                    SDPRules.ssrcGroupMember, at: member.location,
                    "ssrc-group \(member.semantics) names SSRC \(member.ssrc), which has no a=ssrc line")
            }
        }
        for entry in simulcastRIDs where !rids.contains((entry.send ? "send:" : "recv:") + entry.rid) {
            diagnostics.report(
                SDPRules.simulcastUnknownRid, at: entry.location,
                "simulcast \(entry.send ? "sends" : "receives") rid \(entry.rid), but no a=rid:\(entry.rid) \(entry.send ? "send" : "recv") line declares it"
            )
        }
    }
}

/// The a=extmap lines of one level (a section, or the session), checked as they come: RFC 8285
/// §5 uses each id of the valid range once per section, "or only once if the mappings are session
/// level", and maps an extension with the same attributes to one id. An id of §7's negotiation
/// range may name several alternatives.
struct ExtensionMappings {
    /// The mappings in order, URIs as byte ranges of the input: conflicts are found without strings.
    private(set) var entries: [(id: Int, uri: Range<Int>, direction: Direction?, location: SourceLocation)] = []
    /// The first mapping of each id and of each URI (by hash), built only when a level has more
    /// mappings than a linear search should cover.
    private var index: (byID: [Int: Int], byURIHash: [UInt64: Int])?

    /// Past this many mappings, conflicts are found through hash indexes.
    static let linearLimit = 32

    /// Forgets the mappings, keeping the storage.
    mutating func removeAll() {
        entries.removeAll(keepingCapacity: true)
        index = nil
    }

    /// Adds the mapping of the a=extmap value at `value`, reporting a valid id already mapped to
    /// another URI (as `conflict`) and a URI already mapped, with the same direction, to another id.
    mutating func add(
        _ map: ExtMap.Scanned, _ bytes: Span<UInt8>, _ value: Range<Int>, conflict: Rule,
        _ diagnostics: inout DiagnosticCollector
    ) {
        let idEnd = Bytes.firstIndex(
            of: ASCII.slash, in: bytes,
            value.lowerBound..<Bytes.tokenEnd(bytes, from: value.lowerBound, to: value.upperBound))
        if ExtMap.validIDs.contains(map.id), let first = first(id: map.id),
            !Bytes.equal(bytes, entries[first].uri, map.uri)
        {
            diagnostics.report(
                conflict, value.lowerBound..<idEnd,
                """
                extmap id \(map.id) is already used for \(Bytes.string(bytes, entries[first].uri)) (line \
                \(entries[first].location.line))
                """
            )
        }
        if let first = first(uri: map.uri, bytes), entries[first].id != map.id,
            entries[first].direction == map.direction
        {
            diagnostics.report(
                SDPRules.extmapURIRepeated, map.uri,
                """
                \(Bytes.string(bytes, map.uri)) is already mapped to id \(entries[first].id) (line \
                \(entries[first].location.line))
                """
            )
        }
        if entries.capacity == 0 { entries.reserveCapacity(16) }
        entries.append((map.id, map.uri, map.direction, diagnostics.location(value.lowerBound..<idEnd)))
        if index != nil {
            addToIndex(entries.count - 1, bytes)
        } else if entries.count > Self.linearLimit {
            index = ([:], [:])
            for entry in entries.indices { addToIndex(entry, bytes) }
        }
    }

    /// Reports each mapping whose direction the stream can never use: a sendonly extension of a
    /// recvonly stream, or a recvonly one of a sendonly stream. RFC 8285 §7 calls it "an error to
    /// use an extension direction incompatible with the stream direction", and lets an inactive
    /// stream list extensions with any direction.
    ///
    /// - Parameter stream: The direction attribute of the level, `nil` when it has none (sendrecv).
    func reportUnusableDirections(stream: KnownAttribute?, _ diagnostics: inout DiagnosticCollector) {
        guard let stream, stream == .sendonly || stream == .recvonly else { return }
        let opposite: Direction = stream == .sendonly ? .recvonly : .sendonly
        for entry in entries where entry.direction == opposite {
            // The direction is written right after the id and its slash, exactly as its name.
            let id = entry.location
            let start = id.bytes.upperBound + 1
            diagnostics.report(
                SDPRules.extmapDirectionUnusable,
                at: SourceLocation(
                    line: id.line, column: id.column + id.bytes.count + 1,
                    bytes: start..<(start + opposite.rawValue.count)),
                """
                extmap id \(entry.id) is \(opposite) in a \(stream.name) stream: the extension is never \
                \(opposite == .sendonly ? "sent" : "received") (RFC 8285 §7)
                """,
                hint: "write /inactive to keep the extension for a later offer, or remove the line")
        }
    }

    /// The first mapping of `id`.
    @inline(__always)
    private func first(id: Int) -> Int? {
        if let index { return index.byID[id] }
        return entries.firstIndex { $0.id == id }
    }

    /// The first mapping of the URI at `uri`.
    @inline(__always)
    private func first(uri: Range<Int>, _ bytes: Span<UInt8>) -> Int? {
        guard let index else { return entries.firstIndex { Bytes.equal(bytes, $0.uri, uri) } }
        guard let first = index.byURIHash[Self.hash(bytes, uri)], Bytes.equal(bytes, entries[first].uri, uri)
        else { return nil }
        return first
    }

    /// Adds mapping `entry` to the hash indexes, unless its id or URI came before.
    private mutating func addToIndex(_ entry: Int, _ bytes: Span<UInt8>) {
        let hash = Self.hash(bytes, entries[entry].uri)
        if index?.byID[entries[entry].id] == nil { index?.byID[entries[entry].id] = entry }
        if index?.byURIHash[hash] == nil { index?.byURIHash[hash] = entry }
    }

    /// FNV-1a over the bytes of `range`.
    private static func hash(_ bytes: Span<UInt8>, _ range: Range<Int>) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for i in range { hash = (hash ^ UInt64(bytes[i])) &* 0x0000_0100_0000_01B3 }
        return hash
    }
}

extension Array where Element: Comparable {
    /// Whether the array, sorted in ascending order, holds `element`: a binary search.
    func sortedContains(_ element: Element) -> Bool {
        var low = 0
        var high = count
        while low < high {
            let middle = low + (high - low) / 2
            if self[middle] < element { low = middle + 1 } else { high = middle }
        }
        return low < count && self[low] == element
    }
}

/// Byte ranges of the parts of a value.
enum Tokens {
    /// The next run of bytes other than SP and HTAB from `index` (moved past it) to `end`: the
    /// fields of a value one at a time, without collecting them.
    static func nextField(_ bytes: Span<UInt8>, _ index: inout Int, _ end: Int) -> Range<Int>? {
        let start = Bytes.skipWhitespace(bytes, from: index, to: end)
        guard start < end else { return nil }
        index = Bytes.tokenEnd(bytes, from: start, to: end)
        return start..<index
    }

    /// The non-empty runs between separator bytes.
    static func ranges(_ bytes: Span<UInt8>, _ range: Range<Int>, separators: [UInt8]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var start = range.lowerBound
        for i in range where separators.contains(bytes[i]) {
            if i > start { result.append(start..<i) }
            start = i + 1
        }
        if range.upperBound > start { result.append(start..<range.upperBound) }
        return result
    }

    /// The payload types of a rid's `pt=` list.
    static func ridPayloadTypes(_ bytes: Span<UInt8>, _ value: Range<Int>) -> [Range<Int>] {
        let parts = ranges(bytes, value, separators: [ASCII.space, ASCII.semicolon])
        guard
            let list = parts.first(where: {
                $0.count >= 3 && Bytes.equals(bytes, $0.lowerBound..<($0.lowerBound + 3), "pt=")
            })
        else { return [] }
        return ranges(bytes, (list.lowerBound + 3)..<list.upperBound, separators: [ASCII.comma])
    }
}

/// Checks across the whole description: mids and groups, connection coverage.
struct SessionChecks {
    /// The offset of each section's m= line, where a finding about the whole section points
    /// (its line number is the section's ``MediaDescription/sourceLine``): one word per section.
    var mediaLineStarts: [Int] = []
    /// The mid of each section that has one, as a byte range of the input.
    private var mids: [(range: Range<Int>, location: SourceLocation)] = []
    /// Each mid a group names, with where it is written.
    private var groupMembers: [(semantics: Range<Int>, mid: Range<Int>, location: SourceLocation)] = []
    /// How many sections ``noteMedia(_:)`` has seen.
    private var sectionCount = 0
    /// SectionChecks.rtxRepairingElsewhere of every section, with the section's index.
    private var rtxRepairingElsewhere:
        [(section: Int, pt: Int, target: Int, location: SourceLocation, rejected: Bool)] = []
    /// The extension mappings of every section that has a mid, with the section's index.
    private var sectionExtmaps: [(section: Int, id: Int, uri: Range<Int>, location: SourceLocation)] = []
    /// The first section with a=extmap lines of its own, and where the first is written.
    private var firstSectionExtmap: (section: Int, location: SourceLocation)?
    /// The session-level extension mappings, which every section takes (RFC 8285 §5).
    private var extmaps = ExtensionMappings()
    private var seen = KnownAttributeSet()
    /// The session-level direction attribute, which applies to every section without its own.
    private(set) var direction: KnownAttribute?

    /// Past this many mids, they are compared through a dictionary rather than one by one.
    private static let linearMidLimit = 16

    mutating func attribute(
        _ known: KnownAttribute, _ bytes: Span<UInt8>, _ name: Range<Int>, _ value: Range<Int>,
        _ diagnostics: inout DiagnosticCollector
    ) {
        if known.isDirection {
            noteDirection(known, name, &direction, &diagnostics)
            return
        }
        if known.isSingle && !seen.insert(known) {
            diagnostics.report(
                SDPRules.attributeDuplicate, name, "a=\(known.name) appears more than once at the session level")
        }
        if known == .extmap {
            guard let map = ExtMap.scan(bytes, value, into: &diagnostics) else { return }
            return extmaps.add(map, bytes, value, conflict: SDPRules.sessionExtmapConflict, &diagnostics)
        }
        guard known == .group else { return AttributeSyntax.check(known, bytes, value, &diagnostics) }
        // Browsers group every section: room for them at once.
        if groupMembers.capacity == 0 { groupMembers.reserveCapacity(8) }
        let (line, lineStart) = (diagnostics.line, diagnostics.lineStart)
        let first = groupMembers.count
        _ = Group.scan(bytes, value, into: &diagnostics) { semantics, mid in
            groupMembers.append(
                (semantics, mid, SourceLocation(line: line, column: mid.lowerBound - lineStart + 1, bytes: mid)))
        }
        // A mid the same line names again (Firefox refuses it): each repeat once. The mids of a
        // long line are compared through a set, those of a short one (the usual) pair by pair.
        var seenMids: Set<String>? = groupMembers.count - first > Self.linearMidLimit ? [] : nil
        for index in first..<groupMembers.count {
            let member = groupMembers[index]
            let repeated =
                seenMids != nil
                ? seenMids?.insert(Bytes.string(bytes, member.mid)).inserted == false
                : groupMembers[first..<index].contains { Self.sameMid(bytes, $0.mid, member.mid) }
            guard repeated else { continue }
            diagnostics.report(
                SDPRules.groupRepeatedMid, at: member.location,
                "the group names mid \(Bytes.string(bytes, member.mid)) twice; the repeat adds nothing")
        }
    }

    /// A mid that a second BUNDLE group names again: one finding per group line, at its first
    /// such mid (RFC 9143 §7.1: a bundled section belongs to one BUNDLE group at a time). The
    /// semantics are read in any case, as RFC 5888 §5's ABNF literals are (RFC 5234 §2.3).
    private func reportMidsInTwoBundleGroups(_ bytes: Span<UInt8>, _ diagnostics: inout DiagnosticCollector) {
        // One BUNDLE line (the usual case) cannot put a mid in two groups: no table to build.
        var firstLine: Int?
        var twoLines = false
        for member in groupMembers where Bytes.equalsIgnoringCase(bytes, member.semantics, "BUNDLE") {
            if firstLine == nil { firstLine = member.location.line }
            if member.location.line != firstLine {
                twoLines = true
                break
            }
        }
        guard twoLines else { return }
        // The line of the first BUNDLE group naming each mid; members of one line share it.
        var firstGroupLine: [String: Int] = [:]
        var reportedLine = 0
        for member in groupMembers where Bytes.equalsIgnoringCase(bytes, member.semantics, "BUNDLE") {
            let mid = Bytes.string(bytes, member.mid)
            guard let line = firstGroupLine[mid] else {
                firstGroupLine[mid] = member.location.line
                continue
            }
            guard line != member.location.line && reportedLine != member.location.line else { continue }
            reportedLine = member.location.line
            diagnostics.report(
                SDPRules.midInTwoBundleGroups, at: member.location,
                "mid \(mid) is already in the BUNDLE group at line \(line); a section belongs to one BUNDLE group")
        }
    }

    /// An extension id that names one URI in a section and another in a section of the same
    /// BUNDLE group (RFC 8843 §12): one finding per id and group, at the later mapping. A
    /// browser's description has a few dozen mappings, compared one by one; past
    /// `ExtensionMappings.linearLimit` of them the first of each id and group is found through a table.
    private func reportBundleExtmapConflicts(
        _ session: SessionDescription, _ bytes: Span<UInt8>, _ diagnostics: inout DiagnosticCollector,
        section: (Range<Int>) -> Int?
    ) {
        guard let last = sectionExtmaps.last, last.section != sectionExtmaps[0].section else { return }
        // The line of the BUNDLE group of each section in one, 0 for none (a section is in one
        // group; SDP314).
        var groupLine = [Int](repeating: 0, count: sectionCount)
        var grouped = 0
        for member in groupMembers where Bytes.equalsIgnoringCase(bytes, member.semantics, "BUNDLE") {
            guard let index = section(member.mid), index < sectionCount, !session.media[index].isRejected,
                groupLine[index] == 0
            else { continue }
            groupLine[index] = member.location.line
            grouped += 1
        }
        guard grouped > 1 else { return }
        struct Key: Hashable {
            let group: Int
            let id: Int
        }
        // The index in sectionExtmaps of the first mapping of each id in each group (large inputs).
        var first: [Key: Int]? = sectionExtmaps.count > ExtensionMappings.linearLimit ? [:] : nil
        var reported: Set<Key> = []
        for (index, map) in sectionExtmaps.enumerated() {
            let group = groupLine[map.section]
            guard group != 0 else { continue }
            let key = Key(group: group, id: map.id)
            let earlierIndex: Int?
            if first != nil {
                earlierIndex = first?[key]
                if earlierIndex == nil { first?[key] = index }
            } else {
                earlierIndex = sectionExtmaps[..<index].firstIndex {
                    $0.id == map.id && groupLine[$0.section] == group
                }
            }
            guard let earlierIndex else { continue }
            let earlier = sectionExtmaps[earlierIndex]
            guard earlier.section != map.section, !Bytes.equal(bytes, earlier.uri, map.uri),
                reported.insert(key).inserted
            else { continue }
            diagnostics.report(
                SDPRules.bundleExtmapConflict, at: map.location,
                """
                extmap id \(map.id) is \(Bytes.string(bytes, map.uri)) here but \(Bytes.string(bytes, earlier.uri)) in \
                section \(earlier.section) (line \(earlier.location.line)), of the same BUNDLE group
                """
            )
        }
    }

    /// An RTX format whose apt= names a payload type that neither its own m= line nor a section
    /// it may repair lists (SDP308). RFC 4588 §8.7 lets retransmissions travel in a section of
    /// their own ("session-multiplexing"), tied to the original section by an FID group, which
    /// may be left out when the description holds only that pair.
    private func reportRTXRepairingNoSection(
        _ session: SessionDescription, _ bytes: Span<UInt8>, _ diagnostics: inout DiagnosticCollector
    ) {
        guard !rtxRepairingElsewhere.isEmpty else { return }
        // The FID groups, each a list of mids (members of one line form one group).
        var fidGroups: [[String]] = []
        var groupLine = 0
        for member in groupMembers where Bytes.equals(bytes, member.semantics, "FID") {
            if member.location.line != groupLine || fidGroups.isEmpty {
                fidGroups.append([])
                groupLine = member.location.line
            }
            fidGroups[fidGroups.count - 1].append(Bytes.string(bytes, member.mid))
        }
        func mayRepair(_ section: Int, from other: Int) -> Bool {
            if fidGroups.isEmpty { return session.media.count == 2 }
            guard let mid = session.media[section].mid, let otherMid = session.media[other].mid else { return false }
            return fidGroups.contains { $0.contains(mid) && $0.contains(otherMid) }
        }
        for entry in rtxRepairingElsewhere {
            let target = String(entry.target)
            let repairs = session.media.indices.contains { other in
                other != entry.section && session.media[other].formats.contains(target)
                    && mayRepair(entry.section, from: other)
            }
            guard !repairs else { continue }
            let before = diagnostics.diagnostics.count
            diagnostics.report(
                SDPRules.associatedPayloadType, at: entry.location,
                entry.target < 0
                    ? "RTX payload type \(entry.pt)'s apt= is not a payload type number"
                    : "RTX payload type \(entry.pt) repairs payload type \(entry.target), which the m= line does not list"
            )
            // RFC 3264 §6: a rejected section's formats are not used (as in SectionChecks.finish).
            if entry.rejected {
                diagnostics.lower(
                    SDPRules.associatedPayloadType.code, since: before, to: .warning,
                    because: "; the section is rejected (port 0), so its formats are not used")
            }
        }
    }

    /// Whether two mids are the same as strings: equal bytes, or, beyond ASCII, canonically
    /// equivalent text (which is what the strings the model holds compare by).
    private static func sameMid(_ bytes: Span<UInt8>, _ a: Range<Int>, _ b: Range<Int>) -> Bool {
        if Bytes.equal(bytes, a, b) { return true }
        if Bytes.firstIndex(notIn: .ascii, bytes, a) == nil && Bytes.firstIndex(notIn: .ascii, bytes, b) == nil {
            return false
        }
        return Bytes.string(bytes, a) == Bytes.string(bytes, b)
    }

    mutating func noteMedia(_ checks: borrowing SectionChecks) {
        for entry in checks.rtxRepairingElsewhere {
            rtxRepairingElsewhere.append((sectionCount, entry.pt, entry.target, entry.location, entry.rejected))
        }
        if firstSectionExtmap == nil, let first = checks.extmaps.entries.first {
            firstSectionExtmap = (sectionCount, first.location)
        }
        if let mid = checks.mid {
            if mids.capacity == 0 { mids.reserveCapacity(8) }
            mids.append(mid)
            if sectionExtmaps.capacity == 0 && !checks.extmaps.entries.isEmpty { sectionExtmaps.reserveCapacity(32) }
            // Only the valid ids share a BUNDLE group's id space (RFC 8285 §7).
            for map in checks.extmaps.entries where ExtMap.validIDs.contains(map.id) {
                sectionExtmaps.append((sectionCount, map.id, map.uri, map.location))
            }
        }
        sectionCount += 1
    }

    func finish(
        _ session: SessionDescription, _ bytes: Span<UInt8>, fragment: Bool, _ diagnostics: inout DiagnosticCollector
    ) {
        // A trickle fragment's m= lines only name sections; they carry no connection data.
        if session.connection == nil && !fragment {
            // By index: binding each section to a variable would copy (retain) all its fields.
            for index in session.media.indices
            where session.media[index].connections.isEmpty && index < mediaLineStarts.count {
                let start = mediaLineStarts[index]
                diagnostics.report(
                    SDPRules.connectionMissing,
                    at: SourceLocation(
                        line: session.media[index].sourceLine.number ?? 0, column: 1, bytes: start..<(start + 1)),
                    """
                    media section \(index) (\(session.media[index].media)) has no c= line and there is none at the \
                    session level
                    """
                )
            }
        }
        reportRTXRepairingNoSection(session, bytes, &diagnostics)
        extmaps.reportUnusableDirections(stream: direction, &diagnostics)
        // RFC 8285 §5: "The definitions MUST be either all session level or all media level".
        if let sessionMap = extmaps.entries.first, let sectionMap = firstSectionExtmap {
            diagnostics.report(
                SDPRules.extmapLevelsMixed, at: sectionMap.location,
                """
                section \(sectionMap.section) maps header extensions of its own beside the session-level a=extmap \
                (line \(sessionMap.location.line)); RFC 8285 §5 keeps every mapping at one level
                """,
                hint: "move the session-level a=extmap lines into the sections that use them")
        }
        if mids.isEmpty && groupMembers.isEmpty { return }
        // The index of the first section with each mid.
        let firstIndexes: [String: Int]? =
            mids.count > Self.linearMidLimit
            ? mids.indices.reduce(into: [:]) { first, index in
                let mid = Bytes.string(bytes, mids[index].range)
                if first[mid] == nil { first[mid] = index }
            }
            : nil
        func firstSection(with range: Range<Int>) -> Int? {
            if let firstIndexes { return firstIndexes[Bytes.string(bytes, range)] }
            return mids.firstIndex { Self.sameMid(bytes, $0.range, range) }
        }
        for (index, mid) in mids.enumerated() {
            if let first = firstSection(with: mid.range), first < index {
                diagnostics.report(
                    SDPRules.duplicateMid, at: mid.location,
                    """
                    mid \(Bytes.string(bytes, mid.range)) is already used by the a=mid at line \
                    \(mids[first].location.line)
                    """
                )
            }
        }
        reportMidsInTwoBundleGroups(bytes, &diagnostics)
        reportBundleExtmapConflicts(session, bytes, &diagnostics, section: firstSection(with:))
        // A trickle fragment repeats the BUNDLE group with every mid of the session but carries
        // only some of its sections (RFC 8840 §4.4, §7): a mid it lacks is elsewhere.
        guard !fragment else { return }
        for member in groupMembers where firstSection(with: member.mid) == nil {
            diagnostics.report(
                SDPRules.groupUnknownMid, at: member.location,
                """
                a=group:\(Bytes.string(bytes, member.semantics)) names mid \(Bytes.string(bytes, member.mid)), \
                which no media section has
                """
            )
        }
    }
}
