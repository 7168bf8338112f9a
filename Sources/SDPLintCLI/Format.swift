public import ArgumentParser
import Foundation
import SDPLint
import SDPLintDiagnostics
import SDPLintInput
import SDPLintJSON
import SDPLintReporting
import SDPLintWebRTC

struct Format: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print SDP in canonical form (CRLF, RFC 8866 line order, single spaces), like gofmt.",
        discussion: """
            Values are never changed, only spacing, line order and line endings. \
            A file with errors is not formatted: its errors are printed and the exit status is 1.

            Example:
              sdplint format offer.sdp > formatted.sdp
            """
    )

    @Argument(
        help:
            """
            The SDP file to format, or a file of signaling messages whose descriptions to format; - reads standard \
            input.
            """
    )
    var file: String

    @Option(help: "Output format: text (the SDP) or json (the SDP and any errors).")
    var format: FormatCommand.Format = .text

    @OptionGroup var inputs: InputOptions

    @OptionGroup var parsing: ParsingOptions

    func run() throws {
        var configuration = LintConfiguration()
        configuration.strict = parsing.strict
        let command = FormatCommand(
            format: format, configuration: configuration, maxBytes: inputs.maxBytes, kind: inputs.input)
        try StandardOutput.run { output in command.run(try Input.locate(file).commandInput, output: output) }
    }
}

extension FormatCommand.Format: ExpressibleByArgument {}
