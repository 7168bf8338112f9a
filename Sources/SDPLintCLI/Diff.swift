public import ArgumentParser
import SDPLint
import SDPLintInput
import SDPLintOfferAnswer
import SDPLintReporting
import SDPLintWebRTC

#if canImport(FoundationEssentials)
import FoundationEssentials  // not all of Foundation: see Package.swift
#else
import Foundation
#endif

struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Show what an offer and its answer negotiated, section by section, and why something was lost.",
        discussion: """
            With two descriptions, an offer and its answer: for each m-section the directions each \
            peer ends up with, every codec with its offer and answer payload types and what became of \
            it (negotiated, dropped, added by the answer, payload type conflict) and why, the codec \
            used first, and the transport and RTP features agreed (rtcp-mux, ICE, DTLS roles, header \
            extensions, simulcast, SCTP). With more, a renegotiation sequence in the order exchanged \
            (offer, answer, offer, answer, …): what changed at each step and the rules across steps \
            (o= versions, mid and m-line order, payload type bindings, ICE restarts, DTLS roles).

            Findings are printed like `sdplint check` prints them; `sdplint rules` lists the rules.

            Exit status: 0 when nothing at or above --fail-on was found, 1 when something was, \
            2 on usage or I/O errors.

            Examples:
              sdplint diff offer.sdp answer.sdp
              sdplint diff -v offer.sdp answer.sdp
              sdplint diff --format json offer.sdp answer.sdp
              sdplint diff --format ndjson signaling.ndjson > exchanges.ndjson
              sdplint diff offer1.sdp answer1.sdp offer2.sdp answer2.sdp
            """
    )

    @Argument(
        help:
            """
            The offer and its answer; or more descriptions in the order exchanged; or a file of signaling messages \
            (SIP, JSON/NDJSON, WHIP, a browser dump with one connection). - reads one from standard input.
            """
    )
    var files: [String]

    @Option(
        help: """
            Output format: text, json (Schemas/sdplint-negotiation.schema.json), html (one self-contained page: \
            codecs negotiated and dropped per section, the descriptions explained with their findings), ndjson \
            (one row per exchange, Schemas/sdplint-features.schema.json: every session of one input read as a \
            stream, or the descriptions given), or the findings alone as sarif (SARIF 2.1.0) or github (Actions \
            annotations), each in the description it is about.
            """)
    var format: DiffCommand.Format = .text

    @Option(help: "Colour: auto (a terminal, unless NO_COLOR is set), always or never.")
    var color: ColorChoice = .auto

    @Flag(
        name: .shortAndLong,
        help:
            """
            List every format (RTX, RED, FEC too), every header extension and the fmtp parameters; show every \
            section at every step of a sequence.
            """
    )
    var verbose = false

    @Option(
        help: ArgumentHelp(
            "The connection or session to read from an input with several (its name, or part of it: 8-1, a Call-ID).",
            valueName: "ID"))
    var connection: String?

    @OptionGroup var destination: OutputOptions

    @OptionGroup var inputs: InputOptions

    @OptionGroup var rules: RuleOptions

    @OptionGroup var profiles: ProfileOptions

    func validate() throws {
        if files.isEmpty {
            throw ValidationError("name the offer and its answer, a longer sequence, or a file of signaling messages")
        }
        if files.filter({ $0 == "-" }).count > 1 {
            throw ValidationError("standard input can stand for one description only")
        }
    }

    func run() throws {
        var configuration = try rules.configuration()
        try profiles.apply(to: &configuration)
        let command = DiffCommand(
            configuration: configuration, format: format, color: destination.colors(color),
            verbose: verbose,
            maxBytes: inputs.maxBytes.value, kind: inputs.input, connection: connection)
        let arguments = try files.map { argument in
            guard argument == "-" || FileManager.default.fileExists(atPath: argument) else {
                throw InputError(message: "\(argument): no such file or directory")
            }
            return CommandInput(argument: argument)
        }
        try destination.run { output in command.run(arguments, output: output) }
    }
}

extension DiffCommand.Format: ExpressibleByArgument {}
