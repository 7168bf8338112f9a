public import SDPLintDiagnostics
public import SDPLintICE
public import SDPLintJSON
public import SDPLintSDP

/// One step of a WebRTC or VoIP signaling exchange, whatever carried it: a JSON envelope on a
/// WebSocket, a SIP request or response, a WHIP/WHEP HTTP message, or a bare SDP.
///
/// Every format maps to and from this model; what a format cannot carry is returned as a
/// `DroppedItem` by ``Signaling/write(_:as:options:)``, never lost silently.
///
/// ```swift
/// let offer = SignalingMessage(.description(.init(type: .offer, sdp: text)))
/// let candidate = SignalingMessage(.candidate(.init(candidate: "candidate:1 1 udp 2122260223 192.0.2.1 5000 typ host", sdpMid: "0")))
/// ```
///
/// Equality compares ``content``, ``session`` and ``extraFields``; ``jsonShape`` is a
/// presentation hint and takes no part.
public struct SignalingMessage: Sendable, Hashable, CustomStringConvertible {
    /// What the message says. The set is closed: these are the steps JSEP (RFC 9429 §3) and the
    /// SIP offer/answer model (RFC 3264) have.
    public enum Content: Sendable, Hashable {
        /// An offer, answer, provisional answer or rollback, with its SDP.
        case description(Description)
        /// One trickled ICE candidate (RFC 8838 §4, RFC 8840 §4.4).
        case candidate(TrickledCandidate)
        /// The end of candidates for one m= section, or for all when it names none
        /// (RFC 8838 §4.3, `a=end-of-candidates`).
        case endOfCandidates(EndOfCandidates)
        /// The session ends: WebSocket `bye`/`hangup`, SIP BYE or CANCEL, WHIP/WHEP DELETE.
        case hangUp(HangUp)
    }

    /// What the message says.
    public var content: Content
    /// The session or dialog the message belongs to: a SIP Call-ID, a WHIP/WHEP session URL, the
    /// `session` of our envelope. `nil` when the format does not say.
    public var session: String?
    /// Members of a JSON envelope that are not part of the message, such as `to`, `from` or a
    /// room id, in the order written; written back by the JSON formats.
    public var extraFields: JSONObject
    /// How the message was wrapped when it was read from JSON; the JSON writer reuses it.
    public var jsonShape: JSONShape?
    /// The order the dictionary's members were written in, when read from JSON, so that a
    /// message is written back with its members where they were (Firefox writes
    /// `sdpMLineIndex` before `sdpMid`).
    var jsonMemberOrder: [String] = []

    public init(
        _ content: Content, session: String? = nil, extraFields: JSONObject = JSONObject(), jsonShape: JSONShape? = nil
    ) {
        self.content = content
        self.session = session
        self.extraFields = extraFields
        self.jsonShape = jsonShape
    }

    /// A short summary such as `offer (3 m= sections)` or `candidate for mid 0`.
    public var description: String {
        switch content {
        case .description(let description):
            guard let parsed = description.sessionDescription else { return description.type.rawValue }
            return "\(description.type.rawValue) (\(parsed.media.count) m= sections)"
        case .candidate(let candidate):
            return "candidate for \(candidate.target)"
        case .endOfCandidates(let end):
            return end.isForAllSections ? "end of candidates" : "end of candidates for \(end.target)"
        case .hangUp:
            return "hang-up"
        }
    }

    public static func == (lhs: SignalingMessage, rhs: SignalingMessage) -> Bool {
        lhs.content == rhs.content && lhs.session == rhs.session && lhs.extraFields == rhs.extraFields
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(content)
        hasher.combine(session)
        hasher.combine(extraFields)
    }
}

extension SignalingMessage {
    /// An offer, answer, provisional answer or rollback: `RTCSessionDescriptionInit`
    /// (W3C webrtc-pc §4.8.1), the SDP body of a SIP message or of a WHIP/WHEP POST or 201.
    ///
    /// The text is kept exactly as carried, with its parse: every reader parses it once, and
    /// whoever checks or analyses the description later uses that parse and its findings.
    public struct Description: Sendable, Hashable {
        /// The role in the offer/answer exchange (JSEP, RFC 9429 §4.1.8).
        public var type: SDPType
        /// The SDP exactly as carried. Empty for a rollback.
        public let sdp: String
        /// The parse of ``sdp``: the description, the SDP parser's findings (located in the
        /// SDP's own text) and that text; `nil` when ``sdp`` is empty.
        public let parsed: ParseResult<SessionDescription>?

        /// The parsed SDP, `nil` when ``sdp`` is empty.
        public var sessionDescription: SessionDescription? { parsed?.value }

        /// A description from its text; the text is parsed leniently once, here.
        public init(type: SDPType, sdp: String, options: SDPParseOptions = .lenient) {
            self.type = type
            self.sdp = sdp
            self.parsed = sdp.isEmpty ? nil : SessionDescription.parse(sdp, options: options)
        }

        /// A description whose text was already parsed; the parse and its findings are kept.
        public init(type: SDPType, sdp: String, parsed: ParseResult<SessionDescription>) {
            self.type = type
            self.sdp = sdp
            self.parsed = parsed
        }

        /// A description from a model; the text is its serialized form, parsed once.
        public init(type: SDPType, sessionDescription: SessionDescription) {
            self.init(type: type, sdp: sessionDescription.serialized())
        }

        /// Descriptions are equal when type and text are.
        public static func == (lhs: Description, rhs: Description) -> Bool {
            lhs.type == rhs.type && lhs.sdp == rhs.sdp
        }
        public func hash(into hasher: inout Hasher) {
            hasher.combine(type)
            hasher.combine(sdp)
        }
    }

    /// One trickled candidate: `RTCIceCandidateInit` (W3C webrtc-pc §4.8.1.2), or one
    /// `a=candidate` line of an RFC 8840 SDP fragment.
    public struct TrickledCandidate: Sendable, Hashable {
        /// The candidate as `RTCIceCandidate.candidate` writes it: `candidate:` and the
        /// attribute value of RFC 8839 §5.1, exactly as carried.
        public var candidate: String
        /// The `a=mid` of the m= section the candidate belongs to (RFC 9143 §14).
        public var sdpMid: String?
        /// The 0-based index of that m= section in the description.
        public var sdpMLineIndex: UInt16?
        /// The ICE username fragment the candidate was gathered for (RFC 8839 §5.4), which
        /// tells an ICE restart's candidates from the old ones.
        public var usernameFragment: String?
        /// The ICE password that goes with ``usernameFragment``, when the carrier says it: an
        /// SDP fragment's `a=ice-pwd` (RFC 8840 §4.4), a Jingle transport's `pwd` (XEP-0176).
        /// `RTCIceCandidateInit` has no member for it.
        public var password: String?

        public init(
            candidate: String, sdpMid: String? = nil, sdpMLineIndex: UInt16? = nil, usernameFragment: String? = nil,
            password: String? = nil
        ) {
            self.candidate = candidate
            self.sdpMid = sdpMid
            self.sdpMLineIndex = sdpMLineIndex
            self.usernameFragment = usernameFragment
            self.password = password
        }

        /// The attribute value: ``candidate`` without its `candidate:` or `a=candidate:` prefix.
        public var attributeValue: String {
            var text = Substring(candidate)
            if text.hasPrefix("a=") { text = text.dropFirst(2) }
            if text.hasPrefix("candidate:") { text = text.dropFirst("candidate:".count) }
            return String(text)
        }

        /// The candidate parsed by the ICE module, with its findings.
        public var parsed: (candidate: Candidate?, diagnostics: [Diagnostic]) {
            let parsed = Candidate.parse(candidate)
            return (parsed.value, parsed.diagnostics)
        }

        /// "mid 0", "m-line 1" or "mid 0 (m-line 1)".
        var target: String { Self.target(sdpMid, sdpMLineIndex) }

        static func target(_ mid: String?, _ index: UInt16?) -> String {
            switch (mid, index) {
            case (let mid?, let index?): "mid \(mid) (m-line \(index))"
            case (let mid?, nil): "mid \(mid)"
            case (nil, let index?): "m-line \(index)"
            case (nil, nil): "no m= section"
            }
        }
    }

    /// The end of trickled candidates: for one m= section (`{"candidate": ""}` with its mid, or
    /// `a=end-of-candidates` in that section of a fragment), or for all of them (the `null`
    /// candidate, or `a=end-of-candidates` at the session level).
    ///
    /// RFC 8838 §4.3 <https://www.rfc-editor.org/rfc/rfc8838#section-4.3>
    public struct EndOfCandidates: Sendable, Hashable {
        public var sdpMid: String?
        public var sdpMLineIndex: UInt16?
        public var usernameFragment: String?

        public init(sdpMid: String? = nil, sdpMLineIndex: UInt16? = nil, usernameFragment: String? = nil) {
            self.sdpMid = sdpMid
            self.sdpMLineIndex = sdpMLineIndex
            self.usernameFragment = usernameFragment
        }

        /// Whether this ends the candidates of every m= section.
        public var isForAllSections: Bool { sdpMid == nil && sdpMLineIndex == nil }

        var target: String { TrickledCandidate.target(sdpMid, sdpMLineIndex) }
    }

    /// The end of the session.
    public struct HangUp: Sendable, Hashable {
        /// Why, when the format says: a SIP `Reason` header (RFC 3326), our envelope's `reason`.
        public var reason: String?

        public init(reason: String? = nil) { self.reason = reason }
    }
}

/// How a message was wrapped in JSON, for writing it back the same way. The set is closed: these
/// are the shapes the JSON reader recognizes.
public enum JSONShape: Sendable, Hashable {
    /// The W3C dictionaries themselves: `{"type":"offer","sdp":"…"}` and
    /// `{"candidate":"…","sdpMid":"0","sdpMLineIndex":0,"usernameFragment":"…"}`, as
    /// `JSON.stringify(desc)` writes them.
    case plain
    /// `{"sdp":"…","type":"offer"}`: the description with `sdp` first, as aiortc's examples write it.
    case plainSDPFirst
    /// `{"type":"candidate","candidate":{…}}`, `{"type":"offer","sdp":"…"}`, `{"type":"bye"}`:
    /// a `type` member names the message; the associated value is the word used (`candidate`,
    /// `ice-candidate`, `bye`, `hangup`, …).
    case typed(String)
    /// `{"type":"candidate","candidate":"candidate:…","sdpMid":"0","sdpMLineIndex":0}`: the
    /// candidate's members beside `type`, as the WebRTC samples write them.
    case typedFlat(String)
    /// `{"sdp":{"type":"offer","sdp":"…"}}`, `{"ice":{…}}`, `{"candidate":{…}}`: the dictionary
    /// inside one member whose name is the associated value, as GStreamer's examples write it.
    case wrapped(String)
}

/// The parts of a signaling message a target format can lack, reported by
/// ``Signaling/write(_:as:options:)``.
extension DroppedItem.Item {
    /// ``SignalingMessage/extraFields`` (`to`, `from`, room ids).
    public static let extraFields: Self = "extra-fields"
    /// ``SignalingMessage/session``.
    public static let session: Self = "session"
    /// The offer/answer role (raw SDP says none; WHIP has no provisional answer).
    public static let descriptionType: Self = "description-type"
    /// ``SignalingMessage/TrickledCandidate/sdpMLineIndex``: an SDP fragment names sections by mid.
    public static let sdpMLineIndex: Self = "sdpMLineIndex"
    /// ``SignalingMessage/TrickledCandidate/sdpMid``.
    public static let sdpMid: Self = "sdpMid"
    /// ``SignalingMessage/TrickledCandidate/usernameFragment``.
    public static let usernameFragment: Self = "usernameFragment"
    /// ``SignalingMessage/TrickledCandidate/password``.
    public static let password: Self = "password"
    /// ``SignalingMessage/HangUp/reason``.
    public static let hangUpReason: Self = "hang-up-reason"
    /// The distinction between the end of one section's candidates and the end of all.
    public static let endOfCandidatesScope: Self = "end-of-candidates-scope"
}
