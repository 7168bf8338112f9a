/// One entry of `RTCConfiguration.iceServers`: the URLs of a STUN or TURN server and, for
/// TURN, the credentials.
///
/// W3C webrtc-pc, `RTCIceServer` <https://www.w3.org/TR/webrtc/#rtciceserver-dictionary>
public struct ICEServer: Sendable, Hashable {
    /// The server's URLs, usually one STUN or TURN server reachable over several transports.
    public var urls: [ICEServerURL]
    /// The TURN username (RFC 8656 §9.2).
    public var username: String?
    /// The TURN password or token.
    public var credential: String?

    public init(urls: [ICEServerURL], username: String? = nil, credential: String? = nil) {
        self.urls = urls
        self.username = username
        self.credential = credential
    }

    /// Checks what the URLs alone cannot show: every `turn:` or `turns:` URL needs a username
    /// and a credential, or RTCPeerConnection throws InvalidAccessError.
    ///
    /// - Returns: One `turn-without-credentials` finding per TURN URL, whose ``ICEFinding/index``
    ///   is the URL's index in ``urls``.
    /// - Complexity: O(n) in the number of URLs.
    public func validate() -> [ICEFinding] {
        var missing: [String] = []
        if username?.isEmpty ?? true { missing.append(username == nil ? "no username" : "an empty username") }
        if credential?.isEmpty ?? true { missing.append(credential == nil ? "no credential" : "an empty credential") }
        guard !missing.isEmpty else { return [] }
        var findings: [ICEFinding] = []
        for (index, url) in urls.enumerated() where url.scheme.isTURN {
            findings.append(
                ICEFinding(
                    rule: ICERules.turnWithoutCredentials, index: index,
                    message: "the TURN server '\(url)' has \(missing.joined(separator: " and ")); TURN needs both"))
        }
        return findings
    }
}
