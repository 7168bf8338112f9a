import SDPLintDiagnostics
import SDPLintICE
import SDPLintSDP
import SDPLintTestSupport
import Testing

/// Typed values read from real captures.
@Suite struct ModelTests {
    @Test func readsEveryFieldOfAChromiumOffer() throws {
        let offer = try SessionDescription(
            parsing: Fixture(path: "corpus/chromium/audio-video-datachannel.offer.sdp").text())
        #expect(offer.version == 0)
        #expect(offer.origin.username == "-")
        #expect(offer.origin.sessionID == "4856758937824478622")
        #expect(offer.origin.sessionVersion == 2)
        #expect(offer.origin.addressType == .ip4)
        #expect(offer.origin.address == "127.0.0.1")
        #expect(offer.sessionName == "-")
        #expect(offer.times == [SessionDescription.TimeDescription(start: 0, stop: 0)])
        #expect(offer.bundleGroups == [["0", "1", "2"]])
        #expect(offer.has(.extmapAllowMixed))
        #expect(offer.value(MSIDSemantic.self)?.identifiers == ["989417c5-ec82-4c8d-be43-9b85f4375045"])
        #expect(offer.lineEnding == .crlf)
        #expect(offer.media.map(\.media) == [.audio, .video, .application])
        #expect(offer.media.map(\.mid) == ["0", "1", "2"])
        #expect(offer.media.map(\.port) == [9, 9, 9])
        #expect(offer.media[0].proto == .udpTLSRTPSAVPF)
        #expect(offer.media[0].proto.isRTP && offer.media[0].proto.usesDTLS && offer.media[0].proto.isSecureRTP)
        #expect(offer.media[2].proto == .udpDTLSSCTP && offer.media[2].proto.isSCTP)
        #expect(offer.media[0].payloadTypes == [111, 63, 9, 0, 8, 13, 110, 126])
        #expect(offer.media[0].connections.first?.address == "0.0.0.0")
        #expect(offer.media[0].direction == .sendrecv)
        #expect(offer.media[0].value(Setup.self) == .actpass)
        #expect(offer.media[0].value(ICEUfrag.self)?.value == "l1kr")
        #expect(offer.media[0].value(ICEOptions.self)?.supportsTrickle == true)
        #expect(
            offer.media[0].value(RTCPAddress.self) == RTCPAddress(port: 9, connection: Connection(address: "0.0.0.0")))
        let fingerprint = try #require(offer.media[0].value(Fingerprint.self))
        #expect(fingerprint.hashFunction == "sha-256")
        #expect(fingerprint.digest?.count == 32)
        #expect(offer.media[2].value(SCTPPort.self)?.port == 5000)
        #expect(offer.media[2].value(MaxMessageSize.self)?.bytes == 262144)
    }

    @Test func joinsRTPMapFMTPAndFeedbackIntoCodecs() throws {
        let offer = try SessionDescription(
            parsing: Fixture(path: "corpus/chromium/audio-video-datachannel.offer.sdp").text())
        let audio = offer.media[0].codecs
        #expect(audio.first?.name == "opus")
        #expect(audio.first?.clockRate == 48000)
        #expect(audio.first?.channels == 2)
        #expect(audio.first?.fmtp?[parameter: "useinbandfec"] == "1")
        #expect(audio.first?.feedback.map(\.type) == ["transport-cc"])
        #expect(audio.first { $0.payloadType == 0 }?.name == "PCMU")
        let video = offer.media[1].codecs
        let rtx = try #require(video.first { $0.payloadType == 97 })
        #expect(rtx.name == "rtx" && rtx.associatedPayloadType == 96 && rtx.isResilience)
        let h264 = try #require(video.first { $0.payloadType == 102 })
        #expect(h264.fmtp?[parameter: "profile-level-id"] == "42001f")
        #expect(h264.fmtp?[parameter: "PACKETIZATION-MODE"] == "1")
        #expect(
            h264.feedback.map(\.description) == [
                "rtcp-fb:102 goog-remb", "rtcp-fb:102 transport-cc", "rtcp-fb:102 ccm fir", "rtcp-fb:102 nack",
                "rtcp-fb:102 nack pli",
            ])
    }

    @Test func readsSimulcastAndRidFromFirefox() throws {
        let offer = try SessionDescription(parsing: Fixture(path: "corpus/firefox/simulcast-video.offer.sdp").text())
        let video = offer.media[0]
        #expect(video.values(RID.self).map(\.id) == ["h", "m", "l"])
        #expect(video.values(RID.self).allSatisfy { $0.direction == .send })
        let simulcast = try #require(video.value(Simulcast.self))
        #expect(simulcast.sendRIDs == ["h", "m", "l"])
        #expect(simulcast.receive == nil)
        #expect(video.values(SSRCGroup.self).map(\.semantics) == ["FID", "FID", "FID"])
        #expect(video.values(ExtMap.self).first { $0.id == 6 }?.direction == .recvonly)
        #expect(video.value(MSID.self)?.streamID == "{88bc15c8-bfc7-41cc-9db8-d6784a560e4f}")
    }

    @Test func typesCandidatesThroughTheICEModule() throws {
        let offer = try SessionDescription(
            parsing: Fixture(path: "corpus/firefox/gathered-datachannel.offer.sdp").text())
        let candidates = offer.media.flatMap(\.candidates)
        #expect(!candidates.isEmpty)
        #expect(candidates.allSatisfy { $0.kind == .host })
        #expect(candidates.contains { $0.address.kind == .mdns })
        #expect(offer.media[0].has(.endOfCandidates))
    }

    @Test(arguments: [
        ("rtpmap:96 VP8/90000", "rtpmap"), ("fmtp:111 minptime=10;useinbandfec=1", "fmtp"),
        ("rtcp-fb:* ccm fir", "rtcp-fb"),
        ("extmap:8/sendonly urn:x a b", "extmap"), ("msid:- track", "msid"), ("group:BUNDLE 0 1", "group"),
        ("ssrc:1 cname:a:b", "ssrc"), ("ssrc-group:SIM 1 2 3", "ssrc-group"), ("setup:actpass", "setup"),
        ("rid:h send pt=96,97;max-width=1280;max-fps=30", "rid"), ("simulcast:recv h;~m,M send l", "simulcast"),
        ("sctpmap:5000 webrtc-datachannel 1024", "sctpmap"),
        ("crypto:1 AES_CM_128_HMAC_SHA1_80 inline:PS1uQCVeeCFCanVmcjkpPywjNWhcYD0mXXtxaVBR|2^20|1:32 KDR=1", "crypto"),
        ("rtcp:9 IN IP6 ::1", "rtcp"), ("content:slides,main", "content"), ("tls-id:abcdefghijklmnopqrst", "tls-id"),
    ])
    func typedViewsWriteBackTheirCanonicalText(_ line: String, _ name: String) throws {
        let attribute = Attribute(
            name: Attribute.Name(String(line.prefix { $0 != ":" })), value: String(line.drop { $0 != ":" }.dropFirst()))
        #expect(attribute.name.rawValue == name)
        func roundTrip<Value: AttributeValue>(_ type: Value.Type) -> String? {
            attribute.as(type).map { Attribute($0).description }
        }
        let rewritten: String? =
            switch name {
            case "rtpmap": roundTrip(RTPMap.self)
            case "fmtp": roundTrip(FMTP.self)
            case "rtcp-fb": roundTrip(RTCPFeedback.self)
            case "extmap": roundTrip(ExtMap.self)
            case "msid": roundTrip(MSID.self)
            case "group": roundTrip(Group.self)
            case "ssrc": roundTrip(SSRC.self)
            case "ssrc-group": roundTrip(SSRCGroup.self)
            case "setup": roundTrip(Setup.self)
            case "rid": roundTrip(RID.self)
            case "simulcast": roundTrip(Simulcast.self)
            case "sctpmap": roundTrip(SCTPMap.self)
            case "crypto": roundTrip(Crypto.self)
            case "rtcp": roundTrip(RTCPAddress.self)
            case "content": roundTrip(Content.self)
            case "tls-id": roundTrip(TLSID.self)
            default: nil
            }
        #expect(rewritten == line)
    }

    @Test func parsesSimulcastAlternativesAndPausedStreams() throws {
        let simulcast = try Simulcast(parsing: "recv h;~m,M send l")
        #expect(simulcast.receiveFirst)
        #expect(simulcast.receive == [[.init(rid: "h")], [.init(rid: "m", isPaused: true), .init(rid: "M")]])
        #expect(simulcast.send == [[.init(rid: "l")]])
    }

    @Test func readsCryptoKeyParameters() throws {
        let crypto = try Crypto(
            parsing: "1 AES_CM_128_HMAC_SHA1_80 inline:PS1uQCVeeCFCanVmcjkpPywjNWhcYD0mXXtxaVBR|2^20|1:32")
        #expect(crypto.tag == 1)
        #expect(crypto.keyParameters.first?.key == "PS1uQCVeeCFCanVmcjkpPywjNWhcYD0mXXtxaVBR")
        #expect(crypto.keyParameters.first?.lifetime == "2^20")
    }

    @Test func strictParsingThrowsWhereLenientWarns() throws {
        let text = "v=0\no=- 1 1 IN IP4 127.0.0.1\ns=-\nt=0 0\n"
        #expect(throws: Never.self) { try SessionDescription(parsing: text) }
        #expect(throws: ParseError<SessionDescription>.self) { try SessionDescription(parsing: text, options: .strict) }
        let strict = SessionDescription.parse(text, options: .strict)
        #expect(strict.diagnostics.first?.code.rawValue == "SDP108")
        #expect(strict.diagnostics.first?.severity == .error)
    }

    @Test func keepsEveryOddLineInPlace() throws {
        let text =
            "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nt=0  0\r\na=x-vendor: thing  \r\nm=video 9 RTP/AVP 96\r\nc=IN IP4 0.0.0.0\r\na=rtpmap:96 PS/90000\r\ny=0100000001\r\nf=v/2/4///a///\r\n\r\n"
        let result = SessionDescription.parse(text)
        #expect(result.value.serialized() == text)
        #expect(result.value.media[0].extraLines.map(\.text) == ["y=0100000001", "f=v/2/4///a///", ""])
        #expect(result.diagnostics.map(\.code.rawValue).contains("SDP106"))
    }

    @Test func equalDescriptionsSerializeEqually() throws {
        let a = try SessionDescription(parsing: "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n")
        let b = SessionDescription(origin: .init(sessionID: "1", sessionVersion: 1))
        #expect(a == b)
        #expect(a.serialized() == b.serialized())
        let c = try SessionDescription(parsing: "v=0\r\no=- 1  1 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n")
        #expect(c != a, "the double space is part of the document")
        #expect(c.formatted() == a)
    }

    /// A parsed value is a range of the input and a built one a string: however stored, the
    /// same text is the same value, for equality, hashing, writing and typed views.
    @Test(arguments: Fixture.capturedSDP)
    func parsedAttributesAreTheAttributesBuiltFromTheirText(_ fixture: Fixture) throws {
        let description = SessionDescription.parse(bytes: try fixture.bytes()).value
        let parsed = description.attributes + description.media.flatMap(\.attributes)
        try #require(!parsed.isEmpty)
        for attribute in parsed {
            let built = Attribute(name: attribute.name, value: attribute.value)
            #expect(attribute == built)
            #expect(attribute.hashValue == built.hashValue)
            #expect(attribute.description == built.description)
            #expect(attribute.as(RTPMap.self) == built.as(RTPMap.self))
            #expect(attribute.as(Fingerprint.self) == built.as(Fingerprint.self))
            #expect(attribute.as(Candidate.self) == built.as(Candidate.self))
        }
        if let first = parsed.first(where: { $0.value != nil }) {
            var changed = first
            changed.value = (first.value ?? "") + "x"
            #expect(changed != first)
            #expect(changed.description == first.description + "x")
            #expect(Attribute(name: first.name) != first, "no value is not an empty value")
        }
    }

    @Test func parsedValuesReadTheirOwnRange() throws {
        let text = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\na=ice-ufrag:abcd\r\na=ice-pwd:\r\na=rtcp-mux\r\n"
        let attributes = SessionDescription.parse(text).value.attributes
        #expect(attributes.map(\.value) == ["abcd", "", nil])
        #expect(attributes[0] != attributes[1])
        #expect(attributes[0] != Attribute(name: .iceUfrag, value: "abce"), "same length, one byte differs")
        #expect(attributes[1] == Attribute(name: .icePwd, value: ""))
        #expect(attributes[1] != Attribute(name: .icePwd))
        #expect(attributes[0].as(ICEUfrag.self)?.value == "abcd")
    }
}
