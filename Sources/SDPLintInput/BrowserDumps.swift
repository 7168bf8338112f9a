package import SDPLintDiagnostics
package import SDPLintJSON
import SDPLintSDP

/// A chrome://webrtc-internals dump ("Download the webrtc-internals dump"): one JSON object
/// whose `PeerConnections` member holds, per connection, its `rtcConfiguration` and the
/// `updateLog` of API calls and events.
///
/// Current Chromium writes each event's `value` as JSON text (`{"type":"offer","sdp":"…"}`);
/// older versions wrote `type: offer, sdp: …`. Both are read.
public enum WebRTCInternalsDump {
    /// Whether the JSON is such a dump.
    static func matches(_ value: JSONValue) -> Bool { value["PeerConnections"]?.objectValue != nil }

    /// Reads the dump's peer connections. A dump cut short is read up to its last complete event.
    public static func read(_ bytes: [UInt8], strict: Bool = false) -> InputDocument {
        read(JSONReading(bytes), bytes: bytes, strict: strict)
    }

    /// Reads a dump whose JSON is parsed already.
    package static func read(_ reading: JSONReading, bytes: [UInt8], strict: Bool) -> InputDocument {
        var reading = reading
        guard let root = reading.document?.root else {
            return InputDocument(format: format, traces: [], diagnostics: reading.diagnostics, source: bytes)
        }
        var traces: [SignalingTrace] = []
        guard let connections = root["PeerConnections"], connections.value.objectValue != nil else {
            reading.report(
                TraceRules.unrecognizedInput, at: root.location,
                "the JSON has no PeerConnections member; it is not a webrtc-internals dump")
            return InputDocument(format: format, traces: [], diagnostics: reading.diagnostics, source: bytes)
        }
        if connections.members.isEmpty {
            reading.report(
                TraceRules.noPeerConnections, at: connections.keyLocation ?? connections.location,
                "the dump holds no peer connection: PeerConnections is empty")
        }
        for connection in connections.members {
            let id = connection.key ?? "?"
            var events = ChromiumEvents(strict: strict)
            for entry in connection["updateLog"]?.elements ?? [] {
                guard let type = entry["type"]?.value.stringValue else {
                    reading.report(TraceRules.unreadableEvent, at: entry.location, "\(context(entry)) has no type")
                    continue
                }
                let value: ChromiumEvents.Value = entry["value"]?.value.stringValue.map { .text($0) } ?? .none
                events.add(
                    type: type, value: value, time: entry["timestamp"]?.value.numberValue?.double,
                    context: context(entry))
            }
            for problem in events.unreadable {
                reading.report(
                    TraceRules.unreadableEvent, at: connection.location, "\(problem.context): \(problem.reason)")
            }
            let configuration = connection["rtcConfiguration"]
            traces.append(
                SignalingTrace(
                    name: "PeerConnections[\(JSONWriter.quoted(id))]", origin: connection["url"]?.value.stringValue,
                    configuration: configuration?.value.stringValue, configurationContext: configuration.map(context),
                    events: events.events))
        }
        return InputDocument(format: format, traces: traces, diagnostics: reading.diagnostics, source: bytes)
    }

    static let format = "chrome://webrtc-internals dump"
}

/// An rtcstats dump ("Download the rtcstats dump", always gzip-compressed): the line
/// `RTCStatsDump`, a JSON line with the `fileFormat`, then one JSON array per event,
/// `[event, connectionID, value, …, timeDelta]`, the first with an absolute time in
/// milliseconds and the others with the time since the one before.
public enum RTCStatsDump {
    /// Whether the text starts like such a dump.
    public static func matches(_ bytes: [UInt8]) -> Bool { bytes.starts(with: Array("RTCStatsDump".utf8)) }

    /// Reads the dump's peer connections, line by line; a line that cannot be read is reported
    /// and skipped, a last line cut short too.
    public static func read(_ bytes: [UInt8], strict: Bool = false) -> InputDocument {
        var stream = RTCStatsStream(name: "", strict: strict)
        stream.read(bytes)
        var document = stream.finish()
        document.source = SourceText(bytes)
        return document
    }
}

/// An rtcstats dump read a block of whole lines at a time, as rtcstats servers write them to
/// object storage: each block's events are handed over as a document of their own, with the
/// dump's line numbers, whose connections a session's checks follow from block to block. An
/// event stays back only while a set…Description call before it waits for its outcome, which
/// may yet mark the description not applied.
public struct RTCStatsStream: LineStream, Sendable {
    let name: String
    let strict: Bool
    /// The connections, in the order they appeared, and what is known of each.
    private var order: [String] = []
    private var connections: [String: Connection] = [:]
    private var diagnostics: [Diagnostic] = []
    private var time: Double?
    private var line = 1
    private var offset = 0
    /// Whether any connection was handed over.
    private var delivered = false

    private struct Connection: Sendable {
        var events: ChromiumEvents
        var configuration: String?
        var context: String?
        var url: String?
        /// Whether a trace of it was handed over, with its configuration.
        var announced = false
    }

    public init(name: String, strict: Bool) {
        self.name = name
        self.strict = strict
    }

    /// Reads the next block of whole lines (the last one may end without a line feed).
    mutating func read(_ block: [UInt8]) {
        var start = 0
        while start < block.count {
            var end = start
            while end < block.count && block[end] != 0x0A { end += 1 }
            let number = line
            line += 1
            defer { start = end + 1 }
            guard number > 2 else { continue }  // RTCStatsDump, {"fileFormat":…}
            let text = Array(block[start..<end])
            let location = SourceLocation(line: number, column: 1, bytes: (offset + start)..<(offset + end))
            guard !text.allSatisfy({ $0 == 0x20 || $0 == 0x0D }) else { continue }
            // An event is a short array: its elements, made once.
            guard let array = JSONValue.parse(bytes: text).value?.arrayValue.map(Array.init), array.count >= 2,
                let event = array[0].stringValue
            else {
                let cut = end == block.count
                let rule = cut ? TraceRules.truncatedCapture : TraceRules.unreadableEvent
                diagnostics.append(
                    rule.diagnostic(
                        at: location,
                        cut
                            ? "the dump ends in the middle of line \(number); the events before it are checked"
                            : "line \(number) is not an event array [event, connection, value, …, time]"))
                continue
            }
            if let delta = array.last?.numberValue?.double {
                time = time.map { $0 + delta } ?? delta
            }
            guard let id = array[1].stringValue else { continue }  // browser-wide events (create with null)
            if connections[id] == nil {
                order.append(id)
                connections[id] = Connection(events: ChromiumEvents(strict: strict))
            }
            let context = "event at line \(number) (\(id))"
            switch event {
            case "create":
                connections[id]?.configuration = array.count > 2 ? array[2].serialized() : nil
                connections[id]?.context = context
                connections[id]?.url = array.count > 3 ? array[3].stringValue : nil
            case "getStats", "getstats", "getUserMedia", "navigator.mediaDevices.getUserMedia":
                break
            default:
                let value: ChromiumEvents.Value = array.count > 3 ? .json(array[2]) : .none
                connections[id]?.events.add(type: event, value: value, time: time, context: context)
            }
        }
        offset += block.count
    }

    /// The document of the next block of whole lines: the events read so far that are settled.
    public mutating func next(_ block: [UInt8]) -> InputDocument {
        let first = line
        read(block)
        var document = take(all: false)
        document.source = SourceText(block)
        document.firstLine = first
        return document
    }

    /// The end of the dump: every event still held, and a dump that recorded no peer
    /// connection says so.
    public mutating func finish() -> InputDocument {
        var document = take(all: true)
        if !delivered {
            document.diagnostics.append(
                TraceRules.noPeerConnections.diagnostic(
                    at: SourceLocation(line: 1, column: 1, bytes: 0..<min(offset, 12)),
                    "the rtcstats dump records no peer connection"))
        }
        return document
    }

    /// The connections' events taken so far (`all`, or the settled ones) and the findings.
    private mutating func take(all: Bool) -> InputDocument {
        var traces: [SignalingTrace] = []
        var found = diagnostics
        diagnostics = []
        for id in order {
            guard var connection = connections[id] else { continue }
            let events = all ? connection.events.takeAll() : connection.events.takeSettled()
            for problem in connection.events.takeUnreadable() {
                let number = Int(problem.context.dropFirst("event at line ".count).prefix { $0.isNumber }) ?? 1
                found.append(
                    TraceRules.unreadableEvent.diagnostic(
                        at: SourceLocation(line: number, column: 1, bytes: 0..<0),
                        "\(problem.context): \(problem.reason)"))
            }
            // The browser-wide connection of older dumps ("…-0") counts only with events.
            let announces = !connection.announced && !id.hasSuffix("-0")
            if !events.isEmpty || announces {
                traces.append(
                    SignalingTrace(
                        name: "connection \(id)", origin: connection.url,
                        configuration: connection.announced ? nil : connection.configuration,
                        configurationContext: connection.announced ? nil : connection.context, events: events))
                connection.announced = true
                delivered = true
            }
            connections[id] = connection
        }
        var document = InputDocument(format: "rtcstats dump", traces: traces, diagnostics: found)
        document.name = name
        document.kind = .rtcstats
        return document
    }
}

/// Firefox's about:webrtc "Copy Report History" (`{reports, sdpHistories}`) or "Copy Report"
/// (one connection's report) JSON.
///
/// Firefox records each description with `isLocal` but not its type; the type follows from
/// the order (RFC 3264 §4): in a stable state a description is an offer, and the next one from
/// the other side answers it.
public enum FirefoxWebRTCHistory {
    static func matches(_ value: JSONValue) -> Bool {
        value["sdpHistories"]?.arrayValue != nil || (value["pcid"] != nil && value["sdpHistory"]?.arrayValue != nil)
    }

    public static func read(_ bytes: [UInt8], strict: Bool = false) -> InputDocument {
        read(JSONReading(bytes), bytes: bytes, strict: strict)
    }

    /// Reads a report whose JSON is parsed already.
    package static func read(_ reading: JSONReading, bytes: [UInt8], strict: Bool) -> InputDocument {
        var reading = reading
        guard let root = reading.document?.root else {
            return InputDocument(format: format, traces: [], diagnostics: reading.diagnostics, source: bytes)
        }
        var reports: [String: JSONNode] = [:]
        for report in root["reports"]?.elements ?? [] {
            if let id = report["pcid"]?.value.stringValue { reports[id] = report }
        }
        var histories: [(id: String, entries: [JSONNode], report: JSONNode?)] = []
        if let list = root["sdpHistories"] {
            for history in list.elements {
                let id = history["pcid"]?.value.stringValue ?? "?"
                histories.append((id, history["sdpHistory"]?.elements ?? [], reports[id]))
            }
        } else if let id = root["pcid"]?.value.stringValue {
            histories.append((id, root["sdpHistory"]?.elements ?? [], root))
        }
        if histories.isEmpty || histories.allSatisfy({ $0.entries.isEmpty }) {
            reading.report(
                TraceRules.noPeerConnections, at: root.location,
                "the report holds no SDP history (Firefox fills it in \"Copy Report History\", not in \"Copy Report\")")
        }
        var traces: [SignalingTrace] = []
        for history in histories {
            var events: [SignalingTrace.Event] = []
            var pendingOfferSide: SignalingTrace.Event.Side?
            for entry in history.entries {
                guard let sdp = entry["sdp"]?.value.stringValue, let isLocal = entry["isLocal"]?.value.boolValue else {
                    reading.report(
                        TraceRules.unreadableEvent, at: entry.location, "\(context(entry)) has no sdp or isLocal")
                    continue
                }
                let side: SignalingTrace.Event.Side = isLocal ? .local : .remote
                let errors = entry["errors"]?.elements ?? []
                var type: SDPType
                if let stated = entry["type"]?.value.stringValue.flatMap({ SDPType(rawValue: $0) }) {
                    type = stated
                } else if let offerSide = pendingOfferSide, offerSide != side {
                    type = .answer
                } else {
                    type = .offer
                }
                let applied = errors.isEmpty
                let time = entry["timestamp"]?.value.numberValue?.double
                events.append(
                    .init(
                        kind: .description(
                            type: type, sdp: SessionDescription.parse(sdp, options: strict ? .strict : .lenient),
                            applied: applied), side: side,
                        operation: isLocal ? "setLocalDescription" : "setRemoteDescription", time: time,
                        context: context(entry)))
                for error in errors {
                    let message =
                        error["error"]?.value.stringValue ?? error.value.stringValue ?? error.value.serialized()
                    events.append(
                        .init(
                            kind: .failure(message: message), side: side,
                            operation: isLocal ? "setLocalDescriptionOnFailure" : "setRemoteDescriptionOnFailure",
                            time: time, context: context(error)))
                }
                if applied { pendingOfferSide = type == .offer ? side : nil }
            }
            let configuration = history.report?["configuration"]
            traces.append(
                SignalingTrace(
                    name: "pcid \(history.id)", origin: nil, configuration: configuration.map { $0.value.serialized() },
                    configurationContext: configuration.map(context), events: events))
        }
        return InputDocument(format: format, traces: traces, diagnostics: reading.diagnostics, source: bytes)
    }

    static let format = "Firefox about:webrtc report"
}

/// The JSON of a dump with locations, read even when the file was cut short.
package struct JSONReading {
    package private(set) var document: JSONDocument?
    package private(set) var diagnostics: [Diagnostic] = []
    /// Whether the text was cut short and only what came before the cut was read.
    package private(set) var truncated = false

    package init(_ bytes: [UInt8]) {
        let first = JSONDocument.parse(bytes: bytes)
        document = first.value
        guard document == nil else { return }
        // A dump cut short: read what was complete before the cut.
        if let repaired = JSONTruncation.closing(bytes), let salvaged = JSONDocument.parse(bytes: repaired.text).value {
            document = salvaged
            truncated = true
            let end = salvaged.location(of: repaired.keptBytes..<repaired.keptBytes)
            diagnostics.append(
                TraceRules.truncatedCapture.diagnostic(
                    at: end,
                    """
                    the file ends in the middle of its JSON (byte \(bytes.count)); everything before byte \
                    \(repaired.keptBytes) is checked
                    """
                ))
        } else {
            diagnostics += first.diagnostics
        }
    }

    package mutating func report(_ rule: Rule, at location: SourceLocation?, _ message: String) {
        diagnostics.append(rule.diagnostic(at: location ?? SourceLocation(line: 1, column: 1, bytes: 0..<0), message))
    }
}

/// `PeerConnections["8-1"].updateLog[7]`: a node's JSON path without the leading `$.`.
func context(_ node: JSONNode) -> String {
    let path = node.path.description
    return path.hasPrefix("$.") ? String(path.dropFirst(2)) : path
}
