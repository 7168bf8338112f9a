import SDPLintDiagnostics
import SDPLintOfferAnswer
import SDPLintSDP
import Testing

/// Which way a negotiated RTP header extension's headers go (RFC 8285 §7): with the section's
/// media, as far as each side's direction for the extension lets them.
@Suite struct HeaderExtensionFlowTests {
    /// One audio section whose stream direction is `stream`, with the extension's lines
    /// (`sessionLines` before the m= line).
    static func description(stream: String, extmap: String, sessionLines: String = "", answer: Bool) -> [UInt8] {
        let host = answer ? 2 : 1
        return Array(
            """
            v=0\r
            o=- 1 1 IN IP4 192.0.2.\(host)\r
            s=-\r
            c=IN IP4 192.0.2.\(host)\r
            t=0 0\r
            \(sessionLines)m=audio 5\(host)000 RTP/AVP 0\r
            a=\(stream)\r
            \(extmap)
            """.utf8)
    }

    @Test(arguments: [
        // (offer stream, offer line, answer stream, answer line, what the offerer does with it)
        ("sendrecv", "a=extmap:1 urn:x\r\n", "sendrecv", "a=extmap:1 urn:x\r\n", Direction.sendrecv),
        // RFC 8285 §7: "sendonly" answered "recvonly" when the answerer wants to receive it.
        ("sendrecv", "a=extmap:1/sendonly urn:x\r\n", "sendrecv", "a=extmap:1/recvonly urn:x\r\n", .sendonly),
        ("sendrecv", "a=extmap:1/recvonly urn:x\r\n", "sendrecv", "a=extmap:1/sendonly urn:x\r\n", .recvonly),
        // Both sides only sending it: nobody receives it.
        ("sendrecv", "a=extmap:1/sendonly urn:x\r\n", "sendrecv", "a=extmap:1/sendonly urn:x\r\n", .inactive),
        // Without its own direction an extension takes the stream's, so it goes with the media.
        ("sendonly", "a=extmap:1 urn:x\r\n", "recvonly", "a=extmap:1 urn:x\r\n", .sendonly),
        // Firefox's answer to a recvonly offer: the offer's recvonly extension answered recvonly.
        ("recvonly", "a=extmap:1 urn:x\r\n", "sendonly", "a=extmap:1/recvonly urn:x\r\n", .inactive),
        // An extension sendrecv for both, in a section whose media goes one way.
        ("sendrecv", "a=extmap:1 urn:x\r\n", "recvonly", "a=extmap:1 urn:x\r\n", .sendonly),
        // An inactive stream's extensions are sendrecv (§7), but no media, so no headers.
        ("inactive", "a=extmap:1 urn:x\r\n", "inactive", "a=extmap:1 urn:x\r\n", .inactive),
    ])
    func headersGoWithTheMediaAndBothDirections(
        offerStream: String, offerLine: String, answerStream: String, answerLine: String, expected: Direction
    ) throws {
        let report = Negotiation.analyze(
            offer: SDPSource(
                name: "offer.sdp", bytes: Self.description(stream: offerStream, extmap: offerLine, answer: false)),
            answer: SDPSource(
                name: "answer.sdp", bytes: Self.description(stream: answerStream, extmap: answerLine, answer: true)))
        let header = try #require(report.sections.first?.features.headerExtensions.first)
        #expect(header.status == .negotiated)
        #expect(header.offererDirection == expected)
    }

    /// A session-level mapping is sendrecv (RFC 8285 §7) whatever the section's direction.
    @Test func aSessionLevelMappingGoesWithTheMedia() throws {
        let report = Negotiation.analyze(
            offer: SDPSource(
                name: "offer.sdp",
                bytes: Self.description(
                    stream: "sendonly", extmap: "", sessionLines: "a=extmap:1 urn:x\r\n", answer: false)),
            answer: SDPSource(
                name: "answer.sdp",
                bytes: Self.description(
                    stream: "recvonly", extmap: "", sessionLines: "a=extmap:1 urn:x\r\n", answer: true)))
        let header = try #require(report.sections.first?.features.headerExtensions.first)
        #expect(header.offererDirection == .sendonly)
    }

    @Test func aDroppedExtensionHasNoDirection() throws {
        let report = Negotiation.analyze(
            offer: SDPSource(
                name: "offer.sdp",
                bytes: Self.description(stream: "sendrecv", extmap: "a=extmap:1 urn:x\r\n", answer: false)),
            answer: SDPSource(name: "answer.sdp", bytes: Self.description(stream: "sendrecv", extmap: "", answer: true))
        )
        let header = try #require(report.sections.first?.features.headerExtensions.first)
        #expect(header.status == .dropped && header.offererDirection == nil)
    }

    /// Each answered mapping is paired with the offer's: a URI mapped twice changes the id of
    /// its second mapping (OA403 there), and an unoffered URI at an offered id reassigns that
    /// id (OA416, not OA402).
    @Test(arguments: [
        ("a=extmap:1 urn:x\r\na=extmap:5 urn:x\r\n", "OA403", 9),
        ("a=extmap:1 urn:y\r\n", "OA416", 8),
        ("a=extmap:1 urn:x\r\na=extmap:2 urn:y\r\n", "OA402", 9),
    ])
    func everyAnsweredMappingIsPaired(answerLines: String, code: String, line: Int) {
        let report = Negotiation.analyze(
            offer: SDPSource(
                name: "offer.sdp",
                bytes: Self.description(stream: "sendrecv", extmap: "a=extmap:1 urn:x\r\n", answer: false)),
            answer: SDPSource(
                name: "answer.sdp", bytes: Self.description(stream: "sendrecv", extmap: answerLines, answer: true)))
        let codes = report.diagnostics.filter { $0.code.rawValue.hasPrefix("OA4") }.map(\.code.rawValue)
        #expect(codes == [code])
        #expect(report.findings(code: Rule.Code(rawValue: code)).first?.diagnostic.location.line == line)
    }
}
