/// What a check is: its stable code, default severity, the standard behind it, and the words
/// that explain it to a person.
///
/// Every `Diagnostic` is an instance of one rule. Rules live beside the code that checks them
/// (each module declares its own) and `sdplint rules` lists them all. A class, because rules
/// are shared constants passed through every parser's hot path: one reference, not ten strings.
public final class Rule: Sendable, Hashable, Identifiable, CustomStringConvertible {
    /// The stable code printed in brackets, such as `SDP104`. Never reused for another meaning.
    public let code: String
    /// A short kebab-case name, such as `line-order`.
    public let name: String
    /// The severity in the default (lenient) mode.
    public let severity: Severity
    /// The severity in strict mode, where every deviation from the grammar is an error.
    public let strictSeverity: Severity
    /// One line: what the rule finds.
    public let summary: String
    /// Why it matters and what to do about it.
    public let explanation: String
    /// The standard the rule comes from.
    public let reference: Reference
    /// A snippet that breaks the rule, and one that keeps it (may be empty).
    public let badExample: String
    public let goodExample: String

    public var id: String { code }

    public init(
        code: String,
        name: String,
        severity: Severity,
        strictSeverity: Severity? = nil,
        summary: String,
        explanation: String,
        reference: Reference,
        bad: String = "",
        good: String = ""
    ) {
        self.code = code
        self.name = name
        self.severity = severity
        self.strictSeverity = strictSeverity ?? (severity == .info ? .info : .error)
        self.summary = summary
        self.explanation = explanation
        self.reference = reference
        self.badExample = bad
        self.goodExample = good
    }

    public var description: String { "\(code) \(name)" }

    public static func == (lhs: Rule, rhs: Rule) -> Bool { lhs.code == rhs.code }
    public func hash(into hasher: inout Hasher) { hasher.combine(code) }

    /// Makes a finding of this rule.
    public func diagnostic(
        at location: SourceLocation,
        _ message: String,
        hint: String? = nil,
        strict: Bool = false
    ) -> Diagnostic {
        Diagnostic(
            code: code,
            severity: strict ? strictSeverity : severity,
            location: location,
            message: message,
            reference: reference,
            hint: hint
        )
    }
}
