import Diagnostics
public import SDP

/// What `sdplint check` runs on one input.
public enum Linter {
    /// Checks an input of any kind, detected from its content unless `kind` is given.
    public static func check(_ source: [UInt8], path: String, kind: InputKind? = nil, configuration: LintConfiguration = LintConfiguration()) -> LintedFile {
        switch kind ?? InputKind.detect(source) {
        case .sdpfrag:
            let (_, diagnostics) = SDPFragment.parse(bytes: source, options: configuration.parseOptions)
            return finish(configuration.apply(diagnostics), source: source, path: path)
        case .candidate:
            return finish(configuration.apply(CandidateLines.check(source, strict: configuration.strict)), source: source, path: path)
        default:
            return check(source, path: path, configuration: configuration)
        }
    }

    private static func finish(_ diagnostics: [Diagnostic], source: [UInt8], path: String) -> LintedFile {
        LintedFile(path: path, source: source, diagnostics: diagnostics.sorted { ($0.location, $0.code) < ($1.location, $1.code) })
    }

    /// Parses one SDP description, runs the WebRTC checks, and applies the configuration.
    public static func check(_ source: [UInt8], path: String, configuration: LintConfiguration = LintConfiguration()) -> LintedFile {
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
        return LintedFile(path: path, source: source, diagnostics: diagnostics)
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
