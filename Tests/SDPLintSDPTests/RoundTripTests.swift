import SDPLintDiagnostics
import SDPLintSDP
import SDPLintTestSupport
import Testing

@Suite struct RoundTripTests {
    @Test(arguments: Fixture.capturedSDP)
    func serializesEveryCaptureToItsExactBytes(_ fixture: Fixture) throws {
        let input = try fixture.bytes()
        let result = SessionDescription.parse(bytes: input)
        let output = Array(result.value.serialized().utf8)
        #expect(output == input, "serialization differs from the captured bytes")
    }

    @Test(arguments: Fixture.capturedSDP)
    func reparsingTheSerializationGivesAnEqualModel(_ fixture: Fixture) throws {
        let first = SessionDescription.parse(try fixture.text()).value
        let second = SessionDescription.parse(first.serialized()).value
        #expect(first == second)
    }

    @Test(arguments: Fixture.capturedSDP)
    func capturesHaveNoErrors(_ fixture: Fixture) throws {
        let result = SessionDescription.parse(try fixture.text())
        let errors = result.diagnostics.filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(errors)")
    }
}

/// `SDPParseOptions.checks` off skips the attribute and cross-reference checks, not the model.
@Suite struct UncheckedParseTests {
    static let unchecked = SDPParseOptions(checks: false)

    @Test(arguments: Fixture.capturedSDP + Fixture.files(in: "invalid/sdp", suffix: ".sdp"))
    func theModelIsTheSameWithoutChecks(_ fixture: Fixture) throws {
        let input = try fixture.bytes()
        let checked = SessionDescription.parse(bytes: input)
        let unchecked = SessionDescription.parse(bytes: input, options: Self.unchecked)
        #expect(unchecked.value == checked.value)
        #expect(Array(unchecked.value.serialized().utf8) == Array(checked.value.serialized().utf8))
        // What is still reported is reported the same way.
        let all = Set(checked.diagnostics.map { "\($0.code.rawValue) \($0.location)" })
        #expect(unchecked.diagnostics.allSatisfy { all.contains("\($0.code.rawValue) \($0.location)") })
    }

    @Test func crossReferenceFindingsNeedTheChecks() {
        let text =
            """
            v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\nm=audio 9 RTP/AVP 96\r\nc=IN IP4 \
            0.0.0.0\r\na=rtpmap:97 opus/48000/2\r\n
            """
        let checked = SessionDescription.parse(text).diagnostics.map(\.code.rawValue)
        let unchecked = SessionDescription.parse(text, options: Self.unchecked).diagnostics.map(\.code.rawValue)
        // An rtpmap for a payload type the m= line does not list, and one listed without rtpmap.
        #expect(checked.contains("SDP300") && checked.contains("SDP302"))
        #expect(!unchecked.contains("SDP300") && !unchecked.contains("SDP302"))
    }
}
