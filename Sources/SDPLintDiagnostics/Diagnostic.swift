/// One finding about an input: what is wrong, where, how much it matters, and which standard
/// says so.
///
/// Parsers return these beside their result instead of throwing, so one pass reports every
/// problem; `sdplint` renders the same values and never parses twice.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    /// The rule this is a finding of.
    public var rule: Rule
    /// How much it matters here: the rule's severity, or its strict severity, or what the
    /// user configured.
    public var severity: Severity
    /// Where it is.
    public var location: SourceLocation
    /// A sentence a person understands, naming the offending value.
    public var message: String
    /// How to fix it, when there is one obvious way.
    public var hint: String?

    public init(rule: Rule, severity: Severity, location: SourceLocation, message: String, hint: String? = nil) {
        self.rule = rule
        self.severity = severity
        self.location = location
        self.message = message
        self.hint = hint
    }

    /// The stable code of the rule, such as `SDP104`.
    public var code: Rule.Code { rule.code }

    /// The standard the rule comes from.
    public var reference: Reference { rule.reference }

    /// `3:9: error[SDP104]: …`, without a file name.
    public var description: String {
        "\(location): \(severity.label)[\(code)]: \(message)"
    }
}

extension Sequence where Element == Diagnostic {
    /// Whether any finding is an error.
    public var containsErrors: Bool { contains { $0.severity == .error } }
}
