import ArgumentParser
import Foundation
import SDPLint
import SDPLintInput
import SDPLintJSON
import SDPLintReporting
import SDPLintWebRTC

struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract:
            "Explain every line of an SDP file in plain words: codecs, parameters, extensions, candidates, roles.",
        discussion: """
            Example:
              sdplint explain Fixtures/corpus/chromium/audio-video.offer.sdp
            """
    )

    @Argument(help: "The SDP file to explain; - reads standard input.")
    var file: String

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    func run() throws {
        let input = try Input.read(file)
        let lines = Explainer.explain(input.bytes)
        switch format {
        case .text:
            let width = String(lines.last?.number ?? 1).count
            var output = ""
            var section = ""
            for line in lines {
                if line.section != section {
                    section = line.section
                    output += "\n── \(section) ──\n"
                }
                let number = String(line.number)
                output += String(repeating: " ", count: width - number.count) + number + " │ " + line.text + "\n"
                output += String(repeating: " ", count: width) + " │   " + line.explanation + "\n"
            }
            print(output.dropFirst(), terminator: "")
        case .json:
            var json = JSONWriter(format: .pretty)
            json.array { list in
                for line in lines {
                    list.object { entry in
                        entry.member("line", line.number)
                        entry.member("text", line.text)
                        entry.member("section", line.section)
                        entry.member("explanation", line.explanation)
                    }
                }
            }
            print(json.output)
        }
    }
}
