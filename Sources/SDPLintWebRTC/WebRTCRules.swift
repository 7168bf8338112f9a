public import SDPLintDiagnostics

/// Checks of one description against what WebRTC endpoints (JSEP, RFC 8829/9429) require and
/// what libwebrtc, Firefox and the SFUs are known to reject: the rules `sdplint` adds on top of
/// the SDP grammar. Codes `WEB1xx`.
public enum WebRTCRules {
    public static let iceCredentialsMissing = Rule(
        code: "WEB101", name: "ice-credentials-missing", severity: .error,
        severityRationale:
            """
            Error: RFC 8839 §5.4 requires ice-ufrag and ice-pwd; without them no connectivity check can be \
            authenticated, ICE cannot complete, and browsers reject the description.
            """,
        summary: "A WebRTC media section has no ice-ufrag or ice-pwd.",
        explanation:
            """
            ICE connectivity checks are authenticated with the ufrag and password of each side; JSEP puts them in \
            every m= section (or at the session level). Without them the remote agent cannot form a single STUN \
            check and the call never connects. Browsers reject such a description outright.
            """,
        reference: .rfc(8839, "5.4"), bad: "m=audio 9 UDP/TLS/RTP/SAVPF 111 (no a=ice-ufrag/a=ice-pwd)",
        good: "a=ice-ufrag:l1kr\na=ice-pwd:nwuzNh3fvkMhTwk0JlHniAWT")

    public static let fingerprintMissing = Rule(
        code: "WEB102", name: "fingerprint-missing", severity: .error,
        severityRationale:
            """
            Error: RFC 8842 §5 checks the peer's DTLS certificate against the signalled fingerprint; without one the \
            handshake cannot be verified, and browsers refuse the description.
            """,
        summary: "A DTLS media section has no a=fingerprint.",
        explanation:
            """
            DTLS-SRTP and data channels authenticate the peer's certificate against the fingerprint signalled in \
            SDP; without one the DTLS handshake cannot be verified and browsers refuse the description.
            """,
        reference: .rfc(8842, "5"), bad: "m=video 9 UDP/TLS/RTP/SAVPF 96 (no a=fingerprint)",
        good: "a=fingerprint:sha-256 8E:B8:…")

    public static let setupMissing = Rule(
        code: "WEB103", name: "setup-missing", severity: .warning,
        severityRationale:
            """
            Warning: RFC 8842 §5.2 requires a=setup in offers and answers, but without it the answerer can still guess \
            a DTLS role, so the session may connect; a wrong guess stalls the handshake.
            """,
        summary: "A DTLS media section has no a=setup.",
        explanation:
            """
            a=setup decides which side sends the DTLS ClientHello. Without it the answerer must guess; RFC 8842 \
            requires the attribute in offers and answers.
            """,
        reference: .rfc(8842, "5.2"), bad: "(no a=setup)", good: "a=setup:actpass")

    public static let offerSetupNotActpass = Rule(
        code: "WEB104", name: "offer-setup-not-actpass", severity: .warning,
        severityRationale:
            """
            Warning: RFC 8842 §5.2 and JSEP §5.2.1 want the offer to leave the DTLS role to the answerer; a forced \
            role still works with answerers that accept it and fails with those that want the other.
            """,
        summary: "An offer's a=setup is not actpass.",
        explanation:
            """
            The offerer must let the answerer choose the DTLS role (RFC 8842 §5.2, JSEP §5.2.1); an offer with \
            active or passive forces it and fails against answerers that want the other role.
            """,
        reference: .rfc(8842, "5.2"), bad: "a=setup:active (in an offer)", good: "a=setup:actpass")

    public static let answerSetupActpass = Rule(
        code: "WEB105", name: "answer-setup-actpass", severity: .error,
        severityRationale:
            """
            Error: RFC 8842 §5.3 makes the answerer choose active or passive; with actpass in the answer both sides \
            wait for the other to start DTLS, so the call cannot connect.
            """,
        summary: "An answer's a=setup is actpass.",
        explanation:
            """
            The answerer must choose: active (it opens the DTLS connection) or passive. An answer with actpass \
            leaves both sides waiting (RFC 8842 §5.3).
            """,
        reference: .rfc(8842, "5.3"), bad: "a=setup:actpass (in an answer)", good: "a=setup:active")

    public static let midMissingWithBundle = Rule(
        code: "WEB106", name: "mid-missing-with-bundle", severity: .error,
        severityRationale:
            """
            Error: BUNDLE routes RTP by mid (RFC 9143 §7.2) and JSEP requires a mid in every section; a section \
            without one cannot join the group, so its media cannot be delivered.
            """,
        summary: "a=group:BUNDLE is used but a media section has no a=mid.",
        explanation:
            """
            BUNDLE routes RTP to sections by their mid; a section without one cannot be part of a group, and JSEP \
            requires a mid in every section.
            """,
        reference: .rfc(9143, "7.2"), bad: "a=group:BUNDLE 0 1 … m=video … (no a=mid)", good: "a=mid:1")

    public static let ssrcInTwoSections = Rule(
        code: "WEB107", name: "ssrc-in-two-sections", severity: .error,
        severityRationale:
            """
            Error: under BUNDLE all sections share one RTP session (RFC 9143 §9.1), so a repeated SSRC makes \
            demultiplexing ambiguous and receivers drop one of the streams.
            """,
        summary: "The same SSRC is declared in two media sections.",
        explanation:
            """
            An SSRC identifies one RTP stream in an RTP session; with BUNDLE all sections share one session, so a \
            repeated SSRC makes demultiplexing ambiguous and receivers drop one of the streams.
            """,
        reference: .rfc(9143, "9.1"), bad: "a=ssrc:1234 cname:x in two m= sections", good: "distinct SSRCs per section")

    public static let rtcpMuxOnlyWithoutRTCPMux = Rule(
        code: "WEB108", name: "rtcp-mux-only-without-rtcp-mux", severity: .error,
        severityRationale:
            """
            Error: RFC 8858 §4 requires a=rtcp-mux beside rtcp-mux-only; an answerer that does not know rtcp-mux-only \
            sees no offer to multiplex, while the offerer insists on it, so RTCP cannot flow.
            """,
        summary: "a=rtcp-mux-only appears without a=rtcp-mux.",
        explanation:
            """
            rtcp-mux-only says RTCP must be multiplexed; RFC 8858 requires a=rtcp-mux beside it so that older \
            answerers understand the offer.
            """,
        reference: .rfc(8858, "4"), bad: "a=rtcp-mux-only", good: "a=rtcp-mux\na=rtcp-mux-only")

    public static let msidUnknownStream = Rule(
        code: "WEB109", name: "msid-unknown-stream", severity: .warning,
        severityRationale:
            """
            Warning: the msid is valid on its own, but older Chromium versions and some SFUs build streams from the \
            WMS list and would leave this track outside any stream.
            """,
        summary: "a=msid names a stream that a=msid-semantic:WMS does not list.",
        explanation:
            """
            Older Chromium versions and some SFUs build MediaStreams from the WMS list; a track whose stream is \
            missing there ends up in no stream on their side.
            """,
        reference: Reference("draft-ietf-mmusic-msid-01", section: "3"), bad: "a=msid-semantic: WMS a\na=msid:b track",
        good: "a=msid-semantic: WMS a b")

    public static let payloadTypeRTCPConflict = Rule(
        code: "WEB110", name: "payload-type-rtcp-conflict", severity: .warning, strictSeverity: .error,
        severityRationale:
            """
            Warning: with rtcp-mux, RFC 5761 §4 keeps payload types 64 to 95 free because their packets look like RTCP \
            types 192 to 223; a receiver telling them apart by that byte can misroute the media. RFC 8843's own \
            examples use 66 beside rtcp-mux, and GStreamer and aiortc (outside 72–76) take it; Chromium and \
            Firefox refuse it (their profiles).
            """,
        summary: "A payload type in 64–95 is used with rtcp-mux.",
        explanation:
            """
            With RTP and RTCP on one port the receiver tells them apart by the second byte: payload types 64–95 \
            look like RTCP packet types 192–223 (72–76 are exactly SR, RR, SDES, BYE and APP). Use 96–127, or \
            35–63 when the dynamic range is exhausted.
            """,
        reference: .rfc(5761, "4"), bad: "m=video 9 UDP/TLS/RTP/SAVPF 72\na=rtcp-mux",
        good: "m=video 9 UDP/TLS/RTP/SAVPF 96\na=rtcp-mux")

    public static let payloadTypeOutsideDynamicRange = Rule(
        code: "WEB111", name: "payload-type-outside-dynamic-range", severity: .info,
        severityRationale:
            """
            Note: RFC 3551 §3 lets 35 to 63 serve as dynamic payload types once 96 to 127 are used up, as Chromium now \
            does, so the mapping is valid; this flags older SIP gear and SFUs that mishandle it.
            """,
        summary: "A dynamically bound codec uses a payload type below 96.",
        explanation:
            """
            RFC 3551 reserves 96–127 for dynamic payload types and lets 35–63 be used only when those run out, as \
            Chromium now does. Older SIP gear and some SFUs reject or mis-route such payload types.
            """,
        reference: .rfc(3551, "3"), bad: "a=rtpmap:63 red/48000/2", good: "a=rtpmap:100 red/48000/2")

    public static let planB = Rule(
        code: "WEB112", name: "plan-b", severity: .warning,
        severityRationale:
            """
            Warning: JSEP (RFC 8829 §5.2.1) allows one track per media section; a Plan B section is still set, but \
            current browsers drop its extra tracks, so they are never received.
            """,
        summary: "A media section carries more than one track (legacy Plan B).",
        explanation:
            """
            Unified Plan (JSEP, RFC 8829) puts one track per m= section. Several msid values, or SSRCs of \
            different tracks, in one section are Plan B, which Chromium removed in M93; current browsers drop the \
            extra tracks.
            """,
        reference: .rfc(8829, "5.2.1"), bad: "a=ssrc:1 msid:s t1\na=ssrc:2 msid:s t2 (one section)",
        good: "one m= section per track")

    public static let bundleWithoutRTCPMux = Rule(
        code: "WEB113", name: "bundle-without-rtcp-mux", severity: .error,
        severityRationale:
            """
            Error: bundled RTP sections share one transport, so RFC 9143 §9.3 requires rtcp-mux on them, and libwebrtc \
            rejects a description without it.
            """,
        summary: "A section in a BUNDLE group does not offer rtcp-mux.",
        explanation:
            """
            A BUNDLE group shares one transport, so RTCP must share it too; RFC 9143 requires rtcp-mux for bundled \
            RTP sections and libwebrtc rejects a description without it.
            """,
        reference: .rfc(9143, "9.3"), bad: "a=group:BUNDLE 0\nm=audio … (no a=rtcp-mux)", good: "a=rtcp-mux")

    public static let midTooLong = Rule(
        code: "WEB114", name: "mid-too-long", severity: .warning,
        severityRationale:
            """
            Warning: a long mid is valid SDP, but the one-byte sdes:mid header extension holds only 16 bytes (RFC 8285 \
            §4.2), so BUNDLE demultiplexing fails with receivers that accept only that form.
            """,
        summary: "A mid is longer than 16 bytes.",
        explanation:
            """
            The mid travels in the RTP sdes:mid header extension, whose one-byte form holds at most 16 bytes (RFC \
            8285 §4.2); a longer mid cannot be sent there and BUNDLE demultiplexing fails with receivers that only \
            accept the one-byte form.
            """,
        reference: .rfc(9143, "15.1"), bad: "a=mid:audio-main-camera-0001", good: "a=mid:0")

    public static let rejectedSectionInBundle = Rule(
        code: "WEB116", name: "rejected-section-in-bundle", severity: .error,
        severityRationale:
            """
            Error: RFC 9143 §7.3.3 does not allow a rejected port 0 section in a BUNDLE group unless a=bundle-only \
            marks it as bundled, so the group as written is invalid.
            """,
        summary: "A BUNDLE group lists a section whose port is 0 without bundle-only.",
        explanation:
            """
            A rejected (port 0) section must not be in a BUNDLE group (RFC 9143 §7.3.3); a port 0 section that is \
            meant to be bundled must carry a=bundle-only.
            """,
        reference: .rfc(9143, "7.3"), bad: "a=group:BUNDLE 0 1\nm=video 0 … a=mid:1",
        good: "a=group:BUNDLE 0 (and m=video 0 outside the group)")

    public static let rtcpCandidateWithMuxOnly = Rule(
        code: "WEB117", name: "rtcp-candidate-with-mux-only", severity: .warning,
        severityRationale:
            """
            Warning: with rtcp-mux-only only component 1 exists (RFC 8858 §5.1.1); component 2 candidates do not stop \
            the call, but they waste connectivity checks and confuse some agents.
            """,
        summary: "A section with rtcp-mux-only has component 2 (RTCP) candidates.",
        explanation:
            """
            With RTCP multiplexed on the RTP port only component 1 exists (RFC 8858 §5.1.1); component 2 \
            candidates waste connectivity checks and confuse some agents.
            """,
        reference: .rfc(8858, "5.1"), bad: "a=rtcp-mux-only\na=candidate:1 2 udp …", good: "component 1 candidates only"
    )

    public static let dataChannelIncomplete = Rule(
        code: "WEB118", name: "data-channel-incomplete", severity: .warning,
        severityRationale:
            """
            Warning: RFC 8841 expects a=sctp-port (§5) and a=max-message-size (§6) in a data channel section; without \
            the size the peer assumes 64 KB, so the channel can still be set up.
            """,
        summary: "A data channel section lacks its SCTP port or message size.",
        explanation:
            """
            An UDP/DTLS/SCTP section needs a=sctp-port (RFC 8841 §5) and should carry a=max-message-size (§6; \
            without it the peer assumes 64 KB); the legacy DTLS/SCTP form needs a=sctpmap instead.
            """,
        reference: .rfc(8841, "5"), bad: "m=application 9 UDP/DTLS/SCTP webrtc-datachannel (no a=sctp-port)",
        good: "a=sctp-port:5000\na=max-message-size:262144")

    public static let weakFingerprintHash = Rule(
        code: "WEB119", name: "weak-fingerprint-hash", severity: .warning,
        severityRationale:
            """
            Warning: RFC 8122 §5 asks for SHA-256 or stronger in new fingerprints, and browsers no longer accept \
            certificates identified by a weaker hash.
            """,
        summary: "A fingerprint uses SHA-1, MD5 or MD2.",
        explanation:
            """
            RFC 8122 §5 requires at least SHA-256 for new fingerprints; browsers no longer accept certificates \
            identified by weaker hashes.
            """,
        reference: .rfc(8122, "5"), bad: "a=fingerprint:sha-1 …", good: "a=fingerprint:sha-256 …")

    public static let candidateUfragMismatch = Rule(
        code: "WEB120", name: "candidate-ufrag-mismatch", severity: .warning,
        severityRationale:
            """
            Warning: a ufrag that differs from a=ice-ufrag marks the candidate as belonging to another ICE generation \
            (RFC 8838 §11); the session goes on, but the candidate is ignored or misapplied after a restart.
            """,
        summary: "A candidate's ufrag extension differs from the section's ice-ufrag.",
        explanation:
            """
            The ufrag extension attribute names the ICE generation a candidate belongs to; one that differs from \
            the section's a=ice-ufrag is from another (older) generation and is ignored or misapplied after an ICE \
            restart.
            """,
        reference: .rfc(8838, "11"), bad: "a=ice-ufrag:abcd\na=candidate:… ufrag wxyz", good: "a=candidate:… ufrag abcd"
    )

    public static let duplicateCandidate = Rule(
        code: "WEB121", name: "duplicate-candidate", severity: .warning,
        severityRationale:
            """
            Warning: a repeated candidate is redundant under RFC 8445 §5.1.3; the call works, but each duplicate \
            doubles the connectivity checks for nothing.
            """,
        summary: "The same candidate appears twice in a section.",
        explanation:
            """
            Candidates with the same component, transport, address and port are redundant (RFC 8445 §5.1.3); they \
            double the connectivity checks for nothing.
            """,
        reference: .rfc(8445, "5.1.3"), bad: "the same a=candidate line twice", good: "each candidate once")

    public static let hostCandidatesOnly = Rule(
        code: "WEB122", name: "host-candidates-only", severity: .info,
        severityRationale:
            """
            Note: host-only candidates are valid (RFC 8445 §5.1.1) and connect peers that can reach each other \
            directly; this only points out that calls across NATs need STUN or TURN servers.
            """,
        summary: "The gathered candidates are all host candidates.",
        explanation:
            """
            Without server-reflexive (STUN) or relayed (TURN) candidates, a peer behind a NAT can only be reached \
            if the other side can reach it directly. Configure STUN and TURN servers for calls beyond one network.
            """,
        reference: .rfc(8445, "5.1.1"), bad: "only typ host candidates", good: "typ host, srflx and relay candidates")

    public static let noRelayCandidate = Rule(
        code: "WEB123", name: "no-relay-candidate", severity: .info,
        severityRationale:
            """
            Note: a description without a relay candidate is valid and works wherever no relay is needed; this only \
            points out that restrictive firewalls and symmetric NATs need a TURN relay (RFC 8656 §2).
            """,
        summary: "No relay (TURN) candidate was gathered.",
        explanation:
            """
            Restrictive firewalls and symmetric NATs on both sides can only be crossed through a TURN relay; \
            without one those calls fail.
            """,
        reference: .rfc(8656, "2"), bad: "host and srflx candidates only", good: "a typ relay candidate as well")

    public static let tcpCandidatesOnly = Rule(
        code: "WEB124", name: "tcp-candidates-only", severity: .warning,
        severityRationale:
            """
            Warning: ICE-TCP (RFC 6544) is standard, but TCP media suffers head-of-line blocking, and agents such as \
            aiortc and older SIP gear do not support ICE-TCP, so they find no usable candidate.
            """,
        summary: "A section has only TCP candidates.",
        explanation:
            """
            Media over TCP suffers head-of-line blocking and many ICE agents (aiortc, older SIP gear) do not \
            support ICE-TCP (RFC 6544) at all.
            """,
        reference: .rfc(6544, "1"), bad: "only tcptype candidates", good: "UDP candidates too")

    public static let rtcpCandidateInMuxedAnswer = Rule(
        code: "WEB125", name: "rtcp-candidate-in-muxed-answer", severity: .warning,
        severityRationale:
            """
            Warning: once the answer accepts rtcp-mux the RTCP component is unused (RFC 5761 §5.1.3); the call works, \
            but its candidates add checks that can never be nominated.
            """,
        summary: "An answer that accepts rtcp-mux still gives component 2 (RTCP) candidates.",
        explanation:
            """
            Once the answer accepts a=rtcp-mux, RTCP shares the RTP port and the RTCP component is never used (RFC \
            5761 §5.1.3); its candidates only add connectivity checks that can never be nominated.
            """,
        reference: .rfc(5761, "5.1.3"), bad: "a=rtcp-mux\na=candidate:1 2 udp …",
        good: "a=rtcp-mux\na=candidate:1 1 udp … (component 1 only)")

    public static let unreachableAddressesOnly = Rule(
        code: "WEB126", name: "unreachable-addresses-only", severity: .warning,
        severityRationale:
            """
            Warning: loopback and link-local addresses are valid candidates (RFC 8445 §5.1.1.1), so the description \
            works on one machine, as in a test, but no peer elsewhere can reach it.
            """,
        summary: "Every candidate address is loopback or link-local: no other host can reach it.",
        explanation:
            """
            127.0.0.0/8, ::1, 169.254.0.0/16 and fe80::/10 are valid only on this host or this link (RFC 1122, RFC \
            3927, RFC 4291). Such a description works between two programs on one machine — as in a test — and \
            nowhere else.
            """,
        reference: .rfc(8445, "5.1.1.1"), bad: "a=candidate:1 1 udp 2122260223 127.0.0.1 56198 typ host",
        good: "host candidates on the machine's LAN address, plus srflx and relay")

    public static let mdnsCandidatesOnly = Rule(
        code: "WEB127", name: "mdns-candidates-only", severity: .info,
        severityRationale:
            """
            Note: .local names are how browsers hide host addresses, so the candidates are valid; this points out that \
            peers unable to resolve them depend on peer-reflexive discovery.
            """,
        summary: "Every candidate address is an mDNS .local name.",
        explanation:
            """
            Browsers hide host addresses behind random .local names (draft-ietf-mmusic-mdns-ice-candidates). Peers \
            that cannot resolve them — SIP gateways, many SFUs, anything off the local link — can use none of \
            these candidates; with no srflx or relay candidate the call depends on peer-reflexive discovery.
            """,
        reference: Reference("draft-ietf-mmusic-mdns-ice-candidates", section: "3.1"),
        bad: "a=candidate:1 1 udp 2122260223 4f0c…e2.local 56198 typ host (only)",
        good: "srflx and relay candidates beside the .local ones")

    public static let all: [Rule] = [
        iceCredentialsMissing, fingerprintMissing, setupMissing, offerSetupNotActpass, answerSetupActpass,
        midMissingWithBundle, ssrcInTwoSections, rtcpMuxOnlyWithoutRTCPMux, msidUnknownStream,
        payloadTypeRTCPConflict, payloadTypeOutsideDynamicRange, planB, bundleWithoutRTCPMux, midTooLong,
        rejectedSectionInBundle, rtcpCandidateWithMuxOnly, dataChannelIncomplete,
        weakFingerprintHash, candidateUfragMismatch, duplicateCandidate, hostCandidatesOnly, noRelayCandidate,
        tcpCandidatesOnly, rtcpCandidateInMuxedAnswer, unreachableAddressesOnly, mdnsCandidatesOnly,
    ]
}

extension WebRTCRules: RuleSet {
    public static let title = "WebRTC requirements (JSEP, RFC 8829/9429, and what browsers reject)"
}
