import SDPLintDiagnostics
import SDPLintSignaling
import Testing

@Suite struct HTTPParserTests {
    func parse(_ text: String, options: HTTPParseOptions = .default) -> ([ParsedHTTPMessage], [Diagnostic]) {
        let (messages, diagnostics) = HTTPMessage.parseAll(Array(text.utf8), options: options)
        return (messages, diagnostics)
    }

    @Test func readsRequestsAndResponsesFramedByContentLength() {
        let (messages, diagnostics) = parse(
            """
            POST /whip HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\n\r\nv=0HTTP/1.1 201 Created\r\nLocation: \
            /s\r\nContent-Length: 2\r\n\r\nokDELETE /s HTTP/1.1\r\n\r\n
            """
        )
        #expect(diagnostics.isEmpty)
        #expect(messages.map(\.message.method) == ["POST", nil, "DELETE"])
        #expect(messages[0].message.body == Array("v=0".utf8))
        #expect(messages[1].message.statusCode == 201)
        #expect(messages[1].message["location"] == "/s")
        #expect(messages[1].location.line == 5)  // the body "v=0" has no line ending
    }

    @Test func writesWhatItReads() {
        let message = HTTPMessage.request(
            "PATCH", "/s", fields: [HTTPField("If-Match", "\"x\""), HTTPField("Content-Length", "2")],
            body: Array("ab".utf8))
        let (parsed, diagnostics) = HTTPMessage.parseAll(message.serialized())
        #expect(diagnostics.isEmpty)
        #expect(parsed.map(\.message) == [message])
    }

    @Test func decodesChunkedBodies() {
        let (messages, diagnostics) = parse(
            """
            HTTP/1.1 201 Created\r\nTransfer-Encoding: \
            chunked\r\n\r\n3;ext=1\r\nv=0\r\n2\r\n\r\n\r\n0\r\nX-Trailer: 1\r\n\r\nDELETE /s HTTP/1.1\r\n\r\n
            """
        )
        #expect(diagnostics.isEmpty)
        #expect(messages.first?.message.body == Array("v=0\r\n".utf8))
        #expect(messages.count == 2)
    }

    @Test(arguments: [
        ("POST  /whip HTTP/1.1\r\n\r\n", "SIG300"),
        ("POST /whip HTTP/2.0\r\n\r\n", "SIG300"),
        ("HTTP/1.1 2x1 Created\r\n\r\n", "SIG300"),
        ("POST /whip HTTP/1.1\r\nX: a\r\n\tb\r\n\r\n", "SIG301"),
        ("POST /whip HTTP/1.1\r\nNo colon here\r\n\r\n", "SIG302"),
        ("POST /whip HTTP/1.1\r\nBad[Name]: x\r\n\r\n", "SIG302"),
        ("POST /whip HTTP/1.1\r\nContent-Length: -1\r\n\r\n", "SIG303"),
        ("POST /whip HTTP/1.1\r\nContent-Length: 99999999999999999999\r\n\r\n", "SIG303"),
        ("POST /whip HTTP/1.1\r\nHost: a", "SIG304"),
        ("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", "SIG306"),
        ("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nabcdeXX0\r\n\r\n", "SIG306"),
        ("POST /whip HTTP/1.1\nHost: a\n\n", "SIG307"),
        ("POST /whip HTTP/1.1\r\nETag: a\u{0}b\r\n\r\n", "SIG308"),
        ("HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip\r\n\r\n", "SIG309"),
        ("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n0\r\n\r\n", "SIG309"),
    ])
    func reportsFramingErrors(_ text: String, _ code: String) {
        let (_, diagnostics) = parse(text)
        #expect(diagnostics.contains { $0.code.rawValue == code }, "\(diagnostics)")
    }

    @Test func bareLFIsAnErrorInStrictMode() {
        let (_, diagnostics) = parse("DELETE /s HTTP/1.1\n\n", options: HTTPParseOptions(strict: true))
        #expect(diagnostics.first { $0.code.rawValue == "SIG307" }?.severity == .error)
    }

    @Test func detectsHTTPStartLines() {
        #expect(HTTPMessage.looksLikeHTTP(Array("\r\nPOST /whip HTTP/1.1\r\n".utf8)))
        #expect(HTTPMessage.looksLikeHTTP(Array("HTTP/1.1 204 No Content\r\n".utf8)))
        #expect(!HTTPMessage.looksLikeHTTP(Array("INVITE sip:a@b SIP/2.0\r\n".utf8)))
        #expect(!HTTPMessage.looksLikeHTTP(Array("v=0\r\n".utf8)))
    }

    /// Every byte value as the first byte of a field name: tokens are read, the rest refused.
    @Test func fieldNameByteSweep() {
        for byte in UInt8(0)...UInt8(255)
        where byte != UInt8(ascii: "\r") && byte != UInt8(ascii: "\n") && byte != UInt8(ascii: ":") {
            var bytes = Array("POST /s HTTP/1.1\r\n".utf8)
            bytes.append(byte)
            bytes += Array("x: 1\r\n\r\n".utf8)
            let (messages, diagnostics) = HTTPMessage.parseAll(bytes)
            let isToken =
                (byte >= 0x30 && byte <= 0x39) || ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A)
                || Array("!#$%&'*+-.^_`|~".utf8).contains(byte)
            #expect(messages.count == 1)
            #expect((messages.first?.message.fields.count == 1) == isToken, "byte \(byte)")
            #expect(diagnostics.isEmpty == isToken, "byte \(byte): \(diagnostics)")
        }
    }
}
