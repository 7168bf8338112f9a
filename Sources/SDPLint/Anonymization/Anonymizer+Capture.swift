import SDPLintCapture
import SDPLintInput
import SDPLintReporting
import SDPLintWebRTC

/// One captured frame: where its bytes are in the file, and its link type (`nil` when its
/// pcapng interface is not described).
private struct CaptureFrame {
    var data: Range<Int>
    var linkType: UInt16?
}

/// A transport-layer message — a UDP datagram, a TCP segment, an ICMP message — possibly
/// put back together from IP fragments.
private struct TransportMessage {
    var version: UInt8
    /// The file offset of the IP header whose addresses go into the pseudo-header.
    var ipHeader: Int
    var protocolNumber: UInt8
    /// The file ranges that hold the message, in order (several for a fragmented datagram).
    var pieces: [Range<Int>]
    /// Whether every byte of the message is in the capture (not cut by the snapshot length).
    var complete: Bool
    /// Reassembled from fragments: IPv6 extension headers may precede the transport header.
    var reassembled = false
}

private struct FragmentKey: Hashable {
    var source: [UInt8]
    var destination: [UInt8]
    var identification: UInt32
    var protocolNumber: UInt8
}

private struct Fragment {
    var offset: Int
    var data: Range<Int>
    var more: Bool
    var ipHeader: Int
    var version: UInt8
    var protocolNumber: UInt8
    var complete: Bool
}

private struct FlowKey: Hashable {
    var source: [UInt8]
    var sourcePort: Int
    var destination: [UInt8]
    var destinationPort: Int
}

private struct TCPSegment {
    /// The index of its message in the list of gathered messages.
    var message: Int
    var sequence: UInt32
    var syn: Bool
    /// The payload within the gathered message.
    var payload: Range<Int>
}

/// Integers of a capture file, in its byte order; 0 past the end, so that no damaged length
/// can trap.
enum Field {
    static func u8(_ bytes: [UInt8], _ at: Int) -> Int { at >= 0 && at < bytes.count ? Int(bytes[at]) : 0 }

    static func u16(_ bytes: [UInt8], _ at: Int, big: Bool = true) -> Int {
        guard at >= 0, at + 2 <= bytes.count else { return 0 }
        return big ? Int(bytes[at]) << 8 | Int(bytes[at + 1]) : Int(bytes[at + 1]) << 8 | Int(bytes[at])
    }

    static func u32(_ bytes: [UInt8], _ at: Int, big: Bool = true) -> Int {
        guard at >= 0, at + 4 <= bytes.count else { return 0 }
        let value = (0..<4).reduce(0) { $0 << 8 | Int(bytes[at + (big ? $1 : 3 - $1)]) }
        return value
    }

    static func write16(_ value: Int, _ bytes: inout [UInt8], _ at: Int) {
        guard at >= 0, at + 2 <= bytes.count else { return }
        bytes[at] = UInt8(truncatingIfNeeded: value >> 8)
        bytes[at + 1] = UInt8(truncatingIfNeeded: value)
    }
}

/// The Internet checksum (RFC 1071): the ones' complement of the ones' complement sum of the
/// data as 16-bit big-endian words, an odd last byte padded with zero.
enum InternetChecksum {
    static func compute(_ parts: [ArraySlice<UInt8>]) -> Int {
        var sum = 0
        var high: UInt8?
        for part in parts {
            for byte in part {
                if let first = high {
                    sum += Int(first) << 8 | Int(byte)
                    high = nil
                } else {
                    high = byte
                }
            }
            sum = (sum & 0xFFFF) + (sum >> 16)
        }
        if let first = high { sum += Int(first) << 8 }
        while sum >> 16 != 0 { sum = (sum & 0xFFFF) + (sum >> 16) }
        return ~sum & 0xFFFF
    }
}

extension Anonymizer {
    // MARK: Packet captures

    /// Anonymizes a pcap or pcapng capture in place: MAC addresses in link-layer headers, IP
    /// addresses in IP headers and ARP, ports in UDP and TCP headers — with the same
    /// replacements as the text they also appear in — and SIP carried over UDP or TCP (TCP
    /// streams put back together by sequence number, IP fragments reassembled), by
    /// ``messages(_:_:_:)``. Payloads that are not SIP (RTP, STUN, DTLS, DNS…) cannot be read
    /// piece by piece and are zeroed; so are IPv4 options, ICMP bodies, and pcapng blocks that
    /// carry secrets or are unknown. Since every replacement keeps its length, frames keep
    /// their lengths and SIP messages their framing; IPv4 header checksums and UDP, TCP and
    /// ICMP checksums are computed afresh.
    ///
    /// - Throws: ``AnonymizationError`` when the capture cannot be read to its end (the reader
    ///   of the Capture module decides), or a frame's link layer is unknown.
    mutating func capture(_ bytes: [UInt8]) throws(AnonymizationError) -> [UInt8] {
        do throws(CaptureError) {
            let reader = try PacketReader(bytes: bytes)
            while try reader.next() != nil {}
        } catch {
            throw AnonymizationError(
                .damagedCapture, "the capture cannot be read to its end, so it cannot be anonymized whole: \(error)")
        }
        var output = bytes
        let frames = Field.u32(bytes, 0) == 0x0A0D_0D0A ? pcapngBlocks(&output) : Self.pcapRecords(bytes)
        try packets(&output, original: bytes, frames)
        return output
    }

    /// Classic pcap (draft-ietf-opsawg-pcap §4, §5): a 24-byte header whose magic gives the
    /// byte order and whose last field the link type, then records of a 16-byte header
    /// (captured length at 8, original length at 12) and the packet.
    private static func pcapRecords(_ bytes: [UInt8]) -> [CaptureFrame] {
        let magic = Field.u32(bytes, 0)
        let big = magic == 0xA1B2_C3D4 || magic == 0xA1B2_3C4D
        let linkType = UInt16(truncatingIfNeeded: Field.u32(bytes, 20, big: big))
        var frames: [CaptureFrame] = []
        var offset = 24
        while offset + 16 <= bytes.count {
            let captured = Field.u32(bytes, offset + 8, big: big)
            let start = offset + 16
            frames.append(CaptureFrame(data: start..<min(bytes.count, start + captured), linkType: linkType))
            offset = start + captured
        }
        return frames
    }

    private static func padded4(_ length: Int) -> Int { (length + 3) & ~3 }

    /// pcapng (draft-ietf-opsawg-pcapng §3–§4): the frames of Enhanced, Simple and obsolete
    /// Packet Blocks with their interfaces' link types; on the way, the options and blocks
    /// that name hosts, users and machines are anonymized.
    private mutating func pcapngBlocks(_ output: inout [UInt8]) -> [CaptureFrame] {
        var frames: [CaptureFrame] = []
        var big = false
        var links: [UInt16] = []
        var snapLengths: [Int] = []
        var offset = 0
        while offset + 12 <= output.count {
            if Field.u32(output, offset) == 0x0A0D_0D0A {
                // §4.1: the Byte-Order Magic decides how the section is read.
                big = Field.u32(output, offset + 8) == 0x1A2B_3C4D
                links = []
                snapLengths = []
            }
            let type = Field.u32(output, offset, big: big)
            let length = Field.u32(output, offset + 4, big: big)
            guard length >= 12, length % 4 == 0, offset + length <= output.count else { break }
            let end = offset + length - 4
            switch type {
            case 0x0A0D_0D0A:
                // §4.1 Section Header Block: options from offset 24.
                pcapngOptions(&output, offset + 24, end, big: big, block: .section)
            case 1:
                // §4.2 Interface Description Block: LinkType, SnapLen, options from 16.
                links.append(UInt16(truncatingIfNeeded: Field.u16(output, offset + 8, big: big)))
                snapLengths.append(Field.u32(output, offset + 12, big: big))
                pcapngOptions(&output, offset + 16, end, big: big, block: .interface)
            case 6, 2:
                // §4.3 Enhanced Packet Block (Appendix A: the obsolete Packet Block has a
                // 16-bit interface ID and the same layout): data at 28, options after it.
                let interface =
                    type == 6 ? Field.u32(output, offset + 8, big: big) : Field.u16(output, offset + 8, big: big)
                let captured = Field.u32(output, offset + 20, big: big)
                let data = min(end, offset + 28)..<min(end, offset + 28 + captured)
                frames.append(CaptureFrame(data: data, linkType: interface < links.count ? links[interface] : nil))
                pcapngOptions(&output, offset + 28 + Self.padded4(captured), end, big: big, block: .packet)
            case 3:
                // §4.4 Simple Packet Block: Original Packet Length, data bounded by the block
                // and by interface 0's snapshot length.
                var captured = min(Field.u32(output, offset + 8, big: big), max(0, length - 16))
                if let snap = snapLengths.first, snap > 0 { captured = min(captured, snap) }
                let start = min(end, offset + 12)
                frames.append(CaptureFrame(data: start..<min(end, start + captured), linkType: links.first))
            case 4:
                nameResolution(&output, offset + 8, end, big: big)
            case 5:
                // §4.6 Interface Statistics Block: options from offset 20.
                pcapngOptions(&output, offset + 20, end, big: big, block: .statistics)
            default:
                // Decryption secrets (§4.7), custom blocks (§4.8), journal entries and blocks
                // this anonymizer does not know: their bodies could hold anything, so they are
                // zeroed, which keeps every length.
                zero(&output, (offset + 8)..<end)
            }
            offset += length
        }
        return frames
    }

    private enum OptionBlock { case section, interface, packet, statistics, nameResolution }

    /// §3.5 options: Option Code, Option Length, value padded to 32 bits, up to opt_endofopt.
    private mutating func pcapngOptions(
        _ output: inout [UInt8], _ start: Int, _ end: Int, big: Bool, block: OptionBlock
    ) {
        var at = start
        while at + 4 <= end {
            let code = Field.u16(output, at, big: big)
            let length = Field.u16(output, at + 2, big: big)
            if code == 0 { return }
            let value = (at + 4)..<min(end, at + 4 + length)
            switch (block, code) {
            case (_, 1), (.section, 2), (.section, 3), (.section, 4), (.interface, 3), (.interface, 12),
                (.interface, 15):
                // opt_comment, shb_hardware/os/userappl, if_description/os/hardware.
                textOption(&output, value)
            case (.interface, 2):
                // if_name: scrubbed (Windows names embed a GUID).
                scrub(&output, value)
            case (.interface, 11):
                // if_filter: a filter type byte, then the filter, which names hosts.
                if value.count > 1 { scrub(&output, (value.lowerBound + 1)..<value.upperBound) }
            case (.interface, 4), (.nameResolution, 3):
                if value.count >= 4 { rewriteIPv4(&output, value.lowerBound) }
            case (.interface, 5), (.nameResolution, 4):
                if value.count >= 16 { rewriteIPv6(&output, value.lowerBound) }
            case (.interface, 6):
                if value.count >= 6 { rewriteMAC(&output, value.lowerBound) }
            case (.interface, 7), (.packet, 3):
                // if_EUIaddr, and epb_hash, a hash of the original packet.
                zero(&output, value)
            case (.nameResolution, 2):
                textOption(&output, value, host: true)
            default:
                break
            }
            at += 4 + Self.padded4(length)
        }
    }

    /// A UTF-8 string option (trailing NULs kept).
    private mutating func textOption(_ output: inout [UInt8], _ range: Range<Int>, host isHost: Bool = false) {
        var end = range.upperBound
        while end > range.lowerBound && output[end - 1] == 0 { end -= 1 }
        let text = Glyph.text(output[range.lowerBound..<end])
        put(isHost ? hostOrAddress(text) : token(text, sweep: false), &output, range.lowerBound..<end)
    }

    /// §4.5 Name Resolution Block: records of an address and NUL-terminated names, then options.
    private mutating func nameResolution(_ output: inout [UInt8], _ start: Int, _ end: Int, big: Bool) {
        var at = start
        while at + 4 <= end {
            let type = Field.u16(output, at, big: big)
            let length = Field.u16(output, at + 2, big: big)
            let value = (at + 4)..<min(end, at + 4 + length)
            at += 4 + Self.padded4(length)
            if type == 0 { break }
            let addressLength = type == 1 ? 4 : type == 2 ? 16 : 0
            guard addressLength > 0, value.count >= addressLength else {
                zero(&output, value)
                continue
            }
            if type == 1 { rewriteIPv4(&output, value.lowerBound) } else { rewriteIPv6(&output, value.lowerBound) }
            var name = value.lowerBound + addressLength
            while name < value.upperBound {
                var stop = name
                while stop < value.upperBound && output[stop] != 0 { stop += 1 }
                if stop > name { put(hostOrAddress(Glyph.text(output[name..<stop])), &output, name..<stop) }
                name = stop + 1
            }
        }
        pcapngOptions(&output, at, end, big: big, block: .nameResolution)
    }

    // MARK: Frames

    private mutating func packets(
        _ output: inout [UInt8], original: [UInt8], _ frames: [CaptureFrame]
    ) throws(AnonymizationError) {
        var messages: [TransportMessage] = []
        var fragments: [FragmentKey: [Fragment]] = [:]
        var fragmentOrder: [FragmentKey] = []
        var ipv4Headers: [Range<Int>] = []
        for (number, frame) in frames.enumerated() {
            guard let linkType = frame.linkType else {
                zero(&output, frame.data)
                continue
            }
            guard let ipStart = try linkLayer(&output, original, frame, linkType, number: number + 1) else { continue }
            network(
                &output, original, ipStart, frame.data.upperBound, messages: &messages, fragments: &fragments,
                order: &fragmentOrder, ipv4Headers: &ipv4Headers)
        }
        for key in fragmentOrder {
            let pieces = (fragments[key] ?? []).sorted { $0.offset < $1.offset }
            guard let reassembled = Self.reassemble(pieces) else {
                for piece in pieces { zero(&output, piece.data) }
                continue
            }
            messages.append(reassembled)
        }
        var gathered = messages.map { message in message.pieces.flatMap { output[$0] } }
        var segments: [FlowKey: [TCPSegment]] = [:]
        var flowOrder: [FlowKey] = []
        var tcpHeaders: [Int: Int] = [:]
        for index in messages.indices {
            if let start = transport(
                &gathered[index], messages[index], index: index, output: output, segments: &segments, order: &flowOrder)
            {
                tcpHeaders[index] = start
            }
        }
        for key in flowOrder { tcpStream(segments[key] ?? [], &gathered) }
        for index in messages.indices {
            let message = messages[index]
            if let start = tcpHeaders[index] { tcpChecksum(&gathered[index], start, message, output) }
            var offset = 0
            for piece in message.pieces {
                for position in piece where offset < gathered[index].count {
                    output[position] = gathered[index][offset]
                    offset += 1
                }
            }
        }
        // RFC 791 §3.1: the header checksum over the header with the field zero.
        for header in ipv4Headers where header.upperBound <= output.count && !collecting {
            Field.write16(0, &output, header.lowerBound + 10)
            Field.write16(InternetChecksum.compute([output[header]]), &output, header.lowerBound + 10)
        }
    }

    /// The link-layer header of a frame: its addresses replaced; the offset of its IP header,
    /// or `nil` when it carries no IP (an ARP packet is rewritten, anything else zeroed).
    private mutating func linkLayer(
        _ output: inout [UInt8], _ original: [UInt8], _ frame: CaptureFrame, _ linkType: UInt16, number: Int
    ) throws(AnonymizationError) -> Int? {
        let start = frame.data.lowerBound
        let end = frame.data.upperBound
        var etherType: Int
        var payload: Int
        switch linkType {
        case LinkType.ethernet.rawValue:
            // IEEE 802.3: destination, source, EtherType, after any 802.1Q/802.1ad tags.
            guard end - start >= 14 else { return nil }
            rewriteMAC(&output, start)
            rewriteMAC(&output, start + 6)
            var at = start + 12
            while [0x8100, 0x88A8, 0x9100].contains(Field.u16(original, at)), at + 6 <= end { at += 4 }
            etherType = Field.u16(original, at)
            payload = at + 2
        case LinkType.null.rawValue, LinkType.loop.rawValue:
            // BSD loopback: a 4-byte address family (2 is IPv4; 10, 24, 28, 30 IPv6).
            guard end - start >= 4 else { return nil }
            var family = Field.u32(original, start)
            if family > 0xFFFF { family = Field.u32(original, start, big: false) }
            etherType = [2, 10, 24, 28, 30].contains(family) ? 0x0800 : 0
            payload = start + 4
        case LinkType.raw.rawValue, LinkType.ipv4.rawValue, LinkType.ipv6.rawValue, 12, 14:
            etherType = 0x0800
            payload = start
        case LinkType.linuxSLL.rawValue:
            // Linux cooked v1: packet type, ARPHRD, address length, 8 address bytes, protocol.
            guard end - start >= 16 else { return nil }
            if Field.u16(original, start + 4) == 6 { rewriteMAC(&output, start + 6) }
            etherType = Field.u16(original, start + 14)
            payload = start + 16
        case LinkType.linuxSLL2.rawValue:
            // Linux cooked v2: protocol, reserved, interface, ARPHRD, packet type, address
            // length at 11, 8 address bytes at 12.
            guard end - start >= 20 else { return nil }
            if Field.u8(original, start + 11) == 6 { rewriteMAC(&output, start + 12) }
            etherType = Field.u16(original, start)
            payload = start + 20
        default:
            throw AnonymizationError(
                .unsupportedLinkType,
                "frame \(number) has link type \(LinkType(rawValue: linkType)), whose addresses cannot be found")
        }
        switch etherType {
        case 0x0800, 0x86DD:
            return payload < end ? payload : nil
        case 0x0806:
            arp(&output, original, payload, end)
        default:
            zero(&output, payload..<end)
        }
        return nil
    }

    /// ARP (RFC 826) for IPv4 over Ethernet: the sender's and target's MAC and IPv4 addresses.
    private mutating func arp(_ output: inout [UInt8], _ original: [UInt8], _ start: Int, _ end: Int) {
        guard end - start >= 28, Field.u8(original, start + 4) == 6, Field.u8(original, start + 5) == 4 else {
            zero(&output, start..<end)
            return
        }
        rewriteMAC(&output, start + 8)
        rewriteIPv4(&output, start + 14)
        rewriteMAC(&output, start + 18)
        rewriteIPv4(&output, start + 24)
    }

    /// The IP header at `start`: addresses replaced, IPv4 options zeroed; the transport
    /// message it carries, or its fragment, recorded.
    private mutating func network(
        _ output: inout [UInt8], _ original: [UInt8], _ start: Int, _ end: Int, messages: inout [TransportMessage],
        fragments: inout [FragmentKey: [Fragment]], order: inout [FragmentKey], ipv4Headers: inout [Range<Int>]
    ) {
        let version = UInt8(Field.u8(original, start) >> 4)
        func record(_ key: FragmentKey, _ fragment: Fragment) {
            if fragments[key] == nil { order.append(key) }
            fragments[key, default: []].append(fragment)
        }
        if version == 4 {
            // RFC 791 §3.1.
            let headerLength = (Field.u8(original, start) & 0x0F) * 4
            guard headerLength >= 20, start + headerLength <= end else {
                zero(&output, start..<end)
                return
            }
            var total = Field.u16(original, start + 2)
            if total == 0 { total = end - start }  // segmentation offload leaves it zero
            let declaredEnd = start + max(total, headerLength)
            let payload = (start + headerLength)..<min(declaredEnd, end)
            // Bytes after the packet (Ethernet padding) may hold stale memory.
            zero(&output, min(declaredEnd, end)..<end)
            rewriteIPv4(&output, start + 12)
            rewriteIPv4(&output, start + 16)
            zero(&output, (start + 20)..<(start + headerLength))
            ipv4Headers.append(start..<(start + headerLength))
            let protocolNumber = UInt8(Field.u8(original, start + 9))
            let flags = Field.u16(original, start + 6)
            let fragmentOffset = (flags & 0x1FFF) * 8
            let more = flags & 0x2000 != 0
            let complete = declaredEnd <= end
            if fragmentOffset > 0 || more {
                let key = FragmentKey(
                    source: Array(original[(start + 12)..<(start + 16)]),
                    destination: Array(original[(start + 16)..<(start + 20)]),
                    identification: UInt32(Field.u16(original, start + 4)), protocolNumber: protocolNumber)
                record(
                    key,
                    Fragment(
                        offset: fragmentOffset, data: payload, more: more, ipHeader: start, version: 4,
                        protocolNumber: protocolNumber, complete: complete))
            } else {
                messages.append(
                    TransportMessage(
                        version: 4, ipHeader: start, protocolNumber: protocolNumber, pieces: [payload],
                        complete: complete))
            }
        } else if version == 6 {
            // RFC 8200 §3, and the extension header chain of §4.
            guard end - start >= 40 else {
                zero(&output, start..<end)
                return
            }
            var payloadLength = Field.u16(original, start + 4)
            if payloadLength == 0 { payloadLength = end - start - 40 }  // jumbogram (RFC 2675) or offload
            let declaredEnd = start + 40 + payloadLength
            let payloadEnd = min(declaredEnd, end)
            let complete = declaredEnd <= end
            zero(&output, payloadEnd..<end)
            rewriteIPv6(&output, start + 8)
            rewriteIPv6(&output, start + 24)
            var next = Field.u8(original, start + 6)
            var at = start + 40
            for _ in 0..<32 {
                switch next {
                case 0, 43, 60, 51:
                    guard at + 8 <= payloadEnd else { break }
                    let length =
                        next == 51 ? (Field.u8(original, at + 1) + 2) * 4 : (Field.u8(original, at + 1) + 1) * 8
                    guard at + length <= payloadEnd else { break }
                    // A routing header lists the addresses the packet visits (§4.4).
                    if next == 43 { zero(&output, (at + 4)..<(at + length)) }
                    next = Field.u8(original, at)
                    at += length
                    continue
                case 44:
                    guard at + 8 <= payloadEnd else { break }
                    let field = Field.u16(original, at + 2)
                    let offset = (field >> 3) * 8
                    let more = field & 1 != 0
                    let protocolNumber = UInt8(Field.u8(original, at))
                    if offset > 0 || more {
                        let key = FragmentKey(
                            source: Array(original[(start + 8)..<(start + 24)]),
                            destination: Array(original[(start + 24)..<(start + 40)]),
                            identification: UInt32(Field.u32(original, at + 4)), protocolNumber: 0)
                        record(
                            key,
                            Fragment(
                                offset: offset, data: (at + 8)..<payloadEnd, more: more, ipHeader: start, version: 6,
                                protocolNumber: protocolNumber, complete: complete))
                        return
                    }
                    // An atomic fragment (RFC 6946) is read through.
                    next = Int(protocolNumber)
                    at += 8
                    continue
                default:
                    break
                }
                break
            }
            messages.append(
                TransportMessage(
                    version: 6, ipHeader: start, protocolNumber: UInt8(truncatingIfNeeded: next),
                    pieces: [min(at, payloadEnd)..<payloadEnd], complete: complete))
        } else {
            zero(&output, start..<end)
        }
    }

    /// A datagram from its fragments (RFC 791 §3.2, RFC 8200 §4.5), when they cover it from
    /// offset 0 to a last fragment without overlap or gap.
    private static func reassemble(_ pieces: [Fragment]) -> TransportMessage? {
        guard let first = pieces.first, first.offset == 0, let last = pieces.last, !last.more else { return nil }
        var expected = 0
        for piece in pieces {
            guard piece.offset == expected, piece.complete else { return nil }
            expected += piece.data.count
        }
        return TransportMessage(
            version: first.version, ipHeader: first.ipHeader, protocolNumber: first.protocolNumber,
            pieces: pieces.map(\.data), complete: true, reassembled: true)
    }

    /// The transport header and payload of one message, gathered into `bytes`; returns where
    /// the header of a TCP segment starts, whose payload waits for its stream.
    private mutating func transport(
        _ bytes: inout [UInt8], _ message: TransportMessage, index: Int, output: [UInt8],
        segments: inout [FlowKey: [TCPSegment]], order: inout [FlowKey]
    ) -> Int? {
        var start = 0
        var protocolNumber = Int(message.protocolNumber)
        if message.reassembled && message.version == 6 {
            // The fragmentable part may start with more extension headers (RFC 8200 §4.5).
            while [0, 43, 60].contains(protocolNumber), start + 8 <= bytes.count {
                let length = (Int(bytes[start + 1]) + 1) * 8
                protocolNumber = Int(bytes[start])
                start += length
            }
            guard start <= bytes.count else {
                zero(&bytes, 0..<bytes.count)
                return nil
            }
        }
        let available = bytes.count - start
        if (protocolNumber == 1 || protocolNumber == 58) && available >= 4 {
            // ICMP (RFC 792) and ICMPv6 (RFC 4443 §2.1): type and code kept; the rest (echo
            // data, the quoted packet of an error) zeroed; the checksum computed again.
            zero(&bytes, (start + 4)..<bytes.count)
            guard message.complete, !collecting else { return nil }
            Field.write16(0, &bytes, start + 2)
            let parts =
                protocolNumber == 58
                ? [Self.pseudoHeader(output, message, protocolNumber: 58, length: available)[...]] : []
            Field.write16(InternetChecksum.compute(parts + [bytes[start...]]), &bytes, start + 2)
            return nil
        }
        switch protocolNumber {
        case 17 where available >= 8:
            // RFC 768: source port, destination port, length, checksum.
            rewritePort(&bytes, start)
            rewritePort(&bytes, start + 2)
            let length = Field.u16(bytes, start + 4)
            let payload = (start + 8)..<max(start + 8, min(start + length, bytes.count))
            if PacketCapture.Reading.looksLikeSIP(Array(bytes[payload])) {
                messages(&bytes, payload, .sip, zeroingOthers: true)
            } else if HEPPacket.header(bytes, at: payload.lowerBound) == .length(payload.count) {
                hepPacket(&bytes, payload)  // sent to a collector: the message inside is anonymized
            } else {
                zero(&bytes, payload)
            }
            udpChecksum(&bytes, start, length: length, message, output)
            return nil
        case 6 where available >= 20:
            // RFC 9293 §3.1: ports, sequence number, data offset in 32-bit words.
            let headerLength = Int(bytes[start + 12] >> 4) * 4
            guard headerLength >= 20, headerLength <= available else {
                zero(&bytes, start..<bytes.count)
                return nil
            }
            let key = FlowKey(
                source: Self.address(output, message, destination: false), sourcePort: Field.u16(bytes, start),
                destination: Self.address(output, message, destination: true),
                destinationPort: Field.u16(bytes, start + 2))
            rewritePort(&bytes, start)
            rewritePort(&bytes, start + 2)
            if segments[key] == nil { order.append(key) }
            segments[key, default: []].append(
                TCPSegment(
                    message: index, sequence: UInt32(truncatingIfNeeded: Field.u32(bytes, start + 4)),
                    syn: bytes[start + 13] & 0x02 != 0, payload: (start + headerLength)..<bytes.count))
            return start
        default:
            zero(&bytes, start..<bytes.count)
            return nil
        }
    }

    /// The 4 or 16 address bytes of the message's IP header, as they are now in `output`.
    private static func address(_ output: [UInt8], _ message: TransportMessage, destination: Bool) -> [UInt8] {
        let offset = message.version == 4 ? (destination ? 16 : 12) : (destination ? 24 : 8)
        let length = message.version == 4 ? 4 : 16
        let start = message.ipHeader + offset
        guard start + length <= output.count else { return [] }
        return Array(output[start..<(start + length)])
    }

    /// The pseudo-header of UDP, TCP and ICMPv6 checksums: RFC 768 and RFC 9293 §3.1 for IPv4
    /// (source, destination, zero, protocol, length), RFC 8200 §8.1 for IPv6 (source,
    /// destination, 32-bit length, three zero bytes, next header).
    private static func pseudoHeader(
        _ output: [UInt8], _ message: TransportMessage, protocolNumber: UInt8, length: Int
    ) -> [UInt8] {
        let source = address(output, message, destination: false)
        let destination = address(output, message, destination: true)
        if message.version == 4 {
            return source + destination + [
                0, protocolNumber, UInt8(truncatingIfNeeded: length >> 8), UInt8(truncatingIfNeeded: length),
            ]
        }
        let lengthBytes = (0..<4).map { UInt8(truncatingIfNeeded: length >> (24 - 8 * $0)) }
        return source + destination + lengthBytes + [0, 0, 0, protocolNumber]
    }

    /// RFC 768: the checksum over the pseudo-header, header and data; 0 transmitted as 0xFFFF.
    /// Over IPv4 a zero checksum means none and stays so, and a datagram the capture cut is
    /// left without one; over IPv6 it is mandatory (RFC 8200 §8.1) and left as it was when it
    /// cannot be computed.
    private func udpChecksum(
        _ bytes: inout [UInt8], _ start: Int, length: Int, _ message: TransportMessage, _ output: [UInt8]
    ) {
        guard !collecting else { return }
        let original = Field.u16(bytes, start + 6)
        if message.version == 4 && original == 0 { return }
        guard message.complete, length >= 8, start + length == bytes.count else {
            if message.version == 4 { Field.write16(0, &bytes, start + 6) }
            return
        }
        Field.write16(0, &bytes, start + 6)
        let header = Self.pseudoHeader(output, message, protocolNumber: 17, length: length)
        let sum = InternetChecksum.compute([header[...], bytes[start...]])
        Field.write16(sum == 0 ? 0xFFFF : sum, &bytes, start + 6)
    }

    /// RFC 9293 §3.1 (RFC 793 §3.1 before it): the checksum over the pseudo-header, header and
    /// data, when the capture holds the whole segment.
    private func tcpChecksum(_ bytes: inout [UInt8], _ start: Int, _ message: TransportMessage, _ output: [UInt8]) {
        guard !collecting, message.complete, start + 20 <= bytes.count else { return }
        Field.write16(0, &bytes, start + 16)
        let header = Self.pseudoHeader(output, message, protocolNumber: 6, length: bytes.count - start)
        Field.write16(InternetChecksum.compute([header[...], bytes[start...]]), &bytes, start + 16)
    }

    /// One direction of a TCP connection: its segments' payloads laid out by sequence number
    /// (RFC 9293 §3.4, modulo 2^32; the SYN takes one number), the first copy of a byte kept
    /// as a receiver keeps it, every contiguous run anonymized as SIP or HTTP when it holds a
    /// start line of either and zeroed otherwise, and every segment — retransmissions too —
    /// given back the anonymized bytes of its sequence numbers.
    private mutating func tcpStream(_ segments: [TCPSegment], _ gathered: inout [[UInt8]]) {
        guard let first = segments.first else { return }
        let base = segments.first(where: \.syn).map { $0.sequence &+ 1 } ?? first.sequence
        let offsets = segments.map { Int(Int32(bitPattern: ($0.sequence &+ ($0.syn ? 1 : 0)) &- base)) }
        let carrying = segments.indices.filter { !segments[$0].payload.isEmpty }
        guard let low = carrying.map({ offsets[$0] }).min(),
            let high = carrying.map({ offsets[$0] + segments[$0].payload.count }).max()
        else { return }
        let total = carrying.reduce(0) { $0 + segments[$1].payload.count }
        guard high - low <= max(1 << 20, 4 * total) else {
            // Sequence numbers that do not describe one stream: each segment on its own.
            for segment in segments { streamRun(&gathered[segment.message], segment.payload) }
            return
        }
        var stream = [UInt8](repeating: 0, count: high - low)
        var filled = [Bool](repeating: false, count: high - low)
        for index in carrying {
            let segment = segments[index]
            for (step, position) in segment.payload.enumerated() {
                let at = offsets[index] - low + step
                if !filled[at] {
                    stream[at] = gathered[segment.message][position]
                    filled[at] = true
                }
            }
        }
        var run = 0
        while run < stream.count {
            guard filled[run] else {
                run += 1
                continue
            }
            var stop = run
            while stop < stream.count && filled[stop] { stop += 1 }
            streamRun(&stream, run..<stop)
            run = stop
        }
        for index in carrying {
            let segment = segments[index]
            for (step, position) in segment.payload.enumerated() {
                gathered[segment.message][position] = stream[offsets[index] - low + step]
            }
        }
    }

    /// A contiguous run of stream bytes: SIP or HTTP messages, or zeroed.
    private mutating func streamRun(_ bytes: inout [UInt8], _ range: Range<Int>) {
        var cursor = range.lowerBound
        var sip = false
        var http = false
        while cursor < range.upperBound && !sip && !http {
            let line = BufferLine(bytes, from: cursor, to: range.upperBound)
            if !line.content.isEmpty {
                sip = Self.isStartLine(bytes, line.content, .sip)
                http = !sip && Self.isStartLine(bytes, line.content, .http)
            }
            cursor = line.next
        }
        if sip {
            messages(&bytes, range, .sip, zeroingOthers: true)
        } else if http {
            messages(&bytes, range, .http, zeroingOthers: true)
        } else {
            zero(&bytes, range)
        }
    }

    // MARK: Header fields

    mutating func rewritePort(_ bytes: inout [UInt8], _ at: Int) {
        let value = Field.u16(bytes, at)
        let replaced = port(value)
        if replaced != value { Field.write16(replaced, &bytes, at) }
    }

    mutating func rewriteIPv4(_ bytes: inout [UInt8], _ at: Int) {
        guard at >= 0, at + 4 <= bytes.count else { return }
        let value = UInt32(truncatingIfNeeded: Field.u32(bytes, at))
        let replaced = ipv4(value)
        for index in 0..<4 { bytes[at + index] = UInt8(truncatingIfNeeded: replaced >> UInt32(24 - 8 * index)) }
    }

    mutating func rewriteIPv6(_ bytes: inout [UInt8], _ at: Int) {
        guard at >= 0, at + 16 <= bytes.count else { return }
        let groups = (0..<8).map { UInt16(truncatingIfNeeded: Field.u16(bytes, at + 2 * $0)) }
        let replaced = ipv6(IPv6Groups(groups: groups))
        for (index, group) in replaced.groups.enumerated() where index < 8 {
            Field.write16(Int(group), &bytes, at + 2 * index)
        }
    }

    private mutating func rewriteMAC(_ bytes: inout [UInt8], _ at: Int) {
        guard at >= 0, at + 6 <= bytes.count else { return }
        let value = bytes[at..<(at + 6)].reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        let replaced = mac(value)
        for index in 0..<6 { bytes[at + index] = UInt8(truncatingIfNeeded: replaced >> UInt64(40 - 8 * index)) }
    }

    // MARK: gzip

    /// A gzip file (RFC 1952): its content anonymized as what it is, compressed again into one
    /// member without the original's file name or time.
    mutating func gzip(_ bytes: [UInt8]) throws(AnonymizationError) -> [UInt8] {
        guard depth < 4 else {
            throw AnonymizationError(.nestedTooDeep, "the gzip data holds gzip data nested more than four deep")
        }
        let result = Gzip.decompress(bytes, outputLimit: maxDecompressedBytes)
        if let error = result.error, error.code == .gzipOutputLimit {
            throw AnonymizationError(
                .damagedGzip,
                "the gzip data decompresses to more than \(maxDecompressedBytes) bytes; raise the limit with --max-bytes"
            )
        } else if let error = result.error {
            throw AnonymizationError(
                .damagedGzip, "the gzip data is damaged, so it cannot be anonymized whole: \(error)")
        }
        depth += 1
        defer { depth -= 1 }
        let inner = try rewrite(result.bytes, kind: InputKind.detect(result.bytes))
        guard !collecting else { return bytes }
        guard let compressed = Gzip.compress(inner) else {
            throw AnonymizationError(.compressionFailed, "zlib could not compress the anonymized data")
        }
        return compressed
    }
}
