import ArgumentParser
import Foundation
import SDPLint
import SDPLintInput
import SDPLintReporting
import SDPLintWebRTC

struct Anonymize: ParsableCommand {
    static let configuration = CommandConfiguration(
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
              sdplint anonymize Fixtures/corpus/firefox/gathered-datachannel.offer.sdp
              sdplint anonymize Fixtures/pcap/sip-tcp.pcapng.gz > anonymized.pcapng.gz
            """
    )

    @Argument(help: "The file to anonymize; - reads standard input.")
    var file: String

    @Option(help: "Seed of the replacement values.")
    var seed: UInt64 = Anonymizer.defaultSeed

    @Option(help: "The largest input read, in bytes.")
    var maxBytes: Int = 64 << 20

    @Option(
        help: ArgumentHelp(
            "What the input is, instead of detecting it: \(InputKind.allCases.map(\.rawValue).joined(separator: ", ")).",
            valueName: "KIND"))
    var input: String?

    func validate() throws {
        if let input, InputKind(rawValue: input) == nil {
            throw ValidationError(
                "--input takes one of \(InputKind.allCases.map(\.rawValue).joined(separator: ", ")), not '\(input)'")
        }
        if maxBytes < 1 { throw ValidationError("--max-bytes must be positive") }
    }

    func run() throws {
        let source = try Input.read(file, limit: maxBytes)
        let output: [UInt8]
        do throws(AnonymizationError) {
            output = try Anonymizer.anonymize(source.bytes, kind: input.flatMap(InputKind.init(rawValue:)), seed: seed)
        } catch {
            throw InputError(message: "\(source.path): \(error.message)")
        }
        // Bytes as they are: a capture or a gzip file is not text.
        FileHandle.standardOutput.write(Data(output))
    }
}
