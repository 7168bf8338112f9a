public import SDPLintDiagnostics
import SDPLintICE
public import SDPLintSDP

/// How an SDP becomes a Jingle element.
public struct JingleConversionOptions: Sendable, Hashable {
    /// The action of the Jingle element: session-initiate for an offer, session-accept for an
    /// answer, content-add, transport-replace, …
    public var action: Jingle.Action
    /// The session role of the SDP's author (XEP-0166 §7.3): the initiator for the offer of a
    /// session-initiate, the responder for its answer. It decides what `senders` means: the
    /// author's a=sendonly is senders='initiator' when the author is the initiator and
    /// senders='responder' when it is the responder.
    public var role: Role
    /// The `creator` of each content: the initiator for contents of the initial offer, the
    /// party that added them later otherwise.
    public var contentCreator: Role
    /// The session id; by default the o= line's sess-id.
    public var sid: String?
    public var initiator: String?
    public var responder: String?

    public init(
        action: Jingle.Action = .sessionInitiate, role: Role = .initiator, contentCreator: Role = .initiator,
        sid: String? = nil,
        initiator: String? = nil, responder: String? = nil
    ) {
        self.action = action
        self.role = role
        self.contentCreator = contentCreator
        self.sid = sid
        self.initiator = initiator
        self.responder = responder
    }

    /// For the offer of a session-initiate.
    public static let offer = JingleConversionOptions()
    /// For the answer of a session-accept.
    public static let answer = JingleConversionOptions(action: .sessionAccept, role: .responder)
}

/// A Jingle element made from an SDP, with everything it could not carry.
public struct SDPToJingleResult: Sendable, Hashable {
    public var jingle: Jingle
    /// What the Jingle element does not carry, in SDP order.
    public var dropped: [DroppedItem]
    /// The dropped items as findings, located at their line in the SDP's serialized text.
    public var diagnostics: [Diagnostic]
}

extension Jingle {
    /// Converts a session description to a Jingle element.
    ///
    /// Every m-section becomes a content named by its mid: RTP sections get an XEP-0167
    /// description (payload types with parameters and XEP-0293 feedback, XEP-0294 header
    /// extensions, XEP-0339 sources) and an XEP-0176 ICE-UDP transport with XEP-0320
    /// fingerprints; data channel sections get the webrtc-datachannel transport (RFC 8841
    /// sctp-port and max-message-size) or, for the legacy a=sctpmap, XEP-0343's sctpmap.
    /// Session-level ICE credentials, fingerprints, setup, extmaps and direction apply to each
    /// section that has none of its own. BUNDLE and other groups become XEP-0338 groups.
    /// Media-level a=msid becomes stanza.js's `<stream/>`, send rids and the simulcast send
    /// list Jitsi's `<source rid/>` and `<rid-group/>`. Everything else is in
    /// ``SDPToJingleResult/dropped``.
    ///
    /// - Complexity: O(*n*) in the number of lines.
    public static func converting(
        _ sdp: SessionDescription, options: JingleConversionOptions = .offer
    ) -> SDPToJingleResult {
        var converter = SDPToJingle(sdp: sdp, options: options)
        let jingle = converter.run()
        return SDPToJingleResult(
            jingle: jingle, dropped: converter.dropped, diagnostics: SDPLocator(sdp).diagnostics(for: converter.dropped)
        )
    }
}

/// One SDP → Jingle conversion.
struct SDPToJingle {
    let sdp: SessionDescription
    let options: JingleConversionOptions
    var dropped: [DroppedItem] = []

    init(sdp: SessionDescription, options: JingleConversionOptions) {
        self.sdp = sdp
        self.options = options
    }

    private mutating func drop(
        _ scope: DroppedItem.Scope, _ kind: DroppedItem.Item, _ text: String, surviving: String? = nil, _ reason: String
    ) {
        dropped.append(DroppedItem(scope: scope, item: kind, text: text, surviving: surviving, reason: reason))
    }

    /// Session-level values that apply to every section without its own.
    struct SessionDefaults {
        var ufrag: String?
        var pwd: String?
        var fingerprints: [Fingerprint] = []
        var setup: Setup?
        var extmaps: [ExtMap] = []
        var extmapAllowMixed = false
        var direction: Direction?
    }

    mutating func run() -> Jingle {
        let sid = options.sid ?? (sdp.origin.sessionID.isEmpty ? "0" : sdp.origin.sessionID)
        var jingle = Jingle(
            action: options.action, sid: sid, initiator: options.initiator, responder: options.responder)
        var defaults = SessionDefaults()
        sessionLines()
        // Which session-level attributes some section takes up; the others are dropped.
        let transportSections = sdp.media.indices.filter { index in
            let section = sdp.media[index]
            return !section.isRejected && (section.proto.isRTP || section.proto.isSCTP)
        }
        let rtpSections = transportSections.filter { sdp.media[$0].proto.isRTP }
        var pendingSession: [(Attribute, Bool)] = []
        for attribute in sdp.attributes {
            let line = "a=" + attribute.description
            switch attribute.name {
            case .group:
                if let group = attribute.as(Group.self) {
                    jingle.groups.append(Jingle.ContentGroup(semantics: group.semantics.rawValue, contents: group.mids))
                } else {
                    drop(.session, .attribute, line, "the group does not parse")
                }
            case .iceUfrag:
                defaults.ufrag = attribute.value
                pendingSession.append((attribute, !transportSections.isEmpty))
            case .icePwd:
                defaults.pwd = attribute.value
                pendingSession.append((attribute, !transportSections.isEmpty))
            case .fingerprint:
                if let value = attribute.as(Fingerprint.self) { defaults.fingerprints.append(value) }
                pendingSession.append((attribute, !transportSections.isEmpty && attribute.as(Fingerprint.self) != nil))
            case .setup:
                defaults.setup = attribute.as(Setup.self)
                pendingSession.append((attribute, !transportSections.isEmpty && defaults.setup != nil))
            case .extmap:
                if let value = attribute.as(ExtMap.self) { defaults.extmaps.append(value) }
                pendingSession.append((attribute, !rtpSections.isEmpty && attribute.as(ExtMap.self) != nil))
            case .extmapAllowMixed:
                defaults.extmapAllowMixed = true
                pendingSession.append((attribute, !rtpSections.isEmpty))
            case .sendrecv, .sendonly, .recvonly, .inactive:
                defaults.direction = attribute.name.direction
                pendingSession.append((attribute, !sdp.media.isEmpty))
            case .iceOptions:
                drop(
                    .session, .attribute, line,
                    "XEP-0176 has no ICE options; Jingle always allows trickling candidates in transport-info")
            case .iceLite:
                drop(.session, .attribute, line, "no XEP signals an ICE lite agent (rtcweb-wg/jsep#637)")
            case .msidSemantic:
                drop(.session, .attribute, line, "no XEP carries the legacy msid-semantic list")
            default:
                drop(.session, .attribute, line, "no XEP carries this session-level attribute")
            }
        }
        for (attribute, used) in pendingSession where !used {
            drop(
                .session, .attribute, "a=" + attribute.description, "no media section takes up this session-level value"
            )
        }
        for (index, section) in sdp.media.enumerated() {
            if let content = content(index, section, defaults) { jingle.contents.append(content) }
        }
        return jingle
    }

    /// Drops the session-level lines Jingle has no place for.
    private mutating func sessionLines() {
        drop(
            .session, .sessionField, "o=" + sdp.origin.description,
            "Jingle identifies the session by its sid and has no origin line; the SDP written back has a new one")
        if sdp.sessionName != "-" {
            drop(.session, .sessionField, "s=" + sdp.sessionName, "Jingle has no session name")
        }
        if let information = sdp.information {
            drop(.session, .sessionField, "i=" + information, "Jingle has no session information")
        }
        if let uri = sdp.uri { drop(.session, .sessionField, "u=" + uri, "Jingle has no session URI") }
        for email in sdp.emails { drop(.session, .sessionField, "e=" + email, "Jingle has no e= line") }
        for phone in sdp.phones { drop(.session, .sessionField, "p=" + phone, "Jingle has no p= line") }
        if let connection = sdp.connection, connection.description != "IN IP4 0.0.0.0" {
            drop(
                .session, .transportAddress, "c=" + connection.description,
                "ICE-UDP transports carry candidates, not a connection address")
        }
        for bandwidth in sdp.bandwidths {
            drop(
                .session, .sessionField, "b=" + bandwidth.description,
                "XEP-0167 has a bandwidth per description only, none for the session")
        }
        for time in sdp.times
        where time.start != 0 || time.stop != 0 || !time.repeats.isEmpty || time.zoneAdjustments != nil {
            drop(.session, .sessionField, "t=" + time.description, "a Jingle session has no schedule")
        }
        if let key = sdp.encryptionKey {
            drop(.session, .sessionField, "k=" + key, "k= is obsolete and has no Jingle form")
        }
        for line in sdp.extraLines {
            drop(.session, .sessionField, line.text, "the SDP parser could not place this line")
        }
    }

    // MARK: Media sections

    private mutating func content(
        _ index: Int, _ section: MediaDescription, _ defaults: SessionDefaults
    ) -> Jingle.Content? {
        let mid = section.mid
        let scope = DroppedItem.Scope.media(index: index, mid: mid)
        let isRTP = section.proto.isRTP
        let isSCTP = section.proto.isSCTP
        let mediaLine = "m=" + section.mediaLineText
        guard isRTP || isSCTP else {
            drop(
                scope, .section, mediaLine,
                "only RTP (XEP-0167) and SCTP data channel (XEP-0343) sections have a Jingle form")
            return nil
        }
        let rejected = section.isRejected
        if rejected && isSCTP {
            drop(
                scope, .section, mediaLine,
                "a rejected data channel section has neither a description nor a transport to carry it")
            return nil
        }
        let legacySCTP = isSCTP && section.has(.sctpmap) && !section.has(.sctpPort)
        // The m= line the round trip writes: port 9 (0 when rejected) and the protocol the
        // Jingle element implies.
        var rebuilt = section
        rebuilt.port = rejected ? 0 : 9
        rebuilt.portCount = nil
        let hasFingerprint = !section.values(Fingerprint.self).isEmpty || !defaults.fingerprints.isEmpty
        if isRTP {
            // A rejected content has no transport to tell; WebRTC's profile is assumed.
            rebuilt.proto = rejected || hasFingerprint ? .udpTLSRTPSAVPF : (section.has(.crypto) ? .rtpSAVPF : .rtpAVPF)
            rebuilt.formats = section.formats.filter { Int($0).map { (0...127).contains($0) } ?? false }
        } else {
            rebuilt.proto = legacySCTP ? .dtlsSCTP : .udpDTLSSCTP
            rebuilt.formats = legacySCTP ? section.formats : ["webrtc-datachannel"]
        }
        let rebuiltLine = "m=" + rebuilt.mediaLineText
        if rebuiltLine != mediaLine {
            let why =
                section.port != rebuilt.port || section.portCount != nil
                ? """
                Jingle carries candidates, not the default candidate's port; the SDP written back uses the \
                placeholder 9 (RFC 8840 §4.1.1.1)
                """
                : """
                the protocol and formats follow from the Jingle element (fingerprint, crypto, payload types, data \
                channel transport)
                """
            drop(scope, .mediaLine, mediaLine, surviving: rebuiltLine, why)
        }
        if let information = section.information {
            drop(scope, .sessionField, "i=" + information, "a content has no title")
        }
        for connection in section.connections where connection.description != "IN IP4 0.0.0.0" {
            drop(
                scope, .transportAddress, "c=" + connection.description,
                """
                ICE-UDP carries candidates, not the default candidate's address; the SDP written back has c=IN IP4 \
                0.0.0.0
                """
            )
        }
        if let key = section.encryptionKey {
            drop(scope, .sessionField, "k=" + key, "k= is obsolete and has no Jingle form")
        }
        for line in section.extraLines {
            drop(scope, .sessionField, line.text, "the SDP parser could not place this line")
        }

        let direction = section.direction ?? defaults.direction ?? .sendrecv
        let senders = senders(for: direction)
        var content = Jingle.Content(creator: options.contentCreator, name: mid ?? String(index), senders: senders)
        var rtp = isRTP ? RTPDescription(media: section.media.rawValue) : nil
        var transport = ICEUDPTransport()
        var dataChannel = WebRTCDataChannelTransport()
        var sawBandwidth = false
        for bandwidth in section.bandwidths {
            if isRTP && !sawBandwidth {
                rtp?.bandwidth = BandwidthLimit(type: bandwidth.type.rawValue, value: String(bandwidth.value))
                sawBandwidth = true
            } else {
                drop(
                    scope, .part, "b=" + bandwidth.description,
                    isRTP
                        ? "XEP-0167 allows one <bandwidth> per description"
                        : "a data channel content has no description to hold a bandwidth")
            }
        }
        var candidateIndex = 0
        var sourceOrder: [UInt32] = []
        var sourceParameters: [UInt32: [Parameter]] = [:]
        var sendRIDs: [String] = []
        var ptimes: [(Attribute, String)] = []
        var maxptimes: [(Attribute, String)] = []
        var feedbackByType: [Int: [FeedbackType]] = [:]
        var trrByType: [Int: String] = [:]
        var maps: [Int: RTPMap] = [:]
        var fmtps: [Int: FMTP] = [:]
        let formats = Set(rebuilt.formats.compactMap { Int($0) })
        var simulcast: (Attribute, Simulcast)?
        for attribute in section.attributes {
            let line = "a=" + attribute.description
            let transportLine =
                rejected
                && [.candidate, .iceUfrag, .icePwd, .fingerprint, .setup, .iceOptions, .endOfCandidates].contains(
                    attribute.name)
            if transportLine {
                drop(scope, .attribute, line, "a rejected section (port 0) has no transport in Jingle")
                continue
            }
            // RFC 6189 §8.1 `a=zrtp-hash:<version> <hash>`, which XEP-0262 §2 carries.
            if isRTP, attribute.name.rawValue == "zrtp-hash" {
                let parts = (attribute.value ?? "").split(separator: " ", maxSplits: 1)
                guard parts.count == 2 else {
                    drop(scope, .attribute, line, "the zrtp-hash line does not parse")
                    continue
                }
                var encryption = rtp?.encryption ?? Encryption()
                encryption.zrtpHashes.append(Encryption.ZRTPHash(version: String(parts[0]), value: String(parts[1])))
                rtp?.encryption = encryption
                continue
            }
            switch attribute.name {
            case .mid:
                break
            case .sendrecv, .sendonly, .recvonly, .inactive:
                break
            case .rtpmap where isRTP:
                guard let map = attribute.as(RTPMap.self), formats.contains(map.payloadType),
                    maps[map.payloadType] == nil
                else {
                    drop(scope, .attribute, line, "the payload type is not on the m= line or already has an rtpmap")
                    continue
                }
                maps[map.payloadType] = map
            case .fmtp where isRTP:
                guard let fmtp = attribute.as(FMTP.self), let pt = fmtp.payloadType, formats.contains(pt),
                    fmtps[pt] == nil
                else {
                    drop(
                        scope, .attribute, line,
                        "the format is not a payload type of the m= line or already has an fmtp")
                    continue
                }
                fmtps[pt] = fmtp
                let empty = fmtp.parameters.filter { $0.value == "" }.map(\.name)
                if !empty.isEmpty {
                    let surviving = fmtp.parameters.map { $0.value == "" ? $0.name : $0.description }.joined(
                        separator: ";")
                    drop(
                        scope, .part, line, surviving: "a=fmtp:\(fmtp.format) \(surviving)",
                        "an fmtp item with an empty value (\(empty.joined(separator: ", "))) is a <parameter> with an empty value, which reads back as an item without '=' (XEP-0294 §3)"
                    )
                }
            case .rtcpFeedback where isRTP:
                guard let feedback = attribute.as(RTCPFeedback.self) else {
                    drop(scope, .attribute, line, "the rtcp-fb line does not parse")
                    continue
                }
                if feedback.type == "trr-int" {
                    if feedback.isWildcard {
                        rtp?.feedbackTRRInterval = feedback.parameter ?? "0"
                    } else if let pt = feedback.payloadType, formats.contains(pt) {
                        trrByType[pt] = feedback.parameter ?? "0"
                    } else {
                        drop(scope, .attribute, line, "payload type \(feedback.format) is not on the m= line")
                    }
                    continue
                }
                let words = (feedback.parameter ?? "").split(separator: " ").map(String.init)
                let element = FeedbackType(
                    type: feedback.type, subtype: words.first,
                    parameters: words.dropFirst().map { Parameter(name: $0) })
                if feedback.isWildcard {
                    rtp?.feedback.append(element)
                } else if let pt = feedback.payloadType, formats.contains(pt) {
                    feedbackByType[pt, default: []].append(element)
                } else {
                    drop(
                        scope, .attribute, line,
                        """
                        payload type \(feedback.format) is not on the m= line, so no <payload-type> can hold its \
                        feedback
                        """
                    )
                }
            case .ptime where isRTP: ptimes.append((attribute, attribute.value ?? ""))
            case .maxptime where isRTP: maxptimes.append((attribute, attribute.value ?? ""))
            case .rtcpMux where isRTP: rtp?.rtcpMux = true
            case .extmap where isRTP:
                guard let extmap = attribute.as(ExtMap.self) else {
                    drop(scope, .attribute, line, "the extmap line does not parse")
                    continue
                }
                rtp?.headerExtensions.append(headerExtension(extmap))
            case .extmapAllowMixed where isRTP: rtp?.extmapAllowMixed = true
            case .msid where isRTP:
                guard let msid = attribute.as(MSID.self) else {
                    drop(scope, .attribute, line, "the msid line does not parse")
                    continue
                }
                rtp?.streams.append(MediaStream(id: msid.streamID, track: msid.trackID))
            case .ssrc where isRTP:
                guard let ssrc = attribute.as(SSRC.self) else {
                    drop(scope, .attribute, line, "the ssrc line does not parse")
                    continue
                }
                if ssrc.value == "" {
                    drop(
                        scope, .part, line, surviving: "a=ssrc:\(ssrc.id) \(ssrc.attribute)",
                        "an empty source attribute value reads back as no value")
                }
                if sourceParameters[ssrc.id] == nil { sourceOrder.append(ssrc.id) }
                sourceParameters[ssrc.id, default: []].append(Parameter(name: ssrc.attribute, value: ssrc.value ?? ""))
            case .ssrcGroup where isRTP:
                guard let group = attribute.as(SSRCGroup.self) else {
                    drop(scope, .attribute, line, "the ssrc-group line does not parse")
                    continue
                }
                rtp?.sourceGroups.append(SourceGroup(semantics: group.semantics, ssrcs: group.ssrcs))
            case .rid where isRTP:
                guard let rid = attribute.as(RID.self), rid.direction == .send else {
                    drop(
                        scope, .attribute, line,
                        """
                        no XEP carries rids; Jitsi's <source rid/> mapping carries the rids the author sends, not \
                        receive rids
                        """
                    )
                    continue
                }
                sendRIDs.append(rid.id)
                if !rid.payloadTypes.isEmpty || !rid.restrictions.isEmpty {
                    drop(
                        scope, .part, line, surviving: "a=rid:\(rid.id) send",
                        "Jitsi's <source rid/> carries the rid id only, not its pt= list and restrictions")
                }
            case .simulcast where isRTP:
                guard let value = attribute.as(Simulcast.self) else {
                    drop(scope, .attribute, line, "the simulcast line does not parse")
                    continue
                }
                simulcast = (attribute, value)
            case .crypto where isRTP:
                guard let crypto = attribute.as(Crypto.self) else {
                    drop(scope, .attribute, line, "the crypto line does not parse")
                    continue
                }
                var encryption = rtp?.encryption ?? Encryption()
                encryption.cryptos.append(
                    Encryption.CryptoLine(
                        tag: String(crypto.tag), suite: crypto.suite,
                        keyParameters: crypto.keyParameters.map(\.description).joined(separator: ";"),
                        sessionParameters: crypto.sessionParameters.isEmpty
                            ? nil : crypto.sessionParameters.joined(separator: " ")))
                rtp?.encryption = encryption
            case .candidate:
                guard let candidate = attribute.as(Candidate.self) else {
                    drop(scope, .attribute, line, "the candidate line does not parse")
                    continue
                }
                transport.candidates.append(
                    transportCandidate(candidate, id: "c\(index)-\(candidateIndex)", scope: scope, line: line))
                candidateIndex += 1
            case .iceUfrag: transport.ufrag = attribute.value
            case .icePwd: transport.pwd = attribute.value
            case .fingerprint:
                guard let fingerprint = attribute.as(Fingerprint.self) else {
                    drop(scope, .attribute, line, "the fingerprint line does not parse")
                    continue
                }
                transport.fingerprints.append(
                    DTLSFingerprint(hash: fingerprint.hashFunction, value: fingerprint.fingerprint))
            case .setup:
                if section.values(Fingerprint.self).isEmpty && defaults.fingerprints.isEmpty {
                    drop(
                        scope, .attribute, line,
                        "XEP-0320 carries the setup role on a <fingerprint/>, and the section has no fingerprint")
                }
            case .sctpPort where isSCTP:
                dataChannel.sctpPort = attribute.as(SCTPPort.self)?.port
                if dataChannel.sctpPort == nil { drop(scope, .attribute, line, "the sctp-port line does not parse") }
            case .maxMessageSize where isSCTP:
                dataChannel.maxMessageSize = attribute.as(MaxMessageSize.self)?.bytes
                if dataChannel.maxMessageSize == nil {
                    drop(scope, .attribute, line, "the max-message-size line does not parse")
                }
            case .sctpmap where isSCTP && legacySCTP:
                guard let map = attribute.as(SCTPMap.self) else {
                    drop(scope, .attribute, line, "the sctpmap line does not parse")
                    continue
                }
                transport.sctpMap = SCTPMapElement(number: map.number, protocol: map.application, streams: map.streams)
            case .rtcp:
                drop(scope, .transportAddress, line, "ICE-UDP carries candidates, not the RTCP default address")
            case .iceOptions:
                drop(
                    scope, .attribute, line,
                    "XEP-0176 has no ICE options; Jingle always allows trickling candidates in transport-info")
            case .endOfCandidates:
                drop(scope, .attribute, line, "XEP-0176 has no end-of-candidates marker")
            case .bundleOnly:
                drop(
                    scope, .attribute, line,
                    "no XEP carries bundle-only (rtcweb-wg/jsep#637); the section comes back with port 9")
            case .rtcpReducedSize:
                drop(scope, .attribute, line, "no XEP carries reduced-size RTCP (RFC 5506)")
            case .rtcpMuxOnly:
                drop(scope, .attribute, line, "XEP-0167 has <rtcp-mux/> but nothing for rtcp-mux-only (RFC 8858)")
            default:
                drop(scope, .attribute, line, "no XEP carries this attribute")
            }
        }
        // Session-level defaults the section takes up.
        if !rejected {
            if transport.ufrag == nil { transport.ufrag = defaults.ufrag }
            if transport.pwd == nil { transport.pwd = defaults.pwd }
            if transport.fingerprints.isEmpty {
                transport.fingerprints = defaults.fingerprints.map {
                    DTLSFingerprint(hash: $0.hashFunction, value: $0.fingerprint)
                }
            }
            let setup = section.value(Setup.self) ?? defaults.setup
            for index in transport.fingerprints.indices { transport.fingerprints[index].setup = setup }
        }
        if var description = rtp {
            for extmap in defaults.extmaps {
                description.headerExtensions.append(headerExtension(extmap))
            }
            if defaults.extmapAllowMixed { description.extmapAllowMixed = true }
            for format in rebuilt.formats {
                guard let pt = Int(format) else { continue }
                var payloadType = PayloadType(id: pt)
                if let map = maps[pt] {
                    payloadType.name = map.encodingName
                    payloadType.clockRate = map.clockRate
                    payloadType.channels = map.channels
                }
                if let fmtp = fmtps[pt] {
                    payloadType.parameters = fmtp.parameters.map { Parameter(name: $0.name, value: $0.value ?? "") }
                }
                payloadType.feedback = feedbackByType[pt] ?? []
                payloadType.feedbackTRRInterval = trrByType[pt]
                description.payloadTypes.append(payloadType)
            }
            for (attribute, value) in ptimes {
                if description.payloadTypes.isEmpty || ptimes.count > 1 {
                    drop(
                        scope, .attribute, "a=" + attribute.description,
                        "XEP-0167 puts ptime on each payload type, and there is none (or more than one ptime)")
                } else {
                    for index in description.payloadTypes.indices { description.payloadTypes[index].ptime = value }
                }
            }
            for (attribute, value) in maxptimes {
                if description.payloadTypes.isEmpty || maxptimes.count > 1 {
                    drop(
                        scope, .attribute, "a=" + attribute.description,
                        "XEP-0167 puts maxptime on each payload type, and there is none (or more than one maxptime)")
                } else {
                    for index in description.payloadTypes.indices { description.payloadTypes[index].maxptime = value }
                }
            }
            description.sources = sourceOrder.map { Source(ssrc: $0, parameters: sourceParameters[$0] ?? []) }
            description.sources += sendRIDs.map { Source(rid: $0) }
            if let (attribute, value) = simulcast {
                let line = "a=" + attribute.description
                let plain = value.receive == nil && (value.send ?? []).allSatisfy { $0.count == 1 && !$0[0].isPaused }
                let rids = (value.send ?? []).compactMap(\.first?.rid)
                if plain && !rids.isEmpty && rids.allSatisfy(sendRIDs.contains) {
                    description.ridGroups.append(RIDGroup(semantics: "SIM", rids: rids))
                } else {
                    drop(
                        scope, .attribute, line,
                        """
                        Jitsi's <rid-group semantics='SIM'> carries a plain send list of declared send rids only: \
                        no receive list, alternatives or paused streams
                        """
                    )
                }
            }
            content.description = .rtp(description)
        }
        if !rejected {
            if isSCTP && !legacySCTP {
                dataChannel.iceUDP = transport
                content.transport = .webRTCDataChannel(dataChannel)
            } else {
                content.transport = .iceUDP(transport)
            }
        }
        return content
    }

    /// The senders value for the author's direction (XEP-0166 §7.3): roles, not the author.
    func senders(for direction: Direction) -> Senders {
        let authorIsInitiator = options.role == .initiator
        return Senders(
            initiatorSends: authorIsInitiator ? direction.sends : direction.receives,
            responderSends: authorIsInitiator ? direction.receives : direction.sends)
    }

    func headerExtension(_ extmap: ExtMap) -> HeaderExtension {
        let parameters = (extmap.extensionAttributes ?? "").split(separator: " ").map { word -> Parameter in
            guard let equals = word.firstIndex(of: "=") else { return Parameter(name: String(word), value: "") }
            return Parameter(name: String(word[..<equals]), value: String(word[word.index(after: equals)...]))
        }
        return HeaderExtension(
            id: extmap.id, uri: extmap.uri, senders: extmap.direction.map(senders(for:)), parameters: parameters)
    }

    /// An XEP-0176 candidate; extensions other than generation and network-id are dropped.
    mutating func transportCandidate(
        _ candidate: Candidate, id: String, scope: DroppedItem.Scope, line: String
    ) -> TransportCandidate {
        var result = TransportCandidate(
            component: Int(candidate.componentID), foundation: candidate.foundation, generation: "0", id: id,
            ip: candidate.address.text,
            port: Int(candidate.port), priority: candidate.priority, protocol: candidate.transport.spelling,
            relatedAddress: candidate.relatedAddress?.text, relatedPort: candidate.relatedPort.map(Int.init),
            type: candidate.kind.spelling,
            tcpType: candidate.tcpType?.rawValue)
        var kept = candidate
        kept.extensionAttributes = []
        var lost: [String] = []
        for attribute in candidate.extensionAttributes {
            switch attribute.name {
            case "generation"
            where attribute.value.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) && !attribute.value.isEmpty:
                result.generation = attribute.value
                kept.extensionAttributes.append(attribute)
            case "network-id"
            where result.network == nil && attribute.value.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 })
                && !attribute.value.isEmpty:
                result.network = attribute.value
                kept.extensionAttributes.append(attribute)
            default:
                lost.append(attribute.description)
            }
        }
        if !lost.isEmpty {
            drop(
                scope, .candidateExtension, line, surviving: "a=candidate:" + kept.description,
                "XEP-0176 has no attribute for \(lost.joined(separator: ", "))")
        }
        return result
    }
}

extension MediaDescription {
    /// The text after `m=`.
    var mediaLineText: String {
        var text = ""
        writeMediaLine(to: &text)
        return text
    }
}

/// Finds the line of a dropped item in an SDP's text, to turn it into a located finding.
struct SDPLocator {
    /// Each line with its section: -1 for the session level.
    private var lines: [(text: String, section: Int, offset: Int)] = []

    init(_ sdp: SessionDescription) {
        // Split on bytes: in Swift "\r\n" is one Character, so splitting the String on "\n"
        // would not split CRLF lines.
        let bytes = Array(sdp.serialized().utf8)
        var section = -1
        var start = 0
        while start < bytes.count {
            var end = start
            while end < bytes.count && bytes[end] != 0x0A { end += 1 }
            var contentEnd = end
            if contentEnd > start && bytes[contentEnd - 1] == 0x0D { contentEnd -= 1 }
            let text = String(decoding: bytes[start..<contentEnd], as: UTF8.self)
            if text.hasPrefix("m=") { section += 1 }
            lines.append((text, section, start))
            start = end + 1
        }
    }

    func diagnostics(for items: [DroppedItem]) -> [Diagnostic] {
        items.map { item in
            let section: Int
            switch item.scope {
            case .session, nil: section = -1
            case .media(let index, _): section = index
            }
            let found =
                lines.firstIndex { $0.section == section && $0.text == item.text }
                ?? lines.firstIndex { $0.section == section && (section < 0 || $0.text.hasPrefix("m=")) }
                ?? 0
            let line: (text: String, section: Int, offset: Int) =
                lines.indices.contains(found) ? lines[found] : ("", -1, 0)
            let location = SourceLocation(
                line: found + 1, column: 1, bytes: line.offset..<(line.offset + line.text.utf8.count))
            var message = "\(item.text ?? item.item.name) is not carried: \(item.reason)"
            if let surviving = item.surviving { message += "; it comes back as \(surviving)" }
            return item.item.jingleRule.diagnostic(at: location, message)
        }
    }
}
