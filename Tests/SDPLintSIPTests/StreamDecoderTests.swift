import SDPLintDiagnostics
import SDPLintSIP
import SDPLintTestSupport
import Testing

/// Every captured message, concatenated as they would travel on one connection.
private let corpusMessages: [[UInt8]] = Fixture.capturedSIP.compactMap { try? $0.bytes() }
private let corpusStream: [UInt8] = corpusMessages.flatMap { $0 }

/// Feeds `stream` to a decoder `chunkSize` bytes at a time and returns what came out.
private func decode(
    _ stream: [UInt8], chunkSize: Int, options: SIPParseOptions = .lenient
) -> (results: [SIPParseResult], decoder: SIPStreamDecoder) {
    var decoder = SIPStreamDecoder(options: options)
    var results: [SIPParseResult] = []
    var offset = 0
    while offset < stream.count {
        let end = min(stream.count, offset + chunkSize)
        results += decoder.decode(stream[offset..<end])
        offset = end
    }
    results += decoder.finish()
    return (results, decoder)
}

/// The chunk sizes 1…N, N the length of the whole stream, cut into groups that run in parallel.
private let chunkSizeGroups: [ClosedRange<Int>] = {
    let total = corpusStream.count
    let groups = 16
    let step = (total + groups - 1) / groups
    return stride(from: 1, through: total, by: step).map { $0...min(total, $0 + step - 1) }
}()

@Suite struct StreamDecoderTests {
    @Test(arguments: chunkSizeGroups)
    func everyChunkSizeGivesTheSameMessages(_ sizes: ClosedRange<Int>) {
        for size in sizes {
            let (results, decoder) = decode(corpusStream, chunkSize: size, options: SIPParseOptions(checksBody: false))
            guard results.count == corpusMessages.count else {
                Issue.record("chunk size \(size): \(results.count) messages, expected \(corpusMessages.count)")
                return
            }
            for (result, expected) in zip(results, corpusMessages) where result.message.serialized() != expected {
                Issue.record("chunk size \(size): message at \(result.streamOffset) differs")
                return
            }
            #expect(decoder.diagnostics.isEmpty)
            #expect(decoder.bufferedByteCount == 0)
        }
    }
}

/// A Content-Length that cannot be read (RFC 5359 prints "Content-Length: ..." throughout):
/// the body runs to the next line that starts a message, so neither the body nor the next
/// message is lost, and a message/sipfrag body's own status line (RFC 3420 §2) starts no message.
@Suite struct UnreadableContentLengthTests {
    static func message(_ startLine: String, contentType: String, body: String) -> String {
        "\(startLine)\r\nVia: SIP/2.0/TCP h.example.com;branch=z9hG4bK\(body.count)\r\nMax-Forwards: 70\r\n"
            + "To: <sip:b@example.com>;tag=2\r\nFrom: <sip:a@example.com>;tag=1\r\nCall-ID: c1\r\n"
            + "CSeq: 2 \(startLine.prefix { $0 != " " })\r\nEvent: refer\r\nContent-Type: \(contentType)\r\nContent-Length: ...\r\n\r\n"
            + body
    }

    @Test(arguments: [1, 7, 4096])
    func theBodyRunsToTheNextMessage(chunkSize: Int) {
        let sdp = "v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nc=IN IP4 192.0.2.1\r\nt=0 0\r\nm=audio 9 RTP/AVP 0\r\n"
        let stream =
            Self.message(
                "NOTIFY sip:a@example.com SIP/2.0", contentType: "message/sipfrag", body: "SIP/2.0 100 Trying\r\n")
            + "\r\n"
            + Self.message("INVITE sip:b@example.com SIP/2.0", contentType: "application/sdp", body: sdp)
            + Self.message(
                "NOTIFY sip:a@example.com SIP/2.0", contentType: "message/sipfrag", body: "SIP/2.0 200 OK\r\n")
        let (results, decoder) = decode(Array(stream.utf8), chunkSize: chunkSize)
        #expect(
            results.map { $0.message.requestLine?.method.rawValue ?? "response" } == ["NOTIFY", "INVITE", "NOTIFY"])
        #expect(
            results.map { String(decoding: $0.message.body, as: UTF8.self) } == [
                "SIP/2.0 100 Trying\r\n", sdp, "SIP/2.0 200 OK\r\n",
            ])
        #expect(decoder.diagnostics.isEmpty, "nothing skipped")
        #expect(results.map { $0.parsed.diagnostics.map(\.code.rawValue) } == [["SIP302"], ["SIP302"], ["SIP302"]])
    }

    /// Among many messages, cut into reads of every size around the 4 KiB at which the decoder
    /// drops consumed bytes: the body still ends at the next message, and none after it is lost.
    @Test(arguments: [1, 13, 333, 1000, 2350, 4096])
    func theMessagesAroundAnUnframedBodyAreKeptInEveryRead(chunkSize: Int) {
        let ping =
            "OPTIONS sip:b@example.com SIP/2.0\r\nVia: SIP/2.0/TCP h.example.com;branch=z9hG4bKp\r\n"
            + "Max-Forwards: 70\r\nTo: <sip:b@example.com>\r\nFrom: <sip:a@example.com>;tag=1\r\nCall-ID: p\r\n"
            + "CSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n"
        let body = String(repeating: "a=x-filler:0123456789\r\n", count: 5)
        let stream =
            String(repeating: ping, count: 20)
            + Self.message("NOTIFY sip:a@example.com SIP/2.0", contentType: "text/plain", body: body)
            + String(repeating: ping, count: 20)
        let (results, _) = decode(Array(stream.utf8), chunkSize: chunkSize)
        #expect(results.count == 41)
        #expect(results.dropFirst(20).first.map { String(decoding: $0.message.body, as: UTF8.self) } == body)
        #expect(results.last?.message.requestLine?.method.rawValue == "OPTIONS")
    }
}

/// RFC 3261 §20.14: Content-Length is required on stream transports. A message read alone says
/// its transport in its top Via (RFC 4028 §13's TLS messages have none); a Content-Length line
/// that cannot be read (RFC 5359's "Content Length") is that line's finding only.
@Suite struct ContentLengthTransportTests {
    static func message(via transport: String, contentLength: String?) -> [UInt8] {
        Array(
            ("OPTIONS sip:b@example.com SIP/2.0\r\nVia: SIP/2.0/\(transport) h.example.com;branch=z9hG4bK1\r\n"
                + "Max-Forwards: 70\r\nTo: <sip:b@example.com>\r\nFrom: <sip:a@example.com>;tag=1\r\nCall-ID: c1\r\n"
                + "CSeq: 1 OPTIONS\r\n" + (contentLength.map { "\($0)\r\n" } ?? "") + "\r\n").utf8)
    }

    @Test(arguments: [
        ("TLS", nil, ["SIP301"]), ("TCP", nil, ["SIP301"]), ("UDP", nil, []), ("WSS", nil, []),
        ("TLS", "Content-Length: 0", []), ("TLS", "Content Length: 0", ["SIP106"]),
    ])
    func aStreamTransportNeedsContentLength(transport: String, line: String?, codes: [String]) {
        let result = SIPMessage.parse(bytes: Self.message(via: transport, contentLength: line), framing: .datagram)
        #expect(result.diagnostics.map(\.code.rawValue) == codes)
    }
}
