import SDPLintDiagnostics
import SDPLintICE
import Testing

/// Parsing is linear: a line a thousand times longer takes about a thousand times longer, never
/// a million. Each test would take hours if any step were quadratic.
@Suite(.timeLimit(.minutes(1)))
struct ScalingTests {
    @Test func parsesOneHundredThousandExtensionAttributes() throws {
        var text = "1 1 udp 2122260223 192.0.2.1 54321 typ host"
        text.reserveCapacity(2_000_000)
        for index in 0..<100_000 { text += " x\(index) \(index)" }
        let parsedCandidate = Candidate.parse(text)
        let (candidate, diagnostics) = (parsedCandidate.value, parsedCandidate.diagnostics)
        #expect(diagnostics.isEmpty)
        let parsed = try #require(candidate)
        #expect(parsed.extensionAttributes.count == 100_000)
        #expect(parsed.extensionAttributes.last?.value == "99999")
        #expect(parsed.isCanonical)
        #expect(parsed.description == text)
    }

    @Test func parsesAOneMegabyteToken() throws {
        let foundation = String(repeating: "a", count: 1 << 20)
        let text = foundation + " 1 udp 2122260223 192.0.2.1 54321 typ host"
        let parsedCandidate = Candidate.parse(text)
        let (candidate, diagnostics) = (parsedCandidate.value, parsedCandidate.diagnostics)
        #expect(diagnostics.map(\.code.rawValue) == ["ICE103"])
        // The message quotes the token's start only.
        #expect((diagnostics.first?.message.utf8.count ?? .max) < 200)
        #expect(candidate?.description == text)
    }

    @Test func parsesAOneMegabyteRunOfSpaces() {
        let text =
            "1 1 udp 2122260223 192.0.2.1 54321 typ host" + String(repeating: " ", count: 1 << 20) + "generation 0"
        let parsedCandidate = Candidate.parse(text)
        let (candidate, diagnostics) = (parsedCandidate.value, parsedCandidate.diagnostics)
        #expect(diagnostics.map(\.code.rawValue) == ["ICE115"])
        #expect(candidate?.generation == 0)
        #expect(candidate?.description == text)
    }

    @Test func capsTheNumberOfFindings() {
        // Every pair has a name that is not a token: one finding each, far over the limit of 1000.
        var text = "1 1 udp 2122260223 192.0.2.1 54321 typ host"
        for _ in 0..<5_000 { text += " x@ 1" }
        let diagnostics = Candidate.parse(text).diagnostics
        #expect(diagnostics.count == 1001)
        #expect(diagnostics.last?.code.rawValue == "ICE199")
        #expect(diagnostics.last?.message.hasPrefix("4000 more findings") == true)
    }

    @Test func readsAOneMegabyteOptionListAndURL() {
        let tags = Array(repeating: "trickle", count: 100_000).joined(separator: " ")
        #expect(ICEOption.parseList(tags).value.count == 100_000)
        let host = String(repeating: "a", count: 1 << 20) + ".example.org"
        #expect(ICEServerURL.parse("turn:" + host + ":3478").value?.host == host)
    }
}
