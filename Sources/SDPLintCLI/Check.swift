import ArgumentParser
import Foundation
import SDPLint
import SDPLintDiagnostics
import SDPLintInput
import SDPLintReporting
import SDPLintWebRTC

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract:
            "Report every problem in SDP, signaling messages, browser dumps and captures, with the standard behind it.",
        discussion: """
            Each finding is printed as file:line:column: severity[CODE]: message, with the line and a caret; \
            inside a larger input (a browser dump, a capture, a file of messages) the place comes first: \
            dump.json: PeerConnections["8-1"].updateLog[8] line 29:1. Directories are walked recursively; \
            inputs are checked on every core and reported in order.

            Inputs, detected from their content: SDP; SDP fragments (RFC 8840); candidate lines; JSON \
            (RTCSessionDescriptionInit, RTCIceCandidateInit, WebSocket envelopes, NDJSON streams, \
            iceServers, chrome://webrtc-internals dumps, Firefox about:webrtc reports); rtcstats dumps; SIP \
            messages and traces; WHIP/WHEP HTTP exchanges; XMPP Jingle stanzas; pcap and pcapng captures \
            of SIP; any of these gzip-compressed. Descriptions inside are checked with their type (offer, \
            answer) and each session's exchanges as sdplint diff would.

            Exit status: 0 when nothing at or above --fail-on was found, 1 when something was, \
            2 on usage or I/O errors (the other inputs are still checked).

            Examples:
              sdplint check Fixtures/corpus/chromium/audio-video.offer.sdp
              sdplint check --format json Fixtures/corpus/firefox/codec-vp9-only.offer.sdp
              sdplint check Fixtures/corpus/chromium-internals/call-closed-peer.json.gz
              sdplint check Fixtures/pcap/sip-udp-fragmented.pcapng
              sdplint check --type offer --disable WEB111 --severity SDP300=error offer.sdp
              sdplint check --format sarif Fixtures/corpus > findings.sarif
              cat offer.sdp | sdplint check -
            """
    )

    @Argument(help: "Files or directories to check; - reads standard input.")
    var files: [String]

    @Option(
        help:
            """
            Output format: text, json (Schemas/sdplint-report.schema.json), sarif (SARIF 2.1.0) or github (Actions \
            annotations).
            """
    )
    var format: ReportFormat = .text

    @Option(help: "Colour: auto (a terminal, unless NO_COLOR is set), always or never.")
    var color: ColorChoice = .auto

    @Option(help: "The largest input read, in bytes.")
    var maxBytes: Int = 64 << 20

    @Option(
        help: ArgumentHelp(
            "What the inputs are, instead of detecting it: \(InputKind.allCases.map(\.rawValue).joined(separator: ", ")).",
            valueName: "KIND"))
    var input: String?

    @OptionGroup var rules: RuleOptions

    @OptionGroup var descriptionOptions: DescriptionOptions

    func validate() throws {
        if files.isEmpty { throw ValidationError("name at least one file or directory, or - for standard input") }
        if let input, InputKind(rawValue: input) == nil {
            throw ValidationError(
                "--input takes one of \(InputKind.allCases.map(\.rawValue).joined(separator: ", ")), not '\(input)'")
        }
        if maxBytes < 1 { throw ValidationError("--max-bytes must be positive") }
    }

    func run() throws {
        var chosen = try rules.configuration()
        try descriptionOptions.apply(to: &chosen)
        let configuration = chosen
        let expanded = Inputs.expand(files)
        let renderer = TextRenderer(color: color.enabled)
        let progress = expanded.count > 1 && isatty(STDERR_FILENO) == 1
        let keepSource = format == .text || format == .sarif  // SARIF converts columns to code points
        let maxBytes = self.maxBytes
        let forcedKind = input.flatMap(InputKind.init(rawValue:))
        // Every format is written as files are checked, so memory does not grow with the batch.
        var json = JSONReport.Stream(toolVersion: sdplintVersion)
        var sarif = SARIFReport.Stream(toolVersion: sdplintVersion, rules: RuleCatalog.all)
        if format == .json { print(json.begin(), terminator: "") }
        if format == .sarif { print(sarif.begin(), terminator: "") }
        var total = SeverityCounts()
        var byCode: [Rule.Code: Int] = [:]
        var checked = 0
        var ioFailed = false
        var failed = false
        /// Counts, renders and prints what one input's check found, as it comes.
        func report(_ files: [LintedFile]) {
            var output = ""
            for file in files {
                total = total + file.counts
                for diagnostic in file.diagnostics { byCode[diagnostic.code, default: 0] += 1 }
                if configuration.fails(file.diagnostics) { failed = true }
                if format == .text { renderer.render(file, into: &output) }
            }
            switch format {
            case .text:
                if progress && !output.isEmpty { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
                print(output, terminator: "")
            case .json:
                for file in files { print(json.add(file), terminator: "") }
            case .github:
                print(GitHubAnnotations.render(files), terminator: "")
            case .sarif:
                for file in files { print(sarif.add(file), terminator: "") }
            }
        }
        // Packet captures and NDJSON streams are checked from their files a piece at a time,
        // whatever their size; the other inputs are read whole and checked on every core, in
        // runs between streams.
        let streams = expanded.map { item -> StreamedInput? in
            guard case .success(let input) = item, let file = input.file,
                let head = Inputs.peek(input, count: 1 << 16)
            else { return nil }
            if (forcedKind == nil || forcedKind == .pcap) && TraceReader.isCaptureFile(path: file, head: head) {
                return .capture
            }
            if (forcedKind == nil || forcedKind == .json) && SignalingMessages.isStream(head) { return .messages }
            return nil
        }
        var next = 0
        while next < expanded.count {
            if let stream = streams[next], case .success(let input) = expanded[next], let file = input.file {
                if progress { FileHandle.standardError.write(Data("\r\u{1B}[K[\(next + 1)/\(expanded.count)]".utf8)) }
                switch stream {
                case .capture:
                    Linter.checkCapture(path: file, name: input.path, configuration: configuration, deliver: report)
                case .messages:
                    Linter.checkStream(path: file, name: input.path, configuration: configuration, deliver: report)
                }
                checked += 1
                next += 1
                continue
            }
            var end = next + 1
            while end < expanded.count && streams[end] == nil { end += 1 }
            let first = next
            Batch.forEach(
                Array(expanded[next..<end]),
                work: { item -> Result<[LintedFile], Inputs.Problem> in
                    switch item {
                    case .failure(let problem):
                        return .failure(problem)
                    case .success(let input):
                        return Inputs.read(input, limit: maxBytes).map { bytes in
                            var files = Linter.check(
                                bytes, path: input.path, kind: forcedKind, configuration: configuration)
                            if !keepSource { for index in files.indices { files[index].source = [] } }
                            return files
                        }
                    }
                },
                deliver: { index, result in
                    if progress {
                        FileHandle.standardError.write(Data("\r\u{1B}[K[\(first + index + 1)/\(expanded.count)]".utf8))
                    }
                    switch result {
                    case .failure(let problem):
                        if progress { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
                        writeError(problem.description)
                        ioFailed = true
                    case .success(let files):
                        checked += 1
                        report(files)
                    }
                })
            next = end
        }
        if progress { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        switch format {
        case .text:
            var summary = renderer.summary(total, files: checked)
            if checked > 1 && !byCode.isEmpty {
                let codes = byCode.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { "\($0.key) ×\($0.value)" }
                summary += "\nby rule: " + codes.joined(separator: ", ")
            }
            print(summary)
        case .json:
            print(json.end(), terminator: "")
        case .sarif:
            print(sarif.end(), terminator: "")
        case .github:
            break
        }
        if ioFailed { throw ExitCode(2) }
        if failed { throw ExitCode(1) }
    }
}

/// An input checked from its file a piece at a time rather than read whole.
private enum StreamedInput {
    case capture
    case messages
}
