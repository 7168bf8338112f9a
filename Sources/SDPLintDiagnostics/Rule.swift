/// What a check is: its stable code, default severity, the standard behind it, and the words
/// that explain it to a person.
///
/// Every `Diagnostic` is an instance of one rule. Rules live beside the code that checks them
/// (each module declares its own) and `sdplint rules` lists them all. A class, because rules
/// are shared constants passed through every parser's hot path: one reference, not ten strings.
public final class Rule: Sendable, Hashable, Identifiable, CustomStringConvertible {
    /// The stable code printed in brackets, such as `SDP104`. Never reused for another meaning.
    public let code: Code
    /// A short kebab-case name, such as `line-order`.
    public let name: String
    /// The severity in the default (lenient) mode.
    public let severity: Severity
    /// The severity in strict mode, where every deviation from the grammar is an error.
    public let strictSeverity: Severity
    /// Why ``severity`` is what it is, from the reference: an error when a conforming receiver
    /// must or will refuse it or the call cannot work, a warning when it works but breaks a
    /// SHOULD or a known receiver, a note when it is information.
    public let severityRationale: String
    /// One line: what the rule finds.
    public let summary: String
    /// Why it matters and what to do about it.
    public let explanation: String
    /// The standard the rule comes from.
    public let reference: Reference
    /// A snippet that breaks the rule, and one that keeps it (may be empty).
    public let badExample: String
    public let goodExample: String

    public var id: Code { code }

    public init(
        code: Code,
        name: String,
        severity: Severity,
        strictSeverity: Severity? = nil,
        severityRationale: String = "",
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
        self.severityRationale = severityRationale
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
            rule: self, severity: strict ? strictSeverity : severity, location: location, message: message, hint: hint)
    }
}

extension Rule {
    /// A rule's stable code: letters naming the rule set, then digits (`SDP104`, `OA210`,
    /// `JINGLE110`). Compared exactly; ``init(rawValue:)`` takes any spelling, and
    /// ``init(parsing:)`` reads a code the way a user types it, in any case.
    public struct Code: RawRepresentable, Sendable, Hashable, Comparable, CustomStringConvertible,
        ExpressibleByStringLiteral
    {
        public let rawValue: String

        public init(rawValue: String) { self.rawValue = rawValue }

        public init(stringLiteral value: String) { self.rawValue = value }

        /// A code typed by a user (`sdp104`), or `nil` when it does not have the shape of one.
        public init?(parsing text: String) {
            let upper = String(text.uppercased())
            let letters = upper.prefix { $0.isASCII && $0.isLetter }
            let digits = upper.dropFirst(letters.count)
            guard !letters.isEmpty, !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else {
                return nil
            }
            self.rawValue = upper
        }

        /// The letters before the number: the rule set (`SDP`, `OA`).
        public var prefix: Substring { rawValue.prefix { !($0.isASCII && $0.isNumber) } }

        public var description: String { rawValue }

        /// Codes sort by rule set, then by number (`SDP99` before `SDP100`).
        public static func < (lhs: Code, rhs: Code) -> Bool {
            let left = (lhs.prefix, Int(lhs.rawValue.dropFirst(lhs.prefix.count)) ?? 0, lhs.rawValue)
            let right = (rhs.prefix, Int(rhs.rawValue.dropFirst(rhs.prefix.count)) ?? 0, rhs.rawValue)
            return left < right
        }
    }

    /// The rule every parser reports once, last, when it stopped recording findings at its limit,
    /// so that hostile input cannot grow memory without bound.
    public static func tooManyFindings(code: Code, severity: Severity, reference: Reference) -> Rule {
        let rationale =
            switch severity {
            case .error: "Error: the findings past the limit are not reported, so the input cannot be called clean."
            case .warning: "Warning: the findings past the limit are not reported; those shown stand, but more exist."
            case .info: "Note: the findings past the limit are counted, not reported; those shown stand."
            }
        return Rule(
            code: code, name: "too-many-findings", severity: severity, strictSeverity: severity,
            severityRationale: rationale,
            summary: "More findings were made than are reported.",
            explanation: """
                Recording stops after a fixed number of findings so that hostile input cannot grow memory \
                without bound; the last finding says how many more were made.
                """,
            reference: reference)
    }
}
