import ArgumentParser
import SDPLint
import SDPLintInput
import SDPLintReporting
import SDPLintWebRTC

struct Anonymize: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "anonymize",
        abstract: "Replace addresses, ports, credentials, fingerprints, ids and names in any input, for bug reports.",
        discussion: """
            Reads every kind of input `check` reads — SDP, candidate lines, SDP fragments, JSON \
            signaling and NDJSON, webrtc-internals, rtcstats and about:webrtc dumps, SIP traces, \
            WHIP/WHEP exchanges, Jingle stanzas, gzip files and pcap/pcapng captures — and writes \
            it back in the same format to standard output: gzip stays gzip, JSON keeps its \
            structure, a capture keeps its frames.

            Every replacement has the length and shape of what it replaces (address family and \
            scope, character classes, UUID format), and the same value gets the same replacement \
            everywhere in the input, so the result lints with the same rule codes. The same \
            --seed gives the same output.

            Exit status: 0 when anonymized, 2 when the input cannot be read or cannot be \
            anonymized whole (a damaged capture or gzip stream); nothing is written then.

            Example:
              sdplint anonymize offer.sdp
              sdplint anonymize call.pcapng.gz > anonymized.pcapng.gz
            """
    )

    @Argument(help: "The file to anonymize; - reads standard input.")
    var file: String

    @Option(help: "Seed of the replacement values.")
    var seed: UInt64 = Anonymizer.defaultSeed

    @OptionGroup var destination: OutputOptions

    @OptionGroup var inputs: InputOptions

    func run() throws {
        let command = AnonymizeCommand(seed: seed, maxBytes: inputs.maxBytes.value, kind: inputs.input)
        try destination.run { output in command.run(try Input.locate(file).commandInput, output: output) }
    }
}
