import Foundation
import SDPLint
import SDPLintDiagnostics
import SDPLintInput
import SDPLintReporting
import SDPLintSDP
import SDPLintTestSupport
import SDPLintWebRTC
import Testing

@Suite struct ProfileTests {
    func check(_ path: String, _ profiles: [Profile]) throws -> [Diagnostic] {
        var configuration = LintConfiguration()
        configuration.profiles = profiles
        return Linter.checkDescription(try Fixture(path: path).bytes(), path: path, configuration: configuration)
            .diagnostics
    }

    /// Firefox stops answering on RFC 9429 §7.2's offer, whose bundle-only data channel section
    /// has no fingerprint, but not when that section has the draft protocol DTLS/SCTP without
    /// a=sctpmap (measured: with a=sctp-port or neither taken, with a=sctpmap no answer), nor
    /// when its first a=sctp-port gives no port other than 0 (measured: 0, none, "x" taken), nor
    /// over an RTP protocol, where Firefox carries no data channel (measured: RTP/AVP and
    /// UDP/TLS/RTP/SAVP taken).
    @Test(arguments: [
        ("UDP/DTLS/SCTP webrtc-datachannel", "a=sctp-port:5000\r\n", true),
        ("UDP/DTLS/SCTP webrtc-datachannel", "a=sctp-port:65536\r\n", true),
        ("UDP/DTLS/SCTP webrtc-datachannel", "a=sctp-port:5000\r\na=sctp-port:0\r\n", true),
        ("UDP/DTLS/SCTP webrtc-datachannel", "a=sctp-port:0\r\na=sctp-port:5000\r\n", false),
        ("UDP/DTLS/SCTP webrtc-datachannel", "a=sctp-port:x\r\n", false),
        ("UDP/DTLS/SCTP webrtc-datachannel", "", false),
        ("DTLS/SCTP 5000", "a=sctp-port:5000\r\n", false),
        ("DTLS/SCTP 5000", "", false),
        ("DTLS/SCTP 5000", "a=sctpmap:5000 webrtc-datachannel 1024\r\n", true),
        ("RTP/AVP webrtc-datachannel", "a=sctp-port:5000\r\n", false),
        ("UDP/TLS/RTP/SAVP webrtc-datachannel", "a=sctp-port:5000\r\n", false),
    ])
    func firefoxHangsOnABundleOnlySectionWithoutFingerprint(
        _ protocolAndFormat: String, _ sctpLine: String, _ hangs: Bool
    )
        throws
    {
        let original = String(decoding: try Fixture(path: "standards/rfc9429/7.2-1.offer.sdp").bytes(), as: UTF8.self)
        let text = original.replacingOccurrences(
            of: "m=application 0 UDP/DTLS/SCTP webrtc-datachannel", with: "m=application 0 \(protocolAndFormat)"
        ).replacingOccurrences(of: "a=sctp-port:5000\r\n", with: sctpLine)
        #expect(text.contains("m=application 0 \(protocolAndFormat)\r\n"))
        #expect(errors(check(text: text, [.firefox])).contains("PRF615") == hangs)
    }

    /// Firefox hangs on a bundle-only section without a fingerprint only when that section and
    /// its BUNDLE group's first both have a codec Debian's build implements (measured: taken with
    /// "OPUS/48000", CN or H264 on either side; no answer with opus/48000/2, PCMU, G722,
    /// telephone-event, VP8, VP9 or AV1 on both).
    @Test(arguments: [
        ("opus/48000/2", "VP8/90000", true), ("OPUS/48000", "VP8/90000", false), ("PCMU/8000", "AV1/90000", true),
        ("opus/48000/2", "H264/90000", false), ("telephone-event/8000", "vp9/90000", true),
        ("CN/8000", "VP8/90000", false), ("opus/48000/2", "foo/90000", false),
    ])
    func firefoxHangsOnABundleOnlySectionOnlyWhereItHasCodecs(_ audio: String, _ video: String, _ hangs: Bool) {
        let bytes = Self.offer { text in
            text.replacingOccurrences(of: "a=group:BUNDLE 0", with: "a=group:BUNDLE 0 1")
                .replacingOccurrences(of: "a=rtpmap:111 opus/48000/2", with: "a=rtpmap:111 \(audio)")
                + "m=video 0 UDP/TLS/RTP/SAVPF 97\r\nc=IN IP4 0.0.0.0\r\na=bundle-only\r\na=mid:1\r\na=sendrecv\r\n"
                + "a=rtcp-mux\r\na=rtpmap:97 \(video)\r\n"
        }
        #expect(String(decoding: bytes, as: UTF8.self).contains("a=rtpmap:111 \(audio)\r\n"))
        #expect(errors(check(bytes: bytes, [.firefox])).contains("PRF615") == hangs)
    }

    /// libwebrtc tells tracks apart across sections by first stream and id (measured with
    /// Chromium 156, "Duplicate a=msid lines detected"): a=msid names a section's track, and
    /// without it each SSRC's "msid:" value (Plan B), SSRCs of one id making one track whose
    /// stream is the last's; a track without an id repeats nothing, and a data channel section
    /// has none. Each row: the first section's lines, the second's m= line, port and lines.
    @Test(arguments: [
        (["a=msid:s t", "a=ssrc:1 cname:a"], "m=video 0 UDP/TLS/RTP/SAVPF 96", ["a=ssrc:2 msid:s t"], true),
        (
            ["a=msid:s t", "a=ssrc:1 cname:a"], "m=video 9 UDP/TLS/RTP/SAVPF 96",
            ["a=msid:s2 t2", "a=ssrc:2 msid:s t"], false
        ),
        (["a=msid:s t"], "m=text 9 UDP/TLS/RTP/SAVPF 96", ["a=msid:s t"], true),
        (["a=msid:s t"], "m=application 9 UDP/TLS/RTP/SAVPF 96", ["a=ssrc:2 msid:s t"], true),
        (["a=ssrc:1 msid:s t"], "m=video 9 UDP/TLS/RTP/SAVPF 96", ["a=ssrc:2 msid:s t"], true),
        (["a=ssrc:1 msid:s t"], "m=video 9 UDP/TLS/RTP/SAVPF 96", ["a=ssrc:2 msid:s2 t"], false),
        (["a=msid:- t"], "m=video 9 UDP/TLS/RTP/SAVPF 96", ["a=ssrc:2 msid:- t"], false),
        (["a=msid:s t", "a=msid:s2 t"], "m=video 9 UDP/TLS/RTP/SAVPF 96", ["a=msid:s t", "a=msid:s3 t"], true),
        (["a=ssrc:1 msid:s t", "a=ssrc:1 msid:s2 t"], "m=video 9 UDP/TLS/RTP/SAVPF 96", ["a=ssrc:2 msid:s t"], false),
        (["a=ssrc:1 msid:s t", "a=ssrc:1 msid:s2 t"], "m=video 9 UDP/TLS/RTP/SAVPF 96", ["a=ssrc:2 msid:s2 t"], true),
        (["a=ssrc:1 msid:s t", "a=ssrc:3 msid:s2 t"], "m=video 9 UDP/TLS/RTP/SAVPF 96", ["a=msid:s2 t"], true),
        (["a=msid:s"], "m=video 9 UDP/TLS/RTP/SAVPF 96", ["a=ssrc:2 msid:s"], false),
        (
            ["a=msid:s t"], "m=application 9 UDP/DTLS/SCTP webrtc-datachannel", ["a=sctp-port:5000", "a=msid:s t"],
            false
        ),
    ])
    func libwebrtcTellsTracksApartByFirstStreamAndID(
        _ first: [String], _ mediaLine: String, _ second: [String], _ refused: Bool
    ) {
        let section =
            [mediaLine, "c=IN IP4 0.0.0.0", "a=mid:1", "a=sendrecv", "a=rtcp-mux"] + second
            + (mediaLine.contains("RTP") ? ["a=rtpmap:96 VP8/90000"] : [])
        let bytes = Self.offer { text in
            text.replacingOccurrences(of: "a=group:BUNDLE 0", with: "a=group:BUNDLE 0 1")
                .replacingOccurrences(of: "a=rtcp-mux\r\n", with: "a=rtcp-mux\r\n" + first.map { $0 + "\r\n" }.joined())
                + section.map { $0 + "\r\n" }.joined()
        }
        // The SSRCs 1 and 3 of one audio track are PRF108's too.
        #expect(errors(check(bytes: bytes, [.chrome])).filter { $0 != "PRF108" } == (refused ? ["PRF140"] : []))
    }

    /// Firefox reads a section's first a=mid; a bundle-only section whose mid repeats its group's
    /// tag rides on the tag's section, needs no transport lines of its own and does not hang
    /// without a fingerprint (measured with Firefox ESR 153: taken), while one with a mid of its
    /// own hangs; without a=bundle-only each needs its own ICE credentials (refused).
    @Test(arguments: [
        (["a=mid:0", "a=mid:1"], true, [String]()), (["a=mid:0"], true, []), (["a=mid:1"], true, ["PRF615"]),
        (["a=mid:1", "a=mid:0"], true, ["PRF615"]), (["a=mid:0", "a=mid:1"], false, ["PRF602"]),
        (["a=mid:0"], false, ["PRF602"]),
    ])
    func firefoxReadsTheFirstMidOfABundledSection(_ mids: [String], _ bundleOnly: Bool, _ expected: [String]) {
        let section =
            ["m=video \(bundleOnly ? 0 : 9) UDP/TLS/RTP/SAVPF 96", "c=IN IP4 0.0.0.0"]
            + (bundleOnly ? ["a=bundle-only"] : []) + mids + ["a=sendrecv", "a=rtcp-mux", "a=rtpmap:96 VP8/90000"]
        let bytes = Self.offer { text in
            text.replacingOccurrences(of: "a=group:BUNDLE 0", with: "a=group:BUNDLE 0 1")
                + section.map { $0 + "\r\n" }.joined()
        }
        #expect(errors(check(bytes: bytes, [.firefox])) == expected)
    }

    /// Firefox checks a c= line's types for the sections that use it: "c=IN IP5 …" is taken in a
    /// description without m= lines and refused with one (measured).
    /// Measured with Chromium 156 and Firefox ESR 153 on Chromium's audio and video offer, its
    /// group line replaced by `groups` (and, with `conflict`, video's toffset mapped to audio's
    /// extension id 1): SIPCC reads BUNDLE in any case, as RFC 5888 §5's grammar does, so a mid
    /// in two such groups is refused; libwebrtc only as written, and refuses an id naming two
    /// URIs in such a group alone. The base rules read the groups as the grammar does.
    @Test(arguments: [
        (["BUNDLE 0 1", "BUNDLE 1"], false, true, true),
        (["bundle 0 1", "BUNDLE 1"], false, false, true),
        (["BUNDLE 0 1", "bundle 0 1"], false, false, true),
        (["bundle 0", "BUNDLE 0", "BUNDLE 0"], false, true, true),
        (["Bundle 0", "BUNDLE 1", "BUNDLE 0"], false, false, true),
        (["bundle 0", "bundle 1"], false, false, false),
        (["BUNDLE 0 1"], true, true, false),
        (["bundle 0 1"], true, false, false),
        (["BUNDLE 0 1", "bundle 0 1"], true, true, true),
    ])
    func eachBrowserReadsBundleGroupsInItsOwnCase(
        _ groups: [String], _ conflict: Bool, _ chromeRefuses: Bool, _ firefoxRefuses: Bool
    ) throws {
        var text = String(decoding: try Fixture(path: "corpus/chromium/audio-video.offer.sdp").bytes(), as: UTF8.self)
            .replacingOccurrences(
                of: "a=group:BUNDLE 0 1\r\n", with: groups.map { "a=group:\($0)\r\n" }.joined())
        if conflict {
            text = text.replacingOccurrences(
                of: "a=extmap:14 urn:ietf:params:rtp-hdrext:toffset",
                with: "a=extmap:1 urn:ietf:params:rtp-hdrext:toffset")
        }
        #expect(text.contains("a=group:\(groups[0])\r\n") && text.contains("toffset") && text.contains("a=extmap:1 ur"))
        let base = Set(errors(check(text: text, [])))
        #expect(base.isSubset(of: ["SDP314", "SDP318"]) && base.contains("SDP318") == conflict)
        for (profile, refuses) in [(Profile.chrome, chromeRefuses), (.firefox, firefoxRefuses)] {
            // PRF137 is libwebrtc's reading of SDP318's collision.
            let refusals = Set(errors(check(text: text, [profile])).map { $0 == "PRF137" ? "SDP318" : $0 })
            #expect(refusals.isSubset(of: base) && !refusals.isEmpty == refuses, "\(profile)")
        }
    }

    /// Measured with Firefox ESR 153 and Chromium 156 on Firefox's simulcast offer: SIPCC reads
    /// the directions of a=rid and a=simulcast in any case, where RFC 8851 §10 and RFC 8853 §5.1
    /// write them in lower case, and then needs a direction's rids declared with it; libwebrtc
    /// refuses a=simulcast's in capitals ("Malformed simulcast line"), and does not look at a
    /// recv list's rids.
    @Test(arguments: [
        ("a=simulcast:send h;m;l", "a=simulcast:SEND h;m;l", [String](), true),
        ("a=simulcast:send h;m;l", "a=simulcast:sEnD h;m;l", [], true),
        ("a=rid:h send", "a=rid:h Send", [], false),
        ("a=simulcast:send h;m;l", "a=simulcast:Recv h;m;l", ["PRF634"], true),
        ("a=simulcast:send h;m;l", "a=simulcast:recv h;m;l", ["SDP312"], false),
    ])
    func firefoxReadsSimulcastDirectionsInAnyCase(
        _ line: String, _ replacement: String, _ firefox: [String], _ chromeRefuses: Bool
    ) throws {
        let original = String(
            decoding: try Fixture(path: "corpus/firefox/simulcast-video.offer.sdp").bytes(), as: UTF8.self)
        let text = original.replacingOccurrences(of: line + "\r\n", with: replacement + "\r\n")
        #expect(text != original)
        #expect(Set(errors(check(text: text, [.firefox]))) == Set(firefox))
        #expect(!errors(check(text: text, [.chrome])).isEmpty == chromeRefuses)
    }

    /// Measured with Chromium 156 and Firefox ESR 153 on Chromium's gathered offer, one line
    /// changed: libwebrtc takes a line as the attribute it names when a space follows the name,
    /// and then cannot find the value of most (PRF150); it reads a property so, a value after a
    /// run of colons, group semantics that are no token, a tab in a candidate extension's name,
    /// and skips a malformed a=crypto beside DTLS. SIPCC ends a name at a space or a tab and skips
    /// one colon after it, skips a value attribute whose value is empty, reads an address under
    /// IP4 from its first characters, and skips a candidate whose transport it cannot read.
    @Test(arguments: [
        ("a=mid:0\r\n", "a=mid 0\r\n", ["PRF150"], [String]()),
        ("a=mid:0\r\n", "a=mid :0\r\n", ["PRF150"], ["PRF608"]),
        ("a=mid:0\r\n", "a=mid::0\r\n", [], ["PRF608"]),
        ("a=setup:actpass", "a=setup :actpass", [], ["PRF602"]),
        ("a=setup:actpass", "a=setup actpass", ["PRF150"], []),
        ("a=ice-ufrag:", "a=ice-ufrag\t", ["PRF105"], []),
        ("a=rtcp-mux\r\n", "a=rtcp-mux x\r\n", [], []),
        ("a=rtpmap:111 opus", "a=rtpmap::111 opus", [], []),
        ("a=sctp-port:", "a=sctp-port ", [], []),
        ("a=group:BUNDLE", "a=group:BUNDLE/x", [], []),
        ("typ host tcptype active", "typ host tcptype\t active", [], []),
        ("a=rtcp-mux\r\n", "a=rtcp-mux\r\na=crypto:1\r\n", [], []),
        ("c=IN IP4 127.0.0.1\r\na=rtcp:9", "c=IN IP4 fe80::1\r\na=rtcp:9", ["PRF118"], ["PRF618"]),
        ("c=IN IP4 127.0.0.1\r\na=rtcp:9", "c=IN IP4 2001:db8::1\r\na=rtcp:9", ["PRF118"], []),
        (" 1 udp 2122260223", " 1 u@dp 2122260223", ["PRF144"], []),
        ("a=candidate:3196770755 1 udp", "a=candidate:: 1 udp", [], []),
        // A value attribute without its value: SIPCC skips the line; libwebrtc refuses one it reads.
        ("a=mid:0\r\n", "a=mid\r\n", ["SDP203"], ["PRF608"]),
        ("a=rtcp:9 IN IP4 0.0.0.0", "a=rtcp", [], []),
        ("a=rtcp-mux\r\n", "a=rtcp-mux\r\na=rid\r\n", [], []),
        ("a=rtcp-mux\r\n", "a=rtcp-mux\r\na=fmtp\r\n", ["SDP203"], []),
        ("a=group:BUNDLE 0 1 2", "a=group:", [], []),
        // A carriage return in a fingerprint: SIPCC reads the digest up to it.
        ("27:9D:CC\r\n", "27:9D:C\rC\r\n", ["SDP221"], ["SDP221"]),
        ("27:9D:CC\r\n", "27:9D:\rCC\r\n", ["SDP221"], ["PRF634"]),
        ("27:9D:CC\r\n", "27:9D\rCC\r\n", ["SDP221"], []),
        ("ssrc-audio-level", "ssrc-audio%level", ["PRF137"], []),
    ])
    func eachBrowserReadsAnAttributeLineItsOwnWay(
        _ line: String, _ replacement: String, _ chrome: [String], _ firefox: [String]
    ) throws {
        let original = String(
            decoding: try Fixture(path: "corpus/chromium/gathered-audio-video-datachannel.offer.sdp").bytes(),
            as: UTF8.self)
        let text = original.replacing(line, with: replacement, maxReplacements: 1)
        #expect(text != original)
        #expect(Set(errors(check(text: text, [.chrome]))) == Set(chrome))
        #expect(Set(errors(check(text: text, [.firefox]))) == Set(firefox))
    }

    /// Measured with Chromium 156 and Firefox ESR 153 on byte-level edits of the corpus (the
    /// errors each profile gives, where the browser refuses): SIPCC reads an m= port as strtoul
    /// does and a TTL after any c= address, and skips a rejected section's rtcp-mux-only; a tab
    /// before an attribute's name makes one libwebrtc does not read; libwebrtc takes '#' in ICE
    /// credentials, where Firefox refuses '$'.
    @Test(
        arguments: [
            (
                "firefox/datachannel.offer.sdp", [("m=application 9 UDP", "m=application 9, UDP")], ["PRF138"],
                [String]()
            ),
            (
                "cross/chromium2firefox.datachannel.offer.sdp", [("c=IN IP4 0.0.0.0", "c=IN IP4 0.0/.0.0")], ["PRF125"],
                ["PRF603"]
            ),
            (
                "cross/gstreamer2chromium.audio-video.offer.sdp",
                [
                    (
                        "a=rtpmap:96 OPUS/48000/2\r\na=rtcp-fb:96 transport-cc",
                        "a=rtpmap:96 OPUS/48000/26a=rtcp-fb:96 transport-cc"
                    ),
                    ("a=bundle-only\r\na=rtcp-mux\r\n", "a=bundle-onlyx\r\n"),
                ],
                ["PRF136"], []
            ),
            (
                "cross/firefox2chromium.audio-video-datachannel.offer.sdp",
                [("a=rtcp-fb:9 transport-cc", "a=\trtcp-fb:9 transport-cc")], [], []
            ),
            ("chromium/gathered-audio-video-datachannel.offer.sdp", [("a=ice-pwd:nnEqc", "a=ice-pwd:nnEqc#")], [], []),
            (
                "chromium/gathered-audio-video-datachannel.offer.sdp", [("a=ice-pwd:nnEqc", "a=ice-pwd:nnEqc$")],
                ["PRF111"], ["PRF609"]
            ),
            // A bundle-only section's ufrag: Firefox leaves it to the group's tag while the group
            // names the section and reads it once the group does not; libwebrtc reads it always.
            (
                "cross/firefox2chromium.gathered-max-bundle.offer.sdp",
                [("a=ice-ufrag:8c499d03\r\na=mid:1", "a=ice-ufrag:abc\r\na=mid:1")], ["PRF111"], []
            ),
            (
                "cross/firefox2chromium.gathered-max-bundle.offer.sdp",
                [
                    ("a=ice-ufrag:8c499d03\r\na=mid:1", "a=ice-ufrag:abc\r\na=mid:1"),
                    ("a=group:BUNDLE 0 1 2", "a=group:BUNDLE 0"),
                ],
                ["PRF111"], ["PRF609"]
            ),
        ] as [(String, [(String, String)], [String], [String])])
    func measuredOnByteLevelEdits(
        _ fixture: String, _ changes: [(String, String)], _ chrome: [String], _ firefox: [String]
    ) throws {
        let original = String(decoding: try Fixture(path: "corpus/" + fixture).bytes(), as: UTF8.self)
        let text = changes.reduce(original) { $0.replacingOccurrences(of: $1.0, with: $1.1) }
        #expect(text != original && changes.allSatisfy { text.contains($0.1) })
        #expect(Set(errors(check(text: text, [.chrome]))) == Set(chrome))
        #expect(Set(errors(check(text: text, [.firefox]))) == Set(firefox))
    }

    /// SIPCC drops a last line without a line ending: an m= line so is no section, and the
    /// session's c= line is then not read (measured with Firefox ESR 153: taken).
    @Test func firefoxReadsNoUnendedLastSection() {
        let head = "v=0\r\no=- 4611731400430051336 2 IN IP4 127.0.0.1\r\ns=-\r\nc=N IP4 198.51.100.7\r\nt=0 0\r\n"
        #expect(errors(check(text: head + "m=video 5", [.firefox])).isEmpty)
        #expect(errors(check(text: head + "m=video 5\r\n", [.firefox])).contains("SDP133"))
    }

    @Test func firefoxReadsNoSessionConnectionWithoutSections() {
        let head = "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP5 192.0.2.1\r\nt=0 0\r\n"
        #expect(!errors(check(text: head, [.firefox])).contains("SDP133"))
        let section = "m=audio 9 UDP/TLS/RTP/SAVPF 111\r\na=rtpmap:111 opus/48000/2\r\n"
        #expect(errors(check(text: head + section, [.firefox])).contains("SDP133"))
    }

    @Test(arguments: [Profile.chrome, .safari])
    func libwebrtcRefusesFirefoxFeedbackForRemovedCodecs(_ profile: Profile) throws {
        let findings = try check("corpus/firefox/codec-vp9-only.offer.sdp", [profile])
        // 20 rtcp-fb lines of the 4 payload types setCodecPreferences removed: one finding each.
        let refused = findings.filter { $0.code.rawValue == "PRF102" }
        #expect(refused.count == 4)
        #expect(refused.first?.message.hasPrefix("libwebrtc refuses these 5 a=rtcp-fb lines for payload type") == true)
        #expect(findings.filter { $0.code.rawValue == "PRF102" }.allSatisfy { $0.severity == .error })
        #expect(try check("corpus/firefox/codec-vp9-only.offer.sdp", []).allSatisfy { $0.code.rawValue != "PRF102" })
    }

    @Test func theProfilesRefusalReplacesTheBaseWarningOnItsLine() throws {
        // One root cause, one finding: without the profile, SDP300 warns on each payload type's
        // first rtcp-fb line; with it, PRF102 says the receiver refuses them, and SDP300 goes.
        let base = try check("corpus/firefox/codec-vp9-only.offer.sdp", [])
        let warned = Set(base.filter { $0.code.rawValue == "SDP300" }.map(\.location.line))
        #expect(warned.count == 4)
        let profiled = try check("corpus/firefox/codec-vp9-only.offer.sdp", [.chrome])
        #expect(Set(profiled.filter { $0.code.rawValue == "PRF102" }.map(\.location.line)) == warned)
        #expect(profiled.allSatisfy { $0.code.rawValue != "SDP300" })
        #expect(
            base.filter { $0.code.rawValue != "SDP300" }.map(\.code)
                == profiled.filter { $0.code.rawValue != "PRF102" }.map(\.code))
    }

    /// A WebRTC offer with one audio section, with `change` applied to its text.
    static let sessionFingerprint =
        "a=fingerprint:sha-256 B1:B8:9F:17:0C:3B:68:F2:52:A5:12:A3:EE:90:25:7D:65:AD:C8:67:6A:5E:63:D4:F3:1F:95:F5:68:C7:FB:64\r\n"

    static let fingerprint =
        "a=fingerprint:sha-256 B1:B8:9F:17:0C:3B:68:F2:52:A5:12:A3:EE:90:25:7D:65:AD:C8:67:6A:5E:63:D4:F3:1F:95:F5:68:C7:FB:64"

    /// A rejected video section (port 0, outside the BUNDLE group) with a role Firefox refuses
    /// elsewhere.
    static let rejectedVideo =
        "m=video 0 UDP/TLS/RTP/SAVPF 96\r\nc=IN IP4 0.0.0.0\r\na=mid:1\r\na=inactive\r\na=rtcp-mux\r\n"
        + "a=rtpmap:96 VP8/90000\r\na=setup:holdconn\r\n"

    static func offer(_ change: (String) -> String = { $0 }) -> [UInt8] {
        let text = [
            "v=0", "o=- 4611731400430051336 2 IN IP4 127.0.0.1", "s=-", "t=0 0", "a=group:BUNDLE 0",
            "m=audio 9 UDP/TLS/RTP/SAVPF 111", "c=IN IP4 0.0.0.0", "a=ice-ufrag:YlEE",
            "a=ice-pwd:GTRA27kgJhvarXtLIz3mWrW+",
            fingerprint, "a=setup:actpass", "a=mid:0", "a=sendrecv", "a=rtcp-mux", "a=rtpmap:111 opus/48000/2",
            "a=candidate:1 1 udp 2122260223 192.0.2.1 9 typ host",
        ].map { $0 + "\r\n" }.joined()
        return Array(change(text).utf8)
    }

    /// What each profile makes of the variants its receiver was measured on (CONFORMANCE.md):
    /// the code and severity of every finding at error or warning level.
    @Test(arguments: [
        // Session lines out of order: libwebrtc refuses them; Firefox reads them.
        ("s=-\r\nt=0 0", "t=0 0\r\ns=-", Profile.chrome, ["SDP134 error"]),
        ("s=-\r\nt=0 0", "t=0 0\r\ns=-", Profile.firefox, ["SDP134 warning"]),
        // A digest of the wrong length: accepted by both browsers; an unknown hash: refused by
        // Chromium, and by Firefox when no other fingerprint applies.
        (":64\r\na=setup", "\r\na=setup", Profile.chrome, ["SDP236 warning"]),
        ("sha-256 B1", "sha-999 B1", Profile.chrome, ["SDP237 error"]),
        ("sha-256 B1", "sha-999 B1", Profile.firefox, ["PRF607 error"]),
        // A priority of 0 is accepted by Chromium; one past 32 bits is refused.
        ("udp 2122260223", "udp 0", Profile.chrome, ["ICE107 warning"]),
        ("udp 2122260223", "udp 4294967296", Profile.chrome, ["PRF106 error"]),
        // holdconn: Chromium accepts it; Firefox and aiortc refuse it.
        ("setup:actpass", "setup:holdconn", Profile.chrome, ["WEB104 warning"]),
        ("setup:actpass", "setup:holdconn", Profile.firefox, ["PRF606 error"]),
        ("setup:actpass", "setup:holdconn", Profile.aiortc, ["PRF703 error"]),
        // aiortc needs ICE and rtcp-mux in every section.
        ("a=ice-pwd:GTRA27kgJhvarXtLIz3mWrW+\r\n", "", Profile.aiortc, ["PRF701 error"]),
        ("a=rtcp-mux\r\n", "", Profile.aiortc, ["PRF702 error"]),
        // A mid in two BUNDLE groups: refused by every receiver measured.
        ("a=group:BUNDLE 0\r\n", "a=group:BUNDLE 0\r\na=group:BUNDLE 0\r\n", Profile.firefox, ["SDP314 error"]),
        // libwebrtc ignores a dynamic type with no rtpmap, and refuses one an fmtp or rtcp-fb line
        // makes a codec of; the refusal replaces the base finding on the m= line.
        ("a=rtpmap:111 opus/48000/2\r\n", "", Profile.chrome, ["SDP302 warning"]),
        ("a=rtpmap:111 opus/48000/2\r\n", "a=rtcp-fb:111 transport-cc\r\n", Profile.chrome, ["PRF102 error"]),
        // libwebrtc names a section without a=mid "0", which the group names; a mid that stays
        // unknown is refused. Firefox needs the group's first mid, and a section in use there.
        ("a=mid:0\r\n", "", Profile.chrome, ["SDP309 warning", "WEB106 warning"]),
        ("a=group:BUNDLE 0\r\n", "a=group:BUNDLE 0 zz\r\n", Profile.chrome, ["PRF107 error"]),
        ("a=group:BUNDLE 0\r\n", "a=group:BUNDLE 0 zz\r\n", Profile.firefox, ["SDP309 warning"]),
        ("a=group:BUNDLE 0\r\n", "a=group:BUNDLE zz 0\r\n", Profile.firefox, ["PRF608 error"]),
        // A session id in letters: libwebrtc keeps it as text; SIPCC refuses it.
        ("o=- 4611731400430051336", "o=- abc", Profile.chrome, ["SDP135 warning"]),
        ("o=- 4611731400430051336", "o=- abc", Profile.firefox, ["SDP135 error"]),
        // Firefox checks the lower bounds of ICE credentials only.
        ("a=ice-ufrag:YlEE", "a=ice-ufrag:Yl", Profile.firefox, ["PRF609 error"]),
        ("a=ice-ufrag:YlEE", "a=ice-ufrag:" + String(repeating: "Y", count: 257), Profile.firefox, ["ICE120 warning"]),
        // SIPCC: one c= per level, a numeric port, audio, video or application.
        ("c=IN IP4 0.0.0.0\r\n", "c=IN IP4 0.0.0.0\r\nc=IN IP4 0.0.0.0\r\n", Profile.firefox, ["PRF611 error"]),
        ("m=audio 9 ", "m=audio nine ", Profile.firefox, ["PRF610 error"]),
        ("m=audio 9 ", "m=audio 70000 ", Profile.firefox, ["SDP128 warning"]),
        ("m=audio 9 ", "m=text 9 ", Profile.firefox, ["PRF612 error"]),
        // SIPCC skips an extmap without a URI, and refuses id 0.
        ("a=rtcp-mux\r\n", "a=rtcp-mux\r\na=extmap:3\r\n", Profile.firefox, ["SDP213 warning"]),
        (
            "a=rtcp-mux\r\n", "a=rtcp-mux\r\na=extmap:0 urn:ietf:params:rtp-hdrext:sdes:mid\r\n", Profile.firefox,
            ["PRF604 error"]
        ),
        // libwebrtc's streams: one SSRC per audio stream; an audio stream's groups it does not
        // check (a video stream's: ``measuredOnNewKindsOfOffer``).
        ("a=rtcp-mux\r\n", "a=rtcp-mux\r\na=ssrc:1 cname:a\r\na=ssrc:2 cname:a\r\n", Profile.chrome, ["PRF108 error"]),
        (
            "a=rtcp-mux\r\n", "a=rtcp-mux\r\na=ssrc:1 cname:a\r\na=ssrc-group:FID 1 2\r\n", Profile.chrome,
            ["SDP307 warning"]
        ),
        ("a=rtcp-mux\r\n", "a=rtcp-mux\r\na=ssrc:1 cname:a\r\n", Profile.chrome, []),
        // A section with a ufrag and no password: refused by libwebrtc, bundled or not.
        ("a=ice-pwd:GTRA27kgJhvarXtLIz3mWrW+\r\n", "", Profile.chrome, ["PRF105 error"]),
        // aiortc: codecs it implements, and the lines its reader can read.
        ("a=rtpmap:111 opus/48000/2", "a=rtpmap:111 iLBC/8000", Profile.aiortc, ["PRF704 error"]),
        ("c=IN IP4 0.0.0.0", "c=IN IP5 0.0.0.0", Profile.aiortc, ["PRF705 error", "SDP133 warning"]),
        ("a=rtcp-mux\r\n", "a=rtcp-mux\r\na=fmtp:100 apt=111\r\n", Profile.aiortc, ["PRF705 error"]),
        ("a=rtcp-mux\r\n", "a=rtcp-mux\r\na=extmap:3\r\n", Profile.aiortc, ["PRF705 error"]),
        // aiortc splits an fmtp at its first space: one without it fails, nothing after it does not.
        ("a=rtcp-mux\r\n", "a=rtcp-mux\r\na=fmtp:111\r\n", Profile.aiortc, ["PRF705 error"]),
        ("a=rtcp-mux\r\n", "a=rtcp-mux\r\na=fmtp:111 \r\n", Profile.aiortc, ["SDP109 warning", "SDP211 warning"]),
        // libwebrtc: ICE credentials of every section of an offer, one session-level
        // fingerprint, a mid of token characters (an empty one it numbers).
        ("a=ice-ufrag:YlEE", "a=ice-ufrag:Yl", Profile.chrome, ["PRF111 error"]),
        (
            "a=group:BUNDLE 0\r\n", "a=group:BUNDLE 0\r\n" + Self.sessionFingerprint + Self.sessionFingerprint,
            Profile.chrome, ["PRF112 error"]
        ),
        ("a=mid:0", "a=mid:a b", Profile.chrome, ["PRF113 error", "SDP309 warning"]),
        ("a=mid:0", "a=mid:", Profile.chrome, ["SDP214 warning", "SDP309 warning", "WEB106 warning"]),
        // An RTX format repairing a listed type that has no codec: libwebrtc refuses the offer.
        (
            "SAVPF 111\r\nc=IN IP4 0.0.0.0\r\n",
            "SAVPF 111 110 112\r\nc=IN IP4 0.0.0.0\r\na=rtpmap:112 rtx/48000\r\na=fmtp:112 apt=110\r\n", Profile.chrome,
            ["PRF115 error", "SDP302 warning"]
        ),
        // libwebrtc refuses an audio or video protocol without "RTP/" in it.
        ("m=audio 9 UDP/TLS/RTP/SAVPF 111", "m=audio 9 FOO/BAR 111", Profile.chrome, ["PRF114 error"]),
        // SIPCC needs o= and t=, not s=, and reads an unknown setup role as none.
        ("o=- 4611731400430051336 2 IN IP4 127.0.0.1\r\n", "", Profile.firefox, ["PRF614 error", "SDP103 warning"]),
        ("s=-\r\n", "", Profile.firefox, ["SDP103 warning"]),
        ("setup:actpass", "setup:maybe", Profile.firefox, ["PRF602 error", "SDP222 warning"]),
        // aiortc needs a role in every section, and reads sizes with int().
        ("a=setup:actpass\r\n", "", Profile.aiortc, ["PRF706 error"]),
        (
            "a=rtcp-mux\r\n", "a=rtcp-mux\r\na=max-message-size:x\r\n", Profile.aiortc,
            ["PRF705 error", "SDP228 warning"]
        ),
        // GStreamer's webrtcbin: lenient with values, strict about each section's transport.
        ("a=rtpmap:111 opus/48000/2", "a=rtpmap:111 opus/0/2", Profile.gstreamer, ["SDP233 warning"]),
        ("a=mid:0\r\n", "", Profile.gstreamer, ["PRF801 error", "SDP309 warning", "WEB106 warning"]),
        ("setup:actpass", "setup:holdconn", Profile.gstreamer, ["PRF803 error"]),
        // White space after a property attribute's name: libwebrtc takes ' ' (not a tab), SIPCC
        // both; aiortc reads the whole text as the name.
        ("a=rtcp-mux\r\n", "a=rtcp-mux \r\n", Profile.chrome, ["SDP109 warning"]),
        ("a=rtcp-mux\r\n", "a=rtcp-mux\t\r\n", Profile.chrome, ["PRF103 error", "SDP109 warning"]),
        ("a=rtcp-mux\r\n", "a=rtcp-mux\t\r\n", Profile.firefox, ["SDP109 warning"]),
        ("a=rtcp-mux\r\n", "a=rtcp-mux \r\n", Profile.aiortc, ["PRF702 error", "SDP109 warning"]),
        // Values no receiver reads strictly: a=rtcp, ptime, tls-id, r= and z=.
        ("a=rtcp-mux\r\n", "a=rtcp-mux\r\na=rtcp:9 IN IP4\r\n", Profile.chrome, ["SDP224 warning"]),
        ("a=rtcp-mux\r\n", "a=rtcp-mux\r\na=rtcp:9 IN IP4\r\n", Profile.firefox, ["SDP224 warning"]),
        ("a=rtcp-mux\r\n", "a=rtcp-mux\r\na=rtcp:9 IN IP4\r\n", Profile.aiortc, ["PRF705 error", "SDP224 warning"]),
        ("a=rtcp-mux\r\n", "a=rtcp-mux\r\na=rtcp:70000\r\n", Profile.aiortc, ["SDP224 warning"]),
        ("a=rtcp-mux\r\n", "a=rtcp-mux\r\na=ptime:0\r\n", Profile.gstreamer, ["SDP225 warning"]),
        ("a=rtcp-mux\r\n", "a=rtcp-mux\r\na=tls-id:abc\r\n", Profile.firefox, ["SDP223 warning"]),
        ("t=0 0\r\n", "t=0 0\r\nz=2882844526 -1h\r\n", Profile.chrome, ["SDP126 warning"]),
        // The address family of c=: libwebrtc refuses either mismatch, SIPCC an IPv6 one under IP4.
        ("c=IN IP4 0.0.0.0", "c=IN IP6 0.0.0.0", Profile.chrome, ["PRF118 error", "SDP136 warning"]),
        ("c=IN IP4 0.0.0.0", "c=IN IP6 0.0.0.0", Profile.firefox, ["SDP136 warning"]),
        ("c=IN IP4 0.0.0.0", "c=IN IP4 ::1", Profile.firefox, ["PRF618 error", "SDP136 warning"]),
        // A mid named twice in a group: Firefox refuses it; libwebrtc reads a trailing space as ''.
        ("a=group:BUNDLE 0\r\n", "a=group:BUNDLE 0 0\r\n", Profile.firefox, ["SDP315 error"]),
        ("a=group:BUNDLE 0\r\n", "a=group:BUNDLE 0 0\r\n", Profile.chrome, ["SDP315 warning"]),
        ("a=group:BUNDLE 0\r\n", "a=group:BUNDLE 0 \r\n", Profile.chrome, ["PRF107 error", "SDP109 warning"]),
        // An fmtp whose format is no payload type: libwebrtc and aiortc refuse it, SIPCC skips it.
        ("a=rtcp-mux\r\n", "a=rtcp-mux\r\na=fmtp:* minptime=10\r\n", Profile.chrome, ["PRF151 error"]),
        ("a=rtcp-mux\r\n", "a=rtcp-mux\r\na=fmtp:* minptime=10\r\n", Profile.firefox, ["SDP211 warning"]),
        // b= values: libwebrtc reads AS and TIAS, SIPCC the digits a value starts with.
        (
            "c=IN IP4 0.0.0.0\r\n", "c=IN IP4 0.0.0.0\r\nb=AS:abc\r\n", Profile.chrome,
            ["PRF120 error", "SDP124 warning"]
        ),
        ("c=IN IP4 0.0.0.0\r\n", "c=IN IP4 0.0.0.0\r\nb=CT:abc\r\n", Profile.chrome, ["SDP124 warning"]),
        ("c=IN IP4 0.0.0.0\r\n", "c=IN IP4 0.0.0.0\r\nb=AS:abc\r\n", Profile.gstreamer, ["SDP124 warning"]),
        ("c=IN IP4 0.0.0.0\r\n", "c=IN IP4 0.0.0.0\r\nb=AS:1.5\r\n", Profile.firefox, ["SDP124 warning"]),
        (
            "c=IN IP4 0.0.0.0\r\n", "c=IN IP4 0.0.0.0\r\nb=AS:abc\r\n", Profile.firefox,
            ["PRF619 error", "SDP124 warning"]
        ),
        // Candidate values no browser checks; an empty line both refuse.
        (
            "udp 2122260223 192.0.2.1 9 typ host", "udp 2122260223 192.0.2.1 9 typ host generation x", Profile.firefox,
            ["ICE113 warning"]
        ),
        ("a=candidate:1 1 udp", "a=candidate:1 0 udp", Profile.chrome, ["ICE104 warning"]),
        ("a=mid:0\r\n", "a=mid:0\r\n\r\n", Profile.chrome, ["SDP112 error"]),
        ("a=mid:0\r\n", "a=mid:0\r\n\r\n", Profile.gstreamer, ["SDP112 warning"]),
        ("a=mid:0\r\n", "a=mid:0\r\n\r\n", Profile.firefox, ["PRF621 error"]),
        ("typ host\r\n", "typ host\r\n\r\n", Profile.firefox, ["SDP112 warning"]),
        // Firefox reads ASCII only; SIPCC skips white space before a value.
        ("s=-", "s=Caf\u{E9}", Profile.firefox, ["PRF620 error"]),
        ("a=setup:actpass", "a=setup: actpass", Profile.firefox, ["SDP222 warning"]),
        ("a=setup:actpass", "a=setup: actpass", Profile.chrome, ["SDP222 error"]),
        ("o=- 4611731400430051336", "o=-  4611731400430051336", Profile.chrome, ["PRF121 error", "SDP109 warning"]),
        // The session version in letters: libwebrtc does not read it, SIPCC does.
        (" 2 IN IP4", " x IN IP4", Profile.chrome, ["SDP135 warning"]),
        (" 2 IN IP4", " x IN IP4", Profile.firefox, ["SDP135 error"]),
        // libwebrtc splits lines at every space and compares protocols exactly.
        ("a=rtpmap:111 opus", "a=rtpmap:111  opus", Profile.chrome, ["PRF121 error", "SDP231 warning"]),
        ("m=audio 9 UDP/TLS/RTP/SAVPF", "m=audio 9/2 UDP/TLS/RTP/SAVPF", Profile.chrome, ["PRF123 error"]),
        ("m=audio 9 UDP/TLS/RTP/SAVPF", "m=audio 9 udp/tls/rtp/savpf", Profile.chrome, ["PRF114 error"]),
        ("m=audio 9 UDP/TLS/RTP/SAVPF", "m=audio 9 udp/tls/rtp/savpf", Profile.aiortc, ["PRF705 error"]),
        ("a=rtcp-mux\r\n", "a=rtcp-mux\r\na=ssrc:1 cname\r\n", Profile.chrome, ["PRF124 error"]),
        // A rid restriction that is no number: SIPCC refuses it.
        (
            "a=rtcp-mux\r\n", "a=rtcp-mux\r\na=rid:h send max-width=wide\r\n", Profile.firefox,
            ["PRF633 error"]
        ),
        // A '/' suffix on c=: libwebrtc refuses it; the others take a multicast address without a TTL.
        ("c=IN IP4 0.0.0.0", "c=IN IP4 0.0.0.0/127", Profile.chrome, ["PRF125 error"]),
        ("c=IN IP4 0.0.0.0", "c=IN IP4 224.2.1.1", Profile.firefox, ["SDP122 warning"]),
        // Firefox takes a relay candidate without raddr (measured; ICE202 stays a warning).
        (
            "typ host", "typ relay", Profile.firefox, ["ICE201 warning", "ICE202 warning"]
        ),
        // libwebrtc needs the RtpStreamId extension for simulcast; aiortc reads apt with int().
        (
            "a=rtcp-mux\r\n", "a=rtcp-mux\r\na=rid:h send\r\na=simulcast:send h\r\n", Profile.chrome,
            ["PRF126 error"]
        ),
        ("a=rtcp-mux\r\n", "a=rtcp-mux\r\na=fmtp:111 apt=x\r\n", Profile.aiortc, ["PRF705 error"]),
        // An a= line with nothing in it.
        ("a=rtcp-mux\r\n", "a=rtcp-mux\r\na=\r\n", Profile.chrome, ["PRF119 error", "SDP200 warning"]),
        ("a=rtcp-mux\r\n", "a=rtcp-mux\r\na=:\r\n", Profile.chrome, ["SDP200 warning"]),
        ("a=rtcp-mux\r\n", "a=rtcp-mux\r\na=:\r\n", Profile.firefox, ["PRF616 error", "SDP200 warning"]),
        // One extension id for two URIs at the session level (SDP319), which a section without
        // a=extmap lines of its own takes: refused by both browsers, taken by aiortc and webrtcbin.
        ("a=group:BUNDLE 0\r\n", "a=group:BUNDLE 0\r\n" + sessionExtmapConflict, Profile.chrome, ["PRF137 error"]),
        ("a=group:BUNDLE 0\r\n", "a=group:BUNDLE 0\r\n" + sessionExtmapConflict, Profile.firefox, ["PRF605 error"]),
        ("a=group:BUNDLE 0\r\n", "a=group:BUNDLE 0\r\n" + sessionExtmapConflict, Profile.aiortc, ["SDP319 warning"]),
        (
            "a=group:BUNDLE 0\r\n", "a=group:BUNDLE 0\r\n" + sessionExtmapConflict, Profile.gstreamer,
            ["SDP319 warning"]
        ),
        // A session line inside a media section: every receiver ignores it there.
        ("a=mid:0\r\n", "a=mid:0\r\nu=http://example.com/\r\n", Profile.chrome, ["SDP107 warning"]),
        ("a=mid:0\r\n", "a=mid:0\r\nt=0 0\r\n", Profile.firefox, ["SDP107 warning"]),
        ("a=mid:0\r\n", "a=mid:0\r\nz=0 0\r\n", Profile.aiortc, ["SDP107 warning"]),
        ("a=mid:0\r\n", "a=mid:0\r\ns=x\r\n", Profile.gstreamer, ["SDP107 warning"]),
        // libwebrtc takes v=1, not a description whose first line is another one.
        ("v=0\r\n", "", Profile.chrome, ["PRF156 error"]),
    ])
    func eachProfileJudgesWhatItsReceiverWasMeasuredToDo(
        _ original: String, _ replacement: String, _ profile: Profile, _ expected: [String]
    ) throws {
        let bytes = Self.offer { $0.replacingOccurrences(of: original, with: replacement) }
        #expect(bytes != Self.offer(), "the change applies")
        let found = check(bytes: bytes, [profile])
            .filter { $0.severity >= .warning }.map { "\($0.code.rawValue) \($0.severity)" }
        #expect(found.sorted() == expected.sorted())
    }

    /// An extension id of RFC 8285 §7's negotiation range: the base note (SDP322) where the
    /// receiver takes it, the receiver's refusal alone where it does not (measured: Chromium 156
    /// and Firefox ESR 153 refuse id 4096, aiortc 1.16 and webrtcbin 1.22 take it).
    @Test(arguments: [
        (Profile.chrome, ["PRF137 error"]), (Profile.firefox, ["PRF604 error"]), (Profile.aiortc, ["SDP322 info"]),
        (Profile.gstreamer, ["SDP322 info"]),
    ])
    func aNegotiationIDIsOneFinding(_ profile: Profile, _ expected: [String]) {
        let bytes = Self.offer {
            $0.replacingOccurrences(
                of: "a=rtcp-mux\r\n", with: "a=rtcp-mux\r\na=extmap:4096 urn:ietf:params:rtp-hdrext:toffset\r\n")
        }
        let found = check(bytes: bytes, [profile])
            .filter { $0.code.rawValue.hasPrefix("SDP322") || $0.code.rawValue.hasPrefix("PRF") }
            .map { "\($0.code.rawValue) \($0.severity)" }
        #expect(found.sorted() == expected.sorted())
    }

    /// Measured in Conformance/ (Chromium 156, Firefox ESR 153, aiortc 1.16, GStreamer 1.22) with
    /// the offers of the corpus changed one line at a time.
    @Test(arguments: [
        // libwebrtc counts the SSRCs of an FID group of a declared stream, and needs one at all.
        ("a=ssrc:1 cname:a\r\na=ssrc-group:FID 1\r\n", Profile.chrome, "PRF116"),
        ("a=ssrc:1 cname:a\r\na=ssrc-group:FID\r\n", Profile.chrome, "PRF116"),
        ("a=ssrc:1 cname:a\r\na=ssrc-group:FID 7\r\n", Profile.chrome, nil),
        // A SIM group of more than three SSRCs, of a declared first one; an audio stream's
        // groups are not otherwise checked.
        ("a=ssrc:1 cname:a\r\na=ssrc-group:SIM 1 2 3 4\r\n", Profile.chrome, "PRF116"),
        ("a=ssrc:1 cname:a\r\na=ssrc-group:SIM 1 2\r\n", Profile.chrome, nil),
        ("a=ssrc:1 cname:a\r\na=ssrc-group:FID 1 2\r\na=ssrc-group:FID 1 3\r\n", Profile.chrome, nil),
        // aiortc reads an attribute after every SSRC.
        ("a=ssrc:1\r\n", Profile.aiortc, "PRF705"),
    ])
    func audioSectionLines(_ lines: String, _ profile: Profile, _ code: String?) {
        let bytes = Self.offer { $0.replacingOccurrences(of: "a=rtcp-mux\r\n", with: "a=rtcp-mux\r\n" + lines) }
        let errors = check(bytes: bytes, [profile]).filter { $0.severity == .error }.map(\.code.rawValue)
        #expect(errors == (code.map { [$0] } ?? []))
    }

    /// Measured with Chromium 156 and Firefox ESR 153 on offers of the corpus changed in kinds the
    /// mutation set did not make: each list of replacements, the profile, and its findings at
    /// warning level or above.
    @Test(
        arguments: [
            // An empty line before v=: "Expect line: v=" and "not recognized as SDP text".
            ([("v=0\r\n", "\r\nv=0\r\n")], Profile.chrome, ["SDP112 error"]),
            ([("v=0\r\n", "\r\nv=0\r\n")], .firefox, ["PRF621 error"]),
            // Another encoding on a static audio payload type: libwebrtc refuses it.
            (Self.addingAudioFormat(0, "a=rtpmap:0 PCMA/8000"), .chrome, ["PRF127 error", "SDP304 warning"]),
            (Self.addingAudioFormat(0, "a=rtpmap:0 PCMA/8000"), .firefox, ["SDP304 warning"]),
            (Self.addingAudioFormat(5, "a=rtpmap:5 DVI4/16000"), .chrome, ["SDP304 warning"]),
            // One for a type the m= line does not list it ignores.
            (
                [("a=rtpmap:111 opus/48000/2\r\n", "a=rtpmap:111 opus/48000/2\r\na=rtpmap:6 opus/48000/2\r\n")],
                .chrome, ["SDP300 warning", "SDP304 warning"]
            ),
            // RFC 3551's reserved types: Firefox refuses them; RFC 5761's 64–95 beside rtcp-mux: both
            // browsers, not webrtcbin.
            (Self.addingAudioFormat(19, nil), .firefox, ["PRF623 error", "SDP302 warning"]),
            (Self.addingAudioFormat(72, "a=rtpmap:72 foo/8000"), .chrome, ["WEB110 error"]),
            (Self.addingAudioFormat(72, "a=rtpmap:72 foo/8000"), .aiortc, ["PRF705 error", "WEB110 warning"]),
            (Self.addingAudioFormat(72, "a=rtpmap:72 foo/8000"), .firefox, ["PRF623 error"]),
            (Self.addingAudioFormat(72, "a=rtpmap:72 foo/8000"), .gstreamer, ["WEB110 warning"]),
            // A RED list naming a type the m= line does not: taken by every receiver.
            (
                Self.addingAudioFormat(100, "a=rtpmap:100 red/48000/2\r\na=fmtp:100 111/127"), .chrome,
                ["SDP316 warning"]
            ),
            // Transport protocols: libwebrtc needs "RTP/" in them; Firefox knows a list.
            ([("UDP/TLS/RTP/SAVPF", "udp")], .chrome, ["PRF114 error"]),
            ([("UDP/TLS/RTP/SAVPF", "RTP/FOO")], .chrome, ["SDP133 warning"]),
            ([("UDP/TLS/RTP/SAVPF", "RTP/AVPF")], .firefox, ["PRF622 error"]),
            ([("UDP/TLS/RTP/SAVPF", "udp/tls/rtp/savpf")], .firefox, []),
            // a=extmap at both levels (SDP320): libwebrtc refuses it; Firefox, aiortc and webrtcbin take it,
            // even the same mapping twice.
            (Self.extmapAtBothLevels, .chrome, ["PRF128 error"]),
            (
                [
                    ("t=0 0\r\n", "t=0 0\r\na=extmap:1 urn:ietf:params:rtp-hdrext:sdes:mid\r\n"),
                    ("a=rtcp-mux\r\n", "a=rtcp-mux\r\na=extmap:1 urn:ietf:params:rtp-hdrext:sdes:mid\r\n"),
                ], .firefox, ["SDP320 warning"]
            ),
            (Self.extmapAtBothLevels, .aiortc, ["SDP320 warning"]),
            (Self.extmapAtBothLevels, .gstreamer, ["SDP320 warning"]),
            // A last line without a line ending: libwebrtc refuses it; SIPCC drops it.
            (
                [("a=setup:actpass\r\n", ""), ("typ host\r\n", "typ host\r\na=setup:actpass")], .firefox,
                ["PRF624 error"]
            ),
            ([("a=sendrecv\r\n", ""), ("typ host\r\n", "typ host\r\na=sendrecv")], .firefox, []),
            // An application section over DTLS-SRTP needs rtcp-mux in Firefox, not over plain RTP;
            // libwebrtc does not use it either way.
            ([("m=audio", "m=application"), ("a=rtcp-mux\r\n", "")], .firefox, ["PRF601 error", "WEB113 warning"]),
            (
                [("m=audio 9 UDP/TLS/RTP/SAVPF", "m=application 9 RTP/AVP"), ("a=rtcp-mux\r\n", "")], .firefox,
                ["WEB113 warning"]
            ),
            // libwebrtc needs rtcp-mux in a bundled audio section, tagged or not, not in an application
            // section over RTP, which it does not use.
            ([("a=rtcp-mux\r\n", "")], .chrome, ["PRF103 error"]),
            (
                [("m=audio 9 UDP/TLS/RTP/SAVPF 111", "m=application 9 UDP/TLS/RTP/SAVPF 111"), ("a=rtcp-mux\r\n", "")],
                .chrome, ["WEB113 warning"]
            ),
            // Names and values in other capitals: SIPCC reads names and roles in any case, not a
            // fingerprint's digest; libwebrtc, aiortc and webrtcbin read them as written.
            ([("a=rtcp-mux\r\n", "a=RTCP-MUX\r\n")], .firefox, ["SDP202 warning", "WEB113 warning"]),
            ([("a=rtcp-mux\r\n", "a=RTCP-MUX\r\n")], .chrome, ["PRF103 error", "SDP202 warning"]),
            // a=rtcp-mux-only without a=rtcp-mux: Firefox takes it where it does not need rtcp-mux
            // (UDP/TLS/RTP/SAVP), and refuses a SAVPF section without a=rtcp-mux, in any case.
            (
                [("UDP/TLS/RTP/SAVPF", "UDP/TLS/RTP/SAVP"), ("a=rtcp-mux\r\n", "a=rtcp-mux-only\r\n")], .firefox,
                ["WEB108 warning", "WEB113 warning"]
            ),
            (
                [("a=rtcp-mux\r\n", "a=rtcp-mux-only\r\na=RTCP-MUX\r\n")], .firefox,
                ["SDP202 warning", "WEB108 warning", "WEB113 warning"]
            ),
            (
                [("a=rtcp-mux\r\n", "a=rtcp-mux-only\r\n")], .firefox,
                ["PRF601 error", "WEB108 warning", "WEB113 warning"]
            ),
            ([("a=setup:actpass", "a=setup:ACTPASS")], .firefox, ["SDP232 warning"]),
            ([("a=setup:actpass", "a=setup:ACTPASS")], .aiortc, ["PRF703 error"]),
            ([("a=setup:actpass", "a=setup:ACTPASS")], .gstreamer, ["PRF803 error"]),
            ([("sha-256 B1:B8:9F", "sha-256 b1:b8:9f")], .firefox, ["PRF625 error"]),
            ([("typ host", "typ HOST")], .chrome, ["PRF129 error"]),
            ([("typ host", "typ HOST")], .firefox, []),
            ([("c=IN IP4 0.0.0.0", "c=in ip4 0.0.0.0")], .chrome, ["PRF114 error"]),
            // White space where libwebrtc splits fields, or before a name: webrtcbin and SIPCC skip it.
            (
                [("a=setup:actpass", "a=  setup:actpass")], .chrome,
                ["PRF119 error", "SDP200 warning", "WEB103 warning"]
            ),
            ([("a=setup:actpass", "a=  setup:actpass")], .gstreamer, ["SDP200 warning", "WEB103 warning"]),
            ([("a=rtcp-mux\r\n", "a= rtcp-mux\r\n")], .firefox, ["SDP200 warning", "WEB113 warning"]),
            (
                [("a=rtpmap:111 opus/48000/2\r\n", "a=rtpmap:111 opus/48000/2\r\na=fmtp:111\tminptime=10\r\n")],
                .chrome,
                ["PRF121 error", "SDP231 warning"]
            ),
            (
                [("a=rtpmap:111 opus/48000/2\r\n", "a=rtpmap:111 opus/48000/2\r\na=fmtp:111\tminptime=10\r\n")],
                .aiortc,
                ["PRF705 error", "SDP231 warning"]
            ),
            // A signed priority: only libwebrtc refuses it; aiortc's int() takes a sign, not hex.
            ([("udp 2122260223", "udp +2122260223")], .chrome, ["PRF106 error"]),
            ([("udp 2122260223", "udp +2122260223")], .firefox, ["ICE106 warning"]),
            ([("udp 2122260223", "udp +2122260223")], .aiortc, ["ICE106 warning"]),
            ([("udp 2122260223", "udp 0x10")], .aiortc, ["ICE106 warning", "PRF705 error"]),
            // An MD5 fingerprint: libwebrtc makes none; SIPCC takes it.
            (
                [(Self.fingerprint, "a=fingerprint:md5 " + Array(repeating: "AB", count: 16).joined(separator: ":"))],
                .chrome, ["PRF130 error", "WEB119 warning"]
            ),
            (
                [(Self.fingerprint, "a=fingerprint:md5 " + Array(repeating: "AB", count: 16).joined(separator: ":"))],
                .firefox, ["WEB119 warning"]
            ),
            // A mid that is not a token: only libwebrtc refuses it.
            (
                [("a=group:BUNDLE 0", "a=group:BUNDLE a/b"), ("a=mid:0", "a=mid:a/b")], .firefox,
                ["SDP214 warning", "SDP216 warning"]
            ),
            (
                [("a=group:BUNDLE 0", "a=group:BUNDLE a/b"), ("a=mid:0", "a=mid:a/b")], .gstreamer,
                ["SDP214 warning", "SDP216 warning"]
            ),
            // aiortc reads two fields of a fingerprint and does not check the digest.
            ([(Self.fingerprint, "a=fingerprint:sha-256")], .aiortc, ["PRF705 error", "SDP221 warning"]),
            (
                [
                    (
                        Self.fingerprint,
                        Self.fingerprint.replacingOccurrences(of: ":", with: "").replacingOccurrences(
                            of: "a=fingerprintsha-256", with: "a=fingerprint:sha-256")
                    )
                ], .aiortc, ["SDP221 warning"]
            ),
            // A multicast c= address without a TTL: taken by every receiver measured; libwebrtc
            // refuses the suffix itself.
            ([("c=IN IP4 0.0.0.0", "c=IN IP4 224.2.1.1")], .chrome, ["SDP122 warning"]),
            ([("c=IN IP4 0.0.0.0", "c=IN IP4 224.2.1.1/127")], .chrome, ["PRF125 error"]),
            // SIPCC reads the m= port with strtoul.
            ([("m=audio 9 ", "m=audio +9 ")], .firefox, ["SDP128 warning"]),
            // A video stream's groups of libwebrtc's semantics must be complete, in a rejected
            // section too, and a SIM group has at most three SSRCs; "sim" and "FOO" are not its.
            (Self.asVideo + Self.addingLine("a=ssrc:1 cname:a\r\na=ssrc-group:FOO 1 2"), .chrome, ["SDP307 warning"]),
            (Self.asVideo + Self.addingLine("a=ssrc:1 cname:a\r\na=ssrc-group:SIM 1 2"), .chrome, ["PRF108 error"]),
            (Self.asVideo + Self.addingLine(Self.fourSSRCs + "a=ssrc-group:sim 1 2 3 4"), .chrome, []),
            (
                Self.asVideo + [("m=video 9 ", "m=video 0 ")]
                    + Self.addingLine(Self.fourSSRCs + "a=ssrc-group:SIM 1 2 3 4"),
                .chrome, ["PRF116 error", "WEB116 warning"]
            ),
            (
                Self.asVideo + [("m=video 9 ", "m=video 0 ")]
                    + Self.addingLine(Self.fourSSRCs + "a=ssrc-group:FID 1 2 3"),
                .chrome, ["PRF116 error", "WEB116 warning"]
            ),
            // A video section in use needs a codec that carries video: not RED, CN or none; an
            // unknown one libwebrtc takes, as it takes a rejected section without.
            (Self.asVideo + [("a=rtpmap:96 VP8/90000", "a=rtpmap:96 red/90000")], .chrome, ["PRF155 error"]),
            (Self.asVideo + [("a=rtpmap:96 VP8/90000", "a=rtpmap:96 CN/90000")], .chrome, ["PRF155 error"]),
            (Self.asVideo + [("a=rtpmap:96 VP8/90000", "a=rtpmap:96 foo/90000")], .chrome, []),
            (Self.asVideo + [("a=rtpmap:96 VP8/90000", "a=rtpmap:96 flexfec/90000")], .chrome, []),
            (Self.asVideo + [("a=rtpmap:96 VP8/90000\r\n", "")], .chrome, ["PRF155 error", "SDP302 warning"]),
            (
                Self.asVideo + [
                    ("a=rtpmap:96 VP8/90000\r\n", ""), ("m=video 9 ", "m=video 0 "), ("a=group:BUNDLE 0\r\n", ""),
                ], .chrome, ["SDP302 warning"]
            ),
            // An extension id naming two extensions in a BUNDLE group, an encrypted one too: libwebrtc
            // compares only the sections that have a codec; Firefox refuses the second section's
            // lack of ICE credentials first.
            (Self.extensionCollision, .chrome, ["PRF137 error"]),
            (Self.extensionCollision, .firefox, ["PRF602 error", "SDP318 warning"]),
            (
                Self.extensionCollision + [("a=rtpmap:111 opus/48000/2\r\n", "")], .chrome,
                ["SDP302 warning", "SDP318 warning"]
            ),
            (
                Self.extensionCollision + [
                    ("a=rtpmap:111 opus/48000/2\r\n", ""), ("SAVPF 111\r\n", "SAVPF 111 0\r\n"),
                ],
                .chrome, ["PRF137 error", "SDP302 warning"]
            ),
            (
                Self.extensionCollision.map {
                    $0.0 == "a=rtcp-mux\r\n"
                        ? (
                            $0.0,
                            "a=rtcp-mux\r\na=extmap:3 urn:ietf:params:rtp-hdrext:encrypt urn:3gpp:video-orientation\r\n"
                        ) : $0
                }, .chrome, ["PRF137 error"]
            ),
            // libwebrtc reads "a=sctp-port 5000" as a=sctp-port, which a port format refuses.
            (
                [
                    ("m=audio 9 UDP/TLS/RTP/SAVPF 111", "m=application 9 DTLS/SCTP 5000"),
                    ("a=rtcp-mux\r\n", "a=rtcp-mux\r\na=sctp-port 5000\r\n"),
                ], .chrome, ["PRF117 error", "SDP200 warning", "WEB118 warning"]
            ),
            (
                [
                    ("m=audio 9 UDP/TLS/RTP/SAVPF 111", "m=application 9 UDP/DTLS/SCTP webrtc-datachannel"),
                    ("a=rtcp-mux\r\n", "a=rtcp-mux\r\na=sctp-port 5000\r\n"),
                ], .chrome, ["SDP200 warning", "WEB118 warning"]
            ),
            // Payload type 70 beside rtcp-mux: libwebrtc checks the codecs of sections in use only.
            (
                [
                    ("a=group:BUNDLE 0", "a=group:BUNDLE 0 1"),
                    ("typ host\r\n", "typ host\r\n" + Self.videoWithType70(port: 9)),
                ],
                .chrome, ["WEB110 error"]
            ),
            ([("typ host\r\n", "typ host\r\n" + Self.videoWithType70(port: 0))], .chrome, []),
            // A last line without a line ending: libwebrtc refuses it, but for an m= line after a
            // section, at which the section ends and reading stops; SIPCC drops it, after a
            // carriage return inside an earlier line too.
            ([("typ host\r\n", "typ host\r\nm=video 9 UDP/TLS/RTP/SAVPF 96")], .chrome, Self.unreadVideoSection),
            ([("a=rtcp-mux\r\n", ""), ("typ host\r\n", "typ host\r\na=rtcp-mux")], .chrome, ["PRF122 error"]),
            (
                [("c=IN IP4 0.0.0.0\r\n", "c=IN IP4 0.0.0.0\r0\r\n"), ("typ host\r\n", "typ host\r\nm=video 9 ")],
                .firefox,
                [
                    "SDP109 warning", "SDP110 warning", "SDP123 warning", "SDP128 warning", "SDP129 warning",
                    "WEB106 warning",
                ]
            ),
            // SIPCC reads a TTL with strtoul, after any address: one past 2^64 - 1 it refuses.
            ([("c=IN IP4 0.0.0.0", "c=IN IP4 127.0.0.1/18446744073709551616")], .firefox, ["PRF603 error"]),
            (
                [("c=IN IP4 0.0.0.0", "c=IN IP4 127.0.0.1/18446744073709551615/4294967296")], .firefox,
                ["SDP122 warning", "SDP122 warning", "SDP122 warning"]
            ),
            // A mid of 17 bytes: Chromium refuses it in every section, Firefox in sections in use.
            (
                [("a=mid:0", "a=mid:abcdefghijklmnopq"), ("a=group:BUNDLE 0", "a=group:BUNDLE abcdefghijklmnopq")],
                .firefox, ["PRF636 error"]
            ),
            ([("typ host\r\n", "typ host\r\n" + Self.rejectedVideoWithLongMid)], .chrome, ["WEB114 error"]),
            ([("typ host\r\n", "typ host\r\n" + Self.rejectedVideoWithLongMid)], .firefox, ["WEB114 warning"]),
            // libwebrtc reads no a=fmtp outside audio and video, and a=sctp-port and
            // a=max-message-size in m=application only.
            (
                [("m=audio 9 UDP/TLS/RTP/SAVPF 111", "m=application 9 UDP/DTLS/SCTP webrtc-datachannel")]
                    + Self.addingLine("a=sctp-port:5000\r\na=fmtp:webrtc-datachannel max-message-size=100000"),
                .chrome, ["WEB118 warning"]
            ),
            (
                [("m=audio 9 UDP/TLS/RTP/SAVPF 111", "m=application 9 DTLS/SCTP 5000")] + Self.addingLine("a=fmtp:111"),
                .chrome, ["SDP211 warning", "WEB118 warning"]
            ),
            (
                [("m=audio 9 UDP/TLS/RTP/SAVPF 111", "m=o 1 DTLS/SCTP 5000")] + Self.addingLine("a=sctp-port"), .chrome,
                ["SDP203 warning", "WEB118 warning"]
            ),
            (
                [("m=audio 9 UDP/TLS/RTP/SAVPF 111", "m=text 9 UDP/DTLS/SCTP webrtc-datachannel")]
                    + Self.addingLine("a=max-message-size:x"), .chrome, ["SDP228 warning", "WEB118 warning"]
            ),
            // SIPCC reads DTLS/SCTP with a port as its format only.
            (
                [("m=audio 9 UDP/TLS/RTP/SAVPF 111", "m=application 9 DTLS/SCTP webrtc-datachannel")], .firefox,
                ["PRF617 error", "WEB118 warning"]
            ),
        ] as [([(String, String)], Profile, [String])])
    func measuredOnNewKindsOfOffer(_ changes: [(String, String)], _ profile: Profile, _ expected: [String]) {
        let bytes = Self.offer { text in
            changes.reduce(text) { $0.replacingOccurrences(of: $1.0, with: $1.1) }
        }
        #expect(bytes != Self.offer(), "the change applies")
        let found = check(bytes: bytes, [profile])
            .filter { $0.severity >= .warning }.map { "\($0.code.rawValue) \($0.severity)" }
        #expect(found.sorted() == expected.sorted())
    }

    /// Measured with Chromium 156 and Firefox ESR 153 on offers of the corpus changed byte by byte
    /// and line by line: how each browser reads a line's shape, its numbers and what follows a
    /// line it cannot read (SIPCC stops there).
    @Test(
        arguments: [
            // White space after '=': libwebrtc refuses it but in s=; SIPCC reads "v= 0" as 0.
            ([("t=0 0", "t= 0 0")], Profile.chrome, ["PRF131 error"]),
            ([("v=0", "v= 0")], .chrome, ["PRF131 error"]),
            ([("v=0", "v= 0")], .firefox, ["SDP102 warning"]),
            ([("v=0", "v=1")], .firefox, ["PRF628 error"]),
            // libwebrtc splits a=msid and a=rtcp-fb into fields and checks no characters.
            ([("a=rtcp-mux\r\n", "a=rtcp-mux\r\na=msid:s t x\r\n")], .chrome, ["PRF132 error"]),
            ([("a=rtcp-mux\r\n", "a=rtcp-mux\r\na=msid:s) t\r\n")], .chrome, ["SDP215 warning"]),
            ([("a=rtcp-mux\r\n", "a=rtcp-mux\r\na=msid:s \r\n")], .chrome, ["PRF132 error"]),
            ([("a=rtcp-mux\r\n", "a=rtcp-mux\r\na=rtcp-fb:111 nack?\r\n")], .chrome, ["SDP212 warning"]),
            ([("a=rtcp-mux\r\n", "a=rtcp-mux\r\na=rtcp-fb:111\r\n")], .chrome, ["PRF133 error"]),
            // o=: libwebrtc reads neither its types nor its numbers; SIPCC's numbers wrap past 2^64-1.
            ([("IN IP4 127.0.0.1", "IN IP 127.0.0.1")], .chrome, ["SDP133 warning"]),
            ([(" 2 IN IP4", " 98765432109876543210 IN IP4")], .chrome, ["SDP137 warning"]),
            ([(" 2 IN IP4", " 98765432109876543210 IN IP4")], .firefox, ["SDP137 warning"]),
            ([("4611731400430051336", "12345678901234567890")], .firefox, ["PRF626 error"]),
            // A type SDP does not define: libwebrtc refuses it among the session lines only.
            ([("t=0 0\r\n", "t=0 0\r\nd=foo\r\n")], .chrome, ["PRF134 error"]),
            ([("t=0 0\r\n", "t=0 0\r\nd=foo\r\n")], .firefox, ["PRF627 error"]),
            ([("a=rtcp-mux\r\n", "a=rtcp-mux\r\nd=foo\r\n")], .chrome, ["SDP106 warning"]),
            // SIPCC stops at a line that is not type=value: refused when what follows is needed.
            ([("typ host\r\n", "typ host\r\nxyz\r\n")], .firefox, ["SDP101 warning"]),
            ([("a=ice-ufrag", "xyz\r\na=ice-ufrag")], .firefox, ["PRF627 error"]),
            ([("a=ice-ufrag", "\r\na=ice-ufrag")], .firefox, ["PRF621 error"]),
            // Control bytes: libwebrtc keeps them in values, SIPCC ends a line at NUL, a value at CR.
            ([("v=0", "\u{FEFF}v=0")], .chrome, ["PRF135 error"]),
            ([("s=-", "s=a\u{0}b")], .chrome, ["SDP110 warning"]),
            ([("s=-", "s=a\u{0}b")], .firefox, ["PRF627 error"]),
            // Numbers as SIPCC reads them: 32 bits by strtoul, of which a port and a payload type
            // keep 16 (a type the high byte of them); past 32 bits a format or an extmap is not read.
            ([("SAVPF 111\r\n", "SAVPF 111 128\r\n")], .firefox, ["PRF635 error"]),
            ([("SAVPF 111\r\n", "SAVPF 111 65535\r\n")], .firefox, ["PRF635 error"]),
            ([("SAVPF 111\r\n", "SAVPF 111 256\r\n")], .firefox, ["PRF623 error", "SDP303 warning"]),
            ([("SAVPF 111\r\n", "SAVPF 111 1000\r\n")], .firefox, ["SDP303 warning"]),
            ([("SAVPF 111\r\n", "SAVPF 111 4294967296\r\n")], .firefox, ["SDP303 warning"]),
            ([("SAVPF 111\r\n", "SAVPF 111 -0\r\n")], .chrome, ["SDP303 warning"]),
            (
                [
                    (
                        "a=rtcp-mux\r\n",
                        "a=rtcp-mux\r\na=extmap:4294967296 urn:ietf:params:rtp-hdrext:ssrc-audio-level\r\n"
                    )
                ],
                .firefox, ["SDP213 warning"]
            ),
            (
                [
                    (
                        "a=rtcp-mux\r\n",
                        "a=rtcp-mux\r\na=extmap:4294967295 urn:ietf:params:rtp-hdrext:ssrc-audio-level\r\n"
                    )
                ],
                .firefox, ["PRF604 error"]
            ),
            ([("m=audio 9 ", "m=audio 65536 ")], .firefox, ["PRF608 error", "SDP128 warning"]),
            ([("m=audio 9 ", "m=audio 4294967295 ")], .firefox, ["PRF610 error"]),
            (
                Self.addingBundledSection(
                    "m=video -0 UDP/TLS/RTP/SAVPF 96\r\nc=IN IP4 0.0.0.0\r\na=mid:1\r\na=sendrecv\r\na=rtcp-mux\r\na=rtpmap:96 VP8/90000\r\n"
                ), .firefox, ["SDP128 warning", "WEB101 warning", "WEB102 warning", "WEB103 warning"]
            ),
            ([("a=rtcp-mux\r\n", "a=rtcp-mux\r\na=rtcp-fb:18446744073709551616 nack\r\n")], .chrome, ["PRF133 error"]),
            // SIPCC reads a=mid and a=setup as a token; libwebrtc refuses the rest.
            ([("a=setup:actpass", "a=setup:actpass actpass")], .firefox, ["SDP222 warning"]),
            (
                [("a=mid:0", "a=mid:0 abcdefghijklmnopqrstuvwxyz")], .firefox,
                ["SDP214 warning", "SDP309 warning", "WEB114 warning"]
            ),
            // A fingerprint line each refuses: one finding.
            ([("a=fingerprint:sha-256", "a=fingerprint :sha-256")], .firefox, ["PRF607 error", "WEB102 warning"]),
            ([("a=fingerprint:sha-256", "a=fingerprint sha-256")], .chrome, ["PRF150 error", "WEB102 warning"]),
            // a=rtpmap and a=fmtp as libwebrtc splits them: a name it needs, parameters it does not check.
            ([("a=rtpmap:111 opus/48000/2", "a=rtpmap:111 /48000/2")], .chrome, ["PRF136 error"]),
            ([("opus/48000/2\r\n", "opus/48000/2\r\na=fmtp:111\r\n")], .chrome, ["PRF151 error"]),
            ([("opus/48000/2\r\n", "opus/48000/2\r\na=fmtp:111 \r\n")], .chrome, ["SDP109 warning", "SDP211 warning"]),
            ([("opus/48000/2\r\n", "opus/48000/2\r\na=fmtp:111 x\r\n")], .chrome, []),
            ([("opus/48000/2\r\n", "opus/48000/2\r\na=fmtp:* x\r\n")], .chrome, ["PRF151 error"]),
            // A hash function that is no token: Firefox takes it for one it does not know.
            (
                [
                    (
                        "a=setup:actpass",
                        Self.fingerprint.replacingOccurrences(of: "sha-256", with: "sha@256") + "\r\na=setup:actpass"
                    )
                ],
                .firefox, ["SDP221 warning"]
            ),
            ([("a=fingerprint:sha-256", "a=fingerprint:55:36")], .firefox, ["PRF607 error"]),
            // RTP as libwebrtc finds it: the first "RTP/", not after a letter.
            ([("UDP/TLS/RTP/SAVPF 111", "UDP/TLS/ZRTP/SAVPF 111")], .chrome, ["PRF114 error"]),
            ([("UDP/TLS/RTP/SAVPF 111", "ZRTP/RTP/SAVPF 111")], .chrome, ["PRF114 error"]),
            ([("UDP/TLS/RTP/SAVPF 111", "UDP/TLS/X-RTP/SAVPF 111")], .chrome, ["SDP133 warning"]),
            // Firefox hands SIPCC a C string: the line of a NUL is an unended last line, not read.
            (
                [("a=rtpmap:111", "a=rtpmap\u{0}:111")], .firefox,
                ["SDP110 warning", "SDP200 warning", "SDP302 warning"]
            ),
            ([("a=candidate:1", "a=\u{0}candidate:1")], .firefox, ["SDP110 warning", "SDP200 warning"]),
            ([("3mWrW+", "3mWr\u{0}W+")], .firefox, ["ICE121 warning", "PRF627 error"]),
            // An unended a=bundle-only: SIPCC drops it, and the section is rejected, not bundled.
            (
                [
                    (
                        "typ host\r\n",
                        "typ host\r\nm=application 0 UDP/DTLS/SCTP webrtc-datachannel\r\nc=IN IP4 0.0.0.0\r\na=bundle-only"
                    )
                ],
                .firefox, ["WEB101 warning", "WEB102 warning", "WEB103 warning", "WEB106 warning", "WEB118 warning"]
            ),
            (
                Self.addingBundledSection(
                    "m=application 0 UDP/DTLS/SCTP webrtc-datachannel\r\nc=IN IP4 0.0.0.0\r\na=mid:1\r\na=bundle-only"),
                .chrome, ["PRF122 error", "WEB118 warning"]
            ),
            ([("a=mid:0\r\n", "a=mid:0\r\r\n")], .chrome, ["PRF113 error", "SDP110 warning", "SDP309 warning"]),
            ([("a=mid:0\r\n", "a=mid:0\r\r\n")], .firefox, ["SDP110 warning", "SDP214 warning", "SDP309 warning"]),
            // c= addresses: SIPCC reads a number from the first three characters of an IPv4 one.
            ([("c=IN IP4 0.0.0.0", "c=IN IP4 0..0.0")], .firefox, ["SDP129 warning"]),
            ([("c=IN IP4 0.0.0.0", "c=IN IP4 abc")], .firefox, ["PRF603 error"]),
            ([("c=IN IP4 0.0.0.0", "c=IN IP4 224.1.1.1/")], .firefox, ["PRF603 error"]),
            ([("c=IN IP4 0.0.0.0", "c=IN IP4 224.1.1.1/300")], .firefox, ["SDP122 warning"]),
            ([("c=IN IP4 0.0.0.0", "c=IN IP4 224.1.1.1/300")], .chrome, ["PRF125 error"]),
            // A bundled section after the first, at a port of its own, without its transport:
            // libwebrtc takes it, and both or neither ICE credentials; Firefox refuses it.
            (
                Self.addingBundledSection(
                    "m=video 50000 UDP/TLS/RTP/SAVPF 96\r\nc=IN IP4 0.0.0.0\r\na=mid:1\r\na=sendrecv\r\na=rtcp-mux\r\na=rtpmap:96 VP8/90000\r\n"
                ), .chrome,
                ["WEB101 warning", "WEB102 warning", "WEB103 warning"]
            ),
            (
                Self.addingBundledSection(
                    "m=video 50000 UDP/TLS/RTP/SAVPF 96\r\nc=IN IP4 0.0.0.0\r\na=mid:1\r\na=sendrecv\r\na=rtcp-mux\r\na=rtpmap:96 VP8/90000\r\n"
                ), .firefox,
                ["PRF602 error", "WEB101 warning", "WEB102 warning", "WEB103 warning"]
            ),
            ([("a=group:BUNDLE 0\r\n", ""), ("a=fingerprint", "a=x-fingerprint")], .chrome, ["PRF104 error"]),
            // a=rtpmap, a=extmap and m= as libwebrtc splits them: fields past what it reads are taken.
            ([("a=rtpmap:111 opus/48000/2", "a=rtpmap:111 opus/48000/2 opus/48000/2")], .chrome, ["SDP210 warning"]),
            ([("a=rtpmap:111 opus/48000/2", "a=rtpmap:111 opus")], .chrome, ["PRF136 error"]),
            (
                [("a=rtcp-mux\r\n", "a=rtcp-mux\r\na=extmap:5 5 urn:ietf:params:rtp-hdrext:toffset\r\n")], .chrome,
                ["SDP213 warning"]
            ),
            (
                [("a=rtcp-mux\r\n", "a=rtcp-mux\r\na=extmap:256 urn:ietf:params:rtp-hdrext:toffset\r\n")], .chrome,
                ["PRF137 error"]
            ),
            ([("m=audio 9 UDP/TLS/RTP/SAVPF 111", "m=audio 9 ,DP/TLS/RTP/SAVPF 111")], .chrome, ["SDP128 warning"]),
            ([("m=audio 9 UDP/TLS/RTP/SAVPF 111", "m=audio UDP/TLS/RTP/SAVPF 9 111")], .chrome, ["PRF138 error"]),
            ([("a=rtcp-mux\r\n", "a=rtcp-mux\r\na=ssrc:1 msid:a b b\r\n")], .chrome, ["PRF132 error"]),
            // c=: libwebrtc needs IN and compares the type with an IP address only; SIPCC needs an address.
            ([("c=IN IP4 0.0.0.0", "c=IN IN IP4 0.0.0.0")], .chrome, ["SDP122 warning", "SDP133 warning"]),
            ([("c=IN IP4 0.0.0.0", "c=IN ip4 0.0.0.0")], .chrome, ["PRF114 error"]),
            ([("c=IN IP4 0.0.0.0", "c=IN IP4 ")], .chrome, ["SDP109 warning", "SDP122 warning"]),
            ([("c=IN IP4 0.0.0.0", "c=IN IP4 ")], .firefox, ["PRF603 error", "SDP109 warning"]),
            // o= and t=: libwebrtc splits o= into six fields, empty ones too; SIPCC reads six of o=, two of t=.
            ([(" 2 IN IP4", " 2  IP4")], .chrome, ["SDP109 warning", "SDP120 warning"]),
            ([("IN IP4 127.0.0.1", "IN IP4 127.0.0.1 127.0.0.1")], .firefox, ["SDP120 warning"]),
            ([("IN IP4 127.0.0.1", "IP4 127.0.0.1")], .firefox, ["PRF626 error"]),
            ([("t=0 0", "t=0 0 0")], .firefox, ["SDP125 warning"]),
            ([("t=0 0", "t=x 0")], .firefox, ["PRF629 error"]),
            // A candidate transport that is neither UDP nor TCP: libwebrtc refuses the line; a format
            // SIPCC reads as 1.
            ([("udp 2122260223", "9dp 2122260223")], .chrome, ["PRF144 error"]),
            ([("udp 2122260223", "9dp 2122260223")], .firefox, ["ICE205 warning"]),
            (
                [("m=audio 9 UDP/TLS/RTP/SAVPF 111", "m=audio 9 UDP/TLS/RTP/SAVPF 111 1N1")], .firefox,
                ["PRF623 error", "SDP303 warning"]
            ),
            // aiortc reads a=rtcp-fb's type for a mapped codec only, and v= with int().
            ([("a=rtcp-mux\r\n", "a=rtcp-mux\r\na=rtcp-fb:111 nack?\r\n")], .aiortc, ["SDP212 warning"]),
            ([("a=rtcp-mux\r\n", "a=rtcp-mux\r\na=rtcp-fb:111\r\n")], .aiortc, ["PRF705 error", "SDP212 warning"]),
            ([("a=rtcp-mux\r\n", "a=rtcp-mux\r\na=rtcp-fb:112\r\n")], .aiortc, ["SDP212 warning"]),
            ([("v=0", "v=0x")], .aiortc, ["PRF705 error", "SDP102 warning"]),
            // One track id with the same streams in two sections: libwebrtc refuses it, in other
            // streams it takes it; one SSRC in two sections it takes, as webrtcbin does.
            (
                Self.addingBundledSection(
                    "a=msid:s t\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\nc=IN IP4 0.0.0.0\r\na=mid:1\r\na=sendrecv\r\na=rtcp-mux\r\na=rtpmap:111 opus/48000/2\r\na=msid:s t\r\n"
                ), .chrome, ["PRF140 error"]
            ),
            (
                Self.addingBundledSection(
                    "a=msid:- t\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\nc=IN IP4 0.0.0.0\r\na=mid:1\r\na=sendrecv\r\na=rtcp-mux\r\na=rtpmap:111 opus/48000/2\r\na=msid:- t\r\n"
                ), .chrome, ["PRF140 error"]
            ),
            (
                Self.addingBundledSection(
                    "a=msid:s t\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\nc=IN IP4 0.0.0.0\r\na=mid:1\r\na=sendrecv\r\na=rtcp-mux\r\na=rtpmap:111 opus/48000/2\r\na=msid:s2 t\r\n"
                ), .chrome, []
            ),
            (
                Self.addingBundledSection(
                    "a=msid:s t\r\na=msid:s2 t\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\nc=IN IP4 0.0.0.0\r\na=mid:1\r\na=sendrecv\r\na=rtcp-mux\r\na=rtpmap:111 opus/48000/2\r\na=msid:s2 t\r\n"
                ), .chrome, []
            ),
            (
                Self.addingBundledSection(
                    "a=ssrc:5 cname:x\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\nc=IN IP4 0.0.0.0\r\na=mid:1\r\na=sendrecv\r\na=rtcp-mux\r\na=rtpmap:111 opus/48000/2\r\na=ssrc:5 cname:x\r\n"
                ), .chrome, ["WEB107 warning"]
            ),
            (
                Self.addingBundledSection(
                    "a=ssrc:5 cname:x\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\nc=IN IP4 0.0.0.0\r\na=ice-ufrag:YlEE\r\na=ice-pwd:GTRA27kgJhvarXtLIz3mWrW+\r\na=fingerprint:sha-256 B1:B8:9F:17:0C:3B:68:F2:52:A5:12:A3:EE:90:25:7D:65:AD:C8:67:6A:5E:63:D4:F3:1F:95:F5:68:C7:FB:64\r\na=setup:actpass\r\na=mid:1\r\na=sendrecv\r\na=rtcp-mux\r\na=rtpmap:111 opus/48000/2\r\na=ssrc:5 cname:x\r\n"
                ), .gstreamer, ["WEB107 warning"]
            ),
            // A second a=simulcast: libwebrtc refuses it; SIPCC takes it.
            (
                [("a=rtcp-mux\r\n", "a=rtcp-mux\r\na=simulcast:send h\r\na=simulcast:send l\r\n")], .chrome,
                ["PRF139 error", "SDP312 warning"]
            ),
            // rtcp-mux in every audio and video section, bundled or not; a=ssrc as libwebrtc reads it.
            ([("a=group:BUNDLE 0\r\n", ""), ("a=rtcp-mux\r\n", "")], .chrome, ["PRF103 error"]),
            ([("a=rtcp-mux\r\n", "a=rtcp-mux\r\na=ssrc:1 1 cname:x\r\n")], .chrome, ["SDP217 warning"]),
            ([("a=rtcp-mux\r\n", "a=rtcp-mux\r\na=ssrc:x cname:x\r\n")], .chrome, ["PRF124 error"]),
            // Candidate extensions: libwebrtc skips unknown names and reads generation as a number.
            ([("typ host", "typ host generation x")], .chrome, ["PRF129 error"]),
            ([("typ host", "typ host genera@ion 0")], .chrome, ["ICE113 warning"]),
            ([("s=-\r\n", "s=-\r\ni=\r\n")], .chrome, ["PRF131 error"]),
            ([("c=IN IP4 0.0.0.0", "c=IN  0.0.0.0")], .chrome, ["PRF114 error", "SDP109 warning", "SDP122 warning"]),
            // An SCTP section's format: SIPCC reads the first; libwebrtc an empty one as a port.
            (
                [
                    (
                        "m=audio 9 UDP/TLS/RTP/SAVPF 111",
                        "m=application 9 UDP/DTLS/SCTP UDP/DTLS/SCTP webrtc-datachannel"
                    ),
                    ("a=rtpmap:111 opus/48000/2\r\n", "a=sctp-port:5000\r\n"),
                ], .firefox, ["PRF617 error", "WEB118 warning"]
            ),
            (
                [
                    ("m=audio 9 UDP/TLS/RTP/SAVPF 111", "m=application 9 UDP/DTLS/SCTP "),
                    ("a=rtpmap:111 opus/48000/2\r\n", "a=sctp-port:5000\r\n"),
                ], .chrome, ["PRF117 error", "SDP109 warning", "SDP128 warning", "WEB118 warning"]
            ),
        ] as [([(String, String)], Profile, [String])])
    func measuredOnLinesAsEachBrowserReadsThem(
        _ changes: [(String, String)], _ profile: Profile, _ expected: [String]
    ) {
        measuredOnNewKindsOfOffer(changes, profile, expected)
    }

    /// Measured with aiortc 1.16 and GStreamer 1.22's webrtcbin on this offer: how each reads a
    /// line (aiortc: Python's splitlines(), split() and int(); webrtcbin: GstSdp's values, up to
    /// a carriage return) and which of several lines webrtcbin looks at.
    @Test(
        arguments: [
            // webrtcbin refuses key data on the session's k= line, and no other k= line.
            ([("t=0 0\r\n", "t=0 0\r\nk=clear:abc\r\n")], Profile.gstreamer, ["PRF805 error"]),
            ([("t=0 0\r\n", "t=0 0\r\nk=prompt\r\n")], .gstreamer, ["SDP127 warning"]),
            ([("c=IN IP4 0.0.0.0\r\n", "c=IN IP4 0.0.0.0\r\nk=clear:abc\r\n")], .gstreamer, ["SDP127 warning"]),
            // It reads a section's first a=setup, up to a carriage return.
            ([("a=setup:actpass\r\n", "a=setup:actpass\r\na=setup:holdconn\r\n")], .gstreamer, ["SDP206 warning"]),
            (
                [("a=setup:actpass\r\n", "a=setup:holdconn\r\na=setup:actpass\r\n")], .gstreamer,
                ["PRF803 error", "SDP206 warning"]
            ),
            ([("a=setup:actpass\r\n", "a=setup:actpass\r\r\n")], .gstreamer, ["SDP110 warning", "SDP222 warning"]),
            (
                [("a=setup:actpass\r\n", "a=setup:actpass\r\na=setup:\r\n")], .gstreamer,
                ["SDP206 warning", "SDP222 warning"]
            ),
            (
                [("a=setup:actpass\r\n", "a=setup:actpass\r\na=setup:bogus\r\n")], .gstreamer,
                ["SDP206 warning", "SDP222 warning"]
            ),
            // It reads the text up to a NUL byte; it takes a=rtcp-mux-only without a=rtcp-mux.
            (
                [("a=mid:0\r\n", "a=mid:0\u{0}\r\n")], .gstreamer,
                ["SDP110 warning", "SDP214 warning", "SDP309 warning"]
            ),
            (
                [("a=ice-pwd:GTRA27kgJhvarXtLIz3mWrW+\r\n", "a=ice-pwd:GTRA27kgJhvarXtLIz3mWrW+\u{0}\r\n")],
                .gstreamer, ["ICE121 warning", "PRF806 error"]
            ),
            ([("a=rtcp-mux\r\n", "a=rtcp-mux-only\r\n")], .gstreamer, ["WEB108 warning", "WEB113 warning"]),
            // aiortc's lines end wherever Python's splitlines() ends one; int() takes no U+001F.
            ([("a=rtcp-mux\r\n", "a=rtcp-mux\u{0B}\r\n")], .aiortc, ["SDP200 warning", "WEB113 warning"]),
            ([("a=rtcp-mux\r\n", "a=rtcp-mux\u{2028}\r\n")], .aiortc, ["SDP200 warning", "WEB113 warning"]),
            (
                [("opus/48000/2\r\n", "opus/48000/2\r\na=fmtp:111 minptime=\u{0B}10\r\n")], .aiortc,
                ["PRF705 error"]
            ),
            (
                [("opus/48000/2\r\n", "opus/48000/2\u{1F}\r\n")], .aiortc,
                ["PRF705 error", "SDP210 warning", "SDP313 warning"]
            ),
            // It reads seven fmtp parameters with int(), by their names as written.
            (
                [("opus/48000/2\r\n", "opus/48000/2\r\na=fmtp:111 minptime=\u{1F}10\r\n")], .aiortc,
                ["PRF705 error"]
            ),
            ([("opus/48000/2\r\n", "opus/48000/2\r\na=fmtp:111 minptime=x\r\n")], .aiortc, ["PRF705 error"]),
            ([("opus/48000/2\r\n", "opus/48000/2\r\na=fmtp:111 MINPTIME=x\r\n")], .aiortc, []),
            // A section's fingerprint must be the session's; a=mid is read from the section.
            (
                [
                    (
                        "t=0 0\r\n",
                        "t=0 0\r\na=fingerprint:sha-1 4A:AD:B9:B1:3F:82:18:3B:54:02:12:DF:3E:5D:49:6B:19:E5:7C:AB\r\n"
                    )
                ],
                .gstreamer, ["PRF802 error"]
            ),
            ([("t=0 0\r\n", "t=0 0\r\n" + Self.fingerprint + "\r\n")], .gstreamer, []),
            (
                [("a=mid:0\r\n", ""), ("t=0 0\r\n", "t=0 0\r\na=mid:0\r\n")], .gstreamer,
                ["PRF801 error", "SDP205 warning", "SDP309 warning", "WEB106 warning"]
            ),
            // BUNDLE members' own ufrags are compared from the first that has one.
            (
                Self.addingBundledSection(Self.secondSection(ufrag: false))
                    + [("t=0 0\r\n", "t=0 0\r\na=ice-ufrag:YlEE\r\n")], .gstreamer, ["PRF802 error"]
            ),
            (
                Self.addingBundledSection(Self.secondSection(ufrag: true))
                    + [("a=ice-ufrag:YlEE\r\na=ice-pwd", "a=ice-pwd"), ("t=0 0\r\n", "t=0 0\r\na=ice-ufrag:YlEE\r\n")],
                .gstreamer, []
            ),
            // aiortc splits a value once at a space and reads its numbers with int().
            ([("a=rtpmap:111", "a=rtpmap: 111")], .aiortc, ["PRF705 error", "SDP231 warning"]),
            (
                [("a=rtpmap:111 opus/48000/2", "a=rtpmap:111 opus/48000/2/1")], .aiortc,
                ["SDP210 warning", "SDP313 warning"]
            ),
            (
                [("a=rtpmap:111 opus/48000/2", "a=rtpmap:111 opus/48000/x")], .aiortc,
                ["PRF705 error", "SDP210 warning", "SDP313 warning"]
            ),
            ([("typ host\r\n", "typ host\r\na=ssrc: 5 cname:x\r\n")], .aiortc, ["PRF705 error", "SDP231 warning"]),
            (
                [("a=rtcp-mux\r\n", "a=rtcp-mux\r\na=rtcp:9 IN IP4 0.0.0.0 \r\n")], .aiortc,
                ["PRF705 error", "SDP109 warning"]
            ),
            ([("a=rtcp-mux\r\n", "a=rtcp-mux\r\na=rtcp:9\t\r\n")], .aiortc, ["SDP109 warning"]),
            // It splits a fingerprint and the formats at any white space.
            ([("a=fingerprint:sha-256 ", "a=fingerprint:sha-256\t")], .aiortc, ["SDP231 warning"]),
            (
                [
                    ("SAVPF 111\r\n", "SAVPF 111  0\r\n"),
                    ("a=rtpmap:111 opus/48000/2\r\n", "a=rtpmap:111 opus/48000/2\r\na=rtpmap:0 PCMU/8000\r\n"),
                ], .aiortc, ["SDP109 warning"]
            ),
            // It looks up a session-level a=setup as written, and ends a line at a lone CR.
            ([("t=0 0\r\n", "t=0 0\r\na=setup:actpass \r\n")], .aiortc, ["PRF703 error", "SDP109 warning"]),
            (
                [("a=ice-ufrag:YlEE\r\n", "a=ice-ufrag:YlEE\r")], .aiortc,
                ["ICE120 warning", "SDP110 warning", "WEB101 warning"]
            ),
        ] as [([(String, String)], Profile, [String])])
    func measuredOnWhatAiortcAndWebrtcbinRead(_ changes: [(String, String)], _ profile: Profile, _ expected: [String]) {
        measuredOnNewKindsOfOffer(changes, profile, expected)
    }

    /// Measured with Chromium 156 and Firefox ESR 153 on browser offers with one more line that
    /// a standard allows, at the session level or in an audio, video or data channel section:
    /// which attributes each reads where, and which of several lines.
    @Test(
        arguments: [
            // libwebrtc reads no RTP attribute in a data channel section, and keeps only the
            // simulcast streams an a=rid line declares.
            (
                Self.addingBundledSection(Self.dataSection + "a=ssrc:1\r\n"), .chrome,
                ["SDP217 warning", "WEB118 warning"]
            ),
            (
                Self.addingBundledSection(Self.dataSection + "a=simulcast:send h;l\r\n"), .chrome,
                ["SDP312 warning", "SDP312 warning", "WEB118 warning"]
            ),
            (
                [("a=rtcp-mux\r\n", "a=rtcp-mux\r\na=simulcast:send h;l\r\n")], .chrome,
                ["SDP312 warning", "SDP312 warning"]
            ),
            (
                [("a=rtcp-mux\r\n", "a=rtcp-mux\r\na=rid:h send\r\na=simulcast:send h;l\r\n")], .chrome,
                ["PRF126 error", "SDP312 warning"]
            ),
            (
                [("a=rtcp-mux\r\n", "a=rtcp-mux\r\na=rid:h recv\r\na=simulcast:send h;l\r\n")], .chrome,
                ["SDP312 warning", "SDP312 warning"]
            ),
            // Two a=msid lines: one track in two streams is taken, two track ids are not (RFC 8830 §2).
            ([("a=rtcp-mux\r\n", "a=rtcp-mux\r\na=msid:s t\r\na=msid:stream\r\n")], .chrome, []),
            ([("a=rtcp-mux\r\n", "a=rtcp-mux\r\na=msid:s t\r\na=msid:- -\r\n")], .chrome, ["WEB112 error"]),
            // libwebrtc reads a section's last a=mid; SIPCC its first a=setup.
            (
                Self.addingBundledSection(
                    "m=audio 9 UDP/TLS/RTP/SAVPF 111\r\nc=IN IP4 0.0.0.0\r\na=mid:1\r\na=sendrecv\r\na=rtcp-mux\r\na=rtpmap:111 opus/48000/2\r\na=mid:0\r\n"
                ), .chrome, ["PRF107 error", "SDP206 warning"]
            ),
            ([("a=setup:actpass\r\n", "a=setup:actpass\r\na=setup:holdconn\r\n")], .firefox, ["SDP206 warning"]),
            (
                [("a=rtcp-mux\r\n", "a=rtcp-mux\r\na=rid:h send\r\na=simulcast:send h\r\na=simulcast:send x\r\n")],
                .firefox, ["SDP206 warning"]
            ),
            (
                [("a=setup:actpass\r\n", "a=setup:holdconn\r\na=setup:actpass\r\n")], .firefox,
                ["PRF606 error", "SDP206 warning"]
            ),
            // libwebrtc refuses RFC 6904's encrypted form around itself.
            (
                [
                    (
                        "a=rtcp-mux\r\n",
                        "a=rtcp-mux\r\na=extmap:1 urn:ietf:params:rtp-hdrext:encrypt urn:ietf:params:rtp-hdrext:encrypt\r\n"
                    )
                ], .chrome, ["PRF137 error"]
            ),
            (
                [
                    (
                        "a=rtcp-mux\r\n",
                        "a=rtcp-mux\r\na=extmap:1 urn:ietf:params:rtp-hdrext:encrypt urn:ietf:params:rtp-hdrext:ssrc-audio-level\r\n"
                    )
                ], .chrome, []
            ),
            // SIPCC skips an a=extmap line with a direction it does not know, and reads one in any case.
            (
                [
                    (
                        "a=rtcp-mux\r\n",
                        "a=rtcp-mux\r\na=extmap:0/sideways urn:ietf:params:rtp-hdrext:ssrc-audio-level\r\n"
                    )
                ],
                .firefox, ["SDP213 warning", "SDP235 warning"]
            ),
            (
                [
                    (
                        "a=rtcp-mux\r\n",
                        "a=rtcp-mux\r\na=extmap:15/Recvonly urn:ietf:params:rtp-hdrext:ssrc-audio-level\r\n"
                    )
                ],
                .firefox, ["PRF604 error", "SDP235 warning"]
            ),
            // A section without a=extmap lines reads the session's, ids 1–14 only to SIPCC.
            (
                [("t=0 0\r\n", "t=0 0\r\na=extmap:15 urn:ietf:params:rtp-hdrext:toffset\r\n")], .firefox,
                ["PRF604 error"]
            ),
            ([("t=0 0\r\n", "t=0 0\r\na=extmap:14 urn:ietf:params:rtp-hdrext:toffset\r\n")], .firefox, []),
            (
                [
                    ("t=0 0\r\n", "t=0 0\r\na=extmap:15 urn:ietf:params:rtp-hdrext:toffset\r\n"),
                    ("a=rtcp-mux\r\n", "a=rtcp-mux\r\na=extmap:2 urn:ietf:params:rtp-hdrext:sdes:mid\r\n"),
                ], .firefox, ["SDP320 warning"]
            ),
            // SIPCC refuses a k= line without a method, and clear, base64 or uri without a key.
            ([("t=0 0\r\n", "t=0 0\r\nk=clear:\r\n")], .firefox, ["PRF632 error", "SDP127 warning"]),
            ([("t=0 0\r\n", "t=0 0\r\nk=\r\n")], .firefox, ["PRF632 error", "SDP127 warning"]),
            (
                [("c=IN IP4 0.0.0.0\r\n", "c=IN IP4 0.0.0.0\r\nk=base64:\r\n")], .firefox,
                ["PRF632 error", "SDP127 warning"]
            ),
            ([("t=0 0\r\n", "t=0 0\r\nk=prompt\r\n")], .firefox, ["SDP127 warning"]),
            ([("t=0 0\r\n", "t=0 0\r\nk=clear:\r\n")], .chrome, ["SDP127 warning"]),
            // libwebrtc takes '-', '_' and '=' in ICE credentials, which ice-char lacks, but not '.'.
            ([("a=ice-ufrag:YlEE", "a=ice-ufrag:Yl-E")], .chrome, ["ICE120 warning"]),
            ([("a=ice-ufrag:YlEE", "a=ice-ufrag:Yl.E")], .chrome, ["PRF111 error"]),
            // It reads a=max-message-size into a 32-bit int.
            (
                Self.addingBundledSection(Self.dataChannelSection(maxMessageSize: "4294967296")), .chrome,
                ["PRF143 error"]
            ),
            (Self.addingBundledSection(Self.dataChannelSection(maxMessageSize: "2147483647")), .chrome, []),
            // libwebrtc's candidate transports, tcptype and priority; half a related address
            // passes everywhere.
            ([(Self.hostCandidate, Self.hostCandidate + " tcptype active")], .chrome, ["PRF145 error"]),
            ([(Self.hostCandidate, Self.hostCandidate + " tcptype active")], .firefox, ["ICE203 warning"]),
            (
                [(Self.hostCandidate, "1 1 tcp 2122260223 192.0.2.1 9 typ host tcptype ACTIVE")], .chrome,
                ["PRF145 error", "WEB124 warning"]
            ),
            ([(Self.hostCandidate, "1 1 ssltcp 2122260223 192.0.2.1 9 typ host")], .chrome, ["ICE205 warning"]),
            ([(Self.hostCandidate, "1 1 udp 02122260223 192.0.2.1 9 typ host")], .chrome, ["ICE106 warning"]),
            (
                [(Self.hostCandidate, "1 1 udp 2122260223 192.0.2.1 9 typ srflx raddr 10.0.0.1")], .chrome,
                ["ICE110 warning"]
            ),
            (
                [(Self.hostCandidate, "1 1 udp 2122260223 192.0.2.1 9 typ srflx raddr 10.0.0.1")], .firefox,
                ["ICE110 warning"]
            ),
            // libwebrtc refuses an a=ssrc-group that names an SSRC twice; SIPCC takes it.
            (
                Self.addingBundledSection(Self.videoSection(ssrcGroup: "FID 1 1")), .chrome, ["PRF146 error"]
            ),
            (Self.addingBundledSection(Self.videoSection(ssrcGroup: "FID 1 2") + "a=ssrc:2 cname:x\r\n"), .chrome, []),
            (
                [("a=rtcp-mux\r\n", "a=rtcp-mux\r\na=ssrc:1 cname:x\r\na=ssrc-group:FID 1 1\r\n")], .chrome,
                ["PRF146 error"]
            ),
            ([("a=rtcp-mux\r\n", "a=rtcp-mux\r\na=ssrc:1 cname:x\r\na=ssrc-group:FID 1 1\r\n")], .firefox, []),
            // A track id follows a space: "s\tu" is one stream id, no second track.
            (Self.addingLine("a=msid:s t\r\na=msid:s\tu"), .chrome, ["SDP231 warning"]),
            (Self.addingLine("a=msid:s t\r\na=msid:s u"), .chrome, ["WEB112 error"]),
            // libwebrtc reads "a=extmap:3 " as an empty URI, which collides in a BUNDLE group.
            (
                Self.addingLine("a=extmap:3 \(Self.toffset)")
                    + Self.addingBundledSection(Self.videoSection + "a=extmap:3 \r\n"), .chrome,
                ["PRF137 error", "SDP109 warning"]
            ),
            (
                Self.addingLine("a=extmap:3 \(Self.toffset)")
                    + Self.addingBundledSection(Self.videoSection + "a=extmap:3 \(Self.toffset)\r\n"), .chrome, []
            ),
            // a=rid as each reads it: libwebrtc ignores a restriction it cannot read; SIPCC takes
            // letters and digits in the id, formats up to 127 and numbers as strtoul reads them.
            (Self.addingLine("a=rid:h send max-width=abc"), .chrome, ["SDP239 warning"]),
            (Self.addingLine("a=rid:h send max-width=1280;pt=111"), .chrome, ["SDP240 warning"]),
            (Self.addingLine("a=rid:a-b send"), .firefox, ["PRF633 error"]),
            // RFC 8852 §3.1: an RtpStreamId is letters and digits; libwebrtc drops such a rid.
            (Self.addingLine("a=rid:a-b send\r\na=simulcast:send a-b"), .chrome, ["SDP242 warning"]),
            (Self.addingLine("a=rid:h send max-width=5x"), .firefox, ["SDP239 warning"]),
            (Self.addingLine("a=rid:h send max-width=x"), .firefox, ["PRF633 error"]),
            (Self.addingLine("a=rid:h send pt=200"), .firefox, ["PRF633 error", "SDP311 warning"]),
            (Self.addingLine("a=rid:h"), .aiortc, ["SDP226 warning"]),
            (Self.addingLine("a=rid:h"), .gstreamer, ["SDP226 warning"]),
            // SIPCC reads an extension id as strtoul does, and skips a line whose direction it does not know.
            (
                Self.addingLine("a=extmap:3 \(Self.toffset)\r\na=extmap:+3 urn:ietf:params:rtp-hdrext:sdes:mid"),
                .firefox, ["PRF605 error", "SDP213 warning"]
            ),
            (
                Self.addingLine("a=extmap:3 \(Self.toffset)\r\na=extmap:3/bogus urn:ietf:params:rtp-hdrext:sdes:mid"),
                .firefox, ["SDP235 warning", "SDP306 warning"]
            ),
            // libwebrtc reads an a=rtpmap's channel count in audio sections only.
            (
                Self.addingBundledSection(
                    "m=video 9 UDP/TLS/RTP/SAVPF 96\r\nc=IN IP4 0.0.0.0\r\na=mid:1\r\na=sendrecv\r\na=rtcp-mux\r\na=rtpmap:96 VP8/90000/x\r\n"
                ), .chrome, ["SDP210 warning"]
            ),
            ([("opus/48000/2", "opus/48000/x")], .chrome, ["PRF136 error", "SDP313 warning"]),
            // libwebrtc discards every a=rid of an id declared twice or not 1–16 letters and digits,
            // keeps one whose pt= is off the m= line, and reads a=simulcast's ids as written, a
            // draft's "rid=h" too; without a stream left there is no simulcast to refuse.
            (Self.addingLine("a=rid:h send\r\na=rid:h send\r\na=simulcast:send h"), .chrome, []),
            (Self.addingLine("a=rid:h send pt=99\r\na=simulcast:send h"), .chrome, ["PRF126 error", "SDP311 warning"]),
            (
                Self.addingLine("a=rid:abcdefghijklmnop send\r\na=simulcast:send abcdefghijklmnop"), .chrome,
                ["PRF126 error"]
            ),
            (Self.addingLine("a=rid:abcdefghijklmnopq send\r\na=simulcast:send abcdefghijklmnopq"), .chrome, []),
            (Self.addingLine("a=rid:h send\r\na=simulcast:send rid=h"), .chrome, ["SDP241 warning"]),
            (
                Self.addingLine("a=rid:h send\r\na=rid:l send\r\na=simulcast:send rid=h;l"), .chrome,
                ["PRF126 error", "SDP241 warning"]
            ),
            (
                Self.addingLine("a=rid:h send\r\na=simulcast:send ~rid=h"), .chrome,
                ["SDP241 warning", "SDP312 warning"]
            ),
            (Self.addingLine("a=rid:h send\r\na=simulcast:send rid=h"), .firefox, ["SDP241 error"]),
            (Self.addingLine("a=rid:h send\r\na=rid:l send\r\na=simulcast:send rid=h;l"), .aiortc, ["SDP241 warning"]),
            (Self.addingLine("a=rid:h send\r\na=simulcast:send h;;l"), .aiortc, ["SDP227 warning", "SDP312 warning"]),
            (Self.addingLine("a=rid:h send\r\na=simulcast:foo h"), .gstreamer, ["SDP227 warning"]),
            // A section that rides on its BUNDLE group needs no fingerprint, whatever its protocol;
            // the group's first does.
            (
                Self.addingBundledSection(
                    Self.videoSection.replacingOccurrences(of: "UDP/TLS/RTP/SAVPF", with: "RTP/AVP")), .chrome, []
            ),
            (
                [
                    ("a=group:BUNDLE 0", "a=group:BUNDLE 1 0"),
                    (
                        "typ host\r\n",
                        "typ host\r\n"
                            + Self.videoSection.replacingOccurrences(of: "UDP/TLS/RTP/SAVPF", with: "RTP/AVP")
                    ),
                ], .chrome, ["PRF104 error"]
            ),
            // libwebrtc reads a data channel section over DTLS/SCTP, UDP/DTLS/SCTP and
            // TCP/DTLS/SCTP only, as written; it rejects one over another protocol unread.
            (Self.addingBundledSection(Self.dataSection + "a=max-message-size:x\r\n"), .chrome, ["SDP228 error"]),
            (
                Self.addingBundledSection(
                    Self.dataSection.replacingOccurrences(of: "UDP/DTLS/SCTP", with: "udp/dtls/sctp")
                        + "a=max-message-size:x\r\n"), .chrome, ["SDP228 warning"]
            ),
            (
                Self.addingBundledSection(
                    Self.dataSection.replacingOccurrences(of: "UDP/DTLS/SCTP webrtc-datachannel", with: "SCTP 5000")),
                .chrome, ["WEB118 warning"]
            ),
            // A section is rejected when its port is written "0", exactly: "00" is a port in use.
            (
                [("m=audio 9 ", "m=audio 00 "), (Self.fingerprint + "\r\n", ""), ("a=group:BUNDLE 0\r\n", "")],
                .chrome, ["PRF104 error"]
            ),
            (
                [("m=audio 9 ", "m=audio 0 "), (Self.fingerprint + "\r\n", ""), ("a=group:BUNDLE 0\r\n", "")],
                .chrome, []
            ),
            // libwebrtc reads at most 16 rids in each direction of a=simulcast; SIPCC keeps 256
            // characters of its value, and Firefox reads the rid the cut ends in.
            (
                [
                    (
                        "a=rtcp-mux\r\n",
                        "a=rtcp-mux\r\na=extmap:4 urn:ietf:params:rtp-hdrext:sdes:rtp-stream-id\r\n"
                            + (0..<17).map { "a=rid:r\($0) send\r\n" }.joined()
                            + "a=simulcast:send " + (0..<17).map { "r\($0)" }.joined(separator: ";") + "\r\n"
                    )
                ], .chrome, ["PRF154 error"]
            ),
            (
                [
                    (
                        "a=rtcp-mux\r\n",
                        "a=rtcp-mux\r\na=extmap:4 urn:ietf:params:rtp-hdrext:sdes:rtp-stream-id\r\n"
                            + (0..<16).map { "a=rid:r\($0) send\r\n" }.joined()
                            + "a=simulcast:send " + (0..<16).map { "r\($0)" }.joined(separator: ";") + "\r\n"
                    )
                ], .chrome, []
            ),
            (
                [
                    (
                        "a=rtcp-mux\r\n",
                        "a=rtcp-mux\r\n" + (0..<60).map { "a=rid:r\(100 + $0) send\r\n" }.joined()
                            + "a=simulcast:send " + (0..<60).map { "r\(100 + $0)" }.joined(separator: ";") + "\r\n"
                    )
                ], .firefox, ["PRF634 error"]
            ),
            (
                [
                    (
                        "a=rtcp-mux\r\n",
                        "a=rtcp-mux\r\n" + (0..<60).map { "a=rid:r\(1000 + $0) send\r\n" }.joined()
                            + "a=simulcast:send " + (0..<60).map { "r\(1000 + $0)" }.joined(separator: ";") + "\r\n"
                    )
                ], .firefox, []
            ),
            // b=AS and SSRCs as libwebrtc and SIPCC read numbers: "-0" is 0 to both, "+0" and 2^32
            // no number to libwebrtc.
            ([("c=IN IP4 0.0.0.0\r\n", "c=IN IP4 0.0.0.0\r\nb=AS:-0\r\n")], .chrome, ["SDP124 warning"]),
            ([("c=IN IP4 0.0.0.0\r\n", "c=IN IP4 0.0.0.0\r\nb=AS:-0\r\n")], .firefox, ["SDP124 warning"]),
            (
                [("c=IN IP4 0.0.0.0\r\n", "c=IN IP4 0.0.0.0\r\nb=AS:+0\r\n")], .chrome,
                ["PRF120 error", "SDP124 warning"]
            ),
            (
                [("c=IN IP4 0.0.0.0\r\n", "c=IN IP4 0.0.0.0\r\nb=AS:4294967296\r\n")], .firefox,
                ["PRF619 error"]
            ),
            (Self.addingLine("a=ssrc:+0 cname:x"), .chrome, ["PRF124 error"]),
            (
                Self.addingBundledSection(
                    Self.videoSection + "a=ssrc-group:FID -0 2\r\na=ssrc:-0 cname:x\r\na=ssrc:2 cname:x\r\n"),
                .chrome, ["SDP217 warning", "SDP218 warning"]
            ),
            // libwebrtc refuses RTX that repairs a FEC format, and takes RTX of RED.
            (
                Self.addingBundledSection(
                    Self.videoSection.replacingOccurrences(of: "SAVPF 96", with: "SAVPF 96 98 99")
                        + "a=rtpmap:98 ulpfec/90000\r\na=rtpmap:99 rtx/90000\r\na=fmtp:99 apt=98\r\n"), .chrome,
                ["PRF142 error"]
            ),
            (
                Self.addingBundledSection(
                    Self.videoSection.replacingOccurrences(of: "SAVPF 96", with: "SAVPF 96 98 99")
                        + "a=rtpmap:98 red/90000\r\na=rtpmap:99 rtx/90000\r\na=fmtp:99 apt=98\r\n"), .chrome, []
            ),
            // Without a=msid, an SSRC's track is that of its last a=ssrc msid line that names one,
            // and SSRCs of one track id are one track.
            (
                Self.addingBundledSection(Self.videoSection + "a=ssrc:1 msid:s t\r\na=ssrc:1 msid:\r\n"), .chrome,
                []
            ),
            (
                Self.addingBundledSection(Self.videoSection + "a=ssrc:1 msid:s1 t\r\na=ssrc:2 msid:s2 t\r\n"),
                .chrome, []
            ),
            (
                Self.addingBundledSection(Self.videoSection + "a=ssrc:1 msid:s t1\r\na=ssrc:2 msid:s t2\r\n"),
                .chrome, ["PRF108 error"]
            ),
            // libwebrtc reads no a=fmtp or a=rtcp-fb outside audio, video and data channels, and
            // checks a=extmap at both levels in audio and video only.
            (Self.addingBundledSection(Self.textSection + "a=fmtp:x y\r\n"), .chrome, ["SDP211 warning"]),
            (Self.addingBundledSection(Self.textSection + "a=rtcp-fb:96\r\n"), .chrome, ["SDP212 warning"]),
            (
                Self.addingBundledSection(Self.textSection + "a=extmap:1 urn:x\r\n")
                    + [("t=0 0\r\n", "t=0 0\r\na=extmap:2 urn:y\r\n")], .chrome, ["SDP320 warning"]
            ),
            (
                Self.addingBundledSection(
                    Self.videoSection.replacingOccurrences(of: "m=video", with: "m=application") + "a=fmtp:x y\r\n"),
                .chrome, ["SDP211 warning"]
            ),
            // libwebrtc skips a=sctpmap, a draft's; aiortc reads a port and a description.
            (Self.addingLine("a=sctpmap:5000"), .chrome, ["SDP228 warning"]),
            (
                Self.addingBundledSection(Self.dataSection + "a=sctpmap:x y\r\n"), .chrome,
                ["SDP228 warning", "WEB118 warning"]
            ),
            (Self.addingLine("a=sctpmap:5000"), .aiortc, ["PRF705 error", "SDP228 warning"]),
            // libwebrtc reads a candidate's component as a signed 32-bit decimal number; aiortc
            // reads it, the port and an rport value with int(), which takes any decimal digit.
            ([("a=candidate:1 1 udp", "a=candidate:1 +1 udp")], .chrome, ["PRF147 error"]),
            ([("a=candidate:1 1 udp", "a=candidate:1 -0 udp")], .chrome, ["ICE104 warning"]),
            // libwebrtc splits a=candidate at every space, empty fields kept, and reads its
            // numbers with strtoll and strtoull (measured: an empty foundation, "-0" as priority
            // and port, and an empty field that leaves each extension's number after its name
            // taken; "+1" as generation and "generation " refused).
            ([("a=candidate:1 1 udp", "a=candidate: 1 udp")], .chrome, ["ICE103 warning"]),
            ([("a=candidate:1 1 udp", "a=candidate:  1 udp")], .chrome, ["ICE103 warning", "PRF121 error"]),
            (
                [("udp 2122260223 192.0.2.1 9 typ", "udp -0 192.0.2.1 -0 typ")], .chrome,
                ["ICE106 warning", "ICE109 warning"]
            ),
            ([("udp 2122260223 192.0.2.1 9 typ", "udp -1 192.0.2.1 9 typ")], .chrome, ["PRF106 error"]),
            (
                [("2122260223 192.0.2.1 9 typ", "2122260223  9 typ")], .chrome,
                ["ICE102 warning", "ICE108 warning", "ICE109 warning", "ICE115 warning"]
            ),
            ([("192.0.2.1 9 typ host", "192.0.2.1 9 host")], .chrome, ["PRF153 error"]),
            ([("192.0.2.1 9 typ host", "192.0.2.1 9 typ host  generation 0")], .chrome, ["ICE115 warning"]),
            (
                [("192.0.2.1 9 typ host", "192.0.2.1 9 typ host generation  0")], .chrome,
                ["ICE115 warning", "PRF121 error"]
            ),
            ([("192.0.2.1 9 typ host", "192.0.2.1 9 typ host generation +1")], .chrome, ["PRF129 error"]),
            (
                [("192.0.2.1 9 typ host", "192.0.2.1 9 typ host tcptype  active")], .chrome,
                ["ICE115 warning", "ICE203 warning", "PRF121 error"]
            ),
            ([("a=candidate:1 1 udp", "a=candidate:1 1.0 udp")], .aiortc, ["ICE104 warning", "PRF705 error"]),
            ([("a=candidate:1 1 udp", "a=candidate:1 \u{663} udp")], .aiortc, ["ICE104 warning"]),
            (
                [("udp 2122260223 192.0.2.1 9 typ host", "udp 1686052607 192.0.2.1 9 typ srflx generation 0 rport x")],
                .aiortc, ["ICE109 warning", "ICE110 warning", "ICE119 warning", "PRF705 error"]
            ),
            // libwebrtc reads "raddr" and then "rport" right after the type, in lower case, and
            // skips any later pair; every receiver takes a repeated pair.
            (
                [("udp 2122260223 192.0.2.1 9 typ host", "udp 1686052607 192.0.2.1 9 typ srflx generation 0 rport x")],
                .chrome, ["ICE109 warning", "ICE110 warning", "ICE119 warning"]
            ),
            (
                [
                    (
                        "udp 2122260223 192.0.2.1 9 typ host",
                        "udp 1686052607 192.0.2.1 9 typ srflx raddr 192.0.2.1 rport x"
                    )
                ],
                .chrome, ["PRF152 error"]
            ),
            (
                [("udp 2122260223 192.0.2.1 9 typ host", "udp 1686052607 192.0.2.1 9 typ srflx RPORT 70000")],
                .chrome, ["ICE109 warning", "ICE110 warning"]
            ),
            (
                [("udp 2122260223 192.0.2.1 9 typ host", "udp 1686052607 192.0.2.1 9 typ srflx rport 70000")],
                .chrome, ["ICE110 warning", "PRF152 error"]
            ),
            (
                [
                    (
                        "2122260223 192.0.2.1 9 typ host",
                        "1686052607 192.0.2.1 9 typ srflx raddr 192.0.2.1 rport 5 rport 6"
                    )
                ],
                .firefox, ["ICE118 warning"]
            ),
            (
                [
                    (
                        "2122260223 192.0.2.1 9 typ host",
                        "1686052607 192.0.2.1 9 typ srflx raddr 192.0.2.1 rport 5 rport x"
                    )
                ],
                .chrome, ["ICE118 warning"]
            ),
            (
                [
                    (
                        "udp 2122260223 192.0.2.1 9 typ host",
                        "tcp 1686052607 192.0.2.1 9 typ srflx generation 0 tcptype x"
                    )
                ],
                .chrome, ["ICE117 warning", "ICE202 warning", "WEB124 warning"]
            ),
            (
                [("udp 2122260223 192.0.2.1 9 typ host", "tcp 1686052607 192.0.2.1 9 typ srflx tcptype x")],
                .chrome, ["ICE202 warning", "PRF145 error", "WEB124 warning"]
            ),
            // A section without a=setup takes the session's, where Firefox refuses every holdconn.
            (
                [("t=0 0\r\n", "t=0 0\r\na=setup:holdconn\r\n"), ("a=setup:actpass\r\n", "")], .firefox,
                ["PRF606 error", "WEB104 warning"]
            ),
            (
                [
                    ("t=0 0\r\n", "t=0 0\r\na=setup:actpass\r\na=setup:holdconn\r\n"),
                    ("a=setup:actpass\r\na=mid", "a=mid"),
                ],
                .firefox, ["PRF606 error", "SDP206 warning"]
            ),
            ([("t=0 0\r\n", "t=0 0\r\na=setup:holdconn\r\n")], .firefox, []),
            // Firefox requires rtcp-mux over the SAVPF protocols only.
            ([("UDP/TLS/RTP/SAVPF 111", "RTP/AVP 111"), ("a=rtcp-mux\r\n", "")], .firefox, ["WEB113 warning"]),
            ([("a=rtcp-mux\r\n", "")], .firefox, ["PRF601 error", "WEB113 warning"]),
            // libwebrtc's video codecs have a clock rate of 90000: a second rtpmap may say only that.
            (
                Self.addingBundledSection(Self.videoMappedTwice("VP8/1000", "VP8/90000")), .chrome,
                ["SDP301 warning"]
            ),
            (
                Self.addingBundledSection(Self.videoMappedTwice("VP8/90000", "VP8/1000")), .chrome,
                ["PRF136 error", "SDP301 warning"]
            ),
            // Nor does it read an SCTP section of another media type.
            (
                Self.addingBundledSection(
                    "m=text 9 DTLS/SCTP 5000\r\nc=IN IP4 0.0.0.0\r\na=mid:1\r\na=sctp-port:5000\r\n"),
                .chrome, ["WEB118 warning"]
            ),
            // A section without a=extmap lines reads the session's, an id mapped twice there too.
            (
                [
                    (
                        "t=0 0\r\n",
                        "t=0 0\r\na=extmap:9 urn:ietf:params:rtp-hdrext:sdes:mid\r\na=extmap:9 urn:ietf:params:rtp-hdrext:sdes:mid\r\n"
                    )
                ],
                .firefox, ["PRF605 error"]
            ),
            // libwebrtc checks no transport line of an application section over RTP, which it rejects.
            (
                [
                    (
                        "typ host\r\n",
                        "typ host\r\nm=application 9 UDP/TLS/RTP/SAVPF 100\r\nc=IN IP4 0.0.0.0\r\na=mid:1\r\n"
                            + "a=rtcp-mux\r\na=rtpmap:100 foo/90000\r\n"
                    )
                ], .chrome, ["WEB101 warning", "WEB102 warning", "WEB103 warning"]
            ),
            // SIPCC refuses a second c= line at the session level too; libwebrtc reads one e= and
            // one p= line, and skips a section's i= and k= lines.
            (
                [("s=-\r\n", "s=-\r\nc=IN IP4 0.0.0.0\r\nc=IN IP4 0.0.0.0\r\n")], .firefox,
                ["PRF611 error", "SDP105 warning"]
            ),
            ([("s=-\r\n", "s=-\r\ne=a@example.com\r\ne=b@example.com\r\n")], .chrome, ["PRF149 error"]),
            ([("s=-\r\n", "s=-\r\np=+1 555 0100\r\np=+1 555 0199\r\n")], .chrome, ["PRF149 error"]),
            ([("s=-\r\n", "s=-\r\ne=a@example.com\r\n")], .chrome, []),
            ([("c=IN IP4 0.0.0.0\r\n", "i=x\r\ni=y\r\nc=IN IP4 0.0.0.0\r\n")], .chrome, ["SDP105 warning"]),
            // Firefox looks for bytes outside ASCII in the whole text, after a blank line too.
            (
                [("a=mid:0\r\n", "a=mid:0\r\n\r\na=label:caf\u{E9}\r\n")], .firefox,
                ["PRF620 error", "PRF621 error", "SDP230 warning"]
            ),
            // SIPCC reads a repeated o= line too; it does not read a bundle-only section's role.
            (
                [("127.0.0.1\r\ns=-", "127.0.0.1\r\no=- 4611731400430051336 x IN IP4 127.0.0.1\r\ns=-")], .firefox,
                ["PRF626 error", "SDP105 warning"]
            ),
            (
                Self.addingBundledSection(
                    "m=video 0 UDP/TLS/RTP/SAVPF 96\r\nc=IN IP4 0.0.0.0\r\na=bundle-only\r\na=mid:1\r\na=sendrecv\r\n"
                        + "a=rtcp-mux\r\na=rtpmap:96 VP8/90000\r\n" + Self.fingerprint + "\r\na=setup:holdconn\r\n"),
                .firefox, ["WEB104 warning"]
            ),
            // Nor does it read a rejected section's role.
            ([("typ host\r\n", "typ host\r\n" + Self.rejectedVideo)], .firefox, []),
            // libwebrtc skips the session's b= lines, and reads one z= after every t= and r= line.
            ([("t=0 0\r\n", "b=AS500\r\nt=0 0\r\n")], .chrome, ["SDP124 warning"]),
            (
                [("c=IN IP4 0.0.0.0\r\n", "c=IN IP4 0.0.0.0\r\nb=AS500\r\n")], .chrome,
                ["PRF120 error", "SDP124 warning"]
            ),
            ([("t=0 0\r\n", "t=0 0\r\nz=2882844526 -1h\r\nt=0 0\r\n")], .chrome, ["PRF148 error", "SDP126 warning"]),
            ([("t=0 0\r\n", "t=0 0\r\nr=7d 1h 0 25h\r\nz=2882844526 -1h\r\nt=0 0\r\n")], .chrome, ["PRF148 error"]),
            ([("t=0 0\r\n", "t=0 0\r\nt=0 0\r\nz=2882844526 -1h\r\n")], .chrome, ["SDP126 warning"]),
            ([("t=0 0\r\n", "t=0 0\r\nz=2882844526 -1h\r\nt=0 0\r\n")], .firefox, ["SDP126 warning"]),
            // An r= or z= before the first t=: libwebrtc expects the t= ("Expect line: t="); Firefox reads on.
            ([("t=0 0\r\n", "r=7d 1h 0 25h\r\nt=0 0\r\n")], .chrome, ["PRF148 error", "SDP126 warning"]),
            ([("t=0 0\r\n", "z=2882844526 -1h\r\nt=0 0\r\n")], .chrome, ["PRF148 error", "SDP126 warning"]),
            ([("t=0 0\r\n", "r=7d 1h 0 25h\r\nt=0 0\r\n")], .firefox, ["SDP126 warning"]),
            (
                [("t=0 0\r\n", "t=0 0\r\nz=2882844526 -1h\r\nz=2882844526 -1h\r\n")], .chrome,
                ["PRF148 error", "SDP126 warning", "SDP126 warning"]
            ),
            // Of repeated lines, libwebrtc keeps a level's last ufrag, password and mid; SIPCC reads
            // the first ufrag, and the first a=setup whose role it knows.
            (
                [("a=ice-ufrag:YlEE\r\n", "a=ice-ufrag:ab;c\r\na=ice-ufrag:YlEE\r\n")], .chrome,
                ["ICE120 warning", "SDP206 warning"]
            ),
            (
                [("a=ice-ufrag:YlEE\r\n", "a=ice-ufrag:YlEE\r\na=ice-ufrag:ab;c\r\n")], .chrome,
                ["PRF111 error", "SDP206 warning"]
            ),
            (
                [("a=ice-ufrag:YlEE\r\n", "a=ice-ufrag:YlEE\r\na=ice-ufrag:Yl\r\n")], .firefox,
                ["ICE120 warning", "SDP206 warning"]
            ),
            (
                [("a=ice-ufrag:YlEE\r\n", "a=ice-ufrag:Yl\r\na=ice-ufrag:YlEE\r\n")], .firefox,
                ["PRF609 error", "SDP206 warning"]
            ),
            (
                [
                    ("a=group:BUNDLE 0\r\n", "a=group:BUNDLE 0\r\n"),
                    ("a=mid:0\r\n", "a=mid:mmmmmmmmmmmmmmmmm\r\na=mid:0\r\n"),
                ],
                .chrome, ["SDP206 warning", "SDP309 warning", "WEB114 warning"]
            ),
            (
                [
                    ("a=group:BUNDLE 0\r\n", "a=group:BUNDLE mmmmmmmmmmmmmmmmm\r\n"),
                    ("a=mid:0\r\n", "a=mid:0\r\na=mid:mmmmmmmmmmmmmmmmm\r\n"),
                ],
                .chrome, ["SDP206 warning", "SDP309 warning", "WEB114 error"]
            ),
            (
                [("a=setup:actpass\r\n", "a=setup:maybe\r\na=setup:holdconn\r\n")], .firefox,
                ["PRF606 error", "SDP206 warning", "SDP222 warning", "WEB104 warning"]
            ),
            (
                [("a=setup:actpass\r\n", "a=setup:ACTPASS\r\na=setup:holdconn\r\n")], .firefox,
                ["SDP206 warning", "SDP232 warning"]
            ),
            // A port-0 bundle-only section needs no rtcp-mux of its own in Chromium, nor one it reads.
            (
                Self.addingBundledSection(
                    "m=video 0 UDP/TLS/RTP/SAVPF 96\r\nc=IN IP4 0.0.0.0\r\na=bundle-only\r\na=mid:1\r\na=sendrecv\r\n"
                        + "a=rtcp-mux\t\r\na=rtpmap:96 VP8/90000\r\n"),
                .chrome, ["SDP109 warning"]
            ),
            (
                Self.addingBundledSection(
                    "m=video 0 UDP/TLS/RTP/SAVPF 96\r\nc=IN IP4 0.0.0.0\r\na=bundle-only\r\na=mid:1\r\na=sendrecv\r\n"
                        + "a=rtcp-mux-only\r\na=rtpmap:96 VP8/90000\r\n"),
                .chrome, ["WEB108 warning"]
            ),
            (
                [("a=mid:0\r\n", "a=mid:0\r\na=mid:mmmmmmmmmmmmmmmmm\r\n")], .firefox,
                ["SDP206 warning", "WEB114 warning"]
            ),
            (
                [("a=mid:0\r\n", "a=mid:mmmmmmmmmmmmmmmmm\r\na=mid:0\r\n")], .firefox,
                ["PRF608 error", "PRF636 error", "SDP206 warning"]
            ),
            // libwebrtc reads the port as a number, in a rejected section too ("The port number is invalid").
            (
                [("typ host\r\n", "typ host\r\nm=audio 0/2 RTP/AVP 0\r\na=mid:z\r\n")], .chrome,
                ["PRF123 error", "SDP123 warning"]
            ),
            // A data channel format read as an SCTP port beside a=sctp-port, in a rejected section too.
            (
                [("typ host\r\n", "typ host\r\nm=application 0 UDP/DTLS/SCTP 5000\r\na=mid:d\r\na=sctp-port:5000\r\n")],
                .chrome, ["PRF117 error", "SDP123 warning"]
            ),
            // SDES keys alone in a section libwebrtc does not use: taken.
            (
                [
                    (
                        "typ host\r\n",
                        "typ host\r\nm=text 9 RTP/SAVP 0\r\na=mid:t\r\na=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:WVNfX19zZW1jdGwgKCkgewkyMjA7fQp9CnVubGVz|2^20|1:4\r\n"
                    )
                ], .chrome, ["SDP123 warning"]
            ),
            // libwebrtc reads a group as BUNDLE only when written so: "bundle" names no mid it checks.
            ([("a=group:BUNDLE 0\r\n", "a=group:bundle 0 zz\r\n")], .chrome, ["SDP309 warning"]),
            // Firefox checks the fingerprints of a bundle-only section that does not ride on its
            // group: here its mid is not in the group.
            (
                [
                    (
                        "typ host\r\n",
                        "typ host\r\nm=video 0 UDP/TLS/RTP/SAVPF 96\r\nc=IN IP4 0.0.0.0\r\na=bundle-only\r\na=mid:1\r\n"
                            + "a=ice-ufrag:YlEE\r\na=ice-pwd:GTRA27kgJhvarXtLIz3mWrW+\r\na=setup:actpass\r\n"
                            + "a=sendrecv\r\na=rtcp-mux\r\na=rtpmap:96 VP8/90000\r\n"
                            + Self.fingerprint.replacingOccurrences(of: "sha-256", with: "sha-999") + "\r\n"
                    )
                ], .firefox, ["PRF607 error"]
            ),
            (
                Self.addingBundledSection(
                    "m=video 0 UDP/TLS/RTP/SAVPF 96\r\nc=IN IP4 0.0.0.0\r\na=bundle-only\r\na=mid:1\r\na=sendrecv\r\n"
                        + "a=rtcp-mux\r\na=rtpmap:96 VP8/90000\r\n"
                        + Self.fingerprint.replacingOccurrences(of: "sha-256", with: "sha-999") + "\r\n"),
                .firefox, ["SDP237 warning"]
            ),
            // SIPCC reads a mid, and the mids of a group, as tokens: "a=mid:a b" is "a".
            (
                [("a=group:BUNDLE 0\r\n", "a=group:BUNDLE a b\r\n"), ("a=mid:0\r\n", "a=mid:a b\r\n")], .firefox,
                ["SDP214 warning", "SDP309 warning", "SDP309 warning"]
            ),
            (
                [("a=group:BUNDLE 0\r\n", "a=group:BUNDLE b a\r\n"), ("a=mid:0\r\n", "a=mid:a b\r\n")], .firefox,
                ["PRF608 error", "SDP214 warning"]
            ),
            // Firefox takes an md2 fingerprint; libwebrtc cannot make one.
            (
                [(Self.fingerprint, "a=fingerprint:md2 " + Array(repeating: "B1", count: 16).joined(separator: ":"))],
                .firefox, ["WEB119 warning"]
            ),
            (
                [(Self.fingerprint, "a=fingerprint:md2 " + Array(repeating: "B1", count: 16).joined(separator: ":"))],
                .chrome, ["PRF130 error", "WEB119 warning"]
            ),
        ] as [([(String, String)], Profile, [String])])
    func measuredOnLinesAStandardAllows(_ changes: [(String, String)], _ profile: Profile, _ expected: [String]) {
        measuredOnNewKindsOfOffer(changes, profile, expected)
    }

    /// Measured with Chromium 156 and Firefox ESR 153 on browser offers with a space, a tab or a
    /// carriage return at the end of one line, or another separator in it: libwebrtc drops one
    /// carriage return and reads the rest as part of the value; SIPCC ends a value at a carriage
    /// return and keeps white space.
    @Test(
        arguments: [
            ([("a=setup:actpass\r\n", "a=setup:actpass \r\n")], .chrome, ["PRF141 error", "SDP109 warning"]),
            ([("a=setup:actpass\r\n", "a=setup:actpass \r\n")], .firefox, ["SDP109 warning"]),
            ([("FB:64\r\n", "FB:64\t\r\n")], .chrome, ["PRF141 error", "SDP109 warning"]),
            ([("FB:64\r\n", "FB:64\t\r\n")], .firefox, ["PRF631 error", "SDP109 warning"]),
            ([("FB:64\r\n", "FB:64\r\r\n")], .chrome, ["SDP110 warning", "SDP221 error"]),
            ([("FB:64\r\n", "FB:64\r\r\n")], .firefox, ["SDP110 warning", "SDP221 warning"]),
            (
                [("a=rtcp-mux\r\n", "a=rtcp-mux\r\na=extmap:1 urn:ietf:params:rtp-hdrext:sdes:mid\r\r\n")], .chrome,
                ["PRF141 error", "SDP110 warning"]
            ),
            (
                [("a=rtcp-mux\r\n", "a=rtcp-mux\r\na=extmap:1 urn:ietf:params:rtp-hdrext:sdes:mid\r\r\n")], .firefox,
                ["SDP110 warning"]
            ),
            (
                [("a=rtcp-mux\r\n", "a=rtcp-mux\r\na=extmap:1 urn:ietf:params:rtp-hdrext:sdes:mid \r\n")], .chrome,
                ["SDP109 warning"]
            ),
            ([("typ host\r\n", "typ host\r\r\n")], .chrome, ["SDP110 warning"]),
            ([("typ host\r\n", "typ host\t\r\n")], .chrome, ["PRF141 error", "SDP109 warning"]),
            ([("a=group:BUNDLE 0\r\n", "a=group:BUNDLE 0\t\r\n")], .chrome, ["PRF141 error", "SDP109 warning"]),
            ([("a=rtcp-mux\r\n", "a=rtcp-mux\r\na=rid:h send\r\r\n")], .chrome, ["SDP110 warning"]),
            // libwebrtc discards a malformed a=rid (measured in Conformance/: a direction of neither send nor recv).
            ([("a=rtcp-mux\r\n", "a=rtcp-mux\r\na=rid:h sned\r\n")], .chrome, ["SDP226 warning"]),
            ([("a=rtcp-mux\r\n", "a=rtcp-mux\r\na=rid:h send\r\r\n")], .firefox, ["SDP110 warning"]),
            ([("a=rtcp-mux\r\n", "a=rtcp-mux\r\na=rid:h send \r\n")], .chrome, ["SDP109 warning"]),
            ([("a=rtcp-mux\r\n", "a=rtcp-mux\r\na=rid:h send \r\n")], .firefox, ["PRF631 error", "SDP109 warning"]),
            // a=rid and a=simulcast are read without a carriage return at their end; SIPCC reads a tab
            // after the last rid as part of it.
            (
                [("a=rtcp-mux\r\n", "a=rtcp-mux\r\n\(Self.ridExtension)a=rid:h send\r\r\na=simulcast:send h\r\n")],
                .firefox, ["SDP110 warning"]
            ),
            (
                [("a=rtcp-mux\r\n", "a=rtcp-mux\r\n\(Self.ridExtension)a=rid:h send\r\na=simulcast:send h\r\r\n")],
                .chrome, ["SDP110 warning"]
            ),
            (
                [("a=rtcp-mux\r\n", "a=rtcp-mux\r\n\(Self.ridExtension)a=rid:h send\r\na=simulcast:send h\t\r\n")],
                .firefox, ["PRF631 error", "SDP109 warning"]
            ),
            // Separators: libwebrtc splits at single spaces, SIPCC at spaces and tabs.
            ([("a=rtcp-mux\r\n", "a=rtcp-mux\r\na=ssrc: 1 cname:x\r\n")], .chrome, ["PRF124 error", "SDP231 warning"]),
            ([("m=audio 9 UDP", "m=audio 9\tUDP")], .chrome, ["PRF138 error", "SDP109 warning"]),
            ([("m=audio 9 UDP", "m=audio 9\tUDP")], .firefox, ["SDP109 warning"]),
            ([("sha-256 B1", "sha-256\tB1")], .chrome, ["PRF121 error", "SDP231 warning"]),
            ([("sha-256 B1", "sha-256\tB1")], .firefox, ["SDP231 warning"]),
            (
                [
                    (Self.fingerprint + "\r\n", ""),
                    (
                        "t=0 0\r\n",
                        "t=0 0\r\n" + Self.fingerprint.replacingOccurrences(of: "sha-256 ", with: "sha-256\t") + "\r\n"
                    ),
                ], .chrome, ["PRF121 error", "SDP231 warning"]
            ),
            // Firefox splits a=rid at spaces only; libwebrtc a=simulcast.
            ([("a=rtcp-mux\r\n", "a=rtcp-mux\r\na=rid: h send\r\n")], .firefox, ["PRF631 error", "SDP231 warning"]),
            ([("a=rtcp-mux\r\n", "a=rtcp-mux\r\na=rid:h\tsend\r\n")], .firefox, ["PRF631 error", "SDP231 warning"]),
            ([("a=rtcp-mux\r\n", "a=rtcp-mux\r\na=rid:h\tsend\r\n")], .chrome, ["SDP231 warning"]),
            ([("a=rtcp-mux\r\n", "a=rtcp-mux\r\na=rid:h  send\r\n")], .firefox, ["SDP231 warning"]),
            (
                [("a=rtcp-mux\r\n", "a=rtcp-mux\r\n\(Self.ridExtension)a=rid:h send\r\na=simulcast:send\th\r\n")],
                .chrome, ["PRF121 error", "SDP231 warning"]
            ),
            (
                [("a=rtcp-mux\r\n", "a=rtcp-mux\r\n\(Self.ridExtension)a=rid:h send\r\na=simulcast:send\th\r\n")],
                .firefox, ["SDP231 warning"]
            ),
            // A lone CR joins two lines: libwebrtc reads one mid "0\ra=sendrecv", SIPCC the mid "0".
            (
                [("a=mid:0\r\na=sendrecv", "a=mid:0\ra=sendrecv")], .firefox,
                ["SDP110 warning", "SDP214 warning", "SDP309 warning"]
            ),
            // apt=: libwebrtc checks it in video only, after dropping white space at its end.
            (Self.addingAudioFormat(97, "a=rtpmap:97 rtx/48000\r\na=fmtp:97 apt=97"), .chrome, ["SDP308 warning"]),
            (Self.addingAudioFormat(97, "a=rtpmap:97 rtx/48000\r\na=fmtp:97 apt=111\r"), .chrome, ["SDP110 warning"]),
            (
                Self.addingBundledSection(
                    "m=video 9 UDP/TLS/RTP/SAVPF 96 97\r\nc=IN IP4 0.0.0.0\r\na=mid:1\r\na=sendrecv\r\na=rtcp-mux\r\na=rtpmap:96 VP8/90000\r\na=rtpmap:97 rtx/90000\r\na=fmtp:97 apt=97\r\n"
                ), .chrome, ["PRF142 error", "SDP308 warning"]
            ),
            // libwebrtc splits a=candidate, a=ssrc-group and a=group at spaces: a tab for a later
            // one makes a field it cannot read; a candidate's foundation may start with a tab.
            ([("typ host", "typ\thost")], .chrome, ["ICE115 warning", "PRF121 error"]),
            ([("a=candidate:1 ", "a=candidate:\t1 ")], .chrome, ["ICE115 warning"]),
            (
                [("typ host\r\n", "typ host\r\na=ssrc:1 cname:x\r\na=ssrc:2 cname:x\r\na=ssrc-group:FID 1\t2\r\n")],
                .chrome, ["PRF108 error", "PRF121 error", "SDP231 warning"]
            ),
            (
                [("typ host\r\n", "typ host\r\na=ssrc:1 cname:x\r\na=ssrc:2 cname:x\r\na=ssrc-group:FID\t1 2\r\n")],
                .chrome, ["PRF108 error", "SDP231 warning"]
            ),
            (
                [
                    ("typ host\r\n", "typ host\r\n" + Self.secondSection(ufrag: true)),
                    ("a=group:BUNDLE 0", "a=group:BUNDLE 0\t1"),
                ],
                .chrome, ["PRF121 error", "SDP231 warning"]
            ),
            (
                [
                    ("typ host\r\n", "typ host\r\n" + Self.secondSection(ufrag: true)),
                    ("a=group:BUNDLE 0", "a=group:BUNDLE 0\t1"),
                ],
                .firefox, ["SDP231 warning"]
            ),
        ] as [([(String, String)], Profile, [String])])
    func measuredOnWhiteSpaceAndLineEndings(_ changes: [(String, String)], _ profile: Profile, _ expected: [String]) {
        measuredOnNewKindsOfOffer(changes, profile, expected)
    }

    /// Measured with Chromium 156 and Firefox ESR 153 in the fourteenth round: libwebrtc counts a
    /// section's tracks by its own a=msid or its SSRCs' msid values, in rejected sections too;
    /// how each reads b= lines and a=sctp-port's and a=max-message-size's fields; SIPCC's DTLS/SCTP
    /// port, and a value cut at a carriage return that leaves a bare attribute, which it skips.
    @Test(
        arguments: [
            (
                Self.addingLine("a=ssrc:1 cname:a\r\na=ssrc:2 cname:a\r\na=ssrc:2 msid:s t")
                    + Self.addingBundledSection(Self.videoSection + "a=msid:s x\r\n"), Profile.chrome,
                ["PRF108 error"]
            ),
            // One track, two SSRCs: an audio stream has one.
            (
                Self.addingLine("a=msid:s x\r\na=ssrc:1 cname:a\r\na=ssrc:2 cname:a\r\na=ssrc:2 msid:s t"), .chrome,
                ["PRF108 error"]
            ),
            (
                Self.addingBundledSection(
                    Self.videoSection.replacingOccurrences(of: "m=video 9", with: "m=video 0")
                        + "a=ssrc:1 msid:s a\r\na=ssrc:2 msid:s b\r\n"), .chrome, ["PRF108 error", "WEB116 warning"]
            ),
            (
                Self.addingBundledSection(
                    Self.videoSection.replacingOccurrences(of: "m=video 9", with: "m=video 0")
                        + "a=ssrc:1 cname:a\r\na=ssrc:2 cname:a\r\na=ssrc:3 cname:a\r\n"), .chrome, ["WEB116 warning"]
            ),
            (Self.dataChannel + Self.addingLine("a=sctp-port x"), .chrome, ["PRF150 error", "WEB118 warning"]),
            (Self.dataChannel + Self.addingLine("a=sctp-port 5000 x"), .chrome, ["SDP200 warning", "WEB118 warning"]),
            (Self.addingLine("a=sctp-port x"), .chrome, ["SDP200 warning"]),
            (
                Self.dataChannel + Self.addingLine("a=max-message-size:2:2144"), .chrome,
                ["SDP228 warning", "WEB118 warning"]
            ),
            (
                Self.dataChannel + Self.addingLine("a=max-message-size:5 :x"), .chrome,
                ["SDP228 error", "WEB118 warning"]
            ),
            (
                Self.asVideo
                    + Self.addingLine("a=ssrc:1 cname:a\r\na=ssrc:2 cname:a\r\na=ssrc-group:FEC-F\u{FEFF} 1 2"),
                .chrome, ["SDP218 warning"]
            ),
            (Self.addingBandwidth("b=tias:-1"), .chrome, ["SDP124 warning"]),
            (Self.addingBandwidth("b=AS:::5"), .chrome, ["SDP124 warning"]),
            (Self.addingBandwidth("b=AS: 5"), .chrome, ["PRF120 error", "SDP124 warning"]),
            ([("t=0 0\r\n", "b=\r\nt=0 0\r\n")], .firefox, ["PRF619 error", "SDP124 warning"]),
            (Self.addingBandwidth("b=:"), .firefox, ["PRF619 error", "SDP124 warning", "SDP124 warning"]),
            (Self.addingBandwidth("b=RR:-1"), .firefox, ["SDP124 warning"]),
            (Self.addingBandwidth("b=X-YZ:x"), .firefox, ["SDP124 warning"]),
            (Self.addingBandwidth("b=tias: 5"), .firefox, ["SDP124 warning"]),
            (Self.addingBandwidth("b=AS::128"), .firefox, ["PRF619 error", "SDP124 warning"]),
            (Self.addingBandwidth("b=ASX:-1"), .firefox, ["SDP124 warning"]),
            ([("a=rtpmap:111", "a=rtpmap\r:111")], .firefox, ["SDP110 warning", "SDP200 warning", "SDP302 warning"]),
            (
                [("a=mid:0", "a=mid\r:0")], .firefox,
                ["PRF608 error", "SDP110 warning", "SDP200 warning", "WEB106 warning"]
            ),
            (Self.draftDataChannel(port: "4294967295"), .firefox, ["SDP228 warning"]),
            (Self.draftDataChannel(port: "4294967296"), .firefox, ["PRF617 error", "SDP228 warning"]),
            (Self.draftDataChannel(port: "+5000"), .firefox, ["SDP228 warning"]),
            // libwebrtc's RTX repairs its own section's formats, whatever its clock rate reads as.
            (
                [("SAVPF 111\r\n", "SAVPF 111 0\r\n")]
                    + Self.addingBundledSection(
                        Self.videoSection.replacingOccurrences(of: "SAVPF 96", with: "SAVPF 96 97")
                            + "a=rtpmap:97 rtx/90000\r\na=fmtp:97 apt=0\r\n"), .chrome, ["PRF142 error"]
            ),
            (
                [
                    ("m=audio 9 UDP/TLS/RTP/SAVPF 111", "m=video 9 UDP/TLS/RTP/SAVPF 96 97"),
                    ("a=rtpmap:111 opus/48000/2", "a=rtpmap:96 VP8/90000\r\na=rtpmap:97 rtx/00\r\na=fmtp:97 apt=0"),
                ], .chrome, ["PRF142 error", "SDP233 warning"]
            ),
            // A '/' anywhere after the address type; the rid extension's URI as split at each space.
            ([("c=IN IP4 0.0.0.0\r\n", "c=IN IP4 IP4 0.0.0.0/127\r\n")], .chrome, ["PRF125 error", "SDP129 warning"]),
            (
                Self.simulcast + Self.addingLine("a=extmap:9  \(Self.ridURI)"), .chrome,
                ["PRF126 error", "SDP231 warning"]
            ),
            (Self.simulcast + Self.addingLine("a=extmap:9 \(Self.ridURI) "), .chrome, ["SDP109 warning"]),
            (Self.simulcast + [("t=0 0\r\n", "t=0 0\r\na=extmap:9 \(Self.ridURI)\r\n")], .chrome, []),
            // A space for the colon, where libwebrtc does not read the attribute.
            (Self.dataChannel + Self.addingLine("a=rtpmap x"), .chrome, ["SDP200 warning", "WEB118 warning"]),
            ([("t=0 0\r\n", "t=0 0\r\na=mid x\r\n")], .chrome, ["SDP200 warning"]),
            ([("t=0 0\r\n", "t=0 0\r\na=group x\r\n")], .chrome, ["PRF150 error"]),
            (
                [("m=audio 9 UDP/TLS/RTP/SAVPF 111", "m=text 9 UDP/TLS/RTP/SAVPF 111")] + Self.addingLine("a=fmtp x"),
                .chrome, ["SDP200 warning"]
            ),
            // A value attribute without its value, where libwebrtc reads it or not.
            ([("t=0 0\r\n", "t=0 0\r\na=mid\r\n")], .chrome, ["SDP205 warning"]),
            ([("t=0 0\r\n", "t=0 0\r\na=setup\r\n")], .chrome, ["SDP203 error"]),
            (Self.addingLine("a=x-google-flag"), .chrome, ["PRF150 error"]),
            (Self.sctpDataChannel + Self.addingLine("a=rtpmap"), .chrome, ["SDP203 warning", "WEB118 warning"]),
            (Self.sctpDataChannel + Self.addingLine("a=x-google-flag"), .chrome, ["WEB118 warning"]),
            (
                [("m=audio 9 UDP/TLS/RTP/SAVPF 111", "m=text 9 UDP/TLS/RTP/SAVPF 111")] + Self.addingLine("a=fmtp"),
                .chrome, ["SDP203 warning"]
            ),
            // A static audio type mapped to another codec, whatever clock rate libwebrtc reads.
            (
                [("SAVPF 111\r\n", "SAVPF 111 0 8\r\n")] + Self.addingLine("a=rtpmap:0 vp8/0"), .chrome,
                ["PRF127 error", "SDP233 warning"]
            ),
            // libwebrtc compares media types as written and checks simulcast in audio and video
            // only; it reads RTP lines of a type it does not know.
            (Self.simulcastWithoutExtension(in: "VIDEO"), .chrome, []),
            (Self.simulcastWithoutExtension(in: "text"), .chrome, []),
            (
                Self.asVideo + [("m=video 9", "m=VIDEO 9"), ("a=rtpmap:96 VP8/90000\r\n", "")], .chrome,
                ["SDP302 warning"]
            ),
            ([("m=audio 9", "m=AUDIO 9"), ("opus/48000/2", "opus/x/2")], .chrome, ["PRF136 error"]),
            (
                Self.sctpDataChannel + [("m=application 9", "m=APPLICATION 9"), ("a=sctp-port:5000", "a=sctp-port:x")],
                .chrome, ["SDP228 warning", "WEB118 warning"]
            ),
            // Session-level a=extmap lines count where a section in use takes them; the id used
            // twice stays a finding of the standard's (SDP319) where no section does.
            (
                [
                    ("t=0 0\r\n", "t=0 0\r\n\(Self.playoutDelay)\r\na=extmap:11 \(Self.toffset)\r\n"),
                    ("a=group:BUNDLE 0\r\n", ""),
                ], .chrome, ["PRF137 error"]
            ),
            (
                [
                    ("t=0 0\r\n", "t=0 0\r\n\(Self.playoutDelay)\r\na=extmap:11 \(Self.toffset)\r\n"),
                    ("m=audio 9 ", "m=audio 0 "), ("a=group:BUNDLE 0\r\n", ""),
                ], .chrome, ["SDP319 warning"]
            ),
            (
                [
                    ("t=0 0\r\n", "t=0 0\r\n\(Self.playoutDelay)\r\n\(Self.playoutDelay)\r\n"),
                    ("m=audio 9 ", "m=audio 0 "), ("a=group:BUNDLE 0\r\n", ""),
                ], .firefox, []
            ),
            (
                [("t=0 0\r\n", "t=0 0\r\n\(Self.playoutDelay)\r\n\(Self.playoutDelay)\r\n")], .firefox,
                ["PRF605 error"]
            ),
            // White space at the end of a line libwebrtc reads where it stands, and of one it does not.
            ([("t=0 0\r\n", "t=0 0\r\na=ssrc-group:FID 1 2 \r\n")], .chrome, ["SDP109 warning", "SDP205 warning"]),
            (Self.addingLine("a=group:BUNDLE 0\t"), .chrome, ["SDP109 warning", "SDP205 warning"]),
            (
                Self.addingLine("a=candidate:2 1 udp 2122260223 192.0.2.2 9 typ host\t"), .chrome,
                ["PRF141 error", "SDP109 warning"]
            ),
            (
                [("t=0 0\r\n", "t=0 0\r\na=candidate:2 1 udp 2122260223 192.0.2.2 9 typ host\t\r\n")], .chrome,
                ["SDP109 warning", "SDP205 warning"]
            ),
            // libwebrtc splits m= at spaces only: a tab in the media type makes one it does not
            // know, whose a=rtpmap lines it still reads.
            (
                [("m=audio 9", "m=au\tdio 9")], .chrome,
                ["SDP109 warning", "SDP128 warning", "SDP128 warning", "SDP133 warning"]
            ),
            (
                [("m=audio 9", "m=au\tdio 9"), ("opus/48000/2", "opus/:000/2")], .chrome,
                ["PRF136 error", "SDP109 warning", "SDP128 warning", "SDP128 warning", "SDP133 warning"]
            ),
            // SIPCC ends a name at a space and skips white space before the id.
            (
                Self.addingLine(
                    "a=extmap:1 urn:ietf:params:rtp-hdrext:ssrc-audio-level\r\na=extmap 1 urn:ietf:params:rtp-hdrext:sdes:mid"
                ), .firefox, ["PRF605 error", "SDP200 warning"]
            ),
            // SIPCC keeps 256 characters of a fingerprint's value.
            (Self.secondFingerprint(ofLength: 257), .firefox, ["PRF625 error", "SDP237 warning"]),
            (Self.secondFingerprint(ofLength: 259), .firefox, ["SDP237 warning"]),
            // The session's credentials count where a section has none of its own.
            ([("t=0 0\r\n", "t=0 0\r\na=ice-ufrag:ab\r\n")], .firefox, ["ICE120 warning"]),
            ([("t=0 0\r\n", "t=0 0\r\na=ice-ufrag:ab\r\n"), ("a=ice-ufrag:YlEE\r\n", "")], .firefox, ["PRF609 error"]),
        ] as [([(String, String)], Profile, [String])])
    func measuredOnTracksBandwidthsAndSCTPFields(
        _ changes: [(String, String)], _ profile: Profile, _ expected: [String]
    ) {
        measuredOnNewKindsOfOffer(changes, profile, expected)
    }

    /// Firefox reads a=imageattr with a reader of its own: numbers as C++ streams read them,
    /// checked for their ranges only; Chromium does not read the attribute. Each row is the
    /// audio section's a=imageattr of an offer given to Chromium 156 and Firefox ESR 153
    /// (refused where an error is expected).
    @Test(
        arguments: [
            ("111 send [x=640,y=480,sar=1] recv *", Profile.firefox, ["SDP238 warning"]),
            ("111 send [x=640,y=480,sar=10] recv *", .firefox, ["PRF637 error"]),
            ("111 send [x=640,y=480,sar=10] recv *", .chrome, ["SDP238 warning"]),
            ("111 send [x=0640,y=480] recv *", .firefox, ["SDP238 warning"]),
            ("111 send [x=0,y=480] recv *", .firefox, ["PRF637 error"]),
            ("111 send [x=1000000,y=480] recv *", .firefox, ["PRF637 error"]),
            ("111 send [x=640,y=480][x=320,y=240] recv *", .firefox, ["SDP238 warning"]),
            ("111 send * recv * x", .firefox, ["PRF637 error"]),
            ("65536 send *", .firefox, ["PRF637 error"]),
            ("65535 send *", .firefox, []),
            ("+111 send *", .firefox, ["SDP238 warning"]),
            ("111 send [x=640,y=480,foo=[1] recv *", .firefox, ["PRF637 error"]),
            ("111 send [x=640,y=480,sar=1.0,sar=1.1] recv *", .firefox, ["PRF637 error"]),
            ("111 send [x=[640:640],y=480] recv *", .firefox, ["PRF637 error"]),
            ("111 send * send *", .firefox, ["PRF637 error"]),
            ("111 send [x=640,y=480,q=1e-50] recv *", .firefox, ["SDP238 warning"]),
            ("111 send [x=640,y=480,sar=1e] recv *", .firefox, ["PRF637 error"]),
            ("111 send [x=640,y=480,par=1.0] recv *", .firefox, ["PRF637 error"]),
            ("111 send [x=640,y=480,sar=[1.0,1.5,0.5]] recv *", .firefox, ["SDP238 warning"]),
            ("111 send [x=640, y=480] recv *", .firefox, ["PRF637 error"]),
            ("111 send [x= 640,y=480] recv *", .firefox, ["PRF637 error"]),
            ("111 send [X=640,Y=480] recv *", .firefox, []),
            ("111 SEND [x=640,y=480] RECV *", .firefox, []),
            // SIPCC skips an empty value, and keeps 256 characters of a longer one: twenty sets
            // are cut inside the eleventh ("Malformed at column 256").
            ("", .firefox, ["SDP238 warning"]),
            (
                "111 send " + (0..<20).map { "[x=\(300 + $0),y=\(200 + $0)]" }.joined(separator: " "), .firefox,
                ["PRF637 error"]
            ),
        ] as [(String, Profile, [String])])
    func measuredOnImageattrAsFirefoxReadsIt(_ value: String, _ profile: Profile, _ expected: [String]) {
        measuredOnNewKindsOfOffer([("a=rtcp-mux\r\n", "a=rtcp-mux\r\na=imageattr:\(value)\r\n")], profile, expected)
    }

    /// SIPCC ends the name at a space or a tab and keeps a space after the colon, where Firefox's
    /// reader finds no payload type: one finding for the line.
    @Test(arguments: ["a=imageattr 111 send *", "a=imageattr\t111 send *", "a=imageattr: 111 send *"])
    func firefoxRefusesWhiteSpaceBeforeAnImageattrPayloadType(_ line: String) {
        measuredOnNewKindsOfOffer([("a=rtcp-mux\r\n", "a=rtcp-mux\r\n\(line)\r\n")], .firefox, ["PRF637 error"])
    }

    /// SIPCC reads a token of o= and the value of a=rid into 256 characters (measured with lengths
    /// from 1 to 4,096: a username of 256 taken, of 257 refused; a rid of 128 taken, of 255 refused,
    /// its direction cut).
    @Test(arguments: [
        ("o=" + String(repeating: "u", count: 256) + " ", false),
        ("o=" + String(repeating: "u", count: 257) + " ", true),
        ("a=rid:" + String(repeating: "r", count: 128) + " send", false),
        ("a=rid:" + String(repeating: "r", count: 251) + " send", false),
        ("a=rid:" + String(repeating: "r", count: 255) + " send", true),
        ("a=rid:" + String(repeating: "r", count: 256) + " send", true),
    ])
    func firefoxKeeps256CharactersOfAField(_ line: String, _ refused: Bool) {
        let bytes = Self.offer {
            line.hasPrefix("o=")
                ? $0.replacingOccurrences(of: "o=- ", with: line)
                : $0.replacingOccurrences(of: "a=rtcp-mux\r\n", with: "a=rtcp-mux\r\n\(line)\r\n")
        }
        let errors = check(bytes: bytes, [.firefox]).filter { $0.severity == .error }.map(\.code.rawValue)
        #expect(errors == (refused ? [line.hasPrefix("o=") ? "PRF626" : "PRF630"] : []))
    }

    /// The RtpStreamId header extension's a=extmap line, which simulcast needs (PRF126).
    static let ridExtension = "a=extmap:4 urn:ietf:params:rtp-hdrext:sdes:rtp-stream-id\r\n"

    /// A data channel section's lines after its m= line, bundled as mid 1.
    static let dataSection =
        "m=application 9 UDP/DTLS/SCTP webrtc-datachannel\r\nc=IN IP4 0.0.0.0\r\na=mid:1\r\na=sctp-port:5000\r\n"

    /// SIPCC reads the first 30 formats of an m= line: a reserved type past them is not refused
    /// (measured: 19 refused as the 30th format, taken as the 31st).
    @Test(arguments: [(29, true), (30, false)])
    func firefoxReadsThirtyFormats(_ before: Int, _ refused: Bool) {
        let others = (35..<(35 + before - 1)).map(String.init).joined(separator: " ")
        let bytes = Self.offer { $0.replacingOccurrences(of: "SAVPF 111\r\n", with: "SAVPF 111 \(others) 19\r\n") }
        let codes = check(bytes: bytes, [.firefox]).filter { $0.severity == .error }.map(\.code.rawValue)
        #expect(codes == (refused ? ["PRF623"] : []))
    }

    /// The replacements that add payload type `pt` to the audio section, with `lines` after its rtpmap.
    /// The changes that add `text` after the offer's last line, a second section among them,
    /// bundled with the first as mid 1.
    /// A second audio section for ``addingBundledSection(_:)``: its own a=ice-pwd and, with
    /// `ufrag`, an a=ice-ufrag after it.
    static func secondSection(ufrag: Bool) -> String {
        "m=audio 9 UDP/TLS/RTP/SAVPF 111\r\nc=IN IP4 0.0.0.0\r\na=ice-pwd:GTRA27kgJhvarXtLIz3mWrW+\r\n"
            + (ufrag ? "a=ice-ufrag:YlEE\r\n" : "") + fingerprint
            + "\r\na=setup:actpass\r\na=mid:1\r\na=sendrecv\r\na=rtcp-mux\r\na=rtpmap:111 opus/48000/2\r\n"
    }

    /// A data channel section for ``addingBundledSection(_:)``, without transport lines of its own.
    static func dataChannelSection(maxMessageSize: String) -> String {
        "m=application 9 UDP/DTLS/SCTP webrtc-datachannel\r\nc=IN IP4 0.0.0.0\r\na=mid:1\r\na=sctp-port:5000\r\na=max-message-size:\(maxMessageSize)\r\n"
    }

    /// Measured with Chromium 156: libwebrtc reads a=fmtp's items with their ends stripped, the
    /// name as written and the last of a name counting, and refuses a video RTX format whose
    /// apt= it cannot read as digits; the grammar's reading (SDP308) differs on these.
    @Test(arguments: [
        ("apt=96", false), ("apt= 96", true), ("apt =96", true), ("APT=96", true), ("apt=+96", true),
        ("apt=96;apt=x", true), ("apt=96;apt=200", true), ("apt=200;apt=96", false), ("apt==96", false),
        ("apt=96 ;rtx-time=3000", false), ("\u{0B}apt=96", false),
    ])
    func libwebrtcReadsAVideoRTXFormatsAptItsOwnWay(_ parameters: String, _ refused: Bool) {
        let section = """
            m=video 9 UDP/TLS/RTP/SAVPF 96 97\r\nc=IN IP4 0.0.0.0\r\na=mid:1\r\na=sendrecv\r\na=rtcp-mux\r\n\
            a=rtpmap:96 VP8/90000\r\na=rtpmap:97 rtx/90000\r\na=fmtp:97 \(parameters)\r\n
            """
        let bytes = Self.offer { text in
            Self.addingBundledSection(section).reduce(text) { $0.replacingOccurrences(of: $1.0, with: $1.1) }
        }
        let errors = check(bytes: bytes, [.chrome]).filter { $0.severity == .error }.map(\.code.rawValue)
        #expect(errors == (refused ? ["PRF142"] : []))
    }

    /// A VP8 section with mid 1, to bundle with ``offer(_:)``'s.
    static let videoSection =
        "m=video 9 UDP/TLS/RTP/SAVPF 96\r\nc=IN IP4 0.0.0.0\r\na=mid:1\r\na=sendrecv\r\na=rtcp-mux\r\na=rtpmap:96 VP8/90000\r\n"
    /// ``videoSection`` as a section of a media type WebRTC does not carry.
    static let textSection = videoSection.replacingOccurrences(of: "m=video", with: "m=text")
    static let toffset = "urn:ietf:params:rtp-hdrext:toffset"

    /// ``offer(_:)``'s section as a VP8 one.
    static let asVideo = [
        ("m=audio 9 UDP/TLS/RTP/SAVPF 111", "m=video 9 UDP/TLS/RTP/SAVPF 96"),
        ("a=rtpmap:111 opus/48000/2", "a=rtpmap:96 VP8/90000"),
    ]
    /// A second section bundled with ``offer(_:)``'s, mapping extension id 3 to another URI than
    /// the audio section does.
    /// One a=extmap line at the session level, another in the section.
    static let extmapAtBothLevels = [
        ("t=0 0\r\n", "t=0 0\r\na=extmap:1 urn:ietf:params:rtp-hdrext:sdes:mid\r\n"),
        ("a=rtcp-mux\r\n", "a=rtcp-mux\r\na=extmap:2 urn:ietf:params:rtp-hdrext:ssrc-audio-level\r\n"),
    ]
    /// Two session-level a=extmap lines that give id 1 two URIs.
    static let sessionExtmapConflict =
        "a=extmap:1 urn:ietf:params:rtp-hdrext:sdes:mid\r\na=extmap:1 urn:ietf:params:rtp-hdrext:ssrc-audio-level\r\n"
    static let extensionCollision = [
        ("a=group:BUNDLE 0", "a=group:BUNDLE 0 1"),
        ("a=rtcp-mux\r\n", "a=rtcp-mux\r\na=extmap:3 urn:ietf:params:rtp-hdrext:ssrc-audio-level\r\n"),
        (
            "typ host\r\n",
            "typ host\r\nm=video 9 UDP/TLS/RTP/SAVPF 96\r\nc=IN IP4 0.0.0.0\r\na=mid:1\r\na=sendrecv\r\na=rtcp-mux\r\n"
                + "a=rtpmap:96 VP8/90000\r\na=extmap:3 urn:3gpp:video-orientation\r\n"
        ),
    ]
    /// A video section of payload type 70 with rtcp-mux, as mid 1.
    static func videoWithType70(port: Int) -> String {
        "m=video \(port) UDP/TLS/RTP/SAVPF 70\r\nc=IN IP4 0.0.0.0\r\na=mid:1\r\na=sendrecv\r\na=rtcp-mux\r\na=rtpmap:70 VP8/90000\r\n"
    }
    /// The base rules' findings about an unended video section libwebrtc does not read.
    static let unreadVideoSection = [
        "SDP123 warning", "SDP302 warning", "WEB101 warning", "WEB102 warning", "WEB103 warning", "WEB106 warning",
    ]
    /// A rejected video section with a mid of 17 bytes.
    static let rejectedVideoWithLongMid =
        "m=video 0 UDP/TLS/RTP/SAVPF 96\r\nc=IN IP4 0.0.0.0\r\na=mid:abcdefghijklmnopq\r\na=inactive\r\na=rtpmap:96 VP8/90000\r\n"
    /// SSRCs 1 to 4, declared.
    static let fourSSRCs = (1...4).map { "a=ssrc:\($0) cname:a\r\n" }.joined()

    /// A line added to ``offer(_:)``'s section, after its a=rtcp-mux.
    /// ``offer(_:)``'s section as a data channel one over UDP/DTLS/SCTP.
    static let dataChannel = [("m=audio 9 UDP/TLS/RTP/SAVPF 111", "m=application 9 UDP/DTLS/SCTP webrtc-datachannel")]

    /// ``offer(_:)``'s section as a data channel one over DTLS/SCTP with `port` as its format.
    static func draftDataChannel(port: String) -> [(String, String)] {
        [
            ("m=audio 9 UDP/TLS/RTP/SAVPF 111", "m=application 9 DTLS/SCTP \(port)"),
            ("a=rtpmap:111 opus/48000/2", "a=sctpmap:\(port) webrtc-datachannel 1024"),
        ]
    }

    /// ``offer(_:)``'s section as one of `type` sending two rids in simulcast, without the
    /// rtp-stream-id extension.
    static func simulcastWithoutExtension(in type: String) -> [(String, String)] {
        [
            (
                "a=rtpmap:111 opus/48000/2",
                "a=rtpmap:111 opus/48000/2\r\na=rid:h send\r\na=rid:l send\r\na=simulcast:send h;l"
            ),
            ("m=audio 9", "m=\(type) 9"),
        ]
    }

    /// ``dataChannel`` with an a=sctp-port line for the a=rtpmap line.
    static let sctpDataChannel = dataChannel + [("a=rtpmap:111 opus/48000/2\r\n", "a=sctp-port:5000\r\n")]
    static let ridURI = "urn:ietf:params:rtp-hdrext:sdes:rtp-stream-id"
    static let playoutDelay = "a=extmap:11 http://www.webrtc.org/experiments/rtp-hdrext/playout-delay"
    /// ``offer(_:)``'s section as a VP8 one sending two rids in simulcast.
    static let simulcast = [
        ("m=audio 9 UDP/TLS/RTP/SAVPF 111", "m=video 9 UDP/TLS/RTP/SAVPF 96"),
        ("a=rtpmap:111 opus/48000/2", "a=rtpmap:96 VP8/90000\r\na=rid:h send\r\na=rid:l send\r\na=simulcast:send h;l"),
    ]

    /// A second a=fingerprint line after ``fingerprint``, of the same digest after a hash
    /// function long enough to make its value `length` characters.
    static func secondFingerprint(ofLength length: Int) -> [(String, String)] {
        let digest = fingerprint.split(separator: " ")[1]
        let hash = String(repeating: "y", count: length - 1 - digest.count)
        return [(fingerprint, fingerprint + "\r\na=fingerprint:\(hash) \(digest)")]
    }

    /// A b= line after the section's c= line.
    static func addingBandwidth(_ line: String) -> [(String, String)] {
        [("c=IN IP4 0.0.0.0\r\n", "c=IN IP4 0.0.0.0\r\n" + line + "\r\n")]
    }

    static func addingLine(_ line: String) -> [(String, String)] {
        [("a=rtcp-mux\r\n", "a=rtcp-mux\r\n" + line + "\r\n")]
    }

    /// A bundled VP8 section with RTX, SSRC 1 and an a=ssrc-group.
    static func videoSection(ssrcGroup: String) -> String {
        """
        m=video 9 UDP/TLS/RTP/SAVPF 96 97\r\nc=IN IP4 0.0.0.0\r\na=mid:1\r\na=sendrecv\r\na=rtcp-mux\r\n\
        a=rtpmap:96 VP8/90000\r\na=rtpmap:97 rtx/90000\r\na=fmtp:97 apt=96\r\na=ssrc:1 cname:x\r\n\
        a=ssrc-group:\(ssrcGroup)\r\n
        """
    }

    /// The candidate line of ``offer(_:)``, after "a=candidate:".
    static let hostCandidate = "1 1 udp 2122260223 192.0.2.1 9 typ host"

    /// A video section whose payload type 96 is mapped twice.
    static func videoMappedTwice(_ first: String, _ second: String) -> String {
        "m=video 9 UDP/TLS/RTP/SAVPF 96\r\nc=IN IP4 0.0.0.0\r\na=mid:1\r\na=sendrecv\r\na=rtcp-mux\r\n"
            + "a=rtpmap:96 \(first)\r\na=rtpmap:96 \(second)\r\n"
    }

    static func addingBundledSection(_ text: String) -> [(String, String)] {
        [("a=group:BUNDLE 0", "a=group:BUNDLE 0 1"), ("typ host\r\n", "typ host\r\n" + text)]
    }

    static func addingAudioFormat(_ pt: Int, _ lines: String?) -> [(String, String)] {
        [
            ("SAVPF 111\r\n", "SAVPF 111 \(pt)\r\n"),
            ("a=rtpmap:111 opus/48000/2\r\n", "a=rtpmap:111 opus/48000/2\r\n" + (lines.map { $0 + "\r\n" } ?? "")),
        ]
    }

    @Test func dataChannelFormatsAsEachBrowserReadsThem() {
        func offer(_ mediaLine: String, _ port: String = "a=sctp-port:5000") -> [UInt8] {
            Self.offer {
                $0.replacingOccurrences(of: "a=group:BUNDLE 0", with: "a=group:BUNDLE 0 1")
                    + "\(mediaLine)\r\nc=IN IP4 0.0.0.0\r\na=ice-ufrag:YlEE\r\na=ice-pwd:GTRA27kgJhvarXtLIz3mWrW+\r\n"
                    + Self.sessionFingerprint + "a=setup:actpass\r\na=mid:1\r\n\(port)\r\n"
            }
        }
        func errors(_ bytes: [UInt8], _ profile: Profile) -> [String] {
            check(bytes: bytes, [profile]).filter { $0.severity == .error }.map(\.code.rawValue)
        }
        let standard = offer("m=application 9 UDP/DTLS/SCTP webrtc-datachannel")
        #expect(errors(standard, .chrome) == [] && errors(standard, .firefox) == [])
        // The draft's port format beside a=sctp-port: libwebrtc refuses it, SIPCC takes it with DTLS/SCTP.
        #expect(errors(offer("m=application 9 DTLS/SCTP 5000"), .chrome) == ["PRF117"])
        #expect(errors(offer("m=application 9 DTLS/SCTP 5000"), .firefox) == [])
        // SIPCC wants webrtc-datachannel with UDP/DTLS/SCTP; libwebrtc takes a=sctpmap there.
        let sctpmap = offer("m=application 9 UDP/DTLS/SCTP 5000", "a=sctpmap:5000 webrtc-datachannel 1024")
        #expect(errors(sctpmap, .firefox) == ["PRF617"])
        #expect(errors(sctpmap, .chrome) == [])
        // libwebrtc reads the port as a signed number: "-0" and "-000" are 0; "-1" it refuses.
        let section = "m=application 9 UDP/DTLS/SCTP webrtc-datachannel"
        #expect(errors(offer(section, "a=sctp-port:-0"), .chrome) == [])
        #expect(errors(offer(section, "a=sctp-port:-000"), .chrome) == [])
        #expect(errors(offer(section, "a=sctp-port:-1"), .chrome) == ["SDP228"])
        #expect(errors(offer(section, "a=sctp-port:-00x"), .chrome) == ["SDP228"])
        #expect(errors(offer(section, "a=sctp-port:5000\r\na=max-message-size:-0"), .chrome) == [])
        #expect(errors(offer(section, "a=sctp-port:5000\r\na=max-message-size:-1"), .chrome) == ["SDP228"])
    }

    /// webrtcbin reads a=setup from each section, not from the session level (measured: "media 0
    /// is missing or contains an empty 'setup' attribute").
    @Test func webrtcbinReadsTheSetupRoleOfEachSection() {
        let moved = Self.offer {
            $0.replacingOccurrences(of: "a=setup:actpass\r\n", with: "")
                .replacingOccurrences(of: "t=0 0\r\n", with: "t=0 0\r\na=setup:actpass\r\n")
        }
        let errors = check(bytes: moved, [.gstreamer]).filter { $0.severity == .error }
        #expect(errors.map(\.code.rawValue) == ["PRF801"])
        #expect(errors.first?.message.contains("a=setup in section 0") == true)
        #expect(check(bytes: moved, [.firefox]).allSatisfy { $0.severity < .error })
    }

    @Test func theVariantsOfferIsCleanForEveryMeasuredProfile() {
        for profile in [Profile.chrome, .firefox, .aiortc, .gstreamer] {
            let found = check(bytes: Self.offer(), [profile]).filter { $0.severity >= .warning }
            #expect(found.isEmpty, "\(profile): \(found)")
        }
    }

    /// How each receiver takes an answer to its own offer that differs from it in a section's
    /// mid, a data channel's transport or a header extension (measured with the answers of four
    /// engines, each changed one way; the offer/answer fixtures of each rule).
    @Test(arguments: [
        // A renamed mid: refused in a section in use everywhere, in a rejected one by Chromium
        // and aiortc only; webrtcbin takes either.
        ("OA106", Profile.chrome, Severity.error), ("OA106", .firefox, .error), ("OA106", .gstreamer, .warning),
        ("OA115", .chrome, .error), ("OA115", .aiortc, .error), ("OA115", .firefox, .warning),
        ("OA115", .gstreamer, .warning),
        // A data channel section answered over RTP: Chromium refuses it even rejected.
        ("OA116", .chrome, .error), ("OA116", .firefox, .warning), ("OA116", .aiortc, .warning),
        // An offered extension at another id: Firefox refuses it, the others take it.
        ("OA403", .firefox, .error), ("OA403", .chrome, .warning), ("OA403", .aiortc, .warning),
        // An extension the offer does not have: Chromium and aiortc take it at an id of its own,
        // and only aiortc at an id the offer uses for another.
        ("OA402", .chrome, .warning), ("OA402", .firefox, .error), ("OA402", .aiortc, .warning),
        ("OA416", .chrome, .error), ("OA416", .firefox, .error), ("OA416", .aiortc, .warning),
    ])
    func answersDifferingFromTheOfferAreJudgedAsMeasured(
        _ code: String, _ profile: Profile, _ expected: Severity
    )
        throws
    {
        let pair = ["offer", "answer"].map { "Fixtures/offer-answer/\(code).fires.\($0).sdp" }
        let run = try Executable.run("sdplint", ["diff", "--profile", profile.rawValue, "--format", "json"] + pair)
        let report = try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any]
        let diagnostics = report?["diagnostics"] as? [[String: Any]] ?? []
        let severities = diagnostics.filter { $0["code"] as? String == code }.compactMap { $0["severity"] as? String }
        #expect(severities.first == expected.description, "\(code) under \(profile): \(severities)")
    }

    /// aiortc needs rtcp-mux in a rejected audio or video section too (measured: port 0, with
    /// and without BUNDLE, refused with "RTCP mux is not enabled").
    @Test func aiortcNeedsRTCPMuxInARejectedSection() {
        let rejected = Self.offer {
            $0.replacingOccurrences(of: "m=audio 9 ", with: "m=audio 0 ")
                .replacingOccurrences(of: "a=group:BUNDLE 0\r\n", with: "")
        }
        #expect(errors(check(bytes: rejected, [.aiortc], type: .offer)).isEmpty)
        let withoutMux = Self.offer {
            $0.replacingOccurrences(of: "m=audio 9 ", with: "m=audio 0 ")
                .replacingOccurrences(of: "a=group:BUNDLE 0\r\n", with: "")
                .replacingOccurrences(of: "a=rtcp-mux\r\n", with: "")
        }
        #expect(errors(check(bytes: withoutMux, [.aiortc], type: .offer)) == ["PRF702"])
    }

    @Test func diffAndTimelineTakeProfilesToo() throws {
        let offer = "Fixtures/corpus/firefox/codec-vp9-only.offer.sdp"
        let answer = "Fixtures/corpus/firefox/codec-vp9-only.answer.sdp"
        // diff: what Chromium refuses in the offer it would receive, beside the negotiation.
        let plain = try Executable.run("sdplint", ["diff", offer, answer])
        #expect(plain.status == 0 && !plain.standardOutput.contains("PRF102"))
        let chrome = try Executable.run("sdplint", ["diff", "--profile", "chrome", offer, answer])
        #expect(chrome.status == 1)
        #expect(
            chrome.standardOutput.components(separatedBy: "error[PRF102]").count - 1 == 4, "\(chrome.standardOutput)")
        let json = try Executable.run("sdplint", ["diff", "--profile", "chrome", "--format", "json", offer, answer])
        let errors = try JSONSchema(named: "sdplint-negotiation.schema.json").validate(Data(json.standardOutput.utf8))
        #expect(errors.isEmpty, "\(errors)")
        #expect(json.standardOutput.contains("\"PRF102\""))
        // timeline: the findings under the table and the exit status follow the profile.
        let timeline = try Executable.run("sdplint", ["timeline", "--profile", "chrome", offer])
        #expect(timeline.status == 1 && timeline.standardOutput.contains("error[PRF102]"))
        #expect(try Executable.run("sdplint", ["timeline", offer]).status == 0)
        let unknown = try Executable.run("sdplint", ["diff", "--profile", "netscape", offer, answer])
        #expect(unknown.status == 2 && unknown.standardError.contains("unknown profile 'netscape'"))
        #expect(unknown.standardError.contains("Usage: sdplint diff"), "the command's own usage")
    }

    @Test func libwebrtcRefusesSDESOnlySections() throws {
        let findings = try check("corpus/linphone/audio-video-ice-sdes-srtp/01-request-invite.body.sdp", [.chrome])
        #expect(findings.contains { $0.code.rawValue == "PRF101" && $0.severity == .error })
        #expect(
            try check("corpus/baresip/dtls-srtp.01-request-invite.body.sdp", [.chrome]).allSatisfy {
                $0.code.rawValue != "PRF101"
            })
    }

    @Test func stockPJSIPDropsAttributesPastSixtyEight() throws {
        let findings = try check("corpus/chromium/audio-video.offer.sdp", [.pjsip])
        let dropped = try #require(findings.first { $0.code.rawValue == "PRF501" })
        #expect(dropped.location.line == 109, "the 69th attribute of the video section, the first one dropped")
        #expect(
            try check("corpus/chromium/audio-video.offer.sdp", [.asterisk]).allSatisfy {
                !$0.code.rawValue.hasPrefix("PRF4")
            },
            "Asterisk keeps 132")
    }

    @Test func janusNeedsBundleAndThreeSimulcastLayersAtMost() throws {
        let offer =
            """
            v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\nm=video 9 UDP/TLS/RTP/SAVPF 96\r\nc=IN IP4 \
            0.0.0.0\r\na=ice-ufrag:abcd\r\na=ice-pwd:abcdefghijklmnopqrstuvwx\r\na=fingerprint:sha-256 \
            8E:B8:A1:54:88:B0:2D:F5:C5:BA:3A:FA:D6:87:66:C0:91:9F:7D:6B:31:D6:4F:0A:9B:CA:1F:70:A1:8B:C2:9D\r\na=setup:actpass\r\na=mid:0\r\na=rtcp-mux\r\na=rtpmap:96 \
            VP8/90000\r\na=rid:a send\r\na=rid:b send\r\na=rid:c send\r\na=rid:d send\r\na=simulcast:send \
            a;b;c;d\r\n
            """
        var configuration = LintConfiguration()
        configuration.profiles = [.janus]
        let findings = Linter.checkDescription(Array(offer.utf8), path: "x", configuration: configuration).diagnostics
        #expect(findings.contains { $0.code.rawValue == "PRF201" && $0.location.line == 5 })
        #expect(findings.contains { $0.code.rawValue == "PRF202" && $0.location.line == 18 })
    }

    @Test func firefoxRaisesTheRulesItsParserEnforces() throws {
        // Firefox refuses a mid named twice in a BUNDLE group ("appears more than once",
        // measured), which RFC 5888 §5 only discourages.
        let bytes = Self.offer { $0.replacingOccurrences(of: "a=group:BUNDLE 0\r\n", with: "a=group:BUNDLE 0 0\r\n") }
        func severity(_ configuration: LintConfiguration) -> Severity? {
            Linter.checkDescription(bytes, path: "x", configuration: configuration).diagnostics.first {
                $0.code.rawValue == "SDP315"
            }?.severity
        }
        var configuration = LintConfiguration()
        #expect(severity(configuration) == .warning)
        configuration.profiles = [.firefox]
        #expect(severity(configuration) == .error)
        try configuration.setSeverity("SDP315=info")
        #expect(severity(configuration) == .info, "the user's word wins")
    }

    @Test func freeswitchNotesTheDroppedSendrecv() throws {
        let findings = try check("corpus/chromium/audio.offer.sdp", [.freeswitch])
        #expect(findings.contains { $0.code.rawValue == "PRF301" && $0.severity == .info })
    }

    @Test func everyProfileRuleIsInTheCatalog() {
        for profile in Profile.allCases {
            for rule in profile.rules { #expect(RuleCatalog.rule(rule.code.rawValue) != nil) }
            for escalation in profile.escalations {
                #expect(RuleCatalog.rule(escalation.code.rawValue) != nil, "\(escalation.code.rawValue)")
            }
        }
    }

    func check(text: String, _ profiles: [Profile], type: SDPType = .offer) -> [Diagnostic] {
        check(bytes: Array(text.utf8), profiles, type: type)
    }

    func check(bytes: [UInt8], _ profiles: [Profile], type: SDPType = .offer) -> [Diagnostic] {
        var configuration = LintConfiguration()
        configuration.profiles = profiles
        configuration.type = type
        return Linter.checkDescription(bytes, path: "\(type).sdp", configuration: configuration).diagnostics
    }

    func errors(_ findings: [Diagnostic]) -> [String] {
        findings.filter { $0.severity == .error }.map(\.code.rawValue)
    }

    /// Measured in Conformance/: Chromium refuses a plain RTP offer; Firefox refuses its host
    /// name in c=, and wants the transport attributes in every section (rtcp-mux it wants over
    /// the SAVPF protocols only).
    @Test func eachBrowserRefusesAPlainSIPOfferForItsOwnReason() throws {
        let path = "standards/rfc4317/2.1-1.offer.sdp"
        #expect(errors(try check(path, [])) == [])
        #expect(errors(try check(path, [.chrome])) == ["PRF104"])
        #expect(Set(errors(try check(path, [.firefox]))) == ["PRF602", "PRF603"])
    }

    /// Measured in Conformance/: Chromium 156 refuses baresip's DTLS-SRTP offer, which has no
    /// ICE ("Called with SDP without ice-ufrag and ice-pwd"); a plain RTP offer is refused for
    /// its missing DTLS first, and is PRF104's alone.
    @Test func libwebrtcRefusesADTLSOfferWithoutICE() throws {
        let path = "corpus/baresip/dtls-srtp.01-request-invite.body.sdp"
        #expect(errors(try check(path, [])) == [])
        #expect(errors(try check(path, [.chrome])) == ["PRF105"])
        #expect(errors(try check(path, [.safari])) == ["PRF105"])
        #expect(!errors(try check("corpus/chromium/audio-video.offer.sdp", [.chrome])).contains("PRF105"))
        #expect(!errors(try check("standards/rfc4317/2.1-1.offer.sdp", [.chrome])).contains("PRF105"))
    }

    /// What a receiver accepts is a warning under its profile, and still an error without it.
    @Test func aProfileLowersWhatItsReceiverAccepts() throws {
        let offer = try Fixture(path: "corpus/chromium/audio-video.offer.sdp").text()
        let doubled = offer.replacingOccurrences(
            of: "a=rtpmap:111 opus/48000/2\r\n", with: "a=rtpmap:111 opus/48000/2\r\na=rtpmap:111 opus/48000/2\r\n")
        #expect(doubled != offer)
        #expect(errors(check(text: doubled, [])) == ["SDP301"])
        #expect(errors(check(text: doubled, [.chrome])) == [])
        #expect(check(text: doubled, [.chrome]).contains { $0.code.rawValue == "SDP301" && $0.severity == .warning })
        // With several profiles the strictest judges: Chromium lowers SDP135, Firefox does not.
        let lettered = offer.replacingOccurrences(of: "o=- 5532889752116987966 ", with: "o=- abc ")
        #expect(lettered != offer)
        #expect(errors(check(text: lettered, [.chrome])).contains("SDP135") == false)
        #expect(errors(check(text: lettered, [.firefox, .chrome])).contains("SDP135"))
    }

    /// In an answer, a section after the first of its BUNDLE group takes the group's transport:
    /// Chromium and Firefox took such answers with that section's credentials removed, and
    /// refused the same offers.
    @Test(arguments: [(Profile.chrome, "PRF105"), (.firefox, "PRF602")])
    func anAnswersBundledSectionTakesTheGroupsTransport(_ profile: Profile, _ code: String) {
        let text = Self.offer {
            $0.replacingOccurrences(of: "a=group:BUNDLE 0", with: "a=group:BUNDLE 0 1")
                + $0.components(separatedBy: "m=audio")[1].replacingOccurrences(of: "a=mid:0", with: "a=mid:1")
                .replacingOccurrences(of: "a=ice-pwd:GTRA27kgJhvarXtLIz3mWrW+\r\n", with: "")
                .replacingOccurrences(of: "a=setup:actpass", with: "a=setup:active")
                .replacingOccurrences(of: "a=candidate:1 1 udp 2122260223 192.0.2.1 9 typ host\r\n", with: "")
                .replacingOccurrences(of: " 9 UDP/TLS", with: "m=audio 9 UDP/TLS")
        }
        #expect(errors(check(bytes: text, [profile], type: .offer)).contains(code))
        #expect(!errors(check(bytes: text, [profile], type: .answer)).contains(code))
    }

    /// What each profile makes of answers to its receiver's offer (CONFORMANCE.md, answers):
    /// the variants' offer with a=setup:active, checked as an answer.
    @Test(arguments: [
        // libwebrtc refuses actpass and holdconn and requires rtcp-mux where it sets up a
        // transport; it takes a missing a=setup as active.
        ("a=setup:active", "a=setup:actpass", Profile.chrome, ["PRF110 error"]),
        ("a=setup:active\r\n", "", Profile.chrome, ["WEB103 warning"]),
        (
            "SAVPF 111\r\nc=IN IP4 0.0.0.0\r\n",
            "SAVPF 111 112\r\nc=IN IP4 0.0.0.0\r\na=rtpmap:112 rtx/48000\r\na=fmtp:112 apt=110\r\n", Profile.chrome,
            ["PRF115 error"]
        ),
        // libwebrtc takes the last of a section's fingerprints.
        (
            "a=setup:active", "a=fingerprint:sha-512 B1:B8\r\na=setup:active", Profile.chrome,
            ["PRF109 error"]
        ),
        // An answer's section without a mid takes its offer's.
        ("a=mid:0\r\n", "", Profile.chrome, ["SDP309 warning", "WEB106 warning"]),
        // Firefox takes an answer without a=setup, and refuses holdconn.
        ("a=setup:active\r\n", "", Profile.firefox, ["WEB103 warning"]),
        ("a=setup:active", "a=setup:holdconn", Profile.firefox, ["PRF606 error"]),
        // aiortc needs a=setup in an answer too.
        ("a=setup:active\r\n", "", Profile.aiortc, ["PRF706 error"]),
        // webrtcbin, as the offerer, needs one direction in each answered audio and video section.
        ("a=sendrecv\r\n", "", Profile.gstreamer, ["PRF804 error"]),
        ("a=sendrecv\r\n", "a=recvonly\r\n", Profile.gstreamer, []),
        // GstSdp keeps white space after a name: "a=recvonly " is no direction.
        ("a=sendrecv\r\n", "a=recvonly \r\n", Profile.gstreamer, ["PRF804 error", "SDP109 warning"]),
    ])
    func eachProfileJudgesAnswersAsMeasured(
        _ original: String, _ replacement: String, _ profile: Profile, _ expected: [String]
    ) {
        let answer = Self.offer {
            $0.replacingOccurrences(of: "a=setup:actpass", with: "a=setup:active")
                .replacingOccurrences(of: original, with: replacement)
        }
        #expect(answer != Self.offer { $0.replacingOccurrences(of: "a=setup:actpass", with: "a=setup:active") })
        let found = check(bytes: answer, [profile], type: .answer)
            .filter { $0.severity >= .warning }.map { "\($0.code.rawValue) \($0.severity)" }
        #expect(found.sorted() == expected.sorted())
    }

    /// Credentials libwebrtc does not read: those of an answer's section that shares its
    /// group's transport (Chromium took such answers, and refused the same offers).
    @Test func libwebrtcReadsNoCredentialsOfAnAnswersBundledSection() {
        let text = Self.offer {
            $0.replacingOccurrences(of: "a=group:BUNDLE 0", with: "a=group:BUNDLE 0 1")
                + $0.components(separatedBy: "m=audio")[1].replacingOccurrences(of: "a=mid:0", with: "a=mid:1")
                .replacingOccurrences(of: "a=ice-ufrag:YlEE", with: "a=ice-ufrag:Yl")
                .replacingOccurrences(of: " 9 UDP/TLS", with: "m=audio 9 UDP/TLS")
        }
        #expect(errors(check(bytes: text, [.chrome], type: .offer)).contains("PRF111"))
        #expect(!errors(check(bytes: text, [.chrome], type: .answer)).contains("PRF111"))
    }

    /// libwebrtc rejects a data channel section with a protocol it does not know in its answer,
    /// unread, and takes the offer; in an answer, such a section no longer matches the offer.
    @Test func libwebrtcRejectsAnUnknownDataChannelProtocolUnread() {
        let text = Self.offer {
            $0.replacingOccurrences(
                of: "m=audio 9 UDP/TLS/RTP/SAVPF 111", with: "m=application 9 FOO/BAR webrtc-datachannel"
            )
            .replacingOccurrences(of: "a=rtpmap:111 opus/48000/2\r\n", with: "")
        }
        #expect(!errors(check(bytes: text, [.chrome], type: .offer)).contains("PRF114"))
        #expect(errors(check(bytes: text, [.chrome], type: .answer)).contains("PRF114"))
    }

    /// RFC 8858 defines rtcp-mux-only for RTP media: in a data channel section it says nothing.
    @Test func rtcpMuxOnlyNeedsRTCPMuxInRTPSectionsOnly() {
        let rtp = Self.offer { $0.replacingOccurrences(of: "a=rtcp-mux\r\n", with: "a=rtcp-mux-only\r\n") }
        let sctp = Self.offer {
            $0.replacingOccurrences(of: "a=rtcp-mux\r\n", with: "a=rtcp-mux-only\r\n")
                .replacingOccurrences(
                    of: "m=audio 9 UDP/TLS/RTP/SAVPF 111", with: "m=application 9 UDP/DTLS/SCTP webrtc-datachannel"
                )
                .replacingOccurrences(of: "a=rtpmap:111 opus/48000/2\r\n", with: "a=sctp-port:5000\r\n")
        }
        #expect(errors(check(bytes: rtp, [])).contains("WEB108"))
        #expect(!check(bytes: sctp, []).map(\.code.rawValue).contains("WEB108"))
    }

    /// Firefox takes a bundle-only section without its own ICE credentials, and hangs on one
    /// without a fingerprint; it hangs as well on an answer's bundled section without one.
    @Test func firefoxHangsOnABundledSectionWithoutFingerprint() {
        func twoSections(_ second: (String) -> String) -> [UInt8] {
            Self.offer {
                $0.replacingOccurrences(of: "a=group:BUNDLE 0", with: "a=group:BUNDLE 0 1")
                    + second(
                        $0.components(separatedBy: "m=audio")[1].replacingOccurrences(of: "a=mid:0", with: "a=mid:1")
                            .replacingOccurrences(of: " 9 UDP/TLS", with: "m=audio 9 UDP/TLS"))
            }
        }
        let withoutPassword = twoSections {
            $0.replacingOccurrences(of: "m=audio 9 ", with: "m=audio 0 ")
                .replacingOccurrences(of: "a=mid:1", with: "a=mid:1\r\na=bundle-only")
                .replacingOccurrences(of: "a=ice-pwd:GTRA27kgJhvarXtLIz3mWrW+\r\n", with: "")
        }
        let withoutFingerprint = twoSections {
            $0.replacingOccurrences(of: "m=audio 9 ", with: "m=audio 0 ")
                .replacingOccurrences(of: "a=mid:1", with: "a=mid:1\r\na=bundle-only")
                .components(separatedBy: "\r\n").filter { !$0.hasPrefix("a=fingerprint") }.joined(separator: "\r\n")
        }
        let answerWithoutFingerprint = twoSections {
            $0.components(separatedBy: "\r\n").filter { !$0.hasPrefix("a=fingerprint") }.joined(separator: "\r\n")
        }
        #expect(errors(check(bytes: withoutPassword, [.firefox])).isEmpty)
        #expect(errors(check(bytes: withoutFingerprint, [.firefox])).contains("PRF615"))
        #expect(!errors(check(bytes: answerWithoutFingerprint, [.firefox], type: .offer)).contains("PRF615"))
        #expect(errors(check(bytes: answerWithoutFingerprint, [.firefox], type: .answer)).contains("PRF615"))
    }

    /// Firefox's answer to RFC 8829 §7.2's offer fails before it hangs on the bundle-only data
    /// channel section without a fingerprint when it finds no transceiver for a section (a
    /// second data channel section, in use or rejected, or a BUNDLE group naming an unknown mid
    /// after its first) or an extension it answers with has two ids (measured: each taken, the
    /// answer refused; the offer as written hangs).
    @Test func firefoxAnswerFailsBeforeItHangs() throws {
        let text = try Fixture(path: "standards/rfc8829/7.2-1.offer.sdp").text()
        let dataStart = try #require(text.range(of: "m=application")).lowerBound
        let data = String(text[dataStart...])
        func firefoxErrors(_ text: String) -> [String] { errors(check(bytes: Array(text.utf8), [.firefox])) }
        #expect(firefoxErrors(text) == ["PRF615"])
        #expect(firefoxErrors(text + data).isEmpty)
        #expect(
            firefoxErrors(
                text
                    + data.replacingOccurrences(of: "a=mid:d1\r\n", with: "a=mid:d2\r\n").replacingOccurrences(
                        of: "a=bundle-only\r\n", with: "")
            ).isEmpty)
        #expect(firefoxErrors(text.replacingOccurrences(of: "BUNDLE a1 d1", with: "BUNDLE a1 d1 zz")).isEmpty)
        // An unknown mid first is refused as such; a second audio section changes nothing.
        #expect(
            firefoxErrors(text.replacingOccurrences(of: "BUNDLE a1 d1", with: "BUNDLE zz a1 d1")).contains("PRF608"))
        let audio = String(text[try #require(text.range(of: "m=audio")).lowerBound..<dataStart])
        #expect(firefoxErrors(text + audio.replacingOccurrences(of: "a=mid:a1", with: "a=mid:x")) == ["PRF615"])
        // An extension it answers with, mapped to a second id in the audio section, and one
        // it does not.
        let levels = "a=extmap:2 urn:ietf:params:rtp-hdrext:ssrc-audio-level\r\n"
        #expect(
            firefoxErrors(
                text.replacingOccurrences(
                    of: levels, with: levels + "a=extmap:3 urn:ietf:params:rtp-hdrext:sdes:mid\r\n")
            ).isEmpty)
        #expect(
            firefoxErrors(
                text.replacingOccurrences(
                    of: levels, with: levels + "a=extmap:3/inactive urn:ietf:params:rtp-hdrext:sdes:mid\r\n")
            ) == ["PRF615"])
    }

    /// webrtcbin reads the first a=group line alone: sections with ICE credentials of their own
    /// in a BUNDLE group are refused when that group comes first, and taken after an LS group.
    @Test func webrtcbinReadsTheFirstGroupLineAlone() {
        func offer(groups: String) -> [UInt8] {
            Self.offer {
                $0.replacingOccurrences(of: "a=group:BUNDLE 0\r\n", with: groups)
                    + $0.components(separatedBy: "m=audio")[1].replacingOccurrences(of: "a=mid:0", with: "a=mid:1")
                    .replacingOccurrences(of: "a=ice-ufrag:YlEE", with: "a=ice-ufrag:ZmFF")
                    .replacingOccurrences(of: " 9 UDP/TLS", with: "m=audio 9 UDP/TLS")
            }
        }
        let bundleFirst = offer(groups: "a=group:BUNDLE 0 1\r\na=group:LS 0 1\r\n")
        let bundleSecond = offer(groups: "a=group:LS 0 1\r\na=group:BUNDLE 0 1\r\n")
        #expect(errors(check(bytes: bundleFirst, [.gstreamer])).contains("PRF802"))
        #expect(!errors(check(bytes: bundleSecond, [.gstreamer])).contains("PRF802"))
    }

    /// A digest of the wrong length: Chromium takes it in an offer and refuses it in an answer
    /// to its own offer, where it sets up DTLS.
    @Test func libwebrtcChecksAnAnswersFingerprintLength() {
        let text = Self.offer { $0.replacingOccurrences(of: "sha-256 B1", with: "sha-512 B1") }
        func found(_ type: SDPType) -> [String] {
            check(bytes: text, [.chrome], type: type)
                .filter { $0.severity >= .warning && ["PRF109", "SDP236"].contains($0.code.rawValue) }
                .map { "\($0.code.rawValue) \($0.severity)" }
        }
        #expect(found(.offer) == ["SDP236 warning"])
        #expect(found(.answer) == ["PRF109 error"])
    }

    /// libwebrtc reads only "BUNDLE" in capitals as a BUNDLE group (measured in Conformance/):
    /// RFC 8829 §7.2's offer, whose bundle-only sections leave their fingerprint to the group,
    /// is refused with the group written "bundle", which RFC 5888's grammar allows.
    @Test func libwebrtcReadsOnlyACapitalBundleGroup() throws {
        let text = try Fixture(path: "standards/rfc8829/7.2-1.offer.sdp").text()
        #expect(!errors(check(text: text, [.chrome])).contains("PRF104"))
        let lower = text.replacingOccurrences(of: "a=group:BUNDLE", with: "a=group:bundle")
        #expect(errors(check(text: lower, [.chrome])).contains("PRF104"))
        #expect(!errors(check(text: lower, [])).contains("PRF104"))
    }

    /// An a=ssrc line moved into the data channel section (measured: Chromium and Firefox take
    /// the offer): receivers read no SSRC there, so it is no SSRC shared by two RTP sections.
    @Test func anSSRCInADataChannelSectionIsNotShared() throws {
        let text = try Fixture(path: "corpus/chromium/renegotiation.6-add-datachannel.offer.sdp").text()
        var lines = text.components(separatedBy: "\r\n")
        let ssrc = try #require(lines.firstIndex { $0.hasPrefix("a=ssrc:") })
        let moved = lines.remove(at: ssrc)
        func inSection(_ prefix: String) -> String {
            var copy = lines
            let section = copy.firstIndex { $0.hasPrefix(prefix) } ?? copy.count
            copy.insert(moved, at: min(section + 1, copy.count))
            // The original line stays where it was, so its SSRC is in two sections.
            copy.insert(moved, at: ssrc)
            return copy.joined(separator: "\r\n")
        }
        #expect(!errors(check(text: inSection("m=application"), [])).contains("WEB107"))
        #expect(errors(check(text: inSection("m=video"), [])).contains("WEB107"))
    }

    /// RFC 6544 App. C: media whose transport is TCP has only TCP candidates by design; over UDP
    /// transports, only TCP candidates is worth a warning (WEB124).
    @Test func onlyTCPCandidatesAreExpectedForTCPMedia() {
        func warnings(_ proto: String) -> [String] {
            let text =
                [
                    "v=0", "o=- 1 1 IN IP4 192.0.2.1", "s=-", "c=IN IP4 192.0.2.1", "t=0 0", "m=audio 9 \(proto) 0",
                    "a=rtpmap:0 PCMU/8000", "a=ice-ufrag:8hhY", "a=ice-pwd:asd88fgpdd777uzjYhagZg",
                    "a=candidate:1 1 TCP 2128609279 192.0.2.1 9 typ host tcptype active",
                    "a=candidate:2 1 TCP 2124414975 192.0.2.1 45664 typ host tcptype passive",
                ].joined(separator: "\r\n") + "\r\n"
            return check(text: text, []).map(\.code.rawValue)
        }
        #expect(!warnings("TCP/RTP/AVP").contains("WEB124"))
        #expect(warnings("RTP/AVP").contains("WEB124"))
    }

    /// Firefox matches an answer's formats with its offer by their rtpmap: an answer whose only
    /// format lost it has nothing in common (refused); an offer like it is taken.
    @Test func firefoxNeedsAReadableFormatInAnAnswer() {
        let text = Self.offer { $0.replacingOccurrences(of: "a=rtpmap:111 opus/48000/2\r\n", with: "") }
        #expect(!errors(check(bytes: text, [.firefox], type: .offer)).contains("PRF613"))
        #expect(errors(check(bytes: text, [.firefox], type: .answer)).contains("PRF613"))
    }

    /// A dangling RTX association is an error, and a warning in a rejected section (RFC 3264 §6),
    /// whose formats are not used.
    @Test func aDanglingAssociationInARejectedSectionIsAWarning() {
        let section =
            "m=video PORT UDP/TLS/RTP/SAVPF 96 97\r\nc=IN IP4 0.0.0.0\r\na=rtpmap:96 VP8/90000\r\n"
            + "a=rtpmap:97 rtx/90000\r\na=fmtp:97 apt=95\r\n"
        let head = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n"
        func association(_ port: String) -> [Diagnostic] {
            SessionDescription.parse(head + section.replacingOccurrences(of: "PORT", with: port))
                .diagnostics.filter { $0.code.rawValue == "SDP308" }
        }
        #expect(association("9").map(\.severity) == [.error])
        #expect(association("0").map(\.severity) == [.warning])
        #expect(
            association("0").first?.message.hasSuffix("the section is rejected (port 0), so its formats are not used")
                == true)
    }

    /// Firefox takes header extension ids 1–14 only (measured); Chromium takes 15.
    @Test func firefoxRefusesTwoByteExtensionIds() throws {
        let offer = try Fixture(path: "corpus/chromium/audio-video.offer.sdp").text()
        let high = offer.replacingOccurrences(of: "a=extmap:1 ", with: "a=extmap:15 ")
        #expect(high != offer)
        #expect(errors(check(text: high, [.firefox])).contains("PRF604"))
        #expect(!errors(check(text: high, [.chrome])).contains("PRF604"))
    }
}
