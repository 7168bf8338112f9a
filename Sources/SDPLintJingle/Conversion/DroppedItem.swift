public import SDPLintDiagnostics

/// Something a conversion between SDP and Jingle could not carry: which section, which line
/// (or part of it), and why. A conversion never loses anything silently; what it drops is listed
/// as one of these.
public struct DroppedItem: Sendable, Hashable, CustomStringConvertible {
    /// Where the dropped thing was.
    public enum Scope: Sendable, Hashable, CustomStringConvertible {
        /// The session level of the SDP, or the `<jingle/>` element.
        case session
        /// A media section of the SDP or a content of the Jingle element, by index, with its mid
        /// (the content name) when it has one.
        case media(index: Int, mid: String?)

        public var description: String {
            switch self {
            case .session: "session"
            case .media(let index, let mid): mid.map { "m-section \(index) (mid \($0))" } ?? "m-section \(index)"
            }
        }
    }

    /// What kind of thing was dropped. An open vocabulary; each kind has a rule.
    public struct Kind: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// A session-level line with no Jingle form: o=, s=, i=, u=, e=, p=, t=, r=, z=, k=, a
        /// session b=, or a line the SDP parser could not place.
        public static let sessionField = Kind(rawValue: "session-field")
        /// An attribute line with no Jingle form.
        public static let attribute = Kind(rawValue: "attribute")
        /// An m= port, a c= address or an a=rtcp line: the default candidate.
        public static let transportAddress = Kind(rawValue: "transport-address")
        /// The m= line itself changes: its port, protocol or a format that is not a payload type.
        /// `surviving` holds the m= line the round trip gives back.
        public static let mediaLine = Kind(rawValue: "media-line")
        /// Extension attributes of an a=candidate line.
        public static let candidateExtension = Kind(rawValue: "candidate-extension")
        /// Part of an attribute (rid restrictions, a second b= line, …).
        public static let part = Kind(rawValue: "part")
        /// A whole media section.
        public static let section = Kind(rawValue: "section")
        /// Something of the Jingle element that SDP cannot carry.
        public static let jingleElement = Kind(rawValue: "jingle-element")

        /// The rule a finding about this kind reports.
        public var rule: Rule {
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

    public var scope: Scope
    public var kind: Kind
    /// The line as written (`a=ice-options:trickle`, `o=- 1 2 IN IP4 127.0.0.1`), or for a
    /// Jingle item the XML of the element.
    public var text: String
    /// What comes back instead after SDP → Jingle → SDP, when part of the line survives (the
    /// candidate without its dropped extensions, the rid without its restrictions, the m= line
    /// with port 9); `nil` when nothing does.
    public var surviving: String?
    /// Why it cannot be carried.
    public var reason: String

    public init(scope: Scope, kind: Kind, text: String, surviving: String? = nil, reason: String) {
        self.scope = scope
        self.kind = kind
        self.text = text
        self.surviving = surviving
        self.reason = reason
    }

    /// `m-section 1 (mid 1): a=rtcp-rsize: no XEP carries …`.
    public var description: String {
        var text = "\(scope): \(self.text)"
        if let surviving { text += " (becomes \(surviving))" }
        return text + ": " + reason
    }
}
