import Foundation
import SDPLintDiagnostics
import SDPLintJSON
import SDPLintTestSupport
import Testing

/// Damaged copies of a real envelope: nothing crashes or hangs, and what is valid agrees with an
/// independent reader (Foundation's JSONSerialization).
@Suite(.timeLimit(.minutes(1)))
struct MutationTests {
    static let envelope = Fixture(path: "corpus/chromium/gathered-datachannel.offer.json")
    static let alphabet = Array(" \t\n\"\\/{}[],:0123456789-+.eEtrufalsn xu'#".utf8)

    /// A strict prefix of an object is never a complete text: it ends inside it.
    @Test func reportsEveryPrefixAsIncomplete() throws {
        let bytes = try Self.envelope.bytes()
        for length in 0..<bytes.count {
            let prefix = Array(bytes[..<length])
            let parsedValue = JSONValue.parse(bytes: prefix)
            let (value, diagnostics) = (parsedValue.value, parsedValue.diagnostics)
            #expect(value == nil)
            let first = try #require(diagnostics.first)
            #expect(["JSON101", "JSON106"].contains(first.code.rawValue), "prefix of \(length) bytes: \(first)")
            #expect(first.location.bytes.upperBound <= length)
            #expect(JSONDocument.parse(bytes: prefix).diagnostics == diagnostics)
        }
    }

    @Test(arguments: 0..<8)
    func agreesWithFoundationOnMutatedEnvelopes(_ batch: Int) throws {
        let original = try Self.envelope.bytes()
        var random = SplitMix(seed: UInt64(1000 + batch))
        for _ in 0..<250 {
            var bytes = original
            for _ in 0...(random.next() % 3) {
                let position = Int(random.next() % UInt64(bytes.count))
                let byte = Self.alphabet[Int(random.next() % UInt64(Self.alphabet.count))]
                switch random.next() % 3 {
                case 0: bytes[position] = byte
                case 1: bytes.insert(byte, at: position)
                default: bytes.remove(at: position)
                }
            }
            let parsedValue = JSONValue.parse(bytes: bytes)
            let (value, diagnostics) = (parsedValue.value, parsedValue.diagnostics)
            let ours = value != nil && !diagnostics.containsErrors
            let theirs = (try? JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])) != nil
            let text = String(decoding: bytes, as: UTF8.self)
            // Foundation reads \u escapes of lone surrogates as errors; this reader warns.
            if !text.contains("\\u") {
                #expect(ours == theirs, "\(diagnostics) for \(text.prefix(300))")
            }
            if let value, ours {
                #expect(try JSONValue(parsing: value.serialized()) == value)
            }
            let document = JSONDocument.parse(bytes: bytes)
            #expect(document.diagnostics == diagnostics)
            #expect(document.value?.value == value)
        }
    }
}
