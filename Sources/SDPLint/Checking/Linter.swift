public import SDPLintDiagnostics
import SDPLintICE
public import SDPLintInput
import SDPLintOfferAnswer
public import SDPLintSDP
import SDPLintSignaling
import SDPLintWebRTC

/// What `sdplint check` runs on one input: every finding about an `InputDocument`.
public enum Linter {
    /// Reads an input of any kind (detected from its content unless `kind` is given) and checks
    /// it: one `LintedFile` for the input itself, then one per place inside it with findings
    /// of its own (each description, candidate and failure of each connection of a dump, each
    /// SIP message of a capture). The first file always names the input, so a clean input still
    /// counts.
    public static func check(
        _ source: [UInt8], path: String, kind: InputKind? = nil, configuration: LintConfiguration = LintConfiguration()
    ) -> [LintedFile] {
        check(
            InputReader.read(source, name: path, kind: kind, options: configuration.readOptions),
            configuration: configuration)
    }

    /// Checks one session description: its grammar, the WebRTC rules and the configured
    /// receiver profiles, in one file.
    public static func checkDescription(
        _ source: [UInt8], path: String, configuration: LintConfiguration = LintConfiguration()
    ) -> LintedFile {
        let files = check(source, path: path, kind: .sdp, configuration: configuration)
        return files.first ?? LintedFile(path: path, source: source, diagnostics: [])
    }

    /// Checks a document read whole.
    public static func check(
        _ document: InputDocument, configuration: LintConfiguration = LintConfiguration()
    )
        -> [LintedFile]
    {
        var checker = DocumentChecker(name: document.name, configuration: configuration)
        return checker.add(document) + checker.finish()
    }

    /// The checks beyond the grammar — WebRTC rules and the configured receiver profiles — of a
    /// description parsed elsewhere, configured; nothing is parsed again. `grammar`, the parse's
    /// own findings when the caller reports them too, comes first and is configured with the
    /// rest, so that what a profile's receiver does not read is found once.
    public static func descriptionChecks(
        _ parsed: ParseResult<SessionDescription>, configuration: LintConfiguration, grammar: [Diagnostic] = []
    ) -> [Diagnostic] {
        let diagnostics = WebRTCChecks.run(parsed, type: configuration.type, strict: configuration.strict)
        return configuration.apply(
            grammar + diagnostics + profileChecks(parsed, configuration: configuration), about: parsed)
    }

    /// What the receivers of the configuration's profiles are known to refuse in a description.
    static func profileChecks(
        _ parsed: ParseResult<SessionDescription>, configuration: LintConfiguration
    ) -> [Diagnostic] {
        configuration.profiles.flatMap { $0.check(parsed, type: configuration.type, strict: configuration.strict) }
    }
}

/// Checks the documents of one input as they come: a whole input, or the pieces of a stream
/// (the blocks of an NDJSON stream, the dialogs of a capture). Each session's checks follow it
/// from piece to piece, so a stream of any length is checked in the memory of its open
/// exchanges; the files come back in input order, each as soon as nothing more can be added.
public struct DocumentChecker {
    let name: String
    let configuration: LintConfiguration
    /// Whether each signaling message's findings come back as soon as it is checked, marked
    /// with its record (``LintedFile/record``): an offer's findings about its exchange then come
    /// with the answer's record instead of with the offer.
    let byRecord: Bool
    /// Whether answered offers are kept for ``takeExchanges()`` (`--format features`).
    let keepsExchanges: Bool
    /// The answered offers not handed back yet.
    private var exchanges: [Exchange] = []
    /// The sessions being followed, each with when it was last added to.
    private var sessions: [String: (checker: TraceChecker, lastUse: Int)] = [:]
    /// The sessions being followed, in the order they began: the order they end in at the end.
    private var order: [String] = []
    private var uses = 0
    private var delivered = false

    /// The most sessions followed at once. A session ends when it hangs up, or when its
    /// capture's dialog ends; when a piece of the input brings more than this many open, the
    /// ones added to least recently, of those it does not continue, are ended as if they had,
    /// so that an endless stream is checked in bounded memory.
    public static let openSessionLimit = 4096

    public init(name: String, configuration: LintConfiguration, byRecord: Bool = false) {
        self.init(name: name, configuration: configuration, byRecord: byRecord, keepsExchanges: false)
    }

    init(name: String, configuration: LintConfiguration, byRecord: Bool, keepsExchanges: Bool) {
        self.name = name
        self.configuration = configuration
        self.byRecord = byRecord
        self.keepsExchanges = keepsExchanges
    }

    /// The offers answered since the last call, in the order their files came back.
    mutating func takeExchanges() -> [Exchange] {
        defer { exchanges = [] }
        return exchanges
    }

    /// The files of the next document (or piece) of the input that are complete.
    public mutating func add(_ document: InputDocument) -> [LintedFile] {
        let diagnostics =
            if case .description(let parsed) = document.content {
                Linter.descriptionChecks(parsed, configuration: configuration, grammar: document.diagnostics)
            } else {
                configuration.apply(document.diagnostics)
            }
        var own = LintedFile(
            path: name, text: document.source, firstLine: document.firstLine, diagnostics: diagnostics)
        var files: [LintedFile] = []
        switch document.content {
        case .description(let parsed):
            own.connectivity = ConnectivityReport(parsed.value)
        case .candidates(let candidates):
            own.connectivity = ConnectivityReport(candidates: candidates)
        case .fragment, .iceServers, .unreadable:
            break
        case .traces(let traces):
            // The candidates that trickled, inventoried with the input's own file.
            let trickled = traces.flatMap(\.events).compactMap(\.trickledCandidate)
            own.connectivity = ConnectivityReport(candidates: trickled)
            files += check(traces, textsChecked: document.textsChecked)
        }
        own.diagnostics = RootCauses.reduce(own.diagnostics).sorted { ($0.location, $0.code) < ($1.location, $1.code) }
        var embedded: [LintedFile] = []
        for var file in document.embedded {
            file.path = name
            file.diagnostics = configuration.apply(file.diagnostics).sorted {
                ($0.location, $0.code) < ($1.location, $1.code)
            }
            if !file.diagnostics.isEmpty { embedded.append(file) }
        }
        var all = embedded + files
        if !own.diagnostics.isEmpty {
            all.insert(own, at: 0)
        } else if let connectivity = own.connectivity {
            // Nothing to say about the input as a whole: the inventory goes with its first file.
            if all.isEmpty { all = [own] } else if all[0].connectivity == nil { all[0].connectivity = connectivity }
        }
        if !all.isEmpty { delivered = true }
        return all
    }

    /// Checks the traces of a document, each with its session's checks. Sessions are
    /// independent, so their traces are checked on every core; their files come back in the
    /// order of the traces.
    private mutating func check(_ traces: [SignalingTrace], textsChecked: Bool) -> [LintedFile] {
        var files: [LintedFile] = []
        let jobs = traces.map { trace in (trace: trace, checker: sessions.removeValue(forKey: trace.name)?.checker) }
        // Room for the sessions that go on or begin here: past the limit, the idlest others end.
        let excess = sessions.count + jobs.count - Self.openSessionLimit
        if excess > 0 {
            let idlest = sessions.sorted { $0.value.lastUse < $1.value.lastUse }.prefix(excess).map(\.key)
            for idle in idlest { files += end(idle) }
        }
        let (path, configuration, byRecord, keepsExchanges) = (name, configuration, byRecord, keepsExchanges)
        Batch.forEach(
            jobs,
            work: { job -> Checked in
                Self.check(
                    job.trace, with: job.checker,
                    making: {
                        TraceChecker(
                            job.trace, path: path, configuration: configuration, textsChecked: textsChecked,
                            byRecord: byRecord, keepsExchanges: keepsExchanges)
                    })
            },
            deliver: { index, result in
                let name = jobs[index].trace.name
                files += result.files
                exchanges += result.exchanges
                if result.ended || jobs[index].checker == nil { order.removeAll { $0 == name } }
                if let checker = result.checker {
                    uses += 1
                    sessions[name] = (checker, uses)
                    if !order.contains(name) { order.append(name) }
                }
            })
        return files
    }

    /// What checking one trace gave: the files, the answered offers, the checks still open, and
    /// whether a session ended on the way.
    private struct Checked: Sendable {
        var files: [LintedFile] = []
        var exchanges: [Exchange] = []
        var checker: TraceChecker?
        var ended = false
    }

    /// Checks a trace's events with its session's checks (`checker`, or new ones `making`
    /// makes): a hang-up ends the session, and what follows with the same id begins a new one.
    private static func check(
        _ trace: SignalingTrace, with checker: TraceChecker?, making: () -> TraceChecker
    ) -> Checked {
        var result = Checked(checker: checker)
        var events = trace.events[...]
        while true {
            let cut = events.firstIndex(where: \.endsSession).map { $0 + 1 } ?? events.endIndex
            let part = Array(events[..<cut])
            events = events[cut...]
            var session = result.checker ?? making()
            result.files += session.add(part)
            result.exchanges += session.takeExchanges()
            result.checker = session
            guard part.last?.endsSession == true || (events.isEmpty && trace.ended) else { break }
            // Its open exchange gets its findings, with the hang-up's record.
            var closing = session.finish()
            if session.byRecord, let record = part.last?.line {
                for index in closing.indices { closing[index].record = record }
            }
            result.files += closing
            result.checker = nil
            result.ended = true
            if events.isEmpty { break }
        }
        return result
    }

    /// Ends a session crowded out by newer ones: its open exchange gets its findings, which
    /// belong to no record.
    private mutating func end(_ session: String) -> [LintedFile] {
        guard var ended = sessions.removeValue(forKey: session) else { return [] }
        order.removeAll { $0 == session }
        return ended.checker.finish()
    }

    /// The end of the input: the sessions' open exchanges get their findings; an input with
    /// nothing to report still names itself once, so that it counts.
    public mutating func finish() -> [LintedFile] {
        var files: [LintedFile] = []
        for session in order { files += sessions[session]?.checker.finish() ?? [] }
        sessions = [:]
        order = []
        if files.isEmpty && !delivered { files.append(LintedFile(path: name, source: [], diagnostics: [])) }
        delivered = true
        return files
    }
}
