import SDPLintInput
import SDPLintReporting
import SDPLintWebRTC

/// Byte classes of the ASCII text the anonymizer scans.
enum Glyph {
    static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
    static func isUpper(_ byte: UInt8) -> Bool { byte >= 0x41 && byte <= 0x5A }
    static func isLower(_ byte: UInt8) -> Bool { byte >= 0x61 && byte <= 0x7A }
    static func isLetter(_ byte: UInt8) -> Bool { isUpper(byte) || isLower(byte) }
    static func isAlphanumeric(_ byte: UInt8) -> Bool { isDigit(byte) || isLetter(byte) }
    static func isHex(_ byte: UInt8) -> Bool {
        isDigit(byte) || (byte >= 0x41 && byte <= 0x46) || (byte >= 0x61 && byte <= 0x66)
    }
    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }
    static func isLineBreak(_ byte: UInt8) -> Bool { byte == 0x0A || byte == 0x0D }
    /// Letters, digits and bytes of non-ASCII characters: what a word is made of.
    static func isWord(_ byte: UInt8) -> Bool { isAlphanumeric(byte) || byte >= 0x80 }

    static func text(_ bytes: some Collection<UInt8>) -> String { String(decoding: bytes, as: UTF8.self) }

    /// Whether `bytes` start with `prefix`, ignoring ASCII case.
    static func hasPrefix(_ bytes: ArraySlice<UInt8>, _ prefix: String) -> Bool {
        let literal = Array(prefix.utf8)
        guard bytes.count >= literal.count else { return false }
        return zip(bytes, literal).allSatisfy { lowered($0) == lowered($1) }
    }

    static func lowered(_ byte: UInt8) -> UInt8 { isUpper(byte) ? byte | 0x20 : byte }

    /// Whether `byte` is one of the bytes of `set`, without allocating.
    static func among(_ byte: UInt8, _ set: StaticString) -> Bool { set.withUTF8Buffer { $0.contains(byte) } }
}

extension Anonymizer {
    // MARK: Writing

    /// Writes `replacement` over `buffer[range]`. Every replacement keeps the length of what it
    /// replaces; should one not, the original is replaced by a token of its shape instead, and
    /// failing that by `x`s, so that neither the length nor the secret survives a mistake.
    mutating func put(_ replacement: String, _ buffer: inout [UInt8], _ range: Range<Int>) {
        guard range.lowerBound >= 0, range.upperBound <= buffer.count else { return }
        var bytes = Array(replacement.utf8)
        if bytes.count != range.count {
            bytes = Array(token(Glyph.text(buffer[range]), sweep: false).utf8)
        }
        if bytes.count != range.count {
            bytes = buffer[range].map { Glyph.isLineBreak($0) ? $0 : UInt8(ascii: "x") }
        }
        for (offset, byte) in bytes.enumerated() { buffer[range.lowerBound + offset] = byte }
    }

    /// Overwrites every byte of `range` but line breaks with `x`: for content that cannot be
    /// understood, and so cannot be anonymized piece by piece.
    func redact(_ buffer: inout [UInt8], _ range: Range<Int>) {
        guard !collecting else { return }
        for index in range where index >= 0 && index < buffer.count && !Glyph.isLineBreak(buffer[index]) {
            buffer[index] = UInt8(ascii: "x")
        }
    }

    /// Zeroes bytes of binary data that cannot be anonymized piece by piece (in the second
    /// pass only).
    func zero(_ bytes: inout [UInt8], _ range: Range<Int>) {
        guard !collecting else { return }
        for index in range where index >= 0 && index < bytes.count { bytes[index] = 0 }
    }

    // MARK: Random draws

    mutating func draw(_ range: ClosedRange<Int>) -> Int {
        let width = UInt64(range.upperBound - range.lowerBound) + 1
        return range.lowerBound + Int(random.next() % width)
    }

    mutating func pick(_ alphabet: [UInt8]) -> UInt8 {
        alphabet.isEmpty ? UInt8(ascii: "x") : alphabet[draw(0...(alphabet.count - 1))]
    }

    static let digits = Array("0123456789".utf8)
    static let lowerHex = Array("0123456789abcdef".utf8)
    static let upperHex = Array("0123456789ABCDEF".utf8)
    static let lowerLetters = Array("abcdefghijklmnopqrstuvwxyz".utf8)
    static let upperLetters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ".utf8)

    // MARK: Tokens

    /// Whether `text` holds anything to hide: a letter, a digit or a non-ASCII character.
    /// Punctuation alone ("-", "*", "") names no one.
    static func carriesInformation(_ text: String) -> Bool {
        text.utf8.contains { Glyph.isAlphanumeric($0) || $0 >= 0x80 }
    }

    /// A word the free-text sweep may replace wherever it stands alone: long enough not to be a
    /// common word by chance.
    static func isSweepable(_ text: String) -> Bool { text.utf8.count >= 4 }

    /// The replacement of an identifier or a credential: the same length, the same character
    /// classes position by position (letters keep their case, digits stay digits, hexadecimal
    /// stays hexadecimal, punctuation stays where it was), the same replacement everywhere.
    ///
    /// - Parameter sweep: Whether the value is a secret worth replacing wherever it also turns
    ///   up as a word in free text (credentials, ids, user names), or only where it is found as
    ///   such (a path segment, a user agent).
    mutating func token(_ text: String, sweep: Bool = true) -> String {
        guard Self.carriesInformation(text) else { return text }
        if collecting {
            originalTokens.insert(text)
            if sweep && Self.isSweepable(text) { sweepable.insert(text) }
            record(.token(text))
            return text
        }
        return tokens[text] ?? assignToken(text)
    }

    mutating func assignToken(_ text: String) -> String {
        if let known = tokens[text] { return known }
        var candidate = shaped(text)
        var attempts = 1
        while attempts < 32 && (originalTokens.contains(candidate) || usedTokens.contains(candidate)) {
            candidate = shaped(text)
            attempts += 1
        }
        tokens[text] = candidate
        usedTokens.insert(candidate)
        return candidate
    }

    /// A fresh value of the shape of `text`.
    mutating func shaped(_ text: String) -> String {
        let utf8 = Array(text.utf8)
        if !utf8.isEmpty && utf8.allSatisfy(Glyph.isDigit) { return number(utf8) }
        let letters = utf8.filter(Glyph.isLetter)
        let ascii = utf8.allSatisfy { $0 < 0x80 }
        let hasDigit = utf8.contains(where: Glyph.isDigit)
        // Lower- or upper-case hexadecimal with at least one digit (a UUID, a fingerprint, a
        // Firefox stats id) stays hexadecimal in the same case.
        var hex: [UInt8]?
        if ascii && hasDigit && !letters.isEmpty {
            if letters.allSatisfy({ $0 >= 0x61 && $0 <= 0x66 }) { hex = Self.lowerHex }
            if letters.allSatisfy({ $0 >= 0x41 && $0 <= 0x46 }) { hex = Self.upperHex }
        }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let value = scalar.value
            let replacement: UInt32
            switch value {
            case 0x30...0x39, 0x41...0x5A, 0x61...0x7A:
                if let hex {
                    replacement = UInt32(pick(hex))
                } else if value <= 0x39 {
                    replacement = UInt32(pick(Self.digits))
                } else if value <= 0x5A {
                    replacement = UInt32(pick(Self.upperLetters))
                } else {
                    replacement = UInt32(pick(Self.lowerLetters))
                }
            case 0..<0x80:
                replacement = value
            case 0x80..<0x800:
                // Two UTF-8 bytes: a Latin-1 letter (U+00C0–U+00FF without × and ÷).
                var letter = UInt32(draw(0xC0...0xFF))
                if letter == 0xD7 || letter == 0xF7 { letter += 1 }
                replacement = letter
            case 0x800..<0x10000:
                // Three bytes: a CJK ideograph, outside the surrogate range by construction.
                replacement = UInt32(draw(0x4E00...0x9FFF))
            default:
                // Four bytes: CJK Extension B.
                replacement = UInt32(draw(0x20000...0x2A6DF))
            }
            result.append(Unicode.Scalar(replacement) ?? scalar)
        }
        return String(result)
    }

    /// Bounds an all-digit value keeps: one that fits 32 bits (an SSRC), 63 bits (a session id)
    /// or 64 bits still fits after replacement.
    static let numericBounds = [
        Array("4294967295".utf8), Array("9223372036854775807".utf8), Array("18446744073709551615".utf8),
    ]

    /// A number of as many digits, with a leading zero only where the original had one, no
    /// larger than the bound of ``numericBounds`` of its length that the original stays within.
    mutating func number(_ original: [UInt8]) -> String {
        let count = original.count
        guard count > 1 else { return Glyph.text([pick(Self.digits)]) }
        let leadingZero = original.first == UInt8(ascii: "0")
        let limit = Self.numericBounds.first { $0.count == count && !Self.exceeds(original, $0) }
        let highest = limit.flatMap(\.first).map { Int($0) - 0x30 } ?? 9
        for _ in 0..<16 {
            var result = [UInt8(ascii: "0") + (leadingZero ? 0 : UInt8(draw(1...max(1, highest))))]
            for _ in 1..<count { result.append(pick(Self.digits)) }
            if let limit, Self.exceeds(result, limit) { continue }
            return Glyph.text(result)
        }
        return Glyph.text(limit ?? original.map { _ in UInt8(ascii: "1") })
    }

    /// Whether the digit string `a` is larger than `b`, of the same length.
    static func exceeds(_ a: [UInt8], _ b: [UInt8]) -> Bool { a != b && !a.lexicographicallyPrecedes(b) }

    // MARK: Ports

    /// Ports that name a protocol, not a host: SIP, STUN/TURN, RTMP, RTP's defaults, web
    /// alternates and Google's STUN port. They and the system ports below 1024 are kept.
    static let wellKnownPorts: Set<Int> = [1935, 3478, 3479, 5004, 5005, 5060, 5061, 5349, 8080, 8443, 19302]

    /// The replacement of a port: system and well-known ports stay; any other port becomes
    /// one of as many digits, and the two ports of an even/odd pair (RTP and RTCP, RFC 3550
    /// §11) stay a pair.
    mutating func port(_ value: Int) -> Int {
        guard value >= 1024, value <= 65535, !Self.wellKnownPorts.contains(value) else { return value }
        if collecting {
            originalPorts.insert(value)
            record(.port(value))
            return value
        }
        return ports[value] ?? assignPort(value)
    }

    mutating func assignPort(_ value: Int) -> Int {
        if let known = ports[value] { return known }
        let base = value & ~1
        if let partner = ports[base] ?? ports[base | 1] {
            let replacement = (partner & ~1) | (value & 1)
            ports[value] = replacement
            return replacement
        }
        let range = value < 10000 ? 1024...9998 : 10000...65534
        var candidate = draw(range) & ~1
        var attempts = 1
        func taken(_ port: Int) -> Bool {
            originalPorts.contains(port) || usedPorts.contains(port) || Self.wellKnownPorts.contains(port)
        }
        while attempts < 64 && (taken(candidate) || taken(candidate | 1)) {
            candidate = draw(range) & ~1
            attempts += 1
        }
        ports[base] = candidate
        ports[base | 1] = candidate | 1
        usedPorts.insert(candidate)
        usedPorts.insert(candidate | 1)
        return candidate | (value & 1)
    }

    /// A port written as decimal text, replaced by one of the same width; anything that is not
    /// a port comes back unchanged.
    mutating func portText(_ text: String) -> String {
        let utf8 = Array(text.utf8)
        guard !utf8.isEmpty, utf8.count <= 5, utf8.allSatisfy(Glyph.isDigit), let value = Int(text) else { return text }
        let replaced = String(port(value))
        guard replaced.utf8.count <= utf8.count else { return text }
        return String(repeating: "0", count: utf8.count - replaced.utf8.count) + replaced
    }

    // MARK: MAC addresses

    /// The replacement of a 48-bit MAC address: broadcast and multicast addresses name no
    /// device and stay; any other becomes a random locally administered unicast address
    /// (IEEE 802 §8.2: the U/L bit set, the I/G bit clear).
    mutating func mac(_ value: UInt64) -> UInt64 {
        guard value != 0, value != 0xFFFF_FFFF_FFFF, (value >> 40) & 1 == 0 else { return value }
        if collecting {
            originalMACs.insert(value)
            record(.mac(value))
            return value
        }
        return macs[value] ?? assignMAC(value)
    }

    mutating func assignMAC(_ value: UInt64) -> UInt64 {
        if let known = macs[value] { return known }
        var candidate: UInt64 = 0
        for _ in 0..<32 {
            let bits = random.next() & 0xFFFF_FFFF_FFFF
            candidate = (bits & ~(UInt64(0x03) << 40)) | (UInt64(0x02) << 40)
            if !originalMACs.contains(candidate) && !usedMACs.contains(candidate) { break }
        }
        macs[value] = candidate
        usedMACs.insert(candidate)
        return candidate
    }
}
