import SDPLintCapture
public import SDPLintDiagnostics
import SDPLintICE
import SDPLintInput
import SDPLintJSON
import SDPLintJingle
import SDPLintOfferAnswer
import SDPLintReporting
import SDPLintSDP
import SDPLintSIP
import SDPLintSignaling
import SDPLintWebRTC

/// Every rule `sdplint` can report, from every module, looked up by code or name.
public enum RuleCatalog {
    /// Every rule set, in the order `sdplint rules` lists them.
    ///
    /// Computed: a stored array of `RuleSet` metatypes would be global state Swift 6 cannot
    /// prove safe to share, and the list is eleven pointers.
    public static var sets: [any RuleSet.Type] {
        [
            SDPRules.self, ICERules.self, WebRTCRules.self, CaptureRules.self, TraceRules.self, OfferAnswerRules.self,
            SIPRules.self, SignalingRules.self, JingleRules.self, JSONRules.self, ProfileRules.self,
        ]
    }

    /// The rule sets as headings and rules.
    public static let groups: [(title: String, rules: [Rule])] = sets.map { ($0.title, $0.all) }

    public static let all: [Rule] = groups.flatMap(\.rules)

    private static let byKey: [String: Rule] = {
        var table: [String: Rule] = [:]
        for rule in all {
            table[rule.code.rawValue.lowercased()] = table[rule.code.rawValue.lowercased()] ?? rule
            table[rule.name.lowercased()] = table[rule.name.lowercased()] ?? rule
        }
        return table
    }()

    /// The rule with this code ("SDP104", any case) or name ("line-order").
    public static func rule(_ key: String) -> Rule? { byKey[key.lowercased()] }

    /// The codes closest to a mistyped key, for "did you mean" messages.
    public static func suggestions(for key: String) -> [String] {
        let lowered = key.lowercased()
        return all.filter {
            $0.code.rawValue.lowercased().hasPrefix(lowered.prefix(4)) || $0.name.contains(lowered)
                || lowered.contains($0.name)
        }
        .prefix(3).map(\.code.rawValue)
    }
}
