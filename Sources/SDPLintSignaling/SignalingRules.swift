public import SDPLintDiagnostics

/// Every check the Signaling module makes, with its stable code.
///
/// `SIG1xx` are JSON envelopes (W3C `RTCSessionDescriptionInit`/`RTCIceCandidateInit` and the
/// WebSocket shapes around them), `SIG2xx` the mapping of SIP messages onto offer/answer,
/// `SIG3xx` HTTP/1.1 framing and WHIP/WHEP, `SIG4xx` ICE server configuration, `SIG5xx` the
/// input as a whole. Findings of the formats' own parsers keep their codes (`JSON2xx` for typed
/// access, `SDPxxx` inside a carried description, `ICExxx` inside a candidate or server URL,
/// `SIPxxx` for SIP framing). Codes are never reused.
public enum SignalingRules {
    /// Every rule, in code order.
    public static let all: [Rule] = [
        unrecognizedMessage, unknownType, emptySDP, candidateWithoutTarget, candidatePrefix,
        rollbackWithSDP, envelopeVersion,
        unexpectedSDP, delayedOfferWithoutOffer, trickleInfoWithoutPackage, ignoredBody,
        httpStartLine, httpObsFold, httpFieldSyntax, httpContentLength, httpTruncated, httpLimit,
        httpChunked, httpBareLF, httpFieldValue, httpTransferEncoding,
        whipOfferContentType, whipMissingLocation, whipAnswer, whipPatchContentType, whipPatchWithoutIfMatch,
        whipRestartIfMatch, whipMissingETag, whipErrorResponse, whipAuthorization, whipUnmapped,
        iceServerEmptyURLs, linkSyntax, linkNotICEServer, credentialType, stunWithCredentials,
        unknownFormat, emptyInput, noSignalingMessage, tooManyFindings,
    ]

    static let webrtc = Reference("W3C webrtc-pc", section: "4.8.1")
    static let whep = Reference("draft-ietf-wish-whep", section: "4.2")

    // MARK: JSON envelopes (SIG1xx)

    public static let unrecognizedMessage = Rule(
        code: "SIG100", name: "unrecognized-json-message", severity: .error,
        severityRationale:
            """
            Error: the value has none of the shapes of W3C webrtc-pc §4.8.1 or the known envelopes, so it is skipped \
            and no offer, answer or candidate is taken from it.
            """,
        summary: "The JSON value is not a signaling message of any known shape.",
        explanation: """
            A signaling message is an RTCSessionDescriptionInit ({"type","sdp"}), an \
            RTCIceCandidateInit ({"candidate","sdpMid","sdpMLineIndex","usernameFragment"}), one of \
            those wrapped in a member ({"sdp":{…}}, {"ice":{…}}, {"candidate":{…}}), a message with a \
            "type" member (offer, answer, pranswer, rollback, candidate, bye) or our versioned envelope. \
            This value is none of them, so it is skipped.
            """,
        reference: webrtc, bad: #"{"kind":"offer","text":"v=0…"}"#, good: #"{"type":"offer","sdp":"v=0…"}"#)

    public static let unknownType = Rule(
        code: "SIG101", name: "unknown-message-type", severity: .error,
        severityRationale:
            """
            Error: W3C webrtc-pc §4.8.1 fixes the RTCSdpType values and browsers throw a TypeError for any other \
            spelling, including another case, so the message cannot be applied.
            """,
        summary: "The \"type\" member names no known message.",
        explanation: """
            RTCSdpType is "offer", "answer", "pranswer" or "rollback" (W3C webrtc-pc §4.8.1); \
            envelopes add "candidate" and a hang-up word ("bye", "hangup", "leave"). Browsers throw \
            a TypeError for any other RTCSdpType, and the case matters: "Offer" is not "offer".
            """,
        reference: webrtc, bad: #"{"type":"Offer","sdp":"v=0…"}"#, good: #"{"type":"offer","sdp":"v=0…"}"#)

    public static let emptySDP = Rule(
        code: "SIG102", name: "empty-sdp", severity: .error,
        severityRationale:
            """
            Error: only a rollback may have an empty description; setRemoteDescription fails on an empty offer or \
            answer (W3C webrtc-pc §4.8.1), so the negotiation cannot go on.
            """,
        summary: "An offer, answer or pranswer has an empty \"sdp\".",
        explanation: """
            Only a rollback may have an empty description; setRemoteDescription with an empty offer \
            or answer fails. The message is kept with no session description.
            """,
        reference: webrtc, bad: #"{"type":"answer","sdp":""}"#, good: #"{"type":"answer","sdp":"v=0…"}"#)

    public static let candidateWithoutTarget = Rule(
        code: "SIG103", name: "candidate-without-target", severity: .error,
        severityRationale:
            """
            Error: W3C webrtc-pc §4.8.2 has the RTCIceCandidate constructor throw a TypeError when sdpMid and \
            sdpMLineIndex are both null, so the candidate cannot be added.
            """,
        summary: "A candidate has neither sdpMid nor sdpMLineIndex.",
        explanation: """
            The RTCIceCandidate constructor throws a TypeError when both sdpMid and sdpMLineIndex are \
            null (W3C webrtc-pc §4.8.2), because the receiver cannot tell which m= section the \
            candidate belongs to. An empty candidate with neither is read as the end of all candidates.
            """,
        reference: Reference("W3C webrtc-pc", section: "4.8.2"),
        bad: #"{"candidate":"candidate:1 1 udp 1 192.0.2.1 9 typ host"}"#,
        good: #"{"candidate":"candidate:1 1 udp 1 192.0.2.1 9 typ host","sdpMid":"0"}"#)

    public static let candidatePrefix = Rule(
        code: "SIG104", name: "candidate-prefix", severity: .warning,
        severityRationale:
            """
            Warning: browsers accept the a= form, so the call can work, but it is not the RFC 8839 §5.1 attribute \
            form, and stacks such as aiortc, Pion and libdatachannel refuse it.
            """,
        summary: "The candidate string does not start with \"candidate:\".",
        explanation: """
            RTCIceCandidate.candidate is the candidate-attribute of RFC 8839 §5.1 including its \
            "candidate:" prefix and without "a=". Browsers accept "a=candidate:" but other stacks \
            (aiortc, Pion, libdatachannel) do not.
            """,
        reference: .rfc(8839, "5.1"),
        bad: #"{"candidate":"a=candidate:1 1 udp 1 192.0.2.1 9 typ host","sdpMid":"0"}"#,
        good: #"{"candidate":"candidate:1 1 udp 1 192.0.2.1 9 typ host","sdpMid":"0"}"#)

    public static let rollbackWithSDP = Rule(
        code: "SIG105", name: "rollback-with-sdp", severity: .warning,
        severityRationale:
            """
            Warning: the description of a rollback is ignored (RFC 9429 §4.1.8.2), so the message still works, but a \
            non-empty one most likely means the wrong type was sent.
            """,
        summary: "A rollback carries a description.",
        explanation:
            """
            A rollback returns to the stable state; its sdp is ignored (RFC 9429 §4.1.8.2), so a non-empty one is \
            likely a mistaken type.
            """,
        reference: .rfc(9429, "4.1.8.2"), bad: #"{"type":"rollback","sdp":"v=0…"}"#, good: #"{"type":"rollback"}"#)

    public static let envelopeVersion = Rule(
        code: "SIG106", name: "envelope-version", severity: .error,
        severityRationale:
            """
            Error: a later envelope version may change what members mean, so this reader cannot interpret the message \
            safely and skips it.
            """,
        summary: "Our envelope has a version this reader does not know.",
        explanation:
            """
            The sdplint envelope (Schemas/sdplint-signaling.schema.json) has version 1. A later version may change \
            the meaning of members, so the message is skipped.
            """,
        reference: Reference("sdplint signaling envelope", section: "1"),
        bad: #"{"version":2,"type":"offer","sdp":"v=0…"}"#, good: #"{"version":1,"type":"offer","sdp":"v=0…"}"#)

    // MARK: SIP mapping (SIG2xx)

    public static let unexpectedSDP = Rule(
        code: "SIG201", name: "unexpected-sdp", severity: .warning,
        severityRationale:
            """
            Warning: the SDP sits where RFC 3261 §13.2.1 allows no offer or answer, a protocol error per RFC 6337 \
            §3, but the exchange can go on with the body read as the state allows.
            """,
        summary: "A SIP message carries SDP where the offer/answer state allows none.",
        explanation: """
            RFC 3261 §13.2.1 allows an offer only in an INVITE (or its 2xx when the INVITE had none) \
            and an answer only in the 2xx or the ACK; RFC 3311 and RFC 3262 add UPDATE and PRACK. An \
            ACK with SDP after a complete exchange, or a second offer while one is outstanding, is a \
            protocol error (RFC 6337 §3). The body is read as whatever the state allows.
            """,
        reference: .rfc(3261, "13.2.1"),
        bad: "INVITE (offer) → 200 OK (answer) → ACK with SDP", good: "INVITE (offer) → 200 OK (answer) → ACK")

    public static let delayedOfferWithoutOffer = Rule(
        code: "SIG202", name: "delayed-offer-without-offer", severity: .error,
        severityRationale:
            """
            Error: RFC 3261 §13.2.1 requires the first reliable non-failure response to an INVITE without an offer to \
            carry one; without it no media is negotiated and the call cannot work.
            """,
        summary: "The 2xx to an INVITE without SDP carries no offer.",
        explanation:
            """
            When the INVITE has no offer, the first reliable non-failure response to it MUST contain one (RFC 3261 \
            §13.2.1); without it the call has no media.
            """,
        reference: .rfc(3261, "13.2.1"), bad: "INVITE (no SDP) → 200 OK (no SDP)",
        good: "INVITE (no SDP) → 200 OK (offer) → ACK (answer)")

    public static let trickleInfoWithoutPackage = Rule(
        code: "SIG203", name: "trickle-info-without-package", severity: .warning,
        severityRationale:
            """
            Warning: RFC 6086 §4.2.1 requires every INFO of a package to name it, and RFC 8840 §9 sends candidates \
            in the trickle-ice package; the body is still an SDP fragment, but a peer that checks the header may not \
            take it as trickle ICE.
            """,
        summary: "An INFO with an SDP fragment has no \"Info-Package: trickle-ice\".",
        explanation:
            """
            RFC 8840 §9 sends candidates in INFO requests of the trickle-ice Info Package; RFC 6086 §4.2.1 \
            requires the Info-Package header on every INFO of a package.
            """,
        reference: .rfc(8840, "9"), bad: "INFO … Content-Type: application/trickle-ice-sdpfrag",
        good: "INFO … Info-Package: trickle-ice\nContent-Type: application/trickle-ice-sdpfrag")

    public static let ignoredBody = Rule(
        code: "SIG205", name: "ignored-body", severity: .info,
        severityRationale:
            """
            Note: SIP bodies of other types are legitimate (RFC 3261 §7.4) but carry no offer, answer or candidate, \
            so skipping them is reported as information only.
            """,
        summary: "A body of a type the signaling model does not carry was skipped.",
        explanation:
            """
            Only application/sdp (a description) and application/trickle-ice-sdpfrag (candidates) map onto \
            signaling messages; other bodies, such as application/dtmf-relay, are left out.
            """,
        reference: .rfc(3261, "7.4"), bad: "Content-Type: application/dtmf-relay", good: "Content-Type: application/sdp"
    )

    // MARK: HTTP/1.1 (SIG30x)

    public static let httpStartLine = Rule(
        code: "SIG300", name: "http-start-line", severity: .error,
        severityRationale:
            """
            Error: the start line does not follow the RFC 9112 §3 and §4 grammar, so the method, target or status \
            cannot be read reliably and the message is invalid.
            """,
        summary: "The request line or status line is malformed.",
        explanation:
            """
            A request line is `method SP request-target SP HTTP-version` and a status line `HTTP-version SP 3DIGIT \
            SP [reason-phrase]`, each with single spaces (RFC 9112 §3, §4).
            """,
        reference: .rfc(9112, "3"), bad: "POST  /whip HTTP/1.1", good: "POST /whip HTTP/1.1")

    public static let httpObsFold = Rule(
        code: "SIG301", name: "http-obs-fold", severity: .error,
        severityRationale:
            """
            Error: line folding is obsolete under RFC 9112 §5.2 and a server is to refuse such a request with 400; \
            this reader also drops the continuation, so part of the field is lost.
            """,
        summary: "A header field value is continued on a line that starts with white space.",
        explanation:
            """
            Line folding (obs-fold) is obsolete; a server MUST reject a request that contains it with 400 (RFC \
            9112 §5.2). The continuation is not read.
            """,
        reference: .rfc(9112, "5.2"), bad: "Link: <stun:stun.example.net>;\r\n rel=\"ice-server\"",
        good: "Link: <stun:stun.example.net>; rel=\"ice-server\"")

    public static let httpFieldSyntax = Rule(
        code: "SIG302", name: "http-field-syntax", severity: .error,
        severityRationale:
            """
            Error: RFC 9112 §5.1 allows no white space between a field name and its colon and has a server refuse \
            such a message with 400, because proxies would read it differently.
            """,
        summary: "A header line is not `field-name \":\" OWS field-value OWS`.",
        explanation:
            """
            The field name is a token and the colon follows it directly: no white space is allowed between them, \
            and a server MUST reject such a message with 400 (RFC 9112 §5.1), since proxies disagree about it \
            (request smuggling).
            """,
        reference: .rfc(9112, "5.1"), bad: "Content-Type : application/sdp", good: "Content-Type: application/sdp")

    public static let httpContentLength = Rule(
        code: "SIG303", name: "http-content-length", severity: .error,
        severityRationale:
            """
            Error: with an invalid or conflicting Content-Length the end of the message cannot be known, which RFC \
            9112 §6.3 treats as unrecoverable, so the message cannot be read.
            """,
        summary: "Content-Length is not a decimal number, or two differ.",
        explanation:
            """
            Content-Length is 1*DIGIT; a message with an invalid value or several different values is \
            unrecoverable (RFC 9112 §6.3), since its end cannot be known.
            """,
        reference: .rfc(9112, "6.3"), bad: "Content-Length: 12, 13", good: "Content-Length: 12")

    public static let httpTruncated = Rule(
        code: "SIG304", name: "http-truncated", severity: .error,
        severityRationale:
            """
            Error: the input stops before the header section or the body announced by Content-Length is complete (RFC \
            9112 §8), so the message cannot be used as sent.
            """,
        summary: "The message ends before its header section or body does.",
        explanation:
            """
            The header section ends with an empty line and the body has the length Content-Length says (RFC 9112 \
            §6.3, §8); the input stops earlier, so the message is incomplete.
            """,
        reference: .rfc(9112, "8"), bad: "Content-Length: 500 with 20 bytes of body",
        good: "Content-Length: 20 with 20 bytes of body")

    public static let httpLimit = Rule(
        code: "SIG305", name: "http-limit", severity: .error,
        severityRationale:
            """
            Error: a recipient may bound how much it reads, and this reader stops at the limit, so the rest of the \
            message is not read.
            """,
        summary: "The header section, the number of header fields or the body exceeds a limit.",
        explanation:
            """
            Limits keep hostile input cheap (RFC 9112 §2.3 lets a recipient bound what it reads); the defaults are \
            far above any WHIP or WHEP message. Reading stops at the limit.
            """,
        reference: .rfc(9112, "2.3"), bad: "100 000 header fields", good: "a dozen header fields")

    public static let httpChunked = Rule(
        code: "SIG306", name: "http-chunked", severity: .error,
        severityRationale:
            """
            Error: a chunked body that breaks the RFC 9112 §7.1 grammar has no reliable end or content, so the body \
            cannot be decoded.
            """,
        summary: "The chunked transfer coding is malformed.",
        explanation:
            """
            `chunk = chunk-size [ chunk-ext ] CRLF chunk-data CRLF`, with a hexadecimal size, ending with a \
            zero-size chunk and an optional trailer section (RFC 9112 §7.1).
            """,
        reference: .rfc(9112, "7.1"), bad: "zz\r\n…", good: "1a\r\n…\r\n0\r\n\r\n")

    public static let httpBareLF = Rule(
        code: "SIG307", name: "http-bare-lf", severity: .warning,
        severityRationale:
            """
            Warning: RFC 9112 §2.2 lets a recipient accept a bare LF, and this reader does, but HTTP/1.1 lines end \
            with CRLF and many servers answer 400.
            """,
        summary: "A line of the header section ends with LF alone.",
        explanation:
            """
            HTTP/1.1 lines end with CRLF; a recipient MAY accept a bare LF (RFC 9112 §2.2), and this reader does, \
            but many servers answer 400.
            """,
        reference: .rfc(9112, "2.2"), bad: "POST /whip HTTP/1.1\\n", good: "POST /whip HTTP/1.1\\r\\n")

    public static let httpFieldValue = Rule(
        code: "SIG308", name: "http-field-value", severity: .error,
        severityRationale:
            """
            Error: RFC 9110 §5.5 has a recipient reject or replace CR, LF and NUL in a field value, since they break \
            message framing, so the value cannot be taken as sent.
            """,
        summary: "A header field value contains NUL, CR or another control character.",
        explanation:
            """
            Field values are visible characters, spaces and tabs (RFC 9110 §5.5); CR, LF and NUL MUST be rejected \
            or replaced, since they break framing.
            """,
        reference: .rfc(9110, "5.5"), bad: "ETag: \"a\\0b\"", good: "ETag: \"ab\"")

    public static let httpTransferEncoding = Rule(
        code: "SIG309", name: "http-transfer-encoding", severity: .error,
        severityRationale:
            """
            Error: this reader decodes only the chunked coding, and RFC 9112 §6.1 says a message with both \
            Transfer-Encoding and Content-Length ought to be handled as an error, since it may be request smuggling.
            """,
        summary: "Transfer-Encoding is not chunked, or comes with Content-Length.",
        explanation:
            """
            This reader decodes only the chunked coding (RFC 9112 §7). A message with both Transfer-Encoding and \
            Content-Length may be an attempt at request smuggling and ought to be handled as an error (RFC 9112 \
            §6.1); the chunked coding wins.
            """,
        reference: .rfc(9112, "6.1"), bad: "Transfer-Encoding: gzip", good: "Transfer-Encoding: chunked")

    // MARK: WHIP and WHEP (SIG31x)

    public static let whipOfferContentType = Rule(
        code: "SIG310", name: "whip-offer-content-type", severity: .error,
        severityRationale:
            """
            Error: RFC 9725 §4.2 and the WHEP draft start a session from an SDP offer sent as application/sdp in the \
            POST, so without one the session cannot be set up.
            """,
        summary: "A WHIP/WHEP POST does not carry an application/sdp offer.",
        explanation:
            """
            The client sends the SDP offer in the body of an HTTP POST with Content-Type application/sdp (RFC 9725 \
            §4.2; draft-ietf-wish-whep §4.2).
            """,
        reference: .rfc(9725, "4.2"), bad: "Content-Type: application/json", good: "Content-Type: application/sdp")

    public static let whipMissingLocation = Rule(
        code: "SIG311", name: "whip-missing-location", severity: .error,
        severityRationale:
            """
            Error: RFC 9725 §4.2 requires a Location header in the 201 Created; without it the client cannot trickle, \
            restart ICE or end the session.
            """,
        summary: "A 201 Created has no Location header.",
        explanation:
            """
            The endpoint MUST answer with 201 Created and a Location header with the URL of the session it created \
            (RFC 9725 §4.2); without it the client cannot trickle, restart ICE or end the session.
            """,
        reference: .rfc(9725, "4.2"), bad: "HTTP/1.1 201 Created (no Location)",
        good: "Location: https://whip.example.com/session/id")

    public static let whipAnswer = Rule(
        code: "SIG312", name: "whip-answer", severity: .error,
        severityRationale:
            """
            Error: RFC 9725 §4.2 puts the SDP answer in the 201 response as application/sdp; without it the client \
            has no answer to apply and the session cannot start.
            """,
        summary: "A 201 Created does not carry an application/sdp answer.",
        explanation:
            "The 201 response to the POST carries the SDP answer with Content-Type application/sdp (RFC 9725 §4.2).",
        reference: .rfc(9725, "4.2"), bad: "HTTP/1.1 201 Created\\r\\nContent-Length: 0",
        good: "Content-Type: application/sdp + the answer")

    public static let whipPatchContentType = Rule(
        code: "SIG313", name: "whip-patch-content-type", severity: .error,
        severityRationale:
            """
            Error: RFC 9725 §4.3.1 has trickle and restart PATCH requests carry application/trickle-ice-sdpfrag, and \
            a session answers other types with 415, so the update is refused.
            """,
        summary: "A PATCH does not carry application/trickle-ice-sdpfrag.",
        explanation:
            """
            Trickle ICE and ICE restarts use PATCH with an SDP fragment of type application/trickle-ice-sdpfrag \
            (RFC 9725 §4.3.1, RFC 8840 §9); a session answers other types with 415.
            """,
        reference: .rfc(9725, "4.3.1"), bad: "Content-Type: application/sdp",
        good: "Content-Type: application/trickle-ice-sdpfrag")

    public static let whipPatchWithoutIfMatch = Rule(
        code: "SIG314", name: "whip-patch-without-if-match", severity: .warning,
        severityRationale:
            """
            Warning: RFC 9725 §4.3.1 has a trickle PATCH carry If-Match with the session's entity-tag; without it the \
            request is not conditional, so it can still be applied, but a stale client goes unnoticed.
            """,
        summary: "A PATCH has no If-Match header.",
        explanation:
            """
            A trickle PATCH carries If-Match with the entity-tag of the session (from the ETag of the 201), and an \
            ICE restart carries If-Match: \"*\" (RFC 9725 §4.3.1); the session answers 412 Precondition Failed \
            when the tag does not match.
            """,
        reference: .rfc(9725, "4.3.1"), bad: "PATCH /session/id HTTP/1.1 (no If-Match)", good: "If-Match: \"xyzzy\"")

    public static let whipRestartIfMatch = Rule(
        code: "SIG315", name: "whip-restart-if-match", severity: .warning,
        severityRationale:
            """
            Warning: RFC 9725 §4.3.1 requires If-Match: * on an ICE restart because the new entity-tag cannot be \
            known; a specific tag makes it an ordinary conditional request that succeeds only while that tag is \
            current.
            """,
        summary: "An ICE-restart PATCH has an If-Match other than \"*\".",
        explanation:
            """
            A PATCH with a new ice-ufrag and ice-pwd restarts ICE and MUST carry If-Match: \"*\" (RFC 9725 \
            §4.3.1), since the client cannot know the entity-tag the restart will create.
            """,
        reference: .rfc(9725, "4.3.1"), bad: "If-Match: \"xyzzy\" on a restart", good: "If-Match: \"*\"")

    public static let whipMissingETag = Rule(
        code: "SIG316", name: "whip-missing-etag", severity: .info,
        severityRationale:
            """
            Note: RFC 9725 §4.3.1 asks for an ETag only from sessions that support trickle ICE or ICE restarts, so \
            its absence may be correct; it is reported because the client then has no tag for If-Match.
            """,
        summary: "A 201 Created, or the 200 to an ICE restart, has no ETag.",
        explanation:
            """
            A session that supports trickle ICE or ICE restarts returns an ETag naming the ICE session (RFC 9725 \
            §4.3.1); the client needs it for the If-Match of later PATCH requests.
            """,
        reference: .rfc(9725, "4.3.1"), bad: "HTTP/1.1 201 Created (no ETag)", good: "ETag: \"xyzzy\"")

    public static let whipErrorResponse = Rule(
        code: "SIG317", name: "whip-error-response", severity: .info,
        severityRationale:
            """
            Note: a refused request such as 412, 415 or 422 is a valid HTTP exchange under RFC 9725 §4.3.1, so it is \
            reported only to explain what the status means.
            """,
        summary: "A WHIP/WHEP request was refused.",
        explanation:
            """
            412 Precondition Failed means the If-Match did not match the session's entity-tag; 422 Unprocessable \
            Content that the SDP fragment could not be used; 405 and 501 that PATCH is not supported; 415 a wrong \
            Content-Type (RFC 9725 §4.3.1).
            """,
        reference: .rfc(9725, "4.3.1"), bad: "HTTP/1.1 412 Precondition Failed", good: "HTTP/1.1 204 No Content")

    public static let whipAuthorization = Rule(
        code: "SIG318", name: "whip-authorization", severity: .warning,
        severityRationale:
            """
            Warning: RFC 9725 §4.7 has WHIP and WHEP authenticate with a Bearer token; another scheme may work with a \
            particular server, but it departs from the standard.
            """,
        summary: "The Authorization header does not use the Bearer scheme.",
        explanation:
            """
            WHIP and WHEP authenticate with a bearer token: `Authorization: Bearer <token>` (RFC 9725 §4.7, RFC \
            6750 §2.1).
            """,
        reference: .rfc(9725, "4.7"), bad: "Authorization: Token abc", good: "Authorization: Bearer abc")

    public static let whipUnmapped = Rule(
        code: "SIG319", name: "whip-unmapped-message", severity: .info,
        severityRationale:
            """
            Note: requests such as OPTIONS and GET are ordinary HTTP but carry no offer, answer or candidate in the \
            RFC 9725 §4 exchange, so skipping them is information only.
            """,
        summary: "An HTTP message has no place in a WHIP/WHEP exchange and was skipped.",
        explanation:
            """
            WHIP and WHEP use POST (offer), PATCH (trickle and ICE restart), DELETE (end) and their responses (RFC \
            9725 §4); OPTIONS and GET carry no signaling message.
            """,
        reference: .rfc(9725, "4"), bad: "GET /whip HTTP/1.1", good: "POST /whip HTTP/1.1")

    // MARK: ICE servers (SIG4xx)

    public static let iceServerEmptyURLs = Rule(
        code: "SIG401", name: "ice-server-empty-urls", severity: .error,
        severityRationale:
            """
            Error: W3C webrtc-pc §4.4.1.1 has RTCPeerConnection throw a SyntaxError for an empty urls list, so the \
            configuration is refused.
            """,
        summary: "An RTCIceServer has no URL.",
        explanation:
            """
            `urls` is a string or a non-empty list of strings; RTCPeerConnection throws a SyntaxError for an empty \
            list (W3C webrtc-pc §4.4.1.1).
            """,
        reference: Reference("W3C webrtc-pc", section: "4.4.1.1"), bad: #"{"urls":[]}"#,
        good: #"{"urls":"stun:stun.example.net"}"#)

    public static let linkSyntax = Rule(
        code: "SIG402", name: "link-syntax", severity: .error,
        severityRationale:
            """
            Error: a Link value that breaks the RFC 8288 §3 grammar, such as a URI without angle brackets, cannot be \
            split into target and parameters, so the server it names is lost.
            """,
        summary: "A Link header value is not `<URI-Reference> *( OWS \";\" OWS link-param )`.",
        explanation:
            """
            Each link is a URI in angle brackets followed by parameters `name=token` or `name=\"quoted string\"` \
            (RFC 8288 §3); several links are separated by commas.
            """,
        reference: .rfc(8288, "3"), bad: #"Link: turn:turn.example.net; rel="ice-server""#,
        good: #"Link: <turn:turn.example.net>; rel="ice-server""#)

    public static let linkNotICEServer = Rule(
        code: "SIG403", name: "link-not-ice-server", severity: .info,
        severityRationale:
            """
            Note: links with relations other than ice-server are legitimate HTTP but not ICE configuration under RFC \
            9725 §4.6, so skipping them is information only.
            """,
        summary: "A Link is not an ice-server link and was skipped.",
        explanation:
            """
            WHIP and WHEP sessions send STUN and TURN servers as links with rel=\"ice-server\" (RFC 9725 §4.6); \
            other relations are not ICE configuration.
            """,
        reference: .rfc(9725, "4.6"), bad: #"Link: <stun:stun.example.net>; rel="stun""#,
        good: #"Link: <stun:stun.example.net>; rel="ice-server""#)

    public static let credentialType = Rule(
        code: "SIG404", name: "ice-server-credential-type", severity: .error,
        severityRationale:
            """
            Error: RFC 9725 §4.6 defines only the password credential type, and browsers reject oauth since webrtc-pc \
            removed it, so the server entry cannot be used.
            """,
        summary: "The credential type is not \"password\".",
        explanation:
            """
            RFC 9725 §4.6 defines only credential-type=\"password\", matching RTCIceCredentialType; browsers \
            reject \"oauth\", which webrtc-pc removed.
            """,
        reference: .rfc(9725, "4.6"), bad: #"credential-type="oauth""#, good: #"credential-type="password""#)

    public static let stunWithCredentials = Rule(
        code: "SIG405", name: "stun-with-credentials", severity: .warning,
        severityRationale:
            """
            Warning: STUN binding requests for ICE are unauthenticated (RFC 8445 §7.2.2), so the server still works, \
            but credentials on a STUN-only entry suggest a turn: URL was meant.
            """,
        summary: "A server whose URLs are all STUN has a username or credential.",
        explanation:
            """
            STUN binding requests for ICE are unauthenticated (RFC 8445 §7.2.2); credentials are used only by \
            TURN, so their presence suggests a turn: URL was meant.
            """,
        reference: .rfc(8445, "7.2.2"), bad: #"{"urls":"stun:s.example.net","username":"u","credential":"p"}"#,
        good: #"{"urls":"turn:t.example.net","username":"u","credential":"p"}"#)

    // MARK: Input (SIG5xx)

    public static let unknownFormat = Rule(
        code: "SIG500", name: "unknown-format", severity: .error,
        severityRationale:
            """
            Error: the input matches none of the formats the reader knows, so nothing in it can be checked unless the \
            format is named explicitly.
            """,
        summary: "The input is not JSON, SIP, HTTP, SDP or an SDP fragment.",
        explanation:
            """
            The reader recognizes a JSON text or NDJSON stream of signaling messages, SIP messages, HTTP/1.1 \
            messages (WHIP/WHEP), a session description (v=0) and an SDP fragment (a= and m= lines). Name the \
            format explicitly to read other input.
            """,
        reference: .rfc(8866, "5"), bad: "hello", good: "v=0")

    public static let emptyInput = Rule(
        code: "SIG501", name: "empty-input", severity: .error,
        severityRationale: "Error: an empty or blank input holds no message at all, so there is nothing to check.",
        summary: "The input holds no signaling message.",
        explanation: "The input is empty or holds only white space.",
        reference: .rfc(8866, "5"), bad: "", good: #"{"type":"offer","sdp":"v=0…"}"#)

    public static let noSignalingMessage = Rule(
        code: "SIG502", name: "no-signaling-message", severity: .info,
        severityRationale:
            """
            Note: the input was read and may be valid, such as a 100 Trying or an ACK, but carries no offer, answer, \
            candidate or hang-up, so this is information only.
            """,
        summary: "Nothing in the input maps onto a signaling message.",
        explanation:
            """
            The input was read, but none of it is an offer, answer, candidate or hang-up: a 100 Trying, a 180 \
            Ringing without SDP, an ACK or a 200 to a BYE, for example.
            """,
        reference: .rfc(3261, "13.2.1"), bad: "SIP/2.0 100 Trying", good: "INVITE with an SDP offer")

    public static let tooManyFindings = Rule.tooManyFindings(
        code: "SIG599", severity: .warning, reference: .rfc(8866, "5"))
}

extension SignalingRules {
    /// SIG502 for an input of `format` that was read but maps onto no offer, answer,
    /// candidate or hang-up; it points at the start of the input.
    package static func nothingToSignal(in format: String, strict: Bool) -> Diagnostic {
        noSignalingMessage.diagnostic(
            at: SourceLocation(line: 1, column: 1, bytes: 0..<0),
            "the \(format) input holds no offer, answer, candidate or hang-up", strict: strict)
    }
}

extension SignalingRules: RuleSet {
    public static let title = "Signaling envelopes, SIP mapping, WHIP/WHEP and ICE server configuration"
}
