public import SDPLintDiagnostics
public import SDPLintInput
import SDPLintReporting
public import SDPLintSDP
public import SDPLintWebRTC

/// What the user asked of a lint run: rules switched off or on, severities changed, the
/// threshold for a failing exit status, and what the input is.
public struct LintConfiguration: Sendable, Hashable {
    /// Rule codes switched off.
    public var disabled: Set<Rule.Code> = []
    /// Rule codes switched on again (after a config file or profile switched them off).
    public var enabled: Set<Rule.Code> = []
    /// Severity per rule code; `nil` switches the rule off.
    public var severities: [Rule.Code: Severity?] = [:]
    /// Every deviation from the RFC 8866 grammar is an error.
    public var strict = false
    /// The lowest severity that makes the run fail (exit status 1).
    public var failOn: Severity = .error
    /// Whether the input is an offer or an answer, when known (JSON envelopes say; raw SDP does not).
    public var type: SDPType?
    /// The receivers to check against (`--profile`): their own rules and stricter severities.
    public var profiles: [Profile] = []

    public init() {}

    public var parseOptions: SDPParseOptions { strict ? .strict : .lenient }

    /// How inputs are read under this configuration.
    public var readOptions: InputReader.Options { InputReader.Options(strict: strict) }

    /// An error in a configuration: an unknown rule or severity.
    public struct Problem: Error, Sendable, Hashable, CustomStringConvertible {
        public let description: String
    }

    /// Resolves a rule code or name to its code.
    public static func code(for key: String) throws(Problem) -> Rule.Code {
        guard let rule = RuleCatalog.rule(key) else {
            let suggestions = RuleCatalog.suggestions(for: key)
            throw Problem(
                description: "unknown rule '\(key)'"
                    + (suggestions.isEmpty
                        ? "; `sdplint rules` lists them" : "; did you mean \(suggestions.joined(separator: ", "))?"))
        }
        return rule.code
    }

    /// Adds `--disable A,B` (codes or names).
    public mutating func disable(_ keys: String) throws(Problem) {
        for key in Self.split(keys) {
            let code = try Self.code(for: key)
            disabled.insert(code)
            enabled.remove(code)
        }
    }

    /// Adds `--enable A,B` (codes or names).
    public mutating func enable(_ keys: String) throws(Problem) {
        for key in Self.split(keys) {
            let code = try Self.code(for: key)
            enabled.insert(code)
            disabled.remove(code)
        }
    }

    /// Adds `--severity CODE=error|warning|info|off`.
    public mutating func setSeverity(_ assignment: String) throws(Problem) {
        let parts = assignment.split(separator: "=", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { throw Problem(description: "'\(assignment)' is not CODE=error|warning|info|off") }
        let code = try Self.code(for: parts[0])
        if parts[1].lowercased() == "off" {
            severities[code] = .some(nil)
        } else if let severity = Severity(name: parts[1]) {
            severities[code] = .some(severity)
        } else {
            throw Problem(description: "'\(parts[1])' is not a severity; use error, warning, info or off")
        }
    }

    /// The findings as configured: severities as the profiles' receivers judge them (with
    /// several profiles, the strictest), switched-off rules removed, severities replaced (what
    /// the user says last wins).
    ///
    /// With the description the findings are about, a general rule's finding that a profile's
    /// receiver would not give (Firefox, aiortc and webrtcbin end a value at a carriage return
    /// inside its line, and Firefox stops at a line it cannot read) is at most a warning under
    /// that profile: one on bytes the receiver does not read as part of their line, or one
    /// whose rule finds nothing in the receiver's reading of the text. The profiles' own rules
    /// (PRF) already read as their receivers do.
    public func apply(
        _ diagnostics: [Diagnostic], about description: ParseResult<SessionDescription>? = nil
    ) -> [Diagnostic] {
        let unread = profiles.map { profile in description.map(profile.unreadBytes(of:)) ?? [] }
        // The general rules that find something in each receiver's reading, where it differs.
        let found: [Set<Rule.Code>?] = profiles.map { profile in
            guard let description, let reading = profile.reading(of: description) else { return nil }
            let findings = reading.diagnostics + WebRTCChecks.run(reading, type: type, strict: strict)
            return Set(findings.map(\.code))
        }
        return diagnostics.compactMap { original in
            var diagnostic = original
            let general = !diagnostic.code.rawValue.hasPrefix("PRF")
            let judged = profiles.indices.map { index in
                let severity = profiles[index].judge(diagnostic.code, diagnostic.severity)
                // An empty location (an empty value) is a point, on the bytes where it stands.
                let bytes = diagnostic.location.bytes
                guard general,
                    unread[index].contains(where: {
                        $0.overlaps(bytes)
                            || (bytes.isEmpty && $0.lowerBound <= bytes.lowerBound && bytes.lowerBound <= $0.upperBound)
                    })
                        || found[index].map({ !$0.contains(diagnostic.code) }) ?? false
                else { return severity }
                return min(severity, .warning)
            }
            if let strictest = judged.max() {
                diagnostic.severity = strictest
            }
            if disabled.contains(diagnostic.code) && !enabled.contains(diagnostic.code) { return nil }
            var result = diagnostic
            if let override = severities[diagnostic.code] {
                guard let severity = override else { return nil }
                result.severity = severity
            }
            return result
        }
    }

    /// Whether these findings make the run fail.
    public func fails(_ diagnostics: [Diagnostic]) -> Bool {
        diagnostics.contains { $0.severity >= failOn }
    }

    private static func split(_ keys: String) -> [String] {
        keys.split(whereSeparator: { $0 == "," || $0 == " " }).map(String.init)
    }
}
