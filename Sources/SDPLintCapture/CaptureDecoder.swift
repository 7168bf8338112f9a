/// Reads a capture down to UDP datagrams and TCP streams: the link layer, IPv4 and IPv6 with
/// fragment reassembly, UDP, and TCP stream reassembly per direction.
///
/// A pull-style decoder: ``next()`` returns events in capture order until the capture is over.
/// It never throws and never traps: a damaged file ends with an ``CaptureEvent/issue(_:)``
/// carrying the fault, after every event the packets before it made, and after the datagrams
/// and streams still waiting have been released (incomplete datagrams and holes reported).
/// Traffic that is not IP, or not UDP or TCP, is counted in ``statistics`` and skipped.
///
/// ```swift
/// let decoder = try CaptureDecoder(path: "sip.pcapng")
/// while let event = decoder.next() {
///     switch event {
///     case .udp(let datagram): print(datagram.frame, datagram.flow, datagram.payload.count)
///     case .tcpData(let segment): print(segment.frame, segment.flow, segment.streamOffset)
///     case .tcpGap(let gap): print(gap.issue)
///     case .issue(let issue): print(issue)
///     case .tcpStart, .tcpEnd: break
///     }
/// }
/// ```
///
/// Memory is bounded by ``Limits`` whatever the input; a class, because it owns the reader's
/// open file.
public final class CaptureDecoder {
    /// Bounds on what reassembly keeps, so that a hostile capture cannot exhaust memory.
    public struct Limits: Sendable, Hashable {
        /// IP datagrams waiting for fragments at once.
        public var maximumPendingDatagrams = 1024
        /// Bytes of fragments kept over all waiting datagrams.
        public var maximumFragmentBytes = 32 << 20
        /// Fragments accepted for one datagram.
        public var maximumFragmentsPerDatagram = 1024
        /// Frames after its first fragment within which a datagram must complete.
        public var fragmentTimeoutFrames = 10_000
        /// Capture seconds after its first fragment within which a datagram must complete.
        public var fragmentTimeoutSeconds: Int64 = 30
        /// Out-of-order TCP segments kept per direction.
        public var maximumOutOfOrderSegments = 1024
        /// Out-of-order TCP bytes kept per direction.
        public var maximumOutOfOrderBytes = 4 << 20
        /// Out-of-order TCP bytes kept over all directions.
        public var maximumTotalOutOfOrderBytes = 64 << 20
        /// TCP directions tracked at once.
        public var maximumTCPFlows = 100_000
        /// Issues reported; later ones are only counted in ``Statistics/droppedIssues``.
        public var maximumIssues = 10_000

        public init() {}
    }

    /// What the decoder saw, by kind.
    public struct Statistics: Sendable, Hashable {
        public var frames = 0
        public var ipv4Packets = 0
        public var ipv6Packets = 0
        public var fragments = 0
        public var reassembledDatagrams = 0
        public var udpDatagrams = 0
        public var tcpSegments = 0
        public var tcpRetransmissions = 0
        /// Frames whose link layer carries something other than IP (ARP, LLDP…).
        public var nonIPFrames = 0
        /// IP packets of other protocols (ICMP, SCTP, ESP…).
        public var otherProtocolPackets = 0
        /// Frames of link types this decoder does not know.
        public var unsupportedLinkFrames = 0
        /// Frames skipped because a header in them was malformed or cut.
        public var malformedFrames = 0
        public var droppedIssues = 0
        /// HEP packets found in UDP datagrams, whose messages were read in their place.
        public var hepPackets = 0
    }

    /// The packet reader underneath, for its format and interfaces.
    public let reader: PacketReader
    public let limits: Limits
    public private(set) var statistics = Statistics()

    private var fragments: FragmentReassembler
    private var tcp: TCPReassembler
    private var queue: [CaptureEvent] = []
    private var head = 0
    private var finished = false
    private var issues = 0
    private var unsupportedLinks: Set<LinkType> = []
    private var hep = HEPEvents()

    public init(reader: PacketReader, limits: Limits = Limits()) {
        self.reader = reader
        self.limits = limits
        fragments = FragmentReassembler(
            limits: .init(
                maximumDatagrams: max(1, limits.maximumPendingDatagrams), maximumBytes: limits.maximumFragmentBytes,
                maximumFragmentsPerDatagram: limits.maximumFragmentsPerDatagram,
                maximumAgeFrames: limits.fragmentTimeoutFrames, maximumAgeSeconds: limits.fragmentTimeoutSeconds))
        tcp = TCPReassembler(
            limits: .init(
                maximumSegmentsPerFlow: limits.maximumOutOfOrderSegments,
                maximumBytesPerFlow: limits.maximumOutOfOrderBytes,
                maximumBytes: limits.maximumTotalOutOfOrderBytes, maximumFlows: max(1, limits.maximumTCPFlows)))
    }

    /// Opens a capture file (pcap or pcapng, gzip-compressed or not).
    ///
    /// - Throws: ``CaptureError`` when the file cannot be opened or its header is not a capture's.
    public convenience init(
        path: String, limits: Limits = Limits(), options: PacketReader.Options = .init()
    ) throws(CaptureError) {
        self.init(reader: try PacketReader(path: path, options: options), limits: limits)
    }

    /// Reads a capture from a source already opened: a FIFO or standard input, whose first
    /// bytes were read to tell what it is, cannot be opened again.
    package convenience init(source: any ByteSource, limits: Limits = Limits()) throws(CaptureError) {
        self.init(reader: try PacketReader(source: source, options: .init()), limits: limits)
    }

    /// Reads a capture held in memory.
    public convenience init(
        bytes: [UInt8], limits: Limits = Limits(), options: PacketReader.Options = .init()
    ) throws(CaptureError) {
        self.init(reader: try PacketReader(bytes: bytes, options: options), limits: limits)
    }

    /// The next event, or `nil` once the capture is over and everything was released.
    public func next() -> CaptureEvent? {
        while head == queue.count {
            queue.removeAll(keepingCapacity: true)
            head = 0
            if finished { return nil }
            do throws(CaptureError) {
                if let packet = try reader.next() {
                    takeReaderIssues()
                    decode(packet)
                } else {
                    takeReaderIssues()
                    finish()
                }
            } catch {
                takeReaderIssues()
                finish()
                queue.append(.issue(CaptureIssue(error)))
            }
        }
        defer { head += 1 }
        return queue[head]
    }

    /// Every event of the capture, for captures small enough to hold in memory.
    public func allEvents() -> [CaptureEvent] {
        var events: [CaptureEvent] = []
        while let event = next() { events.append(event) }
        return events
    }

    private func finish() {
        finished = true
        var found: [CaptureIssue] = []
        fragments.finish(issues: &found)
        found.forEach(report)
        tcp.finish(events: &queue)
        statistics.tcpRetransmissions = tcp.retransmissions
        statistics.reassembledDatagrams = fragments.reassembled
    }

    private func takeReaderIssues() {
        for issue in reader.takeIssues() { report(issue) }
    }

    private func report(_ issue: CaptureIssue) {
        guard issues < limits.maximumIssues else {
            statistics.droppedIssues += 1
            return
        }
        issues += 1
        queue.append(.issue(issue))
    }

    private func malformed(_ packet: Packet, _ message: String) {
        statistics.malformedFrames += 1
        report(
            CaptureIssue(
                rule: CaptureRules.malformedHeader, frame: packet.frame, offset: packet.offset, message: message))
    }

    private func decode(_ packet: Packet) {
        statistics.frames += 1
        var found: [CaptureIssue] = []
        fragments.expire(frame: packet.frame, time: packet.timestamp, issues: &found)
        found.forEach(report)

        let start: Int
        switch NetworkLayer.link(packet.linkType, packet.data) {
        case .ip(let at):
            start = at
        case .notIP:
            statistics.nonIPFrames += 1
            return
        case .unsupported:
            statistics.unsupportedLinkFrames += 1
            if unsupportedLinks.insert(packet.linkType).inserted {
                report(
                    CaptureIssue(
                        rule: CaptureRules.unsupportedLinkType, frame: packet.frame, offset: packet.offset,
                        message: "link type \(packet.linkType) is not decoded; its packets are skipped"))
            }
            return
        case .malformed(let reason):
            // A frame cut inside its link header is a snaplen matter, not a bad header.
            if packet.isTruncated {
                snaplen(packet, "the capture cut frame \(packet.frame) inside its link-layer header")
            } else {
                malformed(packet, reason)
            }
            return
        }
        let ip: NetworkLayer.IPPacket
        switch NetworkLayer.ip(packet.data, start: start, originalLength: packet.originalLength) {
        case .packet(let decoded): ip = decoded
        case .malformed(let reason):
            if packet.isTruncated {
                snaplen(packet, "the capture cut frame \(packet.frame) inside its IP header")
            } else {
                malformed(packet, reason)
            }
            return
        }
        if ip.source.version == 4 { statistics.ipv4Packets += 1 } else { statistics.ipv6Packets += 1 }

        guard let fragment = ip.fragment else {
            transport(
                ip.protocolNumber, source: ip.source, destination: ip.destination, data: packet.data, range: ip.payload,
                missing: ip.missing, frames: [packet.frame], packet: packet)
            return
        }
        statistics.fragments += 1
        guard ip.missing == 0 else {
            snaplen(
                packet, "the capture cut an IP fragment in frame \(packet.frame), so its datagram cannot be reassembled"
            )
            return
        }
        let isIPv6 = ip.source.version == 6
        let key = FragmentReassembler.Key(
            source: ip.source, destination: ip.destination, identification: fragment.identification,
            protocolNumber: isIPv6 ? 0 : ip.protocolNumber)
        found = []
        let outcome = fragments.add(
            key: key, isIPv6: isIPv6, protocolNumber: ip.protocolNumber, offset: fragment.offset,
            more: fragment.more, data: packet.data, range: ip.payload, frame: packet.frame,
            time: packet.timestamp, recordOffset: packet.offset, issues: &found)
        found.forEach(report)
        switch outcome {
        case .pending:
            break
        case .dropped(let issue):
            report(issue)
        case .complete(let payload, var protocolNumber, let frames):
            statistics.reassembledDatagrams = fragments.reassembled
            var range = 0..<payload.count
            if isIPv6 {
                // The fragmentable part may start with more extension headers (RFC 8200 §4.5).
                switch NetworkLayer.extensions(payload, next: protocolNumber, from: 0, to: payload.count) {
                case .success(let chain) where chain.fragment == nil:
                    protocolNumber = chain.next
                    range = chain.start..<payload.count
                case .success:
                    malformed(packet, "a reassembled IPv6 datagram holds another fragment header")
                    return
                case .failure(let failure):
                    malformed(packet, failure.reason)
                    return
                }
            }
            transport(
                protocolNumber, source: ip.source, destination: ip.destination, data: payload, range: range,
                missing: 0, frames: frames, packet: packet)
        }
    }

    private func snaplen(_ packet: Packet, _ message: String) {
        statistics.malformedFrames += 1
        report(
            CaptureIssue(
                rule: CaptureRules.snaplenTruncated, frame: packet.frame, offset: packet.offset,
                message: "\(message) (\(packet.data.count) of \(packet.originalLength) bytes captured)"))
    }

    /// A HEP packet sent to a collector: the message it carries is read in its place, with the
    /// addresses, ports and time the agent saw it at.
    private func encapsulated(_ payload: [UInt8], in packet: Packet) {
        statistics.hepPackets += 1
        switch HEPPacket.decode(payload) {
        case .packet(let inner, _):
            hep.add(inner, frame: packet.frame, to: &queue)
        case .malformed(let reason, _), .notHEP3(let reason):
            report(HEPEvents.issue(reason, frame: packet.frame, offset: packet.offset))
        case .incomplete(let length):
            let needed = length.map { "\($0) bytes" } ?? "more bytes"
            report(
                HEPEvents.issue(
                    "the HEP packet needs \(needed), the datagram holds \(payload.count)", frame: packet.frame,
                    offset: packet.offset))
        }
    }

    /// UDP (RFC 768) or TCP (RFC 9293 §3.1) at `range` of `data`; `missing` bytes after it
    /// were cut by the capture.
    private func transport(
        _ protocolNumber: UInt8, source: IPAddress, destination: IPAddress, data: [UInt8], range: Range<Int>,
        missing: Int, frames: [Int], packet: Packet
    ) {
        let available = range.count
        switch protocolNumber {
        case 17:
            guard available >= 8 else {
                if missing > 0 {
                    snaplen(packet, "the capture cut the UDP header of frame \(packet.frame)")
                } else {
                    malformed(packet, "a UDP header needs 8 bytes, \(available) are there")
                }
                return
            }
            let at = range.lowerBound
            var length = Int(data.u16(at + 4))
            // Length 0 is a jumbogram over IPv6 (RFC 2675 §4): the IP length holds.
            if length == 0, source.version == 6 { length = available + missing }
            guard length >= 8 else {
                malformed(packet, "UDP length \(length) is below 8")
                return
            }
            guard length <= available else {
                if length <= available + missing {
                    snaplen(packet, "the capture cut the UDP datagram of frame \(packet.frame)")
                } else {
                    malformed(packet, "UDP length \(length) is more than the \(available) bytes of the IP payload")
                }
                return
            }
            statistics.udpDatagrams += 1
            let flow = Flow(
                source: source, sourcePort: data.u16(at), destination: destination, destinationPort: data.u16(at + 2))
            let payload = data.copy((at + 8)..<(at + length))
            if HEPPacket.startsPacket(payload) { return encapsulated(payload, in: packet) }
            queue.append(.udp(UDPDatagram(flow: flow, payload: payload, frames: frames, time: packet.timestamp)))
        case 6:
            let at = range.lowerBound
            let headerLength = Int(data.u8(at + 12) >> 4) * 4
            guard available >= 20, headerLength >= 20, headerLength <= available else {
                if missing > 0 {
                    snaplen(packet, "the capture cut the TCP header of frame \(packet.frame)")
                } else {
                    malformed(
                        packet,
                        available < 20
                            ? "a TCP header needs 20 bytes, \(available) are there"
                            : "TCP data offset \(headerLength) does not fit the \(available) bytes of the segment")
                }
                return
            }
            statistics.tcpSegments += 1
            let flow = Flow(
                source: source, sourcePort: data.u16(at), destination: destination, destinationPort: data.u16(at + 2))
            let bits = data.u8(at + 13)
            let flags = TCPReassembler.Flags(syn: bits & 0x02 != 0, fin: bits & 0x01 != 0, rst: bits & 0x04 != 0)
            tcp.receive(
                flow: flow, sequence: data.u32(at + 4), flags: flags,
                payload: data[(at + headerLength)..<range.upperBound],
                missingTail: missing, frame: packet.frame, time: packet.timestamp, events: &queue)
            statistics.tcpRetransmissions = tcp.retransmissions
        default:
            statistics.otherProtocolPackets += 1
        }
    }
}
