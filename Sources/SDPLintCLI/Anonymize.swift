import ArgumentParser
import Foundation
import SDPLint
import SDPLintSDP

struct Anonymize: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Replace addresses, ports, ICE credentials, fingerprints, SSRCs, ids and names, for bug reports.",
        discussion: """
            The same value always gets the same replacement, of the same shape (address family and \
            private/public kind, length, UUID format), so the result still lints the same; everything \
            else is left byte-identical. The same --seed gives the same output.

            Example:
              sdplint anonymize Fixtures/corpus/firefox/gathered-datachannel.offer.sdp
            """
    )

    @Argument(help: "The SDP file to anonymize; - reads standard input.")
    var file: String

    @Option(help: "Seed of the replacement values.")
    var seed: UInt64 = 0x5D9_11A7

    func run() throws {
        let input = try Input.read(file)
        var anonymizer = Anonymizer(seed: seed)
        let description = SessionDescription.parse(bytes: input.bytes).description
        print(anonymizer.anonymize(description).serialized(), terminator: "")
    }
}
