import Diagnostics
import ICE
import Scanning

/// What the checks need of an attribute that other lines refer to. The frequent attributes
/// are scanned to byte ranges and numbers only: validating them creates no strings.
enum ParsedAttribute {
    case rtpmap(RTPMap.Scanned)
    case fmtp(FMTP.Scanned)
    case rtcpFeedback(RTCPFeedback.Scanned)
    case extmap(ExtMap.Scanned)
    case mid(Range<Int>)
    case group(Group)
    case ssrc(UInt32)
    case ssrcGroup(SSRCGroup)
    case rid(RID)
    case simulcast(Simulcast)
    case none

    /// Checks a known attribute's value with its typed grammar, reporting syntax problems.
    static func parse(_ known: KnownAttribute, _ bytes: Span<UInt8>, _ range: Range<Int>, _ diagnostics: inout DiagnosticCollector) -> ParsedAttribute {
        switch known {
        case .rtpmap: return RTPMap.scan(bytes, range, into: &diagnostics).map(ParsedAttribute.rtpmap) ?? .none
        case .fmtp: return FMTP.scan(bytes, range, into: &diagnostics).map(ParsedAttribute.fmtp) ?? .none
        case .rtcpFeedback: return RTCPFeedback.scan(bytes, range, into: &diagnostics).map(ParsedAttribute.rtcpFeedback) ?? .none
        case .extmap: return ExtMap.scan(bytes, range, into: &diagnostics).map(ParsedAttribute.extmap) ?? .none
        case .mid:
            guard Field.token(bytes, range, "identification tag", SDPRules.midSyntax, &diagnostics) || !range.isEmpty else { return .none }
            return .mid(range)
        case .group: return Group.parse(bytes, range, into: &diagnostics).map(ParsedAttribute.group) ?? .none
        case .ssrc: return SSRC.scan(bytes, range, into: &diagnostics).map { ParsedAttribute.ssrc($0.id) } ?? .none
        case .ssrcGroup: return SSRCGroup.parse(bytes, range, into: &diagnostics).map(ParsedAttribute.ssrcGroup) ?? .none
        case .rid: return RID.parse(bytes, range, into: &diagnostics).map(ParsedAttribute.rid) ?? .none
        case .simulcast: return Simulcast.parse(bytes, range, into: &diagnostics).map(ParsedAttribute.simulcast) ?? .none
        case .msid: _ = MSID.scan(bytes, range, into: &diagnostics)
        case .msidSemantic: _ = MSIDSemantic.parse(bytes, range, into: &diagnostics)
        case .iceUfrag: ICECredentials.validateUfrag(bytes, range, into: &diagnostics)
        case .icePwd: ICECredentials.validatePwd(bytes, range, into: &diagnostics)
        case .iceOptions: _ = ICEOption.parseList(bytes, range, into: &diagnostics)
        case .fingerprint: _ = Fingerprint.scan(bytes, range, into: &diagnostics)
        case .setup: _ = Setup.parse(bytes, range, into: &diagnostics)
        case .tlsID: _ = TLSID.parse(bytes, range, into: &diagnostics)
        case .rtcp: _ = RTCPAddress.parse(bytes, range, into: &diagnostics)
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
        case .candidate: _ = Candidate.parse(bytes, range, into: &diagnostics)
        default: break
        }
        return .none
    }
}

/// The encodings other payload types can refer to (RTX by apt=, RED by its list).
enum EncodingKind {
    case rtx, red, other

    init(_ bytes: Span<UInt8>, _ name: Range<Int>) {
        if Bytes.equalsIgnoringCase(bytes, name, "rtx") { self = .rtx }
        else if Bytes.equalsIgnoringCase(bytes, name, "red") { self = .red }
        else { self = .other }
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

/// Checks that need more than one line of a media section: payload types against the m= line,
/// RTX and RED references, SSRC groups, rid and simulcast.
struct SectionChecks {
    private var isRTP = false
    private var isAudio = false
    private var formats = PayloadTypeSet()
    private var formatLocations: [(pt: Int, location: SourceLocation)] = []
    private var rtpmaps = PayloadTypeSet()
    private var encodings: [(pt: Int, kind: EncodingKind)] = []
    private var fmtps = PayloadTypeSet()
    /// RTX and RED references found in fmtp lines, checked once every rtpmap is known.
    private var references: [(pt: Int, targets: [Int], isApt: Bool, location: SourceLocation)] = []
    private var extmaps: [(id: Int, uri: Range<Int>, direction: Direction?, line: Int)] = []
    private var ssrcs: Set<UInt32> = []
    private var ssrcGroups: [(SSRCGroup, SourceLocation)] = []
    private var rids: [RID] = []
    private var simulcast: (Simulcast, SourceLocation)?
    private var seen = KnownAttributeSet()
    private var direction: KnownAttribute?
    private(set) var mid: (String, SourceLocation)?

    init() {}

    /// - Parameter fragment: In an SDP fragment the m= line only names a section (RFC 8840
    ///   §4.4), so its formats are not checked against rtpmap lines.
    init(mediaLine: LineParser.MediaLine, lineNumber: Int, lineStart: Int, bytes: Span<UInt8>, fragment: Bool,
         _ diagnostics: inout DiagnosticCollector) {
        isRTP = mediaLine.media.proto.isRTP && !fragment
        isAudio = mediaLine.media.media == .audio
        guard isRTP else { return }
        formatLocations.reserveCapacity(mediaLine.formatRanges.count)
        for range in mediaLine.formatRanges {
            let location = SourceLocation(line: lineNumber, column: range.lowerBound - lineStart + 1, bytes: range)
            guard case .success(let value) = Decimal.parse(bytes, range, as: UInt64.self), value <= 127 else {
                diagnostics.report(SDPRules.payloadTypeRange, at: location,
                                   "format '\(Bytes.string(bytes, range))' is not an RTP payload type 0–127, as \(mediaLine.media.proto) requires")
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

    mutating func attribute(_ known: KnownAttribute, _ bytes: Span<UInt8>, _ name: Range<Int>, _ value: Range<Int>, _ diagnostics: inout DiagnosticCollector) {
        if known.isDirection {
            if let direction {
                diagnostics.report(SDPRules.directionConflict, name, "a=\(known.name) contradicts the a=\(direction.name) before it")
            } else {
                direction = known
            }
            return
        }
        if known.isSingle && !seen.insert(known) {
            diagnostics.report(SDPRules.attributeDuplicate, name, "a=\(known.name) appears more than once in this section")
        }
        switch ParsedAttribute.parse(known, bytes, value, &diagnostics) {
        case .rtpmap(let map):
            guard isRTP else { return }
            let pt = map.payloadType
            referToFormat(pt, "a=rtpmap", bytes, value, &diagnostics)
            if !rtpmaps.insert(pt) {
                diagnostics.report(SDPRules.duplicatePayloadMapping, firstField(bytes, value), "payload type \(pt) already has an rtpmap")
            }
            if pt <= 34, let standard = RTPMap.staticPayloadType(pt),
               !Bytes.equals(bytes, map.name, standard.encodingName, ignoringCase: true) || standard.clockRate != map.clockRate {
                diagnostics.report(SDPRules.staticPayloadMismatch, firstField(bytes, value),
                                   "payload type \(pt) is \(standard.encodingName)/\(standard.clockRate) by RFC 3551, not \(Bytes.string(bytes, map.name))/\(map.clockRate)")
            }
            encodings.append((pt, EncodingKind(bytes, map.name)))
        case .fmtp(let fmtp):
            guard isRTP, let pt = fmtp.payloadType else { return }
            referToFormat(pt, "a=fmtp", bytes, value, &diagnostics)
            if !fmtps.insert(pt) {
                diagnostics.report(SDPRules.duplicatePayloadMapping, fmtp.format, "payload type \(pt) already has an fmtp line")
            }
            recordReferences(pt, bytes, fmtp.parameters, &diagnostics)
        case .rtcpFeedback(let feedback):
            if isRTP, let pt = feedback.payloadType {
                referToFormat(pt, "a=rtcp-fb", bytes, value, &diagnostics)
            }
        case .extmap(let map):
            checkExtmap(map, bytes, &diagnostics)
        case .mid(let range):
            if mid == nil { mid = (Bytes.string(bytes, range), diagnostics.location(range)) }
        case .ssrc(let id):
            ssrcs.insert(id)
        case .ssrcGroup(let group):
            ssrcGroups.append((group, diagnostics.location(name.lowerBound..<value.upperBound)))
        case .rid(let rid):
            if isRTP {
                for pt in rid.payloadTypes {
                    guard let number = Int(pt), formats.contains(number) else {
                        diagnostics.report(SDPRules.ridPayloadType, value, "rid \(rid.id) restricts payload type \(pt), which the m= line does not list")
                        continue
                    }
                }
            }
            rids.append(rid)
        case .simulcast(let value):
            simulcast = (value, diagnostics.location(name.lowerBound..<name.upperBound))
        case .group, .none:
            break
        }
    }

    private mutating func checkExtmap(_ map: ExtMap.Scanned, _ bytes: Span<UInt8>, _ diagnostics: inout DiagnosticCollector) {
        for other in extmaps {
            let sameURI = other.uri.count == map.uri.count && map.uri.indices.allSatisfy { bytes[$0] == bytes[other.uri.lowerBound + $0 - map.uri.lowerBound] }
            if other.id == map.id && !sameURI {
                diagnostics.report(SDPRules.extmapConflict, map.uri,
                                   "extmap id \(map.id) is already used for \(Bytes.string(bytes, other.uri)) (line \(other.line))")
            } else if sameURI && other.id != map.id && other.direction == map.direction {
                diagnostics.report(SDPRules.extmapConflict, map.uri,
                                   "\(Bytes.string(bytes, map.uri)) is already mapped to id \(other.id) (line \(other.line))")
            }
        }
        extmaps.append((map.id, map.uri, map.direction, diagnostics.line))
    }

    /// Notes the payload types an fmtp line points at: RTX `apt=` (RFC 4588 §8.6) and the RED
    /// redundancy list "111/111" (RFC 2198 §5). Which of the two applies depends on the rtpmap,
    /// which may come later, so the reading is kept until the section ends.
    private mutating func recordReferences(_ pt: Int, _ bytes: Span<UInt8>, _ parameters: Range<Int>, _ diagnostics: inout DiagnosticCollector) {
        if let apt = FMTPScan.parameter("apt", in: bytes, parameters) {
            let target = (try? Decimal.parse(bytes, apt, as: UInt64.self).get()).map { Int(min($0, 1000)) } ?? -1
            references.append((pt, [target], true, diagnostics.location(apt)))
            return
        }
        // A RED list holds only digits and '/'.
        guard !parameters.isEmpty, parameters.allSatisfy({ bytes[$0].isDigit || bytes[$0] == ASCII.slash }) else { return }
        var targets: [Int] = []
        var i = parameters.lowerBound
        while i <= parameters.upperBound {
            let end = Bytes.firstIndex(of: ASCII.slash, in: bytes, i..<parameters.upperBound)
            targets.append((try? Decimal.parse(bytes, i..<end, as: UInt64.self).get()).map { Int(min($0, 1000)) } ?? -1)
            i = end + 1
        }
        references.append((pt, targets, false, diagnostics.location(parameters)))
    }

    private func firstField(_ bytes: Span<UInt8>, _ value: Range<Int>) -> Range<Int> {
        value.lowerBound..<Bytes.tokenEnd(bytes, from: value.lowerBound, to: value.upperBound)
    }

    private func referToFormat(_ pt: Int, _ what: String, _ bytes: Span<UInt8>, _ value: Range<Int>, _ diagnostics: inout DiagnosticCollector) {
        if !formats.contains(pt) {
            diagnostics.report(SDPRules.undeclaredPayloadType, firstField(bytes, value), "\(what) for payload type \(pt), which the m= line does not list")
        }
    }

    /// The checks that need the whole section.
    mutating func finish(_ media: inout MediaDescription, _ diagnostics: inout DiagnosticCollector) {
        if isRTP {
            for (pt, location) in formatLocations where !rtpmaps.contains(pt) && RTPMap.staticPayloadType(pt) == nil {
                diagnostics.report(SDPRules.missingRTPMap, at: location,
                                   RTPMap.isDynamic(pt) ? "dynamic payload type \(pt) has no a=rtpmap" : "payload type \(pt) is not a static RFC 3551 type and has no a=rtpmap")
            }
            for reference in references {
                guard let kind = encodings.first(where: { $0.pt == reference.pt })?.kind else { continue }
                switch kind {
                case .rtx:
                    guard reference.isApt else {
                        diagnostics.report(SDPRules.associatedPayloadType, at: reference.location, "RTX payload type \(reference.pt) has no apt= parameter")
                        continue
                    }
                    if let target = reference.targets.first, !formats.contains(target) {
                        diagnostics.report(SDPRules.associatedPayloadType, at: reference.location,
                                           "RTX payload type \(reference.pt) repairs payload type \(target), which the m= line does not list")
                    }
                case .red where isAudio && !reference.isApt:
                    if let target = reference.targets.first(where: { !formats.contains($0) }) {
                        diagnostics.report(SDPRules.associatedPayloadType, at: reference.location,
                                           "RED payload type \(reference.pt) carries \(target < 0 ? "an invalid payload type" : "payload type \(target)"), which the m= line does not list")
                    }
                default:
                    break
                }
            }
            for (pt, kind) in encodings where kind == .rtx && !references.contains(where: { $0.pt == pt && $0.isApt }) {
                if let location = formatLocations.first(where: { $0.pt == pt })?.location {
                    diagnostics.report(SDPRules.associatedPayloadType, at: location, "RTX payload type \(pt) has no a=fmtp line with apt=")
                }
            }
        }
        for (group, location) in ssrcGroups {
            for ssrc in group.ssrcs where !ssrcs.contains(ssrc) {
                diagnostics.report(SDPRules.ssrcGroupMember, at: location, "ssrc-group \(group.semantics) names SSRC \(ssrc), which has no a=ssrc line")
            }
        }
        if let (simulcast, location) = simulcast {
            for rid in simulcast.sendRIDs where !rids.contains(where: { $0.id == rid && $0.direction == .send }) {
                diagnostics.report(SDPRules.simulcastUnknownRid, at: location, "simulcast sends rid \(rid), but no a=rid:\(rid) send line declares it")
            }
            for rid in simulcast.receiveRIDs where !rids.contains(where: { $0.id == rid && $0.direction == .recv }) {
                diagnostics.report(SDPRules.simulcastUnknownRid, at: location, "simulcast receives rid \(rid), but no a=rid:\(rid) recv line declares it")
            }
        }
    }
}

/// Checks across the whole description: mids and groups, connection coverage.
struct SessionChecks {
    var mediaLines: [SourceLocation] = []
    private var mids: [(String, SourceLocation)] = []
    private var groups: [(Group, SourceLocation)] = []
    private var seen = KnownAttributeSet()
    private var direction: Attribute.Name?

    mutating func attribute(_ known: KnownAttribute, _ bytes: Span<UInt8>, _ name: Range<Int>, _ value: Range<Int>, _ diagnostics: inout DiagnosticCollector) {
        if known.isDirection {
            if let direction {
                diagnostics.report(SDPRules.directionConflict, name, "a=\(known.name) contradicts the a=\(direction) before it")
            }
            direction = known.name
            return
        }
        if known.isSingle && !seen.insert(known) {
            diagnostics.report(SDPRules.attributeDuplicate, name, "a=\(known.name) appears more than once at the session level")
        }
        if case .group(let group) = ParsedAttribute.parse(known, bytes, value, &diagnostics) {
            groups.append((group, diagnostics.location(value)))
        }
    }

    mutating func noteMedia(_ checks: borrowing SectionChecks) {
        if let mid = checks.mid { mids.append(mid) }
    }

    func finish(_ session: SessionDescription, fragment: Bool, _ diagnostics: inout DiagnosticCollector) {
        // A trickle fragment's m= lines only name sections; they carry no connection data.
        if session.connection == nil && !fragment {
            for (index, section) in session.media.enumerated() where section.connections.isEmpty && index < mediaLines.count {
                diagnostics.report(SDPRules.connectionMissing, at: mediaLines[index],
                                   "media section \(index) (\(section.media)) has no c= line and there is none at the session level")
            }
        }
        var firstSeen: [String: SourceLocation] = [:]
        for (mid, location) in mids {
            if let first = firstSeen[mid] {
                diagnostics.report(SDPRules.duplicateMid, at: location, "mid \(mid) is already used by the section at line \(first.line)")
            } else {
                firstSeen[mid] = location
            }
        }
        for (group, location) in groups {
            for mid in group.mids where firstSeen[mid] == nil {
                diagnostics.report(SDPRules.groupUnknownMid, at: location, "a=group:\(group.semantics) names mid \(mid), which no media section has")
            }
        }
    }
}
