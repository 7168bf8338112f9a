import SDPLintDiagnostics
import Testing

@testable import SDPLintCapture

@Suite struct RulesTests {
    @Test func codesAreUniqueOrderedAndExplained() {
        let codes = CaptureRules.all.map(\.code)
        #expect(Set(codes).count == codes.count)
        #expect(codes == codes.sorted())
        for rule in CaptureRules.all {
            #expect(rule.code.rawValue.hasPrefix("CAP"))
            #expect(!rule.summary.isEmpty && !rule.explanation.isEmpty)
            // The IETF's documents, and for HEP the specification its authors publish.
            #expect(
                rule.reference.document.hasPrefix("RFC ") || rule.reference.document.hasPrefix("draft-ietf-opsawg-")
                    || rule.reference.document.hasPrefix("HEP3 "))
            #expect(rule.reference.url != nil)
        }
    }

    @Test func everyErrorCodeHasAListedRule() {
        let codes: [CaptureError.Code] = [
            .badMagic, .truncated, .blockLengthMismatch, .absurdLength, .unsupportedVersion, .unreadable,
            .gzipTruncated, .gzipBadHeader, .gzipBadChecksum, .gzipCorruptData, .gzipTrailingGarbage, .gzipOutputLimit,
        ]
        for code in codes { #expect(CaptureRules.all.contains(code.rule)) }
        #expect(Set(codes.map(\.rule.code)).count == codes.count)
    }

    @Test func findingsPointAtTheByteOffset() {
        let error = CaptureError(.truncated, offset: 4242, frame: 7, "the file ends inside record 7")
        #expect(error.description == "CAP102 at offset 4242: the file ends inside record 7")
        let diagnostic = error.diagnostic
        #expect(diagnostic.code == "CAP102")
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.location.column == 4243)
        #expect(diagnostic.location.bytes == 4242..<4242)
        let issue = CaptureIssue(error)
        #expect(issue.description == "frame 7: CAP102 the file ends inside record 7")
        #expect(issue.diagnostic.message == "frame 7: the file ends inside record 7")
        #expect(issue.diagnostic.reference.url == "https://datatracker.ietf.org/doc/draft-ietf-opsawg-pcap/")
    }
}
