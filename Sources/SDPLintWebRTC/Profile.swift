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
                (
                    "WEB115", .error,
                    "webrtc-sdp's sanity check rejects an extension mapped at both levels (mozilla/webrtc-sdp)"
                ),
                (
                    "ICE202", .error,
                    """
                    Firefox rejected server-reflexive and relay candidates without raddr/rport \
                    (paullouisageneau/libjuice#10)
                    """
                ),
                ("SDP312", .error, "webrtc-sdp's sanity check requires every simulcast rid to be declared"),
                (
                    "WEB114", .error,
                    "Firefox ESR 153 refuses a mid longer than 16 characters (measured in Conformance/)"
                ),
                (
                    "SDP133", .error,
                    "Firefox ESR 153 refuses an unregistered network type or transport protocol (measured in Conformance/)"
                ),
                (
                    "SDP232", .error,
                    "SIPCC refuses a fingerprint digest in lower-case hex (\"Malformed fingerprint token\", measured in Conformance/)"
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
                    "WEB113", .error,
                    "libwebrtc rejects a BUNDLE group whose RTP sections lack rtcp-mux (pc/webrtc_sdp.cc)"
                ),
                (
                    "SDP121", .error,
                    "Chromium 156 refuses an empty s= line (\"s= Expect line: s=\"), measured with setRemoteDescription"
                ),
                (
                    "WEB114", .error,
                    "Chromium 156 refuses a mid longer than 16 characters, with or without the sdes:mid extension (measured)"
                ),
                (
                    "SDP133", .error,
                    "Chromium 156 refuses an unregistered network type or transport protocol (measured in Conformance/)"
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
            return [
                ("SDP102", .warning, "v=1: " + measured),
                ("SDP135", .warning, "an o= session id that is not a number (libwebrtc keeps it as text): " + measured),
                (
                    "SDP129", .warning,
                    "a c= address that is not a valid IP address (libwebrtc connects by ICE candidates): " + measured
                ),
                (
                    "ICE107", .warning,
                    "a candidate priority of 0 (PRF106 reports one that does not fit 32 bits): " + measured
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
                ("ICE108", .warning, "a candidate address that is not an IP address: " + measured),
                ("ICE122", .warning, "an empty or unknown ice-option: " + measured),
                ("WEB116", .warning, "a port-0 section in a BUNDLE group: " + measured),
                (
                    "SDP302", .warning,
                    "a dynamic payload type without a=rtpmap and without fmtp or rtcp-fb lines (PRF102 reports one with them): "
                        + measured
                ),
                ("WEB106", .warning, "a section without a=mid (libwebrtc numbers it; PRF107): " + measured),
                ("OA202", .warning, "an answer that binds an offered payload type to another codec: " + answers),
                ("OA103", .warning, "an answered section with another transport protocol: " + answers),
                ("OA503", .warning, "an answered data channel section with another format: " + answers),
                ("OA106", .warning, "an answered section whose mid differs (matched by position): " + answers),
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
            return [
                ("SDP210", .warning, "an rtpmap whose clock rate or channels SIPCC reads leniently: " + measured),
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
                ("SDP214", .warning, "an empty or malformed mid, which SIPCC reads as none: " + measured),
            ]
        case .aiortc:
            // aiortc's reader (aiortc/sdp.py) takes the fields it uses and skips what it does not
            // understand; each of these was accepted by aiortc 1.16 in more cases than any other
            // finding of the same rule explained a refusal.
            let measured = "aiortc 1.16 accepts it in setRemoteDescription (Conformance/, CONFORMANCE.md)"
            let answers = "aiortc 1.16 accepts such an answer to its offer (Conformance/, CONFORMANCE.md)"
            return [
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
                ("SDP217", "a malformed ssrc line"), ("SDP221", "a malformed fingerprint"),
                ("SDP233", "a clock rate or channel count of 0"), ("SDP235", "an unknown extmap direction"),
                ("SDP236", "a fingerprint digest of the wrong length"), ("SDP301", "a payload type mapped twice"),
                ("SDP302", "a dynamic payload type without a=rtpmap"), ("SDP303", "a payload type above 127"),
                ("SDP308", "an apt naming no payload type of the section"),
                ("SDP309", "a group naming a mid no section has"), ("SDP312", "a simulcast rid without a=rid"),
                ("SDP314", "a mid in two BUNDLE groups"),
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
            ]
            // As the offerer, webrtcbin takes answers that negotiation would fail (measured with
            // answers to its offer from four engines).
            let answers =
                "GStreamer 1.22's webrtcbin accepts such an answer to its offer (Conformance/, CONFORMANCE.md)"
            let lenientWithAnswers: [(Rule.Code, String)] = [
                ("OA102", "an answered section of another media type"),
                ("OA103", "an answered section with another transport protocol"),
                ("OA106", "an answered section whose mid differs"),
                ("OA200", "an answered section without a codec in common"),
                ("OA202", "an answer that binds an offered payload type to another codec"),
                ("OA309", "an answer's BUNDLE group the offer did not ask for"),
                ("OA406", "an answer without the rtcp-mux the offer requires"),
                ("OA503", "an answered data channel section with another format"),
                ("SDP228", "an SCTP port or message size out of range"),
            ]
            return lenient.map { ($0.0, .warning, "\($0.1): " + measured) }
                + lenientWithAnswers.map { ($0.0, .warning, "\($0.1): " + answers) }
        default:
            return []
        }
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
            let fields = (attribute.value ?? "").split(separator: " ", maxSplits: 1)
            let encoding = fields.count == 2 ? fields[1].split(separator: "/") : []
            guard attribute.name == .rtpmap, encoding.count >= 2, let payloadType = Int(fields[0]),
                let clockRate = Int(encoding[1])
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

    /// Whether a c= address (without its /ttl) is a domain name rather than an IP literal.
    static func isHostName(_ address: String) -> Bool {
        let bytes = Array(address.utf8.prefix { $0 != UInt8(ascii: "/") })
        return Address.classify(bytes.span, 0..<bytes.count) == .fqdn
    }

    /// The profile's own rules.
    public var rules: [Rule] {
        switch self {
        case .chrome, .safari:
            [
                ProfileRules.sdesOnly, ProfileRules.codecWithoutRTPMap,
                ProfileRules.bundledSectionWithoutRTCPMux, ProfileRules.withoutDTLS, ProfileRules.withoutICE,
                ProfileRules.candidatePriorityBeyond32Bits, ProfileRules.unresolvedMid, ProfileRules.ssrcStreams,
                ProfileRules.answerFingerprintLength, ProfileRules.answerNotApplicable, ProfileRules.iceCredentials,
                ProfileRules.sessionFingerprintTwice, ProfileRules.illegalMid,
            ]
        case .aiortc:
            [
                ProfileRules.aiortcICERequired, ProfileRules.aiortcRTCPMuxRequired, ProfileRules.aiortcSetupHoldconn,
                ProfileRules.aiortcNoCommonCodec, ProfileRules.aiortcReaderFails, ProfileRules.aiortcSetupRequired,
            ]
        case .gstreamer:
            [
                ProfileRules.gstreamerTransportEverySection, ProfileRules.gstreamerTransportDiffers,
                ProfileRules.gstreamerSetupHoldconn, ProfileRules.gstreamerAnswerDirection,
            ]
        case .janus: [ProfileRules.janusNeedsBundleAndMux, ProfileRules.janusSimulcastLayers]
        case .asterisk: ProfileRules.asterisk
        case .pjsip: ProfileRules.pjsip
        case .freeswitch: [ProfileRules.sofiaDropsSendrecv]
        case .firefox:
            [
                ProfileRules.firefoxRTCPMux, ProfileRules.firefoxTransportEverySection,
                ProfileRules.firefoxConnectionHostName, ProfileRules.firefoxExtensionIDRange,
                ProfileRules.firefoxDuplicateExtensionID, ProfileRules.firefoxSetupHoldconn,
                ProfileRules.firefoxNoSupportedFingerprint, ProfileRules.firefoxBundleTag,
                ProfileRules.firefoxShortICECredentials, ProfileRules.firefoxMediaLine,
                ProfileRules.firefoxConnectionTwice, ProfileRules.firefoxMediaType,
                ProfileRules.firefoxAnswerWithoutCodec, ProfileRules.firefoxSessionLines,
            ]
        }
    }

    /// Runs the profile's own rules on a description.
    package func check(_ parsed: ParseResult<SessionDescription>, type: SDPType?, strict: Bool) -> [Diagnostic] {
        let session = parsed.value
        /// The mids in BUNDLE groups, and each group's first (its tag).
        let bundled = Set(session.bundleGroups.flatMap { $0 })
        let tags = Set(session.bundleGroups.compactMap(\.first))
        /// Whether a section is in a BUNDLE group and not its first: it shares the first one's
        /// transport.
        func ridesOnGroup(_ index: Int) -> Bool {
            session.media[index].mid.map { bundled.contains($0) && !tags.contains($0) } ?? false
        }
        /// Whether a section of an answer rides on its BUNDLE group's first section: the
        /// browsers read no transport of their own there (measured with answers to their
        /// offers), while they check every section of an offer.
        func ridesOnGroupInAnswer(_ index: Int) -> Bool {
            (type == .answer || type == .pranswer) && ridesOnGroup(index)
        }
        var findings: [Diagnostic] = []
        func report(_ rule: Rule, _ location: SourceLocation, _ message: String) {
            findings.append(rule.diagnostic(at: location, message, strict: strict))
        }
        func attributeLocation(_ section: Int?, _ index: Int?) -> SourceLocation {
            parsed.location(ofAttribute: index, inSection: section)
        }
        /// Each a=setup:holdconn of the description, for a receiver that refuses it, in the
        /// sections it reads (`reads`).
        func reportHoldconn(_ rule: Rule, _ why: String, reads: (Int) -> Bool = { _ in true }) {
            for (index, media) in session.media.enumerated() where reads(index) {
                for (attributeIndex, attribute) in media.attributes.enumerated()
                where attribute.name == .setup && attribute.as(Setup.self) == .holdconn {
                    report(rule, attributeLocation(index, attributeIndex), "a=setup:holdconn: \(why)")
                }
            }
        }
        /// The ICE credentials section `index` has neither in itself nor at the session level.
        func missingCredentials(_ index: Int) -> [Attribute.Name] {
            [.iceUfrag, .icePwd].filter { !session.media[index].has($0) && !session.has($0) }
        }
        /// The listed payload types libwebrtc has a codec for: those an a=rtpmap line names (whatever
        /// follows the type, a clock rate of 0 included) and the static ones (pc/webrtc_sdp.cc).
        func libwebrtcCodecs(_ media: MediaDescription) -> Set<Int> {
            let listed = Set(media.payloadTypes)
            var named = listed.filter { RTPMap.staticPayloadType($0) != nil }
            for attribute in media.attributes where attribute.name == .rtpmap {
                if let pt = Int((attribute.value ?? "").prefix { $0 != " " }), listed.contains(pt) {
                    named.insert(pt)
                }
            }
            return named
        }
        /// libwebrtc's streams from a=ssrc lines (pc/webrtc_sdp.cc, media/base/stream_params.cc):
        /// one track per section, one SSRC per audio stream, groups complete and one per semantics
        /// and first SSRC.
        func reportSSRCStreams() {
            let trackPerSection = session.media.contains { $0.has(.msid) }
            for (index, media) in session.media.enumerated()
            where !media.isRejected && (media.media == .audio || media.media == .video) {
                // Each SSRC's track: its msid's second value, or none.
                var declared: [UInt32] = []
                var trackOf: [UInt32: String] = [:]
                for attribute in media.attributes where attribute.name == .ssrc {
                    guard let ssrc = attribute.as(SSRC.self) else { continue }
                    if !declared.contains(ssrc.id) { declared.append(ssrc.id) }
                    if ssrc.attribute == "msid", let track = ssrc.value?.split(separator: " ").dropFirst().first {
                        trackOf[ssrc.id] = String(track)
                    }
                }
                guard !declared.isEmpty else { continue }
                let tracks = trackPerSection ? [] : Set(declared.map { trackOf[$0] ?? "" })
                func refuse(_ attributeIndex: Int?, _ why: String) {
                    report(
                        ProfileRules.ssrcStreams, attributeLocation(index, attributeIndex), "libwebrtc refuses \(why)")
                }
                if tracks.count > 1 {
                    refuse(
                        nil, "\(tracks.count) tracks in section \(index) from its a=ssrc msid values; it receives one")
                    continue
                }
                if media.media == .audio && declared.count > 1 {
                    refuse(nil, "\(declared.count) SSRCs in audio section \(index); an audio stream has one")
                    continue
                }
                var firsts: [(semantics: String, ssrc: UInt32)] = []
                for (attributeIndex, attribute) in media.attributes.enumerated() where attribute.name == .ssrcGroup {
                    guard let group = attribute.as(SSRCGroup.self), let first = group.ssrcs.first,
                        declared.contains(first)
                    else { continue }
                    if let missing = group.ssrcs.first(where: { !declared.contains($0) }) {
                        refuse(
                            attributeIndex,
                            "this \(group.semantics) group: SSRC \(first) is declared and SSRC \(missing) is not")
                    } else if firsts.contains(where: { $0 == (group.semantics, first) }) {
                        refuse(attributeIndex, "a second \(group.semantics) group for SSRC \(first)")
                    }
                    firsts.append((group.semantics, first))
                }
            }
        }
        /// The fields of a section's m= line as written (media, port, protocol, formats): the
        /// model keeps no port or format that does not parse.
        func mediaLineFields(_ media: MediaDescription) -> [ArraySlice<UInt8>]? {
            guard let number = media.sourceLine.number, let range = parsed.source.range(ofLine: number) else {
                return nil
            }
            return parsed.source.bytes[range].dropFirst(2).split(separator: UInt8(ascii: " "))
        }
        /// The lines aiortc's reader (aiortc/sdp.py) raises an exception on, each read from its
        /// text: the model keeps no value that does not parse.
        func reportAiortcReaderFailures() {
            func fail(_ location: SourceLocation, _ why: String) {
                report(ProfileRules.aiortcReaderFails, location, "aiortc's SDP reader fails on this line: \(why)")
            }
            func fields(_ value: String?) -> [Substring] { value?.split(separator: " ") ?? [] }
            let connections =
                (session.connection.map { [$0] } ?? []) + session.media.flatMap(\.connections)
            for connection in connections {
                guard let number = connection.sourceLine.number, let range = parsed.source.range(ofLine: number)
                else { continue }
                let text = String(decoding: parsed.source.bytes[range], as: UTF8.self)
                let parts = text.dropFirst(2).split(separator: " ", omittingEmptySubsequences: false)
                if parts.count != 3 || parts[0] != "IN" || (parts[1] != "IP4" && parts[1] != "IP6") {
                    fail(
                        parsed.source.location(of: connection.sourceLine) ?? parsed.location(ofSection: nil),
                        "it reads only \"IN IP4\" or \"IN IP6\" and one address")
                }
            }
            for (index, media) in session.media.enumerated() {
                if let parts = mediaLineFields(media) {
                    let port = parts.count > 1 ? parts[1] : []
                    let formats = parts.dropFirst(3).map { Int(String(decoding: $0, as: UTF8.self)) }
                    let isRTP = media.media == .audio || media.media == .video
                    if !Self.isDecimal(port) || formats.isEmpty {
                        fail(parsed.location(ofSection: index), "it needs a numeric port and at least one format")
                    } else if isRTP,
                        formats.contains(where: { $0.map { $0 > 255 || (72...76).contains($0) } ?? true })
                    {
                        fail(
                            parsed.location(ofSection: index),
                            "it needs audio and video formats that are numbers below 256, outside 72–76")
                    }
                }
                let mapped = Set(
                    media.attributes.compactMap {
                        $0.name == .rtpmap ? fields($0.value).first.flatMap { Int($0) } : nil
                    })
                for (attributeIndex, attribute) in media.attributes.enumerated() {
                    switch attribute.name {
                    case .extmap:
                        let parts = attribute.value?.split(whereSeparator: { $0 == " " || $0 == "\t" }) ?? []
                        if parts.count != 2 || Int(parts[0].prefix { $0 != "/" }) == nil {
                            fail(attributeLocation(index, attributeIndex), "it reads an id and a URI, and nothing more")
                        }
                    case .fmtp:
                        if let pt = fields(attribute.value).first.flatMap({ Int($0) }), !mapped.contains(pt) {
                            fail(attributeLocation(index, attributeIndex), "no a=rtpmap line maps payload type \(pt)")
                        }
                    case .sctpPort, .maxMessageSize:
                        // Python's int() of the value, which allows spaces around it.
                        if Int((attribute.value ?? "").trimmingASCIISpaces) == nil {
                            fail(attributeLocation(index, attributeIndex), "it reads the value as a whole number")
                        }
                    default: break
                    }
                }
            }
        }
        /// SIPCC's floor on ICE credentials, per level (RFC 8839 §5.4 gives 4 and 22).
        func reportShortCredentials(_ section: Int?, _ attributes: [Attribute]) {
            for (attributeIndex, attribute) in attributes.enumerated() {
                let (what, minimum) =
                    switch attribute.name {
                    case .iceUfrag: ("ufrag", 4)
                    case .icePwd: ("password", 22)
                    default: ("", 0)
                    }
                let length = attribute.value?.count ?? 0
                guard length < minimum else { continue }
                report(
                    ProfileRules.firefoxShortICECredentials,
                    attributeLocation(section, attributeIndex),
                    "Firefox refuses an ICE \(what) of \(length) characters; it needs at least \(minimum)")
            }
        }
        /// The m= line faults SIPCC refuses, read from the line itself (the model keeps no bad port).
        func reportMediaLine(_ index: Int, _ media: MediaDescription) {
            guard let fields = mediaLineFields(media), fields.count >= 3 else { return }
            let port = fields[1].prefix { $0 != UInt8(ascii: "/") }
            let reason =
                if !Self.isDecimal(port) {
                    "the port is not a number"
                } else if fields.count == 3 && media.proto.isSCTP {
                    "an SCTP section needs its format (webrtc-datachannel)"
                } else {
                    ""
                }
            guard !reason.isEmpty else { return }
            report(
                ProfileRules.firefoxMediaLine, parsed.location(ofSection: index),
                "SIPCC refuses this m= line: \(reason)")
        }
        switch self {
        case .chrome, .safari:
            // WEB113 reports a group whose tagged section lacks rtcp-mux; the sections that
            // leave it to the tagged one are this receiver's own refusal. A port-0 bundle-only
            // section is exempt: Chromium 156 accepts RFC 8829 §7.3's first offer, whose video
            // section is one (measured in Conformance/).
            for (index, media) in session.media.enumerated()
            where !media.isRejected && media.proto.isRTP && !media.has(.rtcpMux)
                && !(media.port == 0 && media.has(.bundleOnly))
                && ridesOnGroup(index)
            {
                report(
                    ProfileRules.bundledSectionWithoutRTCPMux, parsed.location(ofSection: index),
                    "libwebrtc requires a=rtcp-mux in every bundled RTP section; section \(index) leaves it to its BUNDLE tag"
                )
            }
            // One finding per description: the first section without DTLS or SDES (WEB102 reports
            // the WebRTC transports, PRF101 the SDES ones).
            // libwebrtc rejects a section of another media type unread (measured: m=text).
            let used = session.media.indices.filter { index in
                !session.media[index].isRejected && [.audio, .video, .application].contains(session.media[index].media)
            }
            let withoutDTLS = used.first(where: { index in
                let media = session.media[index]
                return (media.proto.isRTP || media.proto.isSCTP) && !media.has(.fingerprint)
                    && !session.has(.fingerprint) && !media.has(.crypto)
                    && !WebRTCChecks.isJSEPTransport(media.proto)
            })
            if let index = withoutDTLS {
                report(
                    ProfileRules.withoutDTLS, parsed.location(ofSection: index),
                    "libwebrtc accepts only DTLS-SRTP; section \(index) (\(session.media[index].media), \(session.media[index].proto)) has no a=fingerprint"
                )
            }
            // ICE credentials, in a description that does DTLS (a plain SIP offer is PRF104's):
            // a section with a transport of its own (outside BUNDLE, or a group's first) needs
            // both; a bundled one may leave both to its group, not one (measured: RFC 8829 §7.2's
            // offer passes, a bundled section with only a=ice-ufrag fails). One finding per
            // description: the first such section.
            let credentials =
                session.has(.iceUfrag) || session.has(.icePwd)
                || used.contains { session.media[$0].has(.iceUfrag) || session.media[$0].has(.icePwd) }
            if withoutDTLS == nil,
                let index = used.first(where: { index in
                    guard !ridesOnGroupInAnswer(index) else { return false }
                    let missing = missingCredentials(index).count
                    return missing == 1 || (missing == 2 && !ridesOnGroup(index))
                })
            {
                report(
                    ProfileRules.withoutICE, parsed.location(ofSection: index),
                    credentials
                        ? "libwebrtc checks the ICE credentials of every section in use, bundled or not; section \(index) (\(session.media[index].media)) has no \(missingCredentials(index).map { "a=\($0)" }.joined(separator: " or "))"
                        : "libwebrtc connects only through ICE; the description has no a=ice-ufrag and a=ice-pwd"
                )
            }
            reportSSRCStreams()
            // Applying an answer sets up DTLS for each transport, and libwebrtc checks then the
            // fingerprint a section has (its last own one, or the session's; measured: a bad first
            // one of three passes, a bad last one fails); a section that rides on its BUNDLE group
            // has no transport of its own.
            if type == .answer || type == .pranswer {
                let sessionFingerprint = session.attributes.firstIndex { $0.name == .fingerprint }
                for (index, media) in session.media.enumerated() where !media.isRejected && !ridesOnGroupInAnswer(index)
                {
                    let own = media.attributes.lastIndex { $0.name == .fingerprint }
                    let attribute =
                        own.map { media.attributes[$0] } ?? sessionFingerprint.map { session.attributes[$0] }
                    guard let fingerprint = attribute?.as(Fingerprint.self), let digest = fingerprint.digest,
                        let length = Fingerprint.digestLength(of: fingerprint.hashFunction), digest.count != length
                    else { continue }
                    report(
                        ProfileRules.answerFingerprintLength,
                        own.map { attributeLocation(index, $0) }
                            ?? parsed.location(ofAttribute: sessionFingerprint, inSection: nil),
                        "libwebrtc refuses this answer: a \(fingerprint.hashFunction) digest has \(length) bytes, this one \(digest.count)"
                    )
                }
                // Each transport the answer sets up: its DTLS role (pc/jsep_transport.cc takes a
                // missing one as active) and rtcp-mux, which Chromium's peer connections require.
                let sessionSetup = session.attributes.lastIndex { $0.name == .setup }
                for (index, media) in session.media.enumerated() where !media.isRejected && !ridesOnGroup(index) {
                    let own = media.attributes.lastIndex { $0.name == .setup }
                    let role = (own.map { media.attributes[$0] } ?? sessionSetup.map { session.attributes[$0] })?
                        .as(Setup.self)
                    if let role, role == .actpass || role == .holdconn {
                        report(
                            ProfileRules.answerNotApplicable,
                            own.map { attributeLocation(index, $0) }
                                ?? parsed.location(ofAttribute: sessionSetup, inSection: nil),
                            "libwebrtc refuses a=setup:\(role) in an answer; the answerer chooses active or passive")
                    }
                    if media.proto.isRTP && !media.has(.rtcpMux) {
                        report(
                            ProfileRules.answerNotApplicable, parsed.location(ofSection: index),
                            "Chromium requires rtcp-mux; section \(index) (\(media.media)) of this answer has no a=rtcp-mux"
                        )
                    }
                }
                // libwebrtc sends with the answer's codecs, and refuses an RTX format whose apt
                // names no codec of the section (media/engine/webrtc_video_engine.cc).
                for (index, media) in session.media.enumerated() where !media.isRejected && media.proto.isRTP {
                    let listed = Set(media.payloadTypes)
                    let codecs = libwebrtcCodecs(media)
                    let rtx = Set(
                        media.attributes.compactMap { $0.name == .rtpmap ? $0.as(RTPMap.self) : nil }
                            .filter { $0.encodingName.equalsIgnoringASCIICase("rtx") }.map(\.payloadType))
                    for (attributeIndex, attribute) in media.attributes.enumerated() where attribute.name == .fmtp {
                        guard let fmtp = attribute.as(FMTP.self), let pt = fmtp.payloadType, rtx.contains(pt),
                            listed.contains(pt), let apt = fmtp[parameter: "apt"].flatMap({ Int($0) }),
                            !codecs.contains(apt)
                        else { continue }
                        report(
                            ProfileRules.answerNotApplicable, attributeLocation(index, attributeIndex),
                            "libwebrtc cannot send with this answer: RTX payload type \(pt) repairs \(apt), which is no codec of section \(index)"
                        )
                    }
                }
                // A rejected tag takes its group's transport away.
                for group in session.bundleGroups {
                    guard let tag = group.first, let tagged = session.media.firstIndex(where: { $0.mid == tag }),
                        session.media[tagged].isRejected,
                        let kept = session.media.indices.first(where: { index in
                            index != tagged && !session.media[index].isRejected
                                && (session.media[index].mid.map(group.contains) ?? false)
                        })
                    else { continue }
                    report(
                        ProfileRules.answerNotApplicable, parsed.location(ofSection: kept),
                        "the answer rejects section \(tagged), whose mid '\(tag)' carries the BUNDLE group's transport; libwebrtc needs section \(kept), in the same group, rejected too"
                    )
                }
            }
            // The ICE credentials libwebrtc reads: those of every section in use in an offer, and
            // of each transport an answer sets up (a session-level one where such a section has
            // none); measured: a bad ufrag in a rejected section passes.
            let readsCredentials = session.media.indices.filter { index in
                !session.media[index].isRejected && !ridesOnGroupInAnswer(index)
            }
            func reportCredentials(_ section: Int?, _ attributes: [Attribute]) {
                for (attributeIndex, attribute) in attributes.enumerated() {
                    let findings =
                        switch attribute.name {
                        case .iceUfrag: ICECredentials.validateUfrag(attribute.value ?? "")
                        case .icePwd: ICECredentials.validatePwd(attribute.value ?? "")
                        default: [Diagnostic]()
                        }
                    guard let finding = findings.first(where: { $0.code == "ICE120" || $0.code == "ICE121" }),
                        section != nil || readsCredentials.contains(where: { !session.media[$0].has(attribute.name) })
                    else { continue }
                    report(
                        ProfileRules.iceCredentials, attributeLocation(section, attributeIndex),
                        "libwebrtc refuses this \(attribute.name == .iceUfrag ? "ufrag" : "password"): \(finding.message)"
                    )
                }
            }
            reportCredentials(nil, session.attributes)
            for index in readsCredentials { reportCredentials(index, session.media[index].attributes) }
            let sessionFingerprints = session.attributes.indices.filter { session.attributes[$0].name == .fingerprint }
            if sessionFingerprints.count > 1 {
                report(
                    ProfileRules.sessionFingerprintTwice,
                    parsed.location(ofAttribute: sessionFingerprints[1], inSection: nil),
                    "libwebrtc refuses a second a=fingerprint at the session level")
            }
            for (index, media) in session.media.enumerated() {
                if media.has(.crypto) && !media.has(.fingerprint) && !session.has(.fingerprint) {
                    report(
                        ProfileRules.sdesOnly,
                        attributeLocation(index, media.attributes.firstIndex { $0.name == .crypto }),
                        "\(self == .safari ? "Safari" : "Chrome") accepts only DTLS-SRTP; this section offers SDES keys (a=crypto) and no fingerprint"
                    )
                }
                // libwebrtc reads the priority as a 32-bit number and refuses the description
                // when it does not fit (ICE107, lowered for this profile, reports 0 too).
                for (attributeIndex, attribute) in media.attributes.enumerated() where attribute.name == .candidate {
                    let fields = attribute.value?.split(separator: " ", maxSplits: 4) ?? []
                    guard fields.count > 3, Self.isDecimal(fields[3].utf8),
                        UInt32(fields[3]) == nil
                    else { continue }
                    report(
                        ProfileRules.candidatePriorityBeyond32Bits, attributeLocation(index, attributeIndex),
                        "libwebrtc refuses the candidate priority \(fields[3]), which does not fit 32 bits")
                }
                guard media.proto.isRTP, media.media == .audio || media.media == .video else { continue }
                // libwebrtc makes a codec of each payload type an fmtp or rtcp-fb line names, named by
                // the rtpmap of a listed type (it skips others) or by RFC 3551 (pc/webrtc_sdp.cc).
                let listed = Set(media.payloadTypes)
                let named = libwebrtcCodecs(media)
                // One finding per payload type, at its first line: a removed codec leaves several.
                var nameless: [(pt: Int, attribute: Int, lines: Int, fmtp: Bool)] = []
                for (attributeIndex, attribute) in media.attributes.enumerated() {
                    let pt =
                        switch attribute.name {
                        case .rtcpFeedback: attribute.as(RTCPFeedback.self)?.payloadType
                        case .fmtp: attribute.as(FMTP.self)?.payloadType
                        default: Int?.none
                        }
                    guard let pt, !named.contains(pt) else { continue }
                    if let seen = nameless.firstIndex(where: { $0.pt == pt }) {
                        nameless[seen].lines += 1
                        nameless[seen].fmtp = nameless[seen].fmtp || attribute.name == .fmtp
                    } else {
                        nameless.append((pt, attributeIndex, 1, attribute.name == .fmtp))
                    }
                }
                for (pt, attributeIndex, lines, fmtp) in nameless {
                    let kind = fmtp ? "a=fmtp/a=rtcp-fb" : "a=rtcp-fb"
                    let which = lines == 1 ? "this \(kind) line" : "these \(lines) \(kind) lines"
                    // A listed type is SDP302's too: report on its m= line, where that finding is.
                    let isListed = listed.contains(pt)
                    report(
                        ProfileRules.codecWithoutRTPMap,
                        isListed ? parsed.location(ofSection: index) : attributeLocation(index, attributeIndex),
                        isListed
                            ? "libwebrtc refuses payload type \(pt): \(which) make it a codec, and no a=rtpmap names it"
                            : "libwebrtc refuses \(which) for payload type \(pt), which the m= line does not list"
                    )
                }
            }
            // libwebrtc gives each section of an offer without a mid one of its own, "0", "1", … (a
            // fresh peer's numbering, pc/sdp_offer_answer.cc), and then checks mids and BUNDLE
            // groups. A section of an answer without one takes its offer's, at the same position
            // (OA114 compares the two): its group mids are checked only when every section has one.
            let isAnswer = type == .answer || type == .pranswer
            // A mid with a character outside token fails before any numbering (pc/webrtc_sdp.cc).
            var illegal: Set<Int> = []
            for (index, media) in session.media.enumerated() {
                guard
                    let attributeIndex = media.attributes.firstIndex(where: { attribute in
                        attribute.name == .mid && (attribute.value?.utf8.contains { !$0.isTokenChar } ?? false)
                    })
                else { continue }
                illegal.insert(index)
                report(
                    ProfileRules.illegalMid, attributeLocation(index, attributeIndex),
                    "libwebrtc refuses a mid with a character outside token")
            }
            var mids = session.media.map(\.mid)
            var generated = 0
            for index in mids.indices where mids[index] == nil && !isAnswer {
                mids[index] = String(generated)
                generated += 1
            }
            for (index, media) in session.media.enumerated() where media.mid == nil && !isAnswer && illegal.isEmpty {
                if let mid = mids[index], let other = mids.indices.first(where: { $0 != index && mids[$0] == mid }) {
                    report(
                        ProfileRules.unresolvedMid, parsed.location(ofSection: index),
                        "libwebrtc gives section \(index), which has no a=mid, the mid '\(mid)', which section \(other) has too"
                    )
                }
            }
            for (attributeIndex, attribute) in session.attributes.enumerated() where attribute.name == .group {
                guard illegal.isEmpty, let group = attribute.as(Group.self), group.semantics == .bundle,
                    !mids.contains(nil),
                    let unknown = group.mids.first(where: { !mids.contains($0) })
                else { continue }
                report(
                    ProfileRules.unresolvedMid, parsed.location(ofAttribute: attributeIndex, inSection: nil),
                    "the BUNDLE group names mid '\(unknown)', which no section has\(generated > 0 ? " after libwebrtc numbers the sections without a=mid" : "")"
                )
            }
        case .aiortc:
            // One finding per description for each: the first section that lacks it.
            let used = session.media.indices.filter { !session.media[$0].isRejected }
            // Rejected sections too: aiortc sets up a transport for each (measured: 51 port-0 sections).
            if let index = session.media.indices.first(where: { !missingCredentials($0).isEmpty }) {
                report(
                    ProfileRules.aiortcICERequired, parsed.location(ofSection: index),
                    "aiortc needs a=ice-ufrag and a=ice-pwd for every section; section \(index) (\(session.media[index].media)) has no \(missingCredentials(index).map { "a=\($0)" }.joined(separator: " or "))"
                )
            }
            reportHoldconn(ProfileRules.aiortcSetupHoldconn, "aiortc knows only active, passive and actpass")
            // aiortc keeps no DTLS parameters for a section without a role and fails on its
            // transport (aiortc/sdp.py, rtcpeerconnection.py), rejected sections too.
            // It sets up no transport for a section other than audio, video and application.
            for (index, media) in session.media.enumerated()
            where !session.has(.setup) && [.audio, .video, .application].contains(media.media) && !media.has(.setup) {
                report(
                    ProfileRules.aiortcSetupRequired, parsed.location(ofSection: index),
                    "aiortc needs a=setup in every section; section \(index) (\(media.media)) has none")
            }
            reportAiortcReaderFailures()
            // aiortc reads every section's codecs, rejected or not (aiortc/rtcpeerconnection.py).
            if let index = session.media.indices.first(where: { !Self.aiortcImplementsACodec(of: session.media[$0]) }) {
                report(
                    ProfileRules.aiortcNoCommonCodec, parsed.location(ofSection: index),
                    "aiortc implements none of the codecs of section \(index) (\(session.media[index].media))")
            }
            if let index = used.first(where: { index in
                let media = session.media[index]
                return (media.media == .audio || media.media == .video) && !media.has(.rtcpMux)
            }) {
                report(
                    ProfileRules.aiortcRTCPMuxRequired, parsed.location(ofSection: index),
                    "aiortc needs a=rtcp-mux in every audio and video section; section \(index) (\(session.media[index].media)) has none"
                )
            }
        case .gstreamer:
            reportHoldconn(ProfileRules.gstreamerSetupHoldconn, "webrtcbin knows only active, passive and actpass")
            // As the offerer, webrtcbin intersects each answered transceiver's direction with its
            // own, reading the section's lines alone (gstwebrtcbin.c, measured in Conformance/).
            for (index, media) in session.media.enumerated()
            where (type == .answer || type == .pranswer) && !media.isRejected
                && (media.media == .audio || media.media == .video)
            {
                let directions = media.attributes.filter {
                    [.sendrecv, .sendonly, .recvonly, .inactive].contains($0.name)
                }.count
                guard directions != 1 else { continue }
                report(
                    ProfileRules.gstreamerAnswerDirection, parsed.location(ofSection: index),
                    "webrtcbin needs one direction attribute in answered section \(index) (\(media.media)); it has \(directions)"
                )
            }
            // webrtcbin reads each section's transport, a rejected one too (gstwebrtcbin.c
            // _check_sdp_crypto and _check_valid_sdp, measured in Conformance/).
            func value(_ name: Attribute.Name, _ media: MediaDescription) -> String? {
                let own = media.attributes.first { $0.name == name } ?? session.attributes.first { $0.name == name }
                return own.map { $0.value ?? "" }
            }
            if let index = session.media.indices.first(where: { index in
                [.fingerprint, .iceUfrag, .icePwd, .setup, .mid].contains {
                    value($0, session.media[index])?.isEmpty ?? true
                }
            }) {
                let missing = [Attribute.Name.fingerprint, .iceUfrag, .icePwd, .setup, .mid].filter {
                    value($0, session.media[index])?.isEmpty ?? true
                }
                report(
                    ProfileRules.gstreamerTransportEverySection, parsed.location(ofSection: index),
                    "webrtcbin needs \(missing.map { "a=\($0)" }.joined(separator: ", ")) in section \(index) (\(session.media[index].media)), or at the session level"
                )
            }
            let fingerprints = session.media.compactMap { value(.fingerprint, $0) }
            if let first = fingerprints.first,
                let index = session.media.indices.first(where: { index in
                    value(.fingerprint, session.media[index]).map { $0 != first } ?? false
                })
            {
                report(
                    ProfileRules.gstreamerTransportDiffers, parsed.location(ofSection: index),
                    "webrtcbin takes one certificate for the connection; section \(index)'s fingerprint differs from the first"
                )
            }
            // webrtcbin reads the first a=group line alone (measured: a BUNDLE group after an LS
            // group is not taken as one).
            let firstGroup = session.attributes.first { $0.name == .group }?.as(Group.self)
            for group in [firstGroup].compactMap({ $0 }) where group.semantics == .bundle {
                let members = session.media.indices.filter { session.media[$0].mid.map(group.mids.contains) ?? false }
                let credentials = members.map {
                    [value(.iceUfrag, session.media[$0]), value(.icePwd, session.media[$0])]
                }
                if let index = members.indices.first(where: { credentials[$0] != credentials.first }) {
                    report(
                        ProfileRules.gstreamerTransportDiffers, parsed.location(ofSection: members[index]),
                        "webrtcbin needs one ICE ufrag and password in a BUNDLE group; section \(members[index])'s differ from its group's first"
                    )
                }
            }
        case .janus:
            for (index, media) in session.media.enumerated() where !media.isRejected && media.proto.isRTP {
                if !(media.mid.map(bundled.contains) ?? false) || !media.has(.rtcpMux) {
                    report(
                        ProfileRules.janusNeedsBundleAndMux, parsed.location(ofSection: index),
                        "Janus needs every section bundled with rtcp-mux; section \(index) is \(media.has(.rtcpMux) ? "not in a BUNDLE group" : "without a=rtcp-mux")"
                    )
                }
                if let simulcast = media.value(Simulcast.self), let send = simulcast.send, send.count > 3 {
                    report(
                        ProfileRules.janusSimulcastLayers,
                        attributeLocation(index, media.attributes.firstIndex { $0.name == .simulcast }),
                        "\(send.count) simulcast streams; Janus uses three substreams")
                }
            }
        case .asterisk, .pjsip:
            let limits = self == .asterisk ? PJProjectLimits.asterisk : PJProjectLimits.stock
            let rules = self == .asterisk ? ProfileRules.asterisk : ProfileRules.pjsip
            if session.media.count > limits.media {
                report(
                    rules[2], parsed.location(ofSection: limits.media),
                    "\(session.media.count) media sections; pjmedia keeps \(limits.media) (PJMEDIA_MAX_SDP_MEDIA)")
            }
            for (index, media) in session.media.enumerated() {
                if media.attributes.count > limits.attributes {
                    report(
                        rules[0], attributeLocation(index, limits.attributes),
                        """
                        \(media.attributes.count) attributes in section \(index); pjmedia keeps the first \
                        \(limits.attributes) (PJMEDIA_MAX_SDP_ATTR) and drops the rest, from this line on
                        """
                    )
                }
                if media.formats.count > limits.formats {
                    report(
                        rules[1], parsed.location(ofSection: index),
                        """
                        \(media.formats.count) formats on the m= line; pjmedia keeps \(limits.formats) \
                        (PJMEDIA_MAX_SDP_FMT)
                        """
                    )
                }
                let candidates = media.attributes.filter { $0.name == .candidate }.count
                if candidates > limits.candidates {
                    report(
                        rules[3], parsed.location(ofSection: index),
                        """
                        \(candidates) candidates in section \(index); pjnath handles \(limits.candidates) \
                        (PJ_ICE_MAX_CAND)
                        """
                    )
                }
                if media.bandwidths.count > limits.bandwidths {
                    report(
                        rules[4], parsed.location(ofSection: index),
                        """
                        \(media.bandwidths.count) b= lines in section \(index); pjmedia keeps \(limits.bandwidths) \
                        (PJMEDIA_MAX_SDP_BANDW)
                        """
                    )
                }
            }
        case .freeswitch:
            for (index, media) in session.media.enumerated() {
                if let attributeIndex = media.attributes.firstIndex(where: { $0.name == .sendrecv }) {
                    report(
                        ProfileRules.sofiaDropsSendrecv, attributeLocation(index, attributeIndex),
                        """
                        sofia-sip drops the default a=sendrecv when it writes the description back; peers that \
                        require an explicit direction see none
                        """
                    )
                }
            }
        case .firefox:
            reportHoldconn(ProfileRules.firefoxSetupHoldconn, "Firefox refuses the holdconn role") {
                !ridesOnGroupInAnswer($0)
            }
            // Firefox checks certificates with the SHA family only (measured: sha-999 refused).
            let supported: Set<String> = ["sha-1", "sha-224", "sha-256", "sha-384", "sha-512"]
            for (index, media) in session.media.enumerated()
            where !media.isRejected && (media.proto.isRTP || media.proto.isSCTP) && !ridesOnGroupInAnswer(index) {
                let own = media.attributes.filter { $0.name == .fingerprint }
                let fingerprints = own.isEmpty ? session.attributes.filter { $0.name == .fingerprint } : own
                let hashes = fingerprints.compactMap { $0.value?.split(separator: " ").first?.lowercased() }
                guard !hashes.isEmpty, !hashes.contains(where: supported.contains) else { continue }
                report(
                    ProfileRules.firefoxNoSupportedFingerprint,
                    own.isEmpty
                        ? parsed.location(ofSection: index)
                        : attributeLocation(index, media.attributes.firstIndex { $0.name == .fingerprint }),
                    "Firefox supports no hash function of section \(index)'s fingerprints (\(hashes.joined(separator: ", ")))"
                )
                break
            }
            var reportedMux = false
            var reportedTransport = false
            for (index, media) in session.media.enumerated() where !media.isRejected {
                let isRTP = media.proto.isRTP
                // One finding per description: the first section without rtcp-mux.
                if isRTP && !media.has(.rtcpMux) && !reportedMux {
                    reportedMux = true
                    report(
                        ProfileRules.firefoxRTCPMux, parsed.location(ofSection: index),
                        "Firefox requires a=rtcp-mux in every RTP section; section \(index) (\(media.media)) has none")
                }
                if (isRTP || media.proto.isSCTP) && !ridesOnGroupInAnswer(index) {
                    // An offer needs a role SIPCC knows ("Invalid offer, no setup attribute at level
                    // N" for an unknown one); an answer without one is taken as active (RFC 4145 §4).
                    let hasRole = (media.attributes + session.attributes).contains {
                        $0.name == .setup && $0.as(Setup.self) != nil
                    }
                    let missing =
                        [Attribute.Name.iceUfrag, .icePwd, .fingerprint].filter { !media.has($0) && !session.has($0) }
                        + (hasRole || type == .answer || type == .pranswer ? [] : [.setup])
                    // One finding per description: the first section that lacks them.
                    if !missing.isEmpty && !reportedTransport {
                        reportedTransport = true
                        report(
                            ProfileRules.firefoxTransportEverySection, parsed.location(ofSection: index),
                            "Firefox requires \(missing.map { "a=\($0)" }.joined(separator: ", ")) in section \(index) (\(media.media)) itself"
                        )
                    }
                }
                var ids: Set<Int> = []
                for (attributeIndex, attribute) in media.attributes.enumerated() where attribute.name == .extmap {
                    // SIPCC skips a line without a URI, and refuses any id it reads outside 1–14.
                    let digits = attribute.value?.prefix { $0.isASCII && $0.isNumber } ?? ""
                    guard let id = Int(digits.prefix(6)), attribute.value?.contains(" ") == true else { continue }
                    if id == 0 || id > 14 {
                        report(
                            ProfileRules.firefoxExtensionIDRange, attributeLocation(index, attributeIndex),
                            "Firefox supports header extension ids 1–14; this one is \(id)")
                    }
                    if attribute.as(ExtMap.self) != nil && !ids.insert(id).inserted {
                        report(
                            ProfileRules.firefoxDuplicateExtensionID, attributeLocation(index, attributeIndex),
                            "Firefox refuses a second mapping of extension id \(id) in one section")
                    }
                }
            }
            for (index, media) in session.media.enumerated() {
                reportMediaLine(index, media)
                if ![.audio, .video, .application].contains(media.media) {
                    report(
                        ProfileRules.firefoxMediaType, parsed.location(ofSection: index),
                        "Firefox supports audio, video and application sections; this one is \(media.media)")
                }
                if media.connections.count > 1 {
                    report(
                        ProfileRules.firefoxConnectionTwice,
                        parsed.source.location(of: media.connections[1].sourceLine)
                            ?? parsed.location(ofSection: index),
                        "SIPCC refuses a second c= line in section \(index)")
                }
            }
            // Firefox matches an answer's formats with its offer by their rtpmap (and a data
            // channel by its port), and assumes no mapping for one without (measured).
            for (index, media) in session.media.enumerated()
            where (type == .answer || type == .pranswer) && !media.isRejected {
                let readable: Bool
                if media.proto.isSCTP {
                    // SIPCC reads the port as any positive number (measured: 70000 passes).
                    readable = media.attributes.contains { attribute in
                        attribute.name == .sctpPort && (attribute.value.flatMap { Int($0) }.map { $0 > 0 } ?? false)
                    }
                } else if media.media == .audio || media.media == .video {
                    // A repair or redundancy format is no codec in common (measured: an answer
                    // left with only rtx is refused).
                    let listed = Set(media.payloadTypes)
                    readable =
                        listed.contains { RTPMap.staticPayloadType($0) != nil }
                        || media.attributes.contains { attribute in
                            attribute.name == .rtpmap
                                && (attribute.as(RTPMap.self).map {
                                    listed.contains($0.payloadType) && $0.clockRate > 0
                                        && !Codec.isResilience($0.encodingName)
                                }
                                    ?? false)
                        }
                } else {
                    readable = true
                }
                if !readable {
                    report(
                        ProfileRules.firefoxAnswerWithoutCodec, parsed.location(ofSection: index),
                        "Firefox finds no format of its offer in section \(index) of this answer: \(media.proto.isSCTP ? "no a=sctp-port" : "no format has a readable a=rtpmap")"
                    )
                }
            }
            reportShortCredentials(nil, session.attributes)
            for (index, media) in session.media.enumerated()
            where !media.isRejected && !media.has(.bundleOnly) && !ridesOnGroupInAnswer(index) {
                reportShortCredentials(index, media.attributes)
            }
            // SIPCC validates o= and t= (SDP103 reports s= too, which it does not need).
            let absent = [
                session.origin.sourceLine.number == nil ? "o=" : nil,
                session.times.contains { $0.sourceLine.number != nil } ? nil : "t=",
            ].compactMap { $0 }
            if !absent.isEmpty {
                report(
                    ProfileRules.firefoxSessionLines, parsed.location(ofSection: nil),
                    "SIPCC refuses a description without \(absent.joined(separator: " and ")) (\(absent.count == 1 ? "it is" : "they are") required)"
                )
            }
            // The group's transport comes from its first mid; Firefox skips the others it cannot use.
            for (attributeIndex, attribute) in session.attributes.enumerated() where attribute.name == .group {
                guard let group = attribute.as(Group.self), group.semantics == .bundle, let tag = group.mids.first
                else { continue }
                let section = session.media.firstIndex { $0.mid == tag }
                if let section, !session.media[section].isRejected { continue }
                report(
                    ProfileRules.firefoxBundleTag, parsed.location(ofAttribute: attributeIndex, inSection: nil),
                    section.map {
                        "the BUNDLE group's first mid '\(tag)' names section \($0), which is rejected (port 0)"
                    }
                        ?? "the BUNDLE group's first mid '\(tag)' names no section")
            }
            // SIPCC reads only IP literals in c= lines.
            let connections =
                (session.connection.map { [(Int?.none, $0)] } ?? [])
                + session.media.enumerated().flatMap { index, media in media.connections.map { (Int?.some(index), $0) }
                }
            if let (index, connection) = connections.first(where: { Self.isHostName($0.1.address) }) {
                report(
                    ProfileRules.firefoxConnectionHostName,
                    parsed.source.location(of: connection.sourceLine, valueOnly: true)
                        ?? parsed.location(ofSection: index),
                    "Firefox's SDP parser reads only IP addresses in c=; '\(connection.address)' is a host name")
            }
        }
        return findings
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
