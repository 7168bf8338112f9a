/// The link-layer header type of an interface: what the first bytes of each packet are.
///
/// An open vocabulary (the registry has hundreds of values); the ones this module decodes
/// are named. pcap and pcapng share the numbers.
///
/// https://datatracker.ietf.org/doc/draft-ietf-opsawg-pcaplinktype/
public struct LinkType: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
    public var rawValue: UInt16
    public init(rawValue: UInt16) { self.rawValue = rawValue }

    /// LINKTYPE_NULL: BSD loopback, a 4-byte address family in the writer's byte order.
    public static let null = LinkType(rawValue: 0)
    /// LINKTYPE_ETHERNET: IEEE 802.3 Ethernet.
    public static let ethernet = LinkType(rawValue: 1)
    /// LINKTYPE_RAW: raw IPv4 or IPv6, told apart by the version nibble.
    public static let raw = LinkType(rawValue: 101)
    /// LINKTYPE_LOOP: OpenBSD loopback, the address family in network byte order.
    public static let loop = LinkType(rawValue: 108)
    /// LINKTYPE_LINUX_SLL: Linux "cooked" capture, version 1 (`tcpdump -i any`).
    public static let linuxSLL = LinkType(rawValue: 113)
    /// LINKTYPE_IPV4: raw IPv4.
    public static let ipv4 = LinkType(rawValue: 228)
    /// LINKTYPE_IPV6: raw IPv6.
    public static let ipv6 = LinkType(rawValue: 229)
    /// LINKTYPE_LINUX_SLL2: Linux "cooked" capture, version 2 (`tcpdump -i any` since libpcap 1.10).
    public static let linuxSLL2 = LinkType(rawValue: 276)

    public var description: String {
        switch self {
        case .null: "NULL"
        case .ethernet: "ETHERNET"
        case .raw: "RAW"
        case .loop: "LOOP"
        case .linuxSLL: "LINUX_SLL"
        case .ipv4: "IPV4"
        case .ipv6: "IPV6"
        case .linuxSLL2: "LINUX_SLL2"
        default: "LINKTYPE \(rawValue)"
        }
    }
}
