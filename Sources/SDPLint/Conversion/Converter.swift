public import SDPLintDiagnostics
import SDPLintICE
public import SDPLintInput
import SDPLintJingle
import SDPLintReporting
public import SDPLintSDP
public import SDPLintSignaling
import SDPLintWebRTC

/// What `sdplint convert` writes.
public enum ConversionTarget: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// `RTCSessionDescriptionInit` / `RTCIceCandidateInit` JSON, one message a line.
    case json
    /// sdplint's versioned envelope (Schemas/sdplint-signaling.schema.json), which carries every
    /// field of the model.
    case envelope
    /// SIP messages (RFC 3261): INVITE, 200 OK, ACK, INFO with trickled candidates, BYE.
    case sip
    /// WHIP/WHEP HTTP/1.1 messages (RFC 9725).
    case whip
    /// The session descriptions alone.
    case sdp
    /// An RFC 8840 SDP fragment of the trickled candidates.
    case sdpfrag
    /// XMPP Jingle stanzas (XEP-0166, XEP-0167, XEP-0176, XEP-0320, …).
    case jingle

    public var description: String { rawValue }
}

/// Moves signaling from one format to another through the Signaling model (and the Jingle
/// mapping for XMPP), saying what the target cannot carry: every dropped item is a warning,
/// never a silent loss.
public enum Converter {
    public struct Result: Sendable {
        /// The converted text; empty when the input could not be read.
        public var text: String
        /// One sentence for each part of the input the target does not carry.
        public var dropped: [DroppedItem]
        /// What reading the input found; conversion stops when one is an error.
        public var diagnostics: [Diagnostic]

        public var failed: Bool { diagnostics.contains { $0.severity == .error } }
    }

    /// Converts `source` (any input sdplint reads) to `target`.
    public static func convert(
        _ source: [UInt8], name: String = "", to target: ConversionTarget, strict: Bool = false
    ) -> Result {
        convert(InputReader.read(source, name: name, options: InputReader.Options(strict: strict)), to: target)
    }

    /// Converts the messages a document holds to `target`.
    ///
    /// - Parameters:
    ///   - document: The input, read.
    ///   - target: The format to write.
    ///   - type: What a bare description is (offer, answer), when the input does not say.
    public static func convert(_ document: InputDocument, to target: ConversionTarget, type: SDPType? = nil) -> Result {
        var diagnostics = document.diagnostics + document.embedded.flatMap(\.diagnostics)
        guard !diagnostics.containsErrors else { return Result(text: "", dropped: [], diagnostics: diagnostics) }
        var (messages, dropped) = Self.messages(of: document, type: type)
        guard !messages.isEmpty else {
            diagnostics.append(
                SignalingRules.noSignalingMessage.diagnostic(
                    at: SourceLocation(line: 1, column: 1, bytes: 0..<0),
                    "no signaling message to convert (the input reads as \(document.format))"))
            return Result(text: "", dropped: dropped, diagnostics: diagnostics)
        }
        let text: String
        switch target {
        case .jingle:
            let written = writeJingle(messages)
            text = written.text
            dropped += written.dropped
        default:
            let format: SignalingFormat =
                switch target {
                case .json: .json
                case .envelope: .envelope
                case .sip: .sip
                case .whip: .whip
                case .sdp: .sdp
                case .sdpfrag, .jingle: .sdpfrag
                }
            let written = Signaling.write(messages, as: format)
            text = written.text
            dropped += written.dropped
        }
        return Result(text: text, dropped: dropped, diagnostics: diagnostics)
    }

    /// The signaling messages a document holds, in order, and what has no message form: a bare
    /// description is one message, a fragment's or a candidate file's candidates one each, a
    /// trace's applied descriptions, candidates and hang-ups one each (as the messages they were
    /// read from, when the input was messages).
    public static func messages(
        of document: InputDocument, type: SDPType? = nil
    ) -> (messages: [SignalingMessage], dropped: [DroppedItem]) {
        var dropped = document.dropped
        switch document.content {
        case .description(let parsed):
            return (
                [
                    SignalingMessage(
                        .description(.init(type: type ?? .offer, sdp: parsed.source.string, parsed: parsed)))
                ],
                dropped
            )
        case .fragment(let parsed):
            return (Signaling.contents(of: parsed.value).map { SignalingMessage($0) }, dropped)
        case .candidates(let candidates):
            return (candidates.map { SignalingMessage(.candidate(.init(candidate: "candidate:\($0)"))) }, dropped)
        case .iceServers, .unreadable:
            return ([], dropped)
        case .traces(let traces):
            var messages: [SignalingMessage] = []
            var states = 0
            var failures = 0
            for trace in traces {
                for event in trace.events {
                    if let message = event.message {
                        messages.append(message)
                        continue
                    }
                    switch event.kind {
                    case .description(let type, let sdp, let applied):
                        guard applied, !event.operation.hasPrefix("create") else { continue }
                        messages.append(
                            SignalingMessage(
                                .description(.init(type: type, sdp: sdp.source.string, parsed: sdp)),
                                session: trace.name))
                    case .candidate(let line, let mid, let index):
                        messages.append(
                            SignalingMessage(
                                .candidate(
                                    .init(
                                        candidate: line, sdpMid: mid,
                                        sdpMLineIndex: index.flatMap(UInt16.init(exactly:)))),
                                session: trace.name))
                    case .endOfCandidates(let mid):
                        messages.append(SignalingMessage(.endOfCandidates(.init(sdpMid: mid)), session: trace.name))
                    case .failure:
                        failures += 1
                    case .wire:
                        break  // a SIP message without signaling (100 Trying, ACK): nothing to convert
                    case .state(let name, let value):
                        if name == "peerconnection" && value == "closed" {
                            messages.append(SignalingMessage(.hangUp(.init()), session: trace.name))
                        } else {
                            states += 1
                        }
                    }
                }
            }
            if states + failures > 0 {
                dropped.append(
                    DroppedItem(
                        item: .traceEvent,
                        reason: """
                            \(states) state change\(states == 1 ? "" : "s") and \(failures) \
                            failure\(failures == 1 ? "" : "s") the input recorded are not signaling messages
                            """))
            }
            return (messages, dropped)
        }
    }

    /// The session descriptions an input carries, in order, with where each sits, and what
    /// reading found.
    public static func descriptions(
        _ source: [UInt8], name: String = ""
    ) -> (descriptions: [(context: String?, text: String)], diagnostics: [Diagnostic]) {
        let document = InputReader.read(source, name: name)
        return (document.descriptions.map { ($0.context, $0.sdp.source.string) }, document.diagnostics)
    }

    // MARK: Writing Jingle

    /// Each description as a session-initiate (offer) or session-accept (answer), runs of
    /// candidates as a transport-info, a hang-up as a session-terminate.
    static func writeJingle(_ messages: [SignalingMessage]) -> (text: String, dropped: [DroppedItem]) {
        var stanzas: [String] = []
        var dropped: [DroppedItem] = []
        var sid = "sdplint"
        var mids: [String] = []
        var pending: [TrickleCandidate] = []
        var stanzaNumber = 0
        func emit(_ jingle: Jingle) {
            stanzaNumber += 1
            stanzas.append(Stanza.iq(IQ(type: "set", id: "sdplint-\(stanzaNumber)", jingle: jingle)).serialized())
        }
        func flush() {
            guard !pending.isEmpty else { return }
            let info = Jingle.transportInfo(sid: sid, candidates: pending)
            emit(info.jingle)
            dropped += info.dropped
            pending = []
        }
        for (index, message) in messages.enumerated() {
            switch message.content {
            case .description(let description):
                flush()
                guard let session = description.sessionDescription,
                    description.type == .offer || description.type == .answer
                else {
                    dropped.append(
                        DroppedItem(
                            messageIndex: index, item: .message, reason: "a \(description.type) has no Jingle form"))
                    continue
                }
                if description.type == .offer { sid = session.origin.sessionID }
                mids = session.media.map { $0.mid ?? "" }
                var options: JingleConversionOptions = description.type == .offer ? .offer : .answer
                options.sid = sid
                let converted = Jingle.converting(session, options: options)
                emit(converted.jingle)
                dropped += converted.dropped.map { $0.inMessage(index) }
            case .candidate(let trickled):
                let mid =
                    trickled.sdpMid
                    ?? trickled.sdpMLineIndex.flatMap { mids.indices.contains(Int($0)) ? mids[Int($0)] : nil }
                guard let mid, let candidate = Candidate.parse(trickled.candidate).value else {
                    dropped.append(
                        DroppedItem(
                            messageIndex: index, item: .message,
                            reason: "a candidate without a section Jingle can name (no sdpMid) or that does not parse"))
                    continue
                }
                pending.append(
                    TrickleCandidate(
                        mid: mid, candidate: candidate, ufrag: trickled.usernameFragment, pwd: trickled.password))
            case .endOfCandidates:
                dropped.append(
                    DroppedItem(
                        messageIndex: index, item: .message,
                        reason: "end-of-candidates has no Jingle form (XEP-0176 has no end-of-candidates signal)"))
            case .hangUp(let hangUp):
                flush()
                let reason = Jingle.Reason(.success, text: hangUp.reason)
                emit(Jingle(action: .sessionTerminate, sid: sid, reason: reason))
            }
        }
        flush()
        return (stanzas.map { $0 + "\n" }.joined(), dropped)
    }
}
