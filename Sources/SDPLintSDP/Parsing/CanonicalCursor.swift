import SDPLintScanning

/// Reads an attribute value in its usual, canonical form: fields separated by single spaces,
/// numbers and tokens as the grammar writes them.
///
/// Each step returns `nil` or `false` at the first byte that is not canonical, and the caller
/// then takes its general path, which finds and reports the problem. On the canonical form the
/// general path reports nothing and reads the same values, so a fast path built from these
/// steps changes nothing but the cost: a few instructions per byte, where the general path
/// also splits a field list, checks every separator and prepares findings.
struct CanonicalCursor {
    private(set) var index: Int
    let end: Int

    /// A cursor over `range`, which must be non-empty and lie within `bytes` (checked here, so
    /// the steps read without bounds checks).
    @inline(__always)
    init?(_ bytes: Span<UInt8>, _ range: Range<Int>) {
        guard !range.isEmpty, range.lowerBound >= 0, range.upperBound <= bytes.count else { return nil }
        index = range.lowerBound
        end = range.upperBound
    }

    var isAtEnd: Bool { index >= end }

    /// 1 to `maxDigits` decimal digits; `nil` if there are none or more.
    @inline(__always)
    mutating func number(_ bytes: Span<UInt8>, maxDigits: Int) -> UInt64? {
        let start = index
        var value: UInt64 = 0
        while index < end {
            let digit = bytes[unchecked: index] &- ASCII.zero
            if digit > 9 { break }
            value = value &* 10 &+ UInt64(digit)
            index += 1
        }
        let count = index - start
        return count > 0 && count <= maxDigits ? value : nil
    }

    /// One or more RFC 8866 `token-char`s.
    @inline(__always)
    mutating func token(_ bytes: Span<UInt8>) -> Range<Int>? {
        let start = index
        while index < end && bytes[unchecked: index].isTokenChar { index += 1 }
        return index > start ? start..<index : nil
    }

    /// One or more bytes that are not SP or HTAB.
    @inline(__always)
    mutating func field(_ bytes: Span<UInt8>) -> Range<Int>? {
        let start = index
        index = Bytes.tokenEnd(bytes, from: index, to: end)
        return index > start ? start..<index : nil
    }

    /// Steps over `byte` if it comes next.
    @inline(__always)
    mutating func skip(_ bytes: Span<UInt8>, _ byte: UInt8) -> Bool {
        guard index < end && bytes[unchecked: index] == byte else { return false }
        index += 1
        return true
    }

    /// Steps over the one SP between two fields: it must come next, and a byte that is not
    /// white space must follow it.
    @inline(__always)
    mutating func space(_ bytes: Span<UInt8>) -> Bool {
        guard index + 1 < end, bytes[unchecked: index] == ASCII.space, !bytes[unchecked: index + 1].isWhitespace else {
            return false
        }
        index += 1
        return true
    }

    /// The rest of the value.
    @inline(__always)
    mutating func rest() -> Range<Int> {
        defer { index = end }
        return index..<end
    }
}
