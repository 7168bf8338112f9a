public import SDPLintDiagnostics
import SDPLintICE
package import SDPLintSDP
import SDPLintScanning

/// What a particular receiver is known to reject or mishandle, so that "will Safari accept
/// this offer?" has an answer. A profile adds rules of its own and raises the severity of
/// general rules its receiver is strict about; each entry names its source.
public enum Profile: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    case chrome, firefox, safari, aiortc, janus, asterisk, freeswitch, pjsip

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
        case .aiortc:
            [
                (
                    "WEB103", .error,
                    "aiortc 1.16 fails on a section without a=setup (\"'NoneType' object has no attribute 'role'\", measured in Conformance/)"
                )
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
            return [
                ("SDP102", .warning, "v=1: " + measured),
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
            ]
        case .firefox:
            let measured = "Firefox ESR 153 accepts it in setRemoteDescription (Conformance/, CONFORMANCE.md)"
            return [
                ("SDP210", .warning, "an rtpmap whose clock rate or channels SIPCC reads leniently: " + measured),
                (
                    "SDP236", .warning,
                    "a fingerprint digest of the wrong length (the DTLS handshake fails later): " + measured
                ),
                ("SDP211", .warning, "an fmtp that is not name=value pairs: " + measured),
                ("SDP212", .warning, "an rtcp-fb line SIPCC does not understand: " + measured),
                ("SDP215", .warning, "a malformed ssrc line: " + measured),
                ("SDP217", .warning, "a malformed msid: " + measured),
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
            ]
        case .aiortc:
            // aiortc's reader (aiortc/sdp.py) takes the fields it uses and skips what it does not
            // understand; each of these was accepted by aiortc 1.16 in more cases than any other
            // finding of the same rule explained a refusal.
            let measured = "aiortc 1.16 accepts it in setRemoteDescription (Conformance/, CONFORMANCE.md)"
            return [
                ("SDP102", .warning, "v=1: " + measured),
                ("SDP103", .warning, "a missing o=, s= or t= line: " + measured),
                ("SDP105", .warning, "a repeated session line: " + measured),
                ("SDP123", .warning, "a section without c=: " + measured),
                ("SDP207", .warning, "two direction attributes: " + measured),
                ("SDP213", .warning, "an extmap it does not read: " + measured),
                ("SDP214", .warning, "a malformed mid: " + measured),
                ("SDP215", .warning, "a malformed ssrc line: " + measured),
                ("SDP217", .warning, "a malformed msid: " + measured),
                ("SDP233", .warning, "a clock rate or channel count of 0: " + measured),
                ("SDP235", .warning, "an unknown extmap direction: " + measured),
                ("SDP236", .warning, "a fingerprint digest of the wrong length: " + measured),
                ("SDP301", .warning, "a payload type mapped twice: " + measured),
                ("SDP308", .warning, "an apt naming no payload type of the section: " + measured),
                ("SDP309", .warning, "a group naming a mid no section has: " + measured),
                ("ICE107", .warning, "a candidate priority out of range: " + measured),
                ("ICE108", .warning, "a candidate address that is not an IP address: " + measured),
                ("ICE109", .warning, "a candidate port out of range: " + measured),
                ("ICE120", .warning, "a malformed candidate extension: " + measured),
                ("ICE121", .warning, "a candidate attribute it does not read: " + measured),
                ("ICE122", .warning, "an empty or unknown ice-option: " + measured),
                ("WEB102", .warning, "an RTP section without the WebRTC transport: " + measured),
                ("WEB106", .warning, "a section without a mid: " + measured),
                ("WEB107", .warning, "an msid that names no track: " + measured),
                ("WEB116", .warning, "a port-0 section in a BUNDLE group: " + measured),
            ]
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
                ProfileRules.sdesOnly, ProfileRules.feedbackForUndeclaredPayloadType,
                ProfileRules.bundledSectionWithoutRTCPMux, ProfileRules.withoutDTLS, ProfileRules.withoutICE,
                ProfileRules.candidatePriorityBeyond32Bits,
            ]
        case .aiortc:
            [ProfileRules.aiortcICERequired, ProfileRules.aiortcRTCPMuxRequired, ProfileRules.aiortcSetupHoldconn]
        case .janus: [ProfileRules.janusNeedsBundleAndMux, ProfileRules.janusSimulcastLayers]
        case .asterisk: ProfileRules.asterisk
        case .pjsip: ProfileRules.pjsip
        case .freeswitch: [ProfileRules.sofiaDropsSendrecv]
        case .firefox:
            [
                ProfileRules.firefoxRTCPMux, ProfileRules.firefoxTransportEverySection,
                ProfileRules.firefoxConnectionHostName, ProfileRules.firefoxExtensionIDRange,
                ProfileRules.firefoxDuplicateExtensionID, ProfileRules.firefoxSetupHoldconn,
                ProfileRules.firefoxNoSupportedFingerprint,
            ]
        }
    }

    /// Runs the profile's own rules on a description.
    package func check(_ parsed: ParseResult<SessionDescription>, strict: Bool) -> [Diagnostic] {
        let session = parsed.value
        var findings: [Diagnostic] = []
        func report(_ rule: Rule, _ location: SourceLocation, _ message: String) {
            findings.append(rule.diagnostic(at: location, message, strict: strict))
        }
        func attributeLocation(_ section: Int, _ index: Int?) -> SourceLocation {
            parsed.location(ofAttribute: index, inSection: section)
        }
        /// Each a=setup:holdconn of the description, for a receiver that refuses it.
        func reportHoldconn(_ rule: Rule, _ why: String) {
            for (index, media) in session.media.enumerated() {
                for (attributeIndex, attribute) in media.attributes.enumerated()
                where attribute.name == .setup && attribute.as(Setup.self) == .holdconn {
                    report(rule, attributeLocation(index, attributeIndex), "a=setup:holdconn: \(why)")
                }
            }
        }
        switch self {
        case .chrome, .safari:
            // WEB113 reports a group whose tagged section lacks rtcp-mux; the sections that
            // leave it to the tagged one are this receiver's own refusal. A port-0 bundle-only
            // section is exempt: Chromium 156 accepts RFC 8829 §7.3's first offer, whose video
            // section is one (measured in Conformance/).
            let bundled = Set(session.bundleGroups.flatMap { $0 })
            let tags = Set(session.bundleGroups.compactMap(\.first))
            for (index, media) in session.media.enumerated()
            where !media.isRejected && media.proto.isRTP && !media.has(.rtcpMux)
                && !(media.port == 0 && media.has(.bundleOnly))
                && media.mid.map({ bundled.contains($0) && !tags.contains($0) }) == true
            {
                report(
                    ProfileRules.bundledSectionWithoutRTCPMux, parsed.location(ofSection: index),
                    "libwebrtc requires a=rtcp-mux in every bundled RTP section; section \(index) leaves it to its BUNDLE tag"
                )
            }
            // One finding per description: the first section without DTLS or SDES (WEB102 reports
            // the WebRTC transports, PRF101 the SDES ones).
            let withoutDTLS = session.media.indices.first(where: { index in
                let media = session.media[index]
                return !media.isRejected && (media.proto.isRTP || media.proto.isSCTP) && !media.has(.fingerprint)
                    && !session.has(.fingerprint) && !media.has(.crypto)
                    && !WebRTCChecks.isJSEPTransport(media.proto)
            })
            if let index = withoutDTLS {
                report(
                    ProfileRules.withoutDTLS, parsed.location(ofSection: index),
                    "libwebrtc accepts only DTLS-SRTP; section \(index) (\(session.media[index].media), \(session.media[index].proto)) has no a=fingerprint"
                )
            }
            // No ICE credentials anywhere, in a description that does DTLS (a plain SIP offer is
            // PRF104's; WEB101 reports sections without credentials once others have them).
            let used = session.media.indices.filter { !session.media[$0].isRejected }
            let credentials =
                session.has(.iceUfrag) || session.has(.icePwd)
                || used.contains { session.media[$0].has(.iceUfrag) || session.media[$0].has(.icePwd) }
            if withoutDTLS == nil, let index = used.first, !credentials {
                report(
                    ProfileRules.withoutICE, parsed.location(ofSection: index),
                    "libwebrtc connects only through ICE; the description has no a=ice-ufrag and a=ice-pwd"
                )
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
                    guard fields.count > 3, fields[3].utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
                        UInt32(fields[3]) == nil
                    else { continue }
                    report(
                        ProfileRules.candidatePriorityBeyond32Bits, attributeLocation(index, attributeIndex),
                        "libwebrtc refuses the candidate priority \(fields[3]), which does not fit 32 bits")
                }
                guard media.proto.isRTP else { continue }
                let payloadTypes = Set(media.payloadTypes)
                // One finding per payload type, at its first line: a removed codec leaves several.
                var undeclared: [(pt: Int, attribute: Int, lines: Int)] = []
                for (attributeIndex, attribute) in media.attributes.enumerated() where attribute.name == .rtcpFeedback {
                    guard let pt = attribute.as(RTCPFeedback.self)?.payloadType, !payloadTypes.contains(pt) else {
                        continue
                    }
                    if let seen = undeclared.firstIndex(where: { $0.pt == pt }) {
                        undeclared[seen].lines += 1
                    } else {
                        undeclared.append((pt, attributeIndex, 1))
                    }
                }
                for (pt, attributeIndex, lines) in undeclared {
                    report(
                        ProfileRules.feedbackForUndeclaredPayloadType, attributeLocation(index, attributeIndex),
                        "libwebrtc refuses \(lines == 1 ? "this a=rtcp-fb line" : "these \(lines) a=rtcp-fb lines") for payload type \(pt), which the m= line does not list"
                    )
                }
            }
        case .aiortc:
            // One finding per description for each: the first section that lacks it.
            let used = session.media.indices.filter { !session.media[$0].isRejected }
            func missingCredentials(_ index: Int) -> [Attribute.Name] {
                [.iceUfrag, .icePwd].filter { !session.media[index].has($0) && !session.has($0) }
            }
            if let index = used.first(where: { !missingCredentials($0).isEmpty }) {
                report(
                    ProfileRules.aiortcICERequired, parsed.location(ofSection: index),
                    "aiortc needs a=ice-ufrag and a=ice-pwd for every section; section \(index) (\(session.media[index].media)) has no \(missingCredentials(index).map { "a=\($0)" }.joined(separator: " or "))"
                )
            }
            reportHoldconn(ProfileRules.aiortcSetupHoldconn, "aiortc knows only active, passive and actpass")
            if let index = used.first(where: { index in
                let media = session.media[index]
                return (media.media == .audio || media.media == .video) && media.proto.isRTP && !media.has(.rtcpMux)
            }) {
                report(
                    ProfileRules.aiortcRTCPMuxRequired, parsed.location(ofSection: index),
                    "aiortc needs a=rtcp-mux in every audio and video section; section \(index) (\(session.media[index].media)) has none"
                )
            }
        case .janus:
            let bundled = Set(session.bundleGroups.flatMap { $0 })
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
            reportHoldconn(ProfileRules.firefoxSetupHoldconn, "Firefox refuses the holdconn role")
            // Firefox checks certificates with the SHA family only (measured: sha-999 refused).
            let supported: Set<String> = ["sha-1", "sha-224", "sha-256", "sha-384", "sha-512"]
            for (index, media) in session.media.enumerated()
            where !media.isRejected && (media.proto.isRTP || media.proto.isSCTP) {
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
                if isRTP || media.proto.isSCTP {
                    let missing = [Attribute.Name.iceUfrag, .icePwd, .fingerprint, .setup].filter {
                        !media.has($0) && !session.has($0)
                    }
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
                    guard let map = attribute.as(ExtMap.self) else { continue }
                    if map.id > 14 {
                        report(
                            ProfileRules.firefoxExtensionIDRange, attributeLocation(index, attributeIndex),
                            "Firefox supports header extension ids 1–14; this one is \(map.id)")
                    }
                    if !ids.insert(map.id).inserted {
                        report(
                            ProfileRules.firefoxDuplicateExtensionID, attributeLocation(index, attributeIndex),
                            "Firefox refuses a second mapping of extension id \(map.id) in one section")
                    }
                }
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
