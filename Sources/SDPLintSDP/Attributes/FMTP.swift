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

    /// The `;`-separated items of ``parameterText``, in order, with the spaces and tabs around
    /// names and values removed; an item without `=` has a `nil` value, an empty item is left out.
    ///
    /// - Complexity: O(*n*) in the length of the text.
    public var parameters: [Parameter] {
        parameterText.withUTF8Span { bytes in
            var result: [Parameter] = []
            Self.forEachParameter(bytes, 0..<bytes.count) { name, value in
                let value = value.map { Bytes.string(bytes, Bytes.trimmingWhitespace(bytes, $0)) }
                result.append(Parameter(name: Bytes.string(bytes, name), value: value))
                return true
            }
            return result
        }
    }

    /// The value of the first parameter named `name`; names compare case-insensitively (RFC 4855
    /// §3). `nil` when there is none, or when it has no `=`.
    ///
    /// - Parameter name: The parameter name, such as `profile-level-id`.
    /// - Complexity: O(*n*) in the length of the text.
    public subscript(parameter name: String) -> String? {
        parameterText.withUTF8Span { bytes in
            var found: String?
            Self.forEachParameter(bytes, 0..<bytes.count) { item, value in
                guard Bytes.equals(bytes, item, name, ignoringCase: true) else { return true }
                found = value.map { Bytes.string(bytes, Bytes.trimmingWhitespace(bytes, $0)) }
                return false
            }
            return found
        }
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

    // MARK: The parameter list, byte by byte

    /// Walks the `;`-separated `name[=value]` items of the parameter list at `range` (RFC 4855
    /// §3 gives `name=value` pairs separated by semicolons), passing each non-empty item to
    /// `body` until it returns `false`: the name without the spaces and tabs around it, and
    /// the bytes after the `=` up to the `;` (`nil` for an item without `=`), which the caller
    /// trims with `Bytes.trimmingWhitespace` when it reads them; most items are only named.
    ///
    /// The one reader of fmtp parameters: ``parameters``, ``subscript(parameter:)`` and the
    /// parser's checks all go through it.
    ///
    /// - Complexity: O(*n*) in `range.count`.
    @inline(__always)
    static func forEachParameter(
        _ bytes: Span<UInt8>, _ range: Range<Int>, _ body: (_ name: Range<Int>, _ afterEquals: Range<Int>?) -> Bool
    ) {
        var i = range.lowerBound
        while i < range.upperBound {
            let itemEnd = Bytes.firstIndex(of: ASCII.semicolon, in: bytes, i..<range.upperBound)
            let nameStart = Bytes.skipWhitespace(bytes, from: i, to: itemEnd)
            i = itemEnd + 1
            guard nameStart < itemEnd else { continue }
            let equals = Bytes.firstIndex(of: ASCII.equals, in: bytes, nameStart..<itemEnd)
            var nameEnd = equals
            while nameEnd > nameStart && bytes[nameEnd - 1].isWhitespace { nameEnd -= 1 }
            let keepGoing = body(nameStart..<nameEnd, equals < itemEnd ? (equals + 1)..<itemEnd : nil)
            if !keepGoing { return }
        }
    }

    /// The parts of the value, found without creating strings.
    struct Scanned {
        var format: Range<Int>
        var payloadType: Int?
        var parameters: Range<Int>
        /// The value of the first `apt=` item (RTX's associated payload type, RFC 4588 §8.6), without
        /// the white space around it, which the checks follow.
        var apt: Range<Int>? = nil
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
        // An item "=x" (no name) usually comes from string concatenation bugs; apt= is found on
        // the same walk.
        var apt: Range<Int>?
        forEachParameter(bytes, parameters) { name, value in
            guard let value else { return true }
            if name.isEmpty {
                let item = name.lowerBound..<value.upperBound
                diagnostics.report(
                    SDPRules.fmtpParameterName, item, "fmtp parameter '\(Bytes.string(bytes, item))' has no name")
            } else if apt == nil && Bytes.equalsIgnoringCase(bytes, name, "apt") {
                apt = Bytes.trimmingWhitespace(bytes, value)
            }
            return true
        }
        return Scanned(format: format, payloadType: payloadType(bytes, format), parameters: parameters, apt: apt)
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
