/// An XEP-0167 `<description xmlns='urn:xmpp:jingle:apps:rtp:1'/>` with the elements other XEPs
/// add to it: the RTP side of an SDP media section.
///
/// [XEP-0167 §4](https://xmpp.org/extensions/xep-0167.html#format)
/// ```
/// <description media='audio|video|…' ssrc='…'?>
///   <payload-type/>* <rtcp-mux/>? <encryption/>? <bandwidth/>?
///   <rtcp-fb/>* <rtcp-fb-trr-int/>?                 (XEP-0293, for every payload type)
///   <rtp-hdrext/>* <extmap-allow-mixed/>?           (XEP-0294)
///   <source/>* <ssrc-group/>*                       (XEP-0339)
///   <stream/>* (msid:0)  <rid-group/>* (Jitsi)
/// </description>
/// ```
public struct RTPDescription: Sendable, Hashable {
    /// `media`: "audio", "video", … (the SDP media type).
    public var media: String
    /// `ssrc`: the deprecated single-source attribute of XEP-0167.
    public var ssrc: String?
    /// The payload types in order of preference: the SDP m= line's formats.
    public var payloadTypes: [PayloadType]
    /// `<rtcp-mux/>`: RTP and RTCP share a port (RFC 5761).
    public var rtcpMux: Bool
    /// `<encryption/>`: SDES crypto lines (RFC 4568).
    public var encryption: Encryption?
    /// `<bandwidth type='…'>value</bandwidth>`: the media-level `b=` line.
    public var bandwidth: BandwidthLimit?
    /// XEP-0293 feedback for every payload type (SDP `a=rtcp-fb:*`).
    public var feedback: [FeedbackType]
    /// XEP-0293 `<rtcp-fb-trr-int value/>` for every payload type.
    public var feedbackTRRInterval: String?
    /// XEP-0294 header extensions (SDP `a=extmap`).
    public var headerExtensions: [HeaderExtension]
    /// XEP-0294 `<extmap-allow-mixed/>` (RFC 8285 §6).
    public var extmapAllowMixed: Bool
    /// XEP-0339 sources (SDP `a=ssrc`), and Jitsi's rid sources.
    public var sources: [Source]
    /// XEP-0339 source groups (SDP `a=ssrc-group`).
    public var sourceGroups: [SourceGroup]
    /// Media-level `a=msid` as `<stream xmlns='urn:xmpp:jingle:apps:rtp:msid:0' id track/>`.
    public var streams: [MediaStream]
    /// Jitsi's `<rid-group semantics='SIM'>`: the simulcast send list.
    public var ridGroups: [RIDGroup]
    public var extraAttributes: [XMLAttribute]
    public var extraChildren: [XMLTreeElement]

    public init(
        media: String, ssrc: String? = nil, payloadTypes: [PayloadType] = [], rtcpMux: Bool = false,
        encryption: Encryption? = nil, bandwidth: BandwidthLimit? = nil, feedback: [FeedbackType] = [],
        feedbackTRRInterval: String? = nil, headerExtensions: [HeaderExtension] = [], extmapAllowMixed: Bool = false,
        sources: [Source] = [], sourceGroups: [SourceGroup] = [], streams: [MediaStream] = [],
        ridGroups: [RIDGroup] = [],
        extraAttributes: [XMLAttribute] = [], extraChildren: [XMLTreeElement] = []
    ) {
        self.media = media
        self.ssrc = ssrc
        self.payloadTypes = payloadTypes
        self.rtcpMux = rtcpMux
        self.encryption = encryption
        self.bandwidth = bandwidth
        self.feedback = feedback
        self.feedbackTRRInterval = feedbackTRRInterval
        self.headerExtensions = headerExtensions
        self.extmapAllowMixed = extmapAllowMixed
        self.sources = sources
        self.sourceGroups = sourceGroups
        self.streams = streams
        self.ridGroups = ridGroups
        self.extraAttributes = extraAttributes
        self.extraChildren = extraChildren
    }
}

/// A `<payload-type/>`: one codec (XEP-0167 §4), the SDP rtpmap, fmtp and rtcp-fb of one
/// payload type.
public struct PayloadType: Sendable, Hashable {
    /// `id`, required: the RTP payload type, 0–127.
    public var id: Int
    /// `name`: the encoding name; absent for a static payload type without rtpmap.
    public var name: String?
    /// `clockrate`, in Hz.
    public var clockRate: Int?
    /// `channels`; absent means 1.
    public var channels: Int?
    /// `ptime`, in milliseconds (SDP `a=ptime`, media-level).
    public var ptime: String?
    /// `maxptime`, in milliseconds (SDP `a=maxptime`, media-level).
    public var maxptime: String?
    /// `<parameter name value/>`: the fmtp parameters, in order.
    public var parameters: [Parameter]
    /// XEP-0293 feedback for this payload type.
    public var feedback: [FeedbackType]
    /// XEP-0293 `<rtcp-fb-trr-int value/>`.
    public var feedbackTRRInterval: String?
    public var extraAttributes: [XMLAttribute]
    public var extraChildren: [XMLTreeElement]

    public init(
        id: Int, name: String? = nil, clockRate: Int? = nil, channels: Int? = nil, ptime: String? = nil,
        maxptime: String? = nil,
        parameters: [Parameter] = [], feedback: [FeedbackType] = [], feedbackTRRInterval: String? = nil,
        extraAttributes: [XMLAttribute] = [], extraChildren: [XMLTreeElement] = []
    ) {
        self.id = id
        self.name = name
        self.clockRate = clockRate
        self.channels = channels
        self.ptime = ptime
        self.maxptime = maxptime
        self.parameters = parameters
        self.feedback = feedback
        self.feedbackTRRInterval = feedbackTRRInterval
        self.extraAttributes = extraAttributes
        self.extraChildren = extraChildren
    }
}

/// A `<parameter name value/>` (XEP-0167, XEP-0293, XEP-0294, XEP-0339).
///
/// XEP-0294 §3 stores a parameter that is not of the `a=b` form as its name with an empty value;
/// this module does the same for fmtp items such as RED's `111/111`. `value` is `nil` only when
/// the attribute is absent.
public struct Parameter: Sendable, Hashable, CustomStringConvertible {
    public var name: String
    public var value: String?
    /// Attributes and children of the `<parameter/>` element this module does not know, kept
    /// to be written back.
    public var extraAttributes: [XMLAttribute]
    public var extraChildren: [XMLTreeElement]

    public init(
        name: String, value: String? = nil, extraAttributes: [XMLAttribute] = [], extraChildren: [XMLTreeElement] = []
    ) {
        self.name = name
        self.value = value
        self.extraAttributes = extraAttributes
        self.extraChildren = extraChildren
    }

    public var description: String { value.map { $0.isEmpty ? name : name + "=" + $0 } ?? name }
}

/// An XEP-0293 `<rtcp-fb type subtype/>`: one SDP `a=rtcp-fb` value.
public struct FeedbackType: Sendable, Hashable {
    /// `type`: "nack", "ccm", "goog-remb", "transport-cc", …
    public var type: String
    /// `subtype`: "pli", "fir", …
    public var subtype: String?
    /// Further `<parameter/>`s: the words after the subtype.
    public var parameters: [Parameter]
    public var extraAttributes: [XMLAttribute]

    public init(
        type: String, subtype: String? = nil, parameters: [Parameter] = [], extraAttributes: [XMLAttribute] = []
    ) {
        self.type = type
        self.subtype = subtype
        self.parameters = parameters
        self.extraAttributes = extraAttributes
    }
}

/// An XEP-0294 `<rtp-hdrext id uri senders/>`: one SDP `a=extmap`.
public struct HeaderExtension: Sendable, Hashable {
    /// `id`, 1–255 (RFC 8285; XEP-0294 allows up to 65535).
    public var id: Int
    public var uri: String
    /// `senders`: the extmap direction as session roles; absent means both.
    public var senders: Senders?
    /// The extension attributes after the URI.
    public var parameters: [Parameter]
    public var extraAttributes: [XMLAttribute]

    public init(
        id: Int, uri: String, senders: Senders? = nil, parameters: [Parameter] = [],
        extraAttributes: [XMLAttribute] = []
    ) {
        self.id = id
        self.uri = uri
        self.senders = senders
        self.parameters = parameters
        self.extraAttributes = extraAttributes
    }
}

/// An XEP-0167 `<encryption required?>` with its `<crypto/>` lines (SDES, RFC 4568) and its
/// XEP-0262 `<zrtp-hash/>` elements (ZRTP, RFC 6189).
public struct Encryption: Sendable, Hashable {
    public var required: String?
    public var cryptos: [CryptoLine]
    public var zrtpHashes: [ZRTPHash]
    public var extraChildren: [XMLTreeElement]

    public init(
        required: String? = nil, cryptos: [CryptoLine] = [], zrtpHashes: [ZRTPHash] = [],
        extraChildren: [XMLTreeElement] = []
    ) {
        self.required = required
        self.cryptos = cryptos
        self.zrtpHashes = zrtpHashes
        self.extraChildren = extraChildren
    }

    /// `<zrtp-hash version>hex</zrtp-hash>`: the SDP `a=zrtp-hash:<version> <hash>` of RFC 6189
    /// §8.1, as XEP-0262 §2 maps it.
    public struct ZRTPHash: Sendable, Hashable {
        public var version: String
        public var value: String

        public init(version: String, value: String) {
            self.version = version
            self.value = value
        }
    }

    /// `<crypto crypto-suite key-params session-params tag/>`: one SDP `a=crypto`.
    public struct CryptoLine: Sendable, Hashable {
        public var tag: String
        public var suite: String
        public var keyParameters: String
        public var sessionParameters: String?

        public init(tag: String, suite: String, keyParameters: String, sessionParameters: String? = nil) {
            self.tag = tag
            self.suite = suite
            self.keyParameters = keyParameters
            self.sessionParameters = sessionParameters
        }
    }
}

/// An XEP-0167 `<bandwidth type='AS'>128</bandwidth>`: the media-level `b=` line.
public struct BandwidthLimit: Sendable, Hashable {
    public var type: String
    public var value: String

    public init(type: String, value: String) {
        self.type = type
        self.value = value
    }
}

/// An XEP-0339 `<source ssrc='…'>` with its `<parameter/>`s (SDP `a=ssrc`), or Jitsi's
/// `<source rid='…'/>` naming a simulcast stream.
public struct Source: Sendable, Hashable {
    public var ssrc: UInt32?
    /// Jitsi's `rid` attribute: an RTP stream id (RFC 8851) the author sends.
    public var rid: String?
    /// The source attributes ("cname", "msid", …) in order.
    public var parameters: [Parameter]
    /// Jitsi's `<ssrc-info xmlns='http://jitsi.org/jitmeet' owner='…'/>`.
    public var owner: String?
    public var extraAttributes: [XMLAttribute]
    public var extraChildren: [XMLTreeElement]

    public init(
        ssrc: UInt32? = nil, rid: String? = nil, parameters: [Parameter] = [], owner: String? = nil,
        extraAttributes: [XMLAttribute] = [], extraChildren: [XMLTreeElement] = []
    ) {
        self.ssrc = ssrc
        self.rid = rid
        self.parameters = parameters
        self.owner = owner
        self.extraAttributes = extraAttributes
        self.extraChildren = extraChildren
    }
}

/// An XEP-0339 `<ssrc-group semantics='FID'><source ssrc/>…</ssrc-group>` (SDP `a=ssrc-group`).
public struct SourceGroup: Sendable, Hashable {
    public var semantics: String
    public var ssrcs: [UInt32]

    public init(semantics: String, ssrcs: [UInt32]) {
        self.semantics = semantics
        self.ssrcs = ssrcs
    }
}

/// Jitsi's `<rid-group semantics='SIM'><source rid/>…</rid-group>`: the rids of a simulcast
/// send list, in order.
public struct RIDGroup: Sendable, Hashable {
    public var semantics: String
    public var rids: [String]

    public init(semantics: String, rids: [String]) {
        self.semantics = semantics
        self.rids = rids
    }
}

/// `<stream xmlns='urn:xmpp:jingle:apps:rtp:msid:0' id='…' track='…'/>`: a media-level `a=msid`
/// (RFC 8830), as stanza.js writes it.
public struct MediaStream: Sendable, Hashable {
    public var id: String
    public var track: String?

    public init(id: String, track: String? = nil) {
        self.id = id
        self.track = track
    }
}
