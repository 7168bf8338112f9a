import Foundation
import SDPLintDiagnostics
import SDPLintTestSupport
import Testing

@testable import SDPLintCapture

/// Where each record or block of a capture starts and ends, found by a walk that knows only
/// the length fields: the oracle for truncation tests.
struct Layout {
    var headerEnd: Int
    /// Every record (pcap) or block (pcapng), and whether it holds a packet.
    var records: [(range: Range<Int>, isPacket: Bool)] = []

    init(_ bytes: [UInt8]) {
        if bytes.u32(0, bigEndian: true) == 0x0A0D_0D0A {
            headerEnd = 0
            var at = 0
            while at + 12 <= bytes.count {
                let type = bytes.u32(at, bigEndian: false)
                let length = Int(bytes.u32(at + 4, bigEndian: false))
                records.append((at..<(at + length), [2, 3, 6].contains(type)))
                at += length
            }
        } else {
            headerEnd = 24
            var at = 24
            while at + 16 <= bytes.count {
                let length = 16 + Int(bytes.u32(at + 8, bigEndian: false))
                records.append((at..<(at + length), true))
                at += length
            }
        }
    }
}

@Suite struct ReaderTests {
    static let truncated = [
        "pcap/sip-udp.pcap", "pcap/sip-udp.pcapng", "pcap/sip-tcp-coalesced.pcapng", "pcap/sip-udp-any-sll.pcapng",
    ]

    @Test(arguments: truncated)
    func everyTruncationDeliversThePacketsBeforeItAndNamesTheOffset(_ path: String) throws {
        let bytes = try Fixture(path: path).bytes()
        let layout = Layout(bytes)
        #expect(layout.records.last?.range.upperBound == bytes.count)
        for length in 0...bytes.count {
            let prefix = Array(bytes[0..<length])
            let complete = layout.records.filter { $0.isPacket && $0.range.upperBound <= length }.count
            let cut = layout.records.first { $0.range.lowerBound < length && $0.range.upperBound > length }
            let reader: PacketReader
            do {
                reader = try PacketReader(bytes: prefix)
            } catch {
                // Only a file too short for its header fails to open.
                #expect(length < max(4, layout.headerEnd), "prefix \(length)")
                #expect(error.code == .truncated)
                #expect(error.offset == 0)
                continue
            }
            var delivered = 0
            do {
                while try reader.next() != nil { delivered += 1 }
                #expect(cut == nil, "prefix \(length) read without error")
            } catch {
                #expect(error.code == .truncated, "prefix \(length): \(error)")
                #expect(error.offset == cut?.range.lowerBound ?? length, "prefix \(length): \(error)")
            }
            #expect(delivered == complete, "prefix \(length)")
            #expect(try reader.next() == nil)
        }
    }

    @Test(arguments: ["pcap/sip-udp-fragmented.pcapng", "pcap/sip-tcp-segmented.pcap"])
    func everyTruncationDecodesToAPrefixOfTheEvents(_ path: String) throws {
        let bytes = try Fixture(path: path).bytes()
        let full = try CaptureDecoder(bytes: bytes).allEvents()
        let payloads = full.compactMap { $0.udp?.payload ?? $0.tcpData?.payload }
        for length in stride(from: 0, through: bytes.count, by: 7) {
            guard let decoder = try? CaptureDecoder(bytes: Array(bytes[0..<length])) else { continue }
            let events = decoder.allEvents()
            let got = events.compactMap { $0.udp?.payload ?? $0.tcpData?.payload }
            #expect(Array(payloads.prefix(got.count)) == got, "prefix \(length)")
        }
    }

    @Test func rejectsWhatIsNotACapture() throws {
        for bytes: [UInt8] in [Array("v=0\r\no=- 1 1 IN IP4 0.0.0.0\r\n".utf8), [0x4D, 0x3C, 0xB2, 0xA2, 0, 0, 0, 0]] {
            #expect(throws: CaptureError.self) { try PacketReader(bytes: bytes) }
            do { _ = try PacketReader(bytes: bytes) } catch {
                #expect(error.code == .badMagic)
                #expect(error.code.rule.code == "CAP101")
                #expect(error.diagnostic.location.column == 1)
            }
        }
    }

    @Test func rejectsUnknownVersions() throws {
        var file = Build.pcap(frames: [])
        file[4] = 3
        do {
            _ = try PacketReader(bytes: file)
            Issue.record("read a pcap 3.4 file")
        } catch { #expect(error.code == .unsupportedVersion) }
        var ng = Build.sectionHeader()
        ng[12] = 2
        do {
            let reader = try PacketReader(bytes: ng)
            _ = try reader.next()
            Issue.record("read a pcapng 2.0 section")
        } catch { #expect(error.code == .unsupportedVersion) }
    }

    @Test func readsBigEndianPcapAndIgnoresAHugeSnapLength() throws {
        let frame = Build.ethernet(
            payload: Build.ipv4(protocolNumber: 17, payload: Build.udp(payload: Array("hello".utf8))))
        for bigEndian in [false, true] {
            let reader = try PacketReader(
                bytes: Build.pcap(bigEndian: bigEndian, snapLength: 0xFFFF_FFFF, frames: [frame, frame]))
            #expect(reader.interfaces.first?.snapLength == 0xFFFF_FFFF)
            let first = try #require(try reader.next())
            #expect(first.data == frame)
            #expect(first.frame == 1)
            #expect(first.timestamp == Timestamp(seconds: 1_700_000_000, nanoseconds: 0))
            let second = try #require(try reader.next())
            #expect(second.timestamp == Timestamp(seconds: 1_700_000_001, nanoseconds: 1_000_000))
            #expect(try reader.next() == nil)
        }
    }

    @Test func refusesAbsurdRecordLengths() throws {
        var file = Build.pcap(frames: [[1, 2, 3, 4]])
        file.replaceSubrange(24 + 8..<24 + 12, with: Build.le32(0x7FFF_FFF0))
        let reader = try PacketReader(bytes: file)
        do {
            _ = try reader.next()
            Issue.record("read an absurd record")
        } catch {
            #expect(error.code == .absurdLength)
            #expect(error.offset == 24)
            #expect(error.frame == 1)
        }
        var block = Build.sectionHeader() + Build.interface()
        let at = block.count
        block += Build.enhancedPacket([1, 2, 3, 4])
        block.replaceSubrange(at + 4..<at + 8, with: Build.le32(0xFFFF_FFF0))
        let ng = try PacketReader(bytes: block)
        do {
            _ = try ng.next()
            Issue.record("read an absurd block")
        } catch {
            #expect(error.code == .absurdLength)
            #expect(error.offset == at)
        }
    }

    @Test func refusesBlocksWhoseLengthsDisagree() throws {
        let head = Build.sectionHeader() + Build.interface()
        let packet = Build.enhancedPacket([1, 2, 3, 4, 5, 6, 7, 8])
        func fault(_ edit: (inout [UInt8]) -> Void) -> CaptureError? {
            var block = packet
            edit(&block)
            do {
                let reader = try PacketReader(bytes: head + block + packet)
                while try reader.next() != nil {}
                return nil
            } catch { return error }
        }
        // A trailer that differs from the header.
        #expect(
            fault { $0.replaceSubrange($0.count - 4..<$0.count, with: Build.le32(UInt32($0.count + 4))) }?.code
                == .blockLengthMismatch)
        // A length that is not a multiple of 4.
        #expect(
            fault { $0.replaceSubrange(4..<8, with: Build.le32(UInt32($0.count - 1))) }?.code == .blockLengthMismatch)
        // A captured length larger than the block.
        #expect(fault { $0.replaceSubrange(20..<24, with: Build.le32(64)) }?.code == .blockLengthMismatch)
        #expect(fault { $0.replaceSubrange(20..<24, with: Build.le32(0xFFFF_FFFF)) }?.code == .blockLengthMismatch)
        #expect(fault { $0.replaceSubrange(20..<24, with: Build.le32(0xFFFF_FFFF)) }?.offset == head.count)
        #expect(fault { _ in } == nil)
    }

    @Test func readsEveryPacketBlockKindAndSkipsUnknownBlocks() throws {
        let data: [UInt8] = Array(0..<13)
        var file = Build.sectionHeader() + Build.interface(snapLength: 10)
        file += Build.block(0x0000_0BAD, [9, 9, 9, 9])  // unknown: skipped
        file += Build.enhancedPacket(ticks: 5_000_001, data)
        file += Build.block(5, [0, 0, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8])  // interface statistics: skipped
        file += Build.simplePacket(data)
        file += Build.obsoletePacket(ticks: 7_000_000, data)
        let reader = try PacketReader(bytes: file)
        let epb = try #require(try reader.next())
        #expect(epb.data == data)
        #expect(epb.timestamp == Timestamp(seconds: 5, nanoseconds: 1000))
        let spb = try #require(try reader.next())
        #expect(spb.frame == 2)
        #expect(spb.data == Array(data.prefix(10)))  // bounded by the snap length
        #expect(spb.originalLength == 13)
        #expect(spb.isTruncated)
        let pb = try #require(try reader.next())
        #expect(pb.frame == 3)
        #expect(pb.timestamp.seconds == 7)
        #expect(try reader.next() == nil)
    }

    @Test func sectionsCarryTheirOwnByteOrderAndInterfaces() throws {
        let frame: [UInt8] = [1, 2, 3]
        var file = Build.sectionHeader(bigEndian: false) + Build.interface(linkType: 1) + Build.enhancedPacket(frame)
        file +=
            Build.sectionHeader(bigEndian: true) + Build.interface(linkType: 101, bigEndian: true)
            + Build.interface(linkType: 113, bigEndian: true)
            + Build.enhancedPacket(interface: 1, frame, bigEndian: true)
            + Build.enhancedPacket(interface: 0, frame, bigEndian: true)
        let reader = try PacketReader(bytes: file)
        let packets = try [reader.next(), reader.next(), reader.next()].compactMap { $0 }
        #expect(packets.map(\.frame) == [1, 2, 3])
        #expect(packets.map(\.linkType) == [.ethernet, .linuxSLL, .raw])
        #expect(reader.sections == 2)
        #expect(reader.interfaces.count == 2)
        #expect(try reader.next() == nil)
    }

    @Test func aPacketOfAnUnknownInterfaceIsCountedAndReported() throws {
        let file =
            Build.sectionHeader() + Build.interface() + Build.enhancedPacket(interface: 3, [1])
            + Build.enhancedPacket([2])
        let reader = try PacketReader(bytes: file)
        let packet = try #require(try reader.next())
        #expect(packet.frame == 2)
        #expect(packet.data == [2])
        #expect(reader.issues.map(\.rule.code) == ["CAP107"])
        #expect(reader.issues.first?.frame == 1)
    }

    @Test func timestampResolutionsOfPowersOfTenAndTwo() throws {
        func stamp(_ resolution: UInt8, _ ticks: UInt64, offset: Int64 = 0) throws -> (Timestamp, [String]) {
            var options = Build.option(9, [resolution])
            if offset != 0 { options += Build.option(14, Build.le32(UInt32(offset)) + Build.le32(0)) }
            let reader = try PacketReader(
                bytes: Build.sectionHeader() + Build.interface(options: options)
                    + Build.enhancedPacket(ticks: ticks, [0]))
            let packet = try #require(try reader.next())
            return (packet.timestamp, reader.issues.map(\.rule.code.rawValue))
        }
        #expect(
            try stamp(9, 1_500_000_000_123_456_789).0 == Timestamp(seconds: 1_500_000_000, nanoseconds: 123_456_789))
        #expect(try stamp(3, 1_500_000_000_123).0 == Timestamp(seconds: 1_500_000_000, nanoseconds: 123_000_000))
        #expect(try stamp(0x80 | 10, 3 * 1024 + 512).0 == Timestamp(seconds: 3, nanoseconds: 500_000_000))
        #expect(try stamp(0x80 | 63, UInt64(1) << 63).0 == Timestamp(seconds: 1, nanoseconds: 0))
        #expect(try stamp(12, 2_000_000_000_001).0 == Timestamp(seconds: 2, nanoseconds: 0))
        #expect(try stamp(6, 5_000_000, offset: 100).0 == Timestamp(seconds: 105, nanoseconds: 0))
        // Finer than 64 bits can count: reported, and the default of microseconds kept.
        let (fallback, issues) = try stamp(20, 5_000_000)
        #expect(fallback == Timestamp(seconds: 5, nanoseconds: 0))
        #expect(issues == ["CAP108"])
    }

    @Test func anOptionRunningPastItsBlockIsReported() throws {
        let bad = Build.le16(2) + Build.le16(200) + Array("lo\0\0".utf8)
        let reader = try PacketReader(
            bytes: Build.sectionHeader() + Build.interface(options: bad) + Build.enhancedPacket([7]))
        #expect(try reader.next()?.data == [7])
        #expect(reader.issues.map(\.rule.code) == ["CAP108"])
    }

    @Test func readsFromAFileInSmallChunks() throws {
        var options = PacketReader.Options()
        options.chunkSize = 1  // raised to the minimum, still far below the file
        let path = Fixture(path: "pcap/sip-udp-fragmented.pcapng").url.path
        let small = try PacketReader(path: path, options: options)
        let whole = try PacketReader(bytes: Fixture(path: "pcap/sip-udp-fragmented.pcapng").bytes())
        while let packet = try whole.next() { #expect(try small.next() == packet) }
        #expect(try small.next() == nil)
    }

    @Test func aTruncatedCompressedCaptureDeliversWhatWasInflated() throws {
        let bytes = try Fixture(path: "pcap/sip-tcp.pcapng.gz").bytes()
        let whole = try PacketReader(bytes: bytes)
        var all: [Packet] = []
        while let packet = try whole.next() { all.append(packet) }
        var delivering = 0
        for length in stride(from: 40, to: bytes.count, by: 37) {
            let reader: PacketReader
            do { reader = try PacketReader(bytes: Array(bytes[0..<length])) } catch {
                // Too little inflates to hold even the file header.
                #expect(error.code == .gzipTruncated)
                continue
            }
            #expect(reader.isCompressed)
            var got: [Packet] = []
            do {
                while let packet = try reader.next() { got.append(packet) }
                Issue.record("prefix \(length) read without error")
            } catch {
                #expect(error.code == .gzipTruncated || error.code == .truncated, "prefix \(length): \(error)")
            }
            #expect(Array(all.prefix(got.count)) == got)
            if !got.isEmpty { delivering += 1 }
        }
        #expect(delivering > 10)
    }

    @Test func aMissingFileIsUnreadable() {
        do {
            _ = try PacketReader(path: "/nonexistent/sdplint.pcap")
            Issue.record("opened a missing file")
        } catch {
            #expect(error.code == .unreadable)
            #expect(error.code.rule.code == "CAP106")
        }
    }

    @Test func aCapturedLengthAboveTheOriginalIsReported() throws {
        let reader = try PacketReader(bytes: Build.pcap(frames: [[1, 2, 3, 4]], originalLengths: [2]))
        _ = try reader.next()
        #expect(reader.takeIssues().map(\.rule.code) == ["CAP112"])
        #expect(reader.issues.isEmpty)
    }
}
