/// Byte constants and character classes of the SDP/ICE grammars (RFC 8866 §9, RFC 8839 §5.1).
///
/// Parsers compare `UInt8`s with these instead of `Character`s: no grapheme breaking, no
/// allocation, and the grammar's classes are byte classes anyway.
///
/// Everything in this module is `package`: the parsers of the package share it, and no client
/// of a library product sees it. The types are `@usableFromInline` so that the `@inlinable`
/// members, which the hot loops of the SDP and ICE parsers inline across modules, may name them.
@usableFromInline package enum ASCII {
    @inlinable package static var tab: UInt8 { UInt8(ascii: "\t") }
    @inlinable package static var lf: UInt8 { UInt8(ascii: "\n") }
    @inlinable package static var cr: UInt8 { UInt8(ascii: "\r") }
    @inlinable package static var space: UInt8 { UInt8(ascii: " ") }
    @inlinable package static var bang: UInt8 { UInt8(ascii: "!") }
    @inlinable package static var quote: UInt8 { UInt8(ascii: "\"") }
    @inlinable package static var hash: UInt8 { UInt8(ascii: "#") }
    @inlinable package static var percent: UInt8 { UInt8(ascii: "%") }
    @inlinable package static var plus: UInt8 { UInt8(ascii: "+") }
    @inlinable package static var comma: UInt8 { UInt8(ascii: ",") }
    @inlinable package static var minus: UInt8 { UInt8(ascii: "-") }
    @inlinable package static var dot: UInt8 { UInt8(ascii: ".") }
    @inlinable package static var slash: UInt8 { UInt8(ascii: "/") }
    @inlinable package static var zero: UInt8 { UInt8(ascii: "0") }
    @inlinable package static var nine: UInt8 { UInt8(ascii: "9") }
    @inlinable package static var colon: UInt8 { UInt8(ascii: ":") }
    @inlinable package static var semicolon: UInt8 { UInt8(ascii: ";") }
    @inlinable package static var less: UInt8 { UInt8(ascii: "<") }
    @inlinable package static var equals: UInt8 { UInt8(ascii: "=") }
    @inlinable package static var greater: UInt8 { UInt8(ascii: ">") }
    @inlinable package static var question: UInt8 { UInt8(ascii: "?") }
    @inlinable package static var at: UInt8 { UInt8(ascii: "@") }
    @inlinable package static var underscore: UInt8 { UInt8(ascii: "_") }
    @inlinable package static var tilde: UInt8 { UInt8(ascii: "~") }
    @inlinable package static var star: UInt8 { UInt8(ascii: "*") }
    @inlinable package static var openParen: UInt8 { UInt8(ascii: "(") }
    @inlinable package static var closeParen: UInt8 { UInt8(ascii: ")") }
    @inlinable package static var openBracket: UInt8 { UInt8(ascii: "[") }
    @inlinable package static var closeBracket: UInt8 { UInt8(ascii: "]") }
    @inlinable package static var openBrace: UInt8 { UInt8(ascii: "{") }
    @inlinable package static var closeBrace: UInt8 { UInt8(ascii: "}") }
    @inlinable package static var backslash: UInt8 { UInt8(ascii: "\\") }

    /// A set of bytes as a 256-bit mask: membership is two shifts and an AND, no table load.
    @usableFromInline package struct Class: Sendable {
        @usableFromInline package let words: (UInt64, UInt64, UInt64, UInt64)

        @inlinable package init(_ w0: UInt64, _ w1: UInt64, _ w2: UInt64, _ w3: UInt64) { words = (w0, w1, w2, w3) }

        @inlinable @inline(__always)
        package func contains(_ byte: UInt8) -> Bool {
            // Two selects rather than a four-way switch: the classes are constants, and for the
            // ASCII-only ones (words 2 and 3 zero) the upper half folds away.
            let ascii = byte < 0x80
            let word = byte & 0x40 == 0 ? (ascii ? words.0 : words.2) : (ascii ? words.1 : words.3)
            return word & (1 &<< UInt64(byte & 63)) != 0
        }

        @inlinable package static var digit: Class { Class(0x03FF_0000_0000_0000, 0, 0, 0) }
        @inlinable package static var alpha: Class { Class(0, 0x07FF_FFFE_07FF_FFFE, 0, 0) }
        @inlinable package static var hex: Class { Class(0x03FF_0000_0000_0000, 0x0000_007E_0000_007E, 0, 0) }
        /// RFC 8866 §9 `token-char`: ALPHA / DIGIT / one of ``!#$%&'*+-.^_`{|}~``.
        @inlinable package static var token: Class { Class(0x03FF_6CFA_0000_0000, 0x7FFF_FFFF_C7FF_FFFE, 0, 0) }
        /// RFC 8839 §5.1 `ice-char`: ALPHA / DIGIT / "+" / "/".
        @inlinable package static var ice: Class { Class(0x03FF_8800_0000_0000, 0x07FF_FFFE_07FF_FFFE, 0, 0) }
        /// RFC 8866 §9 `non-ws-string` bytes: VCHAR / %x80-FF.
        @inlinable package static var visible: Class { Class(0xFFFF_FFFE_0000_0000, 0x7FFF_FFFF_FFFF_FFFF, ~0, ~0) }
        /// The ASCII bytes, 0x00-7F.
        @inlinable package static var ascii: Class { Class(~0, ~0, 0, 0) }
        /// RFC 8866 §9 `byte-string` bytes: anything but NUL, CR and LF.
        @inlinable package static var text: Class { Class(0xFFFF_FFFF_FFFF_DBFE, ~0, ~0, ~0) }
    }
}

extension UInt8 {
    @inlinable @inline(__always) package var isDigit: Bool { self &- ASCII.zero < 10 }
    @inlinable @inline(__always) package var isAlpha: Bool { ASCII.Class.alpha.contains(self) }
    /// 0-9, A-F, a-f: two subtractions (setting bit 5 turns A-F into a-f and nothing else into a-f).
    @inlinable @inline(__always) package var isHexDigit: Bool {
        self &- ASCII.zero < 10 || (self | 0x20) &- UInt8(ascii: "a") < 6
    }
    @inlinable @inline(__always) package var isTokenChar: Bool { ASCII.Class.token.contains(self) }
    @inlinable @inline(__always) package var isICEChar: Bool { ASCII.Class.ice.contains(self) }
    @inlinable @inline(__always) package var isVisible: Bool { ASCII.Class.visible.contains(self) }
    @inlinable @inline(__always) package var isAlphanumeric: Bool { isDigit || isAlpha }
    /// SP or HTAB.
    @inlinable @inline(__always) package var isWhitespace: Bool { self == ASCII.space || self == ASCII.tab }
    /// C's `isspace` in the "C" locale: SP, HTAB, LF, VT, FF and CR (libwebrtc's absl and
    /// Python's `int()` strip these from ASCII text).
    @inlinable @inline(__always) package var isCSpace: Bool { self == ASCII.space || self &- 0x09 < 5 }
    /// The byte lower-cased, if it is an ASCII capital.
    @inlinable @inline(__always) package var asciiLowercased: UInt8 {
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
