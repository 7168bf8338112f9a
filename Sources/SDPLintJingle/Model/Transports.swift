public import SDPLintSDP

/// An XEP-0176 `<transport xmlns='urn:xmpp:jingle:transports:ice-udp:1' ufrag pwd>` with the
/// elements other XEPs add to it.
///
/// [XEP-0176 §5](https://xmpp.org/extensions/xep-0176.html#protocol-syntax)
/// ```
/// <transport ufrag='…'? pwd='…'?>
///   <fingerprint/>*  (XEP-0320)   <sctpmap/>?  (XEP-0343)
///   ( <candidate/>+ | <remote-candidate/> )?
/// </transport>
/// ```
public struct ICEUDPTransport: Sendable, Hashable {
    /// `ufrag`: the ICE username fragment (SDP `a=ice-ufrag`).
    public var ufrag: String?
    /// `pwd`: the ICE password (SDP `a=ice-pwd`).
    public var pwd: String?
    /// XEP-0320 fingerprints with their DTLS setup role.
    public var fingerprints: [DTLSFingerprint]
    /// The candidates, in order.
    public var candidates: [TransportCandidate]
    /// `<remote-candidate component ip port/>`, sent by the controlling agent (XEP-0176 §5.2).
    public var remoteCandidate: XMLTreeElement?
    /// XEP-0343 `<sctpmap number protocol streams/>`.
    public var sctpMap: SCTPMapElement?
    public var extraAttributes: [XMLAttribute]
    public var extraChildren: [XMLTreeElement]

    public init(
        ufrag: String? = nil, pwd: String? = nil, fingerprints: [DTLSFingerprint] = [],
        candidates: [TransportCandidate] = [],
        remoteCandidate: XMLTreeElement? = nil, sctpMap: SCTPMapElement? = nil, extraAttributes: [XMLAttribute] = [],
        extraChildren: [XMLTreeElement] = []
    ) {
        self.ufrag = ufrag
        self.pwd = pwd
        self.fingerprints = fingerprints
        self.candidates = candidates
        self.remoteCandidate = remoteCandidate
        self.sctpMap = sctpMap
        self.extraAttributes = extraAttributes
        self.extraChildren = extraChildren
    }
}

/// An XEP-0320 `<fingerprint xmlns='urn:xmpp:jingle:apps:dtls:0' hash setup>digest</fingerprint>`:
/// SDP `a=fingerprint` with `a=setup`.
public struct DTLSFingerprint: Sendable, Hashable {
    /// `hash`: the hash function, "sha-256".
    public var hash: String
    /// `setup`: the DTLS role (RFC 4145, RFC 8842 §5.2); required by XEP-0320, written only when
    /// the SDP has `a=setup`.
    public var setup: Setup?
    /// The digest: colon-separated hex pairs.
    public var value: String
    public var extraAttributes: [XMLAttribute]

    public init(hash: String, setup: Setup? = nil, value: String, extraAttributes: [XMLAttribute] = []) {
        self.hash = hash
        self.setup = setup
        self.value = value
        self.extraAttributes = extraAttributes
    }
}

/// An XEP-0176 `<candidate/>`: one SDP `a=candidate`.
///
/// ```
/// <candidate component foundation generation id ip network? port priority protocol
///            rel-addr? rel-port? type tcptype?/>
/// ```
public struct TransportCandidate: Sendable, Hashable {
    /// `component`: 1 for RTP, 2 for RTCP.
    public var component: Int
    public var foundation: String
    /// `generation`: required by XEP-0176 (libwebrtc's `generation` extension; 0 when the SDP has
    /// none).
    public var generation: String?
    /// `id`: a unique id of the candidate element, which SDP does not have.
    public var id: String?
    /// `ip`: an IP address or, for browsers' host candidates, an mDNS name.
    public var ip: String
    /// `network`: the network interface (libwebrtc's `network-id` extension).
    public var network: String?
    public var port: Int
    public var priority: UInt32
    /// `protocol`: "udp" or "tcp", as spelled in the SDP.
    public var `protocol`: String
    /// `rel-addr` and `rel-port`: the related address of a reflexive or relayed candidate.
    public var relatedAddress: String?
    public var relatedPort: Int?
    /// `type`: host, srflx, prflx or relay.
    public var type: String
    /// `tcptype`: active, passive or so (RFC 6544), used by Jitsi and Conversations.
    public var tcpType: String?
    public var extraAttributes: [XMLAttribute]

    public init(
        component: Int, foundation: String, generation: String? = "0", id: String? = nil, ip: String,
        network: String? = nil,
        port: Int, priority: UInt32, protocol: String, relatedAddress: String? = nil, relatedPort: Int? = nil,
        type: String,
        tcpType: String? = nil, extraAttributes: [XMLAttribute] = []
    ) {
        self.component = component
        self.foundation = foundation
        self.generation = generation
        self.id = id
        self.ip = ip
        self.network = network
        self.port = port
        self.priority = priority
        self.protocol = `protocol`
        self.relatedAddress = relatedAddress
        self.relatedPort = relatedPort
        self.type = type
        self.tcpType = tcpType
        self.extraAttributes = extraAttributes
    }
}

/// An XEP-0343 `<sctpmap xmlns='urn:xmpp:jingle:transports:dtls-sctp:1' number protocol streams/>`:
/// the legacy SDP `a=sctpmap`.
public struct SCTPMapElement: Sendable, Hashable {
    /// `number`: the SCTP port.
    public var number: Int
    /// `protocol`: "webrtc-datachannel".
    public var `protocol`: String
    /// `streams`: the number of incoming streams.
    public var streams: Int?

    public init(number: Int, protocol: String = "webrtc-datachannel", streams: Int? = nil) {
        self.number = number
        self.protocol = `protocol`
        self.streams = streams
    }
}

/// `<transport xmlns='urn:xmpp:jingle:transports:webrtc-datachannel:1' sctp-port max-message-size>`
/// wrapping an ICE-UDP transport: an RFC 8841 data channel section (SDP `a=sctp-port`,
/// `a=max-message-size`), as Conversations and Libervia send it.
public struct WebRTCDataChannelTransport: Sendable, Hashable {
    public var sctpPort: Int?
    public var maxMessageSize: UInt64?
    /// The ICE-UDP transport inside.
    public var iceUDP: ICEUDPTransport?
    public var extraAttributes: [XMLAttribute]
    public var extraChildren: [XMLTreeElement]

    public init(
        sctpPort: Int? = nil, maxMessageSize: UInt64? = nil, iceUDP: ICEUDPTransport? = nil,
        extraAttributes: [XMLAttribute] = [], extraChildren: [XMLTreeElement] = []
    ) {
        self.sctpPort = sctpPort
        self.maxMessageSize = maxMessageSize
        self.iceUDP = iceUDP
        self.extraAttributes = extraAttributes
        self.extraChildren = extraChildren
    }
}

/// An XEP-0177 `<transport xmlns='urn:xmpp:jingle:transports:raw-udp:1'>`.
public struct RawUDPTransport: Sendable, Hashable {
    public var candidates: [Candidate]
    public var extraAttributes: [XMLAttribute]
    public var extraChildren: [XMLTreeElement]

    public init(
        candidates: [Candidate] = [], extraAttributes: [XMLAttribute] = [], extraChildren: [XMLTreeElement] = []
    ) {
        self.candidates = candidates
        self.extraAttributes = extraAttributes
        self.extraChildren = extraChildren
    }

    /// `<candidate component generation id ip port type?/>` (XEP-0177 §5).
    public struct Candidate: Sendable, Hashable {
        public var component: Int?
        public var generation: String?
        public var id: String?
        public var ip: String
        public var port: Int
        public var type: String?
        public var extraAttributes: [XMLAttribute]

        public init(
            component: Int? = nil, generation: String? = nil, id: String? = nil, ip: String, port: Int,
            type: String? = nil, extraAttributes: [XMLAttribute] = []
        ) {
            self.component = component
            self.generation = generation
            self.id = id
            self.ip = ip
            self.port = port
            self.type = type
            self.extraAttributes = extraAttributes
        }
    }
}
