import SDPLintDiagnostics
import SDPLintICE
import SDPLintJingle
import SDPLintSDP
import SDPLintTestSupport
import Testing

/// Every XEP-0166 action and every namespace this module knows, from hand-made stanzas in
/// Fixtures/jingle (see its README).
@Suite struct HandMadeStanzaTests {
    static let stanzas = Fixture.files(in: "jingle", suffix: ".xml").filter { !$0.path.contains("/invalid/") }

    func stanza(_ name: String) throws -> Stanza {
        let result = Stanza.parse(try Fixture(path: "jingle/" + name).text())
        #expect(!result.hasErrors, "\(result.diagnostics)")
        return try #require(result.value)
    }

    func jingle(_ name: String) throws -> Jingle { try #require(try stanza(name).jingle) }

    @Test(arguments: stanzas)
    func parsesWithoutErrorsAndRoundTripsThroughXML(_ fixture: Fixture) throws {
        let result = Stanza.parse(try fixture.text())
        #expect(!result.hasErrors, "\(result.diagnostics)")
        let stanza = try #require(result.value)
        let written = stanza.serialized()
        let again = Stanza.parse(written)
        #expect(!again.hasErrors, "\(again.diagnostics)")
        #expect(again.value == stanza)
        #expect(again.value?.serialized() == written, "writing is deterministic")
    }

    @Test(arguments: [
        ("session-initiate.xml", Jingle.Action.sessionInitiate), ("session-accept.xml", .sessionAccept),
        ("session-info-ringing.xml", .sessionInfo), ("session-info-mute.xml", .sessionInfo),
        ("session-terminate-success.xml", .sessionTerminate),
        ("session-terminate-alternative-session.xml", .sessionTerminate),
        ("session-terminate-failed-application.xml", .sessionTerminate), ("content-add.xml", .contentAdd),
        ("content-accept.xml", .contentAccept), ("content-modify.xml", .contentModify),
        ("content-reject.xml", .contentReject),
        ("content-remove.xml", .contentRemove), ("transport-info.xml", .transportInfo),
        ("transport-replace.xml", .transportReplace),
        ("transport-accept.xml", .transportAccept), ("description-info.xml", .descriptionInfo),
    ])
    func readsEveryAction(_ name: String, _ action: Jingle.Action) throws {
        let jingle = try jingle(name)
        #expect(jingle.action == action)
        #expect(jingle.sid == "a73sjjvkla37jfea")
    }

    @Test func sessionInitiateCarriesEveryRTPExtension() throws {
        let jingle = try jingle("session-initiate.xml")
        #expect(jingle.initiator == "romeo@montague.lit/orchard")
        #expect(jingle.groups == [Jingle.ContentGroup(semantics: "BUNDLE", contents: ["0", "1"])])
        let audio = try #require(jingle.contents.first?.rtp)
        let opus = try #require(audio.payloadTypes.first)
        #expect(
            opus.id == 111 && opus.name == "opus" && opus.clockRate == 48000 && opus.channels == 2 && opus.ptime == "20"
                && opus.maxptime == "120")
        #expect(
            opus.parameters == [Parameter(name: "minptime", value: "10"), Parameter(name: "useinbandfec", value: "1")])
        #expect(opus.feedback == [FeedbackType(type: "transport-cc")])
        #expect(audio.payloadTypes[1].parameters == [Parameter(name: "111/111", value: "")])
        #expect(audio.rtcpMux && audio.extmapAllowMixed)
        #expect(audio.bandwidth == BandwidthLimit(type: "AS", value: "64"))
        #expect(audio.feedbackTRRInterval == "100")
        #expect(audio.headerExtensions.map(\.id) == [1, 2] && audio.headerExtensions[1].senders == .responder)
        #expect(audio.headerExtensions[1].parameters == [Parameter(name: "vad", value: "on")])
        #expect(
            audio.sources == [
                Source(
                    ssrc: 3391321086,
                    parameters: [
                        Parameter(name: "cname", value: "MIJAnmUoGSbGhXxh"),
                        Parameter(name: "msid", value: "stream-a track-a"),
                    ])
            ])
        #expect(audio.streams == [MediaStream(id: "stream-a", track: "track-a")])
        let transport = try #require(jingle.contents.first?.iceUDP)
        #expect(transport.ufrag == "8hhy" && transport.pwd == "asd88fgpdd777uzjYhagZg")
        #expect(transport.fingerprints.first?.setup == .actpass && transport.fingerprints.first?.hash == "sha-256")
        #expect(
            transport.fingerprints.first?.value.hasPrefix("02:1A:CC") == true,
            "white space around the digest is not part of it")
        let srflx = transport.candidates[1]
        #expect(
            srflx.type == "srflx" && srflx.relatedAddress == "10.0.1.1" && srflx.relatedPort == 8998
                && srflx.network == "1" && srflx.generation == "0")
        #expect(transport.candidates[2].tcpType == "active")
        let video = try #require(jingle.contents.last?.rtp)
        #expect(jingle.contents.last?.senders == .initiator)
        #expect(video.feedback == [FeedbackType(type: "goog-remb")])
        #expect(video.payloadTypes[0].feedback.map(\.subtype) == [nil, "pli", "fir"])
        #expect(video.sourceGroups == [SourceGroup(semantics: "FID", ssrcs: [3678778427, 2446183208])])
        #expect(video.sources.compactMap(\.rid) == ["h", "l"])
        #expect(video.ridGroups == [RIDGroup(semantics: "SIM", rids: ["h", "l"])])
    }

    @Test func sessionInitiateBecomesAnSDPOffer() throws {
        let sdp = SessionDescription.converting(try jingle("session-initiate.xml")).description
        let text = sdp.serialized()
        for line in [
            "a=group:BUNDLE 0 1", "m=audio 9 UDP/TLS/RTP/SAVPF 111 63 0 126", "b=AS:64", "a=rtpmap:111 opus/48000/2",
            "a=fmtp:111 minptime=10;useinbandfec=1", "a=fmtp:63 111/111", "a=fmtp:126 0-15", "a=ptime:20",
            "a=maxptime:120",
            "a=rtcp-fb:* trr-int 100", "a=extmap:2/recvonly urn:ietf:params:rtp-hdrext:csrc-audio-level vad=on",
            """
            a=candidate:2 1 udp 1694498815 192.0.2.3 45664 typ srflx raddr 10.0.1.1 rport 8998 generation 0 \
            network-id 1
            """,
            "a=candidate:3 1 tcp 1518280447 10.0.1.1 9 typ host tcptype active generation 0 network-id 1",
            "a=msid:stream-a track-a", "a=sendonly", "a=rtcp-fb:* goog-remb", "a=ssrc-group:FID 3678778427 2446183208",
            "a=rid:h send", "a=simulcast:send h;l", "a=setup:actpass",
        ] {
            #expect(text.contains(line + "\r\n"), "missing \(line)")
        }
        #expect(!SessionDescription.parse(text).hasErrors)
    }

    @Test func sessionTerminateReasons() throws {
        let success = try #require(try jingle("session-terminate-success.xml").reason)
        #expect(success.condition == .success && success.text == "Sorry, gotta go!" && success.textLanguage == "en")
        let alternative = try #require(try jingle("session-terminate-alternative-session.xml").reason)
        #expect(alternative.condition == .alternativeSession && alternative.alternativeSessionID == "b84tkkwlmb48kgfb")
        let failed = try #require(try jingle("session-terminate-failed-application.xml").reason)
        #expect(failed.condition == .failedApplication)
        #expect(
            failed.extraChildren.map(\.name) == [
                XMLName("crypto-required", namespace: "urn:xmpp:jingle:apps:rtp:errors:1")
            ])
    }

    @Test func sessionInfoPayloadsAreKept() throws {
        #expect(try jingle("session-info-ringing.xml").extraChildren.map(\.name.localName) == ["ringing"])
        let mute = try #require(try jingle("session-info-mute.xml").extraChildren.first)
        #expect(mute[attribute: "creator"] == "responder" && mute.name.namespace == JingleNamespace.rtpInfo)
    }

    @Test func contentActions() throws {
        let add = try #require(try jingle("content-add.xml").contents.first?.rtp?.encryption)
        #expect(add.required == "1")
        #expect(
            add.cryptos.first?.suite == "AES_CM_128_HMAC_SHA1_80" && add.cryptos.first?.sessionParameters == "KDR=1")
        #expect(try jingle("content-modify.xml").contents.first?.senders == .responder)
        #expect(try jingle("content-reject.xml").reason?.condition == .failedApplication)
        #expect(try jingle("content-remove.xml").contents.first?.description == nil)
    }

    @Test func transportActions() throws {
        let info = try jingle("transport-info.xml")
        #expect(info.contents.first?.iceUDP?.candidates.first?.type == "relay")
        #expect(
            info.trickleCandidates.first?.candidate.description
                == """
                3 1 udp 41885439 192.0.2.42 40213 typ relay raddr 198.51.100.7 rport 50123 generation 0 network-id \
                1
                """
        )
        guard case .rawUDP(let raw) = try jingle("transport-replace.xml").contents.first?.transport else {
            Issue.record("transport-replace carries no raw-udp transport")
            return
        }
        #expect(raw.candidates.first?.ip == "10.1.1.104" && raw.candidates.first?.port == 13540)
    }

    @Test func dataChannelTransports() throws {
        let legacy = try #require(try jingle("datachannel-xep0343.xml").contents.first?.iceUDP)
        #expect(legacy.sctpMap == SCTPMapElement(number: 5000, protocol: "webrtc-datachannel", streams: 1024))
        #expect(legacy.extraChildren.map(\.name) == [XMLName("channel", namespace: JingleNamespace.dataChannelsLegacy)])
        guard case .webRTCDataChannel(let channel) = try jingle("datachannel-sctp-port.xml").contents.first?.transport
        else {
            Issue.record("no webrtc-datachannel transport")
            return
        }
        #expect(channel.sctpPort == 5000 && channel.maxMessageSize == 262144 && channel.iceUDP?.ufrag == "8hhy")
        let sdp = SessionDescription.converting(try jingle("datachannel-sctp-port.xml")).description.serialized()
        #expect(
            sdp.contains("m=application 9 UDP/DTLS/SCTP webrtc-datachannel\r\n") && sdp.contains("a=sctp-port:5000\r\n")
                && sdp.contains("a=max-message-size:262144\r\n"))
    }

    @Test(arguments: [
        ("jmi-propose.xml", MessageInitiation.Action.propose), ("jmi-ringing.xml", .ringing),
        ("jmi-proceed.xml", .proceed),
        ("jmi-accept.xml", .accept), ("jmi-reject.xml", .reject), ("jmi-retract.xml", .retract),
        ("jmi-finish.xml", .finish),
    ])
    func readsMessageInitiation(_ name: String, _ action: MessageInitiation.Action) throws {
        guard case .message(let message) = try stanza(name) else {
            Issue.record("not a message")
            return
        }
        let initiation = try #require(message.initiation)
        #expect(initiation.action == action)
        #expect(initiation.id == "ca3cf894-5325-482f-a412-a6e9f832298d")
        switch action {
        case .propose: #expect(initiation.descriptions.count == 2)
        case .reject: #expect(initiation.tieBreak && initiation.reason?.condition == .busy)
        case .retract: #expect(initiation.reason?.condition == .cancel)
        case .finish: #expect(initiation.migratedTo == "989a46a6-f202-4910-a7c3-83c6ba3f3947")
        default: break
        }
    }

    @Test func unknownElementsAndAttributesAreKeptAndWrittenBack() throws {
        let result = Stanza.parse(try Fixture(path: "jingle/unknown-elements.xml").text())
        #expect(!result.hasErrors)
        guard case .iq(let iq) = try #require(result.value) else {
            Issue.record("not an iq")
            return
        }
        let vendor = "urn:example:vendor"
        #expect(iq.extraChildren.map(\.name) == [XMLName("trace", namespace: vendor)])
        #expect(iq.extraAttributes.map(\.name.localName) == ["lang"])
        let jingle = try #require(iq.jingle)
        #expect(jingle.extraAttributes == [XMLAttribute(XMLName("flag", namespace: vendor), "on")])
        #expect(jingle.extraChildren.first?.text == "opaque")
        let content = try #require(jingle.contents.first)
        #expect(content.extraAttributes.map(\.name.localName) == ["priority"])
        #expect(content.security?.name == XMLName("security", namespace: "urn:example:security"))
        let description = try #require(content.rtp)
        #expect(description.extraAttributes == [XMLAttribute("maxbitrate", "64")])
        #expect(description.extraChildren.map(\.name.localName) == ["analytics"])
        #expect(description.payloadTypes.first?.extraChildren.first?.text == "keep me")
        #expect(content.iceUDP?.candidates.first?.extraAttributes.map(\.value) == ["5"])
        #expect(content.iceUDP?.extraChildren.map(\.name.localName) == ["relay-hint"])
        let written = iq.element.serialized()
        for fragment in [
            "flag=\"on\"", "<analytics", "keep me", "relay-hint", "cost=\"5\"",
            "<security xmlns=\"urn:example:security\" level=\"high\"/>", "<trace",
        ] {
            #expect(written.contains(fragment), "\(fragment) lost")
        }
        // Converting to SDP reports what SDP cannot carry instead of losing it silently.
        let dropped = SessionDescription.converting(jingle).dropped
        #expect(dropped.count >= 7, "\(dropped)")
        #expect(dropped.allSatisfy { $0.item == .jingleElement })
    }
}
