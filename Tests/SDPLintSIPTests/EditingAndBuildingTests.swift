import SDPLintDiagnostics
import SDPLintSDP
import SDPLintSIP
import SDPLintTestSupport
import Testing

private let invitePath = "corpus/baresip/plain-rtp.01-request-invite.sip"

/// The lines of `bytes` (split at LF, line endings kept).
private func lines(_ bytes: [UInt8]) -> [[UInt8]] {
    var result: [[UInt8]] = []
    var current: [UInt8] = []
    for byte in bytes {
        current.append(byte)
        if byte == 0x0A {
            result.append(current)
            current = []
        }
    }
    if !current.isEmpty { result.append(current) }
    return result
}

@Suite struct EditingTests {
    @Test func settingAHeaderChangesOnlyThatLine() throws {
        let input = try Fixture(path: invitePath).bytes()
        var message = SIPMessage.parse(bytes: input).value
        message.headers[.subject] = nil
        message.headers[.maxForwards] = "69"
        let before = lines(input)
        let after = lines(message.serialized())
        #expect(before.count == after.count)
        let changed = zip(before, after).filter { $0 != $1 }
        #expect(changed.count == 1)
        #expect(changed.first.map { String(decoding: $0.1, as: UTF8.self) } == "Max-Forwards: 69\r\n")
    }

    @Test func settingAHeaderToItsValueKeepsItsBytes() throws {
        let input = try Fixture(path: "corpus/sipp/uac-uas-udp.01-request-invite.sip").bytes()
        var message = SIPMessage.parse(bytes: input).value
        message.headers[.contentLength] = "129"
        #expect(message.serialized() == input)
    }

    @Test func replacingTheBodyKeepsContentLengthRight() throws {
        let input = try Fixture(path: "corpus/sipp/uac-uas-udp.01-request-invite.sip").bytes()
        var message = SIPMessage.parse(bytes: input).value
        let newBody = Array("v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nt=0 0\r\n".utf8)
        message.body = newBody
        #expect(message.contentLength == newBody.count)
        // Only the body and the Content-Length line changed, and the odd spacing of the
        // original Content-Length line gave way to the canonical form.
        let reparsed = SIPMessage.parse(bytes: message.serialized())
        #expect(!reparsed.hasErrors, "\(reparsed.diagnostics)")
        #expect(reparsed.value.body == newBody)
        let before = lines(input)
        let after = lines(message.serialized())
        let headerLines = 12
        let changed = zip(before.prefix(headerLines), after.prefix(headerLines)).filter { $0 != $1 }
        #expect(changed.map { String(decoding: $0.1, as: UTF8.self) } == ["Content-Length: \(newBody.count)\r\n"])
    }

    @Test func replacingTheBodyOfAMessageWithoutContentLengthAddsIt() throws {
        var message = SIPMessage.parse(bytes: try Fixture(path: "corpus/linphone/audio-ice/04-request-ack.sip").bytes())
            .value
        #expect(message.contentLength == nil)
        message.setBody(Array("hello".utf8), contentType: MediaType("text", "plain"))
        #expect(message.contentLength == 5)
        #expect(message.contentType?.description == "text/plain")
        #expect(!SIPMessage.parse(bytes: message.serialized()).hasErrors)
    }

    @Test func compactContentLengthStaysCompact() throws {
        var message = SIPMessage.parse(bytes: try Fixture(path: "sip/compact-headers.sip").bytes()).value
        message.body = Array("x".utf8)
        #expect(message.headers.contains { $0.name.spelling == "l" && $0.value == "1" })
        #expect(message.headers.fields(named: .contentLength).count == 1)
    }

    @Test func settingTheSessionDescriptionWritesItsText() throws {
        var message = SIPMessage.parse(bytes: try Fixture(path: invitePath).bytes()).value
        let sdp = try SessionDescription(parsing: "v=0\r\no=- 7 7 IN IP4 192.0.2.2\r\ns=-\r\nt=0 0\r\n")
        message.setSessionDescription(sdp)
        #expect(message.sessionDescription?.value == sdp)
        #expect(message.contentLength == message.body.count)
    }

    @Test func removingTheBodyLeavesContentLengthZero() throws {
        var message = SIPMessage.parse(bytes: try Fixture(path: invitePath).bytes()).value
        message.removeBody()
        #expect(message.body.isEmpty)
        #expect(message.contentLength == 0)
        #expect(message.contentType == nil)
    }

    @Test func editingTheStartLineRewritesOnlyIt() throws {
        let input = try Fixture(path: "corpus/sipp/uac-uas-udp.07-response-200-bye.sip").bytes()
        var message = SIPMessage.parse(bytes: input).value
        message.startLine = .response(SIPStatusLine(statusCode: 202, reasonPhrase: "Accepted"))
        let before = lines(input)
        let after = lines(message.serialized())
        #expect(after.first == Array("SIP/2.0 202 Accepted\r\n".utf8))
        #expect(Array(before.dropFirst()) == Array(after.dropFirst()))
    }
}

@Suite struct BuildingTests {
    private func dialog() throws -> SIPDialog {
        SIPDialog(
            callID: "call-1@192.0.2.1",
            local: NameAddress(displayName: "Alice", uri: try SIPURI(parsing: "sip:alice@example.org")),
            remote: NameAddress(uri: try SIPURI(parsing: "sip:bob@example.com")),
            localContact: try SIPURI(parsing: "sip:alice@192.0.2.1:5062"),
            sentBy: "192.0.2.1", port: 5062)
    }

    private func offer() throws -> SessionDescription {
        try #require(
            SessionDescription.parse(bytes: try Fixture(path: "corpus/chromium/audio-video.offer.sdp").bytes())
                .value as SessionDescription?)
    }

    @Test func buildsAnInviteFromABrowserOffer() throws {
        var dialog = try dialog()
        let invite = dialog.invite(offer: try offer(), branch: "z9hG4bKtest1")
        let parsed = SIPMessage.parse(bytes: invite.serialized())
        #expect(parsed.diagnostics.isEmpty, "\(parsed.diagnostics)")
        let message = parsed.value
        #expect(message.requestLine?.method == .invite)
        #expect(message.requestLine?.uri.description == "sip:bob@example.com")
        #expect(message.topVia?.description == "SIP/2.0/UDP 192.0.2.1:5062;branch=z9hG4bKtest1")
        #expect(message.maxForwards == 70)
        #expect(message.fromTag == dialog.localTag)
        #expect(message.from?.displayName == "Alice")
        #expect(message.toTag == nil)
        #expect(message.callID == "call-1@192.0.2.1")
        #expect(message.cseq == CSeq(1, .invite))
        #expect(message.contacts.first?.uri.description == "sip:alice@192.0.2.1:5062")
        #expect(message.contentType?.description == "application/sdp")
        #expect(message.contentLength == message.body.count)
        #expect(message.body == Array(try offer().serialized().utf8))
        let names = message.headers.map(\.name.spelling)
        #expect(
            names == [
                "Via", "Max-Forwards", "From", "To", "Call-ID", "CSeq", "Contact", "Content-Type", "Content-Length",
            ])
    }

    @Test func eachRequestGetsANewMagicCookieBranch() throws {
        var dialog = try dialog()
        let branches = Set(
            (0..<50).map { _ in
                dialog.invite(
                    offer: (try? offer()) ?? SessionDescription(origin: .init(sessionID: "1", sessionVersion: 1))
                ).topVia?.branch ?? ""
            })
        #expect(branches.count == 50)
        #expect(branches.allSatisfy { $0.hasPrefix("z9hG4bK") && $0.count > 7 })
    }

    @Test func buildsAnOKFromAnInviteAsRFC3261Section8_2_6Says() throws {
        let invite = SIPMessage.parse(
            bytes: try Fixture(path: "corpus/linphone/audio-ice/01-request-invite.sip").bytes()
        ).value
        let answer = try SessionDescription(
            parsing:
                "v=0\r\no=- 9 9 IN IP4 192.0.2.3\r\ns=-\r\nc=IN IP4 192.0.2.3\r\nt=0 0\r\nm=audio 4000 RTP/AVP 0\r\n")
        let ok = try #require(
            invite.response(
                statusCode: 200, toTag: "uas-tag", contact: try SIPURI(parsing: "sip:uas@192.0.2.3"), answer: answer))
        let parsed = SIPMessage.parse(bytes: ok.serialized())
        #expect(!parsed.hasErrors, "\(parsed.diagnostics)")
        #expect(ok.statusLine?.description == "SIP/2.0 200 OK")
        #expect(ok.headers.values(for: .via) == invite.headers.values(for: .via))
        #expect(ok.headers[.from] == invite.headers[.from])
        #expect(ok.callID == invite.callID)
        #expect(ok.headers[.cseq] == invite.headers[.cseq])
        #expect(ok.to?.uri == invite.to?.uri)
        #expect(ok.toTag == "uas-tag")
        #expect(ok.sessionDescription?.value == answer)
        #expect(ok.contentLength == ok.body.count)
    }

    @Test func aTryingResponseNeedsNoToTag() throws {
        let invite = SIPMessage.parse(bytes: try Fixture(path: "corpus/sipp/uac-uas-udp.01-request-invite.sip").bytes())
            .value
        let trying = try #require(invite.response(statusCode: 100))
        #expect(trying.toTag == nil)
        #expect(trying.statusLine?.reasonPhrase == "Trying")
        #expect(trying.body.isEmpty && trying.contentLength == 0)
        #expect(trying.response(statusCode: 200) == nil, "a response has no response")
    }

    @Test func buildsAckAndByeFromTheDialogState() throws {
        var dialog = try dialog()
        let invite = dialog.invite(offer: try offer())
        var ok = try #require(
            invite.response(statusCode: 200, toTag: "bob-tag", contact: try SIPURI(parsing: "sip:bob@192.0.2.20:5070")))
        ok.headers.append(.recordRoute, "<sip:p1.example.com;lr>")
        ok.headers.append(.recordRoute, "<sip:p2.example.com;lr>")
        dialog.receive(ok)
        #expect(dialog.remoteTag == "bob-tag")
        #expect(dialog.remoteTarget.description == "sip:bob@192.0.2.20:5070")

        let ack = dialog.ack()
        #expect(ack.requestLine?.uri.description == "sip:bob@192.0.2.20:5070")
        #expect(ack.cseq == CSeq(1, .ack))
        #expect(ack.toTag == "bob-tag")
        #expect(ack.topVia?.branch != invite.topVia?.branch)
        #expect(ack.routes.map(\.uri.host) == ["p2.example.com", "p1.example.com"])
        #expect(ack.contentLength == 0)

        let bye = dialog.bye()
        #expect(bye.cseq == CSeq(2, .bye))
        #expect(bye.callID == invite.callID)
        #expect(bye.fromTag == invite.fromTag)
        for message in [ack, bye] {
            let parsed = SIPMessage.parse(bytes: message.serialized())
            #expect(parsed.diagnostics.isEmpty, "\(parsed.diagnostics)")
        }
    }
}
