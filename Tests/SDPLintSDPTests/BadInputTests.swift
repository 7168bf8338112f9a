import SDPLintDiagnostics
import SDPLintSDP
import SDPLintTestSupport
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
/// What must hold of the findings for any input, however broken.
enum Oracle {
    /// The byte offset at which each line of `input` starts (line 1 at index 0).
    static func lineStarts(_ input: [UInt8]) -> [Int] {
        var starts = [0]
        for (index, byte) in input.enumerated() where byte == UInt8(ascii: "\n") { starts.append(index + 1) }
        return starts
    }

    /// Whether `input` is valid UTF-8.
    static func isUTF8(_ input: [UInt8]) -> Bool { String(validating: input, as: UTF8.self) != nil }

    /// What is wrong with the locations of `diagnostics` for `input`: each needs line ≥ 1 and
    /// column ≥ 1 on a line the input has, a byte range inside the input, and line, column and
    /// byte offset that agree with each other. Columns count from the first byte of the line,
    /// a skipped UTF-8 byte order mark included.
    static func locationProblems(_ diagnostics: [Diagnostic], in input: [UInt8]) -> [String] {
        let starts = lineStarts(input)
        var problems: [String] = []
        for diagnostic in diagnostics {
            let location = diagnostic.location
            guard location.line >= 1, location.column >= 1, location.line <= starts.count else {
                problems.append(
                    "\(diagnostic): line \(location.line) is not a line of the input (it has \(starts.count))")
                continue
            }
            let bytes = location.bytes
            guard bytes.lowerBound >= 0, bytes.upperBound <= input.count else {
                problems.append("\(diagnostic): bytes \(bytes) lie outside the input of \(input.count) bytes")
                continue
            }
            let lineStart = starts[location.line - 1]
            if bytes.lowerBound != lineStart + location.column - 1 {
                problems.append(
                    """
                    \(diagnostic): line \(location.line) column \(location.column) is byte \
                    \(lineStart + location.column - 1), but the range starts at \(bytes.lowerBound)
                    """
                )
            }
        }
        return problems
    }

    /// The checks that hold even where the parser repaired invalid UTF-8: a line and column of
    /// at least 1, on a line the input has.
    static func lineProblems(_ diagnostics: [Diagnostic], in input: [UInt8]) -> [String] {
        let lines = lineStarts(input).count
        return diagnostics.compactMap { diagnostic in
            let location = diagnostic.location
            return location.line >= 1 && location.column >= 1 && location.line <= lines
                ? nil : "\(diagnostic): not a position in the input (\(lines) lines)"
        }
    }

    /// Checks the findings of `input` as far as they can be checked, and returns them.
    @discardableResult
    static func check(
        _ input: [UInt8], options: SDPParseOptions = .lenient,
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) -> ParseResult<SessionDescription> {
        let result = SessionDescription.parse(bytes: input, options: options)
        // Invalid UTF-8 is parsed as it is, so every location is exact whatever the input.
        let problems = locationProblems(result.diagnostics, in: input)
        #expect(
            problems.isEmpty, "\(problems.prefix(5).joined(separator: "\n")) for input \(preview(input))",
            sourceLocation: sourceLocation)
        #expect(
            !input.contains { !$0.isWhitespaceOrNewline } || !result.diagnostics.isEmpty
                || input.starts(with: Array("v=".utf8)),
            "no finding for input \(preview(input))", sourceLocation: sourceLocation)
        #expect(result.diagnostics.count <= options.limits.maxDiagnostics + 1, sourceLocation: sourceLocation)
        return result
    }

    /// Whether serializing a parse that reported `diagnostics` must give `input` back: unless the
    /// parser repaired something (see ``ExpectedFindings/repairingCodes``).
    static func expectsLossless(_ input: [UInt8], _ diagnostics: [Diagnostic]) -> Bool {
        input.starts(with: Array("v=".utf8)) && input.last == UInt8(ascii: "\n")
            && !diagnostics.contains { ExpectedFindings.repairingCodes.contains($0.code.rawValue) }
    }

    static func preview(_ input: [UInt8]) -> String {
        String(decoding: input.prefix(120), as: UTF8.self).debugDescription
            + (input.count > 120 ? "… (\(input.count) bytes)" : "")
    }
}

extension UInt8 {
    fileprivate var isASCIILetterOrDigit: Bool {
        (self >= UInt8(ascii: "a") && self <= UInt8(ascii: "z"))
            || (self >= UInt8(ascii: "A") && self <= UInt8(ascii: "Z"))
            || (self >= UInt8(ascii: "0") && self <= UInt8(ascii: "9"))
    }

    fileprivate var isWhitespaceOrNewline: Bool {
        self == UInt8(ascii: " ") || self == UInt8(ascii: "\t") || self == UInt8(ascii: "\r")
            || self == UInt8(ascii: "\n")
    }
}

/// Whatever the input, the parser returns findings without trapping, every finding points
/// inside the input, and the time it takes grows with the input linearly.
@Suite struct BadInputTests {
    static let isDebug = _isDebugAssertConfiguration()
    static let capture = Fixture(path: "corpus/chromium/audio-video.offer.sdp")
    static let session = "v=0\r\no=- 4611731400430051336 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n"

    @Test func emptyInputIsReported() {
        let result = Oracle.check([])
        #expect(result.diagnostics.map(\.code.rawValue) == [SDPRules.emptyInput.code.rawValue])
        #expect(result.diagnostics.first?.location == SourceLocation(line: 1, column: 1, bytes: 0..<0))
    }

    @Test(arguments: [" ", "\t", "\r\n", "\n\n\n", " \t \r\n\t\r\n", String(repeating: " \r\n", count: 1000)])
    func whitespaceOnlyInputIsReportedAsEmpty(_ text: String) {
        let result = Oracle.check(Array(text.utf8))
        #expect(
            result.diagnostics.contains {
                $0.code.rawValue == SDPRules.emptyInput.code.rawValue && $0.location.line == 1
                    && $0.location.column == 1
            })
        #expect(
            !result.hasErrors
                || result.diagnostics.filter { $0.severity == .error }.map(\.code.rawValue) == [
                    SDPRules.emptyInput.code.rawValue
                ])
    }

    /// Random bytes, almost never valid UTF-8: 4 000 inputs of up to 400 bytes in 8 groups.
    @Test(arguments: 0..<8)
    func randomBytesAreReportedWithoutTrapping(_ group: Int) {
        var random = SeededGenerator(seed: 0x5D9_0000 + UInt64(group))
        for _ in 0..<500 {
            let input = (0..<Int.random(in: 0..<400, using: &random)).map { _ in
                UInt8.random(in: 0...255, using: &random)
            }
            let result = Oracle.check(input)
            _ = result.value.serialized()
        }
    }

    /// Lines put together from SDP vocabulary with random separators, line endings and the odd
    /// control byte: always ASCII, so every location is checked exactly, and whatever the parser
    /// did not repair must be written back byte for byte. Lines do not end in white space.
    @Test(arguments: 0..<8)
    func randomSDPLikeLinesAreReportedAndKept(_ group: Int) {
        var random = SeededGenerator(seed: 0x5D9_1000 + UInt64(group))
        for _ in 0..<(Self.isDebug ? 400 : 2000) {
            let input = Self.sdpLikeInput(&random)
            let result = Oracle.check(input)
            let output = result.value.serialized()
            if Oracle.expectsLossless(input, result.diagnostics) {
                #expect(
                    Array(output.utf8) == input,
                    """
                    not written back: \
                    \(Oracle.preview(input))\nfindings:\n\(DiagnosticTests.describe(result.diagnostics))
                    """
                )
            }
            // What the writer produces parses again without trapping.
            _ = Oracle.check(Array(output.utf8))
        }
    }

    static let types: [String] = [
        "v", "o", "s", "i", "u", "e", "p", "c", "b", "t", "r", "z", "k", "a", "a", "a", "a", "m", "m", "y", "A", " ",
        "",
    ]
    static let words: [String] = [
        "0", "1", "9", "96", "97", "111", "127", "128", "65536", "3724394400", "-", "IN", "IP4", "IP6", "127.0.0.1",
        "::1",
        "224.2.1.1/127", "ff15::1/3", "1.2.3.400", "example.com", "audio", "video", "application", "RTP/AVP",
        "UDP/TLS/RTP/SAVPF", "UDP/DTLS/SCTP", "webrtc-datachannel", "AS:64", "X-YZ:1", "7d", "1h", "-1h", "25x",
        "rtpmap:96", "rtpmap:0", "fmtp:97", "rtcp-fb:*", "rtcp-fb:96", "extmap:1", "extmap:15/sendonly", "mid:0",
        "mid:1",
        "group:BUNDLE", "ssrc:1", "ssrc-group:FID", "rid:h", "simulcast:send", "candidate:1", "ice-ufrag:abcd",
        "ice-pwd:abcdefghijklmnopqrstuv", "ice-options:trickle", "fingerprint:sha-256", "AB:CD:EF", "setup:actpass",
        "tls-id:abc", "crypto:1", "inline:key", "label:", "content:main,", "ptime:0", "sctp-port:x", "rtcp:9",
        "rtcp-mux",
        "rtcp-mux:1", "sendrecv", "recvonly", "bundle-only", "msid-semantic:", "WMS", "identity:", "send", "recv",
        "pt=96,97", "apt=96", "max-width=1280;", "h;~m,l", "opus/48000/2", "VP8/90000", "rtx/90000", "red/48000/2",
        "111/111", "nack", "pli", "trr-int", "typ", "host", "srflx", "raddr", "urn:ietf:params:rtp-hdrext:sdes:mid",
        "=", ":", "/", ";", ",", "*", "é", "",
    ]
    static let separators = [" ", " ", " ", " ", "  ", "\t", ""]
    static let endings = ["\r\n", "\r\n", "\r\n", "\r\n", "\r\n", "\r\n", "\n", "\r", ""]

    static func sdpLikeInput(_ random: inout SeededGenerator) -> [UInt8] {
        var text = random.next() % 4 == 0 ? "" : session
        for _ in 0..<Int.random(in: 0..<30, using: &random) {
            text += types.randomElement(using: &random)!
            if random.next() % 10 != 0 { text += "=" }
            for index in 0..<Int.random(in: 0..<6, using: &random) {
                if index > 0 { text += separators.randomElement(using: &random)! }
                text += words.randomElement(using: &random)!
            }
            if random.next() % 50 == 0 { text += "\0" }
            while text.last == " " || text.last == "\t" { text.removeLast() }
            text += endings.randomElement(using: &random)!
        }
        return Array(text.utf8)
    }

    /// A real capture with bytes replaced by random ASCII bytes (valid UTF-8, so every location
    /// is checked exactly).
    @Test func mutatedCaptureIsReportedAndKept() throws {
        let original = try Self.capture.bytes()
        var random = SeededGenerator(seed: 0x5D9_2000)
        for _ in 0..<(Self.isDebug ? 300 : 2000) {
            var input = original
            for _ in 0..<Int.random(in: 1...8, using: &random) {
                input[Int.random(in: 0..<input.count, using: &random)] = UInt8.random(in: 0...127, using: &random)
            }
            let result = Oracle.check(input)
            if Oracle.expectsLossless(input, result.diagnostics) {
                #expect(
                    Array(result.value.serialized().utf8) == input, "not written back: \(Oracle.preview(input))")
            }
        }
    }

    /// Real captures to cut at every byte: small ones in debug builds, where parsing is slower.
    static let truncated: [Fixture] =
        ["corpus/chromium/audio.offer.sdp", "corpus/firefox/audio.offer.sdp"].map(Fixture.init(path:))
        + (isDebug
            ? []
            : ["corpus/chromium/audio-video.offer.sdp", "corpus/firefox/audio-video.offer.sdp"].map(Fixture.init(path:)))

    /// Every prefix of a real capture is reported without trapping, and one that stops inside a
    /// line says that the last line has no line ending.
    @Test(arguments: truncated)
    func everyTruncationOfACaptureIsReported(_ fixture: Fixture) throws {
        let capture = try fixture.bytes()
        for length in 0...capture.count {
            let input = Array(capture[..<length])
            let result = Oracle.check(input)
            if let last = input.last, last != UInt8(ascii: "\n") {
                #expect(
                    result.diagnostics.contains {
                        $0.code.rawValue == SDPRules.lineEnding.code.rawValue
                            && $0.location.line == Oracle.lineStarts(input).count
                    },
                    "no SDP108 for the unterminated last line of the first \(length) bytes")
            }
        }
    }

    /// Every byte as the type of a session-level line: the types RFC 8866 §5 defines are read,
    /// another lower-case letter is an unknown type, anything else is not a line.
    @Test func lineTypeByteSweep() {
        let defined = Set("vosiuepcbtrzkam".utf8)
        for byte in UInt8.min...UInt8.max where byte != UInt8(ascii: "\n") && byte != UInt8(ascii: "\r") {
            let input = Array(Self.session.utf8) + [byte] + Array("=x\r\n".utf8)
            let findings = Oracle.check(input).diagnostics.filter { $0.location.line == 5 }
            let codes = Set(findings.filter { $0.location.column == 1 }.map(\.code.rawValue))
            let shown = byte.description
            if defined.contains(byte) {
                #expect(
                    !codes.contains(SDPRules.lineSyntax.code.rawValue)
                        && !codes.contains(SDPRules.unknownLineType.code.rawValue),
                    "type \(shown)")
            } else if byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") {
                #expect(codes.contains(SDPRules.unknownLineType.code.rawValue), "type \(shown): \(findings)")
            } else if byte >= 0x80 {
                #expect(codes.contains(SDPRules.invalidUTF8.code.rawValue), "type \(shown): \(findings)")
            } else {
                #expect(codes.contains(SDPRules.lineSyntax.code.rawValue), "type \(shown): \(findings)")
            }
        }
    }

    /// Every ASCII byte as the first character of an attribute name: a token character makes a
    /// (possibly unknown) name, anything else is an attribute syntax error at that byte.
    @Test func attributeNameByteSweep() {
        for byte in UInt8(0)...UInt8(0x7F) where byte != UInt8(ascii: "\n") && byte != UInt8(ascii: "\r") {
            let input = Array((Self.session + "a=").utf8) + [byte] + Array("x:1\r\n".utf8)
            let findings = Oracle.check(input).diagnostics.filter { $0.location.line == 5 }
            let syntax = findings.contains {
                $0.code.rawValue == SDPRules.attributeSyntax.code.rawValue && $0.location.column == 3
            }
            let isToken = byte.isASCIILetterOrDigit || "!#$%&'*+-.^_`{|}~".utf8.contains(byte)
            #expect(syntax == !isToken, "name byte \(byte): \(findings)")
        }
    }

    @Test func nulBytesAreReportedWhereTheyAre() {
        let input = Array("v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=Call\0to John Smith\r\nt=0 0\r\n".utf8)
        let result = Oracle.check(input)
        #expect(
            result.diagnostics.contains {
                $0.code.rawValue == SDPRules.controlCharacter.code.rawValue && $0.location.line == 3
                    && $0.location.column == 7
            })
        #expect(Array(result.value.serialized().utf8) == input, "a NUL byte is kept as written")

        let nuls = [UInt8](repeating: 0, count: 4096)
        let onlyNUL = Oracle.check(nuls)
        #expect(
            onlyNUL.diagnostics.contains {
                $0.code.rawValue == SDPRules.controlCharacter.code.rawValue && $0.location.line == 1
                    && $0.location.column == 1
            })
        #expect(onlyNUL.hasErrors)
    }

    /// Invalid sequences of each kind, at the start of a value: reported at that byte.
    @Test(
        arguments: [
            [0xFF], [0xC3], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82], [0x80],
        ] as [[UInt8]])
    func invalidUTF8IsReportedAtTheFirstBadByte(_ sequence: [UInt8]) {
        let input = Array("v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=".utf8) + sequence + Array(" Call\r\nt=0 0\r\n".utf8)
        let result = Oracle.check(input)
        let invalid = result.diagnostics.filter { $0.code.rawValue == SDPRules.invalidUTF8.code.rawValue }
        #expect(invalid.count == 1)
        #expect(invalid.first?.location.line == 3)
        #expect(invalid.first?.location.column == 3)
        #expect(invalid.first?.location.bytes.lowerBound == 33)
        #expect(result.value.sessionName.hasPrefix("\u{FFFD}"))
    }

    @Test(arguments: [true, false])
    func utf16InputIsRecognised(_ littleEndian: Bool) throws {
        let text = try Self.capture.text()
        var input: [UInt8] = littleEndian ? [0xFF, 0xFE] : [0xFE, 0xFF]
        for unit in text.utf16 {
            input += littleEndian ? [UInt8(unit & 0xFF), UInt8(unit >> 8)] : [UInt8(unit >> 8), UInt8(unit & 0xFF)]
        }
        let result = Oracle.check(input)
        let first = try #require(result.diagnostics.first)
        #expect(first.code.rawValue == SDPRules.invalidUTF8.code.rawValue)
        #expect(first.location.line == 1 && first.location.column == 1)
        #expect(first.message.contains("UTF-16"))
        #expect(result.hasErrors)
    }

    /// A description of 10 MB (2 MB in debug builds), nearly all of it a= lines of one section.
    @Test func largeDescriptionIsReadCompletely() {
        let line = "a=x-attribute:0123456789abcdefghijklmnopqrstuvwxyz0123456789\r\n"
        let count = (Self.isDebug ? 2 << 20 : 10 << 20) / line.utf8.count
        let input = Array(
            (Self.session + "m=audio 9 RTP/AVP 0\r\nc=IN IP4 0.0.0.0\r\n" + String(repeating: line, count: count)).utf8)
        let result = Oracle.check(input)
        // One unknown-attribute finding per a= line, capped at the limit.
        #expect(result.diagnostics.count == SDPParseOptions().limits.maxDiagnostics + 1)
        #expect(result.diagnostics.allSatisfy { $0.severity == .info })
        #expect(result.value.media.first?.attributes.count == count)
        #expect(result.value.serialized().utf8.count == input.count)
    }

    /// 100 004 lines: the session lines and 10 000 media sections of 10 lines.
    @Test func hundredThousandLinesAreRead() {
        let section = "m=audio 9 RTP/AVP 0\r\nc=IN IP4 0.0.0.0\r\n" + (0..<8).map { "a=x-line-\($0)\r\n" }.joined()
        let input = Array((Self.session + String(repeating: section, count: 10_000)).utf8)
        #expect(input.count { $0 == UInt8(ascii: "\n") } == 100_004)
        let result = Oracle.check(input)
        #expect(result.value.media.count == 10_000)
        #expect(result.value.media.last?.attributes.count == 8)
        #expect(result.diagnostics.count == SDPParseOptions().limits.maxDiagnostics + 1)
        #expect(result.diagnostics.last?.code.rawValue == SDPRules.tooManyFindings.code.rawValue)
    }

    @Test func megabyteLineIsKept() {
        let value = String(repeating: "0123456789abcdef", count: 1 << 16)
        let input = Array((Self.session + "m=audio 9 RTP/AVP 0\r\nc=IN IP4 0.0.0.0\r\na=x-big:" + value + "\r\n").utf8)
        let result = Oracle.check(input)
        #expect(result.value.media.first?.attributes.first?.value == value)
        #expect(Array(result.value.serialized().utf8) == input)
    }

    @Test func lineLongerThanTheLimitIsSkippedAndReported() {
        let input = Array(
            (Self.session + "a=x-big:" + String(repeating: "x", count: 5000)
                + "\r\nm=audio 9 RTP/AVP 0\r\nc=IN IP4 0.0.0.0\r\n").utf8)
        var options = SDPParseOptions()
        options.limits.maxLineLength = 4096
        let result = Oracle.check(input, options: options)
        #expect(
            result.diagnostics.contains {
                $0.code.rawValue == SDPRules.limitExceeded.code.rawValue && $0.location.line == 5
                    && $0.location.column == 1
            })
        #expect(result.value.media.count == 1)
    }

    /// Parsing 8 times the input takes about 8 times as long: well under 20 times, where a
    /// quadratic step would take 64. Measured in thread CPU time, which other tests running at
    /// the same time do not inflate, as the least of three runs.
    @Test func parseTimeGrowsLinearly() throws {
        let section = try Self.capture.text().split(separator: "m=", maxSplits: 1).last.map { "m=" + $0 } ?? ""
        func input(sections: Int) -> [UInt8] {
            Array((Self.session + String(repeating: section, count: sections)).utf8)
        }
        let small = input(sections: Self.isDebug ? 20 : 100)
        let large = input(sections: Self.isDebug ? 160 : 800)
        let smallTime = Self.cpuTime { _ = SessionDescription.parse(bytes: small) }
        let largeTime = Self.cpuTime { _ = SessionDescription.parse(bytes: large) }
        try #require(smallTime > 0.000_5, "too fast to measure: \(smallTime) s")
        #expect(
            largeTime / smallTime < 20,
            "8× the input took \(largeTime / smallTime)× the time (\(smallTime) s, \(largeTime) s)")
    }

    /// The least thread CPU time of three runs of `body`, in seconds.
    static func cpuTime(_ body: () -> Void) -> Double {
        var best = Double.infinity
        for _ in 0..<3 {
            var start = timespec()
            var end = timespec()
            clock_gettime(CLOCK_THREAD_CPUTIME_ID, &start)
            body()
            clock_gettime(CLOCK_THREAD_CPUTIME_ID, &end)
            best = min(best, Double(end.tv_sec - start.tv_sec) + Double(end.tv_nsec - start.tv_nsec) / 1e9)
        }
        return best
    }
}
