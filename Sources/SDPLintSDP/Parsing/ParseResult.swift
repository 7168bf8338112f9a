public import SDPLintDiagnostics
internal import SDPLintScanning

/// A description and every finding the parser made on the way.
public struct SDPParseResult: Sendable, Hashable {
    /// The description as far as it could be read. Missing mandatory lines have defaults.
    public var description: SessionDescription
    /// The findings, in input order.
    public var diagnostics: [Diagnostic]

    /// Whether any finding is an error.
    public var hasErrors: Bool { diagnostics.containsErrors }
}

/// Thrown by ``SessionDescription/init(parsing:options:)`` when the input has errors.
public struct SDPParseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Every finding, errors and warnings alike, in input order.
    public var diagnostics: [Diagnostic]
    /// The description as far as it could be read.
    public var partial: SessionDescription

    /// The first error.
    public var firstError: Diagnostic? { diagnostics.first { $0.severity == .error } }

    public var description: String { firstError?.description ?? "invalid session description" }
}

extension SessionDescription {
    /// Parses SDP text leniently and returns the description with every finding.
    ///
    /// Never throws and never traps: whatever the input, the result holds what could be read
    /// and a diagnostic for each problem.
    ///
    /// - Complexity: O(*n*) in the length of the text.
    public static func parse(_ text: String, options: ParseOptions = .lenient) -> SDPParseResult {
        text.withUTF8Span { Parser.parse($0, options: options) }
    }

    /// Parses SDP bytes, which should be UTF-8. Invalid UTF-8 is reported and repaired.
    ///
    /// - Complexity: O(*n*) in the number of bytes.
    public static func parse(bytes: [UInt8], options: ParseOptions = .lenient) -> SDPParseResult {
        bytes.withSpan { Parser.parseValidating($0, options: options) }
    }

    /// Parses SDP text, throwing if the input has any error.
    ///
    /// - Throws: ``SDPParseError`` with every finding and the partial description.
    public init(parsing text: String, options: ParseOptions = .lenient) throws(SDPParseError) {
        let result = Self.parse(text, options: options)
        guard !result.hasErrors else {
            throw SDPParseError(diagnostics: result.diagnostics, partial: result.description)
        }
        self = result.description
    }
}
