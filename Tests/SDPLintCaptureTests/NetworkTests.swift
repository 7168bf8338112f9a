import Foundation
import SDPLintDiagnostics
import SDPLintTestSupport
import Testing

@testable import SDPLintCapture

@Suite struct LinkLayerTests {
    static let sip = Array("OPTIONS sip:bob@example.com SIP/2.0\r\nContent-Length: 0\r\n\r\n".utf8)
    static let ipPacket = Build.ipv4(protocolNumber: 17, payload: Build.udp(payload: sip))

    static func datagrams(_ frames: [[UInt8]], linkType: UInt16) throws -> [UDPDatagram] {
        try Build.events(frames, linkType: linkType).compactMap(\.udp)
    }

    @Test func ethernetWithAndWithoutVLANTags() throws {
        for tags: [UInt16] in [[], [0x8100], [0x88A8, 0x8100], [0x9100, 0x8100, 0x8100]] {
            let got = try Self.datagrams([Build.ethernet(tags: tags, payload: Self.ipPacket)], linkType: 1)
            #expect(got.map(\.payload) == [Self.sip], "tags \(tags)")
            #expect(got.first?.flow.description == "192.0.2.1:5060 → 192.0.2.2:5060")
        }
    }

    @Test func rawIPLinkTypes() throws {
        for linkType: UInt16 in [101, 228, 12, 14] {
            #expect(
                try Self.datagrams([Self.ipPacket], linkType: linkType).map(\.payload) == [Self.sip],
                "link type \(linkType)")
        }
        let v6 = Build.ipv6(next: 17, payload: Build.udp(payload: Self.sip))
        #expect(try Self.datagrams([v6], linkType: 229).map(\.payload) == [Self.sip])
        #expect(try Self.datagrams([v6], linkType: 101).map(\.payload) == [Self.sip])
    }

    @Test func loopbackFamiliesInEitherByteOrder() throws {
        for linkType: UInt16 in [0, 108] {
            for family: UInt32 in [2, 10, 24, 28, 30] {
                for header in [Build.le32(family), Build.be32(family)] {
                    let payload =
                        family == 2 ? Self.ipPacket : Build.ipv6(next: 17, payload: Build.udp(payload: Self.sip))
                    #expect(try Self.datagrams([header + payload], linkType: linkType).map(\.payload) == [Self.sip])
                }
            }
            // AF_APPLETALK or anything else: not IP, counted.
            let decoder = try CaptureDecoder(
                bytes: Build.pcap(linkType: linkType, frames: [Build.le32(16) + Self.ipPacket]))
            #expect(decoder.allEvents().isEmpty)
            #expect(decoder.statistics.nonIPFrames == 1)
        }
    }

    @Test func linuxCookedCaptures() throws {
        let sll = [0, 0, 0, 1, 0, 6] + [UInt8](repeating: 0, count: 8) + Build.be16(0x0800) + Self.ipPacket
        #expect(try Self.datagrams([sll], linkType: 113).map(\.payload) == [Self.sip])
        let sll2 =
            Build.be16(0x0800) + [0, 0, 0, 0, 0, 1, 0, 1, 0, 6] + [UInt8](repeating: 0, count: 8) + Self.ipPacket
        #expect(try Self.datagrams([sll2], linkType: 276).map(\.payload) == [Self.sip])
    }

    @Test func rewrappedFixturePacketsGiveTheSamePayloads() throws {
        // The Ethernet frames of a real capture, as raw IP, as BSD loopback and with a VLAN tag.
        let reader = try PacketReader(path: Fixture(path: "pcap/sip-udp-fragmented.pcap").url.path)
        var frames: [[UInt8]] = []
        while let packet = try reader.next() { frames.append(packet.data) }
        let original = try Build.events(frames, linkType: 1).compactMap(\.udp).map(\.payload)
        #expect(original.count == 6)
        let raw = frames.map { Array($0.dropFirst(14)) }
        #expect(try Build.events(raw, linkType: 101).compactMap(\.udp).map(\.payload) == original)
        #expect(
            try Build.events(raw.map { Build.le32(2) + $0 }, linkType: 0).compactMap(\.udp).map(\.payload) == original)
        let tagged = frames.map { Array($0.prefix(12)) + Build.be16(0x8100) + Build.be16(7) + Array($0.dropFirst(12)) }
        #expect(try Build.events(tagged, linkType: 1).compactMap(\.udp).map(\.payload) == original)
    }

    @Test func otherTrafficIsCountedNotReported() throws {
        let arp = Build.ethernet(type: 0x0806, payload: [UInt8](repeating: 0, count: 28))
        let icmp = Build.ethernet(payload: Build.ipv4(protocolNumber: 1, payload: [8, 0, 0, 0, 0, 0, 0, 0]))
        let decoder = try CaptureDecoder(bytes: Build.pcap(frames: [arp, icmp]))
        #expect(decoder.allEvents().isEmpty)
        #expect(decoder.statistics.nonIPFrames == 1)
        #expect(decoder.statistics.otherProtocolPackets == 1)
        let wifi = try CaptureDecoder(bytes: Build.pcap(linkType: 105, frames: [[1, 2, 3], [4, 5, 6]]))
        let events = wifi.allEvents()
        #expect(events.compactMap(\.issue).map(\.rule.code) == ["CAP111"])
        #expect(wifi.statistics.unsupportedLinkFrames == 2)
    }

    @Test func malformedHeadersAreReportedAndSkipped() throws {
        var badLength = Self.ipPacket
        badLength.replaceSubrange(2..<4, with: Build.be16(2000))
        var badIHL = Self.ipPacket
        badIHL[0] = 0x44
        var badUDP = Self.ipPacket
        badUDP.replaceSubrange(24..<26, with: Build.be16(3))
        let frames = [
            badLength, badIHL, badUDP, [0x45, 0, 0], [0x95] + Array(Self.ipPacket.dropFirst()), Self.ipPacket,
        ]
        let decoder = try CaptureDecoder(bytes: Build.pcap(linkType: 101, frames: frames))
        let events = decoder.allEvents()
        #expect(events.compactMap(\.issue).map(\.rule.code) == Array(repeating: "CAP110", count: 5))
        #expect(events.compactMap(\.issue).map(\.frame) == [1, 2, 3, 4, 5])
        #expect(events.compactMap(\.udp).map(\.frame) == [6])
    }

    @Test func packetsCutBySnapLengthAreReportedAsSuch() throws {
        let frame = Build.ethernet(payload: Self.ipPacket)
        let file = Build.pcap(
            snapLength: 64, frames: [Array(frame.prefix(64)), Array(frame.prefix(20))],
            originalLengths: [frame.count, frame.count])
        let events = try CaptureDecoder(bytes: file).allEvents()
        #expect(events.compactMap(\.issue).map(\.rule.code) == ["CAP109", "CAP109"])
        #expect(events.compactMap(\.udp).isEmpty)
    }

    @Test func ipv6ExtensionHeadersAreSteppedOver() throws {
        let udp = Build.udp(payload: Self.sip)
        // Hop-by-Hop, Routing (type 0, no addresses), Destination Options, then UDP.
        let routing: [UInt8] = [60, 0, 0, 0, 0, 0, 0, 0]
        let chain = Build.options(next: 43) + routing + Build.options(next: 17) + udp
        let got = try Self.datagrams([Build.ipv6(next: 0, payload: chain)], linkType: 229)
        #expect(got.map(\.payload) == [Self.sip])
        #expect(got.first?.flow.source.description == "2001:db8::1")
        #expect(got.first?.flow.description == "[2001:db8::1]:5060 → [2001:db8::2]:5060")
        // An atomic fragment (offset 0, M = 0) is read through (RFC 6946).
        let atomic = Build.fragmentHeader(next: 17, offset: 0, more: false, id: 9) + udp
        #expect(try Self.datagrams([Build.ipv6(next: 44, payload: atomic)], linkType: 229).map(\.payload) == [Self.sip])
        // A chain that runs past the packet is malformed.
        let broken = Build.ipv6(next: 0, payload: [17, 4, 0, 0, 0, 0, 0, 0])
        #expect(try Build.events([broken], linkType: 229).compactMap(\.issue).map(\.rule.code) == ["CAP110"])
    }

    @Test func addressesPrintInTheirTextForms() {
        #expect(IPAddress(ipv4: 0x7F00_0001).description == "127.0.0.1")
        #expect(IPAddress(ipv6: 0, 1).description == "::1")
        #expect(IPAddress(ipv6: 0, 0).description == "::")
        #expect(IPAddress(ipv6: 0x2001_0DB8_0000_0001, 0x0000_0000_0000_0001).description == "2001:db8:0:1::1")
        #expect(IPAddress(ipv6: 0x2001_0DB8_0000_0000, 0x0001_0000_0000_0001).description == "2001:db8::1:0:0:1")
        #expect(IPAddress(ipv6: 0x2001_0DB8_0001_0001, 0x0001_0001_0001_0001).description == "2001:db8:1:1:1:1:1:1")
    }
}

@Suite struct FragmentTests {
    static let body = Array((0..<3000).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ 3) })
    static let udp = Build.udp(payload: body)

    /// IPv4 fragments of `udp` with `size` data bytes each (a multiple of 8).
    static func fragments(id: UInt16 = 77, size: Int = 1232, of datagram: [UInt8] = udp) -> [[UInt8]] {
        stride(from: 0, to: datagram.count, by: size).map { start in
            let end = min(datagram.count, start + size)
            return Build.ipv4(
                protocolNumber: 17, id: id, fragmentOffset: start, more: end < datagram.count,
                payload: Array(datagram[start..<end]))
        }
    }

    static func ipv6Fragments(id: UInt32 = 99, size: Int = 1232, of datagram: [UInt8]) -> [[UInt8]] {
        stride(from: 0, to: datagram.count, by: size).map { start in
            let end = min(datagram.count, start + size)
            return Build.ipv6(
                next: 44,
                payload: Build.fragmentHeader(next: 17, offset: start, more: end < datagram.count, id: id)
                    + Array(datagram[start..<end]))
        }
    }

    @Test func reassemblesInAnyOrder() throws {
        let pieces = Self.fragments()
        #expect(pieces.count == 3)
        for order in [[0, 1, 2], [2, 1, 0], [1, 2, 0], [2, 0, 1]] {
            let events = try Build.events(order.map { pieces[$0] }, linkType: 101)
            let datagram = try #require(events.compactMap(\.udp).first)
            #expect(datagram.payload == Self.body)
            #expect(datagram.frames == [1, 2, 3])
            #expect(events.compactMap(\.issue).isEmpty)
        }
    }

    @Test func reassemblesIPv6WithExtensionHeadersInTheFragmentablePart() throws {
        let fragmentable = Build.options(next: 17) + Self.udp
        let pieces = Self.ipv6Fragments(of: fragmentable).map { packet -> [UInt8] in
            var packet = packet
            packet[40] = 60  // the fragment header's Next Header names Destination Options
            return packet
        }
        let events = try Build.events(pieces.reversed(), linkType: 229)
        #expect(events.compactMap(\.udp).map(\.payload) == [Self.body])
    }

    @Test func duplicatesAndIdenticalOverlapsAreHarmless() throws {
        let pieces = Self.fragments()
        // The second fragment again, and an IPv4 fragment that overlaps the first two with the same bytes.
        let overlap = Build.ipv4(
            protocolNumber: 17, id: 77, fragmentOffset: 1224, more: true, payload: Array(Self.udp[1224..<1240]))
        let events = try Build.events([pieces[0], pieces[1], pieces[1], overlap, pieces[2]], linkType: 101)
        #expect(events.compactMap(\.udp).map(\.payload) == [Self.body])
        #expect(events.compactMap(\.issue).isEmpty)
    }

    @Test func overlapsWithOtherBytesDropTheDatagram() throws {
        let pieces = Self.fragments()
        var forged = Array(Self.udp[1224..<1240])
        forged[3] ^= 0xFF
        let overlap = Build.ipv4(protocolNumber: 17, id: 77, fragmentOffset: 1224, more: true, payload: forged)
        let events = try Build.events([pieces[0], overlap, pieces[1], pieces[2]], linkType: 101)
        #expect(events.compactMap(\.issue).first?.rule.code == "CAP203")
        #expect(events.compactMap(\.udp).isEmpty)
    }

    @Test func anyPartialIPv6OverlapDropsTheDatagram() throws {
        let pieces = Self.ipv6Fragments(of: Self.udp)
        let overlap = Build.ipv6(
            next: 44,
            payload: Build.fragmentHeader(next: 17, offset: 1224, more: true, id: 99) + Array(Self.udp[1224..<1240]))
        let events = try Build.events([pieces[0], overlap] + pieces.dropFirst(), linkType: 229)
        #expect(events.compactMap(\.issue).first?.rule.code == "CAP203")
        #expect(events.compactMap(\.udp).isEmpty)
    }

    @Test func aMissingFragmentIsReportedWithItsFrames() throws {
        let pieces = Self.fragments()
        let events = try Build.events([pieces[0], pieces[2]], linkType: 101)
        let issue = try #require(events.compactMap(\.issue).first)
        #expect(issue.rule.code == "CAP202")
        #expect(issue.frame == 2)
        #expect(issue.message.contains("frames 1, 2"))
        #expect(events.compactMap(\.udp).isEmpty)
    }

    @Test func aDatagramTooSlowToCompleteTimesOut() throws {
        let pieces = Self.fragments()
        var limits = CaptureDecoder.Limits()
        limits.fragmentTimeoutFrames = 5
        let filler = Build.ipv4(protocolNumber: 17, payload: Build.udp(payload: [1]))
        let frames = [pieces[0], pieces[1]] + Array(repeating: filler, count: 10) + [pieces[2]]
        let events = try Build.events(frames, linkType: 101, limits: limits)
        // Timed out, then the late one alone.
        #expect(events.compactMap(\.issue).map(\.rule.code) == ["CAP202", "CAP202"])
        #expect(events.compactMap(\.udp).count == 10)
    }

    @Test func malformedFragmentsAreRefused() throws {
        // Past 65535, and a non-last fragment whose length is not a multiple of 8.
        let far = Build.ipv4(
            protocolNumber: 17, id: 5, fragmentOffset: 65528, more: false, payload: [UInt8](repeating: 1, count: 16))
        let odd = Build.ipv4(
            protocolNumber: 17, id: 6, fragmentOffset: 0, more: true, payload: [UInt8](repeating: 1, count: 13))
        let events = try Build.events([far, odd], linkType: 101)
        #expect(events.compactMap(\.issue).map(\.rule.code) == ["CAP110", "CAP110"])
    }

    @Test func aFragmentFloodStaysWithinItsBounds() throws {
        // 20 000 first fragments of distinct datagrams that never complete: memory stays at
        // the bound, the oldest are given up and reported, and the count of reports is bounded.
        var limits = CaptureDecoder.Limits()
        limits.maximumPendingDatagrams = 256
        limits.maximumIssues = 500
        let piece = [UInt8](repeating: 0xAB, count: 1024)
        var frames: [[UInt8]] = []
        for id in 0..<20_000 {
            frames.append(
                Build.ipv4(
                    source: UInt32(0x0A00_0000 + id), protocolNumber: 17, id: UInt16(truncatingIfNeeded: id),
                    fragmentOffset: 0, more: true, payload: piece))
        }
        let decoder = try CaptureDecoder(bytes: Build.pcap(linkType: 101, frames: frames), limits: limits)
        var issues = 0
        while let event = decoder.next() {
            if event.issue != nil { issues += 1 }
        }
        #expect(issues == 500)
        #expect(decoder.statistics.droppedIssues == 20_000 - 500)
        #expect(decoder.statistics.fragments == 20_000)
    }

    @Test func theReassemblerNeverHoldsMoreThanItsBounds() {
        var reassembler = FragmentReassembler(limits: .init(maximumDatagrams: 64, maximumBytes: 100_000))
        var issues: [CaptureIssue] = []
        let data = [UInt8](repeating: 1, count: 4000)
        for id in 0..<5000 {
            let key = FragmentReassembler.Key(
                source: IPAddress(ipv4: 1), destination: IPAddress(ipv4: 2), identification: UInt32(id),
                protocolNumber: 17)
            // Each datagram claims a fragment far out, so its buffer is as large as it can be made.
            _ = reassembler.add(
                key: key, isIPv6: false, protocolNumber: 17, offset: 60_000, more: true, data: data, range: 0..<8,
                frame: id + 1, time: Timestamp(seconds: 0, nanoseconds: 0), recordOffset: 0, issues: &issues)
            #expect(reassembler.pendingDatagrams <= 64)
            #expect(reassembler.bufferedBytes <= 100_000)
        }
        #expect(issues.allSatisfy { $0.rule.code == "CAP204" })
        #expect(issues.count > 4000)
    }

    @Test func theFragmentedFixturesCarryTheirFrames() throws {
        for name in ["sip-udp-fragmented.pcapng", "sip-udp6-fragmented.pcapng"] {
            let events = try CaptureDecoder(path: Fixture(path: "pcap/\(name)").url.path).allEvents()
            let invite = try #require(events.compactMap(\.udp).first)
            #expect(invite.frames == [1, 2, 3, 4, 5])
            #expect(invite.payload.count > 5000)
            #expect(String(decoding: invite.payload.prefix(7), as: UTF8.self) == "INVITE ")
        }
    }
}
