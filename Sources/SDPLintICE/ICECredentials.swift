public import SDPLintDiagnostics
internal import SDPLintScanning

/// The ICE username fragment and password of one agent, and the checks of their grammar.
///
/// RFC 8839 §5.4 <https://www.rfc-editor.org/rfc/rfc8839#section-5.4>
///
/// ```
/// ice-pwd-att           = "ice-pwd:" password
/// ice-ufrag-att         = "ice-ufrag:" ufrag
/// password              = 22*256ice-char
/// ufrag                 = 4*256ice-char
/// ice-char              = ALPHA / DIGIT / "+" / "/"
/// ```
public struct ICECredentials: Sendable, Hashable {
    /// The username fragment, `a=ice-ufrag`: 4 to 256 ice-chars, at most 32 when sending.
    public var ufrag: String
    /// The password, `a=ice-pwd`: 22 to 256 ice-chars.
    public var password: String

    public init(ufrag: String, password: String) {
        self.ufrag = ufrag
        self.password = password
    }

    /// The findings for both values. Each value is its own one-line text, so locations are
    /// columns within the ufrag for its findings and within the password for the others.
    ///
    /// - Parameter options: Whether rules report at their strict severity.
    /// - Returns: The ufrag's findings, then the password's.
    public func validate(options: ICEParseOptions = .lenient) -> [Diagnostic] {
        ICECredentials.validateUfrag(ufrag, options: options) + ICECredentials.validatePwd(password, options: options)
    }

    /// Checks an `ice-ufrag` value: 4 to 256 ice-chars (`invalid-ufrag`), and a warning above the
    /// 32 an agent may send (`ufrag-too-long-to-send`). Columns count from the start of `text`.
    ///
    /// RFC 8839 §5.4 <https://www.rfc-editor.org/rfc/rfc8839#section-5.4>
    ///
    /// - Parameters:
    ///   - text: The value after `a=ice-ufrag:`.
    ///   - options: Whether rules report at their strict severity.
    /// - Returns: The findings, sorted by column.
    public static func validateUfrag(_ text: String, options: ICEParseOptions = .lenient) -> [Diagnostic] {
        ICEParseOptions.parse(text, options) { bytes, collector in
            validateUfrag(bytes, 0..<bytes.count, into: &collector)
        }.diagnostics
    }

    /// Checks an `ice-pwd` value: 22 to 256 ice-chars (`invalid-pwd`). Messages never repeat the
    /// password. Columns count from the start of `text`.
    ///
    /// RFC 8839 §5.4 <https://www.rfc-editor.org/rfc/rfc8839#section-5.4>
    ///
    /// - Parameters:
    ///   - text: The value after `a=ice-pwd:`.
    ///   - options: Whether rules report at their strict severity.
    /// - Returns: The findings, sorted by column.
    public static func validatePwd(_ text: String, options: ICEParseOptions = .lenient) -> [Diagnostic] {
        ICEParseOptions.parse(text, options) { bytes, collector in
            validatePwd(bytes, 0..<bytes.count, into: &collector)
        }.diagnostics
    }

    /// Checks the `ice-ufrag` value at the absolute byte `range` of `bytes`.
    ///
    /// - Complexity: O(n) in the length of the value.
    package static func validateUfrag(
        _ bytes: Span<UInt8>, _ range: Range<Int>, into diagnostics: inout DiagnosticCollector
    ) {
        guard
            validate(
                bytes, range, what: "ICE username fragment", rule: ICERules.invalidUfrag,
                minimum: 4, echo: true, into: &diagnostics)
        else { return }
        // RFC 8839 §5.4: MUST NOT be longer than 32 characters when sending.
        if range.count > 32 {
            diagnostics.report(
                ICERules.ufragTooLongToSend, range,
                "the ICE username fragment has \(range.count) characters; agents must not send more than 32")
        }
    }

    /// Checks the `ice-pwd` value at the absolute byte `range` of `bytes`.
    ///
    /// - Complexity: O(n) in the length of the value.
    package static func validatePwd(
        _ bytes: Span<UInt8>, _ range: Range<Int>, into diagnostics: inout DiagnosticCollector
    ) {
        validate(
            bytes, range, what: "ICE password", rule: ICERules.invalidPassword,
            minimum: 22, echo: false, into: &diagnostics)
    }

    /// `minimum*256ice-char`; returns whether the value matched.
    @discardableResult
    private static func validate(
        _ bytes: Span<UInt8>, _ range: Range<Int>, what: String, rule: Rule,
        minimum: Int, echo: Bool, into diagnostics: inout DiagnosticCollector
    ) -> Bool {
        // Only a finding quotes the value.
        func shown() -> String { echo ? " " + Bytes.quoted(bytes, range) : "" }
        if range.isEmpty {
            diagnostics.report(rule, range, "the \(what) is empty; it needs \(minimum) to 256 ice-chars")
            return false
        }
        if let bad = Bytes.firstIndex(notIn: .ice, bytes, range) {
            diagnostics.report(
                rule, range,
                """
                the \(what)\(shown()) has \(bytes[bad].displayed), which is not an ice-char (letters, digits, '+', \
                '/')
                """
            )
            return false
        }
        if range.count < minimum {
            diagnostics.report(
                rule, range,
                "the \(what)\(shown()) has \(range.count) characters; at least \(minimum) are required")
            return false
        }
        if range.count > 256 {
            diagnostics.report(rule, range, "the \(what) has \(range.count) characters; at most 256 are allowed")
            return false
        }
        return true
    }
}
