public import SDPLintDiagnostics
import SDPLintScanning

/// `a=ptime`: the length of media in one packet, in milliseconds.
///
/// [RFC 8866 §6.4](https://www.rfc-editor.org/rfc/rfc8866#section-6.4)
/// ```
/// ptime-value = non-zero-int-or-real
/// ```
public struct PTime: AttributeValue {
    public static let attributeName = Attribute.Name.ptime
    public var milliseconds: Double

    public init(milliseconds: Double) { self.milliseconds = milliseconds }

    public func write(to output: inout String) { output += formatDecimal(milliseconds) }

    public static func parse(
        _ bytes: Span<UInt8>, _ range: Range<Int>, into diagnostics: inout DiagnosticCollector
    ) -> PTime? {
        positiveReal(bytes, range, "ptime", &diagnostics).map(PTime.init(milliseconds:))
    }
}

/// `a=maxptime`: the most media one packet may carry, in milliseconds.
///
/// [RFC 8866 §6.5](https://www.rfc-editor.org/rfc/rfc8866#section-6.5)
/// ```
/// maxptime-value = non-zero-int-or-real
/// ```
public struct MaxPTime: AttributeValue {
    public static let attributeName = Attribute.Name.maxptime
    public var milliseconds: Double

    public init(milliseconds: Double) { self.milliseconds = milliseconds }

    public func write(to output: inout String) { output += formatDecimal(milliseconds) }

    public static func parse(
        _ bytes: Span<UInt8>, _ range: Range<Int>, into diagnostics: inout DiagnosticCollector
    ) -> MaxPTime? {
        positiveReal(bytes, range, "maxptime", &diagnostics).map(MaxPTime.init(milliseconds:))
    }
}

/// `a=framerate`: the maximum video frame rate, in frames per second.
///
/// [RFC 8866 §6.17](https://www.rfc-editor.org/rfc/rfc8866#section-6.17)
/// ```
/// framerate-value = non-zero-int-or-real
/// ```
public struct FrameRate: AttributeValue {
    public static let attributeName = Attribute.Name.framerate
    public var framesPerSecond: Double

    public init(framesPerSecond: Double) { self.framesPerSecond = framesPerSecond }

    public func write(to output: inout String) { output += formatDecimal(framesPerSecond) }

    public static func parse(
        _ bytes: Span<UInt8>, _ range: Range<Int>, into diagnostics: inout DiagnosticCollector
    ) -> FrameRate? {
        positiveReal(bytes, range, "framerate", &diagnostics).map(FrameRate.init(framesPerSecond:))
    }
}

/// Reads RFC 8866 `non-zero-int-or-real`.
func positiveReal(
    _ bytes: Span<UInt8>, _ range: Range<Int>, _ what: String, _ diagnostics: inout DiagnosticCollector
) -> Double? {
    guard let value = DecimalDigits.parseReal(bytes, range) else {
        diagnostics.report(SDPRules.ptimeSyntax, range, "\(what) '\(Bytes.string(bytes, range))' is not a number")
        return nil
    }
    guard value > 0 else {
        diagnostics.report(SDPRules.ptimeSyntax, range, "\(what) must be greater than zero")
        return nil
    }
    return value
}

/// "20" for 20.0, "29.97" for 29.97: the shortest text that reads back as the same number.
func formatDecimal(_ value: Double) -> String {
    if value.rounded() == value, abs(value) < 1e15 { return String(Int64(value)) }
    return String(value)
}
