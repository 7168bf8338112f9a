import SDPLintDiagnostics

/// One root cause, one finding. Where a finding that names the cause is present, the findings
/// that are only its symptoms are dropped, so that a user fixes one thing once.
enum RootCauses {
    /// A finding with code `cause` explains those with code `symptom` in the same text (on the
    /// same line when `sameLine`).
    static let explanations: [(cause: Rule.Code, symptom: Rule.Code, sameLine: Bool)] = [
        // The profile's refusal of rtcp-fb lines for an unlisted payload type is the base
        // warning, escalated for a receiver that refuses them.
        ("PRF102", "SDP300", true), ("PRF102", "SDP302", true),
        // libwebrtc's streams from a=ssrc lines cover the Plan B finding about their tracks.
        ("PRF108", "WEB112", false),
        // A receiver's own reading of a BUNDLE group, a credential, an m= line or an extmap id
        // replaces the base finding about the same line.
        ("PRF107", "SDP309", true), ("PRF608", "SDP309", true), ("PRF608", "WEB116", false),
        ("PRF609", "ICE120", true), ("PRF609", "ICE121", true), ("PRF610", "SDP128", true),
        ("PRF604", "SDP213", true), ("PRF604", "SDP322", true), ("PRF605", "SDP319", true),
        ("PRF605", "SDP322", true), ("PRF108", "SDP307", true), ("PRF109", "SDP236", true),
        ("PRF705", "SDP128", true), ("PRF705", "SDP303", true), ("PRF705", "SDP213", true), ("PRF705", "SDP211", true),
        ("PRF705", "SDP300", true), ("PRF105", "WEB101", true), ("PRF111", "ICE120", true), ("PRF111", "ICE121", true),
        ("PRF113", "SDP214", true),
        ("PRF110", "WEB105", true), ("PRF115", "SDP308", true), ("PRF706", "WEB103", true), ("PRF114", "SDP133", true),
        ("PRF622", "SDP133", true), ("PRF104", "WEB102", true),
        // libwebrtc's reading of a line's fields (o=, m=, a=msid, a=rtcp-fb, a=rtpmap, a=extmap,
        // a=ssrc, candidate extensions) replaces the grammar's finding about the same line.
        ("PRF121", "SDP120", true), ("PRF138", "SDP128", true), ("PRF132", "SDP215", true), ("PRF133", "SDP212", true),
        ("PRF133", "SDP303", true), ("PRF151", "SDP211", true), ("PRF121", "PRF151", true),
        ("PRF136", "SDP210", true), ("PRF137", "SDP213", true), ("PRF137", "SDP318", true), ("PRF137", "SDP319", true),
        ("PRF137", "SDP322", true),
        ("PRF128", "SDP320", false),
        ("PRF124", "SDP217", true),
        ("PRF129", "ICE113", true),
        ("PRF131", "SDP102", true), ("PRF131", "SDP109", true), ("PRF132", "SDP109", true), ("PRF134", "SDP106", true),
        ("PRF135", "SDP110", true), ("PRF156", "SDP102", false), ("PRF144", "ICE205", true), ("PRF144", "ICE105", true),
        ("PRF145", "ICE117", true),
        ("PRF145", "ICE203", true),
        ("PRF121", "PRF136", true), ("PRF138", "PRF114", true), ("PRF138", "PRF117", true),
        ("PRF139", "SDP206", true), ("PRF150", "SDP200", true),
        // SIPCC's reading of o=, v=, t=, c= and an SCTP section's format, and where it stops.
        ("PRF626", "SDP137", true), ("PRF626", "SDP120", true), ("PRF626", "SDP133", true), ("PRF628", "SDP102", true),
        ("PRF629", "SDP125", true), ("PRF603", "SDP129", true), ("PRF603", "SDP122", true), ("PRF617", "SDP128", true),
        ("PRF621", "SDP112", true), ("PRF621", "SDP101", true), ("PRF627", "SDP101", true), ("PRF627", "SDP106", true),
        ("PRF627", "SDP110", true), ("PRF633", "SDP226", true), ("PRF633", "SDP239", true), ("PRF633", "SDP242", true),
        ("PRF634", "SDP227", true), ("PRF634", "SDP200", true), ("PRF631", "PRF634", true), ("PRF635", "SDP303", true),
        ("PRF636", "WEB114", true), ("PRF637", "SDP238", true), ("PRF637", "SDP200", true),
        ("PRF637", "PRF634", true),
        // Firefox's refusal of a fingerprint's hash function covers SIPCC's reading of its line.
        ("PRF607", "PRF634", true), ("PRF607", "SDP221", true),
        // webrtcbin's refusal of a k= line covers the base warning that k= is obsolete.
        ("PRF805", "SDP127", true),
        // webrtcbin's reading up to a NUL covers the base finding about the NUL.
        ("PRF806", "SDP110", true),
        ("PRF623", "WEB110", false), ("PRF103", "WEB113", true), ("PRF625", "SDP232", true),
        // libwebrtc stops at an a= line with white space before its name, and reads no more.
        ("PRF119", "PRF103", false),
        // libwebrtc's refusal of a c= suffix covers the base finding about its TTL.
        ("PRF125", "SDP122", true),
        // A priority that does not fit 32 bits is out of range too; the receiver's refusal says
        // what matters.
        ("PRF106", "ICE107", true), ("PRF106", "ICE106", true), ("PRF147", "ICE104", true), ("PRF152", "ICE109", true),
        ("PRF153", "ICE102", true), ("PRF121", "ICE102", true), ("PRF129", "ICE102", true),
        // A holdconn role in an offer is not actpass either; the refusal is the finding.
        ("PRF606", "WEB104", true), ("PRF703", "WEB104", true), ("PRF803", "WEB104", true),
        // A role these receivers cannot look up: unknown (SDP222) or in other capitals (SDP232).
        ("PRF703", "SDP222", true), ("PRF803", "SDP222", true), ("PRF703", "SDP232", true), ("PRF803", "SDP232", true),
        // A section whose only fingerprint names an unknown hash: Firefox's refusal of it.
        ("PRF607", "SDP237", true),
        // aiortc's need for ICE credentials and rtcp-mux in every section covers the base
        // findings about a section without them.
        ("PRF701", "WEB101", true), ("PRF702", "WEB113", false),
        // An answer whose every DTLS section says actpass is an offer passed as the answer
        // (OA107); its actpass lines are not each a separate mistake.
        ("OA107", "WEB105", false),
    ]

    /// `diagnostics` less the symptoms of causes among them.
    static func reduce(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        let codes = Set(diagnostics.map(\.code))
        let present = explanations.filter { codes.contains($0.cause) && codes.contains($0.symptom) }
        guard !present.isEmpty else { return diagnostics }
        return diagnostics.filter { diagnostic in
            !present.contains { explanation in
                explanation.symptom == diagnostic.code
                    && (!explanation.sameLine
                        || diagnostics.contains {
                            $0.code == explanation.cause && $0.location.line == diagnostic.location.line
                        })
            }
        }
    }
}
