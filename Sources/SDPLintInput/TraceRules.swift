public import SDPLintDiagnostics

/// What `sdplint` reports about a browser dump or a capture as a whole — the events around the
/// descriptions rather than their text. Codes `TRC1xx`.
public enum TraceRules {
    public static let noPeerConnections = Rule(
        code: "TRC101", name: "no-peer-connections", severity: .warning, strictSeverity: .warning,
        severityRationale:
            """
            Warning: the dump is readable but holds no peer connection, usually because it was saved after the call or \
            with the internals page opened late, so nothing in it can be checked.
            """,
        summary: "The dump holds no peer connection, so there is nothing to check.",
        explanation:
            """
            chrome://webrtc-internals forgets a peer connection about half a second after close(), even while the \
            page still holds it, and records only connections created while it was open. A dump taken after the \
            call, or with the internals page opened late, is empty. The rtcstats dump, saved from the same page, \
            keeps the whole history.
            """,
        reference: Reference("chrome://webrtc-internals and about:webrtc"),
        bad: "\"PeerConnections\": {}",
        good:
            """
            open chrome://webrtc-internals before the call and save the dump while it is connected, or save the \
            rtcstats dump
            """
    )

    public static let descriptionRefused = Rule(
        code: "TRC102", name: "description-refused", severity: .error,
        severityRationale:
            """
            Error: the browser itself rejected the description in setLocalDescription or setRemoteDescription (RFC \
            9429 §5.10), so the connection stays in its previous state and the negotiation cannot go on.
            """,
        summary: "The browser refused a session description: set…Description failed.",
        explanation:
            """
            setLocalDescription or setRemoteDescription rejected the description, so the connection keeps its \
            previous state and the other peer is left waiting. The browser's message usually names the line; \
            sdplint's findings on the same description say why by rule.
            """,
        reference: .rfc(9429, "5.10"),
        bad: "setRemoteDescriptionOnFailure: Failed to parse SessionDescription. a=fingerprint:…",
        good: "setRemoteDescriptionOnSuccess")

    public static let operationFailed = Rule(
        code: "TRC103", name: "operation-failed", severity: .error,
        severityRationale:
            """
            Error: the browser recorded a signaling operation as failed (RFC 9429 §4.1.17), so the offer, answer or \
            candidate it should have produced or applied never took effect.
            """,
        summary: "createOffer, createAnswer or addIceCandidate failed.",
        explanation:
            """
            The browser recorded the failure of a signaling operation. A failed addIceCandidate usually means the \
            candidate names a section (sdpMid, sdpMLineIndex) that the remote description does not have, or \
            arrived before setRemoteDescription; a failed createAnswer, that no remote offer was set.
            """,
        reference: .rfc(9429, "4.1.17"),
        bad: "addIceCandidateFailed", good: "addIceCandidate after setRemoteDescription, with the sdpMid of the section"
    )

    public static let unreadableEvent = Rule(
        code: "TRC104", name: "unreadable-event", severity: .warning, strictSeverity: .error,
        severityRationale:
            """
            Warning: only the one event that is neither JSON nor the older text form is skipped; the rest of the dump \
            is still checked, but whatever that event held is missing from the analysis.
            """,
        summary: "An event of the dump could not be read.",
        explanation:
            """
            The event's value is neither the JSON nor the older `type: offer, sdp: …` text that browsers write. It \
            is skipped; the rest of the dump is still checked.
            """,
        reference: Reference("chrome://webrtc-internals"),
        bad: "{\"type\":\"setLocalDescription\",\"value\":\"{\\\"type\\\":\"}",
        good: "{\"type\":\"setLocalDescription\",\"value\":\"{\\\"type\\\":\\\"offer\\\",\\\"sdp\\\":\\\"v=0…\\\"}\"}")

    public static let truncatedCapture = Rule(
        code: "TRC105", name: "truncated-capture", severity: .error,
        severityRationale:
            """
            Error: a file cut off in the middle of a value is not valid JSON (RFC 8259 §2), so every event after the \
            cut is lost and the capture cannot be checked as a whole.
            """,
        summary: "The capture ends in the middle of its data.",
        explanation:
            """
            The file was cut (a download interrupted, a copy that ran out of space, a log rotated). Everything \
            complete before the cut is still checked; the events after it are lost.
            """,
        reference: .rfc(8259, "2"),
        bad: "…\"updateLog\": [{\"type\": \"setLocalDescr", good: "the whole file")

    public static let mungedDescription = Rule(
        code: "TRC106", name: "munged-description", severity: .info,
        severityRationale:
            """
            Note: RFC 9429 §5.4 lets an application make a few edits between create and set, and any difference is \
            reported here, so it is information; munging is still a frequent cause of failures seen in one browser \
            only.
            """,
        summary: "The description set differs from the one the browser created (SDP munging).",
        explanation:
            """
            The application changed the text between createOffer/createAnswer and setLocalDescription. JSEP allows \
            only a few changes (RFC 9429 §5.4); browsers are removing support for the rest, and a munged \
            description is a common source of failures that only one browser shows.
            """,
        reference: .rfc(9429, "5.4"),
        bad: "createOfferOnSuccess: …a=rtpmap:111 opus/48000/2… then setLocalDescription without it",
        good: "setCodecPreferences() instead of editing the SDP")

    public static let answerWithoutOffer = Rule(
        code: "TRC107", name: "answer-without-offer", severity: .warning, strictSeverity: .error,
        severityRationale:
            """
            Warning: RFC 3264 §4 ties every answer to the offer in progress, but in a dump this often means the \
            capture started mid-session, so the offer may simply be missing from the record rather than from the \
            session.
            """,
        summary: "An answer was applied with no offer pending.",
        explanation:
            """
            An answer must answer the offer in progress (RFC 3264 §4). In a dump this means the capture started in \
            the middle of the session, or that the application applied an answer twice.
            """,
        reference: .rfc(3264, "4"),
        bad: "setRemoteDescription(answer) in state stable",
        good: "setLocalDescription(offer), then setRemoteDescription(answer)")

    public static let offerReplaced = Rule(
        code: "TRC108", name: "offer-replaced", severity: .info,
        severityRationale:
            """
            Note: replacing an unanswered offer is legitimate through rollback or glare handling (RFC 9429 §4.1.10.2); \
            the only effect is that just the later offer is analysed with its answer.
            """,
        summary: "A new offer was applied before the pending one was answered.",
        explanation:
            """
            The first offer was never answered; a rollback (perhaps not recorded) or glare handling replaced it. \
            Only the later offer is analysed with its answer.
            """,
        reference: .rfc(9429, "4.1.10.2"),
        bad: "setLocalDescription(offer), setLocalDescription(offer)",
        good: "setLocalDescription({type: \"rollback\"}) between them")

    public static let connectionFailed = Rule(
        code: "TRC109", name: "connection-failed", severity: .error, strictSeverity: .error,
        severityRationale:
            """
            Error: once ICE or the connection has reached the failed state (RFC 8445 §8.1.2), no candidate pair \
            carries media, so the call cannot work.
            """,
        summary: "ICE or the connection reached the failed state.",
        explanation:
            """
            No candidate pair passed its connectivity checks (or the DTLS handshake failed). Look at the \
            candidates each side gathered: host candidates alone cannot cross a NAT, and without a relay candidate \
            a restrictive firewall blocks the call.
            """,
        reference: .rfc(8445, "8.1.2"),
        bad: "oniceconnectionstatechange: \"failed\"", good: "oniceconnectionstatechange: \"connected\"")

    public static let unrecognizedInput = Rule(
        code: "TRC110", name: "unrecognized-input", severity: .error, strictSeverity: .error,
        severityRationale:
            """
            Error: the JSON is none of the signaling envelopes (RFC 9429 §4.1) or browser dumps sdplint reads, so \
            nothing in it can be checked.
            """,
        summary: "The input is JSON, but not a signaling message or a browser dump sdplint knows.",
        explanation:
            """
            sdplint reads RTCSessionDescriptionInit and RTCIceCandidateInit envelopes, NDJSON streams of them, \
            chrome://webrtc-internals and rtcstats dumps, and Firefox about:webrtc reports. Anything else is named \
            here rather than guessed at.
            """,
        reference: .rfc(9429, "4.1"),
        bad: "{\"hello\": \"world\"}", good: "{\"type\": \"offer\", \"sdp\": \"v=0\\r\\n…\"}")

    public static let all: [Rule] = [
        noPeerConnections, descriptionRefused, operationFailed, unreadableEvent, truncatedCapture,
        mungedDescription, answerWithoutOffer, offerReplaced, connectionFailed, unrecognizedInput,
    ]
}

extension TraceRules: RuleSet {
    public static let title = "Browser dumps and captures (sdplint check on webrtc-internals, rtcstats, about:webrtc)"
}
