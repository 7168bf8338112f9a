/// pcapng: a series of blocks, each `Block Type, Block Total Length, Block Body, Block Total
/// Length` (§3.1), grouped into sections that each start with a Section Header Block and
/// carry their own byte order and interfaces.
///
/// https://datatracker.ietf.org/doc/draft-ietf-opsawg-pcapng/
extension PacketReader {
    enum BlockType {
        static let sectionHeader: UInt32 = 0x0A0D_0D0A
        static let interfaceDescription: UInt32 = 1
        static let packet: UInt32 = 2  // obsolete (Appendix A), still written by old tools
        static let simplePacket: UInt32 = 3
        static let enhancedPacket: UInt32 = 6
    }

    /// Reads blocks until one holds a packet.
    func nextPCAPNGPacket() throws(CaptureError) -> Packet? {
        while true {
            let start = input.offset
            guard try input.fill(12) else {
                if input.available == 0 { return nil }
                throw CaptureError(
                    .truncated, offset: start, "the file ends inside a block header (\(input.available) of 12 bytes)")
            }
            let raw = input.u32(0, bigEndian: true)
            if raw == BlockType.sectionHeader {
                // §4.1: the Byte-Order Magic 0x1A2B3C4D, read in the section's own order,
                // decides how every later field is read; the block type is a palindrome.
                switch input.u32(8, bigEndian: true) {
                case 0x1A2B_3C4D: bigEndian = true
                case 0x4D3C_2B1A: bigEndian = false
                default:
                    throw CaptureError(
                        .badMagic, offset: start, "the section header at offset \(start) has no valid byte-order magic")
                }
            }
            let type = input.u32(0, bigEndian: bigEndian)
            let length = Int(input.u32(4, bigEndian: bigEndian))
            guard length >= 12, length % 4 == 0 else {
                throw CaptureError(
                    .blockLengthMismatch, offset: start,
                    """
                    block of type 0x\(String(type, radix: 16)) has a total length of \(length), not a multiple of \
                    4 of at least 12
                    """
                )
            }
            guard length <= options.maximumRecordLength else {
                throw CaptureError(
                    .absurdLength, offset: start,
                    """
                    block of type 0x\(String(type, radix: 16)) claims \(length) bytes, more than the limit of \
                    \(options.maximumRecordLength)
                    """
                )
            }
            guard try input.fill(length) else {
                throw CaptureError(
                    .truncated, offset: start,
                    """
                    the file ends inside a block of type 0x\(String(type, radix: 16)): \(length) bytes announced, \
                    \(input.available) present
                    """
                )
            }
            let trailer = Int(input.u32(length - 4, bigEndian: bigEndian))
            guard trailer == length else {
                throw CaptureError(
                    .blockLengthMismatch, offset: start,
                    """
                    block of type 0x\(String(type, radix: 16)) starts with a total length of \(length) but ends \
                    with \(trailer)
                    """
                )
            }
            let packet: Packet?
            switch type {
            case BlockType.sectionHeader:
                try readSectionHeader(length: length, at: start)
                packet = nil
            case BlockType.interfaceDescription:
                try readInterfaceDescription(length: length, at: start)
                packet = nil
            case BlockType.enhancedPacket:
                packet = try readTimestampedPacket(length: length, at: start, block: "enhanced packet block") {
                    Int($0.input.u32(8, bigEndian: $0.bigEndian))
                }
            case BlockType.simplePacket:
                packet = try readSimplePacket(length: length, at: start)
            case BlockType.packet:
                packet = try readTimestampedPacket(length: length, at: start, block: "packet block") {
                    Int($0.input.u16(8, bigEndian: $0.bigEndian))
                }
            default:
                // §3.2: a reader skips blocks it does not know (statistics, name resolution,
                // decryption secrets, custom blocks).
                packet = nil
            }
            input.consume(length)
            if let packet { return packet }
        }
    }

    /// §4.1 Section Header Block: Byte-Order Magic, Major Version 1, Minor Version, Section
    /// Length (may be -1), options. A new section forgets the previous interfaces.
    private func readSectionHeader(length: Int, at start: Int) throws(CaptureError) {
        guard length >= 28 else {
            throw CaptureError(
                .blockLengthMismatch, offset: start,
                "the section header block is \(length) bytes, less than its minimum of 28")
        }
        let major = input.u16(12, bigEndian: bigEndian)
        let minor = input.u16(14, bigEndian: bigEndian)
        guard major == 1 else {
            throw CaptureError(
                .unsupportedVersion, offset: start, "pcapng section version \(major).\(minor) (only 1.x is defined)")
        }
        interfaces = []
        sections += 1
    }

    /// §4.2 Interface Description Block: LinkType, Reserved, SnapLen, options; the options
    /// used are if_name (2), if_tsresol (9) and if_tsoffset (14).
    private func readInterfaceDescription(length: Int, at start: Int) throws(CaptureError) {
        guard length >= 20 else {
            throw CaptureError(
                .blockLengthMismatch, offset: start,
                "the interface description block is \(length) bytes, less than its minimum of 20")
        }
        var interface = CaptureInterface(
            linkType: LinkType(rawValue: input.u16(8, bigEndian: bigEndian)),
            snapLength: input.u32(12, bigEndian: bigEndian),
            section: max(0, sections - 1))
        forEachOption(from: 16, to: length - 4, blockStart: start) { code, value in
            switch code {
            case 2:
                interface.name = String(decoding: value.prefix { $0 != 0 }, as: UTF8.self)
            case 9 where value.count >= 1:
                // if_tsresol: the high bit chooses a power of 2, otherwise of 10.
                let exponent = UInt64(value[0] & 0x7F)
                if value[0] & 0x80 != 0 {
                    guard exponent <= 63 else { return "if_tsresol 2^-\(exponent) is finer than 64 bits can count" }
                    interface.ticksPerSecond = 1 << exponent
                } else {
                    guard exponent <= 19 else { return "if_tsresol 10^-\(exponent) is finer than 64 bits can count" }
                    var ticks: UInt64 = 1
                    for _ in 0..<exponent { ticks *= 10 }
                    interface.ticksPerSecond = ticks
                }
            case 14 where value.count >= 8:
                interface.offsetSeconds = Int64(bitPattern: value.u64(0, bigEndian: bigEndian))
            default:
                break
            }
            return nil
        }
        interfaces.append(interface)
    }

    /// §4.3 Enhanced Packet Block: Interface ID, Timestamp (upper, lower), Captured Packet
    /// Length, Original Packet Length, Packet Data padded to 32 bits, options. Appendix A's
    /// obsolete Packet Block has the same layout but a 16-bit Interface ID followed by a Drops
    /// Count: `interface` reads the ID, once the block is known to be long enough.
    private func readTimestampedPacket(
        length: Int, at start: Int, block: String,
        interface: (PacketReader) -> Int
    ) throws(CaptureError) -> Packet? {
        guard length >= 32 else {
            throw CaptureError(
                .blockLengthMismatch, offset: start, frame: frames + 1,
                "the \(block) is \(length) bytes, less than its minimum of 32")
        }
        let captured = Int(input.u32(20, bigEndian: bigEndian))
        guard let room = padded4(captured), room <= length - 32 else {
            throw CaptureError(
                .blockLengthMismatch, offset: start, frame: frames + 1,
                "the \(block) of \(length) bytes cannot hold the \(captured) captured bytes it announces")
        }
        return try packet(
            interface: interface(self),
            ticks: UInt64(input.u32(12, bigEndian: bigEndian)) << 32 | UInt64(input.u32(16, bigEndian: bigEndian)),
            data: 28..<(28 + captured), original: Int(input.u32(24, bigEndian: bigEndian)), at: start)
    }

    /// §4.4 Simple Packet Block: Original Packet Length, Packet Data. The captured length is
    /// what the block holds, bounded by the original length and the snap length of
    /// interface 0; it has no timestamp.
    private func readSimplePacket(length: Int, at start: Int) throws(CaptureError) -> Packet? {
        guard length >= 16 else {
            throw CaptureError(
                .blockLengthMismatch, offset: start, frame: frames + 1,
                "the simple packet block is \(length) bytes, less than its minimum of 16")
        }
        let original = Int(input.u32(8, bigEndian: bigEndian))
        var captured = min(original, length - 16)
        if let snap = interfaces.first?.snapLength, snap > 0 { captured = min(captured, Int(snap)) }
        return try packet(interface: 0, ticks: nil, data: 12..<(12 + captured), original: original, at: start)
    }

    /// A packet of the block at the read position; `nil` (with an issue) when its interface
    /// is unknown. Counts a frame either way, as Wireshark does.
    private func packet(
        interface: Int, ticks: UInt64?, data: Range<Int>, original: Int, at start: Int
    ) throws(CaptureError) -> Packet? {
        let frame = try nextFrame(at: start)
        guard interface < interfaces.count else {
            report(
                CaptureRules.unknownInterface, frame: frame, offset: start,
                "packet \(frame) names interface \(interface), but the section describes \(interfaces.count)")
            return nil
        }
        let description = interfaces[interface]
        if data.count > original {
            report(
                CaptureRules.capturedLongerThanOriginal, frame: frame, offset: start,
                "packet \(frame) has \(data.count) captured bytes but an original length of \(original)")
        }
        let timestamp =
            ticks.map {
                Timestamp(
                    ticks: $0, unitsPerSecond: description.ticksPerSecond, offsetSeconds: description.offsetSeconds)
            } ?? Timestamp(seconds: 0, nanoseconds: 0)
        return Packet(
            frame: frame, timestamp: timestamp, interface: interface, linkType: description.linkType,
            data: input.copy(data), originalLength: original, offset: start)
    }

    /// Calls `body` with each option (§3.5: Option Code, Option Length, Option Value padded to
    /// 32 bits; opt_endofopt ends the list) between the relative offsets `from` and `to`.
    /// `body` returns a complaint for a value it cannot use; a complaint, or an option that
    /// runs past the block, is reported as ``CaptureRules/invalidOption``.
    private func forEachOption(from: Int, to end: Int, blockStart: Int, _ body: (UInt16, [UInt8]) -> String?) {
        var at = from
        while at + 4 <= end {
            let code = input.u16(at, bigEndian: bigEndian)
            let length = Int(input.u16(at + 2, bigEndian: bigEndian))
            if code == 0 { return }
            guard let room = padded4(length), at + 4 + room <= end else {
                report(
                    CaptureRules.invalidOption, frame: nil, offset: blockStart,
                    "option \(code) of \(length) bytes runs past the end of its block")
                return
            }
            if let complaint = body(code, input.copy((at + 4)..<(at + 4 + length))) {
                report(CaptureRules.invalidOption, frame: nil, offset: blockStart, complaint)
            }
            at += 4 + room
        }
    }
}
