package import SDPLintDiagnostics
package import SDPLintICE

/// A file of ICE candidate lines: each line on its own, with or without `a=` and `candidate:`.
package enum CandidateLines {
    /// The candidates that parse, in order.
    package static func candidates(_ source: [UInt8]) -> [Candidate] {
        String(decoding: source, as: UTF8.self).split(whereSeparator: \.isNewline).compactMap { line in
            line == "a=end-of-candidates" ? nil : Candidate.parse(String(line)).value
        }
    }

    package static func check(_ source: [UInt8], strict: Bool) -> [Diagnostic] {
        var collector = DiagnosticCollector(strict: strict)
        let slice = source[...]
        let bytes = slice.span
        var start = 0
        var line = 1
        while start < bytes.count {
            var end = start
            while end < bytes.count && bytes[end] != 0x0A { end += 1 }
            var contentEnd = end
            if contentEnd > start && bytes[contentEnd - 1] == 0x0D { contentEnd -= 1 }
            collector.line = line
            collector.lineStart = start
            var valueStart = start
            for prefix in ["a=", "candidate:"] {
                let literal = Array(prefix.utf8)
                if contentEnd - valueStart >= literal.count
                    && (0..<literal.count).allSatisfy({ bytes[valueStart + $0] == literal[$0] })
                {
                    valueStart += literal.count
                }
            }
            let text = start..<contentEnd
            if !text.isEmpty
                && !(contentEnd - start == 19 && String(decoding: source[text], as: UTF8.self) == "a=end-of-candidates")
            {
                _ = Candidate.parse(bytes, valueStart..<contentEnd, into: &collector)
            }
            start = end + 1
            line += 1
        }
        return collector.diagnostics
    }
}
