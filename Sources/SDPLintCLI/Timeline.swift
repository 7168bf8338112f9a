public import ArgumentParser
import SDPLint
import SDPLintInput
import SDPLintJSON
import SDPLintReporting
import SDPLintWebRTC

struct TimelineSubcommand: ParsableCommand {
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
              sdplint timeline webrtc_internals_dump.json
              sdplint timeline --format json dump.json
              sdplint timeline --format html -o call.html call.pcapng
              sdplint timeline captures/
            """
    )

    @Argument(
        help: """
            Browser dumps, captures or files of signaling messages, or directories of them; - reads standard \
            input.
            """)
    var files: [String]

    @Option(
        help: """
            Output format: text, json (Schemas/sdplint-timeline.schema.json), html (one self-contained page: \
            SIP call flows drawn as ladders, every event in a table, the findings with their text), or svg (the \
            SIP call flows alone, as one image; one input).
            """)
    var format: TimelineCommand.Format = .text

    @Option(help: "Colour: auto (a terminal, unless NO_COLOR is set), always or never.")
    var color: ColorChoice = .auto

    @OptionGroup var destination: OutputOptions

    @OptionGroup var inputs: InputOptions

    @OptionGroup var rules: RuleOptions

    @OptionGroup var descriptionOptions: DescriptionOptions

    func validate() throws {
        if files.isEmpty { throw ValidationError("name at least one file or directory, or - for standard input") }
    }

    func run() throws {
        var configuration = try rules.configuration()
        try descriptionOptions.apply(to: &configuration)
        let command = TimelineCommand(
            configuration: configuration, format: format, color: destination.colors(color),
            maxBytes: inputs.maxBytes.value, kind: inputs.input)
        try destination.run { output in command.run(try Input.expand(files), output: output) }
    }
}

extension TimelineCommand.Format: ExpressibleByArgument {}
