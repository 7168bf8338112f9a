public import SDPLintDiagnostics

/// Why a JSON text could not be read: every finding of the parse, with the first error singled
/// out. The throwing entry points (``JSONValue/init(parsing:options:)-(String,_)``,
/// ``JSONDocument/init(parsing:options:)-(String,_)``) throw it when the text has at least one
/// error-severity finding; the lenient `parse` functions return the same findings without
/// throwing.
public struct JSONParseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Every finding of the parse, in the order of the text.
    public let diagnostics: [Diagnostic]
    /// The first error: the one a person should fix first.
    public let primary: Diagnostic

    init(primary: Diagnostic, diagnostics: [Diagnostic]) {
        self.primary = primary
        self.diagnostics = diagnostics
    }

    /// The findings of a parse as an error, or `nil` when none is an error.
    init?(_ diagnostics: [Diagnostic]) {
        guard let error = diagnostics.first(where: { $0.severity == .error }) else { return nil }
        self.diagnostics = diagnostics
        self.primary = error
    }

    /// The rule code of the first error, such as `JSON103`.
    public var code: Rule.Code { primary.code }
    /// Where the first error is.
    public var location: SourceLocation { primary.location }
    /// The first error in words.
    public var reason: String { primary.message }

    /// `3:9: error[JSON103]: …`, the first error.
    public var description: String { primary.description }
}
