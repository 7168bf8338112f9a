public import SDPLintDiagnostics
import SDPLintScanning

/// `a=imageattr`: the image sizes a side prefers to send and to receive for one payload type.
///
/// [RFC 6236 §3.1.1](https://www.rfc-editor.org/rfc/rfc6236#section-3.1.1)
/// ```
/// image-attr = "imageattr:" PT 1*2( 1*WSP ( "send" / "recv" ) 1*WSP attr-list )
/// PT         = 1*DIGIT / "*"
/// attr-list  = ( set *(1*WSP set) ) / "*"
/// set        = "[" "x=" xyrange "," "y=" xyrange *( "," key-value ) "]"
/// key-value  = ( "sar=" srange ) / ( "par=" prange ) / ( "q=" qvalue )   ; and extensions
/// xyrange    = ( "[" xyvalue ":" [ step ":" ] xyvalue "]" ) / ( "[" xyvalue 1*( "," xyvalue ) "]" ) / xyvalue
/// xyvalue    = onetonine *5DIGIT
/// spvalue    = ( "0" "." onetonine *3DIGIT ) / ( onetonine "." 1*4DIGIT )
/// srange     = ( "[" spvalue 1*( "," spvalue ) "]" ) / ( "[" spvalue "-" spvalue "]" ) / spvalue
/// prange     = "[" spvalue "-" spvalue "]"
/// qvalue     = ( "0" "." 1*2DIGIT ) / ( "1" "." 1*2("0") )
/// ```
/// Keywords compare case-insensitively (RFC 5234 §2.3). Chromium does not read the attribute;
/// Firefox refuses an offer whose imageattr does not parse (measured, Conformance/).
public struct ImageAttr: AttributeValue {
    public static let attributeName = Attribute.Name.imageattr

    /// The sizes of one direction: any (`*`) or a list of sets.
    public enum Preference: Sendable, Hashable {
        case any
        case sets([ImageSet])
    }

    /// One `[x=…,y=…,…]` set.
    public struct ImageSet: Sendable, Hashable {
        /// Horizontal size in pixels.
        public var x: PixelRange
        /// Vertical size in pixels.
        public var y: PixelRange
        /// `sar`, `par`, `q` and any extension parameter, as written and in order.
        public var parameters: [FMTP.Parameter]

        public init(x: PixelRange, y: PixelRange, parameters: [FMTP.Parameter] = []) {
            self.x = x
            self.y = y
            self.parameters = parameters
        }
    }

    /// An `xyrange`: one size, a list of sizes, or a range with an optional step.
    public enum PixelRange: Sendable, Hashable {
        case value(Int)
        case values([Int])
        /// From `min` to `max`; `step` is `nil` when not written (a step of 1).
        case range(min: Int, step: Int?, max: Int)
    }

    /// The payload type the attribute applies to, or `*` for every format of the section.
    public var format: String
    public var send: Preference?
    public var receive: Preference?
    /// Whether `recv` is written before `send`.
    public var receiveFirst: Bool

    public init(format: String, send: Preference? = nil, receive: Preference? = nil, receiveFirst: Bool = false) {
        self.format = format
        self.send = send
        self.receive = receive
        self.receiveFirst = receiveFirst
    }

    /// The payload type, when the attribute is not for every format.
    public var payloadType: Int? { Int(format) }

    public func write(to output: inout String) {
        output += format
        let directions = receiveFirst ? [("recv", receive), ("send", send)] : [("send", send), ("recv", receive)]
        for case (let keyword, let preference?) in directions {
            output += " " + keyword + " "
            switch preference {
            case .any: output += "*"
            case .sets(let sets): output += sets.map(Self.text(of:)).joined(separator: " ")
            }
        }
    }

    private static func text(of set: ImageSet) -> String {
        var text = "[x=" + text(of: set.x) + ",y=" + text(of: set.y)
        for parameter in set.parameters { text += "," + parameter.description }
        return text + "]"
    }

    private static func text(of range: PixelRange) -> String {
        switch range {
        case .value(let value): String(value)
        case .values(let values): "[" + values.map(String.init).joined(separator: ",") + "]"
        case .range(let min, let step, let max): "[\(min):" + (step.map { "\($0):" } ?? "") + "\(max)]"
        }
    }

    public static func parse(
        _ bytes: Span<UInt8>, _ range: Range<Int>, into diagnostics: inout DiagnosticCollector
    ) -> ImageAttr? {
        var reader = Reader(index: range.lowerBound, end: range.upperBound)
        let formatEnd = Bytes.tokenEnd(bytes, from: range.lowerBound, to: range.upperBound)
        let formatRange = range.lowerBound..<formatEnd
        if !(Bytes.equals(bytes, formatRange, "*")
            || (!formatRange.isEmpty && Bytes.firstIndex(notIn: .digit, bytes, formatRange) == nil))
        {
            diagnostics.report(
                rule, formatRange,
                formatRange.isEmpty
                    ? "imageattr has no payload type"
                    : "imageattr payload type '\(Bytes.string(bytes, formatRange))' is not a number or '*'"
            )
            return nil
        }
        reader.index = formatEnd
        var result = ImageAttr(format: Bytes.string(bytes, formatRange))
        // 1*2( 1*WSP ( "send" / "recv" ) 1*WSP attr-list ): one or both directions, each once.
        while !reader.isAtEnd {
            guard reader.skipWhitespace(bytes) else {
                diagnostics.report(rule, reader.index..<reader.end, "expected a space before send or recv")
                return nil
            }
            let keywordStart = reader.index
            reader.index = Bytes.tokenEnd(bytes, from: reader.index, to: reader.end)
            let keyword = keywordStart..<reader.index
            let isSend = Bytes.equalsIgnoringCase(bytes, keyword, "send")
            guard isSend || Bytes.equalsIgnoringCase(bytes, keyword, "recv") else {
                diagnostics.report(rule, keyword, "'\(Bytes.string(bytes, keyword))' is not send or recv")
                return nil
            }
            guard (isSend ? result.send : result.receive) == nil else {
                diagnostics.report(
                    rule, keyword, "imageattr lists \(isSend ? "send" : "recv") twice; each direction appears once")
                return nil
            }
            guard reader.skipWhitespace(bytes), !reader.isAtEnd else {
                diagnostics.report(
                    rule, keyword.upperBound..<keyword.upperBound,
                    "\(isSend ? "send" : "recv") has no sets after it", hint: "write '*' or sets such as [x=640,y=480]")
                return nil
            }
            guard let preference = reader.preference(bytes, &diagnostics) else { return nil }
            if isSend {
                result.send = preference
            } else {
                result.receiveFirst = result.send == nil
                result.receive = preference
            }
        }
        guard result.send != nil || result.receive != nil else {
            diagnostics.report(
                rule, range.upperBound..<range.upperBound, "imageattr has no send or recv list",
                hint: "write e.g. a=imageattr:\(result.format) send * recv *")
            return nil
        }
        return result
    }

    private static var rule: Rule { SDPRules.imageattrSyntax }

    /// A cursor over the value; each reader reports its own problem and returns `nil`.
    private struct Reader {
        var index: Int
        let end: Int

        var isAtEnd: Bool { index >= end }

        func peek(_ bytes: Span<UInt8>) -> UInt8? { index < end ? bytes[index] : nil }

        /// Skips 1*WSP; whether there was any.
        mutating func skipWhitespace(_ bytes: Span<UInt8>) -> Bool {
            let start = index
            while index < end && (bytes[index] == ASCII.space || bytes[index] == ASCII.tab) { index += 1 }
            return index > start
        }

        mutating func take(_ byte: UInt8, _ bytes: Span<UInt8>) -> Bool {
            guard peek(bytes) == byte else { return false }
            index += 1
            return true
        }

        /// `expected` next, or a finding that names what came instead.
        mutating func expect(
            _ byte: UInt8, _ what: String, _ bytes: Span<UInt8>, _ diagnostics: inout DiagnosticCollector
        ) -> Bool {
            if take(byte, bytes) { return true }
            report(what, bytes, &diagnostics)
            return false
        }

        func report(_ expected: String, _ bytes: Span<UInt8>, _ diagnostics: inout DiagnosticCollector) {
            guard let found = peek(bytes) else {
                diagnostics.report(ImageAttr.rule, end..<end, "imageattr ends where \(expected) was expected")
                return
            }
            diagnostics.report(ImageAttr.rule, index..<(index + 1), "expected \(expected), found \(found.displayed)")
        }

        /// `*` or `set *(1*WSP set)`.
        mutating func preference(_ bytes: Span<UInt8>, _ diagnostics: inout DiagnosticCollector) -> Preference? {
            if take(ASCII.star, bytes) { return .any }
            var sets: [ImageSet] = []
            repeat {
                guard let set = imageSet(bytes, &diagnostics) else { return nil }
                sets.append(set)
                let before = index
                if !skipWhitespace(bytes) || peek(bytes) != ASCII.openBracket {
                    index = before
                    break
                }
            } while true
            if let next = peek(bytes), next != ASCII.space && next != ASCII.tab {
                report("a space or the end of the value after ']'", bytes, &diagnostics)
                return nil
            }
            return .sets(sets)
        }

        /// `"[" "x=" xyrange "," "y=" xyrange *( "," key-value ) "]"`.
        mutating func imageSet(_ bytes: Span<UInt8>, _ diagnostics: inout DiagnosticCollector) -> ImageSet? {
            guard expect(ASCII.openBracket, "'[' to open a set", bytes, &diagnostics),
                key("x", bytes, &diagnostics), let x = pixelRange(bytes, &diagnostics),
                expect(ASCII.comma, "',' before y=", bytes, &diagnostics),
                key("y", bytes, &diagnostics), let y = pixelRange(bytes, &diagnostics)
            else { return nil }
            var set = ImageSet(x: x, y: y)
            var seen: Set<String> = []
            while take(ASCII.comma, bytes) {
                let nameStart = index
                while index < end && bytes[index] != ASCII.equals && bytes[index] != ASCII.comma
                    && bytes[index] != ASCII.closeBracket
                {
                    index += 1
                }
                let name = nameStart..<index
                guard !name.isEmpty, Bytes.firstIndex(notIn: .token, bytes, name) == nil, take(ASCII.equals, bytes)
                else {
                    diagnostics.report(
                        ImageAttr.rule, nameStart..<Swift.max(index, nameStart + 1),
                        "expected a parameter such as sar=, par= or q= after ','")
                    return nil
                }
                let lowered = Bytes.string(bytes, name).lowercased()
                let valueStart = index
                let valid: Bool
                switch lowered {
                case "sar": valid = aspectRange(bytes, list: true, &diagnostics)
                case "par": valid = aspectRange(bytes, list: false, &diagnostics)
                case "q": valid = preferenceValue(bytes, &diagnostics)
                default: valid = extensionValue(bytes, &diagnostics)  // "MAY be extended" (§3.1.1)
                }
                guard valid else { return nil }
                if ["sar", "par", "q"].contains(lowered) && !seen.insert(lowered).inserted {
                    diagnostics.report(
                        ImageAttr.rule, name, "a set may hold \(lowered)= once (RFC 6236 §3.1.1)")
                    return nil
                }
                set.parameters.append(
                    FMTP.Parameter(name: Bytes.string(bytes, name), value: Bytes.string(bytes, valueStart..<index)))
            }
            guard expect(ASCII.closeBracket, "']' to close the set", bytes, &diagnostics) else { return nil }
            return set
        }

        /// `name "="`, any case.
        mutating func key(
            _ name: StaticString, _ bytes: Span<UInt8>, _ diagnostics: inout DiagnosticCollector
        )
            -> Bool
        {
            let key = index..<Swift.min(index + 1, end)
            if Bytes.equalsIgnoringCase(bytes, key, name) && index + 1 < end && bytes[index + 1] == ASCII.equals {
                index += 2
                return true
            }
            report("\(name)=", bytes, &diagnostics)
            return false
        }

        /// `xyrange`.
        mutating func pixelRange(_ bytes: Span<UInt8>, _ diagnostics: inout DiagnosticCollector) -> PixelRange? {
            guard take(ASCII.openBracket, bytes) else {
                return pixels(bytes, &diagnostics).map(PixelRange.value)
            }
            let start = index - 1
            guard let first = pixels(bytes, &diagnostics) else { return nil }
            if take(ASCII.colon, bytes) {
                guard let second = pixels(bytes, &diagnostics) else { return nil }
                var step: Int?
                var last = second
                if take(ASCII.colon, bytes) {
                    guard let third = pixels(bytes, &diagnostics) else { return nil }
                    step = second
                    last = third
                }
                guard expect(ASCII.closeBracket, "']' to close the range", bytes, &diagnostics) else { return nil }
                // "The rightmost occurrence of xyvalue MUST have a higher value than the leftmost."
                guard last > first else {
                    diagnostics.report(
                        ImageAttr.rule, start..<index, "the range's upper size \(last) is not above its lower \(first)")
                    return nil
                }
                return .range(min: first, step: step, max: last)
            }
            var values = [first]
            guard take(ASCII.comma, bytes) else {
                report("':' or ',' in a size range", bytes, &diagnostics)
                return nil
            }
            repeat {
                guard let value = pixels(bytes, &diagnostics) else { return nil }
                values.append(value)
            } while take(ASCII.comma, bytes)
            guard expect(ASCII.closeBracket, "']' to close the list of sizes", bytes, &diagnostics) else { return nil }
            return .values(values)
        }

        /// `xyvalue = onetonine *5DIGIT`: 1 to 999999 pixels.
        mutating func pixels(_ bytes: Span<UInt8>, _ diagnostics: inout DiagnosticCollector) -> Int? {
            let start = index
            while index < end && bytes[index].isDigit { index += 1 }
            let digits = start..<index
            guard !digits.isEmpty else {
                report("a size in pixels", bytes, &diagnostics)
                return nil
            }
            guard bytes[start] != ASCII.zero, digits.count <= 6 else {
                diagnostics.report(
                    ImageAttr.rule, digits,
                    "size \(Bytes.string(bytes, digits)) is not 1–999999 written without leading zeros")
                return nil
            }
            var value = 0
            for i in digits { value = value * 10 + Int(bytes[i] &- ASCII.zero) }
            return value
        }

        /// `spvalue`: 0.1000–9.9999 with one to four decimals; its value in ten-thousandths.
        mutating func aspect(_ bytes: Span<UInt8>, _ diagnostics: inout DiagnosticCollector) -> Int? {
            let start = index
            while index < end && (bytes[index].isDigit || bytes[index] == ASCII.dot) { index += 1 }
            let text = start..<index
            let valid =
                text.count >= 3 && text.count <= 6 && bytes[start].isDigit && bytes[start + 1] == ASCII.dot
                && Bytes.firstIndex(notIn: .digit, bytes, (start + 2)..<index) == nil
                && (bytes[start] != ASCII.zero || bytes[start + 2] != ASCII.zero)
            guard valid else {
                if text.isEmpty {
                    report("an aspect ratio such as 1.0", bytes, &diagnostics)
                } else {
                    diagnostics.report(
                        ImageAttr.rule, text,
                        "aspect ratio '\(Bytes.string(bytes, text))' is not 0.1–9.9999 written as d.d to d.dddd")
                }
                return nil
            }
            var value = Int(bytes[start] &- ASCII.zero)
            var digits = 0
            for i in (start + 2)..<index {
                value = value * 10 + Int(bytes[i] &- ASCII.zero)
                digits += 1
            }
            for _ in digits..<4 { value *= 10 }
            return value
        }

        /// `srange` (`list`: discrete values allowed) or `prange`.
        mutating func aspectRange(_ bytes: Span<UInt8>, list: Bool, _ diagnostics: inout DiagnosticCollector) -> Bool {
            guard take(ASCII.openBracket, bytes) else {
                guard list else { return expect(ASCII.openBracket, "'[' to open par's range", bytes, &diagnostics) }
                return aspect(bytes, &diagnostics) != nil
            }
            let start = index - 1
            guard let first = aspect(bytes, &diagnostics) else { return false }
            if take(ASCII.minus, bytes) {
                guard let second = aspect(bytes, &diagnostics),
                    expect(ASCII.closeBracket, "']' to close the range", bytes, &diagnostics)
                else { return false }
                guard second > first else {
                    diagnostics.report(
                        ImageAttr.rule, start..<index, "the range's second ratio is not above its first")
                    return false
                }
                return true
            }
            guard list, take(ASCII.comma, bytes) else {
                report(list ? "'-' or ',' in a ratio range" : "'-' in par's range", bytes, &diagnostics)
                return false
            }
            var previous = first
            repeat {
                let at = index
                guard let value = aspect(bytes, &diagnostics) else { return false }
                // "Each occurrence of spvalue MUST be greater than the previous occurrence."
                guard value > previous else {
                    diagnostics.report(
                        ImageAttr.rule, at..<index, "each ratio in the list must be greater than the one before")
                    return false
                }
                previous = value
            } while take(ASCII.comma, bytes)
            return expect(ASCII.closeBracket, "']' to close the list of ratios", bytes, &diagnostics)
        }

        /// `qvalue`: 0.00–1.00 with one or two decimals.
        mutating func preferenceValue(_ bytes: Span<UInt8>, _ diagnostics: inout DiagnosticCollector) -> Bool {
            let start = index
            while index < end && (bytes[index].isDigit || bytes[index] == ASCII.dot) { index += 1 }
            let text = start..<index
            // "0.d", "0.dd", "1.0" or "1.00"; the decimals' range exists only past "d.".
            var valid = false
            if text.count == 3 || text.count == 4, bytes[start + 1] == ASCII.dot {
                let decimals = (start + 2)..<index
                valid =
                    bytes[start] == ASCII.zero && Bytes.firstIndex(notIn: .digit, bytes, decimals) == nil
                    || bytes[start] == UInt8(ascii: "1") && decimals.allSatisfy { bytes[$0] == ASCII.zero }
            }
            if !valid {
                diagnostics.report(
                    ImageAttr.rule, text.isEmpty ? index..<Swift.min(index + 1, end) : text,
                    "q '\(Bytes.string(bytes, text))' is not a preference 0.0–1.0 with one or two decimals")
            }
            return valid
        }

        /// An extension parameter's value: up to the next ',' or ']' outside brackets.
        mutating func extensionValue(_ bytes: Span<UInt8>, _ diagnostics: inout DiagnosticCollector) -> Bool {
            var depth = 0
            while index < end {
                let byte = bytes[index]
                if byte == ASCII.openBracket {
                    depth += 1
                } else if byte == ASCII.closeBracket {
                    if depth == 0 { return true }
                    depth -= 1
                } else if byte == ASCII.comma && depth == 0 {
                    return true
                }
                index += 1
            }
            report("']' to close the set", bytes, &diagnostics)
            return false
        }
    }
}
