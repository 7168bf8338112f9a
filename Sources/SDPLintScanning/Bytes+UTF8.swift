/// UTF-8 validation: the one validator of the package, shared by the SDP, SIP, JSON and XML
/// readers.
///
/// A sequence is well formed when it matches a row of Unicode §3.9, Table 3-7 ("Well-Formed
/// UTF-8 Byte Sequences"): no overlong forms, no surrogates (U+D800…U+DFFF), nothing above
/// U+10FFFF. RFC 3629 §4 gives the same grammar as ABNF:
///
/// ```
/// UTF8-2 = %xC2-DF UTF8-tail
/// UTF8-3 = %xE0 %xA0-BF UTF8-tail / %xE1-EC 2( UTF8-tail ) /
///          %xED %x80-9F UTF8-tail / %xEE-EF 2( UTF8-tail )
/// UTF8-4 = %xF0 %x90-BF 2( UTF8-tail ) / %xF1-F3 3( UTF8-tail ) /
///          %xF4 %x80-8F 2( UTF8-tail )
/// ```
extension Bytes {
    /// The row of Table 3-7 a lead byte starts: the sequence length and the range its second
    /// byte must lie in (the later bytes are always 0x80…0xBF). Length 0 for a byte that starts
    /// no multi-byte sequence (ASCII, a continuation byte, C0, C1, F5…FF).
    @inlinable @inline(__always)
    package static func utf8Row(lead: UInt8) -> (length: Int, low: UInt8, high: UInt8) {
        switch lead {
        case 0xC2...0xDF: return (2, 0x80, 0xBF)
        case 0xE0: return (3, 0xA0, 0xBF)
        case 0xE1...0xEC, 0xEE...0xEF: return (3, 0x80, 0xBF)
        case 0xED: return (3, 0x80, 0x9F)
        case 0xF0: return (4, 0x90, 0xBF)
        case 0xF1...0xF3: return (4, 0x80, 0xBF)
        case 0xF4: return (4, 0x80, 0x8F)
        default: return (0, 0, 0)
        }
    }

    /// The length (2…4) of the well-formed multi-byte UTF-8 sequence at `start`, or 0 when the
    /// bytes from `start` up to `end` do not begin with one.
    ///
    /// - Parameters:
    ///   - bytes: The input.
    ///   - start: The offset of the lead byte; `start < end`.
    ///   - end: Where the readable bytes end; a sequence cut short by it is not well formed.
    /// - Returns: The sequence length, or 0.
    @inlinable @inline(__always)
    package static func utf8SequenceLength(_ bytes: Span<UInt8>, _ start: Int, _ end: Int) -> Int {
        let row = utf8Row(lead: bytes[start])
        guard row.length > 0, start + row.length <= end else { return 0 }
        let second = bytes[start + 1]
        guard second >= row.low && second <= row.high else { return 0 }
        var k = 2
        while k < row.length {
            guard bytes[start + k] & 0xC0 == 0x80 else { return 0 }
            k += 1
        }
        return row.length
    }

    /// The length of the maximal subpart of an ill-formed sequence at `start`: what one U+FFFD
    /// replaces, as Unicode §3.9 recommends ("U+FFFD Substitution of Maximal Subparts").
    ///
    /// - Parameters:
    ///   - bytes: The input.
    ///   - start: The offset of a byte where ``utf8SequenceLength(_:_:_:)`` is 0; `start < end`.
    ///   - end: Where the readable bytes end.
    /// - Returns: At least 1.
    package static func utf8MaximalSubpart(_ bytes: Span<UInt8>, _ start: Int, _ end: Int) -> Int {
        let row = utf8Row(lead: bytes[start])
        guard row.length > 0 else { return 1 }
        var k = 1
        while k < row.length && start + k < end {
            let byte = bytes[start + k]
            guard k == 1 ? (byte >= row.low && byte <= row.high) : (byte & 0xC0 == 0x80) else { break }
            k += 1
        }
        return k
    }

    /// The offset of the first byte at or after `start` that does not begin a well-formed UTF-8
    /// sequence, or `nil` when every sequence from `start` on is well formed.
    ///
    /// - Parameters:
    ///   - bytes: The input.
    ///   - start: Where to begin; the bytes before it are not looked at.
    /// - Returns: The offset of the lead byte of the first ill-formed sequence, or `nil`.
    /// - Complexity: O(*n*), eight bytes at a time over runs of ASCII.
    package static func firstInvalidUTF8(_ bytes: Span<UInt8>, from start: Int = 0) -> Int? {
        let count = bytes.count
        var i = max(0, start)
        while i < count {
            if i + 8 <= count && loadWord(bytes, i) & 0x8080_8080_8080_8080 == 0 {
                i += 8
                continue
            }
            if bytes[i] < 0x80 {
                i += 1
                continue
            }
            let length = utf8SequenceLength(bytes, i, count)
            guard length > 0 else { return i }
            i += length
        }
        return nil
    }
}
