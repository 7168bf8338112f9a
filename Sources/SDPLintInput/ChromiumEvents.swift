import SDPLintDiagnostics
import SDPLintJSON
import SDPLintSDP

/// Turns the events Chromium records for one peer connection — in a webrtc-internals dump or
/// an rtcstats dump, which name them alike — into a trace's events.
///
/// Chromium's peer connection tracker logs each API call, its outcome (`…OnSuccess`,
/// `…OnFailure`, `addIceCandidateFailed`) and each event handler (`onicecandidate`,
/// `on…statechange`); the descriptions and candidates ride in the values.
struct ChromiumEvents: Sendable {
    /// An event's value as the dump holds it: JSON text in a string (webrtc-internals), a JSON
    /// value (rtcstats), or nothing.
    enum Value {
        case text(String)
        case json(JSONValue)
        case none

        /// The JSON the value holds: parsed from text, or as it is.
        var json: JSONValue? {
            switch self {
            case .json(let value): return value
            case .text(let text):
                guard text.first == "{" || text.first == "[" || text.first == "\"" else { return nil }
                return JSONValue.parse(text).value
            case .none: return nil
            }
        }

        var string: String? {
            switch self {
            case .text(let text): return text
            case .json(let value): return value.stringValue ?? (value.isNull ? nil : value.serialized())
            case .none: return nil
            }
        }
    }

    /// Whether descriptions are parsed strictly.
    let strict: Bool
    private(set) var events: [SignalingTrace.Event] = []
    /// Events that could not be read: their context and why.
    private(set) var unreadable: [(context: String, reason: String)] = []
    /// The set…Description calls waiting for their outcome, by operation.
    private var pending: [String: Int] = [:]
    /// The last description each create… call produced, for an implicit setLocalDescription().
    private var lastCreated: (type: SDPType, sdp: ParseResult<SessionDescription>)?

    init(strict: Bool) { self.strict = strict }

    /// Hands over the events that are settled: those before the first set…Description call
    /// still waiting for its outcome, which may yet mark its description not applied.
    mutating func takeSettled() -> [SignalingTrace.Event] {
        let end = pending.values.min() ?? events.count
        let settled = Array(events[..<end])
        events.removeSubrange(..<end)
        pending = pending.mapValues { $0 - end }
        return settled
    }

    /// Hands over every event: the connection's record is over.
    mutating func takeAll() -> [SignalingTrace.Event] {
        pending = [:]
        defer { events = [] }
        return events
    }

    /// Hands over the events that could not be read so far.
    mutating func takeUnreadable() -> [(context: String, reason: String)] {
        defer { unreadable = [] }
        return unreadable
    }

    /// A description's text, parsed once, here.
    private func parse(_ text: String) -> ParseResult<SessionDescription> {
        SessionDescription.parse(text, options: strict ? .strict : .lenient)
    }

    mutating func add(type: String, value: Value, time: Double?, context: String) {
        switch type {
        case "createOfferOnSuccess", "createAnswerOnSuccess":
            guard let (kind, text) = Self.description(value) else {
                unreadable.append((context, "\(type) holds no session description"))
                return
            }
            let sdp = parse(text)
            lastCreated = (kind, sdp)
            events.append(
                .init(
                    kind: .description(type: kind, sdp: sdp, applied: false), side: .local,
                    operation: type, time: time, context: context))
        case "setLocalDescription", "setRemoteDescription":
            var description = Self.description(value).map { (type: $0.0, sdp: parse($0.1)) }
            if description == nil, type == "setLocalDescription", let lastCreated, Self.isEmpty(value) {
                description = lastCreated  // setLocalDescription() with no argument applies the last one created
            }
            guard let (kind, sdp) = description else {
                unreadable.append((context, "\(type) holds no session description"))
                return
            }
            pending[type] = events.count
            events.append(
                .init(
                    kind: .description(type: kind, sdp: sdp, applied: true),
                    side: type == "setLocalDescription" ? .local : .remote,
                    operation: type, time: time, context: context))
        case "setLocalDescriptionOnSuccess", "setRemoteDescriptionOnSuccess":
            pending[String(type.dropLast("OnSuccess".count))] = nil
        case "setLocalDescriptionOnFailure", "setRemoteDescriptionOnFailure":
            let operation = String(type.dropLast("OnFailure".count))
            if let index = pending.removeValue(forKey: operation),
                case .description(let kind, let sdp, _) = events[index].kind
            {
                events[index].kind = .description(type: kind, sdp: sdp, applied: false)
            }
            events.append(
                .init(
                    kind: .failure(message: value.string ?? "(no message)"),
                    side: operation == "setLocalDescription" ? .local : .remote,
                    operation: type, time: time, context: context))
        case "onicecandidate", "addIceCandidate":
            let side: SignalingTrace.Event.Side = type == "onicecandidate" ? .local : .remote
            guard let candidate = Self.candidate(value) else {
                if Self.isEmpty(value) {
                    events.append(
                        .init(
                            kind: .endOfCandidates(mid: nil), side: side, operation: type, time: time, context: context)
                    )
                } else {
                    unreadable.append((context, "\(type) holds no candidate"))
                }
                return
            }
            let kind: SignalingTrace.Event.Kind =
                candidate.line.isEmpty
                ? .endOfCandidates(mid: candidate.mid)
                : .candidate(line: candidate.line, mid: candidate.mid, mLineIndex: candidate.index)
            events.append(.init(kind: kind, side: side, operation: type, time: time, context: context))
        case "close":
            events.append(
                .init(
                    kind: .state(name: "peerconnection", value: "closed"), side: .local,
                    operation: type, time: time, context: context))
        default:
            if type.hasSuffix("OnFailure") || type.hasSuffix("Failed") || type == "icecandidateerror"
                || type == "onicecandidateerror"
            {
                var message = value.string ?? "(no message)"
                if let candidate = Self.candidate(value), !candidate.line.isEmpty { message = candidate.line }
                events.append(
                    .init(kind: .failure(message: message), side: nil, operation: type, time: time, context: context))
            } else if type.hasPrefix("on"), type.hasSuffix("statechange") {
                let name = String(type.dropFirst(2).dropLast("change".count))
                let state = value.json?.stringValue ?? value.string ?? ""
                events.append(
                    .init(
                        kind: .state(name: name, value: Self.unquoted(state)), side: nil,
                        operation: type, time: time, context: context))
            }
        }
    }

    // MARK: Values

    /// `{"type":"offer","sdp":"v=0…"}`, or the older `type: offer, sdp: v=0…`.
    static func description(_ value: Value) -> (SDPType, String)? {
        if let json = value.json, let object = json.objectValue {
            guard let type = object["type"]?.stringValue.flatMap({ SDPType(rawValue: $0) }) else { return nil }
            return (type, object["sdp"]?.stringValue ?? "")
        }
        guard let text = value.string, text.hasPrefix("type: ") else { return nil }
        let rest = text.dropFirst("type: ".count)
        guard let comma = rest.firstRange(of: ", sdp: "),
            let type = SDPType(rawValue: String(rest[..<comma.lowerBound]))
        else { return nil }
        return (type, String(rest[comma.upperBound...]))
    }

    /// `{"sdpMid":"0","sdpMLineIndex":0,"candidate":"candidate:…"}`, or the older
    /// `sdpMid: 0, sdpMLineIndex: 0, candidate: candidate:…`.
    static func candidate(_ value: Value) -> (line: String, mid: String?, index: Int?)? {
        if let json = value.json, let object = json.objectValue {
            guard let line = object["candidate"]?.stringValue else { return nil }
            return (line, object["sdpMid"]?.stringValue, object["sdpMLineIndex"]?.numberValue?.int)
        }
        guard let text = value.string, text.hasPrefix("sdpMid: ") else { return nil }
        var fields: [String: String] = [:]
        var rest = Substring(text)
        for key in ["sdpMid", "sdpMLineIndex", "candidate"] {
            guard rest.hasPrefix(key + ": ") else { return nil }
            rest = rest.dropFirst(key.count + 2)
            if key == "candidate" {
                fields[key] = String(rest)
            } else {
                let end = rest.firstRange(of: ", ")?.lowerBound ?? rest.endIndex
                fields[key] = String(rest[..<end])
                rest = rest[end...].dropFirst(2)
            }
        }
        return (fields["candidate"] ?? "", fields["sdpMid"], fields["sdpMLineIndex"].flatMap { Int($0) })
    }

    static func isEmpty(_ value: Value) -> Bool {
        switch value {
        case .none: true
        case .text(let text): text.isEmpty || text == "null"
        case .json(let json): json.isNull || json.stringValue == ""
        }
    }

    static func unquoted(_ text: String) -> String {
        text.count >= 2 && text.hasPrefix("\"") && text.hasSuffix("\"") ? String(text.dropFirst().dropLast()) : text
    }
}
