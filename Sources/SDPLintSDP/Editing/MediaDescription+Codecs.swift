internal import SDPLintScanning

/// A codec of an RTP media section: a payload type of the m= line with the lines that describe
/// it.
public struct Codec: Sendable, Hashable, CustomStringConvertible {
    public var payloadType: Int
    /// The rtpmap, or the RFC 3551 static mapping when the payload type has none.
    public var rtpmap: RTPMap?
    public var fmtp: FMTP?
    /// The rtcp-fb lines for this payload type and the wildcard ones, in order.
    public var feedback: [RTCPFeedback]

    public init(payloadType: Int, rtpmap: RTPMap?, fmtp: FMTP? = nil, feedback: [RTCPFeedback] = []) {
        self.payloadType = payloadType
        self.rtpmap = rtpmap
        self.fmtp = fmtp
        self.feedback = feedback
    }

    // These accessors are kept out of line: inlined into callers that borrow a Codec from an
    // array (OfferAnswer), Swift 6.3's -O ownership verifier crashes the compiler
    // ("Found ownership error" in CopyPropagation).

    /// The encoding name ("opus", "VP8", …), or "" when unknown.
    public var name: String {
        @inline(never) get { rtpmap?.encodingName ?? "" }
    }
    public var clockRate: Int? {
        @inline(never) get { rtpmap?.clockRate }
    }
    /// Audio channels; 1 when the rtpmap does not say.
    public var channels: Int? {
        @inline(never) get { rtpmap.map { $0.channels ?? 1 } }
    }
    /// The payload type this one repairs (RTX `apt=`, RFC 4588 §8.6).
    public var associatedPayloadType: Int? { fmtp?[parameter: "apt"].flatMap { Int($0) } }
    /// Whether this is a repair or redundancy format (RTX, RED, ULPFEC, FlexFEC) rather than a
    /// media codec.
    public var isResilience: Bool { Self.isResilience(name) }

    /// Whether an encoding name is a repair or redundancy format (RTX, RED, ULPFEC, FlexFEC).
    public static func isResilience(_ name: String) -> Bool {
        ["rtx", "red", "ulpfec", "flexfec-03", "flexfec"].contains { name.equalsIgnoringASCIICase($0) }
    }

    public var description: String {
        var text = "\(payloadType) \(name)/\(clockRate.map(String.init) ?? "?")"
        if let channels = rtpmap?.channels { text += "/\(channels)" }
        if let fmtp { text += " [\(fmtp.parameterText)]" }
        return text
    }
}

extension MediaDescription {
    /// The payload types of the m= line, in order of preference, skipping formats that are not
    /// numbers.
    public var payloadTypes: [Int] { formats.compactMap { Int($0) } }

    /// The codecs of the m= line in order of preference, each with its rtpmap, fmtp and rtcp-fb.
    public var codecs: [Codec] {
        var maps: [Int: RTPMap] = [:]
        var fmtps: [Int: FMTP] = [:]
        var feedback: [(format: String, value: RTCPFeedback)] = []
        for attribute in attributes {
            switch attribute.name {
            case .rtpmap:
                if let map = attribute.as(RTPMap.self), maps[map.payloadType] == nil { maps[map.payloadType] = map }
            case .fmtp:
                if let fmtp = attribute.as(FMTP.self), let pt = fmtp.payloadType, fmtps[pt] == nil { fmtps[pt] = fmtp }
            case .rtcpFeedback:
                if let value = attribute.as(RTCPFeedback.self) { feedback.append((value.format, value)) }
            default: break
            }
        }
        return payloadTypes.map { pt in
            Codec(
                payloadType: pt, rtpmap: maps[pt] ?? RTPMap.staticPayloadType(pt), fmtp: fmtps[pt],
                feedback: feedback.filter { $0.format == "*" || Int($0.format) == pt }.map(\.value))
        }
    }

    /// The codec with this payload type.
    public func codec(payloadType: Int) -> Codec? { codecs.first { $0.payloadType == payloadType } }

    /// Removes a payload type and everything that describes or depends on it: its rtpmap, fmtp
    /// and rtcp-fb lines, the RTX formats that repair it, an audio RED format that carries it,
    /// and its mention in `a=rid` pt= lists. Other lines are untouched.
    ///
    /// Removing the last format leaves an m= line without formats, which is invalid; reject the
    /// section (port 0) instead when nothing is left.
    public mutating func removeCodec(payloadType: Int) {
        var doomed: Set<Int> = [payloadType]
        // Formats that depend on a removed one go too, transitively (RTX of RED of opus).
        var changed = true
        let all = codecs
        while changed {
            changed = false
            for codec in all where !doomed.contains(codec.payloadType) {
                if let apt = codec.associatedPayloadType, doomed.contains(apt),
                    codec.name.equalsIgnoringASCIICase("rtx")
                {
                    doomed.insert(codec.payloadType)
                    changed = true
                } else if codec.name.equalsIgnoringASCIICase("red"), media == .audio, let fmtp = codec.fmtp,
                    fmtp.parameterText.split(separator: "/").contains(where: {
                        Int($0.trimmingASCIISpaces).map(doomed.contains) ?? false
                    })
                {
                    doomed.insert(codec.payloadType)
                    changed = true
                }
            }
        }
        removePayloadTypes(doomed)
    }

    /// The section with ``removeCodec(payloadType:)`` applied.
    public func removingCodec(payloadType: Int) -> MediaDescription {
        var copy = self
        copy.removeCodec(payloadType: payloadType)
        return copy
    }

    /// Removes every codec whose encoding name matches (case-insensitively), with its dependents.
    public mutating func removeCodecs(named name: String) {
        for codec in codecs where codec.name.equalsIgnoringASCIICase(name) {
            removeCodec(payloadType: codec.payloadType)
        }
    }

    /// Moves the given payload types to the front of the m= line, in the given order; the others
    /// keep their relative order behind them. Payload types the line does not list are ignored.
    public mutating func reorderCodecs(_ preferred: [Int]) {
        let present = Set(payloadTypes)
        let front = preferred.filter(present.contains).map(String.init)
        let frontSet = Set(front)
        var seen: Set<String> = []
        let head = front.filter { seen.insert($0).inserted }
        formats = head + formats.filter { !frontSet.contains($0) }
    }

    /// Moves the codecs with these encoding names to the front, in the order of `names`.
    public mutating func preferCodecs(named names: [String]) {
        let all = codecs
        reorderCodecs(names.flatMap { name in all.filter { $0.name.equalsIgnoringASCIICase(name) }.map(\.payloadType) })
    }

    private mutating func removePayloadTypes(_ doomed: Set<Int>) {
        formats.removeAll { Int($0).map(doomed.contains) ?? false }
        attributes = attributes.compactMap { attribute in
            switch attribute.name {
            case .rtpmap:
                if let pt = attribute.as(RTPMap.self)?.payloadType, doomed.contains(pt) { return nil }
            case .fmtp:
                if let pt = attribute.as(FMTP.self)?.payloadType, doomed.contains(pt) { return nil }
            case .rtcpFeedback:
                if let pt = attribute.as(RTCPFeedback.self)?.payloadType, doomed.contains(pt) { return nil }
            case .rid:
                if var rid = attribute.as(RID.self),
                    rid.payloadTypes.contains(where: { Int($0).map(doomed.contains) ?? false })
                {
                    rid.payloadTypes.removeAll { Int($0).map(doomed.contains) ?? false }
                    return Attribute(rid)
                }
            default:
                break
            }
            return attribute
        }
    }
}
