import ArgumentParser
import JSON
import Diagnostics
import Foundation
import SDPLint

struct Format: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print SDP in canonical form (CRLF, RFC 8866 line order, single spaces), like gofmt.",
        discussion: """
            Values are never changed, only spacing, line order and line endings. \
            A file with errors is not formatted: its errors are printed and the exit status is 1.

            Example:
              sdplint format Fixtures/corpus/sipp/uac-uas-udp.01-request-invite.body.sdp
            """
    )

    @Argument(help: "The SDP file to format; - reads standard input.")
    var file: String

    @Option(help: "Output format: text (the SDP) or json (the SDP and any errors).")
    var format: OutputFormat = .text

    @OptionGroup var parsing: ParsingOptions

    func run() throws {
        let input: Input
        do {
            input = try Input.read(file)
        } catch {
            writeError("\(error)")
            throw ExitCode(2)
        }
        let (text, report) = Linter.format(input.bytes, path: input.path, options: parsing.parseOptions)
        switch format {
        case .text:
            if let text {
                print(text, terminator: "")
            } else {
                var output = ""
                TextRenderer(color: false).render(report, into: &output)
                FileHandle.standardError.write(Data(output.utf8))
            }
        case .json:
            var json = JSONWriter(format: .pretty)
            json.object { result in
                result.member("path", report.path)
                result.member("formatted", orNull: text)
                result.member("diagnostics", array: { items in
                    for diagnostic in report.diagnostics { items.object { JSONReport.write(diagnostic, to: &$0) } }
                })
            }
            print(json.output)
        }
        if text == nil { throw ExitCode(1) }
    }
}
