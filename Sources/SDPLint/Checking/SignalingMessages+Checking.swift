import SDPLintDiagnostics
import SDPLintICE
public import SDPLintInput
import SDPLintJSON
import SDPLintReporting
import SDPLintSignaling
import SDPLintWebRTC

extension SignalingMessages {
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
}
