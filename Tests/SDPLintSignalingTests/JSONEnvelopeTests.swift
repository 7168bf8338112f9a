import SDPLintDiagnostics
import SDPLintJSON
import SDPLintSDP
import SDPLintSignaling
import SDPLintTestSupport
import Testing

@Suite struct JSONEnvelopeTests {
    func read(_ text: String) -> ([Located<SignalingMessage>], [Diagnostic]) {
        let (messages, diagnostics) = Signaling.read(Array(text.utf8))
        return (messages, diagnostics)
    }

    @Test(arguments: [
        (#"{"type":"offer","sdp":"v=0\r\n"}"#, JSONShape.plain),
        (#"{"sdp":"v=0\r\n","type":"offer"}"#, .plainSDPFirst),
        (#"{"sdp":{"type":"offer","sdp":"v=0\r\n"}}"#, .wrapped("sdp")),
        (
            #"{"type":"ice-candidate","candidate":{"candidate":"candidate:1 1 udp 1 192.0.2.1 9 typ host","sdpMid":"0"}}"#,
            .typed("ice-candidate")
        ),
        (
            #"{"type":"candidate","candidate":"candidate:1 1 udp 1 192.0.2.1 9 typ host","sdpMLineIndex":0}"#,
            .typedFlat("candidate")
        ),
        (#"{"ice":{"candidate":"candidate:1 1 udp 1 192.0.2.1 9 typ host","sdpMLineIndex":0}}"#, .wrapped("ice")),
        (#"{"type":"leave"}"#, .typed("leave")),
    ])
    func recognizesEachShapeAndWritesItBack(_ text: String, _ shape: JSONShape) {
        let (messages, diagnostics) = read(text)
        #expect(
            diagnostics.filter { $0.code.rawValue.hasPrefix("SIG") || $0.code.rawValue.hasPrefix("JSON") }.isEmpty,
            "\(diagnostics)")
        #expect(messages.first?.value.jsonShape == shape)
        let (written, _) = Signaling.write(values(messages), as: .json)
        #expect(JSONValue.parse(written).value == JSONValue.parse(text).value)
    }

    @Test func keepsRoutingMembersAsExtraFields() throws {
        let (messages, _) = Signaling.read(try Fixture(path: "signaling/json/routed-offer.json").bytes())
        #expect(messages.first?.value.extraFields.keys == ["to", "from", "room"])
        let (envelope, dropped) = Signaling.write(values(messages), as: .envelope)
        #expect(dropped.isEmpty)
        #expect(envelope.contains(#""extra":{"to":"bob","from":"alice","room":"r-42"}"#))
        #expect(values(read(envelope).0) == values(messages))
    }

    @Test func endOfCandidatesForms() {
        let (perSection, _) = read(#"{"candidate":"","sdpMid":"1","sdpMLineIndex":1}"#)
        #expect(perSection.first?.value.content == .endOfCandidates(.init(sdpMid: "1", sdpMLineIndex: 1)))
        let (all, _) = read(#"{"type":"candidate","candidate":null}"#)
        #expect(all.first?.value.content == .endOfCandidates(.init()))
        let (bare, _) = read(#"{"candidate":null}"#)
        #expect(bare.first?.value.content == .endOfCandidates(.init()))
    }

    @Test func findingsInsideTheSDPStringPointIntoTheJSONText() {
        // The m= line is broken; its finding sits at the byte in the JSON string, after escapes.
        let text =
            "{\n  \"type\": \"offer\",\n  \"sdp\": \"v=0\\r\\no=- 1 1 IN IP4 0.0.0.0\\r\\ns=-\\r\\nt=0 0\\r\\nm=audio x RTP/AVP 0\\r\\n\"\n}"
        let (_, diagnostics) = read(text)
        let finding = diagnostics.first { $0.code.rawValue.hasPrefix("SDP") }
        #expect(finding?.location.line == 3)
        // `  "sdp": "v=0\r\no=- 1 1 IN IP4 0.0.0.0\r\ns=-\r\nt=0 0\r\nm=audio x …`: the m= line starts at column 60.
        #expect(finding?.location.column == 60, "\(String(describing: finding))")
    }

    @Test func ndjsonFindingsCarryTheirLine() {
        let text =
            #"{"type":"offer","sdp":"v=0\r\n"}"# + "\n" + #"{"type":"answer","sdp":7}"# + "\n" + #"{"type":"bye"}"#
            + "\n"
        let (messages, diagnostics) = read(text)
        #expect(messages.map(\.location.line) == [1, 3])
        #expect(
            diagnostics.contains {
                $0.code.rawValue == "JSON210" && $0.location.line == 2 && $0.location.column == 24
                    && $0.message.contains("$.sdp")
            })
    }

    @Test func arrayOfMessagesIsRead() {
        let (messages, _) = read(#"[{"type":"offer","sdp":"v=0\r\n"},{"type":"bye"}]"#)
        #expect(messages.count == 2)
        #expect(messages.map(\.location.column) == [2, 35])
    }

    @Test func sessionIsDroppedByTheWebRTCShapesAndKeptByTheEnvelope() {
        let message = SignalingMessage(.hangUp(.init(reason: "done")), session: "s1")
        #expect(Signaling.write([message], as: .json).dropped.map(\.item) == [.session])
        let (text, dropped) = Signaling.write([message], as: .envelope)
        #expect(dropped.isEmpty)
        #expect(text == #"{"version":1,"type":"hang-up","reason":"done","session":"s1"}"# + "\n")
    }

    @Test func strictModeMakesWarningsErrors() {
        let text = #"{"candidate":"a=candidate:1 1 udp 1 192.0.2.1 9 typ host","sdpMid":"0"}"#
        let lenient = Signaling.read(Array(text.utf8)).diagnostics.first { $0.code.rawValue == "SIG104" }
        let strict = Signaling.read(Array(text.utf8), options: .init(strict: true)).diagnostics.first {
            $0.code.rawValue == "SIG104"
        }
        #expect(lenient?.severity == .warning)
        #expect(strict?.severity == .error)
    }
}

@Suite struct RuleCatalogTests {
    @Test func codesAreUniqueAndInTheirRanges() {
        let codes = SignalingRules.all.map(\.code.rawValue)
        #expect(Set(codes).count == codes.count)
        #expect(codes.allSatisfy { $0.hasPrefix("SIG") && $0.count == 6 })
        #expect(codes == codes.sorted())
    }

    @Test(arguments: SignalingRules.all)
    func everyRuleIsDocumented(_ rule: Rule) {
        #expect(!rule.summary.isEmpty && !rule.explanation.isEmpty)
        #expect(rule.reference.section != nil)
        #expect(SignalingRules.rule(code: rule.code) == rule)
        if rule.code.rawValue != "SIG599" { #expect(!rule.badExample.isEmpty || !rule.goodExample.isEmpty) }
    }
}
