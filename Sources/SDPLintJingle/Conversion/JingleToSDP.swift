public import SDPLintDiagnostics
import SDPLintICE
public import SDPLintSDP

/// How a Jingle element becomes an SDP.
public struct SDPConversionOptions: Sendable, Hashable {
    /// The session role of the party whose description the Jingle element is: the initiator for
    /// a session-initiate, the responder for a session-accept. It turns `senders` back into the
    /// author's a=sendonly or a=recvonly (XEP-0166 §7.3).
    public var role: Role
    /// The o= line; by default `- <sid if numeric, else 0> 0 IN IP4 127.0.0.1`.
    public var origin: SessionDescription.Origin?

    public init(role: Role = .initiator, origin: SessionDescription.Origin? = nil) {
        self.role = role
        self.origin = origin
    }

    /// For a session-initiate.
    public static let offer = SDPConversionOptions()
    /// For a session-accept.
    public static let answer = SDPConversionOptions(role: .responder)
}

/// An SDP made from a Jingle element, with what SDP could not carry.
public struct JingleToSDPResult: Sendable, Hashable {
    public var description: SessionDescription
    /// What the SDP does not carry: candidate ids aside (SDP has none), Jingle-only elements
    /// and attributes.
    public var dropped: [DroppedItem]
}

extension SessionDescription {
    /// Converts a Jingle element to a session description: the inverse of
    /// ``Jingle/converting(_:options:)``.
    ///
    /// Contents become m-sections in order, named by a=mid; a content without a transport is a
    /// rejected section (port 0). Candidates, ICE credentials and fingerprints are written at
    /// media level; m= ports and c= addresses are the placeholders 9 and 0.0.0.0.
    ///
    /// - Complexity: O(*n*) in the size of the Jingle element.
    public static func converting(_ jingle: Jingle, options: SDPConversionOptions = .offer) -> JingleToSDPResult {
        var converter = JingleToSDP(options: options)
        let sdp = converter.run(jingle)
        return JingleToSDPResult(description: sdp, dropped: converter.dropped)
    }
}

struct JingleToSDP {
    let options: SDPConversionOptions
    var dropped: [DroppedItem] = []

    init(options: SDPConversionOptions) { self.options = options }

    private mutating func drop(_ scope: DroppedItem.Scope, _ element: XMLTreeElement, _ reason: String) {
        dropped.append(DroppedItem(scope: scope, item: .jingleElement, text: element.serialized(), reason: reason))
    }

    private mutating func drop(_ scope: DroppedItem.Scope, _ text: String, _ reason: String) {
        dropped.append(DroppedItem(scope: scope, item: .jingleElement, text: text, reason: reason))
    }

    private mutating func dropExtras(
        _ scope: DroppedItem.Scope, _ owner: String, _ attributes: [XMLAttribute], _ children: [XMLTreeElement]
    ) {
        for attribute in attributes { drop(scope, "\(owner) \(attribute)", "SDP has no place for this attribute") }
        for child in children { drop(scope, child, "SDP has no place for this element") }
    }

    mutating func run(_ jingle: Jingle) -> SessionDescription {
        let numericSID =
            !jingle.sid.isEmpty && jingle.sid.utf8.count <= 19
            && jingle.sid.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
        let origin =
            options.origin
            ?? SessionDescription.Origin(username: "-", sessionID: numericSID ? jingle.sid : "0", sessionVersion: 0)
        var sdp = SessionDescription(origin: origin)
        for (index, content) in jingle.contents.enumerated() {
            if let section = media(index, content) { sdp.media.append(section) }
        }
        // A group names the contents that became sections: one that has no SDP form, or that
        // the element lacks, is reported once where it is (JINGLE210, JINGLE207), not again as
        // a group naming an unknown mid.
        let mids = Set(sdp.media.compactMap(\.mid))
        for group in jingle.groups {
            let members = group.contents.filter(mids.contains)
            if !members.isEmpty {
                sdp.attributes.append(
                    Attribute(Group(semantics: Group.Semantics(rawValue: group.semantics), mids: members)))
            }
            dropExtras(.session, "<group>", group.extraAttributes, group.extraChildren)
        }
        if let reason = jingle.reason { drop(.session, reason.element, "an SDP has no reason") }
        dropExtras(.session, "<jingle>", jingle.extraAttributes, jingle.extraChildren)
        return sdp
    }

    private func direction(_ senders: Senders?) -> Direction {
        let senders = senders ?? .both
        let other = options.role.peer
        return Direction(sends: senders.includes(options.role), receives: senders.includes(other))
    }

    private mutating func media(_ index: Int, _ content: Jingle.Content) -> MediaDescription? {
        let scope = DroppedItem.Scope.media(index: index, mid: content.name)
        let ice = content.iceUDP
        var section: MediaDescription
        let rejected = content.transport == nil
        if let rtp = content.rtp {
            let proto: MediaDescription.TransportProtocol
            if rejected || !(ice?.fingerprints.isEmpty ?? true) {
                proto = .udpTLSRTPSAVPF
            } else if let encryption = rtp.encryption, !encryption.cryptos.isEmpty || encryption.zrtpHashes.isEmpty {
                // SDES keys (or a bare <encryption/>) mean SRTP in the profile; ZRTP alone keys
                // SRTP in the media path over an RTP/AVP(F) section (RFC 6189 §8.1).
                proto = .rtpSAVPF
            } else {
                proto = .rtpAVPF
            }
            section = MediaDescription(
                media: .init(rawValue: rtp.media), port: rejected ? 0 : 9, proto: proto,
                formats: rtp.payloadTypes.map { String($0.id) })
        } else if case .webRTCDataChannel = content.transport {
            section = MediaDescription(
                media: .application, port: 9, proto: .udpDTLSSCTP, formats: ["webrtc-datachannel"])
        } else if let map = ice?.sctpMap {
            section = MediaDescription(media: .application, port: 9, proto: .dtlsSCTP, formats: [String(map.number)])
        } else if case .rawUDP(let raw) = content.transport, case .other(let description) = content.description {
            drop(scope, description, "a content whose application is not RTP has no SDP form")
            _ = raw
            return nil
        } else {
            drop(
                scope, content.element,
                "a content with neither an RTP description nor a data channel transport has no SDP form")
            return nil
        }
        section.connections = [Connection(address: "0.0.0.0")]
        // XEP-0177 candidates are plain addresses (§5): component 1's (or the first) is the
        // section's address, and component 2's is RTCP's, which RFC 3605's a=rtcp gives.
        var rtcp: RTCPAddress?
        if case .rawUDP(let raw) = content.transport,
            let rtpIndex = raw.candidates.firstIndex(where: { $0.component == 1 }) ?? raw.candidates.indices.first
        {
            func connection(_ ip: String) -> Connection {
                Connection(addressType: ip.contains(":") ? .ip6 : .ip4, address: ip)
            }
            let rtpCandidate = raw.candidates[rtpIndex]
            section.port = rtpCandidate.port
            section.connections = [connection(rtpCandidate.ip)]
            let rtcpIndex = raw.candidates.firstIndex { $0.component == 2 }
            if let rtcpIndex {
                rtcp = RTCPAddress(
                    port: raw.candidates[rtcpIndex].port, connection: connection(raw.candidates[rtcpIndex].ip))
            }
            for (index, candidate) in raw.candidates.enumerated() where index != rtpIndex && index != rtcpIndex {
                drop(
                    scope, "<candidate ip='\(candidate.ip)' port='\(candidate.port)'/>",
                    "SDP without ICE has one address per section (and one for RTCP)")
            }
        }
        if case .other(let element) = content.transport { drop(scope, element, "this transport has no SDP form") }
        if let bandwidth = content.rtp?.bandwidth {
            if let value = UInt64(bandwidth.value) {
                section.bandwidths.append(Bandwidth(type: .init(rawValue: bandwidth.type), value: value))
            } else {
                drop(
                    scope, "<bandwidth type='\(bandwidth.type)'>\(bandwidth.value)</bandwidth>",
                    "the bandwidth is not a number")
            }
        }
        var attributes: [Attribute] = []
        if let rtcp { attributes.append(Attribute(rtcp)) }
        if let ice {
            for candidate in ice.candidates { attributes.append(Attribute(self.candidate(candidate, scope: scope))) }
            if let ufrag = ice.ufrag { attributes.append(Attribute(ICEUfrag(ufrag))) }
            if let pwd = ice.pwd { attributes.append(Attribute(ICEPwd(pwd))) }
            for fingerprint in ice.fingerprints {
                attributes.append(
                    Attribute(Fingerprint(hashFunction: fingerprint.hash, fingerprint: fingerprint.value)))
                dropExtras(scope, "<fingerprint>", fingerprint.extraAttributes, [])
            }
            if let setup = ice.fingerprints.lazy.compactMap(\.setup).first { attributes.append(Attribute(setup)) }
            if let remote = ice.remoteCandidate { drop(scope, remote, "a=remote-candidates is not written") }
            dropExtras(scope, "<transport>", ice.extraAttributes, ice.extraChildren)
        }
        attributes.append(Attribute(Mid(content.name)))
        if content.creator != .initiator { drop(scope, "creator='\(content.creator)'", "SDP has no content creator") }
        if let disposition = content.disposition, disposition != "session" {
            drop(scope, "disposition='\(disposition)'", "SDP has no disposition")
        }
        if let security = content.security { drop(scope, security, "SDP has no place for a Jingle security element") }
        dropExtras(scope, "<content>", content.extraAttributes, content.extraChildren)
        if let rtp = content.rtp {
            rtpAttributes(rtp, scope: scope, direction: direction(content.senders), into: &attributes)
        } else {
            attributes.append(Attribute(name: direction(content.senders).attributeName))
            if case .webRTCDataChannel(let channel) = content.transport {
                if let port = channel.sctpPort { attributes.append(Attribute(SCTPPort(port))) }
                if let size = channel.maxMessageSize { attributes.append(Attribute(MaxMessageSize(size))) }
                dropExtras(scope, "<transport>", channel.extraAttributes, channel.extraChildren)
            } else if let map = ice?.sctpMap {
                attributes.append(
                    Attribute(SCTPMap(number: map.number, application: map.protocol, streams: map.streams)))
            }
        }
        section.attributes = attributes
        return section
    }

    private mutating func rtpAttributes(
        _ rtp: RTPDescription, scope: DroppedItem.Scope, direction: Direction, into attributes: inout [Attribute]
    ) {
        for extensionElement in rtp.headerExtensions {
            let text = extensionElement.parameters.map(\.description).joined(separator: " ")
            let extmap = ExtMap(
                id: extensionElement.id, direction: extensionElement.senders.map(self.direction),
                uri: extensionElement.uri,
                extensionAttributes: text.isEmpty ? nil : text)
            attributes.append(Attribute(extmap))
        }
        attributes.append(Attribute(name: direction.attributeName))
        for stream in rtp.streams { attributes.append(Attribute(MSID(streamID: stream.id, trackID: stream.track))) }
        if rtp.rtcpMux { attributes.append(Attribute(name: .rtcpMux)) }
        for payloadType in rtp.payloadTypes {
            if let name = payloadType.name, let clockRate = payloadType.clockRate {
                attributes.append(
                    Attribute(
                        RTPMap(
                            payloadType: payloadType.id, encodingName: name, clockRate: clockRate,
                            channels: payloadType.channels)))
            } else if payloadType.name != nil || payloadType.clockRate != nil {
                drop(scope, payloadType.element, "an rtpmap needs both the encoding name and the clock rate")
            }
            for feedback in payloadType.feedback {
                attributes.append(Attribute(rtcpFeedback(String(payloadType.id), feedback)))
            }
            if let interval = payloadType.feedbackTRRInterval {
                attributes.append(
                    Attribute(RTCPFeedback(format: String(payloadType.id), type: "trr-int", parameter: interval)))
            }
            if !payloadType.parameters.isEmpty {
                attributes.append(
                    Attribute(
                        FMTP(
                            format: String(payloadType.id),
                            parameterText: payloadType.parameters.map(\.description).joined(separator: ";"))))
            }
            dropExtras(
                scope, "<payload-type id='\(payloadType.id)'>", payloadType.extraAttributes, payloadType.extraChildren)
        }
        for feedback in rtp.feedback { attributes.append(Attribute(rtcpFeedback("*", feedback))) }
        if let interval = rtp.feedbackTRRInterval {
            attributes.append(Attribute(RTCPFeedback(format: "*", type: "trr-int", parameter: interval)))
        }
        // XEP-0167 has ptime per payload type; SDP per section.
        let ptimes = Set(rtp.payloadTypes.compactMap(\.ptime))
        if let ptime = ptimes.first {
            attributes.append(Attribute(name: .ptime, value: ptime))
            if ptimes.count > 1 || rtp.payloadTypes.contains(where: { $0.ptime == nil }) {
                drop(
                    scope, "ptime",
                    "payload types have different ptimes; SDP has one a=ptime per section, \(ptime) is written")
            }
        }
        let maxptimes = Set(rtp.payloadTypes.compactMap(\.maxptime))
        if let maxptime = maxptimes.first {
            attributes.append(Attribute(name: .maxptime, value: maxptime))
            if maxptimes.count > 1 || rtp.payloadTypes.contains(where: { $0.maxptime == nil }) {
                drop(
                    scope, "maxptime",
                    "payload types have different maxptimes; SDP has one a=maxptime per section, \(maxptime) is written"
                )
            }
        }
        if let encryption = rtp.encryption {
            for crypto in encryption.cryptos {
                var value = crypto.tag + " " + crypto.suite + " " + crypto.keyParameters
                if let session = crypto.sessionParameters { value += " " + session }
                attributes.append(Attribute(name: .crypto, value: value))
            }
            for hash in encryption.zrtpHashes {
                attributes.append(Attribute(name: "zrtp-hash", value: hash.version + " " + hash.value))
            }
            dropExtras(scope, "<encryption>", [], encryption.extraChildren)
        }
        for group in rtp.sourceGroups {
            attributes.append(Attribute(SSRCGroup(semantics: group.semantics, ssrcs: group.ssrcs)))
        }
        for source in rtp.sources {
            if let ssrc = source.ssrc {
                if source.parameters.isEmpty { drop(scope, source.element, "an a=ssrc line needs a source attribute") }
                for parameter in source.parameters {
                    attributes.append(
                        Attribute(
                            SSRC(
                                id: ssrc, attribute: parameter.name,
                                value: parameter.value.flatMap { $0.isEmpty ? nil : $0 })))
                }
                if let owner = source.owner { drop(scope, "<ssrc-info owner='\(owner)'/>", "SDP has no source owner") }
            } else if let rid = source.rid {
                attributes.append(Attribute(RID(id: rid, direction: .send)))
            }
            dropExtras(scope, "<source>", source.extraAttributes, source.extraChildren)
        }
        for group in rtp.ridGroups {
            if group.semantics == "SIM" {
                attributes.append(Attribute(Simulcast(send: group.rids.map { [Simulcast.Stream(rid: $0)] })))
            } else {
                drop(
                    scope, "<rid-group semantics='\(group.semantics)'>",
                    "only the SIM rid-group has an SDP form (a=simulcast)")
            }
        }
        if rtp.extmapAllowMixed { attributes.append(Attribute(name: .extmapAllowMixed)) }
        if let ssrc = rtp.ssrc {
            drop(scope, "ssrc='\(ssrc)'", "the deprecated description ssrc attribute has no SDP form")
        }
        dropExtras(scope, "<description>", rtp.extraAttributes, rtp.extraChildren)
    }

    private func rtcpFeedback(_ format: String, _ feedback: FeedbackType) -> RTCPFeedback {
        let words = ([feedback.subtype].compactMap { $0 } + feedback.parameters.map(\.description))
        return RTCPFeedback(
            format: format, type: feedback.type, parameter: words.isEmpty ? nil : words.joined(separator: " "))
    }

    /// The SDP candidate of an XEP-0176 candidate: generation and network become libwebrtc's
    /// `generation` and `network-id` extensions; the Jingle id has no SDP form and is not kept.
    mutating func candidate(_ candidate: TransportCandidate, scope: DroppedItem.Scope = .session) -> Candidate {
        var extensions: [Candidate.ExtensionAttribute] = []
        if let generation = candidate.generation { extensions.append(.init(name: "generation", value: generation)) }
        if let network = candidate.network { extensions.append(.init(name: "network-id", value: network)) }
        for attribute in candidate.extraAttributes {
            drop(scope, "<candidate> \(attribute)", "SDP candidates have no such attribute")
        }
        var tcpType: Candidate.TCPType?
        if let text = candidate.tcpType {
            tcpType = Candidate.TCPType(spelling: text)
            if tcpType == nil { drop(scope, "tcptype='\(text)'", "not an RFC 6544 tcptype") }
        }
        return Candidate(
            foundation: candidate.foundation, componentID: UInt16(clamping: candidate.component),
            transport: Candidate.Transport(candidate.protocol),
            priority: candidate.priority, address: Candidate.Address(candidate.ip),
            port: UInt16(clamping: candidate.port), kind: Candidate.Kind(candidate.type),
            relatedAddress: candidate.relatedAddress.map { Candidate.Address($0) },
            relatedPort: candidate.relatedPort.map { UInt16(clamping: $0) },
            tcpType: tcpType, extensionAttributes: extensions)
    }
}
