import Foundation
import SDPLint
import SDPLintDiagnostics
import SDPLintTestSupport
import Testing

/// What happens when the world misbehaves around a run: a full disk, a closed pipe, an
/// interrupt, a FIFO, files that change under a directory walk, and hostile inputs on every
/// core. A failure is never mistaken for a result, and nothing half-written looks whole.
@Suite struct FaultTests {
    static let offer = "Fixtures/corpus/firefox/codec-vp9-only.offer.sdp"
    static var binary: String { Executable.productsDirectory.appendingPathComponent("sdplint").path }

    static func temporaryDirectory() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sdplint-fault-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    /// A running `sdplint` whose standard input stays open until the test closes it, so the run
    /// is held in the middle of its report for as long as the test needs.
    final class HeldRun {
        let process = Process()
        let input = Pipe()
        let output = Pipe()
        let errors = Pipe()

        init(_ arguments: [String]) throws {
            process.executableURL = URL(fileURLWithPath: FaultTests.binary)
            process.arguments = arguments
            process.currentDirectoryURL = Fixture.root.deletingLastPathComponent()
            process.standardInput = input
            process.standardOutput = output
            process.standardError = errors
            try process.run()
        }

        /// Waits until `condition` holds, for at most 20 seconds.
        func wait(until condition: () -> Bool) -> Bool {
            let deadline = Date().addingTimeInterval(20)
            while !condition() && Date() < deadline { usleep(10_000) }
            return condition()
        }

        /// Sends `signal` and waits for the process to end; how long that took.
        /// Sends `signal` and waits for the process to end, killing it after 10 seconds; how long
        /// it took to end.
        func interrupt(with signal: Int32) -> TimeInterval {
            let start = Date()
            kill(process.processIdentifier, signal)
            while process.isRunning && Date().timeIntervalSince(start) < 10 { usleep(5_000) }
            let elapsed = Date().timeIntervalSince(start)
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
            return elapsed
        }
    }

    @Test func anInterruptLeavesTheNamedReportAsItWas() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let report = directory.appendingPathComponent("findings.sarif")
        try Data("the previous report\n".utf8).write(to: report)
        // The offer is checked and its results written; then the run waits on standard input.
        let run = try HeldRun(["check", "--format", "sarif", "--output", report.path, Self.offer, "-"])
        let temporary = {
            (try? FileManager.default.contentsOfDirectory(atPath: directory.path))?
                .first { $0.hasPrefix(".findings.sarif.sdplint-") }
        }
        let written = run.wait {
            guard let name = temporary() else { return false }
            let size =
                (try? FileManager.default.attributesOfItem(atPath: directory.appendingPathComponent(name).path))?[
                    .size] as? Int
            return (size ?? 0) > 1000
        }
        #expect(written, "the report is being written to a temporary file beside the named one")
        let elapsed = run.interrupt(with: SIGINT)
        #expect(run.process.terminationReason == .uncaughtSignal)
        #expect(run.process.terminationStatus == SIGINT)
        #expect(elapsed < 1)
        #expect(try String(contentsOf: report, encoding: .utf8) == "the previous report\n")
        #expect(temporary() == nil, "no temporary file is left behind")
    }

    @Test(arguments: ["json", "sarif"])
    func aStreamCutByATerminationIsNotAWholeReport(_ format: String) throws {
        let run = try HeldRun(["check", "--format", format, Self.offer, "-"])
        // Read on another thread: reading blocks until data comes.
        let received = LockedData()
        let handle = run.output.fileHandleForReading
        let reader = Thread {
            while case let data = handle.availableData, !data.isEmpty { received.append(data) }
        }
        reader.start()
        let whole = run.wait { received.count > 1000 }
        #expect(whole, "the first input's results were streamed")
        let elapsed = run.interrupt(with: SIGTERM)
        #expect(run.wait { reader.isFinished })
        #expect(run.process.terminationReason == .uncaughtSignal)
        #expect(run.process.terminationStatus == SIGTERM)
        #expect(elapsed < 1)
        // A consumer tells the cut stream from a whole one: it does not parse.
        #expect((try? JSONSerialization.jsonObject(with: received.data)) == nil)
        // The same run, completed, is one valid document.
        try run.input.fileHandleForWriting.close()
        let complete = try Executable.run(
            "sdplint", ["check", "--format", format, Self.offer, "-"],
            input: Data(try Fixture(path: "corpus/firefox/codec-vp9-only.offer.sdp").bytes()))
        #expect(try JSONSerialization.jsonObject(with: complete.standardOutputData) is [String: Any])
    }

    @Test func aClosedPipeEndsTheRunQuietly() throws {
        // A parent that starts sdplint with SIGPIPE ignored (`trap '' PIPE`, some runtimes) must
        // not turn a closed pipe into an error message: sdplint ends by the signal, as `grep`.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = [
            "-c", "trap '' PIPE; \"$0\" check --min-severity info Fixtures/corpus | head -c 10 > /dev/null",
            Self.binary,
        ]
        process.currentDirectoryURL = Fixture.root.deletingLastPathComponent()
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = Pipe()
        try process.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(message.isEmpty, "\(message)")
    }

    @Test func aReportNamedOnAFullDiskIsAFailureAndTheOldFileStays() throws {
        let run = try Executable.run("sdplint", ["check", "--output", "/dev/full", Self.offer])
        #expect(run.status == 2)
        #expect(run.standardError == "sdplint: /dev/full could not be written: No space left on device\n")
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let missing = directory.appendingPathComponent("no/such/dir/report.json").path
        let refused = try Executable.run("sdplint", ["check", "--format", "json", "-o", missing, Self.offer])
        #expect(refused.status == 2)
        #expect(
            refused.standardError.hasPrefix("sdplint: \(missing): could not be written: "), "\(refused.standardError)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
    }

    @Test func aNamedReportIsWholeAndKeepsNoTemporaryFile() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let report = directory.appendingPathComponent("report.json")
        let run = try Executable.run("sdplint", ["check", "--format", "json", "-o", report.path, Self.offer])
        #expect(run.status == 0)
        #expect(run.standardOutput.isEmpty)
        #expect(try JSONSerialization.jsonObject(with: Data(contentsOf: report)) is [String: Any])
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["report.json"])
    }

    @Test func aFIFOIsReadOnceWhenNamedAndReportedWhenWalked() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let fifo = directory.appendingPathComponent("offer.sdp").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let sdp = try Fixture(path: "corpus/firefox/codec-vp9-only.offer.sdp").bytes()
        // The writer opens the FIFO when the reader does, and writes it all once.
        let writer = Thread {
            guard let handle = FileHandle(forWritingAtPath: fifo) else { return }
            handle.write(Data(sdp))
            try? handle.close()
        }
        writer.start()
        let named = try Executable.run("sdplint", ["check", "--format", "json", fifo])
        #expect(named.status == 0, "\(named.standardError)")
        let plain = try Executable.run("sdplint", ["check", "--format", "json", Self.offer])
        #expect(
            named.standardOutput.replacingOccurrences(of: fifo, with: Self.offer) == plain.standardOutput,
            "the whole description arrived, its first bytes included")
        // In a directory walk a FIFO would block the batch: it is named, and the rest checked.
        try Data(sdp).write(to: directory.appendingPathComponent("plain.sdp"))
        let walked = try Executable.run("sdplint", ["check", directory.path])
        #expect(walked.status == 2)
        #expect(walked.standardError.contains("offer.sdp: not a regular file (a FIFO, socket or device); name it"))
        #expect(walked.standardOutput.contains("in 1 file"), "\(walked.standardOutput)")
    }

    @Test func filesRemovedOrCutAfterTheWalkAreReadAsTheyAreNow() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let sdp = try Fixture(path: "corpus/firefox/codec-vp9-only.offer.sdp").bytes()
        for name in ["a.sdp", "b.sdp", "c.sdp"] {
            try Data(sdp).write(to: directory.appendingPathComponent(name))
        }
        let found = Inputs.expand([directory.path])
        #expect(found.count == 3)
        try FileManager.default.removeItem(at: directory.appendingPathComponent("a.sdp"))
        try Data(sdp.prefix(100)).write(to: directory.appendingPathComponent("b.sdp"))
        let output = CapturedOutput()
        let status = CheckCommand(format: .text, shown: .info).run(inputs: found, output: output)
        #expect(status == .failure)
        #expect(output.reports.contains { $0.contains("a.sdp: cannot open") }, "\(output.reports)")
        // The cut file is checked as it now is: a description that stops inside a line.
        #expect(output.text.contains("b.sdp:5:13: note[SDP108]: the last line has no line ending"), "\(output.text)")
        #expect(output.text.contains("in 2 files"), "\(output.text)")
    }

    @Test func aFileGrowingWhileReadIsReadUpToTheLimit() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let growing = directory.appendingPathComponent("growing.sdp")
        try Data(try Fixture(path: "corpus/firefox/codec-vp9-only.offer.sdp").bytes()).write(to: growing)
        let done = ManagedAtomicFlag()
        let writer = Thread {
            guard let handle = FileHandle(forWritingAtPath: growing.path) else { return }
            handle.seekToEndOfFile()
            let line = Data("a=x-grow:\(String(repeating: "g", count: 1000))\r\n".utf8)
            while !done.isSet {
                handle.write(line)
                usleep(500)
            }
            try? handle.close()
        }
        writer.start()
        defer { done.set() }
        for _ in 0..<5 {
            let run = try Executable.run("sdplint", ["check", "--max-bytes", "4M", growing.path])
            // Either what was there when it was read, checked, or the limit, named: never a
            // crash, a hang or a silent zero.
            #expect([0, 1, 2].contains(run.status))
            if run.status == 2 {
                #expect(run.standardError.contains("4.0 MiB limit; raise it with --max-bytes"), "\(run.standardError)")
            } else {
                #expect(run.standardOutput.contains("in 1 file"), "\(run.standardOutput)")
            }
        }
    }

    /// Inputs that cost the most memory to check, read whole, 10 MB each, and compression
    /// bombs: checked on every core under a budget, the process's peak resident memory stays
    /// under it. Measured by a Python parent's getrusage of its one child.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/python3")))
    func aBatchOfHostileInputsStaysUnderItsMemoryBudget() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let tenMB = 10 << 20
        let header = "v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nt=0 0\r\n"
        var sections = header
        var index = 0
        while sections.utf8.count < tenMB {
            sections += "m=audio 9 RTP/AVP 0\r\nc=IN IP4 0.0.0.0\r\na=mid:\(index)\r\na=sendrecv\r\n"
            index += 1
        }
        try Data(sections.utf8).write(to: directory.appendingPathComponent("sections.sdp"))
        var attributes = header + "m=audio 9 RTP/AVP 0\r\n"
        while attributes.utf8.count < tenMB { attributes += "a=x-unknown-\(attributes.utf8.count):value\r\n" }
        try Data(attributes.utf8).write(to: directory.appendingPathComponent("attributes.sdp"))
        let string = #"{"type":"offer","sdp":"v=0\r\n"# + String(repeating: "s", count: tenMB) + #""}"#
        try Data(string.utf8).write(to: directory.appendingPathComponent("string.json"))
        let nested = String(repeating: "[", count: tenMB / 2) + String(repeating: "]", count: tenMB / 2)
        try Data(nested.utf8).write(to: directory.appendingPathComponent("nested.json"))
        let bomb = try Fixture(path: "inputs/bomb-64mib.json.gz").bytes()
        for copy in 1...4 { try Data(bomb).write(to: directory.appendingPathComponent("bomb\(copy).json.gz")) }

        let budget = 256 << 20
        let script = """
            import resource, subprocess, sys
            run = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            sys.stdout.write("%d %d\\n" % (run.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss))
            sys.stdout.write(run.stderr.decode())
            """
        let python = Process()
        python.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        python.arguments = [
            "-c", script, Self.binary, "check", "--quiet", "--max-bytes", "12M", "--max-memory", "256M", directory.path,
        ]
        let measured = Pipe()
        python.standardOutput = measured
        try python.run()
        let report = String(decoding: measured.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        python.waitUntilExit()
        let fields = report.split(separator: "\n").first?.split(separator: " ") ?? []
        #expect(fields.count == 2, "\(report)")
        guard fields.count == 2, let status = Int(fields[0]), let kilobytes = Int(fields[1]) else { return }
        #expect(status == 1, "the bombs are errors (CAP306); \(report)")
        #expect(kilobytes * 1024 < budget, "peak \(kilobytes) KiB over the \(budget >> 20) MiB budget")
    }
}

/// Bytes one thread appends and another reads.
final class LockedData: @unchecked Sendable {
    private let lock = NSLock()
    private var bytes = Data()
    var data: Data { lock.withLock { bytes } }
    var count: Int { lock.withLock { bytes.count } }
    func append(_ more: Data) { lock.withLock { bytes.append(more) } }
}

/// A flag one thread sets and another reads.
final class ManagedAtomicFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    var isSet: Bool { lock.withLock { value } }
    func set() { lock.withLock { value = true } }
}
