/// Bounds on what one XML parse may cost, so that hostile input is refused quickly.
///
/// The parser never loads a DTD, never substitutes entities and never touches the network; on
/// top of that it refuses any document type declaration (the carrier of XXE and entity-expansion
/// attacks) and applies these limits of its own. libxml2's own "huge input" switch stays off.
public struct XMLParseOptions: Sendable, Hashable {
    /// The largest input accepted, in bytes.
    public var maxBytes: Int
    /// The deepest element nesting accepted; the root element is depth 1. A Jingle stanza
    /// nests about seven deep. libxml2 itself stops at 256 whatever this says.
    public var maxDepth: Int
    /// The most elements read.
    public var maxElements: Int
    /// The most findings reported; one more says how many were left out.
    public var maxDiagnostics: Int
    /// In strict mode every rule is reported at its strict severity.
    public var strict: Bool

    /// Options.
    ///
    /// - Parameters:
    ///   - maxBytes: The largest input accepted, in bytes.
    ///   - maxDepth: The deepest element nesting accepted.
    ///   - maxElements: The most elements read.
    ///   - maxDiagnostics: The most findings reported.
    ///   - strict: Whether every rule is reported at its strict severity.
    public init(
        maxBytes: Int = 1 << 20, maxDepth: Int = 32, maxElements: Int = 50_000, maxDiagnostics: Int = 200,
        strict: Bool = false
    ) {
        self.maxBytes = maxBytes
        self.maxDepth = maxDepth
        self.maxElements = maxElements
        self.maxDiagnostics = maxDiagnostics
        self.strict = strict
    }

    /// The default limits, every rule at its usual severity.
    public static let lenient = XMLParseOptions()
    /// The default limits, every rule at its strict severity.
    public static let strict = XMLParseOptions(strict: true)
}
