import SDPLintScanning

/// What the parser knows about each attribute of the WebRTC/JSEP and SIP set: whether it takes
/// a value, where it may appear, and whether it may repeat.
///
/// Levels and multiplicity follow the attribute's defining RFC as summarised by RFC 8859
/// (categories NORMAL, IDENTICAL, TRANSPORT, …) and the IANA attribute registry.
enum KnownAttribute: UInt8, CaseIterable, Sendable {
    case rtpmap, fmtp, ptime, maxptime, framerate, sendrecv, sendonly, recvonly, inactive
    case orient, type, charset, sdplang, lang, quality, tool, cat, keywds
    case rtcp, rtcpFeedback, rtcpMux, rtcpMuxOnly, rtcpReducedSize, rtcpXR, extmap, extmapAllowMixed
    case mid, group, msid, msidSemantic, ssrc, ssrcGroup, rid, simulcast, bundleOnly, label, content
    case candidate, remoteCandidates, iceUfrag, icePwd, iceOptions, iceLite, iceMismatch, icePacing, endOfCandidates
    case fingerprint, setup, connection, tlsID, crypto, identity
    case sctpPort, maxMessageSize, sctpmap
    case imageattr

    enum Level { case session, media, both }

    /// The name as it is written.
    var nameString: String {
        switch self {
        case .rtpmap: "rtpmap"
        case .fmtp: "fmtp"
        case .ptime: "ptime"
        case .maxptime: "maxptime"
        case .framerate: "framerate"
        case .sendrecv: "sendrecv"
        case .sendonly: "sendonly"
        case .recvonly: "recvonly"
        case .inactive: "inactive"
        case .orient: "orient"
        case .type: "type"
        case .charset: "charset"
        case .sdplang: "sdplang"
        case .lang: "lang"
        case .quality: "quality"
        case .tool: "tool"
        case .cat: "cat"
        case .keywds: "keywds"
        case .rtcp: "rtcp"
        case .rtcpFeedback: "rtcp-fb"
        case .rtcpMux: "rtcp-mux"
        case .rtcpMuxOnly: "rtcp-mux-only"
        case .rtcpReducedSize: "rtcp-rsize"
        case .rtcpXR: "rtcp-xr"
        case .extmap: "extmap"
        case .extmapAllowMixed: "extmap-allow-mixed"
        case .mid: "mid"
        case .group: "group"
        case .msid: "msid"
        case .msidSemantic: "msid-semantic"
        case .ssrc: "ssrc"
        case .ssrcGroup: "ssrc-group"
        case .rid: "rid"
        case .simulcast: "simulcast"
        case .bundleOnly: "bundle-only"
        case .label: "label"
        case .content: "content"
        case .candidate: "candidate"
        case .remoteCandidates: "remote-candidates"
        case .iceUfrag: "ice-ufrag"
        case .icePwd: "ice-pwd"
        case .iceOptions: "ice-options"
        case .iceLite: "ice-lite"
        case .iceMismatch: "ice-mismatch"
        case .icePacing: "ice-pacing"
        case .endOfCandidates: "end-of-candidates"
        case .fingerprint: "fingerprint"
        case .setup: "setup"
        case .connection: "connection"
        case .tlsID: "tls-id"
        case .crypto: "crypto"
        case .identity: "identity"
        case .sctpPort: "sctp-port"
        case .maxMessageSize: "max-message-size"
        case .sctpmap: "sctpmap"
        case .imageattr: "imageattr"
        }
    }

    var name: Attribute.Name { Attribute.Name(known: self) }

    /// The known attribute with exactly this name.
    init?(name: String) {
        var name = name
        guard let known = name.withUTF8({ buffer in KnownAttribute.lookup(buffer.span, 0..<buffer.count) }) else {
            return nil
        }
        self = known
    }

    /// Property attributes, written without a value.
    @inline(__always)
    var isFlag: Bool {
        switch self {
        case .sendrecv, .sendonly, .recvonly, .inactive, .rtcpMux, .rtcpMuxOnly, .rtcpReducedSize,
            .extmapAllowMixed, .bundleOnly, .iceLite, .iceMismatch, .endOfCandidates:
            true
        default:
            false
        }
    }

    @inline(__always)
    var isDirection: Bool { self == .sendrecv || self == .sendonly || self == .recvonly || self == .inactive }

    /// Where the attribute may appear, from each one's registration ("Usage Level"; e.g. tls-id
    /// is media-level only, RFC 8842 §4).
    @inline(__always)
    var level: Level {
        switch self {
        case .type, .charset, .tool, .cat, .keywds, .group, .msidSemantic, .iceLite, .icePacing, .identity:
            .session
        case .sendrecv, .sendonly, .recvonly, .inactive, .sdplang, .lang, .rtcpXR, .extmap, .extmapAllowMixed,
            .iceUfrag, .icePwd, .iceOptions, .endOfCandidates, .fingerprint, .setup, .connection:
            .both
        default:
            .media
        }
    }

    /// Whether the attribute may appear at most once per section.
    @inline(__always)
    var isSingle: Bool {
        switch self {
        case .ptime, .maxptime, .framerate, .orient, .type, .charset, .quality, .tool, .rtcp, .rtcpMux,
            .rtcpMuxOnly, .rtcpReducedSize, .extmapAllowMixed, .mid, .simulcast, .bundleOnly, .label, .content,
            .remoteCandidates, .iceUfrag, .icePwd, .iceOptions, .iceLite, .iceMismatch, .icePacing,
            .endOfCandidates, .setup, .connection, .tlsID, .identity, .sctpPort, .maxMessageSize:
            true
        default:
            false
        }
    }

    /// The known attribute whose name is exactly `range` of `bytes`.
    ///
    /// The name is read as up to three 8-byte words and compared with the names' words by
    /// length: a few instructions per attribute line, where a byte-by-byte search took ~150.
    static func lookup(_ bytes: Span<UInt8>, _ range: Range<Int>) -> KnownAttribute? {
        let count = range.count
        guard count >= 3 && count <= 18, range.lowerBound >= 0, range.upperBound <= bytes.count else { return nil }
        let w0 = Bytes.word(bytes, range.lowerBound, count: count)
        if count <= 8 { return lookup(word: w0, count: count) }
        // Longer names: the first word picks the candidate, the rest must match too.
        let w1 = Bytes.word(bytes, range.lowerBound + 8, count: count - 8)
        let w2 = count > 16 ? Bytes.word(bytes, range.lowerBound + 16, count: count - 16) : 0
        /// `known` if the name is all of `literal` (whose words fold to constants).
        @inline(__always) func match(_ literal: StaticString, _ known: KnownAttribute) -> KnownAttribute? {
            count == literal.utf8CodeUnitCount && w1 == Bytes.word(literal, from: 8)
                && w2 == Bytes.word(literal, from: 16) ? known : nil
        }
        switch w0 {
        case word("fingerprint"): return match("fingerprint", .fingerprint)
        case word("ice-ufrag"): return match("ice-ufrag", .iceUfrag)
        case word("candidate"): return match("candidate", .candidate)
        case word("ice-options"): return match("ice-options", .iceOptions)
        case word("msid-semantic"): return match("msid-semantic", .msidSemantic)
        case word("extmap-allow-mixed"): return match("extmap-allow-mixed", .extmapAllowMixed)
        case word("rtcp-rsize"): return match("rtcp-rsize", .rtcpReducedSize)
        case word("rtcp-mux-only"): return match("rtcp-mux-only", .rtcpMuxOnly)
        case word("ssrc-group"): return match("ssrc-group", .ssrcGroup)
        case word("sctp-port"): return match("sctp-port", .sctpPort)
        case word("max-message-size"): return match("max-message-size", .maxMessageSize)
        case word("end-of-candidates"): return match("end-of-candidates", .endOfCandidates)
        case word("bundle-only"): return match("bundle-only", .bundleOnly)
        case word("simulcast"): return match("simulcast", .simulcast)
        case word("framerate"): return match("framerate", .framerate)
        case word("ice-mismatch"): return match("ice-mismatch", .iceMismatch)
        case word("ice-pacing"): return match("ice-pacing", .icePacing)
        case word("connection"): return match("connection", .connection)
        case word("remote-candidates"): return match("remote-candidates", .remoteCandidates)
        case word("imageattr"): return match("imageattr", .imageattr)  // RFC 6236
        default: return nil
        }
    }

    /// The known attribute whose name has `count` (at most 8) bytes, held in `w0` as
    /// `Bytes/word(_:_:count:)` loads them.
    @inline(__always)
    static func lookup(word w0: UInt64, count: Int) -> KnownAttribute? {
        switch count {
        case 3:
            switch w0 {
            case word("mid"): return .mid
            case word("rid"): return .rid
            case word("cat"): return .cat
            default: return nil
            }
        case 4:
            switch w0 {
            case word("fmtp"): return .fmtp
            case word("ssrc"): return .ssrc
            case word("msid"): return .msid
            case word("rtcp"): return .rtcp
            case word("type"): return .type
            case word("tool"): return .tool
            case word("lang"): return .lang
            default: return nil
            }
        case 5:
            switch w0 {
            case word("setup"): return .setup
            case word("group"): return .group
            case word("ptime"): return .ptime
            case word("label"): return .label
            default: return nil
            }
        case 6:
            switch w0 {
            case word("rtpmap"): return .rtpmap
            case word("extmap"): return .extmap
            case word("crypto"): return .crypto
            case word("tls-id"): return .tlsID
            case word("orient"): return .orient
            case word("keywds"): return .keywds
            default: return nil
            }
        case 7:
            switch w0 {
            case word("rtcp-fb"): return .rtcpFeedback
            case word("ice-pwd"): return .icePwd
            case word("rtcp-xr"): return .rtcpXR
            case word("sctpmap"): return .sctpmap
            case word("content"): return .content
            case word("charset"): return .charset
            case word("sdplang"): return .sdplang
            case word("quality"): return .quality
            default: return nil
            }
        case 8:
            switch w0 {
            case word("sendrecv"): return .sendrecv
            case word("rtcp-mux"): return .rtcpMux
            case word("recvonly"): return .recvonly
            case word("sendonly"): return .sendonly
            case word("inactive"): return .inactive
            case word("ice-lite"): return .iceLite
            case word("maxptime"): return .maxptime
            case word("identity"): return .identity
            default: return nil
            }
        default:
            return nil
        }
    }

    @inline(__always)
    private static func word(_ literal: StaticString) -> UInt64 { Bytes.word(literal) }

    /// The known attribute spelled like `range` in another case ("RTPMAP").
    static func lookupIgnoringCase(_ bytes: Span<UInt8>, _ range: Range<Int>) -> KnownAttribute? {
        let length = range.count
        guard length > 0 && length < byLength.count else { return nil }
        for known in byLength[length] where matches(known.literal, bytes, range, ignoringCase: true) { return known }
        return nil
    }

    /// The name as a literal, compared and written without touching a `String`.
    var literal: StaticString {
        switch self {
        case .rtpmap: "rtpmap"
        case .fmtp: "fmtp"
        case .ptime: "ptime"
        case .maxptime: "maxptime"
        case .framerate: "framerate"
        case .sendrecv: "sendrecv"
        case .sendonly: "sendonly"
        case .recvonly: "recvonly"
        case .inactive: "inactive"
        case .orient: "orient"
        case .type: "type"
        case .charset: "charset"
        case .sdplang: "sdplang"
        case .lang: "lang"
        case .quality: "quality"
        case .tool: "tool"
        case .cat: "cat"
        case .keywds: "keywds"
        case .rtcp: "rtcp"
        case .rtcpFeedback: "rtcp-fb"
        case .rtcpMux: "rtcp-mux"
        case .rtcpMuxOnly: "rtcp-mux-only"
        case .rtcpReducedSize: "rtcp-rsize"
        case .rtcpXR: "rtcp-xr"
        case .extmap: "extmap"
        case .extmapAllowMixed: "extmap-allow-mixed"
        case .mid: "mid"
        case .group: "group"
        case .msid: "msid"
        case .msidSemantic: "msid-semantic"
        case .ssrc: "ssrc"
        case .ssrcGroup: "ssrc-group"
        case .rid: "rid"
        case .simulcast: "simulcast"
        case .bundleOnly: "bundle-only"
        case .label: "label"
        case .content: "content"
        case .candidate: "candidate"
        case .remoteCandidates: "remote-candidates"
        case .iceUfrag: "ice-ufrag"
        case .icePwd: "ice-pwd"
        case .iceOptions: "ice-options"
        case .iceLite: "ice-lite"
        case .iceMismatch: "ice-mismatch"
        case .icePacing: "ice-pacing"
        case .endOfCandidates: "end-of-candidates"
        case .fingerprint: "fingerprint"
        case .setup: "setup"
        case .connection: "connection"
        case .tlsID: "tls-id"
        case .crypto: "crypto"
        case .identity: "identity"
        case .sctpPort: "sctp-port"
        case .maxMessageSize: "max-message-size"
        case .sctpmap: "sctpmap"
        case .imageattr: "imageattr"
        }
    }

    @inline(__always)
    private static func matches(
        _ literal: StaticString, _ bytes: Span<UInt8>, _ range: Range<Int>, ignoringCase: Bool
    ) -> Bool {
        guard range.count == literal.utf8CodeUnitCount, range.lowerBound >= 0, range.upperBound <= bytes.count else {
            return false
        }
        let pointer = literal.utf8Start
        var i = 0
        for index in range {
            let actual = bytes[unchecked: index]
            if ignoringCase ? actual.asciiLowercased != pointer[i] : actual != pointer[i] { return false }
            i += 1
        }
        return true
    }

    /// Known attributes bucketed by name length, for a lookup of a few comparisons.
    private static let byLength: [[KnownAttribute]] = {
        var buckets = [[KnownAttribute]](repeating: [], count: 24)
        for known in allCases { buckets[known.literal.utf8CodeUnitCount].append(known) }
        return buckets
    }()
}
