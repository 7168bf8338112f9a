import Foundation
import SDPLintDiagnostics
import SDPLintSignaling
import Testing

/// Hostile input gives findings with a location, in bounded time, and never traps.
@Suite struct HostileInputTests {
    func read(_ bytes: [UInt8], format: SignalingFormat? = nil) -> (Int, [Diagnostic], Duration) {
        let clock = ContinuousClock()
        var result: (messages: [Located<SignalingMessage>], diagnostics: [Diagnostic]) = ([], [])
        let elapsed = clock.measure { result = Signaling.read(bytes, format: format) }
        return (result.messages.count, result.diagnostics, elapsed)
    }

    @Test func truncatedInputsOfEveryFormat() throws {
        let samples = [
            #"{"type":"offer","sdp":"v=0\r\no=- 1 1 IN IP4 0.0.0.0\r\ns=-\r\nt=0 0\r\n"}"#,
            "POST /whip HTTP/1.1\r\nContent-Type: application/sdp\r\nContent-Length: 10\r\n\r\nv=0\r\ns=-\r\n",
            """
            INVITE sip:bob@192.0.2.2 SIP/2.0\r\nCall-ID: a\r\nCSeq: 1 INVITE\r\nContent-Type: \
            application/sdp\r\nContent-Length: 5\r\n\r\nv=0\r\n
            """,
        ]
        for sample in samples {
            let bytes = Array(sample.utf8)
            for cut in 1..<bytes.count {
                let (_, diagnostics, _) = read(Array(bytes[0..<cut]))
                for diagnostic in diagnostics {
                    #expect(
                        diagnostic.location.line >= 1 && diagnostic.location.bytes.upperBound <= cut + 1,
                        "\(diagnostic)")
                }
            }
        }
    }

    @Test func hugeContentLengthIsRefusedAtItsLimit() {
        let (_, diagnostics, elapsed) = read(
            Array("POST /whip HTTP/1.1\r\nContent-Length: 999999999999\r\n\r\nv=0".utf8))
        #expect(diagnostics.contains { $0.code.rawValue == "SIG305" })
        #expect(elapsed < .seconds(1))
    }

    @Test func oneMegabyteHeaderStopsAtTheHeaderLimit() {
        let bytes =
            Array("POST /whip HTTP/1.1\r\nX-Big: ".utf8) + Array(repeating: UInt8(ascii: "a"), count: 1 << 20)
            + Array("\r\n\r\n".utf8)
        let (_, diagnostics, elapsed) = read(bytes)
        let limit = diagnostics.first { $0.code.rawValue == "SIG305" }
        #expect(limit?.location.line == 1)
        #expect(elapsed < .seconds(2))
    }

    @Test func hundredThousandHeadersStopAtTheFieldLimit() {
        var text = "POST /whip HTTP/1.1\r\n"
        for index in 0..<100_000 { text += "X-\(index): 1\r\n" }
        text += "\r\n"
        let (_, diagnostics, elapsed) = read(Array(text.utf8))
        #expect(diagnostics.contains { $0.code.rawValue == "SIG305" })
        #expect(diagnostics.count < 10)
        #expect(elapsed < .seconds(3))
    }

    @Test func nulBytesAreReportedWhereTheyAre() {
        let (_, diagnostics, _) = read(Array("POST /whip HTTP/1.1\r\nHost: a\u{0}b\r\n\r\n".utf8))
        #expect(
            diagnostics.contains { $0.code.rawValue == "SIG308" && $0.location.line == 2 && $0.location.column == 8 })
        let (_, jsonFindings, _) = read(Array("{\"type\":\"offer\",\"sdp\":\"v=0\u{0}\"}".utf8))
        #expect(jsonFindings.contains { $0.location.line == 1 })
    }

    @Test func binaryBodiesAreReadWithoutTrapping() {
        var generator = SystemRandomNumberGenerator()
        let body = (0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let bytes =
            Array("POST /whip HTTP/1.1\r\nContent-Type: application/sdp\r\nContent-Length: 4096\r\n\r\n".utf8) + body
        let (_, diagnostics, elapsed) = read(bytes)
        #expect(!diagnostics.isEmpty)
        #expect(elapsed < .seconds(2))
        let (_, fragmentFindings, _) = read(
            Array(
                """
                PATCH /s HTTP/1.1\r\nIf-Match: *\r\nContent-Type: \
                application/trickle-ice-sdpfrag\r\nContent-Length: 4096\r\n\r\n
                """
                .utf8) + body)
        #expect(fragmentFindings.allSatisfy { $0.location.line >= 1 })
    }

    @Test(arguments: [
        #"{"type":1,"sdp":"v=0"}"#, #"{"type":"offer","sdp":5}"#, #"{"candidate":true,"sdpMid":"0"}"#,
        #"{"candidate":"candidate:1 1 udp 1 192.0.2.1 9 typ host","sdpMid":0}"#,
        #"{"type":"candidate","candidate":[]}"#,
        #"[1,"a",null]"#, #"{"ice":"x"}"#, #"{"version":"1","type":"offer"}"#,
        #"{"version":1,"type":"candidate","sdpMLineIndex":1e3}"#,
    ])
    func wrongJSONTypesNameTheirPath(_ text: String) {
        let (count, diagnostics, _) = read(Array(text.utf8))
        #expect(count == 0 || !diagnostics.isEmpty)
        #expect(diagnostics.contains { $0.severity == .error }, "\(diagnostics)")
        #expect(diagnostics.allSatisfy { $0.location.line == 1 && $0.location.column >= 1 })
    }

    @Test func tenThousandNestingLevelsHitTheDepthLimit() {
        let text = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        let (count, diagnostics, elapsed) = read(Array(text.utf8))
        #expect(count == 0)
        #expect(diagnostics.contains { $0.code.rawValue == "JSON203" })
        #expect(elapsed < .seconds(1))
        let nested =
            #"{"type":"offer","sdp":"v=0","to":"# + String(repeating: "{\"a\":", count: 10_000) + "1"
            + String(repeating: "}", count: 10_000) + "}"
        #expect(read(Array(nested.utf8)).1.contains { $0.code.rawValue == "JSON203" })
    }

    @Test func manyMessagesStayLinear() {
        let line =
            #"{"type":"candidate","candidate":{"candidate":"candidate:1 1 udp 2122260223 192.0.2.1 9 typ host","sdpMid":"0"}}"#
            + "\n"
        let (count, _, elapsed) = read(Array(String(repeating: line, count: 20_000).utf8))
        #expect(count == 20_000)
        #expect(elapsed < .seconds(10))
    }

    @Test func unknownAndEmptyInputSaySo() {
        #expect(read([]).1.map(\.code.rawValue) == ["SIG501"])
        #expect(read(Array(" \r\n".utf8)).1.map(\.code.rawValue) == ["SIG501"])
        #expect(read(Array("hello".utf8)).1.map(\.code.rawValue) == ["SIG500"])
        #expect(read([0, 1, 2, 255]).1.map(\.code.rawValue) == ["SIG500"])
    }
}
