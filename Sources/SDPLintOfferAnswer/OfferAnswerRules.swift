public import SDPLintDiagnostics

/// Every check the offer/answer analysis makes, with its stable code.
///
/// `OA1xx` match sections and directions (RFC 3264 §6, RFC 9429 §5.3), `OA2xx` codecs,
/// `OA3xx` transport (ICE, DTLS, SDES, BUNDLE), `OA4xx` RTP features (feedback, header
/// extensions, RTCP multiplexing, simulcast, SSRCs), `OA5xx` SCTP data channels and `OA6xx`
/// renegotiation across several exchanges of one session. Codes are never reused.
///
/// Examples show the lines of the offer and the answer that matter, prefixed `offer:` and
/// `answer:`.
public enum OfferAnswerRules {
    // MARK: OA1xx Sections and directions

    public static let unreadableDescription = Rule(
        code: "OA100", name: "unreadable-description", severity: .error,
        severityRationale:
            """
            Error: Input that is not a session description (RFC 8866 §5) holds nothing to negotiate, so no receiver \
            can apply it and the exchange cannot proceed.
            """,
        summary: "The offer or the answer is not a session description.",
        explanation:
            """
            The input is empty or does not start with v=, and holds no media section, so there is nothing to \
            negotiate. Check that the file is the SDP body (not a whole SIP message or a JSON envelope) and that \
            offer and answer were not swapped for something else.
            """,
        reference: .rfc(8866, "5"), bad: "answer: HTTP/1.1 500 Internal Server Error", good: "answer: v=0 …")

    public static let sectionCountMismatch = Rule(
        code: "OA101", name: "section-count-mismatch", severity: .error,
        severityRationale:
            """
            Error: RFC 3264 §6 requires exactly one answer section per offered section, in order; without that the \
            offerer cannot pair up the media, and missing sections count as rejected.
            """,
        summary: "The answer does not have exactly one m= section per offered section.",
        explanation:
            """
            RFC 3264 §6: the answer MUST contain exactly as many m= lines as the offer, in the same order; a \
            section the answerer does not want is rejected with port 0, never left out. A missing section is \
            treated as rejected, and one the offer does not have answers nothing. Many SIP servers answer from a \
            fixed audio-only template and break this rule when offered video.
            """,
        reference: .rfc(3264, "6"),
        bad: "offer: m=audio … / m=video …\nanswer: m=audio …",
        good: "offer: m=audio … / m=video …\nanswer: m=audio … / m=video 0 RTP/AVP 96")

    public static let mediaTypeMismatch = Rule(
        code: "OA102", name: "media-type-mismatch", severity: .error,
        severityRationale:
            """
            Error: RFC 3264 §6.1 requires an answered section to keep the offered media type; a different type means \
            the sections cannot be paired and the answer is unusable.
            """,
        summary: "An answered section has another media type than the offered one.",
        explanation:
            """
            Sections are matched by position (RFC 3264 §6), and the media type of the answer's section MUST match \
            the offer's (§6.1). A different type usually means the answer's sections are in another order, or \
            belong to another offer.
            """,
        reference: .rfc(3264, "6.1"), bad: "offer: m=audio 9 …\nanswer: m=video 9 …",
        good: "offer: m=audio 9 …\nanswer: m=audio 9 …")

    public static let transportProtocolMismatch = Rule(
        code: "OA103", name: "transport-protocol-mismatch", severity: .error,
        severityRationale:
            """
            Error: JSEP (RFC 9429 §5.3.1) requires an accepted section to repeat the offered transport protocol \
            exactly, and outside JSEP only an offer changes a stream's transport (RFC 3264 §8.3.1); a downgrade such \
            as plain RTP is refused by the offerer. An answer may take a protocol the offer lists as a capability \
            (RFC 5939 a=tcap) when it names that configuration with a=acfg.
            """,
        summary: "An accepted section uses another transport protocol than the offered one.",
        explanation:
            """
            An answer accepts a section with the offered transport protocol or rejects it; JSEP (RFC 9429 §5.3.1) \
            requires the <proto> field to match the offer exactly. Answering RTP/AVP to RTP/SAVP or \
            UDP/TLS/RTP/SAVPF downgrades the call to unencrypted RTP, which the offerer will not accept. OA116 \
            reports a data channel section answered over RTP, or the reverse.
            """,
        reference: .rfc(9429, "5.3.1"), bad: "offer: m=audio 7078 RTP/SAVP 0\nanswer: m=audio 6000 RTP/AVP 0",
        good: "offer: m=audio 7078 RTP/SAVP 0\nanswer: m=audio 6000 RTP/SAVP 0")

    public static let sectionDeclined = Rule(
        code: "OA104", name: "section-declined", severity: .info,
        severityRationale:
            """
            Note: rejecting a section with port 0 is legal under RFC 3264 §6 (its own examples do it, §10.1); the \
            note says that no media flows in it. A rejection for want of a common codec has its own finding.
            """,
        summary: "The answerer rejected an offered section (port 0).",
        explanation:
            """
            Port 0 in the answer rejects the section (RFC 3264 §6): no media flows in it. This is legal, and it is \
            the most common answer to \"why is there no video?\": the answerer did not want or could not handle \
            the section, often because it had no codec in common.
            """,
        reference: .rfc(3264, "6"),
        bad: "offer: m=video 9 UDP/TLS/RTP/SAVPF 96\nanswer: m=video 0 UDP/TLS/RTP/SAVPF 96",
        good: "answer: m=video 9 UDP/TLS/RTP/SAVPF 96")

    public static let rejectedSectionAccepted = Rule(
        code: "OA105", name: "rejected-section-accepted", severity: .error,
        severityRationale:
            """
            Error: RFC 3264 §8.2 requires a section the offer disabled with port 0 to stay at port 0; an answer that \
            reopens it describes media the offerer will never send or receive.
            """,
        summary: "The answer gives a port to a section the offer rejected.",
        explanation:
            """
            A section offered with port 0 (and without a=bundle-only) is disabled: RFC 3264 §6 and §8.2 require \
            the answer to keep port 0 for it. An answer that reopens it describes media the offerer will never \
            send or receive.
            """,
        reference: .rfc(3264, "8.2"), bad: "offer: m=video 0 …\nanswer: m=video 9 …",
        good: "offer: m=video 0 …\nanswer: m=video 0 …")

    public static let midMismatch = Rule(
        code: "OA106", name: "mid-mismatch", severity: .error,
        severityRationale:
            """
            Error: RFC 9429 §5.3.1 requires the answer to repeat each offered mid in the same section; browsers fail \
            to set an answer that does not.
            """,
        summary: "The answer's mid for a section differs from the offer's.",
        explanation:
            """
            The mid identifies a section across offer and answer, in BUNDLE groups and in RTP header extensions. \
            When the offer has a=mid, the answer MUST carry the same value in the same section (RFC 9429 §5.3.1, \
            RFC 5888 §9); browsers fail to set such an answer.
            """,
        reference: .rfc(9429, "5.3.1"), bad: "offer: a=mid:0\nanswer: a=mid:audio",
        good: "offer: a=mid:0\nanswer: a=mid:0")

    public static let answerWithoutGrouping = Rule(
        code: "OA113", name: "answer-without-grouping", severity: .info,
        severityRationale:
            """
            Note: an answerer that does not use the SDP grouping framework answers without a=mid and a=group, a \
            normal answer that RFC 8843 §18.2 shows; the note says what follows from it.
            """,
        summary: "The offer names its sections with a=mid; the answer has no a=mid and no a=group at all.",
        explanation:
            """
            An answerer that does not support the grouping framework (RFC 5888) ignores a=mid and a=group and \
            writes a normal answer, with a port of its own in each section (RFC 8843 §18.2, "BUNDLE Group \
            Rejected"). Sections are then matched by position, BUNDLE is declined, and each section needs its own \
            transport. JSEP endpoints (browsers) require mids, so this answer suits a SIP peer, not a browser.
            """,
        reference: .rfc(5888, "9"), bad: "offer: a=group:BUNDLE a v, a=mid:a …\nanswer: no a=mid, no a=group",
        good: "answer: a=mid:a … (when the answerer supports grouping)")

    public static let answerMidMissing = Rule(
        code: "OA114", name: "answer-mid-missing", severity: .error,
        severityRationale:
            """
            Error: RFC 9429 §5.3.1 requires the answer to repeat each offered mid; an answerer that uses a=mid \
            elsewhere and leaves it out of one section breaks that section's BUNDLE and header-extension routing.
            """,
        summary: "An answer that uses a=mid has a section without one, where the offer has one.",
        explanation:
            """
            The mid identifies a section across offer and answer (RFC 5888 §9, RFC 9429 §5.3.1). The browsers \
            take a missing answer mid from the offer's section at the same position (measured in Conformance/); \
            other answerers and middleboxes that route by mid do not. OA106 reports a mid that differs.
            """,
        reference: .rfc(9429, "5.3.1"), bad: "offer: a=mid:0\nanswer: (no a=mid in that section)",
        good: "offer: a=mid:0\nanswer: a=mid:0")

    public static let rejectedSectionMidMismatch = Rule(
        code: "OA115", name: "rejected-section-mid-mismatch", severity: .error,
        severityRationale:
            """
            Error: RFC 5888 §9.1 and RFC 9429 §5.3.1 keep each offered mid in the answer's section at the same \
            position, rejected or not; Chromium and aiortc refuse an answer that renames one (measured).
            """,
        summary: "The answer rejects a section (port 0) and gives it another mid than the offer's.",
        explanation:
            """
            A rejected section carries no media, but its mid still says which offered section it answers: \
            receivers that match sections by mid and position, as Chromium and aiortc do, refuse the whole answer \
            ("The order of m-lines in answer doesn't match order in offer"). Firefox takes it. OA106 reports a \
            section in use whose mid differs.
            """,
        reference: .rfc(5888, "9.1"), bad: "offer: m=video 9 … a=mid:1\nanswer: m=video 0 … a=mid:video",
        good: "offer: m=video 9 … a=mid:1\nanswer: m=video 0 … a=mid:1")

    public static let transportKindMismatch = Rule(
        code: "OA116", name: "transport-kind-mismatch", severity: .error,
        severityRationale:
            """
            Error: an application section offered over SCTP and answered over RTP (or the reverse) describes \
            another kind of stream (RFC 3264 §6, RFC 8841 §4); Chromium refuses the answer even with port 0 \
            (measured).
            """,
        summary: "An application section is offered over SCTP and answered over another protocol, or the reverse.",
        explanation:
            """
            A data channel section runs SCTP over DTLS (RFC 8841); answering it over RTP, or an RTP application \
            section over SCTP, is no other profile of the same transport but another kind of stream, which no \
            negotiation can reconcile. libwebrtc reads such a section as unsupported and refuses the answer as out \
            of order, even when it rejects the section. OA103 reports another protocol of the same kind.
            """,
        reference: .rfc(8841, "4"),
        bad: "offer: m=application 9 UDP/DTLS/SCTP webrtc-datachannel\nanswer: m=application 9 UDP/TLS/RTP/SAVPF 100",
        good: "answer: m=application 9 UDP/DTLS/SCTP webrtc-datachannel")

    public static let answerIsOffer = Rule(
        code: "OA107", name: "answer-is-offer", severity: .error,
        severityRationale:
            """
            Error: An answer that is the offer, or says actpass in every DTLS section, is not an answer in the sense \
            of RFC 3264 §6 and RFC 8842 §5.3, so the exchange cannot complete.
            """,
        summary: "The answer is the offer itself, or another offer.",
        explanation:
            """
            The answer is byte for byte the offer, or every DTLS section of it says a=setup:actpass, which only \
            offers may say (RFC 8842 §5.3). The wrong file was probably passed as the answer: an answer comes from \
            the other peer's createAnswer().
            """,
        reference: .rfc(3264, "6"), bad: "answer: a=setup:actpass", good: "answer: a=setup:active")

    public static let inputHasErrors = Rule(
        code: "OA108", name: "input-has-errors", severity: .warning,
        severityRationale:
            """
            Warning: Syntax errors (RFC 8866 §5) mean some lines were skipped, so this analysis may be incomplete or \
            misleading; the errors themselves are judged by sdplint check.
            """,
        summary: "The offer or the answer has syntax errors.",
        explanation:
            """
            The SDP parser reported errors in this description; lines it could not read take no part in the \
            analysis, so some findings may be missing or follow from them. Run `sdplint check` on the file for the \
            details.
            """,
        reference: .rfc(8866, "5"), bad: "a=rtpmap:96 VP8", good: "a=rtpmap:96 VP8/90000")

    public static let sharedOrigin = Rule(
        code: "OA109", name: "shared-origin", severity: .warning,
        severityRationale:
            """
            Warning: An answer that copies the offer's o= line breaks the global uniqueness RFC 8866 §5.2 gives the \
            origin, but negotiation can proceed; it mostly betrays a template or a copied file.
            """,
        summary: "The answer has the same origin (o= username, session id and address) as the offer.",
        explanation:
            """
            The o= line's username, session id, network type, address type and address identify a description's \
            author globally (RFC 8866 §5.2); an answer comes from the other peer and has its own. Identical \
            origins usually mean a fixed template (SIPp's default answer copies its offer's) or a copied file.
            """,
        reference: .rfc(8866, "5.2"),
        bad:
            "offer: o=user1 53655765 2353687637 IN IP4 127.0.0.1\nanswer: o=user1 53655765 2353687637 IN IP4 127.0.0.1",
        good: "answer: o=- 4611731400430051336 2 IN IP4 127.0.0.1")

    public static let directionNotAllowed = Rule(
        code: "OA110", name: "direction-not-allowed", severity: .error,
        severityRationale:
            """
            Error: RFC 3264 §6.1 fixes which answer directions each offered direction permits; any other answer claims \
            a media flow the offerer never agreed to.
            """,
        summary: "The answer's direction is not one RFC 3264 allows for the offered direction.",
        explanation:
            """
            RFC 3264 §6.1: a sendonly offer is answered recvonly or inactive; a recvonly offer sendonly or \
            inactive; an inactive offer inactive; a sendrecv offer may get any direction. Anything else claims a \
            flow the offerer did not agree to.
            """,
        reference: .rfc(3264, "6.1"), bad: "offer: a=sendonly\nanswer: a=sendonly",
        good: "offer: a=sendonly\nanswer: a=recvonly")

    public static let mediaFlowReduced = Rule(
        code: "OA111", name: "media-flow-reduced", severity: .info,
        severityRationale:
            """
            Note: Answering a sendrecv offer with a narrower direction is permitted by RFC 3264 §6.1; the finding only \
            explains one-way or absent media.
            """,
        summary: "The answer accepts a section but with less media flowing than offered.",
        explanation:
            """
            A sendrecv offer answered recvonly, sendonly or inactive is legal (RFC 3264 §6.1), but one or both \
            directions carry no media. This explains one-way audio or video: the answerer has no track to send, or \
            does not want to receive.
            """,
        reference: .rfc(3264, "6.1"), bad: "offer: a=sendrecv\nanswer: a=recvonly",
        good: "offer: a=sendrecv\nanswer: a=sendrecv")

    public static let duplicateMid = Rule(
        code: "OA112", name: "duplicate-mid", severity: .error,
        severityRationale:
            """
            Error: RFC 5888 §4 requires mids to be unique within a description; with a repeated mid, BUNDLE groups and \
            the mid header extension cannot tell the sections apart.
            """,
        summary: "Two sections of one description have the same mid.",
        explanation:
            """
            Identification tags are unique within a description (RFC 5888 §4); with two equal mids, BUNDLE groups \
            and the RTP mid header extension cannot tell the sections apart.
            """,
        reference: .rfc(5888, "4"), bad: "m=audio … a=mid:0\nm=video … a=mid:0",
        good: "m=audio … a=mid:0\nm=video … a=mid:1")

    // MARK: OA2xx Codecs

    public static let noCommonCodec = Rule(
        code: "OA200", name: "no-common-codec", severity: .error,
        severityRationale:
            """
            Error: RFC 3264 §6.1 requires an accepted section to share at least one offered format, or else be \
            rejected; with no common codec no media can flow.
            """,
        summary: "An accepted section has no media codec that both sides list.",
        explanation:
            """
            RFC 3264 §6.1: an accepted section MUST list at least one of the offered formats; an answerer with \
            nothing in common MUST reject the section with port 0. Without a common codec no media can flow even \
            though the section looks accepted. RTX, RED, FEC and telephone-event do not count: they carry no media \
            of their own.
            """,
        reference: .rfc(3264, "6.1"), bad: "offer: m=video 9 … 96 (VP8)\nanswer: m=video 9 … 98 (VP9)",
        good: "answer: m=video 9 … 96 (VP8)")

    public static let codecAddedByAnswer = Rule(
        code: "OA201", name: "codec-added-by-answer", severity: .warning,
        severityRationale:
            """
            Warning: RFC 3264 §6.1 tolerates extra codecs in an answer, which the offerer simply never sends, but JSEP \
            (RFC 9429 §5.3.1) allows only offered ones and browsers may reject the description.
            """,
        summary: "The answer lists a codec the offer does not have.",
        explanation:
            """
            RFC 3264 §6.1 lets an answerer list extra formats it is willing to receive, but the offerer will not \
            send them. JSEP (RFC 9429 §5.3.1) allows only offered codecs in an answer, and browsers may reject the \
            description.
            """,
        reference: .rfc(3264, "6.1"), bad: "offer: m=audio … 111\nanswer: m=audio … 111 9",
        good: "answer: m=audio … 111")

    public static let payloadTypeConflict = Rule(
        code: "OA202", name: "payload-type-conflict", severity: .error,
        severityRationale:
            """
            Error: A payload type the answer takes from the offer must name the same codec (RFC 3264 §6.1); otherwise \
            each side decodes the other's packets with the wrong decoder.
            """,
        summary: "The answer binds an offered payload type to a different codec.",
        explanation:
            """
            When the answer uses a payload type number of the offer, it must mean the same codec (RFC 3264 §6.1; \
            RFC 9429 §5.3.1 requires the offer's numbers). Otherwise each side decodes the other's packets with \
            the wrong decoder.
            """,
        reference: .rfc(3264, "6.1"), bad: "offer: a=rtpmap:96 VP8/90000\nanswer: a=rtpmap:96 VP9/90000",
        good: "answer: a=rtpmap:96 VP8/90000")

    public static let payloadTypeRemapped = Rule(
        code: "OA203", name: "payload-type-remapped", severity: .warning,
        severityRationale:
            """
            Warning: RFC 3264 §6.1 only recommends keeping the offer's payload type numbers, so remapped numbers work, \
            but they confuse middleboxes and break demultiplexing by payload type in BUNDLE.
            """,
        summary: "A codec is answered with another payload type than the offer's.",
        explanation:
            """
            RFC 3264 §6.1 recommends the offer's payload type numbers (each side then sends with the number the \
            other side chose), and JSEP (RFC 9429 §5.3.1) requires them. Asymmetric numbers confuse middleboxes \
            and recording tools and break BUNDLE demultiplexing by payload type.
            """,
        reference: .rfc(3264, "6.1"), bad: "offer: a=rtpmap:111 opus/48000/2\nanswer: a=rtpmap:96 opus/48000/2",
        good: "answer: a=rtpmap:111 opus/48000/2")

    public static let codecParametersIncompatible = Rule(
        code: "OA204", name: "codec-parameters-incompatible", severity: .error,
        severityRationale:
            """
            Error: Parameters such as the H.264 profile and packetization-mode define what the decoder must support \
            (RFC 6184 §8.2.2); changing them answers a configuration that was never offered.
            """,
        summary:
            "The answer keeps an offered payload type but with parameters that make it another codec configuration.",
        explanation:
            """
            Some fmtp parameters define what the decoder must support: H.264 profile and packetization-mode (RFC \
            6184 §8.2.2), VP9 profile-id, AV1 profile, H.265 profile and tier (RFC 7798 §7.2.2). An answer that \
            changes them under the offer's payload type answers a configuration that was never offered.
            """,
        reference: .rfc(6184, "8.2.2"),
        bad:
            """
            offer: a=fmtp:102 packetization-mode=1;profile-level-id=42e01f\nanswer: a=fmtp:102 \
            packetization-mode=0;profile-level-id=42e01f
            """,
        good: "answer: a=fmtp:102 packetization-mode=1;profile-level-id=42e01f")

    public static let h264LevelExceedsOffer = Rule(
        code: "OA205", name: "h264-level-exceeds-offer", severity: .warning,
        severityRationale:
            """
            Warning: RFC 6184 §8.2.2 caps the answered level at the offered one unless both sides allow asymmetry, but \
            browsers ignore the level when matching, so the call connects and only stream sizing suffers.
            """,
        summary: "An H.264 answer states a higher level than offered without level asymmetry.",
        explanation:
            """
            Unless both sides say level-asymmetry-allowed=1, the level in the answer is the level both directions \
            use and may not exceed the offer's (RFC 6184 §8.2.2). Browsers ignore the level when matching \
            (w3c/webrtc-pc#3023) but still size the stream by it.
            """,
        reference: .rfc(6184, "8.2.2"), bad: "offer: profile-level-id=42e01f\nanswer: profile-level-id=42e028",
        good: "answer: level-asymmetry-allowed=1;profile-level-id=42e028 (both sides)")

    public static let rtxAssociationInvalid = Rule(
        code: "OA206", name: "rtx-association-invalid", severity: .error,
        severityRationale:
            """
            Error: The codec an RTX format repairs must be one both sides kept (RFC 4588 §8.6); otherwise \
            retransmissions are useless or are decoded as the wrong codec.
            """,
        summary: "An RTX format repairs a payload type that is missing or was not negotiated.",
        explanation:
            """
            An rtx format's apt= names the payload type it retransmits (RFC 4588 §8.6); it must be a codec of the \
            same section that both sides kept, and it must be the codec the offer's rtx repairs. An RTX without \
            its codec is useless, and one pointing elsewhere makes retransmissions decode as the wrong codec.
            """,
        reference: .rfc(4588, "8.6"), bad: "answer: a=rtpmap:97 rtx/90000\na=fmtp:97 apt=98 (98 not in the answer)",
        good: "answer: a=fmtp:97 apt=96 (96 negotiated)")

    public static let redundancyInvalid = Rule(
        code: "OA207", name: "redundancy-invalid", severity: .error,
        severityRationale:
            """
            Error: Every payload type listed by a RED fmtp must be a codec both sides kept (RFC 2198 §5); a redundant \
            encoding of a codec that was not negotiated cannot be decoded.
            """,
        summary: "A RED format lists a payload type that is missing or was not negotiated.",
        explanation:
            """
            The fmtp of audio RED lists the payload types of the redundant encodings (RFC 2198 §5, e.g. 111/111); \
            each must be a codec both sides kept in the section.
            """,
        reference: .rfc(2198, "5"), bad: "answer: a=fmtp:63 109/109 (109 not in the answer)",
        good: "answer: a=fmtp:63 111/111")

    public static let rtpmapMissing = Rule(
        code: "OA208", name: "rtpmap-missing", severity: .warning,
        severityRationale:
            """
            Warning: Each dynamic payload type needs an rtpmap in every description (RFC 8866 §6.6, RFC 3264 §6.1); \
            without one the call may still work, but the codec is only guessed from the offer.
            """,
        summary: "A dynamic payload type in the answer has no rtpmap.",
        explanation:
            """
            Payload types 96–127 have no fixed meaning (RFC 3551 §3); each needs an a=rtpmap in every description \
            that uses it (RFC 8866 §6.6, RFC 3264 §6.1). Without one the codec can only be guessed from the offer.
            """,
        reference: .rfc(3264, "6.1"), bad: "answer: m=video 9 UDP/TLS/RTP/SAVPF 96 (no a=rtpmap:96)",
        good: "answer: a=rtpmap:96 VP8/90000")

    public static let codecFallback = Rule(
        code: "OA209", name: "codec-fallback", severity: .info,
        severityRationale:
            """
            Note: Settling on a codec other than the offerer's first choice is ordinary negotiation under RFC 3264 \
            §6.1; the finding only says what became of the preferred codecs.
            """,
        summary: "The codec used is not the offerer's first choice.",
        explanation:
            """
            The offer lists codecs in order of preference and the answer picks among them (RFC 3264 §6.1); the \
            selected codec is the answer's first common one. The message says what became of each codec the \
            offerer preferred: dropped because the answerer does not support it (or only with other parameters), \
            or kept but ranked lower by the answerer.
            """,
        reference: .rfc(3264, "6.1"), bad: "offer: m=video … 45 96 (AV1, VP8)\nanswer: m=video … 96",
        good: "answer: m=video … 45 96")

    public static let telephoneEventRate = Rule(
        code: "OA210", name: "telephone-event-rate", severity: .warning,
        severityRationale:
            """
            Warning: RFC 4733 §2.1 needs a telephone-event at the clock rate of the audio codec in use; the call \
            works, but DTMF cannot be sent while that codec is selected.
            """,
        summary: "No negotiated telephone-event has the clock rate of the selected audio codec.",
        explanation:
            """
            DTMF events share the RTP stream and its timestamp clock with the audio they interrupt, so \
            telephone-event needs the clock rate of the codec in use (RFC 4733 §2.1). With opus at 48000 Hz and \
            only telephone-event/8000 negotiated, DTMF cannot be sent while opus is used.
            """,
        reference: .rfc(4733, "2.1"),
        bad: "offer: 111 opus/48000, 110 telephone-event/48000, 126 telephone-event/8000\nanswer: 111, 126",
        good: "answer: 111, 110, 126")

    public static let bundlePayloadTypeReuse = Rule(
        code: "OA211", name: "bundle-payload-type-reuse", severity: .warning,
        severityRationale:
            """
            Warning: RFC 9143 §9.1.1 requires a payload type shared by bundled sections to mean one codec \
            configuration; receivers that demultiplex by payload type then pick the wrong section.
            """,
        summary: "One payload type means different codecs in two sections of a BUNDLE group.",
        explanation:
            """
            Bundled sections share one RTP session, so a payload type number used in several of them MUST have the \
            identical codec configuration in each (RFC 9143 §9.1.1). Otherwise a receiver that demultiplexes by \
            payload type picks the wrong section.
            """,
        reference: .rfc(9143, "9.1.1"),
        bad: "m=audio … a=rtpmap:96 opus/48000/2\nm=video … a=rtpmap:96 VP8/90000 (both bundled)",
        good: "m=video … a=rtpmap:97 VP8/90000")

    public static let opusRTPMap = Rule(
        code: "OA212", name: "opus-rtpmap", severity: .warning,
        severityRationale:
            """
            Warning: RFC 7587 §7 fixes the opus rtpmap as opus/48000/2; other forms trip peers that match codecs by \
            rtpmap, libwebrtc among them, which reject the section.
            """,
        summary: "opus is not mapped with 48000 Hz and 2 channels (opus/48000/2).",
        explanation:
            """
            The rtpmap of opus always says a 48000 Hz clock and 2 channels, whatever the audio actually uses (RFC \
            7587 §7); mono or stereo is negotiated with the stereo fmtp parameter. Peers that match codecs by the \
            rtpmap (libwebrtc among them) do not recognise opus/48000 or opus/48000/1 as opus and reject the \
            section. The encoding name is case-insensitive (RFC 4855 §3): only the clock rate and the channel \
            count matter. `check` reports the same of one description as SDP313.
            """,
        reference: .rfc(7587, "7"), bad: "a=rtpmap:96 OPUS/48000", good: "a=rtpmap:96 opus/48000/2")

    // MARK: OA3xx Transport: ICE, DTLS, SDES, BUNDLE

    public static let iceCredentialsMissing = Rule(
        code: "OA300", name: "ice-credentials-missing", severity: .error,
        severityRationale:
            """
            Error: WebRTC transports require ICE, and RFC 8839 §5.4 needs a ufrag and a password from each side; a \
            description without them cannot be applied.
            """,
        summary: "A side of a WebRTC section has no ICE ufrag or password.",
        explanation:
            """
            Each side of an ICE session states a=ice-ufrag and a=ice-pwd, at the session level or in each section \
            (RFC 8839 §5.4). WebRTC transports (UDP/TLS/…, UDP/DTLS/SCTP) require ICE (RFC 8829 §5.3.1), so a \
            description without credentials cannot be applied.
            """,
        reference: .rfc(8839, "5.4"), bad: "answer: (no a=ice-ufrag)",
        good: "answer: a=ice-ufrag:7Xpo\na=ice-pwd:Go6yeOpCCpOhayb2kCeD+GWI")

    public static let iceLiteBoth = Rule(
        code: "OA301", name: "ice-lite-both", severity: .error,
        severityRationale:
            """
            Error: Lite agents only answer connectivity checks (RFC 8445 §2.5), so with two of them nobody checks, no \
            candidate pair is selected and the call cannot connect.
            """,
        summary: "Both sides are ICE lite.",
        explanation:
            """
            A lite agent never sends connectivity checks; it only answers them (RFC 8445 §2.5). If both sides are \
            lite, no one checks and no candidate pair is ever selected: the call connects nowhere.
            """,
        reference: .rfc(8445, "2.5"), bad: "offer: a=ice-lite\nanswer: a=ice-lite",
        good: "offer: a=ice-lite\nanswer: (full agent)")

    public static let trickleOneSided = Rule(
        code: "OA302", name: "trickle-one-sided", severity: .info,
        severityRationale:
            """
            Note: Trickle support on only one side is allowed (RFC 8838 §3); it only changes how and when candidates \
            are exchanged.
            """,
        summary: "Only one side supports trickle ICE.",
        explanation:
            """
            Candidates may be trickled to a peer only when it advertised a=ice-options:trickle (RFC 8838 §3, RFC \
            8840). With one-sided support, the other side must send all its candidates in the description, and the \
            trickling side must wait for the answer before sending any.
            """,
        reference: .rfc(8838, "3"), bad: "offer: a=ice-options:trickle\nanswer: (no ice-options)",
        good: "answer: a=ice-options:trickle")

    public static let iceNotNegotiated = Rule(
        code: "OA303", name: "ice-not-negotiated", severity: .info,
        severityRationale:
            """
            Note: An answer without ICE makes the section use the c= and m= address (RFC 8839 §4.2.5), which is normal \
            with SIP servers; the note points out that NAT traversal is lost.
            """,
        summary: "One side uses ICE and the other does not, so ICE is not used.",
        explanation:
            """
            When the answer has no ICE credentials, ICE is not used for the section and media goes to the address \
            in c= and m= (RFC 8839 §4.2.5). This is normal with SIP servers, but NAT traversal is lost.
            """,
        reference: .rfc(8839, "4.2.5"), bad: "offer: a=ice-ufrag:e5810c88\nanswer: (no ICE attributes)",
        good: "answer: a=ice-ufrag:…\na=ice-pwd:…")

    public static let fingerprintMissing = Rule(
        code: "OA304", name: "fingerprint-missing", severity: .error,
        severityRationale:
            """
            Error: Each DTLS side is authenticated by its a=fingerprint (RFC 8842 §5, RFC 8122 §5); without it the \
            handshake cannot be verified and browsers refuse the description.
            """,
        summary: "A side of a DTLS section has no certificate fingerprint.",
        explanation:
            """
            A DTLS transport is authenticated by the a=fingerprint of each side's certificate, given at the \
            session level or in the section (RFC 8842 §5, RFC 8122 §5). Without it the handshake cannot be \
            verified and browsers refuse the description.
            """,
        reference: .rfc(8842, "5"), bad: "answer: m=audio 9 UDP/TLS/RTP/SAVPF 111 (no a=fingerprint)",
        good: "answer: a=fingerprint:sha-256 EB:33:…")

    public static let fingerprintHash = Rule(
        code: "OA305", name: "fingerprint-hash", severity: .warning,
        severityRationale:
            """
            Warning: RFC 8122 §5 rules out md2 and md5 and RFC 8842 §5 only guarantees SHA-256; a peer may ignore \
            another hash and then cannot verify the certificate.
            """,
        summary: "A fingerprint uses an unknown or weak hash function.",
        explanation:
            """
            The fingerprint's hash function must be one both sides implement; RFC 8122 §5 forbids md2 and md5 and \
            RFC 8842 §5 requires SHA-256 support. An unknown name (or a sha-1 fingerprint) may be ignored by the \
            peer, which then cannot verify the certificate.
            """,
        reference: .rfc(8122, "5"), bad: "a=fingerprint:md5 …", good: "a=fingerprint:sha-256 …")

    public static let dtlsSetupOffer = Rule(
        code: "OA306", name: "dtls-setup-offer", severity: .warning,
        severityRationale:
            """
            Warning: RFC 8842 §5.2 has a new DTLS offer say actpass; without a=setup the RFC 4145 default of active \
            still allows a handshake but takes the choice of role from the answerer.
            """,
        summary: "A DTLS offer has no a=setup, or a=setup:holdconn.",
        explanation:
            """
            An offerer of a new DTLS association says a=setup:actpass so that the answerer can choose its role \
            (RFC 8842 §5.2). Without a=setup the default is active (RFC 4145 §4), which forces the answerer to be \
            passive; holdconn means no connection at all.
            """,
        reference: .rfc(8842, "5.2"), bad: "offer: (no a=setup)", good: "offer: a=setup:actpass")

    public static let dtlsSetupAnswer = Rule(
        code: "OA307", name: "dtls-setup-answer", severity: .error,
        severityRationale:
            """
            Error: RFC 8842 §5.3 requires the answerer to choose active or passive, opposite to the offer; any other \
            value leaves the DTLS handshake without a client or a server.
            """,
        summary: "The answer's a=setup is not active or passive, or contradicts the offer.",
        explanation:
            """
            The answerer decides the DTLS roles: it MUST say active or passive (RFC 8842 §5.3), passive when the \
            offer said active and active when it said passive (RFC 4145 §4.1). actpass, holdconn, a missing setup \
            or two sides with the same role leave the handshake without a client or without a server.
            """,
        reference: .rfc(8842, "5.3"), bad: "offer: a=setup:active\nanswer: a=setup:active",
        good: "offer: a=setup:actpass\nanswer: a=setup:active")

    public static let bundleTransportDiffers = Rule(
        code: "OA308", name: "bundle-transport-differs", severity: .warning,
        severityRationale:
            """
            Warning: RFC 9143 §7.1.3 wants bundled sections that repeat transport attributes to repeat the same \
            values; with different ones, which transport applies depends on the implementation.
            """,
        summary: "Sections of one BUNDLE group state different ICE credentials, fingerprints or DTLS roles.",
        explanation:
            """
            Bundled sections share one transport, described by the tagged section (RFC 9143 §7.1.3, §7.3.1): ICE \
            credentials, fingerprints and a=setup must be the same in every bundled section that repeats them. \
            Different values mean the sections were assembled from different descriptions, and which one applies \
            depends on the implementation.
            """,
        reference: .rfc(9143, "7.1.3"),
        bad: "m=audio … a=ice-ufrag:abcd\nm=video … a=ice-ufrag:wxyz (same BUNDLE group)",
        good: "m=video … a=ice-ufrag:abcd")

    public static let bundleMidAdded = Rule(
        code: "OA309", name: "bundle-mid-added", severity: .error,
        severityRationale:
            """
            Error: RFC 9143 §7.3 forbids the answerer to add a mid or a group the offer did not bundle, so a \
            conforming offerer cannot accept such an answer.
            """,
        summary: "The answer's BUNDLE group has a mid the offer did not bundle.",
        explanation:
            """
            The answerer may only keep or remove the offered mids of a BUNDLE group (RFC 9143 §7.3); it MUST NOT \
            add a section the offerer did not put in the group, nor create a group the offer does not have.
            """,
        reference: .rfc(9143, "7.3"), bad: "offer: a=group:BUNDLE 0\nanswer: a=group:BUNDLE 0 1",
        good: "answer: a=group:BUNDLE 0")

    public static let bundleSectionRemoved = Rule(
        code: "OA310", name: "bundle-section-removed", severity: .info,
        severityRationale:
            """
            Note: RFC 9143 §7.3.2 allows the answerer to take a section out of BUNDLE; the note points out that the \
            section now needs its own transport, which max-bundle peers cannot provide.
            """,
        summary: "The answerer moved an offered section out of the BUNDLE group.",
        explanation:
            """
            An answerer may remove a section from a BUNDLE group (RFC 9143 §7.3.2); the section then needs its own \
            transport: its own ICE candidates, DTLS handshake and port. Peers that only support max-bundle cannot \
            do that, and the section fails.
            """,
        reference: .rfc(9143, "7.3.2"), bad: "offer: a=group:BUNDLE 0 1\nanswer: a=group:BUNDLE 0",
        good: "answer: a=group:BUNDLE 0 1")

    public static let bundleOnlyNotBundled = Rule(
        code: "OA311", name: "bundle-only-not-bundled", severity: .error,
        severityRationale:
            """
            Error: A bundle-only section has no transport of its own (RFC 9143 §6), so §7.3.2 requires rejecting it \
            when it is not bundled; accepted outside the group it has nowhere to flow.
            """,
        summary: "A bundle-only section is accepted outside the BUNDLE group.",
        explanation:
            """
            A section offered with port 0 and a=bundle-only can only be used inside the BUNDLE group (RFC 9143 \
            §6): the offerer has no separate transport for it. If the answerer does not bundle it, it MUST reject \
            it with port 0 (§7.3.2).
            """,
        reference: .rfc(9143, "6"),
        bad: "offer: m=video 0 … a=bundle-only (BUNDLE 0 1)\nanswer: m=video 9 … (BUNDLE 0)",
        good: "answer: a=group:BUNDLE 0 1")

    public static let bundleTagChanged = Rule(
        code: "OA312", name: "bundle-tag-changed", severity: .warning,
        severityRationale:
            """
            Warning: RFC 9143 §7.3.1 has the answerer tag the section the offerer tagged; a different tag risks the \
            peers choosing different transports for the group.
            """,
        summary: "The answerer tagged another section of the BUNDLE group than the offerer did.",
        explanation:
            """
            The answerer-tagged section (first mid of the answer's group) must be the offerer-tagged one (first \
            mid of the offer's group) unless the answerer rejected it or moved it out (RFC 9143 §7.3.1). The \
            tagged section's transport becomes the BUNDLE transport, so a different tag makes the peers disagree \
            on which transport to use.
            """,
        reference: .rfc(9143, "7.3.1"), bad: "offer: a=group:BUNDLE 0 1\nanswer: a=group:BUNDLE 1 0",
        good: "answer: a=group:BUNDLE 0 1")

    public static let bundleContainsRejected = Rule(
        code: "OA313", name: "bundle-contains-rejected", severity: .error,
        severityRationale:
            """
            Error: RFC 9143 §7.3.3 forbids a rejected section's mid in the answer's BUNDLE group, and a rejected \
            tagged section leaves the group's transport ambiguous.
            """,
        summary: "The answer's BUNDLE group lists a section the answer rejects.",
        explanation:
            """
            When the answerer rejects a section it MUST NOT list its mid in the BUNDLE group of the answer (RFC \
            9143 §7.3.3). A rejected tagged section in the group makes the whole group's transport ambiguous.
            """,
        reference: .rfc(9143, "7.3.3"), bad: "answer: a=group:BUNDLE 0 1\nm=video 0 … a=mid:1",
        good: "answer: a=group:BUNDLE 0")

    public static let cryptoMismatch = Rule(
        code: "OA314", name: "crypto-mismatch", severity: .error,
        severityRationale:
            """
            Error: With SDES, RFC 4568 §7.1.2 requires the answer to accept exactly one offered crypto line by tag and \
            suite; otherwise the sides share no key and SRTP cannot work.
            """,
        summary: "The answer's SDES crypto line does not accept one of the offered ones.",
        explanation:
            """
            With SDES-SRTP the answer accepts exactly one offered a=crypto line: same tag and same crypto suite, \
            with its own key (RFC 4568 §7.1.2). A tag or suite the offer does not have, or no a=crypto in an \
            accepted RTP/SAVP section, leaves the two sides without a common key.
            """,
        reference: .rfc(4568, "7.1.2"),
        bad: "offer: a=crypto:1 AES_CM_128_HMAC_SHA1_80 …\nanswer: a=crypto:1 AES_256_CM_HMAC_SHA1_80 …",
        good: "answer: a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:…")

    // MARK: OA4xx RTP features

    public static let feedbackAddedByAnswer = Rule(
        code: "OA400", name: "feedback-added-by-answer", severity: .warning,
        severityRationale:
            """
            Warning: RFC 4585 §4.2 and JSEP do not let an answer add feedback types, but the only effect is that the \
            offerer neither sends nor expects those messages; media still flows.
            """,
        summary: "The answer lists RTCP feedback for a codec that the offer did not offer.",
        explanation:
            """
            RTCP feedback is negotiated per codec: the answer may keep or remove the offered a=rtcp-fb values, and \
            MUST NOT add new ones (RFC 4585 §4.2; JSEP, RFC 9429 §5.3.1). The offerer will not send or expect the \
            added messages.
            """,
        reference: .rfc(4585, "4.2"), bad: "offer: a=rtcp-fb:96 nack\nanswer: a=rtcp-fb:96 nack\na=rtcp-fb:96 ccm fir",
        good: "answer: a=rtcp-fb:96 nack")

    public static let feedbackLost = Rule(
        code: "OA401", name: "feedback-lost", severity: .info,
        severityRationale:
            """
            Note: Leaving out offered feedback is allowed (RFC 4585 §4.2); the note explains missing retransmissions, \
            keyframe requests or congestion feedback behind poor quality.
            """,
        summary: "The selected codec lost RTCP feedback that the offer asked for.",
        explanation:
            """
            Feedback both sides list is used; feedback the answer leaves out is not (RFC 4585 §4.2). Without nack \
            there are no retransmissions, without nack pli or ccm fir no keyframe requests, and without \
            transport-cc or goog-remb no congestion control feedback: quality drops on lossy networks.
            """,
        reference: .rfc(4585, "4.2"), bad: "offer: a=rtcp-fb:96 transport-cc\nanswer: (none)",
        good: "answer: a=rtcp-fb:96 transport-cc")

    public static let extmapAddedByAnswer = Rule(
        code: "OA402", name: "extmap-added-by-answer", severity: .error,
        severityRationale:
            """
            Error: RFC 8285 §7 lets an answer accept only header extensions the offer has; one only the answer lists \
            is never sent by the offerer, which may reject the answer over it.
            """,
        summary: "The answer maps an RTP header extension the offer does not have.",
        explanation:
            """
            An answerer may only accept header extensions from the offer (RFC 8285 §7); an extension that only the \
            answer lists will not be sent by the offerer and may be rejected by it. OA416 reports one mapped to an \
            id the offer uses for another extension.
            """,
        reference: .rfc(8285, "7"),
        bad:
            """
            offer: a=extmap:1 urn:ietf:params:rtp-hdrext:sdes:mid\nanswer: … a=extmap:2 \
            urn:ietf:params:rtp-hdrext:toffset
            """,
        good: "answer: a=extmap:1 urn:ietf:params:rtp-hdrext:sdes:mid")

    public static let extmapIDChanged = Rule(
        code: "OA403", name: "extmap-id-changed", severity: .warning,
        severityRationale:
            """
            Warning: Different ids are workable under RFC 8285 §7, as each side sends with the other's ids, but JSEP \
            keeps the offer's ids, BUNDLE needs one id per extension, and many implementations assume a match.
            """,
        summary: "The answer uses another id for a header extension than the offer.",
        explanation:
            """
            Each side sends extensions with the ids the other side declared (RFC 8285 §7), so different ids in \
            offer and answer are workable, but JSEP (RFC 9429 §5.3.1) keeps the offer's ids, and BUNDLE needs one \
            id per extension across the group: many implementations assume the ids match.
            """,
        reference: .rfc(8285, "7"),
        bad:
            """
            offer: a=extmap:4 urn:ietf:params:rtp-hdrext:sdes:mid\nanswer: a=extmap:9 \
            urn:ietf:params:rtp-hdrext:sdes:mid
            """,
        good: "answer: a=extmap:4 urn:ietf:params:rtp-hdrext:sdes:mid")

    public static let extmapIDReassigned = Rule(
        code: "OA416", name: "extmap-id-reassigned", severity: .error,
        severityRationale:
            """
            Error: RFC 8285 §7 lets an answer accept only offered extensions, and this one also gives an id the \
            offer uses for another extension a second meaning; Chromium and Firefox refuse the answer (measured: "RTP \
            extension ID reassignment not supported").
            """,
        summary: "The answer maps an extension the offer does not have to an id the offer uses for another one.",
        explanation:
            """
            An answerer accepts header extensions from the offer (RFC 8285 §7). Mapping one the offer does not \
            have to an id the offer gave to another extension in the same section makes that id mean two things \
            between the peers: libwebrtc refuses it as an id reassignment, and Firefox as an extension the offer \
            did not have. OA402 reports an added extension at an id of its own.
            """,
        reference: .rfc(8285, "7"),
        bad:
            """
            offer: a=extmap:1 urn:ietf:params:rtp-hdrext:ssrc-audio-level\nanswer: a=extmap:1 \
            urn:ietf:params:rtp-hdrext:toffset
            """,
        good: "answer: a=extmap:1 urn:ietf:params:rtp-hdrext:ssrc-audio-level")

    public static let extmapIDCollision = Rule(
        code: "OA404", name: "extmap-id-collision", severity: .error,
        severityRationale:
            """
            Error: Bundled sections share one RTP session (RFC 9143 §9.1) and an extension id has one meaning per \
            session, so an id mapped to two URIs makes the receiver misread some packets.
            """,
        summary: "One header extension id means different extensions in one BUNDLE group.",
        explanation:
            """
            Bundled sections share one RTP session (RFC 9143 §9.1), and a header extension id is only meaningful \
            per RTP session (RFC 8285 §5): an id mapped to two URIs in sections of one group makes the receiver \
            misread the extension of some packets.
            """,
        reference: .rfc(9143, "9.1"),
        bad:
            """
            m=audio … a=extmap:3 urn:ietf:params:rtp-hdrext:sdes:mid\nm=video … a=extmap:3 \
            urn:ietf:params:rtp-hdrext:toffset
            """,
        good: "m=video … a=extmap:5 urn:ietf:params:rtp-hdrext:toffset")

    public static let extmapAllowMixedAdded = Rule(
        code: "OA405", name: "extmap-allow-mixed-added", severity: .error,
        severityRationale:
            """
            Error: RFC 8285 §6 permits a=extmap-allow-mixed in an answer only when the offer had it, since mixed one- \
            and two-byte extensions need both sides to agree.
            """,
        summary: "The answer has a=extmap-allow-mixed although the offer does not.",
        explanation:
            """
            Mixing one- and two-byte header extensions in one stream is used only when both sides agree: the \
            answer may include a=extmap-allow-mixed only if the offer did (RFC 8285 §6).
            """,
        reference: .rfc(8285, "6"), bad: "offer: (no extmap-allow-mixed)\nanswer: a=extmap-allow-mixed",
        good: "answer: (no extmap-allow-mixed)")

    public static let rtcpMuxMismatch = Rule(
        code: "OA406", name: "rtcp-mux-mismatch", severity: .error,
        severityRationale:
            """
            Error: RFC 5761 §5.1.1 allows rtcp-mux in an answer only if offered, and after a=rtcp-mux-only RFC 8858 \
            §4.3 requires it, as the offerer has no separate RTCP port.
            """,
        summary: "The answer's a=rtcp-mux does not match what the offer allows.",
        explanation:
            """
            An answer may include a=rtcp-mux only if the offer did (RFC 5761 §5.1.1), and MUST include it when the \
            offer says a=rtcp-mux-only, or else reject the section (RFC 8858 §4.3): the offerer has no separate \
            RTCP port to fall back to.
            """,
        reference: .rfc(8858, "4.3"), bad: "offer: a=rtcp-mux\na=rtcp-mux-only\nanswer: (no rtcp-mux)",
        good: "answer: a=rtcp-mux")

    public static let bundleRequiresRTCPMux = Rule(
        code: "OA407", name: "bundle-requires-rtcp-mux", severity: .error,
        severityRationale:
            """
            Error: RFC 9143 §9.3.1.2 requires a=rtcp-mux in the tagged section when RTP media is bundled, and \
            libwebrtc rejects answers that bundle RTP without it.
            """,
        summary: "An answer bundles RTP media without enabling a=rtcp-mux.",
        explanation:
            """
            RTP and RTCP of bundled sections share one transport, which requires RTP/RTCP multiplexing: an \
            answerer that accepts RTP media in a BUNDLE group MUST include a=rtcp-mux in the section of its \
            BUNDLE tag (RFC 9143 §9.3.1.2); the other bundled sections do not repeat it (§7.1.3). libwebrtc \
            rejects answers that bundle RTP without it.
            """,
        reference: .rfc(9143, "9.3.1.2"), bad: "answer: a=group:BUNDLE 0 1 (no a=rtcp-mux in section 0)",
        good: "answer: a=rtcp-mux in the section of the BUNDLE tag")

    public static let rtcpRsizeAdded = Rule(
        code: "OA408", name: "rtcp-rsize-added", severity: .warning,
        severityRationale:
            """
            Warning: RFC 5506 §5 forbids the answerer to add a=rtcp-rsize, but media still flows; only reduced-size \
            RTCP packets may be discarded by a peer that does not expect them.
            """,
        summary: "The answer has a=rtcp-rsize although the offer does not.",
        explanation:
            """
            Reduced-size RTCP is used only when both sides agree; the answerer MUST NOT include a=rtcp-rsize \
            unless the offer has it (RFC 5506 §5). A peer that does not expect reduced-size packets discards them.
            """,
        reference: .rfc(5506, "5"), bad: "offer: (no rtcp-rsize)\nanswer: a=rtcp-rsize", good: "answer: (no rtcp-rsize)"
    )

    public static let simulcastDirection = Rule(
        code: "OA409", name: "simulcast-direction", severity: .error,
        severityRationale:
            """
            Error: RFC 8853 §5.3 requires the answer to reverse each offered simulcast direction; an answer with the \
            offer's own direction accepts nothing.
            """,
        summary: "The answer's simulcast lists do not reverse the offer's.",
        explanation:
            """
            What the offerer sends, the answerer receives: an answer accepts an offered send list with a recv list \
            and an offered recv list with a send list (RFC 8853 §5.3). An answer with the same direction as the \
            offer accepts nothing.
            """,
        reference: .rfc(8853, "5.3"), bad: "offer: a=simulcast:send h;m;l\nanswer: a=simulcast:send h;m;l",
        good: "answer: a=simulcast:recv h;m;l")

    public static let simulcastRIDUnknown = Rule(
        code: "OA410", name: "simulcast-rid-unknown", severity: .error,
        severityRationale:
            """
            Error: RFC 8853 §5.3 and RFC 8851 §6.2 forbid an answer to add rids, and each listed rid needs its a=rid \
            line; a stream the offer never described cannot be negotiated.
            """,
        summary: "The answer's simulcast or rid lines name a stream the offer does not have.",
        explanation:
            """
            The answer may remove offered rids and pause streams but MUST NOT add rids (RFC 8853 §5.3, RFC 8851 \
            §6.2); each rid in a simulcast list also needs its a=rid line (RFC 8853 §5.1).
            """,
        reference: .rfc(8853, "5.3"), bad: "offer: a=simulcast:send h;l\nanswer: a=simulcast:recv h;m;l",
        good: "answer: a=simulcast:recv h;l")

    public static let ridPayloadTypeUnknown = Rule(
        code: "OA411", name: "rid-payload-type-unknown", severity: .error,
        severityRationale:
            """
            Error: A rid's pt= list must name formats of the section, negotiated ones in an answer (RFC 8851 §4); a \
            stream restricted to a missing payload type cannot be sent at all.
            """,
        summary: "A rid restricts its stream to a payload type the section does not have.",
        explanation:
            """
            The pt= list of a=rid names formats of the section's m= line (RFC 8851 §4); in an answer they must \
            also have been negotiated. A stream restricted to a missing payload type cannot be sent at all.
            """,
        reference: .rfc(8851, "4"), bad: "m=video 9 … 96 97\na=rid:h send pt=98", good: "a=rid:h send pt=96")

    public static let simulcastNotNegotiated = Rule(
        code: "OA412", name: "simulcast-not-negotiated", severity: .info,
        severityRationale:
            """
            Note: Declining simulcast or pausing streams is a legitimate answer under RFC 8853 §5.3; the note explains \
            why the sender ends up with a single layer.
            """,
        summary: "Simulcast was offered but the answer does not accept it, or pauses streams.",
        explanation:
            """
            An answer without a=simulcast declines simulcast (RFC 8853 §5.3): the offerer sends a single stream. \
            Streams marked ~ start paused. This is why a publisher sends only one layer although it configured \
            several encodings.
            """,
        reference: .rfc(8853, "5.3"), bad: "offer: a=simulcast:send h;m;l\nanswer: (no a=simulcast)",
        good: "answer: a=simulcast:recv h;m;l")

    public static let ssrcGroupInconsistent = Rule(
        code: "OA413", name: "ssrc-group-inconsistent", severity: .warning,
        severityRationale:
            """
            Warning: An ssrc-group should name SSRCs the section declares (RFC 5576 §4.2) and FID needs negotiated RTX \
            (RFC 4588 §8.7); a mismatch spoils the grouping, not the section's negotiation.
            """,
        summary: "An ssrc-group does not match the section's SSRCs or negotiated formats.",
        explanation:
            """
            An ssrc-group names SSRCs that the section declares with a=ssrc (RFC 5576 §4.2). FID pairs a media \
            SSRC with its RTX SSRC, so it needs exactly two SSRCs and RTX among the negotiated formats (RFC 4588 \
            §8.7); SIM lists one SSRC per simulcast layer.
            """,
        reference: .rfc(5576, "4.2"), bad: "a=ssrc-group:FID 1111 2222 (no a=ssrc:2222, or RTX not negotiated)",
        good: "a=ssrc-group:FID 1111 2222\na=ssrc:1111 cname:x\na=ssrc:2222 cname:x")

    public static let msidInconsistent = Rule(
        code: "OA414", name: "msid-inconsistent", severity: .warning,
        severityRationale:
            """
            Warning: Disagreeing a=msid and a=ssrc msid values (RFC 8830 §2) do not stop media, but the receiver \
            attaches the track to the wrong MediaStream.
            """,
        summary: "The section's a=msid and its a=ssrc msid disagree.",
        explanation:
            """
            The stream and track of a section are stated by a=msid (RFC 8830 §2) and, by older peers, by \
            a=ssrc:<id> msid:. When both are present they must name the same stream and track, or the receiver \
            attaches the track to the wrong MediaStream.
            """,
        reference: .rfc(8830, "2"), bad: "a=msid:s1 t1\na=ssrc:1111 msid:s2 t1",
        good: "a=msid:s1 t1\na=ssrc:1111 msid:s1 t1")

    public static let ssrcCollision = Rule(
        code: "OA415", name: "ssrc-collision", severity: .error,
        severityRationale:
            """
            Error: An SSRC identifies one stream in an RTP session (RFC 3550 §8); repeated across sections that share \
            a session, it leaves the receiver unable to route the packets.
            """,
        summary: "The same SSRC is declared in two sections of one description.",
        explanation:
            """
            An SSRC identifies one RTP stream within an RTP session (RFC 3550 §8); bundled sections share one \
            session, so a receiver cannot tell which section a packet with a repeated SSRC belongs to (RFC 9143 \
            §9.2).
            """,
        reference: .rfc(3550, "8"), bad: "m=audio … a=ssrc:1111 cname:x\nm=video … a=ssrc:1111 cname:x",
        good: "m=video … a=ssrc:2222 cname:x")

    // MARK: OA5xx SCTP data channels

    public static let sctpPortMissing = Rule(
        code: "OA500", name: "sctp-port-missing", severity: .warning,
        severityRationale:
            """
            Warning: Without a=sctp-port the RFC 8841 §5.2 default of 5000 applies, which the peer most likely uses, \
            but older peers reject such a section.
            """,
        summary: "A data channel section has no a=sctp-port.",
        explanation:
            """
            RFC 8841 §5 sections state the SCTP port with a=sctp-port; when it is absent the default 5000 applies \
            (§5.2), which is what the peer most likely uses, but older peers reject such a section.
            """,
        reference: .rfc(8841, "5.2"), bad: "m=application 9 UDP/DTLS/SCTP webrtc-datachannel (no a=sctp-port)",
        good: "a=sctp-port:5000")

    public static let sctpFormMismatch = Rule(
        code: "OA501", name: "sctp-form-mismatch", severity: .error,
        severityRationale:
            """
            Error: RFC 8841 §4 requires the answer to use the offer's form of data channel section; mixing the legacy \
            and current forms makes the peers misread the SCTP port.
            """,
        summary: "One side uses the legacy sctpmap form of a data channel section and the other RFC 8841's.",
        explanation:
            """
            Before RFC 8841, data channel sections were written `DTLS/SCTP 5000` with a=sctpmap; RFC 8841 writes \
            `UDP/DTLS/SCTP webrtc-datachannel` with a=sctp-port. An answer must use the offer's form (RFC 8841 \
            §4); mixing them makes old and new peers misread the port.
            """,
        reference: .rfc(8841, "4"),
        bad: "offer: m=application 9 DTLS/SCTP 5000\nanswer: m=application 9 UDP/DTLS/SCTP webrtc-datachannel",
        good: "answer: m=application 9 DTLS/SCTP 5000\na=sctpmap:5000 webrtc-datachannel 1024")

    public static let maxMessageSizeAbsent = Rule(
        code: "OA502", name: "max-message-size-absent", severity: .info,
        severityRationale:
            """
            Note: Leaving out a=max-message-size is allowed; RFC 8841 §6.1 then assumes a 64 KiB limit, and the note \
            only says that larger messages will fail to send.
            """,
        summary: "A side of a data channel section states no a=max-message-size.",
        explanation:
            """
            Without a=max-message-size the peer must assume the side accepts messages up to 64 KiB (RFC 8841 \
            §6.1); larger messages fail on send. Browsers state their limit explicitly.
            """,
        reference: .rfc(8841, "6.1"), bad: "answer: (no a=max-message-size)", good: "answer: a=max-message-size:262144")

    public static let dataChannelFormat = Rule(
        code: "OA503", name: "datachannel-format", severity: .error,
        severityRationale:
            """
            Error: RFC 8841 §4.1 names the application in the format field, and an answer must accept the offered one \
            or reject the section; another format is no usable data channel.
            """,
        summary: "A data channel section's format is not webrtc-datachannel, or differs between offer and answer.",
        explanation:
            """
            An RFC 8841 SCTP section names its application in the format field, webrtc-datachannel for WebRTC (RFC \
            8841 §4.1, RFC 8832); an answer accepts the offered format or rejects the section.
            """,
        reference: .rfc(8841, "4.1"), bad: "answer: m=application 9 UDP/DTLS/SCTP other",
        good: "answer: m=application 9 UDP/DTLS/SCTP webrtc-datachannel")

    // MARK: OA6xx Renegotiation

    public static let originChanged = Rule(
        code: "OA600", name: "origin-changed", severity: .error,
        severityRationale:
            """
            Error: RFC 3264 §8 keeps the o= line fixed apart from the version for the whole session; a changed origin \
            announces a new session, so the description is no valid renegotiation.
            """,
        summary: "A later description of the same peer changes its o= line other than the version.",
        explanation:
            """
            Within a session every description a peer sends keeps the o= username, session id, network type, \
            address type and address; only the version changes (RFC 3264 §8). A new session id means a new \
            session, not a renegotiation.
            """,
        reference: .rfc(3264, "8"), bad: "offer 1: o=- 4458 2 IN IP4 127.0.0.1\noffer 2: o=- 9999 3 IN IP4 127.0.0.1",
        good: "offer 2: o=- 4458 3 IN IP4 127.0.0.1")

    public static let versionNotIncremented = Rule(
        code: "OA601", name: "version-not-incremented", severity: .error,
        severityRationale:
            """
            Error: RFC 3264 §8 requires each new description to raise the o= version by one and an unchanged version \
            to mean unchanged content; peers rely on it to recognise updates.
            """,
        summary:
            """
            The o= version of a peer's next description is not its previous version plus one, or stays while the \
            content changes.
            """,
        explanation:
            """
            Each new description of a peer increments the o= version by exactly one; a description with the same \
            version MUST be identical to the previous one (RFC 3264 §8). Peers use the version to recognise a \
            changed description.
            """,
        reference: .rfc(3264, "8"), bad: "offer 1: o=- 4458 2 …\noffer 2: o=- 4458 2 … (with a new m= section)",
        good: "offer 2: o=- 4458 3 …")

    public static let sectionsRemovedOrReordered = Rule(
        code: "OA602", name: "sections-removed-or-reordered", severity: .error,
        severityRationale:
            """
            Error: RFC 3264 §8 keeps every m= section in its place for the whole session and removes one only by port \
            0; fewer or reordered sections cannot be matched to the existing media.
            """,
        summary: "A later description has fewer m= sections, or a section changed media type in place.",
        explanation:
            """
            Sections keep their positions for the whole session: a later offer has at least as many m= lines as \
            the previous one, in the same order (RFC 3264 §8). A section is removed by setting its port to 0, and \
            only such a section may be reused for other media (§8.3.3, RFC 9429 §5.2.2).
            """,
        reference: .rfc(3264, "8"), bad: "offer 1: m=audio / m=video\noffer 2: m=video / m=audio",
        good: "offer 2: m=audio / m=video")

    public static let midChanged = Rule(
        code: "OA603", name: "mid-changed", severity: .error,
        severityRationale:
            """
            Error: RFC 9429 §5.2.2 keeps a section's mid while it is in use; changing it breaks BUNDLE groups and the \
            mapping of RTP streams to transceivers.
            """,
        summary: "A section that was not recycled changed its mid.",
        explanation:
            """
            A section keeps its mid for as long as it is in use (RFC 9429 §5.2.2); only a rejected section that is \
            reused gets a new one. A changed mid breaks BUNDLE groups and the mapping of RTP streams to \
            transceivers.
            """,
        reference: .rfc(9429, "5.2.2"), bad: "offer 1: a=mid:0\noffer 2: a=mid:audio (same active section)",
        good: "offer 2: a=mid:0")

    public static let recycledWithoutNewMid = Rule(
        code: "OA604", name: "recycled-without-new-mid", severity: .error,
        severityRationale:
            """
            Error: RFC 9429 §5.2.2 and RFC 8843 §7.5 require a recycled section to take a mid never used before; with \
            the old one, packets of the stopped transceiver are taken for the new one.
            """,
        summary: "A rejected section is reused with its old mid.",
        explanation:
            """
            A section rejected with port 0 may be recycled for a new transceiver, which MUST get a mid never used \
            before in the session (RFC 9429 §5.2.2, RFC 8843 §7.5): otherwise packets of the stopped transceiver \
            still in flight are taken for the new one.
            """,
        reference: .rfc(9429, "5.2.2"), bad: "offer 3: m=video 0 … a=mid:1\noffer 5: m=video 9 … a=mid:1",
        good: "offer 5: m=video 9 … a=mid:2")

    public static let payloadTypeRebound = Rule(
        code: "OA605", name: "payload-type-rebound", severity: .error,
        severityRationale:
            """
            Error: RFC 3264 §8.3.2 forbids rebinding a dynamic payload type during a session, since packets in flight \
            would be decoded with the wrong codec.
            """,
        summary: "A peer binds a payload type to another codec later in the session.",
        explanation:
            """
            Within a media stream the mapping of a dynamic payload type to a codec MUST NOT change for the \
            duration of the session (RFC 3264 §8.3.2); packets in flight would be decoded with the wrong codec.
            """,
        reference: .rfc(3264, "8.3.2"), bad: "offer 1: a=rtpmap:96 VP8/90000\noffer 2: a=rtpmap:96 H264/90000",
        good: "offer 2: a=rtpmap:96 VP8/90000\na=rtpmap:102 H264/90000")

    public static let dtlsRoleChanged = Rule(
        code: "OA606", name: "dtls-role-changed", severity: .warning,
        severityRationale:
            """
            Warning: RFC 8842 §5.5 keeps DTLS roles until a new association is signalled by a new tls-id or \
            fingerprint; flipping a=setup alone risks the peers disagreeing on who starts the handshake.
            """,
        summary: "The DTLS roles changed although no new DTLS association was started.",
        explanation:
            """
            Once established, a DTLS association keeps its client and server (RFC 8842 §5.5); a peer that wants \
            other roles must start a new association, signalled by a new a=tls-id or a new fingerprint. Changing \
            a=setup alone makes the peers disagree about who sends the ClientHello.
            """,
        reference: .rfc(8842, "5.5"), bad: "answer 1: a=setup:active\nanswer 2: a=setup:passive (same fingerprint)",
        good: "answer 2: a=setup:active")

    public static let iceRestart = Rule(
        code: "OA607", name: "ice-restart", severity: .info,
        severityRationale:
            """
            Note: New ICE credentials are the normal way to restart ICE (RFC 8839 §4.4.1.1.1); the note only marks \
            where candidates are gathered again and media may pause.
            """,
        summary: "An offer restarts ICE: its ufrag and password changed.",
        explanation:
            """
            New ICE credentials in an offer restart ICE (RFC 8839 §4.4.1.1.1): all candidates are gathered and \
            checked again, and media may pause while the new pair is chosen. Expected after a network change or \
            iceRestart: true.
            """,
        reference: .rfc(8839, "4.4.1.1.1"), bad: "offer 3: a=ice-ufrag:L4Om\noffer 4: a=ice-ufrag:BdwH",
        good: "offer 4: a=ice-ufrag:L4Om (no restart wanted)")

    public static let iceRestartPartial = Rule(
        code: "OA608", name: "ice-restart-partial", severity: .error,
        severityRationale:
            """
            Error: RFC 8839 §4.4.1.1.1 restarts ICE by changing both ufrag and password; changing only one leaves the \
            peer unsure whether ICE restarted, and checks fail authentication.
            """,
        summary: "Only one of ice-ufrag and ice-pwd changed.",
        explanation:
            """
            An ICE restart changes both the ufrag and the password (RFC 8839 §4.4.1.1.1); changing only one of \
            them leaves the peer unable to tell whether ICE restarted, and connectivity checks fail \
            authentication.
            """,
        reference: .rfc(8839, "4.4.1.1.1"), bad: "offer 2: new a=ice-ufrag, same a=ice-pwd",
        good: "offer 2: new a=ice-ufrag and new a=ice-pwd")

    public static let iceRestartNotAnswered = Rule(
        code: "OA609", name: "ice-restart-not-answered", severity: .error,
        severityRationale:
            """
            Error: RFC 8839 §4.4.2.1 requires the answerer to an ICE restart to send a new ufrag and password; with \
            the old ones the offerer's checks use stale keys.
            """,
        summary: "The answer to an ICE restart keeps the answerer's old credentials.",
        explanation:
            """
            When an offer restarts ICE, the answerer restarts too and MUST answer with a new ufrag and password \
            (RFC 8839 §4.4.2.1). Old credentials make the offerer's checks use stale keys.
            """,
        reference: .rfc(8839, "4.4.2.1"), bad: "offer 4: new credentials\nanswer 4: a=ice-ufrag:E9HJ (as in answer 3)",
        good: "answer 4: a=ice-ufrag:CJnI")

    public static let sequenceIncomplete = Rule(
        code: "OA610", name: "sequence-incomplete", severity: .info,
        severityRationale:
            """
            Note: An offer without an answer is simply still pending under RFC 3264 §4; nothing is wrong, but none of \
            its changes are in effect yet.
            """,
        summary: "A renegotiation sequence ends with an offer that has no answer.",
        explanation:
            """
            Descriptions of one session alternate offer and answer; an offer without an answer is still pending, \
            and nothing it proposes is in effect yet (RFC 3264 §4).
            """,
        reference: .rfc(3264, "4"), bad: "offer 1, answer 1, offer 2", good: "offer 1, answer 1, offer 2, answer 2")

    /// Every rule, in code order.
    public static let all: [Rule] = [
        unreadableDescription, sectionCountMismatch, mediaTypeMismatch, transportProtocolMismatch, sectionDeclined,
        rejectedSectionAccepted, midMismatch, answerIsOffer, inputHasErrors, sharedOrigin,
        directionNotAllowed,
        mediaFlowReduced, duplicateMid, answerWithoutGrouping, answerMidMissing, rejectedSectionMidMismatch,
        transportKindMismatch,
        noCommonCodec, codecAddedByAnswer, payloadTypeConflict, payloadTypeRemapped, codecParametersIncompatible,
        h264LevelExceedsOffer, rtxAssociationInvalid, redundancyInvalid, rtpmapMissing, codecFallback,
        telephoneEventRate, bundlePayloadTypeReuse, opusRTPMap,
        iceCredentialsMissing, iceLiteBoth, trickleOneSided, iceNotNegotiated, fingerprintMissing, fingerprintHash,
        dtlsSetupOffer, dtlsSetupAnswer, bundleTransportDiffers, bundleMidAdded, bundleSectionRemoved,
        bundleOnlyNotBundled, bundleTagChanged, bundleContainsRejected, cryptoMismatch,
        feedbackAddedByAnswer, feedbackLost, extmapAddedByAnswer, extmapIDChanged, extmapIDCollision,
        extmapAllowMixedAdded, rtcpMuxMismatch, bundleRequiresRTCPMux, rtcpRsizeAdded, simulcastDirection,
        simulcastRIDUnknown, ridPayloadTypeUnknown, simulcastNotNegotiated, ssrcGroupInconsistent,
        msidInconsistent, ssrcCollision, extmapIDReassigned,
        sctpPortMissing, sctpFormMismatch, maxMessageSizeAbsent, dataChannelFormat,
        originChanged, versionNotIncremented, sectionsRemovedOrReordered, midChanged, recycledWithoutNewMid,
        payloadTypeRebound, dtlsRoleChanged, iceRestart, iceRestartPartial, iceRestartNotAnswered,
        sequenceIncomplete,
    ]

    /// The rule with this code.
}

extension OfferAnswerRules: RuleSet {
    public static let title = "Offer/answer negotiation (RFC 3264, JSEP, RFC 9143, RFC 8842; sdplint diff)"
}
