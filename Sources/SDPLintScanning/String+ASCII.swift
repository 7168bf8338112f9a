/// ASCII case folding and trimming for the names and values the standards compare without
/// case (ABNF string literals are case-insensitive, RFC 5234 §2.3; SIP header and parameter
/// names, RFC 3261 §7.3.1 and §19.1.4; media and encoding names, RFC 4855 §3) while the original
/// spelling is kept for output. No locale and no Unicode case mapping: only A–Z and a–z fold.
extension String {
    /// The string with ASCII capitals lowered; every other character unchanged.
    ///
    /// - Complexity: O(*n*); no copy when there is no capital.
    package var lowercasedASCII: String {
        guard utf8.contains(where: { $0 &- UInt8(ascii: "A") < 26 }) else { return self }
        return String(decoding: utf8.map(\.asciiLowercased), as: UTF8.self)
    }

    /// The string with ASCII small letters raised; every other character unchanged.
    ///
    /// - Complexity: O(*n*); no copy when there is no small letter.
    package var uppercasedASCII: String {
        guard utf8.contains(where: { $0 &- UInt8(ascii: "a") < 26 }) else { return self }
        return String(decoding: utf8.map { $0 &- UInt8(ascii: "a") < 26 ? $0 & ~0x20 : $0 }, as: UTF8.self)
    }

    /// Whether the two strings are equal when ASCII letters are folded to lower case.
    ///
    /// - Parameter other: The string to compare with.
    /// - Complexity: O(*n*), without allocating (for native strings).
    package func equalsIgnoringASCIICase(_ other: String) -> Bool {
        withUTF8Span { a in
            other.withUTF8Span { b in
                guard a.count == b.count else { return false }
                for i in 0..<a.count where a[i] != b[i] && a[i].asciiLowercased != b[i].asciiLowercased {
                    return false
                }
                return true
            }
        }
    }

    /// Feeds the string to `hasher` so that strings ``equalsIgnoringASCIICase(_:)`` calls equal
    /// hash equally, without making a lower-cased copy.
    ///
    /// - Parameter hasher: The hasher to feed.
    /// - Complexity: O(*n*).
    package func hashIgnoringASCIICase(into hasher: inout Hasher) {
        for byte in utf8 { hasher.combine(byte.asciiLowercased) }
        hasher.combine(utf8.count)
    }
}

extension StringProtocol {
    /// The text without the spaces and tabs at either end (RFC 5234 `WSP`).
    ///
    /// - Complexity: O(*n*).
    package var trimmingASCIISpaces: String {
        var start = startIndex
        var end = endIndex
        while start < end, self[start] == " " || self[start] == "\t" { start = index(after: start) }
        while end > start {
            let before = index(before: end)
            guard self[before] == " " || self[before] == "\t" else { break }
            end = before
        }
        return String(self[start..<end])
    }
}

extension Bytes {
    /// `range` without SP and HTAB at either end (RFC 5234 `WSP`).
    ///
    /// - Parameters:
    ///   - bytes: The input.
    ///   - range: A range of `bytes`.
    /// - Returns: The part of `range` between its leading and trailing white space.
    /// - Complexity: O(*n*) in the white space removed.
    @inlinable @inline(__always)
    package static func trimmingWhitespace(_ bytes: Span<UInt8>, _ range: Range<Int>) -> Range<Int> {
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper && bytes[lower].isWhitespace { lower += 1 }
        while upper > lower && bytes[upper - 1].isWhitespace { upper -= 1 }
        return lower..<upper
    }
}

extension Bytes {
    /// The text of `range` in single quotes for a message, cut after `limit` bytes at a
    /// character boundary, so that a megabyte-long token does not make a megabyte-long message.
    ///
    /// - Parameters:
    ///   - bytes: The input.
    ///   - range: The text to quote.
    ///   - limit: The most bytes shown.
    ///   - showingLength: Whether a cut text is followed by its length, `'abc…' (70 bytes)`.
    /// - Returns: `'text'`, or `'text…'` when cut.
    package static func quoted(
        _ bytes: Span<UInt8>, _ range: Range<Int>, limit: Int = 40, showingLength: Bool = true
    ) -> String {
        guard range.count > limit else { return "'" + string(bytes, range) + "'" }
        var cut = range.lowerBound + limit
        // Back up to the first byte of a UTF-8 sequence.
        while cut > range.lowerBound && bytes[cut] & 0xC0 == 0x80 { cut -= 1 }
        return "'" + string(bytes, range.lowerBound..<cut) + "…'" + (showingLength ? " (\(range.count) bytes)" : "")
    }
}

extension Array where Element == String {
    /// "a", "a and b", "a, b and c": a list in a finding's message.
    package var joinedAsList: String {
        switch count {
        case 0: return ""
        case 1: return self[0]
        default: return dropLast().joined(separator: ", ") + " and " + self[count - 1]
        }
    }
}
