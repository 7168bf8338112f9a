public import SDPLintDiagnostics

/// Why an ICE value could not be read: every finding of the parse, with the first error singled
/// out. Thrown by the ICE module's throwing initializers when the text has at least one
/// error-severity finding; the lenient `parse` functions return the same findings without
/// throwing.
public struct ICEParseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Every finding of the parse, errors and warnings, sorted by column.
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
        self.init(primary: error, diagnostics: diagnostics)
    }

    /// The rule code of the first error, such as `ICE102`.
    public var code: Rule.Code { primary.code }
    /// Where the first error is.
    public var location: SourceLocation { primary.location }
    /// The first error in words.
    public var reason: String { primary.message }

    /// `1:42: error[ICE107]: …`, the first error.
    public var description: String { primary.description }
}

/// The error ``Candidate/init(parsing:)`` throws.
public typealias CandidateParseError = ICEParseError
