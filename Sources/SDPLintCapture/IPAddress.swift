/// An IPv4 or IPv6 address as it appears in a packet header.
///
/// Stored as 128 bits so that flow keys hash quickly; `description` is the text form
/// (RFC 5952 for IPv6).
public struct IPAddress: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The IP version, 4 or 6.
    public let version: UInt8
    let high: UInt64
    let low: UInt64

    /// An IPv4 address from its 32 bits in network order (192.0.2.1 is 0xC000_0201).
    public init(ipv4 value: UInt32) {
        version = 4
        high = 0
        low = UInt64(value)
    }

    /// An IPv6 address from its 128 bits in network order, in two halves.
    public init(ipv6 high: UInt64, _ low: UInt64) {
        version = 6
        self.high = high
        self.low = low
    }

    /// The 4 or 16 bytes in network order.
    public var bytes: [UInt8] {
        if version == 4 { return (0..<4).map { UInt8(truncatingIfNeeded: low >> (24 - 8 * UInt64($0))) } }
        return (0..<16).map { index in
            let word = index < 8 ? high : low
            return UInt8(truncatingIfNeeded: word >> (56 - 8 * UInt64(index % 8)))
        }
    }

    public var description: String {
        if version == 4 { return bytes.map { String($0) }.joined(separator: ".") }
        var groups: [UInt16] = []
        for index in 0..<8 {
            let word = index < 4 ? high : low
            groups.append(UInt16(truncatingIfNeeded: word >> (48 - 16 * UInt64(index % 4))))
        }
        // RFC 5952 §4.2: the longest run of two or more zero groups (the first of equals) becomes "::".
        var best = (start: -1, count: 0)
        var index = 0
        while index < 8 {
            guard groups[index] == 0 else {
                index += 1
                continue
            }
            var end = index
            while end < 8, groups[end] == 0 { end += 1 }
            if end - index > best.count, end - index >= 2 { best = (index, end - index) }
            index = end
        }
        func hex(_ range: Range<Int>) -> String { groups[range].map { String($0, radix: 16) }.joined(separator: ":") }
        guard best.start >= 0 else { return hex(0..<8) }
        return hex(0..<best.start) + "::" + hex((best.start + best.count)..<8)
    }

    public static func < (lhs: IPAddress, rhs: IPAddress) -> Bool {
        (lhs.version, lhs.high, lhs.low) < (rhs.version, rhs.high, rhs.low)
    }
}

/// One direction of a UDP or TCP conversation: from a source address and port to a
/// destination address and port.
public struct Flow: Sendable, Hashable, CustomStringConvertible {
    public var source: IPAddress
    public var sourcePort: UInt16
    public var destination: IPAddress
    public var destinationPort: UInt16

    public init(source: IPAddress, sourcePort: UInt16, destination: IPAddress, destinationPort: UInt16) {
        self.source = source
        self.sourcePort = sourcePort
        self.destination = destination
        self.destinationPort = destinationPort
    }

    /// The other direction of the same conversation.
    public var reversed: Flow {
        Flow(source: destination, sourcePort: destinationPort, destination: source, destinationPort: sourcePort)
    }

    /// `192.0.2.1:5060 → 192.0.2.2:5060`, IPv6 addresses in brackets.
    public var description: String { "\(sourceEndpoint) → \(destinationEndpoint)" }

    /// `192.0.2.1:5060`, `[2001:db8::1]:5060`.
    public var sourceEndpoint: String { Self.endpoint(source, sourcePort) }

    /// The destination, written like ``sourceEndpoint``.
    public var destinationEndpoint: String { Self.endpoint(destination, destinationPort) }

    static func endpoint(_ address: IPAddress, _ port: UInt16) -> String {
        address.version == 6 ? "[\(address)]:\(port)" : "\(address):\(port)"
    }
}
