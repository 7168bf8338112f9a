internal import SDPLintScanning

/// A `multipart/*` body: parts separated by boundary delimiter lines, with the preamble before
/// the first and the epilogue after the last kept as written.
///
/// Parsing keeps every byte, so ``serialized()`` gives back the body it was read from. A body
/// built in code writes CRLF line endings and no preamble or epilogue.
///
/// [RFC 2046 §5.1.1](https://www.rfc-editor.org/rfc/rfc2046#section-5.1.1),
/// [RFC 5621 §3](https://www.rfc-editor.org/rfc/rfc5621#section-3)
/// ```
/// multipart-body := [preamble CRLF] dash-boundary transport-padding CRLF body-part
///                   *encapsulation close-delimiter transport-padding [CRLF epilogue]
/// encapsulation := delimiter transport-padding CRLF body-part
/// delimiter := CRLF dash-boundary
/// close-delimiter := delimiter "--"
/// ```
public struct MultipartBody: Sendable, Hashable {
    /// The boundary, without the leading `--`.
    public var boundary: String
    /// The bytes before the first delimiter line, including the line break that precedes it.
    public var preamble: [UInt8]
    /// The parts, in order.
    public var parts: [Part]
    /// The bytes after the close delimiter `--boundary--`, including the line break after it.
    public var epilogue: [UInt8]
    /// Whether the body ends with a close delimiter; a body that does not is truncated.
    public private(set) var isClosed: Bool

    /// The close delimiter line as written (`--boundary--` and any padding).
    var closeLine: [UInt8]?

    /// A body built from parts, with CRLF line endings.
    public init(boundary: String, parts: [Part]) {
        self.boundary = boundary
        self.parts = parts
        preamble = []
        epilogue = Array("\r\n".utf8)
        isClosed = true
    }

    /// One body part: its MIME headers and its content.
    public struct Part: Sendable, Hashable {
        /// The part's header fields (Content-Type, Content-ID, Content-Disposition, …).
        public var headers: SIPHeaderFields
        /// The part's content, without the line break that precedes the next delimiter.
        public var body: [UInt8]

        /// The delimiter line before the part, its line ending included.
        var delimiterLine: [UInt8]?
        /// The empty line after the part's headers.
        var headerTerminator: [UInt8]?
        /// The line break before the next delimiter.
        var lineBreakAfter: [UInt8]?

        public init(headers: SIPHeaderFields, body: [UInt8]) {
            self.headers = headers
            self.body = body
        }

        /// The part's Content-Type; RFC 2046 §5.1 makes it `text/plain` when absent.
        public var contentType: MediaType? {
            guard let value = headers[.contentType] else { return nil }
            return try? MediaType(parsing: value)
        }
    }

    /// The body's bytes; for a parsed body, exactly the input.
    ///
    /// - Complexity: O(n) in the size of the body.
    public func serialized() -> [UInt8] {
        var output = preamble
        let dash = Array("--".utf8) + Array(boundary.utf8)
        let crlf: [UInt8] = [0x0D, 0x0A]
        for part in parts {
            output += part.delimiterLine ?? (dash + crlf)
            for field in part.headers.fields { field.write(to: &output, lineEnding: crlf) }
            output += part.headerTerminator ?? crlf
            output += part.body
            output += part.lineBreakAfter ?? crlf
        }
        if isClosed { output += closeLine ?? (dash + Array("--".utf8)) }
        output += epilogue
        return output
    }

    /// A problem the parser found, with its byte range in the body.
    struct Finding {
        var range: Range<Int>
        var message: String
    }

    /// Reads a multipart body whose boundary the Content-Type gave.
    ///
    /// - Returns: The body (with no parts when no delimiter was found) and the problems found.
    /// - Complexity: O(n) in the size of the body.
    static func parse(_ body: [UInt8], boundary: String) -> (MultipartBody, [Finding]) {
        var result = MultipartBody(boundary: boundary, parts: [])
        result.epilogue = []
        result.isClosed = false
        var findings: [Finding] = []
        let dash = Array("--".utf8) + Array(boundary.utf8)
        let slice = body[...]
        let b = slice.span
        let n = b.count

        // Every delimiter line: (start of line, end of line content, end of line, close?).
        var delimiters: [(start: Int, content: Int, end: Int, close: Bool)] = []
        var lineStart = 0
        while lineStart < n {
            var lf = lineStart
            while lf < n && b[lf] != ASCII.lf { lf += 1 }
            if lf - lineStart >= dash.count && startsWith(b, lineStart, dash) {
                var k = lineStart + dash.count
                let close = k + 1 < n && b[k] == ASCII.minus && b[k + 1] == ASCII.minus
                if close { k += 2 }
                // transport-padding = *LWSP-char, then the line ends.
                var contentEnd = lf
                if contentEnd > lineStart && contentEnd <= n && contentEnd > k && b[contentEnd - 1] == ASCII.cr {
                    contentEnd -= 1
                }
                if SIPGrammar.skipSpace(b, k, contentEnd) == contentEnd {
                    delimiters.append((lineStart, close ? contentEnd : contentEnd, min(n, lf + 1), close))
                    if close { break }
                }
            }
            lineStart = lf + 1
        }
        guard let first = delimiters.first else {
            findings.append(Finding(range: 0..<0, message: "the multipart body has no delimiter line --\(boundary)"))
            result.preamble = body
            return (result, findings)
        }
        result.preamble = Array(body[0..<first.start])
        for index in delimiters.indices {
            let delimiter = delimiters[index]
            if delimiter.close {
                result.isClosed = true
                result.closeLine = Array(body[delimiter.start..<delimiter.content])
                result.epilogue = Array(body[delimiter.content..<n])
                break
            }
            // The part runs to the line break before the next delimiter (or to the end).
            var partEnd = n
            var lineBreak: [UInt8] = []
            if index + 1 < delimiters.count {
                let next = delimiters[index + 1].start
                var breakStart = next
                if breakStart > delimiter.end && b[breakStart - 1] == ASCII.lf { breakStart -= 1 }
                if breakStart > delimiter.end && b[breakStart - 1] == ASCII.cr { breakStart -= 1 }
                partEnd = breakStart
                lineBreak = Array(body[breakStart..<next])
            }
            var part = readPart(b, delimiter.end..<max(delimiter.end, partEnd), &findings)
            part.delimiterLine = Array(body[delimiter.start..<delimiter.end])
            part.lineBreakAfter = lineBreak
            result.parts.append(part)
        }
        if !result.isClosed {
            findings.append(
                Finding(
                    range: n..<n, message: "the multipart body does not end with the close delimiter --\(boundary)--"))
        }
        return (result, findings)
    }

    /// Reads a part's header lines, the empty line and its content.
    private static func readPart(_ b: Span<UInt8>, _ range: Range<Int>, _ findings: inout [Finding]) -> Part {
        var fields: [SIPHeaderField] = []
        var i = range.lowerBound
        let end = range.upperBound
        var terminator: [UInt8]?
        var current: PendingField?

        while i < end {
            var lf = i
            while lf < end && b[lf] != ASCII.lf { lf += 1 }
            var content = lf
            if content > i && b[content - 1] == ASCII.cr { content -= 1 }
            let lineEnd = min(end, lf + 1)
            if content == i {
                finish(b, current, into: &fields, &findings)
                current = nil
                terminator = SIPBytes.array(b, i..<lineEnd)
                i = lineEnd
                break
            }
            if b[i].isWhitespace, current != nil {
                current?.pieces.append(i..<content)
                current?.end = lineEnd
            } else {
                finish(b, current, into: &fields, &findings)
                current = (i, i..<content, [], lineEnd)
            }
            i = lineEnd
        }
        finish(b, current, into: &fields, &findings)
        if terminator == nil && !(range.isEmpty) {
            findings.append(
                Finding(
                    range: range.lowerBound..<range.lowerBound,
                    message: "the body part has no empty line after its headers"))
        }
        var part = Part(headers: SIPHeaderFields(fields), body: SIPBytes.array(b, i..<end))
        part.headerTerminator = terminator ?? []
        return part
    }

    typealias PendingField = (start: Int, first: Range<Int>, pieces: [Range<Int>], end: Int)

    /// Turns the lines of one part header into a field.
    private static func finish(
        _ b: Span<UInt8>, _ current: PendingField?, into fields: inout [SIPHeaderField], _ findings: inout [Finding]
    ) {
        guard let current else { return }
        let raw = SIPBytes.array(b, current.start..<current.end)
        let nameEnd = SIPGrammar.run(of: SIPGrammar.token, b, current.first.lowerBound, current.first.upperBound)
        let colon = SIPGrammar.skipSpace(b, nameEnd, current.first.upperBound)
        guard nameEnd > current.first.lowerBound, colon < current.first.upperBound, b[colon] == ASCII.colon else {
            findings.append(
                Finding(
                    range: current.first,
                    message: "the part header line \(Bytes.quoted(b, current.first)) is not 'name: value'"))
            fields.append(.malformed(raw))
            return
        }
        var value = SIPBytes.array(b, Bytes.trimmingWhitespace(b, (colon + 1)..<current.first.upperBound))
        for piece in current.pieces {
            let trimmed = Bytes.trimmingWhitespace(b, piece)
            if trimmed.isEmpty { continue }
            if !value.isEmpty { value.append(ASCII.space) }
            value += SIPBytes.array(b, trimmed)
        }
        fields.append(
            SIPHeaderField(
                name: SIPHeaderName(Bytes.string(b, current.first.lowerBound..<nameEnd)),
                value: String(decoding: value, as: UTF8.self), raw: raw))
    }

    private static func startsWith(_ b: Span<UInt8>, _ start: Int, _ prefix: [UInt8]) -> Bool {
        guard start + prefix.count <= b.count else { return false }
        for k in 0..<prefix.count where b[start + k] != prefix[k] { return false }
        return true
    }
}
