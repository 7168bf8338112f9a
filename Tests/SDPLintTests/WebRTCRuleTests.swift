import Foundation
import SDPLint
import SDPLintDiagnostics
import SDPLintInput
import SDPLintReporting
import SDPLintSDP
import SDPLintTestSupport
import SDPLintWebRTC
import Testing

/// Each WebRTC rule fires on a description made to break it, and not on the clean one.
@Suite struct WebRTCRuleTests {
    /// A minimal, clean Unified Plan offer: audio, video, a data channel, bundled.
    static let clean = """
        v=0
        o=- 1 1 IN IP4 127.0.0.1
        s=-
        t=0 0
        a=group:BUNDLE 0 1 2
        a=msid-semantic: WMS s
        m=audio 9 UDP/TLS/RTP/SAVPF 111
        c=IN IP4 0.0.0.0
        a=ice-ufrag:abcd
        a=ice-pwd:abcdefghijklmnopqrstuvwx
        a=fingerprint:sha-256 8E:B8:A1:54:88:B0:2D:F5:C5:BA:3A:FA:D6:87:66:C0:91:9F:7D:6B:31:D6:4F:0A:9B:CA:1F:70:A1:8B:C2:9D
        a=setup:actpass
        a=mid:0
        a=sendrecv
        a=msid:s a
        a=rtcp-mux
        a=rtpmap:111 opus/48000/2
        a=ssrc:1 cname:x
        m=video 9 UDP/TLS/RTP/SAVPF 96 97
        c=IN IP4 0.0.0.0
        a=ice-ufrag:abcd
        a=ice-pwd:abcdefghijklmnopqrstuvwx
        a=fingerprint:sha-256 8E:B8:A1:54:88:B0:2D:F5:C5:BA:3A:FA:D6:87:66:C0:91:9F:7D:6B:31:D6:4F:0A:9B:CA:1F:70:A1:8B:C2:9D
        a=setup:actpass
        a=mid:1
        a=sendrecv
        a=msid:s v
        a=rtcp-mux
        a=rtpmap:96 VP8/90000
        a=rtpmap:97 rtx/90000
        a=fmtp:97 apt=96
        a=ssrc:2 cname:x
        a=candidate:1 1 udp 2122260223 192.0.2.1 50000 typ host ufrag abcd
        a=candidate:2 1 udp 1686052607 198.51.100.1 50000 typ srflx raddr 192.0.2.1 rport 50000
        a=candidate:3 1 udp 41885439 203.0.113.1 3478 typ relay raddr 198.51.100.1 rport 50000
        m=application 9 UDP/DTLS/SCTP webrtc-datachannel
        c=IN IP4 0.0.0.0
        a=ice-ufrag:abcd
        a=ice-pwd:abcdefghijklmnopqrstuvwx
        a=fingerprint:sha-256 8E:B8:A1:54:88:B0:2D:F5:C5:BA:3A:FA:D6:87:66:C0:91:9F:7D:6B:31:D6:4F:0A:9B:CA:1F:70:A1:8B:C2:9D
        a=setup:actpass
        a=mid:2
        a=sctp-port:5000
        a=max-message-size:262144

        """

    func lint(_ text: String, type: SDPType? = .offer) -> [Diagnostic] {
        var configuration = LintConfiguration()
        configuration.type = type
        let crlf = text.replacingOccurrences(of: "\n", with: "\r\n")
        return Linter.checkDescription(Array(crlf.utf8), path: "test.sdp", configuration: configuration).diagnostics
    }

    @Test func theCleanOfferHasNoFindings() {
        #expect(lint(Self.clean).isEmpty, "\(lint(Self.clean))")
        #expect(lint(Self.clean, type: nil).isEmpty)
    }

    /// (rule, replacements to make in the clean offer, the line the finding points at, the type)
    static let cases: [(String, [(String, String)], Int, SDPType?)] = [
        (
            "WEB101",
            [
                (
                    """
                    a=ice-ufrag:abcd\na=ice-pwd:abcdefghijklmnopqrstuvwx\na=fingerprint:sha-256 \
                    8E:B8:A1:54:88:B0:2D:F5:C5:BA:3A:FA:D6:87:66:C0:91:9F:7D:6B:31:D6:4F:0A:9B:CA:1F:70:A1:8B:C2:9D\na=setup:actpass\na=mid:2
                    """,
                    """
                    a=fingerprint:sha-256 \
                    8E:B8:A1:54:88:B0:2D:F5:C5:BA:3A:FA:D6:87:66:C0:91:9F:7D:6B:31:D6:4F:0A:9B:CA:1F:70:A1:8B:C2:9D\na=setup:actpass\na=mid:2
                    """
                ),
                // At a port of its own, the section has its own transport (RFC 9143 §7.2.1).
                ("m=application 9 ", "m=application 50002 "),
            ], 36, .offer
        ),
        (
            "WEB102",
            [
                (
                    """
                    a=fingerprint:sha-256 \
                    8E:B8:A1:54:88:B0:2D:F5:C5:BA:3A:FA:D6:87:66:C0:91:9F:7D:6B:31:D6:4F:0A:9B:CA:1F:70:A1:8B:C2:9D\na=setup:actpass\na=mid:0
                    """,
                    "a=setup:actpass\na=mid:0"
                )
            ], 7, .offer
        ),
        ("WEB103", [("a=setup:actpass\na=mid:1", "a=mid:1"), ("m=video 9 ", "m=video 50001 ")], 19, .offer),
        ("WEB104", [("a=setup:actpass\na=mid:1", "a=setup:active\na=mid:1")], 24, .offer),
        ("WEB105", [], 12, .answer),
        ("WEB106", [("a=mid:1\n", "")], 19, .offer),
        ("WEB107", [("a=ssrc:2 cname:x", "a=ssrc:1 cname:x")], 32, .offer),
        ("WEB108", [("a=rtcp-mux\na=rtpmap:111", "a=rtcp-mux-only\na=rtpmap:111")], 16, .offer),
        ("WEB109", [("a=msid:s v", "a=msid:t v")], 27, .offer),
        (
            "WEB110",
            [
                ("SAVPF 96 97\n", "SAVPF 96 72\n"),
                ("a=rtpmap:97 rtx/90000\na=fmtp:97", "a=rtpmap:72 rtx/90000\na=fmtp:72"),
            ], 30, .offer
        ),
        ("WEB111", [("SAVPF 111\n", "SAVPF 63\n"), ("a=rtpmap:111", "a=rtpmap:63")], 17, .offer),
        ("WEB112", [("a=msid:s v\n", "a=msid:s v\na=msid:s w\n")], 28, .offer),
        ("WEB113", [("a=msid:s a\na=rtcp-mux", "a=msid:s a")], 7, .offer),
        (
            "WEB114",
            [("a=mid:2\n", "a=mid:data-channel-number-two\n"), ("BUNDLE 0 1 2", "BUNDLE 0 1 data-channel-number-two")],
            42, .offer
        ),
        ("WEB116", [("m=application 9 UDP", "m=application 0 UDP")], 36, .offer),
        (
            "WEB117",
            [
                ("a=rtcp-mux\na=rtpmap:96", "a=rtcp-mux\na=rtcp-mux-only\na=rtpmap:96"),
                ("a=candidate:2 1 udp", "a=candidate:2 2 udp"),
            ], 35, .offer
        ),
        ("WEB118", [("a=max-message-size:262144\n", "")], 36, .offer),
        (
            "WEB119",
            [
                (
                    """
                    a=fingerprint:sha-256 \
                    8E:B8:A1:54:88:B0:2D:F5:C5:BA:3A:FA:D6:87:66:C0:91:9F:7D:6B:31:D6:4F:0A:9B:CA:1F:70:A1:8B:C2:9D\na=setup:actpass\na=mid:0
                    """,
                    """
                    a=fingerprint:sha-1 \
                    8E:B8:A1:54:88:B0:2D:F5:C5:BA:3A:FA:D6:87:66:C0:91:9F:7D:6B\na=setup:actpass\na=mid:0
                    """
                )
            ], 11, .offer
        ),
        ("WEB120", [("typ host ufrag abcd", "typ host ufrag wxyz")], 33, .offer),
        (
            "WEB121",
            [("a=candidate:3 1 udp 41885439 203.0.113.1 3478", "a=candidate:3 1 udp 41885439 192.0.2.1 50000")], 35,
            .offer
        ),
        (
            "WEB122",
            [
                (
                    """
                    typ srflx raddr 192.0.2.1 rport 50000\na=candidate:3 1 udp 41885439 203.0.113.1 3478 typ relay \
                    raddr 198.51.100.1 rport 50000
                    """,
                    "typ host\na=candidate:3 1 udp 2122260222 203.0.113.1 3478 typ host"
                )
            ], 33, .offer
        ),
        (
            "WEB123", [("typ relay raddr 198.51.100.1 rport 50000", "typ srflx raddr 198.51.100.1 rport 50000")], 33,
            .offer
        ),
        (
            "WEB124",
            [
                (
                    """
                    a=candidate:1 1 udp 2122260223 192.0.2.1 50000 typ host ufrag abcd\na=candidate:2 1 udp \
                    1686052607 198.51.100.1 50000 typ srflx raddr 192.0.2.1 rport 50000\na=candidate:3 1 udp \
                    41885439 203.0.113.1 3478 typ relay raddr 198.51.100.1 rport 50000
                    """,
                    "a=candidate:1 1 tcp 1518280447 192.0.2.1 9 typ host tcptype active"
                )
            ], 19, .offer
        ),
        ("WEB125", [("a=candidate:2 1 udp", "a=candidate:2 2 udp")], 34, .answer),
        (
            "WEB126",
            [
                (
                    """
                    a=candidate:1 1 udp 2122260223 192.0.2.1 50000 typ host ufrag abcd\na=candidate:2 1 udp \
                    1686052607 198.51.100.1 50000 typ srflx raddr 192.0.2.1 rport 50000\na=candidate:3 1 udp \
                    41885439 203.0.113.1 3478 typ relay raddr 198.51.100.1 rport 50000
                    """,
                    """
                    a=candidate:1 1 udp 2122260223 127.0.0.1 50000 typ host ufrag abcd\na=candidate:2 1 udp \
                    2122194687 fe80::1 50001 typ host
                    """
                )
            ], 33, .offer
        ),
        (
            "WEB127",
            [
                (
                    """
                    a=candidate:1 1 udp 2122260223 192.0.2.1 50000 typ host ufrag abcd\na=candidate:2 1 udp \
                    1686052607 198.51.100.1 50000 typ srflx raddr 192.0.2.1 rport 50000\na=candidate:3 1 udp \
                    41885439 203.0.113.1 3478 typ relay raddr 198.51.100.1 rport 50000
                    """,
                    """
                    a=candidate:1 1 udp 2122260223 4f0c3a7e-0d4a-4c57-9a51-1a2b3c4d5e6f.local 50000 typ host ufrag \
                    abcd
                    """
                )
            ], 33, .offer
        ),
    ]

    @Test(arguments: cases.indices)
    func ruleFiresWhereTheOfferBreaksIt(_ index: Int) {
        let (code, replacements, line, type) = Self.cases[index]
        var text = Self.clean
        for (target, replacement) in replacements {
            #expect(text.contains(target), "\(code): the offer must contain the text to replace")
            text = text.replacingOccurrences(of: target, with: replacement)
        }
        let diagnostics = lint(text, type: type)
        let matching = diagnostics.filter { $0.code.rawValue == code }
        #expect(!matching.isEmpty, "\(code) did not fire; found \(diagnostics.map(\.description))")
        #expect(
            matching.first?.location.line == line,
            "\(code) points at \(matching.first.map { "\($0.location)" } ?? "nothing")")
        #expect(WebRTCRules.all.contains { $0.code.rawValue == code })
    }

    @Test func everyWebRTCRuleHasACase() {
        #expect(Set(Self.cases.map(\.0)) == Set(WebRTCRules.all.map(\.code.rawValue)))
    }

    @Test func sipDTLSWithoutICEIsNotAWebRTCError() throws {
        let baresip = try Fixture(path: "corpus/baresip/dtls-srtp.01-request-invite.body.sdp").bytes()
        let file = Linter.checkDescription(baresip, path: "x", configuration: LintConfiguration())
        #expect(!file.diagnostics.contains { $0.code.rawValue == "WEB101" })
    }

    @Test func bundleOnlySectionsNeedNoTransportAttributes() throws {
        let firefox = try Fixture(path: "corpus/firefox/gathered-max-bundle.offer.sdp").bytes()
        let file = Linter.checkDescription(firefox, path: "x", configuration: LintConfiguration())
        #expect(
            !file.diagnostics.contains { ["WEB101", "WEB102", "WEB103", "WEB116"].contains($0.code.rawValue) },
            "\(file.diagnostics)")
    }

    @Test func configurationDisablesAndRecolorsRules() throws {
        var configuration = LintConfiguration()
        try configuration.disable("host-candidates-only")
        try configuration.setSeverity("SDP300=error")
        try configuration.setSeverity("WEB111=off")
        let vp9 = try Fixture(path: "corpus/firefox/codec-vp9-only.offer.sdp").bytes()
        let file = Linter.checkDescription(vp9, path: "x", configuration: configuration)
        #expect(file.diagnostics.filter { $0.code.rawValue == "SDP300" }.allSatisfy { $0.severity == .error })
        #expect(!file.diagnostics.contains { $0.code.rawValue == "WEB111" || $0.code.rawValue == "WEB122" })
        #expect(throws: LintConfiguration.Problem.self) { try configuration.disable("SDP999") }
        #expect(throws: LintConfiguration.Problem.self) { try configuration.setSeverity("SDP300=fatal") }
    }
}
