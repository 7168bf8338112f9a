import SDPLintCapture
public import SDPLintDiagnostics
import SDPLintICE
import SDPLintJSON
import SDPLintJingle
import SDPLintOfferAnswer
import SDPLintSDP
import SDPLintSIP
import SDPLintSignaling

/// Every rule `sdplint` can report, from every module, looked up by code or name.
public enum RuleCatalog {
    /// The rule sets in the order `sdplint rules` lists them.
    public static let groups: [(title: String, rules: [Rule])] = [
        ("SDP syntax and cross-references (RFC 8866)", SDPRules.all),
        ("ICE candidates, credentials and servers (RFC 8839, 8445, 7064, 7065)", ICERules.all),
        ("WebRTC requirements (JSEP, RFC 8829/9429, and what browsers reject)", WebRTCRules.all),
        ("Packet captures and gzip files (pcap, pcapng, RFC 1952)", CaptureRules.all),
        ("Browser dumps and captures (sdplint check on webrtc-internals, rtcstats, about:webrtc)", TraceRules.all),
        ("Offer/answer negotiation (RFC 3264, JSEP, RFC 9143, RFC 8842; sdplint diff)", OfferAnswerRules.all),
        ("SIP messages (RFC 3261)", SIPRules.all),
        ("Signaling envelopes, SIP mapping, WHIP/WHEP and ICE server configuration", SignalingRules.all),
        ("XMPP Jingle stanzas and SDP ↔ Jingle conversion (XEP-0166 family)", JingleRules.all),
        ("JSON texts (RFC 8259)", JSONRules.all),
        ("Receiver profiles (only with --profile)", ProfileRules.all),
    ]

    public static let all: [Rule] = groups.flatMap(\.rules)

    private static let byKey: [String: Rule] = {
        var table: [String: Rule] = [:]
        for rule in all {
            table[rule.code.lowercased()] = table[rule.code.lowercased()] ?? rule
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
            $0.code.lowercased().hasPrefix(lowered.prefix(4)) || $0.name.contains(lowered) || lowered.contains($0.name)
        }
        .prefix(3).map(\.code)
    }
}
