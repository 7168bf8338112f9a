import SDPLintDiagnostics
public import SDPLintInput
import SDPLintJSON
public import SDPLintReporting
import SDPLintSDP
import SDPLintSignaling

/// `sdplint timeline`: the signaling of each connection or session of an input as a table, one
/// row per description, candidate, failure and state change.
public struct TimelineCommand {
    public enum Format: String, Sendable, Hashable, CaseIterable {
        case text, json, html, svg
    }

    public var configuration: LintConfiguration
    public var format: Format
    public var color: Bool
    public var maxBytes: Int
    public var kind: InputKind?

    public init(
        configuration: LintConfiguration = LintConfiguration(), format: Format = .text, color: Bool = false,
        maxBytes: Int = 256 << 20, kind: InputKind? = nil
    ) {
        self.configuration = configuration
        self.format = format
        self.color = color
        self.maxBytes = maxBytes
        self.kind = kind
    }

    /// The timelines of one input: its traces, or a single description as a trace of one event.
    public func timelines(of document: InputDocument) -> [Timeline]? {
        switch document.content {
        case .traces(let traces):
            return traces.map(Timeline.init)
        case .description(let parsed):
            let event = SignalingTrace.Event(
                kind: .description(type: configuration.type ?? .offer, sdp: parsed, applied: true), side: nil,
                operation: "description", time: nil, context: document.name)
            return [Timeline(SignalingTrace(name: document.name, events: [event]))]
        case .fragment, .candidates, .iceServers, .unreadable:
            return nil
        }
    }

    public func run(_ input: CommandInput, output: some CommandOutput) -> ExitStatus {
        run([input], output: output)
    }

    /// The timelines of several inputs, one after the other (for JSON, an array of one object
    /// per input); an input that cannot be shown is reported and the others are still shown.
    ///
    /// - Returns: ``ExitStatus/failure`` when an input could not be read or holds no signaling;
    ///   ``ExitStatus/findings`` when check would fail on an input's findings (`--fail-on`).
    public func run(_ inputs: [CommandInput], output: some CommandOutput) -> ExitStatus {
        var status = ExitStatus.success
        var shown: [Shown] = []
        var total = SeverityCounts()
        if format == .html {
            let names = inputs.map(\.name).joined(separator: ", ")
            output.write(HTMLReport.begin(title: "sdplint timeline", subtitle: "sdplint \(sdplintVersion) · \(names)"))
        }
        for input in inputs {
            guard
                let document = input.document(
                    kind: kind, configuration: configuration, maxBytes: maxBytes, output: output)
            else {
                status = .failure
                continue
            }
            guard let timelines = timelines(of: document), timelines.contains(where: { !$0.rows.isEmpty }) else {
                output.report("sdplint: \(document.refusal("no signaling to show as a timeline", name: input.name))")
                status = .failure
                continue
            }
            // The findings check makes in the input, for the exit status and to list under the
            // tables: a timeline that hides a finding check fails on would mislead.
            let findings = Linter.check(document, configuration: configuration).filter { !$0.diagnostics.isEmpty }
            if configuration.fails(findings.flatMap(\.diagnostics)) { status = status.combined(with: .findings) }
            let one = Shown(name: input.name, format: document.format, timelines: timelines, findings: findings)
            switch format {
            case .text: output.write((shown.isEmpty ? "" : "\n") + one.text(color: color))
            case .json: break
            case .html: output.write(one.html(id: "i\(shown.count + 1)"))
            case .svg:
                // The ladders alone: a timeline without SIP messages has no call flow to draw.
                guard timelines.contains(where: { $0.rows.contains { $0.wire != nil } }) else {
                    output.report("sdplint: \(input.name): no SIP call flow to draw; --format svg draws SIP ladders")
                    status = .failure
                    continue
                }
                output.write(HTMLReport.svg(timelines))
            }
            for file in findings { total = total + file.counts }
            shown.append(one)
        }
        if format == .html {
            output.write(HTMLReport.end(summary: TextRenderer().summary(total, in: shown.count, "input")))
        }
        if format == .json && !(inputs.count == 1 && shown.isEmpty) {
            var json = JSONWriter(format: .pretty)
            if inputs.count == 1, let one = shown.first {
                json.object { one.write(to: &$0) }
            } else {
                json.array { list in for one in shown { list.object { one.write(to: &$0) } } }
            }
            output.write(json.output + "\n")
        }
        return status
    }

    /// One input's timelines and the findings in it, as they are shown.
    private struct Shown {
        var name: String
        var format: String
        var timelines: [Timeline]
        var findings: [LintedFile]

        /// The tables, then the errors and warnings as check shows them, and a tally.
        func text(color: Bool) -> String {
            let renderer = TextRenderer(color: color)
            var text = "\(name): \(format), \(timelines.count) "
            text += "connection\(timelines.count == 1 ? "" : "s")\n"
            let marks = self.marks()
            for (index, timeline) in timelines.enumerated() {
                text += "\n" + timeline.text(renderer: renderer, findings: marks[index])
            }
            var counts = SeverityCounts()
            for file in findings {
                counts = counts + file.counts
                for diagnostic in file.diagnostics where diagnostic.severity >= .warning {
                    text += "\n"
                    renderer.render(diagnostic, in: file, into: &text)
                }
            }
            if !findings.isEmpty {
                text += "\n" + renderer.summary(counts, in: 1, "input")
                if counts.infos > 0 { text += " (notes: sdplint check --min-severity info shows them)" }
                text += "\n"
            }
            return text
        }

        /// The timelines as HTML (a drawn ladder for SIP), then the errors and warnings as check
        /// shows them, each with the text it is about.
        func html(id: String) -> String {
            var html = ""
            let marks = self.marks()
            for (index, timeline) in timelines.enumerated() {
                html += HTMLReport.timeline(timeline, id: "\(id)-t\(index + 1)", findings: marks[index])
            }
            for (index, file) in findings.enumerated()
            where file.diagnostics.contains(where: { $0.severity >= .warning }) {
                html += HTMLReport.findings(
                    file, id: "\(id)-f\(index + 1)", shown: .warning, explanations: Explainer.explanations(of: file))
            }
            return html
        }

        /// For each timeline, each row's errors and warnings, marked on the row: the findings
        /// about the event's own text (its context), and the findings of a SIP file's message
        /// headers (by line, up to the next message).
        func marks() -> [[[Diagnostic]]] {
            var marks = timelines.map { [[Diagnostic]](repeating: [], count: $0.rows.count) }
            var byContext: [String: (Int, Int)] = [:]
            var starts: [(line: Int, at: (Int, Int))] = []
            for (index, timeline) in timelines.enumerated() {
                for (row, event) in timeline.rows.enumerated() {
                    if byContext[event.context] == nil { byContext[event.context] = (index, row) }
                    // `frame 7 (UDP …), SDP body` is also where `frame 7 (UDP …)` is.
                    if let comma = event.context.firstRange(of: ", "),
                        byContext[String(event.context[..<comma.lowerBound])] == nil
                    {
                        byContext[String(event.context[..<comma.lowerBound])] = (index, row)
                    }
                    if let line = event.wire?.line, timeline.startsMessage(row) {
                        starts.append((line, (index, row)))
                    }
                }
            }
            starts.sort { $0.line < $1.line }
            for file in findings {
                for diagnostic in file.diagnostics where diagnostic.severity >= .warning {
                    let place: (Int, Int)?
                    if let context = file.context {
                        place = byContext[context]
                    } else {
                        place = starts.last { $0.line <= diagnostic.location.line }?.at
                    }
                    if let (index, row) = place { marks[index][row].append(diagnostic) }
                }
            }
            return marks
        }

        /// The object `Schemas/sdplint-timeline.schema.json` describes.
        func write(to root: inout JSONWriter.ObjectWriter) {
            JSONReport.writeHeader(toolVersion: sdplintVersion, to: &root)
            root.member("kind", "timeline")
            root.member("path", name)
            root.member("format", format)
            root.member(
                "traces", array: { list in for timeline in timelines { list.object { timeline.write(to: &$0) } } })
            root.member(
                "diagnostics",
                array: { list in
                    for file in findings {
                        for diagnostic in file.diagnostics {
                            list.object { object in
                                if let context = file.context { object.member("context", context) }
                                JSONReport.write(diagnostic, to: &object)
                            }
                        }
                    }
                })
        }
    }
}
