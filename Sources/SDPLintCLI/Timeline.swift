import ArgumentParser
import Foundation
import SDPLint
import SDPLintInput
import SDPLintJSON
import SDPLintReporting
import SDPLintWebRTC

struct TimelineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "timeline",
        abstract: "Show the signaling of each connection in a browser dump or capture as a table.",
        discussion: """
            One row per description applied, candidate trickled, failure and state change, with the \
            time since the first event, the side (local or remote), the m-sections each description \
            leaves with the codec each sends with, and what each exchange changed (sections added or \
            stopped, ICE restarts, DTLS roles).

            Reads chrome://webrtc-internals and rtcstats dumps (gzip-compressed or not), Firefox \
            about:webrtc report histories, SIP traces, JSON/NDJSON signaling messages, WHIP/WHEP \
            exchanges, and packet captures of SIP (pcap, pcapng), one row per frame.

            Examples:
              sdplint timeline Fixtures/corpus/chromium-internals/call-datachannel-only.json
              sdplint timeline --format json dump.json
            """
    )

    @Argument(help: "A browser dump or capture; - reads standard input.")
    var file: String

    @Option(help: "Output format: text, or json (Schemas/sdplint-timeline.schema.json).")
    var format: OutputFormat = .text

    @Option(help: "Colour: auto (a terminal, unless NO_COLOR is set), always or never.")
    var color: ColorChoice = .auto

    @Option(help: "The largest input read, in bytes.")
    var maxBytes: Int = 256 << 20

    func run() throws {
        let item = try Input.locate(file)
        let found: TraceCapture?
        if let file = item.file, let head = Inputs.peek(item), TraceReader.isCaptureFile(path: file, head: head) {
            found = TraceReader.readCapture(path: file)
        } else {
            let bytes = try Input.read(file, limit: maxBytes).bytes
            found = TraceReader.read(bytes, kind: InputKind.detect(bytes))
        }
        guard let capture = found else {
            writeError("\(item.path): not a browser dump or capture; `sdplint diff` shows the exchange of SDP files")
            throw ExitCode(2)
        }
        let timelines = capture.traces.map(Timeline.init)
        switch format {
        case .text:
            let renderer = TextRenderer(color: color.enabled)
            var output =
                "\(item.path): \(capture.format), \(timelines.count) connection\(timelines.count == 1 ? "" : "s")\n"
            for timeline in timelines { output += "\n" + timeline.text(renderer: renderer) }
            for diagnostic in capture.diagnostics {
                output += "\n"
                renderer.render(
                    diagnostic, in: LintedFile(path: item.path, source: capture.source, diagnostics: []), into: &output)
            }
            print(output, terminator: "")
        case .json:
            var json = JSONWriter(format: .pretty)
            json.object { root in
                JSONReport.writeHeader(toolVersion: sdplintVersion, to: &root)
                root.member("kind", "timeline")
                root.member("path", item.path)
                root.member("format", capture.format)
                root.member(
                    "traces",
                    array: { list in
                        for timeline in timelines { list.object { timeline.write(to: &$0) } }
                    })
                root.member(
                    "diagnostics",
                    array: { list in
                        for diagnostic in capture.diagnostics { list.object { JSONReport.write(diagnostic, to: &$0) } }
                    })
            }
            print(json.output)
        }
    }
}
