/// An XMPP stanza that carries Jingle: an `<iq>` with a `<jingle/>` action, or a `<message>`
/// with a Jingle Message Initiation element.
public enum Stanza: Sendable, Hashable {
    case iq(IQ)
    case message(Message)

    /// The Jingle element of an iq.
    public var jingle: Jingle? {
        if case .iq(let iq) = self { return iq.jingle }
        return nil
    }
}

/// An `<iq/>` stanza (RFC 6120 §8.2.3). Jingle actions are `type='set'` (XEP-0166 §7).
public struct IQ: Sendable, Hashable {
    /// The stanza namespace: jabber:client, jabber:server, or `nil` for an element without one
    /// (as slixmpp prints a stanza on its own).
    public var namespace: String?
    /// `type`: "set", "get", "result" or "error".
    public var type: String
    public var id: String?
    public var from: String?
    public var to: String?
    /// The `<jingle/>` payload.
    public var jingle: Jingle?
    public var extraAttributes: [XMLAttribute]
    /// Other payloads (an `<error/>`, …), kept as written.
    public var extraChildren: [XMLTreeElement]

    public init(
        namespace: String? = JingleNamespace.client, type: String = "set", id: String? = nil, from: String? = nil,
        to: String? = nil,
        jingle: Jingle? = nil, extraAttributes: [XMLAttribute] = [], extraChildren: [XMLTreeElement] = []
    ) {
        self.namespace = namespace
        self.type = type
        self.id = id
        self.from = from
        self.to = to
        self.jingle = jingle
        self.extraAttributes = extraAttributes
        self.extraChildren = extraChildren
    }
}

/// A `<message/>` stanza (RFC 6120 §8.2.1) carrying XEP-0353 Jingle Message Initiation.
public struct Message: Sendable, Hashable {
    public var namespace: String?
    public var type: String?
    public var id: String?
    public var from: String?
    public var to: String?
    /// The `<propose/>`, `<proceed/>`, … element.
    public var initiation: MessageInitiation?
    public var extraAttributes: [XMLAttribute]
    /// Other children (`<store xmlns='urn:xmpp:hints'/>`, a body, …), kept as written.
    public var extraChildren: [XMLTreeElement]

    public init(
        namespace: String? = JingleNamespace.client, type: String? = "chat", id: String? = nil, from: String? = nil,
        to: String? = nil,
        initiation: MessageInitiation? = nil, extraAttributes: [XMLAttribute] = [], extraChildren: [XMLTreeElement] = []
    ) {
        self.namespace = namespace
        self.type = type
        self.id = id
        self.from = from
        self.to = to
        self.initiation = initiation
        self.extraAttributes = extraAttributes
        self.extraChildren = extraChildren
    }
}

/// An XEP-0353 Jingle Message Initiation element: `<propose/>`, `<ringing/>`, `<proceed/>`,
/// `<accept/>`, `<reject/>`, `<retract/>` or `<finish/>`, all with the session id.
///
/// [XEP-0353 §3](https://xmpp.org/extensions/xep-0353.html#protocol)
public struct MessageInitiation: Sendable, Hashable {
    public var action: Action
    /// `id`, required: the Jingle sid the session will have.
    public var id: String
    /// The application descriptions a `<propose/>` offers.
    public var descriptions: [ApplicationDescription]
    /// The `<reason/>` of a reject, retract or finish.
    public var reason: Jingle.Reason?
    /// `<tie-break/>` in a reject or retract (XEP-0353 §3.4).
    public var tieBreak: Bool
    /// `<migrated to='…'/>` in a finish.
    public var migratedTo: String?
    public var extraAttributes: [XMLAttribute]
    public var extraChildren: [XMLTreeElement]

    public init(
        action: Action, id: String, descriptions: [ApplicationDescription] = [], reason: Jingle.Reason? = nil,
        tieBreak: Bool = false,
        migratedTo: String? = nil, extraAttributes: [XMLAttribute] = [], extraChildren: [XMLTreeElement] = []
    ) {
        self.action = action
        self.id = id
        self.descriptions = descriptions
        self.reason = reason
        self.tieBreak = tieBreak
        self.migratedTo = migratedTo
        self.extraAttributes = extraAttributes
        self.extraChildren = extraChildren
    }

    /// The element name: an open vocabulary.
    public struct Action: RawRepresentable, Sendable, Hashable, ExpressibleByStringLiteral, CustomStringConvertible {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public init(stringLiteral value: String) { self.rawValue = value }
        public var description: String { rawValue }

        public static let propose: Self = "propose"
        public static let ringing: Self = "ringing"
        public static let proceed: Self = "proceed"
        public static let accept: Self = "accept"
        public static let reject: Self = "reject"
        public static let retract: Self = "retract"
        public static let finish: Self = "finish"

        public static let defined: [Self] = [.propose, .ringing, .proceed, .accept, .reject, .retract, .finish]
    }
}
