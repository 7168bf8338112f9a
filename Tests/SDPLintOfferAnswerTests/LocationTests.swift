import SDPLintDiagnostics
import SDPLintOfferAnswer
import SDPLintTestSupport
import Testing

/// Findings point at the line (and the bytes) that cause them, in the right file.
@Suite struct LocationTests {
    /// The text the finding's location covers, and its whole line.
    static func located(_ finding: Finding, in source: SDPSource) -> (covered: String, line: String) {
        let bytes = Array(source.text.bytes)
        let range = finding.diagnostic.location.bytes
        let lines = source.text.bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
        let line = String(decoding: lines[finding.diagnostic.location.line - 1], as: UTF8.self)
        return (String(decoding: bytes[range], as: UTF8.self), line.hasSuffix("\r") ? String(line.dropLast()) : line)
    }

    @Test(arguments: [
        ("cross/chromium2firefox.audio-video", "OA210", "126 telephone-event/8000/1"),
        ("cross/gstreamer2chromium.recvonly", "OA212", "96 OPUS/48000"),
        ("cross/gstreamer2chromium.recvonly", "OA104", "audio 0 UDP/TLS/RTP/SAVPF 0"),
        (
            "cross/chromium2aiortc.renegotiation.3-stop-video", "OA105",
            "video 42295 UDP/TLS/RTP/SAVPF 96 97 102 103 108 109"
        ),
        ("cross/chromium2aiortc.renegotiation.3-stop-video", "OA313", "BUNDLE 0 1"),
        ("aiortc/audio", "OA109", "- 4004599306 4004599306 IN IP4 0.0.0.0"),
    ])
    func realFindingsCoverTheirValue(stem: String, code: String, covered: String) throws {
        let pair = Pair.corpus(stem)
        let (offer, answer) = try pair.sources()
        let report = Negotiation.analyze(offer: offer, answer: answer)
        let finding = try #require(report.findings(code: Rule.Code(rawValue: code)).first)
        let located = Self.located(finding, in: finding.role == .offer ? offer : answer)
        #expect(located.covered == covered)
        #expect(located.line.hasSuffix(covered))
        #expect(finding.diagnostic.location.column == located.line.utf8.count - covered.utf8.count + 1)
    }

    @Test(arguments: [
        ("OA203", "a=rtpmap:109 opus/48000/2"),
        ("OA206", "a=fmtp:97 apt=98"),
        ("OA308", "a=ice-ufrag:othr"),
        ("OA400", "a=rtcp-fb:96 ccm fir"),
        ("OA403", "a=extmap:9 urn:ietf:params:rtp-hdrext:sdes:mid"),
        ("OA405", "a=extmap-allow-mixed"),
        ("OA410", "a=simulcast:recv h;m;l"),
        ("OA414", "a=ssrc:4444 msid:other audiotrack"),
        ("OA314", "a=crypto:1 AES_256_CM_HMAC_SHA1_80 inline:as3hO6WGlrx4kFEj8o6BNRASnlGQYVOuXK080f4J"),
    ])
    func fixtureFindingsPointAtTheEditedLine(code: String, line: String) throws {
        let offer = Fixture(path: "offer-answer/\(code).fires.offer.sdp")
        let answer = Fixture(path: "offer-answer/\(code).fires.answer.sdp")
        let sources = (
            SDPSource(name: offer.path, bytes: try offer.bytes()),
            SDPSource(name: answer.path, bytes: try answer.bytes())
        )
        let report = Negotiation.analyze(offer: sources.0, answer: sources.1)
        let finding = try #require(report.findings(code: Rule.Code(rawValue: code)).first)
        #expect(finding.role == .answer)
        #expect(Self.located(finding, in: sources.1).line == line)
    }

    /// RFC 5939 §4.2 writes "a=fingerprint: SHA-1 …" (a space before the hash): the weak-hash
    /// finding still points at that line, not at the m= line it falls back to.
    @Test func aFingerprintWrittenWithALeadingSpaceIsFound() throws {
        let offer = Fixture(path: "standards/rfc5939/4.2-2.offer.sdp")
        let answer = Fixture(path: "standards/rfc5939/4.2-2.answer.sdp")
        let sources = (
            SDPSource(name: offer.path, bytes: try offer.bytes()),
            SDPSource(name: answer.path, bytes: try answer.bytes())
        )
        let report = Negotiation.analyze(offer: sources.0, answer: sources.1)
        let lines = report.findings(code: "OA305").map { "\($0.role) \($0.diagnostic.location.line)" }
        #expect(lines == ["offer 7", "answer 5"])
    }

    @Test func fallbackCodecIsPointedAtInTheMediaLine() throws {
        let offer = Fixture(path: "offer-answer/OA209.fires.offer.sdp")
        let answer = Fixture(path: "offer-answer/OA209.fires.answer.sdp")
        let source = SDPSource(name: answer.path, bytes: try answer.bytes())
        let report = Negotiation.analyze(offer: SDPSource(name: offer.path, bytes: try offer.bytes()), answer: source)
        let finding = try #require(report.findings(code: "OA209").first)
        let located = Self.located(finding, in: source)
        #expect(located.covered == "96")
        #expect(located.line == "m=video 9 UDP/TLS/RTP/SAVPF 96 97")
        #expect(
            finding.description.hasPrefix(
                "offer-answer/OA209.fires.answer.sdp:\(finding.diagnostic.location.line):29: note[OA209]"))
    }
}
