import SDPLintDiagnostics
import SDPLintJSON
import Testing

/// Inputs shaped to make a careless reader quadratic: strings of nothing but escapes, long keys
/// repeated, long keys sharing a prefix, many findings with long messages, many lines before an
/// error. For each, reading eight times the input must cost about eight times as much: the
/// ratio may reach 24 (timer noise and other tests running beside this one), where a quadratic
/// path gives 64. The large size also stays within an absolute bound.
@Suite(.timeLimit(.minutes(2)))
struct QuadraticInputTests {
    static let factor = 8

    /// Checks that the cost of `body` grows linearly from `size` to `factor` times `size`. The
    /// two sizes are timed alternately, best of three each, so a burst of load elsewhere hits
    /// both.
    static func expectLinear(
        _ name: String, size: Int, bound: Duration = .seconds(10),
        make: (Int) -> [UInt8], _ body: ([UInt8]) -> Void,
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        let smallInput = make(size)
        let largeInput = make(size * factor)
        let clock = ContinuousClock()
        var small = Duration.seconds(1000)
        var large = Duration.seconds(1000)
        for _ in 0..<3 {
            small = min(small, clock.measure { body(smallInput) })
            large = min(large, clock.measure { body(largeInput) })
        }
        let ratio = large / max(small, .microseconds(50))
        #expect(
            ratio < Double(factor * 3), "\(name): \(small) for \(size), \(large) for \(size * factor) (×\(ratio))",
            sourceLocation: sourceLocation)
        #expect(large < bound, "\(name): \(large)", sourceLocation: sourceLocation)
    }

    static func parse(_ bytes: [UInt8]) { _ = JSONValue.parse(bytes: bytes) }
    static func parseDocument(_ bytes: [UInt8]) { _ = JSONDocument.parse(bytes: bytes) }

    @Test func stringsOfNothingButEscapes() {
        for escape in ["\\\"", "\\\\", "\\u00e9", "\\ud83d\\ude00", "\\n"] {
            Self.expectLinear(
                "escapes \(escape)", size: 50_000,
                make: { Array(("[\"" + String(repeating: escape, count: $0) + "\"]").utf8) }, Self.parseDocument)
        }
    }

    @Test func loneSurrogatesEachReported() {
        // Each lone surrogate is a finding; the findings stop at the limit, the scan does not.
        Self.expectLinear(
            "lone surrogates", size: 10_000,
            make: { Array(("\"" + String(repeating: "\\ud800", count: $0) + "\"").utf8) }, Self.parse)
        let diagnostics = JSONValue.parse(bytes: Array(("\"" + String(repeating: "\\ud800", count: 5000) + "\"").utf8))
            .diagnostics
        #expect(diagnostics.count <= JSONParseOptions().maxDiagnostics + 1)
    }

    @Test func oneLongKeyRepeated() {
        // Every member after the first is a duplicate: one comparison of a 1 KiB key each.
        let key = "\"" + String(repeating: "k", count: 1024) + "\""
        Self.expectLinear(
            "long duplicate keys", size: 1_000,
            make: { Array(("{" + Array(repeating: key + ":1", count: $0).joined(separator: ",") + "}").utf8) },
            Self.parseDocument)
    }

    @Test func longKeysSharingALongPrefix() {
        // Distinct keys that differ only at the end: hashing and comparing must not rescan the
        // whole object for each.
        let prefix = String(repeating: "p", count: 512)
        Self.expectLinear(
            "long distinct keys", size: 1_000,
            make: { count in
                Array(("{" + (0..<count).map { "\"\(prefix)\($0)\":\($0)" }.joined(separator: ",") + "}").utf8)
            },
            Self.parseDocument)
    }

    @Test func escapedSpellingsOfOneKey() {
        // "a", "\u0061": the same name written differently is still a duplicate.
        let members: [String] = ["\"a\":1", "\"\\u0061\":1"]
        func object(_ count: Int) -> [UInt8] {
            let body: [String] = (0..<count).map { members[$0 % 2] }
            return Array(("{" + body.joined(separator: ",") + "}").utf8)
        }
        Self.expectLinear("escaped duplicate keys", size: 2_500, make: object, Self.parse)
    }

    @Test func manyLinesBeforeAnError() {
        // Locating the error counts lines once, not once per finding.
        Self.expectLinear(
            "lines then an error", size: 25_000,
            make: { Array(("[" + String(repeating: "1,\n", count: $0) + "x]").utf8) }, Self.parseDocument)
    }

    @Test func manyFindingsWithLongPaths() {
        // Every duplicate in a deep object names its path; the path is not rebuilt per byte.
        let open = String(repeating: "{\"level\":", count: 200)
        let close = String(repeating: "}", count: 200)
        Self.expectLinear(
            "findings deep down", size: 250,
            make: { count in
                Array(
                    (open + "{" + Array(repeating: "\"d\":1", count: count).joined(separator: ",") + "}" + close).utf8)
            },
            Self.parse)
    }

    @Test func longNumbersWithinTheLimit() {
        let number = "1" + String(repeating: "0", count: 4000) + ".5e-3"
        Self.expectLinear(
            "4 KB numbers", size: 100,
            make: { Array(("[" + Array(repeating: number, count: $0).joined(separator: ",") + "]").utf8) }, Self.parse)
    }

    @Test func writingEscapesIsLinear() {
        Self.expectLinear(
            "writer escapes", size: 25_000,
            make: { Array(String(repeating: "\"\\\u{01}é\u{7F}", count: $0).utf8) },
            { bytes in _ = JSONValue.string(String(decoding: bytes, as: UTF8.self)).serialized() })
    }

    @Test func walkingADeepDocument() {
        // Each node carries its path, so a walk costs O(nodes × depth); at the default depth
        // limit of 512 that stays small.
        Self.expectLinear(
            "walk 480 levels", size: 60, bound: Duration.seconds(5),
            make: { Array((String(repeating: "[", count: $0) + String(repeating: "]", count: $0)).utf8) },
            { bytes in
                guard let document = JSONDocument.parse(bytes: bytes).value else { return }
                var node = document.root
                while let inner = node.elements.first { node = inner }
            })
    }

    @Test func closingACutTextDeeplyNested() {
        // Nesting far past the parser's limit, balanced and cut short: the repair looks for
        // where the text could end, once.
        Self.expectLinear(
            "balanced brackets", size: 20_000,
            make: { Array((String(repeating: "[", count: $0) + String(repeating: "]", count: $0)).utf8) },
            { _ = JSONTruncation.closing($0) })
        Self.expectLinear(
            "open brackets", size: 20_000, make: { Array(String(repeating: "[1,", count: $0).utf8) },
            { _ = JSONTruncation.closing($0) })
        #expect(JSONTruncation.closing(Array(#"{"a":[1,2,{"b":"#.utf8))?.text == Array(#"{"a":[1,2,{}]}"#.utf8))
        #expect(JSONTruncation.closing(Array(#"{"a":[1,2,"x"#.utf8))?.text == Array(#"{"a":[1,2]}"#.utf8))
        // The finding names the place without spelling out 513 levels of path.
        let deep = JSONDocument.parse(bytes: Array((String(repeating: "[", count: 600) + "]").utf8))
        #expect(
            deep.diagnostics.first?.message
                == "the array at $[0][0][0][0]…[0][0][0][0] is nested 513 levels deep, more than the limit of 512")
    }
}
