import SDPLintDiagnostics
import SDPLintICE
import SDPLintJSON
import SDPLintOfferAnswer
import SDPLintSDP

/// One answered offer of a session, as the checks of a trace saw it: the two descriptions, what
/// their negotiation settled, and what was found. `check --format features` writes one row for
/// each (``FeatureTable``).
struct Exchange: Sendable {
    /// One of the two descriptions.
    struct Side: Sendable {
        /// Where it is in the input (`message 3 at 3:1, SDP`, a frame of a capture).
        var context: String
        /// The line of the input its message starts on, when it was read from signaling messages.
        var line: Int?
        /// Its message's own `id` member.
        var id: JSONValue?
        var sdp: SessionDescription
        /// The codes of its own findings (its text, the WebRTC rules, the profiles), in order.
        var codes: [Rule.Code]
    }

    /// How reports name the session: `session s12`, `Call-ID a84b4c76e66710`.
    var session: String
    /// The page or peer the session belongs to, when the input says (a browser dump's URL).
    var origin: String?
    var offer: Side
    var answer: Side
    var negotiation: NegotiationReport
    /// The findings of the exchange itself (offer/answer and renegotiation rules), configured.
    var findings: [Diagnostic]
    /// The candidates the session trickled since its previous exchange, by type and scope.
    var trickled: [Candidate]
}
