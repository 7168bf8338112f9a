import ArgumentParser
import Foundation
import SDPLint
import SDPLintInput
import SDPLintReporting
import SDPLintWebRTC

struct Convert: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Convert signaling between JSON, SIP, WHIP/WHEP, SDP, SDP fragments and XMPP Jingle.",
        discussion: """
            Reads any format sdplint reads (detected from the content) and writes the messages in \
            the target format on standard output. What the target cannot carry — a candidate's \
            sdpMLineIndex in an SDP fragment, SDP lines Jingle has no element for — is printed on \
            standard error as one warning each: nothing is lost silently.

            Exit status: 0 when converted, 1 when the input has errors (they are printed and \
            nothing is written) or when --fail-on-drop is given and something was dropped, 2 on \
            usage or I/O errors.

            Examples:
              sdplint convert --to sip Fixtures/signaling/json/exchange.ndjson
              sdplint convert --to jingle Fixtures/corpus/firefox/audio-video.offer.sdp
              sdplint convert --to json Fixtures/jingle/session-initiate.xml
            """
    )

    @Argument(help: "The input; - reads standard input.")
    var file: String

    @Option(
        help: ArgumentHelp(
            "The format to write: \(ConversionTarget.allCases.map(\.rawValue).joined(separator: ", ")).",
            valueName: "FORMAT"))
    var to: String

    @Flag(help: "Exit with status 1 when the target cannot carry part of the input.")
    var failOnDrop = false

    @Option(help: "The largest input read, in bytes.")
    var maxBytes: Int = 64 << 20

    @OptionGroup var parsing: ParsingOptions

    func validate() throws {
        if ConversionTarget(rawValue: to.lowercased()) == nil {
            throw ValidationError(
                "--to takes one of \(ConversionTarget.allCases.map(\.rawValue).joined(separator: ", ")), not '\(to)'")
        }
    }

    func run() throws {
        let target = ConversionTarget(rawValue: to.lowercased()) ?? .json
        let input = try Input.read(file, limit: maxBytes)
        let (item, bytes) = (input.item, input.bytes)
        let result = Converter.convert(bytes, name: item.path, to: target, strict: parsing.strict)
        let renderer = TextRenderer(color: false)
        var findings = ""
        for diagnostic in result.diagnostics {
            renderer.render(
                diagnostic, in: LintedFile(path: item.path, source: bytes, diagnostics: []), into: &findings)
        }
        if !findings.isEmpty { FileHandle.standardError.write(Data(findings.utf8)) }
        if result.failed { throw ExitCode(1) }
        print(result.text, terminator: "")
        for item in result.dropped { writeError("warning: not carried by \(target): \(item)") }
        if failOnDrop && !result.dropped.isEmpty { throw ExitCode(1) }
    }
}
