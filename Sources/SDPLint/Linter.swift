import Diagnostics
import JSON
public import SDP

/// What `sdplint check` runs on one input.
public enum Linter {
    /// Checks an input of any kind, detected from its content unless `kind` is given: one
    /// ``LintedFile`` for a description, a candidate file or a SIP trace; one per place with
    /// findings for a browser dump (each description, candidate and failure of each
    /// connection). The first file always names the input, so a clean input still counts.
    public static func check(_ source: [UInt8], path: String, kind: InputKind? = nil, configuration: LintConfiguration = LintConfiguration()) -> [LintedFile] {
        switch kind ?? InputKind.detect(source) {
        case .sdp:
            return [checkDescription(source, path: path, configuration: configuration)]
        case .sdpfrag:
            let (_, diagnostics) = SDPFragment.parse(bytes: source, options: configuration.parseOptions)
            return [finish(configuration.apply(diagnostics), source: source, path: path)]
        case .candidate:
            var file = finish(configuration.apply(CandidateLines.check(source, strict: configuration.strict)), source: source, path: path)
            file.connectivity = ConnectivityReport(candidates: CandidateLines.candidates(source))
            return [file]
        case .sip:
            return [finish(configuration.apply(SIPTrace.check(source, strict: configuration.strict)), source: source, path: path)]
        case .rtcstats, .json:
            if let capture = TraceReader.read(source, kind: kind ?? InputKind.detect(source)) {
                let files = TraceLinter.check(capture, path: path, configuration: configuration)
                return files.isEmpty ? [LintedFile(path: path, source: [], diagnostics: [])] : files
            }
            let parsed = JSONValue.parse(source)
            var diagnostics = parsed.diagnostics
            if parsed.value != nil {
                diagnostics.append(TraceRules.unrecognizedInput.diagnostic(
                    at: SourceLocation(line: 1, column: 1, bytes: 0..<min(source.count, 1)),
                    "the JSON is not a signaling message, a webrtc-internals or rtcstats dump, or a Firefox about:webrtc report"))
            }
            return [finish(configuration.apply(diagnostics), source: source, path: path)]
        case .xml:
            return JingleInput.check(source, path: path, configuration: configuration)
        case .gzip, .pcap, .http:
            let kind = kind ?? InputKind.detect(source)
            let problem = TraceRules.unrecognizedInput.diagnostic(
                at: SourceLocation(line: 1, column: 1, bytes: 0..<0), "\(kind) input is not supported yet")
            return [finish([problem], source: [], path: path)]
        }
    }

    private static func finish(_ diagnostics: [Diagnostic], source: [UInt8], path: String) -> LintedFile {
        LintedFile(path: path, source: source, diagnostics: diagnostics.sorted { ($0.location, $0.code) < ($1.location, $1.code) })
    }

    /// Parses one SDP description, runs the WebRTC checks, and applies the configuration.
    public static func checkDescription(_ source: [UInt8], path: String, configuration: LintConfiguration = LintConfiguration()) -> LintedFile {
        let result = SessionDescription.parse(bytes: source, options: configuration.parseOptions)
        var diagnostics = result.diagnostics
        diagnostics += WebRTCChecks.run(result.description, source: source, type: configuration.type, strict: configuration.strict)
        if !configuration.profiles.isEmpty {
            let map = SourceMap(source)
            for profile in configuration.profiles {
                diagnostics += profile.check(result.description, map: map, strict: configuration.strict)
            }
        }
        diagnostics = configuration.apply(diagnostics)
        diagnostics.sort { ($0.location, $0.code) < ($1.location, $1.code) }
        return LintedFile(path: path, source: source, diagnostics: diagnostics, connectivity: ConnectivityReport(result.description))
    }

    /// The canonical text of an SDP input and the findings that stopped it being formatted, if
    /// any: inputs with errors are not rewritten.
    public static func format(_ source: [UInt8], path: String, options: ParseOptions = .lenient) -> (text: String?, file: LintedFile) {
        let result = SessionDescription.parse(bytes: source, options: options)
        let file = LintedFile(path: path, source: source, diagnostics: result.diagnostics.filter { $0.severity == .error })
        guard !result.hasErrors else { return (nil, file) }
        return (result.description.formatted().serialized(), file)
    }
}
