import SDPLintDiagnostics
import SDPLintICE
import SDPLintSDP
import SDPLintTestSupport
import Testing

/// The `.expected` file beside a fixture of `Fixtures/invalid/sdp`: the findings the parser must
/// report for it, and the parse options to use.
///
/// One finding per line, `LINE:COLUMN CODE`, 1-based, the column counted in UTF-8 bytes. Other
/// findings may be reported too. A line `options: name=value …` lowers a limit of
/// ``SDPParseOptions/Limits`` (`maxBytes`, `maxLines`, `maxLineLength`, `maxMediaSections`,
/// `maxDiagnostics`) so that a small file can exceed it; a line starting with `#` is a comment.
struct ExpectedFindings: Sendable {
    struct Finding: Hashable, Sendable, CustomStringConvertible {
        var line: Int
        var column: Int
        var code: String

        init(line: Int, column: Int, code: String) {
            self.line = line
            self.column = column
            self.code = code
        }

        init(_ diagnostic: Diagnostic) {
            self.init(
                line: diagnostic.location.line, column: diagnostic.location.column, code: diagnostic.code.rawValue)
        }

        var description: String { "\(line):\(column) \(code)" }
    }

    struct FormatError: Error, CustomStringConvertible {
        var description: String
    }

    var findings: [Finding] = []
    var options = SDPParseOptions()

    /// The findings of the `.expected` file beside `fixture`.
    init(for fixture: Fixture) throws {
        let path = String(fixture.path.dropLast(".sdp".count)) + ".expected"
        let text = try Fixture(path: path).text()
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.trimmingWhitespace
            if line.isEmpty || line.hasPrefix("#") { continue }
            func fail(_ why: String) -> FormatError {
                FormatError(description: "\(path):\(index + 1): \(why): '\(line)'")
            }
            if line.hasPrefix("options:") {
                for item in line.dropFirst("options:".count).split(separator: " ") {
                    let pair = item.split(separator: "=", maxSplits: 1)
                    guard pair.count == 2, let value = Int(pair[1]) else { throw fail("an option is name=number") }
                    switch pair[0] {
                    case "maxBytes": options.limits.maxBytes = value
                    case "maxLines": options.limits.maxLines = value
                    case "maxLineLength": options.limits.maxLineLength = value
                    case "maxMediaSections": options.limits.maxMediaSections = value
                    case "maxDiagnostics": options.limits.maxDiagnostics = value
                    default: throw fail("unknown option \(pair[0])")
                    }
                }
                continue
            }
            let parts = line.split(separator: " ")
            let position = parts.first?.split(separator: ":") ?? []
            guard parts.count == 2, position.count == 2, let lineNumber = Int(position[0]),
                let column = Int(position[1]),
                lineNumber >= 1, column >= 1
            else { throw fail("expected LINE:COLUMN CODE") }
            findings.append(Finding(line: lineNumber, column: column, code: String(parts[1])))
        }
    }

    /// Findings whose presence means the writer repaired the input, so that its output may
    /// differ from it: a missing mandatory line, lines out of order, invalid UTF-8, mixed line
    /// endings, or input cut short at a limit.
    static let repairingCodes: Set<String> = ["SDP100", "SDP103", "SDP104", "SDP134", "SDP111", "SDP113", "SDP115"]

    /// Whether serializing the parsed `input` must give the input back byte for byte.
    ///
    /// Lossless even for bad input (extra, unknown and empty lines, odd spacing, malformed
    /// values), except where the writer repairs something: the findings above, no `v=` first
    /// (the writer supplies it; a byte order mark is dropped), and no line ending after the last
    /// line (the writer adds it).
    func expectsLosslessOutput(for input: [UInt8]) -> Bool {
        guard input.starts(with: Array("v=".utf8)), input.last == UInt8(ascii: "\n") else { return false }
        return !findings.contains { Self.repairingCodes.contains($0.code) }
    }
}

extension Fixture {
    /// The rule code a fixture of `invalid/` is about: its name up to the first '-'.
    var ruleCode: String {
        let name = path.split(separator: "/").last ?? ""
        return String(name.prefix { $0 != "-" })
    }
}

extension StringProtocol {
    fileprivate var trimmingWhitespace: String {
        String(
            drop { $0 == " " || $0 == "\t" || $0 == "\r" }.reversed().drop { $0 == " " || $0 == "\t" || $0 == "\r" }
                .reversed())
    }
}

/// Every SDP rule fires where it should: one or more hand-made fixtures per rule code, each
/// stating the `line:column code` it must produce.
@Suite struct DiagnosticTests {
    static let invalidFixtures = Fixture.files(in: "invalid/sdp", suffix: ".sdp")

    /// The fixtures whose serialization must reproduce their bytes.
    static let losslessFixtures = invalidFixtures.filter { fixture in
        // A fixture that cannot be read stays in, so that the test reports why.
        guard let expected = try? ExpectedFindings(for: fixture), let input = try? fixture.bytes() else { return true }
        return expected.expectsLosslessOutput(for: input)
    }

    static func describe(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.isEmpty ? "  (nothing)" : diagnostics.map { "  \($0)" }.joined(separator: "\n")
    }

    @Test(arguments: invalidFixtures)
    func reportsEveryExpectedFinding(_ fixture: Fixture) throws {
        let expected = try ExpectedFindings(for: fixture)
        try #require(!expected.findings.isEmpty, "the .expected file lists no finding")
        let result = SessionDescription.parse(bytes: try fixture.bytes(), options: expected.options)
        let found = Set(result.diagnostics.map(ExpectedFindings.Finding.init))
        let missing = expected.findings.filter { !found.contains($0) }
        #expect(
            missing.isEmpty,
            "missing \(missing.map(\.description).joined(separator: ", ")); the parser reported:\n\(Self.describe(result.diagnostics))"
        )
    }

    @Test(arguments: invalidFixtures)
    func expectsTheCodeItIsNamedAfter(_ fixture: Fixture) throws {
        let expected = try ExpectedFindings(for: fixture)
        #expect(
            expected.findings.contains { $0.code == fixture.ruleCode },
            "\(fixture) is named after \(fixture.ruleCode) but its .expected file does not list it")
    }

    @Test(arguments: losslessFixtures)
    func writesBadInputBackByteForByte(_ fixture: Fixture) throws {
        let input = try fixture.bytes()
        let expected = try ExpectedFindings(for: fixture)
        let output = Array(
            SessionDescription.parse(bytes: input, options: expected.options).value.serialized().utf8)
        let difference =
            zip(input, output).enumerated().first { $0.element.0 != $0.element.1 }?.offset
            ?? min(input.count, output.count)
        #expect(
            output == input,
            """
            serialization differs from the input at byte \(difference): \
            input \(String(decoding: input[difference...].prefix(40), as: UTF8.self).debugDescription), \
            output \(String(decoding: output[difference...].prefix(40), as: UTF8.self).debugDescription)
            """)
    }

    @Test func everyRuleHasAFixture() {
        let covered = Set(Self.invalidFixtures.map(\.ruleCode))
        let uncovered = SDPRules.all.map(\.code.rawValue).filter { !covered.contains($0) }
        #expect(uncovered.isEmpty, "no fixture in Fixtures/invalid/sdp for \(uncovered.joined(separator: ", "))")
    }

    @Test(arguments: invalidFixtures)
    func namesOnlyKnownRules(_ fixture: Fixture) throws {
        let known = Set((SDPRules.all + ICERules.all).map(\.code.rawValue))
        let expected = try ExpectedFindings(for: fixture)
        let unknown = ([fixture.ruleCode] + expected.findings.map(\.code)).filter { !known.contains($0) }
        #expect(unknown.isEmpty, "no rule has the code \(unknown)")
    }

    @Test(arguments: invalidFixtures.filter { $0.ruleCode.hasPrefix("SDP") })
    func isNamedAfterItsRule(_ fixture: Fixture) throws {
        let rule = try #require(SDPRules.all.first { $0.code.rawValue == fixture.ruleCode })
        let name = fixture.path.split(separator: "/").last.map(String.init) ?? ""
        #expect(
            name.hasPrefix("\(rule.code.rawValue)-\(rule.name)"),
            "\(name) should start with \(rule.code.rawValue)-\(rule.name)")
    }

    @Test func ruleCodesAreUnique() {
        let duplicates = Dictionary(grouping: SDPRules.all, by: \.code).filter { $0.value.count > 1 }.keys.sorted()
        #expect(duplicates.isEmpty, "codes used by more than one rule: \(duplicates)")
        let names = Dictionary(grouping: SDPRules.all, by: \.name).filter { $0.value.count > 1 }.keys.sorted()
        #expect(names.isEmpty, "names used by more than one rule: \(names)")
    }

    @Test func ruleCodesDoNotCollideWithTheICERules() {
        let ice = Set(ICERules.all.map(\.code))
        #expect(SDPRules.all.allSatisfy { !ice.contains($0.code) })
    }

    @Test(arguments: SDPRules.all)
    func ruleIsDocumented(_ rule: Rule) {
        #expect(
            rule.code.rawValue.count == 6 && rule.code.rawValue.hasPrefix("SDP")
                && rule.code.rawValue.dropFirst(3).allSatisfy(\.isNumber),
            "code \(rule.code) is not SDP followed by three digits")
        #expect(
            !rule.name.isEmpty && rule.name.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "-" },
            "name '\(rule.name)' is not kebab-case")
        #expect(!rule.summary.trimmingWhitespace.isEmpty, "empty summary")
        #expect(!rule.explanation.trimmingWhitespace.isEmpty, "empty explanation")
        #expect(rule.summary != rule.explanation)
        #expect(
            !rule.reference.document.isEmpty && rule.reference.section?.isEmpty == false,
            "reference '\(rule.reference)' names no section")
        #expect(rule.reference.url != nil, "reference '\(rule.reference)' has no address")
    }
}

/// Findings that must not fire on valid descriptions.
@Suite struct DoesNotFireTests {
    /// A valid description and the rule codes it must not trigger. No finding at warning level or
    /// above is allowed either.
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let lines: [String]
        let mustNotReport: [String]

        init(_ name: String, _ lines: [String], mustNotReport: [String]) {
            self.name = name
            self.lines = lines
            self.mustNotReport = mustNotReport
        }

        var testDescription: String { name }
        var bytes: [UInt8] { Array((lines.joined(separator: "\r\n") + "\r\n").utf8) }
    }

    static let session = ["v=0", "o=- 4611731400430051336 2 IN IP4 127.0.0.1", "s=-", "t=0 0"]
    static let transport = [
        "c=IN IP4 0.0.0.0",
        "a=ice-ufrag:YlEE",
        "a=ice-pwd:GTRA27kgJhvarXtLIz3mWrW+",
        """
        a=fingerprint:sha-256 \
        B1:B8:9F:17:0C:3B:68:F2:52:A5:12:A3:EE:90:25:7D:65:AD:C8:67:6A:5E:63:D4:F3:1F:95:F5:68:C7:FB:64
        """,
        "a=setup:actpass",
    ]
    static let plain = [
        "v=0", "o=jdoe 3724394400 3724394405 IN IP4 198.51.100.1", "s=Call to John Smith",
        "c=IN IP4 198.51.100.1", "t=0 0", "m=audio 49170 RTP/AVP 0",
    ]
    static let video =
        session + ["a=group:BUNDLE 0", "m=video 9 UDP/TLS/RTP/SAVPF 96 97"] + transport + [
            "a=mid:0", "a=sendonly", "a=rtcp-mux", "a=rtpmap:96 VP8/90000", "a=rtcp-fb:96 nack pli",
            "a=rtpmap:97 rtx/90000", "a=fmtp:97 apt=96",
        ]

    static let cases: [Case] = [
        Case(
            "rtcp-fb with the * wildcard applies to every format",
            video + ["a=rtcp-fb:* nack", "a=rtcp-fb:* ccm fir", "a=rtcp-fb:* trr-int 100"],
            mustNotReport: ["SDP300", "SDP212"]),
        Case("static payload type 0 needs no rtpmap", plain, mustNotReport: ["SDP302"]),
        Case(
            "rtpmap of a static payload type may spell the encoding in another case",
            plain + ["a=rtpmap:0 pcmu/8000"], mustNotReport: ["SDP304", "SDP302"]),
        Case(
            "BUNDLE group whose mids all exist, one section bundle-only with port 0",
            session + ["a=group:BUNDLE 0 1", "m=audio 9 UDP/TLS/RTP/SAVPF 0"] + transport + [
                "a=mid:0", "a=rtcp-mux",
                "m=video 0 UDP/TLS/RTP/SAVPF 96", "c=IN IP4 0.0.0.0", "a=bundle-only", "a=mid:1", "a=rtcp-mux",
                "a=rtpmap:96 VP8/90000",
            ],
            mustNotReport: ["SDP309", "SDP128", "SDP123"]),
        Case(
            "BUNDLE group listing no mid (RFC 5888 allows an empty list)",
            session + ["a=group:BUNDLE", "m=audio 9 UDP/TLS/RTP/SAVPF 0"] + transport + ["a=mid:0"],
            mustNotReport: ["SDP216", "SDP309"]),
        Case(
            "z= after r= lines, untyped and typed times",
            [
                "v=0", "o=jdoe 3724394400 3724394405 IN IP4 198.51.100.1", "s=Seminar", "c=IN IP4 198.51.100.1",
                "t=3724394400 3724398000", "r=604800 3600 0 90000", "r=7d 1h 0 25h", "z=2882844526 -1h 2898848070 0",
                "m=audio 49170 RTP/AVP 0",
            ],
            mustNotReport: ["SDP126", "SDP125", "SDP104", "SDP134"]),
        Case(
            "several t= lines",
            [
                "v=0", "o=jdoe 3724394400 3724394405 IN IP4 198.51.100.1", "s=Seminar",
                "c=IN IP4 198.51.100.1", "t=3724394400 3724398000", "t=3724480800 3724484400",
                "m=audio 49170 RTP/AVP 0",
            ],
            mustNotReport: ["SDP105", "SDP104", "SDP134", "SDP125"]),
        Case(
            "the example of RFC 8866 §5",
            [
                "v=0", "o=jdoe 3724394400 3724394405 IN IP4 198.51.100.1", "s=Call to John Smith", "i=SDP Offer #1",
                "u=http://www.jdoe.example.com/home.html", "e=Jane Doe <jane@jdoe.example.com>", "p=+1 617 555-6011",
                "c=IN IP4 198.51.100.1", "t=0 0", "m=audio 49170 RTP/AVP 0", "m=audio 49180 RTP/AVP 0",
                "m=video 51372 RTP/AVP 99", "c=IN IP6 2001:db8::2", "a=rtpmap:99 h263-1998/90000",
            ],
            mustNotReport: ["SDP130", "SDP123", "SDP129", "SDP302"]),
        Case(
            "multicast addresses with TTL and number of addresses",
            [
                "v=0", "o=jdoe 3724394400 3724394405 IN IP4 198.51.100.1", "s=Seminar", "c=IN IP4 233.252.0.1/127/3",
                "t=3724394400 3724398000", "m=audio 49170 RTP/AVP 0", "c=IN IP6 ff00::db8:0:101/3",
                "m=video 51372 RTP/AVP 31 32", "b=TIAS:64000", "a=framerate:29.97",
            ],
            mustNotReport: ["SDP122", "SDP129", "SDP131", "SDP225", "SDP230"]),
        Case(
            "connection address that is a domain name",
            [
                "v=0", "o=jdoe 3724394400 3724394405 IN IP4 host.example.com", "s=-", "c=IN IP4 media.example.com",
                "t=0 0",
                "m=audio 49170 RTP/AVP 0",
            ],
            mustNotReport: ["SDP129", "SDP122", "SDP120"]),
        Case(
            "one extension URI under two ids in opposite directions (RFC 8285 §5: other attributes)",
            video.map { $0 == "a=sendonly" ? "a=sendrecv" : $0 } + [
                "a=extmap:1/sendonly urn:ietf:params:rtp-hdrext:sdes:mid",
                "a=extmap:2/recvonly urn:ietf:params:rtp-hdrext:sdes:mid",
            ],
            mustNotReport: ["SDP317", "SDP306", "SDP213"]),
        Case(
            "extmap id 15 and above with two-byte headers",
            video + [
                "a=extmap-allow-mixed", "a=extmap:15 urn:ietf:params:rtp-hdrext:sdes:mid",
                "a=extmap:255 urn:3gpp:video-orientation",
            ],
            mustNotReport: ["SDP213", "SDP306"]),
        Case(
            "simulcast whose rids are all declared, with alternatives and a paused stream",
            video + [
                "a=rid:h send pt=96;max-width=1280;max-height=720", "a=rid:m send", "a=rid:l send", "a=rid:r recv",
                "a=simulcast:send h;~m,l recv r",
            ],
            mustNotReport: ["SDP312", "SDP311", "SDP227", "SDP226"]),
        Case(
            "RTX repairing a static payload type",
            session + ["m=video 9 RTP/AVPF 34 97", "c=IN IP4 0.0.0.0", "a=rtpmap:97 rtx/90000", "a=fmtp:97 apt=34"],
            mustNotReport: ["SDP308", "SDP302"]),
        Case(
            "RED carrying a payload type of the section",
            session + ["m=audio 9 UDP/TLS/RTP/SAVPF 111 63"] + transport + [
                "a=mid:0", "a=rtpmap:111 opus/48000/2",
                "a=rtpmap:63 red/48000/2", "a=fmtp:63 111/111",
            ],
            mustNotReport: ["SDP316", "SDP211"]),
        Case(
            "the same extension id for other extensions in sections that are not bundled (RFC 8843 §12)",
            session + ["m=audio 9 UDP/TLS/RTP/SAVPF 0"] + transport + [
                "a=mid:0", "a=extmap:1 urn:ietf:params:rtp-hdrext:ssrc-audio-level",
                "m=video 9 UDP/TLS/RTP/SAVPF 96",
            ] + transport + ["a=mid:1", "a=rtpmap:96 VP8/90000", "a=extmap:1 urn:ietf:params:rtp-hdrext:toffset"],
            mustNotReport: ["SDP318", "SDP306"]),
        Case(
            // The a=extmap lines of RFC 8285 §7's offer, whose URIs it abbreviates: two alternatives under
            // one id of the negotiation range, for the answerer to pick one and remap it.
            "the session-level extension ids of RFC 8285 §7's offer, 4096 twice",
            [
                "v=0", "o=- 4611731400430051336 2 IN IP4 192.0.2.1", "s=-", "c=IN IP4 192.0.2.1", "t=0 0",
                "a=extmap:1 urn:example:toffset", "a=extmap:14 urn:example:obscure",
                "a=extmap:4096 urn:example:gps-string",
                "a=extmap:4096 urn:example:gps-binary", "a=extmap:4097 urn:example:frametype",
                "m=video 49170 RTP/AVP 31", "a=sendrecv", "m=audio 49172 RTP/AVP 0", "a=sendrecv",
            ],
            mustNotReport: ["SDP213", "SDP306", "SDP317", "SDP319"]),
        Case(
            "extension id 256, which names the two-byte header's appbits (RFC 8285 §4.3)",
            video + ["a=extmap:256 urn:example:appbits"],
            mustNotReport: ["SDP213"]),
        Case(
            "session-level extension ids each used once, for sections without their own (RFC 8285 §5)",
            session + [
                "a=extmap:1 urn:ietf:params:rtp-hdrext:ssrc-audio-level",
                "a=extmap:2 urn:ietf:params:rtp-hdrext:toffset",
                "m=audio 9 UDP/TLS/RTP/SAVPF 0",
            ] + transport + ["a=mid:0", "m=video 9 UDP/TLS/RTP/SAVPF 96"] + transport + [
                "a=mid:1", "a=rtpmap:96 VP8/90000",
            ],
            mustNotReport: ["SDP319", "SDP317", "SDP306", "SDP320"]),
        Case(
            "extensions of any direction in an inactive stream, which RFC 8285 §7 allows",
            video.map { $0 == "a=sendonly" ? "a=inactive" : $0 } + [
                "a=extmap:1/sendonly urn:ietf:params:rtp-hdrext:toffset",
                "a=extmap:2/recvonly urn:ietf:params:rtp-hdrext:sdes:mid",
            ],
            mustNotReport: ["SDP321"]),
        Case(
            "extensions a sendonly stream can send: its own direction, sendrecv, none, inactive",
            video + [
                "a=extmap:1/sendonly urn:ietf:params:rtp-hdrext:toffset",
                "a=extmap:2/sendrecv urn:ietf:params:rtp-hdrext:sdes:mid",
                "a=extmap:3 http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time",
                "a=extmap:4/inactive urn:ietf:params:rtp-hdrext:ssrc-audio-level",
            ],
            mustNotReport: ["SDP321"]),
        Case(
            "ssrc-group whose SSRCs are all described",
            video + ["a=ssrc-group:FID 1 2", "a=ssrc:1 cname:a", "a=ssrc:1 msid:stream track", "a=ssrc:2 cname:a"],
            mustNotReport: ["SDP307", "SDP217", "SDP218"]),
        Case(
            "ICE credentials of the shortest allowed length",
            session + [
                "m=audio 9 UDP/TLS/RTP/SAVPF 0", "c=IN IP4 0.0.0.0", "a=ice-ufrag:abcd",
                "a=ice-pwd:abcdefghijklmnopqrstuv", "a=ice-options:trickle renomination",
            ],
            mustNotReport: ["ICE120", "ICE121", "ICE122"]),
        Case(
            "data channel section with no RTP payload types",
            session + ["m=application 9 UDP/DTLS/SCTP webrtc-datachannel"] + transport + [
                "a=mid:0", "a=sctp-port:5000",
                "a=max-message-size:262144",
            ],
            mustNotReport: ["SDP302", "SDP303", "SDP228"]),
        Case(
            "a session-level direction and another one in a section",
            Array(plain.prefix(5)) + ["a=sendrecv", plain[5], "a=sendonly"], mustNotReport: ["SDP207", "SDP205"]),
        Case(
            "msid-semantic without a space after the colon",
            session + ["a=msid-semantic:WMS *", "m=audio 9 UDP/TLS/RTP/SAVPF 0", "c=IN IP4 0.0.0.0"],
            mustNotReport: ["SDP230", "SDP231"]),
        Case(
            "RTP over TCP",
            [
                "v=0", "o=- 1 1 IN IP4 192.0.2.1", "s=-", "c=IN IP4 192.0.2.1", "t=0 0", "m=audio 9 TCP/RTP/AVP 0",
                "a=setup:passive", "a=connection:new",
            ],
            mustNotReport: ["SDP128", "SDP303", "SDP302"]),
        Case(
            "SDES keys with lifetime, MKI and a session parameter",
            [
                "v=0", "o=alice 2890844526 2890844526 IN IP4 192.0.2.10", "s=-", "c=IN IP4 192.0.2.10", "t=0 0",
                "m=audio 49170 RTP/SAVP 0",
                "a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:PS1uQCVeeCFCanVmcjkpPywjNWhcYD0mXXtxaVBR|2^20|1:32",
                "a=crypto:2 AES_CM_128_HMAC_SHA1_32 inline:NzB4d1BINUAvLEw6UzF3WSJ+PSdFcGdUJShpX1Zj|2^20|1:32 KDR=1",
            ],
            mustNotReport: ["SDP229"]),
        Case(
            "fingerprint hash function in upper case",
            session + [
                "m=audio 9 UDP/TLS/RTP/SAVPF 0", "c=IN IP4 0.0.0.0",
                """
                a=fingerprint:SHA-256 \
                B1:B8:9F:17:0C:3B:68:F2:52:A5:12:A3:EE:90:25:7D:65:AD:C8:67:6A:5E:63:D4:F3:1F:95:F5:68:C7:FB:64
                """,
            ],
            mustNotReport: ["SDP221"]),
        Case(
            "content with several tags, label, ptime with decimals",
            video + ["a=content:main,slides", "a=label:1", "a=ptime:20.5", "a=maxptime:40"],
            mustNotReport: ["SDP230", "SDP225"]),
    ]

    @Test(arguments: cases)
    func validDescriptionHasNoSuchFinding(_ testCase: Case) {
        let result = SessionDescription.parse(bytes: testCase.bytes)
        let forbidden = result.diagnostics.filter { testCase.mustNotReport.contains($0.code.rawValue) }
        #expect(forbidden.isEmpty, "reported:\n\(DiagnosticTests.describe(forbidden))")
        let serious = result.diagnostics.filter { $0.severity >= .warning }
        #expect(serious.isEmpty, "warnings or errors:\n\(DiagnosticTests.describe(serious))")
    }

    @Test func lfOnlyInputGivesOnlyTheLineEndingInfo() {
        let input = Array((Self.plain.joined(separator: "\n") + "\n").utf8)
        let result = SessionDescription.parse(bytes: input)
        #expect(result.diagnostics.map(\.code) == [SDPRules.lineEnding.code])
        #expect(result.diagnostics.first?.severity == .info)
        #expect(result.diagnostics.first?.location == SourceLocation(line: 1, column: 4, bytes: 3..<4))
    }

    @Test(arguments: Fixture.capturedSDP)
    func lfOnlyCaptureAddsOnlyTheLineEndingInfo(_ fixture: Fixture) throws {
        let crlf = try fixture.bytes()
        guard crlf.count >= 2, crlf[crlf.count - 2] == UInt8(ascii: "\r") else { return }
        var lf: [UInt8] = []
        for (index, byte) in crlf.enumerated()
        where !(byte == UInt8(ascii: "\r") && index + 1 < crlf.count && crlf[index + 1] == UInt8(ascii: "\n")) {
            lf.append(byte)
        }
        let crlfResult = SessionDescription.parse(bytes: crlf)
        let lfResult = SessionDescription.parse(bytes: lf)
        let firstLineEnd = try #require(lf.firstIndex(of: UInt8(ascii: "\n")))
        let lineEnding = lfResult.diagnostics.filter { $0.code == SDPRules.lineEnding.code }
        #expect(lineEnding.count == 1)
        #expect(lineEnding.first?.severity == .info)
        #expect(
            lineEnding.first?.location
                == SourceLocation(line: 1, column: firstLineEnd + 1, bytes: firstLineEnd..<(firstLineEnd + 1)))
        // Apart from that, the same findings as with CRLF, on the same lines.
        let others = lfResult.diagnostics.filter { $0.code != SDPRules.lineEnding.code }
        #expect(
            others.map { "\($0.location.line):\($0.location.column) \($0.code)" }
                == crlfResult.diagnostics.map { "\($0.location.line):\($0.location.column) \($0.code)" })
        #expect(Array(lfResult.value.serialized().utf8) == lf, "LF input is written back with LF")
    }
}
