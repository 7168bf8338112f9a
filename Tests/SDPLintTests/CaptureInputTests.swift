import Foundation
import SDPLintTestSupport
import Testing

/// Packet captures and gzip-compressed dumps, as `sdplint check` and `timeline` take them.
@Suite struct CaptureInputTests {
    static let captures = Fixture.files(in: "pcap", suffix: ".pcapng").map(\.path)

    static func report(_ path: String) throws -> (status: Int32, files: [[String: Any]]) {
        let run = try Executable.run("sdplint", ["check", "--format", "json", "Fixtures/" + path])
        let errors = try JSONSchema(named: "sdplint-report.schema.json").validate(Data(run.standardOutput.utf8))
        #expect(errors.isEmpty, "\(errors)")
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any])
        return (run.status, object["files"] as? [[String: Any]] ?? [])
    }

    static func findings(_ files: [[String: Any]]) -> [String] {
        files.flatMap { file in
            (file["diagnostics"] as? [[String: Any]] ?? []).map {
                "\(file["context"] as? String ?? "") \($0["code"] ?? "") \($0["line"] ?? ""):\($0["column"] ?? "")"
            }
        }
    }

    /// The pcap and pcapng forms of each capture say the same, and each is read without an
    /// input error.
    @Test(arguments: captures)
    func bothFormsOfACaptureGiveTheSameFindings(_ pcapng: String) throws {
        let next = try Self.report(pcapng)
        #expect(next.status == 0 || next.status == 1)
        #expect(!Self.findings(next.files).contains { $0.contains("CAP1") }, "\(Self.findings(next.files))")
        let pcap = String(pcapng.dropLast(2))
        guard FileManager.default.fileExists(atPath: Fixture(path: pcap).url.path) else { return }
        let classic = try Self.report(pcap)
        #expect(Self.findings(classic.files) == Self.findings(next.files))
    }

    @Test func aFragmentedInviteIsReassembledAndItsExchangeChecked() throws {
        let (_, files) = try Self.report("pcap/sip-udp-fragmented.pcapng")
        let findings = Self.findings(files)
        // The INVITE arrives in five IP fragments; the offer is the datagram completed at frame 5.
        #expect(findings.contains("frame 5 (UDP 127.0.0.1:5061 → 127.0.0.1:5060) SDP308 71:25"), "\(findings)")
        #expect(findings.contains { $0.hasPrefix("frame 7 (UDP 127.0.0.1:5060 → 127.0.0.1:5061), SDP body OA101") })
        let timeline = try Executable.run("sdplint", ["timeline", "Fixtures/pcap/sip-udp-fragmented.pcapng"])
        #expect(
            timeline.standardOutput.contains(
                "Fixtures/pcap/sip-udp-fragmented.pcapng: packet capture (pcapng), 1 connection"))
        #expect(timeline.standardOutput.contains("answer #0 audio 0 sendrecv PCMU/8000 · #1 video 1 rejected"))
        #expect(timeline.standardOutput.contains("│────── BYE ──────▶│  session: hang-up"))
    }

    @Test func aLinphoneCaptureOfTheCorpusIsRead() throws {
        let (_, files) = try Self.report("corpus/linphone/audio-ice/sip-udp-lo.pcap")
        let findings = Self.findings(files)
        #expect(findings.contains { $0.contains("OA209") }, "\(findings)")
    }

    @Test func aTruncatedCaptureKeepsTheFramesBeforeTheCut() throws {
        let bytes = try Fixture(path: "pcap/sip-udp.pcap").bytes()
        for cut in stride(from: 24, to: bytes.count, by: max(1, bytes.count / 23)) {
            let run = try Executable.run("sdplint", ["check", "--format", "json", "-"], input: Data(bytes[..<cut]))
            #expect(run.status == 0 || run.status == 1, "cut at \(cut): \(run.standardError)")
            let errors = try JSONSchema(named: "sdplint-report.schema.json").validate(Data(run.standardOutput.utf8))
            #expect(errors.isEmpty, "\(errors)")
        }
        let cut = Data(bytes[..<(bytes.count - 7)])
        let run = try Executable.run("sdplint", ["check", "-"], input: cut)
        #expect(run.standardOutput.contains("CAP102"), "\(run.standardOutput)")
        let bad = try Executable.run(
            "sdplint", ["check", "--input", "pcap", "-"],
            input: Data([0xD4, 0xC3, 0xB2, 0xA2] + Array(bytes.dropFirst(4))))
        #expect(bad.status == 1)
        #expect(bad.standardOutput.contains("CAP101") || bad.standardOutput.contains("CAP105"), "\(bad.standardOutput)")
    }

    @Test func aCompressedDumpIsReadAndACutOneReportsBoth() throws {
        let whole = try Executable.run(
            "sdplint", ["check", "Fixtures/corpus/chromium-internals/call-datachannel-only.json.gz"])
        #expect(whole.status == 0, "\(whole.standardOutput)")
        let timelineOfDump = try Executable.run(
            "sdplint", ["timeline", "Fixtures/corpus/chromium-internals/call-datachannel-only.json.gz"])
        #expect(
            timelineOfDump.standardOutput.contains("chrome://webrtc-internals dump, gzip-compressed, 2 connections"))
        let bytes = try Fixture(path: "corpus/chromium-internals/call-datachannel-only.json.gz").bytes()
        let cut = try Executable.run("sdplint", ["check", "-"], input: Data(bytes[..<(bytes.count / 2)]))
        #expect(cut.status == 1)
        #expect(cut.standardOutput.contains("error[CAP301]"), "\(cut.standardOutput)")
        #expect(cut.standardOutput.contains("<stdin>: decompressed line"), "\(cut.standardOutput)")
        #expect(cut.standardOutput.contains("error[TRC105]"))
        let timeline = try Executable.run(
            "sdplint", ["timeline", "Fixtures/corpus/chromium-internals/call-datachannel-only.rtcstats.gz"])
        #expect(
            timeline.standardOutput.contains("rtcstats dump, gzip-compressed, 2 connections"),
            "\(timeline.standardOutput)")
    }
}

/// What a compressed input decompresses to counts against --max-bytes, as a plain input's size
/// does: a small gzip file cannot take more memory than a plain file may.
@Suite struct DecompressionLimitTests {
    @Test func decompressedSizeCountsAgainstMaxBytes() throws {
        let path = "Fixtures/corpus/chromium-internals/call-closed-peer.json.gz"
        let bounded = try Executable.run("sdplint", ["check", "--max-bytes", "1000", path])
        #expect(bounded.status == 1)
        #expect(bounded.standardOutput.contains("error[CAP306]: the decompressed data exceeds the limit of 1000 bytes"))
        let enough = try Executable.run("sdplint", ["check", "--max-bytes", "4000", path])
        #expect(!enough.standardOutput.contains("CAP306"))
    }
}
