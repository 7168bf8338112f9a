public import SDPLintDiagnostics
internal import SDPLintScanning

/// Cuts a byte stream (TCP, TLS) into SIP messages, as bytes arrive.
///
/// Feed it whatever the connection delivered with ``append(_:)`` and call ``next()`` until it
/// returns `nil`, which means "need more bytes" (the pattern of SwiftNIO's `ByteToMessageDecoder`).
/// Each message is framed by its Content-Length (RFC 3261 §18.3): several messages in one read,
/// a message split over many reads, and CRLF keep-alives between messages (RFC 5626 §3.5.1)
/// all come out the same. When the connection closes, ``finish()`` returns what was left: a
/// truncated message, with a finding that says so.
///
/// Broken input does not lose the messages after it: a message without Content-Length is taken
/// to have no body (and reported), one whose Content-Length cannot be read has the bytes up to
/// the next line that looks like a request or status line as its body, and bytes that are not a
/// message are skipped up to such a line (each reported). Memory stays within
/// `maxMessageBytes` plus one read: a header section or body over the limits is reported and
/// skipped instead of buffered.
///
/// ```swift
/// var decoder = SIPStreamDecoder()
/// for chunk in connection {
///     for result in decoder.decode(chunk) { handle(result.message) }
/// }
/// for result in decoder.finish() { handle(result.message) }
/// ```
public struct SIPStreamDecoder: Sendable {
    public let options: SIPParseOptions
    /// Findings about the stream itself (skipped bytes), located in the whole stream.
    public private(set) var diagnostics: [Diagnostic] = []
    /// How many line-break bytes (CR, LF) came between messages: keep-alive pings (CRLFCRLF)
    /// and pongs (CRLF) of RFC 5626 §3.5.1.
    public private(set) var keepAliveBytes = 0

    private var buffer: [UInt8] = []
    /// The first byte not yet consumed.
    private var start = 0
    /// The stream offset of `buffer[0]`.
    private var base = 0
    /// The stream line of `buffer[start]`.
    private var line = 1
    /// Where the search for the end of the current line or header section resumes.
    private var scan = 0
    private var phase = Phase.idle
    /// A run of skipped bytes not yet reported: its stream offset, line and length.
    private var skipped: (offset: Int, line: Int, count: Int)?

    private enum Phase {
        /// Between messages.
        case idle
        /// Skipping the rest of an over-long line that is not a message.
        case discarding
        /// Reading a header section that starts at `start`.
        case head
        /// Waiting for `length` body bytes after a head of `headLength` bytes.
        case body(MessageHead, headLength: Int, length: Int)
        /// A body whose Content-Length cannot be read: it runs to the next line that starts a
        /// message, searched for from `searchOffset` bytes after the message's start (which
        /// `compact()` may move; `nil`: after the first body line, when the body is a SIP message
        /// or fragment, which starts with one itself), or to the end of the stream.
        case unframedBody(MessageHead, headLength: Int, searchOffset: Int?)
    }

    public init(options: SIPParseOptions = .lenient) {
        self.options = options
    }

    /// The number of bytes received but not yet returned as part of a message.
    public var bufferedByteCount: Int { buffer.count - start }

    /// Adds bytes received from the stream.
    public mutating func append(_ bytes: some Sequence<UInt8>) {
        buffer.append(contentsOf: bytes)
    }

    /// Adds `bytes` and returns every message they complete.
    public mutating func decode(_ bytes: some Sequence<UInt8>) -> [SIPParseResult] {
        append(bytes)
        var results: [SIPParseResult] = []
        while let result = next() { results.append(result) }
        return results
    }

    /// The next complete message, or `nil` when more bytes are needed.
    ///
    /// - Complexity: Amortized O(n) in the bytes appended since the last call.
    public mutating func next() -> SIPParseResult? {
        compact()
        let limits = options.limits
        while true {
            let end = buffer.count
            switch phase {
            case .idle:
                var i = start
                while i < end && (buffer[i] == ASCII.cr || buffer[i] == ASCII.lf) { i += 1 }
                if i > start {
                    flushSkipped()
                    keepAliveBytes += i - start
                    consume(to: i)
                }
                guard start < end else { return nil }
                scan = max(scan, start)
                guard let lf = firstLF(from: scan) else {
                    scan = end
                    if end - start > limits.maxHeaderLineLength {
                        // Neither a start line we could use nor anything else worth keeping.
                        skip(to: end)
                        phase = .discarding
                    }
                    return nil
                }
                if looksLikeStartLine(start, lf) {
                    flushSkipped()
                    phase = .head
                    scan = start
                } else {
                    skip(to: lf + 1)
                }
            case .discarding:
                guard let lf = firstLF(from: start) else {
                    skip(to: end)
                    return nil
                }
                skip(to: lf + 1)
                phase = .idle
            case .head:
                var k = max(scan, start)
                var headEnd: Int?
                while let lf = firstLF(from: k) {
                    let content = lf > k && buffer[lf - 1] == ASCII.cr ? lf - 1 : lf
                    if content == k && k > start {
                        headEnd = lf + 1
                        break
                    }
                    k = lf + 1
                }
                guard let headEnd else {
                    scan = k
                    if end - start > limits.maxMessageBytes { return overLimit() }
                    return nil
                }
                let headLength = headEnd - start
                if headLength > limits.maxMessageBytes { return overLimit() }
                var head = buffer.withSpan { HeadParser.parse($0.extracting(start..<headEnd), options: options) }
                switch head.declaredLength {
                case .value(let length):
                    if length > limits.maxBodyBytes || headLength + length > limits.maxMessageBytes {
                        head.diagnostics.report(
                            SIPRules.bodyTooLarge, at: head.contentLengthLocation ?? head.endLocation,
                            """
                            Content-Length is \(length), more than this decoder accepts (SIPParseOptions.limits); \
                            the body is not read and the bytes after the header section are skipped up to the next \
                            message
                            """
                        )
                        return emit(&head, body: [], consumed: headLength)
                    }
                    phase = .body(head, headLength: headLength, length: length)
                case .absent:
                    head.diagnostics.report(
                        SIPRules.contentLengthMissing, at: head.endLocation,
                        "the message has no Content-Length, which stream transports require; the body is taken as empty"
                    )
                    return emit(&head, body: [], consumed: headLength)
                case .invalid:
                    // RFC 3420 §2, RFC 3261 §7: a message/sipfrag or message/sip body begins
                    // with a start line of its own.
                    let embedsSIP =
                        head.message.contentType.map {
                            $0.type.lowercased() == "message"
                                && ($0.subtype.lowercased() == "sipfrag" || $0.subtype.lowercased() == "sip")
                        } ?? false
                    phase = .unframedBody(head, headLength: headLength, searchOffset: embedsSIP ? nil : headLength)
                }
            case .body(var head, let headLength, let length):
                guard end - start >= headLength + length else { return nil }
                let bodyStart = start + headLength
                let body = Array(buffer[bodyStart..<(bodyStart + length)])
                return emit(&head, body: body, consumed: headLength + length)
            case .unframedBody(var head, let headLength, let searchOffset):
                guard let from = searchOffset.map({ start + $0 }) ?? firstLF(from: start + headLength).map({ $0 + 1 })
                else {
                    return nil  // the embedded start line has not ended yet
                }
                var k = from
                while let lf = firstLF(from: k) {
                    if looksLikeStartLine(k, lf) { return emitUnframed(&head, headLength: headLength, end: k) }
                    k = lf + 1
                }
                if k - (start + headLength) > limits.maxBodyBytes {
                    // No start line within the limit: the body is not kept.
                    return emit(&head, body: [], consumed: headLength)
                }
                phase = .unframedBody(head, headLength: headLength, searchOffset: k - start)
                return nil
            }
        }
    }

    /// Emits a message whose body, of unknown length, ends at `end`: line breaks after its
    /// last line are the gap before the next message (read as keep-alives), not the body's.
    private mutating func emitUnframed(_ head: inout MessageHead, headLength: Int, end: Int) -> SIPParseResult {
        let bodyStart = start + headLength
        var bodyEnd = end
        while bodyEnd - bodyStart >= 2 && buffer[bodyEnd - 1] == ASCII.lf
            && (buffer[bodyEnd - 2] == ASCII.lf
                || (bodyEnd - bodyStart >= 3 && buffer[bodyEnd - 2] == ASCII.cr
                    && buffer[bodyEnd - 3] == ASCII.lf))
        {
            bodyEnd -= buffer[bodyEnd - 2] == ASCII.cr ? 2 : 1
        }
        return emit(&head, body: Array(buffer[bodyStart..<bodyEnd]), consumed: bodyEnd - start)
    }

    /// Ends the stream: returns the message the last bytes began, truncated, with a finding,
    /// and reports bytes that were not a message.
    public mutating func finish() -> [SIPParseResult] {
        var results: [SIPParseResult] = []
        while let result = next() { results.append(result) }
        let end = buffer.count
        switch phase {
        case .idle, .head:
            if start < end {
                var inHead = false
                if case .head = phase { inHead = true }
                if inHead || looksLikeStartLine(start, firstLF(from: start) ?? end) {
                    results.append(truncatedHead(end))
                } else {
                    skip(to: end)
                }
            }
        case .discarding:
            skip(to: end)
        case .unframedBody(var head, let headLength, _):
            results.append(emitUnframed(&head, headLength: headLength, end: end))
        case .body(var head, let headLength, let length):
            let bodyStart = start + headLength
            let available = end - bodyStart
            head.diagnostics.report(
                SIPRules.truncated, at: head.contentLengthLocation ?? head.endLocation,
                "the stream ended after \(available) of the \(length) body bytes Content-Length announced")
            results.append(emit(&head, body: Array(buffer[bodyStart..<end]), consumed: end - start))
        }
        flushSkipped()
        phase = .idle
        return results
    }

    // MARK: Steps

    private mutating func emit(_ head: inout MessageHead, body: [UInt8], consumed length: Int) -> SIPParseResult {
        let parsed = MessageParser.finish(&head, body: body, options: options)
        let result = framed(parsed, start..<(start + length))
        consume(to: start + length)
        phase = .idle
        return result
    }

    /// The parse of the message at `range` of the buffer, placed in the stream.
    private func framed(_ parsed: MessageParser.Parsed, _ range: Range<Int>) -> SIPParseResult {
        SIPParseResult(parsed.result(Array(buffer[range])), streamOffset: base + start, streamLine: line)
    }

    /// A header section that ended with the stream.
    private mutating func truncatedHead(_ end: Int) -> SIPParseResult {
        let parsed = buffer.withSpan {
            MessageParser.parse($0.extracting(start..<end), framing: .stream, options: options)
        }
        let result = framed(parsed, start..<end)
        consume(to: end)
        return result
    }

    /// A header section longer than `maxMessageBytes`: reports and returns what fits, then skips
    /// the rest of the message.
    private mutating func overLimit() -> SIPParseResult {
        let limit = options.limits.maxMessageBytes
        var parsed = buffer.withSpan {
            MessageParser.parse($0.extracting(start..<(start + limit)), framing: .stream, options: options)
        }
        let location = SourceLocation(line: 1, column: 1, bytes: 0..<0)
        parsed.diagnostics.insert(
            SIPRules.messageTooLarge.diagnostic(
                at: location,
                """
                the header section is longer than \(limit) bytes (SIPParseOptions.limits.maxMessageBytes); the \
                rest of the message is skipped
                """,
                strict: options.strict), at: 0)
        let result = framed(parsed, start..<(start + limit))
        consume(to: start + limit)
        phase = .discarding
        return result
    }

    private mutating func skip(to index: Int) {
        guard index > start else { return }
        if skipped == nil { skipped = (base + start, line, 0) }
        skipped?.count += index - start
        consume(to: index)
    }

    private mutating func flushSkipped() {
        guard let run = skipped else { return }
        skipped = nil
        guard diagnostics.count < options.limits.maxDiagnostics else { return }
        let location = SourceLocation(line: run.line, column: 1, bytes: run.offset..<(run.offset + run.count))
        diagnostics.append(
            SIPRules.skippedBytes.diagnostic(
                at: location,
                "\(run.count) bytes that are not a SIP message were skipped", strict: options.strict))
    }

    /// Marks bytes up to `index` consumed, counting the lines they held.
    private mutating func consume(to index: Int) {
        var k = start
        while k < index {
            if buffer[k] == ASCII.lf { line += 1 }
            k += 1
        }
        start = index
        if scan < start { scan = start }
    }

    /// Drops consumed bytes once they are most of the buffer, so appends stay amortized O(1).
    private mutating func compact() {
        guard start > 0, start >= 4096 || start == buffer.count, start * 2 >= buffer.count else { return }
        buffer.removeFirst(start)
        base += start
        scan -= start
        start = 0
    }

    private func firstLF(from index: Int) -> Int? {
        var k = index
        let end = buffer.count
        while k < end {
            if buffer[k] == ASCII.lf { return k }
            k += 1
        }
        return nil
    }

    /// Whether the line `start..<lf` could be a request line (ends with `SIP/x.y`) or a status
    /// line (starts with `SIP/`).
    private func looksLikeStartLine(_ from: Int, _ lf: Int) -> Bool {
        var end = lf
        if end > from && end <= buffer.count && buffer[end - 1] == ASCII.cr { end -= 1 }
        guard end - from >= 7 else { return false }
        if isSIPVersion(at: from) { return true }
        var space = end
        while space > from && !buffer[space - 1].isWhitespace { space -= 1 }
        return space > from && end - space >= 7 && isSIPVersion(at: space)
    }

    private func isSIPVersion(at index: Int) -> Bool {
        guard index + 5 <= buffer.count else { return false }
        return buffer[index] | 0x20 == UInt8(ascii: "s") && buffer[index + 1] | 0x20 == UInt8(ascii: "i")
            && buffer[index + 2] | 0x20 == UInt8(ascii: "p") && buffer[index + 3] == ASCII.slash
            && buffer[index + 4].isDigit
    }
}
