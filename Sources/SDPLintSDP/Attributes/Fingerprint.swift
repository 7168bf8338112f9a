public import SDPLintDiagnostics
import SDPLintScanning

/// `a=fingerprint`: the hash of the certificate the DTLS handshake must present.
///
/// [RFC 8122 §5](https://www.rfc-editor.org/rfc/rfc8122#section-5)
/// ```
/// fingerprint-attribute = "fingerprint" ":" hash-func SP fingerprint
/// hash-func   = "sha-1" / "sha-224" / "sha-256" / "sha-384" / "sha-512"
///             / "md5" / "md2" / token
/// fingerprint = 2UHEX *(":" 2UHEX)
/// ```
public struct Fingerprint: AttributeValue {
    public static let attributeName = Attribute.Name.fingerprint

    /// The hash function name, as written ("sha-256"); compare case-insensitively.
    public var hashFunction: String
    /// The digest as colon-separated hex byte pairs.
    public var fingerprint: String

    public init(hashFunction: String, fingerprint: String) {
        self.hashFunction = hashFunction
        self.fingerprint = fingerprint
    }

    /// The digest bytes, or `nil` if the text is not hex pairs.
    public var digest: [UInt8]? {
        var result: [UInt8] = []
        for pair in fingerprint.split(separator: ":", omittingEmptySubsequences: false) {
            guard pair.utf8.count == 2, let byte = UInt8(pair, radix: 16) else { return nil }
            result.append(byte)
        }
        return result
    }

    /// The digest length the hash function produces, in bytes, when it is a known one.
    public static func digestLength(of hashFunction: String) -> Int? {
        switch hashFunction.lowercasedASCII {
        case "sha-1": 20
        case "sha-224": 28
        case "sha-256": 32
        case "sha-384": 48
        case "sha-512": 64
        case "md5", "md2": 16
        default: nil
        }
    }

    public func write(to output: inout String) {
        output += hashFunction
        output += " "
        output += fingerprint
    }

    /// Checks the value; returns the hash function and digest ranges.
    static func scan(
        _ bytes: Span<UInt8>, _ range: Range<Int>, into diagnostics: inout DiagnosticCollector
    ) -> (hash: Range<Int>, digest: Range<Int>)? {
        let rule = SDPRules.fingerprintSyntax
        let fields = FieldList(bytes, range, limit: 3, diagnostics: &diagnostics)
        guard let hash = fields.at(0) else {
            diagnostics.report(rule, range, "fingerprint has no hash function")
            return nil
        }
        // A hash function that is not a token (RFC 8122 §5 `hash-func`) is reported as such,
        // not as missing.
        guard Field.token(bytes, hash, "hash function", rule, &diagnostics) else { return nil }
        guard let digest = fields.at(1) else {
            diagnostics.report(rule, fields.missing(1), "fingerprint has no digest")
            return nil
        }
        if let extra = fields.at(2) {
            diagnostics.report(rule, extra, "unexpected '\(Bytes.string(bytes, extra))' after the digest")
        }
        // 2UHEX *(":" 2UHEX): pairs at offsets 0, 3, 6, … separated by colons.
        var pairs = 0
        var lowercase = false
        var i = digest.lowerBound
        var malformed: Int?
        // Fields lie within `bytes`; checked here so the loop can read without checks.
        let end = min(digest.upperBound, bytes.count)
        // Eight pairs and their colons at a time while more pairs follow; the pair-by-pair
        // loop below reads the rest, and any block that is not eight good pairs again.
        while i >= 0 && i + 24 < end && bytes[unchecked: i + 23] == ASCII.colon,
            let block = Self.hexBlock(bytes, i)
        {
            if block { lowercase = true }
            pairs += 8
            i += 24
        }
        while i < end {
            guard i + 1 < end else {
                malformed = i
                break
            }
            let high = bytes[unchecked: i]
            let low = bytes[unchecked: i + 1]
            guard high.isHexDigit, low.isHexDigit else {
                malformed = i
                break
            }
            if high >= UInt8(ascii: "a") || low >= UInt8(ascii: "a") { lowercase = true }
            pairs += 1
            i += 2
            if i < end {
                guard bytes[unchecked: i] == ASCII.colon, i + 1 < end else {
                    malformed = i
                    break
                }
                i += 1
            }
        }
        if let malformed {
            diagnostics.report(
                rule, malformed..<min(malformed + 1, digest.upperBound),
                "fingerprint digest must be hex byte pairs separated by ':'")
        } else {
            if lowercase {
                diagnostics.report(
                    SDPRules.valueCase, digest,
                    "fingerprint digest uses lower-case hex; the grammar writes upper case (UHEX)",
                    hint: "most receivers accept either, but strict ones compare the text")
            }
            if let expected = digestLength(hash, bytes) {
                if expected != pairs {
                    diagnostics.report(
                        SDPRules.fingerprintLength, digest,
                        "\(Bytes.string(bytes, hash)) digest has \(pairs) bytes; \(expected) expected")
                }
            } else {
                diagnostics.report(
                    SDPRules.fingerprintHashUnknown, hash,
                    "hash function '\(Bytes.string(bytes, hash))' is not in the IANA registry; no receiver can check the certificate with it",
                    hint: "use sha-256")
            }
        }
        return (hash, digest)
    }

    /// Whether the 24 bytes at `start` are eight "HH:" groups (hex digit pairs, each followed by
    /// a colon), tested a word at a time; the value is whether any digit is lower case, `nil`
    /// when the bytes are anything else. `start + 24` must not exceed `bytes.count`.
    @inline(__always)
    private static func hexBlock(_ bytes: Span<UInt8>, _ start: Int) -> Bool? {
        // The colons of the 24 bytes fall at 2, 5, 8, 11, 14, 17, 20, 23: bytes 2 and 5 of the
        // first word, 0, 3, 6 of the second, 1, 4, 7 of the third.
        let colons: (UInt64, UInt64, UInt64) = (0x0000_FF00_00FF_0000, 0x00FF_0000_FF00_00FF, 0xFF00_00FF_0000_FF00)
        let ones: UInt64 = 0x0101_0101_0101_0101
        let high: UInt64 = 0x8080_8080_8080_8080
        /// Bit 7 of each lower-case digit of `word`, or `nil` if it is not hex digits and colons
        /// at `colonMask`.
        @inline(__always) func lowerCaseDigits(_ word: UInt64, _ colonMask: UInt64) -> UInt64? {
            guard word & high == 0, word & colonMask == 0x3A3A_3A3A_3A3A_3A3A & colonMask else { return nil }
            // For bytes below 0x80, adding 0x80 - n sets bit 7 exactly when the byte is >= n.
            let digit = (word &+ (0x80 - 0x30) &* ones) & ~(word &+ (0x80 - 0x3A) &* ones)
            let folded = word | 0x20 &* ones
            let letter = (folded &+ (0x80 - 0x61) &* ones) & ~(folded &+ (0x80 - 0x67) &* ones)
            let hexPositions = high & ~(colonMask & high)
            guard (digit | letter) & hexPositions == hexPositions else { return nil }
            return (word &+ (0x80 - 0x61) &* ones) & hexPositions
        }
        guard let first = lowerCaseDigits(Bytes.loadWord(bytes, start), colons.0),
            let second = lowerCaseDigits(Bytes.loadWord(bytes, start + 8), colons.1),
            let third = lowerCaseDigits(Bytes.loadWord(bytes, start + 16), colons.2)
        else { return nil }
        return first | second | third != 0
    }

    private static func digestLength(_ hash: Range<Int>, _ bytes: Span<UInt8>) -> Int? {
        if Bytes.equalsIgnoringCase(bytes, hash, "sha-256") { return 32 }
        if Bytes.equalsIgnoringCase(bytes, hash, "sha-1") { return 20 }
        if Bytes.equalsIgnoringCase(bytes, hash, "sha-384") { return 48 }
        if Bytes.equalsIgnoringCase(bytes, hash, "sha-512") { return 64 }
        if Bytes.equalsIgnoringCase(bytes, hash, "sha-224") { return 28 }
        if Bytes.equalsIgnoringCase(bytes, hash, "md5") || Bytes.equalsIgnoringCase(bytes, hash, "md2") { return 16 }
        return nil
    }

    public static func parse(
        _ bytes: Span<UInt8>, _ range: Range<Int>, into diagnostics: inout DiagnosticCollector
    ) -> Fingerprint? {
        guard let (hash, digest) = scan(bytes, range, into: &diagnostics) else { return nil }
        return Fingerprint(hashFunction: Bytes.string(bytes, hash), fingerprint: Bytes.string(bytes, digest))
    }
}

/// `a=setup`: which side opens the DTLS (or TCP) connection.
///
/// [RFC 4145 §4](https://www.rfc-editor.org/rfc/rfc4145#section-4), with the DTLS rules of
/// [RFC 8842 §5.2](https://www.rfc-editor.org/rfc/rfc8842#section-5.2): an offer says `actpass`,
/// an answer `active` or `passive`.
public enum Setup: String, AttributeValue, CaseIterable {
    case active
    case passive
    case actpass
    case holdconn

    public static let attributeName = Attribute.Name.setup

    public func write(to output: inout String) { output += rawValue }

    public var description: String { "setup:" + rawValue }

    public static func parse(
        _ bytes: Span<UInt8>, _ range: Range<Int>, into diagnostics: inout DiagnosticCollector
    ) -> Setup? {
        for role in Setup.allCases where Bytes.equals(bytes, range, role.staticName) { return role }
        // ABNF literals are case-insensitive (RFC 5234 §2.3); receivers that compare exactly do not.
        for role in Setup.allCases where Bytes.equalsIgnoringCase(bytes, range, role.staticName) {
            diagnostics.report(
                SDPRules.valueCase, range,
                "setup role '\(Bytes.string(bytes, range))' is usually written '\(role.rawValue)'")
            return role
        }
        diagnostics.report(
            SDPRules.setupSyntax, range,
            "setup role '\(Bytes.string(bytes, range))' is not active, passive, actpass or holdconn")
        return nil
    }

    private var staticName: StaticString {
        switch self {
        case .active: "active"
        case .passive: "passive"
        case .actpass: "actpass"
        case .holdconn: "holdconn"
        }
    }
}

/// `a=tls-id`: identifies a DTLS association, so that a new one is recognised (RFC 8842 §5).
/// ```
/// tls-id-value = 20*255(tls-id-char)
/// tls-id-char  = ALPHA / DIGIT / "+" / "/" / "-" / "_"
/// ```
public struct TLSID: AttributeValue {
    public static let attributeName = Attribute.Name.tlsID
    public var value: String

    public init(_ value: String) { self.value = value }

    public func write(to output: inout String) { output += value }

    public static func parse(
        _ bytes: Span<UInt8>, _ range: Range<Int>, into diagnostics: inout DiagnosticCollector
    ) -> TLSID? {
        check(bytes, range, into: &diagnostics)
        return TLSID(Bytes.string(bytes, range))
    }

    /// Checks the value without making a string.
    static func check(_ bytes: Span<UInt8>, _ range: Range<Int>, into diagnostics: inout DiagnosticCollector) {
        let rule = SDPRules.tlsIDSyntax
        for i in range {
            let b = bytes[i]
            if !(b.isICEChar || b == ASCII.minus || b == ASCII.underscore) {
                diagnostics.report(rule, i..<(i + 1), "tls-id contains \(b.displayed)")
                break
            }
        }
        if range.count < 20 || range.count > 255 {
            diagnostics.report(rule, range, "tls-id is \(range.count) characters long; 20–255 are required")
        }
    }
}
