import SDPLintInput
public import SDPLintOfferAnswer
import SDPLintReporting
import SDPLintWebRTC

extension LintConfiguration {
    /// The findings of a negotiation as configured: switched-off rules removed, severities
    /// replaced, each finding still pointing into its own description.
    public func apply(_ findings: [Finding]) -> [Finding] {
        findings.compactMap { finding in
            guard let diagnostic = apply([finding.diagnostic]).first else { return nil }
            var configured = finding
            configured.diagnostic = diagnostic
            return configured
        }
    }
}
