import SDPLintSDP
internal import SDPLintScanning

/// An H.264 `profile-level-id`: the profile (from `profile_idc` and the constraint flags of
/// `profile-iop`) and the level.
///
/// [RFC 6184 §8.1](https://www.rfc-editor.org/rfc/rfc6184#section-8.1): three bytes in hex,
/// `profile_idc`, `profile-iop` (constraint_set0…5 flags, most significant bit first) and
/// `level_idc`. Absent, it means Baseline level 1 (`42000a`); libwebrtc assumes Constrained
/// Baseline level 3.1 instead, for compatibility with its own older versions.
struct H264ProfileLevelID: Hashable {
    enum Profile: Hashable, CustomStringConvertible {
        case constrainedBaseline, baseline, main, extended, high, constrainedHigh, predictiveHigh444
        case other(idc: UInt8, iop: UInt8)

        var description: String {
            switch self {
            case .constrainedBaseline: "Constrained Baseline"
            case .baseline: "Baseline"
            case .main: "Main"
            case .extended: "Extended"
            case .high: "High"
            case .constrainedHigh: "Constrained High"
            case .predictiveHigh444: "High 4:4:4 Predictive"
            case .other(let idc, let iop): "profile_idc \(idc) (iop \(hex(iop)))"
            }
        }
    }

    var profile: Profile
    /// `level_idc` (31 means level 3.1); level 1b is 9, as H.264 Annex A numbers it for High.
    var level: Int

    /// "3.1", "1b".
    var levelName: String { level == 9 ? "1b" : "\(level / 10).\(level % 10)" }

    init(profile: Profile, level: Int) {
        self.profile = profile
        self.level = level
    }

    /// Reads six hex digits; `nil` when the text is not that.
    init?(_ text: String) {
        let digits = Array(text.utf8)
        guard digits.count == 6 else { return nil }
        var bytes: [UInt8] = []
        for i in stride(from: 0, to: 6, by: 2) {
            guard let high = hexValue(digits[i]), let low = hexValue(digits[i + 1]) else { return nil }
            bytes.append(high << 4 | low)
        }
        let idc = bytes[0]
        let iop = bytes[1]
        let set0 = iop & 0x80 != 0
        let set1 = iop & 0x40 != 0
        let set3 = iop & 0x10 != 0
        let set4 = iop & 0x08 != 0
        let set5 = iop & 0x04 != 0
        // H.264 Annex A: a stream that satisfies the constraints of several profiles is
        // described by the most constrained one. Constrained Baseline is the common subset of
        // Baseline, Main and Extended (A.2.1.1); Constrained High is High without B slices
        // (A.2.4.2).
        switch idc {
        case 66: profile = set1 ? .constrainedBaseline : .baseline
        case 77: profile = set0 ? .constrainedBaseline : .main
        case 88: profile = set0 && set1 ? .constrainedBaseline : (set0 ? .baseline : .extended)
        case 100: profile = set4 && set5 ? .constrainedHigh : .high
        case 244: profile = .predictiveHigh444
        default: profile = .other(idc: idc, iop: iop)
        }
        // level_idc 11 with constraint_set3 in Baseline, Main or Extended is level 1b (A.3.1).
        if bytes[2] == 11 && set3 && (idc == 66 || idc == 77 || idc == 88) {
            level = 9
        } else {
            level = Int(bytes[2])
        }
    }

    /// The default of RFC 6184 §8.1.
    static let `default` = H264ProfileLevelID(profile: .baseline, level: 10)
}

private func hexValue(_ byte: UInt8) -> UInt8? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
    default: nil
    }
}

private func hex(_ byte: UInt8) -> String {
    let digits = Array("0123456789abcdef")
    return String([digits[Int(byte >> 4)], digits[Int(byte & 0xF)]])
}

/// How an answered codec compares with the offered one of the same encoding.
struct CodecComparison {
    /// Why the answer's parameters describe another configuration; `nil` when compatible.
    var incompatibility: String?
    /// Something worth saying about a compatible pair (asymmetric levels, …).
    var note: String?
    /// Set when an H.264 answer exceeds the offered level without level asymmetry.
    var levelExceeded: String?

    static let compatible = CodecComparison()
}

/// The fmtp parameters that decide whether two codecs of the same encoding name are the same
/// configuration.
///
/// Parameters that only state receive preferences (opus `stereo`, `useinbandfec`,
/// `maxplaybackrate`, VP8 `max-fs`, `max-fr`, …) never make codecs incompatible
/// (RFC 7587 §6.1 for opus); those that define the bitstream do:
/// - H.264: profile and `packetization-mode` (RFC 6184 §8.2.2); the level may differ when both
///   sides allow level asymmetry, and browsers ignore it when matching (w3c/webrtc-pc#3023).
/// - VP9: `profile-id` (default 0, draft-ietf-payload-vp9 §6).
/// - AV1: `profile` (default 0); `level-idx` and `tier` say what the receiver can decode
///   (AV1 RTP specification §7.2).
/// - H.265: `profile-space`, `profile-id` and `tier-flag` (defaults 0, 1, 0; RFC 7798 §7.2.2);
///   `level-id` may differ.
enum CodecParameters {
    static func compare(name: String, offer: FMTP?, answer: FMTP?) -> CodecComparison {
        switch name.lowercasedASCII {
        case "h264": return compareH264(offer, answer)
        case "vp9": return compareDefaulted("profile-id", default: "0", offer, answer, codec: "VP9")
        case "av1": return compareAV1(offer, answer)
        case "h265", "hevc": return compareH265(offer, answer)
        default: return .compatible
        }
    }

    private static func value(_ fmtp: FMTP?, _ name: String) -> String? {
        fmtp?[parameter: name]?.trimmingASCIISpaces
    }

    private static func compareDefaulted(
        _ parameter: String, default defaultValue: String, _ offer: FMTP?, _ answer: FMTP?, codec: String
    ) -> CodecComparison {
        let offered = value(offer, parameter) ?? defaultValue
        let answered = value(answer, parameter) ?? defaultValue
        guard offered == answered else {
            return CodecComparison(
                incompatibility: "\(codec) \(parameter) \(answered) in the answer, \(offered) in the offer")
        }
        return .compatible
    }

    static func h264(_ fmtp: FMTP?) -> H264ProfileLevelID? {
        guard let text = value(fmtp, "profile-level-id") else { return .default }
        return H264ProfileLevelID(text)
    }

    private static func compareH264(_ offer: FMTP?, _ answer: FMTP?) -> CodecComparison {
        let offeredMode = value(offer, "packetization-mode") ?? "0"
        let answeredMode = value(answer, "packetization-mode") ?? "0"
        if offeredMode != answeredMode {
            return CodecComparison(
                incompatibility: "H264 packetization-mode=\(answeredMode) in the answer, \(offeredMode) in the offer")
        }
        guard let offered = h264(offer), let answered = h264(answer) else {
            return CodecComparison(incompatibility: "H264 profile-level-id is not six hex digits")
        }
        if offered.profile != answered.profile {
            var reason = "H264 profile \(answered.profile) in the answer, \(offered.profile) in the offer"
            if value(offer, "profile-level-id") == nil || value(answer, "profile-level-id") == nil {
                reason +=
                    " (without profile-level-id RFC 6184 means Baseline level 1; libwebrtc assumes Constrained Baseline 3.1)"
            }
            return CodecComparison(incompatibility: reason)
        }
        guard offered.level != answered.level else { return .compatible }
        let asymmetry =
            value(offer, "level-asymmetry-allowed") == "1" && value(answer, "level-asymmetry-allowed") == "1"
        let note = "level \(answered.levelName) in the answer, \(offered.levelName) in the offer"
        if asymmetry {
            return CodecComparison(note: note + " (level asymmetry allowed: each side receives up to its own level)")
        }
        if answered.level > offered.level {
            return CodecComparison(note: note, levelExceeded: note)
        }
        return CodecComparison(note: note + " (both directions use the answer's level)")
    }

    private static func compareAV1(_ offer: FMTP?, _ answer: FMTP?) -> CodecComparison {
        var result = compareDefaulted("profile", default: "0", offer, answer, codec: "AV1")
        guard result.incompatibility == nil else { return result }
        let offeredLevel = value(offer, "level-idx") ?? "5"
        let answeredLevel = value(answer, "level-idx") ?? "5"
        let offeredTier = value(offer, "tier") ?? "0"
        let answeredTier = value(answer, "tier") ?? "0"
        if offeredLevel != answeredLevel || offeredTier != answeredTier {
            result.note =
                """
                AV1 level-idx \(answeredLevel)/tier \(answeredTier) in the answer, \(offeredLevel)/\(offeredTier) \
                in the offer (each side decodes up to its own)
                """
        }
        return result
    }

    private static func compareH265(_ offer: FMTP?, _ answer: FMTP?) -> CodecComparison {
        for (parameter, defaultValue) in [("profile-space", "0"), ("profile-id", "1"), ("tier-flag", "0")] {
            let result = compareDefaulted(parameter, default: defaultValue, offer, answer, codec: "H265")
            if result.incompatibility != nil { return result }
        }
        let offeredLevel = value(offer, "level-id") ?? "93"
        let answeredLevel = value(answer, "level-id") ?? "93"
        if offeredLevel != answeredLevel {
            return CodecComparison(note: "H265 level-id \(answeredLevel) in the answer, \(offeredLevel) in the offer")
        }
        return .compatible
    }
}
