import SDPLintDiagnostics
import SDPLintOfferAnswer
import Testing

/// The rule catalog: stable, complete, documented.
@Suite struct RuleCatalogTests {
    @Test func codesAreUniqueSortedAndInTheirFamilies() {
        let codes = OfferAnswerRules.all.map(\.code.rawValue)
        #expect(Set(codes).count == codes.count)
        #expect(codes == codes.sorted())
        for code in codes {
            #expect(code.hasPrefix("OA") && code.count == 5 && Int(code.dropFirst(2)) != nil)
            #expect(("1"..."6").contains(code.dropFirst(2).prefix(1)))
        }
        let families = Dictionary(grouping: codes) { $0.dropFirst(2).prefix(1) }
        #expect(families.keys.count == 6)
    }

    @Test(arguments: OfferAnswerRules.all)
    func ruleIsDocumented(rule: Rule) {
        #expect(!rule.name.isEmpty && rule.name == rule.name.lowercased() && !rule.name.contains(" "))
        #expect(rule.summary.hasSuffix("."))
        #expect(rule.explanation.count > 60)
        #expect(rule.reference.document.hasPrefix("RFC ") && rule.reference.section != nil)
        #expect(rule.reference.url?.hasPrefix("https://www.rfc-editor.org/rfc/rfc") == true)
        #expect(!rule.badExample.isEmpty && !rule.goodExample.isEmpty)
        #expect(OfferAnswerRules.rule(code: rule.code) === rule)
    }

    @Test func namesAreUnique() {
        let names = OfferAnswerRules.all.map(\.name)
        #expect(Set(names).count == names.count)
    }

    @Test func unknownCodesAreNotFound() {
        #expect(OfferAnswerRules.rule(code: "OA999") == nil)
        #expect(OfferAnswerRules.rule(code: "SDP100") == nil)
    }
}
