import SDPLint
import SDPLintDiagnostics
import SDPLintInput
import SDPLintReporting
import SDPLintSDP
import SDPLintWebRTC
import Testing

/// Rendering costs time linear in the findings: the line of each finding is found through a
/// table, and only the bytes a snippet can show are decoded. Before, `sdplint check` on a
/// description of 2000 sections (8000 findings) took 46 s in a debug build, 500 sections 2.4 s.
@Suite struct RenderingScaleTests {
    static func description(sections: Int) -> [UInt8] {
        var text = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n"
        for i in 0..<sections {
            text += "m=audio 9 UDP/TLS/RTP/SAVPF 111\r\nc=IN IP4 0.0.0.0\r\na=mid:\(i)\r\na=rtpmap:111 opus/48000/2\r\n"
        }
        return Array(text.utf8)
    }

    /// The best of three renderings of each file, timed alternately so that load elsewhere
    /// hits both.
    static func times(_ small: LintedFile, _ large: LintedFile) -> (Duration, Duration, String) {
        let clock = ContinuousClock()
        var best = (Duration.seconds(1000), Duration.seconds(1000))
        var output = ""
        for _ in 0..<3 {
            var text = ""
            best.0 = min(best.0, clock.measure { TextRenderer().render(small, into: &text) })
            output = ""
            best.1 = min(best.1, clock.measure { TextRenderer().render(large, into: &output) })
        }
        return (best.0, best.1, output)
    }

    @Test func manyFindingsRenderInLinearTime() {
        let small = Linter.checkDescription(Self.description(sections: 300), path: "small.sdp")
        let large = Linter.checkDescription(Self.description(sections: 2400), path: "large.sdp")
        #expect(large.diagnostics.count >= 2400 && large.diagnostics.count > small.diagnostics.count)
        let (smallTime, largeTime, output) = Self.times(small, large)
        #expect(output.contains("| m=audio 9 UDP/TLS/RTP/SAVPF 111"))
        // 8 times the findings: about 8 times the time; a quadratic path gives 64.
        #expect(largeTime / smallTime < 24, "300 sections: \(smallTime), 2400: \(largeTime)")
    }

    /// A line that fits in 120 columns is shown whole, wherever its span is; a longer one is cut
    /// to 120 around the span.
    @Test func snippetsShowTheWholeLineWhenItFits() {
        func rendered(_ line: String, column: Int, length: Int) -> String {
            let diagnostic = Diagnostic(
                rule: SDPRules.lineSyntax, severity: .warning,
                location: SourceLocation(line: 1, column: column, bytes: (column - 1)..<(column - 1 + length)),
                message: "m")
            var text = ""
            TextRenderer().render(
                LintedFile(path: "x", source: Array(line.utf8), diagnostics: [diagnostic]), into: &text)
            return text.split(separator: "\n")[1].dropFirst(4).description
        }
        let candidate =
            "a=candidate:1 1 UDP 2130706303 127.0.0.1 50000 typ host generation 0 network-id 1 network-cost 10"
        #expect(rendered(candidate, column: 1, length: candidate.utf8.count) == candidate)
        #expect(rendered(candidate, column: 32, length: 9) == candidate)
        let long = String(repeating: "x", count: 300) + "TARGET" + String(repeating: "y", count: 300)
        let cut = rendered(long, column: 301, length: 6)
        #expect(cut.contains("TARGET") && cut.hasPrefix("…") && cut.hasSuffix("…"))
        #expect(cut.count == 120)
    }

    /// Many findings on one long line: each snippet decodes a window, not the line.
    @Test func manyFindingsOnOneLongLineRenderInLinearTime() {
        func file(_ count: Int) -> LintedFile {
            let line = String(repeating: "é=x ", count: count * 10)
            let source = Array(line.utf8)
            let diagnostics = (0..<count).map { i in
                let offset = i * 50
                return Diagnostic(
                    rule: SDPRules.lineSyntax, severity: .warning,
                    location: SourceLocation(line: 1, column: offset + 1, bytes: offset..<(offset + 3)),
                    message: "finding \(i)")
            }
            return LintedFile(path: "long.txt", source: source, diagnostics: diagnostics)
        }
        let (small, large, output) = Self.times(file(400), file(3200))
        #expect(large / small < 24, "400 findings: \(small), 3200: \(large)")
        // Snippets are cut around their span with an ellipsis on each side.
        #expect(output.contains("1 | …"))
    }
}
