/// One finding about an input: what is wrong, where, how much it matters, and which standard
/// says so.
///
/// Parsers return these beside their result instead of throwing, so one pass reports every
/// problem; `sdplint` renders the same values and never parses twice.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    /// The stable code of the rule, such as `SDP104`.
    public var code: String
    public var severity: Severity
    public var location: SourceLocation
    /// A sentence a person understands, naming the offending value.
    public var message: String
    /// The standard the rule comes from.
    public var reference: Reference
    /// How to fix it, when there is one obvious way.
    public var hint: String?

    public init(
        code: String,
        severity: Severity,
        location: SourceLocation,
        message: String,
        reference: Reference,
        hint: String? = nil
    ) {
        self.code = code
        self.severity = severity
        self.location = location
        self.message = message
        self.reference = reference
        self.hint = hint
    }

    /// `3:9: error[SDP104]: …`, without a file name.
    public var description: String {
        "\(location): \(severity)[\(code)]: \(message)"
    }
}

extension Sequence where Element == Diagnostic {
    /// Whether any finding is an error.
    public var containsErrors: Bool { contains { $0.severity == .error } }
}
