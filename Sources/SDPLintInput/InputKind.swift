import SDPLintCapture
import SDPLintSignaling

/// What an input holds, told from its content (or forced with `--input`); the file name is a
/// hint only where the content cannot decide (an empty `.ndjson` file is an empty stream).
public enum InputKind: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// A session description (RFC 8866).
    case sdp
    /// An SDP fragment: a= and m= lines without v= (RFC 8840 trickle bodies).
    case sdpfrag
    /// One or more ICE candidate lines, with or without `a=` (RFC 8839 §5.1).
    case candidate
    /// JSON: a signaling envelope, NDJSON, `iceServers`, a webrtc-internals dump or an
    /// about:webrtc report.
    case json
    /// SIP messages (RFC 3261).
    case sip
    /// HTTP messages (WHIP/WHEP, RFC 9725).
    case http
    /// XML: XMPP Jingle stanzas.
    case xml
    /// An rtcstats dump, decompressed (`RTCStatsDump` then one JSON array per event).
    case rtcstats
    /// gzip-compressed data (webrtc-internals and rtcstats dumps, captures).
    case gzip
    /// A packet capture (pcap or pcapng).
    case pcap
    /// HEP version 3 packets one after another, as a Homer collector receives them from capture
    /// agents (Kamailio, OpenSIPS, heplify, FreeSWITCH, Asterisk, sngrep).
    case hep
    /// Bytes that are not text: no reader applies.
    case binary
    /// An HTML page, such as a saved about:webrtc page: no reader applies.
    case html

    public var description: String { rawValue }

    /// The kinds `--input` accepts: the ones a reader reads.
    public static var readable: [InputKind] { allCases.filter { $0 != .binary && $0 != .html } }

    /// The kind of `bytes`, from their content first and from `name`'s extension where the
    /// content does not decide.
    ///
    /// - Complexity: O(1): at most the first 4 KiB are read.
    public static func detect(_ bytes: [UInt8], name: String = "") -> InputKind {
        if Gzip.isGzip(bytes.prefix(3)), bytes.count >= 2 { return .gzip }
        let magics: [[UInt8]] = [
            [0xD4, 0xC3, 0xB2, 0xA1], [0xA1, 0xB2, 0xC3, 0xD4], [0x4D, 0x3C, 0xB2, 0xA1], [0xA1, 0xB2, 0x3C, 0x4D],
            [0x0A, 0x0D, 0x0D, 0x0A],
        ]
        if magics.contains(where: { bytes.starts(with: $0) }) { return .pcap }
        if HEPPacket.startsPacket(bytes) { return .hep }
        var start = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        while start < bytes.count, [0x20, 0x09, 0x0D, 0x0A].contains(bytes[start]) { start += 1 }
        let head = Array(bytes[start..<min(bytes.count, start + 4096)])
        guard let first = head.first else { return hint(name) ?? .sdp }
        // UTF-16 has a NUL in every other byte: no reader takes it (the finding says so).
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) { return .binary }
        switch first {
        case UInt8(ascii: "{"), UInt8(ascii: "["): return .json
        case UInt8(ascii: "<"): return looksLikeHTML(head) ? .html : .xml
        default: break
        }
        if SIPpTraceLog.isLog(head) { return .sip }
        let firstLine = String(decoding: head.prefix { $0 != 0x0A && $0 != 0x0D }, as: UTF8.self)
        if firstLine == "RTCStatsDump" { return .rtcstats }
        if firstLine.hasPrefix("a=candidate:") || firstLine.hasPrefix("candidate:") {
            let lines = String(decoding: head, as: UTF8.self).split(whereSeparator: \.isNewline)
            return lines.allSatisfy {
                $0.hasPrefix("a=candidate:") || $0.hasPrefix("candidate:") || $0 == "a=end-of-candidates"
            } ? .candidate : .sdpfrag
        }
        switch Signaling.detect(head, name: name) {
        case .json, .envelope: return .json
        case .whip: return .http
        case .sip: return .sip
        case .sdp: return .sdp
        case .sdpfrag: return .sdpfrag
        case nil: return isBinary(head) ? .binary : hint(name) ?? .sdp
        }
    }

    /// The kind a file name suggests, for content that does not say.
    static func hint(_ name: String) -> InputKind? {
        let lowered = name.lowercased()
        let extensions: [(String, InputKind)] = [
            (".ndjson", .json), (".jsonl", .json), (".json", .json), (".sdpfrag", .sdpfrag), (".xml", .xml),
            (".sip", .sip), (".pcap", .pcap), (".pcapng", .pcap), (".hep", .hep), (".gz", .gzip), (".sdp", .sdp),
        ]
        return extensions.first { lowered.hasSuffix($0.0) }?.1
    }

    /// Whether the head of an input is not text: a NUL, control bytes other than white space,
    /// or bytes that are not UTF-8 where the rest is not ASCII either.
    static func isBinary(_ head: [UInt8]) -> Bool {
        var controls = 0
        for byte in head {
            if byte == 0 { return true }
            if byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D && byte != 0x1B { controls += 1 }
        }
        if controls * 20 > head.count { return true }
        // Text in another encoding than UTF-8 (UTF-16 has NULs; Latin-1 is still text to report).
        let invalid = String(validating: head.prefix(4000), as: UTF8.self) == nil
        return invalid && head.filter { $0 >= 0x80 }.count * 4 > head.count
    }

    /// `<!DOCTYPE html`, or a page (or a part of one, as a browser saves a page's element)
    /// that opens with an HTML element: `<html>`, `<head>`, `<body>`, `<div>`, `<table>`, …
    /// None of these is an XMPP element, so a Jingle stanza is never taken for a page.
    static func looksLikeHTML(_ head: [UInt8]) -> Bool {
        let text = String(decoding: head.prefix(512), as: UTF8.self).lowercased()
        if text.hasPrefix("<!doctype html") { return true }
        let name = text.dropFirst().prefix { $0.isLetter || $0.isNumber }
        return htmlElements.contains(String(name))
    }

    /// Elements that open saved pages and page fragments (WHATWG HTML §4).
    private static let htmlElements: Set<String> = [
        "html", "head", "body", "div", "span", "p", "table", "section", "main", "article", "header", "nav",
        "pre", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "meta", "title", "style", "script", "link",
    ]
}
