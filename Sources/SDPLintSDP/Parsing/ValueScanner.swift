import SDPLintDiagnostics
import SDPLintScanning

/// Walks an attribute value field by field.
///
/// Fields are separated by exactly one space (RFC 8866 §9 and each attribute's grammar); a run
/// of spaces or a tab is tolerated and reported once, as receivers that split on single spaces
/// (libwebrtc among them) reject such lines.
struct ValueScanner {
    private(set) var index: Int
    let end: Int
    private var reportedWhitespace = false
    /// Whether white space problems are reported as line syntax (o=, m=, …) rather than
    /// attribute-value syntax.
    var isLineField = false

    init(_ range: Range<Int>) {
        index = range.lowerBound
        end = range.upperBound
    }

    var isAtEnd: Bool { index >= end }
    var remaining: Range<Int> { index..<end }

    /// The next field, up to the next SP or HTAB; `nil` at the end.
    @inline(__always)
    mutating func field(_ bytes: Span<UInt8>, _ diagnostics: inout DiagnosticCollector) -> Range<Int>? {
        // The usual separator, one SP between two fields, needs no report.
        if index < end && index + 1 < bytes.count && index >= 0 && bytes[unchecked: index] == ASCII.space
            && index != valueStart && (index + 1 == end || !bytes[unchecked: index + 1].isWhitespace)
        {
            index += 1
        } else {
            skipSeparator(bytes, &diagnostics)
        }
        guard index < end else { return nil }
        let start = index
        index = Bytes.tokenEnd(bytes, from: index, to: end)
        return start..<index
    }

    /// Everything left after the separator (which may hold spaces), or `nil` at the end.
    mutating func rest(_ bytes: Span<UInt8>, _ diagnostics: inout DiagnosticCollector) -> Range<Int>? {
        skipSeparator(bytes, &diagnostics)
        guard index < end else { return nil }
        defer { index = end }
        return index..<end
    }

    /// The bytes up to (not including) `byte` or the end; moves past `byte` if found.
    mutating func upTo(_ byte: UInt8, _ bytes: Span<UInt8>) -> (range: Range<Int>, found: Bool) {
        let stop = Bytes.firstIndex(of: byte, in: bytes, index..<end)
        let range = index..<stop
        if stop < end {
            index = stop + 1
            return (range, true)
        }
        index = end
        return (range, false)
    }

    /// Skips the white space before a field. At the start of the value none is expected either.
    private mutating func skipSeparator(_ bytes: Span<UInt8>, _ diagnostics: inout DiagnosticCollector) {
        let start = index
        index = Bytes.skipWhitespace(bytes, from: index, to: end)
        let run = index - start
        guard run > 0, !reportedWhitespace else { return }
        if run > 1 || bytes[start] != ASCII.space || isFirstField(start) {
            reportedWhitespace = true
            diagnostics.report(
                isLineField ? SDPRules.whitespace : SDPRules.valueWhitespace, start..<index,
                isFirstField(start)
                    ? "white space before the first field" : "fields are separated by more than one space",
                hint: "separate fields with a single space")
        }
    }

    private var valueStart: Int?
    private func isFirstField(_ position: Int) -> Bool { position == valueStart }

    /// Marks the first byte of the value, so leading white space is reported.
    init(value range: Range<Int>) {
        self.init(range)
        valueStart = range.lowerBound
    }
}

/// Field readers shared by the typed attributes. Each reports with the rule it is given.
enum Field {
    /// A decimal number that must fit `T` and lie in `bounds`.
    static func integer<T: FixedWidthInteger & UnsignedInteger>(
        _ bytes: Span<UInt8>, _ range: Range<Int>, _ what: String, _ rule: Rule,
        in bounds: ClosedRange<T>? = nil, _ diagnostics: inout DiagnosticCollector
    ) -> T? {
        switch DecimalDigits.parse(bytes, range, as: T.self) {
        case .success(let value):
            if let bounds, !bounds.contains(value) {
                diagnostics.report(
                    rule, range, "\(what) \(value) is out of range \(bounds.lowerBound)–\(bounds.upperBound)")
                return nil
            }
            return value
        case .failure(.empty):
            diagnostics.report(rule, range, "\(what) is missing")
        case .failure(.notADigit(let at)):
            let column = diagnostics.location(at..<at).column
            diagnostics.report(
                rule, range,
                "\(what) '\(Bytes.string(bytes, range))' is not a number (\(bytes[at].displayed) at column \(column))")
        case .failure(.overflow):
            diagnostics.report(rule, range, "\(what) \(Bytes.string(bytes, range)) is too large")
        }
        return nil
    }

    /// A payload type, 0–127, as an `Int`.
    static func payloadType(
        _ bytes: Span<UInt8>, _ range: Range<Int>, _ rule: Rule, _ diagnostics: inout DiagnosticCollector
    ) -> Int? {
        switch DecimalDigits.parse(bytes, range, as: UInt64.self) {
        case .success(let value) where value <= 127:
            return Int(value)
        case .success:
            diagnostics.report(
                SDPRules.payloadTypeRange, range, "payload type \(Bytes.string(bytes, range)) is out of range 0–127")
            return nil
        default:
            diagnostics.report(
                rule, range,
                range.isEmpty
                    ? "payload type is missing" : "payload type '\(Bytes.string(bytes, range))' is not a number")
            return nil
        }
    }

    /// Checks `range` is a non-empty token (RFC 8866 `token`).
    @discardableResult
    static func token(
        _ bytes: Span<UInt8>, _ range: Range<Int>, _ what: String, _ rule: Rule,
        _ diagnostics: inout DiagnosticCollector
    ) -> Bool {
        if range.isEmpty {
            diagnostics.report(rule, range, "\(what) is missing")
            return false
        }
        if let bad = Bytes.firstIndex(notIn: .token, bytes, range) {
            diagnostics.report(
                rule, bad..<(bad + 1),
                "\(what) '\(Bytes.string(bytes, range))' contains \(bytes[bad].displayed), which a token may not hold")
            return false
        }
        return true
    }

    /// Reports bytes after the last field.
    static func noMore(
        _ scanner: inout ValueScanner, _ bytes: Span<UInt8>, _ rule: Rule, _ what: String,
        _ diagnostics: inout DiagnosticCollector
    ) {
        if let extra = scanner.rest(bytes, &diagnostics) {
            diagnostics.report(rule, extra, "unexpected '\(Bytes.string(bytes, extra))' after \(what)")
        }
    }
}
