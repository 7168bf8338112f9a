/// Byte constants and character classes of the SDP/ICE grammars (RFC 8866 §9, RFC 8839 §5.1).
///
/// Parsers compare `UInt8`s with these instead of `Character`s: no grapheme breaking, no
/// allocation, and the grammar's classes are byte classes anyway.
package enum ASCII {
    package static let tab = UInt8(ascii: "\t")
    package static let lf = UInt8(ascii: "\n")
    package static let cr = UInt8(ascii: "\r")
    package static let space = UInt8(ascii: " ")
    package static let bang = UInt8(ascii: "!")
    package static let quote = UInt8(ascii: "\"")
    package static let hash = UInt8(ascii: "#")
    package static let percent = UInt8(ascii: "%")
    package static let plus = UInt8(ascii: "+")
    package static let comma = UInt8(ascii: ",")
    package static let minus = UInt8(ascii: "-")
    package static let dot = UInt8(ascii: ".")
    package static let slash = UInt8(ascii: "/")
    package static let zero = UInt8(ascii: "0")
    package static let nine = UInt8(ascii: "9")
    package static let colon = UInt8(ascii: ":")
    package static let semicolon = UInt8(ascii: ";")
    package static let less = UInt8(ascii: "<")
    package static let equals = UInt8(ascii: "=")
    package static let greater = UInt8(ascii: ">")
    package static let question = UInt8(ascii: "?")
    package static let at = UInt8(ascii: "@")
    package static let underscore = UInt8(ascii: "_")
    package static let tilde = UInt8(ascii: "~")
    package static let star = UInt8(ascii: "*")
    package static let openParen = UInt8(ascii: "(")
    package static let closeParen = UInt8(ascii: ")")
    package static let openBracket = UInt8(ascii: "[")
    package static let closeBracket = UInt8(ascii: "]")
    package static let openBrace = UInt8(ascii: "{")
    package static let closeBrace = UInt8(ascii: "}")

    /// A set of bytes as a 256-bit mask: membership is two shifts and an AND, no table load.
    package struct Class: Sendable {
        package let words: (UInt64, UInt64, UInt64, UInt64)

        package init(_ w0: UInt64, _ w1: UInt64, _ w2: UInt64, _ w3: UInt64) { words = (w0, w1, w2, w3) }

        @inline(__always)
        package func contains(_ byte: UInt8) -> Bool {
            let word: UInt64
            switch byte >> 6 {
            case 0: word = words.0
            case 1: word = words.1
            case 2: word = words.2
            default: word = words.3
            }
            return word & (1 &<< UInt64(byte & 63)) != 0
        }

        package static let digit = Class(0x03FF_0000_0000_0000, 0, 0, 0)
        package static let alpha = Class(0, 0x07FF_FFFE_07FF_FFFE, 0, 0)
        package static let hex = Class(0x03FF_0000_0000_0000, 0x0000_007E_0000_007E, 0, 0)
        /// RFC 8866 §9 `token-char`: ALPHA / DIGIT / one of ``!#$%&'*+-.^_`{|}~``.
        package static let token = Class(0x03FF_6CFA_0000_0000, 0x7FFF_FFFF_C7FF_FFFE, 0, 0)
        /// RFC 8839 §5.1 `ice-char`: ALPHA / DIGIT / "+" / "/".
        package static let ice = Class(0x03FF_8800_0000_0000, 0x07FF_FFFE_07FF_FFFE, 0, 0)
        /// RFC 8866 §9 `non-ws-string` bytes: VCHAR / %x80-FF.
        package static let visible = Class(0xFFFF_FFFE_0000_0000, 0x7FFF_FFFF_FFFF_FFFF, ~0, ~0)
        /// RFC 8866 §9 `byte-string` bytes: anything but NUL, CR and LF.
        package static let text = Class(0xFFFF_FFFF_FFFF_DBFE, ~0, ~0, ~0)
    }
}

extension UInt8 {
    @inline(__always) package var isDigit: Bool { self &- ASCII.zero < 10 }
    @inline(__always) package var isAlpha: Bool { ASCII.Class.alpha.contains(self) }
    @inline(__always) package var isHexDigit: Bool { ASCII.Class.hex.contains(self) }
    @inline(__always) package var isTokenChar: Bool { ASCII.Class.token.contains(self) }
    @inline(__always) package var isICEChar: Bool { ASCII.Class.ice.contains(self) }
    @inline(__always) package var isVisible: Bool { ASCII.Class.visible.contains(self) }
    @inline(__always) package var isAlphanumeric: Bool { isDigit || isAlpha }
    /// SP or HTAB.
    @inline(__always) package var isWhitespace: Bool { self == ASCII.space || self == ASCII.tab }
    /// The byte lower-cased, if it is an ASCII capital.
    @inline(__always) package var asciiLowercased: UInt8 {
        self >= UInt8(ascii: "A") && self <= UInt8(ascii: "Z") ? self | 0x20 : self
    }

    /// A printable rendering for messages: the character itself, or `0xNN`.
    package var displayed: String {
        if self >= 0x21 && self <= 0x7E { return "'" + String(UnicodeScalar(self)) + "'" }
        if self == ASCII.space { return "a space" }
        if self == ASCII.tab { return "a tab" }
        let hex = String(self, radix: 16, uppercase: true)
        return "byte 0x" + (hex.count == 1 ? "0" + hex : hex)
    }
}
