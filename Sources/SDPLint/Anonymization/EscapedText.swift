import SDPLintInput
import SDPLintReporting
import SDPLintWebRTC

/// The content of a JSON string or an XML attribute value or text, decoded from its escapes,
/// with the place and form of every escape kept: an edit of the decoded text that keeps each
/// character's UTF-8 length is written back in the original's escaping, so it keeps the raw
/// length as well (`\u00e9` stays a six-byte escape, `&#233;` a six-byte reference).
struct EscapedText {
    enum Style {
        /// RFC 8259 §7.
        case json
        /// XML 1.0 §4.1 (character references) and §4.6 (predefined entities).
        case xml
    }

    enum Form {
        /// A one-character escape: `\n`, `\"`, `&amp;`.
        case short
        /// `\uXXXX` (JSON) or `&#xH…;` (XML), with its number of hex digits and their case.
        case hex(digits: Int, upper: Bool)
        /// A JSON surrogate pair `\uD83D\uDE00`.
        case surrogatePair(upper: Bool)
        /// `&#N…;` with its number of digits.
        case decimal(digits: Int)
    }

    struct Escape {
        var raw: Range<Int>
        var decoded: Range<Int>
        var form: Form
    }

    let style: Style
    let raw: [UInt8]
    private(set) var decoded: [UInt8] = []
    private(set) var escapes: [Escape] = []

    init(_ raw: ArraySlice<UInt8>, style: Style) {
        self.style = style
        self.raw = Array(raw)
        decoded.reserveCapacity(raw.count)
        switch style {
        case .json: decodeJSON()
        case .xml: decodeXML()
        }
    }

    private mutating func add(_ raw: Range<Int>, _ bytes: [UInt8], _ form: Form) {
        let start = decoded.count
        decoded += bytes
        escapes.append(Escape(raw: raw, decoded: start..<decoded.count, form: form))
    }

    private static func utf8(_ scalar: UInt32) -> [UInt8] {
        Array(String(Character(Unicode.Scalar(scalar) ?? "\u{FFFD}")).utf8)
    }

    private static func hexValue(_ bytes: ArraySlice<UInt8>) -> UInt32? {
        guard !bytes.isEmpty, bytes.count <= 6, bytes.allSatisfy(Glyph.isHex) else { return nil }
        return UInt32(Glyph.text(bytes), radix: 16)
    }

    private mutating func decodeJSON() {
        var index = 0
        while index < raw.count {
            let byte = raw[index]
            guard byte == UInt8(ascii: "\\"), index + 1 < raw.count else {
                decoded.append(byte)
                index += 1
                continue
            }
            let shorts: [UInt8: UInt8] = [
                UInt8(ascii: "\""): 0x22, UInt8(ascii: "\\"): 0x5C, UInt8(ascii: "/"): 0x2F, UInt8(ascii: "b"): 0x08,
                UInt8(ascii: "f"): 0x0C, UInt8(ascii: "n"): 0x0A, UInt8(ascii: "r"): 0x0D, UInt8(ascii: "t"): 0x09,
            ]
            if let value = shorts[raw[index + 1]] {
                add(index..<(index + 2), [value], .short)
                index += 2
                continue
            }
            guard raw[index + 1] == UInt8(ascii: "u"), index + 6 <= raw.count,
                let unit = Self.hexValue(raw[(index + 2)..<(index + 6)])
            else {
                // Not an escape JSON knows: kept as the bytes it is.
                decoded.append(byte)
                index += 1
                continue
            }
            let upper = raw[(index + 2)..<(index + 6)].contains(where: Glyph.isUpper)
            if (0xD800...0xDBFF).contains(unit), index + 12 <= raw.count, raw[index + 6] == UInt8(ascii: "\\"),
                raw[index + 7] == UInt8(ascii: "u"), let low = Self.hexValue(raw[(index + 8)..<(index + 12)]),
                (0xDC00...0xDFFF).contains(low)
            {
                let scalar = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
                add(index..<(index + 12), Self.utf8(scalar), .surrogatePair(upper: upper))
                index += 12
                continue
            }
            add(index..<(index + 6), Self.utf8(unit), .hex(digits: 4, upper: upper))
            index += 6
        }
    }

    private mutating func decodeXML() {
        let entities: [String: UInt8] = ["lt": 0x3C, "gt": 0x3E, "amp": 0x26, "quot": 0x22, "apos": 0x27]
        var index = 0
        while index < raw.count {
            let byte = raw[index]
            guard byte == UInt8(ascii: "&"),
                let semicolon = raw[index...].prefix(12).firstIndex(of: UInt8(ascii: ";"))
            else {
                decoded.append(byte)
                index += 1
                continue
            }
            let name = raw[(index + 1)..<semicolon]
            if let value = entities[Glyph.text(name)] {
                add(index..<(semicolon + 1), [value], .short)
            } else if name.first == UInt8(ascii: "#"), name.dropFirst().first == UInt8(ascii: "x"),
                let scalar = Self.hexValue(name.dropFirst(2)), Unicode.Scalar(scalar) != nil
            {
                let digits = name.dropFirst(2)
                add(
                    index..<(semicolon + 1), Self.utf8(scalar),
                    .hex(digits: digits.count, upper: digits.contains(where: Glyph.isUpper)))
            } else if name.first == UInt8(ascii: "#"), name.count >= 2, name.count <= 8,
                name.dropFirst().allSatisfy(Glyph.isDigit), let scalar = UInt32(Glyph.text(name.dropFirst())),
                Unicode.Scalar(scalar) != nil
            {
                add(index..<(semicolon + 1), Self.utf8(scalar), .decimal(digits: name.count - 1))
            } else {
                decoded.append(byte)
                index += 1
                continue
            }
            index = semicolon + 1
        }
    }

    /// `edited` (the decoded text after a length-keeping edit) in the original's escaping.
    /// Unchanged escapes are copied; changed ones are written in their original form.
    func encode(_ edited: [UInt8]) -> [UInt8] {
        guard edited.count == decoded.count else { return escapeAll(edited) }
        var output: [UInt8] = []
        output.reserveCapacity(raw.count)
        var position = 0
        for escape in escapes {
            appendLiteral(edited, position..<escape.decoded.lowerBound, to: &output)
            let new = edited[escape.decoded]
            if new.elementsEqual(decoded[escape.decoded]) {
                output += raw[escape.raw]
            } else {
                output += encodeUnit(Array(new), escape.form)
            }
            position = escape.decoded.upperBound
        }
        appendLiteral(edited, position..<edited.count, to: &output)
        return output
    }

    /// Text between escapes, where decoded and raw bytes correspond one to one: unchanged bytes
    /// are copied, changed ones escaped where the style requires.
    private func appendLiteral(_ edited: [UInt8], _ range: Range<Int>, to output: inout [UInt8]) {
        for index in range {
            let byte = edited[index]
            if byte == decoded[index] {
                output.append(byte)
            } else {
                appendEscaped(byte, to: &output)
            }
        }
    }

    private func appendEscaped(_ byte: UInt8, to output: inout [UInt8]) {
        switch style {
        case .json:
            if byte == 0x22 || byte == 0x5C || byte < 0x20 {
                output += Array(Self.unicodeEscape(UInt32(byte), upper: false).utf8)
            } else {
                output.append(byte)
            }
        case .xml:
            switch byte {
            case 0x3C: output += Array("&lt;".utf8)
            case 0x26: output += Array("&amp;".utf8)
            case 0x22: output += Array("&quot;".utf8)
            case 0x27: output += Array("&apos;".utf8)
            default: output.append(byte)
            }
        }
    }

    private func escapeAll(_ bytes: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        for byte in bytes { appendEscaped(byte, to: &output) }
        return output
    }

    /// One changed escape in its original form, when the new character allows it.
    private func encodeUnit(_ bytes: [UInt8], _ form: Form) -> [UInt8] {
        let scalars = Array(Glyph.text(bytes).unicodeScalars)
        guard scalars.count == 1, let scalar = scalars.first else { return escapeAll(bytes) }
        let value = scalar.value
        switch (style, form) {
        case (.json, .hex(_, let upper)) where value <= 0xFFFF,
            (.json, .surrogatePair(let upper)) where value <= 0xFFFF:
            return Array(Self.unicodeEscape(value, upper: upper).utf8)
        case (.json, .hex(_, let upper)), (.json, .surrogatePair(let upper)):
            let offset = value - 0x10000
            let high = Self.unicodeEscape(0xD800 + (offset >> 10), upper: upper)
            let low = Self.unicodeEscape(0xDC00 + (offset & 0x3FF), upper: upper)
            return Array((high + low).utf8)
        case (.xml, .hex(let digits, let upper)):
            var hex = String(value, radix: 16, uppercase: upper)
            if hex.utf8.count < digits { hex = String(repeating: "0", count: digits - hex.utf8.count) + hex }
            return Array(("&#x" + hex + ";").utf8)
        case (.xml, .decimal(let digits)):
            var decimal = String(value)
            if decimal.utf8.count < digits {
                decimal = String(repeating: "0", count: digits - decimal.utf8.count) + decimal
            }
            return Array(("&#" + decimal + ";").utf8)
        default:
            return escapeAll(bytes)
        }
    }
}

extension EscapedText {
    /// A JSON `\uXXXX` escape of a UTF-16 code unit.
    static func unicodeEscape(_ value: UInt32, upper: Bool) -> String {
        let hex = String(value & 0xFFFF, radix: 16, uppercase: upper)
        return "\\u" + String(repeating: "0", count: max(0, 4 - hex.utf8.count)) + hex
    }
}
