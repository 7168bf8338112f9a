import SDPLintSDP

extension Stanza {
    /// The stanza as an element tree.
    public var element: XMLTreeElement {
        switch self {
        case .iq(let iq): iq.element
        case .message(let message): message.element
        }
    }

    /// The stanza as XML text: known elements first in the order their XEPs list them, then the
    /// unknown ones kept from parsing.
    ///
    /// - Complexity: O(*n*) in the size of the output.
    public func serialized() -> String { element.serialized() }
}

/// Builds an element: known attributes (skipping `nil`), then the kept extras.
private func make(
    _ name: String, _ namespace: String?, _ attributes: [(String, String?)], extra: [XMLAttribute] = [],
    children: [XMLTreeElement] = [], extraChildren: [XMLTreeElement] = []
) -> XMLTreeElement {
    var element = XMLTreeElement(XMLName(name, namespace: namespace))
    for (key, value) in attributes {
        if let value { element.attributes.append(XMLAttribute(key, value)) }
    }
    element.attributes += extra
    element.children = (children + extraChildren).map { .element($0) }
    return element
}

extension IQ {
    public var element: XMLTreeElement {
        make(
            "iq", namespace, [("type", type), ("id", id), ("from", from), ("to", to)], extra: extraAttributes,
            children: jingle.map { [$0.element] } ?? [], extraChildren: extraChildren)
    }
}

extension Message {
    public var element: XMLTreeElement {
        make(
            "message", namespace, [("type", type), ("id", id), ("from", from), ("to", to)], extra: extraAttributes,
            children: initiation.map { [$0.element] } ?? [], extraChildren: extraChildren)
    }
}

extension MessageInitiation {
    public var element: XMLTreeElement {
        var children = descriptions.map(\.element)
        if let reason { children.append(reason.element) }
        if tieBreak { children.append(XMLTreeElement("tie-break", namespace: JingleNamespace.messageInitiation)) }
        if let migratedTo { children.append(make("migrated", JingleNamespace.messageInitiation, [("to", migratedTo)])) }
        return make(
            action.rawValue, JingleNamespace.messageInitiation, [("id", id)], extra: extraAttributes,
            children: children, extraChildren: extraChildren)
    }
}

extension Jingle {
    /// The `<jingle/>` element.
    public var element: XMLTreeElement {
        var children = contents.map(\.element)
        if let reason { children.append(reason.element) }
        children += groups.map(\.element)
        return make(
            "jingle", JingleNamespace.jingle,
            [("action", action.rawValue), ("initiator", initiator), ("responder", responder), ("sid", sid)],
            extra: extraAttributes, children: children, extraChildren: extraChildren)
    }

    /// The `<jingle/>` element as XML text, declaring its namespace.
    public func serialized() -> String { element.serialized() }
}

extension Jingle.Content {
    public var element: XMLTreeElement {
        var children: [XMLTreeElement] = []
        if let description { children.append(description.element) }
        if let transport { children.append(transport.element) }
        if let security { children.append(security) }
        return make(
            "content", JingleNamespace.jingle,
            [
                ("creator", creator.rawValue), ("disposition", disposition), ("name", name),
                ("senders", senders?.rawValue),
            ],
            extra: extraAttributes, children: children, extraChildren: extraChildren)
    }
}

extension ApplicationDescription {
    public var element: XMLTreeElement {
        switch self {
        case .rtp(let rtp): rtp.element
        case .other(let element): element
        }
    }
}

extension TransportMethod {
    public var element: XMLTreeElement {
        switch self {
        case .iceUDP(let transport): transport.element
        case .webRTCDataChannel(let transport): transport.element
        case .rawUDP(let transport): transport.element
        case .other(let element): element
        }
    }
}

extension Jingle.Reason {
    public var element: XMLTreeElement {
        var children: [XMLTreeElement] = []
        if let condition {
            var conditionElement = XMLTreeElement(condition.rawValue, namespace: JingleNamespace.jingle)
            if let alternativeSessionID {
                conditionElement.append(
                    XMLTreeElement(
                        XMLName("sid", namespace: JingleNamespace.jingle), children: [.text(alternativeSessionID)]))
            }
            children.append(conditionElement)
        }
        if let text {
            var textElement = XMLTreeElement(
                XMLName("text", namespace: JingleNamespace.jingle), children: [.text(text)])
            if let textLanguage {
                textElement.attributes.append(XMLAttribute(XMLName("lang", namespace: xmlNamespace), textLanguage))
            }
            children.append(textElement)
        }
        return make("reason", JingleNamespace.jingle, [], children: children, extraChildren: extraChildren)
    }
}

extension Jingle.ContentGroup {
    public var element: XMLTreeElement {
        make(
            "group", JingleNamespace.grouping, [("semantics", semantics)], extra: extraAttributes,
            children: contents.map { make("content", JingleNamespace.grouping, [("name", $0)]) },
            extraChildren: extraChildren)
    }
}

extension RTPDescription {
    public var element: XMLTreeElement {
        var children = payloadTypes.map(\.element)
        if rtcpMux { children.append(XMLTreeElement("rtcp-mux", namespace: JingleNamespace.rtp)) }
        if let encryption { children.append(encryption.element) }
        if let bandwidth {
            children.append(
                XMLTreeElement(
                    XMLName("bandwidth", namespace: JingleNamespace.rtp),
                    attributes: [XMLAttribute("type", bandwidth.type)], children: [.text(bandwidth.value)]))
        }
        children += feedback.map(\.element)
        if let feedbackTRRInterval {
            children.append(make("rtcp-fb-trr-int", JingleNamespace.rtcpFeedback, [("value", feedbackTRRInterval)]))
        }
        children += headerExtensions.map(\.element)
        if extmapAllowMixed {
            children.append(XMLTreeElement("extmap-allow-mixed", namespace: JingleNamespace.headerExtensions))
        }
        children += sources.map(\.element)
        for group in sourceGroups {
            children.append(
                make(
                    "ssrc-group", JingleNamespace.sources, [("semantics", group.semantics)],
                    children: group.ssrcs.map { make("source", JingleNamespace.sources, [("ssrc", String($0))]) }))
        }
        for group in ridGroups {
            children.append(
                make(
                    "rid-group", JingleNamespace.sources, [("semantics", group.semantics)],
                    children: group.rids.map { make("source", JingleNamespace.sources, [("rid", $0)]) }))
        }
        children += streams.map { make("stream", JingleNamespace.msid, [("id", $0.id), ("track", $0.track)]) }
        return make(
            "description", JingleNamespace.rtp, [("media", media), ("ssrc", ssrc)], extra: extraAttributes,
            children: children, extraChildren: extraChildren)
    }
}

extension PayloadType {
    public var element: XMLTreeElement {
        var children = parameters.map { $0.element(JingleNamespace.rtp, emptyValue: "") }
        children += feedback.map(\.element)
        if let feedbackTRRInterval {
            children.append(make("rtcp-fb-trr-int", JingleNamespace.rtcpFeedback, [("value", feedbackTRRInterval)]))
        }
        return make(
            "payload-type", JingleNamespace.rtp,
            [
                ("channels", channels.map(String.init)), ("clockrate", clockRate.map(String.init)), ("id", String(id)),
                ("maxptime", maxptime), ("name", name), ("ptime", ptime),
            ],
            extra: extraAttributes, children: children, extraChildren: extraChildren)
    }
}

extension Parameter {
    /// The `<parameter/>` element in `namespace`; `emptyValue` is written for a parameter
    /// without a value where the namespace's schema requires the attribute (XEP-0167).
    func element(_ namespace: String, emptyValue: String? = nil) -> XMLTreeElement {
        make(
            "parameter", namespace, [("name", name), ("value", value ?? emptyValue)], extra: extraAttributes,
            extraChildren: extraChildren)
    }
}

extension FeedbackType {
    public var element: XMLTreeElement {
        make(
            "rtcp-fb", JingleNamespace.rtcpFeedback, [("type", type), ("subtype", subtype)], extra: extraAttributes,
            children: parameters.map { $0.element(JingleNamespace.rtcpFeedback) })
    }
}

extension HeaderExtension {
    public var element: XMLTreeElement {
        make(
            "rtp-hdrext", JingleNamespace.headerExtensions,
            [("id", String(id)), ("uri", uri), ("senders", senders?.rawValue)], extra: extraAttributes,
            children: parameters.map { $0.element(JingleNamespace.headerExtensions) })
    }
}

extension Encryption {
    public var element: XMLTreeElement {
        make(
            "encryption", JingleNamespace.rtp, [("required", required)],
            children: cryptos.map {
                make(
                    "crypto", JingleNamespace.rtp,
                    [
                        ("crypto-suite", $0.suite), ("key-params", $0.keyParameters),
                        ("session-params", $0.sessionParameters), ("tag", $0.tag),
                    ])
            }
                + zrtpHashes.map {
                    var hash = make("zrtp-hash", JingleNamespace.zrtp, [("version", $0.version)])
                    hash.children = [.text($0.value)]
                    return hash
                }, extraChildren: extraChildren)
    }
}

extension Source {
    public var element: XMLTreeElement {
        var children = parameters.map { $0.element(JingleNamespace.sources) }
        if let owner { children.append(make("ssrc-info", JingleNamespace.jitsiMeet, [("owner", owner)])) }
        return make(
            "source", JingleNamespace.sources, [("ssrc", ssrc.map { String($0) }), ("rid", rid)],
            extra: extraAttributes,
            children: children, extraChildren: extraChildren)
    }
}

extension ICEUDPTransport {
    public var element: XMLTreeElement {
        var children: [XMLTreeElement] = []
        if let sctpMap {
            children.append(
                make(
                    "sctpmap", JingleNamespace.dtlsSCTP,
                    [
                        ("number", String(sctpMap.number)), ("protocol", sctpMap.protocol),
                        ("streams", sctpMap.streams.map(String.init)),
                    ]))
        }
        for fingerprint in fingerprints {
            var element = make(
                "fingerprint", JingleNamespace.dtls,
                [("hash", fingerprint.hash), ("setup", fingerprint.setup?.rawValue)], extra: fingerprint.extraAttributes
            )
            element.children = [.text(fingerprint.value)]
            children.append(element)
        }
        children += candidates.map(\.element)
        if let remoteCandidate { children.append(remoteCandidate) }
        return make(
            "transport", JingleNamespace.iceUDP, [("pwd", pwd), ("ufrag", ufrag)], extra: extraAttributes,
            children: children, extraChildren: extraChildren)
    }
}

extension TransportCandidate {
    public var element: XMLTreeElement {
        make(
            "candidate", JingleNamespace.iceUDP,
            [
                ("component", String(component)), ("foundation", foundation), ("generation", generation), ("id", id),
                ("ip", ip),
                ("network", network), ("port", String(port)), ("priority", String(priority)), ("protocol", `protocol`),
                ("rel-addr", relatedAddress), ("rel-port", relatedPort.map(String.init)), ("type", type),
                ("tcptype", tcpType),
            ],
            extra: extraAttributes)
    }
}

extension WebRTCDataChannelTransport {
    public var element: XMLTreeElement {
        make(
            "transport", JingleNamespace.webRTCDataChannel,
            [("sctp-port", sctpPort.map(String.init)), ("max-message-size", maxMessageSize.map { String($0) })],
            extra: extraAttributes, children: iceUDP.map { [$0.element] } ?? [], extraChildren: extraChildren)
    }
}

extension RawUDPTransport {
    public var element: XMLTreeElement {
        make(
            "transport", JingleNamespace.rawUDP, [], extra: extraAttributes,
            children: candidates.map {
                make(
                    "candidate", JingleNamespace.rawUDP,
                    [
                        ("component", $0.component.map(String.init)), ("generation", $0.generation), ("id", $0.id),
                        ("ip", $0.ip), ("port", String($0.port)), ("type", $0.type),
                    ], extra: $0.extraAttributes)
            }, extraChildren: extraChildren)
    }
}
