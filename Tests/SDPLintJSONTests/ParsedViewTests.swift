import SDPLintDiagnostics
import SDPLintJSON
import SDPLintTestSupport
import Testing

/// A parsed array or object is a view of its parse (JSONArray, JSONObject); one built in code
/// holds its contents. The two must be indistinguishable.
@Suite struct ParsedViewTests {
    /// `value` rebuilt from its parts, every container holding its contents.
    static func built(_ value: JSONValue) -> JSONValue {
        switch value {
        case .array(let elements): .array(JSONArray(elements.map(built)))
        case .object(let object):
            .object(JSONObject(object.members.map { JSONObject.Member(key: $0.key, value: built($0.value)) }))
        default: value
        }
    }

    @Test(arguments: CorpusTests.documents)
    func parsedContainersMatchBuiltOnes(_ fixture: Fixture) throws {
        let parsed = try #require(JSONValue.parse(bytes: try fixture.bytes()).value)
        let copy = Self.built(parsed)
        #expect(parsed == copy)
        #expect(copy == parsed)
        #expect(parsed.hashValue == copy.hashValue)
        #expect(parsed.serialized() == copy.serialized())
        // Walking by position reaches what iteration does.
        func walk(_ value: JSONValue) {
            switch value {
            case .array(let elements):
                for (offset, element) in elements.enumerated() {
                    #expect(elements.element(at: offset) == element)
                    walk(element)
                }
                #expect(elements.element(at: elements.count) == nil)
            case .object(let object):
                for (offset, member) in object.enumerated() {
                    #expect(object.firstIndex(forKey: member.key).map { $0 <= offset } == true)
                    walk(member.value)
                }
            default: break
            }
        }
        walk(parsed)
    }

    @Test func editingAParsedObjectLeavesTheParseAsItWas() throws {
        let parsed = try JSONValue(parsing: #"{"a": 1, "b\u0021": [1, 2], "a": 3}"#)
        var object = try #require(parsed.objectValue)
        #expect(object["b!"] == [1, 2])
        #expect(object.values(forKey: "a") == [1, 3])
        object["a"] = 5
        object["c"] = "new"
        object.removeAll(forKey: "b!")
        #expect(object.keys == ["a", "a", "c"])
        #expect(object.values(forKey: "a") == [5, 3])
        #expect(parsed.objectValue?.keys == ["a", "b!", "a"])
        #expect(parsed["a"] == 1)
    }

    /// Objects above the linear-search size look names up through the parser's table; small ones
    /// compare names. Both give the first member of a name, as a built object does.
    @Test(arguments: [5, 12, 13, 40])
    func looksNamesUpAsABuiltObjectDoes(_ count: Int) throws {
        var text = "{"
        for index in 0..<count { text += #""k\#(index % 7)\u0021\#(index)": \#(index), "dup": \#(index), "# }
        text += "\"last\": [1]}"
        let parsed = try #require(JSONValue.parse(text).value?.objectValue)
        let built = JSONObject(parsed.members)
        for name in parsed.keys + ["absent", "k1", "dup"] {
            #expect(parsed[name] == built[name], "\(name)")
            #expect(parsed.firstIndex(forKey: name) == built.firstIndex(forKey: name), "\(name)")
        }
        #expect(parsed["dup"] == 0)
        #expect(parsed.firstIndex(forKey: "last") == count * 2)
        let document = try #require(JSONDocument.parse(text).value)
        #expect(document.root["last"]?.location?.bytes.count == 3)
        #expect(document.root["k0!0"]?.value == 0)
    }

    @Test func emptyAndNestedContainersKeepTheirShape() throws {
        let text = #"[[], {}, [[[]]], {"": {"": []}}, "\"", -0.5e-3]"#
        let parsed = try JSONValue(parsing: text)
        let elements = try #require(parsed.arrayValue)
        #expect(elements.count == 6)
        #expect(elements.element(at: 0)?.arrayValue?.isEmpty == true)
        #expect(elements.element(at: 1)?.objectValue?.isEmpty == true)
        #expect(parsed[2]?[0]?[0] == [])
        #expect(parsed[3]?[""]?[""] == [])
        #expect(parsed[4] == "\"")
        #expect(parsed[5]?.numberValue?.text == "-0.5e-3")
        #expect(parsed.serialized() == #"[[],{},[[[]]],{"":{"":[]}},"\"",-0.5e-3]"#)
    }

    /// A container's location runs from its opening bracket to its closing one, past white space
    /// and a trailing comma; a member's name is located apart from its value.
    @Test func locatesContainersAndMemberNames() throws {
        let text = "{\"k\" : [1, {\"x\": \"y\"} ,\n ] ,\n \"e\":{ }}"
        let parsed = JSONDocument.parse(text)
        #expect(parsed.diagnostics.map(\.code.rawValue) == ["JSON103"])
        let document = try #require(parsed.value)
        let bytes = Array(text.utf8)
        func covered(_ location: SDPLintDiagnostics.SourceLocation?) -> String? {
            location.map { String(decoding: bytes[$0.bytes], as: UTF8.self) }
        }
        #expect(covered(document.location(of: ["k"])) == "[1, {\"x\": \"y\"} ,\n ]")
        #expect(covered(document.keyLocation(of: ["k"])) == "\"k\"")
        #expect(covered(document.location(of: ["k", 1, "x"])) == "\"y\"")
        #expect(covered(document.location(of: ["e"])) == "{ }")
        #expect(document.location(of: ["e"])?.description == "3:6")
        #expect(covered(document.root.location) == text)
        #expect(document.keyLocation(of: ["k", 0]) == nil)
    }
}
