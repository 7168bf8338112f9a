import ArgumentParser
import Foundation
import SDPLint
import SDPLintInput
import SDPLintReporting
import SDPLintWebRTC

@main
struct SDPLintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sdplint",
        abstract:
            """
            Lint, diff, explain and convert WebRTC and SIP signaling: SDP, ICE, JSON, SIP, WHIP, Jingle, browser \
            dumps and captures.
            """,
        discussion: """
            Exit status: 0 when no error was found, 1 when errors were found, 2 on usage or I/O errors.

            Examples:
              sdplint check offer.sdp
              sdplint diff offer.sdp answer.sdp
              sdplint timeline call.rtcstats.gz
              sdplint convert --to sip signaling.ndjson
            """,
        version: sdplintVersion,
        subcommands: [
            Check.self, Diff.self, TimelineSubcommand.self, Convert.self, Explain.self, Format.self, Anonymize.self,
            Rules.self, Profiles.self,
        ],
        defaultSubcommand: Check.self
    )

    /// Runs the command and maps failures to the documented exit status: 2 for usage and I/O
    /// errors (ArgumentParser's default would be 64).
    static func main() {
        AtomicFile.handleTerminationSignals()
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let code as ExitCode {
            Foundation.exit(code.rawValue)
        } catch let error as InputError {
            writeError(error.message)
            Foundation.exit(2)
        } catch {
            let status = exitCode(for: error)
            if status == .success {
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            Foundation.exit(2)
        }
    }
}
