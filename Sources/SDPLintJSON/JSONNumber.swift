internal import SDPLintScanning

/// A JSON number, kept as the exact text it was written with.
///
/// JSON numbers have no size and no precision (RFC 8259 §6): `123456789012345678901234567890` and
/// `1e400` are valid, and a reader that turns them into a `Double` loses them. This type keeps the
/// text, so a number prints back exactly as it was read, and converts on demand: ``int64``,
/// ``uint64`` and ``double``.
///
/// Two numbers are equal when their texts are: `1.0` and `1` are different numbers here, as they
/// are different texts. Compare ``double`` (or ``int64``) to compare values.
///
/// RFC 8259 §6 <https://www.rfc-editor.org/rfc/rfc8259#section-6>
///
/// ```
/// number = [ minus ] int [ frac ] [ exp ]
/// int    = zero / ( digit1-9 *DIGIT )
/// frac   = decimal-point 1*DIGIT
/// exp    = e [ minus / plus ] 1*DIGIT
/// ```
public struct JSONNumber: Sendable, Hashable, CustomStringConvertible, ExpressibleByIntegerLiteral,
    ExpressibleByFloatLiteral
{
    /// The number as written: `-0.5e10`.
    public let text: String

    /// A number from text already known to match the grammar (the parser's own scan).
    init(uncheckedText text: String) { self.text = text }

    /// The number written as `text`, or `nil` when `text` does not match the `number` grammar.
    ///
    /// - Complexity: O(n) in the length of `text`.
    public init?(_ text: String) {
        var copy = text
        let valid = copy.withUTF8 { !$0.isEmpty && JSONNumber.scan($0.span, 0..<$0.count) == $0.count }
        guard valid else { return nil }
        self.text = text
    }

    /// The integer, written in decimal.
    public init<Integer: BinaryInteger>(_ value: Integer) {
        text = String(value)
    }

    /// The shortest text that reads back as `value`, or `nil` for NaN and the infinities, which
    /// JSON cannot write.
    public init?(_ value: Double) {
        guard value.isFinite else { return nil }
        text = value.description
    }

    public init(integerLiteral value: Int) { self.init(value) }

    /// A literal such as `0.5`. Literals are finite; should one not be, it is written as `0`.
    public init(floatLiteral value: Double) {
        text = value.isFinite ? value.description : "0"
    }

    public var description: String { text }

    /// The nearest `Double`: `±infinity` beyond its range (`1e400`), and a rounded value for
    /// digits beyond its precision.
    public var double: Double {
        // The standard library's conversion reads the JSON grammar exactly and rounds correctly.
        Double(text) ?? .nan
    }

    /// Whether the number is a whole number: `3`, `-0`, `3.0`, `1e2` and `1e400` are; `1.5` and
    /// `1e-2` are not.
    public var isInteger: Bool { decomposed.map { $0.exponent >= 0 || $0.digits.isEmpty } ?? false }

    /// The number as an `Int64` when it is a whole number in its range, written in any form
    /// (`100`, `1e2`, `100.0`); otherwise `nil`.
    public var int64: Int64? { exactInteger() }

    /// The number as a `UInt64` when it is a non-negative whole number in its range.
    public var uint64: UInt64? { exactInteger() }

    /// The number as an `Int` when it is a whole number in its range.
    public var int: Int? { exactInteger() }

    /// The number as `T` when it is a whole number in `T`'s range; `nil` when it has a fraction
    /// or does not fit.
    ///
    /// - Complexity: O(n) in the length of ``text``.
    public func exactInteger<T: FixedWidthInteger>(as type: T.Type = T.self) -> T? {
        guard let parts = decomposed else { return nil }
        if parts.digits.isEmpty { return 0 }
        guard parts.exponent >= 0 else { return nil }
        // More decimal digits than any fixed-width integer holds: out of range.
        guard parts.digits.count + parts.exponent <= 40 else { return nil }
        var value: T = 0
        for digit in parts.digits {
            let (times10, o1) = value.multipliedReportingOverflow(by: 10)
            let (next, o2) =
                parts.negative
                ? times10.subtractingReportingOverflow(T(digit))
                : times10.addingReportingOverflow(T(digit))
            if o1 || o2 { return nil }
            value = next
        }
        for _ in 0..<parts.exponent {
            let (times10, overflow) = value.multipliedReportingOverflow(by: 10)
            if overflow { return nil }
            value = times10
        }
        return value
    }

    /// The number as sign, significant digits without leading or trailing zeros, and the power of
    /// ten of the last digit: `-1.50e3` is (true, [1, 5], 2). Zero has no digits.
    private var decomposed: (negative: Bool, digits: [UInt8], exponent: Int)? {
        var negative = false
        var digits: [UInt8] = []
        var fractionCount = 0
        var exponent = 0
        var exponentNegative = false
        enum Part { case integer, fraction, exponent }
        var part = Part.integer
        for byte in text.utf8 {
            switch byte {
            case ASCII.minus:
                if part == .exponent { exponentNegative = true } else { negative = true }
            case ASCII.plus:
                break
            case ASCII.dot:
                part = .fraction
            case UInt8(ascii: "e"), UInt8(ascii: "E"):
                part = .exponent
            case ASCII.zero...ASCII.nine:
                let digit = byte &- ASCII.zero
                switch part {
                case .integer:
                    if !(digits.isEmpty && digit == 0) { digits.append(digit) }
                case .fraction:
                    fractionCount += 1
                    digits.append(digit)
                case .exponent:
                    // Saturate: an exponent of a billion is already far beyond every type.
                    if exponent < 1_000_000_000 { exponent = exponent * 10 + Int(digit) }
                }
            default:
                return nil
            }
        }
        // Leading zeros of the fraction ("0.05") carry no value.
        var firstSignificant = 0
        while firstSignificant < digits.count && digits[firstSignificant] == 0 { firstSignificant += 1 }
        var scale = (exponentNegative ? -exponent : exponent) - fractionCount
        var last = digits.count
        while last > firstSignificant && digits[last - 1] == 0 {
            last -= 1
            scale += 1
        }
        if last == firstSignificant { return (negative, [], 0) }
        return (negative, Array(digits[firstSignificant..<last]), scale)
    }
}
