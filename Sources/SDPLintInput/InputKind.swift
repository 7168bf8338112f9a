/// What an input holds, detected from its first bytes (or forced with `--input`).
public enum InputKind: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// A session description (RFC 8866).
    case sdp
    /// An SDP fragment: a= and m= lines without v= (RFC 8840 trickle bodies).
    case sdpfrag
    /// One or more ICE candidate lines, with or without `a=` (RFC 8839 §5.1).
    case candidate
    /// JSON: a signaling envelope, NDJSON, a webrtc-internals dump or an about:webrtc report.
    case json
    /// SIP messages (RFC 3261).
    case sip
    /// HTTP messages (WHIP/WHEP, RFC 9725).
    case http
    /// XML: an XMPP Jingle stanza.
    case xml
    /// An rtcstats dump, decompressed (`RTCStatsDump` then one JSON array per event).
    case rtcstats
    /// gzip-compressed data (webrtc-internals and rtcstats dumps).
    case gzip
    /// A packet capture (pcap or pcapng).
    case pcap

    public var description: String { rawValue }

    /// Guesses the kind from the content.
    public static func detect(_ bytes: [UInt8]) -> InputKind {
        if bytes.starts(with: [0x1F, 0x8B]) { return .gzip }
        let magics: [[UInt8]] = [
            [0xD4, 0xC3, 0xB2, 0xA1], [0xA1, 0xB2, 0xC3, 0xD4], [0x4D, 0x3C, 0xB2, 0xA1], [0xA1, 0xB2, 0x3C, 0x4D],
            [0x0A, 0x0D, 0x0D, 0x0A],
        ]
        if magics.contains(where: { bytes.starts(with: $0) }) { return .pcap }
        var start = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        while start < bytes.count, [0x20, 0x09, 0x0D, 0x0A].contains(bytes[start]) { start += 1 }
        let head = bytes[start..<min(bytes.count, start + 256)]
        guard let first = head.first else { return .sdp }
        switch first {
        case UInt8(ascii: "{"), UInt8(ascii: "["): return .json
        case UInt8(ascii: "<"): return .xml
        default: break
        }
        let firstLine = String(decoding: head.prefix { $0 != 0x0A && $0 != 0x0D }, as: UTF8.self)
        if firstLine.hasPrefix("v=") { return .sdp }
        if firstLine == "RTCStatsDump" { return .rtcstats }
        if firstLine.hasPrefix("a=candidate:") || firstLine.hasPrefix("candidate:") {
            let rest = String(decoding: bytes[start...].prefix(4096), as: UTF8.self).split(whereSeparator: \.isNewline)
            return rest.allSatisfy {
                $0.hasPrefix("a=candidate:") || $0.hasPrefix("candidate:") || $0 == "a=end-of-candidates"
            } ? .candidate : .sdpfrag
        }
        if firstLine.hasPrefix("a=") || firstLine.hasPrefix("m=") { return .sdpfrag }
        if firstLine.hasPrefix("SIP/2.0 ") || firstLine.hasSuffix(" SIP/2.0") { return .sip }
        if firstLine.hasPrefix("HTTP/1.1 ") || firstLine.hasSuffix(" HTTP/1.1") { return .http }
        return .sdp
    }
}
