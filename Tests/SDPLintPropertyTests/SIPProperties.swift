import PropertyBased
import SDPLintDiagnostics
import SDPLintSIP
import Testing

/// Messages drawn from the RFC 3261 grammar read without errors, print back byte for byte, and
/// come out of a stream whole however the stream is cut.
@Suite struct SIPProperties {
    @Test func grammaticalMessagesParseAndPrintBack() async {
        await propertyCheck(count: iterations, input: SIPGrammar.messages) { bytes in
            let text = String(decoding: bytes, as: UTF8.self)
            for framing in [SIPFraming.datagram, .stream] {
                let result = SIPMessage.parse(bytes: bytes, framing: framing)
                #expect(result.diagnostics.filter { $0.severity == .error } == [], "\(text)")
                #expect(result.value.serialized() == bytes)
            }
        }
    }

    static let streams = Generator<([[UInt8]], [Int]), Shrink.None<([[UInt8]], [Int])>> { rng in
        let messages = (0..<Int.random(in: 1...5, using: &rng)).map { _ in SIPGrammar.message(using: &rng) }
        let total = messages.reduce(0) { $0 + $1.count + 4 }
        let cuts = (0..<Int.random(in: 0...12, using: &rng)).map { _ in Int.random(in: 0...total, using: &rng) }
        return (messages, cuts.sorted())
    }

    /// RFC 3261 §18.3: Content-Length frames each message of a stream; CRLF keep-alives
    /// between messages (RFC 5626 §3.5.1) are skipped.
    @Test func aStreamCutAnywhereGivesItsMessages() async {
        await propertyCheck(count: iterations, input: Self.streams) { messages, cuts in
            var stream: [UInt8] = []
            for message in messages {
                stream += message
                if cuts.count % 2 == 1 { stream += Array("\r\n\r\n".utf8) }
            }
            var decoder = SIPStreamDecoder()
            var results: [SIPParseResult] = []
            var start = 0
            for cut in cuts + [stream.count] where cut >= start {
                let end = min(cut, stream.count)
                results += decoder.decode(stream[start..<end])
                start = end
            }
            results += decoder.finish()
            #expect(results.map { $0.message.serialized() } == messages)
            #expect(results.allSatisfy { !$0.hasErrors })
            #expect(decoder.diagnostics == [])
        }
    }
}
