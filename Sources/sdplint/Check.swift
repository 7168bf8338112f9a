import ArgumentParser
import Diagnostics
import Foundation
import SDPLint

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Report every problem in SDP files, with the RFC section behind it.",
        discussion: """
            Each finding is printed as file:line:column: severity[CODE]: message, with the line and a caret.
            Exit status: 0 when no error was found, 1 when errors were found, 2 on usage or I/O errors.

            Examples:
              sdplint check Fixtures/corpus/chromium/audio-video.offer.sdp
              sdplint check --format json Fixtures/corpus/firefox/codec-vp9-only.offer.sdp
              sdplint check --type offer --disable WEB111 --severity SDP300=error offer.sdp
              cat offer.sdp | sdplint check -
            """
    )

    @Argument(help: "SDP files to check; - reads standard input.")
    var files: [String]

    @Option(help: "Output format: text, json (Schemas/sdplint-report.schema.json), sarif (SARIF 2.1.0) or github (Actions annotations).")
    var format: ReportFormat = .text

    @Option(help: "Colour: auto (a terminal, unless NO_COLOR is set), always or never.")
    var color: ColorChoice = .auto

    @OptionGroup var rules: RuleOptions

    func validate() throws {
        if files.isEmpty { throw ValidationError("name at least one file, or - for standard input") }
    }

    func run() throws {
        let configuration = try rules.configuration()
        var results: [LintedFile] = []
        var ioFailed = false
        for path in files {
            do {
                let input = try Input.read(path)
                results.append(Linter.check(input.bytes, path: input.path, configuration: configuration))
            } catch {
                writeError("\(error)")
                ioFailed = true
            }
        }
        switch format {
        case .json:
            print(JSONReport.render(results, toolVersion: sdplintVersion), terminator: "")
        case .sarif:
            print(SARIFReport.render(results, toolVersion: sdplintVersion), terminator: "")
        case .github:
            print(GitHubAnnotations.render(results), terminator: "")
        case .text:
            let renderer = TextRenderer(color: color.enabled)
            var output = ""
            var total = SeverityCounts()
            for file in results {
                renderer.render(file, into: &output)
                total = total + file.counts
            }
            output += renderer.summary(total, files: results.count) + "\n"
            print(output, terminator: "")
        }
        if ioFailed { throw ExitCode(2) }
        if results.contains(where: { configuration.fails($0.diagnostics) }) { throw ExitCode(1) }
    }
}
