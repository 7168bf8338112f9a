public import ArgumentParser
import SDPLint
import SDPLintInput
import SDPLintReporting
import SDPLintSDP
import SDPLintWebRTC

struct Convert: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert signaling between JSON, SIP, WHIP/WHEP, SDP, SDP fragments and XMPP Jingle.",
        discussion: """
            Reads any input sdplint reads (detected from the content): signaling messages, SDP, \
            SDP fragments and candidate lines, browser dumps and captures, and writes the messages \
            it holds in the target format on standard output. What the target cannot carry — a candidate's \
            sdpMLineIndex in an SDP fragment, SDP lines Jingle has no element for — is printed on \
            standard error as one warning each: nothing is lost silently.

            Exit status: 0 when converted, 1 when the input has errors or holds nothing the target \
            can carry (what was found is printed and nothing is written) or when --fail-on-drop is \
            given and something was dropped, 2 on usage or I/O errors.

            Examples:
              sdplint convert --to sip signaling.ndjson
              sdplint convert --to jingle offer.sdp
              sdplint convert --to json session-initiate.xml
            """
    )

    @Argument(help: "The input; - reads standard input.")
    var file: String

    @Option(
        help: ArgumentHelp(
            "The format to write: \(ConversionTarget.allCases.map(\.rawValue).joined(separator: ", ")).",
            valueName: "FORMAT"))
    var to: ConversionTarget

    @Flag(help: "Exit with status 1 when the target cannot carry part of the input.")
    var failOnDrop = false

    @OptionGroup var destination: OutputOptions

    @OptionGroup var inputs: InputOptions

    @OptionGroup var parsing: ParsingOptions

    @Option(
        help: ArgumentHelp(
            "What a bare description is, when the input does not say: offer, answer or pranswer.", valueName: "TYPE"))
    var type: String?

    func run() throws {
        var configuration = LintConfiguration()
        configuration.strict = parsing.strict
        if let type {
            guard let kind = SDPType(rawValue: type.lowercased()), kind != .rollback else {
                throw ValidationError("--type takes offer, answer or pranswer, not '\(type)'")
            }
            configuration.type = kind
        }
        let command = ConvertCommand(
            target: to, configuration: configuration, failOnDrop: failOnDrop, maxBytes: inputs.maxBytes.value,
            kind: inputs.input)
        try destination.run { output in command.run(try Input.locate(file).commandInput, output: output) }
    }
}

extension ConversionTarget: ExpressibleByArgument {}
