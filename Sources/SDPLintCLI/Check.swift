import ArgumentParser
import SDPLint
import SDPLintCapture
import SDPLintDiagnostics
import SDPLintInput
import SDPLintReporting
import SDPLintWebRTC

#if canImport(FoundationEssentials)
import FoundationEssentials  // not all of Foundation: see Package.swift
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
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
            of SIP and HEP packets (Homer's encapsulation, also inside a capture); any of these \
            gzip-compressed. Descriptions inside are checked with their type (offer, answer) and each \
            session's exchanges as sdplint diff would.

            Exit status: 0 when nothing at or above --fail-on was found, 1 when something was, \
            2 on usage or I/O errors (the other inputs are still checked).

            Examples:
              sdplint check offer.sdp
              sdplint check --format json offer.sdp
              sdplint check webrtc_internals_dump.json.gz
              sdplint check sip-call.pcapng
              sdplint check --listen hep://127.0.0.1:9060
              sdplint check --type offer --disable WEB111 --severity SDP300=error offer.sdp
              sdplint check --format sarif captures/ > findings.sarif
              sdplint check --format html -o report.html call.pcapng
              sdplint check --format ndjson - < messages.ndjson > findings.ndjson
              sdplint check --format features calls.pcapng > exchanges.ndjson
              cat offer.sdp | sdplint check -
            """
    )

    @Argument(help: "Files or directories to check; - reads standard input.")
    var files: [String] = []

    @Option(
        help: ArgumentHelp(
            """
            Listen for HEP version 3 packets, as a Homer collector does (hep://HOST:PORT or hep+udp:// for UDP, \
            hep+tcp:// for TCP), and check the SIP they carry as it arrives, after any files; an interrupt \
            (Ctrl-C, SIGTERM) ends listening and reports the dialogs still open.
            """,
            valueName: "URL"))
    var listen: String?

    @Option(
        help:
            """
            Output format: text, json (Schemas/sdplint-report.schema.json), sarif (SARIF 2.1.0), github (Actions \
            annotations), html (one self-contained page to attach to a ticket: findings, the text with their \
            lines marked, every SDP line explained), ndjson (one JSON object a line per record of an NDJSON \
            stream, in input order, with the keys to join on; Schemas/sdplint-records.schema.json) or features \
            (one JSON object a line per answered offer: what the negotiation settled, section by section; \
            Schemas/sdplint-features.schema.json).
            """
    )
    var format: CheckCommand.Format = .text

    @Option(help: "Colour: auto (a terminal, unless NO_COLOR is set), always or never.")
    var color: ColorChoice = .auto

    @Option(
        help: ArgumentHelp(
            """
            The least severity the text and github formats show: error, warning (the default) or info (notes too). \
            json and sarif keep every finding.
            """,
            valueName: "LEVEL"))
    var minSeverity: String = "warning"

    @Flag(help: "Write the findings only, without the summary.")
    var quiet = false

    @Option(
        help: ArgumentHelp(
            """
            What the inputs checked at once may need together (K, M, G); by default half the machine's memory. \
            Each input read whole counts 20 bytes per byte of it, a compressed one as --max-bytes of text; an \
            input over the budget is checked alone.
            """,
            valueName: "SIZE"))
    var maxMemory: ByteCount?

    @OptionGroup var destination: OutputOptions

    @OptionGroup var inputs: InputOptions

    @OptionGroup var rules: RuleOptions

    @OptionGroup var descriptionOptions: DescriptionOptions

    func validate() throws {
        if files.isEmpty && listen == nil {
            throw ValidationError("name at least one file or directory, - for standard input, or --listen")
        }
        if let listen, HEPListener.Address(listen) == nil {
            throw ValidationError("--listen takes hep://HOST:PORT, hep+udp://HOST:PORT or hep+tcp://HOST:PORT")
        }
        if let maxMemory, maxMemory.value < 1 { throw ValidationError("--max-memory must be positive") }
        if Severity(name: minSeverity) == nil {
            throw ValidationError("--min-severity takes error, warning or info, not '\(minSeverity)'")
        }
    }

    func run() throws {
        var configuration = try rules.configuration()
        try descriptionOptions.apply(to: &configuration)
        var command = CheckCommand(
            configuration: configuration, format: format, color: destination.colors(color),
            maxBytes: inputs.maxBytes.value,
            kind: inputs.input, progress: isatty(STDERR_FILENO) == 1, shown: Severity(name: minSeverity) ?? .warning,
            quiet: quiet, memoryBudget: maxMemory?.value)
        if let listen, let address = HEPListener.Address(listen) {
            AtomicFile.stopOnInterrupt()
            let listener: HEPListener
            do throws(CaptureError) {
                listener = try HEPListener(address, shouldStop: { AtomicFile.stopRequested })
            } catch {
                writeError(error.reason)
                throw ExitCode(2)
            }
            command.listeners = [listener]
            var bound = address
            bound.port = listener.port  // the port the system chose, for port 0
            writeError("listening for HEP on \(bound) (\(address.tcp ? "TCP" : "UDP")); Ctrl-C ends")
        }
        try destination.run { output in command.run(files, output: output) }
    }
}

extension Check {
    /// The files of `sdplint check FILE…` with no option, or nil for any other command line.
    ///
    /// That is the command a hook or a loop runs once per file, and swift-argument-parser spends
    /// three quarters of such a launch building its command tree before it reads an argument
    /// (BENCHMARKS.md, "Start-up"); ``runPlain(_:)`` runs it without the parser. Anything the
    /// parser reads otherwise goes to it: an option or `--` (whatever starts with `-`, except
    /// `-` itself, standard input) and `help`.
    static func plainFiles(_ arguments: some Collection<String>) -> [String]? {
        guard arguments.first == "check" else { return nil }
        let files = Array(arguments.dropFirst())
        guard !files.isEmpty, files.allSatisfy({ $0 == "-" || ($0.first != "-" && $0 != "help") }) else { return nil }
        return files
    }

    /// Checks `files` as `check` does with every option at its default: the configuration file
    /// found from the working directory, text at warning and above, colour on a terminal unless
    /// NO_COLOR is set. CLITests holds its output to the parsed command's, file by file.
    static func runPlain(_ files: [String]) throws {
        let command = CheckCommand(
            configuration: try RuleOptions.fileConfiguration(nil), color: ColorChoice.auto.enabled,
            progress: isatty(STDERR_FILENO) == 1)
        try StandardOutput.run { output in command.run(files, output: output) }
    }
}
