public import SDPLintDiagnostics
import SDPLintScanning

/// `a=fmtp`: format-specific parameters, such as H.264's `profile-level-id`.
///
/// The parameter text is kept exactly; ``parameters`` reads it as the `name=value` list that
/// most formats use (RFC 4855 §3), while formats such as RED (`111/111`) or telephone-event
/// (`0-15`) use their own syntax and are read from ``parameterText``.
///
/// [RFC 8866 §6.15](https://www.rfc-editor.org/rfc/rfc8866#section-6.15)
/// ```
/// fmtp-value = fmt SP format-specific-params
/// format-specific-params = byte-string
/// ```
public struct FMTP: AttributeValue {
    public static let attributeName = Attribute.Name.fmtp

    /// One `name[=value]` item of the parameter list.
    public struct Parameter: Sendable, Hashable, CustomStringConvertible {
        public var name: String
        public var value: String?

        public init(name: String, value: String? = nil) {
            self.name = name
            self.value = value
        }

        public var description: String { value.map { name + "=" + $0 } ?? name }
    }

    /// The format (usually a payload type) the parameters apply to.
    public var format: String
    /// The parameters exactly as written.
    public var parameterText: String

    public init(format: String, parameterText: String) {
        self.format = format
        self.parameterText = parameterText
    }

    /// Builds the text from an ordered list, joined by ";" as browsers write it.
    public init(format: String, parameters: [Parameter]) {
        self.format = format
        self.parameterText = parameters.map(\.description).joined(separator: ";")
    }

    /// The payload type, when the format is one.
    public var payloadType: Int? { Int(format) }

    /// The `;`-separated items of ``parameterText``, in order, with surrounding spaces removed.
    public var parameters: [Parameter] {
        var result: [Parameter] = []
        for item in parameterText.split(separator: ";", omittingEmptySubsequences: true) {
            let trimmed = item.trimmingASCIISpaces
            if trimmed.isEmpty { continue }
            if let equals = trimmed.firstIndex(of: "=") {
                result.append(
                    Parameter(
                        name: String(trimmed[..<equals]).trimmingASCIISpaces,
                        value: String(trimmed[trimmed.index(after: equals)...]).trimmingASCIISpaces))
            } else {
                result.append(Parameter(name: String(trimmed)))
            }
        }
        return result
    }

    /// The value of a parameter; names compare case-insensitively (RFC 4855 §3).
    public subscript(parameter name: String) -> String? {
        parameters.first { $0.name.equalsIgnoringASCIICase(name) }?.value
    }

    /// Sets, replaces or (with `nil`) removes a parameter, keeping the order of the others.
    public mutating func setParameter(_ name: String, to value: String?) {
        var list = parameters
        if let index = list.firstIndex(where: { $0.name.equalsIgnoringASCIICase(name) }) {
            if let value { list[index].value = value } else { list.remove(at: index) }
        } else if let value {
            list.append(Parameter(name: name, value: value))
        }
        parameterText = list.map(\.description).joined(separator: ";")
    }

    public func write(to output: inout String) {
        output += format
        output += " "
        output += parameterText
    }

    /// The parts of the value, found without creating strings.
    struct Scanned {
        var format: Range<Int>
        var payloadType: Int?
        var parameters: Range<Int>
    }

    static func scan(_ bytes: Span<UInt8>, _ range: Range<Int>, into diagnostics: inout DiagnosticCollector) -> Scanned?
    {
        let rule = SDPRules.fmtpSyntax
        let format: Range<Int>
        let parameters: Range<Int>
        // The usual form, "<token> <parameters>", has nothing to report up to the parameters.
        if var cursor = CanonicalCursor(bytes, range), let token = cursor.token(bytes), cursor.space(bytes) {
            format = token
            parameters = cursor.rest()
        } else {
            let fields = FieldList(bytes, range, limit: 2, diagnostics: &diagnostics)
            guard let first = fields.at(0) else {
                diagnostics.report(rule, range, "fmtp has no format")
                return nil
            }
            format = first
            Field.token(bytes, format, "format", rule, &diagnostics)
            guard let second = fields.at(1) else {
                diagnostics.report(
                    rule, fields.missing(1), "fmtp for \(Bytes.string(bytes, format)) has no parameters",
                    hint: "remove the line or add the parameters")
                return Scanned(
                    format: format, payloadType: payloadType(bytes, format),
                    parameters: format.upperBound..<format.upperBound)
            }
            parameters = second
        }
        // An item "=x" (no name) usually comes from string concatenation bugs.
        var i = parameters.lowerBound
        while i < parameters.upperBound {
            let itemEnd = Bytes.firstIndex(of: ASCII.semicolon, in: bytes, i..<parameters.upperBound)
            let first = Bytes.skipWhitespace(bytes, from: i, to: itemEnd)
            if first < itemEnd && bytes[first] == ASCII.equals {
                diagnostics.report(
                    rule, i..<itemEnd, "fmtp parameter '\(Bytes.string(bytes, i..<itemEnd))' has no name")
            }
            i = itemEnd + 1
        }
        return Scanned(format: format, payloadType: payloadType(bytes, format), parameters: parameters)
    }

    /// The format as a payload type, when it is a number up to 127.
    private static func payloadType(_ bytes: Span<UInt8>, _ format: Range<Int>) -> Int? {
        if case .success(let value) = DecimalDigits.parse(bytes, format, as: UInt64.self), value <= 127 {
            return Int(value)
        }
        return nil
    }

    public static func parse(
        _ bytes: Span<UInt8>, _ range: Range<Int>, into diagnostics: inout DiagnosticCollector
    ) -> FMTP? {
        guard let scanned = scan(bytes, range, into: &diagnostics) else { return nil }
        return FMTP(format: Bytes.string(bytes, scanned.format), parameterText: Bytes.string(bytes, scanned.parameters))
    }
}
