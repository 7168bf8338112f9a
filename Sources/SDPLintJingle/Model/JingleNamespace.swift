/// The XML namespaces this module reads and writes.
public enum JingleNamespace {
    /// XMPP client stanzas (RFC 6120 §4.8.3).
    public static let client = "jabber:client"
    /// XMPP server-to-server stanzas (RFC 6120 §4.8.3).
    public static let server = "jabber:server"
    /// Jingle (XEP-0166).
    public static let jingle = "urn:xmpp:jingle:1"
    /// Jingle error conditions (XEP-0166 §11).
    public static let errors = "urn:xmpp:jingle:errors:1"
    /// Jingle RTP sessions (XEP-0167).
    public static let rtp = "urn:xmpp:jingle:apps:rtp:1"
    /// ZRTP hashes in RTP sessions (XEP-0262).
    public static let zrtp = "urn:xmpp:jingle:apps:rtp:zrtp:1"
    /// RTP session informational messages (XEP-0167 §7).
    public static let rtpInfo = "urn:xmpp:jingle:apps:rtp:info:1"
    /// ICE-UDP transport (XEP-0176).
    public static let iceUDP = "urn:xmpp:jingle:transports:ice-udp:1"
    /// Raw UDP transport (XEP-0177).
    public static let rawUDP = "urn:xmpp:jingle:transports:raw-udp:1"
    /// DTLS-SRTP fingerprints (XEP-0320).
    public static let dtls = "urn:xmpp:jingle:apps:dtls:0"
    /// RTCP feedback (XEP-0293).
    public static let rtcpFeedback = "urn:xmpp:jingle:apps:rtp:rtcp-fb:0"
    /// RTP header extensions (XEP-0294).
    public static let headerExtensions = "urn:xmpp:jingle:apps:rtp:rtp-hdrext:0"
    /// Grouping (XEP-0338).
    public static let grouping = "urn:xmpp:jingle:apps:grouping:0"
    /// Source-specific media attributes (XEP-0339).
    public static let sources = "urn:xmpp:jingle:apps:rtp:ssma:0"
    /// The `sctpmap` of XEP-0343 (DTLS/SCTP in ICE-UDP).
    public static let dtlsSCTP = "urn:xmpp:jingle:transports:dtls-sctp:1"
    /// XEP-0343's explicit `<channel/>` signalling.
    public static let dataChannelsLegacy = "urn:xmpp:jingle:transports:webrtc-datachannel:0"
    /// The WebRTC data channel transport wrapping ICE-UDP, with `sctp-port` and
    /// `max-message-size` (as Conversations and Libervia send it; not yet in a published XEP).
    public static let webRTCDataChannel = "urn:xmpp:jingle:transports:webrtc-datachannel:1"
    /// Media-level `a=msid` as `<stream id track/>` (stanza.js; not yet standardized).
    public static let msid = "urn:xmpp:jingle:apps:rtp:msid:0"
    /// Jingle Message Initiation (XEP-0353).
    public static let messageInitiation = "urn:xmpp:jingle-message:0"
    /// Jitsi's source owner annotation (`<ssrc-info owner/>`).
    public static let jitsiMeet = "http://jitsi.org/jitmeet"
}
