import Foundation
import SDPLint
import SDPLintInput
import SDPLintReporting
import SDPLintTestSupport
import SDPLintWebRTC
import Testing

/// Runs the built `sdplint anonymize` on one input of each kind: it writes exactly the bytes
/// the library produces (binary ones too), and refuses what it cannot anonymize with status 2
/// and one line.
@Suite struct AnonymizeCommandTests {
    static let oneOfEachKind = [
        "corpus/firefox/gathered-datachannel.offer.sdp", "ice/candidates.txt", "signaling/sdpfrag/trickle.sdpfrag",
        "signaling/json/routed-offer.json", "signaling/json/exchange.ndjson",
        "corpus/chromium-internals/call-closed-peer.json.gz", "corpus/chromium-internals/call-closed-peer.rtcstats.gz",
        "corpus/firefox-aboutwebrtc/call-closed-peer.pc2.report.json", "signaling/sip/delayed-offer-trickle.sip",
        "signaling/whip/whip-exchange.http", "jingle/session-initiate.xml", "pcap/sip-udp-fragmented.pcapng",
        "pcap/sip-tcp.pcapng.gz", "corpus/linphone/audio-video-ice-sdes-srtp/sip-udp-lo.pcap",
    ].map(Fixture.init(path:))

    @Test(arguments: oneOfEachKind)
    func writesTheAnonymizedBytes(_ fixture: Fixture) throws {
        let original = try fixture.bytes()
        let run = try Executable.run("sdplint", ["anonymize", "Fixtures/" + fixture.path])
        #expect(run.status == 0)
        #expect(run.standardError.isEmpty)
        let output = [UInt8](run.standardOutputData)
        #expect(output == (try Anonymizer.anonymize(original)))
        #expect(output != original)
        #expect(InputKind.detect(output) == InputKind.detect(original))
    }

    @Test func theSeedChoosesTheReplacements() throws {
        let path = "Fixtures/signaling/json/routed-offer.json"
        let first = try Executable.run("sdplint", ["anonymize", "--seed", "1", path])
        let again = try Executable.run("sdplint", ["anonymize", "--seed", "1", path])
        let other = try Executable.run("sdplint", ["anonymize", "--seed", "2", path])
        #expect(first.standardOutputData == again.standardOutputData)
        #expect(first.standardOutputData != other.standardOutputData)
    }

    @Test func readsStandardInputAndAForcedKind() throws {
        let text = "a=candidate:1 1 udp 2122260223 198.51.100.7 50000 typ host\n"
        let run = try Executable.run("sdplint", ["anonymize", "--input", "candidate", "-"], input: Data(text.utf8))
        #expect(run.status == 0)
        #expect(run.standardOutput.utf8.count == text.utf8.count && !run.standardOutput.contains("198.51.100.7"))
        #expect(try Executable.run("sdplint", ["anonymize", "--input", "yaml", "-"]).status == 2)
    }

    @Test func refusesWhatItCannotAnonymizeWhole() throws {
        let gzip = try Fixture(path: "corpus/chromium-internals/call-closed-peer.json.gz").bytes()
        let damaged = try Executable.run("sdplint", ["anonymize", "-"], input: Data(gzip.prefix(300)))
        #expect(damaged.status == 2)
        #expect(damaged.standardOutputData.isEmpty)
        #expect(damaged.standardError.split(separator: "\n").count == 1)
        #expect(damaged.standardError.contains("<stdin>: the gzip data is damaged"))
        let capture = try Fixture(path: "pcap/sip-udp.pcapng").bytes()
        let cut = try Executable.run("sdplint", ["anonymize", "-"], input: Data(capture.dropLast(10)))
        #expect(cut.status == 2 && cut.standardOutputData.isEmpty)
        #expect(cut.standardError.split(separator: "\n").count == 1)
    }
}
