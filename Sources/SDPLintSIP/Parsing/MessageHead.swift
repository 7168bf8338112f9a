internal import SDPLintDiagnostics
internal import SDPLintScanning

/// Where a header field sits in the input, for the checks that run once the section is read.
struct FieldInfo {
    /// Index into the message's fields.
    var index: Int
    /// The 1-based line of the field's first line, and the offset that line starts at.
    var line: Int
    var lineStart: Int
    /// The value on the first line, trimmed; valid for locating only when not folded.
    var valueRange: Range<Int>
    var folded: Bool
}

/// The value of Content-Length as the head stage read it.
enum DeclaredLength: Equatable {
    case absent
    case invalid
    case value(Int)
}

/// What the head stage read: the message without its body, and what framing and the checks
/// still need.
struct MessageHead {
    var message: SIPMessage
    var diagnostics: DiagnosticCollector
    /// The bytes read, up to and including the empty line: the body starts here.
    var length: Int
    /// The 1-based line on which the body starts.
    var bodyLine: Int
    /// Whether the empty line ending the header section was seen.
    var complete: Bool
    /// Whether anything but line breaks was read.
    var isMessage: Bool
    var declaredLength: DeclaredLength
    /// Where the Content-Length value is, for framing findings.
    var contentLengthLocation: SourceLocation?
    /// Where the empty line is (or the end of the input), for "missing" findings.
    var endLocation: SourceLocation
}

/// Reads the start line and the header section, line by line, in one pass.
///
/// ```
/// message  = *CRLF start-line *( header-line *( continuation-line ) ) CRLF
/// ```
/// Each line is scanned once for its end and for control bytes; fields are finished when the
/// next line shows they do not continue; the typed checks of ``HeaderChecks`` run at the end.
struct HeadParser {
    private var collector: DiagnosticCollector
    private let options: SIPParseOptions
    private var fields: [SIPHeaderField] = []
    private var infos: [FieldInfo] = []
    private var lineNumber = 1
    private var reportedBareLF = false
    private var reportedFolding = false
    /// The names of header lines that could not be read (no ':' after the name): the line is
    /// reported, and a mandatory header named there is not reported again as missing.
    private var unreadableNames: Set<String> = []

    // The field being read: its first line, continuation lines and extent.
    private var fieldStart = -1
    private var fieldFirst: Range<Int> = 0..<0
    private var fieldLine = 0
    private var fieldContinuations: [Range<Int>] = []
    private var fieldEnd = 0

    private init(options: SIPParseOptions) {
        self.options = options
        collector = DiagnosticCollector(strict: options.strict, limit: options.limits.maxDiagnostics)
    }

    /// Reads the head of the message in `bytes` (which may hold the body and more after it).
    ///
    /// - Complexity: O(n) in the length of the head.
    static func parse(_ bytes: Span<UInt8>, options: SIPParseOptions) -> MessageHead {
        var parser = HeadParser(options: options)
        return parser.run(bytes)
    }

    private mutating func run(_ b: Span<UInt8>) -> MessageHead {
        let n = b.count
        var i = 0
        // *CRLF before the start line (RFC 3261 §7.5).
        while i < n && (b[i] == ASCII.cr || b[i] == ASCII.lf) {
            if b[i] == ASCII.lf { lineNumber += 1 }
            i += 1
        }
        let leading = SIPBytes.array(b, 0..<i)
        var message = SIPMessage(startLine: .response(SIPStatusLine(statusCode: 0, reasonPhrase: "")))
        message.leading = leading
        guard i < n else {
            collector.report(
                SIPRules.emptyMessage, 0..<0,
                n == 0 ? "the message is empty" : "the input holds only line breaks (a keep-alive), no message")
            message.startLineRaw = []
            message.headerTerminator = []
            let end = location(at: n)
            return MessageHead(
                message: message, diagnostics: collector, length: n, bodyLine: lineNumber,
                complete: false, isMessage: false, declaredLength: .absent, contentLengthLocation: nil, endLocation: end
            )
        }
        if i > 0 {
            collector.line = 1
            collector.lineStart = 0
            collector.report(SIPRules.leadingLineBreaks, 0..<i, "\(i) bytes of line breaks come before the start line")
        }

        // Start line.
        let (startEnd, startControl) = lineEnd(b, from: i)
        collector.line = lineNumber
        collector.lineStart = i
        let startContent = contentEnd(b, i, startEnd)
        if startEnd < n && startContent == startEnd { noteBareLF(at: startEnd) }
        message.lineEnding = startEnd < n && startContent < startEnd ? .crlf : (startEnd < n ? .lf : .crlf)
        if startControl >= 0 { reportControl(b, startControl) }
        if b[i].isWhitespace {
            collector.report(SIPRules.whitespace, i..<(i + 1), "the start line begins with white space")
        }
        checkUTF8(b, i..<startContent)
        message.startLine = StartLineParser.parse(b, i..<startContent, into: &collector)
        let startLineEnd = min(n, startEnd + 1)
        message.startLineRaw = SIPBytes.array(b, i..<startLineEnd)
        i = startLineEnd
        lineNumber += 1

        // Header lines up to the empty line.
        var complete = false
        var terminatorStart = n
        let limits = options.limits
        while i < n {
            let (end, control) = lineEnd(b, from: i)
            let content = contentEnd(b, i, end)
            let terminated = end < n
            if content == i && terminated {
                finishField(b)
                collector.line = lineNumber
                collector.lineStart = i
                if b[i] == ASCII.lf { noteBareLF(at: i) }
                terminatorStart = i
                complete = true
                i = end + 1
                lineNumber += 1
                break
            }
            collector.line = lineNumber
            collector.lineStart = i
            if terminated && content == end { noteBareLF(at: end) }
            if control >= 0 { reportControl(b, control) }
            if b[i].isWhitespace && fieldStart >= 0 {
                // A continuation line: LWS = [*WSP CRLF] 1*WSP (RFC 3261 §25.1).
                fieldContinuations.append(i..<content)
                fieldEnd = min(n, end + 1)
            } else {
                finishField(b)
                collector.line = lineNumber
                collector.lineStart = i
                if fields.count >= limits.maxHeaderCount {
                    collector.report(
                        SIPRules.tooManyHeaders, i..<content,
                        """
                        the message has more than \(limits.maxHeaderCount) header fields \
                        (SIPParseOptions.limits.maxHeaderCount); the rest are kept as written but not read
                        """
                    )
                    // Find the end of the section without reading any more fields.
                    let rest = i
                    var k = i
                    var line = lineNumber
                    while k < n {
                        let (e, _) = lineEnd(b, from: k)
                        if contentEnd(b, k, e) == k && e < n {
                            terminatorStart = k
                            complete = true
                            collector.line = line
                            collector.lineStart = k
                            i = e + 1
                            break
                        }
                        k = e + 1
                        line += 1
                    }
                    lineNumber = complete ? line + 1 : line
                    fields.append(.malformed(SIPBytes.array(b, rest..<(complete ? terminatorStart : n))))
                    if !complete { i = n }
                    break
                }
                fieldStart = i
                fieldFirst = i..<content
                fieldLine = lineNumber
                fieldEnd = min(n, end + 1)
                fieldContinuations.removeAll(keepingCapacity: true)
            }
            i = min(n, end + 1)
            lineNumber += 1
        }
        finishField(b)

        var terminator: [UInt8]?
        if complete {
            terminator = SIPBytes.array(b, terminatorStart..<i)
        } else {
            terminator = []
            // Where the section should have ended.
            collector.line = lineNumber - (n > 0 && b[n - 1] == ASCII.lf ? 0 : 1)
            collector.lineStart = lastLineStart(b, n)
        }
        let endLocation =
            complete
            ? SourceLocation(line: lineNumber - 1, column: 1, bytes: terminatorStart..<terminatorStart)
            : collector.location(n..<n)
        message.headers = SIPHeaderFields(fields)
        message.headerTerminator = terminator

        var checks = HeaderChecks(
            message: message, infos: infos, collector: collector, endLocation: endLocation,
            unreadableNames: unreadableNames)
        checks.run(b)
        collector = checks.collector

        return MessageHead(
            message: message, diagnostics: collector, length: complete ? i : n, bodyLine: lineNumber,
            complete: complete, isMessage: true, declaredLength: checks.declaredLength,
            contentLengthLocation: checks.contentLengthLocation, endLocation: endLocation)
    }

    // MARK: Fields

    /// Turns the lines of the current field into a ``SIPHeaderField``.
    private mutating func finishField(_ b: Span<UInt8>) {
        guard fieldStart >= 0 else { return }
        defer { fieldStart = -1 }
        let start = fieldStart
        let first = fieldFirst
        if fields.count == fields.capacity && fields.count >= 32 {
            // More fields than messages carry: room for every line left in the head, counted
            // once. Doubling would leave up to half the room unused, and with thousands of
            // fields that slack (and the copies) is most of the memory a parse takes.
            let room = min(
                fields.count + 1 + Self.linesBeforeBlankLine(b, from: fieldEnd), options.limits.maxHeaderCount + 1)
            fields.reserveCapacity(room)
            infos.reserveCapacity(room)
        }
        let raw = SIPBytes.array(b, start..<fieldEnd)
        collector.line = fieldLine
        collector.lineStart = start
        if fieldEnd - start > options.limits.maxHeaderLineLength {
            collector.report(
                SIPRules.headerLineTooLong, start..<min(first.upperBound, start + max(1, min(first.count, 16))),
                """
                the header line is \(fieldEnd - start) bytes, longer than \(options.limits.maxHeaderLineLength) \
                (SIPParseOptions.limits.maxHeaderLineLength); it is kept but not read
                """
            )
            fields.append(.malformed(raw))
            return
        }
        let nameEnd = SIPGrammar.run(of: SIPGrammar.token, b, first.lowerBound, first.upperBound)
        let colon = SIPGrammar.skipSpace(b, nameEnd, first.upperBound)
        guard nameEnd > first.lowerBound, colon < first.upperBound, b[colon] == ASCII.colon else {
            let message: String
            if nameEnd == first.lowerBound {
                message =
                    b[first.lowerBound] == ASCII.colon
                    ? "the header line has no name before ':'"
                    : """
                    \(b[first.lowerBound].displayed) cannot start a header name; the line \
                    \(Bytes.quoted(b, first)) is not a header field
                    """
            } else if colon == first.upperBound {
                message = "the line \(Bytes.quoted(b, first)) has no ':' after the header name"
            } else {
                message =
                    """
                    the header name \(Bytes.quoted(b, first.lowerBound..<nameEnd)) is followed by \
                    \(b[colon].displayed), not ':'; header names are tokens
                    """
            }
            if nameEnd > first.lowerBound {
                unreadableNames.insert(SIPHeaderName(Bytes.string(b, first.lowerBound..<nameEnd)).key)
                // "Content Length: 0": the header meant, its words joined by '-'.
                let lineColon = Bytes.firstIndex(of: ASCII.colon, in: b, first)
                let words = Bytes.string(b, first.lowerBound..<lineColon).split(whereSeparator: {
                    $0 == " " || $0 == "\t"
                })
                if words.count > 1 { unreadableNames.insert(SIPHeaderName(words.joined(separator: "-")).key) }
            }
            collector.report(
                SIPRules.headerSyntax,
                first.isEmpty
                    ? start..<start : first.lowerBound..<max(first.lowerBound + 1, min(colon + 1, first.upperBound)),
                message)
            fields.append(.malformed(raw))
            return
        }
        let valueRange = Bytes.trimmingWhitespace(b, (colon + 1)..<first.upperBound)
        checkUTF8(b, first)
        let value: String
        if fieldContinuations.isEmpty {
            value = Bytes.string(b, valueRange)
        } else {
            if !reportedFolding {
                reportedFolding = true
                let firstContinuation = fieldContinuations[0]
                collector.line = fieldLine + 1
                collector.lineStart = firstContinuation.lowerBound
                collector.report(
                    SIPRules.lineFolding,
                    firstContinuation
                        .lowerBound..<SIPGrammar.skipSpace(
                            b, firstContinuation.lowerBound, firstContinuation.upperBound),
                    "the value of \(Bytes.string(b, first.lowerBound..<nameEnd)) continues on a folded line")
                collector.line = fieldLine
                collector.lineStart = start
            }
            var unfolded: [UInt8] = SIPBytes.array(b, valueRange)
            for continuation in fieldContinuations {
                checkUTF8(b, continuation)
                let piece = Bytes.trimmingWhitespace(b, continuation)
                guard !piece.isEmpty else { continue }
                if !unfolded.isEmpty { unfolded.append(ASCII.space) }
                unfolded += SIPBytes.array(b, piece)
            }
            value = String(decoding: unfolded, as: UTF8.self)
        }
        infos.append(
            FieldInfo(
                index: fields.count, line: fieldLine, lineStart: start, valueRange: valueRange,
                folded: !fieldContinuations.isEmpty))
        fields.append(
            SIPHeaderField(name: SIPHeaderName(Bytes.string(b, first.lowerBound..<nameEnd)), value: value, raw: raw))
    }

    // MARK: Lines

    /// The number of lines from `start` to the empty line that ends the head (or the input).
    private static func linesBeforeBlankLine(_ b: Span<UInt8>, from start: Int) -> Int {
        var count = 0
        var i = start
        while i < b.count && b[i] != ASCII.lf && !(b[i] == ASCII.cr && i + 1 < b.count && b[i + 1] == ASCII.lf) {
            i = Bytes.firstIndex(of: ASCII.lf, in: b, i..<b.count) + 1
            count += 1
        }
        return count
    }

    /// The index of the LF that ends the line at `start` (or the end of the input), and the
    /// first control byte on the way (NUL, a C0 control other than HTAB, DEL, or a CR that
    /// does not end the line), or -1. Inside a quoted string, a backslash and the byte after
    /// it are a quoted-pair, which may be any byte but CR and LF (RFC 3261 §25.1: %x00-09,
    /// %x0B-0C, %x0E-7F; RFC 4475 §3.1.1.2 quotes BEL, NUL and DEL so).
    private func lineEnd(_ b: Span<UInt8>, from start: Int) -> (Int, Int) {
        let n = b.count
        var i = start
        var control = -1
        var quoted = false
        while i < n {
            let byte = b[i]
            if byte == ASCII.lf { return (i, control) }
            if byte == ASCII.quote {
                quoted.toggle()
            } else if quoted && byte == ASCII.backslash && i + 1 < n && b[i + 1] != ASCII.lf && b[i + 1] != ASCII.cr {
                i += 2
                continue
            }
            if control < 0 && (byte < 0x20 || byte == 0x7F) && byte != ASCII.tab {
                if !(byte == ASCII.cr && i + 1 < n && b[i + 1] == ASCII.lf) && !(byte == ASCII.cr && i + 1 == n) {
                    control = i
                }
            }
            i += 1
        }
        return (n, control)
    }

    /// The end of the line's content: before its CR LF, LF, or a CR at the end of the input.
    private func contentEnd(_ b: Span<UInt8>, _ start: Int, _ end: Int) -> Int {
        if end > start && b[end - 1] == ASCII.cr { return end - 1 }
        return end
    }

    private func lastLineStart(_ b: Span<UInt8>, _ n: Int) -> Int {
        var k = n
        while k > 0 && b[k - 1] != ASCII.lf { k -= 1 }
        return k
    }

    private mutating func noteBareLF(at index: Int) {
        guard !reportedBareLF else { return }
        reportedBareLF = true
        collector.report(SIPRules.lineEnding, index..<(index + 1), "the line ends with a bare LF, not CRLF")
    }

    private mutating func reportControl(_ b: Span<UInt8>, _ index: Int) {
        let byte = b[index]
        let what =
            byte == 0
            ? "a NUL byte"
            : byte == ASCII.cr ? "a carriage return inside a line" : "the control character \(byte.displayed)"
        collector.report(SIPRules.controlCharacter, index..<(index + 1), "\(what) in the start line or a header field")
    }

    private mutating func checkUTF8(_ b: Span<UInt8>, _ range: Range<Int>) {
        guard !range.isEmpty, let bad = Bytes.firstInvalidUTF8(b.extracting(range)) else { return }
        let index = range.lowerBound + bad
        collector.report(SIPRules.invalidUTF8, index..<(index + 1), "byte 0x\(SIPURI.hex(b[index])) is not valid UTF-8")
    }

    private func location(at offset: Int) -> SourceLocation {
        SourceLocation(line: lineNumber, column: 1, bytes: offset..<offset)
    }
}
