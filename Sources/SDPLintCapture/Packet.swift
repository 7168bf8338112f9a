/// One packet record of a capture file, as the file stores it.
public struct Packet: Sendable, Hashable {
    /// The 1-based number of the record, counted over the whole file as Wireshark counts frames.
    public var frame: Int
    /// When the packet was captured.
    public var timestamp: Timestamp
    /// The index of the interface within its pcapng section (0 for pcap).
    public var interface: Int
    /// What the first bytes of `data` are.
    public var linkType: LinkType
    /// The captured bytes, starting with the link-layer header.
    public var data: [UInt8]
    /// The length of the packet on the wire; larger than `data.count` when the capture's
    /// snapshot length cut it.
    public var originalLength: Int
    /// The byte offset of the packet's record or block in the file.
    public var offset: Int

    public init(
        frame: Int, timestamp: Timestamp, interface: Int, linkType: LinkType, data: [UInt8], originalLength: Int,
        offset: Int
    ) {
        self.frame = frame
        self.timestamp = timestamp
        self.interface = interface
        self.linkType = linkType
        self.data = data
        self.originalLength = originalLength
        self.offset = offset
    }

    /// Whether bytes of the packet are missing from the capture.
    public var isTruncated: Bool { data.count < originalLength }
}

/// An interface a capture was taken on: from a pcapng Interface Description Block, or the
/// file header of a pcap file.
public struct CaptureInterface: Sendable, Hashable {
    /// The link-layer header type of its packets.
    public var linkType: LinkType
    /// The snapshot length: no packet was captured longer than this (0: no limit).
    public var snapLength: UInt32
    /// `if_name`, such as `lo` or `eth0`, when the capture names it.
    public var name: String?
    /// Timestamp ticks per second (`if_tsresol`; 10^6 by default).
    public var ticksPerSecond: UInt64
    /// Seconds added to every timestamp (`if_tsoffset`).
    public var offsetSeconds: Int64
    /// The pcapng section it belongs to, counted from 0.
    public var section: Int

    public init(
        linkType: LinkType, snapLength: UInt32, name: String? = nil, ticksPerSecond: UInt64 = 1_000_000,
        offsetSeconds: Int64 = 0, section: Int = 0
    ) {
        self.linkType = linkType
        self.snapLength = snapLength
        self.name = name
        self.ticksPerSecond = ticksPerSecond
        self.offsetSeconds = offsetSeconds
        self.section = section
    }
}
