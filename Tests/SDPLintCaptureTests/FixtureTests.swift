import Foundation
import SDPLintDiagnostics
import SDPLintTestSupport
import Testing

@testable import SDPLintCapture

/// A capture under Fixtures/ and the sidecar tshark wrote for it when the fixture was made.
struct CaptureFixture: CustomTestStringConvertible, Sendable {
    let capture: Fixture
    let sidecar: Fixture
    var testDescription: String { capture.path }

    /// Every capture of Fixtures/pcap, and the SIP pcaps of the shared corpus.
    static let all: [CaptureFixture] = {
        var result: [CaptureFixture] = []
        for suffix in [".pcap", ".pcapng", ".pcapng.gz"] {
            for file in Fixture.files(in: "pcap", suffix: suffix) where !file.path.contains("/generator/") {
                result.append(CaptureFixture(capture: file, sidecar: Fixture(path: file.path + ".tsv")))
            }
        }
        for file in Fixture.files(in: "corpus", suffix: ".pcap") {
            let name = String(file.path.dropFirst("corpus/".count)).replacingOccurrences(of: "/", with: "--")
            result.append(CaptureFixture(capture: file, sidecar: Fixture(path: "pcap/corpus/\(name).tsv")))
        }
        return result.sorted { $0.capture.path < $1.capture.path }
    }()

    struct Expectation {
        var frames = 0
        var udp: [(frame: Int, hex: String)] = []
        var tcp: [(frame: Int, hex: String)] = []
    }

    /// The sidecar's lines: `frame TAB udp.payload TAB tcp.payload`, and `# frames N`.
    func expectation() throws -> Expectation {
        var expected = Expectation()
        for line in try sidecar.text().split(separator: "\n", omittingEmptySubsequences: true) {
            if line.hasPrefix("# frames ") {
                expected.frames = Int(line.dropFirst("# frames ".count)) ?? -1
                continue
            }
            if line.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard let frame = Int(fields[0]) else { continue }
            if fields.count > 1, !fields[1].isEmpty { expected.udp.append((frame, fields[1])) }
            if fields.count > 2, !fields[2].isEmpty { expected.tcp.append((frame, fields[2])) }
        }
        return expected
    }
}

@Suite struct FixtureTests {
    @Test func everyFixtureHasASidecar() throws {
        #expect(CaptureFixture.all.count >= 18)
        for fixture in CaptureFixture.all { _ = try fixture.sidecar.bytes() }
    }

    @Test(arguments: CaptureFixture.all)
    func readsWhatTsharkReads(_ fixture: CaptureFixture) throws {
        let expected = try fixture.expectation()
        let decoder = try CaptureDecoder(path: fixture.capture.url.path)
        let events = decoder.allEvents()
        #expect(decoder.statistics.frames == expected.frames)
        #expect(decoder.reader.frames == expected.frames)
        let udp = events.compactMap(\.udp).map { ($0.frame, $0.payload.hex) }
        #expect(udp.map(\.0) == expected.udp.map(\.frame))
        #expect(udp.map(\.1) == expected.udp.map(\.hex))
        let tcp = events.compactMap(\.tcpData).map { ($0.frame, $0.payload.hex) }
        #expect(tcp.map(\.0) == expected.tcp.map(\.frame))
        #expect(tcp.map(\.1) == expected.tcp.map(\.hex))
        #expect(events.compactMap(\.tcpGap).isEmpty)
        let problems = events.compactMap(\.issue).filter { $0.rule.severity != .info }
        #expect(problems.isEmpty, "\(problems)")
    }

    @Test(arguments: [
        "sip-udp", "sip-tcp", "sip-udp-fragmented", "sip-udp6-fragmented", "sip-tcp-segmented", "sip-tcp-coalesced",
    ])
    func pcapAndPcapngOfOneCaptureAgree(_ name: String) throws {
        func summary(_ path: String) throws -> [String] {
            try CaptureDecoder(path: Fixture(path: "pcap/\(path)").url.path).allEvents().compactMap { event in
                switch event {
                case .udp(let datagram):
                    return
                        """
                        udp \(datagram.frames) \(datagram.flow) \
                        \(datagram.time.seconds).\(datagram.time.nanoseconds / 1000) \(datagram.payload.hex)
                        """
                case .tcpData(let segment):
                    return
                        """
                        tcp \(segment.frame) \(segment.flow) @\(segment.streamOffset) \
                        \(segment.time.seconds).\(segment.time.nanoseconds / 1000) \(segment.payload.hex)
                        """
                case .tcpStart(let mark), .tcpEnd(let mark):
                    return "mark \(mark.kind) \(mark.frame) \(mark.flow)"
                default:
                    return nil
                }
            }
        }
        let classic = try summary("\(name).pcap")
        #expect(!classic.isEmpty)
        #expect(classic == (try summary("\(name).pcapng")))
    }

    @Test func nanosecondPcapKeepsPcapngTimestamps() throws {
        let nano = try PacketReader(path: Fixture(path: "pcap/sip-udp-fragmented.nsec.pcap").url.path)
        let ng = try PacketReader(path: Fixture(path: "pcap/sip-udp-fragmented.pcapng").url.path)
        let micro = try PacketReader(path: Fixture(path: "pcap/sip-udp-fragmented.pcap").url.path)
        #expect(nano.nanosecondTimestamps)
        #expect(!micro.nanosecondTimestamps)
        while let packet = try ng.next() {
            let other = try #require(try nano.next())
            let coarse = try #require(try micro.next())
            #expect(packet.timestamp == other.timestamp)
            #expect(packet.timestamp.nanoseconds / 1000 == coarse.timestamp.nanoseconds / 1000)
            #expect(packet.data == other.data)
        }
        #expect(try nano.next() == nil)
    }

    @Test func readsInterfaceDetailsOfDumpcap() throws {
        let reader = try PacketReader(path: Fixture(path: "pcap/sip-udp-any-sll2.pcapng").url.path)
        _ = try reader.next()
        #expect(reader.format == .pcapng)
        #expect(reader.sections == 1)
        let interface = try #require(reader.interfaces.first)
        #expect(interface.linkType == .linuxSLL2)
        #expect(interface.name == "any")
    }

    @Test func gzipCompressedCaptureReadsLikeTheOriginal() throws {
        let plain = try CaptureDecoder(path: Fixture(path: "pcap/sip-tcp.pcapng").url.path)
        let packed = try CaptureDecoder(path: Fixture(path: "pcap/sip-tcp.pcapng.gz").url.path)
        #expect(packed.reader.isCompressed)
        #expect(!plain.reader.isCompressed)
        #expect(plain.allEvents() == packed.allEvents())
    }

    @Test func tcpBytesMapBackToTheirFrames() throws {
        // The MESSAGE of this capture is sent in three writes: its bytes come from three frames,
        // and the stream offsets tile the stream without holes or overlaps.
        let events = try CaptureDecoder(path: Fixture(path: "pcap/sip-tcp-coalesced.pcapng").url.path).allEvents()
        let client = try #require(events.compactMap(\.tcpData).first?.flow)
        let segments = events.compactMap(\.tcpData).filter { $0.flow == client }
        var offset: UInt64 = 0
        var stream: [UInt8] = []
        for segment in segments {
            #expect(segment.streamOffset == offset)
            offset += UInt64(segment.payload.count)
            stream += segment.payload
        }
        let text = String(decoding: stream, as: UTF8.self)
        #expect(text.components(separatedBy: "OPTIONS sip:").count == 3)
        let message = try #require(text.range(of: "MESSAGE sip:"))
        let start = UInt64(text.utf8.distance(from: text.startIndex, to: message.lowerBound))
        let carriers = segments.filter { $0.streamOffset + UInt64($0.payload.count) > start }.map(\.frame)
        #expect(carriers.count == 3)
        #expect(segments.first?.payload.count ?? 0 > 400)  // two OPTIONS in one segment
        #expect(events.compactMap(\.tcpEnd).map(\.kind) == [.fin, .fin])
        #expect(events.compactMap(\.tcpStart).map(\.kind) == [.handshake, .handshake])
    }
}
