public import SDPLintDiagnostics
internal import SDPLintSDP
internal import SDPLintScanning

/// Frames and finishes a message once its head is read: the body by Content-Length or by the
/// end of the datagram, the framing findings, and the body's own findings.
enum MessageParser {
    /// Parses one whole message (a datagram, or a slice a stream decoder framed).
    ///
    /// - Complexity: O(n) in the number of bytes, bounded by `maxMessageBytes`.
    static func parse(_ input: Span<UInt8>, framing: SIPFraming, options: SIPParseOptions) -> Parsed {
        let limits = options.limits
        var count = input.count
        var overLimit = false
        if count > limits.maxMessageBytes {
            count = limits.maxMessageBytes
            overLimit = true
        }
        let bytes = input.extracting(0..<count)
        var head = HeadParser.parse(bytes, options: options)
        if overLimit {
            head.diagnostics.report(
                SIPRules.messageTooLarge, at: SourceLocation(line: 1, column: 1, bytes: 0..<0),
                """
                the message is \(input.count) bytes, more than \(limits.maxMessageBytes) \
                (SIPParseOptions.limits.maxMessageBytes); only the first \(limits.maxMessageBytes) were read
                """
            )
        }
        guard head.isMessage else {
            return finish(&head, body: [], options: options, trailing: SIPBytes.array(input, count..<input.count))
        }
        if !head.complete {
            head.diagnostics.report(
                SIPRules.truncated, at: head.endLocation,
                "the message ends inside the header section, before the empty line that ends it")
            return finish(&head, body: [], options: options, trailing: SIPBytes.array(input, count..<input.count))
        }
        let available = count - head.length
        var bodyLength = available
        switch (head.declaredLength, framing) {
        case (.value(let declared), _):
            if declared > available {
                head.diagnostics.report(
                    SIPRules.contentLengthMismatch, at: head.contentLengthLocation ?? head.endLocation,
                    "Content-Length is \(declared) but only \(available) bytes of body follow; the message is truncated"
                )
            } else if declared < available {
                bodyLength = declared
                head.diagnostics.report(
                    SIPRules.contentLengthMismatch, at: head.contentLengthLocation ?? head.endLocation,
                    framing == .datagram
                        ? """
                        Content-Length is \(declared) but \(available) bytes follow the header section; the last \
                        \(available - declared) are not part of the message
                        """
                        : "Content-Length is \(declared) but \(available) bytes follow the header section")
            }
        case (.absent, .stream):
            bodyLength = 0
            head.diagnostics.report(
                SIPRules.contentLengthMissing, at: head.endLocation,
                "the message has no Content-Length, which stream transports require; the body is taken as empty")
        case (.absent, .datagram):
            // Read alone, the message still says how it travelled: its top Via names the
            // transport of its last hop, and a stream transport needs Content-Length (§20.14).
            if let transport = head.message.topVia?.transport, transport.isStream {
                head.diagnostics.report(
                    SIPRules.contentLengthMissing, at: head.endLocation,
                    "the message has no Content-Length, which its top Via's transport, \(transport), requires")
            }
        case (.invalid, _):
            break
        }
        let bodyEnd = head.length + bodyLength
        return finish(
            &head, body: SIPBytes.array(bytes, head.length..<bodyEnd), options: options,
            trailing: SIPBytes.array(input, bodyEnd..<input.count))
    }

    /// Adds the body to the message read by the head stage, and checks it.
    static func finish(
        _ head: inout MessageHead, body: [UInt8], options: SIPParseOptions, trailing: [UInt8] = []
    ) -> Parsed {
        head.message.bodyStorage = body
        head.message.trailing = trailing
        var extra: [Diagnostic] = []
        if !body.isEmpty && head.isMessage {
            if body.count > options.limits.maxBodyBytes {
                head.diagnostics.report(
                    SIPRules.bodyTooLarge, at: head.contentLengthLocation ?? head.endLocation,
                    """
                    the body is \(body.count) bytes, more than \(options.limits.maxBodyBytes) \
                    (SIPParseOptions.limits.maxBodyBytes); it is kept but not read
                    """
                )
            } else if options.checksBody {
                let checked = BodyChecks.check(
                    head.message, bodyOffset: head.length, bodyLine: head.bodyLine,
                    collector: &head.diagnostics, endLocation: head.endLocation, options: options)
                extra = checked.diagnostics
                head.message.bodyDescription = checked.description
            }
        }
        let diagnostics = head.diagnostics.finish(overflowRule: SIPRules.tooManyFindings) + extra
        return Parsed(message: head.message, diagnostics: diagnostics)
    }

    /// A message and its findings, before the bytes they point into are attached.
    struct Parsed {
        var message: SIPMessage
        var diagnostics: [Diagnostic]

        /// The parse of `source`, the bytes the message was read from.
        func result(_ source: [UInt8]) -> ParseResult<SIPMessage> {
            ParseResult(value: message, diagnostics: diagnostics, source: SourceText(source))
        }
    }
}

extension SIPMessage {
    /// Parses one message leniently and returns it with every finding.
    ///
    /// With `.datagram` framing (the default: one UDP payload) the body is the rest of the
    /// input and Content-Length is checked against it; with `.stream` framing Content-Length
    /// is required and frames the body (RFC 3261 §18.3). Never throws and never traps: whatever
    /// the input, the result holds what could be read and a diagnostic for each problem.
    ///
    /// - Parameters:
    ///   - bytes: One message, UTF-8 as far as it is valid.
    ///   - framing: How the message was carried.
    ///   - options: Strictness, body checks and limits.
    /// - Returns: The message, the findings located in `bytes`, and the bytes.
    /// - Complexity: O(*n*) in the number of bytes, bounded by the limits in `options`.
    public static func parse(
        bytes: [UInt8], framing: SIPFraming = .datagram, options: SIPParseOptions = .lenient
    ) -> ParseResult<SIPMessage> {
        bytes.withSpan { MessageParser.parse($0, framing: framing, options: options) }.result(bytes)
    }

    /// Parses one message from text; see ``parse(bytes:framing:options:)``.
    ///
    /// - Parameters:
    ///   - text: One message.
    ///   - framing: How the message was carried.
    ///   - options: Strictness, body checks and limits.
    /// - Returns: The message, the findings located in the text, and the text.
    /// - Complexity: O(*n*) in the length of the text.
    public static func parse(
        _ text: String, framing: SIPFraming = .datagram, options: SIPParseOptions = .lenient
    ) -> ParseResult<SIPMessage> {
        parse(bytes: Array(text.utf8), framing: framing, options: options)
    }

    /// Parses one message, throwing if it has any error.
    ///
    /// - Parameters:
    ///   - bytes: One message.
    ///   - framing: How the message was carried.
    ///   - options: Strictness, body checks and limits.
    /// - Throws: `ParseError` with every finding and the message as far as it could be read.
    public init(
        parsing bytes: [UInt8], framing: SIPFraming = .datagram, options: SIPParseOptions = .lenient
    ) throws(ParseError<SIPMessage>) {
        self = try Self.parse(bytes: bytes, framing: framing, options: options).get()
    }

    /// Parses one message from text, throwing if it has any error.
    ///
    /// - Parameters:
    ///   - text: One message.
    ///   - framing: How the message was carried.
    ///   - options: Strictness, body checks and limits.
    /// - Throws: `ParseError` with every finding and the message as far as it could be read.
    public init(
        parsing text: String, framing: SIPFraming = .datagram, options: SIPParseOptions = .lenient
    ) throws(ParseError<SIPMessage>) {
        self = try Self.parse(text, framing: framing, options: options).get()
    }
}
