public import SDPLintDiagnostics
import SDPLintScanning

/// `a=rtcp-fb`: an RTCP feedback message a receiver understands for a payload type (or all).
///
/// [RFC 4585 §4.2](https://www.rfc-editor.org/rfc/rfc4585#section-4.2)
/// ```
/// rtcp-fb-syntax = "a=rtcp-fb:" rtcp-fb-pt SP rtcp-fb-val CRLF
/// rtcp-fb-pt     = "*" / fmt
/// rtcp-fb-val    = "ack" rtcp-fb-ack-param / "nack" rtcp-fb-nack-param
///                / "trr-int" SP 1*DIGIT / rtcp-fb-id rtcp-fb-param
/// ```
public struct RTCPFeedback: AttributeValue {
    public static let attributeName = Attribute.Name.rtcpFeedback

    /// The payload type, or "*" for every format of the section.
    public var format: String
    /// The feedback type: "nack", "ccm", "goog-remb", "transport-cc", "ack", "trr-int", …
    public var type: String
    /// The parameter: "pli" for `nack pli`, "fir" for `ccm fir`, the interval for trr-int.
    public var parameter: String?

    public init(format: String, type: String, parameter: String? = nil) {
        self.format = format
        self.type = type
        self.parameter = parameter
    }

    /// Whether it applies to every format ("*").
    public var isWildcard: Bool { format == "*" }
    /// The payload type, unless it is the wildcard.
    public var payloadType: Int? { Int(format) }

    public func write(to output: inout String) {
        output += format
        output += " "
        output += type
        if let parameter {
            output += " "
            output += parameter
        }
    }

    /// The parts of the value, found without creating strings.
    struct Scanned {
        var format: Range<Int>
        /// `nil` for the wildcard.
        var payloadType: Int?
        var type: Range<Int>
        var parameter: Range<Int>?
    }

    @inline(__always)
    static func scan(_ bytes: Span<UInt8>, _ range: Range<Int>, into diagnostics: inout DiagnosticCollector) -> Scanned?
    {
        if let scanned = scanCanonical(bytes, range) { return scanned }
        return scanAny(bytes, range, into: &diagnostics)
    }

    /// The general path: any form, with every finding.
    @inline(never)
    private static func scanAny(
        _ bytes: Span<UInt8>, _ range: Range<Int>, into diagnostics: inout DiagnosticCollector
    ) -> Scanned? {
        let fields = FieldList(bytes, range, limit: 3, diagnostics: &diagnostics)
        guard let format = fields.at(0) else {
            diagnostics.report(SDPRules.rtcpFeedbackSyntax, range, "rtcp-fb has no payload type")
            return nil
        }
        var payloadType: Int?
        if !(format.count == 1 && bytes[format.lowerBound] == ASCII.star) {
            guard let pt = Field.payloadType(bytes, format, SDPRules.rtcpFeedbackSyntax, &diagnostics) else {
                return nil
            }
            payloadType = pt
        }
        guard let type = fields.at(1) else {
            diagnostics.report(
                SDPRules.rtcpFeedbackSyntax, fields.missing(1), "rtcp-fb has no feedback type",
                hint: "e.g. a=rtcp-fb:96 nack")
            return nil
        }
        Field.token(bytes, type, "feedback type", SDPRules.rtcpFeedbackSyntax, &diagnostics)
        let parameter = fields.at(2)
        if Bytes.equals(bytes, type, "trr-int") {
            if let parameter {
                _ = Field.integer(
                    bytes, parameter, "trr-int interval", SDPRules.rtcpFeedbackSyntax, as: UInt64.self, &diagnostics)
            } else {
                diagnostics.report(SDPRules.rtcpFeedbackSyntax, type, "trr-int needs an interval in milliseconds")
            }
        }
        return Scanned(format: format, payloadType: payloadType, type: type, parameter: parameter)
    }

    /// The usual form, "<pt or *> <type>[ <parameter>]" with single spaces and a type other than
    /// trr-int, which has nothing to report; `nil` for anything else.
    @inline(__always)
    private static func scanCanonical(_ bytes: Span<UInt8>, _ range: Range<Int>) -> Scanned? {
        guard var cursor = CanonicalCursor(bytes, range) else { return nil }
        let start = cursor.index
        var payloadType: Int?
        if !cursor.skip(bytes, ASCII.star) {
            guard let value = cursor.number(bytes, maxDigits: 3), value <= 127 else { return nil }
            payloadType = Int(value)
        }
        let format = start..<cursor.index
        guard cursor.space(bytes), let type = cursor.token(bytes), !Bytes.equals(bytes, type, "trr-int") else {
            return nil
        }
        var parameter: Range<Int>?
        if !cursor.isAtEnd {
            guard cursor.space(bytes) else { return nil }
            parameter = cursor.rest()
        }
        return Scanned(format: format, payloadType: payloadType, type: type, parameter: parameter)
    }

    public static func parse(
        _ bytes: Span<UInt8>, _ range: Range<Int>, into diagnostics: inout DiagnosticCollector
    ) -> RTCPFeedback? {
        guard let scanned = scan(bytes, range, into: &diagnostics) else { return nil }
        return RTCPFeedback(
            format: Bytes.string(bytes, scanned.format), type: Bytes.string(bytes, scanned.type),
            parameter: scanned.parameter.map { Bytes.string(bytes, $0) })
    }
}

extension Field {
    /// `integer` with the type given by an argument label, for call sites that ignore the value.
    static func integer<T: FixedWidthInteger & UnsignedInteger>(
        _ bytes: Span<UInt8>, _ range: Range<Int>, _ what: String, _ rule: Rule, as type: T.Type,
        _ diagnostics: inout DiagnosticCollector
    ) -> T? {
        integer(bytes, range, what, rule, in: nil, &diagnostics)
    }
}
