import Diagnostics
import SDP
import SIP
import TestSupport
import Testing

@Suite struct CorpusTests {
    @Test func corpusIsNotEmpty() {
        #expect(Fixture.capturedSIP.count >= 33)
        #expect(Fixture.capturedSIPWithBody.count >= 10)
    }

    @Test(arguments: Fixture.capturedSIP)
    func serializesEveryCaptureToItsExactBytes(_ fixture: Fixture) throws {
        let input = try fixture.bytes()
        let result = SIPMessage.parse(bytes: input)
        #expect(result.message.serialized() == input)
    }

    @Test(arguments: Fixture.capturedSIP)
    func capturesHaveNoErrors(_ fixture: Fixture) throws {
        let result = SIPMessage.parse(bytes: try fixture.bytes())
        let errors = result.diagnostics.filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(errors)")
    }

    @Test(arguments: Fixture.capturedSIP)
    func capturesHaveTheMandatoryHeaders(_ fixture: Fixture) throws {
        let message = SIPMessage.parse(bytes: try fixture.bytes()).message
        #expect(message.callID?.isEmpty == false)
        #expect(message.from?.tag != nil)
        #expect(message.to != nil)
        #expect(message.cseq != nil)
        let via = try #require(message.topVia)
        #expect(via.hasMagicCookie)
        #expect(via.transport == .udp)
        if message.isRequest {
            #expect(message.maxForwards == 70)
            #expect(message.cseq?.method == message.requestLine?.method)
        }
    }

    @Test(arguments: Fixture.capturedSIPWithBody)
    func bodiesEqualTheSiblingSDPFiles(_ fixture: Fixture) throws {
        let message = SIPMessage.parse(bytes: try fixture.bytes()).message
        let expected = try Fixture(path: fixture.bodyPath).bytes()
        #expect(message.body == expected)
        #expect(message.contentLength == expected.count)
        #expect(message.contentType?.matches(.sdp) == true)
        let sdp = try #require(message.sessionDescription)
        #expect(Array(sdp.description.serialized().utf8) == expected)
        #expect(!sdp.description.media.isEmpty)
    }
}
