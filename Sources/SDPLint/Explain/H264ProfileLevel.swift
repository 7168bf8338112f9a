import SDPLintInput
import SDPLintReporting
import SDPLintWebRTC

/// An H.264 `profile-level-id` decoded: the profile (from profile_idc and the constraint flags
/// in profile-iop) and the level.
///
/// [RFC 6184 §8.1](https://www.rfc-editor.org/rfc/rfc6184#section-8.1), Table 5; levels from
/// ITU-T H.264 Annex A (level_idc is ten times the level; 1b is signalled specially).
public struct H264ProfileLevel: Sendable, Hashable, CustomStringConvertible {
    public var profileIDC: UInt8
    public var profileIOP: UInt8
    public var levelIDC: UInt8

    /// Reads the six hex digits of `profile-level-id`.
    public init?(_ text: String) {
        guard text.utf8.count == 6, let value = UInt32(text, radix: 16) else { return nil }
        profileIDC = UInt8(truncatingIfNeeded: value >> 16)
        profileIOP = UInt8(truncatingIfNeeded: value >> 8)
        levelIDC = UInt8(truncatingIfNeeded: value)
    }

    /// The profile name, as RFC 6184 Table 5 maps profile_idc and profile-iop.
    public var profile: String {
        switch profileIDC {
        case 0x42: profileIOP & 0x40 != 0 ? "Constrained Baseline" : "Baseline"
        case 0x4D: profileIOP & 0x80 != 0 ? "Constrained Baseline" : "Main"
        case 0x58: profileIOP & 0xC0 == 0xC0 ? "Constrained Baseline" : profileIOP & 0x80 != 0 ? "Baseline" : "Extended"
        case 0x64: profileIOP & 0x0C == 0x0C ? "Constrained High" : profileIOP & 0x08 != 0 ? "Progressive High" : "High"
        case 0x6E: "High 10"
        case 0x7A: "High 4:2:2"
        case 0xF4: "High 4:4:4 Predictive"
        case 0x2C: "CAVLC 4:4:4 Intra"
        default: "profile_idc \(profileIDC)"
        }
    }

    /// The level, such as "3.1", or "1b".
    public var level: String {
        if levelIDC == 11 && profileIOP & 0x10 != 0 && [0x42, 0x4D, 0x58].contains(profileIDC) { return "1b" }
        if levelIDC == 9 { return "1b" }
        return levelIDC % 10 == 0 ? "\(levelIDC / 10)" : "\(levelIDC / 10).\(levelIDC % 10)"
    }

    public var description: String { "H.264 \(profile), level \(level)" }
}
