import Foundation
import SDPLintTestSupport
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

private let sngrepPath: String? = ["/usr/bin/sngrep", "/usr/local/bin/sngrep"].first {
    FileManager.default.isExecutableFile(atPath: $0)
}

/// HEP version 3, as Homer's collectors receive it: files of packets, packets inside a capture,
/// and a listening socket that a real agent (sngrep) sends to, on loopback.
@Suite(.serialized) struct HEPInputTests {
    /// The findings of a JSON report, each as `context code line:column` with the frame number
    /// taken out: a HEP packet's number is not the number of the frame it was captured in.
    static func findings(_ json: String) throws -> [String] {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let files = object["files"] as? [[String: Any]] ?? []
        return files.flatMap { file in
            let context = (file["context"] as? String ?? "").replacingOccurrences(
                of: #"frame \d+ "#, with: "", options: .regularExpression)
            return (file["diagnostics"] as? [[String: Any]] ?? []).map {
                "\(context) \($0["code"] ?? "") \($0["line"] ?? ""):\($0["column"] ?? "")"
            }
        }
    }

    static func check(_ path: String) throws -> [String] {
        let run = try Executable.run("sdplint", ["check", "--format", "json", "Fixtures/" + path])
        #expect(run.status == 0 || run.status == 1, "\(run.standardError)")
        return try findings(run.standardOutput)
    }

    /// What sngrep sent of each capture reads as the capture itself does.
    @Test(arguments: [("hep/sngrep-sip-udp.hep", "pcap/sip-udp.pcap"), ("hep/sngrep-sip-tcp.hep", "pcap/sip-tcp.pcap")])
    func packetsSentToACollectorSayWhatTheCaptureSays(_ hep: String, _ capture: String) throws {
        let expected = try Self.check(capture)
        #expect(!expected.isEmpty)
        #expect(try Self.check(hep) == expected)
    }

    /// A capture of the packets on their way to the collector: the SIP inside is read with the
    /// addresses the agent saw, not the collector's port.
    @Test func aCaptureOfHEPTrafficReadsTheMessagesInside() throws {
        let findings = try Self.check("hep/hep-collector-loopback.pcapng")
        let udp = try Self.check("pcap/sip-udp.pcap")
        let tcp = try Self.check("pcap/sip-tcp.pcap")
        #expect(findings == udp + tcp, "\(findings)")
        let timeline = try Executable.run("sdplint", ["timeline", "Fixtures/hep/hep-collector-loopback.pcapng"])
        #expect(
            timeline.standardOutput.contains("packet capture (pcapng), 2 connections"), "\(timeline.standardOutput)")
    }

    // MARK: Listening

    /// `sdplint check --listen URL --format json` on a port the system chooses, fed by `send`
    /// once it listens, then interrupted: its status and report.
    static func listen(_ scheme: String, send: (UInt16) throws -> Void) throws -> (Int32, String, String) {
        let process = Process()
        process.executableURL = Executable.productsDirectory.appendingPathComponent("sdplint")
        process.arguments = ["check", "--listen", "\(scheme)://127.0.0.1:0", "--format", "json"]
        process.currentDirectoryURL = Fixture.root.deletingLastPathComponent()
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // The first line on standard error names the port bound.
        var line = Data()
        while !line.contains(0x0A) {
            let byte = err.fileHandleForReading.readData(ofLength: 1)
            if byte.isEmpty { break }
            line += byte
        }
        let announced = String(decoding: line, as: UTF8.self)
        let port = try #require(
            announced.firstMatch(of: /127\.0\.0\.1:(\d+)/).flatMap { UInt16($0.1) }, "\(announced)")
        try send(port)
        Thread.sleep(forTimeInterval: 0.5)
        process.interrupt()
        // A listener that does not stop fails the test instead of hanging it.
        let deadline = Date().addingTimeInterval(20)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        let report = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let rest = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        return (process.terminationStatus, report, announced + rest)
    }

    /// The packets of a HEP file, one by one.
    static func packets(_ path: String) throws -> [[UInt8]] {
        let bytes = try Fixture(path: path).bytes()
        var packets: [[UInt8]] = []
        var at = 0
        while at + 6 <= bytes.count {
            let length = Int(bytes[at + 4]) << 8 | Int(bytes[at + 5])
            packets.append(Array(bytes[at..<(at + length)]))
            at += length
        }
        return packets
    }

    static func socketTo(_ port: UInt16, tcp: Bool) throws -> Int32 {
        #if canImport(Glibc)
        let type = Int32(tcp ? SOCK_STREAM.rawValue : SOCK_DGRAM.rawValue)
        #else
        let type = tcp ? SOCK_STREAM : SOCK_DGRAM
        #endif
        let descriptor = socket(AF_INET, type, 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        let status = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        try #require(descriptor >= 0 && status == 0)
        return descriptor
    }

    @Test func aListenerChecksThePacketsEachDatagramBrings() throws {
        let packets = try Self.packets("hep/sngrep-sip-udp.hep")
        let (status, report, messages) = try Self.listen("hep") { port in
            let descriptor = try Self.socketTo(port, tcp: false)
            defer { close(descriptor) }
            for packet in packets { _ = packet.withUnsafeBytes { send(descriptor, $0.baseAddress, $0.count, 0) } }
        }
        #expect(status == 0, "\(messages)")
        #expect(try Self.findings(report) == Self.check("pcap/sip-udp.pcap"))
    }

    /// Over TCP, packets arrive cut anywhere: the listener puts them back together.
    @Test func aListenerFramesPacketsOnATCPConnection() throws {
        let bytes = try Self.packets("hep/sngrep-sip-tcp.hep").flatMap { $0 }
        let (status, report, messages) = try Self.listen("hep+tcp") { port in
            let descriptor = try Self.socketTo(port, tcp: true)
            defer { close(descriptor) }
            for start in stride(from: 0, to: bytes.count, by: 97) {
                let piece = Array(bytes[start..<min(bytes.count, start + 97)])
                _ = piece.withUnsafeBytes { send(descriptor, $0.baseAddress, $0.count, 0) }
                Thread.sleep(forTimeInterval: 0.002)
            }
        }
        #expect(status == 0, "\(messages)")
        #expect(try Self.findings(report) == Self.check("pcap/sip-tcp.pcap"))
    }

    /// A packet a connection had only begun when listening stopped is reported, not dropped.
    @Test func aPacketCutShortWhenListeningStopsIsReported() throws {
        let packets = try Self.packets("hep/sngrep-sip-tcp.hep")
        var descriptor: Int32 = -1
        defer { if descriptor >= 0 { close(descriptor) } }
        let (status, report, messages) = try Self.listen("hep+tcp") { port in
            descriptor = try Self.socketTo(port, tcp: true)
            let bytes = packets[0] + packets[1].prefix(40)
            _ = bytes.withUnsafeBytes { send(descriptor, $0.baseAddress, $0.count, 0) }
            Thread.sleep(forTimeInterval: 0.3)
            // The connection stays open: the listener stops with the packet still coming.
        }
        #expect(status == 1, "\(messages)")
        #expect(report.contains("\"CAP102\""), "\(report)")
        #expect(report.contains("the input ends inside a HEP packet of \(packets[1].count) bytes (40 are there)"))
    }

    @Test func aPortInUseIsAnInputError() throws {
        let first = try Self.listen("hep") { port in
            let second = try Executable.runTool(
                Executable.productsDirectory.appendingPathComponent("sdplint").path,
                ["check", "--listen", "hep://127.0.0.1:\(port)"], timeout: 20)
            #expect(second.status == 2)
            #expect(
                second.standardError.contains("cannot listen on hep://127.0.0.1:\(port)"), "\(second.standardError)")
        }
        #expect(first.0 == 0)
    }

    /// sngrep, a real HEP agent, replays a capture to the listener.
    @Test(.enabled(if: sngrepPath != nil, "sngrep is not installed: apt-get install -y sngrep"))
    func sngrepSendsACaptureToTheListener() throws {
        let sngrep = try #require(sngrepPath)
        let (status, report, messages) = try Self.listen("hep") { port in
            let run = try Executable.runTool(
                sngrep, ["-I", "Fixtures/pcap/sip-udp.pcap", "-N", "-q", "-H", "udp:127.0.0.1:\(port)"], timeout: 30)
            #expect(run.status == 0, "\(run.standardError)")
        }
        #expect(status == 0, "\(messages)")
        #expect(try Self.findings(report) == Self.check("pcap/sip-udp.pcap"))
    }
}
