import SDPLintDiagnostics
import SDPLintSDP

/// Media servers and SIP stacks: limits and habits read from their sources.
extension ProfileCheck {
    func janus() {
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
    }

    /// pjproject's fixed-size tables, as stock pjproject or Asterisk builds them.
    func pjproject() {
        let limits = profile == .asterisk ? PJProjectLimits.asterisk : PJProjectLimits.stock
        let rules = profile == .asterisk ? ProfileRules.asterisk : ProfileRules.pjsip
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
    }

    func freeswitch() {
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
    }
}
