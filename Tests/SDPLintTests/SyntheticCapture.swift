/// A small Ethernet pcap written frame by frame, with real-looking MAC, IPv4 and IPv6
/// addresses (the captured fixtures are all loopback) and correct checksums: SIP over UDP, an
/// RTP datagram, an ARP request, a SIP datagram in two IPv4 fragments, and SIP over TCP/IPv6
/// in two segments after the SYN.
enum SyntheticCapture {
    static let alice: [UInt8] = [192, 168, 1, 20]
    static let aliceNAT: [UInt8] = [81, 2, 69, 142]
    static let proxy: [UInt8] = [81, 2, 69, 160]
    static let alice6: [UInt8] = [0x2A, 0x02, 0x18, 0x10, 0x4D, 0x02, 0xAB, 0, 0, 0, 0, 0, 0, 0, 0, 0x17]
    static let proxy6: [UInt8] = [0x2A, 0x00, 0x14, 0x50, 0x40, 0x01, 0x08, 0x1C, 0, 0, 0, 0, 0, 0, 0x20, 0x0E]
    static let aliceMAC: [UInt8] = [0x00, 0x1B, 0x21, 0x3A, 0x4F, 0x52]
    static let routerMAC: [UInt8] = [0x3C, 0x84, 0x6A, 0x91, 0x0D, 0xE2]

    static let offer = """
        v=0\r
        o=alice 2890844526 1 IN IP4 192.168.1.20\r
        s=-\r
        c=IN IP4 192.168.1.20\r
        t=0 0\r
        m=audio 40000 RTP/AVP 0\r
        a=ice-ufrag:Qw7Z\r
        a=ice-pwd:h9Lr2KpX0vBn4TcA8yEsMd1F\r
        a=fingerprint:sha-256 6B:8B:F0:65:5F:78:E2:51:3B:AC:6F:F3:3F:46:1B:35:\
        DC:B8:5F:64:1A:24:C2:43:F0:A1:58:D0:A1:2C:19:08\r
        a=candidate:842163049 1 udp 1677729535 81.2.69.142 51000 typ srflx raddr 192.168.1.20 rport 40000\r
        a=candidate:3634718591 1 udp 2122260223 192.168.1.20 40000 typ host\r
        a=ssrc:1129468413 cname:k2P9fWq7Lr3sZ0Xe\r

        """

    static func invite(body: String, via: String, callID: String) -> String {
        """
        INVITE sip:bob@voip.example-carrier.net SIP/2.0\r
        Via: SIP/2.0/\(via);branch=z9hG4bKnq2w8x7c;rport\r
        From: "Alice Liddell" <sip:alice.liddell@voip.example-carrier.net>;tag=a73kszlfl\r
        To: <sip:bob@voip.example-carrier.net>\r
        Call-ID: \(callID)\r
        CSeq: 1 INVITE\r
        Contact: <sip:alice.liddell@192.168.1.20:49170>\r
        User-Agent: Acme SoftPhone 7.4.2 (Alice's laptop)\r
        Content-Type: application/sdp\r
        Content-Length: \(body.utf8.count)\r
        \r
        \(body)
        """
    }

    static let okay = """
        SIP/2.0 200 OK\r
        Via: SIP/2.0/UDP 192.168.1.20:49170;branch=z9hG4bKnq2w8x7c;received=81.2.69.142;rport=49170\r
        From: "Alice Liddell" <sip:alice.liddell@voip.example-carrier.net>;tag=a73kszlfl\r
        To: <sip:bob@voip.example-carrier.net>;tag=8321234356\r
        Call-ID: 9f2c1e07b6a44d1d@192.168.1.20\r
        CSeq: 1 INVITE\r
        Content-Length: 0\r
        \r

        """

    /// The capture's bytes.
    static func pcap() -> [UInt8] {
        var frames: [[UInt8]] = []
        let first = invite(body: offer, via: "UDP 192.168.1.20:49170", callID: "9f2c1e07b6a44d1d@192.168.1.20")
        frames.append(ethernet(ipv4(alice, proxy, 17, udp(alice, proxy, 49170, 5060, Array(first.utf8)), id: 1)))
        frames.append(ethernet(ipv4(proxy, alice, 17, udp(proxy, alice, 5060, 49170, Array(okay.utf8)), id: 2)))
        // RTP: version 2, PT 0, sequence, timestamp, SSRC 1129468413, then audio.
        let rtp: [UInt8] =
            [0x80, 0x00, 0x12, 0x34, 0, 0, 0x10, 0, 0x43, 0x52, 0x1B, 0xFD] + [UInt8](repeating: 0xD5, count: 40)
        frames.append(ethernet(ipv4(alice, aliceNAT, 17, udp(alice, aliceNAT, 40000, 51000, rtp), id: 3)))
        // ARP request (RFC 826): who has 192.168.1.1, tell 192.168.1.20.
        let arp: [UInt8] =
            [0, 1, 0x08, 0, 6, 4, 0, 1] + aliceMAC + alice + [0, 0, 0, 0, 0, 0] + [192, 168, 1, 1]
        frames.append([0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF] + aliceMAC + [0x08, 0x06] + arp)
        // A re-INVITE in two fragments of one UDP datagram (RFC 791 §3.2).
        let second = invite(body: offer, via: "UDP 192.168.1.20:49170", callID: "5d0a2b3e99c14f07@192.168.1.20")
        let datagram = udp(alice, proxy, 49170, 5060, Array(second.utf8))
        let cut = 400
        frames.append(ethernet(ipv4(alice, proxy, 17, Array(datagram[..<cut]), id: 77, fragmentOffset: 0, more: true)))
        frames.append(
            ethernet(ipv4(alice, proxy, 17, Array(datagram[cut...]), id: 77, fragmentOffset: cut / 8, more: false)))
        // SIP over TCP over IPv6: SYN, then the INVITE in two segments.
        let third = Array(
            invite(
                body: offer, via: "TCP [2a02:1810:4d02:ab00::17]:50123", callID: "c0ffee4a2b@2a02:1810:4d02:ab00::17"
            ).utf8)
        let isn: UInt32 = 0x1234_5678
        frames.append(
            ethernet(ipv6(alice6, proxy6, 6, tcp(alice6, proxy6, 50123, 5060, seq: isn, syn: true, [])), type: 0x86DD))
        let half = third.count / 2
        frames.append(
            ethernet(
                ipv6(
                    alice6, proxy6, 6,
                    tcp(alice6, proxy6, 50123, 5060, seq: isn &+ 1, syn: false, Array(third[..<half]))), type: 0x86DD))
        frames.append(
            ethernet(
                ipv6(
                    alice6, proxy6, 6,
                    tcp(alice6, proxy6, 50123, 5060, seq: isn &+ 1 &+ UInt32(half), syn: false, Array(third[half...]))),
                type: 0x86DD))
        var file: [UInt8] =
            [0xD4, 0xC3, 0xB2, 0xA1, 2, 0, 4, 0] + [UInt8](repeating: 0, count: 8) + le32(65535) + le32(1)
        for (index, frame) in frames.enumerated() {
            file +=
                le32(1_795_600_000 + UInt32(index)) + le32(0) + le32(UInt32(frame.count)) + le32(UInt32(frame.count))
                + frame
        }
        return file
    }

    static func le32(_ value: UInt32) -> [UInt8] { (0..<4).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) } }
    static func be16(_ value: Int) -> [UInt8] {
        [UInt8(truncatingIfNeeded: value >> 8), UInt8(truncatingIfNeeded: value)]
    }
    static func be32(_ value: UInt32) -> [UInt8] { (0..<4).map { UInt8(truncatingIfNeeded: value >> (24 - 8 * $0)) } }

    static func ethernet(_ payload: [UInt8], type: Int = 0x0800) -> [UInt8] {
        routerMAC + aliceMAC + be16(type) + payload
    }

    /// RFC 1071.
    static func checksum(_ bytes: [UInt8]) -> Int {
        var sum = 0
        var index = 0
        while index < bytes.count {
            sum += Int(bytes[index]) << 8 | (index + 1 < bytes.count ? Int(bytes[index + 1]) : 0)
            index += 2
        }
        while sum >> 16 != 0 { sum = (sum & 0xFFFF) + (sum >> 16) }
        return ~sum & 0xFFFF
    }

    static func ipv4(
        _ source: [UInt8], _ destination: [UInt8], _ protocolNumber: UInt8, _ payload: [UInt8], id: Int,
        fragmentOffset: Int = 0, more: Bool = false
    ) -> [UInt8] {
        var header: [UInt8] =
            [0x45, 0] + be16(20 + payload.count) + be16(id) + be16((more ? 0x2000 : 0) | fragmentOffset)
        header += [64, protocolNumber, 0, 0] + source + destination
        let sum = be16(checksum(header))
        header[10] = sum[0]
        header[11] = sum[1]
        return header + payload
    }

    static func ipv6(_ source: [UInt8], _ destination: [UInt8], _ next: UInt8, _ payload: [UInt8]) -> [UInt8] {
        [0x60, 0, 0, 0] + be16(payload.count) + [next, 64] + source + destination + payload
    }

    static func pseudoHeader(
        _ source: [UInt8], _ destination: [UInt8], _ protocolNumber: UInt8, _ length: Int
    ) -> [UInt8] {
        if source.count == 4 { return source + destination + [0, protocolNumber] + be16(length) }
        return source + destination + be32(UInt32(length)) + [0, 0, 0, protocolNumber]
    }

    static func udp(_ source: [UInt8], _ destination: [UInt8], _ from: Int, _ to: Int, _ payload: [UInt8]) -> [UInt8] {
        var datagram = be16(from) + be16(to) + be16(8 + payload.count) + [0, 0] + payload
        var sum = checksum(pseudoHeader(source, destination, 17, datagram.count) + datagram)
        if sum == 0 { sum = 0xFFFF }
        datagram[6] = UInt8(sum >> 8)
        datagram[7] = UInt8(sum & 0xFF)
        return datagram
    }

    static func tcp(
        _ source: [UInt8], _ destination: [UInt8], _ from: Int, _ to: Int, seq: UInt32, syn: Bool, _ payload: [UInt8]
    ) -> [UInt8] {
        var segment = be16(from) + be16(to) + be32(seq) + be32(syn ? 0 : 1) + [0x50, syn ? 0x02 : 0x18] + be16(65535)
        segment += [0, 0, 0, 0] + payload
        let sum = checksum(pseudoHeader(source, destination, 6, segment.count) + segment)
        segment[16] = UInt8(sum >> 8)
        segment[17] = UInt8(sum & 0xFF)
        return segment
    }
}
