public import SDPLintDiagnostics

/// The checks of the JSON module: the grammar of RFC 8259, the limits a reader sets on hostile
/// input, and the typed access that callers make to values.
///
/// Codes are stable: `JSON1xx` are syntax rules (the bytes are not a JSON text), `JSON2xx` are
/// limits and semantic rules (the text parses, but is too large, names a member twice, or does not
/// have the shape a caller expects). A code is never reused for another meaning.
public enum JSONRules {
    /// Every rule of the module, in code order.
    public static let all: [Rule] = [
        unexpectedEnd, unexpectedCharacter, trailingComma, invalidLiteral, invalidNumber,
        unterminatedString, controlCharacter, invalidEscape, loneSurrogate, invalidUTF8,
        unquotedKey, singleQuotedString, comment, trailingContent, byteOrderMark, tooManyFindings,
        duplicateKey, documentTooLarge, nestingTooDeep, stringTooLong, numberTooLong, tooManyItems,
        typeMismatch, missingMember, numberNotRepresentable,
    ]

    // MARK: - Syntax (RFC 8259)

    public static let unexpectedEnd = Rule(
        code: "JSON101", name: "unexpected-end", severity: .error,
        severityRationale: """
            Error: RFC 8259 §2 makes a JSON text exactly one complete value, so a truncated or blank input is not \
            JSON and every parser refuses it.
            """,
        summary: "The input ends before the JSON text is complete, or holds no value at all.",
        explanation: """
            A JSON text is one value with optional whitespace around it. The input stops inside an \
            array, an object or a string, or holds only whitespace: usually a truncated file or a \
            message cut at a buffer boundary.
            """,
        reference: .rfc(8259, "2"),
        bad: "{\"type\": \"offer\"",
        good: "{\"type\": \"offer\"}")

    public static let unexpectedCharacter = Rule(
        code: "JSON102", name: "unexpected-character", severity: .error,
        severityRationale: """
            Error: the RFC 8259 §2 grammar has no place for this byte at this point, so a conforming parser stops and \
            the message is lost.
            """,
        summary: "A byte that cannot start a value, or a missing ',', ':', ']' or '}'.",
        explanation: """
            `value = false / null / true / object / array / number / string`; members are separated \
            by "," and names from values by ":". Whitespace is only SP, HTAB, LF and CR: a \
            no-break space or a form feed between tokens is an error too.
            """,
        reference: .rfc(8259, "2"),
        bad: "{\"sdpMLineIndex\" 0}",
        good: "{\"sdpMLineIndex\": 0}")

    public static let trailingComma = Rule(
        code: "JSON103", name: "trailing-comma", severity: .error,
        severityRationale: """
            Error: the RFC 8259 grammar (§5 for arrays) allows no comma after the last element or member, and strict \
            readers such as Python's json module and Go's encoding/json refuse the whole text.
            """,
        summary: "A comma after the last element of an array or the last member of an object.",
        explanation: """
            JavaScript allows `[1, 2,]`; JSON does not (`array = begin-array [ value *( \
            value-separator value ) ] end-array`). Strict readers such as Python's json module and \
            Go's encoding/json reject the whole text. The comma is skipped and reading goes on.
            """,
        reference: .rfc(8259, "5"),
        bad: "{\"urls\": [\"stun:stun.example.org\",]}",
        good: "{\"urls\": [\"stun:stun.example.org\"]}")

    public static let invalidLiteral = Rule(
        code: "JSON104", name: "invalid-literal", severity: .error,
        severityRationale: """
            Error: RFC 8259 §3 knows only the lowercase names true, false and null, so any other bare word makes the \
            text invalid and a conforming parser refuses it.
            """,
        summary: "A bare word that is not true, false or null (such as True, undefined or NaN).",
        explanation: """
            The only literal names are the lowercase `true`, `false` and `null`. NaN and Infinity \
            have no JSON form; JavaScript's JSON.stringify writes them as null.
            """,
        reference: .rfc(8259, "3"),
        bad: "{\"trickle\": True}",
        good: "{\"trickle\": true}")

    public static let invalidNumber = Rule(
        code: "JSON105", name: "invalid-number", severity: .error,
        severityRationale: """
            Error: the number grammar of RFC 8259 §6 leaves out leading zeros, a leading plus or dot, missing digits \
            and infinities, so a conforming parser refuses the text.
            """,
        summary: "A number with a leading zero, a leading '+' or '.', no digits after '.' or 'e', or an infinity.",
        explanation: """
            `number = [ minus ] int [ frac ] [ exp ]` with `int = zero / ( digit1-9 *DIGIT )`, \
            `frac = decimal-point 1*DIGIT` and `exp = e [ minus / plus ] 1*DIGIT`. "007" is not a \
            JSON number (some readers take it as octal), nor are "+1", ".5", "1." and "-Infinity".
            """,
        reference: .rfc(8259, "6"),
        bad: "{\"sdpMLineIndex\": 01}",
        good: "{\"sdpMLineIndex\": 1}")

    public static let unterminatedString = Rule(
        code: "JSON106", name: "unterminated-string", severity: .error,
        severityRationale: """
            Error: under RFC 8259 §7 a string ends only at an unescaped quotation mark; without one the rest of the \
            input is swallowed and no parser can read the text.
            """,
        summary: "A string has no closing quotation mark.",
        explanation: """
            `string = quotation-mark *char quotation-mark`. The input ends inside the string, often \
            because a quotation mark inside it was not escaped as \\".
            """,
        reference: .rfc(8259, "7"),
        bad: "{\"sdp\": \"v=0}",
        good: "{\"sdp\": \"v=0\"}")

    public static let controlCharacter = Rule(
        code: "JSON107", name: "unescaped-control-character", severity: .error,
        severityRationale: """
            Error: RFC 8259 §7 requires control characters inside a string to be escaped, so a raw line break makes \
            the text invalid and a conforming parser refuses it.
            """,
        summary: "A string holds a raw control character (U+0000 to U+001F), such as a line break.",
        explanation: """
            Control characters must be escaped: `\\n`, `\\r`, `\\t`, or `\\u00XX`. An SDP pasted into \
            a JSON string with its CRLF line endings is the usual cause. The character is kept.
            """,
        reference: .rfc(8259, "7"),
        bad: "{\"sdp\": \"v=0␍␊o=- 1 1 IN IP4 0.0.0.0\"}",
        good: "{\"sdp\": \"v=0\\r\\no=- 1 1 IN IP4 0.0.0.0\"}")

    public static let invalidEscape = Rule(
        code: "JSON108", name: "invalid-escape", severity: .error,
        severityRationale: """
            Error: RFC 8259 §7 defines a closed set of escapes, so any other backslash sequence is not JSON and a \
            conforming parser refuses the text.
            """,
        summary: "A backslash in a string is not followed by one of \" \\ / b f n r t or u and four hex digits.",
        explanation: """
            JSON has fewer escapes than JavaScript: no `\\x41`, `\\'`, `\\v` or `\\0`, and `\\u` takes \
            exactly four hexadecimal digits. The escape is replaced by U+FFFD.
            """,
        reference: .rfc(8259, "7"),
        bad: "{\"label\": \"caf\\xe9\"}",
        good: "{\"label\": \"caf\\u00e9\"}")

    public static let loneSurrogate = Rule(
        code: "JSON109", name: "lone-surrogate", severity: .warning,
        severityRationale: """
            Warning: the grammar accepts a lone surrogate escape, so the text parses, but it encodes no character and \
            RFC 8259 §8.2 notes that readers then disagree: some throw, some keep it, some replace it.
            """,
        summary: "A \\uD800-\\uDFFF escape that is not half of a surrogate pair.",
        explanation: """
            The grammar allows `\\uD83D` alone, but it encodes no character, and RFC 8259 §8.2 \
            warns that readers then behave unpredictably: some throw, some keep it, some replace \
            it. It usually comes from text cut in the middle of an emoji. It is replaced by U+FFFD.
            """,
        reference: .rfc(8259, "8.2"),
        bad: "{\"label\": \"\\ud83d\"}",
        good: "{\"label\": \"\\ud83d\\ude00\"}")

    public static let invalidUTF8 = Rule(
        code: "JSON110", name: "invalid-utf8", severity: .error,
        severityRationale: """
            Error: RFC 8259 §8.1 requires JSON exchanged between systems to be UTF-8, so bytes that are not UTF-8 \
            make the text non-conforming and its strings cannot be decoded as written.
            """,
        summary: "A string holds bytes that are not UTF-8.",
        explanation: """
            JSON exchanged between systems MUST be UTF-8 (RFC 8259 §8.1). Latin-1 text, a UTF-16 \
            file or a string cut in the middle of a character gives byte sequences that are not \
            UTF-8. Each maximal invalid sequence is replaced by U+FFFD.
            """,
        reference: .rfc(8259, "8.1"),
        bad: "{\"label\": \"caf<E9>\"}",
        good: "{\"label\": \"café\"}")

    public static let unquotedKey = Rule(
        code: "JSON111", name: "unquoted-key", severity: .error,
        severityRationale: """
            Error: RFC 8259 §4 makes every member name a string in double quotes; a bare name is JavaScript syntax, \
            and a conforming parser refuses the text.
            """,
        summary: "An object member name is not a string in double quotes.",
        explanation: """
            JavaScript object literals allow `{type: "offer"}`; in JSON every name is a string: \
            `member = string name-separator value`.
            """,
        reference: .rfc(8259, "4"),
        bad: "{type: \"offer\"}",
        good: "{\"type\": \"offer\"}")

    public static let singleQuotedString = Rule(
        code: "JSON112", name: "single-quoted-string", severity: .error,
        severityRationale: """
            Error: RFC 8259 §7 delimits strings with the double quotation mark only, so a single-quoted string is not \
            JSON and a conforming parser refuses the text.
            """,
        summary: "A string in single quotes.",
        explanation:
            "JSON strings are delimited by the quotation mark U+0022 only; 'text' is a JavaScript or Python literal.",
        reference: .rfc(8259, "7"),
        bad: "{\"type\": 'offer'}",
        good: "{\"type\": \"offer\"}")

    public static let comment = Rule(
        code: "JSON113", name: "comment", severity: .error,
        severityRationale: """
            Error: RFC 8259 §2 has no comment syntax, so strict readers refuse the whole text, even though this \
            reader skips the comment and goes on.
            """,
        summary: "A // or /* */ comment.",
        explanation: """
            JSON has no comments. Configuration files written by hand often carry them (JSONC, \
            JSON5); strict readers reject the whole file. The comment is skipped as whitespace \
            and reading goes on.
            """,
        reference: .rfc(8259, "2"),
        bad: "{\"iceTransportPolicy\": \"relay\" // for tests\n}",
        good: "{\"iceTransportPolicy\": \"relay\"}")

    public static let trailingContent = Rule(
        code: "JSON114", name: "trailing-content", severity: .error,
        severityRationale: """
            Error: RFC 8259 §2 allows exactly one value per text, so a conforming parser refuses anything after it \
            and the extra message is lost.
            """,
        summary: "More text after the end of the JSON value.",
        explanation: """
            `JSON-text = ws value ws`: exactly one value. Two values in one text are usually two \
            messages glued together, which belong on separate lines of an NDJSON stream.
            """,
        reference: .rfc(8259, "2"),
        bad: "{\"type\": \"offer\"} {\"type\": \"answer\"}",
        good: "{\"type\": \"offer\"}")

    public static let byteOrderMark = Rule(
        code: "JSON115", name: "byte-order-mark", severity: .warning,
        severityRationale: """
            Warning: RFC 8259 §8.1 forbids a sender to add a byte order mark but lets a reader ignore one; this \
            reader does, yet other readers refuse the text.
            """,
        summary: "The text starts with a UTF-8 byte order mark (EF BB BF).",
        explanation: """
            Implementations MUST NOT add a byte order mark to JSON text; readers may ignore it, \
            and this one does, but others reject the text.
            """,
        reference: .rfc(8259, "8.1"),
        bad: "<EF BB BF>{}",
        good: "{}")

    public static let tooManyFindings = Rule.tooManyFindings(
        code: "JSON199", severity: .warning, reference: .rfc(8259, "9"))

    // MARK: - Limits and semantics

    public static let duplicateKey = Rule(
        code: "JSON201", name: "duplicate-key", severity: .warning,
        severityRationale: """
            Warning: RFC 8259 §4 says member names SHOULD be unique; the text still parses, but readers disagree on \
            which value wins and some refuse it.
            """,
        summary: "An object names the same member twice.",
        explanation: """
            Names within an object SHOULD be unique. With duplicates, readers disagree: most keep \
            the last value (JavaScript, Python), some the first, some reject the text. This reader \
            keeps both in order, and lookups by name return the first.
            """,
        reference: .rfc(8259, "4"),
        bad: "{\"type\": \"offer\", \"type\": \"answer\"}",
        good: "{\"type\": \"offer\"}")

    public static let documentTooLarge = Rule(
        code: "JSON202", name: "document-too-large", severity: .error,
        severityRationale: """
            Error: RFC 8259 §9 lets a reader limit the size of texts it accepts, and this text is past the configured \
            maximum, so it is not read until the limit is raised.
            """,
        summary: "The text is larger than the configured maximum size.",
        explanation:
            """
            A reader may limit the size of texts it accepts (RFC 8259 §9). Raise \
            `JSONParseOptions.Limits.maxBytes` to read it.
            """,
        reference: .rfc(8259, "9"))

    public static let nestingTooDeep = Rule(
        code: "JSON203", name: "nesting-too-deep", severity: .error,
        severityRationale: """
            Error: RFC 8259 §9 lets a reader bound the depth of nesting, and this text goes past the configured \
            maximum, a pattern used to attack recursive readers, so it is not accepted.
            """,
        summary: "Arrays and objects are nested deeper than the configured maximum depth.",
        explanation: """
            A reader may limit the depth of nesting (RFC 8259 §9). Thousands of nested brackets are \
            a classic attack on recursive readers; no real signaling message or dump comes close \
            to the default of 512.
            """,
        reference: .rfc(8259, "9"),
        bad: "[[[[[[[[ … ]]]]]]]]",
        good: "[[1]]")

    public static let stringTooLong = Rule(
        code: "JSON204", name: "string-too-long", severity: .error,
        severityRationale: """
            Error: RFC 8259 §9 lets a reader limit the length of strings it accepts, and this string is longer than \
            the configured maximum, so it falls outside what the reader is set to take.
            """,
        summary: "A string is longer than the configured maximum length.",
        explanation:
            """
            A reader may limit the length and character contents of strings (RFC 8259 §9). The length counts the \
            bytes between the quotation marks as written.
            """,
        reference: .rfc(8259, "9"))

    public static let numberTooLong = Rule(
        code: "JSON205", name: "number-too-long", severity: .error,
        severityRationale: """
            Error: RFC 8259 §9 lets a reader limit the range and precision of numbers, and this number is longer than \
            the configured maximum, so it falls outside what the reader is set to take.
            """,
        summary: "A number has more characters than the configured maximum.",
        explanation: """
            A reader may limit the range and precision of numbers (RFC 8259 §9). Numbers are kept as \
            written, so a long one costs memory and every conversion of it costs time.
            """,
        reference: .rfc(8259, "9"))

    public static let tooManyItems = Rule(
        code: "JSON206", name: "too-many-items", severity: .error,
        severityRationale: """
            Error: RFC 8259 §9 lets a reader limit the size of what it accepts, and this array or object has more \
            items than the configured maximum, so it falls outside what the reader is set to take.
            """,
        summary: "An array has more elements, or an object more members, than the configured maximum.",
        explanation:
            """
            A reader may limit the size of the texts it accepts (RFC 8259 §9); this limit bounds each array and \
            object.
            """,
        reference: .rfc(8259, "9"))

    public static let typeMismatch = Rule(
        code: "JSON210", name: "type-mismatch", severity: .error,
        severityRationale: """
            Error: the text is valid JSON, but the message format needs another of the RFC 8259 §3 value types at \
            this place, so the value cannot be used as the field it stands for.
            """,
        summary: "A value has another type than the one expected at its place.",
        explanation: """
            The text is valid JSON, but the message format it belongs to wants, say, a string where \
            it holds a number: `sdpMLineIndex` is a number in RTCIceCandidateInit, `sdpMid` a string.
            """,
        reference: .rfc(8259, "3"),
        bad: "{\"sdpMid\": 0}",
        good: "{\"sdpMid\": \"0\"}")

    public static let missingMember = Rule(
        code: "JSON211", name: "missing-member", severity: .error,
        severityRationale: """
            Error: the text is valid JSON, but a member the message format requires is absent, so the reader lacks \
            what it needs and the message cannot be used.
            """,
        summary: "An object lacks a member that its message format requires.",
        explanation:
            """
            The text is valid JSON, but a member the reader needs, such as `sdp` in an RTCSessionDescriptionInit, \
            is absent.
            """,
        reference: .rfc(8259, "4"),
        bad: "{\"type\": \"offer\"}",
        good: "{\"type\": \"offer\", \"sdp\": \"v=0\\r\\n…\"}")

    public static let numberNotRepresentable = Rule(
        code: "JSON212", name: "number-not-representable", severity: .error,
        severityRationale: """
            Error: the number is valid JSON, but RFC 8259 §6 leaves range and precision to the reader, and this one \
            does not fit the type expected here, so it cannot be used as that field.
            """,
        summary: "A number does not fit the type expected at its place (a fraction for an integer, or out of range).",
        explanation: """
            JSON numbers have no size or type; the reader wanted, say, an integer from 0 to 65535 \
            and found 1.5 or 70000. RFC 8259 §6 recommends staying within IEEE 754 double \
            precision for interoperability.
            """,
        reference: .rfc(8259, "6"),
        bad: "{\"sdpMLineIndex\": 1.5}",
        good: "{\"sdpMLineIndex\": 1}")
}

extension JSONRules: RuleSet {
    public static let title = "JSON texts (RFC 8259)"
}
