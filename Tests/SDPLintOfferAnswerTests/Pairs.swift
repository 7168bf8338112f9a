import Foundation
import SDPLintOfferAnswer
import SDPLintTestSupport
import Testing

/// An offer and its answer from the fixtures, named by the files.
struct Pair: CustomTestStringConvertible, Sendable, CustomStringConvertible {
    let offer: Fixture
    let answer: Fixture

    var testDescription: String { "\(offer.path) → \(answer.path.split(separator: "/").last ?? "")" }
    var description: String { testDescription }

    func sources() throws -> (offer: SDPSource, answer: SDPSource) {
        (SDPSource(name: offer.path, bytes: try offer.bytes()), SDPSource(name: answer.path, bytes: try answer.bytes()))
    }

    func analyze() throws -> NegotiationReport {
        let (offer, answer) = try sources()
        return Negotiation.analyze(offer: offer, answer: answer)
    }

    /// Every real offer/answer pair of the capture corpus: same-browser pairs, cross pairs
    /// (with the answer as created and, where captured, after gathering), aiortc, and the SIP
    /// bodies of SIPp, baresip and linphone calls.
    static let real: [Pair] = {
        var pairs: [Pair] = []
        let suffix = ".offer.sdp"
        for folder in ["corpus/chromium", "corpus/firefox", "corpus/aiortc", "corpus/cross"] {
            for offer in Fixture.files(in: folder, suffix: suffix) {
                let stem = String(offer.path.dropLast(suffix.count))
                for kind in [".answer.sdp", ".answer-gathered.sdp"] {
                    let answer = Fixture(path: stem + kind)
                    if FileManager.default.fileExists(atPath: answer.url.path) {
                        pairs.append(Pair(offer: offer, answer: answer))
                    }
                }
            }
        }
        for folder in ["corpus/sipp", "corpus/baresip"] {
            for offer in Fixture.files(in: folder, suffix: ".01-request-invite.body.sdp") {
                let stem = String(offer.path.dropLast(".01-request-invite.body.sdp".count))
                let answer = Fixture(path: stem + ".04-response-200-invite.body.sdp")
                if FileManager.default.fileExists(atPath: answer.url.path) {
                    pairs.append(Pair(offer: offer, answer: answer))
                }
            }
        }
        for offer in Fixture.files(in: "corpus/linphone", suffix: "01-request-invite.body.sdp") {
            let folder = String(offer.path.dropLast("01-request-invite.body.sdp".count))
            let answer = Fixture(path: folder + "03-response-200-invite.body.sdp")
            if FileManager.default.fileExists(atPath: answer.url.path) {
                pairs.append(Pair(offer: offer, answer: answer))
            }
        }
        return pairs
    }()

    /// The pair of a scenario in `corpus/<folder>`.
    static func corpus(_ stem: String, answer kind: String = "answer") -> Pair {
        Pair(offer: Fixture(path: "corpus/\(stem).offer.sdp"), answer: Fixture(path: "corpus/\(stem).\(kind).sdp"))
    }
}
