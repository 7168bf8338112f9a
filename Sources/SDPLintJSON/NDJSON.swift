public import SDPLintDiagnostics
internal import SDPLintScanning

/// Newline-delimited JSON: one JSON text per line, as signaling logs and candidate dumps are
/// written.
///
/// Lines end with LF (a CR before it is allowed); blank lines are skipped. Each line is parsed on
/// its own, so a bad line gets its findings and the lines after it are read as usual. Locations
/// are in the whole stream: a finding on line 12 says line 12.
///
/// NDJSON 1.0 <https://github.com/ndjson/ndjson-spec>
public enum NDJSON {
    /// One line of the stream.
    public struct Record: Sendable, Hashable {
        /// The 1-based line number.
        public let line: Int
        /// The line's bytes in the stream, without its line ending.
        public let bytes: Range<Int>
        /// The value and its locations, or `nil` when the line could not be read.
        public let document: JSONDocument?
        /// The findings of this line.
        public let diagnostics: [Diagnostic]

        /// The line's value, or `nil` when it could not be read.
        public var value: JSONValue? { document?.value }
    }

    /// Reads every line of an NDJSON stream. Never throws and never traps.
    ///
    /// - Parameters:
    ///   - text: The stream.
    ///   - options: Limits (applied to each line) and strictness.
    /// - Returns: One record per non-blank line, in order; every line's findings, in order, with
    ///   locations in the whole stream; and the stream.
    /// - Complexity: O(n) in the length of the stream.
    public static func parse(_ text: String, options: JSONParseOptions = .lenient) -> ParseResult<[Record]> {
        parse(bytes: Array(text.utf8), options: options)
    }

    /// Reads every line of an NDJSON stream from its bytes; see ``parse(_:options:)``.
    ///
    /// - Parameters:
    ///   - bytes: The stream, UTF-8 as far as it is valid.
    ///   - options: Limits (applied to each line) and strictness.
    /// - Returns: One record per non-blank line, every finding, and the stream.
    /// - Complexity: O(n) in the number of bytes.
    public static func parse(bytes: [UInt8], options: JSONParseOptions = .lenient) -> ParseResult<[Record]> {
        let records = bytes.withSpan { span in Self.records(in: span, options: options) }
        return ParseResult(value: records, diagnostics: records.flatMap(\.diagnostics), source: SourceText(bytes))
    }

    /// The records of the lines of `bytes`.
    private static func records(in bytes: Span<UInt8>, options: JSONParseOptions) -> [Record] {
        var records: [Record] = []
        var lineStart = 0
        var line = 1
        while lineStart < bytes.count {
            let lineFeed = Bytes.firstIndex(of: ASCII.lf, in: bytes, lineStart..<bytes.count)
            var lineEnd = lineFeed
            if lineEnd > lineStart && bytes[lineEnd - 1] == ASCII.cr { lineEnd -= 1 }
            if !isBlank(bytes, lineStart..<lineEnd) {
                var collector = DiagnosticCollector(strict: options.strict, limit: options.maxDiagnostics)
                collector.line = line
                collector.lineStart = lineStart
                let document = JSONDocument.parse(bytes, lineStart..<lineEnd, options: options, into: &collector)
                records.append(
                    Record(
                        line: line, bytes: lineStart..<lineEnd, document: document,
                        diagnostics: collector.finish(overflowRule: JSONRules.tooManyFindings)))
            }
            lineStart = lineFeed + 1
            line += 1
        }
        return records
    }

    /// The values as an NDJSON stream: each compact, on its own line, each line ending in LF.
    ///
    /// - Complexity: O(n) in the size of the text.
    public static func serialized(_ values: [JSONValue]) -> String {
        var output = ""
        for value in values {
            value.write(to: &output)
            output += "\n"
        }
        return output
    }

    private static func isBlank(_ bytes: Span<UInt8>, _ range: Range<Int>) -> Bool {
        for index in range {
            let byte = bytes[index]
            if byte != ASCII.space && byte != ASCII.tab && byte != ASCII.cr { return false }
        }
        return true
    }
}
