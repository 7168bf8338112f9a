import Foundation
import SDPLintDiagnostics
import SDPLintICE
import SDPLintJingle
import SDPLintSDP
import SDPLintTestSupport
import Testing

/// Everything this module writes conforms to Schemas/jingle.xsd (and the jingle-*.xsd files it
/// imports), checked with libxml2's XML Schema validator.
@Suite struct SchemaTests {
    static let schemaPath = Fixture.root.deletingLastPathComponent().appendingPathComponent("Schemas/jingle.xsd").path
    static let schema: XMLSchema? = {
        guard let text = try? String(contentsOfFile: schemaPath, encoding: .utf8) else { return nil }
        return try? XMLSchema(text: text, baseURL: schemaPath)
    }()

    func validate(_ stanza: Stanza) throws -> [Diagnostic] {
        let schema = try #require(Self.schema, "Schemas/jingle.xsd does not compile")
        return schema.validate(stanza.serialized())
    }

    @Test func schemaCompiles() throws {
        let text = try String(contentsOfFile: Self.schemaPath, encoding: .utf8)
        _ = try XMLSchema(text: text, baseURL: Self.schemaPath)
    }

    @Test(arguments: RoundTripTests.browserSDPs)
    func everyConversionOfARealSDPIsValid(_ fixture: Fixture) throws {
        let sdp = try SessionDescription(parsing: try fixture.text())
        let (options, _) = RoundTripTests.options(for: fixture)
        let jingle = Jingle.converting(sdp, options: options).jingle
        let findings = try validate(
            .iq(IQ(id: "v1", from: "romeo@montague.lit/orchard", to: "juliet@capulet.lit/balcony", jingle: jingle)))
        #expect(findings.isEmpty, "\(findings.prefix(5))")
    }

    @Test func transportInfoFromTrickledCandidatesIsValid() throws {
        let candidates = try [
            """
            candidate:1 1 udp 2122260223 192.0.2.7 50000 typ host generation 0 ufrag Ab12 network-id 1 \
            network-cost 10
            """,
            "candidate:2 1 tcp 1518280447 192.0.2.7 9 typ host tcptype active generation 0",
            "candidate:3 1 udp 1686052607 198.51.100.1 40000 typ srflx raddr 192.0.2.7 rport 50000",
        ].map { try Candidate(parsing: $0) }
        let info = Jingle.transportInfo(
            sid: "abc",
            candidates: candidates.map {
                TrickleCandidate(mid: "0", candidate: $0, ufrag: "Ab12", pwd: "abcdefghijklmnopqrstuvwx")
            })
        #expect(try validate(.iq(IQ(id: "t1", jingle: info.jingle))).isEmpty)
    }

    /// The hand-made stanzas that hold only what this module writes.
    static let writtenKinds = Fixture.files(in: "jingle", suffix: ".xml").filter {
        !$0.path.contains("/invalid/") && !$0.path.hasSuffix("unknown-elements.xml")
            && !$0.path.hasSuffix("datachannel-xep0343.xml")
    }

    @Test(arguments: writtenKinds)
    func everyActionAndMessageWeWriteIsValid(_ fixture: Fixture) throws {
        let stanza = try #require(Stanza.parse(try fixture.text()).value)
        let findings = try validate(stanza)
        #expect(findings.isEmpty, "\(findings)")
    }

    @Test func reportsViolationsAtTheirLine() throws {
        let schema = try #require(Self.schema)
        let text =
            """
            <iq xmlns='jabber:client' type='set' id='1'>\n<jingle xmlns='urn:xmpp:jingle:1' action='session-start' \
            sid='x'>\n<content creator='initiator' name='0' senders='everyone'/>\n</jingle>\n</iq>
            """
        let findings = schema.validate(text)
        #expect(findings.count == 2)
        #expect(findings.allSatisfy { $0.code.rawValue == "JINGLE108" })
        #expect(findings.map(\.location.line) == [2, 3])
    }

    @Test func importedSchemasApplyToTheirNamespaces() throws {
        let schema = try #require(Self.schema)
        let text = """
            <iq xmlns='jabber:client' type='set' id='1'><jingle xmlns='urn:xmpp:jingle:1' action='transport-info' sid='x'>
            <content creator='initiator' name='0'><transport xmlns='urn:xmpp:jingle:transports:ice-udp:1' ufrag='ab'>
            <candidate component='1' foundation='1' generation='0' id='c1' ip='192.0.2.1' port='1' priority='1' protocol='udp' type='bogus'/>
            </transport></content></jingle></iq>
            """
        let findings = schema.validate(text)
        #expect(findings.map(\.location.line) == [2, 3], "\(findings)")
    }

    @Test func refusesASchemaThatIsNotOne() {
        #expect(throws: XMLSchemaError.self) { try XMLSchema(text: "<notaschema/>") }
        #expect(throws: XMLSchemaError.self) { try XMLSchema(text: "<xs:schema") }
    }
}
