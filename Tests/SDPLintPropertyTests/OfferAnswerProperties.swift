import PropertyBased
import SDPLintOfferAnswer
import SDPLintSDP
import Testing

/// The offer/answer analysis never reports as negotiated a codec that one side does not have.
@Suite struct OfferAnswerProperties {
    /// An answer made from an offer as RFC 3264 §6.1 allows: each RTP section keeps a random
    /// subset of the offered codecs in a random order, with the offer's payload types; the
    /// direction is answered, some sections are rejected.
    static func answer(to offer: SDPGrammar.Session, using rng: inout some RandomNumberGenerator) -> SDPGrammar.Session
    {
        var answer = offer
        answer.attributes = offer.attributes.filter { !$0.hasPrefix("ice-options") }
        for index in answer.sections.indices {
            var section = answer.sections[index]
            if !section.codecs.isEmpty {
                var kept = section.codecs.shuffled(using: &rng)
                kept = Array(kept.prefix(Int.random(in: 1...kept.count, using: &rng)))
                // An RTX format stays only with the codec it repairs.
                let types = Set(kept.map(\.payloadType))
                kept.removeAll { codec in
                    codec.name == "rtx" && !types.contains(Int(codec.fmtp?.dropFirst(4) ?? "") ?? -1)
                }
                section.codecs = kept.isEmpty ? [section.codecs[0]] : kept
                if section.codecs.count == 1 && section.codecs[0].name == "rtx" {
                    section.codecs = [offer.sections[index].codecs.first { $0.name != "rtx" } ?? section.codecs[0]]
                }
                section.attributes = section.attributes.map { attribute in
                    switch attribute {
                    case "sendonly": "recvonly"
                    case "recvonly": "sendonly"
                    default: attribute
                    }
                }
            }
            section.attributes = section.attributes.map { $0 == "setup:actpass" ? "setup:active" : $0 }
            if SDPGrammar.chance(0.1, using: &rng) { section.port = 0 }
            answer.sections[index] = section
        }
        return answer
    }

    static let pairs = Generator<
        (SDPGrammar.Session, SDPGrammar.Session), Shrink.None<(SDPGrammar.Session, SDPGrammar.Session)>
    > { rng in
        let offer = SDPGrammar.session(using: &rng)
        return (offer, answer(to: offer, using: &rng))
    }

    @Test func negotiatedCodecsAreOnBothSides() async {
        await propertyCheck(count: iterations, input: Self.pairs) { offer, answer in
            let report = Negotiation.analyze(
                offer: SDPSource(name: "offer.sdp", text: offer.text),
                answer: SDPSource(name: "answer.sdp", text: answer.text))
            for (section, (offered, answered)) in zip(report.sections, zip(offer.sections, answer.sections)) {
                for codec in section.codecs where codec.status == .negotiated {
                    let inOffer = offered.codecs.first { $0.payloadType == codec.offerPayloadType }
                    let inAnswer = answered.codecs.first { $0.payloadType == codec.answerPayloadType }
                    #expect(
                        inOffer != nil && inAnswer != nil,
                        "\(codec) in section \(section.index)\n\(offer.text)\n\(answer.text)")
                    #expect(
                        inOffer?.name.lowercased() == codec.name.lowercased()
                            && inAnswer?.name.lowercased() == codec.name.lowercased(), "\(codec)")
                    #expect(!section.rejected)
                }
            }
        }
    }

    /// Answering with the offer's own codecs, in the offer's order, negotiates every one.
    @Test func anAnswerEqualToTheOfferNegotiatesEveryCodec() async {
        await propertyCheck(count: iterations, input: SDPGrammar.sessions) { offer in
            let report = Negotiation.analyze(
                offer: SDPSource(name: "offer.sdp", text: offer.text),
                answer: SDPSource(name: "answer.sdp", text: offer.text))
            for (section, drawn) in zip(report.sections, offer.sections) where drawn.port != 0 {
                let negotiated = Set(section.codecs.filter { $0.status == .negotiated }.compactMap(\.offerPayloadType))
                #expect(negotiated == Set(drawn.codecs.map(\.payloadType)), "\(section.codecs)")
            }
        }
    }
}
