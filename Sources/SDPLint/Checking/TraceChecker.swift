import SDPLintDiagnostics
import SDPLintICE
import SDPLintInput
import SDPLintJSON
import SDPLintOfferAnswer
import SDPLintReporting
import SDPLintSDP
import SDPLintSignaling
import SDPLintWebRTC

/// The checks of one connection, fed its events in order — all at once, or
/// a chunk at a time as a stream is read. Each file comes back as soon as nothing more can be
/// added to it, in the order its context first appeared, so a session of any length is
/// checked in the memory of its open exchange rather than of its whole history.
struct TraceChecker: Sendable {
    let path: String
    let configuration: LintConfiguration
    /// Whether the reader already checked each description's and candidate's text.
    let textsChecked: Bool
    /// Whether each event's findings come back as soon as it is checked, marked with the
    /// event's record (``LintedFile/record``), instead of an offer's waiting for its answer.
    let byRecord: Bool
    /// Whether each answered offer is kept as an ``Exchange`` for ``takeExchanges()``.
    let keepsExchanges: Bool
    /// How reports name the session, and the page or peer it belongs to.
    let session: String
    let origin: String?
    /// The answered offers not handed back yet.
    private var exchanges: [Exchange] = []
    /// The candidates trickled since the last exchange, when exchanges are kept.
    private var trickled: [Candidate] = []
    /// Files not handed back yet, in order of first appearance.
    private var files: [LintedFile] = []
    private var fileIndex: [String: Int] = [:]
    /// The description createOffer/createAnswer returned last, to compare with the one set.
    private var lastCreated: SourceText?
    /// The exchanges; the waiting offer's findings come with its answer.
    private var tracker = ExchangeTracker<Described>()
    /// The first counted description's finding, held while it is the only one: a lone
    /// description is not a sequence to fault.
    private var heldProblem: (description: Described, diagnostic: Diagnostic)?

    /// A description of the trace and where it is: its parse, made once by the reader.
    private struct Described {
        var context: String
        var sdp: ParseResult<SessionDescription>
        /// The line its message starts on, and its own `id`.
        var line: Int? = nil
        var id: JSONValue? = nil
        /// Its own findings' codes.
        var codes: [Rule.Code] = []
    }
    private var renegotiation: RenegotiationAnalyzer
    /// Descriptions given to `renegotiation`.
    private var analyzed = 0

    /// - Parameter trace: The connection; its configuration (ICE servers) is checked here, its
    ///   events are passed to ``add(_:)``.
    init(
        _ trace: SignalingTrace, path: String, configuration: LintConfiguration, textsChecked: Bool,
        byRecord: Bool = false, keepsExchanges: Bool = false
    ) {
        self.path = path
        self.configuration = configuration
        self.textsChecked = textsChecked
        self.byRecord = byRecord
        self.keepsExchanges = keepsExchanges
        session = trace.name
        origin = trace.origin
        renegotiation = RenegotiationAnalyzer(options: Negotiation.Options(strict: configuration.strict))
        // The ICE servers the connection was configured with (RTCConfiguration.iceServers).
        if let text = trace.configuration, let context = trace.configurationContext {
            let bytes = Array(text.utf8)
            let parsed = JSONDocument.parse(bytes: bytes)
            if let document = parsed.value, document.root["iceServers"] != nil {
                let servers = ICEServerConfiguration.read(document, in: bytes, diagnostics: parsed.diagnostics)
                add(context, source: SourceText(bytes), configuration.apply(servers.diagnostics))
            }
        }
    }

    /// Checks the next events of the connection.
    ///
    /// - Returns: The files that are complete.
    mutating func add(_ events: [SignalingTrace.Event]) -> [LintedFile] {
        let checked = checkTexts(events)
        var reported: [LintedFile] = []
        for (index, event) in events.enumerated() {
            check(event, checked[index] ?? [])
            if byRecord, let record = event.line {
                for var file in takeAll() {
                    file.record = record
                    reported.append(file)
                }
            }
        }
        return reported + takeComplete()
    }

    /// Checks one event, whose text's own findings are `checked`.
    private mutating func check(_ event: SignalingTrace.Event, _ checked: [Diagnostic]) {
        let context = event.context
        switch event.kind {
        case .description(let type, let sdp, let applied):
            if event.operation.hasPrefix("create") {
                lastCreated = sdp.source
                return  // the description set next is the one that counts
            }
            var diagnostics = checked
            if event.operation == "setLocalDescription", let created = lastCreated,
                created.bytes != sdp.source.bytes, type != .rollback
            {
                diagnostics += configuration.apply([
                    TraceRules.mungedDescription.diagnostic(
                        at: Self.firstDifference(created.bytes, sdp.source.bytes),
                        """
                        the \(type) set differs from the one createOffer/createAnswer returned: the \
                        application edited it
                        """,
                        hint: "use setCodecPreferences() or transceiver directions instead of editing the SDP")
                ])
            }
            if event.operation == "setLocalDescription" { lastCreated = nil }
            add(context, source: sdp.source, diagnostics)
            if applied {
                // Its own findings' codes: the reader reported its text's already when it
                // checked the texts.
                let own = (textsChecked ? configuration.apply(sdp.diagnostics, about: sdp) : []) + diagnostics
                exchange(
                    type,
                    Described(
                        context: context, sdp: sdp, line: event.line, id: event.message?.extraFields["id"],
                        codes: own.map(\.code)))
            }
        case .candidate(let line, _, _):
            add(context, source: SourceText(line), checked)
            if keepsExchanges, let candidate = event.trickledCandidate { trickled.append(candidate) }
        case .failure(let message):
            let bytes = SourceText(message)
            let rule =
                event.operation.contains("Description") ? TraceRules.descriptionRefused : TraceRules.operationFailed
            add(
                context, source: bytes,
                configuration.apply([
                    rule.diagnostic(
                        at: SourceLocation(
                            line: 1, column: 1,
                            bytes: 0..<min(bytes.count, bytes.bytes.firstIndex(of: 0x0A) ?? bytes.count)),
                        "\(event.operation): \(message)")
                ]))
        case .state(let name, let value) where value == "failed":
            let bytes = SourceText("\(name): \(value)")
            add(
                context, source: bytes,
                configuration.apply([
                    TraceRules.connectionFailed.diagnostic(
                        at: SourceLocation(line: 1, column: 1, bytes: 0..<bytes.count), "\(name) became failed")
                ]))
        case .state, .endOfCandidates, .wire:
            break
        }
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
    private mutating func exchange(_ type: SDPType, _ described: Described) {
        let context = described.context
        let wasLone = tracker.counted <= 1
        let problem: (rule: Rule, message: String)?
        switch tracker.apply(type, offer: described) {
        case .offered(let replaced):
            problem = replaced.map { (TraceRules.offerReplaced, TraceRules.offerReplacedMessage($0.context)) }
            reserve(context, source: described.sdp.source)
        case .answered(let offer):
            if let offer {
                analyze(offer, after: nil)
                analyze(described, after: offer)
            }
            problem = offer == nil ? (TraceRules.answerWithoutOffer, TraceRules.answerWithoutOfferMessage) : nil
        case .ignored:
            problem = nil
        }
        if tracker.counted > 1, let held = heldProblem {
            add(held.description.context, source: held.description.sdp.source, [held.diagnostic])
            heldProblem = nil
        }
        if let problem {
            let diagnostic = problem.rule.diagnostic(
                at: SourceLocation(line: 1, column: 1, bytes: 0..<0), problem.message)
            guard let applied = configuration.apply([diagnostic]).first else { return }
            if wasLone && tracker.counted <= 1 {
                heldProblem = (described, applied)
                reserve(context, source: described.sdp.source)
            } else {
                add(context, source: described.sdp.source, [applied])
            }
        }
    }

    /// Gives one description of an exchange to the renegotiation analysis, and places the
    /// findings of the step it completes; `offer` is the offer an answer closes.
    private mutating func analyze(_ description: Described, after offer: Described?) {
        let source = SDPSource(name: description.context, parsed: description.sdp)
        analyzed += 1
        if let step = renegotiation.add(source) { report(step, [offer, description].compactMap { $0 }) }
    }

    private mutating func report(_ step: RenegotiationStep, _ descriptions: [Described]) {
        let findings = (step.negotiation?.findings ?? []) + renegotiation.takeFindings()
        let ordered = findings.enumerated().sorted {
            ($0.element.document, $0.offset) < ($1.element.document, $1.offset)
        }.map(\.element)
        let applied = configuration.apply(ordered)
        for finding in applied {
            let text = descriptions.first { $0.context == finding.file }?.sdp.source ?? .empty
            add(finding.file, source: text, [finding.diagnostic])
        }
        if keepsExchanges, let negotiation = step.negotiation, descriptions.count == 2 {
            let sides = descriptions.map { described in
                Exchange.Side(
                    context: described.context, line: described.line, id: described.id,
                    sdp: described.sdp.value, codes: described.codes)
            }
            exchanges.append(
                Exchange(
                    session: session, origin: origin, offer: sides[0], answer: sides[1], negotiation: negotiation,
                    findings: applied.map(\.diagnostic), trickled: trickled))
            trickled = []
        }
    }

    /// The answered offers since the last call, in the order they were answered.
    mutating func takeExchanges() -> [Exchange] {
        defer { exchanges = [] }
        return exchanges
    }

    // MARK: Files

    private mutating func add(_ context: String, source: SourceText, _ diagnostics: [Diagnostic]) {
        guard !diagnostics.isEmpty else { return }
        reserve(context, source: source)
        if let index = fileIndex[context] { files[index].diagnostics += diagnostics }
    }

    /// Gives a context its place in the output now, for findings that may come later (an
    /// offer's, with its answer); a file still empty when handed back is left out.
    private mutating func reserve(_ context: String, source: SourceText) {
        guard fileIndex[context] == nil else { return }
        fileIndex[context] = files.count
        files.append(LintedFile(path: path, context: context, text: source, diagnostics: []))
    }

    /// The files before the first one that may still grow: the waiting offer's, or a held
    /// lone description's.
    private mutating func takeComplete() -> [LintedFile] {
        let open = [tracker.pendingOffer?.context, heldProblem?.description.context].compactMap { $0 }.compactMap {
            fileIndex[$0]
        }
        return take(upTo: open.min() ?? files.count)
    }

    private mutating func takeAll() -> [LintedFile] { take(upTo: files.count) }

    private mutating func take(upTo end: Int) -> [LintedFile] {
        guard end > 0 else { return [] }
        var done = files[..<end].filter { !$0.diagnostics.isEmpty }
        files.removeFirst(end)
        fileIndex = Dictionary(
            files.enumerated().map { ($1.context ?? "", $0) }, uniquingKeysWith: { first, _ in first })
        for index in done.indices {
            done[index].diagnostics = RootCauses.reduce(done[index].diagnostics).sorted {
                ($0.location, $0.code) < ($1.location, $1.code)
            }
        }
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
                case .description(let type, let sdp, _):
                    // The reader parsed the description; its own findings are reported here
                    // unless the reader reported them already, in the input's lines.
                    var own = configuration
                    own.type = type
                    return textsChecked
                        ? Linter.descriptionChecks(sdp, configuration: own)
                        : Linter.descriptionChecks(sdp, configuration: own, grammar: sdp.diagnostics).sorted {
                            ($0.location, $0.code) < ($1.location, $1.code)
                        }
                case .candidate(let line, _, _):
                    return configuration.apply(CandidateLines.check(Array(line.utf8), strict: configuration.strict))
                default:
                    return []
                }
            }, deliver: { position, diagnostics in results[jobs[position]] = diagnostics })
        return results
    }

    /// The line where two texts first differ, in the second.
    static func firstDifference(_ left: [UInt8], _ right: [UInt8]) -> SourceLocation {
        var index = 0
        var line = 1
        var lineStart = 0
        while index < left.count && index < right.count && left[index] == right[index] {
            if right[index] == 0x0A {
                line += 1
                lineStart = index + 1
            }
            index += 1
        }
        var end = lineStart
        while end < right.count && right[end] != 0x0A && right[end] != 0x0D { end += 1 }
        return SourceLocation(line: line, column: 1, bytes: lineStart..<end)
    }
}
