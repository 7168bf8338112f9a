import SDPLintDiagnostics
import SDPLintJSON
import SDPLintTestSupport
import Testing

/// Locations in a real chrome://webrtc-internals dump (`JSON.stringify(dump, null, 1)`), with
/// lines and columns read off the file by hand.
@Suite struct LocationTests {
    static let dumpFixture = Fixture(path: "corpus/chromium-internals/call-audio-video-datachannel.json")

    struct Known: Sendable, CustomTestStringConvertible {
        let path: JSONPath
        let line: Int
        let column: Int
        let keyColumn: Int?
        var testDescription: String { path.description }
    }

    static let known: [Known] = [
        Known(path: [], line: 1, column: 1, keyColumn: nil),
        Known(path: ["PeerConnections"], line: 50, column: 21, keyColumn: 2),
        Known(path: ["PeerConnections", "8-1"], line: 51, column: 10, keyColumn: 3),
        Known(path: ["PeerConnections", "8-1", "updateLog"], line: 2522, column: 17, keyColumn: 4),
        Known(path: ["PeerConnections", "8-1", "updateLog", 0, "type"], line: 2524, column: 14, keyColumn: 6),
        Known(path: ["PeerConnections", "8-2", "updateLog", 0], line: 5148, column: 5, keyColumn: nil),
        Known(path: ["PeerConnections", "8-2", "updateLog", 1, "value"], line: 5155, column: 15, keyColumn: 6),
        Known(path: ["PeerConnections", "8-2", "updateLog", 1, "timestamp"], line: 5156, column: 19, keyColumn: 6),
        Known(path: ["UserAgent"], line: 5277, column: 15, keyColumn: 2),
        Known(path: ["getUserMedia", 1, "video_track_info"], line: 26, column: 24, keyColumn: 4),
    ]

    @Test(arguments: known)
    func locatesValuesInAWebRTCInternalsDump(_ known: Known) throws {
        let bytes = try Self.dumpFixture.bytes()
        let document = try JSONDocument(parsing: bytes)
        let location = try #require(document.location(of: known.path))
        #expect(location.line == known.line)
        #expect(location.column == known.column)
        // The byte range holds exactly the value.
        let slice = Array(bytes[location.bytes])
        #expect(try JSONValue(parsing: slice) == document.value.value(at: known.path))
        let keyLocation = document.keyLocation(of: known.path)
        #expect(keyLocation?.line == (known.keyColumn == nil ? nil : known.line))
        #expect(keyLocation?.column == known.keyColumn)
    }

    @Test func pathsPrintInJSONPathNotation() throws {
        let document = try JSONDocument(parsing: Self.dumpFixture.bytes())
        let node = try #require(document.root["PeerConnections"]?["8-2"]?["updateLog"]?[1]?["value"])
        #expect(node.path.description == #"$.PeerConnections["8-2"].updateLog[1].value"#)
        #expect(node.value == .string(#""have-remote-offer""#))
        #expect(node.location?.description == "5155:15")
        #expect(JSONPath(["a b", 0, "_x1", "1x", "é", "q\""]).description == #"$["a b"][0]._x1["1x"]["é"]["q\""]"#)
    }

    /// Every value and every member name of the dump is where its location says: the bytes there
    /// parse to the same value, and line:column agree with a count of line feeds.
    @Test func everyLocationOfADumpHoldsItsValue() throws {
        let bytes = try Self.dumpFixture.bytes()
        let document = try JSONDocument(parsing: bytes)
        var lineStarts = [0]
        for (offset, byte) in bytes.enumerated() where byte == 0x0A { lineStarts.append(offset + 1) }
        func expectedPosition(_ offset: Int) -> (Int, Int) {
            let line = lineStarts.lastIndex { $0 <= offset } ?? 0
            return (line + 1, offset - lineStarts[line] + 1)
        }
        var stack = [document.root]
        var visited = 0
        while let node = stack.popLast() {
            visited += 1
            let location = try #require(node.location)
            let (line, column) = expectedPosition(location.bytes.lowerBound)
            #expect(location.line == line && location.column == column, "\(node.path)")
            if case .number(let number) = node.value {
                #expect(String(decoding: bytes[location.bytes], as: UTF8.self) == number.text)
            } else if node.path.components.count <= 3
                || !(node.value.arrayValue?.isEmpty == false || node.value.objectValue?.isEmpty == false)
            {
                // Scalars and the upper containers; deeper containers are inside those already.
                #expect(try JSONValue(parsing: Array(bytes[location.bytes])) == node.value, "\(node.path)")
            }
            if let key = node.key {
                let keyLocation = try #require(node.keyLocation)
                #expect(try JSONValue(parsing: Array(bytes[keyLocation.bytes])) == .string(key))
                #expect(keyLocation.bytes.upperBound < location.bytes.lowerBound)
            }
            stack += node.elements
            stack += node.members
        }
        #expect(visited > 4_000)
    }

    @Test func locatesValuesOnLaterLinesOfAnNDJSONStream() throws {
        let text = "{\"a\": 1}\n\n{\"b\": [true, \"x\"]}\r\n"
        let records = NDJSON.parse(text).value
        #expect(records.map(\.line) == [1, 3])
        let node = try #require(records[1].document?.root["b"]?[1])
        #expect(node.location == SourceLocation(line: 3, column: 14, bytes: 23..<26))
    }

    @Test func nodesWithoutADocumentHaveNoLocation() {
        let node = JSONNode(["a": [1, 2]])
        #expect(node["a"]?[1]?.value == 2)
        #expect(node["a"]?[1]?.path == ["a", 1])
        #expect(node["a"]?.location == nil)
    }

    @Test func locatesArbitraryByteRanges() throws {
        let document = try JSONDocument(parsing: "[\n  \"abc\",\n  2\n]")
        #expect(document.location(of: 13..<14).description == "3:3")
        #expect(document.location(of: [1])?.bytes == 13..<14)
    }
}
