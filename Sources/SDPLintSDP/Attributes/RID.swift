public import SDPLintDiagnostics
import SDPLintScanning

/// `a=rid`: an RTP stream identifier and the restrictions on that stream.
///
/// [RFC 8851 §10](https://www.rfc-editor.org/rfc/rfc8851#section-10)
/// ```
/// rid-syntax = %s"a=rid:" rid-id SP rid-dir [ rid-pt-param-list / rid-param-list ]
/// rid-id     = 1*(alpha-numeric / "-" / "_")
/// rid-dir    = %s"send" / %s"recv"
/// rid-pt-param-list = SP rid-fmt-list *(";" rid-param)
/// rid-param-list    = SP rid-param *(";" rid-param)
/// rid-fmt-list      = %s"pt=" fmt *( "," fmt )
/// rid-param         = rid-width-param / … / rid-param-other
/// ```
public struct RID: AttributeValue {
    public static let attributeName = Attribute.Name.rid

    public enum Direction: String, Sendable, Hashable {
        case send, recv
    }

    /// One restriction, such as `max-width=1280`.
    public typealias Restriction = FMTP.Parameter

    public var id: String
    public var direction: Direction
    /// The payload types of `pt=`, in order; empty when the stream may use any.
    public var payloadTypes: [String]
    /// The restrictions after the payload types, in order.
    public var restrictions: [Restriction]

    public init(id: String, direction: Direction, payloadTypes: [String] = [], restrictions: [Restriction] = []) {
        self.id = id
        self.direction = direction
        self.payloadTypes = payloadTypes
        self.restrictions = restrictions
    }

    public func write(to output: inout String) {
        output += id
        output += " "
        output += direction.rawValue
        var separator = " "
        if !payloadTypes.isEmpty {
            output += separator
            output += "pt="
            output += payloadTypes.joined(separator: ",")
            separator = ";"
        }
        for restriction in restrictions {
            output += separator
            output += restriction.description
            separator = ";"
        }
    }

    /// Whether `character` may appear in a rid-id.
    static func isRIDChar(_ byte: UInt8) -> Bool {
        byte.isAlphanumeric || byte == ASCII.minus || byte == ASCII.underscore
    }

    /// RFC 8852 §3.1 lets the RtpStreamId that carries a rid id hold letters and digits only, up
    /// to 255 bytes: a '-' or '_' that RFC 8851 §10's grammar allows cannot be sent in RTP.
    static func reportUnsendableID(_ bytes: Span<UInt8>, _ id: Range<Int>, _ diagnostics: inout DiagnosticCollector) {
        guard id.allSatisfy({ isRIDChar(bytes[$0]) }) else { return }
        if let index = id.first(where: { !bytes[$0].isAlphanumeric }) {
            diagnostics.report(
                SDPRules.ridNotStreamID, index..<(index + 1),
                "rid id '\(Bytes.string(bytes, id))' has \(bytes[index].displayed), which an RtpStreamId cannot carry",
                hint: "use letters and digits only")
        } else if id.count > 255 {
            diagnostics.report(
                SDPRules.ridNotStreamID, id,
                "rid id of \(id.count) bytes is longer than the 255 an RtpStreamId carries")
        }
    }

    public static func parse(
        _ bytes: Span<UInt8>, _ range: Range<Int>, into diagnostics: inout DiagnosticCollector
    ) -> RID? {
        let rule = SDPRules.ridSyntax
        var scanner = ValueScanner(value: range)
        guard let idRange = scanner.field(bytes, &diagnostics) else {
            diagnostics.report(rule, range, "rid has no id")
            return nil
        }
        checkRIDId(bytes, idRange, &diagnostics)
        reportUnsendableID(bytes, idRange, &diagnostics)
        guard let directionRange = scanner.field(bytes, &diagnostics) else {
            diagnostics.report(
                rule, idRange.upperBound..<idRange.upperBound, "rid has no direction",
                hint: "write send or recv after the id")
            return nil
        }
        let direction: Direction
        if Bytes.equals(bytes, directionRange, "send") {
            direction = .send
        } else if Bytes.equals(bytes, directionRange, "recv") {
            direction = .recv
        } else {
            diagnostics.report(
                rule, directionRange, "rid direction '\(Bytes.string(bytes, directionRange))' is not send or recv")
            return nil
        }
        var payloadTypes: [String] = []
        var restrictions: [Restriction] = []
        if let params = scanner.rest(bytes, &diagnostics) {
            var items = ValueScanner(params)
            var first = true
            // Each ';' is followed by a rid-param (RFC 8851 §10), so an empty item (";;" or a
            // trailing ';') is reported: loop while the last item ended at a separator.
            var more = true
            while more {
                let part = items.upTo(ASCII.semicolon, bytes)
                more = part.found
                let item = part.range
                if item.isEmpty {
                    diagnostics.report(
                        rule, item, "rid parameter list has an empty item: a ';' with no parameter after it")
                    first = false
                    continue
                }
                var pair = ValueScanner(item)
                let name = pair.upTo(ASCII.equals, bytes)
                if name.range.isEmpty || Bytes.firstIndex(notIn: .token, bytes, name.range) != nil {
                    diagnostics.report(rule, item, "rid restriction '\(Bytes.string(bytes, item))' has no valid name")
                    first = false
                    continue
                }
                if Bytes.equals(bytes, name.range, "pt") {
                    if !first {
                        diagnostics.report(
                            SDPRules.ridFormatsNotFirst, item,
                            "pt= after the first rid parameter is an unknown restriction (rid-param-other), not the rid's formats"
                        )
                    }
                    var list = ValueScanner(pair.remaining)
                    // rid-fmt-list = %s"pt=" fmt *("," fmt): at least one format, and one after
                    // every ','.
                    var moreFormats = true
                    while moreFormats {
                        let part = list.upTo(ASCII.comma, bytes)
                        moreFormats = part.found
                        let fmt = part.range
                        if Field.token(bytes, fmt, "rid payload type", rule, &diagnostics) {
                            payloadTypes.append(Bytes.string(bytes, fmt))
                        }
                    }
                } else {
                    if name.found && pair.remaining.isEmpty {
                        diagnostics.report(
                            rule, item, "rid restriction '\(Bytes.string(bytes, name.range))' has an empty value")
                    } else if name.found, let form = numericForm(bytes, name.range),
                        !isNumber(bytes, pair.remaining, decimal: form == .decimal)
                    {
                        // RFC 8851 §10: int-param-val = 1*DIGIT; max-bpp a float-param-val.
                        diagnostics.report(
                            SDPRules.ridRestrictionValue, pair.remaining,
                            """
                            rid restriction \(Bytes.string(bytes, name.range)) is '\(Bytes.string(bytes, pair.remaining))', \
                            not \(form == .decimal ? "a decimal number such as 1.5" : "a whole number")
                            """
                        )
                    }
                    restrictions.append(
                        Restriction(
                            name: Bytes.string(bytes, name.range),
                            value: name.found ? Bytes.string(bytes, pair.remaining) : nil))
                }
                first = false
            }
        }
        return RID(
            id: Bytes.string(bytes, idRange), direction: direction, payloadTypes: payloadTypes,
            restrictions: restrictions)
    }
}

private enum NumericForm { case whole, decimal }

/// The form RFC 8851 §10 gives the value of a restriction it defines, or `nil` for another.
private func numericForm(_ bytes: Span<UInt8>, _ name: Range<Int>) -> NumericForm? {
    for known: StaticString in ["max-width", "max-height", "max-fps", "max-fs", "max-br", "max-pps"]
    where Bytes.equals(bytes, name, known) {
        return .whole
    }
    return Bytes.equals(bytes, name, "max-bpp") ? .decimal : nil
}

/// `1*DIGIT`, or with `decimal`, `1*DIGIT "." 1*DIGIT`.
private func isNumber(_ bytes: Span<UInt8>, _ range: Range<Int>, decimal: Bool) -> Bool {
    let dot = Bytes.firstIndex(of: ASCII.dot, in: bytes, range)
    guard decimal, dot < range.upperBound else {
        return !range.isEmpty && Bytes.firstIndex(notIn: .digit, bytes, range) == nil
    }
    let whole = range.lowerBound..<dot
    let fraction = (dot + 1)..<range.upperBound
    return !whole.isEmpty && !fraction.isEmpty && Bytes.firstIndex(notIn: .digit, bytes, whole) == nil
        && Bytes.firstIndex(notIn: .digit, bytes, fraction) == nil
}

func checkRIDId(
    _ bytes: Span<UInt8>, _ range: Range<Int>, _ diagnostics: inout DiagnosticCollector, rule: Rule = SDPRules.ridSyntax
) {
    if range.isEmpty {
        diagnostics.report(rule, range, "rid id is empty")
        return
    }
    for i in range where !RID.isRIDChar(bytes[i]) {
        diagnostics.report(
            rule, i..<(i + 1),
            """
            rid id '\(Bytes.string(bytes, range))' contains \(bytes[i].displayed); only letters, digits, '-' and \
            '_' are allowed
            """
        )
        return
    }
}
