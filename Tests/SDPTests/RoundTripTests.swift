import TestSupport
import Diagnostics
import SDP
import Testing

@Suite struct RoundTripTests {
    @Test(arguments: Fixture.capturedSDP)
    func serializesEveryCaptureToItsExactBytes(_ fixture: Fixture) throws {
        let input = try fixture.bytes()
        let result = SessionDescription.parse(bytes: input)
        let output = Array(result.description.serialized().utf8)
        #expect(output == input, "serialization differs from the captured bytes")
    }

    @Test(arguments: Fixture.capturedSDP)
    func reparsingTheSerializationGivesAnEqualModel(_ fixture: Fixture) throws {
        let first = SessionDescription.parse(try fixture.text()).description
        let second = SessionDescription.parse(first.serialized()).description
        #expect(first == second)
    }

    @Test(arguments: Fixture.capturedSDP)
    func capturesHaveNoErrors(_ fixture: Fixture) throws {
        let result = SessionDescription.parse(try fixture.text())
        let errors = result.diagnostics.filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(errors)")
    }
}
