public import SDPLintDiagnostics

/// A message framed out of a stream or a datagram: its parse, and where it starts in the
/// stream.
///
/// The parse is the `ParseResult` every parser of the package returns: the message, its
/// findings and the bytes of the message, which the findings' locations point into. What the
/// framing adds is the position of those bytes in the whole stream, so the findings can also be
/// placed there (``diagnosticsInStream``).
public struct SIPParseResult: Sendable, Hashable {
    /// The message as far as it could be read, its findings in the order found (the start line
    /// and headers first, then whole-message checks, then the body's, SDP findings keeping their
    /// `SDPxxx` codes at their line in the message), and the message's bytes.
    public var parsed: ParseResult<SIPMessage>
    /// Where the message starts in its stream (0 for a datagram), in bytes.
    public var streamOffset: Int
    /// The 1-based line of the stream the message starts on (1 for a datagram).
    public var streamLine: Int

    /// A framed message.
    ///
    /// - Parameters:
    ///   - parsed: The parse of the message's bytes.
    ///   - streamOffset: Where the message starts in its stream.
    ///   - streamLine: The line of the stream the message starts on.
    public init(_ parsed: ParseResult<SIPMessage>, streamOffset: Int = 0, streamLine: Int = 1) {
        self.parsed = parsed
        self.streamOffset = streamOffset
        self.streamLine = streamLine
    }

    /// The message as far as it could be read: `parsed.value`.
    public var message: SIPMessage { parsed.value }

    /// The findings, located in the message: `parsed.diagnostics`.
    public var diagnostics: [Diagnostic] { parsed.diagnostics }

    /// Whether any finding is an error.
    public var hasErrors: Bool { parsed.hasErrors }

    /// The findings with locations in the whole stream rather than in the message.
    public var diagnosticsInStream: [Diagnostic] {
        parsed.diagnostics.map { diagnostic in
            var moved = diagnostic
            let location = diagnostic.location
            moved.location = SourceLocation(
                line: location.line + streamLine - 1, column: location.column,
                bytes: (location.bytes.lowerBound + streamOffset)..<(location.bytes.upperBound + streamOffset))
            return moved
        }
    }
}
