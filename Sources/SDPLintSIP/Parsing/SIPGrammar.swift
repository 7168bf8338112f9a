internal import SDPLintScanning

/// The byte classes of RFC 3261 §25.1, and the small scanners every SIP value needs: linear
/// white space, quoted strings, comma lists and `%HH` escapes.
///
/// SIP's `token` is not SDP's: it leaves out `#$&^{|}`, so the classes are built here from the
/// grammar's character lists rather than borrowed from `Scanning`.
enum SIPGrammar {
    /// `token = 1*(alphanum / "-" / "." / "!" / "%" / "*" / "_" / "+" / "`" / "'" / "~" )`
    static let token = ASCII.Class(alphanumericAnd: "-.!%*_+`'~")
    /// `unreserved = alphanum / mark`, `mark = "-" / "_" / "." / "!" / "~" / "*" / "'" / "(" / ")"`
    static let unreserved = ASCII.Class(alphanumericAnd: "-_.!~*'()")
    /// `user = 1*( unreserved / escaped / user-unreserved )`,
    /// `user-unreserved = "&" / "=" / "+" / "$" / "," / ";" / "?" / "/"`; `%` starts an escape.
    static let user = ASCII.Class(alphanumericAnd: "-_.!~*'()&=+$,;?/%")
    /// `password = *( unreserved / escaped / "&" / "=" / "+" / "$" / "," )`
    static let password = ASCII.Class(alphanumericAnd: "-_.!~*'()&=+$,%")
    /// `paramchar = param-unreserved / unreserved / escaped`,
    /// `param-unreserved = "[" / "]" / "/" / ":" / "&" / "+" / "$"`
    static let parameter = ASCII.Class(alphanumericAnd: "-_.!~*'()[]/:&+$%")
    /// `hname`/`hvalue` characters: `hnv-unreserved / unreserved / escaped`,
    /// `hnv-unreserved = "[" / "]" / "/" / "?" / ":" / "+" / "$"`
    static let uriHeader = ASCII.Class(alphanumericAnd: "-_.!~*'()[]/?:+$%")
    /// `hostname` characters: `alphanum / "-" / "."`.
    static let hostname = ASCII.Class(alphanumericAnd: "-.")
    /// RFC 3986 `scheme` characters after the first letter: `ALPHA / DIGIT / "+" / "-" / "."`.
    static let scheme = ASCII.Class(alphanumericAnd: "+-.")
    /// RFC 3966 `telephone-subscriber` characters, loosely: digits, visual separators, `+`, `*`,
    /// `#` and the letters of a local number or a `phone-context`.
    static let telephone = ASCII.Class(alphanumericAnd: "-.()+*#%")
    /// `Call-ID = word [ "@" word ]`, `word = 1*(alphanum / "-" / "." / "!" / "%" / "*" / "_" /
    /// "+" / "`" / "'" / "~" / "(" / ")" / "<" / ">" / ":" / "\" / DQUOTE / "/" / "[" / "]" /
    /// "?" / "{" / "}" )`
    static let word = ASCII.Class(alphanumericAnd: "-.!%*_+`'~()<>:\\\"/[]?{}")

    /// The first index at or after `start` that is not SP or HTAB.
    @inline(__always)
    static func skipSpace(_ bytes: Span<UInt8>, _ start: Int, _ end: Int) -> Int {
        var i = start
        while i < end && bytes[i].isWhitespace { i += 1 }
        return i
    }

    /// The end of the run of bytes of `allowed` at `start`.
    @inline(__always)
    static func run(of allowed: ASCII.Class, _ bytes: Span<UInt8>, _ start: Int, _ end: Int) -> Int {
        var i = start
        while i < end && allowed.contains(bytes[i]) { i += 1 }
        return i
    }

    /// The index just past the quoted string that opens at `start` (a `"`), or `nil` when it is
    /// not closed before `end`. `quoted-pair = "\" (%x00-09 / %x0B-0C / %x0E-7F)` escapes one byte.
    ///
    /// RFC 3261 §25.1: `quoted-string = SWS DQUOTE *(qdtext / quoted-pair ) DQUOTE`
    static func quotedStringEnd(_ bytes: Span<UInt8>, _ start: Int, _ end: Int) -> Int? {
        var i = start + 1
        while i < end {
            let b = bytes[i]
            if b == ASCII.quote { return i + 1 }
            i += b == UInt8(ascii: "\\") ? 2 : 1
        }
        return nil
    }

    /// The content of a quoted string (the range between its quotes) with quoted pairs resolved.
    static func unquoted(_ bytes: Span<UInt8>, _ range: Range<Int>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(range.count)
        var i = range.lowerBound
        while i < range.upperBound {
            if bytes[i] == UInt8(ascii: "\\"), i + 1 < range.upperBound { i += 1 }
            out.append(bytes[i])
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Splits a header value into the elements of its comma-separated list.
    ///
    /// Commas inside quoted strings, inside `<…>` and inside comments `(…)` do not separate, so
    /// `"Doe, John" <sip:j@x>, <sip:a@b;x=1,2>` is two elements. Each range is trimmed of
    /// SP/HTAB; empty elements (`a,,b`) are returned as empty ranges so the caller can report them.
    ///
    /// RFC 3261 §7.3.1: multiple values of a list header are separated by commas.
    ///
    /// - Complexity: O(n) in `range.count`.
    static func splitList(_ bytes: Span<UInt8>, _ range: Range<Int>) -> [Range<Int>] {
        var elements: [Range<Int>] = []
        var start = range.lowerBound
        var i = range.lowerBound
        var angle = false
        var comment = 0
        let end = range.upperBound
        while i < end {
            let b = bytes[i]
            if b == ASCII.quote && !angle {
                i = quotedStringEnd(bytes, i, end) ?? end
                continue
            }
            if angle {
                if b == ASCII.greater { angle = false }
            } else if comment > 0 {
                if b == UInt8(ascii: "\\") {
                    i += 2
                    continue
                }
                if b == ASCII.openParen { comment += 1 } else if b == ASCII.closeParen { comment -= 1 }
            } else if b == ASCII.less {
                angle = true
            } else if b == ASCII.openParen {
                comment = 1
            } else if b == ASCII.comma {
                elements.append(Bytes.trimmingWhitespace(bytes, start..<i))
                start = i + 1
            }
            i += 1
        }
        elements.append(Bytes.trimmingWhitespace(bytes, start..<end))
        if elements.count == 1 && elements[0].isEmpty { return [] }
        return elements
    }

    /// The first malformed `%HH` escape in `range`, or `nil`.
    static func badEscape(_ bytes: Span<UInt8>, _ range: Range<Int>) -> Int? {
        var i = range.lowerBound
        while i < range.upperBound {
            if bytes[i] == ASCII.percent {
                guard i + 2 < range.upperBound, bytes[i + 1].isHexDigit, bytes[i + 2].isHexDigit else { return i }
                i += 3
            } else {
                i += 1
            }
        }
        return nil
    }

    /// `text` with every `%HH` escape replaced by its byte, or `nil` when an escape is malformed
    /// or the result is not UTF-8.
    static func percentDecoded(_ text: String) -> String? {
        var out: [UInt8] = []
        var iterator = text.utf8.makeIterator()
        while let b = iterator.next() {
            guard b == ASCII.percent else {
                out.append(b)
                continue
            }
            guard let high = iterator.next(), let low = iterator.next(),
                high.isHexDigit, low.isHexDigit
            else { return nil }
            out.append(hexValue(high) << 4 | hexValue(low))
        }
        return String(validating: out, as: UTF8.self)
    }

    @inline(__always)
    static func hexValue(_ b: UInt8) -> UInt8 {
        if b.isDigit { return b &- ASCII.zero }
        return (b | 0x20) &- UInt8(ascii: "a") &+ 10
    }

    /// Whether `range` is a `token`.
    static func isToken(_ bytes: Span<UInt8>, _ range: Range<Int>) -> Bool {
        !range.isEmpty && Bytes.firstIndex(notIn: token, bytes, range) == nil
    }

    /// Whether every byte of `text` is a token character (and there is at least one).
    static func isToken(_ text: String) -> Bool {
        !text.utf8.isEmpty && text.utf8.allSatisfy { token.contains($0) }
    }

    /// RFC 3261 §25.1 `hostname = *( domainlabel "." ) toplabel [ "." ]`: labels of letters,
    /// digits and inner hyphens; the last label starts with a letter. A host of digits and dots
    /// is an IPv4 address and is checked as one by the caller.
    static func isHostname(_ bytes: Span<UInt8>, _ range: Range<Int>) -> Bool {
        guard !range.isEmpty else { return false }
        var end = range.upperBound
        if bytes[end - 1] == ASCII.dot { end -= 1 }
        var labelStart = range.lowerBound
        var i = range.lowerBound
        var lastLabelStart = range.lowerBound
        while i <= end {
            if i == end || bytes[i] == ASCII.dot {
                // A label is non-empty and neither starts nor ends with "-".
                guard i > labelStart, bytes[labelStart] != ASCII.minus, bytes[i - 1] != ASCII.minus else {
                    return false
                }
                lastLabelStart = labelStart
                labelStart = i + 1
            } else if !bytes[i].isAlphanumeric && bytes[i] != ASCII.minus {
                return false
            }
            i += 1
        }
        return bytes[lastLabelStart].isAlpha
    }
}

extension ASCII.Class {
    /// The letters and digits, plus the ASCII characters of `others`.
    init(alphanumericAnd others: StaticString) {
        var words: [UInt64] = [0x03FF_0000_0000_0000, 0x07FF_FFFE_07FF_FFFE, 0, 0]
        let pointer = others.utf8Start
        for i in 0..<others.utf8CodeUnitCount {
            let b = pointer[i]
            words[Int(b >> 6)] |= 1 &<< UInt64(b & 63)
        }
        self.init(words[0], words[1], words[2], words[3])
    }
}

/// Copies out of a `Span`.
enum SIPBytes {
    /// The bytes of `range` as an array.
    static func array(_ bytes: Span<UInt8>, _ range: Range<Int>) -> [UInt8] {
        if range.isEmpty { return [] }
        return bytes.extracting(range).withUnsafeBufferPointer { Array($0) }
    }
}
