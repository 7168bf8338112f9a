import SDPLintDiagnostics
public import SDPLintInput
import SDPLintJSON
import SDPLintOfferAnswer
public import SDPLintReporting
import SDPLintSDP
import SDPLintSignaling
public import SDPLintWebRTC

/// Checks everything a capture recorded: each description applied (as `sdplint check` would,
/// knowing whether it is an offer or an answer), each trickled candidate, the failures and
/// failed states the browser logged, and each connection's offer/answer exchanges as one
/// renegotiation sequence (as `sdplint diff` would).
public enum TraceLinter {
    /// The findings, one ``LintedFile`` per place in the capture that has any (the capture
    /// itself first, then each connection's events in order).
    public static func check(
        _ capture: TraceCapture, path: String, configuration: LintConfiguration = LintConfiguration()
    ) -> [LintedFile] {
        var files: [LintedFile] = []
        let readProblems = configuration.apply(capture.diagnostics)
        if !readProblems.isEmpty {
            files.append(
                LintedFile(
                    path: path, source: capture.source, diagnostics: readProblems.sorted { $0.location < $1.location }))
        }
        for var file in capture.embedded {
            file.path = path
            file.diagnostics = configuration.apply(file.diagnostics).sorted {
                ($0.location, $0.code) < ($1.location, $1.code)
            }
            if !file.diagnostics.isEmpty { files.append(file) }
        }
        for trace in capture.traces {
            files += check(trace, path: path, configuration: configuration, textsChecked: capture.textsChecked)
        }
        return files
    }

    /// The findings about one connection, in the order of its events.
    static func check(
        _ trace: SignalingTrace, path: String, configuration: LintConfiguration, textsChecked: Bool
    ) -> [LintedFile] {
        var checker = TraceChecker(trace, path: path, configuration: configuration, textsChecked: textsChecked)
        return checker.add(trace.events) + checker.finish()
    }

    /// The line where two texts first differ.
    static func firstDifference(_ a: String, _ b: String) -> SourceLocation {
        let left = Array(a.utf8)
        let right = Array(b.utf8)
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
