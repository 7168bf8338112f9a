import SDPLintDiagnostics
import SDPLintJSON
import Testing

@Suite struct NDJSONTests {
    @Test func tagsEachValueWithItsLineAndGoesOnAfterABadLine() throws {
        let text = "{\"a\":1}\r\n\n  \n[1,\n{\"b\": tru}\n\"last\""
        let parsed = NDJSON.parse(text)
        let records = parsed.value
        #expect(records.map(\.line) == [1, 4, 5, 6])
        #expect(records[0].value == ["a": 1])
        #expect(records[0].bytes == 0..<7)
        #expect(records[1].value == nil)
        #expect(records[1].diagnostics.map(\.code.rawValue) == ["JSON101"])
        #expect(records[1].diagnostics.first?.location.description == "4:4")
        #expect(records[2].diagnostics.map(\.code.rawValue) == ["JSON104"])
        #expect(records[2].diagnostics.first?.location.description == "5:7")
        #expect(records[2].diagnostics.first?.message.contains("$.b") == true)
        #expect(records[3].value == "last")
        #expect(parsed.diagnostics.count == 2)
    }

    @Test func reportsTwoValuesOnOneLine() {
        let records = NDJSON.parse("{} {}\n[]").value
        #expect(records.map { $0.diagnostics.map(\.code.rawValue) } == [["JSON114"], []])
        #expect(records[0].value == [:])
    }

    @Test func readsInvalidUTF8LineByLine() {
        let records = NDJSON.parse(bytes: [0x22, 0xFF, 0x22, 0x0A, 0x22, 0x41, 0x22]).value
        #expect(records.map(\.value) == ["\u{FFFD}", "A"])
        #expect(records[0].diagnostics.map(\.code.rawValue) == ["JSON110"])
    }

    @Test func readsAnEmptyStream() {
        #expect(NDJSON.parse("").value.isEmpty)
        #expect(NDJSON.parse("\n\r\n \n").value.isEmpty)
    }
}
