import Foundation
import SDPLint
import SDPLintInput
import SDPLintReporting
import Testing

/// Every command on one input of every kind, through the library's command types (what the
/// executable runs): exit status, standard output and standard error against a golden file per
/// pair, so a change in what any command makes of any input shows up as a diff. Set
/// SDPLINT_RECORD=1 to write the golden files anew.
@Suite struct CommandMatrixTests {
    /// One input of each kind the readers know, and the inputs no reader takes.
    static let inputs: [String] = [
        "corpus/firefox/codec-vp9-only.offer.sdp",
        "signaling/sdpfrag/trickle.sdpfrag",
        "ice/candidates.txt",
        "signaling/json/plain-offer.json",
        "signaling/json/exchange.ndjson",
        "signaling/json/ice-servers.json",
        "corpus/chromium-internals/call-closed-peer.json",
        "corpus/chromium-internals/call-closed-peer.json.gz",
        "corpus/chromium-internals/call-closed-peer.rtcstats.gz",
        "corpus/firefox-aboutwebrtc/call-closed-peer.pc2.history.json",
        "corpus/firefox-aboutwebrtc/call-closed-peer.aboutWebrtc.html",
        "signaling/sip/delayed-offer-trickle.sip",
        "corpus/linphone/audio-ice/sipp-uas-trace_msg.log",
        "signaling/whip/whip-exchange.http",
        "jingle/session-initiate.xml",
        "pcap/sip-udp.pcap",
        "pcap/sip-tcp.pcapng.gz",
        "inputs/terminal-escapes.sdp",
        "inputs/utf16le-bom.sdp",
        "inputs/binary.bin",
        "inputs/bomb-64mib.json.gz",
    ]

    /// The commands, each as the executable runs it with its default options.
    enum Command: String, CaseIterable, Sendable {
        case check, diff, timeline, explain, format, anonymize
        case convert  // to the envelope, which carries everything the model holds

        func run(_ path: String, output: CapturedOutput) -> SDPLint.ExitStatus {
            let input = CommandInput(argument: path)
            switch self {
            case .check: return CheckCommand().run([path], output: output)
            case .diff: return DiffCommand().run([input], output: output)
            case .timeline: return TimelineCommand().run(input, output: output)
            case .explain: return ExplainCommand().run(input, output: output)
            case .format: return FormatCommand().run(input, output: output)
            case .anonymize: return AnonymizeCommand().run(input, output: output)
            case .convert: return ConvertCommand(target: .envelope).run(input, output: output)
            }
        }
    }

    static let pairs = Command.allCases.flatMap { command in inputs.map { (command, $0) } }

    @Test(arguments: pairs)
    func matchesTheGoldenFile(_ command: Command, _ fixture: String) throws {
        let output = CapturedOutput()
        let status = command.run("Fixtures/" + fixture, output: output)
        let transcript = output.transcript(command: "\(command.rawValue) Fixtures/\(fixture)", status: status)

        let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Golden/commands/\(command.rawValue)")
            .appendingPathComponent(fixture.replacingOccurrences(of: "/", with: "__") + ".txt")
        if ProcessInfo.processInfo.environment["SDPLINT_RECORD"] != nil {
            try FileManager.default.createDirectory(
                at: golden.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(transcript.utf8).write(to: golden)
        }
        let expected = try String(contentsOf: golden, encoding: .utf8)
        #expect(transcript == expected)
    }

    /// Whatever a command writes for people (findings, explanations, timelines, reports on
    /// standard error) holds none of the input's control bytes: the escape sequences of
    /// `terminal-escapes.sdp` are shown, never obeyed.
    @Test(arguments: Command.allCases)
    func writesNoEscapeSequenceOfTheInput(_ command: Command) {
        let output = CapturedOutput()
        let path = "Fixtures/inputs/terminal-escapes.sdp"
        if command == .diff {
            // The description as its own answer: the sections, with their mids, are rendered.
            let input = CommandInput(argument: path)
            _ = DiffCommand().run([input, input], output: output)
            #expect(output.text.contains("mid 0"), "the section is rendered")
        } else {
            _ = command.run(path, output: output)
        }
        let people = output.text + output.reports.joined(separator: "\n")
        let raw = people.unicodeScalars.filter {
            ($0.value < 0x20 && $0 != "\n" && $0 != "\t" && $0 != "\r") || (0x7F...0x9F).contains($0.value)
        }
        #expect(raw.isEmpty, "\(command): \(raw.map { String($0.value, radix: 16) })")
    }

    /// The escaping used for a terminal keeps the lines of the data and shows every control
    /// character.
    @Test func terminalEscapingKeepsLinesAndShowsControls() {
        let text = "s=\u{1B}]0;x\u{07}\r\ni=\u{9B}2J\rz\n"
        #expect(
            TextRenderer.escaped(text, keepingLineBreaks: true) == "s=\u{241B}]0;x\u{2407}\r\ni=\\u{9B}2J\u{240D}z\n")
        #expect(TextRenderer.escaped(text) == "s=\u{241B}]0;x\u{2407}\u{240D}\u{240A}i=\\u{9B}2J\u{240D}z\u{240A}")
    }
}

/// What a command wrote, kept apart: text for people, data (converted, formatted, anonymized),
/// and the report lines of standard error.
final class CapturedOutput: CommandOutput {
    private(set) var standardOutput: [UInt8] = []
    private(set) var text = ""
    private(set) var reports: [String] = []

    func write(_ text: String) {
        self.text += text
        standardOutput += Array(text.utf8)
    }
    func write(bytes: [UInt8]) { standardOutput += bytes }
    func report(_ line: String) { reports.append(line) }

    /// The run as a reviewer reads it. Binary output is named by its size and kind; output
    /// larger than 16 KiB is shortened to its first 120 lines, its line count and a hash, so
    /// that a golden file stays readable and still changes when the output does.
    func transcript(command: String, status: SDPLint.ExitStatus) -> String {
        var result = "$ sdplint \(command)\nexit status: \(status.rawValue)\n--- standard output\n"
        let kind = InputKind.detect(standardOutput)
        if [.gzip, .pcap, .binary].contains(kind) {
            result +=
                "<\(standardOutput.count) bytes, reads as \(kind.rawValue), FNV-1a \(Self.hash(standardOutput))>\n"
        } else if standardOutput.count > 16 << 10 {
            let lines = String(decoding: standardOutput, as: UTF8.self).split(
                separator: "\n", omittingEmptySubsequences: false)
            result += lines.prefix(120).joined(separator: "\n")
            result += "\n<… \(lines.count) lines, \(standardOutput.count) bytes, FNV-1a \(Self.hash(standardOutput))>\n"
        } else {
            result += String(decoding: standardOutput, as: UTF8.self)
        }
        result += "--- standard error\n"
        for line in reports { result += line + "\n" }
        return result
    }

    /// 64-bit FNV-1a: stable across runs and platforms, unlike `Hasher`.
    static func hash(_ bytes: [UInt8]) -> String {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { value = (value ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return String(value, radix: 16)
    }
}
