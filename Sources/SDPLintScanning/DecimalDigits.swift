/// Runs of decimal digits read as numbers, digit by digit with overflow checks: a port of
/// "99999999999999999999" is a diagnostic, never a trap. (Not `Decimal`, which would shadow
/// Foundation's decimal floating-point type in any file that imports both.)
@usableFromInline package enum DecimalDigits {
    @usableFromInline package enum Failure: Error, Equatable, Sendable {
        /// No bytes at all.
        case empty
        /// A byte that is not a digit, at this index.
        case notADigit(at: Int)
        /// More than the type can hold.
        case overflow
    }

    /// Parses `range` as `1*DIGIT` into `T`.
    @inlinable @inline(__always)
    package static func parse<T: FixedWidthInteger & UnsignedInteger>(
        _ bytes: Span<UInt8>, _ range: Range<Int>, as type: T.Type = T.self
    ) -> Result<T, Failure> {
        if range.isEmpty { return .failure(.empty) }
        guard range.lowerBound >= 0, range.upperBound <= bytes.count else { return .failure(.empty) }
        // Up to 19 digits fit a UInt64 without overflow checks; most numbers in SDP are short.
        if range.count <= 19 {
            var value: UInt64 = 0
            for i in range {
                let digit = bytes[unchecked: i] &- ASCII.zero
                guard digit < 10 else { return .failure(.notADigit(at: i)) }
                value = value &* 10 &+ UInt64(digit)
            }
            guard value <= UInt64(T.max) else { return .failure(.overflow) }
            return .success(T(truncatingIfNeeded: value))
        }
        var value: T = 0
        for i in range {
            let digit = bytes[unchecked: i] &- ASCII.zero
            guard digit < 10 else { return .failure(.notADigit(at: i)) }
            let (times10, o1) = value.multipliedReportingOverflow(by: 10)
            let (sum, o2) = times10.addingReportingOverflow(T(digit))
            if o1 || o2 { return .failure(.overflow) }
            value = sum
        }
        return .success(value)
    }

    /// Whether `range` is `1*DIGIT` with a superfluous leading zero ("007").
    @inlinable
    package static func hasLeadingZero(_ bytes: Span<UInt8>, _ range: Range<Int>) -> Bool {
        range.count > 1 && bytes[range.lowerBound] == ASCII.zero
    }

    /// Parses RFC 8866 `non-zero-int-or-real` and similar decimals ("20", "0.5", "29.97"), as a
    /// `Double`. Returns `nil` for anything else (signs, exponents, empty parts).
    package static func parseReal(_ bytes: Span<UInt8>, _ range: Range<Int>) -> Double? {
        guard !range.isEmpty else { return nil }
        var integer: Double = 0
        var fraction: Double = 0
        var scale: Double = 1
        var seenDot = false
        var digits = 0
        for i in range {
            let b = bytes[i]
            if b == ASCII.dot {
                if seenDot || digits == 0 { return nil }
                seenDot = true
                continue
            }
            let d = b &- ASCII.zero
            guard d < 10 else { return nil }
            digits += 1
            if seenDot {
                scale /= 10
                fraction += Double(d) * scale
            } else {
                integer = integer * 10 + Double(d)
            }
        }
        if seenDot && bytes[range.upperBound - 1] == ASCII.dot { return nil }
        return integer + fraction
    }
}
