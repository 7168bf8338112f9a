import PropertyBased
import SDPLintDiagnostics
import SDPLintICE
import SDPLintSDP
import Testing

/// Descriptions and candidates drawn from the RFC 8866 and RFC 8839 grammars read without
/// errors, print back byte for byte, and read back to the same model.
@Suite struct SDPProperties {
    @Test func grammaticalDescriptionsParseWithoutErrors() async {
        await propertyCheck(count: iterations, input: SDPGrammar.sessions) { session in
            let result = SessionDescription.parse(session.text)
            #expect(result.diagnostics.filter { $0.severity == .error } == [], "\(session.text)")
            #expect(result.value.media.count == session.sections.count)
        }
    }

    @Test func serializingWhatWasParsedGivesTheInputBack() async {
        await propertyCheck(count: iterations, input: SDPGrammar.sessions) { session in
            let parsed = SessionDescription.parse(session.text).value
            #expect(parsed.serialized() == session.text)
            // Written from the model, not copied from the kept input: any edit drops that.
            var written = parsed
            written.lineEnding = parsed.lineEnding
            #expect(written.serialized() == session.text)
        }
    }

    /// parse(serialize(parse(x))) == parse(x).
    @Test func parsingTheSerializationGivesTheSameModel() async {
        await propertyCheck(count: iterations, input: SDPGrammar.sessions) { session in
            let once = SessionDescription.parse(session.text).value
            let twice = SessionDescription.parse(once.serialized()).value
            #expect(twice == once, "\(session.text)")
        }
    }

    /// The canonical form is valid, and formatting it again changes nothing.
    @Test func formattingIsValidAndIdempotent() async {
        await propertyCheck(count: iterations, input: SDPGrammar.sessions) { session in
            let formatted = SessionDescription.parse(session.text).value.formatted().serialized()
            let reread = SessionDescription.parse(formatted)
            #expect(!reread.hasErrors, "\(formatted)")
            #expect(reread.value.formatted().serialized() == formatted)
        }
    }

    @Test func grammaticalCandidatesParseAndPrintBack() async {
        await propertyCheck(count: iterations, input: SDPGrammar.candidates) { text in
            let parsedCandidate = Candidate.parse(text)
            let (candidate, diagnostics) = (parsedCandidate.value, parsedCandidate.diagnostics)
            #expect(diagnostics.filter { $0.severity == .error } == [], "\(text)")
            guard let candidate else {
                Issue.record("no candidate from \(text)")
                return
            }
            #expect(candidate.description == text)
            // The canonical form is a candidate too, with the same fields.
            let canonical = candidate.canonicalized()
            let reread = Candidate.parse(canonical.description).value
            #expect(reread == canonical, "\(canonical.description)")
            #expect(
                reread?.port == candidate.port && reread?.priority == candidate.priority
                    && reread?.kind == candidate.kind)
        }
    }

    @Test func sectionLevelCandidatesAreTheOnesWritten() async {
        await propertyCheck(count: iterations, input: SDPGrammar.sessions) { session in
            let parsed = SessionDescription.parse(session.text).value
            for (section, drawn) in zip(parsed.media, session.sections) {
                let written = drawn.attributes.filter { $0.hasPrefix("candidate:") }.map {
                    String($0.dropFirst("candidate:".count))
                }
                #expect(section.candidates.map(\.description) == written)
                #expect(section.mid == drawn.mid)
                #expect(
                    section.payloadTypes == drawn.codecs.map(\.payloadType) + drawn.otherFormats.compactMap { Int($0) })
            }
        }
    }
}
