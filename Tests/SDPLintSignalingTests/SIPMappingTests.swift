import SDPLintDiagnostics
import SDPLintSDP
import SDPLintSIP
import SDPLintSignaling
import SDPLintTestSupport
import Testing

@Suite struct SIPMappingTests {
    func kinds(_ messages: [Located<SignalingMessage>]) -> [String] {
        messages.map { message in
            switch message.value.content {
            case .description(let description): description.type.rawValue
            case .candidate: "candidate"
            case .endOfCandidates(let end): end.isForAllSections ? "end" : "end(\(end.sdpMid ?? ""))"
            case .hangUp(let hangUp): "hang-up(\(hangUp.reason ?? ""))"
            }
        }
    }

    static let offer =
        "v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nc=IN IP4 192.0.2.1\r\nt=0 0\r\nm=audio 49170 RTP/AVP 0\r\n"
    static let answer =
        "v=0\r\no=- 2 1 IN IP4 192.0.2.2\r\ns=-\r\nc=IN IP4 192.0.2.2\r\nt=0 0\r\nm=audio 3456 RTP/AVP 0\r\n"

    func message(
        _ start: String, _ cseq: String, callID: String = "c1", body: String = "", extra: [String] = []
    ) -> String {
        var text =
            start
                + """
                \r\nVia: SIP/2.0/UDP 192.0.2.1;branch=z9hG4bK1\r\nFrom: <sip:a@192.0.2.1>;tag=1\r\nTo: \
                <sip:b@192.0.2.2>\r\nCall-ID: \(callID)\r\nCSeq: \(cseq)\r\n
                """
        for line in extra { text += line + "\r\n" }
        if !body.isEmpty { text += "Content-Type: application/sdp\r\n" }
        return text + "Content-Length: \(body.utf8.count)\r\n\r\n" + body
    }

    @Test func delayedOfferComesInThe200AndTheAnswerInTheACK() throws {
        let (messages, diagnostics) = Signaling.read(
            try Fixture(path: "signaling/sip/delayed-offer-trickle.sip").bytes())
        #expect(diagnostics.errors.isEmpty, "\(diagnostics)")
        #expect(kinds(messages) == ["offer", "answer", "candidate", "candidate", "end(0)", "hang-up(Q.850;cause=16)"])
        #expect(messages.map(\.location.line) == [19, 48, 77, 77, 77, 103])
        #expect(messages.allSatisfy { $0.value.session == "a84b4c76e66710@192.0.2.1" })
    }

    /// RFC 3665 §3.6 F11: an ACK with the answer, read without its INVITE and 200, whose 200 may
    /// have made the offer (RFC 3261 §13.2.1); seen from the INVITE, a late ACK body is flagged.
    @Test func anACKWithSDPAloneIsReadAsAnAnswerWithoutAFinding() {
        let ack = message("ACK sip:b@192.0.2.2 SIP/2.0", "1 ACK", body: Self.answer)
        let alone = Signaling.read(Array(ack.utf8))
        #expect(kinds(alone.messages) == ["answer"])
        #expect(!alone.diagnostics.contains { $0.code.rawValue == "SIG201" })
        let afterACompleteExchange =
            message("INVITE sip:b@192.0.2.2 SIP/2.0", "1 INVITE", body: Self.offer)
            + message("SIP/2.0 200 OK", "1 INVITE", body: Self.answer) + ack
        #expect(
            Signaling.read(Array(afterACompleteExchange.utf8)).diagnostics.contains { $0.code.rawValue == "SIG201" })
    }

    /// A capture taken at a proxy holds each message twice, as received and as forwarded
    /// (RFC 3665 §3.6 seen at the proxy): a copy, with the same body, CSeq and kind, is neither
    /// a new offer nor the answer.
    @Test func copiesForwardedByAProxyAreOneExchange() {
        let invite = message("INVITE sip:b@192.0.2.2 SIP/2.0", "2 INVITE")
        let ok = message("SIP/2.0 200 OK", "2 INVITE", body: Self.offer)
        let ack = message("ACK sip:b@192.0.2.2 SIP/2.0", "2 ACK", body: Self.answer)
        let read = Signaling.read(Array((invite + invite + ok + ok + ack + ack).utf8))
        #expect(kinds(read.messages) == ["offer", "answer"])
        #expect(!read.diagnostics.contains { $0.code.rawValue.hasPrefix("SIG") }, "\(read.diagnostics)")
        // A new transaction with the same body is a new offer: glare while one is open.
        let first = message("INVITE sip:b@192.0.2.2 SIP/2.0", "1 INVITE", body: Self.offer)
        let second = message("INVITE sip:b@192.0.2.2 SIP/2.0", "2 INVITE", body: Self.offer)
        #expect(
            Signaling.read(Array((first + first + second).utf8)).diagnostics.map(\.code.rawValue).filter {
                $0.hasPrefix("SIG")
            } == ["SIG201"])
    }

    @Test func reliableProvisionalResponseAnswersAndUnreliableOneIsAPranswer() {
        let reliable =
            message("INVITE sip:b@192.0.2.2 SIP/2.0", "1 INVITE", body: Self.offer)
            + message(
                "SIP/2.0 183 Session Progress", "1 INVITE", body: Self.answer, extra: ["Require: 100rel", "RSeq: 1"])
            + message("SIP/2.0 200 OK", "1 INVITE", body: Self.answer)
        #expect(kinds(Signaling.read(Array(reliable.utf8)).messages) == ["offer", "answer"])
        let early =
            message("INVITE sip:b@192.0.2.2 SIP/2.0", "1 INVITE", body: Self.offer)
            + message("SIP/2.0 183 Session Progress", "1 INVITE", body: Self.answer)
            + message("SIP/2.0 200 OK", "1 INVITE", body: Self.answer)
        #expect(kinds(Signaling.read(Array(early.utf8)).messages) == ["offer", "pranswer", "answer"])
    }

    @Test func updateAndReInviteRenegotiate() {
        let text =
            message("INVITE sip:b@192.0.2.2 SIP/2.0", "1 INVITE", body: Self.offer)
            + message("SIP/2.0 200 OK", "1 INVITE", body: Self.answer)
            + message("UPDATE sip:b@192.0.2.2 SIP/2.0", "2 UPDATE", body: Self.offer)
            + message("SIP/2.0 200 OK", "2 UPDATE", body: Self.answer)
            + message("INVITE sip:b@192.0.2.2 SIP/2.0", "3 INVITE", body: Self.offer)
            + message("SIP/2.0 488 Not Acceptable Here", "3 INVITE")
            + message("CANCEL sip:b@192.0.2.2 SIP/2.0", "4 CANCEL")
        #expect(
            kinds(Signaling.read(Array(text.utf8)).messages) == [
                "offer", "answer", "offer", "answer", "offer", "hang-up()",
            ])
    }

    @Test func messagesAreGroupedPerCallID() {
        let text =
            message("INVITE sip:b@192.0.2.2 SIP/2.0", "1 INVITE", callID: "x", body: Self.offer)
            + message("INVITE sip:b@192.0.2.2 SIP/2.0", "1 INVITE", callID: "y", body: Self.offer)
            + message("SIP/2.0 200 OK", "1 INVITE", callID: "x", body: Self.answer)
            + message("SIP/2.0 200 OK", "1 INVITE", callID: "y", body: Self.answer)
        let messages = Signaling.read(Array(text.utf8)).messages
        #expect(messages.map(\.value.session) == ["x", "x", "y", "y"])
        #expect(kinds(messages) == ["offer", "answer", "offer", "answer"])
    }

    @Test func secondOfferWhileOneIsOutstandingIsReported() {
        let text =
            message("INVITE sip:b@192.0.2.2 SIP/2.0", "1 INVITE", body: Self.offer)
            + message("INVITE sip:b@192.0.2.2 SIP/2.0", "2 INVITE", body: Self.offer)
        #expect(Signaling.read(Array(text.utf8)).diagnostics.contains { $0.code.rawValue == "SIG201" })
    }

    @Test func otherBodiesAreNotedAndSkipped() {
        let text =
            """
            INFO sip:b@192.0.2.2 SIP/2.0\r\nVia: SIP/2.0/UDP 192.0.2.1;branch=z9hG4bK1\r\nFrom: \
            <sip:a@192.0.2.1>;tag=1\r\nTo: <sip:b@192.0.2.2>;tag=2\r\nCall-ID: c\r\nCSeq: 5 INFO\r\nContent-Type: \
            application/dtmf-relay\r\nContent-Length: 10\r\n\r\nSignal=5\r\n
            """
        let (messages, diagnostics) = Signaling.read(Array(text.utf8))
        #expect(messages.isEmpty)
        #expect(diagnostics.contains { $0.code.rawValue == "SIG205" })
    }

    @Test func builtCallUsesTheDialogAndKeepsSDPBytes() throws {
        let offer = SignalingMessage(.description(.init(type: .offer, sdp: Self.offer)), session: "call-9")
        let candidate = SignalingMessage(
            .candidate(
                .init(
                    candidate: "candidate:1 1 udp 2122260223 192.0.2.1 9 typ host", sdpMid: "0",
                    usernameFragment: "abcd")), session: "call-9")
        let answer = SignalingMessage(.description(.init(type: .answer, sdp: Self.answer)), session: "call-9")
        let bye = SignalingMessage(.hangUp(.init(reason: "Q.850;cause=16")), session: "call-9")
        let (sip, dropped) = SIPSignaling.build([offer, answer, candidate, bye])
        #expect(dropped.isEmpty)
        #expect(
            sip.map { $0.statusCode.map(String.init) ?? $0.method?.rawValue ?? "" } == [
                "INVITE", "200", "ACK", "INFO", "BYE",
            ])
        #expect(sip.allSatisfy { $0.callID == "call-9" })
        #expect(sip[0].body == Array(Self.offer.utf8))
        #expect(sip[3].headers[.infoPackage] == "trickle-ice")
        #expect(sip[4].cseq?.number == 3)
        let (again, diagnostics) = Signaling.read(Array(SIPSignaling.serialize(sip).utf8), format: .sip)
        #expect(diagnostics.errors.isEmpty, "\(diagnostics)")
        #expect(values(again) == [offer, answer, candidate, bye])
    }

    @Test func rollbackHasNoSIPForm() {
        let (_, dropped) = SIPSignaling.build([SignalingMessage(.description(.init(type: .rollback, sdp: "")))])
        #expect(dropped.map(\.item) == [.message])
    }
}
