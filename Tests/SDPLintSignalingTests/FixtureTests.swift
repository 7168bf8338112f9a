import Foundation
import SDPLintDiagnostics
import SDPLintICE
import SDPLintSignaling
import SDPLintTestSupport
import Testing

@Suite struct FixtureTests {
    @Test(arguments: Fixtures.handMade)
    func handMadeInputReadsWithoutErrors(_ fixture: Fixture) throws {
        let (messages, diagnostics) = Signaling.read(try fixture.bytes(), name: fixture.path)
        #expect(!messages.isEmpty)
        #expect(diagnostics.errors.isEmpty, "\(diagnostics)")
    }

    @Test(arguments: Fixtures.invalid)
    func invalidInputReportsItsExpectedFindings(_ fixture: Fixture) throws {
        let bytes = try fixture.bytes()
        let diagnostics: [Diagnostic]
        if fixture.path.hasSuffix(".json"), try fixture.text().contains("iceServers") {
            diagnostics = ICEServerConfiguration.read(json: bytes).diagnostics
        } else {
            diagnostics = Signaling.read(bytes, name: fixture.path).diagnostics
        }
        let found = Set(diagnostics.map(\.positionAndCode))
        let expected = try Fixtures.expected(for: fixture)
        #expect(!expected.isEmpty, "no expected findings")
        for line in expected {
            #expect(found.contains(line), "missing \(line); found \(diagnostics)")
        }
    }

    /// Every SIG rule that a fixture can show has one.
    @Test func everyInputRuleHasAnInvalidFixture() {
        let names = Set(Fixtures.invalid.map { String($0.path.split(separator: "/").last?.prefix(6) ?? "") })
        let untestable: Set<String> = ["SIG599", "SIG500", "SIG501", "SIG502", "SIG205"]
        let covered = names.union(untestable)
        let missing = SignalingRules.all.map(\.code.rawValue).filter {
            !covered.contains($0) && !Self.coveredElsewhere.contains($0)
        }
        #expect(missing.isEmpty, "rules without a fixture: \(missing)")
    }

    /// Rules checked by the unit tests rather than a fixture file.
    static let coveredElsewhere: Set<String> = [
        "SIG300", "SIG305", "SIG306", "SIG307", "SIG308", "SIG309", "SIG312", "SIG315", "SIG316", "SIG317",
        "SIG318", "SIG319", "SIG403", "SIG405",
    ]
}
