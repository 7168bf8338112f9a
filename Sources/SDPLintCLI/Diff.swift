import ArgumentParser
import Foundation
import SDPLint
import SDPLintInput
import SDPLintOfferAnswer
import SDPLintReporting
import SDPLintWebRTC

struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show what an offer and its answer negotiated, section by section, and why something was lost.",
        discussion: """
            With two descriptions, an offer and its answer: for each m-section the directions each \
            peer ends up with, every codec with its offer and answer payload types and what became of \
            it (negotiated, dropped, added by the answer, payload type conflict) and why, the codec \
            used first, and the transport and RTP features agreed (rtcp-mux, ICE, DTLS roles, header \
            extensions, simulcast, SCTP). With more, a renegotiation sequence in the order exchanged \
            (offer, answer, offer, answer, …): what changed at each step and the rules across steps \
            (o= versions, mid and m-line order, payload type bindings, ICE restarts, DTLS roles).

            Findings are printed like `sdplint check` prints them; `sdplint rules OA` lists the rules.

            Exit status: 0 when nothing at or above --fail-on was found, 1 when something was, \
            2 on usage or I/O errors.

            Examples:
              sdplint diff Fixtures/corpus/cross/chromium2firefox.audio.{offer,answer}.sdp
              sdplint diff -v Fixtures/corpus/cross/firefox2chromium.audio-video.{offer,answer}.sdp
              sdplint diff --format json offer.sdp answer.sdp
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

    @Option(help: "Output format: text, or json (Schemas/sdplint-negotiation.schema.json).")
    var format: OutputFormat = .text

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

    @Option(help: "The largest input read, in bytes.")
    var maxBytes: Int = 64 << 20

    @OptionGroup var rules: RuleOptions

    func validate() throws {
        if files.isEmpty {
            throw ValidationError("name the offer and its answer, a longer sequence, or a file of signaling messages")
        }
        if files.filter({ $0 == "-" }).count > 1 {
            throw ValidationError("standard input can stand for one description only")
        }
        if maxBytes < 1 { throw ValidationError("--max-bytes must be positive") }
    }

    func run() throws {
        let configuration = try rules.configuration()
        var sources: [SDPSource] = []
        var origins: NegotiationText.Sources = [:]
        for expanded in Inputs.expand(files) {
            let read = expanded.flatMap { item in
                Inputs.read(item, limit: maxBytes).map { (path: item.path, bytes: $0) }
            }
            guard case .success(let input) = read else {
                if case .failure(let problem) = read { writeError(problem.description) }
                throw ExitCode(2)
            }
            let kind = InputKind.detect(input.bytes)
            guard kind != .sdp, let capture = TraceReader.read(input.bytes, kind: kind, strict: configuration.strict)
            else {
                sources.append(SDPSource(name: input.path, bytes: input.bytes, options: configuration.parseOptions))
                origins[input.path] = LintedFile(path: input.path, source: input.bytes, diagnostics: [])
                continue
            }
            // Messages of a trace: the descriptions its one session applied, in order.
            guard capture.traces.count == 1, let trace = capture.traces.first else {
                writeError(
                    """
                    \(input.path) holds \(capture.traces.count) sessions; `sdplint check` or `sdplint timeline` \
                    shows each
                    """
                )
                throw ExitCode(2)
            }
            for description in trace.appliedDescriptions {
                let context = trace.events[description.index].context
                let name = "\(input.path): \(context)"
                sources.append(SDPSource(name: name, text: description.text, options: configuration.parseOptions))
                origins[name] = LintedFile(
                    path: input.path, context: context, source: Array(description.text.utf8), diagnostics: [])
            }
        }
        guard sources.count >= 2 else {
            writeError(
                "\(sources.count) description\(sources.count == 1 ? "" : "s") found; an offer and its answer are needed"
            )
            throw ExitCode(2)
        }
        let options = Negotiation.Options(strict: configuration.strict)
        let text = NegotiationText(color: color.enabled, verbose: verbose)
        let findings: [Finding]
        if sources.count == 2 {
            let report = Negotiation.analyze(offer: sources[0], answer: sources[1], options: options)
            findings = configuration.apply(report.findings)
            switch format {
            case .text: print(text.render(report, findings: findings, sources: origins), terminator: "")
            case .json:
                print(
                    NegotiationJSON.render(report, findings: findings, sources: origins, toolVersion: sdplintVersion),
                    terminator: "")
            }
        } else {
            let report = Negotiation.analyze(sequence: sources, options: options)
            findings = configuration.apply(report.allFindings)
            switch format {
            case .text: print(text.render(report, findings: findings, sources: origins), terminator: "")
            case .json:
                print(
                    NegotiationJSON.render(report, findings: findings, sources: origins, toolVersion: sdplintVersion),
                    terminator: "")
            }
        }
        if configuration.fails(findings.map(\.diagnostic)) { throw ExitCode(1) }
    }
}
