import Diagnostics
import JSON
import OfferAnswer
import Signaling
import SDP

/// Checks everything a capture recorded: each description applied (as `sdplint check` would,
/// knowing whether it is an offer or an answer), each trickled candidate, the failures and
/// failed states the browser logged, and each connection's offer/answer exchanges as one
/// renegotiation sequence (as `sdplint diff` would).
public enum TraceLinter {
    /// The findings, one ``LintedFile`` per place in the capture that has any (the capture
    /// itself first, then each connection's events in order).
    public static func check(_ capture: TraceCapture, path: String, configuration: LintConfiguration = LintConfiguration()) -> [LintedFile] {
        var files: [LintedFile] = []
        let readProblems = configuration.apply(capture.diagnostics)
        if !readProblems.isEmpty {
            files.append(LintedFile(path: path, source: capture.source, diagnostics: readProblems.sorted { $0.location < $1.location }))
        }
        for var file in capture.embedded {
            file.path = path
            file.diagnostics = configuration.apply(file.diagnostics).sorted { ($0.location, $0.code) < ($1.location, $1.code) }
            if !file.diagnostics.isEmpty { files.append(file) }
        }
        for trace in capture.traces {
            files += check(trace, path: path, configuration: configuration, textsChecked: capture.textsChecked)
        }
        return files
    }

    /// The findings about one connection, in the order of its events.
    static func check(_ trace: SignalingTrace, path: String, configuration: LintConfiguration, textsChecked: Bool) -> [LintedFile] {
        var files: [String: LintedFile] = [:]
        var order: [String] = []
        func add(_ context: String, source: [UInt8], _ diagnostics: [Diagnostic]) {
            guard !diagnostics.isEmpty else { return }
            if files[context] == nil {
                order.append(context)
                files[context] = LintedFile(path: path, context: context, source: source, diagnostics: [])
            }
            files[context]?.diagnostics += diagnostics
        }
        // The ICE servers the connection was configured with (RTCConfiguration.iceServers).
        if let text = trace.configuration, let context = trace.configurationContext {
            let bytes = Array(text.utf8)
            if let value = JSONValue.parse(bytes).value, value["iceServers"] != nil {
                add(context, source: bytes, configuration.apply(ICEServerConfiguration.read(json: bytes).diagnostics))
            }
        }
        let checked = checkTexts(trace, configuration: configuration, textsChecked: textsChecked)
        var lastCreated: String?
        for (index, event) in trace.events.enumerated() {
            let context = event.context
            switch event.kind {
            case .description(let type, let text, _):
                let bytes = Array(text.utf8)
                if event.operation.hasPrefix("create") {
                    lastCreated = text
                    continue  // the description set next is the one that counts
                }
                var diagnostics = checked[index] ?? []
                if event.operation == "setLocalDescription", let created = lastCreated, created != text, type != .rollback {
                    diagnostics += configuration.apply([TraceRules.mungedDescription.diagnostic(
                        at: firstDifference(created, text),
                        "the \(type) set differs from the one createOffer/createAnswer returned: the application edited it",
                        hint: "use setCodecPreferences() or transceiver directions instead of editing the SDP")])
                }
                if event.operation == "setLocalDescription" { lastCreated = nil }
                add(context, source: bytes, diagnostics)
            case .candidate(let line, _, _):
                add(context, source: Array(line.utf8), checked[index] ?? [])
            case .failure(let message):
                let bytes = Array(message.utf8)
                let rule = event.operation.contains("Description") ? TraceRules.descriptionRefused : TraceRules.operationFailed
                add(context, source: bytes, configuration.apply([rule.diagnostic(
                    at: SourceLocation(line: 1, column: 1, bytes: 0..<min(bytes.count, bytes.firstIndex(of: 0x0A) ?? bytes.count)),
                    "\(event.operation): \(message)")]))
            case .state(let name, let value) where value == "failed":
                let bytes = Array("\(name): \(value)".utf8)
                add(context, source: bytes, configuration.apply([TraceRules.connectionFailed.diagnostic(
                    at: SourceLocation(line: 1, column: 1, bytes: 0..<bytes.count), "\(name) became failed")]))
            case .state, .endOfCandidates:
                break
            }
        }
        // The offer/answer exchanges, as one renegotiation sequence.
        let exchanges = trace.exchanges
        for problem in exchanges.problems {
            let event = trace.events[problem.event]
            guard case .description(_, let text, _) = event.kind else { continue }
            add(event.context, source: Array(text.utf8), configuration.apply([problem.rule.diagnostic(
                at: SourceLocation(line: 1, column: 1, bytes: 0..<0), problem.message)]))
        }
        let sequence = exchanges.sequence.map { (context: trace.events[$0].context, text: trace.events[$0].descriptionText ?? "") }
        if sequence.count >= 2 {
            let sources = sequence.map { SDPSource(name: $0.context, text: $0.text, options: configuration.parseOptions) }
            let report = Negotiation.analyze(sequence: sources, options: Negotiation.Options(strict: configuration.strict))
            for finding in configuration.apply(report.allFindings) {
                let text = sources[safe: finding.document]?.text ?? ""
                add(finding.file, source: Array(text.utf8), [finding.diagnostic])
            }
        }
        return order.compactMap { context in
            guard var file = files[context] else { return nil }
            file.diagnostics.sort { ($0.location, $0.code) < ($1.location, $1.code) }
            return file
        }
    }

    /// Each applied description's and each candidate's own findings, by event index, checked
    /// on every core: a long NDJSON stream or a dump with many renegotiations is many
    /// independent texts. Descriptions only created are left out (the one set counts).
    static func checkTexts(_ trace: SignalingTrace, configuration: LintConfiguration, textsChecked: Bool) -> [Int: [Diagnostic]] {
        let jobs = trace.events.indices.filter { index in
            let event = trace.events[index]
            switch event.kind {
            case .description(let type, _, _): return type != .rollback && !event.operation.hasPrefix("create")
            case .candidate: return !textsChecked
            default: return false
            }
        }
        var results: [Int: [Diagnostic]] = [:]
        let events = trace.events
        Batch.forEach(jobs, work: { index -> [Diagnostic] in
            switch events[index].kind {
            case .description(let type, let text, _):
                var own = configuration
                own.type = type
                let bytes = Array(text.utf8)
                return textsChecked
                    ? Linter.descriptionChecks(bytes, configuration: own)
                    : Linter.checkDescription(bytes, path: "", configuration: own).diagnostics
            case .candidate(let line, _, _):
                return configuration.apply(CandidateLines.check(Array(line.utf8), strict: configuration.strict))
            default:
                return []
            }
        }, deliver: { position, diagnostics in results[jobs[position]] = diagnostics })
        return results
    }

    /// The line where two texts first differ.
    static func firstDifference(_ a: String, _ b: String) -> SourceLocation {
        let left = Array(a.utf8), right = Array(b.utf8)
        var index = 0, line = 1, lineStart = 0
        while index < left.count && index < right.count && left[index] == right[index] {
            if right[index] == 0x0A { line += 1; lineStart = index + 1 }
            index += 1
        }
        var end = lineStart
        while end < right.count && right[end] != 0x0A && right[end] != 0x0D { end += 1 }
        return SourceLocation(line: line, column: 1, bytes: lineStart..<end)
    }
}
