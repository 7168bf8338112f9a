import Foundation
import SDPLintDiagnostics
import SDPLintSDP
import Testing

@testable import SDPLintOfferAnswer

/// The fmtp parameters that decide whether two codecs of one name are the same configuration.
@Suite struct CodecParameterTests {
    @Test(arguments: [
        ("42e01f", "Constrained Baseline", "3.1"),
        ("42001f", "Baseline", "3.1"),
        ("42c01e", "Constrained Baseline", "3"),
        ("4d001f", "Main", "3.1"),
        ("4d8028", "Constrained Baseline", "4"),
        ("640c1f", "Constrained High", "3.1"),
        ("64001f", "High", "3.1"),
        ("f4001f", "High 4:4:4 Predictive", "3.1"),
        ("42f00b", "Constrained Baseline", "1b"),
        ("42000a", "Baseline", "1"),
    ])
    func readsH264ProfileLevelIDs(text: String, profile: String, level: String) throws {
        let parsed = try #require(H264ProfileLevelID(text))
        #expect(parsed.profile.description == profile)
        #expect(parsed.levelName == level)
    }

    @Test(arguments: ["", "42e01", "42e01fff", "zz001f", "42e0 f"])
    func rejectsMalformedProfileLevelIDs(text: String) {
        #expect(H264ProfileLevelID(text) == nil)
    }

    static func fmtp(_ text: String?) -> FMTP? { text.map { FMTP(format: "96", parameterText: $0) } }

    @Test(
        arguments: [
            // name, offer fmtp, answer fmtp, compatible
            (
                "H264", "packetization-mode=1;profile-level-id=42e01f", "packetization-mode=1;profile-level-id=42e01f",
                true
            ),
            (
                "H264", "packetization-mode=1;profile-level-id=42e01f", "packetization-mode=0;profile-level-id=42e01f",
                false
            ),
            ("H264", "profile-level-id=42e01f", nil, false),  // the default is Baseline level 1
            ("H264", "profile-level-id=42000a", nil, true),
            (
                "H264", "packetization-mode=1;profile-level-id=42e01f", "packetization-mode=1;profile-level-id=42e034",
                true
            ),
            (
                "H264", "packetization-mode=1;profile-level-id=4d001f", "packetization-mode=1;profile-level-id=42001f",
                false
            ),
            ("VP9", nil, "profile-id=0", true),
            ("VP9", "profile-id=2", "profile-id=0", false),
            ("AV1", "level-idx=5;profile=0;tier=0", nil, true),
            ("AV1", "profile=1", "profile=0", false),
            ("H265", "level-id=93;profile-id=1;tier-flag=0", "level-id=120;profile-id=1;tier-flag=0", true),
            ("H265", "profile-id=1", "profile-id=2", false),
            ("H265", "tier-flag=1", nil, false),
            ("opus", "minptime=10;useinbandfec=1", "maxplaybackrate=48000;stereo=1;useinbandfec=1", true),
            ("VP8", "max-fs=12288;max-fr=60", nil, true),
        ] as [(String, String?, String?, Bool)])
    func comparesCodecConfigurations(name: String, offer: String?, answer: String?, compatible: Bool) {
        let result = CodecParameters.compare(name: name, offer: Self.fmtp(offer), answer: Self.fmtp(answer))
        #expect((result.incompatibility == nil) == compatible, "\(result.incompatibility ?? "compatible")")
    }

    @Test func h264LevelAsymmetryNeedsBothSides() {
        let higher = CodecParameters.compare(
            name: "h264", offer: Self.fmtp("profile-level-id=42e01f"),
            answer: Self.fmtp("profile-level-id=42e028"))
        #expect(higher.incompatibility == nil && higher.levelExceeded != nil)
        let allowed = CodecParameters.compare(
            name: "H264", offer: Self.fmtp("level-asymmetry-allowed=1;profile-level-id=42e01f"),
            answer: Self.fmtp("level-asymmetry-allowed=1;profile-level-id=42e028"))
        #expect(allowed.levelExceeded == nil && allowed.note?.contains("level asymmetry allowed") == true)
        let lower = CodecParameters.compare(
            name: "H264", offer: Self.fmtp("profile-level-id=42e028"),
            answer: Self.fmtp("profile-level-id=42e01f"))
        #expect(lower.levelExceeded == nil && lower.note?.contains("both directions use the answer's level") == true)
    }

    /// Through the whole analysis: an H.264 answer in another profile conflicts, a lower level
    /// is a note on a negotiated codec.
    @Test func pairsH264ByProfileNotByLevel() throws {
        func pair(_ answerFMTP: String) -> NegotiationReport {
            let offer = Self.video("packetization-mode=1;profile-level-id=42e01f", origin: "1")
            return Negotiation.analyze(
                offer: SDPSource(name: "offer", text: offer),
                answer: SDPSource(name: "answer", text: Self.video(answerFMTP, origin: "2", setup: "active")))
        }
        let lower = pair("packetization-mode=1;profile-level-id=42e00d")
        #expect(lower.sections[0].selectedCodec?.name == "H264")
        #expect(lower.sections[0].selectedCodec?.reason?.contains("level 1.3 in the answer, 3.1 in the offer") == true)
        let main = pair("packetization-mode=1;profile-level-id=4d001f")
        #expect(main.sections[0].codecs.contains { $0.status == .payloadTypeConflict })
        #expect(main.findings(code: "OA204").count == 1)
        #expect(main.findings(code: "OA200").count == 1)
    }

    /// An H.264 answered under another payload type and packetization mode is not the offered
    /// one: it is added by the answer, and the offered one is dropped, each saying why.
    @Test func explainsAnH264AnsweredInAnotherConfiguration() throws {
        let offer = Self.video("packetization-mode=1;profile-level-id=42e01f", origin: "1")
        let answer = Self.video("packetization-mode=0;profile-level-id=42e01f", origin: "2", setup: "active")
            .replacingOccurrences(of: "102", with: "104")
        let report = Negotiation.analyze(
            offer: SDPSource(name: "offer", text: offer), answer: SDPSource(name: "answer", text: answer))
        let codecs = report.sections[0].codecs
        #expect(codecs.map(\.status) == [.dropped, .addedByAnswer])
        #expect(
            codecs[0].reason
                == """
                the answer has H264 only in another configuration (H264 packetization-mode=0 in the answer, 1 in \
                the offer)
                """
        )
        #expect(
            codecs[1].reason
                == """
                the offer has H264 only in another configuration (H264 packetization-mode=0 in the answer, 1 in \
                the offer)
                """
        )
        #expect(Set(report.findings.map(\.diagnostic.code.rawValue)) == ["OA201", "OA200"])
    }

    static func video(_ fmtp: String, origin: String, setup: String = "actpass") -> String {
        [
            "v=0", "o=- \(origin) 1 IN IP4 127.0.0.1", "s=-", "t=0 0",
            "m=video 9 UDP/TLS/RTP/SAVPF 102", "c=IN IP4 0.0.0.0",
            "a=ice-ufrag:u\(origin)u\(origin)", "a=ice-pwd:abcdefghijklmnopqrstuv\(origin)",
            "a=fingerprint:sha-256 " + Array(repeating: "0\(origin)", count: 32).joined(separator: ":"),
            "a=setup:\(setup)", "a=mid:0", "a=sendrecv", "a=rtcp-mux",
            "a=rtpmap:102 H264/90000", "a=fmtp:102 \(fmtp)", "",
        ].joined(separator: "\r\n")
    }
}
