public import ArgumentParser
import SDPLint
import SDPLintInput
import SDPLintJSON
import SDPLintReporting
import SDPLintWebRTC

struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract:
            """
            Explain every line of every description an input holds in plain words: codecs, parameters, \
            extensions, candidates, roles.
            """,
        discussion: """
            With --error, explain a receiver's error message instead: the recorded cases Chromium and Firefox \
            refused with it (Conformance/results), the rules that explain it, and with the description beside \
            it, the line it names and those rules' findings there.

            Exit status with --error: 0 when the message is recognised, 1 when it is not.

            Examples:
              sdplint explain offer.sdp
              sdplint explain --error "Failed to set remote offer sdp: Called with SDP without DTLS fingerprint."
              sdplint explain --error "$(cat error.txt)" offer.sdp
            """
    )

    @Argument(help: "The input whose descriptions to explain; - reads standard input.")
    var file: String?

    @Option(
        help: ArgumentHelp(
            "A receiver's error message (setRemoteDescription's) to explain, with the description in FILE if given.",
            valueName: "MESSAGE"))
    var error: String?

    @Option(help: "Output format: text or json.")
    var format: ExplainCommand.Format = .text

    @Option(help: "Colour: auto (a terminal, unless NO_COLOR is set), always or never.")
    var color: ColorChoice = .auto

    @OptionGroup var destination: OutputOptions

    @OptionGroup var inputs: InputOptions

    @OptionGroup var parsing: ParsingOptions

    func validate() throws {
        if file == nil && error == nil { throw ValidationError("name a file to explain, or give --error MESSAGE") }
        if error != nil && format != .text { throw ValidationError("--error writes text only") }
    }

    func run() throws {
        var configuration = LintConfiguration()
        configuration.strict = parsing.strict
        let command = ExplainCommand(
            format: format, configuration: configuration, maxBytes: inputs.maxBytes.value, kind: inputs.input,
            color: destination.colors(color))
        if let error {
            let input = try file.map { try Input.locate($0).commandInput }
            try destination.run { output in command.run(error: error, input: input, output: output) }
            return
        }
        guard let file else { return }
        try destination.run { output in command.run(try Input.locate(file).commandInput, output: output) }
    }
}

extension ExplainCommand.Format: ExpressibleByArgument {}
