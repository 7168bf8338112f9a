import SDPLint
import SDPLintDiagnostics
import SDPLintInput
import SDPLintJingle
import SDPLintReporting
import SDPLintSDP
import SDPLintWebRTC

extension FuzzTarget {
    /// An XMPP stanza carrying Jingle (XEP-0166 and its RTP, ICE-UDP, DTLS, grouping and
    /// message-initiation extensions), read by libxml2 with DTDs and entities refused: the
    /// stanza model, its conversion to SDP and back, and `sdplint check` on XML. A stanza read
    /// without errors is written and must read back, without errors, to the same stanza.
    ///
    /// The reader refuses any document type declaration before libxml2 sees an entity, so XXE
    /// and entity expansion (billion laughs) cost one scan; the seeds include both.
    static let jingle = FuzzTarget(
        name: "jingle",
        summary:
            """
            Stanza.parse (lenient, strict), Jingle→SDP→Jingle, Linter.check on XML; a stanza without errors \
            written and read back
            """,
        dictionary: "xml",
        seeds: [SeedSource("jingle", [".xml"]), SeedSource("corpus/jingle", [".xml"])],
        maxLength: 32 << 10
    ) { input in
        let result = Stanza.parse(bytes: input)
        _ = Stanza.parse(bytes: input, options: .strict)
        var violations = misplaced(result.diagnostics, in: input)
        _ = Linter.check(input, path: "fuzz.xml", kind: .xml)
        guard let stanza = result.value else { return violations }
        if let jingle = stanza.jingle {
            for options in [SDPConversionOptions.offer, .answer] {
                let converted = SessionDescription.converting(jingle, options: options)
                let text = converted.description.serialized()
                touchTypedViews(SessionDescription.parse(text).value)
                let back = Jingle.converting(converted.description, options: options == .offer ? .offer : .answer)
                _ = back.jingle.serialized()
            }
        }
        guard !result.hasErrors else { return violations }
        let written = stanza.serialized()
        let again = Stanza.parse(written)
        if let error = again.diagnostics.first(where: { $0.severity == .error }) {
            violations.append(Violation("the written stanza has an error the input had not: \(error)"))
        } else if again.value != stanza {
            violations.append(Violation("the written stanza reads back to a different stanza"))
        }
        return violations
    }
}
