import SDPLintDiagnostics
public import SDPLintInput
import SDPLintReporting
public import SDPLintSDP
import SDPLintWebRTC

/// Replaces what identifies people, hosts, networks and sessions in any input `sdplint` reads —
/// a description, candidate lines, JSON signaling, browser dumps, SIP and WHIP/WHEP traces,
/// Jingle stanzas, gzip files and packet captures — so that it can be attached to a bug report.
///
/// Three promises make the result still useful:
///
/// - **Same bytes, same length.** Every replacement has exactly the byte length of what it
///   replaces, and keeps its shape: an IPv4 address becomes an IPv4 address of the same scope
///   (loopback and unspecified addresses are kept; private stays private, public stays public)
///   written with as many digits; a token keeps its character classes and punctuation; a UUID
///   stays a UUID. So Content-Length headers, JSON escapes, IP and UDP lengths and TCP sequence
///   numbers stay right, and the result lints with the same rule codes.
/// - **Same value, same replacement.** One value gets one replacement across the whole input: a
///   candidate's address in an SDP inside a JSON string, in a SIP body and in an IP header.
/// - **Seeded and blind.** Replacements come from a seeded generator in the order values first
///   appear, so the same seed gives the same output, and no replacement depends on the secret
///   it replaces — nor equals any value of the input.
///
/// Anonymizing takes two passes: the first only records every value the input holds, in order;
/// replacements are then drawn for all of them, each different from every original value; the
/// second pass writes them. A free-text sweep in the second pass can then replace an identifier
/// wherever it appears, even before the place that defined it.
///
/// ```swift
/// let clean = try Anonymizer.anonymize(bytes)        // kind detected from the content
/// var anonymizer = Anonymizer(seed: 7)
/// let offer = anonymizer.anonymize(description)       // a parsed description
/// ```
public struct Anonymizer: Sendable {
    /// The seed used when none is given.
    public static let defaultSeed: UInt64 = 0x5D9_11A7

    var random: SplitMix64
    /// While true, values are only recorded and come back unchanged (the first pass).
    var collecting = false
    /// Values met while collecting, each once, in order of first appearance.
    var pending: [Value] = []
    var pendingSet: Set<Value> = []
    /// Every original token, address, port and MAC address: no replacement may equal one.
    var originalTokens: Set<String> = []
    var originalIPv4: Set<UInt32> = []
    var originalIPv6: Set<IPv6Groups> = []
    var originalPorts: Set<Int> = []
    var originalMACs: Set<UInt64> = []
    /// Originals that the free-text sweep replaces wherever they occur as a word.
    var sweepable: Set<String> = []
    var tokens: [String: String] = [:]
    var usedTokens: Set<String> = []
    var ipv4: [UInt32: UInt32] = [:]
    var usedIPv4: Set<UInt32> = []
    var ipv6: [IPv6Groups: IPv6Groups] = [:]
    var usedIPv6: Set<IPv6Groups> = []
    var ports: [Int: Int] = [:]
    var usedPorts: Set<Int> = []
    var macs: [UInt64: UInt64] = [:]
    var usedMACs: Set<UInt64> = []
    /// How deeply containers nest right now (gzip in gzip, JSON in JSON strings).
    var depth = 0
    /// The most a gzip input may decompress to, as `InputReader` bounds it for the other
    /// commands (`--max-bytes`); by default 512 MiB, the gzip reader's own limit.
    public var maxDecompressedBytes = 512 << 20

    /// A value recorded in the first pass, to be given a replacement before the second.
    enum Value: Hashable {
        case token(String)
        case ipv4(UInt32)
        case ipv6(IPv6Groups)
        case port(Int)
        case mac(UInt64)
    }

    public init(seed: UInt64 = Anonymizer.defaultSeed) { random = SplitMix64(seed: seed) }

    // MARK: Entry points

    /// Anonymizes an input of any kind and returns it in the same format: gzip in, gzip out;
    /// JSON in, JSON with the same structure and member order out; a capture in, the same
    /// frames out.
    ///
    /// - Parameters:
    ///   - bytes: The input as read from its file.
    ///   - kind: What the input is; detected from the content when `nil` (`InputKind.detect(_:name:)`).
    ///   - seed: The seed of the replacement values.
    ///   - maxDecompressedBytes: The most gzip data may decompress to.
    /// - Throws: ``AnonymizationError`` for an input that cannot be anonymized whole: a damaged
    ///   gzip stream or one that decompresses to more than `maxDecompressedBytes`, a damaged
    ///   capture, or a link layer whose addresses cannot be found.
    /// - Complexity: O(*n*) in the size of the input (two passes).
    public static func anonymize(
        _ bytes: [UInt8], kind: InputKind? = nil, seed: UInt64 = defaultSeed,
        maxDecompressedBytes: Int = 512 << 20
    ) throws(AnonymizationError) -> [UInt8] {
        var anonymizer = Anonymizer(seed: seed)
        anonymizer.maxDecompressedBytes = maxDecompressedBytes
        return try anonymizer.anonymize(bytes, kind: kind)
    }

    /// Anonymizes one more input with this anonymizer's replacements, so that values shared with
    /// inputs anonymized before get the same replacements.
    public mutating func anonymize(_ bytes: [UInt8], kind: InputKind? = nil) throws(AnonymizationError) -> [UInt8] {
        let kind = kind ?? InputKind.detect(bytes)
        collecting = true
        do throws(AnonymizationError) {
            _ = try rewrite(bytes, kind: kind)
        } catch {
            collecting = false
            throw error
        }
        collecting = false
        assignPending()
        return try rewrite(bytes, kind: kind)
    }

    /// The description with its identifying values replaced, line for line.
    public mutating func anonymize(_ description: SessionDescription) -> SessionDescription {
        let text = Array(description.serialized().utf8)
        guard let anonymized = try? anonymize(text, kind: .sdp) else { return description }
        return SessionDescription.parse(bytes: anonymized).value
    }

    /// One pass over an input of `kind`.
    mutating func rewrite(_ bytes: [UInt8], kind: InputKind) throws(AnonymizationError) -> [UInt8] {
        switch kind {
        case .sdp, .sdpfrag, .candidate:
            // Lines of text, even when told so: binary data that is not a capture or gzip
            // (UTF-16 text too) has no lines to read, and is refused rather than passed through.
            if InputKind.detect(bytes) == .binary {
                throw AnonymizationError(
                    .binaryData, "the input is binary data of no kind sdplint reads, so it cannot be anonymized")
            }
            var buffer = bytes
            sdpLines(&buffer, 0..<buffer.count)
            return buffer
        case .json, .rtcstats:
            return json(bytes[...], key: nil, otherText: Self.otherJSONText(bytes, kind: kind))
        case .sip:
            var buffer = bytes
            if SIPpTraceLog.isLog(bytes) {
                // Each message of SIPp's log; the separators, times and byte counts stay.
                for (range, _, _) in SIPpTraceLog.messages(bytes) { messages(&buffer, range, .sip) }
            } else {
                messages(&buffer, 0..<buffer.count, .sip)
            }
            return buffer
        case .http:
            var buffer = bytes
            messages(&buffer, 0..<buffer.count, .http)
            return buffer
        case .xml:
            return xml(bytes[...], otherText: .everyWord)
        case .html:
            return xml(bytes[...], otherText: .recognized)
        case .binary:
            throw AnonymizationError(
                .binaryData, "the input is binary data of no kind sdplint reads, so it cannot be anonymized")
        case .gzip:
            return try gzip(bytes)
        case .pcap:
            return try capture(bytes)
        case .hep:
            return hep(bytes)
        }
    }

    /// Gives every value recorded in the first pass its replacement, in order of appearance.
    mutating func assignPending() {
        for value in pending {
            switch value {
            case .token(let text): _ = assignToken(text)
            case .ipv4(let address): _ = assignIPv4(address)
            case .ipv6(let address): _ = assignIPv6(address)
            case .port(let port): _ = assignPort(port)
            case .mac(let address): _ = assignMAC(address)
            }
        }
        pending = []
        pendingSet = []
    }

    mutating func record(_ value: Value) {
        if pendingSet.insert(value).inserted { pending.append(value) }
    }
}

/// SplitMix64: a small, fast, seedable generator (Steele, Lea and Flood 2014).
struct SplitMix64: Sendable {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
