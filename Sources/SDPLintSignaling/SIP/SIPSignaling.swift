public import SDPLintDiagnostics
internal import SDPLintSDP
public import SDPLintSIP

/// The mapping between SIP messages and signaling messages, both ways.
///
/// Reading follows the offer/answer state of each dialog (named by its Call-ID):
///
/// | SIP | signaling message |
/// |---|---|
/// | INVITE, re-INVITE, UPDATE, PRACK with SDP, no offer outstanding | offer |
/// | 2xx or reliable 18x (RFC 3262) with SDP, offer outstanding | answer |
/// | unreliable 18x with SDP, offer outstanding | pranswer (early media) |
/// | 2xx with SDP to an INVITE without SDP (delayed offer, RFC 3261 §13.2.1) | offer |
/// | ACK with SDP, offer outstanding | answer |
/// | INFO with application/trickle-ice-sdpfrag (RFC 8840 §9) | candidates, end-of-candidates |
/// | BYE, CANCEL | hang-up (Reason header as the reason) |
///
/// Other messages (100 Trying, 180 without SDP, responses to BYE, OPTIONS, REGISTER) carry no
/// signaling message.
///
/// RFC 3261 §13.2.1 <https://www.rfc-editor.org/rfc/rfc3261#section-13.2.1>,
/// RFC 3262 §5 <https://www.rfc-editor.org/rfc/rfc3262#section-5>
public enum SIPSignaling {
    /// Reads SIP messages — one datagram, or a trace of several framed by Content-Length — into
    /// signaling messages, grouped per Call-ID in order of each dialog's first message, in
    /// order within a dialog.
    ///
    /// - Returns: The messages, each at its SIP message's start line (a trickle INFO gives one
    ///   message per candidate, all at the INFO); every SIP message as a ``WireMessage`` at the
    ///   same place, in input order; and every finding (the SIP parser's findings, SDP findings at
    ///   their line, and `SIG2xx`).
    /// - Complexity: O(n) in the size of the input.
    public static func read(
        _ bytes: [UInt8], options: SIPParseOptions = .lenient
    ) -> (messages: [Located<SignalingMessage>], wires: [Located<WireMessage>], diagnostics: [Diagnostic]) {
        var decoder = SIPStreamDecoder(options: options)
        var results = decoder.decode(bytes)
        results += decoder.finish()
        var diagnostics = decoder.diagnostics
        if results.count <= 1 {
            // One message: read it as a datagram, where Content-Length is optional.
            results = [SIPParseResult(SIPMessage.parse(bytes: bytes, framing: .datagram, options: options))]
            diagnostics = []
        }
        var reader = Reader(strict: options.strict)
        for result in results {
            diagnostics += result.diagnosticsInStream
            let location = SourceLocation(
                line: result.streamLine, column: 1,
                bytes: result.streamOffset..<(result.streamOffset + result.message.serialized().count))
            reader.read(result.message, at: location)
        }
        diagnostics += reader.diagnostics
        var order: [String] = []
        var groups: [String: [Located<SignalingMessage>]] = [:]
        for message in reader.messages {
            let key = message.value.session ?? ""
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(message)
        }
        return (order.flatMap { groups[$0] ?? [] }, reader.wires, diagnostics)
    }

    /// The offer/answer state of one dialog.
    struct DialogState: Sendable {
        /// A description as one message carried it: a copy of that message (a retransmission,
        /// or the one a proxy forwards) has the same body, CSeq and kind (request or response).
        struct Sighting: Sendable, Equatable {
            var bytes: [UInt8]
            var cseq: CSeq?
            var inRequest: Bool

            init(_ sdp: ParseResult<SessionDescription>, in message: SIPMessage) {
                bytes = sdp.source.bytes
                cseq = message.cseq
                inRequest = message.requestLine != nil
            }
        }

        mutating func offer(_ sighting: Sighting) {
            offerOutstanding = true
            lastOffer = sighting
        }

        mutating func answer(_ sighting: Sighting) {
            offerOutstanding = false
            lastAnswer = sighting
        }

        /// Whether `sighting` is the outstanding offer again or, with no offer open, the last
        /// answer again.
        func repeats(_ sighting: Sighting) -> Bool {
            offerOutstanding ? sighting == lastOffer : sighting == lastAnswer
        }

        /// An offer was made and not yet answered or rejected.
        var offerOutstanding = false
        /// Whether the last INVITE carried an offer; `nil` before any INVITE was seen.
        var inviteHadOffer: Bool?
        /// The last offer and answer, to recognize a message that carries one again (a copy, or
        /// a 2xx that repeats the answer of a reliable 18x).
        var lastOffer: Sighting?
        var lastAnswer: Sighting?
        /// The parties as the dialog's first message names them: the caller (its From, who
        /// sent the first request) and the callee (its To), and the caller's From tag.
        var caller = ""
        var callee = ""
        var callerTag: String?
        var callerAddress = ""
    }

    /// Maps SIP messages to signaling messages one at a time, keeping each dialog's
    /// offer/answer state (RFC 3261 §13.2.1, RFC 3262, RFC 3311): for messages that arrive
    /// one by one, as a packet capture delivers them.
    public struct Reader: Sendable {
        let strict: Bool
        var states: [String: DialogState] = [:]
        /// The signaling messages read so far, in order.
        public private(set) var messages: [Located<SignalingMessage>] = []
        /// The SIG2xx findings so far, at the locations given to ``read(_:at:)``.
        public private(set) var diagnostics: [Diagnostic] = []
        /// Every SIP message read so far, in order, at the locations given to ``read(_:at:)``.
        public private(set) var wires: [Located<WireMessage>] = []
        /// How many SIP messages were read, to number them.
        var count = 0

        public init(strict: Bool = false) {
            self.strict = strict
        }

        mutating func report(_ rule: Rule, _ location: SourceLocation, _ message: String) {
            diagnostics.append(rule.diagnostic(at: location, message, strict: strict))
        }

        mutating func emit(_ content: SignalingMessage.Content, _ session: String?, _ location: SourceLocation) {
            messages.append(Located(SignalingMessage(content, session: session), at: location))
        }

        /// The messages and findings read since the last call, handed over and forgotten, for a
        /// caller that processes a long capture as it goes.
        public mutating func take() -> (
            messages: [Located<SignalingMessage>], wires: [Located<WireMessage>], diagnostics: [Diagnostic]
        ) {
            defer {
                messages = []
                wires = []
                diagnostics = []
            }
            return (messages, wires, diagnostics)
        }

        /// Forgets a dialog's offer/answer state once it is over (after its BYE or CANCEL).
        public mutating func end(session: String) {
            states[session] = nil
        }

        /// Reads one SIP message, located where the caller says it is.
        public mutating func read(_ message: SIPMessage, at location: SourceLocation) {
            // A message without a Call-ID is mapped on its own; the SIP parser reports the
            // missing header (SIP200), once.
            let callID = message.callID
            var state = states[callID ?? ""] ?? DialogState()
            defer { states[callID ?? ""] = state }
            // Parsed once, by the SIP parser; its findings are the message's.
            let sdp = message.sessionDescription
            let what = name(of: message)
            count += 1
            wires.append(Located(wire(message, number: count, line: location.line, state: &state), at: location))
            // The same description again in the same kind of message is not a new offer or answer:
            // a retransmission, or the copy a proxy forwards when the capture is taken at the
            // proxy (every message then appears twice, as received and as sent).
            let sighting = sdp.map { DialogState.Sighting($0, in: message) }
            if let sighting, state.repeats(sighting) { return }

            if let method = message.requestLine?.method {
                switch method {
                case .invite:
                    state.inviteHadOffer = sdp != nil
                    if let sdp {
                        if state.offerOutstanding {
                            report(
                                SignalingRules.unexpectedSDP, location,
                                """
                                the \(what) offers while an offer is outstanding (glare, RFC 3261 §14.1); read as \
                                a new offer
                                """
                            )
                        }
                        state.offer(DialogState.Sighting(sdp, in: message))
                        emit(.description(.init(type: .offer, sdp: sdp.source.string, parsed: sdp)), callID, location)
                    }
                case .update, .prack:
                    if let sdp {
                        emitOfferOrAnswer(
                            sdp, &state, callID, location, DialogState.Sighting(sdp, in: message))
                    }
                case .ack:
                    if let sdp {
                        // Without the INVITE in the input, its 2xx may have offered (RFC 3261
                        // §13.2.1): only a dialog seen from its INVITE can say no offer is open.
                        if !state.offerOutstanding && state.inviteHadOffer != nil {
                            report(
                                SignalingRules.unexpectedSDP, location,
                                "the ACK carries SDP but no offer is outstanding; read as an answer")
                        }
                        state.answer(DialogState.Sighting(sdp, in: message))
                        emit(.description(.init(type: .answer, sdp: sdp.source.string, parsed: sdp)), callID, location)
                    }
                case .bye, .cancel:
                    emit(.hangUp(.init(reason: message.headers[SIPHeaderName("Reason")])), callID, location)
                case .info:
                    if let fragment = message.trickleICEFragment {
                        if fragment.infoPackage?.lowercased() != "trickle-ice" {
                            report(
                                SignalingRules.trickleInfoWithoutPackage, location,
                                "the INFO carries application/trickle-ice-sdpfrag without \"Info-Package: trickle-ice\""
                            )
                        }
                        let parsed = SDPFragment.parse(bytes: fragment.bytes).value
                        for content in FragmentMapping.contents(of: parsed) { emit(content, callID, location) }
                    } else {
                        noteIgnoredBody(message, location)
                    }
                default:
                    noteIgnoredBody(message, location)
                }
                return
            }
            guard let code = message.statusCode, let method = message.cseq?.method else { return }
            guard method == .invite || method == .update || method == .prack else { return }
            switch code {
            case 101..<200:
                guard let sdp, method == .invite else { return }
                if isReliable(message) {
                    emitOfferOrAnswer(sdp, &state, callID, location, DialogState.Sighting(sdp, in: message))
                } else if state.offerOutstanding || state.inviteHadOffer == nil {
                    // Early media; when the INVITE is not in the input it is assumed to have offered.
                    emit(.description(.init(type: .pranswer, sdp: sdp.source.string, parsed: sdp)), callID, location)
                }
            case 200..<300:
                if let sdp {
                    if state.offerOutstanding {
                        state.answer(DialogState.Sighting(sdp, in: message))
                        emit(.description(.init(type: .answer, sdp: sdp.source.string, parsed: sdp)), callID, location)
                    } else if method == .invite && state.inviteHadOffer == false && state.lastAnswer == nil {
                        // RFC 3261 §13.2.1: the INVITE had no offer, so the 2xx carries it.
                        state.offer(DialogState.Sighting(sdp, in: message))
                        emit(.description(.init(type: .offer, sdp: sdp.source.string, parsed: sdp)), callID, location)
                    } else if state.inviteHadOffer == nil && (method == .invite || state.lastAnswer == nil) {
                        // The request is not in the input: a 2xx with SDP usually answers it.
                        state.answer(DialogState.Sighting(sdp, in: message))
                        emit(.description(.init(type: .answer, sdp: sdp.source.string, parsed: sdp)), callID, location)
                    } else {
                        report(
                            SignalingRules.unexpectedSDP, location,
                            "the \(what) carries SDP but no offer is outstanding; it is skipped")
                    }
                } else if method == .invite && state.inviteHadOffer == false && !state.offerOutstanding
                    && state.lastAnswer == nil
                {
                    report(
                        SignalingRules.delayedOfferWithoutOffer, location,
                        "the \(what) answers an INVITE without SDP but carries no offer")
                }
                if method == .invite && state.inviteHadOffer == false { state.inviteHadOffer = true }
            default:
                // A failure response rejects the outstanding offer (RFC 3261 §14.1).
                if code >= 300 { state.offerOutstanding = false }
            }
        }

        mutating func emitOfferOrAnswer(
            _ sdp: ParseResult<SessionDescription>, _ state: inout DialogState, _ callID: String?,
            _ location: SourceLocation, _ sighting: DialogState.Sighting
        ) {
            if state.offerOutstanding {
                state.answer(sighting)
                emit(.description(.init(type: .answer, sdp: sdp.source.string, parsed: sdp)), callID, location)
            } else {
                state.offer(sighting)
                emit(.description(.init(type: .offer, sdp: sdp.source.string, parsed: sdp)), callID, location)
            }
        }

        mutating func noteIgnoredBody(_ message: SIPMessage, _ location: SourceLocation) {
            guard !message.body.isEmpty else { return }
            report(
                SignalingRules.ignoredBody, location,
                "the \(name(of: message)) body of type \(message.contentType?.description ?? "(none)") carries no signaling message"
            )
        }

        /// The message as a call flow draws it, between the dialog's two parties: the transaction's
        /// originator is the party its From names (RFC 3261 §8.1.1.3, §12.1: a response copies
        /// the request's From), identified by the From tag (or the From URI without one); a
        /// request goes from that party, a response to it.
        func wire(_ message: SIPMessage, number: Int, line: Int, state: inout DialogState) -> WireMessage {
            let from = message.from
            let fromParty = from.map { Self.party($0.uri) } ?? "?"
            if state.caller.isEmpty {
                state.caller = fromParty
                state.callerAddress = fromParty
                state.callee = message.to.map { Self.party($0.uri) } ?? "?"
                if state.callee == state.caller {
                    state.caller += " (caller)"
                    state.callee += " (callee)"
                }
                state.callerTag = from?.tag
            }
            let fromCaller =
                if let tag = state.callerTag { from?.tag == tag } else { fromParty == state.callerAddress }
            let originator = fromCaller ? state.caller : state.callee
            let other = fromCaller ? state.callee : state.caller
            let label: String
            if let line = message.requestLine {
                label = line.method.rawValue
            } else {
                label = message.statusLine.map { "\($0.statusCode) \($0.reasonPhrase)" } ?? "?"
            }
            return WireMessage(
                label: label, session: message.callID, sender: message.isRequest ? originator : other,
                receiver: message.isRequest ? other : originator, number: number, line: line)
        }

        /// A party as a ladder names it: `user@host:port` of its address of record.
        static func party(_ uri: SIPURI) -> String {
            if let opaque = uri.opaque { return opaque }
            var text = uri.user.map { $0 + "@" } ?? ""
            text += uri.host
            if let port = uri.port { text += ":\(port)" }
            return text
        }

        func name(of message: SIPMessage) -> String {
            if let method = message.requestLine?.method { return method.rawValue }
            return "\(message.statusCode ?? 0) response to \(message.cseq?.method.rawValue ?? "?")"
        }

        /// A provisional response sent reliably: `Require: 100rel` or an RSeq header (RFC 3262 §7.1).
        func isReliable(_ message: SIPMessage) -> Bool {
            message.require.contains { $0.lowercased() == "100rel" } || message.headers[SIPHeaderName("RSeq")] != nil
        }
    }
}
