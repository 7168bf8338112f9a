public import SDPLintDiagnostics
import SDPLintScanning

/// `a=rtpmap`: binds an RTP payload type to an encoding.
///
/// [RFC 8866 §6.6](https://www.rfc-editor.org/rfc/rfc8866#section-6.6)
/// ```
/// rtpmap-value  = payload-type SP encoding-name "/" clock-rate [ "/" encoding-params ]
/// payload-type  = zero-based-integer
/// encoding-name = token
/// clock-rate    = integer
/// encoding-params = channels
/// ```
public struct RTPMap: AttributeValue {
    public static let attributeName = Attribute.Name.rtpmap

    /// The payload type, 0–127.
    public var payloadType: Int
    /// The encoding name, as written ("opus", "VP8", "H264"); compare case-insensitively.
    public var encodingName: String
    /// The RTP clock rate in Hz.
    public var clockRate: Int
    /// For audio, the number of channels; `nil` when not written (meaning 1).
    public var channels: Int?

    public init(payloadType: Int, encodingName: String, clockRate: Int, channels: Int? = nil) {
        self.payloadType = payloadType
        self.encodingName = encodingName
        self.clockRate = clockRate
        self.channels = channels
    }

    public func write(to output: inout String) {
        output += String(payloadType)
        output += " "
        output += encodingName
        output += "/"
        output += String(clockRate)
        if let channels {
            output += "/"
            output += String(channels)
        }
    }

    /// The parts of the value, found without creating strings.
    struct Scanned {
        var payloadType: Int
        var name: Range<Int>
        var clockRate: Int
        var channels: Int?
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
        let rule = SDPRules.rtpmapSyntax
        // Three fields, so that text after the encoding is reported as such instead of being
        // read as part of the clock rate or channels: RFC 8866 §6.6 ends the value there.
        let fields = FieldList(bytes, range, limit: 3, diagnostics: &diagnostics)
        guard let ptRange = fields.at(0) else {
            diagnostics.report(rule, range, "rtpmap has no payload type")
            return nil
        }
        let payloadType = Field.payloadType(bytes, ptRange, rule, &diagnostics)
        guard let encoding = fields.at(1) else {
            diagnostics.report(
                rule, fields.missing(1), "rtpmap has no encoding after the payload type",
                hint: "write <payload type> <encoding name>/<clock rate>")
            return nil
        }
        if let extra = fields.at(2) {
            diagnostics.report(rule, extra, "unexpected '\(Bytes.string(bytes, extra))' after the encoding")
        }
        let slash = Bytes.firstIndex(of: ASCII.slash, in: bytes, encoding)
        let name = encoding.lowerBound..<slash
        Field.token(bytes, name, "encoding name", rule, &diagnostics)
        guard slash < encoding.upperBound else {
            diagnostics.report(
                rule, encoding, "rtpmap encoding '\(Bytes.string(bytes, encoding))' has no clock rate",
                hint: "write <encoding name>/<clock rate>, e.g. VP8/90000")
            return nil
        }
        let second = Bytes.firstIndex(of: ASCII.slash, in: bytes, (slash + 1)..<encoding.upperBound)
        /// Whether a field is a zero ("0", "00"): a number, but not one the grammar allows here.
        func isZero(_ field: Range<Int>) -> Bool { !field.isEmpty && field.allSatisfy { bytes[$0] == ASCII.zero } }
        let rateRange = (slash + 1)..<second
        var clockRate: UInt64?
        if isZero(rateRange) {
            diagnostics.report(SDPRules.rtpmapZero, rateRange, "clock rate 0: the codec's RTP clock would not tick")
        } else {
            clockRate = Field.integer(bytes, rateRange, "clock rate", rule, in: 1...UInt64(UInt32.max), &diagnostics)
        }
        var channels: Int?
        if second < encoding.upperBound {
            let channelRange = (second + 1)..<encoding.upperBound
            if isZero(channelRange) {
                diagnostics.report(SDPRules.rtpmapZero, channelRange, "channel count 0: an audio codec has at least 1")
                channels = 0
            } else {
                channels = Field.integer(
                    bytes, channelRange, "encoding parameter (channels)", rule, in: 1...UInt64(UInt16.max),
                    &diagnostics
                ).map { Int($0) }
            }
        }
        guard let payloadType, let clockRate else { return nil }
        return Scanned(payloadType: payloadType, name: name, clockRate: Int(clockRate), channels: channels)
    }

    /// The usual form, "<pt> <name>/<rate>[/<channels>]" with numbers in range, which has nothing
    /// to report; `nil` for anything else.
    @inline(__always)
    private static func scanCanonical(_ bytes: Span<UInt8>, _ range: Range<Int>) -> Scanned? {
        guard var cursor = CanonicalCursor(bytes, range),
            let payloadType = cursor.number(bytes, maxDigits: 3), payloadType <= 127, cursor.space(bytes),
            let name = cursor.token(bytes), cursor.skip(bytes, ASCII.slash),
            let clockRate = cursor.number(bytes, maxDigits: 10), clockRate >= 1, clockRate <= UInt64(UInt32.max)
        else { return nil }
        var channels: Int?
        if cursor.skip(bytes, ASCII.slash) {
            guard let value = cursor.number(bytes, maxDigits: 5), value >= 1, value <= UInt64(UInt16.max) else {
                return nil
            }
            channels = Int(value)
        }
        guard cursor.isAtEnd else { return nil }
        return Scanned(payloadType: Int(payloadType), name: name, clockRate: Int(clockRate), channels: channels)
    }

    public static func parse(
        _ bytes: Span<UInt8>, _ range: Range<Int>, into diagnostics: inout DiagnosticCollector
    ) -> RTPMap? {
        guard let scanned = scan(bytes, range, into: &diagnostics) else { return nil }
        return RTPMap(
            payloadType: scanned.payloadType, encodingName: Bytes.string(bytes, scanned.name),
            clockRate: scanned.clockRate, channels: scanned.channels)
    }
}
