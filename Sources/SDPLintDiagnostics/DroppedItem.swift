/// Something a conversion could not carry into its target, and why.
///
/// A conversion never loses anything silently: each loss is one of these, so that a user is
/// warned and a test can check that reading the output back gives the input less exactly these
/// items. Conversions between messages name the message (``messageIndex``); conversions of a
/// session description name the place in it (``scope``) and the line (``text``).
public struct DroppedItem: Sendable, Hashable, CustomStringConvertible {
    /// What was dropped: an open vocabulary, compared by name. The modules that convert declare
    /// the items they drop (a message field, an SDP line, a Jingle element).
    public struct Item: Sendable, Hashable, CustomStringConvertible, ExpressibleByStringLiteral {
        public let name: String
        public init(_ name: String) { self.name = name }
        public init(stringLiteral value: String) { name = value }
        public var description: String { name }

        /// A whole message: the target has no way to say it (a candidate in a bare SDP, a
        /// rollback in SIP).
        public static let message: Item = "message"
    }

    /// Where in a session description (or the Jingle element that maps to one).
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

    /// The 0-based index of the message in the sequence converted, when it is part of one.
    public var messageIndex: Int?
    /// Where in a session description, when it is part of one.
    public var scope: Scope?
    public var item: Item
    /// The line as written (`a=ice-options:trickle`), or the XML of a Jingle element, when the
    /// item is one.
    public var text: String?
    /// What comes back instead after a round trip, when part of it survives (the candidate
    /// without its dropped extensions, the m= line with port 9); `nil` when nothing does.
    public var surviving: String?
    /// A sentence saying why it cannot be carried.
    public var reason: String

    public init(
        messageIndex: Int? = nil, scope: Scope? = nil, item: Item, text: String? = nil, surviving: String? = nil,
        reason: String
    ) {
        self.messageIndex = messageIndex
        self.scope = scope
        self.item = item
        self.text = text
        self.surviving = surviving
        self.reason = reason
    }

    /// The same item, as part of the message at `index` of a sequence.
    public func inMessage(_ index: Int) -> DroppedItem {
        var copy = self
        copy.messageIndex = index
        return copy
    }

    /// `message 2: m-section 1 (mid 1): a=rtcp-rsize: no XEP carries …`, `message 3: sdpMLineIndex: …`.
    public var description: String {
        var parts: [String] = []
        if let messageIndex { parts.append("message \(messageIndex + 1)") }
        if let scope { parts.append(scope.description) }
        if let text {
            parts.append(surviving.map { "\(text) (becomes \($0))" } ?? text)
        } else {
            parts.append(item.name)
        }
        return (parts + [reason]).joined(separator: ": ")
    }
}
