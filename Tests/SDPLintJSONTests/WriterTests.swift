import SDPLintJSON
import Testing

@Suite struct WriterTests {
    @Test func escapesWhatRFC8259Requires() {
        let text = "q\" b\\ s/ \u{0}\u{1}\u{8}\u{9}\u{A}\u{C}\u{D}\u{1F} \u{7F} é \u{2028}\u{2029} 😀"
        #expect(
            JSONValue.string(text).serialized()
                == "\"q\\\" b\\\\ s/ \\u0000\\u0001\\b\\t\\n\\f\\r\\u001f \u{7F} é \u{2028}\u{2029} 😀\"")
    }

    @Test func writesCompactAndPrettyLayouts() {
        let value: JSONValue = ["type": "offer", "list": [1, [], [:], ["a": .null]], "empty": [:]]
        #expect(value.serialized() == #"{"type":"offer","list":[1,[],{},{"a":null}],"empty":{}}"#)
        #expect(
            value.serialized(pretty: true) == """
                {
                  "type": "offer",
                  "list": [
                    1,
                    [],
                    {},
                    {
                      "a": null
                    }
                  ],
                  "empty": {}
                }
                """)
        #expect(JSONValue.array([1]).serialized(format: .pretty(indent: 1)) == "[\n 1\n]")
    }

    @Test func keepsInsertionOrderAndDuplicates() {
        var object: JSONObject = ["z": 1, "a": 2]
        object.append("z", 3)
        object["m"] = 4
        object["a"] = 5
        #expect(JSONValue.object(object).serialized() == #"{"z":1,"a":5,"z":3,"m":4}"#)
        object["z"] = nil
        #expect(object.keys == ["a", "m"])
    }

    @Test func streamsWithoutATree() {
        var writer = JSONWriter(format: .compact)
        writer.object { envelope in
            envelope.member("type", "offer")
            envelope.member("sdpMLineIndex", 0)
            envelope.member("ratio", 0.5)
            envelope.member("trickle", true)
            envelope.nullMember("usernameFragment")
            envelope.member("absent", ifPresent: nil)
            envelope.member(
                "urls",
                array: { urls in
                    urls.element("stun:stun.example.org")
                    urls.object { $0.member("nested", JSONValue.array([1, 2])) }
                    urls.array { _ in }
                    urls.element(Double.infinity)
                })
            envelope.member("number", JSONNumber("1e400")!)
        }
        #expect(
            writer.output
                == #"{"type":"offer","sdpMLineIndex":0,"ratio":0.5,"trickle":true,"usernameFragment":null,"urls":["stun:stun.example.org",{"nested":[1,2]},[],null],"number":1e400}"#
        )
    }

    @Test func streamsPrettyTextLikeTheTreeWriter() throws {
        let value = try JSONValue(parsing: #"{"a":[1,{"b":[]},"c"],"d":{"e":null}}"#)
        var writer = JSONWriter(format: .pretty(indent: 3))
        writer.object { root in
            root.member(
                "a",
                array: { a in
                    a.element(1)
                    a.object { $0.member("b", array: { _ in }) }
                    a.element("c")
                })
            root.member("d", object: { $0.nullMember("e") })
        }
        #expect(writer.output == value.serialized(format: .pretty(indent: 3)))
    }

    @Test func writesTopLevelValuesOnSeparateLines() {
        var writer = JSONWriter()
        writer.value(["a": 1])
        writer.string("x")
        writer.number(3)
        #expect(writer.output == "{\"a\":1}\n\"x\"\n3")
        #expect(NDJSON.serialized([1, "x"]) == "1\n\"x\"\n")
    }

    @Test func rethrowsFromContainerBodies() {
        struct Stop: Error {}
        var writer = JSONWriter()
        #expect(throws: Stop.self) {
            try writer.array { array throws(Stop) in
                array.element(1)
                throw Stop()
            }
        }
        #expect(writer.output == "[1]")
    }

    /// Round trip on generated trees: parse(serialize(v)) == v, and serialize(parse(x)) == x for
    /// the compact text x, compared with a simple recursive oracle writer.
    @Test(arguments: 0..<200)
    func roundTripsGeneratedValues(_ seed: Int) throws {
        var generator = SplitMix(seed: UInt64(seed))
        let value = Self.generate(&generator, depth: 0)
        let compact = value.serialized()
        #expect(compact == Self.oracle(value))
        #expect(try JSONValue(parsing: compact) == value)
        #expect(try JSONValue(parsing: compact).serialized() == compact)
        #expect(try JSONValue(parsing: value.serialized(pretty: true)) == value)
        #expect(try JSONDocument(parsing: compact).value == value)
    }

    static func generate(_ random: inout SplitMix, depth: Int) -> JSONValue {
        switch random.next() % (depth > 4 ? 4 : 6) {
        case 0: return random.next() % 3 == 0 ? .null : .bool(random.next() % 2 == 0)
        case 1:
            let texts = [
                "0", "-1", "1.5", "-0.25e-7", "123456789012345678901234567890", "1E+400",
                String(random.next() % 100_000),
            ]
            return .number(JSONNumber(texts[Int(random.next() % UInt64(texts.count))])!)
        case 2, 3:
            let pieces = [
                "a", "é", "😀", "\"", "\\", "\n", "\u{0}", "\u{1F}", "/", " ", "\u{2028}", "sdp", "\r\n", "\u{7F}",
            ]
            var text = ""
            for _ in 0..<(random.next() % 12) { text += pieces[Int(random.next() % UInt64(pieces.count))] }
            return .string(text)
        case 4:
            return .array(JSONArray((0..<(random.next() % 5)).map { _ in generate(&random, depth: depth + 1) }))
        default:
            var object = JSONObject()
            for _ in 0..<(random.next() % 6) {
                let keys = ["type", "sdp", "a", "", "é", "type", "\"q\""]
                object.append(keys[Int(random.next() % UInt64(keys.count))], generate(&random, depth: depth + 1))
            }
            return .object(object)
        }
    }

    /// The compact writer, written the obvious recursive way over characters.
    static func oracle(_ value: JSONValue) -> String {
        switch value {
        case .null: return "null"
        case .bool(let flag): return flag ? "true" : "false"
        case .number(let number): return number.text
        case .string(let text):
            var out = "\""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\u{8}": out += "\\b"
                case "\u{C}": out += "\\f"
                case "\n": out += "\\n"
                case "\r": out += "\\r"
                case "\t": out += "\\t"
                case "\u{0}"..."\u{1F}":
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u00" + (hex.count == 1 ? "0" : "") + hex
                default: out.unicodeScalars.append(scalar)
                }
            }
            return out + "\""
        case .array(let elements): return "[" + elements.map(oracle).joined(separator: ",") + "]"
        case .object(let object):
            return "{" + object.members.map { oracle(.string($0.key)) + ":" + oracle($0.value) }.joined(separator: ",")
                + "}"
        }
    }
}

/// A small deterministic generator, so generated cases are the same on every run.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed &+ 0x9E37_79B9_7F4A_7C15 }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
