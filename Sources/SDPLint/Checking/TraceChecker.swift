import SDPLintDiagnostics
import SDPLintInput
import SDPLintJSON
import SDPLintOfferAnswer
import SDPLintReporting
import SDPLintSDP
import SDPLintSignaling
import SDPLintWebRTC

/// The checks of one connection (``TraceLinter``), fed its events in order — all at once, or
/// a chunk at a time as a stream is read. Each file comes back as soon as nothing more can be
/// added to it, in the order its context first appeared, so a session of any length is
/// checked in the memory of its open exchange rather than of its whole history.
struct TraceChecker {
    let path: String
    let configuration: LintConfiguration
    /// Whether the reader already checked each description's and candidate's text.
    let textsChecked: Bool
    /// Files not handed back yet, in order of first appearance.
    private var files: [LintedFile] = []
    private var fileIndex: [String: Int] = [:]
    /// The description createOffer/createAnswer returned last, to compare with the one set.
    private var lastCreated: String?
    /// The exchanges; the waiting offer's findings come with its answer.
    private var tracker = ExchangeTracker<(context: String, text: String)>()
    /// The first counted description's finding, held while it is the only one: a lone
    /// description is not a sequence to fault.
    private var heldProblem: (context: String, text: String, diagnostic: Diagnostic)?
    private var renegotiation: RenegotiationAnalyzer
    /// Descriptions given to `renegotiation`.
    private var analyzed = 0

    /// - Parameter trace: The connection; its configuration (ICE servers) is checked here, its
    ///   events are passed to ``add(_:)``.
    init(_ trace: SignalingTrace, path: String, configuration: LintConfiguration, textsChecked: Bool) {
        self.path = path
        self.configuration = configuration
        self.textsChecked = textsChecked
        renegotiation = RenegotiationAnalyzer(options: Negotiation.Options(strict: configuration.strict))
        // The ICE servers the connection was configured with (RTCConfiguration.iceServers).
        if let text = trace.configuration, let context = trace.configurationContext {
            let bytes = Array(text.utf8)
            if let value = JSONValue.parse(bytes).value, value["iceServers"] != nil {
                add(context, source: bytes, configuration.apply(ICEServerConfiguration.read(json: bytes).diagnostics))
            }
        }
    }

    /// Checks the next events of the connection.
    ///
    /// - Returns: The files that are complete.
    mutating func add(_ events: [SignalingTrace.Event]) -> [LintedFile] {
        let checked = checkTexts(events)
        for (index, event) in events.enumerated() {
            let context = event.context
            switch event.kind {
            case .description(let type, let text, let applied):
                let bytes = Array(text.utf8)
                if event.operation.hasPrefix("create") {
                    lastCreated = text
                    continue  // the description set next is the one that counts
                }
                var diagnostics = checked[index] ?? []
                if event.operation == "setLocalDescription", let created = lastCreated, created != text,
                    type != .rollback
                {
                    diagnostics += configuration.apply([
                        TraceRules.mungedDescription.diagnostic(
                            at: TraceLinter.firstDifference(created, text),
                            """
                            the \(type) set differs from the one createOffer/createAnswer returned: the \
                            application edited it
                            """,
                            hint: "use setCodecPreferences() or transceiver directions instead of editing the SDP")
                    ])
                }
                if event.operation == "setLocalDescription" { lastCreated = nil }
                add(context, source: bytes, diagnostics)
                if applied { exchange(type, context: context, text: text) }
            case .candidate(let line, _, _):
                add(context, source: Array(line.utf8), checked[index] ?? [])
            case .failure(let message):
                let bytes = Array(message.utf8)
                let rule =
                    event.operation.contains("Description") ? TraceRules.descriptionRefused : TraceRules.operationFailed
                add(
                    context, source: bytes,
                    configuration.apply([
                        rule.diagnostic(
                            at: SourceLocation(
                                line: 1, column: 1,
                                bytes: 0..<min(bytes.count, bytes.firstIndex(of: 0x0A) ?? bytes.count)),
                            "\(event.operation): \(message)")
                    ]))
            case .state(let name, let value) where value == "failed":
                let bytes = Array("\(name): \(value)".utf8)
                add(
                    context, source: bytes,
                    configuration.apply([
                        TraceRules.connectionFailed.diagnostic(
                            at: SourceLocation(line: 1, column: 1, bytes: 0..<bytes.count), "\(name) became failed")
                    ]))
            case .state, .endOfCandidates:
                break
            }
        }
        return takeComplete()
    }

    /// Ends the connection: the unanswered offer of a sequence gets its findings.
    ///
    /// - Returns: Every file not handed back yet.
    mutating func finish() -> [LintedFile] {
        if let offer = tracker.pendingOffer, analyzed >= 2 {
            analyze(offer, after: nil)
            if let step = renegotiation.finish() { report(step, [offer]) }
        }
        heldProblem = nil
        return takeAll()
    }

    // MARK: Exchanges

    /// Follows the offer/answer exchanges: each answered offer is analysed with its answer as
    /// the next step of one renegotiation sequence (as `sdplint diff` would).
    private mutating func exchange(_ type: SDPType, context: String, text: String) {
        let wasLone = tracker.counted <= 1
        let problem: (rule: Rule, message: String)?
        switch tracker.apply(type, offer: (context, text)) {
        case .offered(let replaced):
            problem = replaced.map { (TraceRules.offerReplaced, TraceRules.offerReplacedMessage($0.context)) }
            reserve(context, source: Array(text.utf8))
        case .answered(let offer):
            if let offer {
                analyze(offer, after: nil)
                analyze((context, text), after: offer)
            }
            problem = offer == nil ? (TraceRules.answerWithoutOffer, TraceRules.answerWithoutOfferMessage) : nil
        case .ignored:
            problem = nil
        }
        if tracker.counted > 1, let held = heldProblem {
            add(held.context, source: Array(held.text.utf8), [held.diagnostic])
            heldProblem = nil
        }
        if let problem {
            let diagnostic = problem.rule.diagnostic(
                at: SourceLocation(line: 1, column: 1, bytes: 0..<0), problem.message)
            guard let applied = configuration.apply([diagnostic]).first else { return }
            if wasLone && tracker.counted <= 1 {
                heldProblem = (context, text, applied)
                reserve(context, source: Array(text.utf8))
            } else {
                add(context, source: Array(text.utf8), [applied])
            }
        }
    }

    /// Gives one description of an exchange to the renegotiation analysis, and places the
    /// findings of the step it completes; `offer` is the offer an answer closes.
    private mutating func analyze(
        _ description: (context: String, text: String), after offer: (context: String, text: String)?
    ) {
        let source = SDPSource(name: description.context, text: description.text, options: configuration.parseOptions)
        analyzed += 1
        if let step = renegotiation.add(source) { report(step, [offer, description].compactMap { $0 }) }
    }

    private mutating func report(_ step: RenegotiationStep, _ descriptions: [(context: String, text: String)]) {
        let findings = (step.negotiation?.findings ?? []) + renegotiation.takeFindings()
        let ordered = findings.enumerated().sorted {
            ($0.element.document, $0.offset) < ($1.element.document, $1.offset)
        }.map(\.element)
        for finding in configuration.apply(ordered) {
            let text = descriptions.first { $0.context == finding.file }?.text ?? ""
            add(finding.file, source: Array(text.utf8), [finding.diagnostic])
        }
    }

    // MARK: Files

    private mutating func add(_ context: String, source: [UInt8], _ diagnostics: [Diagnostic]) {
        guard !diagnostics.isEmpty else { return }
        reserve(context, source: source)
        if let index = fileIndex[context] { files[index].diagnostics += diagnostics }
    }

    /// Gives a context its place in the output now, for findings that may come later (an
    /// offer's, with its answer); a file still empty when handed back is left out.
    private mutating func reserve(_ context: String, source: [UInt8]) {
        guard fileIndex[context] == nil else { return }
        fileIndex[context] = files.count
        files.append(LintedFile(path: path, context: context, source: source, diagnostics: []))
    }

    /// The files before the first one that may still grow: the waiting offer's, or a held
    /// lone description's.
    private mutating func takeComplete() -> [LintedFile] {
        let open = [tracker.pendingOffer?.context, heldProblem?.context].compactMap { $0 }.compactMap { fileIndex[$0] }
        return take(upTo: open.min() ?? files.count)
    }

    private mutating func takeAll() -> [LintedFile] { take(upTo: files.count) }

    private mutating func take(upTo end: Int) -> [LintedFile] {
        guard end > 0 else { return [] }
        var done = files[..<end].filter { !$0.diagnostics.isEmpty }
        files.removeFirst(end)
        fileIndex = Dictionary(
            files.enumerated().map { ($1.context ?? "", $0) }, uniquingKeysWith: { first, _ in first })
        for index in done.indices { done[index].diagnostics.sort { ($0.location, $0.code) < ($1.location, $1.code) } }
        return done
    }

    // MARK: Texts

    /// Each applied description's and each candidate's own findings, by event index, checked
    /// on every core: a long stream or a dump with many renegotiations is many independent
    /// texts. Descriptions only created are left out (the one set counts).
    private func checkTexts(_ events: [SignalingTrace.Event]) -> [Int: [Diagnostic]] {
        let configuration = configuration
        let textsChecked = textsChecked
        let jobs = events.indices.filter { index in
            let event = events[index]
            switch event.kind {
            case .description(let type, _, _): return type != .rollback && !event.operation.hasPrefix("create")
            case .candidate: return !textsChecked
            default: return false
            }
        }
        var results: [Int: [Diagnostic]] = [:]
        Batch.forEach(
            jobs,
            work: { index -> [Diagnostic] in
                switch events[index].kind {
                case .description(let type, let text, _):
                    var own = configuration
                    own.type = type
                    let bytes = Array(text.utf8)
                    return textsChecked
                        ? Linter.descriptionChecks(
                            SessionDescription.parse(bytes: bytes, options: own.parseOptions), configuration: own)
                        : Linter.checkDescription(bytes, path: "", configuration: own).diagnostics
                case .candidate(let line, _, _):
                    return configuration.apply(CandidateLines.check(Array(line.utf8), strict: configuration.strict))
                default:
                    return []
                }
            }, deliver: { position, diagnostics in results[jobs[position]] = diagnostics })
        return results
    }
}
