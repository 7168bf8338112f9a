import Foundation
import SDPLintDiagnostics
import SDPLintJSON
import Testing

/// The grammar of RFC 8259, byte by byte.
@Suite struct GrammarTests {
    static func codes(_ bytes: [UInt8], _ options: JSONParseOptions = .lenient) -> [String] {
        JSONValue.parse(bytes: bytes, options: options).diagnostics.map(\.code.rawValue)
    }

    // MARK: Byte sweeps

    /// What `[` followed by one byte and `]` must give: the first finding's code and column, or
    /// no finding. The oracle is the grammar, written out by hand.
    static func oracleAfterBracket(_ byte: UInt8) -> (code: String, column: Int)? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), 0x20, 0x09, 0x0A, 0x0D: return nil
        case UInt8(ascii: "]"): return ("JSON114", 3)
        case UInt8(ascii: "["): return ("JSON101", 4)
        case UInt8(ascii: "{"): return ("JSON102", 3)
        case UInt8(ascii: "\""): return ("JSON106", 2)
        case UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."): return ("JSON105", 2)
        case UInt8(ascii: "'"): return ("JSON112", 2)
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "_"), UInt8(ascii: "$"):
            return ("JSON104", 2)
        default: return ("JSON102", 2)
        }
    }

    @Test(arguments: 0...255)
    func sweepsEveryByteAfterAnOpeningBracket(_ value: Int) throws {
        let byte = UInt8(value)
        let input: [UInt8] = [UInt8(ascii: "["), byte, UInt8(ascii: "]")]
        let parsedParsed = JSONValue.parse(bytes: input)
        let (parsed, diagnostics) = (parsedParsed.value, parsedParsed.diagnostics)
        if let (code, column) = Self.oracleAfterBracket(byte) {
            let first = try #require(diagnostics.first)
            #expect(first.code.rawValue == code)
            #expect(first.location.column == column)
            #expect(first.location.line == 1)
        } else {
            #expect(diagnostics.isEmpty)
            let expected: JSONValue =
                byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
                ? .array([.number(JSONNumber(Int(byte) - 48))]) : .array([])
            #expect(parsed == expected)
        }
    }

    @Test(arguments: 0...255)
    func sweepsEveryByteInsideAString(_ value: Int) throws {
        let byte = UInt8(value)
        let parsedParsed = JSONValue.parse(bytes: [0x22, byte, 0x22])
        let (parsed, diagnostics) = (parsedParsed.value, parsedParsed.diagnostics)
        switch byte {
        case 0x00..<0x20:
            #expect(diagnostics.map(\.code.rawValue) == ["JSON107"])
            #expect(diagnostics.first?.location.column == 2)
            #expect(parsed == .string(String(UnicodeScalar(byte))))
        case 0x22:
            #expect(diagnostics.map(\.code.rawValue) == ["JSON114"])
            #expect(parsed == .string(""))
        case 0x5C:
            #expect(diagnostics.map(\.code.rawValue) == ["JSON106"])
            #expect(parsed == nil)
        case 0x20..<0x80:
            #expect(diagnostics.isEmpty)
            #expect(parsed == .string(String(UnicodeScalar(byte))))
        default:
            #expect(diagnostics.map(\.code.rawValue) == ["JSON110"])
            #expect(diagnostics.first?.location.column == 2)
            #expect(parsed == .string("\u{FFFD}"))
        }
    }

    @Test(arguments: 0...255)
    func sweepsEveryByteAfterABackslash(_ value: Int) throws {
        let byte = UInt8(value)
        let parsedParsed = JSONValue.parse(bytes: [0x22, 0x5C, byte, 0x22])
        let (parsed, diagnostics) = (parsedParsed.value, parsedParsed.diagnostics)
        let escapes: [UInt8: String] = [
            0x22: "\"", 0x5C: "\\", 0x2F: "/", 0x62: "\u{8}", 0x66: "\u{C}", 0x6E: "\n", 0x72: "\r", 0x74: "\t",
        ]
        if let text = escapes[byte] {
            #expect(diagnostics.isEmpty)
            #expect(parsed == .string(text))
            return
        }
        if byte == 0x22 || byte == 0x5C { return }
        let codes = diagnostics.map(\.code.rawValue)
        #expect(codes.first == "JSON108")
        #expect(diagnostics.first?.location.column == 2)
        if byte >= 0x80 { #expect(codes == ["JSON108", "JSON110"]) }
        #expect(parsed?.stringValue?.hasPrefix("\u{FFFD}") == true)
    }

    // MARK: Whitespace, literals, structure

    @Test func acceptsTheFourWhitespaceBytesOnly() throws {
        #expect(try JSONValue(parsing: " \t\r\n[ 1 ,\t2\r\n] \n") == [1, 2])
        for space in ["\u{0B}", "\u{0C}", "\u{A0}", "\u{FEFF}", "\u{2028}"] {
            #expect(Self.codes(Array("[1,\(space)2]".utf8)) == ["JSON102"], "\(space.unicodeScalars.first!.value)")
        }
    }

    @Test(
        arguments: [
            ("true", true), ("false", false), ("null", .null), ("0", 0), ("-0", JSONValue.number(JSONNumber("-0")!)),
            ("\"\"", ""), ("[]", []), ("{}", [:]), ("[[],{}]", [[], [:]]),
            ("{\"a\":{\"b\":[null]}}", ["a": ["b": [.null]]]),
        ] as [(String, JSONValue)])
    func readsScalarsAndContainersAtTheTopLevel(_ text: String, _ expected: JSONValue) throws {
        #expect(try JSONValue(parsing: text) == expected)
    }

    @Test(arguments: [
        ("", "JSON101"), ("   ", "JSON101"), ("[", "JSON101"), ("{\"a\"", "JSON101"), ("{\"a\":", "JSON101"),
        ("[1", "JSON101"),
        ("[1 2]", "JSON102"), ("{\"a\" 1}", "JSON102"), ("{\"a\":1 \"b\":2}", "JSON102"), ("[,1]", "JSON102"),
        ("{,}", "JSON102"),
        ("{\"a\":}", "JSON102"), ("]", "JSON102"), ("[1]]", "JSON114"), ("1 2", "JSON114"), ("[1,]", "JSON103"),
        ("{\"a\":1,}", "JSON103"), ("tru", "JSON104"), ("nul", "JSON104"), ("nulls", "JSON104"), ("True", "JSON104"),
        ("NaN", "JSON104"), ("Infinity", "JSON104"), ("undefined", "JSON104"), ("-Infinity", "JSON105"),
        ("01", "JSON105"), ("-01", "JSON105"), ("00", "JSON105"), ("1.", "JSON105"), ("1.e5", "JSON105"),
        (".5", "JSON105"),
        ("+1", "JSON105"), ("1e", "JSON105"), ("1e+", "JSON105"), ("-", "JSON105"), ("--1", "JSON105"),
        ("0x10", "JSON114"),
        ("1.5.3", "JSON114"), ("{a:1}", "JSON111"), ("{'a':1}", "JSON112"), ("['a']", "JSON112"),
        ("[1 // c\n]", "JSON113"),
        ("[1 /* c */]", "JSON113"), ("[1 /]", "JSON102"),
    ])
    func rejectsMalformedText(_ text: String, _ code: String) {
        #expect(Self.codes(Array(text.utf8)).first == code)
    }

    @Test func recoversFromTrailingCommasAndComments() throws {
        let parsedValue = JSONValue.parse("/* config */ {\"a\": [1, 2,], // two\n \"b\": {\"c\": 3,},}")
        let (value, diagnostics) = (parsedValue.value, parsedValue.diagnostics)
        #expect(diagnostics.map(\.code.rawValue) == ["JSON113", "JSON103", "JSON113", "JSON103", "JSON103"])
        #expect(value == ["a": [1, 2], "b": ["c": 3]])
        #expect(throws: ParseError<JSONValue?>.self) { try JSONValue(parsing: "[1,]") }
    }

    @Test func skipsAByteOrderMarkWithAWarning() throws {
        let parsedValue = JSONValue.parse(bytes: [0xEF, 0xBB, 0xBF] + Array("[1]".utf8))
        let (value, diagnostics) = (parsedValue.value, parsedValue.diagnostics)
        #expect(value == [1])
        #expect(diagnostics.map(\.code.rawValue) == ["JSON115"])
        #expect(diagnostics.first?.severity == .warning)
        // A warning alone does not throw.
        #expect(try JSONValue(parsing: [0xEF, 0xBB, 0xBF, 0x31]) == 1)
    }

    @Test func reportsTheEndOfAnUnclosedContainerWithWhereItOpened() {
        let diagnostics = JSONValue.parse("{\"a\": [1,\n  {\"b\": 2}").diagnostics
        #expect(diagnostics.map(\.code.rawValue) == ["JSON101"])
        #expect(diagnostics.first?.location.description == "2:11")
        #expect(diagnostics.first?.message.contains("$.a") == true)
        #expect(diagnostics.first?.message.contains("1:7") == true)
    }

    // MARK: Strings

    @Test func decodesEveryEscape() throws {
        let text = #""\"\\\/\b\f\n\r\t\u0041\u00e9\u20AC\ud83d\ude00\u0000""#
        #expect(try JSONValue(parsing: text) == .string("\"\\/\u{8}\u{C}\n\r\tAé€😀\u{0}"))
    }

    @Test(arguments: [
        (#""\ud83d""#, "\u{FFFD}"), (#""\ude00""#, "\u{FFFD}"), (#""\ud83dx""#, "\u{FFFD}x"),
        (#""\ud83d\u0041""#, "\u{FFFD}A"), (#""\ude00\ud83d""#, "\u{FFFD}\u{FFFD}"),
        (#""a\uD800\uD800b""#, "a\u{FFFD}\u{FFFD}b"),
    ])
    func replacesLoneSurrogatesWithAWarning(_ text: String, _ expected: String) throws {
        let parsedValue = JSONValue.parse(text)
        let (value, diagnostics) = (parsedValue.value, parsedValue.diagnostics)
        #expect(value == .string(expected))
        #expect(
            !diagnostics.isEmpty && diagnostics.allSatisfy { $0.code.rawValue == "JSON109" && $0.severity == .warning })
        #expect(JSONValue.parse(text, options: JSONParseOptions(strict: true)).diagnostics.first?.severity == .error)
    }

    @Test(
        arguments: [
            ([0x80], "\u{FFFD}"), ([0xC3], "\u{FFFD}"), ([0xC3, 0x28], "\u{FFFD}("), ([0xE2, 0x82], "\u{FFFD}"),
            ([0xE2, 0x82, 0x28], "\u{FFFD}("), ([0xF0, 0x9F, 0x98], "\u{FFFD}"), ([0xC0, 0xAF], "\u{FFFD}\u{FFFD}"),
            ([0xED, 0xA0, 0x80], "\u{FFFD}\u{FFFD}\u{FFFD}"),
            ([0xF4, 0x90, 0x80, 0x80], "\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}"),
            ([0xFF, 0x41], "\u{FFFD}A"), ([0x61, 0xE9, 0x62], "a\u{FFFD}b"),
        ] as [([UInt8], String)])
    func replacesInvalidUTF8ByMaximalSubparts(_ content: [UInt8], _ expected: String) throws {
        let parsedValue = JSONValue.parse(bytes: [0x22] + content + [0x22])
        let (value, diagnostics) = (parsedValue.value, parsedValue.diagnostics)
        #expect(value == .string(expected))
        #expect(!diagnostics.isEmpty && diagnostics.allSatisfy { $0.code.rawValue == "JSON110" })
        // Standard library decoding agrees on the replacement.
        #expect(String(decoding: content, as: UTF8.self) == expected)
    }

    @Test func keepsValidMultibyteText() throws {
        let text = "\"héllo wörld €100 😀 \u{2028}\u{2029} ü\""
        #expect(try JSONValue(parsing: text) == .string(String(text.dropFirst().dropLast())))
    }

    @Test func readsLongStringsAcrossTheEightByteFastPath() throws {
        for length in 0..<40 {
            for special in ["", "\\n", "é", "\\u00e9", "😀"] {
                let content =
                    String(repeating: "a", count: length) + special + String(repeating: "b", count: length % 9)
                let value = try JSONValue(parsing: "\"" + content + "\"")
                let expected = content.replacingOccurrences(of: "\\n", with: "\n").replacingOccurrences(
                    of: "\\u00e9", with: "é")
                #expect(value == .string(expected))
            }
        }
    }

    @Test func countsLinesInsideStringsWithRawLineFeeds() {
        let diagnostics = JSONValue.parse("[\"a\nb\", x]").diagnostics
        #expect(diagnostics.map(\.code.rawValue) == ["JSON107", "JSON104"])
        #expect(diagnostics.map(\.location.description) == ["1:4", "2:5"])
    }

    // MARK: Objects

    @Test func keepsMembersInOrderWithDuplicates() throws {
        let parsedValue = JSONValue.parse("{\"b\": 1, \"a\": 2,\n \"b\": 3}")
        let (value, diagnostics) = (parsedValue.value, parsedValue.diagnostics)
        let object = try #require(value?.objectValue)
        #expect(object.keys == ["b", "a", "b"])
        #expect(object["b"] == 1)
        #expect(object.values(forKey: "b") == [1, 3])
        #expect(diagnostics.map(\.code.rawValue) == ["JSON201"])
        let duplicate = try #require(diagnostics.first)
        #expect(duplicate.severity == .warning)
        #expect(duplicate.location.description == "2:2")
        #expect(duplicate.message.contains("1:2"))
        #expect(duplicate.message.contains("$.b"))
    }

    @Test func findsDuplicatesInLargeObjectsAndEscapedSpellings() throws {
        var text = "{"
        for index in 0..<100 { text += "\"k\(index)\": \(index), " }
        text += "\"k\\u0037\": 0, \"k99\": 1}"
        let parsedValue = JSONValue.parse(text)
        let (value, diagnostics) = (parsedValue.value, parsedValue.diagnostics)
        #expect(diagnostics.map(\.code.rawValue) == ["JSON201", "JSON201"])
        let object = try #require(value?.objectValue)
        #expect(object.count == 102)
        #expect(object["k7"] == 7)
        #expect(object["k99"] == 99)
        #expect(object.firstIndex(forKey: "k50") == 50)
    }

    @Test func reportsEveryDuplicateWhenStrictAsAnError() {
        let diagnostics = JSONValue.parse("{\"a\":1,\"a\":2,\"a\":3}", options: JSONParseOptions(strict: true))
            .diagnostics
        #expect(diagnostics.map(\.code.rawValue) == ["JSON201", "JSON201"])
        #expect(diagnostics.allSatisfy { $0.severity == .error })
    }

    // MARK: Numbers

    @Test func keepsHugeAndPreciseNumbersExactly() throws {
        let text =
            "[1e400, 123456789012345678901234567890, -0.000000000000000000000000001, 0.1, 1E+2, -0, 9007199254740993]"
        let value = try JSONValue(parsing: text)
        let elements = try #require(value.arrayValue)
        let numbers = elements.compactMap(\.numberValue)
        #expect(
            numbers.map(\.text) == [
                "1e400", "123456789012345678901234567890", "-0.000000000000000000000000001", "0.1", "1E+2", "-0",
                "9007199254740993",
            ])
        #expect(value.serialized() == text.replacingOccurrences(of: ", ", with: ","))
        #expect(numbers[0].double == .infinity)
        #expect(numbers[0].isInteger)
        #expect(numbers[0].int64 == nil)
        #expect(numbers[1].isInteger && numbers[1].uint64 == nil)
        #expect(numbers[2].isInteger == false)
        #expect(numbers[4].int64 == 100)
        #expect(numbers[5].int64 == 0)
        #expect(numbers[6].int64 == 9_007_199_254_740_993)
    }

    @Test(
        arguments: [
            ("0", Int64(0), UInt64(0), true), ("-1", -1, nil, true),
            ("9223372036854775807", .max, 9_223_372_036_854_775_807, true),
            ("-9223372036854775808", .min, nil, true), ("9223372036854775808", nil, 9_223_372_036_854_775_808, true),
            ("18446744073709551615", nil, .max, true), ("18446744073709551616", nil, nil, true),
            ("1.5", nil, nil, false),
            ("1.50e1", 15, 15, true), ("1500e-2", 15, 15, true), ("1e-2", nil, nil, false),
            ("0.0e999999999999999999", 0, 0, true),
            ("1e99999999999999999999", nil, nil, true), ("-0.0", 0, 0, true), ("120e-1", 12, 12, true),
        ] as [(String, Int64?, UInt64?, Bool)])
    func convertsNumbersExactlyOrNotAtAll(_ text: String, _ int64: Int64?, _ uint64: UInt64?, _ isInteger: Bool) throws
    {
        let number = try #require(JSONNumber(text))
        #expect(number.int64 == int64)
        #expect(number.uint64 == uint64)
        #expect(number.isInteger == isInteger)
        #expect(number.double == Double(text))
    }

    @Test func validatesNumberText() {
        for valid in ["0", "-0", "1.5", "1e5", "1E-5", "-12.34e+56"] { #expect(JSONNumber(valid) != nil, "\(valid)") }
        for invalid in ["", "01", "+1", ".5", "1.", "1e", "NaN", "1 ", " 1", "0x1", "1_000"] {
            #expect(JSONNumber(invalid) == nil, "\(invalid)")
        }
        #expect(JSONNumber(Double.nan) == nil)
        #expect(JSONNumber(Double(0.1))?.text == "0.1")
        #expect(JSONNumber(UInt64.max).text == "18446744073709551615")
    }
}
