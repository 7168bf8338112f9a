/// Link-layer and IP header decoding: from a packet's bytes to its IP header fields and the
/// range of its upper-layer payload. No copies; everything is an index into the packet.
enum NetworkLayer {
    /// Where the IP header starts, or why there is none.
    enum Link: Equatable {
        case ip(start: Int)
        case notIP
        case unsupported
        case malformed(String)
    }

    static let ethertypeIPv4: UInt16 = 0x0800
    static let ethertypeIPv6: UInt16 = 0x86DD

    /// Finds the IP header behind the link-layer header.
    static func link(_ type: LinkType, _ data: [UInt8]) -> Link {
        switch type.rawValue {
        case LinkType.ethernet.rawValue:
            // IEEE 802.3: destination, source, EtherType; 802.1Q (0x8100) and 802.1ad QinQ
            // (0x88A8, and the pre-standard 0x9100) tags add 4 bytes each before the real type.
            guard data.count >= 14 else {
                return .malformed("an Ethernet header needs 14 bytes, the frame has \(data.count)")
            }
            var at = 12
            var tags = 0
            while true {
                let type = data.u16(at)
                if type == 0x8100 || type == 0x88A8 || type == 0x9100 {
                    tags += 1
                    at += 4
                    guard tags <= 8, at + 2 <= data.count else { return .malformed("VLAN tags run past the frame") }
                    continue
                }
                return ether(type, start: at + 2)
            }
        case LinkType.null.rawValue, LinkType.loop.rawValue:
            // BSD loopback: a 4-byte address family, in the writer's byte order for NULL and in
            // network order for LOOP; files moved between machines carry either, so both are
            // tried. AF_INET is 2 everywhere; AF_INET6 is 10 (Linux), 24 (NetBSD, OpenBSD),
            // 28 (FreeBSD) or 30 (macOS).
            guard data.count >= 4 else {
                return .malformed("a loopback header needs 4 bytes, the frame has \(data.count)")
            }
            var family = data.u32(0, bigEndian: true)
            if family > 0xFFFF { family = data.u32(0, bigEndian: false) }
            switch family {
            case 2, 10, 24, 28, 30: return .ip(start: 4)
            default: return .notIP
            }
        case LinkType.raw.rawValue, LinkType.ipv4.rawValue, LinkType.ipv6.rawValue, 12, 14:
            // 12 and 14 are DLT_RAW on some BSDs, found in old files instead of 101.
            return .ip(start: 0)
        case LinkType.linuxSLL.rawValue:
            // Linux cooked v1: packet type, ARPHRD type, address length, 8 address bytes,
            // protocol (an EtherType) at offset 14.
            guard data.count >= 16 else {
                return .malformed("a Linux cooked header needs 16 bytes, the frame has \(data.count)")
            }
            return ether(data.u16(14), start: 16)
        case LinkType.linuxSLL2.rawValue:
            // Linux cooked v2: protocol first, then reserved, interface index, ARPHRD type,
            // packet type, address length, 8 address bytes: 20 bytes.
            guard data.count >= 20 else {
                return .malformed("a Linux cooked v2 header needs 20 bytes, the frame has \(data.count)")
            }
            return ether(data.u16(0), start: 20)
        default:
            return .unsupported
        }
    }

    private static func ether(_ type: UInt16, start: Int) -> Link {
        type == ethertypeIPv4 || type == ethertypeIPv6 ? .ip(start: start) : .notIP
    }

    /// The fields of an IP header that reassembly and transport need.
    struct IPPacket {
        var source: IPAddress
        var destination: IPAddress
        /// The upper-layer protocol: for a fragment, the protocol of the whole datagram.
        var protocolNumber: UInt8
        /// The upper-layer payload (or fragment data) within the packet.
        var payload: Range<Int>
        /// How many bytes of the payload the capture cut off (0 when complete).
        var missing: Int
        var fragment: Fragment?
    }

    struct Fragment {
        var identification: UInt32
        /// The offset of this fragment's data in the datagram, in bytes.
        var offset: Int
        var more: Bool
    }

    enum IP {
        case packet(IPPacket)
        case malformed(String)
    }

    /// Decodes the IPv4 or IPv6 header at `start`, chosen by the version nibble.
    static func ip(_ data: [UInt8], start: Int, originalLength: Int) -> IP {
        guard start < data.count else { return .malformed("the frame ends before the IP header") }
        // Bytes the capture cut off the end of the frame: a length that points into them is
        // expected, not malformed.
        let cut = max(0, originalLength - data.count)
        switch data.u8(start) >> 4 {
        case 4: return ipv4(data, start: start, cut: cut)
        case 6: return ipv6(data, start: start, cut: cut)
        default: return .malformed("IP version \(data.u8(start) >> 4)")
        }
    }

    /// RFC 791 §3.1: Version, IHL (in 32-bit words, at least 5), Total Length, Identification,
    /// Flags (MF = 0x2000), Fragment Offset (in 8-byte units), Protocol, addresses, options.
    static func ipv4(_ data: [UInt8], start: Int, cut: Int) -> IP {
        let available = data.count - start
        guard available >= 20 else { return .malformed("an IPv4 header needs 20 bytes, \(available) were captured") }
        let headerLength = Int(data.u8(start) & 0x0F) * 4
        guard headerLength >= 20 else { return .malformed("IPv4 header length \(headerLength) is below 20") }
        guard headerLength <= available else {
            return .malformed("the IPv4 header of \(headerLength) bytes was not captured whole")
        }
        var total = Int(data.u16(start + 2))
        // A total length of 0 is what Linux records for TCP segmentation offload: the
        // captured length is the truth then.
        if total == 0 { total = available + cut }
        guard total >= headerLength else {
            return .malformed("IPv4 total length \(total) is below the header length \(headerLength)")
        }
        var missing = 0
        if total > available {
            missing = total - available
            guard missing <= cut else {
                return .malformed("IPv4 total length \(total) is more than the \(available) bytes of the frame")
            }
        }
        let flags = data.u16(start + 6)
        let offset = Int(flags & 0x1FFF) * 8
        let more = flags & 0x2000 != 0
        let source = IPAddress(ipv4: data.u32(start + 12))
        let destination = IPAddress(ipv4: data.u32(start + 16))
        let fragment =
            offset > 0 || more ? Fragment(identification: UInt32(data.u16(start + 4)), offset: offset, more: more) : nil
        return .packet(
            IPPacket(
                source: source, destination: destination, protocolNumber: data.u8(start + 9),
                payload: (start + headerLength)..<(start + total - missing), missing: missing, fragment: fragment))
    }

    /// RFC 8200 §3: Version, Traffic Class, Flow Label, Payload Length, Next Header, Hop
    /// Limit, addresses; then the extension header chain of §4.
    static func ipv6(_ data: [UInt8], start: Int, cut: Int) -> IP {
        let available = data.count - start
        guard available >= 40 else { return .malformed("an IPv6 header needs 40 bytes, \(available) were captured") }
        var payloadLength = Int(data.u16(start + 4))
        // 0 is a jumbogram (RFC 2675) or segmentation offload: take the captured length.
        if payloadLength == 0 { payloadLength = available - 40 + cut }
        var missing = 0
        if 40 + payloadLength > available {
            missing = 40 + payloadLength - available
            guard missing <= cut else {
                return .malformed(
                    "IPv6 payload length \(payloadLength) is more than the \(available - 40) bytes after the header")
            }
        }
        let source = IPAddress(ipv6: data.u64(start + 8), data.u64(start + 16))
        let destination = IPAddress(ipv6: data.u64(start + 24), data.u64(start + 32))
        let end = start + 40 + payloadLength - missing
        switch extensions(data, next: data.u8(start + 6), from: start + 40, to: end) {
        case .failure(let failure):
            return .malformed(failure.reason)
        case .success(let chain):
            return .packet(
                IPPacket(
                    source: source, destination: destination, protocolNumber: chain.next,
                    payload: chain.start..<end, missing: missing, fragment: chain.fragment))
        }
    }

    struct Chain {
        var next: UInt8
        var start: Int
        var fragment: Fragment?
    }

    struct Failure: Error {
        var reason: String
    }

    /// Walks IPv6 extension headers (RFC 8200 §4): Hop-by-Hop Options (0), Routing (43),
    /// Destination Options (60) and Authentication (51, RFC 4302: length in 4-byte units) are
    /// stepped over; a Fragment header (44) ends the walk when the packet is a real fragment,
    /// since what follows belongs to the fragmentable part (an atomic fragment, offset 0 and
    /// M = 0, is read through, RFC 6946).
    static func extensions(_ data: [UInt8], next first: UInt8, from: Int, to end: Int) -> Result<Chain, Failure> {
        var next = first
        var at = from
        var steps = 0
        while true {
            switch next {
            case 0, 43, 60, 51:
                steps += 1
                guard steps <= 32, at + 8 <= end else {
                    return .failure(Failure(reason: "IPv6 extension header \(next) runs past the packet"))
                }
                let length = next == 51 ? (Int(data.u8(at + 1)) + 2) * 4 : (Int(data.u8(at + 1)) + 1) * 8
                guard at + length <= end else {
                    return .failure(Failure(reason: "IPv6 extension header \(next) runs past the packet"))
                }
                next = data.u8(at)
                at += length
            case 44:
                steps += 1
                guard steps <= 32, at + 8 <= end else {
                    return .failure(Failure(reason: "the IPv6 fragment header runs past the packet"))
                }
                let field = data.u16(at + 2)
                let fragment = Fragment(
                    identification: data.u32(at + 4), offset: Int(field >> 3) * 8, more: field & 1 != 0)
                next = data.u8(at)
                at += 8
                if fragment.offset > 0 || fragment.more {
                    return .success(Chain(next: next, start: at, fragment: fragment))
                }
            default:
                return .success(Chain(next: next, start: at, fragment: nil))
            }
        }
    }
}
