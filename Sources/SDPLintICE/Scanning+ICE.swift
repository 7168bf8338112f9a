internal import SDPLintDiagnostics
internal import SDPLintScanning

// Byte helpers the ICE grammars need beyond `Scanning`. Candidates for moving into `Scanning`
// once another module needs them.

extension ASCII.Class {
    /// RFC 5234 `VCHAR`: the visible ASCII characters %x21-7E, without the %x80-FF that
    /// `visible` (RFC 8866 `non-ws-string`) also allows. RFC 8839 `extension-att-value = *VCHAR`.
    static let vchar = ASCII.Class(0xFFFF_FFFE_0000_0000, 0x7FFF_FFFF_FFFF_FFFF, 0, 0)

    /// RFC 3986 `unreserved`: ALPHA / DIGIT / "-" / "." / "_" / "~".
    static let unreserved = ASCII.Class(0x03FF_6000_0000_0000, 0x47FF_FFFE_87FF_FFFE, 0, 0)
}

extension Bytes {
    /// Whether `range` holds only digits and dots: what was meant as a dotted-quad IPv4 address.
    static func isDigitsAndDots(_ bytes: Span<UInt8>, _ range: Range<Int>) -> Bool {
        for i in range where !bytes[i].isDigit && bytes[i] != ASCII.dot { return false }
        return true
    }

    /// Whether every byte of `range` is a decimal digit (and there is at least one).
    static func isDigits(_ bytes: Span<UInt8>, _ range: Range<Int>) -> Bool {
        !range.isEmpty && firstIndex(notIn: .digit, bytes, range) == nil
    }
}

extension ICEParseOptions {
    /// Runs one of the module's byte parsers over the UTF-8 of `text`: the value, the findings
    /// sorted by location, and the text.
    static func parse<Value>(
        _ text: String, _ options: ICEParseOptions, _ body: (Span<UInt8>, inout DiagnosticCollector) -> Value
    ) -> ParseResult<Value> {
        let (value, diagnostics) = text.withUTF8Span { bytes in
            var collector = DiagnosticCollector(strict: options.strict, limit: options.maxDiagnostics)
            let value = body(bytes, &collector)
            return (value, collector.sortedFindings())
        }
        return ParseResult(value: value, diagnostics: diagnostics, source: SourceText(text))
    }
}

extension DiagnosticCollector {
    /// The findings sorted by location (ties keep the order of detection), then the one that
    /// counts findings over the limit, for the one-line entry points that return an array.
    func sortedFindings() -> [Diagnostic] {
        let all = finish(overflowRule: ICERules.tooManyFindings)
        let kept = diagnostics.count
        var sorted = all[..<kept].enumerated()
            .sorted { ($0.element.location, $0.offset) < ($1.element.location, $1.offset) }
            .map(\.element)
        sorted += all[kept...]
        return sorted
    }
}
