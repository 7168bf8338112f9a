import Foundation
import SDPLintDiagnostics
import SDPLintICE
import SDPLintJSON
import SDPLintSignaling
import SDPLintTestSupport
import Testing

/// Everything the module writes as JSON validates against its schema in Schemas/.
@Suite struct SchemaTests {
    static let inputs: [Fixture] = Fixtures.corpusJSON + Fixtures.handMade

    static func messages(_ fixture: Fixture) throws -> [SignalingMessage] {
        values(Signaling.read(try fixture.bytes(), name: fixture.path).messages)
    }

    static func validate(_ text: String, schema name: String) throws -> [String] {
        let schema = try JSONSchema(named: name)
        return try text.split(separator: "\n").flatMap { try schema.validate(Data($0.utf8)) }
    }

    @Test(arguments: inputs)
    func webRTCJSONValidates(_ fixture: Fixture) throws {
        let (text, _) = Signaling.write(try Self.messages(fixture), as: .json)
        #expect(try Self.validate(text, schema: "signaling-webrtc.schema.json").isEmpty)
    }

    @Test(arguments: inputs)
    func envelopeValidates(_ fixture: Fixture) throws {
        let (text, dropped) = Signaling.write(try Self.messages(fixture), as: .envelope)
        #expect(dropped.isEmpty)
        #expect(try Self.validate(text, schema: "sdplint-signaling.schema.json").isEmpty)
    }

    @Test func iceServersValidate() throws {
        let (servers, _) = ICEServerConfiguration.read(
            json: try Fixture(path: "signaling/json/ice-servers.json").bytes())
        let text = ICEServerConfiguration.json(servers.map(\.value))
        #expect(try Self.validate(text, schema: "ice-servers.schema.json").isEmpty)
    }

    /// The schemas reject what the readers reject, so they are not vacuous.
    @Test(arguments: [
        (
            #"{"version":1,"type":"candidate","candidate":"candidate:1 1 udp 1 192.0.2.1 9 typ host"}"#,
            "sdplint-signaling.schema.json"
        ),
        (#"{"version":2,"type":"offer","sdp":"v=0"}"#, "sdplint-signaling.schema.json"),
        (#"{"version":1,"type":"offer"}"#, "sdplint-signaling.schema.json"),
        (#"{"type":"Offer","sdp":"v=0"}"#, "signaling-webrtc.schema.json"),
        (#"{"candidate":"a=candidate:1","sdpMid":"0"}"#, "signaling-webrtc.schema.json"),
        (#"{"candidate":"candidate:1","sdpMLineIndex":-1}"#, "signaling-webrtc.schema.json"),
        (#"{"iceServers":[{"urls":[]}]}"#, "ice-servers.schema.json"),
        (#"{"iceServers":[{"urls":"stun://x"}]}"#, "ice-servers.schema.json"),
    ])
    func schemasRejectBadMessages(_ text: String, _ schema: String) throws {
        #expect(!(try Self.validate(text, schema: schema)).isEmpty)
    }
}
