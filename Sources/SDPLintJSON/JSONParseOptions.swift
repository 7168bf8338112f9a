import SDPLintDiagnostics
internal import SDPLintScanning

/// How the JSON parser reads: the limits it enforces and how strictly it reports.
public struct JSONParseOptions: Sendable, Hashable {
    /// The bounds that keep hostile input from exhausting memory or time (RFC 8259 §9 lets a
    /// reader set them). Exceeding one is an error with its own code, and reading stops there.
    ///
    /// The defaults read every real signaling message and multi-megabyte webrtc-internals dumps,
    /// and reject attacks such as ten thousand nested brackets within microseconds.
    public struct Limits: Sendable, Hashable {
        /// The largest text, in bytes (`JSON202`). Default 256 MiB.
        public var maxBytes: Int
        /// The deepest nesting of arrays and objects (`JSON203`). Default 512. Values above
        /// ``depthCeiling`` are lowered to it.
        public var maxDepth: Int
        /// The longest string, in bytes as written between its quotes (`JSON204`). Default 64 MiB.
        public var maxStringLength: Int
        /// The longest number, in characters (`JSON205`). Default 4096.
        public var maxNumberLength: Int
        /// The most elements of one array or members of one object (`JSON206`). Default 16 Mi.
        public var maxItems: Int

        /// The deepest nesting any parse allows, whatever ``maxDepth`` says: values are trees, and
        /// freeing, comparing and writing a tree recurses once per level.
        public static let depthCeiling = 10_000

        public init(
            maxBytes: Int = 256 << 20,
            maxDepth: Int = 512,
            maxStringLength: Int = 64 << 20,
            maxNumberLength: Int = 4096,
            maxItems: Int = 16 << 20
        ) {
            self.maxBytes = maxBytes
            self.maxDepth = maxDepth
            self.maxStringLength = maxStringLength
            self.maxNumberLength = maxNumberLength
            self.maxItems = maxItems
        }

        public static let `default` = Limits()

        /// The depth actually enforced: ``maxDepth`` within 1…``depthCeiling``.
        var effectiveDepth: Int { min(max(1, maxDepth), Self.depthCeiling) }
    }

    public var limits: Limits
    /// Report every rule at its strict severity (lone surrogates and duplicate keys become errors).
    public var strict: Bool
    /// The most findings kept; one more counts those dropped (`JSON199`).
    public var maxDiagnostics: Int

    /// Options.
    ///
    /// - Parameters:
    ///   - limits: The bounds on one parse.
    ///   - strict: Whether every rule is reported at its strict severity.
    ///   - maxDiagnostics: The most findings kept.
    public init(limits: Limits = .default, strict: Bool = false, maxDiagnostics: Int = 1000) {
        self.limits = limits
        self.strict = strict
        self.maxDiagnostics = maxDiagnostics
    }

    /// The default: what JavaScript's `JSON.parse` accepts reads without an error, lone
    /// surrogates and duplicate names are warnings.
    public static let lenient = JSONParseOptions()
    /// Every rule at its strict severity: lone surrogates and duplicate names are errors.
    public static let strict = JSONParseOptions(strict: true)
}

extension JSONParseOptions {
    /// Runs `parse` on the whole of `bytes` with a collector of these options' strictness and
    /// finding limit: what ``JSONValue/parse(bytes:options:)`` and
    /// ``JSONDocument/parse(bytes:options:)`` share.
    func parseWhole<Value>(
        _ bytes: [UInt8], _ parse: (Span<UInt8>, inout DiagnosticCollector) -> Value
    ) -> ParseResult<Value> {
        let (value, diagnostics) = bytes.withSpan { span in
            var collector = DiagnosticCollector(strict: strict, limit: maxDiagnostics)
            let value = parse(span, &collector)
            return (value, collector.finish(overflowRule: JSONRules.tooManyFindings))
        }
        return ParseResult(value: value, diagnostics: diagnostics, source: SourceText(bytes))
    }
}
