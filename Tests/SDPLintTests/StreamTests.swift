import Foundation
import SDPLint
import SDPLintCapture
import SDPLintDiagnostics
import SDPLintICE
import SDPLintInput
import SDPLintReporting
import SDPLintTestSupport
import SDPLintWebRTC
import Testing

/// NDJSON streams of signaling messages, checked a block of lines at a time: the findings and
/// their places must not depend on where the blocks are cut, and files must come out while the
/// stream is still being read.
@Suite struct StreamTests {
    /// Three sessions' worth of the exchange fixture (offer, candidate, answer, end of
    /// candidates, bye), with a line that is not JSON and an answer with no offer between them,
    /// so that findings of every kind fall in later blocks.
    static func stream() throws -> [UInt8] {
        let exchange = try Fixture(path: "signaling/json/exchange.ndjson").text()
        let lines = exchange.split(separator: "\n").map(String.init)
        let broken = "{\"type\": \"offer\", \"sdp\": "
        let text = (lines + [broken] + lines + [lines[2]] + lines).joined(separator: "\n") + "\n"
        return Array(text.utf8)
    }

    static func rendered(_ files: [LintedFile]) -> String {
        var output = ""
        let renderer = TextRenderer(color: false)
        for file in files { renderer.render(file, into: &output) }
        return output
    }

    static func check(_ bytes: [UInt8], blockSize: Int, deliveries: inout Int) -> [LintedFile] {
        var files: [LintedFile] = []
        var calls = 0
        var stream = NDJSONStream(name: "stream.ndjson", strict: false)
        var checker = DocumentChecker(name: "stream.ndjson", configuration: LintConfiguration())
        func deliver(_ delivered: [LintedFile]) {
            guard !delivered.isEmpty else { return }
            files += delivered
            calls += 1
        }
        // Blocks of whole lines of about `blockSize` bytes, as a stream is read from a file.
        var start = 0
        while start < bytes.count {
            var end = min(start + blockSize, bytes.count)
            while end < bytes.count && bytes[end - 1] != 0x0A { end += 1 }
            deliver(checker.add(stream.next(Array(bytes[start..<end]))))
            start = end
        }
        deliver(checker.add(stream.finish()) + checker.finish())
        deliveries = calls
        return files
    }

    @Test func findingsDoNotDependOnWhereBlocksAreCut() throws {
        let bytes = try Self.stream()
        var whole = 0
        var lineByLine = 0
        let one = Self.check(bytes, blockSize: bytes.count, deliveries: &whole)
        let many = Self.check(bytes, blockSize: 1, deliveries: &lineByLine)
        // The broken line 6, the answer of line 12 with no offer, and each exchange's answer
        // reusing the offer's o= line.
        #expect(
            one.flatMap(\.diagnostics).map(\.code.rawValue).sorted() == [
                "JSON101", "OA109", "OA109", "OA109", "TRC107",
            ])
        // The same findings at the same lines, columns and offsets, each file rendered the
        // same (a block's files come out with the block, so the order of files may differ; a
        // block's trickled candidates are inventoried in a file of their own).
        let each = { (files: [LintedFile]) in files.map { Self.rendered([$0]) }.filter { !$0.isEmpty }.sorted() }
        #expect(each(many) == each(one))
        #expect(
            many.compactMap(\.connectivity).map(\.overall.total).reduce(0, +)
                == one.compactMap(\.connectivity).map(\.overall.total).reduce(0, +))
        let places = { (files: [LintedFile]) in
            files.flatMap { file in
                file.diagnostics.map {
                    "\(file.context ?? "-") \($0.code.rawValue) \($0.location.line):\($0.location.column) \($0.location.bytes)"
                }
            }.sorted()
        }
        #expect(places(many) == places(one))
        // The JSON error sits at 6:26 of the stream however the stream was cut, and its
        // snippet shows that line.
        #expect(Self.rendered(many).contains("stream.ndjson:6:26: error[JSON101]"))
        #expect(Self.rendered(many).contains("6 | {\"type\": \"offer\", \"sdp\": "))
        // Read a line at a time, files come out as each exchange closes, not all at the end.
        #expect(whole == 1)
        #expect(lineByLine >= 3)
    }

    @Test func aStreamLargerThanTheByteLimitIsStillChecked() throws {
        let run = try Executable.run(
            "sdplint", ["check", "--max-bytes", "100", "--format", "json", "Fixtures/signaling/json/exchange.ndjson"])
        // Streams are read a block at a time: the limit on whole-file reads does not apply.
        #expect(run.status != 2)
        #expect(run.standardOutput.contains("\"OA109\""))
    }

    @Test func aCompressedStreamIsReadAsItInflates() throws {
        // 12,000 candidates with random foundations (so that the gzip data is large enough to
        // be read in many pieces), then a bad one; over the byte limit given.
        var generator = SeededGenerator(seed: 20)
        var text = ""
        for index in 0..<12_000 {
            let foundation = String(generator.next() % (1 << 60), radix: 16)
            text += #"{"candidate": "candidate:\#(foundation) 1 udp 2122260223 192.0.2.\#(index % 250) 9 typ host", "#
            text += #""sdpMid": "0", "sdpMLineIndex": 0}"# + "\n"
        }
        let lines = 12_000
        text += #"{"candidate": "candidate:1 1 udp BAD 192.0.2.1 9 typ host", "sdpMid": "0", "sdpMLineIndex": 0}"#
        text += "\n"
        let compressed = try #require(Gzip.compress(Array(text.utf8)))
        let file = try BadInputTests.temporary("messages.ndjson.gz", compressed)
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        var pieces = 0
        try InputReader.read(file: file.path, name: "messages.ndjson.gz", maxBytes: 100) { _ in pieces += 1 }
        #expect(pieces > 2, "read a block at a time, not whole")
        let run = try Executable.run("sdplint", ["check", "--max-bytes", "100", file.path])
        #expect(run.status == 1, "\(run.standardError)")
        #expect(
            run.standardOutput.contains("messages.ndjson.gz: decompressed line \(lines + 1):"), "\(run.standardOutput)")
        #expect(run.standardOutput.contains("error[ICE106]"))
        // Cut in half: what inflated before the cut is checked, then the cut is reported.
        let cut = try BadInputTests.temporary("cut.ndjson.gz", Array(compressed.prefix(compressed.count / 2)))
        defer { try? FileManager.default.removeItem(at: cut.deletingLastPathComponent()) }
        let cutRun = try Executable.run("sdplint", ["check", "--format", "json", cut.path])
        #expect(cutRun.standardOutput.contains("\"CAP301\""), "\(cutRun.standardOutput.suffix(500))")
        #expect(!cutRun.standardOutput.contains("\"ICE106\""))
    }
    /// An rtcstats dump, as rtcstats servers store them, is read a block of lines at a time:
    /// the findings and their lines are those of reading it whole.
    @Test func anRTCStatsDumpIsReadAsAStream() throws {
        let dump = try Fixture(path: "corpus/chromium-internals/call-audio-video-datachannel.rtcstats.gz").bytes()
        let inflated = Gzip.decompress(dump, outputLimit: 1 << 24)
        try #require(inflated.error == nil)
        let text = String(decoding: inflated.bytes, as: UTF8.self)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // Forty copies of the call's events, each copy's connections renamed, in one dump of
        // several blocks.
        var copies = Array(lines.prefix(2))
        for copy in 0..<40 {
            for line in lines.dropFirst(2) where !line.isEmpty {
                copies.append(
                    line.replacing(#""8-1""#, with: #""c\#(copy)-1""#).replacing(#""8-2""#, with: #""c\#(copy)-2""#))
            }
        }
        let bytes = Array((copies.joined(separator: "\n") + "\n").utf8)
        #expect(bytes.count > 2 * InputReader.blockSize)
        let file = try BadInputTests.temporary("big.rtcstats", bytes)
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        var pieces = 0
        var streamed: [String] = []
        var checker = DocumentChecker(name: "big.rtcstats", configuration: LintConfiguration())
        let place = { (files: [LintedFile]) in
            files.flatMap { file in
                file.diagnostics.map { "\(file.context ?? "-") \($0.code.rawValue) \($0.location.line)" }
            }
        }
        try InputReader.read(file: file.path, name: "big.rtcstats", maxBytes: 100) { document in
            pieces += 1
            streamed += place(checker.add(document))
        }
        streamed += place(checker.finish())
        #expect(pieces > 2, "read a block at a time, not whole")
        let whole = place(Linter.check(bytes, path: "big.rtcstats"))
        #expect(!whole.isEmpty)
        #expect(streamed.sorted() == whole.sorted())
        // Each copy's connections are checked as the first copy's are.
        let first = whole.filter { $0.contains("(c0-1)") }.count
        #expect(first > 0 && first == whole.filter { $0.contains("(c39-1)") }.count)
    }
}
