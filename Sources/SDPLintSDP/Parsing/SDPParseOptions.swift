/// How the parser treats what it reads.
public struct SDPParseOptions: Sendable, Hashable {
    /// In strict mode every deviation from the RFC 8866 grammar is an error (each rule's
    /// `strictSeverity`); in the default lenient mode the parser tolerates what browsers and SIP
    /// devices tolerate, and reports it as a warning.
    public var strict: Bool
    public var limits: Limits
    /// Whether to check what the model keeps raw: each typed attribute's value syntax and the
    /// cross-references within a section and between sections (payload types against the m=
    /// line, RTX and RED targets, BUNDLE mids, SSRC groups, duplicates, conflicting
    /// directions). Without them only the line grammar and the typed lines (v=, o=, c=, m=, …)
    /// are checked: the model is the same, for callers on a hot path that need the description
    /// but not the findings (an SFU reading every offer); attribute values are still checked
    /// when read through their typed views.
    public var checks: Bool

    public init(strict: Bool = false, limits: Limits = Limits(), checks: Bool = true) {
        self.strict = strict
        self.limits = limits
        self.checks = checks
    }

    public static let lenient = SDPParseOptions()
    public static let strict = SDPParseOptions(strict: true)

    /// Bounds on the work one parse may do, so hostile input costs bounded time and memory.
    /// Exceeding one stops the parse with an ``SDPRules/limitExceeded`` finding.
    public struct Limits: Sendable, Hashable {
        /// The largest input accepted, in bytes.
        public var maxBytes: Int
        /// The most lines read.
        public var maxLines: Int
        /// The longest line kept, in bytes; a longer line is reported and skipped.
        public var maxLineLength: Int
        /// The most media sections read.
        public var maxMediaSections: Int
        /// The most findings reported; one more line says how many were left out.
        public var maxDiagnostics: Int

        public init(
            maxBytes: Int = 64 << 20,
            maxLines: Int = 1_000_000,
            maxLineLength: Int = 16 << 20,
            maxMediaSections: Int = 10_000,
            maxDiagnostics: Int = 1_000
        ) {
            self.maxBytes = maxBytes
            self.maxLines = maxLines
            self.maxLineLength = maxLineLength
            self.maxMediaSections = maxMediaSections
            self.maxDiagnostics = maxDiagnostics
        }
    }
}
