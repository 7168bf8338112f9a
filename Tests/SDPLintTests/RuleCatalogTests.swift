import Foundation
import SDPLint
import SDPLintDiagnostics
import SDPLintInput
import SDPLintReporting
import SDPLintTestSupport
import SDPLintWebRTC
import Testing

/// The catalog is the rule sets together: each set in order and complete, every code unique.
@Suite struct RuleCatalogTests {
    @Test func everySetIsInCodeOrderWithUniqueCodesAndExplanations() {
        for set in RuleCatalog.sets {
            #expect(set.validate().isEmpty, "\(set): \(set.validate())")
            #expect(!set.title.isEmpty)
        }
    }

    /// Every rule says why its severity is what it is, in the word users see for it: a
    /// rationale for another level, or none, is a catalog entry to fix.
    @Test func everySeverityIsJustified() {
        for rule in RuleCatalog.all {
            let word = rule.severity.label.prefix(1).uppercased() + rule.severity.label.dropFirst() + ":"
            #expect(rule.severityRationale.hasPrefix(word + " "), "\(rule.code): \(rule.severityRationale)")
            #expect(rule.severityRationale.count >= 40, "\(rule.code) says too little")
            #expect(!rule.severityRationale.contains("\n"), "\(rule.code)")
        }
    }

    @Test func theRulesCommandShowsTheRationale() throws {
        let run = try Executable.run("sdplint", ["rules", "OA107"])
        #expect(run.standardOutput.contains("\n\nError: "), "\(run.standardOutput)")
        let json = try Executable.run("sdplint", ["rules", "OA107", "--format", "json"])
        #expect(json.standardOutput.contains("\"severityRationale\": \"Error: "))
    }

    @Test func codesAreUniqueAcrossTheCatalog() {
        let codes = RuleCatalog.all.map(\.code)
        #expect(Set(codes).count == codes.count)
    }

    @Test func everySetKeepsOnePrefix() {
        for set in RuleCatalog.sets {
            #expect(Set(set.all.map(\.code.prefix)).count == 1, "\(set) mixes prefixes")
        }
    }

    /// Each `static let` a rule file declares is listed in its set's `all`: a rule declared but
    /// left out of the list would never reach `sdplint rules`, the configuration or SARIF.
    @Test func everyDeclaredRuleIsListed() throws {
        let sources = Fixture.root.deletingLastPathComponent().appendingPathComponent("Sources")
        let files = try #require(FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil))
        var checked = 0
        for case let url as URL in files where url.lastPathComponent.hasSuffix("Rules.swift") {
            let text = try String(contentsOf: url, encoding: .utf8)
            guard let listStart = text.range(of: "static let all: [Rule] =") else { continue }
            let list = text[listStart.upperBound...].prefix { $0 != "}" }
            let declared = text.matches(of: #/static let (\w+) = /#).map { String($0.1) }
                .filter { $0 != "all" && $0 != "title" }
            for name in declared {
                checked += 1
                #expect(
                    list.contains(try Regex("\\b\(name)\\b")), "\(url.lastPathComponent): \(name) is not in all")
            }
        }
        #expect(checked > 300)
    }
}
