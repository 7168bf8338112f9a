public import SDPLintDiagnostics
package import SDPLintICE
public import SDPLintSDP
public import SDPLintSignaling

/// The signaling of one peer connection (or one SIP dialog) in the order it happened, as a
/// browser dump or a capture recorded it: the descriptions each side created and applied, the
/// candidates that trickled, failures and state changes.
///
/// The readers of each format (``WebRTCInternalsDump``, ``RTCStatsDump``,
/// ``FirefoxWebRTCHistory``, ``SignalingMessages``, `PacketCapture`) build traces; `sdplint
/// check` checks them and `sdplint timeline` shows them.
public struct SignalingTrace: Sendable, Hashable {
    /// How reports name the connection: `PeerConnections["8-1"]`, `pcid {f0f6…}`.
    public var name: String
    /// The page or peer it belongs to, when the capture says (a URL, a Call-ID).
    public var origin: String?
    /// The configuration the connection was created with, as the capture wrote it
    /// (`RTCConfiguration`: ICE servers, bundle policy), if known.
    public var configuration: String?
    /// Where the configuration sits in the capture, for findings about it.
    public var configurationContext: String?
    public var events: [Event]
    /// Whether the session is over, so that no event of it follows: a capture's dialog, handed
    /// over when it ended. Its checks end with it, and their memory is freed.
    public var ended = false

    public init(
        name: String, origin: String? = nil, configuration: String? = nil,
        configurationContext: String? = nil, events: [Event] = []
    ) {
        self.name = name
        self.origin = origin
        self.configuration = configuration
        self.configurationContext = configurationContext
        self.events = events
    }

    /// One thing the capture recorded.
    public struct Event: Sendable, Hashable {
        /// Which side of the connection an event concerns.
        public enum Side: String, Sendable, Hashable {
            /// This peer: a description it created or applied as its own, a candidate it gathered.
            case local
            /// The other peer: a description or candidate received from it.
            case remote
        }

        public enum Kind: Sendable, Hashable {
            /// A session description, parsed once by the reader: `applied` is false for one only
            /// created (createOffer's result) or whose set…Description call failed.
            case description(type: SDPType, sdp: ParseResult<SessionDescription>, applied: Bool)
            /// A trickled candidate line (RFC 8840), with the section it belongs to.
            case candidate(line: String, mid: String?, mLineIndex: Int?)
            /// The end of candidates for one section or for all (an empty candidate).
            case endOfCandidates(mid: String?)
            /// An operation that failed, with the browser's error message.
            case failure(message: String)
            /// A state change (`signalingstatechange` → `stable`).
            case state(name: String, value: String)
            /// A SIP message that carries no signaling message (100 Trying, an ACK without SDP,
            /// OPTIONS), shown in a call flow; ``SignalingTrace/Event/wire`` says what it is.
            case wire
        }

        public var kind: Kind
        public var side: Side?
        /// What the capture calls the event: `setLocalDescription`, `onicecandidate`, `INVITE`.
        public var operation: String
        /// Milliseconds since the Unix epoch, when the capture says.
        public var time: Double?
        /// Where in the capture the event is: `PeerConnections["8-1"].updateLog[7]`, `line 23`.
        public var context: String
        /// The signaling message the event was read from, when the input was signaling messages
        /// (JSON, SIP, WHIP/WHEP, Jingle): what a conversion writes, with every field it had.
        public var message: SignalingMessage?
        /// The SIP message that carried the event, when the input was SIP (a file, a SIPp log,
        /// a capture): its method or status and the parties it went between. The events a
        /// message carries (a trickle INFO's candidates) share it.
        public var wire: WireMessage?
        /// The line of the input the event's signaling message starts on, when it was read from
        /// signaling messages: in an NDJSON stream, the line of its record.
        public var line: Int?

        public init(
            kind: Kind, side: Side?, operation: String, time: Double?, context: String,
            message: SignalingMessage? = nil,
            wire: WireMessage? = nil
        ) {
            self.kind = kind
            self.side = side
            self.operation = operation
            self.time = time
            self.context = context
            self.message = message
            self.wire = wire
        }
    }

    /// The descriptions applied to the connection, in order: the session's offer/answer
    /// exchanges (rolled-back offers and provisional answers left out).
    public var appliedDescriptions: [(index: Int, type: SDPType, sdp: ParseResult<SessionDescription>)] {
        var result: [(index: Int, type: SDPType, sdp: ParseResult<SessionDescription>)] = []
        for (index, event) in events.enumerated() {
            guard case .description(let type, let sdp, let applied) = event.kind, applied else { continue }
            if type == .pranswer { continue }  // the final answer follows (RFC 9429 §4.1.10.1)
            if type == .rollback {
                if let last = result.last, last.type == .offer { result.removeLast() }
                continue
            }
            result.append((index, type, sdp))
        }
        return result
    }
}

extension SignalingTrace {
    /// The offer/answer exchanges of the connection as one renegotiation sequence — event
    /// indices of offer, answer, offer, answer, … (ending with an offer when the last one
    /// was not answered) — and the applied descriptions that did not fit it.
    package var exchanges: (sequence: [Int], problems: [(event: Int, rule: Rule, message: String)]) {
        var tracker = ExchangeTracker<Int>()
        var sequence: [Int] = []
        var problems: [(event: Int, rule: Rule, message: String)] = []
        for (index, event) in events.enumerated() {
            guard case .description(let type, _, true) = event.kind else { continue }
            switch tracker.apply(type, offer: index) {
            case .offered(let replaced):
                if let replaced {
                    problems.append(
                        (index, TraceRules.offerReplaced, TraceRules.offerReplacedMessage(events[replaced].context)))
                }
            case .answered(let offer):
                if let offer {
                    sequence += [offer, index]
                } else {
                    problems.append((index, TraceRules.answerWithoutOffer, TraceRules.answerWithoutOfferMessage))
                }
            case .ignored:
                break
            }
        }
        if let pending = tracker.pendingOffer { sequence.append(pending) }
        // A lone description (an envelope, one SIP message) is not a sequence to fault.
        if tracker.counted <= 1 { return (sequence, []) }
        return (sequence, problems)
    }
}

/// The offer/answer state of a connection, fed its applied descriptions in order (RFC 9429
/// §4.1.10 and the JSEP state machine): an offer waits for its answer, a new offer replaces an
/// unanswered one, a rollback discards the waiting offer, and a provisional answer waits for
/// the final one. `Offer` is what the caller keeps of an offer: its event index, or its
/// context and text.
package struct ExchangeTracker<Offer: Sendable>: Sendable {
    package enum Step {
        /// An offer now waits for its answer; `replaced` is an unanswered offer it replaced.
        case offered(replaced: Offer?)
        /// An answer, closing the exchange of that offer; `nil` when no offer was waiting.
        case answered(offer: Offer?)
        /// A provisional answer or a rollback.
        case ignored
    }

    /// The offer waiting for its answer.
    package private(set) var pendingOffer: Offer?
    /// How many descriptions count toward a sequence: offers and answers, less the offers
    /// rolled back. One alone is not a sequence to fault.
    package private(set) var counted = 0

    package init() {}

    /// Follows one applied description; `offer` is what to keep of it if it is an offer.
    package mutating func apply(_ type: SDPType, offer: Offer) -> Step {
        switch type {
        case .offer:
            let replaced = pendingOffer
            pendingOffer = offer
            counted += 1
            return .offered(replaced: replaced)
        case .answer:
            let offer = pendingOffer
            pendingOffer = nil
            counted += 1
            return .answered(offer: offer)
        case .rollback:
            if pendingOffer != nil { counted -= 1 }
            pendingOffer = nil
            return .ignored
        case .pranswer:
            return .ignored  // the final answer follows (RFC 9429 §4.1.10.1)
        }
    }

}

extension TraceRules {
    /// The message of ``offerReplaced`` for an offer that replaced the one at `context`.
    package static func offerReplacedMessage(_ context: String) -> String {
        "this offer replaces the one of \(context), which was never answered"
    }

    /// The message of ``answerWithoutOffer``.
    package static let answerWithoutOfferMessage =
        "this answer was applied with no offer pending; it is not analysed as an exchange"
}

extension SignalingTrace.Event {
    /// The parse of a description event.
    package var description: ParseResult<SessionDescription>? {
        if case .description(_, let sdp, _) = kind { return sdp }
        return nil
    }

    /// The candidate of a trickled candidate event, when its line parses.
    package var trickledCandidate: Candidate? {
        guard case .candidate(let line, _, _) = kind else { return nil }
        return Candidate.parse(line).value
    }
}

extension ParseResult where Value == SessionDescription {
    /// No description: what a rollback carries (RFC 9429 §4.1.10.2).
    package static var empty: Self {
        ParseResult(
            value: SessionDescription(origin: .init(sessionID: "0", sessionVersion: 0), times: []), diagnostics: [],
            source: .empty)
    }
}

extension DroppedItem.Item {
    /// Events of a trace that are not signaling messages (state changes, failures), which a
    /// conversion to a signaling format leaves out.
    public static let traceEvent: Self = "trace-event"
}
