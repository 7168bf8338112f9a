import Foundation
import SDPLint
import SDPLintInput
import SDPLintTestSupport
import Testing

/// `check --format ndjson`: one object per record, in input order, whatever the blocks and
/// shards the stream is read in, with every finding `--format json` reports.
@Suite struct RecordStreamTests {
    /// The exchange fixture (offer, candidate, answer, end of candidates, hang-up) in our
    /// envelope for each of `sessions` sessions, each message with an `id` and a `session`,
    /// the sessions' messages interleaved, as a signaling server logs them.
    static func sessions(_ count: Int) throws -> [String] {
        let run = try Executable.run(
            "sdplint", ["convert", "--to", "envelope", "Fixtures/signaling/json/exchange.ndjson"])
        #expect(run.status == 0)
        let messages = run.standardOutput.split(separator: "\n").map(String.init)
        #expect(messages.count == 5)
        var lines: [String] = []
        for index in messages.indices {
            for session in 0..<count {
                let keys = #"{"id":"s\#(session)-\#(index)","session":"s\#(session)","#
                lines.append(keys + messages[index].dropFirst())
            }
        }
        return lines
    }

    static func objects(_ text: String) throws -> [[String: Any]] {
        try text.split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
    }

    static func codes(_ object: [String: Any]) -> [String] {
        ((object["findings"] as? [[String: Any]]) ?? []).compactMap { $0["code"] as? String }
    }

    /// A finding as it reads in any run: a place in the input's lines counted from the
    /// record's line, and not the message numbers a context names, which depend on where the
    /// record sits in the stream.
    static func findings(_ object: [String: Any]) -> [String] {
        let record = object["line"] as? Int ?? 0
        return ((object["findings"] as? [[String: Any]]) ?? []).map { finding in
            let line = (finding["line"] as? Int ?? 0) - (finding["context"] == nil ? record : 0)
            return "\(finding["code"] ?? "") \(line):\(finding["column"] ?? 0) \(finding["message"] ?? "")"
        }
    }

    @Test func everyRecordGetsOneObjectInOrderAndABadRecordDoesNotStopTheStream() throws {
        var lines = try Self.sessions(2)
        lines.insert("not json at all", at: 3)
        lines.insert("", at: 5)
        lines.insert(#"{"version":1,"type":"offer"}"#, at: 8)
        let text = lines.joined(separator: "\n") + "\n"
        let run = try Executable.run("sdplint", ["check", "--format", "ndjson", "-"], input: Data(text.utf8))
        #expect(run.status == 1, "\(run.standardError)")
        let objects = try Self.objects(run.standardOutput)
        let nonBlank = lines.indices.filter { !lines[$0].isEmpty }.map { $0 + 1 }
        #expect(objects.count == nonBlank.count)
        #expect(objects.map { $0["record"] as? Int } == Array(1...nonBlank.count))
        #expect(objects.map { $0["line"] as? Int } == nonBlank)
        let schema = try JSONSchema(named: "sdplint-records.schema.json")
        for line in run.standardOutput.split(separator: "\n") {
            let errors = try schema.validate(Data(line.utf8))
            #expect(errors.isEmpty, "\(errors) in \(line)")
            #expect(!line.contains(":null"), "members without a value are left out: \(line)")
        }
        // The bad records: not JSON, and an offer with no sdp; each an error of its own.
        #expect(objects[3]["error"] as? String != nil)
        #expect(Self.codes(objects[3]) == ["JSON104"])
        #expect(objects[7]["error"] as? String != nil)
        #expect(objects[7]["id"] == nil)
        // The messages around them keep their keys.
        #expect(objects[0]["id"] as? String == "s0-0")
        #expect(objects[0]["session"] as? String == "s0")
        #expect(objects[0]["type"] as? String == "offer")
        #expect(objects[0]["mids"] as? [String] == ["0"])
        #expect(objects[0]["ufrag"] as? String == "EsAw")
        #expect((objects[0]["fingerprint"] as? String)?.hasPrefix("sha-256 19:E2:1C") == true)
        #expect(objects[2]["type"] as? String == "candidate")
        #expect(objects[2]["mid"] as? String == "0")
        // Each answer's record carries its exchange's findings (the answer reuses the offer's
        // o= line).
        let answers = objects.filter { $0["type"] as? String == "answer" }
        #expect(answers.count == 2)
        for answer in answers { #expect(Self.codes(answer) == ["OA109"]) }
        #expect(objects.filter { $0["type"] as? String == "offer" }.allSatisfy { Self.codes($0).isEmpty })
    }

    /// Every NDJSON fixture: one object per non-blank line, valid against the schema, and the
    /// same findings, counted by severity, as the JSON report of the same input.
    @Test(arguments: Fixture.files(suffix: ".ndjson"))
    func aFixtureStreamLosesNoFinding(_ fixture: Fixture) throws {
        let path = "Fixtures/" + fixture.path
        let run = try Executable.run("sdplint", ["check", "--format", "ndjson", path])
        let objects = try Self.objects(run.standardOutput)
        let text = try fixture.text()
        let records = text.split(separator: "\n", omittingEmptySubsequences: false).filter {
            !$0.allSatisfy { $0 == " " || $0 == "\t" || $0 == "\r" }
        }
        #expect(objects.filter { $0["record"] != nil }.count == records.count)
        let schema = try JSONSchema(named: "sdplint-records.schema.json")
        for line in run.standardOutput.split(separator: "\n") {
            #expect(try schema.validate(Data(line.utf8)).isEmpty)
        }
        let json = try Executable.run("sdplint", ["check", "--format", "json", path])
        #expect(json.status == run.status)
        let report = try #require(try JSONSerialization.jsonObject(with: json.standardOutputData) as? [String: Any])
        let summary = try #require(report["summary"] as? [String: Int])
        for severity in ["errors", "warnings", "infos"] {
            #expect(objects.compactMap { $0[severity] as? Int }.reduce(0, +) == summary[severity], "\(severity)")
        }
        let reported = ((report["files"] as? [[String: Any]]) ?? []).flatMap { file in
            ((file["diagnostics"] as? [[String: Any]]) ?? []).compactMap { $0["code"] as? String }
        }
        #expect(objects.flatMap(Self.codes).sorted() == reported.sorted())
    }

    /// A live stream (a pipe that stays open): each record's object is written as the record
    /// arrives, not once a block has filled or the input has ended.
    @Test func recordsOfALiveStreamAreWrittenAsTheyArrive() throws {
        let lines = try Self.sessions(1)
        let process = Process()
        process.executableURL = Executable.productsDirectory.appendingPathComponent("sdplint")
        process.arguments = ["check", "--format", "ndjson", "-"]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        defer {
            try? input.fileHandleForWriting.close()
            process.waitUntilExit()
        }
        try input.fileHandleForWriting.write(contentsOf: Data((lines[0] + "\n" + lines[1] + "\n").utf8))
        // The two objects come while standard input is still open.
        let received = Data.Lock()
        let reader = Thread {
            var data = Data()
            while data.count(where: { $0 == 0x0A }) < 2 {
                let chunk = output.fileHandleForReading.availableData
                if chunk.isEmpty { break }
                data += chunk
            }
            received.set(data)
        }
        reader.start()
        let deadline = Date().addingTimeInterval(30)
        while received.get() == nil && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        let objects = try Self.objects(String(decoding: try #require(received.get()), as: UTF8.self))
        #expect(objects.map { $0["id"] as? String } == ["s0-0", "s0-1"])
        #expect(process.isRunning, "standard input is still open")
    }

    /// Inputs that are not record streams: one object each, a capture one per dialog, with
    /// every finding the JSON report has.
    @Test(arguments: [
        "Fixtures/corpus/chromium-internals/call-audio-video-datachannel.rtcstats.gz",
        "Fixtures/corpus/chromium-internals/call-audio-video-datachannel.json", "Fixtures/pcap/sip-udp.pcap",
        "Fixtures/corpus/firefox/codec-vp9-only.offer.sdp",
    ])
    func anInputThatIsNotARecordStreamIsOneObject(_ path: String) throws {
        let objects = try Self.objects(
            try Executable.run("sdplint", ["check", "--format", "ndjson", path]).standardOutput)
        #expect(objects.count == 1)
        #expect(objects.first?["record"] == nil)
        #expect(objects.first?["format"] as? String != nil)
        let json = try Executable.run("sdplint", ["check", "--format", "json", path])
        let report = try #require(try JSONSerialization.jsonObject(with: json.standardOutputData) as? [String: Any])
        let summary = try #require(report["summary"] as? [String: Int])
        #expect(objects.first?["infos"] as? Int == summary["infos"])
        #expect(objects.first?["warnings"] as? Int == summary["warnings"])
    }

    /// More than two blocks of a stream read from a file: each session's records read the same
    /// whether the blocks cut between its offer and its answer or not.
    @Test func recordsDoNotDependOnWhereBlocksAreCut() throws {
        let lines = try Self.sessions(1)
        let copies = InputReader.blockSize * 5 / 2 / lines.joined().utf8.count + 1
        let text = Array(repeating: lines.joined(separator: "\n"), count: copies).joined(separator: "\n") + "\n"
        let file = try BadInputTests.temporary("blocks.ndjson", Array(text.utf8))
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        let run = try Executable.run("sdplint", ["check", "--format", "ndjson", file.path])
        let objects = try Self.objects(run.standardOutput)
        #expect(objects.count == copies * lines.count)
        // Each copy is a session of its own (it hangs up at its end): every answer reads the
        // same, wherever the blocks cut.
        let answers = objects.filter { $0["type"] as? String == "answer" }.map(Self.findings)
        #expect(answers.count == copies)
        #expect(Set(answers).count == 1, "\(Set(answers))")
        #expect(!answers[0].isEmpty)
    }

    /// A session ends when it hangs up, and past the limit of open sessions the idlest ones
    /// end, so that memory stays bounded on an endless stream of sessions: an answer after
    /// either begins a new session.
    @Test func sessionsEndAtHangUpAndPastTheOpenLimit() throws {
        let lines = try Self.sessions(1)  // offer, candidate, answer, end of candidates, hang-up
        let answer = lines[2]
        let hungUp = lines + [answer]
        let limit = DocumentChecker.openSessionLimit
        var crowded = [lines[0]]
        // Sessions are crowded out between blocks of the stream (1 MiB): the answer comes
        // more than a block after the offer that overflows the limit.
        for session in 1...limit + 2000 {
            crowded.append(lines[0].replacing(#""session":"s0""#, with: #""session":"n\#(session)""#))
        }
        crowded.append(answer)
        // An answer that begins a session is not faulted (a capture may start mid-call); in
        // a session still open it would be: TRC107 after the hang-up, OA109 for s0's offer.
        let streams: [([String], [String])] = [(hungUp, []), (crowded, []), (Array(lines.prefix(3)), ["OA109"])]
        for (stream, expected) in streams {
            // From a file: a pipe as large as the crowded stream would fill while the output does.
            let file = try BadInputTests.temporary(
                "sessions.ndjson", Array((stream.joined(separator: "\n") + "\n").utf8))
            defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
            let run = try Executable.run("sdplint", ["check", "--format", "ndjson", file.path])
            let objects = try Self.objects(run.standardOutput)
            #expect(objects.count == stream.count)
            #expect(objects.last.map(Self.codes) == expected)
        }
    }

    /// What a partitioned job does: the stream split by session into shards, each checked on
    /// its own, gives each record (joined on its id) the findings one run over the whole
    /// stream gives it.
    @Test func shardsBySessionGiveTheFindingsOfOneRun() throws {
        // Six sessions of the exchange, then 600 records of real captures' exchanges, whose
        // descriptions have findings of their own.
        let generated = try Executable.runTool(
            Self.root.appendingPathComponent("Scripts/record-stream").path, ["600", "--sessions", "12"])
        #expect(generated.status == 0)
        let lines = try Self.sessions(6) + generated.standardOutput.split(separator: "\n").map(String.init)
        #expect(lines.count == 630)
        let whole = try Self.objects(
            Executable.run(
                "sdplint", ["check", "--format", "ndjson", "-"],
                input: Data((lines.joined(separator: "\n") + "\n").utf8)
            ).standardOutput)
        var sharded: [[String: Any]] = []
        for shard in 0..<3 {
            // Sessions s0 and s3 in shard 0, and so on; an empty shard is an empty stream.
            let part = lines.filter { line in
                guard let range = line.firstRange(of: #""session":"s"#) else { return false }
                let number = line[range.upperBound...].prefix { $0.isNumber }
                return (Int(number) ?? 0) % 3 == shard
            }
            let run = try Executable.run(
                "sdplint", ["check", "--format", "ndjson", "-"], input: Data((part.joined(separator: "\n") + "\n").utf8)
            )
            sharded += try Self.objects(run.standardOutput)
        }
        let empty = try Executable.run("sdplint", ["check", "--format", "ndjson", "-"], input: Data())
        #expect(empty.standardOutput.isEmpty && empty.status == 0)
        #expect(sharded.count == whole.count)
        let byID = { (objects: [[String: Any]]) in
            Dictionary(objects.map { ($0["id"] as? String ?? "", Self.findings($0)) }, uniquingKeysWith: { $0 + $1 })
        }
        #expect(byID(sharded) == byID(whole))
        #expect(byID(whole).values.contains { !$0.isEmpty })
    }

    static let root = Fixture.root.deletingLastPathComponent()

    /// Whether PySpark and a Java runtime are installed (`pip install pyspark`,
    /// `apt-get install default-jre-headless`).
    static let sparkInstalled: Bool = {
        let probe = try? Executable.runTool("/usr/bin/env", ["python3", "-c", "import pyspark"])
        return probe?.status == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/java")
    }()

    /// Scripts/spark-example on PySpark in local mode: the stream split by session across four
    /// partitions, each piped through sdplint on an executor, gives every record what one run
    /// gives it.
    @Test(.enabled(if: sparkInstalled, "needs pyspark and a Java runtime"))
    func theSparkExampleGivesTheFindingsOfOneRun() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sdplint-spark-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let generated = try Executable.runTool(
            Self.root.appendingPathComponent("Scripts/record-stream").path, ["2000", "--sessions", "40"])
        let input = directory.appendingPathComponent("stream.ndjson")
        try Data(generated.standardOutput.utf8).write(to: input)
        let run = try Executable.runTool(
            Self.root.appendingPathComponent("Scripts/spark-example").path,
            [
                input.path, directory.appendingPathComponent("out").path, "--partitions", "4", "--master", "local[2]",
                "--sdplint", Executable.productsDirectory.appendingPathComponent("sdplint").path, "--compare",
            ], timeout: 600)
        #expect(run.status == 0, "\(run.standardOutput)\n\(run.standardError.suffix(2000))")
        #expect(run.standardOutput.contains("2000 records checked in 4 partitions"))
        #expect(run.standardOutput.contains("2000 and 2000 records, the same findings"))
    }
}

extension Data {
    /// A value handed from one thread to another.
    final class Lock: @unchecked Sendable {
        private let lock = NSLock()
        private var value: Data?
        func set(_ data: Data) { lock.withLock { value = data } }
        func get() -> Data? { lock.withLock { value } }
    }
}
