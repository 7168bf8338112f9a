import SDPLintDiagnostics
import SDPLintOfferAnswer
import SDPLintSDP
import Testing

/// Shapes the standards give as correct, written here by hand: no error may be reported.
@Suite struct StandardsExampleTests {
    static func sdp(_ lines: [String]) -> String { lines.joined(separator: "\r\n") + "\r\n" }

    /// A second audio stream that carries only telephone-event is a stream of its own (the
    /// shape of RFC 4317 §2.4): accepted with telephone-event, it has its format in common.
    @Test func aTelephoneEventOnlyStreamIsAccepted() {
        func description(_ origin: String, _ address: String) -> String {
            Self.sdp([
                "v=0", "o=- \(origin) \(origin) IN IP4 \(address)", "s=-", "c=IN IP4 \(address)", "t=0 0",
                "m=audio 49170 RTP/AVP 0", "a=rtpmap:0 PCMU/8000",
                "m=audio 49172 RTP/AVP 97", "a=rtpmap:97 telephone-event/8000",
            ])
        }
        let report = Negotiation.analyze(
            offer: SDPSource(name: "offer", text: description("1", "192.0.2.1")),
            answer: SDPSource(name: "answer", text: description("2", "192.0.2.2")))
        #expect(report.findings.filter { $0.diagnostic.severity == .error }.map(\.diagnostic.code.rawValue) == [])
        #expect(report.sections[1].selectedCodec?.name.lowercased() == "telephone-event")
        // An answer that keeps only telephone-event where the offer had a media codec still
        // has no media codec in common, and the finding lists what each side has.
        let media = Negotiation.analyze(
            offer: SDPSource(
                name: "offer",
                text: Self.sdp([
                    "v=0", "o=- 1 1 IN IP4 192.0.2.1", "s=-", "c=IN IP4 192.0.2.1", "t=0 0",
                    "m=audio 49170 RTP/AVP 0 97", "a=rtpmap:0 PCMU/8000", "a=rtpmap:97 telephone-event/8000",
                ])),
            answer: SDPSource(
                name: "answer",
                text: Self.sdp([
                    "v=0", "o=- 2 2 IN IP4 192.0.2.2", "s=-", "c=IN IP4 192.0.2.2", "t=0 0",
                    "m=audio 49170 RTP/AVP 97", "a=rtpmap:97 telephone-event/8000",
                ])))
        let missing = media.findings.filter { $0.diagnostic.code.rawValue == "OA200" }
        #expect(missing.count == 1)
        #expect(
            missing.first?.diagnostic.message
                == """
                section 0 (audio) is accepted but has no media codec in common with the offer (offer: PCMU/8000 \
                (PT 0); answer: telephone-event/8000 (PT 97))
                """)
    }

    /// In an answer, rtcp-mux belongs to the section of the answerer's BUNDLE tag only (RFC 9143
    /// §7.1.3, as the answers of RFC 8829 §7 show); a group with none at all is one finding.
    @Test func rtcpMuxInTheTaggedSectionEnablesItForTheGroup() {
        func description(_ origin: String, setup: String, muxIn sections: Set<Int>) -> String {
            var lines = [
                "v=0", "o=- \(origin) 1 IN IP4 0.0.0.0", "s=-", "t=0 0", "a=group:BUNDLE a1 v1",
                "a=ice-ufrag:ufrag\(origin)", "a=ice-pwd:password0123456789abcd\(origin)",
                "a=fingerprint:sha-256 " + Array(repeating: "AB", count: 32).joined(separator: ":"),
                "a=setup:\(setup)",
            ]
            for (index, (media, mid, pt, codec)) in [
                ("audio", "a1", 111, "opus/48000/2"), ("video", "v1", 96, "VP8/90000"),
            ].enumerated() {
                lines += [
                    "m=\(media) \(index == 0 || origin == "1" ? 9 : 0) UDP/TLS/RTP/SAVPF \(pt)",
                    "c=IN IP4 0.0.0.0", "a=mid:\(mid)", "a=sendrecv", "a=rtpmap:\(pt) \(codec)",
                ]
                if index == 1 && origin == "2" { lines.append("a=bundle-only") }
                if sections.contains(index) { lines.append("a=rtcp-mux") }
            }
            return Self.sdp(lines)
        }
        let offer = SDPSource(name: "offer", text: description("1", setup: "actpass", muxIn: [0, 1]))
        let tagged = Negotiation.analyze(
            offer: offer, answer: SDPSource(name: "answer", text: description("2", setup: "active", muxIn: [0])))
        #expect(!tagged.findings.contains { $0.diagnostic.code.rawValue == "OA407" })
        let none = Negotiation.analyze(
            offer: offer, answer: SDPSource(name: "answer", text: description("2", setup: "active", muxIn: [])))
        #expect(none.findings.filter { $0.diagnostic.code.rawValue == "OA407" }.count == 1)
    }

    /// RFC 8841 §13.1: SCTP over DTLS without ICE on either side. JSEP endpoints always use ICE,
    /// but these transports need not; a browser profile reports the missing ICE (PRF105).
    @Test func dataChannelsWithoutICEOnEitherSideAreConsistent() {
        func description(_ origin: String, _ port: Int, setup: String) -> SDPSource {
            SDPSource(
                name: origin,
                text: Self.sdp([
                    "v=0", "o=- \(origin) 1 IN IP4 192.0.2.1", "s=-", "t=0 0",
                    "m=application \(port) UDP/DTLS/SCTP webrtc-datachannel", "c=IN IP6 2001:db8::a8fd",
                    "a=tls-id:abc3de65cddef001be82", "a=setup:\(setup)",
                    "a=fingerprint:SHA-256 12:DF:3E:5D:49:6B:19:E5:7C:AB:4A:AD:B9:B1:3F:82:18:3B:54:02:12:DF:3E:5D:"
                        + "49:6B:19:E5:7C:AB:4A:AD",
                    "a=sctp-port:5000", "a=max-message-size:100000",
                ]))
        }
        let report = Negotiation.analyze(
            offer: description("1", 54111, setup: "actpass"), answer: description("2", 64300, setup: "active"))
        #expect(report.findings.filter { $0.diagnostic.severity == .error }.map(\.diagnostic.code.rawValue) == [])
    }

    /// RFC 5763 §7.1: the offer lists DTLS-SRTP as a potential configuration of an RTP/AVP
    /// section (RFC 5939 a=tcap, a=pcfg); the answer takes it and says so with a=acfg.
    @Test func anAnswerMayTakeTheProtocolOfAnOfferedConfiguration() {
        let offer = SDPSource(
            name: "offer",
            text: Self.sdp([
                "v=0", "o=- 1 1 IN IP4 192.0.2.1", "s=-", "c=IN IP4 192.0.2.1", "t=0 0",
                "m=audio 6056 RTP/AVP 0", "a=rtpmap:0 PCMU/8000", "a=tcap:1 UDP/TLS/RTP/SAVP RTP/AVP",
                "a=pcfg:1 t=1",
            ]))
        func answer(_ acfg: String?) -> SDPSource {
            SDPSource(
                name: "answer",
                text: Self.sdp(
                    [
                        "v=0", "o=- 2 1 IN IP4 192.0.2.2", "s=-", "c=IN IP4 192.0.2.2", "t=0 0",
                        "m=audio 6000 UDP/TLS/RTP/SAVP 0", "a=rtpmap:0 PCMU/8000",
                    ] + (acfg.map { ["a=acfg:1 \($0)"] } ?? [])))
        }
        func mismatches(_ acfg: String?) -> Int {
            Negotiation.analyze(offer: offer, answer: answer(acfg)).findings.filter {
                $0.diagnostic.code.rawValue == "OA103"
            }.count
        }
        #expect(mismatches("t=1") == 0)
        // Without a=acfg, or naming the other listed protocol, the answer changed the protocol.
        #expect(mismatches(nil) == 1)
        #expect(mismatches("t=2") == 1)
        // Numbers at the ends of Int (a trap once: their difference overflowed) name nothing.
        let far = SDPSource(
            name: "offer",
            text: Self.sdp([
                "v=0", "o=- 1 1 IN IP4 192.0.2.1", "s=-", "c=IN IP4 192.0.2.1", "t=0 0", "m=audio 6056 RTP/AVP 0",
                "a=tcap:-9223372036854775808 UDP/TLS/RTP/SAVP",
            ]))
        #expect(
            Negotiation.analyze(offer: far, answer: answer("t=9223372036854775807")).findings.filter {
                $0.diagnostic.code.rawValue == "OA103"
            }.count == 1)
    }
}
