import SDPLintDiagnostics
import SDPLintJingle
import SDPLintTestSupport
import Testing

/// Real slixmpp output (Fixtures/corpus/jingle): lossy and odd, so parser input only.
@Suite struct CorpusStanzaTests {
    static let stanzas = Fixture.files(in: "corpus/jingle", suffix: ".xml")

    @Test(arguments: stanzas)
    func parsesWithoutErrorsAndRoundTrips(_ fixture: Fixture) throws {
        let result = Stanza.parse(try fixture.text())
        let errors = result.diagnostics.filter { $0.severity == .error }
        // slixmpp writes RED's fmtp as a <parameter> without a name: reported, and read.
        #expect(
            errors.allSatisfy { $0.code.rawValue == "JINGLE201" && $0.message.contains("<parameter> has no 'name'") },
            "\(errors)")
        let stanza = try #require(result.value)
        let jingle = try #require(stanza.jingle)
        #expect(jingle.action == (fixture.path.contains(".answer.") ? .sessionAccept : .sessionInitiate))
        #expect(!jingle.contents.isEmpty)
        let again = Stanza.parse(stanza.serialized())
        #expect(!again.hasErrors, "\(again.diagnostics)")
        #expect(again.value == stanza)
    }
}
