public import SDPLintDiagnostics

/// What a conversion between SDP and Jingle can drop; each kind has a rule.
extension DroppedItem.Item {
    /// A session-level line with no Jingle form: o=, s=, i=, u=, e=, p=, t=, r=, z=, k=, a
    /// session b=, or a line the SDP parser could not place.
    public static let sessionField: Self = "session-field"
    /// An attribute line with no Jingle form.
    public static let attribute: Self = "attribute"
    /// An m= port, a c= address or an a=rtcp line: the default candidate.
    public static let transportAddress: Self = "transport-address"
    /// The m= line itself changes: its port, protocol or a format that is not a payload type.
    /// `DroppedItem.surviving` holds the m= line the round trip gives back.
    public static let mediaLine: Self = "media-line"
    /// Extension attributes of an a=candidate line.
    public static let candidateExtension: Self = "candidate-extension"
    /// Part of an attribute (rid restrictions, a second b= line, …).
    public static let part: Self = "part"
    /// A whole media section.
    public static let section: Self = "section"
    /// Something of the Jingle element that SDP cannot carry.
    public static let jingleElement: Self = "jingle-element"

    /// The rule a finding about this item reports.
    var jingleRule: Rule {
        switch self {
        case .sessionField: JingleRules.droppedSessionField
        case .transportAddress, .mediaLine: JingleRules.droppedTransportAddress
        case .candidateExtension: JingleRules.droppedCandidateExtension
        case .part: JingleRules.droppedPart
        case .section: JingleRules.droppedSection
        case .jingleElement: JingleRules.droppedJingleElement
        default: JingleRules.droppedAttribute
        }
    }
}
