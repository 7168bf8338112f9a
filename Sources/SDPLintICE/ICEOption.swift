public import SDPLintDiagnostics
internal import SDPLintScanning

/// One tag of `a=ice-options`: an ICE extension the agent supports. An open vocabulary: an
/// unknown tag is kept as written.
///
/// Tags compare exactly: `ice-option-tag` is not an ABNF literal, and implementations match the
/// registered spellings byte for byte.
///
/// RFC 8839 §5.6 <https://www.rfc-editor.org/rfc/rfc8839#section-5.6>
///
/// ```
/// ice-options           = "ice-options:" ice-option-tag *(SP ice-option-tag)
/// ice-option-tag        = 1*ice-char
/// ```
public struct ICEOption: Sendable, Hashable, CustomStringConvertible, ExpressibleByStringLiteral {
    /// The tag as written.
    public let tag: String

    public init(_ tag: String) { self.tag = tag }
    public init(stringLiteral value: String) { self.tag = value }

    /// Trickle ICE: candidates may arrive after the description (RFC 8840 §4.1.1).
    public static let trickle = ICEOption("trickle")
    /// The agent implements RFC 8445 rather than RFC 5245 (RFC 8445 §10).
    public static let ice2 = ICEOption("ice2")
    /// The controlling agent may nominate another pair later (draft-thatcher-ice-renomination).
    public static let renomination = ICEOption("renomination")

    public var description: String { tag }

    /// Reads the value of `a=ice-options` (without the `ice-options:` prefix) leniently. Never
    /// throws and never traps.
    ///
    /// - Parameters:
    ///   - text: The tags, separated by single spaces.
    ///   - options: Whether rules report at their strict severity.
    /// - Returns: The tags in order — malformed ones included, as written — with the findings,
    ///   columns counted from the start of `text`.
    /// - Complexity: O(n) in the length of `text`.
    public static func parseList(_ text: String, options: ICEParseOptions = .lenient) -> ParseResult<[ICEOption]> {
        ICEParseOptions.parse(text, options) { bytes, collector in
            parseList(bytes, 0..<bytes.count, into: &collector)
        }
    }

    /// Reads the `ice-options` value at the absolute byte `range` of `bytes`.
    ///
    /// - Complexity: O(n) in `range.count`.
    package static func parseList(
        _ bytes: Span<UInt8>, _ range: Range<Int>, into diagnostics: inout DiagnosticCollector
    ) -> [ICEOption] {
        var options: [ICEOption] = []
        scanList(bytes, range, into: &diagnostics) { options.append(ICEOption(Bytes.string(bytes, $0))) }
        return options
    }

    /// Checks the `ice-options` value at the absolute byte `range` of `bytes` without making
    /// the tags: what ``parseList(_:_:into:)`` reports.
    ///
    /// - Complexity: O(n) in `range.count`.
    package static func checkList(
        _ bytes: Span<UInt8>, _ range: Range<Int>, into diagnostics: inout DiagnosticCollector
    ) {
        scanList(bytes, range, into: &diagnostics) { _ in }
    }

    /// Walks the tags, reporting problems and passing each non-empty tag's range to `tag`.
    private static func scanList(
        _ bytes: Span<UInt8>, _ range: Range<Int>, into diagnostics: inout DiagnosticCollector,
        tag found: (Range<Int>) -> Void
    ) {
        let rule = ICERules.invalidICEOption
        if range.isEmpty {
            diagnostics.report(rule, range, "ice-options has no tag; it needs at least one")
            return
        }
        var start = range.lowerBound
        while true {
            // Tags are separated by exactly one SP, so anything else between them is a tag.
            let end = Bytes.firstIndex(of: ASCII.space, in: bytes, start..<range.upperBound)
            let tag = start..<end
            if tag.isEmpty {
                diagnostics.report(
                    rule, tag,
                    end == range.upperBound
                        ? "ice-options ends with a space: the last tag is empty"
                        : "ice-options has an empty tag: two spaces in a row, or a space at the start")
            } else {
                if let bad = Bytes.firstIndex(notIn: .ice, bytes, tag) {
                    let separator =
                        bytes[bad] == ASCII.comma || bytes[bad] == ASCII.tab
                        ? "; tags are separated by single spaces" : ""
                    diagnostics.report(
                        rule, tag,
                        """
                        the ice-options tag \(Bytes.quoted(bytes, tag)) has \(bytes[bad].displayed), which is not \
                        an ice-char\(separator)
                        """
                    )
                }
                found(tag)
            }
            guard end < range.upperBound else { break }
            start = end + 1
        }
    }

    /// Appends the tags separated by single spaces: the value of `a=ice-options`.
    public static func write(_ options: [ICEOption], to output: inout String) {
        for (index, option) in options.enumerated() {
            if index > 0 { output += " " }
            output += option.tag
        }
    }
}
