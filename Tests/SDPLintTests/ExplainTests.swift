import Foundation
import SDPLint
import SDPLintInput
import SDPLintReporting
import SDPLintSDP
import SDPLintTestSupport
import SDPLintWebRTC
import Testing

@Suite struct ExplainTests {
    /// `explain` takes --color like every command that writes text: the gutter, the headings
    /// and each finding in its severity's colour; never by default off a terminal.
    @Test func colorsWhenAsked() throws {
        let input = Data("v=0\r\no=- x 1 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n".utf8)
        let colored = try Executable.run("sdplint", ["explain", "--color", "always", "-"], input: input)
        #expect(colored.status == 0)
        #expect(colored.standardOutput.contains("\u{1B}[1;34m2 │ \u{1B}[0m"))
        #expect(colored.standardOutput.contains("\u{1B}[1;31merror[SDP135]"))
        let plain = try Executable.run("sdplint", ["explain", "-"], input: input)
        #expect(!plain.standardOutput.contains("\u{1B}["))
    }

    @Test(arguments: [
        ("42e01f", "H.264 Constrained Baseline, level 3.1"), ("42001f", "H.264 Baseline, level 3.1"),
        ("4d001f", "H.264 Main, level 3.1"), ("640c1f", "H.264 Constrained High, level 3.1"),
        ("640034", "H.264 High, level 5.2"), ("42c00b", "H.264 Constrained Baseline, level 1.1"),
        ("42f00b", "H.264 Constrained Baseline, level 1b"), ("f4001e", "H.264 High 4:4:4 Predictive, level 3"),
    ])
    func decodesH264ProfileLevelID(_ text: String, _ expected: String) {
        #expect(H264ProfileLevelID(text)?.summary == expected)
    }

    @Test func rejectsMalformedProfileLevelIDs() {
        #expect(H264ProfileLevelID("42e01") == nil)
        #expect(H264ProfileLevelID("42e01g") == nil)
    }

    @Test(
        arguments: Fixture.capturedSDP.filter {
            $0.path.hasPrefix("corpus/chromium/") || $0.path.hasPrefix("corpus/firefox/")
        })
    func explainsEveryLineOfACapture(_ fixture: Fixture) throws {
        let bytes = try fixture.bytes()
        let lines = Explainer.explain(bytes)
        let count = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).count - 1
        #expect(lines.count == count)
        #expect(
            lines.allSatisfy { !$0.explanation.isEmpty && !$0.explanation.hasPrefix("Attribute ") },
            "\(lines.filter { $0.explanation.hasPrefix("Attribute ") }.map(\.text))")
    }

    @Test func decodesWhatPeopleLookUp() throws {
        let lines = Explainer.explain(try Fixture(path: "corpus/chromium/audio-video.offer.sdp").bytes())
        func explanation(_ prefix: String) -> String { lines.first { $0.text.hasPrefix(prefix) }?.explanation ?? "" }
        #expect(
            explanation("a=fmtp:102 ").contains("H.264 Constrained Baseline, level 3.1")
                || explanation("a=fmtp:102 ").contains("H.264 Baseline, level 3.1"))
        #expect(explanation("a=extmap:3 ").contains("transport-wide sequence numbers"))
        #expect(explanation("a=rtcp-fb:96 nack pli").contains("picture loss indication"))
        #expect(explanation("a=fmtp:97 apt=96").contains("repairs payload type 96"))
        #expect(explanation("a=setup:actpass").contains("the answerer will choose"))
        #expect(lines.first { $0.text.hasPrefix("m=video") }?.section == "media 1 (video, mid 1)")
    }

    @Test func marksLinesWithFindings() {
        let lines = Explainer.explain(Array("v=0\r\no=- x 1 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n".utf8))
        #expect(lines[1].explanation.contains("error[SDP135]"))
    }
}
