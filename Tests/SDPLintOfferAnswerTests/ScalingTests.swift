import SDPLintOfferAnswer
import SDPLintSDP
import Testing

/// The analysis costs time linear in the number of sections: mids and BUNDLE groups are read
/// once per description, not once per section (found by the offeranswer fuzz target's seeds
/// scaled up: 2000 bundled sections took 9.5 s in a debug build, 500 took 0.7 s).
@Suite struct ScalingTests {
    static func description(sections: Int) -> String {
        var text = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\na=group:BUNDLE "
        text += (0..<sections).map(String.init).joined(separator: " ") + "\r\n"
        for i in 0..<sections {
            text += "m=audio 9 UDP/TLS/RTP/SAVPF 111 0\r\nc=IN IP4 0.0.0.0\r\na=mid:\(i)\r\na=sendrecv\r\n"
            text += "a=rtpmap:111 opus/48000/2\r\na=rtpmap:0 PCMU/8000\r\na=ssrc:\(1000 + i) cname:x\r\n"
        }
        return text
    }

    static func analyze(sections: Int) -> (Duration, NegotiationReport) {
        let offer = SDPSource(name: "offer.sdp", text: description(sections: sections))
        let answer = SDPSource(name: "answer.sdp", text: description(sections: sections))
        var report: NegotiationReport?
        let elapsed = ContinuousClock().measure { report = Negotiation.analyze(offer: offer, answer: answer) }
        return (elapsed, report ?? NegotiationReport(offerName: "", answerName: ""))
    }

    @Test func manyBundledSectionsCostLinearTime() {
        let (small, _) = Self.analyze(sections: 150)
        let (large, report) = Self.analyze(sections: 1200)
        #expect(report.sections.count == 1200)
        #expect(report.sections.allSatisfy { $0.bundled })
        // 8 times the sections: about 8 times the time; a quadratic path gives 64.
        #expect(large / small < 24, "150 sections: \(small), 1200: \(large)")
    }
}
