public import SDPLintDiagnostics
public import SDPLintICE
import SDPLintScanning

/// `a=ice-ufrag`: the ICE username fragment, checked by the ICE module's rules.
///
/// [RFC 8839 §5.4](https://www.rfc-editor.org/rfc/rfc8839#section-5.4)
/// ```
/// ice-ufrag-att = "ice-ufrag:" ufrag
/// ufrag         = 4*256ice-char
/// ```
public struct ICEUfrag: AttributeValue {
    public static let attributeName = Attribute.Name.iceUfrag
    public var value: String

    public init(_ value: String) { self.value = value }

    public func write(to output: inout String) { output += value }

    public static func parse(
        _ bytes: Span<UInt8>, _ range: Range<Int>, into diagnostics: inout DiagnosticCollector
    ) -> ICEUfrag? {
        ICECredentials.validateUfrag(bytes, range, into: &diagnostics)
        return ICEUfrag(Bytes.string(bytes, range))
    }
}

/// `a=ice-pwd`: the ICE password, checked by the ICE module's rules.
///
/// [RFC 8839 §5.4](https://www.rfc-editor.org/rfc/rfc8839#section-5.4)
/// ```
/// ice-pwd-att = "ice-pwd:" password
/// password    = 22*256ice-char
/// ```
public struct ICEPwd: AttributeValue {
    public static let attributeName = Attribute.Name.icePwd
    public var value: String

    public init(_ value: String) { self.value = value }

    public func write(to output: inout String) { output += value }

    public static func parse(
        _ bytes: Span<UInt8>, _ range: Range<Int>, into diagnostics: inout DiagnosticCollector
    ) -> ICEPwd? {
        ICECredentials.validatePwd(bytes, range, into: &diagnostics)
        return ICEPwd(Bytes.string(bytes, range))
    }
}

/// `a=ice-options`: the ICE extensions an agent supports, such as `trickle`.
///
/// [RFC 8839 §5.6](https://www.rfc-editor.org/rfc/rfc8839#section-5.6)
/// ```
/// ice-options    = "ice-options:" ice-option-tag *(SP ice-option-tag)
/// ice-option-tag = 1*ice-char
/// ```
public struct ICEOptions: AttributeValue {
    public static let attributeName = Attribute.Name.iceOptions
    /// The option tags in order: trickle (RFC 8838), ice2 (RFC 8445), renomination, …
    public var options: [ICEOption]

    public init(_ options: [ICEOption]) { self.options = options }

    /// Whether the agent trickles candidates (RFC 8840 §4.1.1).
    public var supportsTrickle: Bool { options.contains(.trickle) }

    public func write(to output: inout String) { ICEOption.write(options, to: &output) }

    public static func parse(
        _ bytes: Span<UInt8>, _ range: Range<Int>, into diagnostics: inout DiagnosticCollector
    ) -> ICEOptions? {
        ICEOptions(ICEOption.parseList(bytes, range, into: &diagnostics))
    }
}

/// `a=candidate`: typed by the ICE module's ``Candidate`` (RFC 8839 §5.1), whose byte-level
/// `parse(_:_:into:)` and `write(to:)` are the conformance.
extension Candidate: AttributeValue {
    public static var attributeName: Attribute.Name { .candidate }
}
