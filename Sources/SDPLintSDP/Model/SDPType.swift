/// What role a description plays in the offer/answer exchange (RFC 3264; the `type` of
/// `RTCSessionDescriptionInit`, JSEP §4.1.8). The SDP text itself does not say.
public enum SDPType: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    case offer
    case answer
    /// A provisional answer (JSEP §4.1.8.1), such as SIP's early media.
    case pranswer
    /// Cancels a pending offer; carries no description.
    case rollback

    public var description: String { rawValue }
}
