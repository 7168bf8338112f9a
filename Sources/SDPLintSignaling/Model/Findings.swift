internal import SDPLintDiagnostics

/// The findings of one read, located through the input's `SourceText` and capped so hostile
/// input cannot grow memory without bound.
struct Findings: Sendable {
    private(set) var list: [Diagnostic] = []
    let index: SourceText
    let strict: Bool
    let limit: Int
    private(set) var dropped = 0

    init(index: SourceText, strict: Bool, limit: Int) {
        self.index = index
        self.strict = strict
        self.limit = max(1, limit)
    }

    /// Reports a finding at the absolute byte `range`; the message is only built under the limit.
    mutating func report(_ rule: Rule, _ range: Range<Int>, _ message: @autoclosure () -> String) {
        guard list.count < limit else {
            dropped += 1
            return
        }
        list.append(rule.diagnostic(at: index.location(of: range), message(), strict: strict))
    }

    /// Adds findings made elsewhere, already located.
    mutating func append(contentsOf diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics {
            guard list.count < limit else {
                dropped += 1
                continue
            }
            list.append(diagnostic)
        }
    }

    /// The findings, with a last one counting those over the limit.
    func finish() -> [Diagnostic] {
        guard dropped > 0, let last = list.last else { return list }
        return list + [
            SignalingRules.tooManyFindings.diagnostic(
                at: last.location, "\(dropped) more findings were not reported (limit \(limit))", strict: strict)
        ]
    }
}
