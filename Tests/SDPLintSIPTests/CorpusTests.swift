import SDPLintDiagnostics
import SDPLintSDP
import SDPLintSIP
import SDPLintTestSupport
import Testing

@Suite struct CorpusTests {
    @Test func corpusIsNotEmpty() {
        #expect(Fixture.capturedSIP.count >= 33)
        #expect(Fixture.capturedSIPWithBody.count >= 10)
    }

    @Test(arguments: Fixture.capturedSIP)
    func serializesEveryCaptureToItsExactBytes(_ fixture: Fixture) throws {
        let input = try fixture.bytes()
        let result = SIPMessage.parse(bytes: input)
        #expect(result.value.serialized() == input)
    }

    @Test(arguments: Fixture.capturedSIP)
    func capturesHaveNoErrors(_ fixture: Fixture) throws {
        let result = SIPMessage.parse(bytes: try fixture.bytes())
        let errors = result.diagnostics.filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(errors)")
    }

    @Test(arguments: Fixture.capturedSIP)
    func capturesHaveTheMandatoryHeaders(_ fixture: Fixture) throws {
        let message = SIPMessage.parse(bytes: try fixture.bytes()).value
        #expect(message.callID?.isEmpty == false)
        #expect(message.from?.tag != nil)
        #expect(message.to != nil)
        #expect(message.cseq != nil)
        let via = try #require(message.topVia)
        #expect(via.hasMagicCookie)
        #expect(via.transport == .udp)
        if message.isRequest {
            #expect(message.maxForwards == 70)
            #expect(message.cseq?.method == message.requestLine?.method)
        }
    }

    @Test(arguments: Fixture.capturedSIPWithBody)
    func bodiesEqualTheSiblingSDPFiles(_ fixture: Fixture) throws {
        let message = SIPMessage.parse(bytes: try fixture.bytes()).value
        let expected = try Fixture(path: fixture.bodyPath).bytes()
        #expect(message.body == expected)
        #expect(message.contentLength == expected.count)
        #expect(message.contentType?.matches(.sdp) == true)
        let sdp = try #require(message.sessionDescription)
        #expect(Array(sdp.value.serialized().utf8) == expected)
        #expect(!sdp.value.media.isEmpty)
    }
}

@Suite struct CapturedValueTests {
    private func message(_ path: String) throws -> SIPMessage {
        SIPMessage.parse(bytes: try Fixture(path: "corpus/\(path)").bytes()).value
    }

    @Test func readsLinphonesInvite() throws {
        let invite = try message("linphone/audio-ice/01-request-invite.sip")
        #expect(invite.requestLine?.uri.description == "sip:service@127.0.0.1:5070")
        #expect(invite.topVia?.branch == "z9hG4bK.mjOgWclMF")
        #expect(invite.topVia?.rport == .requested)
        #expect(invite.from?.uri.user == "linphone")
        #expect(invite.fromTag == "LoTS~gjHR")
        #expect(invite.to?.usesAngleBrackets == false)
        #expect(invite.cseq == CSeq(20, .invite))
        #expect(invite.supported == ["replaces", "outbound", "gruu"])
        #expect(invite.allow.count == 12 && invite.allow.contains(.prack) && invite.allow.contains(.update))
        let contact = try #require(invite.contacts.first)
        #expect(contact.uri.transport == "udp")
        #expect(
            contact.parameters.first(named: "+sip.instance")?.unquotedValue
                == "<urn:uuid:b47b4b69-319a-0015-90c2-2b08d85a0430>")
        #expect(invite.headers[.userAgent] == "Linphonec/5.1.65")
    }

    @Test func readsSIPpsAnswerWithItsPaddedContentLength() throws {
        let ok = try message("sipp/uac-uas-udp.04-response-200-invite.sip")
        #expect(ok.statusLine == SIPStatusLine(statusCode: 200, reasonPhrase: "OK"))
        #expect(ok.contentLength == 129)
        #expect(ok.headers.fields(named: .contentLength).first?.description == "Content-Length:   129")
        #expect(ok.toTag == "11882SIPpTag011")
        #expect(ok.contacts.first?.uri.transport == "UDP")
        #expect(ok.method == .invite)
        #expect(ok.sessionDescription?.value.media.first?.port == 6000)
    }

    @Test func readsBaresipsEmptySupportedAndCommaAllow() throws {
        let invite = try message("baresip/dtls-srtp.01-request-invite.sip")
        #expect(invite.headers[.supported] == "")
        #expect(invite.supported.isEmpty)
        #expect(
            invite.allow.map(\.rawValue) == [
                "INVITE", "ACK", "BYE", "CANCEL", "OPTIONS", "NOTIFY", "SUBSCRIBE", "INFO", "MESSAGE", "REFER",
            ])
        #expect(invite.contacts.first?.uri.user == "carol-0x55daa3a38c20")
        #expect(invite.callID == "046fcfb06fb1c940")
    }

    @Test func readsAnAckWithoutContentLength() throws {
        let ack = try message("linphone/audio-ice/04-request-ack.sip")
        #expect(ack.contentLength == nil)
        #expect(ack.body.isEmpty)
        #expect(ack.cseq == CSeq(20, .ack))
        #expect(ack.topVia?.parameters.map(\.name) == ["rport", "branch"])
    }
}
