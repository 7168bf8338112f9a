/// Where a capture's events come from: a pcap or pcapng file (``CaptureDecoder``) or a stream of
/// HEP packets (``HEPStreamDecoder``).
package protocol CaptureEventSource: AnyObject {
    /// The next event, or `nil` once the input is over.
    func next() -> CaptureEvent?
    /// What the input is: `pcapng`, `HEP3 packets`.
    var formatName: String { get }
    /// What was read, for a capture that held no SIP: `12 frames, 3 UDP datagrams, 0 TCP segments`.
    var contents: String { get }
}

extension CaptureDecoder: CaptureEventSource {
    package var formatName: String { reader.format.description }
    package var contents: String {
        var text = "\(statistics.frames) frames, \(statistics.udpDatagrams) UDP datagrams, "
        text += "\(statistics.tcpSegments) TCP segments"
        if statistics.hepPackets > 0 { text += ", \(statistics.hepPackets) HEP packets" }
        return text
    }
}

/// The events of the messages HEP packets carry, as if captured on the wire: a message an agent
/// saw over UDP (or SCTP) is a datagram; one it saw over TCP is the next bytes of that
/// direction's stream (agents send each message, or each segment, as they saw it), which the
/// SIP framing then cuts into messages.
struct HEPEvents {
    /// The stream offset reached in each TCP direction.
    private var offsets: [Flow: UInt64] = [:]
    /// Packets that carried something else than SIP: RTCP reports, logs, QoS statistics.
    private(set) var otherPayloads = 0
    /// The most TCP directions followed; past it, offsets start again (a stream then reads as
    /// picked up mid-way, which the SIP framing handles).
    static let maximumFlows = 100_000

    mutating func add(_ packet: HEPPacket, frame: Int, to queue: inout [CaptureEvent]) {
        guard packet.payloadType == HEPPacket.sip else {
            otherPayloads += 1
            return
        }
        guard packet.ipProtocol == 6 else {
            queue.append(
                .udp(UDPDatagram(flow: packet.flow, payload: packet.payload, frames: [frame], time: packet.time)))
            return
        }
        if offsets.count >= Self.maximumFlows, offsets[packet.flow] == nil { offsets = [:] }
        let offset = offsets[packet.flow, default: 0]
        offsets[packet.flow] = offset + UInt64(packet.payload.count)
        queue.append(
            .tcpData(
                TCPSegment(
                    flow: packet.flow, payload: packet.payload, frame: frame, time: packet.time, streamOffset: offset)
            ))
    }

    /// A packet that could not be read, as an issue at `frame`.
    static func issue(_ reason: String, frame: Int?, offset: Int?) -> CaptureIssue {
        CaptureIssue(rule: CaptureRules.hepMalformed, frame: frame, offset: offset, message: reason)
    }
}

/// HEP packets one after another — what a collector receives, as written to a file or read from
/// a listening socket — read a packet at a time, so memory stays flat. Packets are numbered
/// from 1 like frames.
///
/// Bytes that are not a packet are reported once per run and skipped to the next `HEP3`; a
/// malformed packet whose length is known is reported and stepped over.
package final class HEPStreamDecoder: CaptureEventSource {
    private var input: ChunkedInput
    private var events = HEPEvents()
    private var queue: [CaptureEvent] = []
    private var head = 0
    private var finished = false
    private(set) var packets = 0
    private var issues = 0
    /// The most issues reported; the rest are counted.
    static let maximumIssues = 10_000

    package init(source: any ByteSource) {
        input = ChunkedInput(source: source, chunkSize: 1 << 16)
    }

    /// Reads packets held in memory.
    package convenience init(bytes: [UInt8]) { self.init(source: MemorySource(bytes)) }

    package var formatName: String { "HEP3 packets" }
    package var contents: String {
        var text = packets == 1 ? "1 HEP packet" : "\(packets) HEP packets"
        if events.otherPayloads > 0 { text += ", \(events.otherPayloads) of them carrying something else than SIP" }
        return text
    }

    package func next() -> CaptureEvent? {
        while head == queue.count {
            queue.removeAll(keepingCapacity: true)
            head = 0
            if finished { return nil }
            do throws(CaptureError) {
                try read()
            } catch {
                finished = true
                queue.append(.issue(CaptureIssue(error)))
            }
        }
        defer { head += 1 }
        return queue[head]
    }

    /// Reads the next packet (or run of bytes that is not one) into the queue.
    private func read() throws(CaptureError) {
        guard try input.fill(HEPPacket.headerLength) else {
            finished = true
            if input.available > 0 {
                report(
                    CaptureIssue(
                        rule: CaptureRules.truncatedFile, frame: nil, offset: input.offset,
                        message: "the input ends inside a HEP packet's header (\(input.available) bytes)"))
            }
            return
        }
        var decoding = HEPPacket.decode(input.buffer, at: input.position)
        if case .incomplete(let length?) = decoding {
            guard try input.fill(length) else {
                finished = true
                report(
                    CaptureIssue(
                        rule: CaptureRules.truncatedFile, frame: packets + 1, offset: input.offset,
                        message: "the input ends inside a HEP packet of \(length) bytes (\(input.available) are there)")
                )
                return
            }
            decoding = HEPPacket.decode(input.buffer, at: input.position)
        }
        switch decoding {
        case .packet(let packet, let length):
            packets += 1
            events.add(packet, frame: packets, to: &queue)
            input.consume(length)
        case .malformed(let reason, let length):
            packets += 1
            report(HEPEvents.issue(reason, frame: packets, offset: input.offset))
            input.consume(length)
        case .notHEP3(let reason):
            try skip(reason)
        case .incomplete:
            try skip("a HEP3 header cut short")  // not after fill: the header is whole
        }
    }

    /// Bytes that are not a packet: skipped to the next HEP3, reported once.
    private func skip(_ reason: String) throws(CaptureError) {
        let offset = input.offset
        var skipped = 0
        repeat {
            input.consume(1)
            skipped += 1
            guard try input.fill(4) else {
                skipped += input.available
                input.consume(input.available)
                break
            }
        } while !HEPPacket.startsPacket(input.copy(0..<4))
        report(HEPEvents.issue("\(reason): \(skipped) bytes skipped", frame: nil, offset: offset))
    }

    private func report(_ issue: CaptureIssue) {
        guard issues < Self.maximumIssues else { return }
        issues += 1
        queue.append(.issue(issue))
    }
}
