internal import SDPLintScanning

extension JSONNumber {
    /// What the scan of a number found: its end, or the first problem.
    enum Scan {
        case number(end: Int)
        /// The bytes at fault, and the message's end after "the number at $.x …".
        case problem(Range<Int>, String)
    }

    /// Scans the `number` that starts at `range.lowerBound` (RFC 8259 §6), stopping at the first
    /// byte that cannot continue it; reports a malformed number with the reason.
    ///
    /// ```
    /// number = [ minus ] int [ frac ] [ exp ]
    /// int    = zero / ( digit1-9 *DIGIT )
    /// frac   = decimal-point 1*DIGIT
    /// exp    = e [ minus / plus ] 1*DIGIT
    /// ```
    static func scanReportingProblem(_ bytes: Span<UInt8>, _ range: Range<Int>) -> Scan {
        let start = range.lowerBound
        let end = range.upperBound
        var i = start
        if i < end && bytes[i] == ASCII.minus { i += 1 }
        guard i < end, bytes[i].isDigit else {
            if i < end && bytes[i] == UInt8(ascii: "I") {
                return .problem(start..<i + 1, "is '-Infinity', which JSON cannot write")
            }
            return .problem(start..<i, "has a '-' without digits after it")
        }
        if bytes[i] == ASCII.zero {
            i += 1
            if i < end && bytes[i].isDigit {
                var digits = i
                while digits < end && bytes[digits].isDigit { digits += 1 }
                return .problem(
                    start..<digits,
                    "has a leading zero (\(Bytes.quoted(bytes, start..<digits, showingLength: false))); JSON numbers have none"
                )
            }
        } else {
            while i < end && bytes[i].isDigit { i += 1 }
        }
        if i < end && bytes[i] == ASCII.dot {
            let dot = i
            i += 1
            guard i < end, bytes[i].isDigit else {
                return .problem(start..<dot + 1, "has no digits after its decimal point")
            }
            while i < end && bytes[i].isDigit { i += 1 }
        }
        if i < end && (bytes[i] | 0x20) == UInt8(ascii: "e") {
            let e = i
            i += 1
            if i < end && (bytes[i] == ASCII.plus || bytes[i] == ASCII.minus) { i += 1 }
            guard i < end, bytes[i].isDigit else {
                return .problem(start..<max(i, e + 1), "has no digits in its exponent")
            }
            while i < end && bytes[i].isDigit { i += 1 }
        }
        return .number(end: i)
    }

    /// The end of the number at `range.lowerBound`, or `range.lowerBound` when it is malformed.
    static func scan(_ bytes: Span<UInt8>, _ range: Range<Int>) -> Int {
        if case .number(let end) = scanReportingProblem(bytes, range) { return end }
        return range.lowerBound
    }
}
