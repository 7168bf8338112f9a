@testable import SDPLintCapture

/// Hand-made packets and capture files for tests that need shapes no real capture has.
enum Build {
    static func be16(_ value: UInt16) -> [UInt8] { [UInt8(value >> 8), UInt8(value & 0xFF)] }
    static func be32(_ value: UInt32) -> [UInt8] {
        (0..<4).map { UInt8(truncatingIfNeeded: value >> (24 - 8 * UInt32($0))) }
    }
    static func le16(_ value: UInt16) -> [UInt8] { be16(value).reversed() }
    static func le32(_ value: UInt32) -> [UInt8] { be32(value).reversed() }
    static func u16(_ value: UInt16, _ bigEndian: Bool) -> [UInt8] { bigEndian ? be16(value) : le16(value) }
    static func u32(_ value: UInt32, _ bigEndian: Bool) -> [UInt8] { bigEndian ? be32(value) : le32(value) }

    static let hostA: UInt32 = 0xC000_0201  // 192.0.2.1
    static let hostB: UInt32 = 0xC000_0202  // 192.0.2.2

    /// An IPv4 header (no options) in front of `payload`.
    static func ipv4(
        source: UInt32 = hostA, destination: UInt32 = hostB, protocolNumber: UInt8, id: UInt16 = 1,
        fragmentOffset: Int = 0, more: Bool = false, payload: [UInt8], totalLength: Int? = nil
    ) -> [UInt8] {
        var header: [UInt8] = [0x45, 0]
        header += be16(UInt16(totalLength ?? (20 + payload.count)))
        header += be16(id)
        header += be16(UInt16(fragmentOffset / 8) | (more ? 0x2000 : 0))
        header += [64, protocolNumber, 0, 0]
        header += be32(source) + be32(destination)
        return header + payload
    }

    static let v6A: (UInt64, UInt64) = (0x2001_0DB8_0000_0000, 1)
    static let v6B: (UInt64, UInt64) = (0x2001_0DB8_0000_0000, 2)

    /// An IPv6 header; `extensions` are already-encoded extension headers, and `next` names the first.
    static func ipv6(next: UInt8, payload: [UInt8]) -> [UInt8] {
        var header: [UInt8] = [0x60, 0, 0, 0]
        header += be16(UInt16(payload.count))
        header += [next, 64]
        header += be32(UInt32(v6A.0 >> 32)) + be32(UInt32(v6A.0 & 0xFFFF_FFFF)) + be32(0) + be32(UInt32(v6A.1))
        header += be32(UInt32(v6B.0 >> 32)) + be32(UInt32(v6B.0 & 0xFFFF_FFFF)) + be32(0) + be32(UInt32(v6B.1))
        return header + payload
    }

    /// An 8-byte Hop-by-Hop or Destination Options header (PadN only).
    static func options(next: UInt8) -> [UInt8] { [next, 0, 1, 4, 0, 0, 0, 0] }

    static func fragmentHeader(next: UInt8, offset: Int, more: Bool, id: UInt32) -> [UInt8] {
        [next, 0] + be16(UInt16(offset / 8) << 3 | (more ? 1 : 0)) + be32(id)
    }

    static func udp(sourcePort: UInt16 = 5060, destinationPort: UInt16 = 5060, payload: [UInt8]) -> [UInt8] {
        be16(sourcePort) + be16(destinationPort) + be16(UInt16(8 + payload.count)) + [0, 0] + payload
    }

    struct TCPFlags: OptionSet {
        let rawValue: UInt8
        static let fin = TCPFlags(rawValue: 1)
        static let syn = TCPFlags(rawValue: 2)
        static let rst = TCPFlags(rawValue: 4)
        static let ack = TCPFlags(rawValue: 16)
    }

    static func tcp(
        sourcePort: UInt16 = 40000, destinationPort: UInt16 = 5060, sequence: UInt32, flags: TCPFlags = .ack,
        payload: [UInt8] = []
    ) -> [UInt8] {
        be16(sourcePort) + be16(destinationPort) + be32(sequence) + be32(0) + [0x50, flags.rawValue] + be16(65535) + [
            0, 0, 0, 0,
        ] + payload
    }

    /// Ethernet with zero MAC addresses and the given VLAN tag types in front of the EtherType.
    static func ethernet(type: UInt16 = 0x0800, tags: [UInt16] = [], payload: [UInt8]) -> [UInt8] {
        var frame = [UInt8](repeating: 0, count: 12)
        for (index, tag) in tags.enumerated() { frame += be16(tag) + be16(UInt16(100 + index)) }
        return frame + be16(type) + payload
    }

    /// A classic pcap file with microsecond timestamps; `frames[i]` is captured whole unless `originalLengths` says more.
    static func pcap(
        linkType: UInt16 = 1, bigEndian: Bool = false, snapLength: UInt32 = 262144, frames: [[UInt8]],
        originalLengths: [Int]? = nil
    ) -> [UInt8] {
        var file = u32(0xA1B2_C3D4, bigEndian) + u16(2, bigEndian) + u16(4, bigEndian) + [UInt8](repeating: 0, count: 8)
        file += u32(snapLength, bigEndian) + u32(UInt32(linkType), bigEndian)
        for (index, frame) in frames.enumerated() {
            let original = originalLengths?[index] ?? frame.count
            file += u32(1_700_000_000 + UInt32(index), bigEndian) + u32(UInt32(index) * 1000, bigEndian)
            file += u32(UInt32(frame.count), bigEndian) + u32(UInt32(original), bigEndian) + frame
        }
        return file
    }

    /// One pcapng block: type, total length, body padded to 4, total length.
    static func block(_ type: UInt32, _ body: [UInt8], bigEndian: Bool = false) -> [UInt8] {
        let padded = body + [UInt8](repeating: 0, count: (4 - body.count % 4) % 4)
        let length = UInt32(12 + padded.count)
        return u32(type, bigEndian) + u32(length, bigEndian) + padded + u32(length, bigEndian)
    }

    static func sectionHeader(bigEndian: Bool = false) -> [UInt8] {
        block(
            0x0A0D_0D0A,
            u32(0x1A2B_3C4D, bigEndian) + u16(1, bigEndian) + u16(0, bigEndian) + [UInt8](repeating: 0xFF, count: 8),
            bigEndian: bigEndian)
    }

    static func option(_ code: UInt16, _ value: [UInt8], bigEndian: Bool = false) -> [UInt8] {
        u16(code, bigEndian) + u16(UInt16(value.count), bigEndian) + value
            + [UInt8](repeating: 0, count: (4 - value.count % 4) % 4)
    }

    static func interface(
        linkType: UInt16 = 1, snapLength: UInt32 = 0, options: [UInt8] = [], bigEndian: Bool = false
    ) -> [UInt8] {
        let end: [UInt8] = options.isEmpty ? [] : [0, 0, 0, 0]
        return block(
            1, u16(linkType, bigEndian) + [0, 0] + u32(snapLength, bigEndian) + options + end, bigEndian: bigEndian)
    }

    static func enhancedPacket(
        interface: UInt32 = 0, ticks: UInt64 = 0, _ data: [UInt8], original: Int? = nil, bigEndian: Bool = false
    ) -> [UInt8] {
        let body =
            u32(interface, bigEndian) + u32(UInt32(ticks >> 32), bigEndian)
            + u32(UInt32(ticks & 0xFFFF_FFFF), bigEndian)
            + u32(UInt32(data.count), bigEndian) + u32(UInt32(original ?? data.count), bigEndian) + data
        return block(6, body, bigEndian: bigEndian)
    }

    static func simplePacket(_ data: [UInt8], original: Int? = nil, bigEndian: Bool = false) -> [UInt8] {
        block(3, u32(UInt32(original ?? data.count), bigEndian) + data, bigEndian: bigEndian)
    }

    static func obsoletePacket(
        interface: UInt16 = 0, ticks: UInt64 = 0, _ data: [UInt8], bigEndian: Bool = false
    ) -> [UInt8] {
        let body =
            u16(interface, bigEndian) + u16(0, bigEndian) + u32(UInt32(ticks >> 32), bigEndian)
            + u32(UInt32(ticks & 0xFFFF_FFFF), bigEndian) + u32(UInt32(data.count), bigEndian)
            + u32(UInt32(data.count), bigEndian) + data
        return block(2, body, bigEndian: bigEndian)
    }

    /// A pcapng file of one section and one Ethernet interface holding `frames`.
    static func pcapng(linkType: UInt16 = 1, bigEndian: Bool = false, frames: [[UInt8]]) -> [UInt8] {
        var file = sectionHeader(bigEndian: bigEndian) + interface(linkType: linkType, bigEndian: bigEndian)
        for (index, frame) in frames.enumerated() {
            file += enhancedPacket(ticks: UInt64(1_700_000_000 + index) * 1_000_000, frame, bigEndian: bigEndian)
        }
        return file
    }

    /// Runs a decoder over the frames (Ethernet, pcap) and returns every event.
    static func events(
        _ frames: [[UInt8]], linkType: UInt16 = 1, limits: CaptureDecoder.Limits = .init()
    ) throws -> [CaptureEvent] {
        try CaptureDecoder(bytes: pcap(linkType: linkType, frames: frames), limits: limits).allEvents()
    }
}

extension CaptureEvent {
    var udp: UDPDatagram? { if case .udp(let value) = self { value } else { nil } }
    var tcpData: TCPSegment? { if case .tcpData(let value) = self { value } else { nil } }
    var tcpGap: TCPGap? { if case .tcpGap(let value) = self { value } else { nil } }
    var issue: CaptureIssue? { if case .issue(let value) = self { value } else { nil } }
    var tcpStart: TCPBoundary? { if case .tcpStart(let value) = self { value } else { nil } }
    var tcpEnd: TCPBoundary? { if case .tcpEnd(let value) = self { value } else { nil } }
}

extension Array where Element == UInt8 {
    var hex: String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(count * 2)
        for byte in self {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 15)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
