/// A packet of HEP version 3, the Homer Encapsulation Protocol (HEP3 specification, rev. 12,
/// sipcapture.org): a message a capture agent saw — Kamailio's and OpenSIPS's siptrace,
/// heplify, FreeSWITCH, Asterisk's res_hep, rtpengine, sngrep — with the addresses, ports and
/// time it was seen at, sent to a collector such as Homer.
///
/// A packet is `HEP3`, its total length (16 bits), then chunks: a vendor (16 bits), a type
/// (16 bits) and a length (16 bits, the 6-byte chunk header included), then the value. Chunks of
/// vendor 0 are the generic ones this reader knows; the others are skipped.
public struct HEPPacket: Sendable, Hashable {
    /// Where the message went: the addresses and ports of chunks 3–8.
    public var flow: Flow
    /// The IP protocol number of chunk 2: 17 UDP, 6 TCP, 132 SCTP.
    public var ipProtocol: UInt8
    /// When the agent saw the message: chunks 9 and 10 (seconds and microseconds).
    public var time: Timestamp
    /// What the payload is, chunk 11: 1 is SIP (``sip``); others are RTCP reports, logs, QoS
    /// statistics as JSON.
    public var payloadType: UInt8
    /// The capture agent's identifier, chunk 12.
    public var agent: UInt32?
    /// The correlation identifier that ties the packet to a call, chunk 17 (often a Call-ID).
    public var correlation: [UInt8]?
    /// The captured message, chunk 15 (or chunk 16, decompressed).
    public var payload: [UInt8]

    public init(
        flow: Flow, ipProtocol: UInt8, time: Timestamp, payloadType: UInt8, agent: UInt32? = nil,
        correlation: [UInt8]? = nil, payload: [UInt8]
    ) {
        self.flow = flow
        self.ipProtocol = ipProtocol
        self.time = time
        self.payloadType = payloadType
        self.agent = agent
        self.correlation = correlation
        self.payload = payload
    }

    /// Payload type 1: a SIP message.
    public static let sip: UInt8 = 1

    /// The packet's first bytes.
    public static let magic: [UInt8] = Array("HEP3".utf8)
    /// Magic and total length.
    static let headerLength = 6

    /// What is at the start of some bytes.
    public enum Decoding: Sendable, Hashable {
        /// A whole packet, `length` bytes long.
        case packet(HEPPacket, length: Int)
        /// A packet whose length is known but that is malformed: skip `length` bytes.
        case malformed(reason: String, length: Int)
        /// Not a HEP3 packet at all (or a version this reader does not read).
        case notHEP3(reason: String)
        /// The start of a packet, cut short: `length` bytes are needed (`nil` while even the
        /// header is incomplete).
        case incomplete(length: Int?)
    }

    /// Whether `bytes` start like a HEP3 packet (inlinable, as `Gzip.isGzip(_:)`).
    @inlinable
    public static func startsPacket(_ bytes: some Collection<UInt8>) -> Bool { bytes.starts(with: magic) }

    /// What a packet's 6-byte header says, before its chunks are read: what frames packets in a
    /// stream.
    public enum Header: Sendable, Hashable {
        /// A packet of this many bytes, header included (at least 6).
        case length(Int)
        /// Fewer than 6 bytes, which begin a header.
        case incomplete
        /// Not a HEP3 header (another HEP version, or a length below the header's own).
        case notHEP3(reason: String)
    }

    /// The header at `start` of `bytes`.
    public static func header(_ bytes: [UInt8], at start: Int = 0) -> Header {
        let available = bytes.count - start
        guard available >= headerLength else {
            return bytes[start...].elementsEqual(magic.prefix(max(0, available)))
                ? .incomplete : .notHEP3(reason: notHEP3Reason(bytes, at: start))
        }
        guard bytes[start..<(start + 4)].elementsEqual(magic) else {
            return .notHEP3(reason: notHEP3Reason(bytes, at: start))
        }
        let length = Int(bytes.u16(start + 4))
        guard length >= headerLength else {
            // The length cannot be trusted to find the next packet: treat it as no packet.
            return .notHEP3(reason: "a HEP3 packet's total length is \(length), less than its 6-byte header")
        }
        return .length(length)
    }

    /// Decodes the packet at `start` of `bytes`.
    ///
    /// - Complexity: O(*n*) in the length of the packet.
    public static func decode(_ bytes: [UInt8], at start: Int = 0) -> Decoding {
        switch header(bytes, at: start) {
        case .incomplete: return .incomplete(length: nil)
        case .notHEP3(let reason): return .notHEP3(reason: reason)
        case .length(let length) where length > bytes.count - start: return .incomplete(length: length)
        case .length(let length): return packet(bytes, start..<(start + length))
        }
    }

    /// Why the bytes at `start` are not a HEP3 packet: HEP version 1 and 2 have their own
    /// fixed header, with the version in the first byte.
    private static func notHEP3Reason(_ bytes: [UInt8], at start: Int) -> String {
        let first = bytes.u8(start)
        if first == 1 || first == 2 {
            return "HEP version \(first) (a fixed header) is not read; configure the agent to send HEP version 3"
        }
        return "the bytes do not start with HEP3"
    }

    /// The chunks of a packet whose header was read.
    private static func packet(_ bytes: [UInt8], _ range: Range<Int>) -> Decoding {
        let length = range.count
        var family: UInt8?
        var ipProtocol: UInt8?
        var source: IPAddress?
        var destination: IPAddress?
        var sourcePort: UInt16?
        var destinationPort: UInt16?
        var seconds: UInt32 = 0
        var microseconds: UInt32 = 0
        var payloadType: UInt8?
        var agent: UInt32?
        var correlation: [UInt8]?
        var payload: [UInt8]?
        var at = range.lowerBound + headerLength
        while at < range.upperBound {
            guard at + 6 <= range.upperBound else {
                return .malformed(reason: "a chunk header is cut by the end of the packet", length: length)
            }
            let vendor = bytes.u16(at)
            let type = bytes.u16(at + 2)
            let chunkLength = Int(bytes.u16(at + 4))
            guard chunkLength >= 6, at + chunkLength <= range.upperBound else {
                return .malformed(
                    reason: "chunk \(type) has length \(chunkLength), which does not fit the packet", length: length)
            }
            let value = (at + 6)..<(at + chunkLength)
            at += chunkLength
            guard vendor == 0 else { continue }
            func fixed(_ size: Int) -> Bool { value.count == size }
            switch type {
            case 1 where fixed(1): family = bytes[value.lowerBound]
            case 2 where fixed(1): ipProtocol = bytes[value.lowerBound]
            case 3 where fixed(4): source = IPAddress(ipv4: bytes.u32(value.lowerBound))
            case 4 where fixed(4): destination = IPAddress(ipv4: bytes.u32(value.lowerBound))
            case 5 where fixed(16):
                source = IPAddress(ipv6: bytes.u64(value.lowerBound), bytes.u64(value.lowerBound + 8))
            case 6 where fixed(16):
                destination = IPAddress(ipv6: bytes.u64(value.lowerBound), bytes.u64(value.lowerBound + 8))
            case 7 where fixed(2): sourcePort = bytes.u16(value.lowerBound)
            case 8 where fixed(2): destinationPort = bytes.u16(value.lowerBound)
            case 9 where fixed(4): seconds = bytes.u32(value.lowerBound)
            case 10 where fixed(4): microseconds = bytes.u32(value.lowerBound)
            case 11 where fixed(1): payloadType = bytes[value.lowerBound]
            case 12 where fixed(4): agent = bytes.u32(value.lowerBound)
            case 12 where fixed(2): agent = UInt32(bytes.u16(value.lowerBound))  // older agents send 16 bits
            case 15: payload = Array(bytes[value])
            case 16:
                let compressed = Array(bytes[value])
                guard Gzip.isGzip(compressed) else {
                    return .malformed(reason: "the compressed payload (chunk 16) is not gzip data", length: length)
                }
                let result = Gzip.decompress(compressed, outputLimit: 1 << 20)
                if let error = result.error {
                    return .malformed(reason: "the compressed payload (chunk 16): \(error.reason)", length: length)
                }
                payload = result.bytes
            case 17: correlation = Array(bytes[value])
            case 1...12:
                return .malformed(
                    reason: "chunk \(type) has \(value.count) bytes of value, not the size its type has", length: length
                )
            default:
                break  // authentication key (14), keep-alive timer (13), VLAN, MACs, …: not needed
            }
        }
        guard let payload else { return .malformed(reason: "the packet has no payload chunk", length: length) }
        guard let source, let destination, let sourcePort, let destinationPort else {
            return .malformed(reason: "the packet lacks its source or destination address or port", length: length)
        }
        guard source.version == destination.version else {
            return .malformed(
                reason: "the source and destination addresses are of different IP versions", length: length)
        }
        if let family, family != (source.version == 4 ? 2 : 10) {
            return .malformed(
                reason: "the protocol family \(family) does not match the IPv\(source.version) addresses",
                length: length)
        }
        guard microseconds < 1_000_000 else {
            return .malformed(reason: "the timestamp's microseconds are \(microseconds)", length: length)
        }
        return .packet(
            HEPPacket(
                flow: Flow(
                    source: source, sourcePort: sourcePort, destination: destination, destinationPort: destinationPort),
                ipProtocol: ipProtocol ?? 17,
                time: Timestamp(seconds: Int64(seconds), nanoseconds: microseconds * 1000),
                payloadType: payloadType ?? sip, agent: agent, correlation: correlation, payload: payload),
            length: length)
    }

    /// The packet's bytes, for tests and for agents written in Swift: the generic chunks this
    /// reader knows, in the order the specification lists them.
    public func encoded() -> [UInt8] {
        var chunks: [UInt8] = []
        func chunk(_ type: UInt16, _ value: [UInt8]) {
            let length = UInt16(truncatingIfNeeded: value.count + 6)
            chunks += [0, 0, UInt8(type >> 8), UInt8(type & 0xFF), UInt8(length >> 8), UInt8(length & 0xFF)] + value
        }
        func u16(_ value: UInt16) -> [UInt8] { [UInt8(value >> 8), UInt8(value & 0xFF)] }
        func u32(_ value: UInt32) -> [UInt8] { (0..<4).map { UInt8(truncatingIfNeeded: value >> (24 - 8 * $0)) } }
        let v4 = flow.source.version == 4
        chunk(1, [v4 ? 2 : 10])
        chunk(2, [ipProtocol])
        chunk(v4 ? 3 : 5, flow.source.bytes)
        chunk(v4 ? 4 : 6, flow.destination.bytes)
        chunk(7, u16(flow.sourcePort))
        chunk(8, u16(flow.destinationPort))
        chunk(9, u32(UInt32(truncatingIfNeeded: time.seconds)))
        chunk(10, u32(time.nanoseconds / 1000))
        chunk(11, [payloadType])
        if let agent { chunk(12, u32(agent)) }
        chunk(15, payload)
        if let correlation { chunk(17, correlation) }
        let total = UInt16(truncatingIfNeeded: chunks.count + 6)
        return Self.magic + u16(total) + chunks
    }
}
