import SDPLintDiagnostics
import SDPLintJingle
import SDPLintSDP
import SDPLintTestSupport
import Testing

/// SDP → Jingle → SDP on every real browser offer and answer gives back an equal description,
/// as ``ComparableDescription`` defines it, less what the conversion reported as dropped.
@Suite struct RoundTripTests {
    static let browserSDPs: [Fixture] = ["chromium", "firefox", "aiortc", "cross"].flatMap {
        Fixture.files(in: "corpus/\($0)", suffix: ".sdp")
    }

    static func options(for fixture: Fixture) -> (JingleConversionOptions, SDPConversionOptions) {
        let isAnswer = fixture.path.contains(".answer")
        return isAnswer ? (.answer, .answer) : (.offer, .offer)
    }

    @Test(arguments: browserSDPs)
    func sdpToJingleToSDPKeepsEverythingNotReportedDropped(_ fixture: Fixture) throws {
        let original = try SessionDescription(parsing: try fixture.text())
        let (toJingle, toSDP) = Self.options(for: fixture)
        let forward = Jingle.converting(original, options: toJingle)
        // Through XML and back, so the serializer and reader are part of the trip.
        let xml = IQ(id: "rt1", jingle: forward.jingle).element.serialized()
        let parsed = Stanza.parse(xml)
        #expect(!parsed.hasErrors, "\(parsed.diagnostics)")
        let jingle = try #require(parsed.value?.jingle)
        #expect(jingle == forward.jingle)
        let back = SessionDescription.converting(jingle, options: toSDP)
        #expect(back.dropped.isEmpty, "\(back.dropped)")
        let reparsed = SessionDescription.parse(back.description.serialized())
        #expect(!reparsed.hasErrors, "\(reparsed.diagnostics)")
        let expected = ComparableDescription(original, excluding: forward.dropped)
        let actual = ComparableDescription(back.description)
        let differences = expected.differences(from: actual)
        #expect(differences.isEmpty, "\(differences.joined(separator: "\n"))")
    }
}
