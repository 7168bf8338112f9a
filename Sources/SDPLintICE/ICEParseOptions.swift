/// How the ICE parsers treat what they read: candidates (RFC 8839 §5.1), ICE server URLs
/// (RFC 7064, RFC 7065), `ice-options` tags and credentials (RFC 8839 §5.4, §5.6).
public struct ICEParseOptions: Sendable, Hashable {
    /// In strict mode every rule is reported at its strict severity, so every deviation from
    /// the grammar is an error; in the default lenient mode what browsers accept is a warning.
    public var strict: Bool
    /// The most findings reported; one more says how many were left out.
    public var maxDiagnostics: Int

    /// Options.
    ///
    /// - Parameters:
    ///   - strict: Whether every rule is reported at its strict severity.
    ///   - maxDiagnostics: The most findings reported.
    public init(strict: Bool = false, maxDiagnostics: Int = 1000) {
        self.strict = strict
        self.maxDiagnostics = maxDiagnostics
    }

    /// What browsers accept is a warning.
    public static let lenient = ICEParseOptions()
    /// Every deviation from the grammar is an error.
    public static let strict = ICEParseOptions(strict: true)
}
