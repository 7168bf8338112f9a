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
              sdplint check --profile chrome@156 offer.sdp
            """
    )

    @Argument(help: "A profile to describe; without one, every profile is listed.")
    var profile: String?

    func run() throws {
        let chosen: [Profile]
        if let profile {
            do throws(ReceiverErrors.NamingError) {
                chosen = [try Profile(named: profile)]
            } catch {
                throw ValidationError(error.description)
            }
        } else {
            chosen = Profile.allCases
        }
        var output = ""
        for profile in chosen {
            output += "\(profile.rawValue): \(profile.summary)\n"
            // What was measured (Conformance/), newest first: the bare name is the newest.
            for measured in ReceiverErrors.measurements(of: profile) {
                let tenths = (measured.agree * 1000 + measured.cases / 2) / max(1, measured.cases)
                let share = "\(tenths / 10).\(tenths % 10)"
                output +=
                    "  measured as \(profile.rawValue)@\(measured.version): \(measured.receiver) \(measured.version) "
                output += "agrees with sdplint on \(measured.agree) of \(measured.cases) recorded offers (\(share)%); "
                output +=
                    "\(measured.missed) refused with sdplint silent, \(measured.falseErrors) accepted with an error\n"
            }
            for rule in profile.rules {
                output += "  \(rule.code) \(rule.name): \(rule.summary)"
                let evidence = ReceiverErrors.evidence(for: rule.code, in: profile)
                if evidence > 0 { output += " (explains \(evidence) recorded refusals)" }
                output += "\n"
            }
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
