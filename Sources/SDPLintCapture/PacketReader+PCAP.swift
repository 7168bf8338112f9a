/// Classic pcap: a 24-byte file header, then records of a 16-byte header and the packet.
///
/// https://datatracker.ietf.org/doc/draft-ietf-opsawg-pcap/
extension PacketReader {
    /// The file header (§4): magic, version 2.4, two reserved fields, SnapLen, LinkType.
    func readPCAPHeader() throws(CaptureError) {
        guard try input.fill(24) else {
            throw CaptureError(
                .truncated, offset: 0, "the file ends inside the 24-byte pcap file header (\(input.available) bytes)")
        }
        let major = input.u16(4, bigEndian: bigEndian)
        let minor = input.u16(6, bigEndian: bigEndian)
        // §4: readers accept any 2.x; version 1 files have no reader left anywhere.
        guard major == 2 else {
            throw CaptureError(.unsupportedVersion, offset: 4, "pcap version \(major).\(minor) (only 2.x exists)")
        }
        let snapLength = input.u32(16, bigEndian: bigEndian)
        // §4: the LinkType is the lower 16 bits; the upper bits carry an optional FCS length,
        // which does not matter here because IP lengths bound every payload.
        let linkType = LinkType(rawValue: UInt16(truncatingIfNeeded: input.u32(20, bigEndian: bigEndian)))
        let ticks: UInt64 = nanosecondTimestamps ? 1_000_000_000 : 1_000_000
        interfaces = [CaptureInterface(linkType: linkType, snapLength: snapLength, ticksPerSecond: ticks)]
        input.consume(24)
    }

    /// One packet record (§5): Timestamp (seconds), Timestamp (micro- or nanoseconds),
    /// Captured Packet Length, Original Packet Length, Packet Data.
    func nextPCAPRecord() throws(CaptureError) -> Packet? {
        let start = input.offset
        guard try input.fill(16) else {
            if input.available == 0 { return nil }
            throw CaptureError(
                .truncated, offset: start, frame: frames + 1,
                "the file ends inside the header of record \(frames + 1) (\(input.available) of 16 bytes)")
        }
        let seconds = input.u32(0, bigEndian: bigEndian)
        let fraction = input.u32(4, bigEndian: bigEndian)
        let captured = Int(input.u32(8, bigEndian: bigEndian))
        let original = Int(input.u32(12, bigEndian: bigEndian))
        let frame = frames + 1
        guard captured <= options.maximumRecordLength else {
            throw CaptureError(
                .absurdLength, offset: start, frame: frame,
                """
                record \(frame) claims \(captured) captured bytes, more than the limit of \
                \(options.maximumRecordLength)
                """
            )
        }
        guard try input.fill(16 + captured) else {
            throw CaptureError(
                .truncated, offset: start, frame: frame,
                "the file ends inside record \(frame): \(captured) bytes announced, \(input.available - 16) present")
        }
        let data = input.copy(16..<(16 + captured))
        input.consume(16 + captured)
        _ = try nextFrame(at: start)
        if captured > original {
            report(
                CaptureRules.capturedLongerThanOriginal, frame: frame, offset: start,
                "record \(frame) has \(captured) captured bytes but an original length of \(original)")
        }
        let nanoseconds = nanosecondTimestamps ? UInt64(fraction) : UInt64(fraction) * 1000
        let timestamp = Timestamp(
            seconds: Int64(seconds) + Int64(nanoseconds / 1_000_000_000),
            nanoseconds: UInt32(truncatingIfNeeded: nanoseconds % 1_000_000_000))
        let linkType = interfaces.first?.linkType ?? .ethernet
        return Packet(
            frame: frame, timestamp: timestamp, interface: 0, linkType: linkType, data: data,
            originalLength: original, offset: start)
    }
}
