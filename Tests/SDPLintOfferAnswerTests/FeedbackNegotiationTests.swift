import SDPLintDiagnostics
import SDPLintOfferAnswer
import Testing

/// What an answer may do with the RTCP feedback it was offered: keep or remove values (RFC 4585
/// §4.2), and narrow the parameters of codec control messages (RFC 5104 §7.2, RFC 7728 §9.1).
@Suite struct FeedbackNegotiationTests {
    static func description(_ feedback: String, answer: Bool) -> [UInt8] {
        Array(
            """
            v=0\r
            o=- 1 1 IN IP4 192.0.2.\(answer ? 2 : 1)\r
            s=-\r
            c=IN IP4 192.0.2.\(answer ? 2 : 1)\r
            t=0 0\r
            m=video 5\(answer ? 2 : 1)000 RTP/AVPF 98\r
            a=rtpmap:98 H263-1998/90000\r
            a=rtcp-fb:98 \(feedback)\r

            """.utf8)
    }

    @Test(arguments: [
        ("ccm vbcm 1 2", "ccm vbcm 1", false),  // RFC 5104 §7.3 example 4
        ("ccm vbcm 1", "ccm vbcm 1 2", true),
        ("ccm pause nowait", "ccm pause config=2", false),  // RFC 7728 §10.1
        ("ccm tmmbr", "ccm tmmbr smaxpr=120", true),  // RFC 5104 §7.2: not without the offer's
        ("ccm tmmbr smaxpr=120", "ccm tmmbr smaxpr=200", false),
        ("ccm fir", "ccm tstr", true),
        ("nack", "nack pli", true),
        ("nack pli", "nack pli", false),
    ])
    func anAnswerNarrowsButDoesNotAdd(offered: String, answered: String, added: Bool) {
        let report = Negotiation.analyze(
            offer: SDPSource(name: "offer.sdp", bytes: Self.description(offered, answer: false)),
            answer: SDPSource(name: "answer.sdp", bytes: Self.description(answered, answer: true)))
        #expect(!report.findings(code: "OA400").isEmpty == added)
        let codec = report.sections.first?.codecs.first
        #expect(codec?.droppedFeedback.isEmpty == !added)
        #expect(codec?.feedback == (added ? [] : [answered]))
    }
}
