public import ArgumentParser
import Foundation
import SDPLint
import SDPLintInput
import SDPLintJSON
import SDPLintReporting
import SDPLintWebRTC

struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract:
            """
            Explain every line of every description an input holds in plain words: codecs, parameters, \
            extensions, candidates, roles.
            """,
        discussion: """
            Example:
              sdplint explain offer.sdp
            """
    )

    @Argument(help: "The input whose descriptions to explain; - reads standard input.")
    var file: String

    @Option(help: "Output format: text or json.")
    var format: ExplainCommand.Format = .text

    @Option(help: "Colour: auto (a terminal, unless NO_COLOR is set), always or never.")
    var color: ColorChoice = .auto

    @OptionGroup var destination: OutputOptions

    @OptionGroup var inputs: InputOptions

    @OptionGroup var parsing: ParsingOptions

    func run() throws {
        var configuration = LintConfiguration()
        configuration.strict = parsing.strict
        let command = ExplainCommand(
            format: format, configuration: configuration, maxBytes: inputs.maxBytes.value, kind: inputs.input,
            color: destination.colors(color))
        try destination.run { output in command.run(try Input.locate(file).commandInput, output: output) }
    }
}

extension ExplainCommand.Format: ExpressibleByArgument {}
