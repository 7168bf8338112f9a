import ArgumentParser
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
              sdplint format Fixtures/corpus/sipp/uac-uas-udp.01-request-invite.body.sdp
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
    var format: OutputFormat = .text

    @OptionGroup var parsing: ParsingOptions

    func run() throws {
        let input = try Input.read(file)
        let (descriptions, problems) = Converter.descriptions(input.bytes, name: input.path)
        var reports =
            problems.isEmpty
            ? []
            : [
                LintedFile(
                    path: input.path, source: input.bytes, diagnostics: problems.filter { $0.severity == .error })
            ]
        var formatted: [(context: String?, text: String?)] = []
        for description in descriptions {
            var (text, report) = Linter.format(
                Array(description.text.utf8), path: input.path, options: parsing.parseOptions)
            report.context = description.context
            formatted.append((description.context, text))
            if !report.diagnostics.isEmpty { reports.append(report) }
        }
        reports.removeAll { $0.diagnostics.isEmpty }
        let failed = !reports.isEmpty || descriptions.isEmpty
        switch format {
        case .text:
            if failed {
                var output =
                    descriptions.isEmpty && reports.isEmpty
                    ? "sdplint: \(input.path): holds no session description\n" : ""
                for report in reports { TextRenderer(color: false).render(report, into: &output) }
                FileHandle.standardError.write(Data(output.utf8))
            } else {
                // Several descriptions (a SIP call, an NDJSON exchange) one after another, each from v=0.
                print(formatted.compactMap(\.text).joined(), terminator: "")
            }
        case .json:
            var json = JSONWriter(format: .pretty)
            json.object { result in
                result.member("path", input.path)
                result.member("formatted", orNull: failed ? nil : formatted.compactMap(\.text).joined())
                result.member(
                    "diagnostics",
                    array: { items in
                        for report in reports {
                            for diagnostic in report.diagnostics {
                                items.object { JSONReport.write(diagnostic, to: &$0) }
                            }
                        }
                    })
            }
            print(json.output)
        }
        if failed { throw ExitCode(1) }
    }
}
