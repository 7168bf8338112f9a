import PropertyBased
import SDPLintDiagnostics
import SDPLintJSON
import Testing

/// JSON values drawn from the RFC 8259 grammar print and read back as themselves.
@Suite struct JSONProperties {
    /// A string with what a writer must escape: quotes, backslashes, controls, non-ASCII,
    /// astral scalars, and the line separators JavaScript treats as line ends.
    static func string(using rng: inout some RandomNumberGenerator) -> String {
        let pieces = [
            "a", "sdp", "\"", "\\", "/", "\n", "\r\n", "\t", "\u{0}", "\u{1F}", "\u{7F}", "é", "日本", "🙂", "\u{2028}",
            "\u{FEFF}", " ",
        ]
        return (0..<Int.random(in: 0...8, using: &rng)).map { _ in SDPGrammar.pick(pieces, using: &rng) }.joined()
    }

    /// `number = [ minus ] int [ frac ] [ exp ]`
    static func number(using rng: inout some RandomNumberGenerator) -> JSONNumber {
        var text = SDPGrammar.chance(0.3, using: &rng) ? "-" : ""
        text +=
            SDPGrammar.chance(0.2, using: &rng)
            ? "0"
            : String(Int.random(in: 1...9, using: &rng)) + SDPGrammar.string(Array("0123456789"), 0...25, using: &rng)
        if SDPGrammar.chance(0.3, using: &rng) {
            text += "." + SDPGrammar.string(Array("0123456789"), 1...20, using: &rng)
        }
        if SDPGrammar.chance(0.2, using: &rng) {
            text +=
                SDPGrammar.pick(["e", "E", "e+", "e-", "E-"], using: &rng)
                + String(Int.random(in: 0...400, using: &rng))
        }
        return JSONNumber(text) ?? 0
    }

    static func value(depth: Int, using rng: inout some RandomNumberGenerator) -> JSONValue {
        switch Int.random(in: 0..<(depth > 4 ? 4 : 7), using: &rng) {
        case 0: return .null
        case 1: return .bool(SDPGrammar.chance(0.5, using: &rng))
        case 2: return .number(number(using: &rng))
        case 3: return .string(string(using: &rng))
        case 4, 5:
            return .array(
                JSONArray((0..<Int.random(in: 0...5, using: &rng)).map { _ in value(depth: depth + 1, using: &rng) }))
        default:
            // Duplicate names are kept, in order (RFC 8259 §4 leaves them to the reader).
            let keys = (0..<Int.random(in: 0...5, using: &rng)).map { _ in
                SDPGrammar.chance(0.2, using: &rng) ? "dup" : string(using: &rng)
            }
            return .object(JSONObject(pairs: keys.map { ($0, value(depth: depth + 1, using: &rng)) }))
        }
    }

    static let values = Generator<JSONValue, Shrink.None<JSONValue>> { rng in value(depth: 0, using: &rng) }

    @Test func writtenValuesReadBackTheSame() async {
        await propertyCheck(count: iterations, input: Self.values) { value in
            for pretty in [false, true] {
                let text = value.serialized(pretty: pretty)
                let parsedReread = JSONValue.parse(text)
                let (reread, diagnostics) = (parsedReread.value, parsedReread.diagnostics)
                #expect(reread == value, "\(text)")
                #expect(diagnostics.filter { $0.severity == .error } == [], "\(text)")
                #expect(JSONDocument.parse(text).value?.value == value)
            }
        }
    }
}
