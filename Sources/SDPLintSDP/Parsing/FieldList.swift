import SDPLintDiagnostics
import SDPLintScanning

/// The fields of a value split at white space, found in one pass with no allocation.
///
/// At most `limit` fields are split; the last one runs to the end of the value, spaces
/// included (for grammars whose last part is free text, such as fmtp parameters). A separator
/// other than one space is reported once, as are leading spaces: receivers that split on single
/// spaces (libwebrtc among them) see an empty field there.
struct FieldList {
    static let capacity = 4
    private var fields = FieldRanges(repeating: 0..<0)
    private(set) var count = 0
    /// The end of the whole value, where a missing field would have started.
    let end: Int

    @inline(__always)
    init(
        _ bytes: Span<UInt8>, _ range: Range<Int>, limit: Int = FieldList.capacity, lineField: Bool = false,
        diagnostics: inout DiagnosticCollector
    ) {
        end = range.upperBound
        let limit = min(limit, Self.capacity)
        let upper = min(range.upperBound, bytes.count)
        var i = max(0, range.lowerBound)
        var reported = false
        while i < upper && count < limit {
            // The separator before this field.
            let separatorStart = i
            while i < upper && bytes[unchecked: i].isWhitespace { i += 1 }
            if i > separatorStart && !reported
                && (separatorStart == range.lowerBound || i - separatorStart > 1
                    || bytes[unchecked: separatorStart] != ASCII.space)
            {
                reported = true
                diagnostics.report(
                    lineField ? SDPRules.whitespace : SDPRules.valueWhitespace, separatorStart..<i,
                    separatorStart == range.lowerBound
                        ? "white space before the first field" : "fields are separated by more than one space",
                    hint: "separate fields with a single space")
            }
            guard i < upper else { break }
            let start = i
            i = count == limit - 1 ? upper : Bytes.tokenEnd(bytes, from: i, to: upper)
            fields[count] = start..<i
            count += 1
        }
    }

    @inline(__always) subscript(_ index: Int) -> Range<Int> { fields[index] }

    /// The field at `index`, or `nil` if there are fewer fields.
    @inline(__always) func at(_ index: Int) -> Range<Int>? { index < count ? fields[index] : nil }

    /// An empty range where field `index` would be: just after the previous one.
    func missing(_ index: Int) -> Range<Int> {
        let position = index > 0 && index - 1 < count ? fields[index - 1].upperBound : end
        return position..<position
    }
}
