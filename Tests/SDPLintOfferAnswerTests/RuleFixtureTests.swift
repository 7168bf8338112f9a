import Foundation
import SDPLintDiagnostics
import SDPLintOfferAnswer
import SDPLintTestSupport
import Testing

/// Each rule against two hand-made inputs in `Fixtures/offer-answer/`: one made to break it
/// (`OAnnn.fires.*`) and the same input with the problem fixed (`OAnnn.passes.*`).
@Suite struct RuleFixtureTests {
    /// The findings for `<code>.<variant>`: a pair, or for renegotiation rules a sequence
    /// `<code>.<variant>.<n>.offer.sdp`, `<n>.answer.sdp`, …
    static func findings(_ code: String, _ variant: String) throws -> [Finding] {
        let folder = "offer-answer"
        let pairOffer = Fixture(path: "\(folder)/\(code).\(variant).offer.sdp")
        if FileManager.default.fileExists(atPath: pairOffer.url.path) {
            let answer = Fixture(path: "\(folder)/\(code).\(variant).answer.sdp")
            return Negotiation.analyze(
                offer: SDPSource(name: pairOffer.path, bytes: try pairOffer.bytes()),
                answer: SDPSource(name: answer.path, bytes: try answer.bytes())
            ).findings
        }
        var sources: [SDPSource] = []
        var step = 1
        while true {
            var found = false
            for role in ["offer", "answer"] {
                let file = Fixture(path: "\(folder)/\(code).\(variant).\(step).\(role).sdp")
                guard FileManager.default.fileExists(atPath: file.url.path) else { continue }
                sources.append(SDPSource(name: file.path, bytes: try file.bytes()))
                found = true
            }
            guard found else { break }
            step += 1
        }
        try #require(!sources.isEmpty, "no fixture for \(code).\(variant)")
        return Negotiation.analyze(sequence: sources).allFindings
    }

    @Test(arguments: OfferAnswerRules.all.map(\.code.rawValue))
    func ruleFiresOnItsBrokenFixture(code: String) throws {
        let findings = try Self.findings(code, "fires")
        #expect(findings.contains { $0.diagnostic.code.rawValue == code }, "\(findings.map(\.description))")
        for finding in findings where finding.diagnostic.code.rawValue == code {
            #expect(finding.diagnostic.location.line >= 1)
            #expect(finding.file.contains("\(code).fires"))
        }
    }

    @Test(arguments: OfferAnswerRules.all.map(\.code.rawValue))
    func ruleStaysQuietOnTheFixedFixture(code: String) throws {
        let findings = try Self.findings(code, "passes")
        #expect(
            !findings.contains { $0.diagnostic.code.rawValue == code },
            "\(findings.filter { $0.diagnostic.code.rawValue == code }.map(\.description))")
    }

    /// The fixed fixtures of the pair rules are clean apart from what their own edit causes:
    /// no errors at all.
    @Test(arguments: OfferAnswerRules.all.map(\.code.rawValue).filter { !$0.hasPrefix("OA6") })
    func fixedFixtureHasNoErrors(code: String) throws {
        let findings = try Self.findings(code, "passes")
        #expect(!findings.contains { $0.diagnostic.severity == .error }, "\(findings.map(\.description))")
    }

    /// One root cause, one finding: a section's transport answered in another form or kind is
    /// reported by the rule for that difference, not as another protocol (OA103) too.
    @Test(arguments: ["OA501", "OA116"])
    func aTransportDifferenceIsReportedOnce(code: String) throws {
        let codes = try Self.findings(code, "fires").map(\.diagnostic.code.rawValue)
        #expect(codes.contains(code) && !codes.contains("OA103"), "\(codes)")
    }
}
