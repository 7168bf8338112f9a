import SDPLintDiagnostics
import SDPLintICE
import SDPLintSDP
import Testing

@Suite struct SDPFragmentTests {
    let rfc8840Example =
        """
        a=ice-pwd:asd88fgpdd777uzjYhagZg\r\na=ice-ufrag:8hhY\r\nm=audio 9 RTP/AVP 0\r\na=mid:1\r\na=candidate:1 1 \
        UDP 1694498815 192.0.2.33 10000 typ host\r\na=end-of-candidates\r\n
        """

    @Test func parsesAndRoundTripsATrickleBody() throws {
        let (fragment, diagnostics) = SDPFragment.parsed(rfc8840Example)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(fragment.attributes.map(\.name) == [.icePwd, .iceUfrag])
        #expect(fragment.media.count == 1)
        #expect(fragment.media[0].mid == "1")
        #expect(fragment.media[0].candidates.first?.address.text == "192.0.2.33")
        #expect(fragment.media[0].has(.endOfCandidates))
        #expect(fragment.serialized() == rfc8840Example)
    }

    @Test func rejectsTheLinesOfAFullDescription() {
        let (fragment, diagnostics) = SDPFragment.parsed("v=0\r\na=ice-ufrag:8hhY\r\n")
        #expect(diagnostics.map(\.code.rawValue) == ["SDP107"])
        #expect(diagnostics.first?.location.line == 1)
        #expect(fragment.serialized() == "v=0\r\na=ice-ufrag:8hhY\r\n", "kept as an extra line")
    }

    /// A fragment's m= line only names its section, so its formats need no rtpmap; an rtpmap it
    /// carries is still checked on its own (RFC 8851 §8.3 prints one with OPUS/48000/1).
    @Test func checksTheRTPMapsItCarriesButNotTheFormats() {
        let (_, diagnostics) = SDPFragment.parsed(
            "m=audio 9 RTP/AVP 96 97\r\na=mid:0\r\na=rtpmap:96 OPUS/48000/1\r\n")
        #expect(diagnostics.map(\.code.rawValue) == ["SDP313"])
    }

    /// RFC 8840 §7: the answerer's INFO body names every mid of the session in its BUNDLE group
    /// but carries one pseudo m= line; the other mids are not unknown.
    @Test func aGroupMayNameSectionsTheFragmentDoesNotCarry() {
        let (_, diagnostics) = SDPFragment.parsed(
            "a=group:BUNDLE foo bar\r\nm=audio 9 RTP/AVP 0\r\na=mid:foo\r\na=ice-ufrag:8hhY\r\n"
                + "a=ice-pwd:asd88fgpdd777uzjYhagZg\r\n")
        #expect(!diagnostics.contains { $0.code.rawValue == "SDP309" })
    }

    @Test func checksTheCandidatesItCarries() {
        let (_, diagnostics) = SDPFragment.parsed(
            "m=audio 9 RTP/AVP 0\r\na=mid:0\r\na=candidate:1 1 UDP 1694498815 192.0.2.333 10000 typ host\r\n")
        #expect(diagnostics.contains { $0.code.rawValue == "ICE108" && $0.location.line == 3 })
    }

    @Test func buildsTheFragmentForOneSection() throws {
        let offer = try SessionDescription(
            parsing:
                """
                v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\nm=video 9 UDP/TLS/RTP/SAVPF 96\r\nc=IN IP4 \
                0.0.0.0\r\na=mid:v\r\na=rtpmap:96 VP8/90000\r\n
                """
        )
        let candidate = try Candidate(parsing: "candidate:1 1 udp 2122260223 192.0.2.1 50000 typ host")
        let fragment = SDPFragment(
            ufrag: "8hhY", password: "asd88fgpdd777uzjYhagZg", section: offer.media[0], mid: "v",
            candidates: [candidate], complete: true)
        #expect(
            fragment.serialized()
                == """
                a=ice-ufrag:8hhY\r\na=ice-pwd:asd88fgpdd777uzjYhagZg\r\nm=video 9 UDP/TLS/RTP/SAVPF \
                96\r\na=mid:v\r\na=candidate:1 1 udp 2122260223 192.0.2.1 50000 typ \
                host\r\na=end-of-candidates\r\n
                """
        )
        #expect(SDPFragment.parse(fragment.serialized()).diagnostics.isEmpty)
    }
}

extension SDPFragment {
    /// The value and the findings of a lenient parse, as the tests read them.
    fileprivate static func parsed(_ text: String) -> (SDPFragment, [Diagnostic]) {
        let result = parse(text)
        return (result.value, result.diagnostics)
    }
}
