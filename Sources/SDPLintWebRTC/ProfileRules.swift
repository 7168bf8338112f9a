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
            terminate the media or offer DTLS-SRTP. A bundled section may leave its fingerprint to its group, but \
            libwebrtc reads only a=group:BUNDLE written in capitals as one.
            """,
        reference: .rfc(8827, "6.5"), bad: "m=audio 49170 RTP/AVP 0 (no a=fingerprint)",
        good: "m=audio 9 UDP/TLS/RTP/SAVPF 111\na=fingerprint:sha-256 …")

    public static let withoutICE = Rule(
        code: "PRF105", name: "libwebrtc-ice-required", severity: .error,
        severityRationale:
            """
            Error: Chromium 156 refuses a description with a section in use that has no ICE credentials ("Called \
            with SDP without ice-ufrag and ice-pwd", "Invalid ICE parameters: ICE ufrag must be between 4 and \
            256 characters long"), measured with baresip's DTLS-SRTP INVITE offer and in Conformance/.
            """,
        summary: "A section in use has no a=ice-ufrag or a=ice-pwd; libwebrtc checks every section's.",
        explanation:
            """
            WebRTC always uses ICE (RFC 8829 §3.5.1). libwebrtc reads the credentials of every section that is \
            not rejected, a bundled or bundle-only one too, from the section or the session level, and refuses \
            the description when one has none. SIP endpoints that do DTLS-SRTP without ICE (baresip without its \
            ice module, older gateways) need ICE switched on, or a media server in between.
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
        summary: "A candidate's priority is not decimal digits that fit 32 bits; libwebrtc refuses the description.",
        explanation:
            """
            RFC 8445 §5.1.2 gives priorities from 1 to 2^31-1 (ICE107 reports any other), written in 1 to 10 \
            digits (RFC 8839 §5.1, ICE106). libwebrtc reads the field as a 32-bit number of decimal digits: it \
            accepts a priority of 0 and leading zeros past ten digits (measured), and refuses the whole \
            description over a sign, a letter or a number that does not fit ("Invalid priority").
            """,
        reference: .rfc(8839, "5.1"), bad: "a=candidate:1 1 udp 4294967296 192.0.2.1 9 typ host",
        good: "a=candidate:1 1 udp 2122260223 192.0.2.1 9 typ host")

    public static let codecWithoutRTPMap = Rule(
        code: "PRF102", name: "libwebrtc-codec-without-rtpmap", severity: .error,
        severityRationale:
            """
            Error: Chromium 156 refuses the description ("Failed to parse codecs correctly"), measured in \
            Conformance/ with every rtpmap line removed from the corpus (89 refused; the 10 accepted had no \
            fmtp or rtcp-fb line for the type), so negotiation fails.
            """,
        summary:
            "An fmtp or rtcp-fb line names a payload type that has no a=rtpmap on the m= line; libwebrtc refuses it.",
        explanation:
            """
            libwebrtc makes a codec of every payload type that an a=fmtp or a=rtcp-fb line names, and takes its \
            name from the a=rtpmap of a type the m= line lists (or from RFC 3551 for a static one). A codec left \
            without a name fails the whole description. Firefox keeps rtcp-fb lines for the payload types \
            setCodecPreferences removed (Fixtures/corpus/firefox/codec-*-only), and editing an rtpmap away \
            leaves its fmtp behind. A dynamic type with no line at all is ignored (SDP302 reports it).
            """,
        reference: .rfc(8866, "6.6"), bad: "m=video 9 UDP/TLS/RTP/SAVPF 98\na=rtcp-fb:120 nack",
        good: "drop the fmtp and rtcp-fb lines of removed codecs")

    public static let unresolvedMid = Rule(
        code: "PRF107", name: "libwebrtc-mid-unresolved", severity: .error,
        severityRationale:
            """
            Error: Chromium 156 refuses the description ("A BUNDLE group contains a MID='…' matching no m= \
            section", "Duplicate a=mid value"), measured in Conformance/; where its own numbering resolves a \
            missing mid it accepts the offer (30 cases).
            """,
        summary:
            "After libwebrtc numbers the sections without a=mid, a BUNDLE mid matches no section or a mid repeats.",
        explanation:
            """
            RFC 9143 §7.2 has every mid a BUNDLE group names identify a section. A fresh libwebrtc peer first \
            gives each section without a=mid (or with an empty one) a mid of its own, "0", "1", … in order, \
            and then checks: a BUNDLE mid that still names no section, or a number another section already \
            uses as its mid, fails the description. So removing a=mid from the second of sections 0, 1, 2 \
            fails ("0" is taken), while removing it from the first passes. Of several a=mid lines in a section \
            it reads the last, so a second one naming another section's mid fails too. WEB106 and SDP309 report \
            the standard's view.
            """,
        reference: .rfc(9143, "7.2"), bad: "a=group:BUNDLE 0 1\nm=audio … a=mid:0\nm=video … (no a=mid)",
        good: "a=mid in every section, matching the group")

    public static let ssrcStreams = Rule(
        code: "PRF108", name: "libwebrtc-ssrc-streams", severity: .error,
        severityRationale:
            """
            Error: Chromium 156 refuses the description ("Media section has more than one track specified with \
            a=ssrc lines", "Failed to add remote stream ssrc: …"), measured in Conformance/ (34 cases, none of \
            them accepted).
            """,
        summary: "A section's a=ssrc lines do not make the one stream libwebrtc receives per section.",
        explanation:
            """
            libwebrtc builds one stream per track from a section's a=ssrc lines (the track comes from a=msid, or \
            from each SSRC's msid when no section has a=msid), adds each ssrc-group to the stream of its first \
            SSRC, and then refuses: a second track in one section (Plan B, RFC 8843 §9.2 has one per section), \
            an audio stream with more than one SSRC, and in video an FID, FEC-FR or SIM group whose first SSRC is \
            declared and another is not (RFC 5576 §4.2: SDP307), and a second group of one semantics for the same \
            first SSRC.
            """,
        reference: .rfc(5576, "4.2"), bad: "a=ssrc-group:FID 1 2\na=ssrc:1 cname:x (no a=ssrc:2 line)",
        good: "a=ssrc lines for every SSRC of the group, one track per section")

    public static let answerFingerprintLength = Rule(
        code: "PRF109", name: "libwebrtc-answer-fingerprint-length", severity: .error,
        severityRationale:
            """
            Error: Chromium 156 refuses an answer to its offer whose fingerprint digest does not have its hash \
            function's length ("Failed to apply the description for m= section …"), measured in Conformance/; \
            it takes the same in an offer and fails the DTLS handshake later.
            """,
        summary: "In an answer, a fingerprint digest has the wrong length for its hash; libwebrtc refuses it.",
        explanation:
            """
            RFC 8122 §5 gives the fingerprint as the digest of the hash function it names: 20 bytes for sha-1, \
            32 for sha-256, 64 for sha-512. libwebrtc sets up the DTLS transport when it applies an answer and \
            refuses one whose digest cannot be that hash's; SDP236 reports the length in any description.
            """,
        reference: .rfc(8122, "5"), bad: "a=fingerprint:sha-512 AB:CD:… (32 bytes)",
        good: "a=fingerprint:sha-256 AB:CD:… (32 bytes)")

    public static let answerNotApplicable = Rule(
        code: "PRF110", name: "libwebrtc-answer-not-applicable", severity: .error,
        severityRationale:
            """
            Error: Chromium 156 refuses such an answer to its offer ("Answerer must use either active or passive \
            value for setup attribute", "RTCP-MUX is not enabled when it is required", "The m= section with \
            mid='1' should be rejected"), measured in Conformance/.
            """,
        summary: "An answer's transport libwebrtc cannot set up: its DTLS role, its rtcp-mux, a rejected BUNDLE tag.",
        explanation:
            """
            When libwebrtc applies an answer it sets up a transport for each section with one of its own \
            (outside BUNDLE, or its group's first). RFC 8842 §5.3 has the \
            answerer say active or passive, and libwebrtc refuses actpass and holdconn (it takes a missing \
            a=setup as active, RFC 4145 §4); Chromium's peer connections require rtcp-mux (RTCRtcpMuxPolicy \
            "require"); rejecting the section that carries a BUNDLE group's transport needs the sections that \
            share it rejected too (RFC 9143 §7.3.3). It does not read the transport of the sections that share \
            their group's.
            """,
        reference: .rfc(8842, "5.3"), bad: "an answer with a=setup:actpass, or m=audio 0 … tagging a BUNDLE group",
        good: "a=setup:active and a=rtcp-mux in the answer's first bundled section")

    public static let iceCredentials = Rule(
        code: "PRF111", name: "libwebrtc-ice-credentials", severity: .error,
        severityRationale:
            """
            Error: Chromium 156 refuses the description ("Invalid ICE parameters: ICE ufrag must be between 4 and \
            256 characters long"), measured in Conformance/.
            """,
        summary: "An ICE ufrag or password that libwebrtc reads is not 4 (22) to 256 ice-chars; it refuses it.",
        explanation:
            """
            RFC 8839 §5.4 gives the ufrag 4 to 256 ice-chars and the password 22 to 256 (ICE120 and ICE121). \
            libwebrtc checks them in every section of an offer, and in an answer where a transport is set up: \
            a section outside BUNDLE or a group's first. It ignores the credentials of an answer's sections \
            that share their group's transport.
            """,
        reference: .rfc(8839, "5.4"), bad: "a=ice-ufrag:ab", good: "a=ice-ufrag:8hhY")

    public static let sessionFingerprintTwice = Rule(
        code: "PRF112", name: "libwebrtc-session-fingerprint-twice", severity: .error,
        severityRationale:
            """
            Error: Chromium 156 refuses the description ("Can't have multiple fingerprint attributes at the same \
            level."), measured in Conformance/.
            """,
        summary: "Two a=fingerprint lines at the session level; libwebrtc refuses the description.",
        explanation:
            """
            RFC 8122 §5 lets a description carry several fingerprints, one per hash function. libwebrtc keeps \
            one per section (the last) and refuses a second one at the session level.
            """,
        reference: .rfc(8122, "5"), bad: "two session-level a=fingerprint lines",
        good: "one session-level a=fingerprint, or one per section")

    public static let illegalMid = Rule(
        code: "PRF113", name: "libwebrtc-mid-illegal-character", severity: .error,
        severityRationale:
            """
            Error: Chromium 156 refuses the description ("Illegal character found in the value of mid"), measured \
            in Conformance/.
            """,
        summary: "An a=mid value has a character outside token; libwebrtc refuses the description.",
        explanation:
            """
            RFC 5888 §4 makes the identification-tag a token (SDP214). libwebrtc reads an empty a=mid as none and \
            gives the section a mid of its own (PRF107 follows that numbering), but refuses a value with a \
            character outside token, such as a space.
            """,
        reference: .rfc(5888, "4"), bad: "a=mid:a b", good: "a=mid:a-b")

    public static let unknownProtocol = Rule(
        code: "PRF114", name: "libwebrtc-unknown-type", severity: .error,
        severityRationale:
            """
            Error: Chromium 156 refuses an audio or video section whose transport protocol has no "RTP/" in it, \
            and an unregistered or lower-case network or address type on a c= line, measured in Conformance/.
            """,
        summary: "A network type, address type or audio/video protocol that libwebrtc does not read; it refuses it.",
        explanation:
            """
            RFC 8866 §8.2 registers the network types, address types and transport protocols (SDP133), and its \
            grammar takes them in any case. libwebrtc reads c='s types in capitals only, and carries audio and \
            video over any protocol with "RTP/" in it (RTP/FOO is taken; udp, tcp and rtp/savpf are not). A \
            section other than audio and video it rejects in its answer unread (RFC 8829 §5.3.1).
            """,
        reference: .rfc(8866, "8.2"), bad: "m=video 9 udp 96", good: "m=video 9 UDP/TLS/RTP/SAVPF 96")

    public static let rtxWithoutCodec = Rule(
        code: "PRF115", name: "libwebrtc-rtx-without-codec", severity: .error,
        severityRationale:
            """
            Error: Chromium 156 refuses such a description ("Failed to set remote video description send \
            parameters"), measured in Conformance/ with offers and with answers to its offer.
            """,
        summary: "An RTX format repairs a payload type libwebrtc has no codec for; it refuses the description.",
        explanation:
            """
            RFC 4588 §8.6 has an RTX format name the payload type it repairs with apt. libwebrtc maps each RTX \
            format to its codec and refuses the section when there is none: in an answer, whatever the apt \
            names; in an offer, a payload type the m= line lists without an a=rtpmap (an apt naming a type the \
            m= line does not list is SDP308's, and passes).
            """,
        reference: .rfc(4588, "8.6"), bad: "m=video 9 … 96 97, a=rtpmap:97 rtx/90000, a=fmtp:97 apt=96, no a=rtpmap:96",
        good: "a=rtpmap:96 VP8/90000")

    public static let ssrcGroupSize = Rule(
        code: "PRF116", name: "libwebrtc-ssrc-group-size", severity: .error,
        severityRationale:
            """
            Error: Chromium 156 refuses the description ("has a ssrc-group with semantics FID and an unexpected \
            number of SSRCs", "a=ssrc-group:FID Expects at least 2 fields"), measured in Conformance/.
            """,
        summary:
            "An a=ssrc-group with no SSRC, an FID or FEC-FR group of other than two, or a SIM group of more than three; libwebrtc refuses it.",
        explanation:
            """
            RFC 5576 §4.2 lets a group list any number of SSRCs, but an FID group pairs a stream with its \
            retransmission (RFC 4588 §8.8) and an FEC-FR group with its repair stream (RFC 5956 §4.3): two \
            each. libwebrtc reads those groups as pairs and refuses any other count, a SIM group (its own \
            semantics for simulcast layers) of more than three SSRCs, and any group without an SSRC. It counts \
            a group when an a=ssrc line declares its first SSRC, in every section it reads, rejected ones too.
            """,
        reference: .rfc(5576, "4.2"), bad: "a=ssrc-group:FID 1111", good: "a=ssrc-group:FID 1111 2222")

    public static let sctpPortWithPortFormat = Rule(
        code: "PRF117", name: "libwebrtc-sctp-port-with-sctpmap-format", severity: .error,
        severityRationale:
            """
            Error: Chromium 156 refuses the description ("a=sctp-port:5000 sctp-port attribute can't be used \
            with sctpmap"), measured in Conformance/.
            """,
        summary:
            "A data channel m= line whose format is not webrtc-datachannel, with a=sctp-port; libwebrtc refuses it.",
        explanation:
            """
            RFC 8841 §4 writes the data channel section as `m=application 9 UDP/DTLS/SCTP webrtc-datachannel` \
            with a=sctp-port. The format of the older draft form (draft-ietf-mmusic-sctp-sdp-05, `DTLS/SCTP \
            5000`) is the SCTP port, described by a=sctpmap; libwebrtc reads any format but webrtc-datachannel, \
            spelled so, as that form and refuses a=sctp-port beside it (measured: WEBRTC-DATACHANNEL refused).
            """,
        reference: .rfc(8841, "4"), bad: "m=application 9 UDP/DTLS/SCTP 5000\na=sctp-port:5000",
        good: "m=application 9 UDP/DTLS/SCTP webrtc-datachannel\na=sctp-port:5000")

    public static let connectionAddressFamily = Rule(
        code: "PRF118", name: "libwebrtc-connection-address-family", severity: .error,
        severityRationale:
            """
            Error: Chromium 156 refuses a c= line whose address is of the other family ("Failed to parse the \
            connection data. The address type is mismatching"), at the session or the media level; it takes \
            such an o= line. Measured in Conformance/.
            """,
        summary: "A c= line with an IPv4 address under IP6 or an IPv6 address under IP4; libwebrtc refuses it.",
        explanation:
            """
            RFC 8866 §5.7 has the address type name the family of the connection address (SDP136). libwebrtc \
            parses the address and compares its family with the type; it does not read o='s address.
            """,
        reference: .rfc(8866, "5.7"), bad: "c=IN IP6 0.0.0.0", good: "c=IN IP4 0.0.0.0")

    public static let emptyAttributeLine = Rule(
        code: "PRF119", name: "libwebrtc-empty-attribute-line", severity: .error,
        severityRationale:
            """
            Error: Chromium 156 refuses the description ("a= Invalid SDP line"), measured in Conformance/; it \
            skips "a=:" and other lines whose name it cannot read.
            """,
        summary: "An a= line with nothing after the '='; libwebrtc refuses it.",
        explanation:
            """
            RFC 8866 §5.13 gives every attribute a name (SDP200). libwebrtc skips an attribute it does not \
            know, whatever its name, but refuses a line that ends at "a=".
            """,
        reference: .rfc(8866, "5.13"), bad: "a=", good: "a=sendrecv")

    public static let bandwidthValue = Rule(
        code: "PRF120", name: "libwebrtc-bandwidth-value", severity: .error,
        severityRationale:
            """
            Error: Chromium 156 refuses a b= line without ':' and a b=AS or b=TIAS whose value is not a number \
            ("b=AS:abc Invalid value"), measured in Conformance/; it ignores the value of other types.
            """,
        summary: "A b= line without ':', or b=AS or b=TIAS with a value that is not a number; libwebrtc refuses it.",
        explanation:
            """
            RFC 8866 §5.8 writes b=<bwtype>:<bandwidth>, a number of kilobits per second (SDP124). libwebrtc \
            reads AS and TIAS (RFC 3890), written in capitals, as signed 32-bit numbers of decimal digits after \
            the run of colons, and refuses those when their value is not one or is negative ("-0" it takes, "+0" \
            not); it skips other types, CT and "as" included, whatever their value.
            """,
        reference: .rfc(8866, "5.8"), bad: "b=AS:abc", good: "b=AS:500")

    public static let fieldsSplitAtEverySpace = Rule(
        code: "PRF121", name: "libwebrtc-fields-split-at-every-space", severity: .error,
        severityRationale:
            """
            Error: Chromium 156 refuses an o=, m=, a=rtpmap, a=fingerprint, a=candidate or a=ssrc-group line whose \
            fields are separated by more than one space ("Expects 2 fields", "Invalid value"), measured in \
            Conformance/; it takes other lines so written.
            """,
        summary: "Two spaces between fields of a line libwebrtc splits at each space; it refuses the line.",
        explanation:
            """
            RFC 8866 §5 separates fields with one space (SDP109, SDP231). libwebrtc splits these lines at every \
            space, so two in a row make an empty field, and a port, payload type or digest is read from the \
            wrong place.
            """,
        reference: .rfc(8866, "5"), bad: "a=fingerprint:sha-256  B1:B8:…", good: "a=fingerprint:sha-256 B1:B8:…")

    public static let lastLineWithoutEnding = Rule(
        code: "PRF122", name: "libwebrtc-last-line-without-ending", severity: .error,
        severityRationale:
            """
            Error: Chromium 156 refuses a description whose last line has no line ending, measured in \
            Conformance/; Firefox, aiortc and GStreamer take it.
            """,
        summary: "The last line has no line ending; libwebrtc refuses the description.",
        explanation:
            """
            RFC 8866 §5 ends every line, the last one included, with CRLF (SDP108). libwebrtc reads lines up \
            to their line feed and refuses a description that stops inside one.
            """,
        reference: .rfc(8866, "5"), bad: "…a=rtcp-mux (no CRLF at the end)", good: "…a=rtcp-mux\\r\\n")

    public static let timeLineOrder = Rule(
        code: "PRF148", name: "libwebrtc-time-line-order", severity: .error,
        severityRationale:
            """
            Error: Chromium 156 refuses the description ("Expects m line" for a t=, r= or z= line after z=, "r=7d 1h \
            0 25h Expect line: t=" for an r= or z= line before the first t=), measured in Conformance/; Firefox \
            takes both.
            """,
        summary:
            "A time line out of libwebrtc's order: an r= or z= before the first t=, or a t=, r= or z= after z=.",
        explanation:
            """
            RFC 4566 §5 puts one z= after every t= and r= line; RFC 8866 §9 gives each time description its \
            own z=, after its r= lines, so that a t= may follow a z=. libwebrtc reads the older order: a t= \
            first, its r= lines, then at most one z=, after which it expects k=, a= or m=. An r= or z= before \
            any t= is a time line out of place under either RFC (SDP126); libwebrtc refuses it too.
            """,
        reference: .rfc(8866, "5.11"), bad: "t=0 0, z=2882844526 -1h, t=0 0", good: "t=0 0, t=0 0, z=2882844526 -1h")

    public static let sessionLineTwice = Rule(
        code: "PRF149", name: "libwebrtc-session-line-twice", severity: .error,
        severityRationale:
            """
            Error: Chromium 156 refuses the description ("e=c@d Expect line: t=", "p=+2 Expect line: t="), \
            measured in Conformance/ with a second e= and a second p= line; Firefox takes them.
            """,
        summary: "A second e= or p= line; libwebrtc reads one of each and refuses another.",
        explanation:
            """
            RFC 8866 §5 lets a description give several e= and p= lines (e=* p=*). libwebrtc reads the session \
            lines one expected type after another, one e= and one p= among them, and then expects c=, b= or t=.
            """,
        reference: .rfc(8866, "5.6"), bad: "e=a@example.com, e=b@example.com", good: "one e= line")

    public static let attributeWithoutColon = Rule(
        code: "PRF150", name: "libwebrtc-attribute-without-colon", severity: .error,
        severityRationale:
            """
            Error: Chromium 156 refuses the description ("a=mid 0 Failed to get the value of attribute: mid"), \
            measured with a space for the colon and one before it for 18 attributes.
            """,
        summary: "An attribute libwebrtc reads is written with a space after its name instead of a colon.",
        explanation:
            """
            RFC 8866 §5.13 writes a value attribute "a=<name>:<value>". libwebrtc takes a line as an attribute when \
            its name is followed by a colon, a space or the end of the line; it then looks for the value after \
            a colon that ends the name, and refuses the description when there is none ("a=mid 0", "a=mid :0"). \
            A receiver that does not know the attribute skips such a line (SDP200).
            """,
        reference: .rfc(8866, "5.13"), bad: "a=mid 0", good: "a=mid:0")

    public static let fmtpFields = Rule(
        code: "PRF151", name: "libwebrtc-fmtp-fields", severity: .error,
        severityRationale:
            """
            Error: Chromium 156 refuses the description ("a=fmtp:111 Expects at least 2 fields", "fmtp:* Invalid \
            value"), measured in Conformance/ with the payload type alone, followed by a tab, '*' and words.
            """,
        summary: "An a=fmtp line with no space after its payload type, or a type that is not a number.",
        explanation:
            """
            RFC 8866 §6.15 writes a=fmtp:<format> <format specific parameters>. libwebrtc splits the value at the \
            first space and needs both fields and a payload type that is a whole number; the parameters may be \
            empty and it checks none of their \
            characters (measured: "a=fmtp:111 ", "a=fmtp:111 x" and "a=fmtp:111 =" taken), which is why SDP211 is \
            a warning under the profile.
            """,
        reference: .rfc(8866, "6.15"), bad: "a=fmtp:111", good: "a=fmtp:111 minptime=10")

    public static let portCount = Rule(
        code: "PRF123", name: "libwebrtc-port-count", severity: .error,
        severityRationale:
            """
            Error: Chromium 156 refuses an m= line with a number of ports (m=audio 9/2 …), measured in \
            Conformance/.
            """,
        summary: "An m= line's port carries a number of ports; libwebrtc refuses it.",
        explanation:
            """
            RFC 8866 §5.14 lets an m= line name several consecutive ports (<port>/<number of ports>) for \
            layered encodings. libwebrtc reads the port as one number and refuses the line.
            """,
        reference: .rfc(8866, "5.14"), bad: "m=audio 9/2 UDP/TLS/RTP/SAVPF 111", good: "m=audio 9 UDP/TLS/RTP/SAVPF 111"
    )

    public static let ssrcAttributeWithoutValue = Rule(
        code: "PRF124", name: "libwebrtc-ssrc-attribute-without-value", severity: .error,
        severityRationale:
            """
            Error: Chromium 156 refuses an a=ssrc line whose attribute has no value (a=ssrc:1 cname), measured in \
            Conformance/.
            """,
        summary: "An a=ssrc line names an attribute without ':' and a value; libwebrtc refuses it.",
        explanation:
            """
            RFC 5576 §4.1 writes a=ssrc:<ssrc-id> <attribute>[:<value>], so a property attribute is allowed, \
            but cname, msid and the others libwebrtc reads have values, and it refuses a line without one.
            """,
        reference: .rfc(5576, "4.1"), bad: "a=ssrc:1111 cname", good: "a=ssrc:1111 cname:4TOk42mSjXCkVIa6")

    public static let connectionSuffix = Rule(
        code: "PRF125", name: "libwebrtc-connection-suffix", severity: .error,
        severityRationale:
            """
            Error: Chromium 156 refuses a c= address with a '/' suffix (c=IN IP4 0.0.0.0/127), measured in \
            Conformance/; it takes a multicast address without one.
            """,
        summary: "A c= address with a TTL or a number of addresses; libwebrtc refuses it.",
        explanation:
            """
            RFC 8866 §5.7 gives IPv4 multicast addresses a TTL and multicast addresses a count (<address>/<ttl>\
            [/<number>]). libwebrtc reads the address as an IP address alone and refuses the suffix.
            """,
        reference: .rfc(8866, "5.7"), bad: "c=IN IP4 0.0.0.0/127", good: "c=IN IP4 0.0.0.0")

    public static let simulcastWithoutRIDExtension = Rule(
        code: "PRF126", name: "libwebrtc-simulcast-without-rid-extension", severity: .error,
        severityRationale:
            """
            Error: Chromium 156 refuses the offer ("negotiates simulcast but does not negotiate the RID RTP header \
            extension"), measured in Conformance/.
            """,
        summary: "A section with a=simulcast but no a=extmap for the RtpStreamId extension; libwebrtc refuses it.",
        explanation:
            """
            RFC 8853 §5.1 tells simulcast streams apart by their rid, which RTP packets carry in the RtpStreamId \
            header extension (RFC 8852 §3.1). libwebrtc refuses a section that negotiates simulcast without \
            mapping urn:ietf:params:rtp-hdrext:sdes:rtp-stream-id. It first drops the simulcast streams that no \
            a=rid line of the section declares in the same direction; a=simulcast with none left is not checked.
            """,
        reference: .rfc(8853, "5.1"), bad: "a=simulcast:send h;l without the rtp-stream-id extmap",
        good: "a=extmap:10 urn:ietf:params:rtp-hdrext:sdes:rtp-stream-id")

    public static let staticPayloadTypeConflict = Rule(
        code: "PRF127", name: "libwebrtc-static-payload-type-conflict", severity: .error,
        severityRationale:
            """
            Error: Chromium 156 refuses the description ("Duplicate statically assigned payload type with \
            conflicting codec name or clock rate"), measured in Conformance/ for each audio payload type 0–18.
            """,
        summary: "An audio a=rtpmap that names another encoding for a static payload type 0–18; libwebrtc refuses it.",
        explanation:
            """
            RFC 3551 §6 assigns the payload types 0–34 fixed encodings, and an a=rtpmap for one should repeat it \
            (SDP304). libwebrtc gives each listed audio type 0–18 its RFC 3551 encoding first (1 and 2 are \
            reserved) and refuses an a=rtpmap that names another; it compares names without case and takes \
            another clock rate.
            """,
        reference: .rfc(3551, "6"), bad: "a=rtpmap:0 PCMA/8000", good: "a=rtpmap:8 PCMA/8000")

    public static let extmapAtBothLevels = Rule(
        code: "PRF128", name: "libwebrtc-extmap-at-both-levels", severity: .error,
        severityRationale:
            """
            Error: Chromium 156 refuses the description ("The a=extmap MUST be either all session level or all \
            media level"), measured in Conformance/.
            """,
        summary: "a=extmap lines at the session level and in a media section; libwebrtc refuses them.",
        explanation:
            """
            RFC 8285 §5 keeps a description's a=extmap lines at one level (SDP320). libwebrtc reads the \
            session's mappings for every section and refuses a description that also maps extensions in an audio \
            or video section.
            """,
        reference: .rfc(8285, "5"), bad: "a=extmap:1 … at the session level and a=extmap:2 … in a section",
        good: "every a=extmap in the media sections")

    public static let candidateKeywordCase = Rule(
        code: "PRF129", name: "libwebrtc-candidate-keyword-case", severity: .error,
        severityRationale:
            """
            Error: Chromium 156 refuses the description ("Expect at least 8 fields", "Unsupported candidate \
            type"), measured in Conformance/.
            """,
        summary: "An a=candidate line with 'typ' or its candidate type not in lower case; libwebrtc refuses it.",
        explanation:
            """
            RFC 8839 §5.1 writes "typ" and the types host, srflx, prflx and relay as ABNF strings, which match in \
            any case (RFC 5234 §2.3), and Firefox reads them so. libwebrtc finds them as written in lower case. \
            Of the extensions after them it reads generation as a 32-bit and network-id and network-cost as \
            16-bit numbers of decimal digits ("+1" is none), and refuses the line over any other value.
            """,
        reference: .rfc(8839, "5.1"), bad: "a=candidate:1 1 UDP 2122260223 192.0.2.1 9 typ HOST",
        good: "a=candidate:1 1 UDP 2122260223 192.0.2.1 9 typ host")

    public static let candidateTransport = Rule(
        code: "PRF144", name: "libwebrtc-candidate-transport", severity: .error,
        severityRationale:
            """
            Error: Chromium 156 refuses the description ("Unsupported transport type", "Missing fingerprint \
            extension for TLS candidate"), measured in Conformance/.
            """,
        summary: "An a=candidate line whose transport is not UDP, TCP or SSLTCP; libwebrtc refuses it.",
        explanation:
            """
            RFC 8839 §5.1 lets the transport be any token and RFC 6544 adds TCP; ICE205 warns of any other. \
            libwebrtc reads udp, tcp and its own ssltcp, in any case, and refuses any other transport, tls \
            included unless the line carries a fingerprint extension.
            """,
        reference: .rfc(8839, "5.1"), bad: "a=candidate:1 1 dccp 2122260223 192.0.2.1 9 typ host",
        good: "a=candidate:1 1 udp 2122260223 192.0.2.1 9 typ host")

    public static let candidateTCPType = Rule(
        code: "PRF145", name: "libwebrtc-candidate-tcptype", severity: .error,
        severityRationale:
            """
            Error: Chromium 156 refuses the description ("Invalid TCP candidate type", "Invalid non-TCP \
            candidate"), measured in Conformance/.
            """,
        summary: "A tcptype right after the candidate type that libwebrtc cannot take.",
        explanation:
            """
            RFC 6544 §4.5 gives a TCP candidate a tcptype of active, passive or so (ICE117, ICE203). libwebrtc \
            reads a tcptype that follows the type (and raddr and rport) at once: it takes active, passive and \
            so as written in lower case, and on a TCP or SSLTCP candidate only. Further on the line it reads \
            tcptype as an extension it does not know, and skips it.
            """,
        reference: .rfc(6544, "4.5"), bad: "a=candidate:1 1 tcp 2122260223 192.0.2.1 9 typ host tcptype ACTIVE",
        good: "a=candidate:1 1 tcp 2122260223 192.0.2.1 9 typ host tcptype active")

    public static let ssrcGroupDuplicate = Rule(
        code: "PRF146", name: "libwebrtc-ssrc-group-duplicate", severity: .error,
        severityRationale:
            """
            Error: Chromium 156 refuses the description ("Duplicate SSRC in ssrc-group"), measured in \
            Conformance/.
            """,
        summary: "An a=ssrc-group that names one SSRC twice; libwebrtc refuses it.",
        explanation:
            """
            RFC 5576 §4.2's grammar lets a group list any SSRCs, but each names a stream of its own: an FID \
            group pairs a stream with its retransmission (RFC 4588 §8.8), which has another SSRC. libwebrtc \
            refuses a group that names an SSRC twice, in any section.
            """,
        reference: .rfc(5576, "4.2"), bad: "a=ssrc-group:FID 1111 1111", good: "a=ssrc-group:FID 1111 2222")

    public static let candidateComponent = Rule(
        code: "PRF147", name: "libwebrtc-candidate-component", severity: .error,
        severityRationale:
            """
            Error: Chromium 156 refuses the description ("Failed to parse SessionDescription. a=candidate…"), \
            measured in Conformance/ with "x", "+1", "5x", "1.0", "0x1" and 2^31.
            """,
        summary: "A candidate's component id is not a decimal number that fits 32 bits; libwebrtc refuses it.",
        explanation:
            """
            RFC 8839 §5.1 writes the component id in 1 to 5 digits, and RFC 8445 §5.1.2 numbers components \
            from 1 (ICE104 reports any other). libwebrtc reads the field as a signed 32-bit number of decimal \
            digits: it takes 0, 256, "-0" and leading zeros, and refuses the whole description over a sign \
            other than '-', a letter, a point or a number that does not fit.
            """,
        reference: .rfc(8839, "5.1"), bad: "a=candidate:1 x udp 2122260223 192.0.2.1 9 typ host",
        good: "a=candidate:1 1 udp 2122260223 192.0.2.1 9 typ host")

    public static let candidatePort = Rule(
        code: "PRF152", name: "libwebrtc-candidate-port", severity: .error,
        severityRationale:
            """
            Error: Chromium 156 refuses the description ("Failed to parse SessionDescription. a=candidate… \
            Invalid port"), measured in Conformance/ with 70000, "+1", "x" and an rport of 70000.
            """,
        summary: "A candidate's port or rport that libwebrtc does not read as a number from 0 to 65535.",
        explanation:
            """
            RFC 8839 §5.1 writes a port in 1 to 5 digits, up to 65535 (ICE109). libwebrtc reads the port, and \
            an rport right after the type and raddr, as a signed number of decimal digits: it takes "-0" and \
            leading zeros, and refuses the whole description over a sign other than '-', a letter, or a \
            number outside 0–65535.
            """,
        reference: .rfc(8839, "5.1"), bad: "a=candidate:1 1 udp 2122260223 192.0.2.1 70000 typ host",
        good: "a=candidate:1 1 udp 2122260223 192.0.2.1 7000 typ host")

    public static let candidateFields = Rule(
        code: "PRF153", name: "libwebrtc-candidate-fields", severity: .error,
        severityRationale:
            """
            Error: Chromium 156 refuses the description ("Failed to parse SessionDescription. a=candidate… \
            Expect at least 8 fields"), measured in Conformance/.
            """,
        summary: "An a=candidate line that libwebrtc does not split into eight fields with 'typ' the seventh.",
        explanation:
            """
            RFC 8839 §5.1 gives a candidate a foundation, a component, a transport, a priority, an address, a \
            port, "typ" and a type (ICE102 reports a line without "typ"). libwebrtc splits the value at every \
            space, empty fields kept, and needs "typ", as written, in the seventh field: it takes an empty \
            foundation or address that the grammar's looser reading cannot place, and refuses a line short of \
            fields or with "typ" elsewhere.
            """,
        reference: .rfc(8839, "5.1"), bad: "a=candidate:1 1 udp 2122260223 192.0.2.1 9 host",
        good: "a=candidate:1 1 udp 2122260223 192.0.2.1 9 typ host")

    public static let fingerprintHashMD = Rule(
        code: "PRF130", name: "libwebrtc-fingerprint-md-hash", severity: .error,
        severityRationale:
            """
            Error: Chromium 156 refuses the description ("Failed to create fingerprint from the digest"), \
            measured in Conformance/ with md5.
            """,
        summary: "A fingerprint with the md5 or md2 hash function; libwebrtc refuses it.",
        explanation:
            """
            RFC 8122 §5 registers md5 and md2 beside the SHA family, and RFC 8827 §6.5 asks for SHA-256 in WebRTC \
            (WEB119 warns of the weak ones). libwebrtc builds fingerprints with the SHA family only and refuses \
            the others; Firefox takes md5.
            """,
        reference: .rfc(8122, "5"), bad: "a=fingerprint:md5 AB:…", good: "a=fingerprint:sha-256 AB:…")

    public static let spaceAfterEquals = Rule(
        code: "PRF131", name: "libwebrtc-space-after-equals", severity: .error,
        severityRationale:
            """
            Error: Chromium 156 refuses the description ("v= 0 Expect line: v=", "c= IN IP4 0.0.0.0 Invalid SDP \
            line"), measured with v=, o=, i=, u=, c=, b=, t= and m= lines.
            """,
        summary: "A line other than s= has a space right after its '='; libwebrtc refuses it.",
        explanation:
            """
            RFC 8866 §5 forbids white space on either side of the '='; §5.3 makes one exception, "s= " for a \
            session without a name. libwebrtc reads every other line with that rule, before it looks at the \
            value. PRF119 reports a= lines.
            """,
        reference: .rfc(8866, "5"), bad: "t= 0 0", good: "t=0 0")

    public static let msidFields = Rule(
        code: "PRF132", name: "libwebrtc-msid-fields", severity: .error,
        severityRationale:
            """
            Error: Chromium 156 refuses the description ("Expected a stream ID and optionally a track ID", \
            "Missing track ID in msid attribute."), measured in Conformance/.
            """,
        summary: "An a=msid line libwebrtc cannot split into a stream and an optional track.",
        explanation:
            """
            RFC 8830 §2 writes a=msid:<id> [<appdata>], each a token of up to 64 characters (SDP215). libwebrtc \
            checks neither the characters nor the length; it splits "msid:" and the value at runs of spaces and \
            refuses more than two fields, a single field followed by a space, and an empty stream id.
            """,
        reference: .rfc(8830, "2"), bad: "a=msid:stream track extra", good: "a=msid:stream track")

    public static let feedbackFields = Rule(
        code: "PRF133", name: "libwebrtc-rtcp-fb-fields", severity: .error,
        severityRationale:
            """
            Error: Chromium 156 refuses the description when a=rtcp-fb has no second field or a payload type that \
            is neither '*' nor a number, measured in Conformance/.
            """,
        summary: "An a=rtcp-fb line without a feedback type, or with a payload type libwebrtc cannot read.",
        explanation:
            """
            RFC 4585 §4.2 writes a=rtcp-fb:<pt> <type> [<parameter>], with tokens for the type (SDP212). libwebrtc \
            splits the value at each space and needs a payload type, '*' or a number, and a second field, which \
            may be empty; it does not check the characters of the type.
            """,
        reference: .rfc(4585, "4.2"), bad: "a=rtcp-fb:96", good: "a=rtcp-fb:96 nack")

    public static let unknownSessionLine = Rule(
        code: "PRF134", name: "libwebrtc-unknown-session-line", severity: .error,
        severityRationale:
            """
            Error: Chromium 156 refuses the description ("d=foo Expect line: o=", "d=foo Expects m line."), \
            measured in Conformance/; in a media section it skips such a line.
            """,
        summary: "A line of a type SDP does not define among the session lines; libwebrtc refuses it.",
        explanation:
            """
            RFC 8866 §5 lets a parser ignore or refuse a description with a type it does not know (SDP106). \
            libwebrtc reads the session lines one expected type after another and refuses one it does not expect; \
            after the first m= line it skips lines it does not know.
            """,
        reference: .rfc(8866, "5"), bad: "d=foo before the first m= line", good: "no such line")

    public static let firstLineNotVersion = Rule(
        code: "PRF156", name: "libwebrtc-first-line-not-version", severity: .error,
        severityRationale:
            """
            Error: Chromium 156 refuses the description ("o=- … Expect line: v="), measured in Conformance/ with the \
            v= line moved into a media section; it takes v=1 (SDP102 stays a warning for that).
            """,
        summary: "The description's first line is not a v= line; libwebrtc refuses it.",
        explanation:
            """
            RFC 8866 §5.1 opens a description with v=0 (SDP102). libwebrtc reads the first line as the version \
            line whatever its value and refuses the description when it is of another type.
            """,
        reference: .rfc(8866, "5.1"), bad: "o=- 1 1 IN IP4 0.0.0.0 as the first line", good: "v=0 first")

    public static let byteOrderMark = Rule(
        code: "PRF135", name: "libwebrtc-byte-order-mark", severity: .error,
        severityRationale:
            """
            Error: Chromium 156 refuses the description ("\u{FEFF}v=0 Expect line: v="), measured in Conformance/.
            """,
        summary: "The text starts with a UTF-8 byte order mark; libwebrtc refuses it.",
        explanation:
            """
            RFC 8866 §5 starts a description with v= and has no byte order mark (SDP110). libwebrtc reads the mark \
            as the start of the first line, which then is not the v= line it expects.
            """,
        reference: .rfc(8866, "5"), bad: "EF BB BF v=0", good: "v=0")

    public static let rtpmapFields = Rule(
        code: "PRF136", name: "libwebrtc-rtpmap-fields", severity: .error,
        severityRationale:
            """
            Error: Chromium 156 refuses the description ("Expected format \"<encoding name>/<clock rate>\
            [/<encodingparameters>]\"", "Duplicate payload type with conflicting codec name"), measured in \
            Conformance/.
            """,
        summary: "An a=rtpmap of a listed payload type that libwebrtc cannot read.",
        explanation:
            """
            RFC 8866 §6.6 writes a=rtpmap:<pt> <name>/<clock>[/<params>] (SDP210). libwebrtc splits the value at \
            each space and reads the second field alone: two or three parts between slashes, whole numbers, at most \
            24 audio channels, an encoding name, and no second mapping of the payload type to another codec. It \
            skips a payload type the m= line does not list and fields after the encoding.
            """,
        reference: .rfc(8866, "6.6"), bad: "a=rtpmap:111 opus", good: "a=rtpmap:111 opus/48000/2")

    public static let extmapFields = Rule(
        code: "PRF137", name: "libwebrtc-extmap-fields", severity: .error,
        severityRationale:
            """
            Error: Chromium 156 refuses the description when a=extmap has no space after its id, an id that is \
            not a number of 1–255, or RFC 6904's encrypted form without another URI to encrypt ("Expects at least \
            3 fields", "Recursive encrypted header"), measured in Conformance/.
            """,
        summary: "An a=extmap line libwebrtc cannot split into an id and a URI.",
        explanation:
            """
            RFC 8285 §5 writes a=extmap:<id>[/<direction>] <URI> [<attributes>] (SDP213). libwebrtc splits the value \
            at each space and needs an id of 1–255 and a second field, which it reads as the URI even when empty, \
            and skips a URI it does not know; urn:ietf:params:rtp-hdrext:encrypt needs a third field, the URI of \
            the extension it encrypts (RFC 6904 §4), other than itself.
            """,
        reference: .rfc(8285, "5"), bad: "a=extmap:x urn:ietf:params:rtp-hdrext:sdes:mid",
        good: "a=extmap:1 urn:ietf:params:rtp-hdrext:sdes:mid")

    public static let mediaLineFields = Rule(
        code: "PRF138", name: "libwebrtc-media-line-fields", severity: .error,
        severityRationale:
            """
            Error: Chromium 156 refuses the description ("Expects at least 4 fields", "The port number is invalid", \
            "Invalid value"), measured in Conformance/.
            """,
        summary: "An m= line libwebrtc cannot split into a media type, a port, a protocol and formats.",
        explanation:
            """
            RFC 8866 §5.14 writes m=<media> <port> <proto> <fmt> … (SDP128). libwebrtc splits the line at each space \
            and needs four fields, a port up to 65535 and, for a protocol with "RTP/" in it, formats that are payload \
            types 0–127; it does not check the characters of the protocol.
            """,
        reference: .rfc(8866, "5.14"), bad: "m=audio 9 UDP/TLS/RTP/SAVPF opus", good: "m=audio 9 UDP/TLS/RTP/SAVPF 111")

    public static let simulcastTwice = Rule(
        code: "PRF139", name: "libwebrtc-simulcast-twice", severity: .error,
        severityRationale:
            """
            Error: Chromium 156 refuses the description ("Multiple Simulcast attributes"), measured in Conformance/.
            """,
        summary: "A section with two a=simulcast lines; libwebrtc refuses it.",
        explanation:
            """
            RFC 8853 §5.1 allows one a=simulcast per media section (SDP206 reports repeated single attributes, \
            which libwebrtc mostly takes); libwebrtc refuses a second a=simulcast.
            """,
        reference: .rfc(8853, "5.1"), bad: "a=simulcast:send h;l and a=simulcast:send m", good: "a=simulcast:send h;m;l"
    )

    public static let simulcastRIDCount = Rule(
        code: "PRF154", name: "libwebrtc-simulcast-rid-count", severity: .error,
        severityRationale:
            """
            Error: Chromium 156 refuses the description ("Malformed simulcast line: Simulcast description \
            contains too many RIDs"), measured in Conformance/ with 17 rids in either direction.
            """,
        summary: "An a=simulcast that lists more than 16 rids in one direction; libwebrtc refuses it.",
        explanation:
            """
            RFC 8853 §5.1 sets no limit on the streams of a=simulcast. libwebrtc reads at most 16 rids in each \
            direction, counting alternatives and paused streams, whether or not an a=rid line declares them, \
            and refuses the description over a 17th.
            """,
        reference: .rfc(8853, "5.1"), bad: "a=simulcast:send r0;r1;…;r16 (17 rids)", good: "a=simulcast:send h;m;l")

    public static let videoWithoutMediaCodec = Rule(
        code: "PRF155", name: "libwebrtc-video-without-media-codec", severity: .error,
        severityRationale:
            """
            Error: Chromium 156 refuses the description ("Failed to set remote video description send parameters \
            for m-section with mid='0'"), measured in Conformance/ with each direction.
            """,
        summary: "A video section in use whose formats name no codec that carries video; libwebrtc refuses it.",
        explanation:
            """
            RFC 8866 §5.14 lets an m= line list any formats, and RFC 3264 §6 lets an answerer reject a section it \
            cannot use. libwebrtc instead sets up the video channel of every video section not rejected, and \
            refuses one whose a=rtpmap lines give it no codec but red (RFC 2198), ulpfec (RFC 5109), flexfec-03 \
            and rtx (RFC 4588), which only protect or repeat another, and CN (RFC 3389), which is audio's, or no \
            codec at all: it takes no static payload type for video. An unknown codec it takes, and rejects the \
            section in its answer.
            """,
        reference: .rfc(8866, "5.14"), bad: "m=video 9 UDP/TLS/RTP/SAVPF 96\na=rtpmap:96 red/90000",
        good: "m=video 9 UDP/TLS/RTP/SAVPF 96 97\na=rtpmap:96 VP8/90000\na=rtpmap:97 red/90000")

    public static let msidTrackTwice = Rule(
        code: "PRF140", name: "libwebrtc-msid-track-twice", severity: .error,
        severityRationale:
            """
            Error: Chromium 156 refuses the description ("Duplicate a=msid lines detected"), measured in \
            Conformance/ with sections copied whole.
            """,
        summary: "Two sections name the same first stream and track; libwebrtc refuses it.",
        explanation:
            """
            RFC 8830 §2 has each media section describe its own track, and JSEP gives each an id of its own. \
            libwebrtc takes a=msid's second field as the track id and the first fields of a section's a=msid lines \
            as its streams ('-' naming none); in a section without a=msid, each SSRC's "msid:" value names its \
            track (Plan B), in a rejected section too. It refuses a description in which two sections carry a \
            track of the same id and first stream; the same track id in another first stream, and one SSRC in two \
            sections (WEB107), it takes.
            """,
        reference: .rfc(8830, "2"), bad: "a=msid:s t in two sections", good: "a=msid:s t1 and a=msid:s t2")

    public static let trailingBytes = Rule(
        code: "PRF141", name: "libwebrtc-trailing-bytes", severity: .error,
        severityRationale:
            """
            Error: Chromium 156 refuses the description ("Invalid attribute value", "Invalid value", "Invalid sctp \
            port value", "URI contains invalid characters", "Failed to parse group tag"), measured in Conformance/ \
            with a space, a tab and a carriage return at the end of each line of browser offers.
            """,
        summary: "A value ends in white space or a carriage return that libwebrtc reads as part of its last field.",
        explanation:
            """
            RFC 8866 §5 has no white space at the end of a line (SDP109) and no carriage return inside one \
            (SDP110). libwebrtc drops one carriage return before the line feed and reads the rest as written: \
            a=setup, a=fingerprint, a=ssrc-group, a=sctp-port and a=max-message-size then hold a value it \
            refuses (a carriage return there is the value grammar's finding as well), a=extmap refuses a tab or \
            carriage return anywhere in its URI, and a=group and a=candidate a tab at their end. The other \
            lines take them.
            """,
        reference: .rfc(8866, "5"), bad: "a=setup:actpass␠", good: "a=setup:actpass")

    public static let maxMessageSizeRange = Rule(
        code: "PRF143", name: "libwebrtc-max-message-size-range", severity: .error,
        severityRationale:
            """
            Error: Chromium 156 refuses the description ("Invalid SCTP max message size"), measured with 0, 1, \
            2^32 and 2^64 in browser offers.
            """,
        summary: "An a=max-message-size past 2^31-1, which libwebrtc reads into an int.",
        explanation:
            """
            RFC 8841 §6 writes the largest message a peer takes as any number of digits, and 0 for no limit. \
            libwebrtc reads the value into a 32-bit signed integer and refuses the description when it does not \
            fit; 1073741823, Firefox's, fits.
            """,
        reference: .rfc(8841, "6"), bad: "a=max-message-size:4294967296", good: "a=max-message-size:262144")

    public static let videoRTXAssociation = Rule(
        code: "PRF142", name: "libwebrtc-video-rtx-apt", severity: .error,
        severityRationale:
            """
            Error: Chromium 156 refuses the description ("Failed to set remote video description send \
            parameters"), measured in Conformance/; the same apt= in an audio section it takes.
            """,
        summary: "A video section's RTX format has an apt= that names no original format of the section.",
        explanation:
            """
            RFC 4588 §8.1 has apt= name the payload type of the stream an RTX format repairs (SDP308). libwebrtc \
            checks that when it sets up a video channel: an RTX format without apt=, with one that is not a \
            number, or that names a type the section does not map or another RTX format, fails the description. \
            It does not check audio RTX, which it does not use. It reads a=fmtp its own way: each item between \
            ';' stripped of white space at its ends, the name as written ("APT=96" is no apt=), the value digits \
            alone ("apt= 96" and "apt =96" are none), the last apt= counting (measured).
            """,
        reference: .rfc(4588, "8.1"), bad: "a=rtpmap:97 rtx/90000\na=fmtp:97 apt=97", good: "a=fmtp:97 apt=96")

    public static let rtcpMuxRequired = Rule(
        code: "PRF103", name: "libwebrtc-rtcp-mux-required", severity: .error,
        severityRationale:
            """
            Error: Chromium 156 refuses such a description ("rtcp-mux must be enabled when BUNDLE is enabled", \
            "RTCP-MUX is not enabled when it is required"), measured with the second offers of RFC 8829 §7.2 and \
            §7.3 and with the corpus offers without BUNDLE, so negotiation fails.
            """,
        summary: "An audio or video section without a=rtcp-mux; libwebrtc refuses it.",
        explanation:
            """
            RFC 9143 §9.3 asks rtcp-mux of bundled RTP sections (WEB113), and §7.1.3 and §9.3.1 let the sections \
            that share the tagged section's transport leave it out, as the answers and second offers of RFC 8829 \
            §7 do. Chromium's peer connections require rtcp-mux (RTCRtcpMuxPolicy "require", the default), so \
            libwebrtc refuses an audio or video section without it, bundled or not, tagged or not; an application \
            section over RTP it does not use (measured with headless Chromium 156).
            """,
        reference: .rfc(9143, "7.1.3"), bad: "m=video 9 … without a=rtcp-mux", good: "a=rtcp-mux in every RTP section")

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
            aiortc reads the ICE credentials of every section, a rejected (port 0) or bundle-only one too, from \
            the section or the session level; a section without them stops setRemoteDescription (measured: every \
            one of 300 such cases). RFC 9143 §7.1.3 lets a bundle-only section leave them out, so offers from \
            browsers in max-bundle mode fail here. SIP endpoints that do not use ICE (most of them) cannot talk \
            to aiortc directly.
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
        summary: "A section over a SAVPF protocol has no a=rtcp-mux; Firefox requires it there.",
        explanation:
            """
            Firefox's RTCPeerConnection uses the rtcpMuxPolicy "require" and refuses a remote description with \
            a section over UDP/TLS/RTP/SAVPF, TCP/DTLS/RTP/SAVPF or RTP/SAVPF that does not offer rtcp-mux (RFC \
            8829 §4.1.1), bundled or not, of any media type; over RTP/AVP, RTP/SAVP and UDP/TLS/RTP/SAVP it takes \
            a section without it (measured).
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
            Error: Firefox ESR 153's SIPCC parser refuses such a c= address ("Error parsing address … for mcast", \
            "No ttl value specified"), measured in Conformance/ with the examples of RFC 3264 and 4317 and with \
            addresses changed byte by byte.
            """,
        summary: "An IPv4 c= address that SIPCC cannot read: a host name, a first number above 255, a bad suffix.",
        explanation:
            """
            RFC 8866 §5.7 allows a fully qualified domain name in c=, as SIP examples use. SIPCC reads a number from \
            the first three characters of an IPv4 address, to tell a multicast one, and refuses the description \
            when there is none or it is above 255; it reads nothing else of the address (SDP129 reports the rest). \
            After a multicast address's '/' it needs a TTL.
            """,
        reference: .rfc(8866, "5.7"), bad: "c=IN IP4 host.atlanta.example.com", good: "c=IN IP4 192.0.2.1")

    public static let firefoxExtensionIDRange = Rule(
        code: "PRF604", name: "firefox-extension-id-range", severity: .error,
        severityRationale:
            """
            Error: Firefox ESR 153 refuses an extension id of 0 or above 14 ("invalid extension id … unsupported \
            until 2-byte rtp header extensions are supported"), measured in Conformance/ (59 of 60 cases with id 0).
            """,
        summary: "A header extension id is 0 or above 14; Firefox supports only the one-byte form's ids, 1–14.",
        explanation:
            """
            Ids 1–14 fit the one-byte header extension form and 1–255 the two-byte form (RFC 8285 §4); Firefox \
            supports only the one-byte form and refuses a description that maps another id. SIPCC skips an \
            a=extmap line without a URI, and the description passes; SDP213 reports that line.
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
            Firefox takes the DTLS fingerprint hashes sha-1, sha-224, sha-256, sha-384, sha-512, md5 and md2. A section \
            whose fingerprints (its own, or the session's when it has none) all name another function cannot be \
            checked, and Firefox refuses the description; a second fingerprint with sha-256 is enough.
            """,
        reference: .rfc(8122, "5"), bad: "a=fingerprint:sha-999 8E:B8:…", good: "a=fingerprint:sha-256 8E:B8:…")

    public static let firefoxBundleTag = Rule(
        code: "PRF608", name: "firefox-bundle-tag-unusable", severity: .error,
        severityRationale:
            """
            Error: Firefox ESR 153 refuses the description ("mid specified for bundle transport in group \
            attribute does not exist in the SDP", "… points at a disabled m-section"), measured in Conformance/; \
            it accepts the same mistakes for the group's other mids.
            """,
        summary: "A BUNDLE group's first mid names no section, or a rejected one; Firefox takes its transport from it.",
        explanation:
            """
            RFC 9143 §7.2 has every mid of a BUNDLE group name a section; the first names the section whose \
            transport the group shares (the offerer's tag). Firefox ignores a later mid that names no section \
            or a port-0 section, but refuses the description when the first one does, since the group would \
            have no transport. SDP309 and WEB116 report the standard's view.
            """,
        reference: .rfc(9143, "7.2"), bad: "a=group:BUNDLE 0 1\nm=audio 0 … a=mid:0",
        good: "a=group:BUNDLE 1 0 (a section in use first), or drop the rejected mid")

    public static let firefoxICECredentials = Rule(
        code: "PRF609", name: "firefox-ice-credentials", severity: .error,
        severityRationale:
            """
            Error: Firefox ESR 153 refuses the description ("ice-ufrag is too short at level N", "ice-pwd \
            contains invalid characters at level N"), measured in Conformance/; it accepts longer values and the \
            other characters outside ice-char, which ICE120 and ICE121 report.
            """,
        summary:
            "An ICE ufrag shorter than 4 characters, a password shorter than 22, or either with a '$'; Firefox refuses it.",
        explanation:
            """
            RFC 8839 §5.4 gives the ufrag 4 to 256 ice-chars and the password 22 to 256. Firefox checks only the \
            lower bounds, and of the characters outside ice-char refuses '$' alone (measured with 24 others, \
            from '!' to '~', taken).
            """,
        reference: .rfc(8839, "5.4"), bad: "a=ice-ufrag:ab", good: "a=ice-ufrag:F7gI")

    public static let firefoxMediaLine = Rule(
        code: "PRF610", name: "firefox-media-line", severity: .error,
        severityRationale:
            """
            Error: Firefox ESR 153's SIPCC parser refuses an m= port that is not a number ("Invalid port \
            format") and an SCTP section with no format ("No sctp port specified in m= media line"), measured \
            in Conformance/; it accepts the other m= line faults SDP128 reports.
            """,
        summary: "An m= port is not a number, or an SCTP m= line has no format; SIPCC refuses the description.",
        explanation:
            """
            RFC 8866 §5.14 gives the m= line a numeric port (with an optional /count) and at least one format. \
            SIPCC reads an audio or video line with no format, and a port range, but refuses a port that is not \
            a number and a data channel line without its format (webrtc-datachannel, RFC 8841 §4.1).
            """,
        reference: .rfc(8866, "5.14"), bad: "m=application nine UDP/DTLS/SCTP",
        good: "m=application 9 UDP/DTLS/SCTP webrtc-datachannel")

    public static let firefoxConnectionTwice = Rule(
        code: "PRF611", name: "firefox-connection-twice", severity: .error,
        severityRationale:
            """
            Error: Firefox ESR 153's SIPCC parser refuses the description ("c= line specified twice at same \
            level"), measured in Conformance/ (every one of 20 cases).
            """,
        summary: "The session level or a section has more than one c= line; SIPCC refuses that.",
        explanation:
            """
            RFC 8866 §5.7 lets a media description carry several c= lines, one per multicast address of a \
            layered stream. SIPCC takes one per level, the session's too, and refuses a second; a lost m= line, \
            which merges two sections, leaves one behind too.
            """,
        reference: .rfc(8866, "5.7"), bad: "m=audio …\nc=IN IP4 0.0.0.0\nc=IN IP4 0.0.0.0",
        good: "one c= line per section")

    public static let firefoxMediaType = Rule(
        code: "PRF612", name: "firefox-media-type", severity: .error,
        severityRationale:
            """
            Error: Firefox ESR 153 refuses the description ("Unsupported media section type"), measured in \
            Conformance/; Chromium 156 accepts it and rejects the section in its answer.
            """,
        summary: "A section's media type is not audio, video or application; Firefox refuses the description.",
        explanation:
            """
            RFC 8866 §5.14 registers audio, video, text, application and message, and allows new types. JSEP \
            (RFC 8829 §5.3.1) has the answerer reject a section it does not support; Firefox refuses the whole \
            description instead.
            """,
        reference: .rfc(8829, "5.3.1"), bad: "m=text 9 UDP/TLS/RTP/SAVPF 98", good: "audio, video or application")

    public static let aiortcNoCommonCodec = Rule(
        code: "PRF704", name: "aiortc-no-common-codec", severity: .error,
        severityRationale:
            """
            Error: aiortc 1.16 refuses the description ("Failed to set remote video description send \
            parameters"), measured in Conformance/ with the VP9- and AV1-only captures and their mutations \
            (147 cases, none accepted).
            """,
        summary: "An audio or video section offers no codec aiortc implements; aiortc refuses the description.",
        explanation:
            """
            RFC 8829 §5.3.1 has an answerer reject a section it has no codec for; aiortc instead fails \
            setRemoteDescription. It implements opus/48000, G722/8000, PCMU/8000 and PCMA/8000 for audio, and \
            VP8/90000 and H.264/90000 with packetization-mode=1 in the Baseline or Constrained Baseline profile \
            for video, and reads the codecs from the section's a=rtpmap lines only.
            """,
        reference: .rfc(8829, "5.3.1"), bad: "m=video 9 UDP/TLS/RTP/SAVPF 98\na=rtpmap:98 VP9/90000",
        good: "offer VP8 or H.264 Constrained Baseline beside VP9")

    public static let aiortcReaderFails = Rule(
        code: "PRF705", name: "aiortc-reader-fails", severity: .error,
        severityRationale:
            """
            Error: aiortc 1.16's SDP reader stops on these lines (AssertionError, "not enough values to unpack", \
            "coroutine raised StopIteration"), measured in Conformance/, so setRemoteDescription fails.
            """,
        summary: "A line that aiortc's SDP reader cannot read; it fails the whole description.",
        explanation:
            """
            aiortc/sdp.py reads only what it expects: a c= line must be "IN IP4" or "IN IP6" and an address, and \
            so must the address of an a=rtcp line; an a=extmap line an id and a URI and nothing more (RFC 8285 §5 \
            allows extension attributes after the URI); an a=ssrc line an attribute after the SSRC; an audio or \
            video m= line a numeric port and numeric formats below 256 outside 72–76; and every a=fmtp line a \
            payload type that an a=rtpmap line of the section maps. Anything else raises \
            an exception inside setRemoteDescription. The standard allows some of these (RFC 8866 §5.7's other \
            address types, a static payload type's fmtp), so the base rules may not report them.
            """,
        reference: .rfc(8866, "5"), bad: "a=extmap:3 (no URI)\nc=IN IP5 192.0.2.1",
        good: "a=extmap:3 urn:ietf:params:rtp-hdrext:sdes:mid\nc=IN IP4 192.0.2.1")

    /// GStreamer's webrtcbin (gst-plugins-bad 1.22), measured with `Conformance/run.py`.
    public static let gstreamerTransportEverySection = Rule(
        code: "PRF801", name: "gstreamer-transport-every-section", severity: .error,
        severityRationale:
            """
            Error: GStreamer 1.22's webrtcbin refuses the description ("No fingerprint lines in sdp for media N", \
            "media N is missing or contains an empty 'ice-ufrag' attribute"), measured in Conformance/.
            """,
        summary: "A section has no fingerprint, ICE credentials, setup role or mid; webrtcbin needs them in each.",
        explanation:
            """
            webrtcbin reads a=fingerprint, a=ice-ufrag, a=ice-pwd, a=setup and a=mid for every section, a \
            rejected or bundled one too, from the section or (all but a=setup, measured) the session level, and \
            refuses a description where one is missing or empty. RFC 9143 §7.1.3 lets bundled sections leave the transport to their \
            group and plain RTP offers from SIP have none of them; neither reaches webrtcbin as it is.
            """,
        reference: .rfc(8829, "5.2.1"), bad: "m=audio 10000 RTP/AVP 0 (no a=fingerprint, no a=ice-ufrag)",
        good: "a=fingerprint, a=ice-ufrag, a=ice-pwd, a=setup and a=mid in every section")

    public static let gstreamerTransportDiffers = Rule(
        code: "PRF802", name: "gstreamer-transport-differs", severity: .error,
        severityRationale:
            """
            Error: GStreamer 1.22's webrtcbin refuses the description ("Fingerprint in media N differs from \
            previous fingerprint", "media N has different ice-ufrag values in bundle"), measured in Conformance/.
            """,
        summary:
            "Sections carry different fingerprints (or another than the session's), or a BUNDLE group different ICE credentials.",
        explanation:
            """
            webrtcbin uses one DTLS certificate per connection, so every section's fingerprint must match the \
            first, and the session-level one where there is one, written the same; and one ICE transport per \
            BUNDLE group, so its sections must each carry the same ufrag and password (RFC 9143 §7.1.3 has them \
            share the tagged section's; webrtcbin compares the lines each section has of its own). A description edited section by \
            section, or stitched from two, trips over this.
            """,
        reference: .rfc(9143, "7.1.3"), bad: "a=ice-ufrag:ETEn (audio)\na=ice-ufrag:BGKk (video, same BUNDLE group)",
        good: "one ufrag, password and fingerprint for the group")

    public static let gstreamerKeyLine = Rule(
        code: "PRF805", name: "gstreamer-key-line", severity: .error,
        severityRationale:
            """
            Error: GStreamer 1.22's webrtcbin refuses the description ("sdp contains a k line"), measured in \
            Conformance/.
            """,
        summary: "A session-level k= line with key data; webrtcbin refuses it.",
        explanation:
            """
            RFC 8866 §5.12 keeps k= for compatibility only and says it must not be used. webrtcbin refuses a \
            description with key data on its session-level k= line: GstSdp reads the method up to the first \
            colon and the data after it, so a line without data ("k=prompt", "k=clear:") passes, and a \
            section's k= line is not looked at (measured).
            """,
        reference: .rfc(8866, "5.12"), bad: "k=clear:abc", good: "no k= line (or k=prompt)")

    public static let gstreamerTextEndsAtNUL = Rule(
        code: "PRF806", name: "gstreamer-text-ends-at-nul", severity: .error,
        severityRationale:
            """
            Error: GStreamer 1.22's webrtcbin refuses what it reads up to the NUL (for example "No fingerprint \
            lines in sdp for media 0"), measured in Conformance/.
            """,
        summary: "A NUL byte ends the text webrtcbin reads, and what comes before it is refused.",
        explanation:
            """
            RFC 8866 §9 allows no NUL in a description (SDP110). webrtcbin is given the text as a C string, so \
            it reads up to the first NUL and nothing after it: lines below it, a section's fingerprint or mid, \
            whole sections, are missing from its reading. The finding is at the NUL and names the first refusal \
            of that reading.
            """,
        reference: .rfc(8866, "9"), bad: "a=mid:0<NUL> before the section's a=fingerprint", good: "no NUL byte")

    public static let gstreamerAnswerDirection = Rule(
        code: "PRF804", name: "gstreamer-answer-direction", severity: .error,
        severityRationale:
            """
            Error: GStreamer 1.22's webrtcbin refuses such an answer to its offer ("Cannot intersect dtls setup \
            attributes for media N", its message for a direction it cannot intersect), measured in Conformance/.
            """,
        summary: "An answered audio or video section without exactly one direction attribute; webrtcbin refuses it.",
        explanation:
            """
            RFC 3264 §6.1 has the answerer state a direction for each section, and RFC 8866 §6.7 makes sendrecv \
            the default. webrtcbin, as the offerer, reads the direction of each answered audio and video \
            section from its own lines and refuses the answer when there is none or more than one; SDP207 \
            reports two in any description.
            """,
        reference: .rfc(3264, "6.1"), bad: "an answered m=video section without a=recvonly (or with it twice)",
        good: "a=recvonly, once")

    public static let gstreamerSetupHoldconn = Rule(
        code: "PRF803", name: "gstreamer-setup-holdconn", severity: .error,
        severityRationale:
            """
            Error: GStreamer 1.22's webrtcbin refuses the description ("contains unknown 'setup' attribute, \
            'holdconn'"), measured in Conformance/.
            """,
        summary:
            "A section's first a=setup is holdconn, or a role not written as active, passive or actpass; webrtcbin refuses it.",
        explanation:
            """
            RFC 4145 §4 defines holdconn for a connection not set up yet; RFC 8842 §5 leaves WebRTC the active, \
            passive and actpass roles, and webrtcbin knows only those, spelled so (measured: "ACTPASS" refused).
            """,
        reference: .rfc(8842, "5"), bad: "a=setup:holdconn", good: "a=setup:actpass")

    public static let firefoxBundleOnlyWithoutFingerprint = Rule(
        code: "PRF615", name: "firefox-bundle-only-without-fingerprint", severity: .error,
        severityRationale:
            """
            Error: Firefox ESR 153's tab stops answering on such an offer (no reply to setRemoteDescription in 20 s), \
            measured with RFC 8829 §7.2's offer, 23 mutations of it, a GStreamer offer and a Chromium answer in \
            Conformance/; the call never starts.
            """,
        summary: "A bundle-only section, or an answer's bundled one, without a fingerprint; Firefox hangs on it.",
        explanation:
            """
            RFC 9143 §7.2 lets a bundle-only section leave its transport to the BUNDLE group, as RFC 8829 §7.2's \
            offer does for its data channel. Firefox takes bundle-only sections without their own ICE credentials \
            or a=setup, but given one without a fingerprint it stops answering, and so it does on an answer whose \
            section after its BUNDLE group's first has none. Writing the fingerprint in every section, as most \
            offerers and answerers do, avoids it.
            """,
        reference: .rfc(9143, "7.2"), bad: "m=application 0 UDP/DTLS/SCTP … a=bundle-only, no a=fingerprint",
        good: "the section's own a=fingerprint")

    public static let firefoxAnswerWithoutCodec = Rule(
        code: "PRF613", name: "firefox-answer-without-codec", severity: .error,
        severityRationale:
            """
            Error: Firefox ESR 153 refuses an answer to its offer with a section it can find no codec in \
            ("Answer had no codecs in common with offer in m-section N"), measured in Conformance/.
            """,
        summary: "An answer's section in use has no format Firefox can read; Firefox refuses the answer.",
        explanation:
            """
            Firefox matches an answer's formats with its offer by their a=rtpmap (name and clock rate), and a \
            data channel section by its a=sctp-port. An RTP section whose formats have no readable a=rtpmap \
            with a clock rate, and no static payload type, or a data channel section without a port, leaves \
            nothing in common; RFC 3264 §6.1 has an answer list at least one format it accepts. sdplint's \
            negotiation assumes the offer's mapping for a format without a=rtpmap (OA208); Firefox does not.
            """,
        reference: .rfc(3264, "6.1"), bad: "m=audio 9 UDP/TLS/RTP/SAVPF 109 (no a=rtpmap:109)",
        good: "a=rtpmap:109 opus/48000/2")

    public static let firefoxSessionLines = Rule(
        code: "PRF614", name: "firefox-origin-and-timing-required", severity: .error,
        severityRationale:
            """
            Error: Firefox ESR 153 refuses the description ("o= owner line not specified, validation failed", \
            "t= timespec line not specified"), measured in Conformance/; it accepts one without s=.
            """,
        summary: "The description has no o= or no t= line; SIPCC refuses it.",
        explanation:
            """
            RFC 8866 §5 requires v=, o=, s= and t= at the session level (SDP103). SIPCC, Firefox's SDP reader, \
            refuses a description without o= or t=, and reads one without s= as if it had one.
            """,
        reference: .rfc(8866, "5"), bad: "v=0 followed by s=-, no o= line",
        good: "o=- 4611731400430051336 2 IN IP4 127.0.0.1")

    public static let firefoxAttributeWithoutName = Rule(
        code: "PRF616", name: "firefox-attribute-without-name", severity: .error,
        severityRationale:
            """
            Error: Firefox ESR 153 refuses the description ("No attribute type specified, parse failed"), measured \
            in Conformance/ with a=: ; it skips a=:value and other names it cannot read.
            """,
        summary: "An a= line with neither a name nor a value; SIPCC refuses it.",
        explanation:
            """
            RFC 8866 §5.13 gives every attribute a name (SDP200). SIPCC skips a line whose name it cannot read, \
            but one with nothing but the colon, or nothing at all, fails the whole description.
            """,
        reference: .rfc(8866, "5.13"), bad: "a=:", good: "a=sendrecv")

    public static let firefoxDataChannelFormat = Rule(
        code: "PRF617", name: "firefox-data-channel-format", severity: .error,
        severityRationale:
            """
            Error: Firefox ESR 153 refuses the description ("No webrtc-datachannel token in m= media line" and "No \
            sctp port specified in m= media line"), measured in Conformance/.
            """,
        summary:
            "An SCTP section whose format is not the one SIPCC reads for its protocol; SIPCC refuses it.",
        explanation:
            """
            RFC 8841 §4 gives the SCTP-over-DTLS protocols the format webrtc-datachannel, and a=sctp-port the \
            port. SIPCC reads UDP/DTLS/SCTP and TCP/DTLS/SCTP with that format only, and the DTLS/SCTP of the \
            older draft with its form only: the SCTP port as the format.
            """,
        reference: .rfc(8841, "4"), bad: "m=application 9 UDP/DTLS/SCTP 5000",
        good: "m=application 9 UDP/DTLS/SCTP webrtc-datachannel")

    public static let firefoxIPv6UnderIP4 = Rule(
        code: "PRF618", name: "firefox-ipv6-under-ip4", severity: .error,
        severityRationale:
            """
            Error: Firefox ESR 153 refuses a c= line with such an IPv6 address under IP4 ("Error parsing address \
            ::1 for mcast"), measured in Conformance/ ("::1", "fe80::1", "256:1" refused; "2001:db8::1", "1::2" \
            taken); it takes an IPv4 address under IP6.
            """,
        summary: "A c= line under address type IP4 with an address of colons that SIPCC cannot read.",
        explanation:
            """
            RFC 8866 §5.7 has the address type name the address's family (SDP136). SIPCC reads an IP4 address \
            from its first characters as a number up to 255 and fails when they are not one, which is so for \
            most IPv6 addresses ("::1", "fe80::1") but not for all ("2001:db8::1" starts with 200).
            """,
        reference: .rfc(8866, "5.7"), bad: "c=IN IP4 ::1", good: "c=IN IP6 ::1")

    public static let firefoxBandwidthValue = Rule(
        code: "PRF619", name: "firefox-bandwidth-value", severity: .error,
        severityRationale:
            """
            Error: Firefox ESR 153 refuses a b=AS, b=CT or b=TIAS whose value is not a number of 32 bits, \
            measured in Conformance/ (b=AS:abc, b=TIAS:-1, b=AS:4294967296, b=AS:), and a b= line without a type \
            (b=, b=:); it takes b=AS:1.5, b=AS:-0 and b=AS:+0, skips b=AS500 and b=:100, and skips other types \
            whatever their value (b=RR:-1, b=X-YZ:x).
            """,
        summary: "A b= line SIPCC refuses: no type, or AS, CT or TIAS without a number of 32 bits.",
        explanation:
            """
            RFC 8866 §5.8 writes the bandwidth as a number (SDP124). SIPCC reads the type up to a ':' and \
            refuses a line without one; it reads the value of AS, CT and TIAS (in any case) as strtoul does: a \
            sign and the digits that follow, whatever comes after them; it refuses a value without digits, a \
            negative one other than -0 and one past 2^32-1. Other types, and a type without ':', it skips.
            """,
        reference: .rfc(8866, "5.8"), bad: "b=AS:abc", good: "b=AS:500")

    public static let firefoxNonASCII = Rule(
        code: "PRF620", name: "firefox-non-ascii", severity: .error,
        severityRationale:
            """
            Error: Firefox ESR 153 refuses the description ("SDP contains non ASCII characters at position N"), \
            measured in Conformance/ with é in s=, i=, o='s username, a=label, a=tool and an ssrc cname.
            """,
        summary: "A byte outside ASCII anywhere in the description; Firefox refuses it.",
        explanation:
            """
            RFC 8866 §5 lets text fields (s=, i=, a=label, …) hold UTF-8, and the other fields are ASCII by their \
            grammar. Firefox checks the whole description for ASCII before it reads it.
            """,
        reference: .rfc(8866, "5"), bad: "s=Café", good: "s=Cafe")

    public static let firefoxEmptyLine = Rule(
        code: "PRF621", name: "firefox-empty-line", severity: .error,
        severityRationale:
            """
            Error: Firefox ESR 153 stops reading at a blank line and refuses the description when a line it needs \
            follows (measured in Conformance/); it takes one when what follows is not needed, or nothing does.
            """,
        summary: "A blank line, after which SIPCC reads no more, before lines Firefox needs.",
        explanation:
            """
            RFC 8866 §5 has no empty lines (SDP112). SIPCC ends the description at a line that does not start \
            with a type and '=', a blank one included, and checks what it read; the finding quotes the first \
            refusal of that shorter description.
            """,
        reference: .rfc(8866, "5"), bad: "a=mid:0 followed by an empty line and a=sendrecv", good: "no empty line")

    public static let firefoxTransportProtocol = Rule(
        code: "PRF622", name: "firefox-transport-protocol", severity: .error,
        severityRationale:
            """
            Error: Firefox ESR 153 refuses the description ("Unsupported media transport type", or "Invalid port \
            format … specified for transport protocol" for RTP/AVPF and the protocols SIPCC does not know), \
            measured in Conformance/.
            """,
        summary: "A transport protocol Firefox does not carry media or data channels over; it refuses it.",
        explanation:
            """
            RFC 8866 §8.2 registers many transport protocols. Firefox takes RTP/AVP, RTP/SAVP, RTP/SAVPF, \
            UDP/TLS/RTP/SAVP(F) and TCP/DTLS/RTP/SAVP(F) for media, and DTLS/SCTP, UDP/DTLS/SCTP and \
            TCP/DTLS/SCTP for data channels, in any case; it refuses every other protocol in any section, \
            RTP/AVPF (RFC 4585) and a port-0 section included.
            """,
        reference: .rfc(8866, "8.2"), bad: "m=audio 9 RTP/AVPF 0", good: "m=audio 9 UDP/TLS/RTP/SAVPF 0")

    public static let firefoxReservedPayloadType = Rule(
        code: "PRF623", name: "firefox-reserved-payload-type", severity: .error,
        severityRationale:
            """
            Error: Firefox ESR 153 refuses the description ("Illegal audio/video payload type"), measured in \
            Conformance/ for every payload type 0–127.
            """,
        summary: "Payload type 1, 2, 19 or 64–95 in an audio or video section; Firefox refuses it.",
        explanation:
            """
            RFC 3551 §6 marks 1, 2 and 19 reserved: they were assigned once (RFC 1890) and are not to be reused; \
            RFC 5761 §4 keeps 64–95 from RTP beside RTCP (WEB110). Firefox refuses them on an m= line, with or \
            without a=rtpmap.
            """,
        reference: .rfc(3551, "6"), bad: "m=audio 9 UDP/TLS/RTP/SAVPF 111 19", good: "m=audio 9 UDP/TLS/RTP/SAVPF 111")

    public static let firefoxPayloadTypeRange = Rule(
        code: "PRF635", name: "firefox-payload-type-range", severity: .error,
        severityRationale:
            """
            Error: Firefox ESR 153 refuses the description ("audio/video payload type … is too large"), measured \
            in Conformance/ with formats from 128 to 2^64 and beyond.
            """,
        summary: "A format of an audio or video section that SIPCC reads as a payload type above 127.",
        explanation:
            """
            RFC 3550 §5.1 gives the payload type 7 bits, and RFC 8866 §5.14 has RTP formats name payload types \
            (SDP303). SIPCC reads a format as a 32-bit number, keeps 16 bits of it and, when they are more than \
            8, the upper byte: 128 and 255 are refused as written, 65535 as 255 and 256 as 1 (PRF623); 1000 is \
            read as 3 and taken, and a number past 32 bits is not read at all.
            """,
        reference: .rfc(3550, "5.1"), bad: "m=audio 9 UDP/TLS/RTP/SAVPF 111 128",
        good: "m=audio 9 UDP/TLS/RTP/SAVPF 111 127")

    public static let firefoxImageattr = Rule(
        code: "PRF637", name: "firefox-imageattr", severity: .error,
        severityRationale:
            """
            Error: Firefox ESR 153 refuses the description ("Value too large", "Value too small", "Value is less \
            than 0"), measured in Conformance/ with sar=9.99999, sar=10, sar=0.09, sar=-1.0 and q=1.5.
            """,
        summary: "An a=imageattr in a media section that Firefox's own reader refuses.",
        explanation:
            """
            RFC 6236 §3.1 writes sizes as 1 to 999999 without leading zeros, ratios with one to four decimals \
            between 0.1 and 9.9999, q with one or two decimals, and lists in increasing order (SDP238). Firefox \
            reads the attribute with a reader of its own, for media sections only: names and send/recv in any \
            case, and numbers as C++ streams read them, so "sar=1", "sar=.5", "q=0.123" or a list out of order \
            pass, and it checks only their ranges (sizes 1–999999, ratios 0.1–9.9999, q 0–1, a range's first \
            value below its last) and the attribute's shape. Under the firefox profile SDP238 is a warning, and \
            this rule reports what the reader refuses.
            """,
        reference: .rfc(6236, "3.1"), bad: "a=imageattr:96 send [x=640,y=480,sar=10] recv *",
        good: "a=imageattr:96 send [x=640,y=480,sar=1.0] recv *")

    public static let firefoxMidLength = Rule(
        code: "PRF636", name: "firefox-mid-length", severity: .error,
        severityRationale:
            """
            Error: Firefox ESR 153 refuses the description ("mid length greater than 16 unsupported until 2-byte \
            rtp header extensions are supported"), measured in Conformance/; a long mid in a rejected section it \
            takes.
            """,
        summary: "A section in use whose mid, as SIPCC reads it, is longer than 16 bytes; Firefox refuses it.",
        explanation:
            """
            RFC 8285 §4.2's one-byte header extension carries at most 16 bytes, and RFC 9143 §15 carries the mid \
            in one (WEB114). Firefox checks the first a=mid of every section it does not take as rejected (port 0 \
            without a=bundle-only, RFC 3264 §6), and refuses one longer than 16 bytes.
            """,
        reference: .rfc(8285, "4.2"), bad: "a=mid:audio-section-number-1", good: "a=mid:0")

    public static let firefoxFingerprintDigest = Rule(
        code: "PRF625", name: "firefox-fingerprint-digest", severity: .error,
        severityRationale:
            """
            Error: Firefox ESR 153 refuses the description ("Malformed fingerprint token"), measured in \
            Conformance/ with lower-case digests and with values of 257 and 258 characters.
            """,
        summary: "A fingerprint digest Firefox cannot read: in lower-case hex, or cut by SIPCC's 256 characters.",
        explanation:
            """
            RFC 8122 §5 writes the digest in upper-case hex (SDP232). Firefox reads only capitals there, though it \
            reads other values, such as a=setup's role, in any case. SIPCC keeps the first 256 characters of the \
            value, so a long hash function can push the digest's end past them, cutting it inside a pair.
            """,
        reference: .rfc(8122, "5"), bad: "a=fingerprint:sha-256 b1:b8:…", good: "a=fingerprint:sha-256 B1:B8:…")

    public static let firefoxOriginNumber = Rule(
        code: "PRF626", name: "firefox-origin", severity: .error,
        severityRationale:
            """
            Error: Firefox ESR 153 refuses the description ("Invalid owner session id specified for o=", "Invalid \
            owner version specified", "No owner address specified"), measured in Conformance/ with 2^63, 2^64-1 and \
            longer values, with fields removed, and with a username of 257 characters or more; it takes a seventh \
            field.
            """,
        summary:
            "An o= line with fewer than six fields, a field past 256 characters, or a session id or version SIPCC reads above 2^63-1.",
        explanation:
            """
            RFC 8866 §5.2 gives o= six fields (SDP120), and RFC 3264 §5 limits the two numbers to a 64-bit signed \
            integer (SDP137). SIPCC reads six fields split at runs of white space and ignores more, each into 256 \
            characters, a longer one running on into the next field; it reads each number as an unsigned 64-bit \
            one that wraps past 2^64-1, and refuses what it reads above 2^63-1: 18446744073709551616 reads as 0 \
            and is taken, 12345678901234567890 is refused.
            """,
        reference: .rfc(3264, "5"), bad: "o=- 12345678901234567890 1 IN IP4 127.0.0.1",
        good: "o=- 1234567890123456789 1 IN IP4 127.0.0.1")

    public static let firefoxStopsReading = Rule(
        code: "PRF627", name: "firefox-stops-reading", severity: .error,
        severityRationale:
            """
            Error: Firefox ESR 153 refuses the description when what SIPCC reads of it lacks what it needs, and \
            any line of a type SDP does not define; measured in Conformance/ with lines such as "xyz", " a=…", \
            "d=foo" and "A=foo", NUL bytes and carriage returns inside lines.
            """,
        summary: "SIPCC reads less of the description than is written, and what it reads is refused.",
        explanation:
            """
            Firefox hands SIPCC the text up to its first NUL byte, and SIPCC drops a last line without an ending, \
            so the line of a NUL is not read. SIPCC reads a line up to its line feed and its value up to a carriage \
            return. It stops at \
            a line that does not start with one of SDP's types and '=' (RFC 8866 §5 names v o s i u e p c b t r z \
            k a m), and refuses the description when that line has '=' second; otherwise it checks the lines it \
            read as if they were the whole description. The finding is on the first place the two readings part, \
            and quotes the first refusal of the shorter one. PRF621 reports a blank line, PRF624 a last line \
            without an ending.
            """,
        reference: .rfc(8866, "5"), bad: "t=0 0 followed by 'xyz' and the media sections", good: "no such line")

    public static let firefoxVersion = Rule(
        code: "PRF628", name: "firefox-version", severity: .error,
        severityRationale:
            """
            Error: Firefox ESR 153 refuses the description ("Invalid version"), measured in Conformance/ with v=1; \
            it takes "v= 0", "v=+0" and "v=0x".
            """,
        summary: "A v= line SIPCC does not read as version 0.",
        explanation:
            """
            RFC 8866 §5.1 has v=0 and nothing else (SDP102). SIPCC reads the first field after white space as \
            strtoul does, ignoring what follows the digits, keeps 16 bits of it, and refuses any version but 0.
            """,
        reference: .rfc(8866, "5.1"), bad: "v=1", good: "v=0")

    public static let firefoxRIDLength = Rule(
        code: "PRF630", name: "firefox-rid-length", severity: .error,
        severityRationale:
            """
            Error: Firefox ESR 153 refuses the description ("Rid can be at most 255 characters long (according to \
            RFC 8852)", "Invalid direction, must be either send or recv"), measured in Conformance/ with rids of \
            255 to 4,096 characters; it takes one of 128.
            """,
        summary: "An a=rid line whose rid or direction lies past the 256 characters SIPCC keeps of its value.",
        explanation:
            """
            RFC 8852 §3 limits an RtpStreamId, like every SDES item, to 255 octets, and RFC 8851 §10 names the \
            direction after it. SIPCC keeps the first 256 characters of an a=rid value, and Firefox then reads \
            the rid and its direction from those: a rid past 255 characters is refused, and so is one whose \
            direction the cut removes.
            """,
        reference: .rfc(8852, "3"), bad: "a=rid:<255 characters> send", good: "a=rid:hi send")

    public static let firefoxValueWhiteSpace = Rule(
        code: "PRF631", name: "firefox-value-white-space", severity: .error,
        severityRationale:
            """
            Error: Firefox ESR 153 refuses the description ("Malformed fingerprint token", "Rid must be non-empty", \
            "Rid can contain only alphanumeric characters"), measured in Conformance/ with a space and a tab at \
            the end of each line of browser offers, after each colon and for each first space.
            """,
        summary: "White space in an a=fingerprint, a=rid or a=simulcast value where SIPCC reads it as part of a field.",
        explanation:
            """
            RFC 8866 §5 has no white space at the end of a line (SDP109), and RFC 8851 §10 separates a rid and \
            its direction with one space. SIPCC keeps white space at the end of a value, and Firefox splits \
            a=rid at spaces only: the fingerprint's digest then does not parse, a rid after a space or with a tab \
            is empty or not alphanumeric, and a tab ends a=simulcast's last rid, which no a=rid declares. The \
            other lines of browser offers take it.
            """,
        reference: .rfc(8851, "10"), bad: "a=rid:h\tsend", good: "a=rid:h send")

    public static let firefoxRIDReading = Rule(
        code: "PRF633", name: "firefox-rid-reading", severity: .error,
        severityRationale:
            """
            Error: Firefox ESR 153 refuses the description ("Rid can contain only alphanumeric characters", \
            "Malformed", "Value too large"), measured in Conformance/.
            """,
        summary: "An a=rid whose id, formats or restriction values SIPCC cannot read.",
        explanation:
            """
            RFC 8851 §10 lets a rid id hold letters, digits, '-' and '_', its pt= list name the section's formats, \
            and its restrictions take numbers. SIPCC takes letters and digits alone in the id, reads each format \
            as a number up to 127, and each of max-width, max-height, max-fps, max-fs, max-br and max-pps as \
            strtoul does: a '+' and digits, whatever follows them ("5x" is 5), but not a sign or a letter first.
            """,
        reference: .rfc(8851, "10"), bad: "a=rid:hi-res send", good: "a=rid:hires send")

    public static let firefoxKeyLine = Rule(
        code: "PRF632", name: "firefox-key-line", severity: .error,
        severityRationale:
            """
            Error: Firefox ESR 153 refuses the description ("No encryption type specified for k=", "No encryption \
            key specified as required"), measured with k= lines at the session level and in a section of browser \
            offers.
            """,
        summary: "A k= line without a method, or with the clear, base64 or uri method and no key.",
        explanation:
            """
            RFC 8866 §5.12 keeps k= for compatibility only; its methods clear, base64 and uri carry a key after \
            the colon, and prompt none. SIPCC refuses a k= line with no method, and one of those three methods \
            (in any case) with no key; it takes prompt, an unknown method, and a key after any of them.
            """,
        reference: .rfc(8866, "5.12"), bad: "k=clear:", good: "k=prompt (or no k= line)")

    public static let firefoxTiming = Rule(
        code: "PRF629", name: "firefox-timing", severity: .error,
        severityRationale:
            """
            Error: Firefox ESR 153 refuses the description ("Invalid timespec start time specified"), measured in \
            Conformance/; it takes "t=0 0 0".
            """,
        summary: "A t= line without a start and a stop time SIPCC can read.",
        explanation:
            """
            RFC 8866 §5.9 writes t=<start-time> <stop-time>, decimal NTP times (SDP125). SIPCC reads the first two \
            fields as strtoul does, each at most 2^32-1, and ignores what follows them.
            """,
        reference: .rfc(8866, "5.9"), bad: "t=x 0", good: "t=0 0")

    public static let firefoxLastLineIgnored = Rule(
        code: "PRF624", name: "firefox-last-line-ignored", severity: .error,
        severityRationale:
            """
            Error: Firefox ESR 153 reads the description without its last line when that line has no line ending, \
            and refuses it when the line is one it needs (measured in Conformance/ with a=setup, a=ice-ufrag, \
            a=ice-pwd, a=fingerprint and a=rtcp-mux last).
            """,
        summary: "The last line has no line ending, and without it Firefox refuses the description.",
        explanation:
            """
            RFC 8866 §5 ends every line with CRLF (SDP108). SIPCC drops a last line without one; when that line is \
            a=setup, a credential, a fingerprint or rtcp-mux, the section it ends lacks it.
            """,
        reference: .rfc(8866, "5"), bad: "…\r\na=setup:actpass (no CRLF)", good: "…\r\na=setup:actpass\r\n")

    public static let firefoxAttributeReading = Rule(
        code: "PRF634", name: "firefox-attribute-reading", severity: .error,
        severityRationale:
            """
            Error: Firefox ESR 153 refuses the description ("No rid attribute for 'h'", "Type must be either \
            'send' or 'recv'"), measured in Conformance/ with "a=simulcast:Recv h;m;l" beside "a=rid:h send" lines \
            and with "a=simulcast :send q;h;f".
            """,
        summary: "An a= line that Firefox reads otherwise than the grammar, and refuses as it reads it.",
        explanation:
            """
            RFC 8866 §5.13 separates an attribute's name from its value with a colon, RFC 8866 §5 ends a line \
            with CRLF alone, and RFC 8853 §5.1 writes simulcast directions in lower case. SIPCC ends a name at a \
            colon, a space or a tab, and a value at a carriage return, and Firefox reads the directions in any \
            case: "a=simulcast :send h" is a=simulcast with the value " :send h", "a=simulcast:Recv h" receives \
            h. The grammar reports the line's shape (SDP200, SDP227, SDP110); this rule reports what Firefox \
            then refuses in the line as it reads it.
            """,
        reference: .rfc(8866, "5.13"), bad: "a=simulcast :send h", good: "a=simulcast:send h")

    public static let aiortcSetupRequired = Rule(
        code: "PRF706", name: "aiortc-setup-required", severity: .error,
        severityRationale:
            """
            Error: aiortc 1.16 fails on such a description (AttributeError: 'NoneType' object has no attribute \
            'role'), measured in Conformance/.
            """,
        summary: "A section has no a=setup, in itself or at the session level; aiortc fails on it.",
        explanation:
            """
            RFC 8842 §5 has each DTLS section state its role; RFC 4145 §4 takes a missing a=setup as active. \
            aiortc keeps no DTLS parameters for a section without a=setup, and fails when it sets the role of \
            that section's transport, rejected sections included.
            """,
        reference: .rfc(8842, "5"), bad: "a section without a=setup", good: "a=setup:actpass (offer) or active (answer)"
    )

    public static let aiortcSetupHoldconn = Rule(
        code: "PRF703", name: "aiortc-setup-holdconn", severity: .error,
        severityRationale:
            """
            Error: aiortc 1.16 fails on a=setup:holdconn (KeyError: 'holdconn'), measured in Conformance/.
            """,
        summary:
            "A section's a=setup is holdconn, or a role not written as active, passive or actpass; aiortc refuses it.",
        explanation:
            """
            RFC 4145 §4 defines holdconn, but RFC 8842 §5 leaves WebRTC the active, passive and actpass roles, \
            and aiortc's reader maps only those three, spelled so (measured: "ACTPASS" is a KeyError); the \
            description is refused.
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
            sdesOnly, codecWithoutRTPMap, rtcpMuxRequired, withoutDTLS, withoutICE,
            candidatePriorityBeyond32Bits, unresolvedMid, ssrcStreams, answerFingerprintLength, answerNotApplicable,
            iceCredentials, sessionFingerprintTwice, illegalMid, unknownProtocol, rtxWithoutCodec, ssrcGroupSize,
            sctpPortWithPortFormat, connectionAddressFamily, emptyAttributeLine, bandwidthValue,
            fieldsSplitAtEverySpace, lastLineWithoutEnding, portCount, ssrcAttributeWithoutValue, connectionSuffix,
            simulcastWithoutRIDExtension, staticPayloadTypeConflict, extmapAtBothLevels, candidateKeywordCase,
            fingerprintHashMD, spaceAfterEquals, msidFields, feedbackFields, unknownSessionLine, byteOrderMark,
            rtpmapFields, extmapFields, mediaLineFields, simulcastTwice, msidTrackTwice, trailingBytes,
            videoRTXAssociation, maxMessageSizeRange, candidateTransport, candidateTCPType, ssrcGroupDuplicate,
            candidateComponent, timeLineOrder, sessionLineTwice, attributeWithoutColon, fmtpFields, candidatePort,
            candidateFields, simulcastRIDCount, videoWithoutMediaCodec, firstLineNotVersion,
            janusNeedsBundleAndMux,
            janusSimulcastLayers, sofiaDropsSendrecv,
        ]
        + asterisk + pjsip
        + [
            firefoxRTCPMux, firefoxTransportEverySection, firefoxConnectionHostName, firefoxExtensionIDRange,
            firefoxDuplicateExtensionID, firefoxSetupHoldconn, firefoxNoSupportedFingerprint, firefoxBundleTag,
            firefoxICECredentials, firefoxMediaLine, firefoxConnectionTwice,
            firefoxMediaType, firefoxAnswerWithoutCodec, firefoxSessionLines, firefoxBundleOnlyWithoutFingerprint,
            firefoxAttributeWithoutName, firefoxDataChannelFormat, firefoxIPv6UnderIP4, firefoxBandwidthValue,
            firefoxNonASCII, firefoxEmptyLine, firefoxTransportProtocol, firefoxReservedPayloadType,
            firefoxLastLineIgnored, firefoxFingerprintDigest, firefoxOriginNumber, firefoxStopsReading,
            firefoxVersion, firefoxTiming, firefoxRIDLength, firefoxValueWhiteSpace, firefoxKeyLine,
            firefoxRIDReading, firefoxAttributeReading, firefoxPayloadTypeRange, firefoxMidLength, firefoxImageattr,
        ]
        + [
            aiortcICERequired, aiortcRTCPMuxRequired, aiortcSetupHoldconn, aiortcNoCommonCodec,
            aiortcReaderFails, aiortcSetupRequired,
        ]
        + [
            gstreamerTransportEverySection, gstreamerTransportDiffers, gstreamerSetupHoldconn, gstreamerAnswerDirection,
            gstreamerKeyLine, gstreamerTextEndsAtNUL,
        ]
}

extension ProfileRules: RuleSet {
    public static let title = "Receiver profiles (only with --profile)"
}
