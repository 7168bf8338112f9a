import SDPLintDiagnostics
import SDPLintICE
import SDPLintSDP
internal import SDPLintScanning

/// One description under analysis: its source, role and position.
struct Document {
    let source: SDPSource
    let role: Role
    /// The position among the analysed descriptions (0 offer, 1 answer for a pair).
    let number: Int

    /// The position of the first section with each mid.
    private let midPositions: [String: Int]
    /// The BUNDLE groups (RFC 9143), each a list of mids, read once.
    let bundleGroups: [[String]]
    /// For each bundled mid, the first mid of its group (the tag the transport is taken from).
    private let bundleTags: [String: String]
    /// Each section's RTP codecs, read once: the analysis asks for them many times a section,
    /// and reading them walks every attribute line.
    private let sectionCodecs: [[Codec]]

    /// Reads the description's mids and BUNDLE groups once: looking them up section by section
    /// made the analysis quadratic in the number of sections (a description of 2000 bundled
    /// sections took seconds).
    ///
    /// - Complexity: O(n) in the size of the description.
    init(_ source: SDPSource, role: Role, number: Int) {
        self.source = source
        self.role = role
        self.number = number
        var positions: [String: Int] = [:]
        for (index, section) in source.session.media.enumerated() {
            if let mid = section.mid, positions[mid] == nil { positions[mid] = index }
        }
        midPositions = positions
        bundleGroups = source.session.bundleGroups
        var tags: [String: String] = [:]
        for group in bundleGroups {
            guard let tag = group.first else { continue }
            for mid in group where tags[mid] == nil { tags[mid] = tag }
        }
        bundleTags = tags
        sectionCodecs = source.session.media.map { $0.proto.isRTP ? $0.codecs : [] }
    }

    /// Whether the description uses the SDP grouping framework (RFC 5888) at all: an a=mid in
    /// some section, or an a=group. An answerer that does not support it writes neither.
    var usesGrouping: Bool { !midPositions.isEmpty || session.has(.group) }

    var session: SessionDescription { source.session }
    var media: [MediaDescription] { source.session.media }

    func view(_ index: Int) -> SectionView? {
        guard index >= 0 && index < media.count else { return nil }
        return SectionView(index: index, section: media[index], session: session, codecs: sectionCodecs[index])
    }

    /// Whether the text cannot be read as a session description at all: it has neither a
    /// `v=` line nor an `m=` line (empty input, an HTTP error page, a JSON envelope, …).
    var isUnreadable: Bool {
        let text = source.text
        return !(1...text.lineCount).contains { line in
            let bytes = text.bytes(ofLine: line)
            return bytes.count >= 2 && bytes[bytes.startIndex] == UInt8(ascii: "v")
                && bytes[bytes.startIndex + 1] == UInt8(ascii: "=")
        } && media.isEmpty
    }

    /// The index of the section with this mid.
    ///
    /// - Complexity: O(1) on average.
    func index(mid: String) -> Int? { midPositions[mid] }

    /// The first mid of the first BUNDLE group that lists `mid`.
    ///
    /// - Complexity: O(1) on average.
    func bundleTag(of mid: String) -> String? { bundleTags[mid] }
}

/// A media section read together with the session-level lines it inherits (direction, ICE,
/// fingerprints, setup, header extensions; RFC 8866 §5.13, RFC 8839 §5.4, RFC 8122 §5).
struct SectionView {
    let index: Int
    let section: MediaDescription
    let session: SessionDescription

    var media: MediaDescription.MediaType { section.media }
    var proto: MediaDescription.TransportProtocol { section.proto }
    var mid: String? { section.mid }
    var port: Int { section.port }
    /// The direction in effect: the section's, else the session's, else sendrecv
    /// (RFC 8866 §6.7).
    var direction: Direction { section.direction ?? session.direction ?? .sendrecv }
    var bundleOnly: Bool { section.has(.bundleOnly) }
    /// Port 0 without bundle-only: rejected or disabled (RFC 3264 §6, RFC 9143 §6).
    var rejected: Bool { section.port == 0 && !bundleOnly }
    var isRTP: Bool { section.proto.isRTP }
    var isSCTP: Bool { section.proto.isSCTP || (section.media == .application && section.has(.sctpmap)) }
    /// The RTP codecs, in m= line order; none for other transports (whose formats are not
    /// payload types).
    let codecs: [Codec]

    func inherited<Value: AttributeValue>(_ type: Value.Type) -> Value? {
        section.value(type) ?? session.value(type)
    }

    /// The value of parameter `name` (t, a, m, pt, …) of this answer's section's a=acfg line,
    /// the potential configuration it selected (RFC 5939 §3.6.2, RFC 6871 §3.3.4).
    private func selectedConfiguration(_ name: String) -> Substring? {
        section.attributes.first { $0.name.rawValue == "acfg" }?.value?.split(separator: " ")
            .first { $0.hasPrefix(name + "=") }?.dropFirst(name.count + 1)
    }

    /// The transport protocol this answer's section selected from its offer's potential
    /// configurations (RFC 5939 §3.6.2): `a=acfg:<n> t=<number>` names a protocol of the offer's
    /// `a=tcap:<first number> <proto> …` lines, numbered in order from the first (§3.4.2).
    func protocolSelected(fromOffer offer: SectionView) -> String? {
        guard let number = selectedConfiguration("t").flatMap({ Int($0) }) else { return nil }
        for tcap in offer.section.attributes + offer.session.attributes where tcap.name.rawValue == "tcap" {
            let fields = (tcap.value ?? "").split(separator: " ")
            // Capability numbers count from 1 (RFC 5939 §3.4.2), so the difference cannot overflow.
            guard let first = fields.first.flatMap({ Int($0) }), first >= 1, number >= first,
                number - first < fields.count - 1
            else { continue }
            return String(fields[number - first + 1])
        }
        return nil
    }

    /// The attributes this answer's section took from its offer's attribute capabilities
    /// (RFC 5939 §3.6.2: the `a=` list of `a=acfg` names `a=acap:<number> <attribute>` lines
    /// of the offer, and each named attribute is added to the section it configures). Brackets
    /// (optional), `,` and `|` only group the numbers here: the answer names those it took.
    func attributesSelected(fromOffer offer: SectionView) -> [Attribute] {
        guard let list = selectedConfiguration("a") else { return [] }
        let numbers = Set(list.split(whereSeparator: { ",|[]-".contains($0) }).compactMap { Int($0) })
        return (offer.section.attributes + offer.session.attributes).compactMap { acap in
            guard acap.name.rawValue == "acap", let value = acap.value,
                let space = value.firstIndex(of: " "), let number = Int(value[..<space]), numbers.contains(number)
            else { return nil }
            let field = value[value.index(after: space)...]
            guard let colon = field.firstIndex(of: ":") else { return Attribute(name: .init(String(field))) }
            return Attribute(
                name: .init(String(field[..<colon])), value: String(field[field.index(after: colon)...]))
        }
    }

    /// The codecs this answer's section took from its offer's media capabilities (RFC 6871
    /// §3.4.2.1): `a=acfg:<n> m=<numbers> … pt=<number>:<type>,…` names `a=rmcap:<numbers>
    /// <encoding>/<clock rate>[/<channels>]` lines of the offer, whose formats then replace the m=
    /// line's, each under the payload type pt= gives it (§3.3.4.2) and with the parameters of
    /// its `a=mfcap` lines, joined by ';' (§3.3.2). `nil` when the answer names no media
    /// capability.
    func codecsSelected(fromOffer offer: SectionView) -> [Codec]? {
        func list(_ name: String) -> [Substring] {
            selectedConfiguration(name)?.split(whereSeparator: { ",|[]".contains($0) }) ?? []
        }
        let numbers = list("m").compactMap { Int($0) }
        guard !numbers.isEmpty else { return nil }
        var payloadTypes: [Int: Int] = [:]
        for pair in list("pt") {
            let parts = pair.split(separator: ":")
            if parts.count == 2, let number = Int(parts[0]), let type = Int(parts[1]) { payloadTypes[number] = type }
        }
        // "<numbers> <rest>", the numbers a list of n and n-m (RFC 6871 §3.3.1).
        let capabilities = offer.section.attributes + offer.session.attributes
        func lines(_ name: String) -> [(numbers: Set<Int>, rest: Substring)] {
            capabilities.compactMap { attribute in
                guard attribute.name.rawValue == name, let value = attribute.value,
                    let space = value.firstIndex(of: " ")
                else { return nil }
                var set: Set<Int> = []
                for item in value[..<space].split(separator: ",") {
                    let bounds = item.split(separator: "-").compactMap { Int($0) }
                    if bounds.count == 1 { set.insert(bounds[0]) }
                    if bounds.count == 2, bounds[0] <= bounds[1], bounds[1] - bounds[0] < 256 {
                        set.formUnion(bounds[0]...bounds[1])
                    }
                }
                return (set, value[value.index(after: space)...].drop { $0 == " " })
            }
        }
        let formats = lines("rmcap")
        let formatParameters = lines("mfcap")
        return numbers.compactMap { number in
            guard let type = payloadTypes[number], let format = formats.first(where: { $0.numbers.contains(number) })
            else { return nil }
            let fmtp = formatParameters.filter { $0.numbers.contains(number) }.map(\.rest).joined(separator: ";")
            return Codec(
                payloadType: type, rtpmap: Attribute(name: .rtpmap, value: "\(type) \(format.rest)").as(RTPMap.self),
                fmtp: fmtp.isEmpty ? nil : Attribute(name: .fmtp, value: "\(type) \(fmtp)").as(FMTP.self),
                feedback: offer.section.values(RTCPFeedback.self).filter { $0.format == "*" || Int($0.format) == type })
        }
    }

    var iceUfrag: String? { inherited(ICEUfrag.self)?.value }
    var icePwd: String? { inherited(ICEPwd.self)?.value }
    var iceOptions: [ICEOption] { inherited(ICEOptions.self)?.options ?? [] }
    var iceLite: Bool { session.has(.iceLite) || section.has(.iceLite) }
    var usesICE: Bool { iceUfrag != nil || icePwd != nil }
    var fingerprints: [Fingerprint] {
        let own = section.values(Fingerprint.self)
        return own.isEmpty ? session.values(Fingerprint.self) : own
    }
    var setup: Setup? { inherited(Setup.self) }
    var tlsID: String? { inherited(TLSID.self)?.value }
    /// Header extensions of the section and of the session level (RFC 8285 §5), each with the
    /// direction it is declared for: its own, else the stream's; a session-level mapping, or one
    /// of an inactive stream, is sendrecv (RFC 8285 §7).
    var extensions: [(map: ExtMap, direction: Direction)] {
        let stream = direction == .inactive ? Direction.sendrecv : direction
        return section.values(ExtMap.self).map { ($0, $0.direction ?? stream) }
            + session.values(ExtMap.self).map { ($0, $0.direction ?? .sendrecv) }
    }
    var allowsMixedExtensions: Bool { section.has(.extmapAllowMixed) || session.has(.extmapAllowMixed) }

    /// "section 1 (video, mid 1)": the 0-based m-line index, as JSEP's sdpMLineIndex counts.
    var label: String {
        var text = "section \(index) (\(section.media)"
        if let mid { text += ", mid \(mid)" }
        return text + ")"
    }

    /// Whether the transport is one JSEP defines, where ICE and DTLS are mandatory
    /// (RFC 9429 §5.1.2, §5.1.3).
    var isWebRTCTransport: Bool {
        let raw = section.proto.rawValue.lowercasedASCII
        return raw.hasPrefix("udp/tls/") || raw.hasPrefix("tcp/dtls/") || raw.hasPrefix("udp/dtls/")
    }
}

/// Collects findings, each resolved to a line of its description.
struct Reporter {
    let strict: Bool
    var findings: [Finding] = []

    mutating func report(_ rule: Rule, _ document: Document, _ anchor: Anchor, _ message: String, hint: String? = nil) {
        report(rule, document, at: document.locate(anchor), message, hint: hint)
    }

    mutating func report(
        _ rule: Rule, _ document: Document, at location: SourceLocation, _ message: String, hint: String? = nil
    ) {
        findings.append(
            Finding(
                document: document.number, file: document.source.name, role: document.role,
                diagnostic: rule.diagnostic(at: location, message, hint: hint, strict: strict)))
    }
}

extension Codec {
    /// What the format is for, by encoding name.
    var kind: CodecKind {
        switch name.lowercasedASCII {
        case "rtx": .retransmission
        case "red": .redundancy
        case "ulpfec", "flexfec", "flexfec-03": .forwardErrorCorrection
        case "telephone-event": .telephoneEvent
        case "cn": .comfortNoise
        default: .media
        }
    }

    /// "opus/48000/2 (PT 111)".
    var label: String {
        var text = name.isEmpty ? "payload type \(payloadType)" : name
        if let clockRate { text += "/\(clockRate)" }
        if let map = rtpmap, let channels = map.channels { text += "/\(channels)" }
        return text + (name.isEmpty ? "" : " (PT \(payloadType))")
    }
}
