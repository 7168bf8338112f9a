public import SDPLintDiagnostics
public import SDPLintICE
internal import SDPLintJSON
internal import SDPLintSDP

extension WHIPSignaling {
    /// What the WHIP/WHEP writer puts where the model says nothing.
    public struct BuildOptions: Sendable, Hashable {
        /// The endpoint URL the POST goes to.
        public var endpoint: String
        /// The session URL for messages without a ``SignalingMessage/session``.
        public var defaultSession: String
        /// The Host header of the requests (RFC 9112 §3.2 requires one).
        public var host: String
        /// The bearer token of the requests' Authorization header (RFC 9725 §4.7), if any.
        public var bearerToken: String?
        /// The servers the 201 announces in Link headers (RFC 9725 §4.6).
        public var iceServers: [ICEServer]

        public init(
            endpoint: String = "/whip/endpoint", defaultSession: String = "/whip/session/1",
            host: String = "whip.example.com", bearerToken: String? = nil, iceServers: [ICEServer] = []
        ) {
            self.host = host
            self.endpoint = endpoint
            self.defaultSession = defaultSession
            self.bearerToken = bearerToken
            self.iceServers = iceServers
        }
    }

    /// The entity-tag the writer gives every session; PATCH requests match it with If-Match.
    static let entityTag = "\"sdplint-1\""

    /// Builds a WHIP exchange: an offer is the POST (`application/sdp`), an answer the
    /// `201 Created` with Location (the session), ETag, Link headers and the SDP, candidates and
    /// ends of candidates PATCH requests with a fragment and If-Match, each answered by
    /// `204 No Content`, a hang-up the DELETE and its `200 OK`. SDP bodies keep their bytes.
    ///
    /// - Returns: The HTTP messages in order and what WHIP could not carry: pranswers and
    ///   rollbacks (WHIP has one offer and one answer), ``SignalingMessage/extraFields``, hang-up
    ///   reasons, m-line indexes, and the session of an offer that no answer follows.
    ///
    /// A session's PATCH requests can only follow the 201 that created it, so candidates that
    /// come between an offer and its answer are written after the answer.
    public static func build(
        _ messages: [SignalingMessage], options: BuildOptions = BuildOptions()
    ) -> (messages: [HTTPMessage], dropped: [DroppedItem]) {
        var output: [HTTPMessage] = []
        var dropped: [DroppedItem] = []
        var contexts: [SessionDescription] = []
        var requestFields = [HTTPField("Host", options.host)]
        if let token = options.bearerToken { requestFields.append(HTTPField("Authorization", "Bearer " + token)) }
        for index in whipOrder(messages) {
            let message = messages[index]
            let session = message.session ?? options.defaultSession
            if !message.extraFields.isEmpty {
                dropped.append(
                    DroppedItem(
                        messageIndex: index, item: .extraFields,
                        reason:
                            "WHIP has no place for the envelope members \(message.extraFields.members.map(\.key).joined(separator: ", "))"
                    ))
            }
            switch message.content {
            case .description(let description):
                if let parsed = description.sessionDescription { contexts.append(parsed) }
                switch description.type {
                case .offer:
                    let answered = messages[(index + 1)...].first {
                        if case .description = $0.content { true } else { false }
                    }
                    if let session = message.session, answered.map({ !isAnswer($0) || $0.session != session }) ?? true {
                        dropped.append(
                            DroppedItem(
                                messageIndex: index, item: .session,
                                reason:
                                    """
                                    the session \(session) of a WHIP offer is the Location of the 201 answering \
                                    it, and no answer follows
                                    """
                            ))
                    }
                    output.append(
                        .request(
                            "POST", options.endpoint,
                            fields: requestFields + body(description.sdp, type: "application/sdp"),
                            body: Array(description.sdp.utf8)))
                case .answer:
                    var fields = [HTTPField("Location", session), HTTPField("ETag", entityTag)]
                    for server in options.iceServers {
                        fields += ICEServerConfiguration.linkValues(for: server).map { HTTPField("Link", $0) }
                    }
                    output.append(
                        .response(
                            201, fields: fields + body(description.sdp, type: "application/sdp"),
                            body: Array(description.sdp.utf8)))
                case .pranswer, .rollback:
                    dropped.append(
                        DroppedItem(
                            messageIndex: index, item: .message,
                            reason:
                                """
                                WHIP and WHEP exchange one offer and one answer; a \(description.type) has no HTTP \
                                form
                                """
                        ))
                }
            case .candidate, .endOfCandidates:
                let (fragment, lost) = FragmentMapping.fragment(for: [message.content], contexts: contexts)
                for (item, reason) in lost.first ?? [:] {
                    dropped.append(DroppedItem(messageIndex: index, item: item, reason: reason))
                }
                let text = fragment.serialized()
                output.append(
                    .request(
                        "PATCH", session,
                        fields: requestFields + [HTTPField("If-Match", entityTag)]
                            + body(text, type: "application/trickle-ice-sdpfrag"),
                        body: Array(text.utf8)))
                output.append(.response(204))
            case .hangUp(let hangUp):
                if let reason = hangUp.reason {
                    dropped.append(
                        DroppedItem(
                            messageIndex: index, item: .hangUpReason,
                            reason: "a WHIP DELETE carries no reason; '\(reason)' is left out"))
                }
                output.append(.request("DELETE", session, fields: requestFields))
                output.append(.response(200, fields: [HTTPField("Content-Length", "0")]))
            }
        }
        return (output, dropped)
    }

    /// The indexes of `messages` with trickle messages that follow an offer moved after its answer.
    static func whipOrder(_ messages: [SignalingMessage]) -> [Int] {
        var order: [Int] = []
        var held: [Int] = []
        var offerPending = false
        for (index, message) in messages.enumerated() {
            switch message.content {
            case .description(let description) where description.type == .offer:
                order += held
                held = []
                offerPending = messages[(index + 1)...].contains(where: isAnswer)
                order.append(index)
            case .description(let description) where description.type == .answer:
                order.append(index)
                order += held
                held = []
                offerPending = false
            case .candidate, .endOfCandidates:
                if offerPending { held.append(index) } else { order.append(index) }
            default:
                order += held
                held = []
                offerPending = false
                order.append(index)
            }
        }
        return order + held
    }

    static func isAnswer(_ message: SignalingMessage) -> Bool {
        if case .description(let description) = message.content { return description.type == .answer }
        return false
    }

    static func body(_ text: String, type: String) -> [HTTPField] {
        [HTTPField("Content-Type", type), HTTPField("Content-Length", String(text.utf8.count))]
    }

    /// HTTP messages one after another, as an exchange transcript.
    public static func serialize(_ messages: [HTTPMessage]) -> String {
        var bytes: [UInt8] = []
        for message in messages { bytes += message.serialized() }
        return String(decoding: bytes, as: UTF8.self)
    }
}
