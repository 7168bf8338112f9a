/// The direction of a media stream, from the point of view of the description's author.
///
/// [RFC 8866 §6.7](https://www.rfc-editor.org/rfc/rfc8866#section-6.7); the answer rules are in
/// [RFC 3264 §6.1](https://www.rfc-editor.org/rfc/rfc3264#section-6.1).
public enum Direction: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    case sendrecv
    case sendonly
    case recvonly
    case inactive

    /// Whether the author sends media.
    public var sends: Bool { self == .sendrecv || self == .sendonly }
    /// Whether the author receives media.
    public var receives: Bool { self == .sendrecv || self == .recvonly }

    public init(sends: Bool, receives: Bool) {
        switch (sends, receives) {
        case (true, true): self = .sendrecv
        case (true, false): self = .sendonly
        case (false, true): self = .recvonly
        case (false, false): self = .inactive
        }
    }

    /// The same stream seen from the other side: sendonly becomes recvonly and vice versa.
    public var reversed: Direction { Direction(sends: receives, receives: sends) }

    public var description: String { rawValue }

    /// The property attribute that states this direction.
    public var attributeName: Attribute.Name { Attribute.Name(rawValue) }
}
