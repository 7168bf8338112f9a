public import SDPLintDiagnostics
import SDPLintICE
public import SDPLintInput
public import SDPLintJSON
import SDPLintOfferAnswer
import SDPLintSDP
public import SDPLintSignaling

/// A connection's signaling at a glance: one row per description applied, candidate, failure
/// and state change, with the m-sections each description leaves, the codec each section sends
/// with, and what changed (ICE restarts, DTLS roles, sections added or stopped).
///
/// `sdplint timeline` prints it as a table or as JSON (`Schemas/sdplint-timeline.schema.json`).
public struct Timeline: Sendable {
    public var name: String
    public var origin: String?
    public var rows: [Row]

    /// One event of the connection.
    public struct Row: Sendable {
        /// Milliseconds since the Unix epoch, when the capture says.
        public var time: Double?
        public var side: SignalingTrace.Event.Side?
        /// `offer`, `answer`, `pranswer`, `rollback`, `candidate`, `end-of-candidates`,
        /// `failure`, `state`, or `message` for a SIP message that carries none of these.
        public var kind: String
        /// What the capture calls it: `setRemoteDescription`, `onicecandidate`.
        public var operation: String
        /// A line of words for the row: a candidate's type and address, a state, an error.
        public var detail: String
        /// The sections as the description leaves them (for descriptions).
        public var sections: [SectionState]
        /// What the exchange changed (for answers): sections added or stopped, ICE restarts, …
        public var changes: [String]
        /// Where in the capture the event is.
        public var context: String
        /// The SIP message that carried the event: an arrow of the call flow.
        public var wire: WireMessage?
    }

    /// One m-section after a description.
    public struct SectionState: Sendable {
        public var index: Int
        public var mid: String?
        public var media: String
        /// The direction the offer states, or, after an answer, what the offerer ends up doing.
        public var direction: String
        /// The codec sent first, after an answer.
        public var codec: String?
        /// Port 0: stopped in an offer, rejected in an answer.
        public var rejected: Bool
    }

    /// The timeline of one connection.
    public init(_ trace: SignalingTrace) {
        name = trace.name
        origin = trace.origin
        let exchanges = trace.exchanges
        let sequence = exchanges.sequence.map {
            SDPSource(name: trace.events[$0].context, parsed: trace.events[$0].description ?? .empty)
        }
        let report = sequence.count >= 2 ? Negotiation.analyze(sequence: sequence) : nil
        // The step each answer event closes.
        var steps: [Int: RenegotiationStep] = [:]
        for step in report?.steps ?? [] {
            if let answer = step.answerDocument, answer < exchanges.sequence.count {
                steps[exchanges.sequence[answer]] = step
            }
        }
        var built: [Row] = []
        for (index, event) in trace.events.enumerated() {
            func add(_ row: Row) {
                var row = row
                row.wire = event.wire
                built.append(row)
            }
            switch event.kind {
            case .description(let type, let sdp, let applied):
                guard !event.operation.hasPrefix("create") else { continue }
                var row = Row(
                    time: event.time, side: event.side, kind: type.rawValue, operation: event.operation,
                    detail: applied ? "" : "not applied", sections: [], changes: [], context: event.context)
                if let step = steps[index], let negotiation = step.negotiation {
                    row.sections = negotiation.sections.map { section in
                        SectionState(
                            index: section.index, mid: section.mid, media: section.media.description,
                            direction: section.offererDirection.rawValue,
                            codec: section.selectedCodec.map(Self.label) ?? (section.dataChannel != nil ? "sctp" : nil),
                            rejected: section.rejected)
                    }
                    row.changes = step.changes.filter { $0.kind != .sectionAdded || step.number > 1 }.map(\.detail)
                    if let transport = negotiation.sections.first(where: { !$0.rejected })?.features {
                        var parts: [String] = []
                        if let offer = transport.ice.offerUfrag, let answer = transport.ice.answerUfrag {
                            parts.append("ICE \(offer)↔\(answer)")
                        }
                        if let role = transport.dtls?.offererRole { parts.append("DTLS offerer \(role.rawValue)") }
                        row.detail = ([row.detail] + parts).filter { !$0.isEmpty }.joined(separator: ", ")
                    }
                } else {
                    let session = sdp.value
                    row.sections = session.media.enumerated().map { position, section in
                        SectionState(
                            index: position, mid: section.mid, media: section.media.description,
                            direction: (section.direction ?? session.direction ?? .sendrecv).rawValue,
                            codec: nil, rejected: section.isRejected)
                    }
                }
                add(row)
            case .candidate(let line, let mid, let mLineIndex):
                var detail = line
                if let candidate = Candidate.parse(line).value {
                    detail = "\(candidate.kind) \(candidate.transport) \(candidate.address):\(candidate.port)"
                    if candidate.componentID != 1 { detail += " component \(candidate.componentID)" }
                }
                if let mid { detail += " (mid \(mid))" } else if let mLineIndex { detail += " (m-line \(mLineIndex))" }
                add(
                    Row(
                        time: event.time, side: event.side, kind: "candidate", operation: event.operation,
                        detail: detail, sections: [], changes: [], context: event.context))
            case .endOfCandidates(let mid):
                add(
                    Row(
                        time: event.time, side: event.side, kind: "end-of-candidates", operation: event.operation,
                        detail: mid.map { "mid \($0)" } ?? "", sections: [], changes: [], context: event.context))
            case .failure(let message):
                add(
                    Row(
                        time: event.time, side: event.side, kind: "failure", operation: event.operation,
                        detail: message, sections: [], changes: [], context: event.context))
            case .state(let name, let value):
                add(
                    Row(
                        time: event.time, side: nil, kind: "state", operation: event.operation,
                        detail: "\(name): \(value)", sections: [], changes: [], context: event.context))
            case .wire:
                add(
                    Row(
                        time: event.time, side: nil, kind: "message", operation: event.operation, detail: "",
                        sections: [], changes: [], context: event.context))
            }
        }
        rows = built
    }

    static func label(_ codec: CodecReport) -> String { NegotiationText.label(codec) }

    // MARK: Call flow

    /// The parties of the SIP messages, in the order they first appear: a call flow's columns.
    public var parties: [String] {
        var parties: [String] = []
        for wire in rows.compactMap(\.wire) {
            for party in [wire.sender, wire.receiver] where !parties.contains(party) { parties.append(party) }
        }
        return parties
    }

    /// Whether row `index` is the first of the SIP message that carried it, where a call flow
    /// draws the message's arrow (a trickle INFO carries several candidates, one row each).
    public func startsMessage(_ index: Int) -> Bool {
        guard let wire = rows[index].wire else { return false }
        return index == 0 || rows[index - 1].wire != wire
    }

    // MARK: Text

    /// The timeline as an aligned table, or, when its events came from SIP messages, as a
    /// call-flow ladder with the parties as columns; every value from the input is escaped for
    /// a terminal.
    ///
    /// - Parameters:
    ///   - renderer: Colours, or none.
    ///   - findings: For each row, the findings about the event, marked on its row by severity
    ///     and code (the full findings are printed after the timeline).
    public func text(renderer: TextRenderer = TextRenderer(), findings: [[Diagnostic]] = []) -> String {
        let escaped = TextRenderer.escaped
        var output =
            renderer.paint(escaped(name, false), .bold) + (origin.map { "  " + escaped($0, false) } ?? "") + "\n"
        let start = rows.compactMap(\.time).first
        let times = rows.map { row in row.time.flatMap { time in start.map { Self.seconds(time - $0) } } ?? "-" }
        let timeWidth = max(4, times.map(\.count).max() ?? 0)
        var lines = rows.indices.map { details(of: $0, findings: findings, renderer: renderer) }
        if rows.contains(where: { $0.wire != nil }) {
            // Beside an arrow, what the message is to the negotiation: `offer #0 audio …`.
            for (index, row) in rows.enumerated() where row.kind != "message" && row.kind != "state" {
                let kind = renderer.paint(row.kind, style(row))
                lines[index][0] = lines[index][0].isEmpty ? kind : kind + " " + lines[index][0]
            }
            output += Ladder(self, renderer: renderer).text(times: times, timeWidth: timeWidth, details: &lines)
            return output
        }
        let kindWidth = max(5, rows.map(\.kind.count).max() ?? 0)
        output +=
            "  "
            + renderer.paint(
                "time".leftPadding(toLength: timeWidth) + "  side    " + "event".padding(toLength: kindWidth)
                    + "  details", .blue) + "\n"
        let indent = String(repeating: " ", count: 2 + timeWidth + 2 + 8 + kindWidth + 2)
        for (index, (row, time)) in zip(rows, times).enumerated() {
            let side = (row.side?.rawValue ?? "").padding(toLength: 6)
            var line = "  " + time.leftPadding(toLength: timeWidth) + "  " + side + "  "
            line += renderer.paint(row.kind.padding(toLength: kindWidth), style(row))
            output += line + "  " + (lines[index].first ?? "") + "\n"
            for change in lines[index].dropFirst() { output += indent + change + "\n" }
        }
        return output
    }

    /// A row's words: its sections, detail and finding marks on the first line, then one line
    /// per change the exchange made.
    private func details(of index: Int, findings: [[Diagnostic]], renderer: TextRenderer) -> [String] {
        let escaped = TextRenderer.escaped
        let row = rows[index]
        var details: [String] = []
        if !row.sections.isEmpty {
            details.append(
                row.sections.map { section in
                    var text = "#\(section.index) \(escaped(section.media, false))"
                    if let mid = section.mid { text += " \(escaped(mid, false))" }
                    text += section.rejected ? " " + renderer.paint("rejected", .red) : " \(section.direction)"
                    if let codec = section.codec, !section.rejected { text += " " + escaped(codec, false) }
                    return text
                }.joined(separator: " · "))
        }
        if !row.detail.isEmpty {
            let detail = escaped(row.detail, false)
            details.append(row.kind == "failure" ? renderer.paint(detail, .red) : detail)
        }
        var first = details.joined(separator: " — ")
        if findings.indices.contains(index), !findings[index].isEmpty {
            // One mark per rule, errors first, with a count when a rule fires more than once.
            var marks: [(severity: Severity, code: Rule.Code, count: Int)] = []
            for diagnostic in findings[index] {
                if let same = marks.firstIndex(where: {
                    $0.code == diagnostic.code && $0.severity == diagnostic.severity
                }) {
                    marks[same].count += 1
                } else {
                    marks.append((diagnostic.severity, diagnostic.code, 1))
                }
            }
            let ordered = marks.enumerated().sorted {
                ($1.element.severity, $0.offset) < ($0.element.severity, $1.offset)
            }
            let text = ordered.map { _, mark in
                renderer.paint(
                    "\(mark.severity.label)[\(mark.code)]" + (mark.count > 1 ? "×\(mark.count)" : ""),
                    mark.severity == .error ? .red : mark.severity == .warning ? .yellow : .blue)
            }
            first += (first.isEmpty ? "" : "  ") + text.joined(separator: " ")
        }
        return [first] + row.changes.map { renderer.paint("~ ", .yellow) + escaped($0, false) }
    }

    private func style(_ row: Row) -> TextRenderer.Style {
        switch row.kind {
        case "offer", "answer", "pranswer": .bold
        case "failure": .red
        case "state": row.detail.hasSuffix(": failed") ? .red : .cyan
        default: .blue
        }
    }

    /// `+1.234 s` relative to the first event.
    static func seconds(_ milliseconds: Double) -> String {
        let thousandths = Int((milliseconds).rounded())
        let sign = thousandths < 0 ? "-" : "+"
        let magnitude = abs(thousandths)
        let fraction = String(magnitude % 1000)
        return "\(sign)\(magnitude / 1000).\(String(repeating: "0", count: 3 - fraction.count))\(fraction)"
    }

    // MARK: JSON

    /// The members of one timeline (an element of `traces` in the schema).
    public func write(to json: inout JSONWriter.ObjectWriter) {
        json.member("name", name)
        json.member("origin", orNull: origin)
        let start = rows.compactMap(\.time).first
        json.member(
            "events",
            array: { list in
                for row in rows {
                    list.object { entry in
                        if let time = row.time { entry.member("time", time) } else { entry.nullMember("time") }
                        if let time = row.time, let start {
                            entry.member("elapsed", (time - start) / 1000)
                        } else {
                            entry.nullMember("elapsed")
                        }
                        entry.member("side", orNull: row.side?.rawValue)
                        entry.member("kind", row.kind)
                        entry.member("operation", row.operation)
                        entry.member("detail", row.detail)
                        entry.member("context", row.context)
                        entry.member(
                            "sections",
                            array: { sections in
                                for section in row.sections {
                                    sections.object { item in
                                        item.member("index", section.index)
                                        item.member("mid", orNull: section.mid)
                                        item.member("media", section.media)
                                        item.member("direction", section.direction)
                                        item.member("codec", orNull: section.codec)
                                        item.member("rejected", section.rejected)
                                    }
                                }
                            })
                        entry.member("changes", strings: row.changes)
                        if let wire = row.wire {
                            entry.member(
                                "message",
                                object: { message in
                                    message.member("number", wire.number)
                                    if let line = wire.line { message.member("line", line) }
                                    message.member("label", wire.label)
                                    message.member("from", wire.sender)
                                    message.member("to", wire.receiver)
                                })
                        }
                    }
                }
            })
    }
}
