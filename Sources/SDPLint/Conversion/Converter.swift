public import SDPLintDiagnostics
import SDPLintICE
import SDPLintInput
import SDPLintJingle
import SDPLintReporting
import SDPLintSDP
import SDPLintSignaling
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
        public var dropped: [String]
        /// What reading the input found; conversion stops when one is an error.
        public var diagnostics: [Diagnostic]

        public var failed: Bool { diagnostics.contains { $0.severity == .error } }
    }

    /// Converts `source` (any signaling format sdplint reads: JSON, NDJSON, SIP, WHIP, SDP, an
    /// SDP fragment, a Jingle stanza) to `target`.
    public static func convert(
        _ source: [UInt8], name: String = "", to target: ConversionTarget, strict: Bool = false
    ) -> Result {
        var (messages, dropped, diagnostics) = read(source, name: name, strict: strict)
        guard !diagnostics.contains(where: { $0.severity == .error }) else {
            return Result(text: "", dropped: [], diagnostics: diagnostics)
        }
        guard !messages.isEmpty else {
            diagnostics.append(
                SignalingRules.noSignalingMessage.diagnostic(
                    at: SourceLocation(line: 1, column: 1, bytes: 0..<0),
                    "the input holds no message to convert"))
            return Result(text: "", dropped: [], diagnostics: diagnostics)
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
            dropped += written.dropped.map { "message \($0.messageIndex + 1): \($0.item): \($0.reason)" }
        }
        return Result(text: text, dropped: dropped, diagnostics: diagnostics)
    }

    /// The session descriptions an input carries, in order: the input itself when it is SDP,
    /// else each description of its signaling messages (JSON, SIP, WHIP, Jingle), with where it
    /// sits; and what reading found.
    public static func descriptions(
        _ source: [UInt8], name: String = ""
    ) -> (descriptions: [(context: String?, text: String)], diagnostics: [Diagnostic]) {
        guard InputKind.detect(source) != .sdp else { return ([(nil, String(decoding: source, as: UTF8.self))], []) }
        let (messages, _, diagnostics) = read(source, name: name, strict: false)
        var found: [(context: String?, text: String)] = []
        for (index, message) in messages.enumerated() {
            if case .description(let description) = message.content {
                found.append(("message \(index + 1) (\(description.type))", description.sdp))
            }
        }
        return (found, diagnostics)
    }

    // MARK: Reading

    static func read(
        _ source: [UInt8], name: String, strict: Bool
    ) -> (messages: [SignalingMessage], dropped: [String], diagnostics: [Diagnostic]) {
        guard InputKind.detect(source) == .xml else {
            let (messages, diagnostics) = Signaling.read(
                source, name: name, options: Signaling.ReadOptions(strict: strict))
            return (messages.map(\.value), [], diagnostics)
        }
        // Jingle stanzas, one after another as a log or `convert --to jingle` writes them.
        var messages: [SignalingMessage] = []
        var dropped: [String] = []
        var diagnostics: [Diagnostic] = []
        for stanza in stanzas(source) {
            let read = readStanza(Array(source[stanza.bytes]))
            messages += read.messages
            dropped += read.dropped
            diagnostics += read.diagnostics.map { diagnostic in
                var moved = diagnostic
                let location = diagnostic.location
                moved.location = SourceLocation(
                    line: location.line + stanza.line - 1, column: location.column,
                    bytes: (location.bytes.lowerBound + stanza.bytes.lowerBound)..<(location.bytes.upperBound
                        + stanza.bytes.lowerBound))
                return moved
            }
        }
        return (messages, dropped, diagnostics)
    }

    /// Where each stanza starts: at every line that opens an `<iq` or `<message` element.
    static func stanzas(_ source: [UInt8]) -> [(bytes: Range<Int>, line: Int)] {
        var starts: [(offset: Int, line: Int)] = []
        var line = 1
        var lineStart = 0
        for index in 0...source.count {
            guard index == source.count || source[index] == 0x0A else { continue }
            var first = lineStart
            while first < index, source[first] == 0x20 || source[first] == 0x09 { first += 1 }
            let text = source[first..<index]
            if starts.isEmpty || text.starts(with: Array("<iq".utf8)) || text.starts(with: Array("<message".utf8)) {
                if starts.isEmpty || starts.last?.offset != lineStart {
                    starts.append((starts.isEmpty ? 0 : lineStart, starts.isEmpty ? 1 : line))
                }
            }
            line += 1
            lineStart = index + 1
        }
        return starts.enumerated().map { position, start in
            let end = position + 1 < starts.count ? starts[position + 1].offset : source.count
            return (start.offset..<end, start.line)
        }
    }

    /// One stanza's description, candidates or hang-up as signaling messages.
    static func readStanza(
        _ source: [UInt8]
    ) -> (messages: [SignalingMessage], dropped: [String], diagnostics: [Diagnostic]) {
        let parsed = Stanza.parse(bytes: source)
        guard let jingle = parsed.stanza?.jingle else { return ([], [], parsed.diagnostics) }
        var messages: [SignalingMessage] = []
        var dropped: [String] = []
        switch jingle.action {
        case .sessionInitiate, .sessionAccept, .contentAdd, .contentAccept:
            let isOffer = jingle.action == .sessionInitiate || jingle.action == .contentAdd
            let converted = SessionDescription.converting(jingle, options: isOffer ? .offer : .answer)
            messages.append(
                SignalingMessage(
                    .description(.init(type: isOffer ? .offer : .answer, sessionDescription: converted.description)),
                    session: jingle.sid))
            dropped += converted.dropped.map { "\(jingle.action): \($0)" }
        case .transportInfo:
            for trickled in jingle.trickleCandidates {
                messages.append(
                    SignalingMessage(
                        .candidate(
                            .init(
                                candidate: "candidate:" + trickled.candidate.description, sdpMid: trickled.mid,
                                usernameFragment: trickled.ufrag)), session: jingle.sid))
            }
        case .sessionTerminate:
            messages.append(
                SignalingMessage(.hangUp(.init(reason: jingle.reason?.condition?.description)), session: jingle.sid))
        default:
            dropped.append(
                """
                \(jingle.action): has no signaling-message form (only session-initiate/accept, content-add/accept, \
                transport-info and session-terminate do)
                """
            )
        }
        return (messages, dropped, parsed.diagnostics)
    }

    // MARK: Writing Jingle

    /// Each description as a session-initiate (offer) or session-accept (answer), runs of
    /// candidates as a transport-info, a hang-up as a session-terminate.
    static func writeJingle(_ messages: [SignalingMessage]) -> (text: String, dropped: [String]) {
        var stanzas: [String] = []
        var dropped: [String] = []
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
            dropped += info.dropped.map { "transport-info: \($0)" }
            pending = []
        }
        for (index, message) in messages.enumerated() {
            let label = "message \(index + 1)"
            switch message.content {
            case .description(let description):
                flush()
                guard let session = description.sessionDescription,
                    description.type == .offer || description.type == .answer
                else {
                    dropped.append("\(label): a \(description.type) has no Jingle form")
                    continue
                }
                if description.type == .offer { sid = session.origin.sessionID }
                mids = session.media.map { $0.mid ?? "" }
                var options: JingleConversionOptions = description.type == .offer ? .offer : .answer
                options.sid = sid
                let converted = Jingle.converting(session, options: options)
                emit(converted.jingle)
                dropped += converted.dropped.map { "\(label): \($0)" }
            case .candidate(let trickled):
                let mid =
                    trickled.sdpMid
                    ?? trickled.sdpMLineIndex.flatMap { mids.indices.contains(Int($0)) ? mids[Int($0)] : nil }
                guard let mid, let candidate = Candidate.parse(trickled.candidate).candidate else {
                    dropped.append(
                        "\(label): a candidate without a section Jingle can name (no sdpMid) or that does not parse")
                    continue
                }
                pending.append(TrickleCandidate(mid: mid, candidate: candidate, ufrag: trickled.usernameFragment))
            case .endOfCandidates:
                dropped.append(
                    "\(label): end-of-candidates has no Jingle form (XEP-0176 has no end-of-candidates signal)")
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
