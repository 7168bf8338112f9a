import SDPLintDiagnostics
import SDPLintSDP
import Testing

/// Behaviours fixed after review; each test fails if the fix is undone.
@Suite struct RegressionTests {
    let head = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n"

    /// RFC 4588 §8.7: retransmissions in a section of their own, tied to the original by FID
    /// (which a description of only that pair may leave out), repair a payload type of the other
    /// section; elsewhere apt= must name a format of its own m= line (SDP308).
    @Test func rtxMayRepairThePayloadTypeOfTheSectionItIsGroupedWith() {
        let original = "m=video 49174 RTP/AVPF 98\r\na=rtpmap:98 MP4V-ES/90000\r\n"
        let repair = "m=video 49176 RTP/AVPF 99\r\na=rtpmap:99 rtx/90000\r\na=fmtp:99 apt=98;rtx-time=3000\r\n"
        let audio = "m=audio 49170 RTP/AVPF 96\r\na=rtpmap:96 AMR/8000\r\n"
        func associations(_ text: String) -> [String] {
            SessionDescription.parse(head + "c=IN IP4 192.0.2.0\r\n" + text).diagnostics
                .filter { $0.code.rawValue == "SDP308" }.map(\.message)
        }
        #expect(associations(original + repair) == [])
        #expect(
            associations(
                "a=group:FID 1 2\r\n" + audio + "a=mid:3\r\n" + original + "a=mid:1\r\n" + repair + "a=mid:2\r\n")
                == [])
        // Three sections and no FID group, or a group that does not pair them: nothing to repair.
        #expect(
            associations(audio + original + repair) == [
                "RTX payload type 99 repairs payload type 98, which the m= line does not list"
            ])
        #expect(
            associations(
                "a=group:FID 3 2\r\n" + audio + "a=mid:3\r\n" + original + "a=mid:1\r\n" + repair + "a=mid:2\r\n"
            )
            .count == 1)
    }

    /// A mid a group line names again is reported at each repeat, whether the line is short
    /// (compared pair by pair) or long (through a set), and mids equal as text (é precomposed and
    /// decomposed) are the same mid.
    @Test(arguments: [
        (["a", "b", "a", "c", "b", "a"], [2, 4, 5]),
        (["\u{E9}", "e\u{301}"], [1]),
        ((0..<20).map { "m\($0)" } + ["m3", "m19", "m3"], [20, 21, 22]),
        ((0..<20).map { "m\($0)" } + ["\u{E9}", "e\u{301}"], [21]),
    ])
    func repeatedMidsInAGroupLine(_ mids: [String], _ repeats: [Int]) {
        let prefix = "a=group:BUNDLE "
        let findings = SessionDescription.parse(head + prefix + mids.joined(separator: " ") + "\r\n").diagnostics
            .filter { $0.code.rawValue == "SDP315" }
        let columns = repeats.map { index in
            prefix.utf8.count + mids[..<index].reduce(0) { $0 + $1.utf8.count + 1 } + 1
        }
        #expect(findings.map(\.location.column) == columns)
    }

    /// One line out of place is one finding (RFC 6465 §5 prints i= before o= and s=): the lines
    /// that come after it but belong before it are named in that finding, not reported again.
    /// Chromium and Firefox refuse blank lines before v= (measured): one finding for the run of
    /// them, none when the whole input is white space (SDP100 says so), and the model is the same.
    @Test func blankLinesBeforeTheFirstLineAreOneFinding() {
        let body = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 192.0.2.1\r\nt=0 0\r\n"
        func findings(_ text: String) -> [String] {
            SessionDescription.parse(text).diagnostics.map { "\($0.location.line) \($0.code.rawValue) \($0.message)" }
        }
        #expect(findings(body) == [])
        #expect(findings("\r\n" + body) == ["1 SDP112 empty line before the first line"])
        #expect(findings(" \t\r\n" + body) == ["1 SDP112 blank line before the first line"])
        #expect(findings("\r\n\r\n  \r\n" + body) == ["1 SDP112 3 blank lines before the first line"])
        #expect(findings("\r\n \r\n").map { $0.hasPrefix("1 SDP100") } == [true])
        #expect(SessionDescription.parse("\r\n" + body).value == SessionDescription.parse(body).value)
    }

    /// RFC 8843 §12 across a BUNDLE group, found one by one in a browser-sized description and
    /// through a table past 32 mappings: one finding per conflicting id, at its first conflict.
    @Test(arguments: [4, 40])
    func anExtensionIdNamesOneExtensionAcrossABundleGroup(_ sections: Int) {
        var text = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 192.0.2.1\r\nt=0 0\r\n"
        text += "a=group:BUNDLE " + (0..<sections).map(String.init).joined(separator: " ") + "\r\n"
        for index in 0..<sections {
            // Id 1 names another URI in every other section; id 2 the same one everywhere.
            text += "m=audio 9 RTP/AVP 0\r\na=mid:\(index)\r\n"
            text += "a=extmap:1 urn:example:\(index % 2)\r\na=extmap:2 urn:example:same\r\n"
        }
        let conflicts = SessionDescription.parse(text).diagnostics.filter { $0.code.rawValue == "SDP318" }
        #expect(conflicts.map(\.location.line) == [13])
        #expect(conflicts.first?.message.hasPrefix("extmap id 1 is urn:example:1 here but urn:example:0") == true)
    }

    /// RFC 5888 §5's semantics are ABNF literals, which ignore case (RFC 5234 §2.3): a group
    /// written "bundle" is a BUNDLE group to the base rules, for a mid in two groups and for
    /// an extension id across one.
    @Test(arguments: ["BUNDLE", "bundle", "Bundle"])
    func aBundleGroupIsOneInAnyCase(_ semantics: String) {
        var text = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 192.0.2.1\r\nt=0 0\r\n"
        text += "a=group:\(semantics) 0 1\r\na=group:BUNDLE 1\r\n"
        for index in 0..<2 { text += "m=audio 9 RTP/AVP 0\r\na=mid:\(index)\r\na=extmap:1 urn:example:\(index)\r\n" }
        let findings = SessionDescription.parse(text).diagnostics
        #expect(findings.filter { $0.code.rawValue == "SDP314" }.map(\.location.line) == [7])
        #expect(findings.filter { $0.code.rawValue == "SDP318" }.map(\.location.line) == [13])
    }

    @Test func linesBehindOneMisplacedLineAreOneFinding() {
        let text =
            "v=0\r\ni=seminar\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 192.0.2.1\r\nt=0 0\r\n"
            + "m=audio 9 RTP/AVP 0\r\na=sendrecv\r\nc=IN IP4 192.0.2.1\r\nb=AS:64\r\n"
        let order = SessionDescription.parse(text).diagnostics.filter {
            $0.code.rawValue == "SDP134" || $0.code.rawValue == "SDP104"
        }
        #expect(order.map(\.location.line) == [3, 9])
        #expect(order.first?.message.hasSuffix("; so does s= (line 4)") == true)
        #expect(order.last?.message.hasSuffix("; so does b= (line 10)") == true)
    }

    /// RFC 8866 §5.7 lets a domain name be a multicast address, and RFC 4570 §3.2.6 gives one a
    /// TTL: its '/' suffixes are read, not refused as on a unicast address.
    @Test func aDomainNameMayCarryATTL() {
        func connectionFindings(_ address: String) -> [String] {
            SessionDescription.parse("v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 \(address)\r\nt=0 0\r\n")
                .diagnostics.filter { $0.code.rawValue == "SDP122" }.map(\.message)
        }
        #expect(connectionFindings("channel-1.example.com/127") == [])
        #expect(connectionFindings("channel-1.example.com/300") == ["TTL 300 is out of range 0–255"])
        #expect(connectionFindings("192.0.2.1/127").count == 1)
    }

    /// RFC 4570 §3.2.5 prints "a=source-filter incl …": the finding names the missing colon.
    @Test func aSpaceAfterTheAttributeNameIsAMissingColon() {
        let finding = SessionDescription.parse(head + "a=source-filter incl IN IP4 * 192.0.2.10\r\n").diagnostics
            .first { $0.code.rawValue == "SDP200" }
        #expect(finding?.location.column == 16)
        #expect(
            finding?.message
                == "a space follows 'source-filter' where ':' should separate the attribute's name from its value")
    }

    /// RFC 3264 §6: the formats of a rejected section are not used, so a dynamic payload type
    /// without rtpmap there is a warning; in a section in use it is an error.
    @Test func anUnmappedTypeInARejectedSectionIsAWarning() {
        let result = SessionDescription.parse(
            head + "c=IN IP4 192.0.2.1\r\nm=audio 0 RTP/AVP 98\r\nm=audio 4000 RTP/AVP 99\r\n")
        #expect(
            result.diagnostics.filter { $0.code.rawValue == "SDP302" }.map(\.severity) == [.warning, .error])
    }

    /// No RTP flows in a rejected section, so an extension id mapped twice there is a warning
    /// (measured: Chromium 156 takes it); in a section in use it is an error.
    @Test func anExtensionIdMappedTwiceInARejectedSectionIsAWarning() {
        let twice =
            "a=extmap:1 urn:ietf:params:rtp-hdrext:sdes:mid\r\na=extmap:1 urn:ietf:params:rtp-hdrext:toffset\r\n"
        let result = SessionDescription.parse(
            head + "c=IN IP4 192.0.2.1\r\nm=audio 0 RTP/AVP 0\r\n" + twice + "m=audio 4000 RTP/AVP 0\r\n" + twice)
        #expect(
            result.diagnostics.filter { $0.code.rawValue == "SDP306" }.map(\.severity) == [.warning, .error])
    }

    /// One malformed m= line is one finding: a missing field is not taken for port 0 (a
    /// rejected section), and the fields after it are not judged in the wrong places.
    @Test func aShortMediaLineIsOneFinding() {
        let missing = SessionDescription.parse(head + "m=audio\r\n")
        #expect(missing.value.media.first?.port == -1)
        let shifted = SessionDescription.parse(head + "m=video 96 97\r\nc=IN IP4 192.0.2.1\r\n")
        #expect(shifted.diagnostics.map(\.code.rawValue) == ["SDP128"])
        #expect(shifted.diagnostics.first?.message == "m= lists no format")
    }

    /// "a=ssrc:1234" without a source attribute is reported (SDP217), and still declares 1234
    /// for the ssrc-group that names it.
    @Test func anSSRCLineWithoutAnAttributeStillDeclaresItsSSRC() {
        let result = SessionDescription.parse(
            head + "m=video 9 RTP/AVP 96\r\na=rtpmap:96 VP8/90000\r\na=ssrc:1234\r\na=ssrc:5678 cname:x\r\n"
                + "a=ssrc-group:FID 1234 5678\r\n")
        #expect(result.diagnostics.map(\.code.rawValue).sorted() == ["SDP123", "SDP217"])
    }

    /// RFC 8842 §4 registers tls-id at the media level only.
    @Test func aSessionLevelTLSIDIsIgnoredByReceivers() {
        let result = SessionDescription.parse(head + "a=tls-id:abc3de65cddef001be82\r\n")
        #expect(result.diagnostics.map(\.code.rawValue) == ["SDP205"])
    }

    /// An attribute where it has no meaning is ignored (measured: Chromium, Firefox, aiortc and
    /// webrtcbin take each of these), so its value is not checked: one finding for the line.
    @Test(arguments: [
        ("a=sctp-port:x", ""), ("a=candidate:x", ""), ("a=rid:h bogus", ""), ("a=max-message-size:x", ""),
        ("", "a=group:"), ("", "a=ice-lite:x"),
    ])
    func anAttributeAtALevelWhereItIsIgnoredIsOneFinding(_ session: String, _ media: String) {
        let text =
            head + (session.isEmpty ? "" : session + "\r\n")
            + "m=video 9 RTP/AVP 96\r\nc=IN IP4 192.0.2.1\r\na=rtpmap:96 VP8/90000\r\n"
            + (media.isEmpty ? "" : media + "\r\n")
        #expect(SessionDescription.parse(text).diagnostics.map(\.code.rawValue) == ["SDP205"])
    }

    /// In an RFC 8840 fragment a candidate may come without its m= line, and is checked.
    @Test func aFragmentsCandidateIsCheckedWithoutItsMediaLine() {
        let result = SDPFragment.parse("a=candidate:x\r\n")
        #expect(result.diagnostics.map(\.code.rawValue).sorted() == ["ICE101", "SDP205"])
    }

    /// "o=2987933123 2987933123 IN IP4 198.51.100.7" (RFC 7006 §3.1.2): which field is missing
    /// is not known, so the fields are not checked one by one.
    @Test func anOriginLineWithAFieldMissingIsOneFinding() {
        let result = SessionDescription.parse("v=0\r\no=2987933123 2987933123 IN IP4 198.51.100.7\r\ns=-\r\nt=0 0\r\n")
        #expect(result.diagnostics.map(\.code.rawValue) == ["SDP120"])
    }

    /// RFC 7195 §8.4 registers the proto PSTN (and §8.2 the nettype PSTN).
    @Test func aCircuitSwitchedSectionIsRegistered() {
        let result = SessionDescription.parse(head + "m=audio 9 PSTN -\r\nc=PSTN E164 +15555556666\r\n")
        #expect(!result.diagnostics.contains { $0.code.rawValue == "SDP133" })
    }

    @Test func findingsAfterInvalidUTF8PointIntoTheInput() {
        let input = Array("v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=".utf8) + [0xFF] + Array("x \r\nt=0 0".utf8)
        let result = SessionDescription.parse(bytes: input)
        let trailing = result.diagnostics.first { $0.code.rawValue == "SDP109" }
        #expect(trailing?.location.line == 3 && trailing?.location.column == 5)
        #expect(result.diagnostics.allSatisfy { $0.location.bytes.upperBound <= input.count })
    }

    @Test func utf16InputIsReportedOnce() {
        let input: [UInt8] = [0xFF, 0xFE] + Array("v=0\r\n".utf8).flatMap { [$0, 0] }
        let result = SessionDescription.parse(bytes: input)
        #expect(result.diagnostics.map(\.code.rawValue) == ["SDP111"])
    }

    /// White space after a property attribute's name is written back, and the attribute is read:
    /// Chromium 156 and Firefox ESR 153 take "a=rtcp-mux " as rtcp-mux (measured in Conformance/).
    @Test func trailingWhiteSpaceAfterAPropertyAttributeIsKept() {
        let text = head + "m=audio 9 RTP/AVP 0\r\nc=IN IP4 192.0.2.1\r\na=rtcp-mux \r\na=sendonly\t\r\n"
        let result = SessionDescription.parse(text)
        #expect(result.value.serialized() == text)
        #expect(result.diagnostics.map(\.code.rawValue) == ["SDP109", "SDP109"])
        let media = result.value.media.first
        #expect(media?.has(.rtcpMux) == true)
        #expect(media?.direction == .sendonly)
        #expect(media?.attributes.first?.value == nil)
        #expect(result.value.formatted().serialized().contains("a=rtcp-mux\r\na=sendonly\r\n"))
    }

    @Test func aLateLineIsAnOrderFindingNotAMissingOne() {
        let result = SessionDescription.parse("v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\na=tool:x\r\nt=0 0\r\n")
        #expect(result.diagnostics.map(\.code.rawValue) == ["SDP134"])
        #expect(
            result.diagnostics.first?.message
                == "t= comes after a=, but RFC 8866 §5 puts t= before a= in the session section")
        let swapped = SessionDescription.parse("v=0\r\ns=-\r\no=- 1 1 IN IP4 127.0.0.1\r\nt=0 0\r\n")
        #expect(swapped.diagnostics.map(\.code.rawValue) == ["SDP134"])
        // In a media section the same kind of finding is SDP104: receivers read a section's
        // lines in any order.
        let media = SessionDescription.parse(
            "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\nm=audio 9 RTP/AVP 0\r\na=sendrecv\r\nc=IN IP4 0.0.0.0\r\n"
        )
        #expect(media.diagnostics.map(\.code.rawValue) == ["SDP104"])
    }

    @Test func aMissingLineAtTheEndSaysItBelongsAfterTheLastLine() {
        let result = SessionDescription.parse("v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\n")
        let missing = result.diagnostics.first { $0.code.rawValue == "SDP103" }
        #expect(missing?.location.line == 3 && missing?.location.column == 4)
        #expect(missing?.message.contains("belongs after this line") == true)
    }

    @Test func aDuplicateLineIsNotAlsoOutOfOrder() {
        let result = SessionDescription.parse(head + "s=again\r\n")
        #expect(result.diagnostics.map(\.code.rawValue) == ["SDP105"])
    }

    @Test func aSingleSpaceSessionNameIsRecommendedNotTrailingWhiteSpace() {
        let result = SessionDescription.parse("v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns= \r\nt=0 0\r\n")
        #expect(result.diagnostics.isEmpty)
        #expect(result.value.sessionName == " ")
    }

    @Test func aSecondDescriptionIsReportedOnceAndKept() {
        let text = head + "m=audio 9 RTP/AVP 0\r\nc=IN IP4 0.0.0.0\r\n" + head + "m=video 9 RTP/AVP 26\r\n"
        let result = SessionDescription.parse(text)
        #expect(result.diagnostics.map(\.code.rawValue) == ["SDP105"])
        #expect(result.value.media.count == 1)
        #expect(result.value.serialized() == text)
    }

    @Test func aStoppedParseReportsNothingAboutWhatItDidNotRead() {
        var options = SDPParseOptions()
        options.limits.maxLines = 3
        let result = SessionDescription.parse(
            head + "a=group:BUNDLE 0\r\nm=audio 9 RTP/AVP 96\r\na=mid:0\r\n", options: options)
        #expect(result.diagnostics.map(\.code.rawValue) == ["SDP113"])
    }

    @Test func manyHeaderExtensionsAndSimulcastRidsTakeLinearTime() {
        var text = head + "m=video 9 UDP/TLS/RTP/SAVPF 96\r\nc=IN IP4 0.0.0.0\r\na=rtpmap:96 VP8/90000\r\n"
        let count = 20_000
        for i in 0..<count { text += "a=extmap:\(i % 255 + 1) urn:x:\(i)\r\na=rid:r\(i) send\r\n" }
        text += "a=simulcast:send " + (0..<count).map { "r\($0)" }.joined(separator: ";") + "\r\n"
        let clock = ContinuousClock()
        let elapsed = clock.measure { _ = SessionDescription.parse(text) }
        #expect(elapsed < .seconds(20), "took \(elapsed)")
    }

    @Test func findingsPointAtTheExactToken() {
        let text =
            head
                + """
                a=group:BUNDLE 0 1\r\nm=video 9 UDP/TLS/RTP/SAVPF 96\r\nc=IN IP4 0.0.0.0\r\na=mid:0\r\na=rtpmap:96 \
                VP8/90000\r\na=ssrc-group:FID 1 2\r\na=ssrc:1 cname:a\r\na=rid:h send pt=96,98\r\na=simulcast:send \
                h;m\r\n
                """
        let found = SessionDescription.parse(text).diagnostics.map { "\($0.location) \($0.code.rawValue)" }
        #expect(found.contains("5:18 SDP309"))
        #expect(found.contains("10:20 SDP307"))
        #expect(found.contains("12:20 SDP311"))
        #expect(found.contains("13:20 SDP312"))
    }
}
