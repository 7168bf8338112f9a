/// A SIP request method: an open vocabulary, so an extension method never breaks a `switch`.
///
/// Methods are case-sensitive (RFC 3261 §7.1): `invite` is an unknown method, not `INVITE`.
///
/// [RFC 3261 §25.1](https://www.rfc-editor.org/rfc/rfc3261#section-25.1)
/// ```
/// Method            =  INVITEm / ACKm / OPTIONSm / BYEm / CANCELm / REGISTERm / extension-method
/// extension-method  =  token
/// ```
public struct SIPMethod: Sendable, Hashable, CustomStringConvertible, ExpressibleByStringLiteral {
    /// The method name as written.
    public let rawValue: String

    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }

    public var description: String { rawValue }

    public static let invite = SIPMethod("INVITE")
    public static let ack = SIPMethod("ACK")
    public static let bye = SIPMethod("BYE")
    public static let cancel = SIPMethod("CANCEL")
    public static let options = SIPMethod("OPTIONS")
    public static let register = SIPMethod("REGISTER")
    /// RFC 3262.
    public static let prack = SIPMethod("PRACK")
    /// RFC 6665.
    public static let subscribe = SIPMethod("SUBSCRIBE")
    /// RFC 6665.
    public static let notify = SIPMethod("NOTIFY")
    /// RFC 3903.
    public static let publish = SIPMethod("PUBLISH")
    /// RFC 6086; carries trickled ICE candidates (RFC 8840).
    public static let info = SIPMethod("INFO")
    /// RFC 3515.
    public static let refer = SIPMethod("REFER")
    /// RFC 3428.
    public static let message = SIPMethod("MESSAGE")
    /// RFC 3311.
    public static let update = SIPMethod("UPDATE")

    /// The methods of the IANA "SIP Methods" registry.
    public static let registered: Set<SIPMethod> = [
        invite, ack, bye, cancel, options, register, prack, subscribe, notify, publish, info, refer, message, update,
    ]

    /// Whether the method is in ``registered``.
    public var isRegistered: Bool { Self.registered.contains(self) }
}
