/// The H.264 `profile-level-id` of an fmtp line, decoded: the profile and the level a stream
/// uses or a receiver decodes.
///
/// The value is three bytes written as six hexadecimal digits: `profile_idc`, `profile-iop`
/// (the constraint flags `constraint_set0_flag` … `constraint_set5_flag` and two reserved zero
/// bits, most significant bit first) and `level_idc`. Without the parameter, a receiver infers
/// Baseline at level 1 (``default``).
///
/// [RFC 6184 §8.1](https://www.rfc-editor.org/rfc/rfc6184#section-8.1)
/// ```
/// profile-level-id = 6HEXDIG   ; profile_idc, profile-iop, level_idc
/// ```
///
/// The profile is read as RFC 6184 Table 5 pairs `profile_idc` with `profile-iop`; a pair the
/// table does not list is an ``Profile/unlisted(profileIDC:profileIOP:)`` profile. Constrained High and
/// Progressive High, which H.264 added after RFC 6184 (Annex A.2.4.1, A.2.4.2) and browsers
/// offer, are read as H.264 defines them.
public struct H264ProfileLevelID: Sendable, Hashable, CustomStringConvertible {
    /// `profile_idc`: 0x42 Baseline, 0x4D Main, 0x58 Extended, 0x64 High, … (H.264 §7.4.2.1.1).
    public var profileIDC: UInt8
    /// `profile-iop`: `constraint_set0_flag` in the most significant bit, down to
    /// `constraint_set5_flag`, then two reserved zero bits (RFC 6184 §8.1).
    public var profileIOP: UInt8
    /// `level_idc`: ten times the level number (31 is level 3.1); level 1b is 11 with
    /// `constraint_set3_flag` in the Baseline, Main and Extended profiles and 9 in the others
    /// (H.264 Annex A.3.1, A.3.2).
    public var levelIDC: UInt8

    /// A value from its three bytes.
    ///
    /// - Parameters:
    ///   - profileIDC: `profile_idc`.
    ///   - profileIOP: `profile-iop`.
    ///   - levelIDC: `level_idc`.
    public init(profileIDC: UInt8, profileIOP: UInt8, levelIDC: UInt8) {
        self.profileIDC = profileIDC
        self.profileIOP = profileIOP
        self.levelIDC = levelIDC
    }

    /// Reads the parameter's value: exactly six hexadecimal digits, in either case.
    ///
    /// - Parameter text: The value after `profile-level-id=`.
    /// - Returns: `nil` when the text is not six hexadecimal digits (no sign, no space, no
    ///   `0x`).
    public init?(_ text: String) {
        var value: UInt32 = 0
        var count = 0
        for byte in text.utf8 {
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte &- UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte &- UInt8(ascii: "a") &+ 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte &- UInt8(ascii: "A") &+ 10
            default: return nil
            }
            count += 1
            guard count <= 6 else { return nil }
            value = value << 4 | UInt32(digit)
        }
        guard count == 6 else { return nil }
        self.init(
            profileIDC: UInt8(truncatingIfNeeded: value >> 16), profileIOP: UInt8(truncatingIfNeeded: value >> 8),
            levelIDC: UInt8(truncatingIfNeeded: value))
    }

    /// What a receiver infers when the parameter is absent: Baseline, level 1, `42000a`
    /// (RFC 6184 §8.1, "If no profile-level-id is present, the Baseline profile, without
    /// additional constraints at Level 1, MUST be inferred"). libwebrtc infers Constrained
    /// Baseline level 3.1 instead, for compatibility with its own older versions.
    public static let `default` = H264ProfileLevelID(profileIDC: 0x42, profileIOP: 0x00, levelIDC: 10)

    /// The six lower-case hexadecimal digits, the wire form.
    public var description: String {
        let digits = Array("0123456789abcdef")
        var text = ""
        for byte in [profileIDC, profileIOP, levelIDC] {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0xF)])
        }
        return text
    }

    /// The profile and level in words: "H.264 Constrained Baseline, level 3.1".
    public var summary: String { "H.264 \(profile), level \(levelName)" }

    // MARK: Level

    /// The level as an ordered number: `level_idc`, except level 1b, which is 9 whatever the
    /// profile (between level 1, 10, and level 1.1, 11), as H.264 Annex A codes it for the
    /// High profiles. A higher number is a higher level.
    public var level: Int {
        // H.264 A.3.1: in Baseline, Main and Extended, level_idc 11 with constraint_set3_flag
        // is level 1b.
        if levelIDC == 11 && profileIOP & 0x10 != 0 && [0x42, 0x4D, 0x58].contains(profileIDC) { return 9 }
        return Int(levelIDC)
    }

    /// The level as H.264 Table A-1 names it: "1b", "3", "3.1".
    public var levelName: String {
        let level = level
        if level == 9 { return "1b" }
        return level % 10 == 0 ? "\(level / 10)" : "\(level / 10).\(level % 10)"
    }

    // MARK: Profile

    /// An H.264 profile, by name. An open vocabulary: a combination that RFC 6184 Table 5 does
    /// not list is kept with its two bytes.
    public struct Profile: Sendable, Hashable, CustomStringConvertible {
        /// The profile's name in H.264 Annex A, such as "Constrained Baseline".
        public let name: String

        private init(_ name: String) { self.name = name }

        /// The name.
        public var description: String { name }

        /// Constrained Baseline: the subset of Baseline, Main and Extended that browsers send
        /// (H.264 A.2.1.1).
        public static let constrainedBaseline = Profile("Constrained Baseline")
        /// Baseline (H.264 A.2.1).
        public static let baseline = Profile("Baseline")
        /// Main (H.264 A.2.2).
        public static let main = Profile("Main")
        /// Extended (H.264 A.2.3).
        public static let extended = Profile("Extended")
        /// High (H.264 A.2.4).
        public static let high = Profile("High")
        /// Progressive High: High without interlaced coding (H.264 A.2.4.1).
        public static let progressiveHigh = Profile("Progressive High")
        /// Constrained High: Progressive High without B slices (H.264 A.2.4.2).
        public static let constrainedHigh = Profile("Constrained High")
        /// High 10 (H.264 A.2.5).
        public static let high10 = Profile("High 10")
        /// High 4:2:2 (H.264 A.2.6).
        public static let high422 = Profile("High 4:2:2")
        /// High 4:4:4 Predictive (H.264 A.2.7).
        public static let high444Predictive = Profile("High 4:4:4 Predictive")
        /// High 10 Intra (H.264 A.2.8).
        public static let high10Intra = Profile("High 10 Intra")
        /// High 4:2:2 Intra (H.264 A.2.9).
        public static let high422Intra = Profile("High 4:2:2 Intra")
        /// High 4:4:4 Intra (H.264 A.2.10).
        public static let high444Intra = Profile("High 4:4:4 Intra")
        /// CAVLC 4:4:4 Intra (H.264 A.2.11).
        public static let cavlc444Intra = Profile("CAVLC 4:4:4 Intra")

        /// A `profile_idc` and `profile-iop` pair that RFC 6184 Table 5 does not list.
        ///
        /// - Parameters:
        ///   - profileIDC: `profile_idc`.
        ///   - profileIOP: `profile-iop`.
        /// - Returns: A profile named after the two bytes, equal only to the same pair.
        public static func unlisted(profileIDC: UInt8, profileIOP: UInt8) -> Profile {
            Profile("profile_idc \(hex(profileIDC)) with profile-iop \(hex(profileIOP))")
        }

        private static func hex(_ byte: UInt8) -> String {
            let digits = String(byte, radix: 16, uppercase: true)
            return "0x" + (digits.count == 1 ? "0" + digits : digits)
        }
    }

    /// The profile, as RFC 6184 Table 5 maps `profile_idc` and `profile-iop` (x is either
    /// bit):
    ///
    /// ```
    /// Profile  profile_idc  profile-iop
    /// CB       42           x1xx0000
    ///          4D           1xxx0000
    ///          58           11xx0000
    /// B        42           x0xx0000
    ///          58           10xx0000
    /// M        4D           0x0x0000
    /// E        58           00xx0000
    /// H        64           00000000
    /// H10      6E           00000000
    /// H42      7A           00000000
    /// H44      F4           00000000
    /// H10I     6E           00010000
    /// H42I     7A           00010000
    /// H44I     F4           00010000
    /// C44I     2C           00010000
    /// ```
    ///
    /// and, from H.264 (2012) Annex A, `64` with `00001000` Progressive High and `00001100`
    /// Constrained High.
    public var profile: Profile {
        let iop = profileIOP
        // Table 5 requires constraint_set4_flag, constraint_set5_flag and the reserved bits to be
        // zero in every Baseline, Main and Extended row.
        let lowBitsClear = iop & 0x0F == 0
        switch profileIDC {
        case 0x42 where lowBitsClear:
            return iop & 0x40 != 0 ? .constrainedBaseline : .baseline
        case 0x4D where lowBitsClear:
            if iop & 0x80 != 0 { return .constrainedBaseline }
            if iop & 0x20 == 0 { return .main }
        case 0x58 where lowBitsClear:
            switch iop & 0xC0 {
            case 0xC0: return .constrainedBaseline
            case 0x80: return .baseline
            case 0x00: return .extended
            default: break
            }
        case 0x64:
            switch iop {
            case 0x00: return .high
            case 0x08: return .progressiveHigh
            case 0x0C: return .constrainedHigh
            default: break
            }
        case 0x6E:
            if iop == 0x00 { return .high10 }
            if iop == 0x10 { return .high10Intra }
        case 0x7A:
            if iop == 0x00 { return .high422 }
            if iop == 0x10 { return .high422Intra }
        case 0xF4:
            if iop == 0x00 { return .high444Predictive }
            if iop == 0x10 { return .high444Intra }
        case 0x2C:
            if iop == 0x10 { return .cavlc444Intra }
        default:
            break
        }
        return .unlisted(profileIDC: profileIDC, profileIOP: iop)
    }
}

extension FMTP {
    /// The H.264 `profile-level-id` parameter, decoded: ``H264ProfileLevelID/default`` (Baseline
    /// level 1) when the parameter is absent, `nil` when its value is not six hexadecimal
    /// digits.
    ///
    /// [RFC 6184 §8.1](https://www.rfc-editor.org/rfc/rfc6184#section-8.1)
    public var h264ProfileLevelID: H264ProfileLevelID? {
        guard let text = self[parameter: "profile-level-id"] else { return .default }
        return H264ProfileLevelID(text)
    }
}
