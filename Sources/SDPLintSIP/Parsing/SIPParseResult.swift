public import SDPLintDiagnostics

/// A message and every finding the parser made on the way.
public struct SIPParseResult: Sendable, Hashable {
    /// The message as far as it could be read.
    public var message: SIPMessage
    /// The findings in the order found: the start line and headers first, then whole-message
    /// checks, then the body's (SDP findings keep their `SDPxxx` codes, at their line in the
    /// message). Locations are relative to the start of the message.
    public var diagnostics: [Diagnostic]
    /// Where the message starts in its stream (0 for a datagram), in bytes.
    public var streamOffset: Int
    /// The 1-based line of the stream the message starts on (1 for a datagram).
    public var streamLine: Int

    public init(message: SIPMessage, diagnostics: [Diagnostic], streamOffset: Int = 0, streamLine: Int = 1) {
        self.message = message
        self.diagnostics = diagnostics
        self.streamOffset = streamOffset
        self.streamLine = streamLine
    }

    /// Whether any finding is an error.
    public var hasErrors: Bool { diagnostics.containsErrors }

    /// The findings with locations in the whole stream rather than in the message.
    public var diagnosticsInStream: [Diagnostic] {
        diagnostics.map { diagnostic in
            var moved = diagnostic
            let location = diagnostic.location
            moved.location = SourceLocation(
                line: location.line + streamLine - 1, column: location.column,
                bytes: (location.bytes.lowerBound + streamOffset)..<(location.bytes.upperBound + streamOffset))
            return moved
        }
    }
}

/// Thrown by ``SIPMessage/init(parsing:framing:options:)`` and ``SIPMessage/init(bytes:framing:options:)``
/// when the message has errors.
public struct SIPParseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Every finding, errors and warnings alike.
    public var diagnostics: [Diagnostic]
    /// The message as far as it could be read.
    public var partial: SIPMessage

    /// The first error.
    public var firstError: Diagnostic? { diagnostics.first { $0.severity == .error } }

    public var description: String { firstError?.description ?? "invalid SIP message" }
}
