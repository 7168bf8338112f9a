import Foundation
import SDPLint
import SDPLintFuzzTargets
import SDPLintInput
import SDPLintReporting
import SDPLintTestSupport
import SDPLintWebRTC
import Testing

/// What the newer targets promise beyond "runs its seeds": hostile XML costs the `jingle`
/// target no time, and the seed shapes give what the targets need.
@Suite struct SeedAndTargetTests {
    /// XXE and entity expansion: the Jingle reader refuses the DTD before libxml2 reads an
    /// entity, so a billion-laughs document costs what any small input costs. Were entities
    /// expanded, the first would take gigabytes and minutes.
    @Test(arguments: ["billion-laughs.xml", "xxe-file-entity.xml", "xxe-external-dtd.xml", "undeclared-entity.xml"])
    func jingleTargetRefusesEntitiesQuickly(_ name: String) throws {
        let target = try #require(FuzzTarget.named("jingle"))
        let input = try Fixture(path: "jingle/invalid/\(name)").bytes()
        #expect(input.count < target.maxLength)
        var violations: [Violation] = []
        let elapsed = ContinuousClock().measure { violations = target.run(input) }
        #expect(violations.isEmpty, "\(violations)")
        #expect(elapsed < .milliseconds(500), "\(name) took \(elapsed)")
    }

    /// The `capture` target reads gzip itself, so its `.gz` seed stays compressed; every other
    /// target gets compressed fixtures decompressed.
    @Test func gzipSeedsStayCompressedOnlyForTheCaptureTarget() throws {
        let isGzip: ([UInt8]) -> Bool = { $0.starts(with: [0x1F, 0x8B]) }
        let capture = try #require(FuzzTarget.named("capture")).seedInputs(fixtures: Fixture.root.path)
        #expect(capture.contains { $0.path.hasSuffix(".pcapng.gz") && isGzip($0.bytes) })
        let trace = try #require(FuzzTarget.named("trace")).seedInputs(fixtures: Fixture.root.path)
        let rtcstats = trace.filter { $0.path.hasSuffix(".rtcstats.gz") }
        #expect(!rtcstats.isEmpty)
        #expect(rtcstats.allSatisfy { $0.bytes.starts(with: Array("RTCStatsDump".utf8)) })
    }

    /// The `trace` target gets webrtc-internals dumps in the older text form of their values,
    /// which no fixture has.
    @Test func traceSeedsIncludeTheOlderWebRTCInternalsValues() throws {
        let trace = try #require(FuzzTarget.named("trace")).seedInputs(fixtures: Fixture.root.path)
        let legacy = trace.filter { seed in
            let text = String(decoding: seed.bytes, as: UTF8.self)
            return text.contains("type: offer, sdp: v=0") && text.contains("sdpMLineIndex: 0, candidate: candidate:")
        }
        #expect(!legacy.isEmpty)
        // The dump reader takes them: the descriptions and candidates come through.
        for seed in legacy {
            let traces = InputReader.read(seed.bytes, name: seed.path, kind: .json).traces
            #expect(traces.contains { !$0.appliedDescriptions.isEmpty }, "\(seed.path)")
        }
    }
}
