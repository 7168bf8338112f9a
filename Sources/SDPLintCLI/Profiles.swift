import ArgumentParser
import SDPLint
import SDPLintDiagnostics
import SDPLintInput
import SDPLintReporting
import SDPLintWebRTC

struct Profiles: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "profiles",
        abstract: "List the receiver profiles of --profile and what each checks, with sources.",
        discussion: """
            Example:
              sdplint profiles firefox
              sdplint check --profile safari offer.sdp
            """
    )

    @Argument(help: "A profile to describe; without one, every profile is listed.")
    var profile: String?

    func run() throws {
        let chosen: [Profile]
        if let profile {
            guard let found = Profile(rawValue: profile.lowercased()) else {
                throw ValidationError(
                    "unknown profile '\(profile)'; use one of \(Profile.allCases.map(\.rawValue).joined(separator: ", "))"
                )
            }
            chosen = [found]
        } else {
            chosen = Profile.allCases
        }
        var output = ""
        for profile in chosen {
            output += "\(profile.rawValue): \(profile.summary)\n"
            for rule in profile.rules { output += "  \(rule.code) \(rule.name): \(rule.summary)\n" }
            for escalation in profile.escalations {
                output += "  \(escalation.code) becomes \(escalation.severity): \(escalation.source)\n"
            }
            for tolerance in profile.tolerances {
                output += "  \(tolerance.code) becomes \(tolerance.severity): \(tolerance.source)\n"
            }
            output += "\n"
        }
        print(output, terminator: "")
    }
}
