import SDPLintSDP

extension StanzaReader {
    // MARK: XEP-0167 and the elements added to its description

    mutating func rtpDescription(_ element: XMLTreeElement) -> RTPDescription {
        var cursor = ElementCursor(element)
        var description = RTPDescription(media: "")
        if let media = cursor.attribute("media") {
            description.media = media
        } else {
            report(JingleRules.missingAttribute, element, "<description> has no 'media' attribute (XEP-0167 §4)")
        }
        description.ssrc = numericText(&cursor, "ssrc")
        for child in cursor.children("payload-type", JingleNamespace.rtp) {
            if let payloadType = payloadType(child) { description.payloadTypes.append(payloadType) }
        }
        description.rtcpMux = cursor.child("rtcp-mux", JingleNamespace.rtp, reader: &self) != nil
        if let encryption = cursor.child("encryption", JingleNamespace.rtp, reader: &self) {
            description.encryption = self.encryption(encryption)
        }
        if var bandwidth = cursor.child("bandwidth", JingleNamespace.rtp, reader: &self).map(ElementCursor.init) {
            let type = required(&bandwidth, "type") ?? ""
            description.bandwidth = BandwidthLimit(type: type, value: bandwidth.element.text)
        }
        (description.feedback, description.feedbackTRRInterval) = feedback(&cursor)
        for child in cursor.children("rtp-hdrext", JingleNamespace.headerExtensions) {
            if let extensionElement = headerExtension(child) { description.headerExtensions.append(extensionElement) }
        }
        description.extmapAllowMixed = !cursor.children("extmap-allow-mixed", JingleNamespace.headerExtensions).isEmpty
        for child in cursor.children("source", JingleNamespace.sources) {
            if let source = source(child) { description.sources.append(source) }
        }
        for child in cursor.children("ssrc-group", JingleNamespace.sources) {
            var group = ElementCursor(child)
            let semantics = required(&group, "semantics") ?? ""
            var ssrcs: [UInt32] = []
            for member in group.children("source", JingleNamespace.sources) {
                var memberCursor = ElementCursor(member)
                if let ssrc = integer(&memberCursor, "ssrc", in: 0...Int(UInt32.max), required: true) {
                    ssrcs.append(UInt32(ssrc))
                }
            }
            description.sourceGroups.append(SourceGroup(semantics: semantics, ssrcs: ssrcs))
        }
        for child in cursor.children("rid-group", JingleNamespace.sources) {
            var group = ElementCursor(child)
            let semantics = required(&group, "semantics") ?? ""
            var rids: [String] = []
            for member in group.children("source", JingleNamespace.sources) {
                var memberCursor = ElementCursor(member)
                if let rid = required(&memberCursor, "rid") { rids.append(rid) }
            }
            description.ridGroups.append(RIDGroup(semantics: semantics, rids: rids))
        }
        for child in cursor.children("stream", JingleNamespace.msid) {
            var stream = ElementCursor(child)
            if let id = required(&stream, "id") {
                description.streams.append(MediaStream(id: id, track: stream.attribute("track")))
            }
        }
        noteUnknown(
            cursor,
            known: [
                JingleNamespace.rtp, JingleNamespace.headerExtensions, JingleNamespace.rtcpFeedback,
                JingleNamespace.sources,
            ])
        description.extraAttributes = cursor.extraAttributes
        description.extraChildren = cursor.extraChildren
        return description
    }

    mutating func payloadType(_ element: XMLTreeElement) -> PayloadType? {
        var cursor = ElementCursor(element)
        guard let id = integer(&cursor, "id", in: 0...127, required: true) else { return nil }
        var payloadType = PayloadType(id: id)
        payloadType.name = cursor.attribute("name")
        payloadType.clockRate = integer(&cursor, "clockrate", in: 1...Int(UInt32.max), required: false)
        payloadType.channels = integer(&cursor, "channels", in: 1...255, required: false)
        payloadType.ptime = numericText(&cursor, "ptime")
        payloadType.maxptime = numericText(&cursor, "maxptime")
        for child in cursor.children("parameter", JingleNamespace.rtp) {
            var parameter = ElementCursor(child)
            let name = parameter.attribute("name")
            let value = parameter.attribute("value")
            switch (name, value) {
            case (let name?, let value):
                // XEP-0167's schema requires the value; one left out reads as empty, which is how
                // it is written back.
                payloadType.parameters.append(
                    Parameter(
                        name: name, value: value ?? "", extraAttributes: parameter.extraAttributes,
                        extraChildren: parameter.extraChildren))
            case (nil, let value?):
                // libjingle-era senders (and slixmpp) write a parameter that is not name=value
                // as a bare value: read it as XEP-0294 §3 does, the text as the name.
                report(
                    JingleRules.missingAttribute, child,
                    "<parameter> has no 'name' attribute; its value '\(value)' is read as the parameter")
                payloadType.parameters.append(
                    Parameter(
                        name: value, value: "", extraAttributes: parameter.extraAttributes,
                        extraChildren: parameter.extraChildren))
            case (nil, nil):
                report(JingleRules.missingAttribute, child, "<parameter> has neither 'name' nor 'value'")
            }
        }
        (payloadType.feedback, payloadType.feedbackTRRInterval) = feedback(&cursor)
        noteUnknown(cursor, known: [JingleNamespace.rtp, JingleNamespace.rtcpFeedback])
        payloadType.extraAttributes = cursor.extraAttributes
        payloadType.extraChildren = cursor.extraChildren
        return payloadType
    }

    /// XEP-0293 `<rtcp-fb/>` and `<rtcp-fb-trr-int/>` children.
    mutating func feedback(_ cursor: inout ElementCursor) -> ([FeedbackType], String?) {
        var result: [FeedbackType] = []
        for child in cursor.children("rtcp-fb", JingleNamespace.rtcpFeedback) {
            var feedback = ElementCursor(child)
            guard let type = required(&feedback, "type") else { continue }
            let subtype = feedback.attribute("subtype")
            let parameters = self.parameters(&feedback, JingleNamespace.rtcpFeedback)
            result.append(
                FeedbackType(
                    type: type, subtype: subtype, parameters: parameters, extraAttributes: feedback.extraAttributes))
        }
        var interval: String?
        if var trr = cursor.child("rtcp-fb-trr-int", JingleNamespace.rtcpFeedback, reader: &self).map(
            ElementCursor.init)
        {
            interval = numericText(&trr, "value")
            if interval == nil {
                report(JingleRules.missingAttribute, trr.element, "<rtcp-fb-trr-int> has no 'value' attribute")
            }
        }
        return (result, interval)
    }

    mutating func parameters(_ cursor: inout ElementCursor, _ namespace: String) -> [Parameter] {
        var result: [Parameter] = []
        for child in cursor.children("parameter", namespace) {
            var parameter = ElementCursor(child)
            guard let name = required(&parameter, "name") else { continue }
            let value = parameter.attribute("value")
            result.append(
                Parameter(
                    name: name, value: value, extraAttributes: parameter.extraAttributes,
                    extraChildren: parameter.extraChildren))
        }
        return result
    }

    mutating func headerExtension(_ element: XMLTreeElement) -> HeaderExtension? {
        var cursor = ElementCursor(element)
        let id = integer(&cursor, "id", in: 1...65535, required: true)
        let uri = required(&cursor, "uri")
        let senders = self.senders(&cursor)
        let parameters = self.parameters(&cursor, JingleNamespace.headerExtensions)
        guard let id, let uri else { return nil }
        return HeaderExtension(
            id: id, uri: uri, senders: senders, parameters: parameters, extraAttributes: cursor.extraAttributes)
    }

    mutating func encryption(_ element: XMLTreeElement) -> Encryption {
        var cursor = ElementCursor(element)
        var encryption = Encryption(required: cursor.attribute("required"))
        for child in cursor.children("crypto", JingleNamespace.rtp) {
            var crypto = ElementCursor(child)
            let values = required(&crypto, ["tag", "crypto-suite", "key-params"])
            if let tag = values[0], let suite = values[1], let key = values[2] {
                encryption.cryptos.append(
                    Encryption.CryptoLine(
                        tag: tag, suite: suite, keyParameters: key,
                        sessionParameters: crypto.attribute("session-params")))
            }
        }
        for child in cursor.children("zrtp-hash", JingleNamespace.zrtp) {
            var hash = ElementCursor(child)
            if let version = required(&hash, ["version"])[0] {
                encryption.zrtpHashes.append(
                    Encryption.ZRTPHash(version: version, value: child.text.trimmingXMLWhitespace))
            }
        }
        encryption.extraChildren = cursor.extraChildren
        return encryption
    }

    mutating func source(_ element: XMLTreeElement) -> Source? {
        var cursor = ElementCursor(element)
        var source = Source()
        if cursor.element[attribute: "ssrc"] != nil {
            guard let ssrc = integer(&cursor, "ssrc", in: 0...Int(UInt32.max), required: true) else { return nil }
            source.ssrc = UInt32(ssrc)
        }
        source.rid = cursor.attribute("rid")
        if source.ssrc == nil && source.rid == nil {
            report(JingleRules.missingAttribute, element, "<source> has no 'ssrc' attribute (XEP-0339 §2)")
            return nil
        }
        source.parameters = parameters(&cursor, JingleNamespace.sources)
        if var info = cursor.child("ssrc-info", JingleNamespace.jitsiMeet, reader: &self).map(ElementCursor.init) {
            source.owner = info.attribute("owner")
        }
        source.extraAttributes = cursor.extraAttributes
        source.extraChildren = cursor.extraChildren
        return source
    }

    // MARK: Transports

    mutating func iceUDP(_ element: XMLTreeElement) -> ICEUDPTransport {
        var cursor = ElementCursor(element)
        var transport = ICEUDPTransport(ufrag: cursor.attribute("ufrag"), pwd: cursor.attribute("pwd"))
        for child in cursor.children("fingerprint", JingleNamespace.dtls) {
            var fingerprint = ElementCursor(child)
            let hash = required(&fingerprint, "hash") ?? ""
            var setup: Setup?
            if let text = fingerprint.attribute("setup") {
                setup = Setup(rawValue: text)
                if setup == nil {
                    report(
                        JingleRules.invalidAttributeValue, child,
                        "setup '\(text)' is not active, passive, actpass or holdconn")
                }
            } else {
                report(JingleRules.missingAttribute, child, "<fingerprint> has no 'setup' attribute (XEP-0320 §3)")
            }
            let value = child.text.trimmingXMLWhitespace
            transport.fingerprints.append(
                DTLSFingerprint(hash: hash, setup: setup, value: value, extraAttributes: fingerprint.extraAttributes))
        }
        for child in cursor.children("candidate", JingleNamespace.iceUDP) {
            if let candidate = iceCandidate(child) { transport.candidates.append(candidate) }
        }
        transport.remoteCandidate = cursor.child("remote-candidate", JingleNamespace.iceUDP, reader: &self)
        if var map = cursor.child("sctpmap", JingleNamespace.dtlsSCTP, reader: &self).map(ElementCursor.init) {
            let number = integer(&map, "number", in: 0...65535, required: true)
            let protocolName = required(&map, "protocol") ?? "webrtc-datachannel"
            let streams = integer(&map, "streams", in: 0...65535, required: false)
            if let number {
                transport.sctpMap = SCTPMapElement(number: number, protocol: protocolName, streams: streams)
            }
        }
        noteUnknown(cursor, known: [JingleNamespace.iceUDP, JingleNamespace.dtls])
        transport.extraAttributes = cursor.extraAttributes
        transport.extraChildren = cursor.extraChildren
        return transport
    }

    mutating func iceCandidate(_ element: XMLTreeElement) -> TransportCandidate? {
        var cursor = ElementCursor(element)
        let component = integer(&cursor, "component", in: 1...256, required: true)
        let foundation = required(&cursor, "foundation")
        let generation = numericText(&cursor, "generation")
        if generation == nil {
            report(JingleRules.missingAttribute, element, "<candidate> has no 'generation' attribute (XEP-0176 §5.1)")
        }
        let id = required(&cursor, "id")
        let ip = required(&cursor, "ip")
        let network = numericText(&cursor, "network")
        let port = integer(&cursor, "port", in: 0...65535, required: true)
        let priority = integer(&cursor, "priority", in: 1...Int(UInt32.max), required: true)
        let protocolName = required(&cursor, "protocol")
        let relatedAddress = cursor.attribute("rel-addr")
        let relatedPort = integer(&cursor, "rel-port", in: 0...65535, required: false)
        let type = required(&cursor, "type")
        if let type, !["host", "srflx", "prflx", "relay"].contains(type) {
            report(
                JingleRules.invalidAttributeValue, element,
                "candidate type '\(type)' is not host, srflx, prflx or relay")
        }
        let tcpType = cursor.attribute("tcptype")
        guard let component, let foundation, let ip, let port, let priority, let protocolName, let type else {
            return nil
        }
        return TransportCandidate(
            component: component, foundation: foundation, generation: generation, id: id, ip: ip, network: network,
            port: port, priority: UInt32(priority), protocol: protocolName, relatedAddress: relatedAddress,
            relatedPort: relatedPort, type: type, tcpType: tcpType, extraAttributes: cursor.extraAttributes)
    }

    mutating func dataChannel(_ element: XMLTreeElement) -> WebRTCDataChannelTransport {
        var cursor = ElementCursor(element)
        var transport = WebRTCDataChannelTransport()
        transport.sctpPort = integer(&cursor, "sctp-port", in: 0...65535, required: false)
        if let text = cursor.attribute("max-message-size") {
            transport.maxMessageSize = UInt64(text)
            if transport.maxMessageSize == nil || !text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
                report(JingleRules.invalidAttributeValue, element, "max-message-size '\(text)' is not a number")
            }
        }
        if let inner = cursor.child("transport", JingleNamespace.iceUDP, reader: &self) {
            transport.iceUDP = iceUDP(inner)
        }
        transport.extraAttributes = cursor.extraAttributes
        transport.extraChildren = cursor.extraChildren
        return transport
    }

    mutating func rawUDP(_ element: XMLTreeElement) -> RawUDPTransport {
        var cursor = ElementCursor(element)
        var transport = RawUDPTransport()
        for child in cursor.children("candidate", JingleNamespace.rawUDP) {
            var candidate = ElementCursor(child)
            let component = integer(&candidate, "component", in: 1...256, required: false)
            let generation = numericText(&candidate, "generation")
            let id = candidate.attribute("id")
            let ip = required(&candidate, "ip")
            let port = integer(&candidate, "port", in: 0...65535, required: true)
            let type = candidate.attribute("type")
            if let ip, let port {
                transport.candidates.append(
                    RawUDPTransport.Candidate(
                        component: component, generation: generation, id: id, ip: ip, port: port,
                        type: type, extraAttributes: candidate.extraAttributes))
            }
        }
        transport.extraAttributes = cursor.extraAttributes
        transport.extraChildren = cursor.extraChildren
        return transport
    }
}

extension String {
    /// The text without leading and trailing XML white space (XML 1.0 §2.3 S).
    var trimmingXMLWhitespace: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[first...last])
    }
}
