import SDPLintDiagnostics
import SDPLintOfferAnswer
import SDPLintSDP
import SDPLintTestSupport
import Testing

/// The analysis of every real offer/answer pair of the capture corpus.
@Suite struct RealPairTests {
    @Test func corpusHasTheExpectedPairs() {
        #expect(Pair.real.count >= 110)
        #expect(Pair.real.contains { $0.offer.path.hasSuffix("sipp/uac-uas-udp.01-request-invite.body.sdp") })
        #expect(
            Pair.real.contains {
                $0.offer.path.hasSuffix("linphone/audio-video-ice-sdes-srtp/01-request-invite.body.sdp")
            })
        #expect(Pair.real.contains { $0.answer.path.hasSuffix("answer-gathered.sdp") })
    }

    /// A codec reported as negotiated is listed, with that name, on both sides.
    @Test(arguments: Pair.real)
    func negotiatedCodecsExistOnBothSides(pair: Pair) throws {
        let (offer, answer) = try pair.sources()
        let report = Negotiation.analyze(offer: offer, answer: answer)
        for section in report.sections {
            for codec in section.codecs where codec.status == .negotiated {
                let offered = try #require(
                    codec.offerPayloadType.flatMap { offer.session.media[section.index].codec(payloadType: $0) })
                let answered = try #require(
                    codec.answerPayloadType.flatMap { answer.session.media[section.index].codec(payloadType: $0) })
                #expect(offered.name.lowercased() == codec.name.lowercased())
                #expect(answered.name.isEmpty || answered.name.lowercased() == codec.name.lowercased())
                #expect(offer.session.media[section.index].formats.contains(String(offered.payloadType)))
                #expect(answer.session.media[section.index].formats.contains(String(answered.payloadType)))
            }
            if let selected = section.selectedCodec {
                #expect(selected.status == .negotiated && selected.kind == .media)
                #expect(!section.rejected)
            }
            if section.rejected {
                #expect(section.rejection != nil)
                #expect(section.offererDirection == .inactive && section.answererDirection == .inactive)
                #expect(!section.codecs.contains { $0.status == .negotiated })
            }
        }
    }

    /// Every finding points at a line of the file it names.
    @Test(arguments: Pair.real)
    func findingsPointAtLinesOfTheirFile(pair: Pair) throws {
        let (offer, answer) = try pair.sources()
        let report = Negotiation.analyze(offer: offer, answer: answer)
        #expect(report.diagnostics.count == report.findings.count)
        for finding in report.findings {
            let source = finding.role == .offer ? offer : answer
            #expect(finding.file == source.name)
            #expect(finding.document == (finding.role == .offer ? 0 : 1))
            let lines = source.text.bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
            let location = finding.diagnostic.location
            #expect(location.line >= 1 && location.line <= lines.count)
            #expect(location.bytes.upperBound <= source.text.bytes.count)
            #expect(OfferAnswerRules.rule(code: finding.diagnostic.code) != nil)
        }
    }

    @Test(arguments: Pair.real)
    func everySectionOfBothSidesIsReported(pair: Pair) throws {
        let (offer, answer) = try pair.sources()
        let report = Negotiation.analyze(offer: offer, answer: answer)
        #expect(report.sections.count == max(offer.session.media.count, answer.session.media.count))
        #expect(report.sections.map(\.index) == Array(report.sections.indices))
    }

    /// Same-browser pairs negotiate without errors.
    @Test(
        arguments: Pair.real.filter {
            $0.offer.path.hasPrefix("corpus/chromium/") || $0.offer.path.hasPrefix("corpus/firefox/")
        })
    func sameBrowserPairsHaveNoErrors(pair: Pair) throws {
        let report = try pair.analyze()
        #expect(!report.hasErrors, "\(report.findings.filter { $0.diagnostic.severity == .error }.map(\.description))")
    }

    @Test func chromiumAudioVideoNegotiatesOpusAndVP8() throws {
        let report = try Pair.corpus("chromium/audio-video").analyze()
        #expect(report.sections.count == 2)
        let audio = report.sections[0]
        let video = report.sections[1]
        #expect(audio.media == .audio && audio.mid == "0" && !audio.rejected && audio.bundled)
        #expect(audio.offerDirection == .sendrecv && audio.answerDirection == .sendrecv)
        #expect(audio.offererDirection == .sendrecv && audio.answererDirection == .sendrecv)
        let opus = try #require(audio.selectedCodec)
        #expect(opus.name == "opus" && opus.clockRate == 48000 && opus.channels == 2)
        #expect(opus.offerPayloadType == 111 && opus.answerPayloadType == 111)
        #expect(opus.feedback == ["transport-cc"])
        #expect(audio.selectionReason == nil)
        #expect(audio.codecs.allSatisfy { $0.status == .negotiated })
        let vp8 = try #require(video.selectedCodec)
        #expect(vp8.name == "VP8" && vp8.offerPayloadType == 96 && vp8.answerPayloadType == 96 && vp8.channels == nil)
        #expect(vp8.feedback == ["goog-remb", "transport-cc", "ccm fir", "nack", "nack pli"])
        #expect(video.codecs.first { $0.offerPayloadType == 97 }?.kind == .retransmission)
        #expect(video.features.rtcpMux && video.features.rtcpReducedSize && video.features.extmapAllowMixed)
        #expect(video.features.headerExtensions.allSatisfy { $0.status == .negotiated && $0.offerID == $0.answerID })
        #expect(video.features.ice.negotiated && video.features.ice.trickle)
        #expect(video.features.dtls?.offerSetup == .actpass && video.features.dtls?.answerSetup == .active)
        #expect(video.features.dtls?.offererRole == .server && video.features.dtls?.answererRole == .client)
        #expect(report.bundleGroups == [BundleGroupReport(offerMids: ["0", "1"], answerMids: ["0", "1"])])
        #expect(report.findings.isEmpty)
    }

    @Test func chromiumToFirefoxDropsH264AndTelephoneEventAt48kHz() throws {
        let report = try Pair.corpus("cross/chromium2firefox.audio-video").analyze()
        let audio = report.sections[0]
        let video = report.sections[1]
        #expect(audio.selectedCodec?.name == "opus")
        #expect(audio.selectedCodec?.answerParameters == "maxplaybackrate=48000;stereo=1;useinbandfec=1")
        let event48 = try #require(audio.codecs.first { $0.offerPayloadType == 110 })
        #expect(event48.status == .dropped && event48.reason == "the answer has telephone-event only at 8000 Hz")
        #expect(report.findings(code: "OA210").count == 1)
        #expect(video.selectedCodec?.name == "VP8")
        let h264 = video.codecs.filter { $0.name == "H264" }
        #expect(h264.count == 6 && h264.allSatisfy { $0.status == .dropped })
        let av1 = try #require(video.codecs.first { $0.name == "AV1" })
        #expect(av1.status == .negotiated && av1.offerPayloadType == 45 && av1.answerPayloadType == 45)
        // Firefox's VP9 fmtp has no profile-id: profile 0, so it matches Chromium's profile-id=0 only.
        #expect(video.codecs.first { $0.offerPayloadType == 98 }?.status == .negotiated)
        let vp9Profile2 = try #require(video.codecs.first { $0.offerPayloadType == 100 })
        #expect(vp9Profile2.status == .dropped)
        #expect(
            vp9Profile2.reason
                == "the answer has VP9 only in another configuration (VP9 profile-id 0 in the answer, 2 in the offer)")
        #expect(video.features.headerExtensions.first { $0.uri.hasSuffix("video-orientation") }?.status == .dropped)
        #expect(!report.hasErrors)
    }

    /// Firefox offers playout-delay recvonly, to receive it; Chromium, sending and receiving
    /// video, takes it without a direction, so only Chromium sends it (RFC 8285 §7). Firefox's
    /// answer to Chromium's recvonly offer marks it recvonly in a sendonly section: nobody sends it.
    @Test func playoutDelayGoesOneWayOrNotAtAll() throws {
        func playoutDelay(_ pair: String) throws -> HeaderExtensionReport? {
            try Pair.corpus(pair).analyze().sections[1].features.headerExtensions
                .first { $0.uri.hasSuffix("playout-delay") }
        }
        #expect(try playoutDelay("cross/firefox2chromium.audio-video")?.offererDirection == .recvonly)
        #expect(try playoutDelay("cross/chromium2firefox.recvonly")?.offererDirection == .inactive)
        let sdes = try Pair.corpus("cross/firefox2chromium.audio-video").analyze().sections[1].features
            .headerExtensions.first { $0.uri == "urn:ietf:params:rtp-hdrext:sdes:mid" }
        #expect(sdes?.offererDirection == .sendrecv)
    }

    @Test func firefoxToChromiumKeepsEveryOfferedVideoFormat() throws {
        let report = try Pair.corpus("cross/firefox2chromium.audio-video").analyze()
        let video = report.sections[1]
        #expect(video.codecs.allSatisfy { $0.status == .negotiated && $0.offerPayloadType == $0.answerPayloadType })
        #expect(
            video.negotiatedCodecs.map(\.name) == ["VP8", "rtx", "VP9", "rtx", "AV1", "rtx", "ulpfec", "red", "rtx"])
        #expect(video.selectedCodec?.offerPayloadType == 120)
        #expect(!report.hasErrors)
    }

    @Test func chromiumToAiortcExplainsEveryDroppedH264() throws {
        let report = try Pair.corpus("cross/chromium2aiortc.audio-video").analyze()
        let video = report.sections[1]
        #expect(video.negotiatedCodecs.compactMap(\.answerPayloadType) == [96, 97, 102, 103, 108, 109])
        #expect(
            video.codecs.first { $0.offerPayloadType == 104 }?.reason?.contains(
                "packetization-mode=1 in the answer, 0 in the offer") == true)
        #expect(video.codecs.first { $0.offerPayloadType == 116 }?.reason?.contains("profile") == true)
        #expect(
            video.codecs.first { $0.offerPayloadType == 107 }?.reason
                == "it repairs H264/90000 (PT 104), which was not negotiated")
        #expect(report.findings(code: "OA401").count == 2)
    }

    /// SIPp's fixed 200 OK template answers an audio+video offer with audio only.
    @Test func sippAnswersBaresipVideoOfferWithAudioOnly() throws {
        let pair = Pair(
            offer: Fixture(path: "corpus/baresip/plain-rtp.01-request-invite.body.sdp"),
            answer: Fixture(path: "corpus/baresip/plain-rtp.04-response-200-invite.body.sdp"))
        let report = try pair.analyze()
        let mismatch = try #require(report.findings(code: "OA101").first)
        #expect(mismatch.role == .answer && mismatch.diagnostic.severity == .error)
        #expect(mismatch.diagnostic.location.line == 6 && mismatch.diagnostic.location.column == 3)
        #expect(report.sections[1].rejection?.reason == .missingFromAnswer)
        #expect(report.sections[0].selectedCodec?.name == "PCMU")
        #expect(
            report.sections[0].codecs.filter { $0.status == .dropped }.map(\.name) == [
                "PCMA", "G722", "opus", "telephone-event",
            ])
    }

    /// webrtcbin maps opus without its channel count (OPUS/48000), and aiortc answered
    /// opus/48000/2 under the same payload type, which webrtcbin took (Conformance/). RFC 7587
    /// §7 fixes the count at 2: the offer's mapping is a malformed opus (OA212), not a codec of
    /// its own that the answer rebinds (OA202) or leaves without a match (OA200).
    @Test func opusMappedWithoutItsChannelCountIsStillOpus() throws {
        func description(_ opus: String, _ setup: String) -> SDPSource {
            let lines = [
                "v=0", "o=- 1 0 IN IP4 0.0.0.0", "s=-", "t=0 0", "m=audio 9 UDP/TLS/RTP/SAVPF 111",
                "c=IN IP4 0.0.0.0", "a=mid:0", "a=sendrecv", "a=rtcp-mux", "a=rtpmap:111 \(opus)",
                "a=ice-ufrag:8hhY", "a=ice-pwd:asd88fgpdd777uzjYhagZg", "a=setup:\(setup)",
                "a=fingerprint:sha-256 " + Array(repeating: "AB", count: 32).joined(separator: ":"),
            ]
            return SDPSource(name: "\(setup).sdp", bytes: Array(lines.map { $0 + "\r\n" }.joined().utf8))
        }
        let report = Negotiation.analyze(
            offer: description("OPUS/48000", "actpass"), answer: description("opus/48000/2", "active"))
        let opus = try #require(report.sections[0].selectedCodec)
        #expect(opus.name.lowercased() == "opus" && opus.offerPayloadType == 111 && opus.answerPayloadType == 111)
        #expect(report.findings(code: "OA212").count == 1)
        #expect(report.findings(code: "OA200").isEmpty && report.findings(code: "OA202").isEmpty)
    }

    @Test func sippToSippMatchesButSharesItsOrigin() throws {
        let pair = Pair(
            offer: Fixture(path: "corpus/sipp/uac-uas-udp.01-request-invite.body.sdp"),
            answer: Fixture(path: "corpus/sipp/uac-uas-udp.04-response-200-invite.body.sdp"))
        let report = try pair.analyze()
        #expect(report.findings.map(\.diagnostic.code.rawValue) == ["OA109"])
        #expect(report.sections[0].selectedCodec?.offerPayloadType == 0)
    }

    @Test func linphoneSRTPOfferIsAnsweredWithPlainRTPAudioOnly() throws {
        let pair = Pair(
            offer: Fixture(path: "corpus/linphone/audio-video-ice-sdes-srtp/01-request-invite.body.sdp"),
            answer: Fixture(path: "corpus/linphone/audio-video-ice-sdes-srtp/03-response-200-invite.body.sdp"))
        let report = try pair.analyze()
        let codes = Set(report.findings.map(\.diagnostic.code.rawValue))
        #expect(codes.isSuperset(of: ["OA101", "OA103", "OA303", "OA209"]))
        #expect(report.sections[0].selectedCodec?.name == "PCMU")
        #expect(report.sections[0].selectionReason?.hasPrefix("opus (PT 96) was dropped") == true)
    }

    @Test func chromiumRejectsGStreamerOpusWithoutChannels() throws {
        let report = try Pair.corpus("cross/gstreamer2chromium.recvonly").analyze()
        #expect(report.sections[0].rejection?.reason == .declinedByAnswerer)
        #expect(report.sections[0].rejection?.explanation.contains("OPUS/48000 (PT 96)") == true)
        #expect(report.findings(code: "OA212").first?.role == .offer)
        // The video section was offered bundle-only and accepted inside BUNDLE.
        #expect(report.sections[1].bundleOnly && !report.sections[1].rejected && report.sections[1].bundled)
        #expect(report.sections[1].offererDirection == .recvonly)
    }

    @Test func aiortcAnswersAStoppedSectionWithAPort() throws {
        let report = try Pair.corpus("cross/chromium2aiortc.renegotiation.3-stop-video").analyze()
        #expect(Set(report.findings.map(\.diagnostic.code.rawValue)).isSuperset(of: ["OA105", "OA309", "OA313"]))
        #expect(report.sections[1].rejection?.reason == .rejectedInOffer)
    }

    @Test func firefoxMaxBundleAcceptsBundleOnlySections() throws {
        let report = try Pair.corpus("firefox/gathered-max-bundle").analyze()
        for section in report.sections.dropFirst() {
            #expect(section.bundleOnly && section.offerPort == 0 && !section.rejected && section.acceptedViaBundle)
        }
        let data = try #require(report.sections[2].dataChannel)
        #expect(data.offerSCTPPort == 5000 && data.answerSCTPPort == 5000 && data.offererMaySend == 1073741823)
    }

    @Test func publishedSimulcastIsDeclinedByTheAnswerer() throws {
        for stem in ["firefox/simulcast-video", "chromium/simulcast-publish-sendonly"] {
            let report = try Pair.corpus(stem).analyze()
            let simulcast = try #require(report.findings(code: "OA412").first)
            #expect(simulcast.diagnostic.message.contains("declines simulcast"))
            let section = try #require(report.sections.first { $0.features.simulcast != nil })
            #expect(!(section.features.simulcast?.offerSend.isEmpty ?? true))
            #expect(section.features.simulcast?.offererSends == [])
        }
    }

    @Test func aiortcReusesItsOriginForBothSides() throws {
        let report = try Pair.corpus("aiortc/audio-video").analyze()
        #expect(report.findings.map(\.diagnostic.code.rawValue) == ["OA109"])
    }

    @Test func gstreamerAnswersRecvonly() throws {
        let report = try Pair.corpus("cross/chromium2gstreamer.audio-video").analyze()
        for section in report.sections {
            #expect(section.answerDirection == .recvonly && section.offererDirection == .sendonly)
        }
        #expect(report.findings(code: "OA111").count == 2)
        #expect(report.sections[0].selectedCodec?.name == "opus")
    }
}
