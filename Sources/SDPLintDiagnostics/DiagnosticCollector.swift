/// Gathers the findings of one parse and turns byte ranges into locations.
///
/// Parsers hand it the absolute byte range of what they found; it knows the current line, so
/// every finding gets its line and column for free. It keeps at most `limit` findings, then one
/// that says how many more were dropped, so hostile input cannot grow memory without bound.
public struct DiagnosticCollector: Sendable {
    public private(set) var diagnostics: [Diagnostic] = []
    /// Strict mode reports each rule at its strict severity.
    public let strict: Bool
    /// The 1-based number of the line being parsed.
    @usableFromInline package var line: Int = 1
    /// The byte offset at which that line starts.
    @usableFromInline package var lineStart: Int = 0
    public let limit: Int
    public private(set) var dropped = 0

    /// How many findings were reported so far, kept or dropped: compare two readings to learn
    /// whether a step found anything.
    @inlinable public var reported: Int { diagnostics.count + dropped }

    /// Adds `text` to the message of the finding at `index` of ``diagnostics``: a finding
    /// reported once for several lines learns their count when the last is read.
    package mutating func appendToMessage(at index: Int, _ text: String) {
        guard diagnostics.indices.contains(index) else { return }
        diagnostics[index].message += text
    }

    /// Lowers the findings of `code` reported since ``diagnostics`` held `start` to `severity`,
    /// with `reason` added to their messages: for a finding that cannot matter where it is.
    /// Strict mode keeps every severity.
    package mutating func lower(_ code: Rule.Code, since start: Int, to severity: Severity, because reason: String) {
        guard !strict else { return }
        for index in start..<diagnostics.count
        where diagnostics[index].code == code && diagnostics[index].severity > severity {
            diagnostics[index].severity = severity
            diagnostics[index].message += reason
        }
    }

    /// Keeps, of the errors reported since ``diagnostics`` held `start` findings, only the first:
    /// one malformed value is one finding, and what a parser trips over after the first fault
    /// in it follows from that fault. Notes and warnings stay. Returns whether there was an error.
    package mutating func keepFirstError(since start: Int) -> Bool {
        guard start < diagnostics.count else { return false }
        var sawError = false
        var kept = Array(diagnostics[..<start])
        for diagnostic in diagnostics[start...] {
            if diagnostic.severity == .error {
                if sawError { continue }
                sawError = true
            }
            kept.append(diagnostic)
        }
        diagnostics = kept
        return sawError
    }

    public init(strict: Bool = false, limit: Int = 1000) {
        self.strict = strict
        self.limit = max(1, limit)
    }

    /// Moves to the line numbered `line` (1-based), which starts at byte `offset`: the
    /// findings reported next are located on it.
    @inlinable
    public mutating func startLine(_ line: Int, at offset: Int) {
        self.line = line
        lineStart = offset
    }

    /// The location of `range`, which must start on the current line.
    @inlinable @inline(__always)
    public func location(_ range: Range<Int>) -> SourceLocation {
        SourceLocation(line: line, column: range.lowerBound - lineStart + 1, bytes: range)
    }

    /// Reports a finding. The message is only built while under the limit: hostile input with
    /// millions of findings costs no string work past it.
    public mutating func report(
        _ rule: Rule, _ range: Range<Int>, _ message: @autoclosure () -> String, hint: @autoclosure () -> String? = nil
    ) {
        guard diagnostics.count < limit else {
            dropped += 1
            return
        }
        report(rule.diagnostic(at: location(range), Self.printable(message()), hint: hint(), strict: strict))
    }

    /// Reports at a location recorded earlier (for checks made once a section is complete).
    public mutating func report(
        _ rule: Rule, at location: SourceLocation, _ message: @autoclosure () -> String,
        hint: @autoclosure () -> String? = nil
    ) {
        guard diagnostics.count < limit else {
            dropped += 1
            return
        }
        report(rule.diagnostic(at: location, Self.printable(message()), hint: hint(), strict: strict))
    }

    /// The message with control characters shown as their U+2400 symbols: values quoted from
    /// binary input must not corrupt a terminal or a log.
    static func printable(_ message: String) -> String {
        guard message.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else { return message }
        var scalars = String.UnicodeScalarView()
        for scalar in message.unicodeScalars {
            if scalar.value < 0x20 {
                scalars.append(Unicode.Scalar(0x2400 + scalar.value) ?? "?")
            } else if scalar.value == 0x7F {
                scalars.append("\u{2421}")
            } else {
                scalars.append(scalar)
            }
        }
        return String(scalars)
    }

    public mutating func report(_ diagnostic: Diagnostic) {
        if diagnostics.count < limit {
            diagnostics.append(diagnostic)
        } else {
            dropped += 1
        }
    }

    /// Whether anything reported so far is an error.
    public var hasErrors: Bool { diagnostics.containsErrors }

    /// The findings, with a last one counting those over the limit.
    public func finish(overflowRule: Rule) -> [Diagnostic] {
        guard dropped > 0, let last = diagnostics.last else { return diagnostics }
        var all = diagnostics
        all.append(
            overflowRule.diagnostic(
                at: last.location, "\(dropped) more findings were not reported (limit \(limit))", strict: strict))
        return all
    }
}
