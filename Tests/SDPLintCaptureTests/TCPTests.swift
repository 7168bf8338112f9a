import SDPLintDiagnostics
import Testing

@testable import SDPLintCapture

@Suite struct TCPTests {
    typealias Flags = Build.TCPFlags

    static func segment(
        _ sequence: UInt32, _ text: String = "", flags: Flags = .ack, from port: UInt16 = 40000
    ) -> [UInt8] {
        let to: UInt16 = port == 40000 ? 5060 : 40000
        return Build.ipv4(
            source: port == 40000 ? Build.hostA : Build.hostB, destination: port == 40000 ? Build.hostB : Build.hostA,
            protocolNumber: 6,
            payload: Build.tcp(
                sourcePort: port, destinationPort: to, sequence: sequence, flags: flags, payload: Array(text.utf8)))
    }

    static func run(
        _ frames: [[UInt8]], limits: CaptureDecoder.Limits = .init()
    ) throws -> (events: [CaptureEvent], decoder: CaptureDecoder) {
        let decoder = try CaptureDecoder(bytes: Build.pcap(linkType: 101, frames: frames), limits: limits)
        return (decoder.allEvents(), decoder)
    }

    static func text(_ events: [CaptureEvent]) -> String {
        String(decoding: events.compactMap(\.tcpData).flatMap(\.payload), as: UTF8.self)
    }

    @Test func inOrderSegmentsWithHandshakeAndFIN() throws {
        let (events, _) = try Self.run([
            Self.segment(1000, flags: .syn), Self.segment(1001, "abc"), Self.segment(1004, "def"),
            Self.segment(1007, flags: [.fin, .ack]),
        ])
        #expect(events.compactMap(\.tcpStart).map(\.kind) == [.handshake])
        let data = events.compactMap(\.tcpData)
        #expect(data.map(\.frame) == [2, 3])
        #expect(data.map(\.streamOffset) == [0, 3])
        #expect(Self.text(events) == "abcdef")
        #expect(events.compactMap(\.tcpEnd).map(\.kind) == [.fin])
        #expect(events.compactMap(\.tcpEnd).first?.frame == 4)
    }

    @Test func outOfOrderSegmentsAreDeliveredInOrderWithTheirFrames() throws {
        let (events, _) = try Self.run([
            Self.segment(1000, flags: .syn), Self.segment(1007, "ghi"), Self.segment(1004, "def"),
            Self.segment(1001, "abc"),
        ])
        let data = events.compactMap(\.tcpData)
        #expect(Self.text(events) == "abcdefghi")
        #expect(data.map(\.frame) == [4, 3, 2])
        #expect(data.map(\.streamOffset) == [0, 3, 6])
        #expect(events.compactMap(\.tcpGap).isEmpty)
    }

    @Test func retransmissionsAndOverlapsAreDropped() throws {
        let (events, decoder) = try Self.run([
            Self.segment(1000, flags: .syn), Self.segment(1001, "abcdef"), Self.segment(1001, "abcdef"),
            Self.segment(1004, "defghi"), Self.segment(1001, "abc"),
        ])
        let data = events.compactMap(\.tcpData)
        #expect(Self.text(events) == "abcdefghi")
        #expect(data.map(\.frame) == [2, 4])
        #expect(data.last?.streamOffset == 6)
        #expect(decoder.statistics.tcpRetransmissions == 2)
    }

    @Test func aHoleBecomesAGapNotAJoin() throws {
        let (events, _) = try Self.run([
            Self.segment(1000, flags: .syn), Self.segment(1001, "abc"), Self.segment(1007, "ghi"),
        ])
        let gap = try #require(events.compactMap(\.tcpGap).first)
        #expect(gap.streamOffset == 3)
        #expect(gap.length == 3)
        #expect(gap.frameBefore == 2)
        #expect(gap.frameAfter == 3)
        #expect(gap.cause == .segmentsMissing)
        #expect(gap.issue.rule.code == "CAP201")
        #expect(gap.issue.message.contains("between frames 2 and 3"))
        // The bytes after the hole keep their place in the stream.
        #expect(events.compactMap(\.tcpData).last?.streamOffset == 6)
        let kinds = events.map { event -> String in
            switch event {
            case .tcpData: "data"
            case .tcpGap: "gap"
            case .tcpStart: "start"
            default: "other"
            }
        }
        #expect(kinds == ["start", "data", "gap", "data"])
    }

    @Test func sequenceNumbersWrapAround() throws {
        let (events, _) = try Self.run([
            Self.segment(0xFFFF_FFFC, flags: .syn), Self.segment(1, "efgh"), Self.segment(0xFFFF_FFFD, "abcd"),
            Self.segment(5, flags: [.fin, .ack]),
        ])
        #expect(Self.text(events) == "abcdefgh")
        #expect(events.compactMap(\.tcpGap).isEmpty)
        #expect(events.compactMap(\.tcpEnd).map(\.kind) == [.fin])
    }

    @Test func aResetEndsTheStreamAndReleasesWhatWaits() throws {
        let (events, _) = try Self.run([
            Self.segment(1000, flags: .syn), Self.segment(1001, "abc"), Self.segment(1010, "xyz"),
            Self.segment(1013, flags: [.rst]),
        ])
        #expect(events.compactMap(\.tcpEnd).map(\.kind) == [.reset])
        #expect(events.compactMap(\.tcpGap).map(\.length) == [6])
        #expect(Self.text(events) == "abcxyz")
    }

    @Test func aConnectionOpenBeforeTheCaptureStartsMidstream() throws {
        let (events, _) = try Self.run([Self.segment(5000), Self.segment(5000, "hello"), Self.segment(5005, " world")])
        let start = try #require(events.compactMap(\.tcpStart).first)
        #expect(start.kind == .midstream)
        #expect(start.frame == 2)  // the pure ACK before said nothing about the stream
        #expect(Self.text(events) == "hello world")
    }

    @Test func aFullReorderBufferGivesUpTheHole() throws {
        var limits = CaptureDecoder.Limits()
        limits.maximumOutOfOrderSegments = 4
        var frames = [Self.segment(1000, flags: .syn), Self.segment(1001, "a")]
        for index in 0..<6 { frames.append(Self.segment(1010 + UInt32(index), String(index))) }
        let (events, _) = try Self.run(frames, limits: limits)
        let gap = try #require(events.compactMap(\.tcpGap).first)
        #expect(gap.cause == .bufferLimit)
        #expect(gap.length == 8)
        #expect(gap.issue.rule.code == "CAP204")
        #expect(Self.text(events) == "a012345")
    }

    @Test func aNewSYNOnTheSamePortsStartsANewStream() throws {
        let (events, _) = try Self.run([
            Self.segment(1000, flags: .syn), Self.segment(1000, flags: .syn), Self.segment(1001, "one"),
            Self.segment(1004, flags: [.fin, .ack]), Self.segment(90000, flags: .syn), Self.segment(90001, "two"),
        ])
        #expect(events.compactMap(\.tcpStart).map(\.kind) == [.handshake, .handshake])
        #expect(events.compactMap(\.tcpData).map(\.streamOffset) == [0, 0])
        #expect(Self.text(events) == "onetwo")
    }

    @Test func aSegmentCutByTheSnapLengthEndsInAGap() throws {
        let full = Self.segment(1001, "abcdefghij")
        let file = Build.pcap(
            linkType: 101,
            frames: [Self.segment(1000, flags: .syn), Array(full.prefix(full.count - 4)), Self.segment(1011, "k")],
            originalLengths: [40, full.count, 41])
        let events = try CaptureDecoder(bytes: file).allEvents()
        #expect(Self.text(events) == "abcdefk")
        let gap = try #require(events.compactMap(\.tcpGap).first)
        #expect(gap.cause == .snapLength)
        #expect(gap.length == 4)
        #expect(gap.streamOffset == 6)
        #expect(gap.issue.rule.code == "CAP109")
        #expect(events.compactMap(\.tcpData).last?.streamOffset == 10)
    }

    @Test func eachDirectionIsItsOwnStream() throws {
        let (events, _) = try Self.run([
            Self.segment(1000, flags: .syn), Self.segment(7000, flags: [.syn, .ack], from: 5060),
            Self.segment(1001, "request"), Self.segment(7001, "response", from: 5060),
        ])
        let data = events.compactMap(\.tcpData)
        #expect(data.map { String(decoding: $0.payload, as: UTF8.self) } == ["request", "response"])
        #expect(data[0].flow == data[1].flow.reversed)
        #expect(data.map(\.streamOffset) == [0, 0])
    }

    /// A deterministic generator, so a failure can be replayed.
    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    @Test(arguments: [1, 2, 3, 4, 5, 6, 7, 8])
    func shuffledDuplicatedSegmentsRebuildTheStream(_ seed: Int) throws {
        var random = Generator(state: UInt64(seed))
        let stream = (0..<20_000).map { _ in UInt8(truncatingIfNeeded: random.next(256)) }
        let initial = UInt32.max - 5000  // the stream wraps
        var pieces: [(UInt32, [UInt8])] = []
        var at = 0
        while at < stream.count {
            let length = 1 + random.next(1400)
            let end = min(stream.count, at + length)
            pieces.append((initial &+ 1 &+ UInt32(at), Array(stream[at..<end])))
            at = end
        }
        // Swap neighbours within a small window and repeat some segments, as a lossy path would.
        for index in pieces.indices.dropLast() where random.next(3) == 0 { pieces.swapAt(index, index + 1) }
        var frames = [Build.ipv4(protocolNumber: 6, payload: Build.tcp(sequence: initial, flags: .syn))]
        for (sequence, bytes) in pieces {
            frames.append(Build.ipv4(protocolNumber: 6, payload: Build.tcp(sequence: sequence, payload: bytes)))
            if random.next(5) == 0 {
                frames.append(Build.ipv4(protocolNumber: 6, payload: Build.tcp(sequence: sequence, payload: bytes)))
            }
        }
        let (events, _) = try Self.run(frames)
        #expect(events.compactMap(\.tcpGap).isEmpty)
        var rebuilt: [UInt8] = []
        for segment in events.compactMap(\.tcpData) {
            #expect(Int(segment.streamOffset) == rebuilt.count)
            // Every byte maps back to a frame that carried those very bytes.
            let carried = frames[segment.frame - 1]
            #expect(carried.suffix(segment.payload.count).elementsEqual(segment.payload))
            rebuilt += segment.payload
        }
        #expect(rebuilt == stream)
    }
}
