import SDPLintDiagnostics
import SDPLintICE
import SDPLintJSON
import SDPLintSDP
import SDPLintSIP
import Testing

/// Every configurable bound of every parser, exceeded by one, reported with its own code, with
/// what came before the bound still read.
@Suite struct LimitTests {
    static func codes(_ diagnostics: [Diagnostic]) -> Set<String> { Set(diagnostics.map(\.code.rawValue)) }

    // MARK: SDP (SDPParseOptions.Limits → SDP113 limit-exceeded, SDP114 too-many-findings)

    static let sdpHead = "v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nc=IN IP4 192.0.2.1\r\nt=0 0\r\n"
    static func audioSection(_ index: Int) -> String { "m=audio 9 RTP/AVP 0\r\na=mid:\(index)\r\n" }

    static func sdp(_ text: String, _ change: (inout SDPParseOptions.Limits) -> Void) -> ParseResult<SessionDescription>
    {
        var options = SDPParseOptions()
        change(&options.limits)
        return SessionDescription.parse(text, options: options)
    }

    @Test func sdpMaxBytes() {
        let text = Self.sdpHead + Self.audioSection(0)
        let result = Self.sdp(text) { $0.maxBytes = text.utf8.count - 1 }
        #expect(Self.codes(result.diagnostics).contains(SDPRules.limitExceeded.code.rawValue))
        #expect(
            !Self.codes(Self.sdp(text) { $0.maxBytes = text.utf8.count }.diagnostics).contains(
                SDPRules.limitExceeded.code.rawValue))
    }

    @Test func sdpMaxLines() {
        let text = Self.sdpHead + (0..<3).map(Self.audioSection).joined()
        let result = Self.sdp(text) { $0.maxLines = 8 }
        #expect(
            result.diagnostics.contains {
                $0.code.rawValue == SDPRules.limitExceeded.code.rawValue && $0.location.line == 9
            })
        #expect(result.value.media.count == 2, "the sections before the limit are kept")
    }

    @Test func sdpMaxLineLength() {
        let text =
            Self.sdpHead + "m=audio 9 RTP/AVP 0\r\na=x-long:" + String(repeating: "y", count: 100) + "\r\na=mid:0\r\n"
        let result = Self.sdp(text) { $0.maxLineLength = 64 }
        #expect(
            result.diagnostics.contains {
                $0.code.rawValue == SDPRules.limitExceeded.code.rawValue && $0.location.line == 7
            })
        #expect(result.value.media.first?.mid == "0", "the long line is skipped, the parse goes on")
    }

    @Test func sdpMaxMediaSections() {
        let text = Self.sdpHead + (0..<5).map(Self.audioSection).joined()
        let result = Self.sdp(text) { $0.maxMediaSections = 3 }
        #expect(Self.codes(result.diagnostics).contains(SDPRules.limitExceeded.code.rawValue))
        #expect(result.value.media.count == 3)
    }

    @Test func sdpMaxDiagnostics() {
        let text = Self.sdpHead + String(repeating: "a=x-unknown\r\n", count: 50)
        let result = Self.sdp(text) { $0.maxDiagnostics = 10 }
        #expect(result.diagnostics.count == 11)
        #expect(result.diagnostics.last?.code.rawValue == SDPRules.tooManyFindings.code.rawValue)
    }

    @Test func sdpFragmentsHonourTheSameLimits() {
        var options = SDPParseOptions()
        options.limits.maxMediaSections = 1
        let result = SDPFragment.parse(
            "a=ice-ufrag:abcd\r\nm=audio 9 RTP/AVP 0\r\na=mid:0\r\nm=audio 9 RTP/AVP 0\r\na=mid:1\r\n", options: options
        )
        let (fragment, diagnostics) = (result.value, result.diagnostics)
        #expect(Self.codes(diagnostics).contains(SDPRules.limitExceeded.code.rawValue))
        #expect(fragment.media.count == 1)
    }

    @Test func sdpDefaultsAreSafe() {
        let limits = SDPParseOptions.Limits()
        #expect(limits.maxBytes <= 64 << 20 && limits.maxLines <= 1_000_000 && limits.maxMediaSections <= 10_000)
        #expect(limits.maxLineLength <= limits.maxBytes && limits.maxDiagnostics <= 10_000)
    }

    // MARK: JSON (JSONParseOptions.Limits → JSON202…JSON206, JSON199)

    static func json(_ text: String, _ change: (inout JSONParseOptions) -> Void) -> Set<String> {
        var options = JSONParseOptions()
        change(&options)
        return codes(JSONValue.parse(text, options: options).diagnostics)
    }

    @Test func jsonEachLimit() {
        #expect(Self.json("[1, 2, 3]") { $0.limits.maxBytes = 8 }.contains(JSONRules.documentTooLarge.code.rawValue))
        #expect(Self.json("[[[1]]]") { $0.limits.maxDepth = 2 }.contains(JSONRules.nestingTooDeep.code.rawValue))
        #expect(
            Self.json("\"abcdef\"") { $0.limits.maxStringLength = 5 }.contains(JSONRules.stringTooLong.code.rawValue))
        #expect(
            Self.json("{\"abcdef\": 1}") { $0.limits.maxStringLength = 5 }.contains(
                JSONRules.stringTooLong.code.rawValue),
            "keys count as strings")
        #expect(Self.json("123456") { $0.limits.maxNumberLength = 5 }.contains(JSONRules.numberTooLong.code.rawValue))
        #expect(Self.json("[1, 2, 3, 4]") { $0.limits.maxItems = 3 }.contains(JSONRules.tooManyItems.code.rawValue))
        #expect(
            Self.json("{\"a\": 1, \"b\": 2}") { $0.limits.maxItems = 1 }.contains(JSONRules.tooManyItems.code.rawValue))
        let duplicates = "{" + (0..<50).map { _ in "\"a\": 1" }.joined(separator: ", ") + "}"
        #expect(Self.json(duplicates) { $0.maxDiagnostics = 5 }.contains(JSONRules.tooManyFindings.code.rawValue))
        // Within every limit: nothing.
        #expect(
            Self.json("[1, 2, 3]") {
                $0.limits.maxBytes = 9
                $0.limits.maxItems = 3
                $0.limits.maxDepth = 1
            } == [])
    }

    @Test func jsonDepthIsCappedWhateverTheOption() {
        let deep =
            String(repeating: "[", count: JSONParseOptions.Limits.depthCeiling + 1)
            + String(repeating: "]", count: JSONParseOptions.Limits.depthCeiling + 1)
        #expect(Self.json(deep) { $0.limits.maxDepth = .max }.contains(JSONRules.nestingTooDeep.code.rawValue))
    }

    // MARK: SIP (SIPParseOptions.Limits → SIP304…SIP308)

    static func sipMessage(headers extra: [String] = [], body: String = "") -> [UInt8] {
        let lines =
            [
                "OPTIONS sip:bob@example.com SIP/2.0", "Via: SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bK1",
                "Max-Forwards: 70",
                "From: <sip:alice@example.com>;tag=1", "To: <sip:bob@example.com>", "Call-ID: abc@example.com",
                "CSeq: 1 OPTIONS",
            ]
            + extra + (body.isEmpty ? [] : ["Content-Type: text/plain"]) + ["Content-Length: \(body.utf8.count)"]
        return Array((lines.joined(separator: "\r\n") + "\r\n\r\n" + body).utf8)
    }

    static func sip(
        _ bytes: [UInt8], framing: SIPFraming = .datagram, _ change: (inout SIPParseOptions.Limits) -> Void
    ) -> Set<String> {
        var options = SIPParseOptions()
        change(&options.limits)
        return codes(SIPMessage.parse(bytes: bytes, framing: framing, options: options).diagnostics)
    }

    @Test func sipEachLimit() {
        let plain = Self.sipMessage()
        #expect(Self.sip(plain) { _ in } == [])
        #expect(
            Self.sip(plain) { $0.maxMessageBytes = plain.count - 1 }.contains(SIPRules.messageTooLarge.code.rawValue))
        #expect(
            Self.sip(Self.sipMessage(headers: ["Subject: " + String(repeating: "s", count: 200)])) {
                $0.maxHeaderLineLength = 100
            }.contains(SIPRules.headerLineTooLong.code.rawValue))
        #expect(
            Self.sip(Self.sipMessage(headers: (0..<20).map { "X-\($0): 1" })) { $0.maxHeaderCount = 15 }.contains(
                SIPRules.tooManyHeaders.code.rawValue))
        #expect(
            Self.sip(Self.sipMessage(body: String(repeating: "b", count: 100))) { $0.maxBodyBytes = 99 }.contains(
                SIPRules.bodyTooLarge.code.rawValue))
        #expect(
            Self.sip(Self.sipMessage(headers: (0..<30).map { "Bad Header \($0)" })) { $0.maxDiagnostics = 5 }.contains(
                SIPRules.tooManyFindings.code.rawValue))
    }

    @Test func sipStreamDecoderReportsEachLimit() {
        func decode(_ bytes: [UInt8], _ change: (inout SIPParseOptions.Limits) -> Void) -> Set<String> {
            var options = SIPParseOptions()
            change(&options.limits)
            var decoder = SIPStreamDecoder(options: options)
            let results = decoder.decode(bytes) + decoder.finish()
            return Self.codes(results.flatMap(\.diagnostics) + decoder.diagnostics)
        }
        #expect(
            decode(Self.sipMessage(body: String(repeating: "b", count: 100))) { $0.maxBodyBytes = 50 }.contains(
                SIPRules.bodyTooLarge.code.rawValue))
        #expect(
            decode(Self.sipMessage(headers: (0..<20).map { "X-\($0): 1" })) { $0.maxHeaderCount = 15 }.contains(
                SIPRules.tooManyHeaders.code.rawValue))
        let long = Self.sipMessage(headers: ["Subject: " + String(repeating: "s", count: 300)])
        #expect(decode(long) { $0.maxHeaderLineLength = 100 }.contains(SIPRules.headerLineTooLong.code.rawValue))
        #expect(decode(long) { $0.maxMessageBytes = 200 }.contains(SIPRules.messageTooLarge.code.rawValue))
    }

    // MARK: ICE candidates: no limits of their own

    /// `Candidate.parse` has no size limits of its own: a candidate is bounded by the line that carries it
    /// (the SDP line limit, the JSON string limit). Its cost stays linear in the line however
    /// many extension attributes it has.
    @Test func candidatesHaveNoLimitsButStayLinear() {
        let base = "1 1 UDP 2122260223 192.0.2.1 54321 typ host"
        let many = base + String(repeating: " x-ext value", count: 20_000)
        let clock = ContinuousClock()
        let elapsed = clock.measure { _ = Candidate.parse(many) }
        #expect(elapsed < .seconds(5), "20 000 extension attributes took \(elapsed)")
    }
}
