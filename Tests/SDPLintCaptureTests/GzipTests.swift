import Foundation
import SDPLintDiagnostics
import SDPLintTestSupport
import Testing

@testable import SDPLintCapture

@Suite struct GzipTests {
    static let dumps = Fixture.files(in: "corpus/chromium-internals", suffix: ".gz")
    static let small = Fixture(path: "corpus/chromium-internals/call-closed-peer.json.gz")

    @Test func theCorpusHasDumps() { #expect(Self.dumps.count == 6) }

    @Test(arguments: dumps)
    func decompressesBrowserDumps(_ fixture: Fixture) throws {
        let bytes = try fixture.bytes()
        #expect(Gzip.isGzip(bytes))
        let result = Gzip.decompress(bytes)
        #expect(result.error == nil)
        #expect(result.members == 1)
        let text = String(decoding: result.bytes, as: UTF8.self)
        if fixture.path.hasSuffix(".rtcstats.gz") {
            #expect(text.hasPrefix("RTCStatsDump\n{\"fileFormat\":3}\n"))
        } else {
            #expect(text.hasPrefix("{"))
            #expect(text.contains("\"PeerConnections\""))
        }
        let fromFile = Gzip.decompress(contentsOfFile: fixture.url.path)
        #expect(fromFile.bytes == result.bytes)
        #expect(fromFile.error == nil)
    }

    @Test func decompressesInChunksOfAnySize() throws {
        let bytes = try Self.small.bytes()
        let whole = Gzip.decompress(bytes).bytes
        for size in [1, 2, 3, 7, 64, 1000] {
            let decoder = GzipDecoder()
            var output: [UInt8] = []
            var at = 0
            while at < bytes.count {
                try decoder.decompress(Array(bytes[at..<min(bytes.count, at + size)]), into: &output)
                at += size
            }
            try decoder.finish()
            #expect(output == whole)
            #expect(decoder.consumed == bytes.count)
            #expect(decoder.produced == whole.count)
        }
    }

    @Test func everyTruncationKeepsWhatWasDecodedAndNamesTheEnd() throws {
        let bytes = try Self.small.bytes()
        let whole = Gzip.decompress(bytes).bytes
        for length in 0..<bytes.count {
            let result = Gzip.decompress(Array(bytes[0..<length]))
            let error = try #require(result.error, "prefix \(length)")
            #expect(error.code == .gzipTruncated, "prefix \(length): \(error)")
            #expect(error.code.rule.code == "CAP301")
            #expect(error.offset == length)
            #expect(Array(whole.prefix(result.bytes.count)) == result.bytes, "prefix \(length)")
            #expect(result.members == 0)
        }
    }

    @Test func aBadCRCOrLengthIsAChecksumError() throws {
        let bytes = try Self.small.bytes()
        let whole = Gzip.decompress(bytes).bytes
        for position in [bytes.count - 8, bytes.count - 5, bytes.count - 4, bytes.count - 1] {
            var damaged = bytes
            damaged[position] ^= 0x55
            let result = Gzip.decompress(damaged)
            #expect(result.error?.code == .gzipBadChecksum, "byte \(position)")
            #expect(result.error?.offset ?? 0 >= bytes.count - 8)
            #expect(result.bytes == whole)  // the data itself was intact
        }
    }

    @Test func everySingleByteCorruptionIsSurvived() throws {
        let bytes = try Self.small.bytes()
        for position in 0..<bytes.count {
            var damaged = bytes
            damaged[position] ^= 0xA5
            let result = Gzip.decompress(damaged, outputLimit: 1 << 20)
            // Flags, MTIME, XFL and OS may change without harm; anything else is caught.
            if position >= 10 { #expect(result.error != nil, "byte \(position)") }
            if let error = result.error { #expect(error.offset >= 0 && error.offset <= bytes.count) }
        }
    }

    @Test func aBadHeaderIsNamed() {
        var bytes: [UInt8] = [0x1F, 0x8B, 7, 0, 0, 0, 0, 0, 0, 3, 1, 2, 3]
        #expect(Gzip.decompress(bytes).error?.code == .gzipBadHeader)
        bytes[2] = 8
        bytes[3] = 0xE0  // reserved flag bits
        #expect(Gzip.decompress(bytes).error?.code == .gzipBadHeader)
        #expect(Gzip.decompress(Array("not gzip at all".utf8)).error?.code == .gzipBadHeader)
        #expect(Gzip.decompress([]).error?.code == .gzipTruncated)
    }

    @Test func concatenatedMembersAreOneStream() throws {
        let first = try Self.small.bytes()
        let second = try Fixture(path: "pcap/sip-tcp.pcapng.gz").bytes()
        let result = Gzip.decompress(first + second)
        #expect(result.error == nil)
        #expect(result.members == 2)
        #expect(result.bytes == Gzip.decompress(first).bytes + (try Fixture(path: "pcap/sip-tcp.pcapng").bytes()))
    }

    @Test func trailingGarbageKeepsTheMembersBeforeIt() throws {
        let first = try Self.small.bytes()
        for garbage: [UInt8] in [[0, 0, 0, 0], Array("garbage".utf8), [0x1F]] {
            let result = Gzip.decompress(first + garbage)
            #expect(result.bytes == Gzip.decompress(first).bytes)
            #expect(result.members == 1)
            let expected: CaptureError.Code = garbage == [0x1F] ? .gzipTruncated : .gzipTrailingGarbage
            #expect(result.error?.code == expected, "\(garbage)")
            if expected == .gzipTrailingGarbage { #expect(result.error?.offset == first.count) }
        }
        #expect(CaptureRules.gzipTrailingGarbage.severity == .warning)
    }

    @Test func theOutputLimitStopsABomb() throws {
        let bytes = try Self.small.bytes()
        let result = Gzip.decompress(bytes, outputLimit: 1000)
        #expect(result.error?.code == .gzipOutputLimit)
        #expect(result.bytes.count == 1000)
        #expect(result.bytes == Array(Gzip.decompress(bytes).bytes.prefix(1000)))
        let exact = Gzip.decompress(bytes, outputLimit: Gzip.decompress(bytes).bytes.count)
        #expect(exact.error == nil)
    }

    @Test func recognizesTheMagic() {
        #expect(Gzip.isGzip([0x1F, 0x8B]))
        #expect(Gzip.isGzip([0x1F, 0x8B, 8, 0]))
        #expect(!Gzip.isGzip([0x1F, 0x8B, 7]))
        #expect(!Gzip.isGzip([0x1F]))
        #expect(!Gzip.isGzip([UInt8]()))
        #expect(!Gzip.isGzip(Array("{\"a\":1}".utf8)))
    }

    @Test(arguments: dumps)
    func compressionRoundTripsWithoutTheFileName(_ fixture: Fixture) throws {
        let content = Gzip.decompress(try fixture.bytes()).bytes
        let compressed = try #require(Gzip.compress(content))
        #expect(Gzip.isGzip(compressed))
        // RFC 1952 §2.3: FLG without FNAME, MTIME zero.
        #expect(compressed[3] & 0x08 == 0 && compressed[4..<8].allSatisfy { $0 == 0 })
        let result = Gzip.decompress(compressed)
        #expect(result.error == nil && result.members == 1)
        #expect(result.bytes == content)
        #expect(compressed.count < content.count)
        #expect(Gzip.decompress(try #require(Gzip.compress([]))).bytes.isEmpty)
    }

    @Test func aMissingFileIsUnreadable() {
        #expect(Gzip.decompress(contentsOfFile: "/nonexistent/dump.gz").error?.code == .unreadable)
    }
}
