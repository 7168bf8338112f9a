import SDPLintSDP
internal import SDPLintScanning

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

    /// The H.264 profile and level of a codec: RFC 6184's default without an fmtp line, `nil`
    /// when the value is malformed.
    static func h264(_ fmtp: FMTP?) -> H264ProfileLevelID? {
        guard let fmtp else { return .default }
        return fmtp.h264ProfileLevelID
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
