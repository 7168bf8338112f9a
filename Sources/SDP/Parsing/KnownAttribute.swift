import Scanning

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
        }
    }

    var name: Attribute.Name { Attribute.Name(known: self) }

    /// The known attribute with exactly this name.
    init?(name: String) {
        var name = name
        guard let known = name.withUTF8({ buffer in KnownAttribute.lookup(buffer.span, 0..<buffer.count) }) else { return nil }
        self = known
    }

    /// Property attributes, written without a value.
    var isFlag: Bool {
        switch self {
        case .sendrecv, .sendonly, .recvonly, .inactive, .rtcpMux, .rtcpMuxOnly, .rtcpReducedSize,
             .extmapAllowMixed, .bundleOnly, .iceLite, .iceMismatch, .endOfCandidates:
            true
        default:
            false
        }
    }

    var isDirection: Bool { self == .sendrecv || self == .sendonly || self == .recvonly || self == .inactive }

    var level: Level {
        switch self {
        case .type, .charset, .tool, .cat, .keywds, .group, .msidSemantic, .iceLite, .icePacing, .identity:
            .session
        case .sendrecv, .sendonly, .recvonly, .inactive, .sdplang, .lang, .rtcpXR, .extmap, .extmapAllowMixed,
             .iceUfrag, .icePwd, .iceOptions, .endOfCandidates, .fingerprint, .setup, .connection, .tlsID:
            .both
        default:
            .media
        }
    }

    /// Whether the attribute may appear at most once per section.
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
    /// Dispatches on the length and one distinguishing byte, then compares once: a few
    /// instructions per attribute line instead of a search.
    static func lookup(_ bytes: Span<UInt8>, _ range: Range<Int>) -> KnownAttribute? {
        guard !range.isEmpty else { return nil }
        let first = bytes[range.lowerBound]
        let candidate: KnownAttribute?
        switch range.count {
        case 3: candidate = first == UInt8(ascii: "m") ? .mid : first == UInt8(ascii: "r") ? .rid : first == UInt8(ascii: "c") ? .cat : nil
        case 4:
            switch first {
            case UInt8(ascii: "f"): candidate = .fmtp
            case UInt8(ascii: "t"): candidate = bytes[range.lowerBound + 1] == UInt8(ascii: "y") ? .type : .tool
            case UInt8(ascii: "l"): candidate = .lang
            case UInt8(ascii: "r"): candidate = .rtcp
            case UInt8(ascii: "m"): candidate = .msid
            case UInt8(ascii: "s"): candidate = .ssrc
            default: candidate = nil
            }
        case 5:
            switch first {
            case UInt8(ascii: "p"): candidate = .ptime
            case UInt8(ascii: "g"): candidate = .group
            case UInt8(ascii: "l"): candidate = .label
            case UInt8(ascii: "s"): candidate = .setup
            default: candidate = nil
            }
        case 6:
            switch first {
            case UInt8(ascii: "r"): candidate = .rtpmap
            case UInt8(ascii: "o"): candidate = .orient
            case UInt8(ascii: "k"): candidate = .keywds
            case UInt8(ascii: "e"): candidate = .extmap
            case UInt8(ascii: "c"): candidate = .crypto
            case UInt8(ascii: "t"): candidate = .tlsID
            default: candidate = nil
            }
        case 7:
            switch first {
            case UInt8(ascii: "c"): candidate = bytes[range.lowerBound + 1] == UInt8(ascii: "h") ? .charset : .content
            case UInt8(ascii: "s"): candidate = bytes[range.lowerBound + 1] == UInt8(ascii: "d") ? .sdplang : .sctpmap
            case UInt8(ascii: "q"): candidate = .quality
            case UInt8(ascii: "r"): candidate = bytes[range.lowerBound + 5] == UInt8(ascii: "f") ? .rtcpFeedback : .rtcpXR
            case UInt8(ascii: "i"): candidate = .icePwd
            default: candidate = nil
            }
        case 8:
            switch first {
            case UInt8(ascii: "m"): candidate = .maxptime
            case UInt8(ascii: "s"): candidate = bytes[range.lowerBound + 4] == UInt8(ascii: "r") ? .sendrecv : .sendonly
            case UInt8(ascii: "r"): candidate = bytes[range.lowerBound + 1] == UInt8(ascii: "e") ? .recvonly : .rtcpMux
            case UInt8(ascii: "i"): candidate = bytes[range.lowerBound + 1] == UInt8(ascii: "n") ? .inactive : bytes[range.lowerBound + 1] == UInt8(ascii: "d") ? .identity : .iceLite
            default: candidate = nil
            }
        case 9:
            switch first {
            case UInt8(ascii: "f"): candidate = .framerate
            case UInt8(ascii: "s"): candidate = bytes[range.lowerBound + 1] == UInt8(ascii: "i") ? .simulcast : .sctpPort
            case UInt8(ascii: "c"): candidate = .candidate
            case UInt8(ascii: "i"): candidate = .iceUfrag
            default: candidate = nil
            }
        case 10:
            switch first {
            case UInt8(ascii: "s"): candidate = .ssrcGroup
            case UInt8(ascii: "r"): candidate = .rtcpReducedSize
            case UInt8(ascii: "i"): candidate = .icePacing
            case UInt8(ascii: "c"): candidate = .connection
            default: candidate = nil
            }
        case 11:
            switch first {
            case UInt8(ascii: "b"): candidate = .bundleOnly
            case UInt8(ascii: "i"): candidate = .iceOptions
            case UInt8(ascii: "f"): candidate = .fingerprint
            default: candidate = nil
            }
        case 12: candidate = .iceMismatch
        case 13: candidate = first == UInt8(ascii: "r") ? .rtcpMuxOnly : .msidSemantic
        case 16: candidate = .maxMessageSize
        case 17: candidate = first == UInt8(ascii: "e") ? .endOfCandidates : .remoteCandidates
        case 18: candidate = .extmapAllowMixed
        default: candidate = nil
        }
        guard let candidate, matches(candidate.literal, bytes, range, ignoringCase: false) else { return nil }
        return candidate
    }

    /// The known attribute spelled like `range` in another case ("RTPMAP").
    static func lookupIgnoringCase(_ bytes: Span<UInt8>, _ range: Range<Int>) -> KnownAttribute? {
        let length = range.count
        guard length > 0 && length < byLength.count else { return nil }
        for known in byLength[length] where matches(known.literal, bytes, range, ignoringCase: true) { return known }
        return nil
    }

    /// The name as a literal, compared without touching a `String`.
    private var literal: StaticString {
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
        }
    }

    @inline(__always)
    private static func matches(_ literal: StaticString, _ bytes: Span<UInt8>, _ range: Range<Int>, ignoringCase: Bool) -> Bool {
        guard range.count == literal.utf8CodeUnitCount, range.lowerBound >= 0, range.upperBound <= bytes.count else { return false }
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
