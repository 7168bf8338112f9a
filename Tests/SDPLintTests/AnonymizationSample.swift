import Foundation
import SDPLintCapture
import SDPLintTestSupport
import Testing

/// One input to anonymize: a fixture, or a capture built by the test.
struct AnonymizationSample: CustomTestStringConvertible, Sendable {
    let name: String
    let bytes: @Sendable () throws -> [UInt8]

    var testDescription: String { name }

    init(_ fixture: Fixture) {
        name = fixture.path
        bytes = { try fixture.bytes() }
    }

    init(name: String, bytes: @escaping @Sendable () -> [UInt8]) {
        self.name = name
        self.bytes = bytes
    }

    /// Fixtures of every input kind, real captures first.
    static let all: [AnonymizationSample] = {
        var fixtures: [Fixture] = []
        // SDP: every fifth captured description (all clients), and the ones with the most secrets.
        fixtures += Fixture.capturedSDP.enumerated().filter { $0.offset % 5 == 0 }.map(\.element)
        fixtures += [
            "corpus/firefox/gathered-datachannel.offer.sdp",
            "corpus/chromium/gathered-audio-video-datachannel.offer.sdp",
            "corpus/linphone/audio-video-ice-sdes-srtp/01-request-invite.body.sdp",
        ].map(Fixture.init(path:))
        // Candidate lines and SDP fragments.
        fixtures += ["ice/candidates.txt", "signaling/sdpfrag/trickle.sdpfrag"].map(Fixture.init(path:))
        // JSON signaling, NDJSON, ICE servers.
        fixtures += Fixture.files(in: "signaling/json", suffix: ".json")
        fixtures += Fixture.files(in: "signaling/json", suffix: ".ndjson")
        fixtures += Fixture.files(in: "corpus/cross", suffix: ".ndjson").prefix(4)
        fixtures += Fixture.files(in: "corpus/cross", suffix: ".json").prefix(4)
        // Browser dumps: webrtc-internals plain and gzip, rtcstats, about:webrtc.
        fixtures += Fixture.files(in: "corpus/chromium-internals", suffix: "")
        fixtures += Fixture.files(in: "corpus/firefox-aboutwebrtc", suffix: ".json")
        fixtures += Fixture.files(in: "corpus/firefox-aboutwebrtc", suffix: ".html")
        // SIP: traces, single messages, every SIP fixture (odd ones included).
        fixtures += Fixture.files(in: "signaling/sip", suffix: ".sip") + Fixture.files(in: "sip", suffix: ".sip")
        fixtures +=
            Fixture.files(in: "corpus/linphone", suffix: ".sip") + Fixture.files(in: "corpus/sipp", suffix: ".sip")
        fixtures += Fixture.files(in: "corpus/linphone", suffix: ".log")
        // WHIP/WHEP.
        fixtures += Fixture.files(in: "signaling/whip", suffix: ".http")
        fixtures += Fixture.files(in: "signaling/invalid", suffix: ".http")
        // Jingle.
        fixtures += Fixture.files(in: "jingle", suffix: ".xml").filter { !$0.path.contains("invalid") }
        fixtures += Fixture.files(in: "corpus/jingle", suffix: ".xml")
        // Captures: pcap, pcapng, gzip-compressed, Linux cooked, fragments, TCP.
        fixtures += Fixture.files(in: "pcap", suffix: ".pcap") + Fixture.files(in: "pcap", suffix: ".pcapng")
        fixtures +=
            Fixture.files(in: "pcap", suffix: ".pcapng.gz") + Fixture.files(in: "corpus/linphone", suffix: ".pcap")
        // HEP: packets as a collector receives them, and a capture of them on the wire.
        fixtures += Fixture.files(in: "hep", suffix: ".hep") + Fixture.files(in: "hep", suffix: ".pcapng")
        let rtcstats = Fixture(path: "corpus/chromium-internals/call-closed-peer.rtcstats.gz")
        let internals = Fixture(path: "corpus/chromium-internals/call-datachannel-only.json")
        return fixtures.filter { !$0.path.hasSuffix(".md") }.map(AnonymizationSample.init) + [
            AnonymizationSample(name: "synthetic Ethernet capture", bytes: { SyntheticCapture.pcap() }),
            AnonymizationSample(
                name: rtcstats.path + ", decompressed",
                bytes: { Gzip.decompress((try? rtcstats.bytes()) ?? []).bytes }),
            AnonymizationSample(
                name: internals.path + ", in Chromium's older text values",
                bytes: { legacyValues((try? internals.bytes()) ?? []) }),
        ]
    }()

    /// A webrtc-internals dump with each event value written as older Chromium wrote it:
    /// `type: offer, sdp: …` and `sdpMid: 0, sdpMLineIndex: 0, candidate: …`.
    static func legacyValues(_ bytes: [UInt8]) -> [UInt8] {
        func rewrite(_ value: Any) -> Any {
            if let object = value as? [String: Any] {
                var result: [String: Any] = [:]
                for (key, member) in object {
                    if key == "value", let text = member as? String, text.hasPrefix("{"),
                        let event = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
                    {
                        if let type = event["type"] as? String, let sdp = event["sdp"] as? String {
                            result[key] = "type: \(type), sdp: \(sdp)"
                            continue
                        }
                        if let candidate = event["candidate"] as? String {
                            let mid = event["sdpMid"] as? String ?? ""
                            let index = (event["sdpMLineIndex"] as? Int).map(String.init) ?? ""
                            result[key] = "sdpMid: \(mid), sdpMLineIndex: \(index), candidate: \(candidate)"
                            continue
                        }
                    }
                    result[key] = rewrite(member)
                }
                return result
            }
            if let array = value as? [Any] { return array.map(rewrite) }
            return value
        }
        guard let root = try? JSONSerialization.jsonObject(with: Data(bytes)),
            let data = try? JSONSerialization.data(withJSONObject: rewrite(root), options: [.sortedKeys])
        else { return bytes }
        return [UInt8](data)
    }
}
