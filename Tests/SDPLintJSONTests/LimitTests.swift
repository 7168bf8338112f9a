import SDPLintDiagnostics
import SDPLintJSON
import Testing

/// Hostile and huge inputs: every limit has its own finding, nothing recurses per level, and
/// nothing is quadratic. Each test would run for minutes (or crash) if that broke.
@Suite(.timeLimit(.minutes(1)))
struct LimitTests {
    @Test func rejectsTenThousandNestedArraysAtTheDepthLimit() throws {
        let text = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        let clock = ContinuousClock()
        var diagnostics: [Diagnostic] = []
        let elapsed = clock.measure { diagnostics = JSONValue.parse(text).diagnostics }
        #expect(diagnostics.map(\.code.rawValue) == ["JSON203"])
        #expect(diagnostics.first?.location.column == 513)
        #expect(diagnostics.first?.message.contains("513 levels") == true)
        #expect(elapsed < .seconds(1))
    }

    @Test func rejectsTenThousandNestedObjectsAtTheDepthLimit() {
        let text = String(repeating: "{\"a\":", count: 10_000) + "1" + String(repeating: "}", count: 10_000)
        let diagnostics = JSONValue.parse(text).diagnostics
        #expect(diagnostics.map(\.code.rawValue) == ["JSON203"])
        #expect(diagnostics.first?.location.column == 512 * 5 + 1)
        // The path shows where it starts and where it ends, its middle elided visibly: 512
        // levels of it would fill a screen.
        #expect(diagnostics.first?.message.contains("at $.a.a.a.a….a.a.a.a is nested 513 levels deep") == true)
    }

    @Test func readsDeepNestingUpToTheCeilingWithoutRecursing() throws {
        let depth = JSONParseOptions.Limits.depthCeiling
        let text = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        var options = JSONParseOptions()
        options.limits.maxDepth = .max
        let document = try JSONDocument(parsing: text, options: options)
        var node = document.root
        var levels = 1
        while let inner = node[0] {
            node = inner
            levels += 1
        }
        #expect(levels == depth)
        #expect(node.location?.column == depth)
        #expect(JSONValue.parse("[" + text + "]", options: options).diagnostics.map(\.code.rawValue) == ["JSON203"])
    }

    @Test func readsATenMegabyteArray() throws {
        var bytes: [UInt8] = [UInt8(ascii: "[")]
        bytes.reserveCapacity(10_000_002)
        let element = Array("12345,-6.5e3,".utf8)
        while bytes.count < 10_000_000 { bytes += element }
        bytes += Array("0]".utf8)
        let value = try JSONValue(parsing: bytes)
        let elements = try #require(value.arrayValue)
        #expect(elements.count == (bytes.count - 3) / element.count * 2 + 1)
        #expect(elements.element(at: 1) == .number(JSONNumber("-6.5e3")!))
    }

    @Test func readsAFiveMegabyteString() throws {
        let plain = String(repeating: "v=0 o=- 1 2 IN IP4 127.0.0.1 ", count: 5 << 20 / 30)
        #expect(try JSONValue(parsing: "\"" + plain + "\"") == .string(plain))
        // The same with an escape every 30 bytes goes through the slow path.
        let escaped = String(repeating: "a=candidate:1 1 udp 1 x 9\\r\\n", count: 5 << 20 / 30)
        let value = try JSONValue(parsing: "[\"" + escaped + "\"]")
        #expect(value[0]?.stringValue?.utf8.count == 5 << 20 / 30 * 27)
    }

    @Test func readsAnObjectWithAHundredThousandMembers() throws {
        var text = "{"
        for index in 0..<100_000 { text += "\"member\(index)\":\(index)," }
        text += "\"last\":0}"
        let object = try #require(try JSONValue(parsing: text).objectValue)
        #expect(object.count == 100_001)
        #expect(object["member99999"] == 99_999)
    }

    /// Closing a container must not copy the text written so far: 300 000 containers over two
    /// megabytes of text would copy hundreds of gigabytes.
    @Test func writesManyContainersInLinearTime() throws {
        let element: JSONValue = ["candidate": ["sdpMid": "0", "sdpMLineIndex": [0]]]
        let value = JSONValue.array(JSONArray(Array(repeating: element, count: 50_000)))
        let compact = value.serialized()
        #expect(compact.utf8.count == 50_000 * element.serialized().utf8.count + 50_000 + 1)
        let pretty = value.serialized(format: .pretty(indent: 1))
        #expect(try JSONValue(parsing: pretty) == value)
        var writer = JSONWriter()
        writer.array { array in
            for index in 0..<300_000 { array.object { $0.member("i", index) } }
        }
        #expect(writer.output.utf8.count > 300_000 * 7)
    }

    @Test func capsFindingsOnAMegabyteOfBadBytes() {
        let bytes: [UInt8] = [0x22] + [UInt8](repeating: 0xFF, count: 1 << 20) + [0x01, 0x22]
        let parsedValue = JSONValue.parse(bytes: bytes)
        let (value, diagnostics) = (parsedValue.value, parsedValue.diagnostics)
        #expect(value?.stringValue?.unicodeScalars.count == (1 << 20) + 1)
        #expect(diagnostics.count == 1001)
        #expect(diagnostics.last?.code.rawValue == "JSON199")
        #expect(diagnostics.last?.message.contains("1048577 more findings") == false)
        #expect(diagnostics.last?.message.contains("\((1 << 20) + 1 - 1000) more findings") == true)
    }

    @Test func capsMessageLengthForLongWords() {
        let word = String(repeating: "x", count: 1 << 20)
        let diagnostics = JSONValue.parse("[" + word + "]").diagnostics
        #expect(diagnostics.map(\.code.rawValue) == ["JSON104"])
        #expect((diagnostics.first?.message.utf8.count ?? .max) < 200)
    }

    @Test func appliesEachLimit() {
        func codes(_ text: String, _ limits: JSONParseOptions.Limits) -> [String] {
            JSONValue.parse(text, options: JSONParseOptions(limits: limits)).diagnostics.map(\.code.rawValue)
        }
        #expect(codes("[1,2]", .init(maxBytes: 4)) == ["JSON202"])
        #expect(codes("[1,2]", .init(maxBytes: 5)) == [])
        #expect(codes("[[1]]", .init(maxDepth: 1)) == ["JSON203"])
        #expect(codes("[[1]]", .init(maxDepth: 2)) == [])
        #expect(codes("[\"abcd\"]", .init(maxStringLength: 3)) == ["JSON204"])
        #expect(codes("{\"abcd\":1}", .init(maxStringLength: 3)) == ["JSON204"])
        #expect(codes("[\"abc\"]", .init(maxStringLength: 3)) == [])
        #expect(codes("[-1.5]", .init(maxNumberLength: 3)) == ["JSON205"])
        #expect(codes("[1.5]", .init(maxNumberLength: 3)) == [])
        #expect(codes("[1,2,3]", .init(maxItems: 2)) == ["JSON206"])
        #expect(codes("{\"a\":1,\"b\":2,\"c\":3}", .init(maxItems: 2)) == ["JSON206"])
        #expect(codes("[1,2]", .init(maxItems: 2)) == [])
    }
}
