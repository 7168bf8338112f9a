public import SDPLintDiagnostics
import SDPLintScanning

/// `a=label`: an opaque label that lets a session refer to this media section.
///
/// [RFC 4574 §4](https://www.rfc-editor.org/rfc/rfc4574#section-4)
/// ```
/// label-attribute = "a=label:" pointer
/// pointer         = token
/// ```
public struct Label: AttributeValue {
    public static let attributeName = Attribute.Name.label
    public var value: String

    public init(_ value: String) { self.value = value }

    public func write(to output: inout String) { output += value }

    public static func parse(
        _ bytes: Span<UInt8>, _ range: Range<Int>, into diagnostics: inout DiagnosticCollector
    ) -> Label? {
        Field.token(bytes, range, "label", SDPRules.valueSyntax, &diagnostics)
        return range.isEmpty ? nil : Label(Bytes.string(bytes, range))
    }
}

/// `a=content`: what a video stream shows: slides, the speaker, the main or an alternative view.
///
/// [RFC 4796 §5](https://www.rfc-editor.org/rfc/rfc4796#section-5)
/// ```
/// content-attribute = "a=content:" mediacnt-tag
/// mediacnt-tag      = mediacnt *("," mediacnt)
/// mediacnt          = "slides" / "speaker" / "sl" / "main" / "alt" / mediacnt-ext
/// ```
public struct Content: AttributeValue {
    public static let attributeName = Attribute.Name.content
    public var values: [String]

    public init(_ values: [String]) { self.values = values }

    public func write(to output: inout String) { output += values.joined(separator: ",") }

    public static func parse(
        _ bytes: Span<UInt8>, _ range: Range<Int>, into diagnostics: inout DiagnosticCollector
    ) -> Content? {
        var values: [String] = []
        var items = ValueScanner(range)
        // mediacnt *("," mediacnt) (RFC 4796 §5): a trailing "," is reported as a missing tag.
        var more = !range.isEmpty
        while more {
            let item = items.upTo(ASCII.comma, bytes)
            more = item.found
            if Field.token(bytes, item.range, "content tag", SDPRules.valueSyntax, &diagnostics) {
                values.append(Bytes.string(bytes, item.range))
            }
        }
        if range.isEmpty { diagnostics.report(SDPRules.valueSyntax, range, "content is empty") }
        return values.isEmpty ? nil : Content(values)
    }
}

/// `a=identity`: a WebRTC identity assertion (base64 JSON) binding the DTLS fingerprint to a user.
///
/// [RFC 8827 §5.6.4.1](https://www.rfc-editor.org/rfc/rfc8827#section-5.6.4.1)
/// ```
/// identity-attribute  = "identity:" identity-assertion *(SP identity-extension)
/// identity-assertion  = base64
/// ```
public struct Identity: AttributeValue {
    public static let attributeName = Attribute.Name.identity
    /// The base64 assertion.
    public var assertion: String
    /// Extensions after the assertion, as written.
    public var extensions: [String]

    public init(assertion: String, extensions: [String] = []) {
        self.assertion = assertion
        self.extensions = extensions
    }

    public func write(to output: inout String) {
        output += assertion
        for item in extensions {
            output += " "
            output += item
        }
    }

    public static func parse(
        _ bytes: Span<UInt8>, _ range: Range<Int>, into diagnostics: inout DiagnosticCollector
    ) -> Identity? {
        var scanner = ValueScanner(value: range)
        guard let assertion = scanner.field(bytes, &diagnostics) else {
            diagnostics.report(SDPRules.valueSyntax, range, "identity has no assertion")
            return nil
        }
        for i in assertion {
            let b = bytes[i]
            if !(b.isAlphanumeric || b == ASCII.plus || b == ASCII.slash || b == ASCII.equals) {
                diagnostics.report(
                    SDPRules.valueSyntax, i..<(i + 1), "identity assertion is not base64 (\(b.displayed))")
                break
            }
        }
        var extensions: [String] = []
        while let item = scanner.field(bytes, &diagnostics) { extensions.append(Bytes.string(bytes, item)) }
        return Identity(assertion: Bytes.string(bytes, assertion), extensions: extensions)
    }
}
