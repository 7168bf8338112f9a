import Foundation
import SDPLint
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
}
