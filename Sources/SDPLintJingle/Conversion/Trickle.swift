public import SDPLintDiagnostics
public import SDPLintICE
import SDPLintSDP

/// One trickled ICE candidate and the content (m-section) it belongs to: what a WebRTC
/// `icecandidate` event or an SDP fragment carries, and what a Jingle transport-info carries.
public struct TrickleCandidate: Sendable, Hashable {
    /// The content name, the SDP mid.
    public var mid: String
    public var candidate: Candidate
    /// The username fragment of the ICE generation the candidate belongs to.
    public var ufrag: String?
    public var pwd: String?

    public init(mid: String, candidate: Candidate, ufrag: String? = nil, pwd: String? = nil) {
        self.mid = mid
        self.candidate = candidate
        self.ufrag = ufrag
        self.pwd = pwd
    }
}

/// A transport-info made from trickled candidates, with what it could not carry.
public struct TransportInfoResult: Sendable, Hashable {
    public var jingle: Jingle
    public var dropped: [DroppedItem]
}

extension Jingle {
    /// A transport-info action carrying trickled candidates (XEP-0176 §5.3, RFC 8838 trickle
    /// ICE): one content per mid, in order of first appearance, each with an ICE-UDP transport.
    ///
    /// - Parameters:
    ///   - sid: the session id of the session the candidates belong to.
    ///   - candidates: the trickled candidates, each with the mid of its content.
    ///   - creator: the creator of the contents the candidates belong to.
    ///   - initiator: the `initiator` JID to write on the element, if any.
    ///   - responder: the `responder` JID to write on the element, if any.
    /// - Returns: the element and the candidate extensions XEP-0176 cannot carry.
    public static func transportInfo(
        sid: String, candidates: [TrickleCandidate], creator: Role = .initiator,
        initiator: String? = nil, responder: String? = nil
    ) -> TransportInfoResult {
        var converter = SDPToJingle(
            sdp: SessionDescription(origin: .init(sessionID: "0", sessionVersion: 0)), options: .offer)
        var jingle = Jingle(action: .transportInfo, sid: sid, initiator: initiator, responder: responder)
        var counts: [String: Int] = [:]
        for (index, trickled) in candidates.enumerated() {
            let position =
                jingle.contents.firstIndex { $0.name == trickled.mid }
                ?? {
                    jingle.contents.append(
                        Jingle.Content(
                            creator: creator, name: trickled.mid,
                            transport: .iceUDP(ICEUDPTransport(ufrag: trickled.ufrag, pwd: trickled.pwd))))
                    return jingle.contents.count - 1
                }()
            let number = counts[trickled.mid, default: 0]
            counts[trickled.mid] = number + 1
            let candidate = converter.transportCandidate(
                trickled.candidate, id: "t\(index)-\(number)", scope: .media(index: position, mid: trickled.mid),
                line: "a=candidate:" + trickled.candidate.description)
            if case .iceUDP(var transport) = jingle.contents[position].transport {
                transport.candidates.append(candidate)
                jingle.contents[position].transport = .iceUDP(transport)
            }
        }
        return TransportInfoResult(jingle: jingle, dropped: converter.dropped)
    }

    /// The candidates this element carries, by content name, as SDP candidates: what a
    /// transport-info (or a session-initiate's transports) hands to `addIceCandidate`.
    public var trickleCandidates: [TrickleCandidate] {
        var converter = JingleToSDP(options: .offer)
        var result: [TrickleCandidate] = []
        for content in contents {
            guard let transport = content.iceUDP else { continue }
            for candidate in transport.candidates {
                result.append(
                    TrickleCandidate(
                        mid: content.name, candidate: converter.candidate(candidate), ufrag: transport.ufrag,
                        pwd: transport.pwd))
            }
        }
        return result
    }
}
