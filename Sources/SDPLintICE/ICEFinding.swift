public import SDPLintDiagnostics

/// A finding about one element of a set — a candidate among candidates, a URL of an ICE
/// server — that the caller locates, since only the caller knows where each element came from.
///
/// ```swift
/// for finding in Candidate.checkFoundations(candidates) {
///     let diagnostic = finding.diagnostic(at: locations[finding.index])
/// }
/// ```
public struct ICEFinding: Sendable, Hashable, CustomStringConvertible {
    /// The rule the finding is an instance of.
    public var rule: Rule
    /// The index, in the checked collection, of the element the finding is about.
    public var index: Int
    /// The index of the element it conflicts with, when there is one.
    public var relatedIndex: Int?
    /// A sentence a person understands.
    public var message: String

    public init(rule: Rule, index: Int, relatedIndex: Int? = nil, message: String) {
        self.rule = rule
        self.index = index
        self.relatedIndex = relatedIndex
        self.message = message
    }

    /// The finding as a diagnostic at `location`, the place of element ``index``.
    public func diagnostic(at location: SourceLocation, strict: Bool = false) -> Diagnostic {
        rule.diagnostic(at: location, message, strict: strict)
    }

    /// `[ICE206] #3: …`.
    public var description: String { "[\(rule.code)] #\(index): \(message)" }
}
