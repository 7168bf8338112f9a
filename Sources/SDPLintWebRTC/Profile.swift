public import SDPLintDiagnostics
import SDPLintICE
package import SDPLintSDP
import SDPLintScanning

/// What a particular receiver is known to reject or mishandle, so that "will Safari accept
/// this offer?" has an answer. A profile adds rules of its own and raises the severity of
/// general rules its receiver is strict about; each entry names its source.
public enum Profile: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    case chrome, firefox, safari, aiortc, gstreamer, janus, asterisk, freeswitch, pjsip

    public var description: String { rawValue }

    /// What the profile is about, for `sdplint profiles`.
    public var summary: String {
        switch self {
        case .chrome: "Chromium and other libwebrtc browsers (Edge, Brave, Opera)."
        case .firefox:
            "Firefox; Debian's Firefox ESR 153 parses SDP with SIPCC (its errors name it), not mozilla/webrtc-sdp."
        case .safari: "Safari, whose WebRTC stack is libwebrtc inside WebKit: the libwebrtc rules apply."
        case .aiortc:
            "aiortc (Python), whose SDP reader takes what it knows and skips the rest, and whose peer connection needs ICE and rtcp-mux."
        case .gstreamer:
            "GStreamer's webrtcbin (gst-plugins-bad), lenient with the values it reads and strict about each section's transport."
        case .janus: "The Janus WebRTC server (meetecho/janus-gateway)."
        case .asterisk:
            """
            Asterisk's PJSIP channel, built on pjproject with Asterisk's own limits (third-party/pjproject \
            config_site.h).
            """
        case .freeswitch: "FreeSWITCH, whose SIP stack and SDP parser are sofia-sip."
        case .pjsip: "Applications built on stock pjproject (pjsua, PJSIP-based softphones) with its default limits."
        }
    }

    /// General rules whose findings this receiver turns into failures, and why.
    public var escalations: [(code: Rule.Code, severity: Severity, source: String)] {
        switch self {
        case .firefox:
            [
                ("SDP312", .error, "webrtc-sdp's sanity check requires every simulcast rid to be declared"),
                (
                    "SDP133", .error,
                    "Firefox ESR 153 refuses an unregistered network type or transport protocol (measured in Conformance/)"
                ),
                (
                    "SDP315", .error,
                    "Firefox ESR 153 refuses a mid named twice in a BUNDLE group (\"appears more than once\", measured in Conformance/)"
                ),
                (
                    "OA403", .error,
                    "Firefox ESR 153 refuses an answer that maps an offered extension to another id, inactive or not, and each mapping of it (\"Answer changed id for extmap attribute\", measured)"
                ),
            ]
        case .chrome, .safari:
            [
                (
                    "WEB112", .error,
                    """
                    Plan B SDP was removed from Chromium; extra tracks in one section are not received \
                    (chromestatus: Remove Plan B SDP semantics)
                    """
                ),
                (
                    "SDP121", .error,
                    "Chromium 156 refuses an empty s= line (\"s= Expect line: s=\"), measured with setRemoteDescription"
                ),
                (
                    "WEB114", .error,
                    "Chromium 156 refuses a mid longer than 16 characters, with or without the sdes:mid extension (measured)"
                ),
                ("ICE111", .error, "Chromium 156 refuses an unknown candidate type (measured in Conformance/)"),
                (
                    "SDP134", .error,
                    "libwebrtc reads the session lines in RFC 8866 order and refuses one out of place (\"Expect line: t=\", measured in Conformance/)"
                ),
                (
                    "SDP237", .error,
                    "libwebrtc refuses a fingerprint hash function it does not know (\"Failed to parse SessionDescription. a=fingerprint:sha-999\", measured)"
                ),
                ("SDP112", .error, "Chromium 156 refuses an empty line (measured in Conformance/)"),
                (
                    "WEB110", .error,
                    "Chromium 156 refuses a payload type in 64–95 beside rtcp-mux (\"used an invalid payload type\", measured)"
                ),
            ]
        case .janus:
            [
                (
                    "WEB113", .error,
                    "Janus assumes BUNDLE and rtcp-mux on every PeerConnection (meetecho/janus-gateway#1113)"
                )
            ]
        default:
            []
        }
    }

    /// General rules whose findings this receiver accepts, and the measurement that shows it:
    /// under the profile they are warnings, so that an error means "this receiver refuses it".
    /// The finding and its standard stay; a profile answers what the receiver will do.
    public var tolerances: [(code: Rule.Code, severity: Severity, source: String)] {
        switch self {
        case .chrome:
            let measured = "Chromium 156 accepts it in setRemoteDescription (Conformance/, CONFORMANCE.md)"
            let answers = "Chromium 156 accepts such an answer to its offer (Conformance/, CONFORMANCE.md)"
            return Self.takenByEveryMeasuredReceiver(measured) + [
                ("SDP229", .warning, "a malformed a=crypto beside DTLS, which it does not use: " + measured),
                ("SDP102", .warning, "v=1: " + measured),
                (
                    "SDP318", .warning,
                    "an extension id naming two URIs in one BUNDLE group where a section is one libwebrtc does not use, without a codec (PRF137 reports the collisions it refuses): "
                        + measured
                ),
                (
                    "SDP319", .warning,
                    "an extension id naming two URIs at the session level where every section in use has a=extmap lines of its own (PRF137 reports the collisions it refuses, PRF128 the mix of levels): "
                        + measured
                ),
                (
                    "SDP320", .warning,
                    "a=extmap at both levels where only a section other than audio and video has its own (PRF128 reports what it refuses): "
                        + measured
                ),
                (
                    "WEB113", .warning,
                    "a bundled application section over RTP without rtcp-mux (PRF103 reports audio and video): "
                        + measured
                ),
                ("SDP135", .warning, "an o= session id that is not a number (libwebrtc keeps it as text): " + measured),
                (
                    "ICE117", .warning,
                    "a tcptype other than right after the type, raddr and rport, which libwebrtc skips (PRF145 reports the one it reads): "
                        + measured
                ),
                (
                    "SDP110", .warning,
                    "a NUL byte or a lone CR in a value (the value's own rules report what it then refuses): "
                        + measured
                ),
                ("SDP215", .warning, "an msid of other characters or lengths (PRF132 reports its fields): " + measured),
                (
                    "SDP239", .warning,
                    "a rid restriction whose value is not a number (libwebrtc ignores it), with a=simulcast too: "
                        + measured
                ),
                (
                    "SDP311", .warning,
                    "a rid restricting a payload type the m= line does not list, with a=simulcast too: " + measured
                ),
                (
                    "SDP241", .warning,
                    "a simulcast stream id that is no rid id, such as a draft's \"rid=h\" (libwebrtc drops the stream; PRF126 reads the rest): "
                        + measured
                ),
                ("SDP308", .warning, "an RTX apt= in an audio section (PRF142 reports video): " + measured),
                (
                    "SDP226", .warning,
                    "a malformed a=rid, which libwebrtc discards (pc/webrtc_sdp.cc; a=simulcast then drops its stream): "
                        + measured
                ),
                ("SDP212", .warning, "an rtcp-fb type of other characters (PRF133 reports its fields): " + measured),
                (
                    "SDP211", .warning,
                    "fmtp parameters, which it does not check (PRF151 reports its fields): " + measured
                ),
                (
                    "SDP210", .warning,
                    "an rtpmap with fields past its encoding (PRF136 reports what it refuses): " + measured
                ),
                (
                    "SDP128", .warning,
                    "an m= protocol of other characters (PRF138 reports the fields it refuses): " + measured
                ),
                (
                    "SDP217", .warning,
                    "an a=ssrc attribute it skips (PRF124 reports the SSRC and value it needs): " + measured
                ),
                ("WEB107", .warning, "an SSRC in two sections (PRF140 reports a track id in two): " + measured),
                (
                    "ICE113", .warning,
                    "an unknown candidate extension, which it skips (PRF129 reports the numbers it reads): " + measured
                ),
                (
                    "SDP120", .warning,
                    "an o= line of six fields, empty ones included (PRF121 reports the rest): " + measured
                ),
                (
                    "SDP213", .warning,
                    "an extmap with other URIs or fields (PRF137 reports what it refuses): " + measured
                ),
                (
                    "WEB101", .warning,
                    "a section without ICE credentials that rides on its BUNDLE group (PRF105 reports the rest): "
                        + measured
                ),
                (
                    "WEB102", .warning,
                    "a section without a fingerprint that rides on its BUNDLE group (PRF104 reports the rest): "
                        + measured
                ),
                (
                    "SDP129", .warning,
                    "a c= address that is not a valid IP address (libwebrtc connects by ICE candidates): " + measured
                ),
                (
                    "ICE107", .warning,
                    "a candidate priority of 0 (PRF106 reports one that does not fit 32 bits): " + measured
                ),
                (
                    "ICE106", .warning,
                    "a candidate priority with leading zeros past ten digits (PRF106 reports one that is not decimal digits): "
                        + measured
                ),
                (
                    "ICE109", .warning,
                    "a candidate port of other digits, such as \"-0\" (PRF152 reports the ones it refuses): " + measured
                ),
                (
                    "ICE102", .warning,
                    "a candidate whose 'typ' the grammar cannot place, as after an empty address (PRF153 reports the lines it cannot split): "
                        + measured
                ),
                (
                    "SDP125", .warning,
                    "a t= line whose times are not numbers (libwebrtc does not read them): " + measured
                ),
                (
                    "SDP236", .warning,
                    "a fingerprint digest of the wrong length (the DTLS handshake fails later): " + measured
                ),
                ("SDP123", .warning, "a section without c=: " + measured),
                ("SDP207", .warning, "two direction attributes (the last wins): " + measured),
                ("SDP233", .warning, "a clock rate or channel count of 0: " + measured),
                ("SDP235", .warning, "an unknown extmap direction: " + measured),
                ("SDP301", .warning, "a payload type mapped twice (the first mapping wins): " + measured),
                ("SDP312", .warning, "a simulcast rid without a=rid: " + measured),
                ("SDP238", .warning, "a malformed a=imageattr (libwebrtc does not read the attribute): " + measured),
                ("SDP224", .warning, "a malformed a=rtcp (libwebrtc does not read the attribute): " + measured),
                (
                    "SDP124", .warning,
                    "a malformed b= line of a type other than AS and TIAS (PRF120 reports those and a missing ':'): "
                        + measured
                ),
                (
                    "SDP136", .warning,
                    "an o= address of the other family (libwebrtc does not read it; PRF118 reports a c= one): "
                        + measured
                ),
                ("ICE108", .warning, "a candidate address that is not an IP address: " + measured),
                ("ICE122", .warning, "an empty or unknown ice-option: " + measured),
                ("WEB116", .warning, "a port-0 section in a BUNDLE group: " + measured),
                (
                    "WEB108", .warning,
                    "a=rtcp-mux-only without a=rtcp-mux, as in a bundle-only section (PRF103 reports the sections that need rtcp-mux): "
                        + measured
                ),
                (
                    "SDP302", .warning,
                    "a dynamic payload type without a=rtpmap and without fmtp or rtcp-fb lines (PRF102 reports one with them): "
                        + measured
                ),
                ("WEB106", .warning, "a section without a=mid (libwebrtc numbers it; PRF107): " + measured),
                ("OA202", .warning, "an answer that binds an offered payload type to another codec: " + answers),
                ("OA103", .warning, "an answered section with another transport protocol: " + answers),
                ("OA503", .warning, "an answered data channel section with another format: " + answers),
                (
                    "OA402", .warning,
                    "an answered extension the offer does not have, at an id of its own (OA416 reports one at an offered id): "
                        + answers
                ),
                ("OA114", .warning, "an answered section without a mid (it takes its offer's): " + answers),
                ("OA200", .warning, "an answered section without a codec in common: " + answers),
                ("OA204", .warning, "an answered codec in another configuration: " + answers),
                ("OA206", .warning, "an answered RTX format whose apt was not negotiated: " + answers),
                ("OA207", .warning, "an answered codec with another channel count: " + answers),
                (
                    "OA313", .warning,
                    "an answer whose BUNDLE group lists a section it rejects (PRF110 reports its tag): " + answers
                ),
                (
                    "OA307", .warning,
                    "an answered section without a=setup, or one sharing its group's transport (PRF110 reports the rest): "
                        + answers
                ),
                (
                    "SDP214", .warning,
                    "an empty mid, which libwebrtc reads as none (PRF107 numbers it; PRF113 reports other characters): "
                        + measured
                ),
                (
                    "ICE120", .warning,
                    "a ufrag of an answer's section that shares its group's transport (PRF111 reports those read): "
                        + answers
                ),
                (
                    "ICE121", .warning,
                    "a password of an answer's section that shares its group's transport (PRF111 reports those read): "
                        + answers
                ),
                (
                    "SDP309", .warning,
                    "a group mid that libwebrtc's numbering resolves, or of a group other than BUNDLE (PRF107 reports the rest): "
                        + measured
                ),
            ]
        case .firefox:
            let measured = "Firefox ESR 153 accepts it in setRemoteDescription (Conformance/, CONFORMANCE.md)"
            let answers = "Firefox ESR 153 accepts such an answer to its offer (Conformance/, CONFORMANCE.md)"
            return Self.takenByEveryMeasuredReceiver(measured) + [
                ("OA115", .warning, "a section the answer rejects whose mid differs: " + answers),
                (
                    "OA116", .warning,
                    "a data channel section the answer rejects over RTP (PRF601 reports one in use without rtcp-mux): "
                        + answers
                ),
                (
                    "ICE105", .warning,
                    "a candidate transport that is not a token, such as udp;x or (udp), whose candidate it skips: "
                        + measured
                ),
                ("SDP229", .warning, "a malformed a=crypto beside DTLS, which it does not use: " + measured),
                (
                    "SDP238", .warning,
                    "an a=imageattr its own reader takes, such as sar=1 or q=0.123 (PRF637 reports what it refuses): "
                        + measured
                ),
                ("SDP210", .warning, "an rtpmap whose clock rate or channels SIPCC reads leniently: " + measured),
                (
                    "SDP102", .warning,
                    "a v= line SIPCC reads as 0, such as \"v= 0\" (PRF628 reports the rest): " + measured
                ),
                ("WEB107", .warning, "an SSRC that two sections name: " + measured),
                (
                    "WEB108", .warning,
                    "a=rtcp-mux-only without a=rtcp-mux, whose name SIPCC matches in any case (PRF601 reports a "
                        + "section that needs a=rtcp-mux): " + measured
                ),
                ("SDP218", .warning, "a malformed ssrc-group: " + measured),
                ("SDP120", .warning, "an o= line of six fields or more (PRF626 reports fewer): " + measured),
                ("SDP125", .warning, "a t= line SIPCC reads the two times of (PRF629 reports the rest): " + measured),
                (
                    "SDP129", .warning,
                    "an address SIPCC does not read: o='s, and IPv4 c= ones past their first number (PRF603): "
                        + measured
                ),
                (
                    "SDP101", .warning,
                    "a line that is not type=value, where SIPCC stops reading (PRF621 and PRF627 report what it then lacks): "
                        + measured
                ),
                (
                    "SDP110", .warning,
                    "a NUL byte or a carriage return, where SIPCC ends the line or the value (PRF627): " + measured
                ),
                (
                    "SDP236", .warning,
                    "a fingerprint digest of the wrong length (the DTLS handshake fails later): " + measured
                ),
                ("SDP211", .warning, "an fmtp that is not name=value pairs: " + measured),
                ("SDP212", .warning, "an rtcp-fb line SIPCC does not understand: " + measured),
                ("SDP215", .warning, "a malformed msid: " + measured),
                ("SDP217", .warning, "a malformed ssrc line: " + measured),
                ("SDP105", .warning, "a repeated session line: " + measured),
                ("SDP207", .warning, "two direction attributes: " + measured),
                ("SDP233", .warning, "a clock rate or channel count of 0: " + measured),
                ("SDP235", .warning, "an unknown extmap direction: " + measured),
                ("SDP301", .warning, "a payload type mapped twice: " + measured),
                ("SDP303", .warning, "a payload type above 127 in rtpmap, fmtp or rtcp-fb: " + measured),
                ("SDP302", .warning, "a dynamic payload type without a=rtpmap: " + measured),
                ("SDP308", .warning, "an apt naming no payload type of the section: " + measured),
                ("ICE102", .warning, "a candidate line without all its fields: " + measured),
                ("ICE107", .warning, "a candidate priority out of range: " + measured),
                ("ICE108", .warning, "a candidate address that is not an IP address: " + measured),
                ("ICE109", .warning, "a candidate port out of range: " + measured),
                ("ICE122", .warning, "an empty or unknown ice-option: " + measured),
                ("SDP213", .warning, "an a=extmap line SIPCC skips, such as one without a URI (PRF604): " + measured),
                (
                    "ICE120", .warning,
                    "a ufrag too long or with other characters (PRF609 reports one too short): " + measured
                ),
                ("ICE121", .warning, "a password too long or with other characters (PRF609): " + measured),
                (
                    "SDP128", .warning,
                    "an m= line without formats or with a port range (PRF610 reports the rest): " + measured
                ),
                ("SDP309", .warning, "a BUNDLE mid after the first that names no section (PRF608): " + measured),
                ("WEB116", .warning, "a port-0 section in a BUNDLE group, except its first (PRF608): " + measured),
                ("WEB106", .warning, "a section without a=mid: " + measured),
                ("OA202", .warning, "an answer that binds an offered payload type to another codec: " + answers),
                ("OA206", .warning, "an answered RTX format whose apt was not negotiated: " + answers),
                ("OA103", .warning, "an answered section with another transport protocol: " + answers),
                ("OA313", .warning, "an answer whose BUNDLE group lists a section it rejects: " + answers),
                ("OA503", .warning, "an answered data channel section with another format: " + answers),
                ("OA114", .warning, "an answered section without a mid (it takes its offer's): " + answers),
                ("OA307", .warning, "an answered section without a=setup (PRF606 reports holdconn): " + answers),
                ("SDP222", .warning, "an unknown a=setup role, which SIPCC reads as none (PRF602): " + measured),
                ("SDP228", .warning, "an SCTP port or message size it reads leniently (PRF613): " + measured),
                ("SDP103", .warning, "a description without s= (PRF614 reports o= and t=): " + measured),
                (
                    "WEB113", .warning,
                    "a bundled section over RTP without a=rtcp-mux that is not audio or video, which Firefox answers "
                        + "with port 0 (PRF601 reports audio and video): " + measured
                ),
                ("SDP214", .warning, "an empty or malformed mid, which SIPCC reads as none: " + measured),
                ("SDP224", .warning, "a malformed a=rtcp: " + measured),
                ("SDP310", .warning, "a mid that two sections share: " + measured),
                ("ICE101", .warning, "an a=candidate line without its fields, which SIPCC skips: " + measured),
                ("ICE113", .warning, "a malformed candidate extension attribute: " + measured),
                ("ICE117", .warning, "an unknown tcptype: " + measured),
                ("SDP306", .warning, "an extension mapped twice (PRF605 reports a reused id): " + measured),
                (
                    "SDP319", .warning,
                    "an extension id mapped twice at the session level (PRF605 reports it): " + measured
                ),
                ("SDP320", .warning, "a=extmap lines at the session level and in a section: " + measured),
                (
                    "ICE106", .warning,
                    "a candidate priority that is not a decimal number (SIPCC skips the line): " + measured
                ),
                ("SDP216", .warning, "a group whose mids are not tokens, such as a/b: " + measured),
                (
                    "WEB101", .warning,
                    "a section without ICE credentials as written (PRF602 reports those SIPCC, reading names in any case, does not find): "
                        + measured
                ),
                (
                    "WEB102", .warning,
                    "a section without a=fingerprint as written (PRF602 and PRF615 report those SIPCC does not find): "
                        + measured
                ),
                ("SDP318", .warning, "an extension id that names two URIs in one BUNDLE group: " + measured),
                ("SDP311", .warning, "a rid restricting a payload type the m= line does not list: " + measured),
                (
                    "SDP239", .warning,
                    "a rid restriction that SIPCC reads as a number, such as \"5x\" or \"+5\" (PRF633 reports the rest): "
                        + measured
                ),
                (
                    "SDP124", .warning,
                    "a b= line SIPCC skips or reads, such as one of another type or a value that starts with a number (PRF619 reports the rest): "
                        + measured
                ),
                (
                    "SDP136", .warning,
                    "an o= address of the other family, or an IPv4 one under IP6 (PRF618 reports an IPv6 c= address under IP4): "
                        + measured
                ),
            ]
        case .aiortc:
            // aiortc's reader (aiortc/sdp.py) takes the fields it uses and skips what it does not
            // understand; each of these was accepted by aiortc 1.16 in more cases than any other
            // finding of the same rule explained a refusal.
            let measured = "aiortc 1.16 accepts it in setRemoteDescription (Conformance/, CONFORMANCE.md)"
            let answers = "aiortc 1.16 accepts such an answer to its offer (Conformance/, CONFORMANCE.md)"
            return Self.takenByEveryMeasuredReceiver(measured) + [
                ("OA116", .warning, "a data channel section answered over RTP, in use or rejected: " + answers),
                ("OA402", .warning, "an answered extension the offer does not have: " + answers),
                (
                    "OA416", .warning,
                    "an answered extension the offer does not have, at an id the offer uses: " + answers
                ),
                ("OA404", .warning, "an answer whose bundled sections map one id to two extensions: " + answers),
                (
                    "OA501", .warning,
                    "an answered data channel section in the other (legacy or RFC 8841) form: " + answers
                ),
                ("SDP102", .warning, "v=1: " + measured),
                ("SDP103", .warning, "a missing o=, s= or t= line: " + measured),
                ("SDP125", .warning, "a t= line whose times are not numbers: " + measured),
                ("SDP128", .warning, "an m= port past 65535 (PRF705 reports the m= lines it cannot read): " + measured),
                ("SDP129", .warning, "a c= address that is not a valid IP address: " + measured),
                (
                    "SDP302", .warning,
                    "a dynamic payload type without a=rtpmap (PRF705 reports one with an fmtp): " + measured
                ),
                (
                    "SDP303", .warning,
                    "a payload type above 127 in rtpmap or rtcp-fb (PRF705 reports an fmtp): " + measured
                ),
                ("SDP314", .warning, "a mid in two BUNDLE groups: " + measured),
                ("SDP312", .warning, "a simulcast rid without a=rid (aiortc reads neither): " + measured),
                (
                    "ICE106", .warning,
                    "a candidate priority with a sign (PRF705 reports one that Python's int() cannot read): " + measured
                ),
                ("SDP216", .warning, "a group whose mids are not tokens, such as a/b: " + measured),
                (
                    "SDP221", .warning,
                    "a fingerprint digest not written as hex pairs (PRF705 reports one without a digest): " + measured
                ),
                (
                    "SDP101", .warning,
                    "a line that is not type=value, which its reader skips (PRF702 and the others report a line it then lacks): "
                        + measured
                ),
                ("SDP318", .warning, "an extension id that names two URIs in one BUNDLE group: " + measured),
                ("SDP238", .warning, "a malformed a=imageattr (aiortc does not read the attribute): " + measured),
                (
                    "SDP211", .warning,
                    "an a=fmtp its reader splits, such as \"a=fmtp:111 \" (PRF705 reports one without the space): "
                        + measured
                ),
                (
                    "SDP210", .warning,
                    "an a=rtpmap value its reader takes, such as opus/48000/2/1 (PRF705 reports one it cannot read): "
                        + measured
                ),
                (
                    "SDP212", .warning,
                    "an rtcp-fb line of other characters (PRF705 reports one without a type): " + measured
                ),
                (
                    "WEB113", .warning,
                    "a bundled section over RTP without a=rtcp-mux that is not audio or video (PRF702 reports those): "
                        + measured
                ),
                ("OA202", .warning, "an answer that binds an offered payload type to another codec: " + answers),
                ("OA206", .warning, "an answered RTX format whose apt was not negotiated: " + answers),
                ("OA103", .warning, "an answered section with another transport protocol: " + answers),
                ("OA313", .warning, "an answer whose BUNDLE group lists a section it rejects: " + answers),
                ("OA503", .warning, "an answered data channel section with another format: " + answers),
                (
                    "OA304", .warning,
                    "an answered DTLS section without a fingerprint (the handshake fails later): " + answers
                ),
                ("OA200", .warning, "an answered section without a codec in common: " + answers),
                ("OA204", .warning, "an answered codec in another configuration: " + answers),
                ("OA309", .warning, "an answer's BUNDLE group naming a mid the offer does not bundle: " + answers),
                (
                    "SDP228", .warning,
                    "an SCTP port out of range (PRF705 reports a size that is not a number): " + measured
                ),
                ("SDP120", .warning, "an o= line with fields missing: " + measured),
                ("SDP135", .warning, "an o= session id that is not a number: " + measured),
                ("SDP105", .warning, "a repeated session line: " + measured),
                ("SDP123", .warning, "a section without c=: " + measured),
                ("SDP207", .warning, "two direction attributes: " + measured),
                ("SDP213", .warning, "an extmap it does not read: " + measured),
                ("SDP214", .warning, "a malformed mid: " + measured),
                ("SDP215", .warning, "a malformed msid: " + measured),
                ("SDP217", .warning, "a malformed ssrc line: " + measured),
                ("SDP233", .warning, "a clock rate or channel count of 0: " + measured),
                ("SDP235", .warning, "an unknown extmap direction: " + measured),
                ("SDP236", .warning, "a fingerprint digest of the wrong length: " + measured),
                ("SDP301", .warning, "a payload type mapped twice: " + measured),
                ("SDP308", .warning, "an apt naming no payload type of the section: " + measured),
                ("SDP309", .warning, "a group naming a mid no section has: " + measured),
                ("ICE107", .warning, "a candidate priority out of range: " + measured),
                ("ICE108", .warning, "a candidate address that is not an IP address: " + measured),
                ("ICE109", .warning, "a candidate port out of range: " + measured),
                ("ICE120", .warning, "an ICE ufrag of the wrong length or characters: " + measured),
                ("ICE121", .warning, "an ICE password of the wrong length or characters: " + measured),
                ("ICE122", .warning, "an empty or unknown ice-option: " + measured),
                ("WEB102", .warning, "an RTP section without the WebRTC transport: " + measured),
                ("WEB106", .warning, "a section without a mid: " + measured),
                ("WEB107", .warning, "an msid that names no track: " + measured),
                ("WEB116", .warning, "a port-0 section in a BUNDLE group: " + measured),
                ("SDP124", .warning, "a malformed b= line: " + measured),
                ("SDP310", .warning, "a mid that two sections share: " + measured),
                ("SDP136", .warning, "an o= or c= address of the other family: " + measured),
                ("SDP224", .warning, "a malformed a=rtcp (PRF705 reports what its reader cannot read): " + measured),
                ("ICE113", .warning, "a malformed candidate extension attribute: " + measured),
                ("ICE117", .warning, "an unknown tcptype: " + measured),
                ("SDP306", .warning, "an extension mapped twice: " + measured),
                ("SDP319", .warning, "an extension id mapped twice at the session level: " + measured),
                ("SDP320", .warning, "a=extmap lines at the session level and in a section: " + measured),
                ("SDP311", .warning, "a rid restricting a payload type the m= line does not list: " + measured),
                ("SDP227", .warning, "a malformed a=simulcast, which it does not read: " + measured),
                ("SDP241", .warning, "a simulcast stream id that is no rid id: " + measured),
                ("SDP110", .warning, "a NUL byte, a lone CR or a byte order mark: " + measured),
                (
                    "SDP239", .warning,
                    "a rid restriction whose value is not a number (aiortc reads no a=rid): " + measured
                ),
                ("SDP226", .warning, "a malformed a=rid (aiortc reads no a=rid): " + measured),
            ]
        case .gstreamer:
            // webrtcbin takes what GstSdp reads and checks each section's transport (PRF801-803):
            // each of these was accepted by GStreamer 1.22 in every case, or nearly, where it was
            // the only finding.
            let measured = "GStreamer 1.22's webrtcbin accepts it (Conformance/, CONFORMANCE.md)"
            let lenient: [(Rule.Code, String)] = [
                ("SDP102", "v=1"), ("SDP103", "a missing o=, s= or t= line"), ("SDP105", "a repeated session line"),
                ("SDP120", "an o= line with fields missing"), ("SDP123", "a section without c="),
                ("SDP125", "a t= line whose times are not numbers"),
                ("SDP128", "an m= line GstSdp reads leniently"), ("SDP129", "a c= address that is not an IP address"),
                ("SDP135", "an o= session id that is not a number"), ("SDP207", "two direction attributes"),
                ("SDP210", "a malformed rtpmap"), ("SDP211", "an fmtp that is not name=value pairs"),
                ("SDP212", "a malformed rtcp-fb line"), ("SDP213", "a malformed extmap"),
                ("SDP214", "a malformed mid (PRF801 reports an empty one)"), ("SDP215", "a malformed msid"),
                ("SDP217", "a malformed ssrc line"), ("SDP218", "a malformed ssrc-group"),
                ("WEB107", "an SSRC in two sections"), ("SDP221", "a malformed fingerprint"),
                ("SDP233", "a clock rate or channel count of 0"), ("SDP235", "an unknown extmap direction"),
                ("SDP236", "a fingerprint digest of the wrong length"), ("SDP301", "a payload type mapped twice"),
                ("SDP302", "a dynamic payload type without a=rtpmap"), ("SDP303", "a payload type above 127"),
                ("SDP308", "an apt naming no payload type of the section"),
                ("SDP309", "a group naming a mid no section has"), ("SDP312", "a simulcast rid without a=rid"),
                ("SDP314", "a mid in two BUNDLE groups"), ("SDP238", "a malformed a=imageattr, which it does not read"),
                ("SDP224", "a malformed a=rtcp"),
                ("SDP310", "a mid that two sections share"), ("SDP136", "a c= address of the other family"),
                ("SDP318", "an extension id that names two URIs in one BUNDLE group"),
                ("ICE106", "a candidate priority that is not a decimal number"),
                ("SDP216", "a group whose mids are not tokens, such as a/b"),
                ("ICE101", "an a=candidate line without its fields"),
                ("ICE113", "a malformed candidate extension attribute"),
                ("SDP124", "a malformed b= line"),
                ("ICE117", "an unknown tcptype"), ("SDP110", "a NUL byte, a lone CR or a byte order mark"),
                ("SDP101", "a line that is not <letter>=<value>, which GstSdp skips"),
                ("SDP239", "a rid restriction whose value is not a number"),
                ("SDP226", "a malformed a=rid, which it does not read"),
                ("SDP306", "an extension mapped twice"),
                ("SDP319", "an extension id mapped twice at the session level"),
                ("SDP320", "a=extmap lines at the session level and in a section"),
                ("SDP311", "a rid restricting a payload type the m= line does not list"),
                ("SDP227", "a malformed a=simulcast, which it does not read"),
                ("SDP241", "a simulcast stream id that is no rid id"),
                ("ICE102", "a candidate line without all its fields"), ("ICE107", "a candidate priority out of range"),
                ("ICE108", "a candidate address that is not an IP address"),
                ("ICE109", "a candidate port out of range"),
                ("ICE120", "a ufrag of the wrong length or characters (PRF801 reports an empty one)"),
                ("ICE121", "a password of the wrong length or characters (PRF801 reports an empty one)"),
                ("ICE122", "an empty or unknown ice-option"),
                ("WEB101", "a section without ICE credentials, where PRF801 reports what webrtcbin refuses"),
                ("WEB102", "a section without a fingerprint, where PRF801 reports what webrtcbin refuses"),
                ("WEB106", "a section without a mid, where PRF801 reports what webrtcbin refuses"),
                ("WEB113", "a bundled RTP section without rtcp-mux"), ("WEB116", "a port-0 section in a BUNDLE group"),
                ("WEB108", "a=rtcp-mux-only without a=rtcp-mux"),
            ]
            // As the offerer, webrtcbin takes answers that negotiation would fail (measured with
            // answers to its offer from four engines).
            let answers =
                "GStreamer 1.22's webrtcbin accepts such an answer to its offer (Conformance/, CONFORMANCE.md)"
            let lenientWithAnswers: [(Rule.Code, String)] = [
                ("OA102", "an answered section of another media type"),
                ("OA103", "an answered section with another transport protocol"),
                ("OA106", "an answered section whose mid differs"),
                ("OA115", "a section the answer rejects whose mid differs"),
                ("OA116", "a data channel section answered over RTP"),
                ("OA501", "an answered data channel section in the other (legacy or RFC 8841) form"),
                ("OA200", "an answered section without a codec in common"),
                ("OA202", "an answer that binds an offered payload type to another codec"),
                ("OA309", "an answer's BUNDLE group the offer did not ask for"),
                ("OA406", "an answer without the rtcp-mux the offer requires"),
                ("OA503", "an answered data channel section with another format"),
                ("SDP228", "an SCTP port or message size out of range"),
            ]
            return Self.takenByEveryMeasuredReceiver(measured)
                + lenient.map { ($0.0, .warning, "\($0.1): " + measured) }
                + lenientWithAnswers.map { ($0.0, .warning, "\($0.1): " + answers) }
        default:
            return []
        }
    }

    /// What Chromium, Firefox, aiortc and GStreamer all take however it is written (measured
    /// with offers changed one line at a time, Conformance/): values they read loosely or not
    /// at all.
    private static func takenByEveryMeasuredReceiver(
        _ measured: String
    ) -> [(code: Rule.Code, severity: Severity, source: String)] {
        [
            ("SDP200", .warning, "an a= line whose name is empty or not a token: " + measured),
            ("SDP223", .warning, "a malformed tls-id: " + measured),
            ("SDP225", .warning, "a ptime, maxptime or framerate that is not a positive number: " + measured),
            ("SDP126", .warning, "a malformed r= or z= line: " + measured),
            (
                "SDP107", .warning,
                "an o=, s=, t=, r=, z=, u=, e= or p= line inside a media section, which each ignores there: "
                    + measured
            ),
            ("SDP230", .warning, "a malformed label, content, identity or msid-semantic value: " + measured),
            ("ICE103", .warning, "a candidate foundation longer than 32 characters: " + measured),
            ("ICE104", .warning, "a candidate component id of 0: " + measured),
            ("ICE112", .warning, "a candidate extension attribute without a value: " + measured),
            ("ICE118", .warning, "a candidate's raddr, rport or tcptype given twice: " + measured),
            ("SDP316", .warning, "a RED list naming a payload type the m= line does not: " + measured),
            ("SDP317", .warning, "an extension mapped to two ids in a section: " + measured),
            (
                "SDP137", .warning,
                "an o= session id or version past 2^63-1 (PRF626 reports what Firefox reads above it): " + measured
            ),
            (
                "SDP122", .warning,
                "a c= address whose TTL is missing or not allowed (PRF125 reports the suffix libwebrtc refuses): "
                    + measured
            ),
        ]
    }

    /// The severity this receiver gives a general rule's finding of `severity`: raised where
    /// it refuses, lowered where it accepts.
    public func judge(_ code: Rule.Code, _ severity: Severity) -> Severity {
        guard let bounds = Self.severityBounds[self]?[code] else { return severity }
        var judged = severity
        if let floor = bounds.floor { judged = max(judged, floor) }
        if let ceiling = bounds.ceiling { judged = min(judged, ceiling) }
        return judged
    }

    /// Each profile's escalations (floors) and tolerances (ceilings) by rule code, built once:
    /// ``judge(_:_:)`` runs for every finding, and the lists are built anew on each read.
    private static let severityBounds: [Profile: [Rule.Code: (floor: Severity?, ceiling: Severity?)]] =
        Dictionary(
            uniqueKeysWithValues: allCases.map { profile in
                var bounds: [Rule.Code: (floor: Severity?, ceiling: Severity?)] = [:]
                for escalation in profile.escalations {
                    bounds[escalation.code, default: (nil, nil)].floor = max(
                        bounds[escalation.code]?.floor ?? escalation.severity, escalation.severity)
                }
                for tolerance in profile.tolerances {
                    bounds[tolerance.code, default: (nil, nil)].ceiling = min(
                        bounds[tolerance.code]?.ceiling ?? tolerance.severity, tolerance.severity)
                }
                return (profile, bounds)
            })

    /// Whether a field is a decimal number: at least one ASCII digit and nothing else.
    static func isDecimal(_ field: some Collection<UInt8>) -> Bool {
        !field.isEmpty && field.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    }

    /// Whether aiortc has a codec for a section: true for a section other than audio or video.
    /// Its reader takes the codecs from the a=rtpmap lines (aiortc/sdp.py) and matches them
    /// with its own by name and clock rate, and for H.264 by packetization mode and profile.
    static func aiortcImplementsACodec(of media: MediaDescription) -> Bool {
        let implemented: [MediaDescription.MediaType: [(name: String, clockRate: Int)]] = [
            .audio: [("opus", 48000), ("G722", 8000), ("PCMU", 8000), ("PCMA", 8000)],
            .video: [("VP8", 90000), ("H264", 90000)],
        ]
        guard let codecs = implemented[media.media] else { return true }
        let fmtps = media.attributes.compactMap { $0.name == .fmtp ? $0.as(FMTP.self) : nil }
        return media.attributes.contains { attribute in
            // aiortc reads any payload type below 256 here (measured: a=rtpmap:200 opus/48000/2).
            // It splits the value at its first space, and reads numbers with Python's int().
            let (first, rest) = PythonText.splitOnce(attribute.value ?? "")
            let encoding = rest?.split(separator: "/", omittingEmptySubsequences: false) ?? []
            guard attribute.name == .rtpmap, encoding.count >= 2, let payloadType = PythonText.integer(first),
                let clockRate = PythonText.integer(encoding[1])
            else { return false }
            let name = String(encoding[0])
            guard codecs.contains(where: { name.equalsIgnoringASCIICase($0.name) && clockRate == $0.clockRate })
            else { return false }
            guard name.equalsIgnoringASCIICase("H264") else { return true }
            let fmtp = fmtps.first { $0.payloadType == payloadType }
            let profile = H264ProfileLevelID(fmtp?[parameter: "profile-level-id"] ?? "42e01f")?.profile
            return fmtp?[parameter: "packetization-mode"] == "1"
                && (profile == .baseline || profile == .constrainedBaseline)
        }
    }

    /// Whether `byte` is one of the line types RFC 8866 §5 defines: v o s i u e p c b t r z k a m.
    static func isLineType(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "v"), UInt8(ascii: "o"), UInt8(ascii: "s"), UInt8(ascii: "i"), UInt8(ascii: "u"),
            UInt8(ascii: "e"), UInt8(ascii: "p"), UInt8(ascii: "c"), UInt8(ascii: "b"), UInt8(ascii: "t"),
            UInt8(ascii: "r"), UInt8(ascii: "z"), UInt8(ascii: "k"), UInt8(ascii: "a"), UInt8(ascii: "m"):
            true
        default: false
        }
    }

    /// The profile's own rules: those of its series of codes (PRF1xx for libwebrtc, PRF6xx for
    /// Firefox, …), in code order.
    public var rules: [Rule] {
        let series: UInt8 =
            switch self {
            case .chrome, .safari: UInt8(ascii: "1")
            case .janus: UInt8(ascii: "2")
            case .freeswitch: UInt8(ascii: "3")
            case .asterisk: UInt8(ascii: "4")
            case .pjsip: UInt8(ascii: "5")
            case .firefox: UInt8(ascii: "6")
            case .aiortc: UInt8(ascii: "7")
            case .gstreamer: UInt8(ascii: "8")
            }
        return ProfileRules.all.filter { Array($0.code.rawValue.utf8).dropFirst(3).first == series }
            .sorted { $0.code.rawValue < $1.code.rawValue }
    }

    /// The bytes of a description that this profile's receiver does not read as part of their
    /// line, where a general rule's finding is a warning under the profile: Firefox's SIPCC ends
    /// a value at a carriage return inside its line and stops at a line it cannot read, and
    /// Firefox reads no session c= line in a description without sections;
    /// webrtcbin ends a value at such a carriage return too, reads a section's first a=setup
    /// alone and the text up to its first NUL; aiortc ends a line wherever Python's
    /// splitlines() does; libwebrtc reads no a=sctpmap, no a=fmtp or a=rtcp-fb outside audio,
    /// video and data channel sections, and no a=sctp-port or a=max-message-size outside a data
    /// channel section over a protocol it reads as SCTP. What the other
    /// reading lacks is the profile's own rules' to report (PRF621, PRF624, PRF627 for Firefox).
    package func unreadBytes(of parsed: ParseResult<SessionDescription>) -> [Range<Int>] {
        switch self {
        case .chrome, .safari: return ProfileCheck.libwebrtcUnreadLines(parsed)
        case .firefox:
            // SIPCC keeps a section's first a=mid (measured: a mid of 17 characters after a short
            // one taken, before it refused).
            let reading = ProfileCheck.SIPCCReading(parsed.source.bytes)
            return reading.unread + ProfileCheck.firefoxUnusedConnection(parsed, reading)
                + ProfileCheck.unreadMids(parsed, keepingLast: false)
        case .aiortc: return ProfileCheck.pythonLineTails(parsed.source.bytes)
        case .gstreamer:
            return ProfileCheck.carriageReturnTails(parsed.source.bytes) + ProfileCheck.unreadSetupLines(parsed)
                + (parsed.source.bytes.firstIndex(of: 0).map { [$0..<parsed.source.bytes.count] } ?? [])
        default: return []
        }
    }

    /// The description as the profile's receiver reads its text, where that differs from the
    /// grammar's reading: Firefox and webrtcbin end a value at a carriage return inside a line
    /// (webrtcbin the text at a NUL byte), aiortc a line there and at Python's other line
    /// breaks; Firefox reads rid and simulcast directions in any case; libwebrtc reads a group as
    /// BUNDLE only when it is written so, a property followed by a space as the property, and a
    /// value after a run of colons. A general rule's finding that this reading does not give is
    /// at most a warning under the profile.
    package func reading(of parsed: ParseResult<SessionDescription>) -> ParseResult<SessionDescription>? {
        switch self {
        case .firefox: ProfileCheck.firefoxReading(parsed)
        case .gstreamer: ProfileCheck.valuesEndingAtCarriageReturn(parsed, endingAtNUL: true)
        case .aiortc: ProfileCheck.linesBrokenAsPythonDoes(parsed)?.read
        case .chrome, .safari: ProfileCheck.libwebrtcReading(parsed)
        default: nil
        }
    }

    /// Whether the receiver ends a line's value at a carriage return inside the line: SIPCC
    /// (sdp_main.c), webrtcbin's GstSdp (gstsdpmessage.c reads a value up to CR, LF or NUL) and
    /// aiortc (Python's splitlines() ends a line at a lone CR); measured for each.
    var endsValuesAtCarriageReturn: Bool {
        switch self {
        case .firefox, .aiortc, .gstreamer: true
        default: false
        }
    }

    /// Runs the profile's own rules on a description.
    package func check(_ parsed: ParseResult<SessionDescription>, type: SDPType?, strict: Bool) -> [Diagnostic] {
        let check = ProfileCheck(self, parsed, type: type, strict: strict)
        check.run()
        return check.findings
    }
}

/// pjproject's compile-time SDP and ICE limits.
struct PJProjectLimits {
    let attributes: Int, formats: Int, media: Int, candidates: Int, bandwidths: Int

    /// pjproject's defaults (pjmedia/include/pjmedia/config.h, pjnath/include/pjnath/config.h).
    static let stock = PJProjectLimits(attributes: 68, formats: 32, media: 16, candidates: 16, bandwidths: 4)
    /// What Asterisk builds pjproject with (third-party/pjproject/patches/config_site.h):
    /// "Defaults too low for WebRTC".
    static let asterisk = PJProjectLimits(attributes: 132, formats: 64, media: 16, candidates: 32, bandwidths: 4)
}
