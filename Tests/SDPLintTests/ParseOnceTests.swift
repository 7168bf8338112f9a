import SDPLint
import SDPLintInput
import SDPLintSDP
import SDPLintTestSupport
import SDPLintWebRTC
import Testing

/// `check` parses each session description an input holds once: the reader parses it, and the
/// grammar findings, the WebRTC rules, the profiles, offer/answer and the trace checks all read
/// that parse (SessionDescription's parser counts its calls in debug builds).
@Suite struct ParseOnceTests {
    @Test(arguments: [
        "signaling/sip/delayed-offer-trickle.sip",
        "corpus/linphone/audio-ice/sip-udp-lo.pcap",
        "pcap/sip-udp.pcap",
        "pcap/sip-tcp.pcapng.gz",
        "signaling/json/exchange.ndjson",
        "signaling/whip/whip-exchange.http",
        "corpus/chromium-internals/call-audio-video-datachannel.rtcstats.gz",
        "corpus/firefox-aboutwebrtc/call-closed-peer.pc2.history.json",
        "corpus/firefox/codec-vp9-only.offer.sdp",
    ])
    func checkParsesEachDescriptionOnce(_ fixture: String) throws {
        let bytes = try Fixture(path: fixture).bytes()
        let expected = InputReader.read(bytes, name: fixture).descriptions.count
        #expect(expected > 0, "the fixture holds descriptions")

        let counter = ParseCounting.Counter()
        var configuration = LintConfiguration()
        configuration.profiles = Profile.allCases
        let files = ParseCounting.$counter.withValue(counter) {
            Linter.check(bytes, path: fixture, configuration: configuration)
        }
        #expect(!files.isEmpty)
        #expect(counter.parses == expected)
    }
}
