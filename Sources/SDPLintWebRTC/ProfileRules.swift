public import SDPLintDiagnostics

/// The rules receiver profiles add (`--profile`). Each explanation names its source.
public enum ProfileRules {
    public static let sdesOnly = Rule(
        code: "PRF101", name: "libwebrtc-sdes-only", severity: .error,
        severityRationale:
            """
            Error: Chrome removed SDES key exchange in version 98 and Safari's libwebrtc never enabled it, so a \
            section with a=crypto and no a=fingerprint cannot be set up with these browsers.
            """,
        summary: "A section offers only SDES keys, which libwebrtc browsers no longer accept.",
        explanation:
            """
            Chrome removed SDES key exchange in version 98 (chromestatus.com/feature/5695324321480704); Safari's \
            libwebrtc never enabled it. A section with a=crypto and no a=fingerprint cannot be set up with them.
            """,
        reference: .rfc(8827, "6.5"), bad: "a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:…",
        good: "a=fingerprint:sha-256 …\na=setup:actpass")

    public static let withoutDTLS = Rule(
        code: "PRF104", name: "libwebrtc-dtls-required", severity: .error,
        severityRationale:
            """
            Error: Chromium 156 refuses an offer whose media sections have no DTLS fingerprint ("Called with SDP \
            without DTLS fingerprint"), measured with the plain RTP offers of the corpus and of RFC 3264 and 4317.
            """,
        summary: "A section has neither a DTLS fingerprint nor SDES keys; libwebrtc accepts only DTLS-SRTP.",
        explanation:
            """
            WebRTC secures media with DTLS-SRTP (RFC 8827 §6.5); libwebrtc refuses a description with a section \
            that has no a=fingerprint, as plain RTP offers from SIP endpoints (RTP/AVP) have. A gateway has to \
            terminate the media or offer DTLS-SRTP.
            """,
        reference: .rfc(8827, "6.5"), bad: "m=audio 49170 RTP/AVP 0 (no a=fingerprint)",
        good: "m=audio 9 UDP/TLS/RTP/SAVPF 111\na=fingerprint:sha-256 …")

    public static let withoutICE = Rule(
        code: "PRF105", name: "libwebrtc-ice-required", severity: .error,
        severityRationale:
            """
            Error: Chromium 156 refuses a description with no ICE credentials at all ("Called with SDP without \
            ice-ufrag and ice-pwd"), measured with baresip's DTLS-SRTP INVITE offer of the corpus, so the call \
            cannot start.
            """,
        summary: "The description has no a=ice-ufrag and a=ice-pwd; libwebrtc connects only through ICE.",
        explanation:
            """
            WebRTC always uses ICE (RFC 8829 §3.5.1), and libwebrtc refuses a remote description that gives it \
            no ICE credentials. SIP endpoints that do DTLS-SRTP without ICE (baresip without its ice module, \
            older gateways) need ICE switched on, or a media server in between. When some sections have \
            credentials and others do not, WEB101 reports the ones without.
            """,
        reference: .rfc(8839, "5.4"), bad: "m=audio 10000 UDP/TLS/RTP/SAVP 0 (no a=ice-ufrag, a=ice-pwd)",
        good: "a=ice-ufrag:F7gI\na=ice-pwd:x9cml/YzichV2+XlhiMu8g")

    public static let candidatePriorityBeyond32Bits = Rule(
        code: "PRF106", name: "libwebrtc-candidate-priority-32-bit", severity: .error,
        severityRationale:
            """
            Error: Chromium 156 refuses a description with a candidate priority of 2^32 or more ("Failed to parse \
            SessionDescription. a=candidate…"), measured in Conformance/, so the offer fails.
            """,
        summary: "A candidate's priority does not fit 32 bits; libwebrtc refuses the description.",
        explanation:
            """
            RFC 8445 §5.1.2 gives priorities from 1 to 2^31-1 (ICE107 reports any other). libwebrtc reads the \
            field as a 32-bit number: it accepts a priority of 0 (measured), and refuses the whole description \
            over one that does not fit.
            """,
        reference: .rfc(8839, "5.1"), bad: "a=candidate:1 1 udp 4294967296 192.0.2.1 9 typ host",
        good: "a=candidate:1 1 udp 2122260223 192.0.2.1 9 typ host")

    public static let feedbackForUndeclaredPayloadType = Rule(
        code: "PRF102", name: "libwebrtc-undeclared-feedback", severity: .error,
        severityRationale:
            """
            Error: Chromium refuses an offer whose rtcp-fb lines name payload types missing from the m= line, as \
            observed with the Firefox codec-only captures in the corpus, so negotiation fails.
            """,
        summary: "An rtcp-fb line names a payload type the m= line does not list; libwebrtc refuses the offer.",
        explanation:
            """
            Firefox keeps rtcp-fb lines for payload types that setCodecPreferences removed; Chromium refuses such \
            an offer (observed in Fixtures/corpus/firefox/codec-*-only, see Fixtures/corpus/CORPUS-README.md).
            """,
        reference: .rfc(4585, "4.2"), bad: "m=video 9 UDP/TLS/RTP/SAVPF 98\na=rtcp-fb:120 nack",
        good: "drop rtcp-fb lines of removed codecs")

    public static let bundledSectionWithoutRTCPMux = Rule(
        code: "PRF103", name: "libwebrtc-rtcp-mux-every-bundled-section", severity: .error,
        severityRationale:
            """
            Error: Chromium 156 refuses such a description ("rtcp-mux must be enabled when BUNDLE is enabled"), \
            measured with the second offers of RFC 8829 §7.2 and §7.3, so negotiation fails.
            """,
        summary: "A bundled RTP section leaves a=rtcp-mux to its group's tagged section; libwebrtc refuses that.",
        explanation:
            """
            RFC 9143 §7.1.3 and §9.3.1 let the sections that share the tagged section's transport leave rtcp-mux \
            out, as the answers and second offers of RFC 8829 §7 do. libwebrtc requires a=rtcp-mux in every \
            bundled RTP section and refuses the description otherwise (measured with headless Chromium 156).
            """,
        reference: .rfc(9143, "7.1.3"), bad: "a=group:BUNDLE a v\nm=video 9 … (shares the port, no a=rtcp-mux)",
        good: "a=rtcp-mux in every bundled RTP section")

    public static let aiortcICERequired = Rule(
        code: "PRF701", name: "aiortc-ice-required", severity: .error,
        severityRationale:
            """
            Error: aiortc 1.16 refuses a description with a section that has no ICE credentials at either level \
            ("ICE username fragment or password is missing"), measured in Conformance/ (726 of its refusals).
            """,
        summary: "A section has no a=ice-ufrag or a=ice-pwd; aiortc needs both for every section.",
        explanation:
            """
            aiortc gives every section an ICE transport of its own unless bundled, and reads its credentials from \
            the section or the session level; a section without them stops setRemoteDescription. SIP endpoints \
            that do not use ICE (most of them) cannot talk to aiortc directly.
            """,
        reference: .rfc(8839, "5.4"), bad: "m=audio 10000 RTP/AVP 0 (no a=ice-ufrag, a=ice-pwd)",
        good: "a=ice-ufrag:F7gI\na=ice-pwd:x9cml/YzichV2+XlhiMu8g")

    public static let aiortcRTCPMuxRequired = Rule(
        code: "PRF702", name: "aiortc-rtcp-mux-required", severity: .error,
        severityRationale:
            """
            Error: aiortc 1.16 refuses an audio or video section without a=rtcp-mux ("RTCP mux is not enabled"), \
            measured in Conformance/.
            """,
        summary: "An audio or video section has no a=rtcp-mux; aiortc sends RTCP only on the RTP port.",
        explanation:
            """
            RFC 8829 §5.1.1 has WebRTC endpoints multiplex RTP and RTCP (RFC 5761); aiortc implements nothing \
            else and refuses a section that does not offer it.
            """,
        reference: .rfc(8829, "5.1.1"), bad: "m=audio 9 UDP/TLS/RTP/SAVPF 111 (no a=rtcp-mux)", good: "a=rtcp-mux")

    public static let janusNeedsBundleAndMux = Rule(
        code: "PRF201", name: "janus-bundle-rtcp-mux", severity: .error,
        severityRationale:
            """
            Error: Janus allocates one transport per PeerConnection and assumes BUNDLE and rtcp-mux on every section \
            (janus-gateway#1113), so a section outside that has no transport of its own there.
            """,
        summary: "A section is not bundled with rtcp-mux, which Janus assumes.",
        explanation:
            """
            Since 2017 Janus allocates one transport per PeerConnection and assumes BUNDLE and rtcp-mux on every \
            section (meetecho/janus-gateway#1113).
            """,
        reference: .rfc(9143, "9.1"), bad: "m=video … (not in a=group:BUNDLE)",
        good: "a=group:BUNDLE 0 1 and a=rtcp-mux in each section")

    public static let janusSimulcastLayers = Rule(
        code: "PRF202", name: "janus-simulcast-layers", severity: .warning,
        severityRationale:
            """
            Warning: Janus handles simulcast as three substreams (janus-gateway#944) and ignores further ones; the \
            session works, but the extra streams are sent for nothing.
            """,
        summary: "More than three simulcast streams are sent to Janus.",
        explanation:
            """
            Janus handles simulcast as three substreams (0–2) (meetecho/janus-gateway#944); further streams are \
            ignored.
            """,
        reference: .rfc(8853, "5.1"), bad: "a=simulcast:send q;h;f;x", good: "a=simulcast:send q;h;f")

    public static let sofiaDropsSendrecv = Rule(
        code: "PRF301", name: "sofia-drops-sendrecv", severity: .info,
        severityRationale:
            """
            Note: a=sendrecv is the default direction, so losing it in the sofia-sip round trip leaves most peers \
            unaffected; this matters mainly when comparing captures.
            """,
        summary: "sofia-sip (FreeSWITCH) drops the default a=sendrecv when it writes SDP back.",
        explanation:
            """
            Measured with ../shared/bench/anchors (sofia-sip sdp_parse/sdp_print round trip): a=sendrecv lines are \
            not reproduced. The direction is the default, so most peers are unaffected; peers that look for an \
            explicit direction see none.
            """,
        reference: .rfc(8866, "6.7"), bad: "a=sendrecv (lost on the way through)",
        good: "nothing to change; be aware when comparing captures")

    /// Firefox ESR's own rules (its SIPCC parser and JSEP checks), each measured with
    /// `Conformance/run.py`.
    public static let firefoxRTCPMux = Rule(
        code: "PRF601", name: "firefox-rtcp-mux-required", severity: .error,
        severityRationale:
            """
            Error: Firefox ESR 153 refuses the description ("m-section at level N is missing a=rtcp-mux, which is \
            required by rtcpMuxPolicy"), measured in Conformance/.
            """,
        summary: "An RTP section has no a=rtcp-mux; Firefox requires it in every RTP section.",
        explanation:
            """
            Firefox's RTCPeerConnection uses the rtcpMuxPolicy "require" and refuses a remote description with \
            an RTP section that does not offer rtcp-mux (RFC 8829 §4.1.1), bundled or not.
            """,
        reference: .rfc(8829, "4.1.1"), bad: "m=audio 9 UDP/TLS/RTP/SAVPF 111 (no a=rtcp-mux)", good: "a=rtcp-mux")

    public static let firefoxTransportEverySection = Rule(
        code: "PRF602", name: "firefox-transport-every-section", severity: .error,
        severityRationale:
            """
            Error: Firefox ESR 153 refuses the description ("no ice-ufrag attribute at level N", "no fingerprint \
            attribute at level N", "no setup attribute at level N"), measured in Conformance/.
            """,
        summary:
            "A section leaves ICE credentials, fingerprint or setup to its BUNDLE tag; Firefox wants them in each.",
        explanation:
            """
            RFC 9143 §7.1.3 lets a section that shares its BUNDLE tag's transport leave the transport attributes \
            out; Firefox requires a=ice-ufrag, a=ice-pwd, a=fingerprint and a=setup at every level that is not \
            rejected, unless they are at the session level.
            """,
        reference: .rfc(9143, "7.1.3"), bad: "m=video 9 … (bundled, no a=ice-ufrag)",
        good: "a=ice-ufrag, a=ice-pwd, a=fingerprint and a=setup in every section")

    public static let firefoxConnectionHostName = Rule(
        code: "PRF603", name: "firefox-connection-hostname", severity: .error,
        severityRationale:
            """
            Error: Firefox ESR 153's SIPCC parser refuses a c= address that is a host name ("Error parsing \
            address … for mcast"), measured in Conformance/ with the examples of RFC 3264 and 4317.
            """,
        summary: "A c= line names a host instead of an IP address; Firefox's parser refuses it.",
        explanation:
            """
            RFC 8866 §5.7 allows a fully qualified domain name in c=, as SIP examples use; Firefox's SIPCC parser \
            reads only IP literals there and refuses the description.
            """,
        reference: .rfc(8866, "5.7"), bad: "c=IN IP4 host.atlanta.example.com", good: "c=IN IP4 192.0.2.1")

    public static let firefoxExtensionIDRange = Rule(
        code: "PRF604", name: "firefox-extension-id-range", severity: .error,
        severityRationale:
            """
            Error: Firefox ESR 153 refuses an extension id above 14 ("invalid extension id … unsupported until \
            2-byte rtp header extensions are supported"), measured in Conformance/.
            """,
        summary: "A header extension id is above 14; Firefox supports only the one-byte form's ids.",
        explanation:
            """
            Ids 1–14 fit the one-byte header extension form and 1–255 the two-byte form (RFC 8285 §4); Firefox \
            supports only the one-byte form and refuses a description that maps a higher id.
            """,
        reference: .rfc(8285, "4"), bad: "a=extmap:15 urn:ietf:params:rtp-hdrext:sdes:mid",
        good: "a=extmap:4 urn:ietf:params:rtp-hdrext:sdes:mid")

    public static let firefoxDuplicateExtensionID = Rule(
        code: "PRF605", name: "firefox-duplicate-extension-id", severity: .error,
        severityRationale:
            """
            Error: Firefox ESR 153 refuses the description ("Description contains duplicate extension id"), \
            measured in Conformance/.
            """,
        summary: "A section maps one header extension id twice; Firefox refuses that even for the same URI.",
        explanation:
            """
            RFC 8285 §5 gives each extension of a section its own id; repeating a line maps the id twice. \
            Chromium takes the first mapping; Firefox refuses the description.
            """,
        reference: .rfc(8285, "5"), bad: "a=extmap:2 urn:ietf:params:rtp-hdrext:toffset (twice)",
        good: "each a=extmap id once per section")

    public static let firefoxSetupHoldconn = Rule(
        code: "PRF606", name: "firefox-setup-holdconn", severity: .error,
        severityRationale:
            """
            Error: Firefox ESR 153 refuses the description ("illegal setup attribute \"holdconn\""), measured in \
            Conformance/; Chromium accepts it.
            """,
        summary: "A section offers a=setup:holdconn; Firefox refuses that role.",
        explanation:
            """
            RFC 4145 §4 defines holdconn for a connection not set up yet; RFC 8842 §5 leaves WebRTC the \
            active, passive and actpass roles. Firefox refuses holdconn outright; WEB104 also reports it in an \
            offer, where actpass belongs.
            """,
        reference: .rfc(8842, "5"), bad: "a=setup:holdconn", good: "a=setup:actpass")

    public static let firefoxNoSupportedFingerprint = Rule(
        code: "PRF607", name: "firefox-no-supported-fingerprint", severity: .error,
        severityRationale:
            """
            Error: Firefox ESR 153 refuses a section whose fingerprints all use a hash it does not support ("no \
            supported fingerprint algorithms present at level 0"), measured in Conformance/.
            """,
        summary: "None of a section's fingerprints uses a hash function Firefox supports.",
        explanation:
            """
            Firefox checks the DTLS certificate with sha-1, sha-224, sha-256, sha-384 or sha-512. A section \
            whose fingerprints (its own, or the session's when it has none) all name another function cannot be \
            checked, and Firefox refuses the description; a second fingerprint with sha-256 is enough.
            """,
        reference: .rfc(8122, "5"), bad: "a=fingerprint:sha-999 8E:B8:…", good: "a=fingerprint:sha-256 8E:B8:…")

    public static let aiortcSetupHoldconn = Rule(
        code: "PRF703", name: "aiortc-setup-holdconn", severity: .error,
        severityRationale:
            """
            Error: aiortc 1.16 fails on a=setup:holdconn (KeyError: 'holdconn'), measured in Conformance/.
            """,
        summary: "A section offers a=setup:holdconn; aiortc knows only active, passive and actpass.",
        explanation:
            """
            RFC 4145 §4 defines holdconn, but RFC 8842 §5 leaves WebRTC the active, passive and actpass roles, \
            and aiortc's reader maps only those three; the description is refused.
            """,
        reference: .rfc(8842, "5"), bad: "a=setup:holdconn", good: "a=setup:actpass")

    /// Limits of pjproject as Asterisk builds it.
    public static let asterisk: [Rule] = limitRules(
        prefix: "PRF4", product: "Asterisk", limits: (132, 64, 16, 32, 4),
        source:
            """
            Asterisk builds pjproject with PJMEDIA_MAX_SDP_ATTR 132, PJMEDIA_MAX_SDP_FMT 64, PJMEDIA_MAX_SDP_MEDIA \
            16, PJ_ICE_MAX_CAND 32 and PJMEDIA_MAX_SDP_BANDW 4 (third-party/pjproject/patches/config_site.h)
            """
    )

    /// Limits of stock pjproject.
    public static let pjsip: [Rule] = limitRules(
        prefix: "PRF5", product: "pjproject", limits: (68, 32, 16, 16, 4),
        source:
            """
            pjproject's defaults: PJMEDIA_MAX_SDP_ATTR 68, PJMEDIA_MAX_SDP_FMT 32, PJMEDIA_MAX_SDP_MEDIA 16 \
            (pjmedia/config.h), PJ_ICE_MAX_CAND 16 (pjnath/config.h), PJMEDIA_MAX_SDP_BANDW 4
            """
    )

    private static func limitRules(
        prefix: String, product: String, limits: (Int, Int, Int, Int, Int), source: String
    ) -> [Rule] {
        let slug = product.lowercased()
        return [
            Rule(
                code: Rule.Code(rawValue: prefix + "01"), name: "\(slug)-too-many-attributes", severity: .error,
                severityRationale:
                    """
                    Error: pjmedia keeps attributes in a fixed array and silently drops those past its size, so later \
                    lines such as candidates, ssrc or the fingerprint are lost to the receiver.
                    """,
                summary: "A media section has more attributes than \(product) keeps (\(limits.0)).",
                explanation:
                    """
                    pjmedia stores attributes in a fixed array and silently drops the ones past its size, so later \
                    lines (often candidates, ssrc or fingerprint) are lost. \(source).
                    """,
                reference: .rfc(8866, "5.13"), bad: "a Chrome video section of 120 attributes",
                good: "offer fewer codecs (setCodecPreferences)"),
            Rule(
                code: Rule.Code(rawValue: prefix + "02"), name: "\(slug)-too-many-formats", severity: .error,
                severityRationale:
                    """
                    Error: pjmedia keeps a fixed number of formats per m= line and rejects or truncates a longer line, \
                    so the receiver refuses the description or loses codecs.
                    """,
                summary: "An m= line lists more formats than \(product) keeps (\(limits.1)).",
                explanation:
                    """
                    pjmedia keeps a fixed number of formats per m= line and rejects or truncates longer lines. \
                    \(source).
                    """,
                reference: .rfc(8866, "5.14"), bad: "m=video 9 UDP/TLS/RTP/SAVPF (40 payload types)",
                good: "offer fewer codecs"),
            Rule(
                code: Rule.Code(rawValue: prefix + "03"), name: "\(slug)-too-many-sections", severity: .error,
                severityRationale:
                    """
                    Error: pjmedia stores media sections in a fixed array, so the receiver cannot hold a description \
                    with more sections than that array has room for.
                    """,
                summary: "The description has more media sections than \(product) keeps (\(limits.2)).",
                explanation: "pjmedia stores media sections in a fixed array. \(source).",
                reference: .rfc(8866, "5.14"), bad: "20 m= sections", good: "at most \(limits.2)"),
            Rule(
                code: Rule.Code(rawValue: prefix + "04"), name: "\(slug)-too-many-candidates", severity: .warning,
                severityRationale:
                    """
                    Warning: pjnath keeps a fixed number of candidates per ICE session and ignores the rest; the call \
                    can still connect unless the one working pair was among those ignored.
                    """,
                summary: "A section has more ICE candidates than \(product) handles (\(limits.3)).",
                explanation:
                    """
                    pjnath keeps a fixed number of candidates per ICE session; the rest are ignored, which can \
                    hide the one pair that works. \(source).
                    """,
                reference: .rfc(8445, "5.1.3"), bad: "40 a=candidate lines", good: "gather fewer interfaces"),
            Rule(
                code: Rule.Code(rawValue: prefix + "05"), name: "\(slug)-too-many-bandwidths", severity: .warning,
                severityRationale:
                    """
                    Warning: pjmedia keeps only a fixed number of b= lines per section; the extra bandwidth lines are \
                    lost, but the session itself can still be set up.
                    """,
                summary: "A section has more b= lines than \(product) keeps (\(limits.4)).",
                explanation: "pjmedia keeps a fixed number of bandwidth lines per section. \(source).",
                reference: .rfc(8866, "5.8"), bad: "five b= lines", good: "at most \(limits.4)"),
        ]
    }

    /// Every profile rule.
    public static let all: [Rule] =
        [
            sdesOnly, feedbackForUndeclaredPayloadType, bundledSectionWithoutRTCPMux, withoutDTLS, withoutICE,
            candidatePriorityBeyond32Bits, janusNeedsBundleAndMux,
            janusSimulcastLayers, sofiaDropsSendrecv,
        ]
        + asterisk + pjsip
        + [
            firefoxRTCPMux, firefoxTransportEverySection, firefoxConnectionHostName, firefoxExtensionIDRange,
            firefoxDuplicateExtensionID, firefoxSetupHoldconn, firefoxNoSupportedFingerprint,
        ]
        + [aiortcICERequired, aiortcRTCPMuxRequired, aiortcSetupHoldconn]
}

extension ProfileRules: RuleSet {
    public static let title = "Receiver profiles (only with --profile)"
}
