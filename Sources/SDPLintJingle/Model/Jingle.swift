/// A `<jingle/>` element: one action on one session (XEP-0166).
///
/// [XEP-0166 §7.1](https://xmpp.org/extensions/xep-0166.html#protocol-jingle)
/// ```
/// <jingle xmlns='urn:xmpp:jingle:1' action='…' initiator='…' responder='…' sid='…'>
///   <content/>* <reason/>? <group xmlns='urn:xmpp:jingle:apps:grouping:0'/>* other*
/// </jingle>
/// ```
public struct Jingle: Sendable, Hashable {
    /// `action`, required: what this element does to the session.
    public var action: Action
    /// `sid`, required: the session id the initiator chose.
    public var sid: String
    /// `initiator`: the full JID of the party that started the session.
    public var initiator: String?
    /// `responder`: the full JID of the party that accepted it.
    public var responder: String?
    /// The `<content/>` elements, in order.
    public var contents: [Content]
    /// The `<reason/>` of a session-terminate, content-reject, … (XEP-0166 §7.4).
    public var reason: Reason?
    /// XEP-0338 `<group/>` elements, such as a BUNDLE group.
    public var groups: [ContentGroup]
    /// Attributes this model does not know, written back as they were.
    public var extraAttributes: [XMLAttribute]
    /// Other child elements, such as session-info payloads (`<ringing/>`, `<mute/>`), written back
    /// after the known ones.
    public var extraChildren: [XMLTreeElement]

    public init(
        action: Action, sid: String, initiator: String? = nil, responder: String? = nil, contents: [Content] = [],
        reason: Reason? = nil, groups: [ContentGroup] = [], extraAttributes: [XMLAttribute] = [],
        extraChildren: [XMLTreeElement] = []
    ) {
        self.action = action
        self.sid = sid
        self.initiator = initiator
        self.responder = responder
        self.contents = contents
        self.reason = reason
        self.groups = groups
        self.extraAttributes = extraAttributes
        self.extraChildren = extraChildren
    }

    /// A Jingle action (XEP-0166 §7.2): an open vocabulary, so an action defined later is kept.
    public struct Action: RawRepresentable, Sendable, Hashable, ExpressibleByStringLiteral, CustomStringConvertible {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public init(stringLiteral value: String) { self.rawValue = value }
        public var description: String { rawValue }

        public static let contentAccept: Self = "content-accept"
        public static let contentAdd: Self = "content-add"
        public static let contentModify: Self = "content-modify"
        public static let contentReject: Self = "content-reject"
        public static let contentRemove: Self = "content-remove"
        public static let descriptionInfo: Self = "description-info"
        public static let securityInfo: Self = "security-info"
        public static let sessionAccept: Self = "session-accept"
        public static let sessionInfo: Self = "session-info"
        public static let sessionInitiate: Self = "session-initiate"
        public static let sessionTerminate: Self = "session-terminate"
        public static let transportAccept: Self = "transport-accept"
        public static let transportInfo: Self = "transport-info"
        public static let transportReject: Self = "transport-reject"
        public static let transportReplace: Self = "transport-replace"

        /// The actions XEP-0166 §7.2 defines.
        public static let defined: [Self] = [
            .contentAccept, .contentAdd, .contentModify, .contentReject, .contentRemove, .descriptionInfo,
            .securityInfo, .sessionAccept, .sessionInfo, .sessionInitiate, .sessionTerminate, .transportAccept,
            .transportInfo, .transportReject, .transportReplace,
        ]

        /// Whether XEP-0166 defines this action.
        public var isDefined: Bool { Self.defined.contains(self) }
    }
}

/// A party of a Jingle session (XEP-0166 §7.3): a closed set.
public enum Role: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    case initiator
    case responder

    /// The other party.
    public var peer: Role { self == .initiator ? .responder : .initiator }
    public var description: String { rawValue }
}

/// Which parties send media of a content (XEP-0166 §7.3). The values name session roles, not
/// the author of the stanza: "initiator" means the party that sent session-initiate sends.
public enum Senders: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    case both
    case initiator
    case responder
    case none

    /// Whether `role` sends.
    public func includes(_ role: Role) -> Bool {
        switch self {
        case .both: true
        case .none: false
        case .initiator: role == .initiator
        case .responder: role == .responder
        }
    }

    /// The senders value for who sends.
    public init(initiatorSends: Bool, responderSends: Bool) {
        switch (initiatorSends, responderSends) {
        case (true, true): self = .both
        case (true, false): self = .initiator
        case (false, true): self = .responder
        case (false, false): self = .none
        }
    }

    public var description: String { rawValue }
}

extension Jingle {
    /// A `<content/>`: one application and its transport (XEP-0166 §7.3).
    /// ```
    /// <content creator='initiator|responder' name='…' senders='both|initiator|none|responder'
    ///          disposition='session'> <description/>? <transport/>? <security/>? </content>
    /// ```
    public struct Content: Sendable, Hashable {
        /// `creator`, required: the party that added the content; with the name it identifies the
        /// content.
        public var creator: Role
        /// `name`, required: unique per creator; the SDP mid when converted.
        public var name: String
        /// `senders`: who sends; absent means both.
        public var senders: Senders?
        /// `disposition`: how the content is handled; absent means "session" (RFC 2183 values).
        public var disposition: String?
        /// The application format.
        public var description: ApplicationDescription?
        /// The transport method.
        public var transport: TransportMethod?
        /// The `<security/>` element, kept as written (XEP-0166 §7.3).
        public var security: XMLTreeElement?
        public var extraAttributes: [XMLAttribute]
        public var extraChildren: [XMLTreeElement]

        public init(
            creator: Role = .initiator, name: String, senders: Senders? = nil, disposition: String? = nil,
            description: ApplicationDescription? = nil, transport: TransportMethod? = nil,
            security: XMLTreeElement? = nil,
            extraAttributes: [XMLAttribute] = [], extraChildren: [XMLTreeElement] = []
        ) {
            self.creator = creator
            self.name = name
            self.senders = senders
            self.disposition = disposition
            self.description = description
            self.transport = transport
            self.security = security
            self.extraAttributes = extraAttributes
            self.extraChildren = extraChildren
        }

        /// The RTP description, when the application is XEP-0167.
        public var rtp: RTPDescription? {
            if case .rtp(let rtp) = description { return rtp }
            return nil
        }

        /// The ICE-UDP transport, directly or inside a WebRTC data channel transport.
        public var iceUDP: ICEUDPTransport? {
            switch transport {
            case .iceUDP(let transport): transport
            case .webRTCDataChannel(let wrapper): wrapper.iceUDP
            default: nil
            }
        }
    }
}

/// The application format of a content.
public enum ApplicationDescription: Sendable, Hashable {
    /// XEP-0167 RTP.
    case rtp(RTPDescription)
    /// Any other application (file transfer, …), kept as written.
    case other(XMLTreeElement)
}

/// The transport method of a content.
public enum TransportMethod: Sendable, Hashable {
    /// XEP-0176 ICE-UDP.
    case iceUDP(ICEUDPTransport)
    /// The WebRTC data channel transport (`urn:xmpp:jingle:transports:webrtc-datachannel:1`).
    case webRTCDataChannel(WebRTCDataChannelTransport)
    /// XEP-0177 raw UDP.
    case rawUDP(RawUDPTransport)
    /// Any other transport, kept as written.
    case other(XMLTreeElement)
}

extension Jingle {
    /// A `<reason/>`: why a session or content ended or was refused (XEP-0166 §7.4).
    /// ```
    /// <reason> condition <text xml:lang='…'>…</text>? application-specific? </reason>
    /// ```
    public struct Reason: Sendable, Hashable {
        /// The condition element's name; `nil` when the element has none (reported).
        public var condition: Condition?
        /// The session id of `<alternative-session><sid/></alternative-session>`.
        public var alternativeSessionID: String?
        /// Human-readable text.
        public var text: String?
        /// The `xml:lang` of the text.
        public var textLanguage: String?
        /// Application-specific elements (other namespaces), kept as written.
        public var extraChildren: [XMLTreeElement]

        public init(
            _ condition: Condition?, text: String? = nil, textLanguage: String? = nil,
            alternativeSessionID: String? = nil, extraChildren: [XMLTreeElement] = []
        ) {
            self.condition = condition
            self.text = text
            self.textLanguage = textLanguage
            self.alternativeSessionID = alternativeSessionID
            self.extraChildren = extraChildren
        }

        /// A reason condition (XEP-0166 §7.4), an open vocabulary.
        public struct Condition: RawRepresentable, Sendable, Hashable, ExpressibleByStringLiteral,
            CustomStringConvertible
        {
            public let rawValue: String
            public init(rawValue: String) { self.rawValue = rawValue }
            public init(stringLiteral value: String) { self.rawValue = value }
            public var description: String { rawValue }

            public static let alternativeSession: Self = "alternative-session"
            public static let busy: Self = "busy"
            public static let cancel: Self = "cancel"
            public static let connectivityError: Self = "connectivity-error"
            public static let decline: Self = "decline"
            public static let expired: Self = "expired"
            public static let failedApplication: Self = "failed-application"
            public static let failedTransport: Self = "failed-transport"
            public static let generalError: Self = "general-error"
            public static let gone: Self = "gone"
            public static let incompatibleParameters: Self = "incompatible-parameters"
            public static let mediaError: Self = "media-error"
            public static let securityError: Self = "security-error"
            public static let success: Self = "success"
            public static let timeout: Self = "timeout"
            public static let unsupportedApplications: Self = "unsupported-applications"
            public static let unsupportedTransports: Self = "unsupported-transports"

            public static let defined: [Self] = [
                .alternativeSession, .busy, .cancel, .connectivityError, .decline, .expired, .failedApplication,
                .failedTransport, .generalError, .gone, .incompatibleParameters, .mediaError, .securityError, .success,
                .timeout, .unsupportedApplications, .unsupportedTransports,
            ]
        }
    }
}

extension Jingle {
    /// An XEP-0338 `<group semantics='…'><content name='…'/>…</group>`: the SDP `a=group`.
    public struct ContentGroup: Sendable, Hashable {
        /// The grouping semantics, as in SDP: "BUNDLE", "LS", …
        public var semantics: String
        /// The names of the grouped contents, in order.
        public var contents: [String]
        public var extraAttributes: [XMLAttribute]
        public var extraChildren: [XMLTreeElement]

        public init(
            semantics: String, contents: [String], extraAttributes: [XMLAttribute] = [],
            extraChildren: [XMLTreeElement] = []
        ) {
            self.semantics = semantics
            self.contents = contents
            self.extraAttributes = extraAttributes
            self.extraChildren = extraChildren
        }
    }
}
