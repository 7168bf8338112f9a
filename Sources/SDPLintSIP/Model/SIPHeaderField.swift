/// One header field of a message, as written.
///
/// A parsed field keeps its exact bytes: the spelling of the name, the white space around the
/// colon, folded continuation lines and the line ending. Setting ``name`` or ``value`` drops
/// them, and the field prints as `Name: value` from then on.
///
/// [RFC 3261 §7.3](https://www.rfc-editor.org/rfc/rfc3261#section-7.3)
/// ```
/// message-header  =  (Accept / … / extension-header) CRLF
/// extension-header = header-name HCOLON header-value
/// header-value    =  *(TEXT-UTF8char / UTF8-CONT / LWS)
/// HCOLON          =  *( SP / HTAB ) ":" SWS
/// ```
public struct SIPHeaderField: Sendable, Hashable, CustomStringConvertible {
    /// The name, compared case-insensitively with compact forms expanded.
    public var name: SIPHeaderName { didSet { raw = nil } }
    /// The value with folding undone (each line break and the indentation after it read as one
    /// space), without leading and trailing white space. Invalid UTF-8 reads as U+FFFD; the
    /// bytes are kept for writing.
    public var value: String { didSet { raw = nil } }
    /// The exact bytes of the field, its line ending(s) included, while unchanged since parsing.
    var raw: [UInt8]?
    /// Whether the line could not be read as a header field (no colon, a name that is not a
    /// token, or over a limit). Such a line is kept as written and ignored by lookups.
    public private(set) var isMalformed: Bool = false

    public init(name: SIPHeaderName, value: String) {
        self.name = name
        self.value = value
    }

    init(name: SIPHeaderName, value: String, raw: [UInt8]) {
        self.name = name
        self.value = value
        self.raw = raw
    }

    /// A line kept as written that is not a header field.
    static func malformed(_ raw: [UInt8]) -> SIPHeaderField {
        var field = SIPHeaderField(name: SIPHeaderName(""), value: "", raw: raw)
        field.isMalformed = true
        return field
    }

    /// Whether the field prints exactly the bytes it was parsed from.
    public var isVerbatim: Bool { raw != nil }

    /// The bytes the field was parsed from, line ending included, or `nil` once edited.
    public var rawBytes: [UInt8]? { raw }

    /// `Name: value`, without a line ending; for a parsed field, the text as written.
    public var description: String {
        if let raw {
            var end = raw.count
            while end > 0 && (raw[end - 1] == 0x0A || raw[end - 1] == 0x0D) { end -= 1 }
            return String(decoding: raw[..<end], as: UTF8.self)
        }
        return name.spelling + ": " + value
    }

    /// Appends the field and its line ending to `output`.
    func write(to output: inout [UInt8], lineEnding: [UInt8]) {
        if let raw {
            output += raw
        } else {
            output += name.spelling.utf8
            output += [0x3A, 0x20]
            output += value.utf8
            output += lineEnding
        }
    }
}
