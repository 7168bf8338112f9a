extension Candidate.Address {
    /// Who can reach an address: which tells whether a candidate can work between two hosts,
    /// across a NAT, or only on this machine.
    public enum Scope: String, Sendable, Hashable, CaseIterable {
        /// 127.0.0.0/8 and ::1 (RFC 1122 §3.2.1.3, RFC 4291 §2.5.3): this host only.
        case loopback
        /// 169.254.0.0/16 and fe80::/10 (RFC 3927, RFC 4291 §2.5.6): this link only.
        case linkLocal
        /// 10/8, 172.16/12, 192.168/16 (RFC 1918), 100.64/10 shared address space (RFC 6598)
        /// and fc00::/7 unique local addresses (RFC 4193): behind a NAT or inside a network.
        case `private`
        /// A `.local` name (mDNS, RFC 6762) that browsers send to hide the host's address: only
        /// peers on the same link that resolve it can use it.
        case mdns
        /// A domain name to be resolved.
        case name
        /// Any other IP address: reachable across the Internet.
        case global
        /// 0.0.0.0, :: and addresses that do not parse.
        case unspecified
    }

    /// The address family as reports name it: `ipv4`, `ipv6`, `mdns`, `fqdn` or `invalid`.
    public var family: String {
        switch kind {
        case .ipv4: "ipv4"
        case .ipv6: "ipv6"
        case .mdns: "mdns"
        case .fqdn: "fqdn"
        case .invalid: "invalid"
        }
    }

    /// The scope of the address.
    public var scope: Scope {
        switch kind {
        case .mdns: return .mdns
        case .fqdn: return .name
        case .invalid: return .unspecified
        case .ipv4: return Self.ipv4Octets(text).map(Self.scope(ipv4:)) ?? .unspecified
        case .ipv6: return Self.ipv6Scope(text)
        }
    }

    static func scope(ipv4 octets: [UInt8]) -> Scope {
        switch (octets[0], octets[1]) {
        case (0, _): return .unspecified
        case (127, _): return .loopback
        case (169, 254): return .linkLocal
        case (10, _), (192, 168): return .private
        case (172, let b) where (16...31).contains(b): return .private
        case (100, let b) where (64...127).contains(b): return .private
        default: return .global
        }
    }

    static func ipv4Octets<S: StringProtocol>(_ text: S) -> [UInt8]? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        let octets = parts.compactMap { UInt8($0) }
        return octets.count == 4 ? octets : nil
    }

    /// The scope of an IPv6 address from its first hextet, `::1`, `::` and IPv4-mapped forms
    /// (`::ffff:192.0.2.1`, RFC 4291 §2.5.5.2).
    static func ipv6Scope(_ text: String) -> Scope {
        let address = text.split(separator: "%", maxSplits: 1).first.map(String.init) ?? text  // zone index
        let lowered = address.lowercased()
        if lowered == "::1" { return .loopback }
        if lowered == "::" { return .unspecified }
        if lowered.hasPrefix("::ffff:"), let octets = ipv4Octets(lowered.dropFirst("::ffff:".count)) {
            return scope(ipv4: octets)
        }
        guard !lowered.hasPrefix("::"), let first = lowered.split(separator: ":").first,
            let hextet = UInt16(first, radix: 16)
        else {
            return .global
        }
        if hextet & 0xFFC0 == 0xFE80 { return .linkLocal }
        if hextet & 0xFE00 == 0xFC00 { return .private }
        return .global
    }
}
