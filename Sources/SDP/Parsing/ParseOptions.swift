/// How the parser treats what it reads.
public struct ParseOptions: Sendable, Hashable {
    /// In strict mode every deviation from the RFC 8866 grammar is an error (each rule's
    /// `strictSeverity`); in the default lenient mode the parser tolerates what browsers and SIP
    /// devices tolerate, and reports it as a warning.
    public var strict: Bool
    public var limits: Limits

    public init(strict: Bool = false, limits: Limits = Limits()) {
        self.strict = strict
        self.limits = limits
    }

    public static let lenient = ParseOptions()
    public static let strict = ParseOptions(strict: true)

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
