import Foundation
import SDPLintDiagnostics
import SDPLintJSON
import SDPLintSDP
import SDPLintSignaling
import SDPLintTestSupport
import Testing

@Suite struct CorpusTests {
    @Test(arguments: Fixtures.corpusJSON)
    func capturedJSONReadsIntoTheModelAndWritesBack(_ fixture: Fixture) throws {
        let bytes = try fixture.bytes()
        let (messages, diagnostics) = Signaling.read(bytes, name: fixture.path)
        #expect(!messages.isEmpty)
        #expect(
            diagnostics.filter { $0.code.rawValue.hasPrefix("SIG") || $0.code.rawValue.hasPrefix("JSON") }.errors
                .isEmpty,
            "\(diagnostics)")
        // Written in the shapes they were read in, the values are the captured ones.
        let (text, dropped) = Signaling.write(values(messages), as: .json)
        #expect(dropped.isEmpty)
        let written = text.split(separator: "\n").compactMap { JSONValue.parse(String($0)).value }
        let original =
            fixture.path.hasSuffix(".ndjson")
            ? NDJSON.parse(bytes: bytes).value.compactMap(\.value)
            : [JSONValue.parse(bytes: bytes).value].compactMap { $0 }
        #expect(written == original)
        let (again, _) = Signaling.read(Array(text.utf8))
        #expect(values(again) == values(messages))
    }

    @Test(arguments: Fixtures.corpusJSON.filter { $0.path.hasSuffix(".json") })
    func capturedDescriptionsKeepTheirExactText(_ fixture: Fixture) throws {
        let (messages, _) = Signaling.read(try fixture.bytes())
        guard case .description(let description)? = messages.first?.value.content else {
            Issue.record("not a description")
            return
        }
        let sdpFile = fixture.path.replacingOccurrences(of: ".json", with: ".sdp")
        if let text = try? Fixture(path: sdpFile).text() { #expect(description.sdp == text) }
        #expect(description.sessionDescription?.serialized() == description.sdp)
    }

    @Test(arguments: Fixtures.corpusSIP)
    func capturedSIPMapsOntoTheModelAndBack(_ fixture: Fixture) throws {
        let (messages, diagnostics) = Signaling.read(try fixture.bytes(), name: fixture.path)
        #expect(diagnostics.filter { $0.code.rawValue.hasPrefix("SIG") }.errors.isEmpty, "\(diagnostics)")
        let (text, _) = Signaling.write(values(messages), as: .sip)
        guard !messages.isEmpty else {
            #expect(text.isEmpty)
            return
        }
        let (again, againDiagnostics) = Signaling.read(Array(text.utf8), format: .sip)
        #expect(againDiagnostics.errors.isEmpty, "\(againDiagnostics)")
        #expect(values(again) == values(messages))
    }

    /// Each captured call, its messages in wire order as one trace.
    @Test(arguments: [
        "sipp/uac-uas-udp", "baresip/plain-rtp", "baresip/dtls-srtp", "linphone/audio-ice/",
        "linphone/audio-video-ice-sdes-srtp/",
    ])
    func capturedCallsBecomeOfferAnswerAndHangUp(_ prefix: String) throws {
        let files = Fixtures.corpusSIP.filter { $0.path.hasPrefix("corpus/" + prefix) }
        #expect(!files.isEmpty)
        var trace: [UInt8] = []
        for file in files { trace += try file.bytes() }
        let (messages, diagnostics) = Signaling.read(trace, format: .sip)
        #expect(diagnostics.filter { $0.code.rawValue.hasPrefix("SIG") }.errors.isEmpty, "\(diagnostics)")
        let kinds = messages.map { message -> String in
            switch message.value.content {
            case .description(let description): description.type.rawValue
            case .candidate: "candidate"
            case .endOfCandidates: "end"
            case .hangUp: "hang-up"
            }
        }
        #expect(kinds == ["offer", "answer", "hang-up"])
        #expect(Set(messages.map(\.value.session)).count == 1)
    }
}
