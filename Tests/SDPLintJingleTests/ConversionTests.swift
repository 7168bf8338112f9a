import SDPLintDiagnostics
import SDPLintICE
import SDPLintJingle
import SDPLintSDP
import SDPLintTestSupport
import Testing

/// The SDP ↔ Jingle mapping decisions, one by one.
@Suite struct ConversionTests {
    func sdp(_ path: String) throws -> SessionDescription {
        try SessionDescription(parsing: try Fixture(path: "corpus/" + path).text())
    }

    func jingle(_ path: String) throws -> Jingle {
        try #require(Stanza.parse(try Fixture(path: "standards/" + path).text()).value?.jingle)
    }

    /// XEP-0262 §2 maps RFC 6189's a=zrtp-hash to <zrtp-hash/> in <encryption/>; ZRTP keys SRTP
    /// in the media path, so a section with only a ZRTP hash stays RTP/AVPF.
    @Test func zrtpHashesMapBothWays() throws {
        let stanza = try jingle("xep-0262/ex01-initiator-sends-session-invitation-with.xml")
        let sdp = SessionDescription.converting(stanza, options: .offer).description
        let section = try #require(sdp.media.first)
        #expect(section.proto == .rtpAVPF)
        #expect(
            section.attributes.first { $0.name.rawValue == "zrtp-hash" }?.value
                == "1.10 fe30efd02423cb054e50efd0248742ac7a52c8f91bc2df881ae642c371ba46df")
        let back = Jingle.converting(sdp, options: .offer).jingle
        #expect(back.contents.first?.rtp?.encryption?.zrtpHashes == stanza.contents.first?.rtp?.encryption?.zrtpHashes)
        #expect(back.contents.first?.rtp?.encryption?.zrtpHashes.count == 1)
    }

    /// XEP-0177 §5: a raw UDP candidate of component 2 is RTCP's address, RFC 3605's a=rtcp.
    @Test func rawUDPComponentTwoIsTheRTCPAddress() throws {
        let stanza = try jingle("xep-0177/ex03-responder-definitively-accepts-the.xml")
        let result = SessionDescription.converting(stanza, options: .answer)
        let section = try #require(result.description.media.first)
        #expect(section.port == 9876)
        #expect(
            section.value(RTCPAddress.self)
                == RTCPAddress(port: 9877, connection: Connection(address: "208.68.163.214")))
        #expect(!result.dropped.contains { $0.text?.contains("<candidate") == true })
    }

    @Test func offerersRecvonlyIsSendersResponder() throws {
        let offer = try sdp("chromium/recvonly.offer.sdp")
        let jingle = Jingle.converting(offer, options: .offer).jingle
        #expect(jingle.contents.allSatisfy { $0.senders == .responder })
        let back = SessionDescription.converting(jingle, options: .offer).description
        #expect(back.media.allSatisfy { $0.direction == .recvonly })
    }

    @Test func answerersSendonlyIsSendersResponderToo() throws {
        // The answerer is the responder: its a=sendonly means the responder sends (XEP-0166 §7.3).
        let answer = try sdp("chromium/recvonly.answer.sdp")
        let jingle = Jingle.converting(answer, options: .answer).jingle
        #expect(jingle.action == .sessionAccept)
        #expect(jingle.contents.allSatisfy { $0.senders == .responder })
        // Read back from the initiator's side, the same senders are the peer's sending.
        let asOffererSees = SessionDescription.converting(jingle, options: .offer).description
        #expect(asOffererSees.media.allSatisfy { $0.direction == .recvonly })
        let asAnswererSees = SessionDescription.converting(jingle, options: .answer).description
        #expect(asAnswererSees.media.allSatisfy { $0.direction == .sendonly })
    }

    @Test func extmapDirectionBecomesHeaderExtensionSenders() throws {
        let offer = try sdp("firefox/gathered-max-bundle.offer.sdp")
        let jingle = Jingle.converting(offer, options: .offer).jingle
        let audio = try #require(jingle.contents.first?.rtp)
        #expect(
            audio.headerExtensions.first { $0.id == 2 }?.senders == .responder, "a=extmap:2/recvonly from the initiator"
        )
    }

    @Test func droppedItemsAreReportedAtTheirLine() throws {
        let text = try Fixture(path: "corpus/chromium/audio.offer.sdp").text()
        let result = Jingle.converting(try SessionDescription(parsing: text))
        let finding = try #require(result.diagnostics.first { $0.message.hasPrefix("a=ice-options") })
        #expect(finding.code.rawValue == "JINGLE301")
        #expect(finding.location.line == 13 && finding.location.column == 1)
        #expect(result.dropped.count == result.diagnostics.count)
    }

    @Test func comparisonNoticesALostCandidate() throws {
        let offer = try sdp("firefox/gathered-max-bundle.offer.sdp")
        let forward = Jingle.converting(offer)
        var jingle = forward.jingle
        if case .iceUDP(var transport) = jingle.contents[0].transport {
            transport.candidates.removeLast()
            jingle.contents[0].transport = .iceUDP(transport)
        }
        let back = SessionDescription.converting(jingle).description
        let differences = ComparableDescription(offer, excluding: forward.dropped).differences(
            from: ComparableDescription(back))
        #expect(differences.count == 1)
        #expect(differences.first?.contains("a=candidate:3 2 TCP") == true)
    }

    @Test func sendRIDsAndSimulcastUseJitsisMapping() throws {
        let offer = try sdp("chromium/simulcast-publish-sendonly.offer.sdp")
        let result = Jingle.converting(offer)
        let video = try #require(result.jingle.contents.compactMap(\.rtp).first { !$0.ridGroups.isEmpty })
        #expect(video.sources.compactMap(\.rid).count == video.ridGroups[0].rids.count)
        #expect(video.ridGroups[0].semantics == "SIM")
        let back = SessionDescription.converting(result.jingle).description
        #expect(
            back.media.contains { $0.has(.simulcast) && $0.values(RID.self).count == video.ridGroups[0].rids.count })
    }

    @Test func receiveRIDsAreReportedDropped() throws {
        var answer = try SessionDescription(
            parsing:
                """
                v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\nm=video 9 UDP/TLS/RTP/SAVPF 96\r\nc=IN IP4 \
                0.0.0.0\r\na=mid:0\r\na=rtpmap:96 VP8/90000\r\na=rid:h recv\r\na=rid:l recv \
                max-width=320\r\na=simulcast:recv h;l\r\n
                """
        )
        answer.media[0].attributes.append(Attribute(name: .rtcpMux))
        let result = Jingle.converting(answer, options: .answer)
        #expect(
            result.dropped.filter { $0.item == .attribute }.map(\.text) == [
                "a=rid:h recv", "a=rid:l recv max-width=320", "a=simulcast:recv h;l",
            ])
        #expect(result.diagnostics.filter { $0.code.rawValue == "JINGLE301" }.map(\.location.line) == [9, 10, 11])
    }

    @Test func legacySCTPMapUsesXEP0343() throws {
        let legacy = try SessionDescription(
            parsing:
                """
                v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\nm=application 9 DTLS/SCTP 5000\r\nc=IN IP4 \
                0.0.0.0\r\na=ice-ufrag:abcd\r\na=ice-pwd:abcdefghijklmnopqrstuvwx\r\na=fingerprint:sha-256 \
                AB:AB:AB:AB:AB:AB:AB:AB:AB:AB:AB:AB:AB:AB:AB:AB:AB:AB:AB:AB:AB:AB:AB:AB:AB:AB:AB:AB:AB:AB:AB:AB\r\na=setup:actpass\r\na=mid:data\r\na=sctpmap:5000 \
                webrtc-datachannel 1024\r\n
                """
        )
        let result = Jingle.converting(legacy)
        guard case .iceUDP(let transport) = result.jingle.contents.first?.transport else {
            Issue.record("no ICE-UDP transport")
            return
        }
        #expect(transport.sctpMap == SCTPMapElement(number: 5000, protocol: "webrtc-datachannel", streams: 1024))
        let back = SessionDescription.converting(result.jingle).description
        #expect(back.media.first?.proto == .dtlsSCTP)
        #expect(ComparableDescription(legacy, excluding: result.dropped) == ComparableDescription(back))
    }

    @Test func trickledCandidatesTravelInTransportInfo() throws {
        let candidate = try Candidate(
            parsing:
                """
                candidate:1 1 udp 2122260223 192.0.2.7 50000 typ host generation 0 ufrag Ab12 network-id 1 \
                network-cost 10
                """
        )
        let info = Jingle.transportInfo(
            sid: "s1", candidates: [TrickleCandidate(mid: "0", candidate: candidate, ufrag: "Ab12")])
        #expect(info.jingle.action == .transportInfo)
        #expect(info.dropped.map(\.item) == [.candidateExtension])
        #expect(
            info.dropped.first?.surviving
                == "a=candidate:1 1 udp 2122260223 192.0.2.7 50000 typ host generation 0 network-id 1")
        let parsed = try #require(Stanza.parse(IQ(id: "t", jingle: info.jingle).element.serialized()).value?.jingle)
        let back = try #require(parsed.trickleCandidates.first)
        #expect(back.mid == "0" && back.ufrag == "Ab12")
        #expect(back.candidate.description == "1 1 udp 2122260223 192.0.2.7 50000 typ host generation 0 network-id 1")
    }

    @Test func rejectedSectionHasNoTransport() throws {
        let offer = try sdp("chromium/renegotiation.3-stop-video.offer.sdp")
        let result = Jingle.converting(offer)
        let video = try #require(result.jingle.contents.last)
        #expect(video.transport == nil && video.senders == Senders.none)
        #expect(result.dropped.contains { ($0.text ?? "").hasPrefix("a=ice-ufrag") && $0.reason.contains("rejected") })
        #expect(SessionDescription.converting(result.jingle).description.media.last?.port == 0)
    }

    @Test func anEmptyFMTPValueIsReportedAndTheRestSurvives() throws {
        let sdp = try SessionDescription(
            parsing:
                """
                v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\nc=IN IP4 \
                0.0.0.0\r\na=mid:0\r\na=rtpmap:111 opus/48000/2\r\na=fmtp:111 minptime=10;x-empty=\r\n
                """
        )
        let result = Jingle.converting(sdp)
        let item = try #require(result.dropped.first { $0.item == .part })
        #expect(item.text == "a=fmtp:111 minptime=10;x-empty=" && item.surviving == "a=fmtp:111 minptime=10;x-empty")
        let back = SessionDescription.converting(result.jingle).description
        #expect(ComparableDescription(sdp, excluding: result.dropped) == ComparableDescription(back))
        #expect(
            ComparableDescription(sdp) != ComparableDescription(back),
            "the comparison sees the difference the item reports")
    }
}
