import PropertyBased
import SDPLintDiagnostics
import SDPLintICE
import SDPLintSDP
import SDPLintTestSupport
import Testing

/// Edits through the SDP editing API keep a valid description valid.
@Suite struct EditingProperties {
    /// One edit of the API, drawn at random and applied to a random section.
    static func edit(_ description: inout SessionDescription, using rng: inout some RandomNumberGenerator) -> String {
        guard !description.media.isEmpty else {
            description.setBandwidth(UInt64.random(in: 0...1_000_000, using: &rng), type: "AS")
            return "session bandwidth"
        }
        let index = Int.random(in: 0..<description.media.count, using: &rng)
        var section = description.media[index]
        defer { description.media[index] = section }
        let types = section.payloadTypes
        switch Int.random(in: 0..<11, using: &rng) {
        case 0 where types.count > 1:
            // Removing the last format would leave an m= line without formats (documented).
            let type = SDPGrammar.pick(types, using: &rng)
            section.removeCodec(payloadType: type)
            if section.payloadTypes.isEmpty { section = description.media[index] }
            return "removeCodec(\(type))"
        case 1:
            let order = types.shuffled(using: &rng)
            section.reorderCodecs(Array(order.prefix(Int.random(in: 0...order.count, using: &rng))))
            return "reorderCodecs"
        case 2:
            let names = section.codecs.map(\.name).shuffled(using: &rng)
            section.preferCodecs(named: Array(names.prefix(2)))
            return "preferCodecs"
        case 3:
            section.direction = SDPGrammar.pick(Direction.allCases.map(Optional.some) + [nil], using: &rng)
            return "direction"
        case 4:
            section.setBandwidth(
                SDPGrammar.chance(0.8, using: &rng) ? UInt64.random(in: 0...10_000_000, using: &rng) : nil,
                type: SDPGrammar.pick(["AS", "TIAS"], using: &rng))
            return "setBandwidth"
        case 5:
            if let candidate = Candidate.parse(SDPGrammar.candidate(component: 1, using: &rng)).value {
                section.addCandidate(candidate)
            }
            return "addCandidate"
        case 6:
            let port = UInt16.random(in: 0...UInt16.max, using: &rng)
            _ = section.removeCandidates { $0.port < port }
            return "removeCandidates"
        case 7:
            section.setAttribute(SDPGrammar.pick([Setup.active, .passive, .actpass], using: &rng))
            return "setAttribute(Setup)"
        case 8:
            section.addAttribute(PTime(milliseconds: Double(Int.random(in: 1...120, using: &rng))))
            _ = section.removeAttributes(named: "ptime")
            section.addAttribute(MaxPTime(milliseconds: Double(Int.random(in: 1...120, using: &rng))))
            return "ptime, maxptime"
        case 9:
            _ = section.removeAttributes(
                named: SDPGrammar.pick(
                    ["rtcp-rsize", "extmap", "ssrc", "msid", "end-of-candidates", "ice-options"], using: &rng))
            return "removeAttributes"
        default:
            section.addAttribute(
                Attribute(name: "x-note", value: SDPGrammar.string(SDPGrammar.alphanumerics, 1...12, using: &rng)))
            return "addAttribute(x-note)"
        }
    }

    static let editedSessions = Generator<(SDPGrammar.Session, UInt64), Shrink.None<(SDPGrammar.Session, UInt64)>> {
        rng in
        (SDPGrammar.session(using: &rng), UInt64.random(in: 0...UInt64.max, using: &rng))
    }

    @Test func randomEditsKeepTheDescriptionValid() async {
        await propertyCheck(count: iterations, input: Self.editedSessions) { session, seed in
            var description = SessionDescription.parse(session.text).value
            var rng = SeededGenerator(seed: seed)
            var applied: [String] = []
            for _ in 0..<Int.random(in: 1...8, using: &rng) {
                applied.append(Self.edit(&description, using: &rng))
            }
            let text = description.serialized()
            let reread = SessionDescription.parse(text)
            let errors = reread.diagnostics.filter { $0.severity == .error }
            #expect(errors == [], "after \(applied.joined(separator: ", ")):\n\(text)")
            // What was edited reads back as the same model.
            #expect(reread.value.serialized() == text)
        }
    }
}
