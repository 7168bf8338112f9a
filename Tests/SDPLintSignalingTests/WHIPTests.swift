import SDPLintDiagnostics
import SDPLintICE
import SDPLintSDP
import SDPLintSignaling
import SDPLintTestSupport
import Testing

@Suite struct WHIPTests {
    func exchange(_ path: String) throws -> (WHIPSignaling.Exchange, [Diagnostic]) {
        let (exchange, diagnostics) = WHIPSignaling.read(try Fixture(path: path).bytes())
        return (exchange, diagnostics)
    }

    func kinds(_ messages: [Located<SignalingMessage>]) -> [String] {
        messages.map { message in
            switch message.value.content {
            case .description(let description): description.type.rawValue
            case .candidate: "candidate"
            case .endOfCandidates(let end): end.isForAllSections ? "end" : "end(\(end.sdpMid ?? ""))"
            case .hangUp: "hang-up"
            }
        }
    }

    @Test func whipExchangeMapsOntoOfferAnswerTrickleAndHangUp() throws {
        let (exchange, diagnostics) = try exchange("signaling/whip/whip-exchange.http")
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(kinds(exchange.messages) == ["offer", "answer", "candidate", "candidate", "end(0)", "hang-up"])
        #expect(Set(exchange.messages.map(\.value.session)) == ["https://whip.example.com/session/id"])
        #expect(exchange.messages.map(\.location.line) == [1, 26, 54, 54, 54, 69])
        guard case .candidate(let candidate) = exchange.messages[2].value.content else { return }
        #expect(candidate.sdpMid == "0")
        #expect(candidate.usernameFragment == "EsAw")
        #expect(candidate.candidate.hasPrefix("candidate:1387637174 1 udp"))
    }

    @Test func linkHeadersGiveTheICEServers() throws {
        let (exchange, _) = try exchange("signaling/whip/whip-exchange.http")
        let servers = exchange.iceServers.map(\.value)
        #expect(
            servers.map { $0.urls.map(\.description) } == [
                ["stun:stun.example.net"], ["turn:turn.example.net?transport=udp"],
                ["turn:turn.example.net?transport=tcp"],
            ])
        #expect(servers[1].username == "user")
        #expect(servers[1].credential == "myPassword")
        #expect(exchange.iceServers.map(\.location.line) == [30, 31, 32])
        #expect(exchange.iceServers.map(\.location.column) == [7, 7, 7])
    }

    @Test func whepExchangeMapsLikeWHIP() throws {
        let (exchange, diagnostics) = try exchange("signaling/whip/whep-exchange.http")
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(kinds(exchange.messages) == ["offer", "answer", "hang-up"])
        #expect(exchange.messages.first?.value.session == "https://whep.example.com/resource/id")
    }

    @Test func iceRestartGivesTheSessionsNewCandidatesAndReportsTheRefusedPatch() throws {
        let (exchange, diagnostics) = try exchange("signaling/whip/whip-ice-restart.http")
        #expect(
            kinds(exchange.messages) == [
                "offer", "answer", "candidate", "candidate", "end(0)", "candidate", "candidate", "end(0)",
            ])
        #expect(
            !diagnostics.contains { $0.code.rawValue == "SIG315" && $0.location.line < 60 },
            "the restart uses If-Match: *")
        #expect(diagnostics.contains { $0.code.rawValue == "SIG317" && $0.message.contains("412") })
    }

    @Test func chunkedAnswerIsDecoded() throws {
        let (exchange, diagnostics) = try exchange("signaling/whip/whip-chunked-answer.http")
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(kinds(exchange.messages) == ["offer", "answer"])
        #expect(exchange.messages.last?.value.session == "/session/7")
    }

    @Test(
        arguments: [
            ("HTTP/1.1 201 Created\r\nLocation: /s\r\nETag: \"e\"\r\nContent-Length: 0\r\n\r\n", "SIG312"),
            (
                """
                PATCH /s HTTP/1.1\r\nIf-Match: \"x\"\r\nContent-Type: \
                application/trickle-ice-sdpfrag\r\nContent-Length: 0\r\n\r\n
                """,
                nil
            ),
            (
                """
                HTTP/1.1 201 Created\r\nLocation: /s\r\nContent-Type: application/sdp\r\nContent-Length: \
                5\r\n\r\nv=0\r\n
                """,
                "SIG316"
            ),
            ("HTTP/1.1 422 Unprocessable Content\r\nContent-Length: 0\r\n\r\n", "SIG317"),
            (
                """
                POST /whip HTTP/1.1\r\nAuthorization: Token abc\r\nContent-Type: \
                application/sdp\r\nContent-Length: 5\r\n\r\nv=0\r\n
                """,
                "SIG318"
            ),
            ("OPTIONS /whip HTTP/1.1\r\n\r\n", "SIG319"),
            (
                """
                HTTP/1.1 201 Created\r\nLocation: /s\r\nETag: \"e\"\r\nLink: <https://example.net/x>; \
                rel=\"next\"\r\nContent-Type: application/sdp\r\nContent-Length: 5\r\n\r\nv=0\r\n
                """,
                "SIG403"
            ),
            (
                """
                HTTP/1.1 201 Created\r\nLocation: /s\r\nETag: \"e\"\r\nLink: <stun:stun.example.net>; \
                rel=\"ice-server\"; username=\"u\"; credential=\"p\"\r\nContent-Type: \
                application/sdp\r\nContent-Length: 5\r\n\r\nv=0\r\n
                """,
                "SIG405"
            ),
            (
                """
                HTTP/1.1 201 Created\r\nLocation: /s\r\nETag: \"e\"\r\nLink: <turns:t.example.net?transport=udp>; \
                rel=\"ice-server\"; username=\"u\"; credential=\"p\"\r\nContent-Type: \
                application/sdp\r\nContent-Length: 5\r\n\r\nv=0\r\n
                """,
                "ICE210"
            ),
            (
                """
                HTTP/1.1 201 Created\r\nLocation: /s\r\nETag: \"e\"\r\nLink: <stun:stun.example.net:99999>; \
                rel=\"ice-server\"\r\nContent-Type: application/sdp\r\nContent-Length: 5\r\n\r\nv=0\r\n
                """,
                "ICE134"
            ),
        ] as [(String, String?)])
    func reportsWhatTheSpecificationsRequire(_ text: String, _ code: String?) {
        let (_, diagnostics) = WHIPSignaling.read(Array(text.utf8))
        if let code {
            #expect(diagnostics.contains { $0.code.rawValue == code }, "\(diagnostics)")
        } else {
            #expect(!diagnostics.contains { $0.code.rawValue.hasPrefix("SIG3") }, "\(diagnostics)")
        }
    }

    @Test func restartWithAnEntityTagInsteadOfTheWildcardIsReported() {
        let offer =
            """
            v=0\r\no=- 1 1 IN IP4 0.0.0.0\r\ns=-\r\nt=0 \
            0\r\na=ice-ufrag:aaaa\r\na=ice-pwd:aaaaaaaaaaaaaaaaaaaaaaaa\r\nm=audio 9 RTP/AVP 0\r\na=mid:0\r\n
            """
        let fragment = "a=ice-ufrag:bbbb\r\na=ice-pwd:bbbbbbbbbbbbbbbbbbbbbbbb\r\nm=audio 9 RTP/AVP 0\r\na=mid:0\r\n"
        let text =
            "POST /w HTTP/1.1\r\nContent-Type: application/sdp\r\nContent-Length: \(offer.utf8.count)\r\n\r\n\(offer)"
                + """
                PATCH /s HTTP/1.1\r\nIf-Match: \"e\"\r\nContent-Type: \
                application/trickle-ice-sdpfrag\r\nContent-Length: \(fragment.utf8.count)\r\n\r\n\(fragment)
                """
        let (_, diagnostics) = WHIPSignaling.read(Array(text.utf8))
        #expect(diagnostics.contains { $0.code.rawValue == "SIG315" })
    }

    @Test func buildsTheExchangeWithTokenAndICEServers() throws {
        let (read, _) = Signaling.read(try Fixture(path: "signaling/json/exchange.ndjson").bytes())
        let turn = ICEServer(
            urls: [try ICEServerURL(parsing: "turn:turn.example.net?transport=udp")], username: "u", credential: "p\"q")
        let options = Signaling.WriteOptions(whip: .init(bearerToken: "t0k", iceServers: [turn]))
        let (text, _) = Signaling.write(read.map(\.value), as: .whip, options: options)
        let (exchange, diagnostics) = WHIPSignaling.read(Array(text.utf8))
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(exchange.iceServers.map(\.value) == [turn])
        #expect(exchange.http.first?.message["Authorization"] == "Bearer t0k")
        #expect(
            exchange.http.map { $0.message.method ?? String($0.message.statusCode ?? 0) } == [
                "POST", "201", "PATCH", "204", "PATCH", "204", "DELETE", "200",
            ])
    }
}
