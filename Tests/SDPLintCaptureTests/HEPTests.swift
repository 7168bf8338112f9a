import SDPLintDiagnostics
import Testing

@testable import SDPLintCapture

/// HEP version 3 packets: decoded chunk by chunk, read one after another as a collector receives
/// them, and found inside the UDP datagrams of a capture.
@Suite struct HEPTests {
    static let sip = Array("OPTIONS sip:a@192.0.2.2 SIP/2.0\r\nContent-Length: 0\r\n\r\n".utf8)

    static func packet(
        ipProtocol: UInt8 = 17, payloadType: UInt8 = HEPPacket.sip, payload: [UInt8] = sip,
        source: IPAddress = IPAddress(ipv4: Build.hostA), destination: IPAddress = IPAddress(ipv4: Build.hostB)
    ) -> HEPPacket {
        HEPPacket(
            flow: Flow(source: source, sourcePort: 5060, destination: destination, destinationPort: 5080),
            ipProtocol: ipProtocol, time: Timestamp(seconds: 1_700_000_000, nanoseconds: 250_000),
            payloadType: payloadType, agent: 2001, correlation: Array("call-1".utf8), payload: payload)
    }

    static func events(_ bytes: [UInt8]) -> [CaptureEvent] {
        let decoder = HEPStreamDecoder(bytes: bytes)
        var events: [CaptureEvent] = []
        while let event = decoder.next() { events.append(event) }
        return events
    }

    static func issues(_ events: [CaptureEvent]) -> [CaptureIssue] {
        events.compactMap { if case .issue(let issue) = $0 { issue } else { nil } }
    }

    @Test(arguments: [
        IPAddress(ipv4: Build.hostA), IPAddress(ipv6: Build.v6A.0, Build.v6A.1),
    ])
    func aPacketDecodesToWhatWasEncoded(_ source: IPAddress) throws {
        let destination = source.version == 4 ? IPAddress(ipv4: Build.hostB) : IPAddress(ipv6: Build.v6B.0, Build.v6B.1)
        let original = Self.packet(source: source, destination: destination)
        let bytes = original.encoded()
        guard case .packet(let decoded, let length) = HEPPacket.decode(bytes) else {
            Issue.record("not decoded: \(HEPPacket.decode(bytes))")
            return
        }
        #expect(length == bytes.count)
        #expect(decoded == original)
    }

    @Test func aUDPMessageIsADatagramAndATCPOneTheNextBytesOfItsStream() {
        let events = Self.events(
            Self.packet().encoded() + Self.packet(ipProtocol: 6).encoded() + Self.packet(ipProtocol: 6).encoded())
        guard events.count == 3, case .udp(let datagram) = events[0], case .tcpData(let first) = events[1],
            case .tcpData(let second) = events[2]
        else {
            Issue.record("\(events)")
            return
        }
        #expect(datagram.payload == Self.sip && datagram.frame == 1)
        #expect(datagram.flow.description == "192.0.2.1:5060 → 192.0.2.2:5080")
        #expect(datagram.time == Timestamp(seconds: 1_700_000_000, nanoseconds: 250_000))
        #expect(first.streamOffset == 0 && second.streamOffset == UInt64(Self.sip.count) && second.frame == 3)
    }

    @Test func aMalformedPacketIsReportedAndTheNextOneRead() {
        var broken = Self.packet().encoded()
        broken[6 + 4] = 0xFF  // the first chunk's length runs past the packet
        broken[6 + 5] = 0xFF
        let events = Self.events(broken + Self.packet().encoded())
        let issues = Self.issues(events)
        #expect(issues.map(\.rule.code) == ["CAP113"])
        #expect(issues.first?.frame == 1)
        #expect(issues.first?.message.contains("does not fit the packet") == true)
        #expect(events.contains { if case .udp(let datagram) = $0 { datagram.frame == 2 } else { false } })
    }

    @Test func bytesThatAreNotAPacketAreSkippedOnceToTheNextHEP3() {
        let garbage = Array(repeating: UInt8(0x41), count: 40)
        let events = Self.events(garbage + Self.packet().encoded() + [2, 16, 2, 17] + Self.packet().encoded())
        let issues = Self.issues(events)
        #expect(issues.map(\.rule.code) == ["CAP113", "CAP113"])
        #expect(issues.first?.message == "the bytes do not start with HEP3: 40 bytes skipped")
        #expect(issues.last?.message.hasPrefix("HEP version 2") == true)
        #expect(events.filter { if case .udp = $0 { true } else { false } }.count == 2)
    }

    @Test func aStreamCutInsideAPacketSaysSo() {
        let bytes = Self.packet().encoded()
        let issues = Self.issues(Self.events(bytes + bytes.prefix(20)))
        #expect(issues.map(\.rule.code) == ["CAP102"])
        #expect(issues.first?.message == "the input ends inside a HEP packet of \(bytes.count) bytes (20 are there)")
    }

    @Test func payloadsOtherThanSIPAreCountedNotRead() {
        let decoder = HEPStreamDecoder(bytes: Self.packet(payloadType: 100, payload: Array("log".utf8)).encoded())
        #expect(decoder.next() == nil)
        #expect(decoder.contents == "1 HEP packet, 1 of them carrying something else than SIP")
    }

    @Test func aGzipCompressedPayloadIsDecompressed() throws {
        var bytes = Self.packet().encoded()
        let compressed = try #require(Gzip.compress(Self.sip))
        // Chunk 15 becomes chunk 16 with the compressed bytes.
        let payloadChunk = try #require(
            bytes.indices.first { index in
                index + 6 < bytes.count && bytes[index..<(index + 4)].elementsEqual([0, 0, 0, 15])
            })
        let length = Int(bytes.u16(payloadChunk + 4))
        bytes.replaceSubrange(
            payloadChunk..<(payloadChunk + length),
            with: [0, 0, 0, 16] + Build.be16(UInt16(compressed.count + 6)) + compressed)
        bytes.replaceSubrange(4..<6, with: Build.be16(UInt16(bytes.count)))
        guard case .packet(let packet, _) = HEPPacket.decode(bytes) else {
            Issue.record("\(HEPPacket.decode(bytes))")
            return
        }
        #expect(packet.payload == Self.sip)
    }

    @Test func aCaptureOfPacketsSentToACollectorYieldsTheMessagesInside() throws {
        let inner = Self.packet().encoded()
        let udp = Build.be16(40000) + Build.be16(9060) + Build.be16(UInt16(8 + inner.count)) + Build.be16(0) + inner
        let capture = Build.pcap(frames: [Build.ethernet(payload: Build.ipv4(protocolNumber: 17, payload: udp))])
        let decoder = try CaptureDecoder(bytes: capture)
        let events = decoder.allEvents()
        guard events.count == 1, case .udp(let datagram) = events[0] else {
            Issue.record("\(events)")
            return
        }
        #expect(datagram.payload == Self.sip)
        #expect(datagram.flow.destinationPort == 5080 && datagram.frame == 1)
        #expect(decoder.statistics.hepPackets == 1)
    }
}
