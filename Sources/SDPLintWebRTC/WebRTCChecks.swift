package import SDPLintDiagnostics
import SDPLintICE
package import SDPLintSDP

/// The WebRTC checks of one parsed description (``WebRTCRules``).
///
/// They apply where the description uses WebRTC transports (DTLS-SRTP or SCTP over DTLS);
/// plain SIP descriptions (RTP/AVP) are left to the SDP rules.
package struct WebRTCChecks {
    let parsed: ParseResult<SessionDescription>
    let type: SDPType?
    let strict: Bool
    private(set) var findings: [Diagnostic] = []

    var session: SessionDescription { parsed.value }

    init(_ parsed: ParseResult<SessionDescription>, type: SDPType?, strict: Bool) {
        self.parsed = parsed
        self.type = type
        self.strict = strict
    }

    package static func run(_ parsed: ParseResult<SessionDescription>, type: SDPType?, strict: Bool) -> [Diagnostic] {
        var checks = WebRTCChecks(parsed, type: type, strict: strict)
        checks.runAll()
        return checks.findings
    }

    private mutating func report(_ rule: Rule, _ location: SourceLocation, _ message: String, hint: String? = nil) {
        findings.append(rule.diagnostic(at: location, message, hint: hint, strict: strict))
    }

    /// The location of attribute `index` of a section, or of the section itself.
    private func at(_ section: Int?, attribute index: Int? = nil) -> SourceLocation {
        parsed.location(ofAttribute: index, inSection: section)
    }

    private func firstIndex(_ name: Attribute.Name, in section: Int?) -> Int? {
        let attributes = section.map { session.media[$0].attributes } ?? session.attributes
        return attributes.firstIndex { $0.name == name }
    }

    /// The bundled sections that use the transport of their group's tagged section (its first
    /// mid): bundle-only ones, and those at the tagged section's port. Their transport and
    /// IDENTICAL attributes (ICE credentials, fingerprint, setup, rtcp-mux) are the tagged
    /// section's, and subsequent offers and answers leave them out (RFC 9143 §7.1.3, §7.3.1,
    /// §7.4; the answers and second offers of RFC 8829 §7).
    private func sectionsSharingTheTaggedTransport() -> Set<Int> {
        var sharing: Set<Int> = []
        for group in session.bundleGroups {
            guard let tag = group.first, let tagged = session.media.firstIndex(where: { $0.mid == tag }) else {
                continue
            }
            let port = session.media[tagged].port
            let members = Set(group)  // a set: a group of 2000 sections stays linear
            for (index, media) in session.media.enumerated() where index != tagged {
                guard let mid = media.mid, members.contains(mid) else { continue }
                if media.has(.bundleOnly) || (port != 0 && media.port == port) { sharing.insert(index) }
            }
        }
        return sharing
    }

    private mutating func runAll() {
        let bundled = Set(session.bundleGroups.flatMap { $0 })
        var ssrcOwners: [UInt32: Int] = [:]
        var allCandidates: [Candidate] = []
        let wmsStreams = session.value(MSIDSemantic.self).map { Set($0.identifiers) }
        // A SIP endpoint may use DTLS-SRTP without ICE; once ICE or BUNDLE is in use, every
        // section needs its credentials.
        let usesICE =
            session.has(.iceUfrag) || !bundled.isEmpty
            || session.media.contains { $0.has(.iceUfrag) || $0.has(.candidate) }
        let sharing = sectionsSharingTheTaggedTransport()

        for (index, media) in session.media.enumerated() {
            let rejected = media.isRejected
            // Credentials, fingerprint and setup: JSEP §5.2.1 puts them in every section but those
            // that share their BUNDLE tag's transport, which may leave them all out. SIP's
            // DTLS-SRTP (RFC 5763, UDP/TLS/RTP/SAVP) need not use ICE, so only JSEP transports
            // are checked.
            if Self.isJSEPTransport(media.proto) && !rejected {
                // Missing means no line: a line with a bad value has its own finding (SDPxxx), and
                // is not reported again as missing.
                func written(_ name: Attribute.Name) -> Bool {
                    media.has(name) || session.has(name) || sharing.contains(index)
                }
                if usesICE && (!written(.iceUfrag) || !written(.icePwd)) {
                    report(
                        WebRTCRules.iceCredentialsMissing, at(index),
                        "media section \(index) (\(media.media)) has no \(written(.iceUfrag) ? "a=ice-pwd" : "a=ice-ufrag")"
                    )
                }
                if !written(.fingerprint) {
                    report(
                        WebRTCRules.fingerprintMissing, at(index),
                        "media section \(index) (\(media.media)) has no a=fingerprint")
                }
                let setup = media.value(Setup.self) ?? session.value(Setup.self)
                let setupIndex = firstIndex(.setup, in: index)
                switch (setup, type) {
                case (nil, _) where !written(.setup):
                    report(
                        WebRTCRules.setupMissing, at(index), "media section \(index) (\(media.media)) has no a=setup",
                        hint: type == .answer ? "answer with a=setup:active" : "offer a=setup:actpass")
                case (.some(let role), .offer) where role != .actpass:
                    report(
                        WebRTCRules.offerSetupNotActpass, at(index, attribute: setupIndex),
                        "the offer says a=setup:\(role.rawValue); an offer should say actpass")
                case (.some(.actpass), .answer), (.some(.actpass), .pranswer):
                    report(
                        WebRTCRules.answerSetupActpass, at(index, attribute: setupIndex),
                        "the answer says a=setup:actpass; it must choose active or passive", hint: "a=setup:active")
                default:
                    break
                }
            }
            for (attributeIndex, attribute) in media.attributes.enumerated() where attribute.name == .fingerprint {
                if let fingerprint = attribute.as(Fingerprint.self),
                    ["sha-1", "md5", "md2"].contains(fingerprint.hashFunction.lowercased())
                {
                    report(
                        WebRTCRules.weakFingerprintHash, at(index, attribute: attributeIndex),
                        "the fingerprint uses \(fingerprint.hashFunction); use sha-256")
                }
            }
            // BUNDLE (RFC 9143).
            if !bundled.isEmpty {
                if media.mid == nil && !rejected {
                    report(
                        WebRTCRules.midMissingWithBundle, at(index),
                        "media section \(index) (\(media.media)) has no a=mid but the description uses BUNDLE")
                }
                if let mid = media.mid, bundled.contains(mid) {
                    if rejected {
                        report(
                            WebRTCRules.rejectedSectionInBundle, at(index),
                            "section \(mid) is rejected (port 0) but listed in a BUNDLE group",
                            hint: "add a=bundle-only, or remove it from the group")
                    } else if media.proto.isRTP && !media.has(.rtcpMux) && !sharing.contains(index) {
                        report(
                            WebRTCRules.bundleWithoutRTCPMux, at(index),
                            "section \(mid) is bundled but does not offer a=rtcp-mux")
                    }
                }
            }
            // Each a=mid line: receivers differ in which of several they read (SDP206 reports the
            // repetition).
            for (midIndex, attribute) in media.attributes.enumerated() where attribute.name == .mid {
                guard let mid = attribute.as(Mid.self)?.value, mid.utf8.count > 16 else { continue }
                report(
                    WebRTCRules.midTooLong, at(index, attribute: midIndex),
                    "mid '\(mid)' is \(mid.utf8.count) bytes; the one-byte sdes:mid header extension carries at most 16"
                )
            }
            // RFC 8858 §4 defines rtcp-mux-only for RTP-based media; elsewhere it says nothing,
            // and a rejected section has no RTCP to multiplex (RFC 3264 §6; measured: Firefox ESR
            // 153 takes it on a port-0 section, as Chromium 156 does).
            if media.proto.isRTP && !media.isRejected && media.has(.rtcpMuxOnly) && !media.has(.rtcpMux) {
                report(
                    WebRTCRules.rtcpMuxOnlyWithoutRTCPMux, at(index, attribute: firstIndex(.rtcpMuxOnly, in: index)),
                    "a=rtcp-mux-only without a=rtcp-mux")
            }
            // Payload types (RFC 5761 §4, RFC 3551 §3). RTCP shares the port of a section in use
            // only: a rejected one carries none (RFC 3264 §6; measured: Chromium 156, which
            // refuses type 70 beside rtcp-mux, takes it in a port-0 section).
            if media.proto.isRTP {
                let muxed = media.has(.rtcpMux) && !media.isRejected
                var outside: [(pt: Int, name: String, attribute: Int)] = []
                for (attributeIndex, attribute) in media.attributes.enumerated() where attribute.name == .rtpmap {
                    guard let map = attribute.as(RTPMap.self), media.payloadTypes.contains(map.payloadType) else {
                        continue
                    }
                    let pt = map.payloadType
                    if muxed && (64...95).contains(pt) {
                        report(
                            WebRTCRules.payloadTypeRTCPConflict, at(index, attribute: attributeIndex),
                            """
                            payload type \(pt) (\(map.encodingName)) collides with RTCP packet type \(pt + 128) \
                            when RTP and RTCP share a port
                            """
                        )
                    } else if pt >= 35 && pt < 96 {
                        outside.append((pt, map.encodingName, attributeIndex))
                    }
                }
                if let first = outside.first {
                    let list = outside.map { "\($0.pt) (\($0.name))" }.joined(separator: ", ")
                    report(
                        WebRTCRules.payloadTypeOutsideDynamicRange, at(index, attribute: first.attribute),
                        "media section \(index) binds \(outside.count == 1 ? "payload type" : "payload types") \(list) outside the dynamic range 96–127"
                    )
                }
            }
            // One track per section (Unified Plan), SSRC uniqueness. The tracks are those of the
            // a=msid lines (RFC 8830 §2: one track id, in as many streams as there are lines; a
            // line without one names a stream only, measured: Chromium takes "a=msid:s" beside
            // "a=msid:s2 t"); a section without them names its tracks in a=ssrc msid (the legacy
            // form), which receivers read only then (measured: Chromium takes a=msid:s beside
            // a=ssrc msid:s t). There each SSRC has the track id of its last msid line that
            // names one, and SSRCs with one track id are one track (pc/webrtc_sdp.cc,
            // CreateTracksFromSsrcInfos; measured: "a=ssrc:1 msid:s t" then "a=ssrc:1 msid:" taken).
            var hasMSID = false
            var msidTracks: Set<String> = []
            var firstExtraMSIDTrack: Int?
            var ssrcTracks: [(ssrc: UInt32, track: String, attribute: Int)] = []
            for (attributeIndex, attribute) in media.attributes.enumerated() {
                switch attribute.name {
                case .msid:
                    if let msid = attribute.as(MSID.self) {
                        hasMSID = true
                        // The track id after a space, as RFC 8830 §2 writes it and libwebrtc reads
                        // it (measured: "a=msid:s\tt" beside another track taken; SDP231 reports the tab).
                        let fields = (attribute.value ?? "").split(separator: " ")
                        let track = fields.count > 1 ? msid.trackID : nil
                        if let track, msidTracks.insert(track).inserted, msidTracks.count == 2 {
                            firstExtraMSIDTrack = attributeIndex
                        }
                        if let wms = wmsStreams, !wms.contains("*"), msid.streamID != "-", !wms.contains(msid.streamID)
                        {
                            report(
                                WebRTCRules.msidUnknownStream, at(index, attribute: attributeIndex),
                                "stream \(msid.streamID) is not listed in a=msid-semantic:WMS")
                        }
                    }
                case .ssrc:
                    // RFC 5576 declares RTP sources: receivers read no SSRC of a data channel
                    // section (measured: Chromium and Firefox take one moved there), so it
                    // shares no RTP session with the others.
                    guard media.proto.isRTP, let ssrc = attribute.as(SSRC.self) else { continue }
                    if let owner = ssrcOwners[ssrc.id], owner != index {
                        report(
                            WebRTCRules.ssrcInTwoSections, at(index, attribute: attributeIndex),
                            "SSRC \(ssrc.id) is already used by media section \(owner)")
                        ssrcOwners[ssrc.id] = index
                    } else {
                        ssrcOwners[ssrc.id] = index
                    }
                    if ssrc.attribute == "msid", let value = ssrc.value {
                        let parts = value.split(separator: " ", maxSplits: 1)
                        if parts.count > 1 { ssrcTracks.append((ssrc.id, String(parts[1]), attributeIndex)) }
                    }
                default:
                    break
                }
            }
            var tracks = msidTracks
            var firstExtraTrack = firstExtraMSIDTrack
            if !hasMSID {
                tracks = []
                var lastLine: [UInt32: Int] = [:]
                for entry in ssrcTracks { lastLine[entry.ssrc] = entry.attribute }
                for entry in ssrcTracks where lastLine[entry.ssrc] == entry.attribute {
                    if tracks.insert(entry.track).inserted, tracks.count == 2 { firstExtraTrack = entry.attribute }
                }
            }
            if tracks.count > 1, let firstExtraTrack {
                report(
                    WebRTCRules.planB, at(index, attribute: firstExtraTrack),
                    "media section \(index) carries \(tracks.count) tracks; Unified Plan allows one per section")
            }
            // Data channels (RFC 8841).
            if media.proto.isSCTP && !rejected {
                let legacy = media.proto == .dtlsSCTP
                if legacy ? !media.has(.sctpmap) : !media.has(.sctpPort) {
                    report(
                        WebRTCRules.dataChannelIncomplete, at(index),
                        legacy
                            ? "the DTLS/SCTP section has no a=sctpmap" : "the data channel section has no a=sctp-port")
                } else if !legacy && !media.has(.maxMessageSize) {
                    report(
                        WebRTCRules.dataChannelIncomplete, at(index),
                        "the data channel section has no a=max-message-size; the peer will assume 65536",
                        hint: "a=max-message-size:262144")
                }
            }
            checkCandidates(media, index)
            allCandidates += media.candidates
        }
        checkConnectivity(allCandidates)
    }

    /// The transports JSEP uses (RFC 8829 §5.1.2): DTLS-SRTP with feedback, and SCTP over DTLS.
    static func isJSEPTransport(_ proto: MediaDescription.TransportProtocol) -> Bool {
        [.udpTLSRTPSAVPF, .tcpDTLSRTPSAVPF, .udpDTLSSCTP, .tcpDTLSSCTP, .dtlsSCTP].contains {
            proto.equalsIgnoringCase($0)
        }
    }

    private mutating func checkCandidates(_ media: MediaDescription, _ index: Int) {
        let ufrag = (media.value(ICEUfrag.self) ?? session.value(ICEUfrag.self))?.value
        let muxOnly = media.has(.rtcpMuxOnly)
        var seen: Set<String> = []
        for (attributeIndex, attribute) in media.attributes.enumerated() where attribute.name == .candidate {
            guard let candidate = attribute.as(Candidate.self) else { continue }
            if let ufrag, let own = candidate.ufrag, own != ufrag {
                report(
                    WebRTCRules.candidateUfragMismatch, at(index, attribute: attributeIndex),
                    "candidate ufrag \(own) differs from a=ice-ufrag:\(ufrag)")
            }
            if muxOnly && candidate.componentID == 2 {
                report(
                    WebRTCRules.rtcpCandidateWithMuxOnly, at(index, attribute: attributeIndex),
                    "component 2 candidate in a section with a=rtcp-mux-only")
            } else if type == .answer && media.has(.rtcpMux) && candidate.componentID == 2 {
                report(
                    WebRTCRules.rtcpCandidateInMuxedAnswer, at(index, attribute: attributeIndex),
                    "component 2 candidate in an answer that accepts a=rtcp-mux: RTCP will never use it")
            }
            let key =
                """
                \(candidate.componentID) \(candidate.transport.spelling.lowercased()) \(candidate.address.text) \
                \(candidate.port)
                """
            if !seen.insert(key).inserted {
                report(
                    WebRTCRules.duplicateCandidate, at(index, attribute: attributeIndex),
                    "candidate \(candidate.address.text):\(candidate.port) (\(candidate.transport)) appears twice")
            }
        }
        let candidates = media.candidates
        // A TCP-based transport (TCP/RTP/AVP, TCP/DTLS/…) has only TCP candidates by design
        // (RFC 6544 App. C).
        if !media.proto.hasPart("TCP") && !candidates.isEmpty && candidates.allSatisfy({ $0.transport == .tcp }) {
            report(WebRTCRules.tcpCandidatesOnly, at(index), "media section \(index) has only TCP candidates")
        }
    }

    /// "the only candidate is" or "all 3 candidates are" — followed by a singular noun.
    static func every(_ count: Int, _ noun: String) -> String {
        count == 1 ? "the only \(noun) is" : "each of the \(count) \(noun)\(noun.hasSuffix("s") ? "es" : "s") is"
    }

    /// Findings over every gathered candidate of the description (ICE connectivity, RFC 8445 §5.1.1).
    private mutating func checkConnectivity(_ candidates: [Candidate]) {
        guard !candidates.isEmpty,
            let first = session.media.indices.first(where: { !session.media[$0].candidates.isEmpty })
        else { return }
        let location = at(first, attribute: session.media[first].attributes.firstIndex { $0.name == .candidate })
        let inventory = CandidateInventory(candidates)
        if inventory.onlyThisHost {
            report(
                WebRTCRules.unreachableAddressesOnly, location,
                "\(Self.every(candidates.count, "candidate address")) loopback or link-local: no other host can reach \(candidates.count == 1 ? "it" : "them")"
            )
        } else if inventory.onlyMDNS {
            report(
                WebRTCRules.mdnsCandidatesOnly, location,
                "\(Self.every(candidates.count, "candidate address")) an mDNS .local name: peers that cannot resolve \(candidates.count == 1 ? "it" : "them") have no candidate to use"
            )
        }
        if inventory.onlyHost {
            report(
                WebRTCRules.hostCandidatesOnly, location,
                "\(Self.every(candidates.count, "candidate")) a host candidate: a peer behind NAT will need STUN or TURN"
            )
        } else if inventory.noRelay {
            report(
                WebRTCRules.noRelayCandidate, location,
                "no relay candidate: peers behind restrictive firewalls will not connect")
        }
    }
}
