import ArgumentParser
import SDPLint
import SDPLintInput
import SDPLintReporting
import SDPLintWebRTC

#if canImport(FoundationEssentials)
import FoundationEssentials  // not all of Foundation: see Package.swift
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

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
        // Every command names itself (commandName): a name derived from the type costs a
        // runtime type lookup for each command at every start.
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
            if let files = Check.plainFiles(CommandLine.arguments.dropFirst()) {
                try Check.runPlain(files)
            } else {
                var command = try parseAsRoot()
                try command.run()
            }
        } catch let code as ExitCode {
            terminate(code.rawValue)
        } catch let error as InputError {
            writeError(error.message)
            terminate(2)
        } catch {
            let status = exitCode(for: error)
            if status == .success {
                print(fullMessage(for: error))
                terminate(0)
            }
            writeStandardError(fullMessage(for: error) + "\n")
            terminate(2)
        }
    }
}

/// exit(3), named apart from ``ParsableCommand/exit(withError:)``, which `exit` would be inside
/// a command.
private func terminate(_ status: Int32) -> Never {
    exit(status)
}
