package import SDPLintDiagnostics
import SDPLintICE
import SDPLintJSON
public import SDPLintSignaling

/// Signaling messages as an application exchanged them — JSON envelopes or an NDJSON stream,
/// a SIP trace, a WHIP/WHEP HTTP exchange — read by the Signaling module and laid out as
/// traces, one per session (SIP Call-ID, WHIP session; one for JSON without session ids).
public enum SignalingMessages {
    /// Reads the messages of `source` in `format`. The readers check each description's and
    /// candidate's text as they go, with findings located in `source`.
    public static func read(_ source: [UInt8], format: SignalingFormat, strict: Bool = false) -> InputDocument {
        let read = Signaling.readWithWires(source, format: format, options: Signaling.ReadOptions(strict: strict))
        return document(read.messages, diagnostics: read.diagnostics, source: source, format: format, wires: read.wires)
    }

    /// Messages read already, laid out as one trace per session. With `wires` (every SIP
    /// message of a SIP input, in input order) each SIP message is an event, carrying the
    /// signaling messages read from it or, when it carries none, an event of its own; `times`
    /// gives the wires' times when the input records them.
    package static func document(
        _ messages: [Located<SignalingMessage>], diagnostics: [Diagnostic], source: [UInt8],
        format: SignalingFormat, description: String? = nil, firstNumber: Int = 0, contexts: [String]? = nil,
        wires: [Located<WireMessage>] = [], times: [Double?] = []
    ) -> InputDocument {
        var order: [String] = []
        var events: [String: [SignalingTrace.Event]] = [:]
        func add(_ event: SignalingTrace.Event, to session: String) {
            if events[session] == nil { order.append(session) }
            events[session, default: []].append(event)
        }
        var numbered = Array(messages.enumerated())
        if !wires.isEmpty {
            // A signaling message sits where the SIP message it was read from starts.
            var carried: [Int: [(offset: Int, element: Located<SignalingMessage>)]] = [:]
            for item in numbered { carried[item.element.location.bytes.lowerBound, default: []].append(item) }
            for (position, wire) in wires.enumerated() {
                let start = wire.location.bytes.lowerBound
                let time = times.indices.contains(position) ? times[position] : nil
                guard let items = carried.removeValue(forKey: start) else {
                    let at = "\(wire.location.line):\(wire.location.column)"
                    add(
                        SignalingTrace.Event(
                            kind: .wire, side: nil, operation: wire.value.label, time: time,
                            context: "message at \(at)", wire: wire.value),
                        to: wire.value.session ?? "")
                    continue
                }
                for (number, located) in items {
                    var (session, event) = Self.event(located, number: firstNumber + number, format: format)
                    event.wire = wire.value
                    event.operation = wire.value.label
                    event.time = time
                    add(event, to: session)
                }
            }
            // Messages no wire accounts for keep their place after the others.
            numbered = carried.values.flatMap { $0 }.sorted { $0.offset < $1.offset }
        }
        for (number, located) in numbered {
            var (session, event) = Self.event(located, number: firstNumber + number, format: format)
            if let contexts, contexts.indices.contains(number) { event.context = contexts[number] }
            add(event, to: session)
        }
        let traces = order.map { SignalingTrace(name: traceName($0, format: format), events: events[$0] ?? []) }
        return InputDocument(
            format: description ?? self.description(format), traces: traces, diagnostics: diagnostics, source: source,
            textsChecked: true)
    }

    /// A message as an event of its session's trace.
    package static func event(
        _ located: Located<SignalingMessage>, number: Int, format: SignalingFormat
    ) -> (session: String, event: SignalingTrace.Event) {
        let kind = SignalingTrace.Event.Kind(located.value.content)
        let at = "\(located.location.line):\(located.location.column)"
        // A JSON message is one value of the input, and its number counts them. A SIP or HTTP
        // message that carries no signaling (100 Trying, an ACK) makes none, and a trickle INFO
        // makes one per candidate: there the message is named by what it carries and its line.
        var context: String
        switch (format, kind) {
        case (.sip, .description(let type, _, _)), (.whip, .description(let type, _, _)):
            context = "\(type) at \(at)"
        case (.sip, .candidate), (.whip, .candidate): context = "candidate at \(at)"
        case (.sip, _), (.whip, _): context = "message at \(at)"
        default: context = "message \(number + 1) at \(at)"
        }
        if case .description = kind { context += ", SDP" }  // lines count in the description, not the file
        var event = SignalingTrace.Event(
            kind: kind, side: nil, operation: format.rawValue, time: nil, context: context, message: located.value)
        event.line = located.location.line
        return (located.value.session ?? "", event)
    }

    /// How reports name a session: a SIP dialog by its Call-ID, as in a packet capture.
    static func traceName(_ session: String, format: SignalingFormat) -> String {
        switch (format, session.isEmpty) {
        case (.sip, true): "SIP without Call-ID"
        case (.sip, false): "Call-ID \(session)"
        case (_, true): "messages"
        case (_, false): "session \(session)"
        }
    }

    /// Whether `head` (the start of an input) is an NDJSON stream of signaling messages: its
    /// first line a whole JSON value, more lines after it.
    public static func isStream(_ head: [UInt8]) -> Bool {
        InputKind.detect(head) == .json && SignalingJSON.isNDJSON(head)
    }

    static func description(_ format: SignalingFormat) -> String {
        switch format {
        case .json, .envelope: "JSON signaling messages"
        case .sip: "SIP messages"
        case .whip: "WHIP/WHEP HTTP messages"
        case .sdp: "session descriptions"
        case .sdpfrag: "SDP fragment"
        }
    }
}

extension SignalingTrace.Event {
    /// Whether the event ends its session: a hang-up. Nothing of the session follows it; a
    /// message with the same session id after it starts a new one.
    public var endsSession: Bool {
        if case .hangUp = message?.content { return true }
        return false
    }
}

extension SignalingTrace.Event.Kind {
    /// What a signaling message is, as an event of a trace; a hang-up is the session's state.
    init(_ content: SignalingMessage.Content) {
        switch content {
        case .description(let description):
            // The reader parsed the text once; a rollback carries none.
            self = .description(type: description.type, sdp: description.parsed ?? .empty, applied: true)
        case .candidate(let candidate):
            self = .candidate(
                line: candidate.candidate, mid: candidate.sdpMid, mLineIndex: candidate.sdpMLineIndex.map(Int.init))
        case .endOfCandidates(let end):
            self = .endOfCandidates(mid: end.sdpMid)
        case .hangUp(let hangUp):
            self = .state(name: "session", value: "hang-up" + (hangUp.reason.map { " (\($0))" } ?? ""))
        }
    }
}
