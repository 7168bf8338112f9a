public import ArgumentParser
import SDPLint
import SDPLintDiagnostics
import SDPLintInput
import SDPLintJSON
import SDPLintReporting
import SDPLintWebRTC

struct Format: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "format",
        abstract: "Print SDP in canonical form (CRLF, RFC 8866 line order, single spaces), like gofmt.",
        discussion: """
            Values are never changed, only spacing, line order and line endings. \
            A file with errors is not formatted: its errors are printed and the exit status is 1.

            --check lists the SDP files that are not in canonical form (exit status 1 if any), and \
            --write rewrites them in place, each atomically, as gofmt -l and -w do; both take several \
            files and directories (their .sdp and .sdpfrag files).

            Examples:
              sdplint format offer.sdp > formatted.sdp
              sdplint format --check captures/
              sdplint format --write offer.sdp answer.sdp
            """
    )

    @Argument(
        help:
            """
            The SDP file to format, or a file of signaling messages whose descriptions to format; - reads standard \
            input. With --check or --write: SDP files and directories.
            """
    )
    var files: [String]

    @Flag(help: "List the SDP files whose canonical form differs; exit status 1 if any does.")
    var check = false

    @Flag(help: "Rewrite the SDP files whose canonical form differs, in place.")
    var write = false

    @Option(help: "Output format: text (the SDP) or json (the SDP and any errors).")
    var format: FormatCommand.Format = .text

    @OptionGroup var destination: OutputOptions

    @OptionGroup var inputs: InputOptions

    @OptionGroup var parsing: ParsingOptions

    func validate() throws {
        if check && write { throw ValidationError("--check and --write exclude each other") }
        if (check || write) && destination.output != nil {
            throw ValidationError("--output names the file that format prints to; --check and --write print a list")
        }
        if files.isEmpty { throw ValidationError("name a file, or - for standard input") }
        if !check && !write && files.count > 1 {
            throw ValidationError("format prints one input; use --check or --write for several files")
        }
    }

    func run() throws {
        var configuration = LintConfiguration()
        configuration.strict = parsing.strict
        let command = FormatCommand(
            format: format, configuration: configuration, maxBytes: inputs.maxBytes.value, kind: inputs.input)
        if check || write {
            try StandardOutput.run { output in command.run(files: files, rewrite: write, output: output) }
        } else {
            try destination.run { output in command.run(try Input.locate(files[0]).commandInput, output: output) }
        }
    }
}

extension FormatCommand.Format: ExpressibleByArgument {}
