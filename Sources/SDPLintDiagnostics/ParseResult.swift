/// What a lenient parse produced: the model as far as it could be read, every finding, and the
/// text the findings' locations point into.
///
/// Every parser of the package returns one from its `parse` entry points, which never throw and
/// never trap; the throwing `init(parsing:options:)` of each model type throws ``ParseError``
/// with the same findings when one of them is an error.
public struct ParseResult<Value> {
    /// The model. Where the input could not be read at all, what the parser's type says
    /// (`nil` for an optional value, defaults for a description).
    public var value: Value
    /// The findings, in input order.
    public var diagnostics: [Diagnostic]
    /// The text that was parsed; every finding's location points into it.
    public var source: SourceText

    public init(value: Value, diagnostics: [Diagnostic], source: SourceText) {
        self.value = value
        self.diagnostics = diagnostics
        self.source = source
    }

    /// Whether any finding is an error.
    public var hasErrors: Bool { diagnostics.containsErrors }

    /// The same findings and text with the value transformed.
    public func map<Other>(_ transform: (Value) throws -> Other) rethrows -> ParseResult<Other> {
        ParseResult<Other>(value: try transform(value), diagnostics: diagnostics, source: source)
    }
}

extension ParseResult: Sendable where Value: Sendable {}
extension ParseResult: Equatable where Value: Equatable {}
extension ParseResult: Hashable where Value: Hashable {}

extension ParseResult where Value: Sendable {
    /// The value, or ``ParseError`` when a finding is an error.
    public func get() throws(ParseError<Value>) -> Value {
        guard !hasErrors else { throw ParseError(diagnostics: diagnostics, partial: value) }
        return value
    }
}

/// Thrown by every `init(parsing:options:)` when the input has an error: every finding, and the
/// value as far as it could be read.
public struct ParseError<Partial: Sendable>: Error, CustomStringConvertible {
    /// Every finding, errors and warnings alike, in input order.
    public var diagnostics: [Diagnostic]
    /// The value as far as it could be read.
    public var partial: Partial

    public init(diagnostics: [Diagnostic], partial: Partial) {
        self.diagnostics = diagnostics
        self.partial = partial
    }

    /// The first error.
    public var firstError: Diagnostic? { diagnostics.first { $0.severity == .error } }

    /// The first error as `line:column: error[CODE]: message`.
    public var description: String { firstError?.description ?? "the input has an error" }
}

extension ParseError: Equatable where Partial: Equatable {}
extension ParseError: Hashable where Partial: Hashable {}

extension ParseResult {
    /// The value of a parse whose value is optional, for the throwing initializers: throws when
    /// a finding is an error, and when nothing could be read although no finding says why (then
    /// with `missing` added, so the error always names a cause).
    ///
    /// - Parameter missing: The finding that says the input holds no value.
    /// - Throws: ``ParseError`` with every finding and the partial value.
    package func unwrapped<Wrapped: Sendable>(
        missing: @autoclosure () -> Diagnostic
    ) throws(ParseError<Value>) -> Wrapped where Value == Wrapped? {
        guard !hasErrors else { throw ParseError(diagnostics: diagnostics, partial: value) }
        guard let value else { throw ParseError(diagnostics: diagnostics + [missing()], partial: nil) }
        return value
    }
}
