import Foundation
import SDPLintDiagnostics
import SDPLintJingle
import SDPLintTestSupport
import Testing

/// Hostile and broken XML: refused quickly, with a diagnostic at a line and column, never a crash.
@Suite struct HostileInputTests {
    static let invalid = Fixture.files(in: "jingle/invalid", suffix: ".xml")

    /// `line:column CODE` from the sibling `.expected` file.
    func expectation(_ fixture: Fixture) throws -> String {
        let path = String(fixture.path.dropLast(4)) + ".expected"
        return try Fixture(path: path).text().trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test(arguments: invalid)
    func reportsTheExpectedFindingAtItsLineAndColumn(_ fixture: Fixture) throws {
        let result = Stanza.parse(bytes: try fixture.bytes())
        let first = try #require(result.diagnostics.first { $0.severity == .error }, "no error for \(fixture)")
        #expect("\(first.location) \(first.code.rawValue)" == (try expectation(fixture)), "\(result.diagnostics)")
    }

    @Test(arguments: ["billion-laughs.xml", "xxe-file-entity.xml", "xxe-external-dtd.xml"])
    func refusesDocumentTypesBeforeAnyEntityIsRead(_ name: String) throws {
        let bytes = try Fixture(path: "jingle/invalid/" + name).bytes()
        let clock = ContinuousClock()
        let start = clock.now
        let result = Stanza.parse(bytes: bytes)
        #expect(clock.now - start < .milliseconds(200))
        #expect(result.value == nil)
        #expect(result.diagnostics.map(\.code.rawValue) == ["JINGLE102"])
        #expect(
            !result.diagnostics.contains { $0.message.contains("root:") }, "no file content may leak into a message")
    }

    @Test func refusesTenThousandDeepNestingAtTheLimit() {
        let depth = 10_000
        let text = String(repeating: "<a>", count: depth) + String(repeating: "</a>", count: depth)
        let clock = ContinuousClock()
        let start = clock.now
        let result = XMLTreeElement.parse(text)
        #expect(clock.now - start < .seconds(1))
        #expect(result.value == nil)
        let finding = result.diagnostics.first
        #expect(finding?.code.rawValue == "JINGLE104")
        // The 33rd <a> is the first over the default limit of 32: column 1 + 32 × 3.
        #expect(finding?.location.line == 1 && finding?.location.column == 97)
    }

    @Test func depthLimitIsConfigurable() {
        let text = "<a><b><c/></b></a>"
        #expect(XMLTreeElement.parse(text, options: XMLParseOptions(maxDepth: 3)).value != nil)
        let refused = XMLTreeElement.parse(text, options: XMLParseOptions(maxDepth: 2))
        #expect(refused.diagnostics.map(\.code.rawValue) == ["JINGLE104"])
        #expect(refused.diagnostics.first?.location.column == 7)
    }

    @Test func refusesInputOverTheSizeLimitBeforeParsing() {
        let result = XMLTreeElement.parse(
            String(repeating: " ", count: 100) + "<a/>", options: XMLParseOptions(maxBytes: 64))
        #expect(result.diagnostics.map(\.code.rawValue) == ["JINGLE103"])
    }

    @Test func stopsAfterTheElementLimit() {
        let text = "<a>" + String(repeating: "<b/>", count: 100) + "</a>"
        let result = XMLTreeElement.parse(text, options: XMLParseOptions(maxElements: 50))
        #expect(result.diagnostics.map(\.code.rawValue) == ["JINGLE105"])
    }

    @Test(arguments: [
        ("", "JINGLE100"), ("  \n ", "JINGLE100"), ("<a>\u{0}</a>", "JINGLE106"), ("<iq", "JINGLE101"),
        ("text", "JINGLE101"), ("<a></b>", "JINGLE101"), ("<a/><b/>", "JINGLE101"),
    ])
    func neverTrapsOnBrokenInput(_ text: String, _ code: String) {
        let result = Stanza.parse(text)
        #expect(result.value == nil)
        #expect(result.diagnostics.first?.code.rawValue == code, "\(result.diagnostics)")
        #expect(result.diagnostics.allSatisfy { $0.location.line >= 1 && $0.location.column >= 1 })
    }

    @Test func readsUTF16AsAnErrorNotAsText() {
        let utf16: [UInt8] = [0xFF, 0xFE] + Array("<iq/>".utf8).flatMap { [$0, 0] }
        let result = Stanza.parse(bytes: utf16)
        #expect(result.diagnostics.first?.code.rawValue == "JINGLE106")
        #expect(result.diagnostics.first?.message.contains("UTF-16") == true)
    }

    @Test func skipsCommentsAndProcessingInstructionsWithAWarning() throws {
        let text = "<iq xmlns='jabber:client' type='result' id='1'>\n  <!-- a comment -->\n  <?pi data?>\n</iq>"
        let result = Stanza.parse(text)
        #expect(result.value != nil)
        #expect(result.diagnostics.map(\.code.rawValue) == ["JINGLE107", "JINGLE107"])
        #expect(result.diagnostics.map(\.location.description) == ["2:3", "3:3"])
        #expect(!result.hasErrors)
    }

    @Test func acceptsAByteOrderMarkAndCountsItInColumns() throws {
        let bytes: [UInt8] =
            [0xEF, 0xBB, 0xBF]
            + Array(
                """
                <iq xmlns='jabber:client' type='set' id='1'><jingle xmlns='urn:xmpp:jingle:1' \
                action='session-info'/></iq>
                """
                .utf8)
        let result = Stanza.parse(bytes: bytes)
        #expect(result.diagnostics.map(\.code.rawValue) == ["JINGLE201"])
        #expect(result.diagnostics.first?.location.column == 48, "the <jingle> tag starts at byte 47")
    }
}
