import SDPLintDiagnostics
import SDPLintJSON
import SDPLintTestSupport
import Testing

/// JSON texts inside JSON strings, as webrtc-internals writes every description and candidate.
@Suite struct EmbeddedTests {
    @Test func locatesValuesOfAnEmbeddedDescriptionInTheDump() throws {
        let bytes = try LocationTests.dumpFixture.bytes()
        let dump = try JSONDocument(parsing: bytes)
        let events = try #require(dump.root["PeerConnections"]?["8-1"]?["updateLog"]?.elements)
        let event = try #require(events.first { $0.value["type"] == "setLocalDescription" })
        let value = try #require(event["value"])
        #expect(value.location?.line == 2565)

        let parsedDescription = dump.parseEmbedded(value, source: bytes)
        let (description, diagnostics) = (parsedDescription.value, parsedDescription.diagnostics)
        #expect(diagnostics.isEmpty)
        let embedded = try #require(description)
        #expect(embedded.value["type"] == "offer")

        // The lines of the dump, counted here independently.
        let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let line = Array(lines[2564].utf8)
        func column(of needle: String) -> Int? {
            let target = Array(needle.utf8)
            guard target.count <= line.count else { return nil }
            return (0...(line.count - target.count)).first { Array(line[$0..<$0 + target.count]) == target }.map {
                $0 + 1
            }
        }
        let type = try #require(embedded.location(of: ["type"]))
        #expect(type.line == 2565)
        #expect(type.column == column(of: #"\"offer\""#))
        #expect(String(decoding: bytes[type.bytes], as: UTF8.self) == #"\"offer\""#)
        let sdp = try #require(embedded.location(of: ["sdp"]))
        #expect(sdp.column == column(of: #"\"v=0\\r\\n"#))
        #expect(embedded.keyLocation(of: ["sdp"])?.column == column(of: #"\"sdp\""#))
        // The whole embedded text spans the string's contents.
        let string = try #require(value.location?.bytes)
        #expect(embedded.root.location?.bytes == (string.lowerBound + 1)..<(string.upperBound - 1))
    }

    @Test func locatesFindingsOfAnEmbeddedTextInTheEnclosingText() throws {
        let text = "{\n  \"value\": \"{\\\"a\\\": 1, \\\"a\\\": tru}\"\n}"
        let bytes = Array(text.utf8)
        let document = try JSONDocument(parsing: bytes)
        let node = try #require(document.root["value"])
        let parsedEmbedded = document.parseEmbedded(node, source: bytes)
        let (embedded, diagnostics) = (parsedEmbedded.value, parsedEmbedded.diagnostics)
        #expect(embedded == nil)
        #expect(diagnostics.map(\.code.rawValue) == ["JSON201", "JSON104"])
        // Columns in line 2 of the enclosing text: {\"a\": 1, \"a\": tru}
        #expect(diagnostics.map(\.location.description) == ["2:24", "2:31"])
        #expect(diagnostics[0].message.hasPrefix("in the JSON text at $.value: "))
        #expect(diagnostics[0].message.contains("first at 2:14"))
        #expect(diagnostics[1].message.contains("$.a"))
    }

    @Test func refusesNodesThatAreNotStringsOfTheDocument() throws {
        let bytes = Array("{\"a\": 1}".utf8)
        let document = try JSONDocument(parsing: bytes)
        let node = try #require(document.root["a"])
        #expect(document.parseEmbedded(node, source: bytes).diagnostics.map(\.code.rawValue) == ["JSON210"])
        let other = try JSONDocument(parsing: "{\"a\": \"1\"}").root["a"]!
        #expect(document.parseEmbedded(other, source: bytes).diagnostics.map(\.code.rawValue) == ["JSON210"])
    }

    @Test func mapsEveryDecodedByteToItsSource() throws {
        // "a\u00e9\n😀\ud83d\ude00\/\x" decodes to a, é (2 bytes), LF, 😀 (4), 😀 (4), /, U+FFFD (3), x.
        let bytes: [UInt8] =
            Array("[\"a\\u00e9\\n".utf8) + [0xF0, 0x9F, 0x98, 0x80] + Array("\\ud83d\\ude00\\/\\qx\"]".utf8)
        let value = JSONDocument.parse(bytes: bytes).value
        let node = try #require(value?.root[0])
        let offsets = try #require(node.sourceOffsets(in: bytes))
        #expect(offsets == [2, 3, 3, 9, 11, 12, 13, 14, 15, 15, 15, 15, 27, 29, 29, 29, 31, 32])
        #expect(node.value.stringValue?.utf8.count == offsets.count - 1)
    }
}
