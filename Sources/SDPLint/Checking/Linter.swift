import SDPLintCapture
public import SDPLintDiagnostics
import SDPLintICE
public import SDPLintInput
import SDPLintJSON
public import SDPLintReporting
public import SDPLintSDP
import SDPLintSignaling
public import SDPLintWebRTC

/// What `sdplint check` runs on one input.
public enum Linter {
    /// Checks an input of any kind, detected from its content unless `kind` is given: one
    /// ``LintedFile`` for a description, a candidate file or a SIP trace; one per place with
    /// findings for a browser dump (each description, candidate and failure of each
    /// connection). The first file always names the input, so a clean input still counts.
    public static func check(
        _ source: [UInt8], path: String, kind: InputKind? = nil, configuration: LintConfiguration = LintConfiguration()
    ) -> [LintedFile] {
        switch kind ?? InputKind.detect(source) {
        case .sdp:
            return [checkDescription(source, path: path, configuration: configuration)]
        case .sdpfrag:
            let diagnostics = SDPFragment.parse(bytes: source, options: configuration.parseOptions).diagnostics
            return [finish(configuration.apply(diagnostics), source: source, path: path)]
        case .candidate:
            var file = finish(
                configuration.apply(CandidateLines.check(source, strict: configuration.strict)), source: source,
                path: path)
            file.connectivity = ConnectivityReport(candidates: CandidateLines.candidates(source))
            return [file]
        case .json where ICEServers.matches(source):
            return [
                finish(
                    configuration.apply(ICEServerConfiguration.read(json: source).diagnostics), source: source,
                    path: path)
            ]
        case .json where SignalingMessages.isStream(source):
            var files: [LintedFile] = []
            SignalingMessages.checkStream(
                path: path, configuration: configuration,
                nextBlock: SignalingMessages.blocks(of: source)
            ) { files += $0 }
            return files
        case .sip, .http, .rtcstats, .json, .pcap, .gzip:
            guard
                let capture = TraceReader.read(
                    source, kind: kind ?? InputKind.detect(source), strict: configuration.strict)
            else {
                return [finish([], source: source, path: path)]
            }
            return check(capture, path: path, configuration: configuration)
        case .xml:
            return JingleInput.check(source, path: path, configuration: configuration)
        }
    }

    /// Checks an NDJSON file of signaling messages as a stream, a block of lines at a time
    /// (``SignalingMessages/checkStream(path:configuration:nextBlock:deliver:)``), so that
    /// memory does not grow with the file.
    public static func checkStream(
        path: String, name: String, configuration: LintConfiguration = LintConfiguration(),
        deliver: ([LintedFile]) -> Void
    ) {
        guard let reader = LineBlockReader(path: path) else {
            deliver([LintedFile(path: name, source: [], diagnostics: [])])
            return
        }
        SignalingMessages.checkStream(
            path: name, configuration: configuration, nextBlock: { reader.next() }, deliver: deliver)
    }

    /// Checks a packet capture file as a stream: `deliver` gets each SIP message's findings as
    /// it is read and each dialog's as it ends, so that memory does not grow with the file.
    /// An input with nothing to report is still delivered once, empty, so that it counts.
    public static func checkCapture(
        path: String, name: String, configuration: LintConfiguration = LintConfiguration(),
        deliver: ([LintedFile]) -> Void
    ) {
        let decoder: CaptureDecoder
        do throws(CaptureError) {
            decoder = try CaptureDecoder(path: path)
        } catch {
            deliver([LintedFile(path: name, source: [], diagnostics: configuration.apply([error.diagnostic]))])
            return
        }
        var delivered = false
        func send(_ capture: TraceCapture) {
            let files = TraceLinter.check(capture, path: name, configuration: configuration)
            if !files.isEmpty {
                delivered = true
                deliver(files)
            }
        }
        let problems = PacketCapture.stream(
            decoder, strict: configuration.strict,
            trace: { trace in
                send(TraceCapture(format: "", traces: [trace], textsChecked: true))
            },
            embedded: { file in
                send(TraceCapture(format: "", traces: [], textsChecked: true, embedded: [file]))
            })
        send(TraceCapture(format: "", traces: [], diagnostics: problems))
        if !delivered { deliver([LintedFile(path: name, source: [], diagnostics: [])]) }
    }

    /// Checks what a capture holds; a capture with nothing to report still names its input once.
    public static func check(
        _ capture: TraceCapture, path: String, configuration: LintConfiguration = LintConfiguration()
    ) -> [LintedFile] {
        var files = TraceLinter.check(capture, path: path, configuration: configuration)
        if files.isEmpty { files = [LintedFile(path: path, source: [], diagnostics: [])] }
        // The trickled candidates (RTCIceCandidateInit messages, SIP INFO, WHIP PATCH), inventoried
        // with the input's first file.
        let trickled = capture.traces.flatMap(\.events).compactMap(\.trickledCandidate)
        if files[0].connectivity == nil { files[0].connectivity = ConnectivityReport(candidates: trickled) }
        return files
    }

    private static func finish(_ diagnostics: [Diagnostic], source: [UInt8], path: String) -> LintedFile {
        LintedFile(
            path: path, source: source,
            diagnostics: diagnostics.sorted { ($0.location, $0.code) < ($1.location, $1.code) })
    }

    /// Parses one SDP description, runs the WebRTC checks, and applies the configuration.
    public static func checkDescription(
        _ source: [UInt8], path: String, configuration: LintConfiguration = LintConfiguration()
    ) -> LintedFile {
        let parsed = SessionDescription.parse(bytes: source, options: configuration.parseOptions)
        var diagnostics = configuration.apply(parsed.diagnostics + checks(parsed, configuration: configuration))
        diagnostics.sort { ($0.location, $0.code) < ($1.location, $1.code) }
        return LintedFile(
            path: path, source: source, diagnostics: diagnostics, connectivity: ConnectivityReport(parsed.value))
    }

    /// The checks beyond the grammar — WebRTC rules and the configured receiver profiles — of a
    /// description parsed elsewhere, configured.
    public static func descriptionChecks(
        _ parsed: ParseResult<SessionDescription>, configuration: LintConfiguration
    ) -> [Diagnostic] {
        configuration.apply(checks(parsed, configuration: configuration))
    }

    private static func checks(
        _ parsed: ParseResult<SessionDescription>, configuration: LintConfiguration
    ) -> [Diagnostic] {
        var diagnostics = WebRTCChecks.run(parsed, type: configuration.type, strict: configuration.strict)
        for profile in configuration.profiles {
            diagnostics += profile.check(parsed, strict: configuration.strict)
        }
        return diagnostics
    }

    /// The canonical text of an SDP input and the findings that stopped it being formatted, if
    /// any: inputs with errors are not rewritten.
    public static func format(
        _ source: [UInt8], path: String, options: SDPParseOptions = .lenient
    ) -> (text: String?, file: LintedFile) {
        let result = SessionDescription.parse(bytes: source, options: options)
        let file = LintedFile(
            path: path, source: source, diagnostics: result.diagnostics.filter { $0.severity == .error })
        guard !result.hasErrors else { return (nil, file) }
        return (result.value.formatted().serialized(), file)
    }
}

/// `RTCConfiguration` JSON with `iceServers`, or a list of `RTCIceServer` objects.
enum ICEServers {
    static func matches(_ source: [UInt8]) -> Bool {
        guard let value = JSONValue.parse(source).value else { return false }
        if value["iceServers"] != nil { return true }
        if let list = value.arrayValue, let first = list.first { return first["urls"] != nil }
        return value["urls"] != nil && value["type"] == nil
    }
}
