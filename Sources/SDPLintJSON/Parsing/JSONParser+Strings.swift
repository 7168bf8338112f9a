internal import SDPLintDiagnostics
internal import SDPLintScanning

extension JSONParser {
    /// Reads the string whose opening quotation mark is at `i`, leaving `i` just past the closing
    /// one.
    ///
    /// RFC 8259 §7 <https://www.rfc-editor.org/rfc/rfc8259#section-7>
    ///
    /// ```
    /// string     = quotation-mark *char quotation-mark
    /// char       = unescaped / escape ( %x22 / %x5C / %x2F / %x62 / %x66 / %x6E / %x72 / %x74 / %x75 4HEXDIG )
    /// unescaped  = %x20-21 / %x23-5B / %x5D-10FFFF
    /// ```
    ///
    /// A string without escapes or repairs is its bytes in the text, validated on the way and not
    /// copied; only a string with escapes or repairs is decoded, through the scratch buffer, into
    /// a `String` of `strings`.
    ///
    /// - Returns: The string's row, or `nil` when it is unterminated or too long.
    /// - Complexity: O(n) in the string's length, eight bytes at a time over plain ASCII.
    mutating func readString(_ bytes: Span<UInt8>, _ i: inout Int, _ end: Int) -> JSONTape.Row? {
        let quote = i
        let contentStart = i + 1
        var position = contentStart
        // Bytes from `runStart` up to `position` are verbatim and not yet in `scratch`; while
        // `rewriting` is false, the string is the input bytes themselves.
        var runStart = contentStart
        var rewriting = false
        let raw = bytes.bytes

        while true {
            // Skip plain ASCII eight bytes at a time: no quote, backslash, control or high byte.
            while position &+ 8 <= end {
                let word = UInt64(
                    littleEndian: raw.unsafeLoadUnaligned(fromUncheckedByteOffset: position, as: UInt64.self))
                let special =
                    Self.hasByte(word, 0x22) | Self.hasByte(word, 0x5C) | Self.hasLess(word, 0x20)
                    | (word & 0x8080_8080_8080_8080)
                if special == 0 {
                    position &+= 8
                } else {
                    // The lowest flagged byte is exact; flags above it may be false positives.
                    position &+= special.trailingZeroBitCount >> 3
                    break
                }
            }
            guard position < end else {
                report(
                    JSONRules.unterminatedString, quote..<quote + 1,
                    "the string at \(valuePath()) has no closing quotation mark; the text ends inside it")
                return nil
            }
            let byte = bytes[unchecked: position]
            if byte == ASCII.quote {
                guard position - contentStart <= limits.maxStringLength else {
                    report(
                        JSONRules.stringTooLong, quote..<position + 1,
                        """
                        the string at \(valuePath()) is \(position - contentStart) bytes long, more than the limit \
                        of \(limits.maxStringLength)
                        """
                    )
                    return nil
                }
                i = position + 1
                guard rewriting else { return row(.string, quote..<i) }
                flush(bytes, runStart..<position)
                guard strings.count <= JSONTape.Row.maxPayload else {
                    _ = tooManyRows(at: quote)
                    return nil
                }
                strings.append(String(decoding: scratch, as: UTF8.self))
                return row(.escapedString, quote..<i, payload: UInt32(truncatingIfNeeded: strings.count - 1))
            } else if byte == ASCII.backslash {
                if !rewriting {
                    scratch.removeAll(keepingCapacity: true)
                    rewriting = true
                }
                flush(bytes, runStart..<position)
                guard readEscape(bytes, &position, end) else {
                    report(
                        JSONRules.unterminatedString, quote..<quote + 1,
                        "the string at \(valuePath()) has no closing quotation mark; the text ends inside it")
                    return nil
                }
                runStart = position
            } else if byte < 0x20 {
                report(
                    JSONRules.controlCharacter, position..<position + 1,
                    keepsMessages
                        ? """
                        the string at \(valuePath()) holds \(Self.controlName(byte)) unescaped; write it as \
                        \(Self.escapeName(byte))
                        """
                        : "")
                position += 1
                if byte == ASCII.lf { newLine(at: position) }
            } else if byte < 0x80 {
                position += 1
            } else {
                let length = Bytes.utf8SequenceLength(bytes, position, end)
                if length > 0 {
                    position += length
                } else {
                    if !rewriting {
                        scratch.removeAll(keepingCapacity: true)
                        rewriting = true
                    }
                    flush(bytes, runStart..<position)
                    let bad = Bytes.utf8MaximalSubpart(bytes, position, end)
                    report(
                        JSONRules.invalidUTF8, position..<position + bad,
                        keepsMessages
                            ? """
                            the string at \(valuePath()) holds \(Self.hexBytes(bytes, position..<position + bad)), \
                            which is not UTF-8; replaced by U+FFFD
                            """
                            : "")
                    scratch.append(contentsOf: Self.replacementCharacter)
                    position += bad
                    runStart = position
                }
            }
        }
    }

    /// Appends the verbatim bytes of `range` to the scratch buffer.
    @inline(__always)
    mutating func flush(_ bytes: Span<UInt8>, _ range: Range<Int>) {
        guard !range.isEmpty else { return }
        bytes.extracting(range).withUnsafeBufferPointer { scratch.append(contentsOf: $0) }
    }

    /// The text of a string row just read from `bytes`: a member name, which the parser keeps
    /// as a `String` for its duplicate checks and paths.
    func string(of row: JSONTape.Row, in bytes: Span<UInt8>) -> String {
        guard row.kind == .escapedString else {
            return Bytes.string(bytes, origin + Int(row.start) + 1..<origin + Int(row.end) - 1)
        }
        return strings[Int(row.payload)]
    }

    /// Reads the escape whose backslash is at `position` into the scratch buffer, leaving
    /// `position` past it. Invalid escapes and lone surrogates are reported and become U+FFFD.
    ///
    /// - Returns: `false` when the text ends inside the escape.
    mutating func readEscape(_ bytes: Span<UInt8>, _ position: inout Int, _ end: Int) -> Bool {
        let backslash = position
        guard backslash + 1 < end else { return false }
        let kind = bytes[backslash + 1]
        let simple: UInt8?
        switch kind {
        case ASCII.quote, ASCII.backslash, ASCII.slash: simple = kind
        case UInt8(ascii: "b"): simple = 0x08
        case UInt8(ascii: "f"): simple = 0x0C
        case UInt8(ascii: "n"): simple = ASCII.lf
        case UInt8(ascii: "r"): simple = ASCII.cr
        case UInt8(ascii: "t"): simple = ASCII.tab
        case UInt8(ascii: "u"): simple = nil
        default:
            // Leave a control or non-ASCII byte after the backslash to the caller's checks.
            let length = kind >= 0x20 && kind < 0x80 ? 2 : 1
            let shown =
                kind >= 0x20 && kind < 0x7F
                ? "'\\\(Character(Unicode.Scalar(kind)))'" : "a backslash before \(kind.displayed)"
            report(
                JSONRules.invalidEscape, backslash..<backslash + length,
                keepsMessages ? "\(shown) in the string at \(valuePath()) is not a JSON escape; replaced by U+FFFD" : ""
            )
            scratch.append(contentsOf: Self.replacementCharacter)
            position = backslash + length
            return true
        }
        if let simple {
            scratch.append(simple)
            position = backslash + 2
            return true
        }
        guard let unit = Self.hex4(bytes, backslash + 2, end) else {
            var digits = backslash + 2
            while digits < end && digits < backslash + 6 && bytes[digits].isHexDigit { digits += 1 }
            if digits == end { return false }
            report(
                JSONRules.invalidEscape, backslash..<digits,
                keepsMessages
                    ? """
                    '\\u' in the string at \(valuePath()) is not followed by four hexadecimal digits; replaced by \
                    U+FFFD
                    """
                    : "")
            scratch.append(contentsOf: Self.replacementCharacter)
            position = digits
            return true
        }
        position = backslash + 6
        switch unit {
        case 0xD800...0xDBFF:
            // A high surrogate must be followed by an escaped low surrogate (RFC 8259 §7).
            if position + 1 < end, bytes[position] == ASCII.backslash, bytes[position + 1] == UInt8(ascii: "u"),
                let low = Self.hex4(bytes, position + 2, end), (0xDC00...0xDFFF).contains(low)
            {
                let scalar = 0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(low) - 0xDC00)
                appendScalar(scalar)
                position += 6
            } else {
                report(
                    JSONRules.loneSurrogate, backslash..<position,
                    keepsMessages
                        ? """
                        \(Self.hexEscape(unit)) in the string at \(valuePath()) is a high surrogate without a low \
                        surrogate after it; replaced by U+FFFD
                        """
                        : "")
                scratch.append(contentsOf: Self.replacementCharacter)
            }
        case 0xDC00...0xDFFF:
            report(
                JSONRules.loneSurrogate, backslash..<position,
                keepsMessages
                    ? """
                    \(Self.hexEscape(unit)) in the string at \(valuePath()) is a low surrogate without a high \
                    surrogate before it; replaced by U+FFFD
                    """
                    : "")
            scratch.append(contentsOf: Self.replacementCharacter)
        default:
            appendScalar(UInt32(unit))
        }
        return true
    }

    /// Appends the UTF-8 encoding of a Unicode scalar value (not a surrogate) to the scratch buffer.
    mutating func appendScalar(_ scalar: UInt32) {
        switch scalar {
        case 0..<0x80:
            scratch.append(UInt8(truncatingIfNeeded: scalar))
        case 0x80..<0x800:
            scratch.append(0xC0 | UInt8(truncatingIfNeeded: scalar >> 6))
            scratch.append(0x80 | UInt8(truncatingIfNeeded: scalar & 0x3F))
        case 0x800..<0x10000:
            scratch.append(0xE0 | UInt8(truncatingIfNeeded: scalar >> 12))
            scratch.append(0x80 | UInt8(truncatingIfNeeded: (scalar >> 6) & 0x3F))
            scratch.append(0x80 | UInt8(truncatingIfNeeded: scalar & 0x3F))
        default:
            scratch.append(0xF0 | UInt8(truncatingIfNeeded: scalar >> 18))
            scratch.append(0x80 | UInt8(truncatingIfNeeded: (scalar >> 12) & 0x3F))
            scratch.append(0x80 | UInt8(truncatingIfNeeded: (scalar >> 6) & 0x3F))
            scratch.append(0x80 | UInt8(truncatingIfNeeded: scalar & 0x3F))
        }
    }

    // MARK: - Byte helpers

    static let replacementCharacter: [UInt8] = [0xEF, 0xBF, 0xBD]

    /// Flags (high bit of each byte) the bytes of `word` equal to `byte`. The lowest flag is exact.
    @inline(__always)
    static func hasByte(_ word: UInt64, _ byte: UInt8) -> UInt64 {
        Bytes.zeroBytes(word ^ (0x0101_0101_0101_0101 &* UInt64(byte)))
    }

    /// Flags the bytes of `word` below `limit` (at most 128). The lowest flag is exact.
    @inline(__always)
    static func hasLess(_ word: UInt64, _ limit: UInt8) -> UInt64 {
        (word &- 0x0101_0101_0101_0101 &* UInt64(limit)) & ~word & 0x8080_8080_8080_8080
    }

    /// The value of four hexadecimal digits at `start`, or `nil`.
    static func hex4(_ bytes: Span<UInt8>, _ start: Int, _ end: Int) -> UInt16? {
        guard start + 4 <= end else { return nil }
        var value: UInt16 = 0
        for offset in start..<start + 4 {
            let byte = bytes[offset]
            let digit: UInt8
            switch byte {
            case ASCII.zero...ASCII.nine: digit = byte &- ASCII.zero
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte &- UInt8(ascii: "a") &+ 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte &- UInt8(ascii: "A") &+ 10
            default: return nil
            }
            value = value << 4 | UInt16(digit)
        }
        return value
    }

    // MARK: - Message pieces

    static func hexBytes(_ bytes: Span<UInt8>, _ range: Range<Int>) -> String {
        var text = "byte"
        if range.count > 1 { text += "s" }
        for offset in range {
            let hex = String(bytes[offset], radix: 16, uppercase: true)
            text += (offset == range.lowerBound ? " 0x" : " 0x") + (hex.count == 1 ? "0" + hex : hex)
        }
        return text
    }

    static func hexEscape(_ unit: UInt16) -> String {
        let hex = String(unit, radix: 16, uppercase: true)
        return "'\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + "'"
    }

    static func controlName(_ byte: UInt8) -> String {
        switch byte {
        case ASCII.lf: "a line feed"
        case ASCII.cr: "a carriage return"
        case ASCII.tab: "a tab"
        case 0: "a NUL byte"
        default: "the control character U+00" + (byte < 0x10 ? "0" : "") + String(byte, radix: 16, uppercase: true)
        }
    }

    static func escapeName(_ byte: UInt8) -> String {
        switch byte {
        case ASCII.lf: "\\n"
        case ASCII.cr: "\\r"
        case ASCII.tab: "\\t"
        case 0x08: "\\b"
        case 0x0C: "\\f"
        default: "\\u00" + (byte < 0x10 ? "0" : "") + String(byte, radix: 16)
        }
    }
}

extension ASCII {
    static var backslash: UInt8 { UInt8(ascii: "\\") }
}
