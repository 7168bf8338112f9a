import SDPLintDiagnostics
import SDPLintICE
import SDPLintJSON
public import SDPLintSignaling

/// Signaling messages as an application exchanged them — JSON envelopes or an NDJSON stream,
/// a SIP trace, a WHIP/WHEP HTTP exchange — read by the Signaling module and laid out as
/// traces, one per session (SIP Call-ID, WHIP session; one for JSON without session ids).
public enum SignalingMessages {
    /// Reads the messages of `source` in `format`. The readers check each description's and
    /// candidate's text as they go, with findings located in `source`.
    public static func read(_ source: [UInt8], format: SignalingFormat, strict: Bool = false) -> TraceCapture {
        let (messages, diagnostics) = Signaling.read(
            source, format: format, options: Signaling.ReadOptions(strict: strict))
        var order: [String] = []
        var events: [String: [SignalingTrace.Event]] = [:]
        for (number, located) in messages.enumerated() {
            let (session, event) = Self.event(located, number: number, format: format)
            if events[session] == nil { order.append(session) }
            events[session, default: []].append(event)
        }
        let traces = order.map { SignalingTrace(name: traceName($0), events: events[$0] ?? []) }
        return TraceCapture(
            format: description(format), traces: traces, diagnostics: diagnostics, source: source, textsChecked: true)
    }

    /// A message as an event of its session's trace.
    static func event(
        _ located: Located<SignalingMessage>, number: Int, format: SignalingFormat
    ) -> (session: String, event: SignalingTrace.Event) {
        var context = "message \(number + 1) at \(located.location.line):\(located.location.column)"
        let kind = SignalingTrace.Event.Kind(located.value.content)
        if case .description = kind { context += ", SDP" }  // lines count in the description, not the file
        return (
            located.value.session ?? "",
            SignalingTrace.Event(kind: kind, side: nil, operation: format.rawValue, time: nil, context: context)
        )
    }

    static func traceName(_ session: String) -> String { session.isEmpty ? "messages" : "session \(session)" }

    /// Whether `head` (the start of an input) is an NDJSON stream of signaling messages: its
    /// first line a whole JSON value, more lines after it.
    public static func isStream(_ head: [UInt8]) -> Bool {
        InputKind.detect(head) == .json && SignalingJSON.isNDJSON(head)
    }

    /// Checks an NDJSON stream of signaling messages a block of lines at a time, so that memory
    /// stays flat however long the stream is: each block is read, its messages join their
    /// sessions' checks, and the files that are complete go to `deliver`.
    /// Findings keep the stream's line numbers.
    ///
    /// - Parameters:
    ///   - path: How the stream is named in the files delivered.
    ///   - configuration: The rules, severities and strictness to check with.
    ///   - nextBlock: The next lines of the stream, whole lines only; `nil` at the end.
    ///   - deliver: Gets the files of each block in order; an input with nothing to report is
    ///     still delivered once, empty, so that it counts.
    public static func checkStream(
        path: String, configuration: LintConfiguration,
        nextBlock: () -> [UInt8]?, deliver: ([LintedFile]) -> Void
    ) {
        var json = JSONParseOptions.default
        json.strict = configuration.strict
        var sessions: [String: TraceChecker] = [:]
        var order: [String] = []
        var line = 1
        var offset = 0
        var count = 0
        var delivered = false
        var readErrors = false
        while let block = nextBlock() {
            let (messages, diagnostics) = SignalingJSON.read(block, options: json, lines: true)
            readErrors = readErrors || diagnostics.containsErrors
            var events: [String: [SignalingTrace.Event]] = [:]
            var blockOrder: [String] = []
            var trickled: [Candidate] = []
            for located in messages {
                var moved = located
                moved.location = shift(located.location, line: line, offset: offset)
                let (session, event) = Self.event(moved, number: count, format: .json)
                count += 1
                if events[session] == nil { blockOrder.append(session) }
                events[session, default: []].append(event)
                if let candidate = event.trickledCandidate { trickled.append(candidate) }
            }
            var files: [LintedFile] = []
            let problems = configuration.apply(
                diagnostics.map { diagnostic in
                    var moved = diagnostic
                    moved.location = shift(diagnostic.location, line: line, offset: offset)
                    return moved
                })
            if !problems.isEmpty || !trickled.isEmpty {
                files.append(
                    LintedFile(
                        path: path, source: block, firstLine: line,
                        diagnostics: problems.sorted { ($0.location, $0.code) < ($1.location, $1.code) },
                        connectivity: ConnectivityReport(candidates: trickled)))
            }
            for session in blockOrder {
                if sessions[session] == nil {
                    order.append(session)
                    sessions[session] = TraceChecker(
                        SignalingTrace(name: traceName(session)), path: path, configuration: configuration,
                        textsChecked: true)
                }
                files += sessions[session]?.add(events[session] ?? []) ?? []
            }
            if !files.isEmpty {
                delivered = true
                deliver(files)
            }
            line += block.count { $0 == 0x0A }
            offset += block.count
        }
        var files: [LintedFile] = []
        if count == 0 && !readErrors {
            files.append(
                LintedFile(
                    path: path, source: [],
                    diagnostics: configuration.apply([
                        SignalingRules.noSignalingMessage.diagnostic(
                            at: SourceLocation(line: 1, column: 1, bytes: 0..<0),
                            "the json input holds no signaling message", strict: configuration.strict)
                    ])))
        }
        for session in order { files += sessions[session]?.finish() ?? [] }
        if files.isEmpty && !delivered { files.append(LintedFile(path: path, source: [], diagnostics: [])) }
        if !files.isEmpty { deliver(files) }
    }

    /// A location in a block, moved to where the block starts in the stream.
    private static func shift(_ location: SourceLocation, line: Int, offset: Int) -> SourceLocation {
        SourceLocation(
            line: location.line + line - 1, column: location.column,
            bytes: (location.bytes.lowerBound + offset)..<(location.bytes.upperBound + offset))
    }

    /// Cuts `bytes` into blocks of whole lines of about `size` bytes, for
    /// ``checkStream(path:configuration:nextBlock:deliver:)``.
    public static func blocks(of bytes: [UInt8], size: Int = blockSize) -> () -> [UInt8]? {
        var start = 0
        return {
            guard start < bytes.count else { return nil }
            var end = min(start + size, bytes.count)
            while end < bytes.count && bytes[end - 1] != 0x0A { end += 1 }
            defer { start = end }
            return Array(bytes[start..<end])
        }
    }

    /// About how much of a stream ``checkStream(path:configuration:nextBlock:deliver:)`` reads at
    /// once: enough messages to keep every core busy checking their descriptions.
    public static let blockSize = 1 << 20

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

extension SignalingTrace.Event.Kind {
    /// What a signaling message is, as an event of a trace; a hang-up is the session's state.
    init(_ content: SignalingMessage.Content) {
        switch content {
        case .description(let description):
            self = .description(type: description.type, text: description.sdp, applied: true)
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
