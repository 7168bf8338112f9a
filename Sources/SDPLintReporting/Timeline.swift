import SDPLintDiagnostics
import SDPLintICE
public import SDPLintInput
public import SDPLintJSON
import SDPLintOfferAnswer
import SDPLintSDP

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
        /// `failure` or `state`.
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
        rows = []
        for (index, event) in trace.events.enumerated() {
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
                            codec: nil, rejected: section.port == 0 && !section.has(.bundleOnly))
                    }
                }
                rows.append(row)
            case .candidate(let line, let mid, let mLineIndex):
                var detail = line
                if let candidate = Candidate.parse(line).value {
                    detail = "\(candidate.kind) \(candidate.transport) \(candidate.address):\(candidate.port)"
                    if candidate.componentID != 1 { detail += " component \(candidate.componentID)" }
                }
                if let mid { detail += " (mid \(mid))" } else if let mLineIndex { detail += " (m-line \(mLineIndex))" }
                rows.append(
                    Row(
                        time: event.time, side: event.side, kind: "candidate", operation: event.operation,
                        detail: detail, sections: [], changes: [], context: event.context))
            case .endOfCandidates(let mid):
                rows.append(
                    Row(
                        time: event.time, side: event.side, kind: "end-of-candidates", operation: event.operation,
                        detail: mid.map { "mid \($0)" } ?? "", sections: [], changes: [], context: event.context))
            case .failure(let message):
                rows.append(
                    Row(
                        time: event.time, side: event.side, kind: "failure", operation: event.operation,
                        detail: message, sections: [], changes: [], context: event.context))
            case .state(let name, let value):
                rows.append(
                    Row(
                        time: event.time, side: nil, kind: "state", operation: event.operation,
                        detail: "\(name): \(value)", sections: [], changes: [], context: event.context))
            }
        }
    }

    static func label(_ codec: CodecReport) -> String { NegotiationText.label(codec) }

    // MARK: Text

    /// The timeline as an aligned table; every value from the input is escaped for a terminal.
    public func text(renderer: TextRenderer = TextRenderer()) -> String {
        let escaped = TextRenderer.escaped
        var output =
            renderer.paint(escaped(name, false), .bold) + (origin.map { "  " + escaped($0, false) } ?? "") + "\n"
        let start = rows.compactMap(\.time).first
        let times = rows.map { row in row.time.flatMap { time in start.map { Self.seconds(time - $0) } } ?? "-" }
        let timeWidth = max(4, times.map(\.count).max() ?? 0)
        let kindWidth = max(5, rows.map(\.kind.count).max() ?? 0)
        output +=
            "  "
            + renderer.paint(
                "time".leftPadding(toLength: timeWidth) + "  side    " + "event".padding(toLength: kindWidth)
                    + "  details", .blue) + "\n"
        let indent = String(repeating: " ", count: 2 + timeWidth + 2 + 8 + kindWidth + 2)
        for (row, time) in zip(rows, times) {
            let side = (row.side?.rawValue ?? "").padding(toLength: 6)
            var line = "  " + time.leftPadding(toLength: timeWidth) + "  " + side + "  "
            line += renderer.paint(row.kind.padding(toLength: kindWidth), style(row))
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
            line += "  " + details.joined(separator: " — ")
            output += line + "\n"
            for change in row.changes {
                output += indent + renderer.paint("~ ", .yellow) + escaped(change, false) + "\n"
            }
        }
        return output
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
                    }
                }
            })
    }
}
