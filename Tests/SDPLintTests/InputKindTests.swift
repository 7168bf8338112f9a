import Foundation
import SDPLint
import SDPLintDiagnostics
import SDPLintInput
import SDPLintTestSupport
import Testing

/// `sdplint check` on the inputs besides SDP: Jingle stanzas, SIP messages and traces.
@Suite struct InputKindTests {
    /// SIPp's -trace_msg log reads as the SIP messages it records, each located in the log's
    /// lines: the three header forms SIPp writes, no finding about the separators.
    @Test(arguments: [
        "corpus/linphone/audio-ice/sipp-uas-trace_msg.log",
        "corpus/linphone/audio-video-ice-sdes-srtp/sipp-uas-trace_msg.log",
    ])
    func aSIPpLogReadsAsTheMessagesItRecords(_ fixture: String) throws {
        let bytes = try Fixture(path: fixture).bytes()
        #expect(InputKind.detect(bytes, name: fixture) == .sip)
        let document = InputReader.read(bytes, name: fixture)
        #expect(document.format == "SIPp message log")
        #expect(document.descriptions.count == 2, "the INVITE's offer and the 200's answer")
        let files = Linter.check(bytes, path: fixture)
        let codes = files.flatMap(\.diagnostics).map(\.code.rawValue)
        #expect(!codes.contains { $0.hasPrefix("SIP1") || $0.hasPrefix("SDP1") }, "\(codes)")
        let timeline = try Executable.run("sdplint", ["timeline", "Fixtures/" + fixture])
        #expect(timeline.standardOutput.contains("offer") && timeline.standardOutput.contains("answer"))
    }

    @Test func aJingleStanzaIsCheckedAsXMLAndAsTheDescriptionItCarries() throws {
        let run = try Executable.run(
            "sdplint", ["check", "--min-severity", "info", "Fixtures/corpus/jingle/chromium.audio-video.offer.xml"])
        #expect(run.status == 1)
        #expect(run.standardOutput.contains("chromium.audio-video.offer.xml:1:739: error[JINGLE201]"))
        #expect(
            run.standardOutput.contains(
                "chromium.audio-video.offer.xml: session-initiate as SDP line 18:1: note[WEB111]"))
        let clean = try Executable.run("sdplint", ["check", "Fixtures/jingle/session-initiate.xml"])
        #expect(clean.status == 0, "\(clean.standardOutput)")
    }

    @Test(arguments: ["billion-laughs", "truncated", "invalid-utf8", "foreign-root"])
    func hostileXMLFailsWithItsFinding(_ name: String) throws {
        let expected = try Fixture(path: "jingle/invalid/\(name).expected").text()
            .split(separator: "\n").first { !$0.hasPrefix("#") && !$0.isEmpty }.map(String.init)
        let (position, code) = try #require(
            expected.flatMap { line -> (String, String)? in
                let parts = line.split(separator: " ")
                return parts.count >= 2 ? (String(parts[0]), String(parts[1])) : nil
            })
        let run = try Executable.run("sdplint", ["check", "Fixtures/jingle/invalid/\(name).xml"])
        #expect(run.status == 1)
        #expect(run.standardOutput.contains("\(name).xml:\(position): error[\(code)]"), "\(run.standardOutput)")
    }

    @Test func aSIPTraceOfSeveralMessagesIsFramedAsAStream() throws {
        let names = [
            "01-request-invite", "02-response-100-invite", "03-response-180-invite", "04-response-200-invite",
            "05-request-ack",
        ]
        var trace = Data()
        for name in names { trace += try Data(contentsOf: Fixture(path: "corpus/sipp/uac-uas-udp.\(name).sip").url) }
        let run = try Executable.run("sdplint", ["check", "-"], input: trace)
        #expect(run.status == 0, "\(run.standardOutput)")
        let broken = String(decoding: trace, as: UTF8.self).replacingOccurrences(of: "CSeq: 1 ACK", with: "CSeq: 1 BYE")
        let mismatch = try Executable.run("sdplint", ["check", "-"], input: Data(broken.utf8))
        #expect(mismatch.standardOutput.contains("SIP202"), "\(mismatch.standardOutput)")
    }
}

/// Signaling messages — JSON envelopes and NDJSON, SIP traces, WHIP exchanges — checked as
/// sessions: each description with its type known, and each session's exchanges.
@Suite struct SignalingInputTests {
    static func sippCall() throws -> Data {
        let names = [
            "01-request-invite", "02-response-100-invite", "03-response-180-invite", "04-response-200-invite",
            "05-request-ack", "06-request-bye", "07-response-200-bye",
        ]
        var trace = Data()
        for name in names { trace += try Data(contentsOf: Fixture(path: "corpus/sipp/uac-uas-udp.\(name).sip").url) }
        return trace
    }

    @Test func aSIPCallIsAnalysedAsAnExchange() throws {
        let json = try Executable.run("sdplint", ["check", "--format", "json", "-"], input: try Self.sippCall())
        let errors = try JSONSchema(named: "sdplint-report.schema.json").validate(Data(json.standardOutput.utf8))
        #expect(errors.isEmpty, "\(errors)")
        let timeline = try Executable.run("sdplint", ["timeline", "-"], input: try Self.sippCall())
        #expect(timeline.status == 0)
        #expect(timeline.standardOutput.contains("<stdin>: SIP messages, 1 connection"))
        #expect(timeline.standardOutput.contains("answer #0 audio sendrecv PCMU/8000"), "\(timeline.standardOutput)")
        #expect(timeline.standardOutput.contains("session: hang-up"))
    }

    @Test func anAnswerThatIsAnOfferIsOneFinding() throws {
        // The ACK's answer says actpass in its only DTLS section: OA107 names the cause (an offer
        // passed as the answer), and WEB105's "must choose active or passive" is its symptom.
        let run = try Executable.run("sdplint", ["check", "Fixtures/signaling/sip/delayed-offer-trickle.sip"])
        #expect(run.standardOutput.contains("error[OA107]"))
        #expect(!run.standardOutput.contains("WEB105"), "\(run.standardOutput)")
        // Alone, without its offer, the answer's actpass is WEB105.
        let sip = try String(decoding: Fixture(path: "signaling/sip/delayed-offer-trickle.sip").bytes(), as: UTF8.self)
        let body = try #require(sip.components(separatedBy: "\r\n\r\n").first { $0.contains("a=setup:actpass") })
        let alone = try Executable.run("sdplint", ["check", "--type", "answer", "-"], input: Data(body.utf8))
        #expect(alone.standardOutput.contains("error[WEB105]"), "\(alone.standardOutput)")
    }

    @Test func anNDJSONExchangeIsCheckedMessageByMessage() throws {
        let run = try Executable.run("sdplint", ["check", "Fixtures/signaling/json/exchange.ndjson"])
        // The hand-made answer reuses the offer's o= line: the exchange check sees it.
        #expect(
            run.standardOutput.contains("exchange.ndjson: message 3 at 3:1, SDP line 2:3: warning[OA109]"),
            "\(run.standardOutput)")
    }

    @Test func oneEnvelopeIsCheckedWithItsType() throws {
        let answer = try Fixture(path: "corpus/chromium/audio.answer.sdp").text()
        let asOffer = try JSONSerialization.data(withJSONObject: ["type": "offer", "sdp": answer])
        let run = try Executable.run("sdplint", ["check", "-"], input: asOffer)
        // An answer's a=setup:active, sent as an offer.
        #expect(run.standardOutput.contains("warning[WEB104]"), "\(run.standardOutput)")
        let asAnswer = try JSONSerialization.data(withJSONObject: ["type": "answer", "sdp": answer])
        #expect(try Executable.run("sdplint", ["check", "-"], input: asAnswer).status == 0)
    }

    @Test func iceServerConfigurationIsChecked() throws {
        let text =
            #"{"iceServers":[{"urls":["turns:turn.example.com?transport=udp","stun:stun.example.com"],"username":"u","credential":"p"}]}"#
        let run = try Executable.run("sdplint", ["check", "-"], input: Data(text.utf8))
        #expect(run.standardOutput.contains("<stdin>:1:59: warning[ICE210]"), "\(run.standardOutput)")
        #expect(try Executable.run("sdplint", ["check", "Fixtures/signaling/json/ice-servers.json"]).status == 0)
    }

    @Test func jsonThatIsNotSignalingIsNamed() throws {
        let run = try Executable.run("sdplint", ["check", "-"], input: Data(#"{"hello": "world"}"#.utf8))
        #expect(run.status == 1)
        #expect(run.standardOutput.contains("error[SIG100]"))
    }
}
