import SDPLintDiagnostics
import SDPLintJSON
import Testing

/// A JSON text cut short is cut back to its last complete member or element and closed.
struct TruncationTests {
    /// Cut texts and what they are closed to (`nil`: nothing to repair). Brackets, commas and
    /// escaped quotation marks inside strings are text; strings longer than eight bytes are
    /// skipped a word at a time, so the escapes sit on both sides of word boundaries.
    static let cases: [(cut: String, closed: String?)] = [
        (#"{"a":[1,2,{"b":"#, #"{"a":[1,2,{}]}"#),
        (#"{"a":[1,2,"x"#, #"{"a":[1,2]}"#),
        (#"{"a":"xxxxxxxx\"],{xxxxxxxxxxx","b":[1,"#, #"{"a":"xxxxxxxx\"],{xxxxxxxxxxx","b":[1]}"#),
        (#"{"a":1,"b":"xxxxxxxxxxxxxxxx\\\"yyyyyyyy"#, #"{"a":1}"#),
        (#"["a","b\"#, #"["a"]"#),
        (#"["x\\",["#, #"["x\\",[]]"#),
        (#"["1234567\"",["#, #"["1234567\"",[]]"#),
        (#"{"sdp":""# + String(repeating: "A", count: 65_536), "{}"),
        (#"{"a":{"b":"]]]]]]]]]]]]]]]]]]]]]]]]","c":"#, #"{"a":{"b":"]]]]]]]]]]]]]]]]]]]]]]]]"}}"#),
        (#""abc"#, nil),
        ("{}", nil),
        ("[1,2]", nil),
    ]

    @Test(arguments: cases)
    func closesWhatWasOpen(_ cut: String, _ closed: String?) {
        let repaired = JSONTruncation.closing(Array(cut.utf8))
        #expect(repaired.map { String(decoding: $0.text, as: UTF8.self) } == closed)
        if let repaired {
            #expect(repaired.text.starts(with: Array(cut.utf8).prefix(repaired.keptBytes)))
            #expect(JSONDocument.parse(bytes: repaired.text).value != nil)
        }
    }

    /// The same as a byte-by-byte reading of the grammar on 3 000 texts made of the bytes that
    /// matter, of every length up to 40 (past one word, so both scans take part).
    @Test func agreesWithAByteByByteReading() {
        let alphabet = Array(#"{}[],"\ax"#.utf8)
        // A fixed linear congruential sequence: the same texts on every run.
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33) % bound
        }
        for _ in 0..<3_000 {
            var bytes: [UInt8] = []
            for _ in 0..<next(41) {
                // Plain text half of the time, so that runs longer than a word occur.
                bytes.append(next(2) == 0 ? UInt8(ascii: "x") : alphabet[next(alphabet.count)])
            }
            let expected = Self.reference(bytes)
            let actual = JSONTruncation.closing(bytes)
            #expect(actual?.text == expected?.text, "\(String(decoding: bytes, as: UTF8.self))")
            #expect(actual?.keptBytes == expected?.keptBytes)
        }
    }

    /// The repair read one byte at a time: the last place the text could end, then the
    /// containers open there.
    static func reference(_ bytes: [UInt8]) -> (text: [UInt8], keptBytes: Int)? {
        func scan(_ end: Int, _ candidate: (Int, UInt8, Int) -> Void) -> [UInt8] {
            var stack: [UInt8] = []
            var inString = false
            var escaped = false
            for offset in 0..<end {
                let byte = bytes[offset]
                if inString {
                    if escaped {
                        escaped = false
                    } else if byte == UInt8(ascii: "\\") {
                        escaped = true
                    } else if byte == UInt8(ascii: "\"") {
                        inString = false
                    }
                    continue
                }
                switch byte {
                case UInt8(ascii: "\""): inString = true
                case UInt8(ascii: "{"), UInt8(ascii: "["):
                    stack.append(byte)
                    candidate(offset + 1, byte, stack.count)
                case UInt8(ascii: "}"), UInt8(ascii: "]"): if !stack.isEmpty { stack.removeLast() }
                case UInt8(ascii: ","): candidate(offset, byte, stack.count)
                default: break
                }
            }
            return stack
        }
        var safe: Int?
        let open = scan(bytes.count) { offset, byte, depth in
            if byte != UInt8(ascii: ",") || depth > 0 { safe = offset }
        }
        guard !open.isEmpty, let safe else { return nil }
        let closers = scan(safe) { _, _, _ in }.reversed().map {
            $0 == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: "]")
        }
        return (Array(bytes[..<safe]) + closers, safe)
    }
}
