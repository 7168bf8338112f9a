public import SDPLintDiagnostics

/// Why a header value (a URI, a Via, a name-addr, a CSeq, a media type) could not be read: every
/// finding of the parse, with the first error singled out. Columns count from the start of the
/// text that was parsed.
public struct SIPValueError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Every finding, in the order found.
    public let diagnostics: [Diagnostic]
    /// The first error: the one to fix first.
    public let primary: Diagnostic

    init(primary: Diagnostic, diagnostics: [Diagnostic]) {
        self.primary = primary
        self.diagnostics = diagnostics
    }

    /// The findings as an error, or `nil` when none is an error.
    init?(_ diagnostics: [Diagnostic]) {
        guard let error = diagnostics.first(where: { $0.severity == .error }) else { return nil }
        self.init(primary: error, diagnostics: diagnostics)
    }

    /// The error for a value the parser gave up on without a finding of its own.
    static func notA(_ kind: String, _ text: String) -> SIPValueError {
        let location = SourceLocation(line: 1, column: 1, bytes: 0..<text.utf8.count)
        let diagnostic = SIPRules.headerSyntax.diagnostic(at: location, "the text is not a \(kind)")
        return SIPValueError(primary: diagnostic, diagnostics: [diagnostic])
    }

    /// The rule code of the first error, such as `SIP112`.
    public var code: Rule.Code { primary.code }
    /// Where the first error is.
    public var location: SourceLocation { primary.location }
    /// `1:5: error[SIP112]: …`.
    public var description: String { primary.description }
}
