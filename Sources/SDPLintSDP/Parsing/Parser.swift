import SDPLintDiagnostics
import SDPLintScanning

/// The SDP parser: one pass over the bytes, line by line, building the model and the findings.
///
/// Line order is a small state machine over ranks that follows RFC 8866 §5:
/// ```
/// session: v o s i? u? e* p* c? b* (t r* z?)+ k? a*
/// media:   m i? c* b* k? a*
/// ```
/// A line that comes too early or too late is still placed where the model wants it (and
/// reported); a line that has no place is kept as an ``ExtraLine`` at its position.
struct Parser {
    private var diagnostics: DiagnosticCollector
    private let options: SDPParseOptions

    private var session = Parser.emptySession
    /// The media section being read, valid while `inMedia`. Kept out of an optional so that
    /// appends happen in place.
    private var current = Parser.emptyMedia

    /// The values the parser starts from, made once: the initializers' many default arguments
    /// cost more than copying these.
    private static let emptySession = SessionDescription(origin: .init(sessionID: "0", sessionVersion: 0), times: [])
    private static let emptyMedia = MediaDescription(media: "", proto: "", formats: [])
    private var inMedia = false
    private var mediaCount = 0

    private var seenVersion = false
    private var seenOrigin = false
    private var seenName = false
    private var reportedMissing: Set<UInt8> = []
    /// For each mandatory line not seen yet, the first line that came where it should have
    /// been before; reported at the end only if it never came (a late line is an order finding).
    private var missingAnchors: [UInt8: SourceLocation] = [:]
    /// The type and line number of the line that set ``rank``.
    private var rankType: UInt8 = 0
    private var rankLine = 0
    /// The order finding made against the line that set ``rank``: the lines that come after it
    /// but belong before it share one root cause, that line's place, and one finding.
    private var orderFinding: (rankLine: Int, index: Int)?
    /// The highest rank seen in the current section, and the type of the previous line.
    private var rank = 0
    private var previousType: UInt8 = 0
    /// Index of the next line within the current section, for extra lines.
    private var sectionLine = 0
    private var lineNumber = 1
    /// The last line read, where findings about the end of the input point.
    private var lastLine: Range<Int> = 0..<0
    private var lastLineNumber = 1
    /// The number of findings when the current line began, to tell whether it had any.
    private var lineMark = 0

    /// Set when a limit stopped the parse: checks that need the whole input are skipped.
    private var truncated = false
    /// Set at a second v= line: the rest is kept as written but not read.
    private var secondDescription = false

    private var lineEnding: LineEnding?
    /// Set where the model will not write the input back as it was: a line read out of its
    /// place or not read at all, a line ending changed or added, a line the model adds.
    private var rewrites = false
    private var reportedMixedEndings = false
    private var reportedLFOnly = false

    private var checks = SectionChecks()
    /// Where the formats of the current m= line are written; reused from section to section.
    private var formatRanges: [Range<Int>] = []
    /// The number of attributes of the previous media section.
    private var previousAttributeCount = 0
    private var sessionChecks = SessionChecks()

    /// Whether the input is an RFC 8840 SDP fragment: attributes and media sections without the
    /// v= o= s= t= lines of a full description.
    private let fragment: Bool

    /// The input, which parsed attribute values share instead of copying their bytes out.
    private let input: [UInt8]

    private init(_ input: [UInt8], options: SDPParseOptions, fragment: Bool = false) {
        self.input = input
        self.options = options
        self.fragment = fragment
        diagnostics = DiagnosticCollector(strict: options.strict, limit: options.limits.maxDiagnostics)
    }

    // MARK: Entry points

    static func parse(
        _ input: [UInt8], options: SDPParseOptions, fragment: Bool = false
    ) -> ParseResult<SessionDescription> {
        var parser = Parser(input, options: options, fragment: fragment)
        return input.withSpan { bytes in
            parser.run(bytes)
            return parser.finish(bytes)
        }
    }

    /// Parses bytes that may not be valid UTF-8: reports the first bad byte, then parses the
    /// bytes as they are, so every location still points into the input (values made from
    /// invalid bytes hold U+FFFD). UTF-16 input is reported and not parsed: every line would
    /// be noise.
    static func parseValidating(
        _ input: [UInt8], options: SDPParseOptions, fragment: Bool = false
    ) -> ParseResult<SessionDescription> {
        input.withSpan { parseValidating(input, $0, options: options, fragment: fragment) }
    }

    private static func parseValidating(
        _ input: [UInt8], _ bytes: Span<UInt8>, options: SDPParseOptions, fragment: Bool
    ) -> ParseResult<SessionDescription> {
        var parser = Parser(input, options: options, fragment: fragment)
        parser.run(bytes)
        // The line scan notes whether it saw a byte above 0x7F: ASCII needs no UTF-8 check.
        if parser.scannedOnlyASCII { return parser.finish(bytes) }
        guard let bad = Bytes.firstInvalidUTF8(bytes) else { return parser.finish(bytes) }
        // Values made from invalid bytes hold U+FFFD, so they are written back differently.
        parser.rewrites = true
        var collector = DiagnosticCollector(strict: options.strict)
        var line = 1
        var lineStart = 0
        for i in 0..<bad where bytes[i] == ASCII.lf {
            line += 1
            lineStart = i + 1
        }
        collector.line = line
        collector.lineStart = lineStart
        let utf16 =
            bytes.count >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF))
        if utf16 {
            collector.report(
                SDPRules.invalidUTF8, 0..<2,
                "the input is UTF-16 (it starts with a byte order mark); SDP is UTF-8, so nothing was read",
                hint: "convert the file to UTF-8, e.g. iconv -f UTF-16 -t UTF-8")
            var empty = Parser(input, options: options, fragment: true)
            empty.truncated = true
            var result = empty.finish(bytes)
            result.diagnostics = collector.diagnostics
            return result
        }
        collector.report(
            SDPRules.invalidUTF8, bad..<(bad + 1),
            """
            byte 0x\(String(bytes[bad], radix: 16, uppercase: true)) is not valid UTF-8; values holding invalid \
            bytes read as U+FFFD
            """
        )
        var result = parser.finish(bytes)
        result.diagnostics.insert(contentsOf: collector.diagnostics, at: 0)
        return result
    }

    // MARK: The line loop

    /// Whether ``run(_:)`` read every byte of the input and found only ASCII.
    private var scannedOnlyASCII = false

    private mutating func run(_ input: Span<UInt8>) {
        #if DEBUG
        if !fragment { ParseCounting.counter?.parsed() }
        #endif
        let limits = options.limits
        var count = input.count
        var start = 0
        // Every byte the line scan reads, OR-ed together: bit 7 set means some byte is not ASCII.
        var seen: UInt64 = 0
        if count >= 3 && input[0] == 0xEF && input[1] == 0xBB && input[2] == 0xBF {
            diagnostics.report(
                SDPRules.controlCharacter, 0..<3,
                "the input starts with a UTF-8 byte order mark, which SDP does not allow; it was skipped")
            start = 3
            rewrites = true
        }
        if count > limits.maxBytes {
            diagnostics.report(
                SDPRules.limitExceeded, 0..<0,
                "the input is \(count) bytes; only the first \(limits.maxBytes) are read (SDPParseOptions.limits.maxBytes)"
            )
            count = limits.maxBytes
            truncated = true
        }
        var onlyWhitespace = true
        // The first line before the description's first that holds only white space, if any.
        var leadingBlank: (line: Int, start: Int, end: Int)? = nil
        while start < count {
            let (end, control) = Self.lineEnd(input, from: start, count: count, seen: &seen)
            let terminated = end < count
            var contentEnd = end
            let crlf = terminated && end > start && input[end - 1] == ASCII.cr
            if crlf { contentEnd -= 1 }
            diagnostics.line = lineNumber
            // Columns count from the start of the line; a skipped byte order mark is part of line 1.
            diagnostics.lineStart = lineNumber == 1 ? 0 : start

            if lineNumber > limits.maxLines {
                diagnostics.report(
                    SDPRules.limitExceeded, start..<start,
                    "more than \(limits.maxLines) lines; the rest is not read (SDPParseOptions.limits.maxLines)")
                truncated = true
                break
            }
            if terminated || contentEnd > start {
                noteLineEnding(terminated ? (crlf ? .crlf : .lf) : nil, at: contentEnd..<(terminated ? end + 1 : end))
                if control >= 0 { reportControls(input, control..<contentEnd, lineStart: start) }
                if contentEnd - start > limits.maxLineLength {
                    diagnostics.report(
                        SDPRules.limitExceeded, start..<(start + 2),
                        """
                        line of \(contentEnd - start) bytes is longer than \(limits.maxLineLength) \
                        (SDPParseOptions.limits.maxLineLength); it was skipped
                        """
                    )
                    rewrites = true
                } else {
                    if onlyWhitespace && !(Bytes.skipWhitespace(input, from: start, to: contentEnd) == contentEnd) {
                        onlyWhitespace = false
                        if let blank = leadingBlank { reportLeadingBlank(blank, lines: lineNumber - blank.line) }
                    }
                    if !onlyWhitespace || seenVersion {
                        anyLine(input, start..<contentEnd)
                        lastLine = start..<contentEnd
                        lastLineNumber = lineNumber
                    } else {
                        // White space before the first line is not part of the model; it is
                        // reported once the first line shows the input is not all white space.
                        if leadingBlank == nil { leadingBlank = (lineNumber, start, contentEnd) }
                        rewrites = true
                    }
                }
                if mediaCount > limits.maxMediaSections {
                    diagnostics.report(
                        SDPRules.limitExceeded, start..<start,
                        """
                        more than \(limits.maxMediaSections) media sections; the rest is not read \
                        (SDPParseOptions.limits.maxMediaSections)
                        """
                    )
                    inMedia = false
                    truncated = true
                    break
                }
            }
            start = end + 1
            lineNumber += 1
        }
        // A skipped byte order mark, a limit or a break leaves bytes unread.
        scannedOnlyASCII =
            seen & 0x8080_8080_8080_8080 == 0 && start >= input.count && !truncated
            && !(input.count >= 3 && input[0] == 0xEF)
        if onlyWhitespace {
            diagnostics.line = 1
            diagnostics.lineStart = 0
            diagnostics.report(
                SDPRules.emptyInput, 0..<0, count == 0 ? "the input is empty" : "the input holds only white space")
        }
    }

    /// Reports the empty lines before the first line of a description, which libwebrtc ("Expect
    /// line: v=") and SIPCC refuse: RFC 8866 §5 has no empty lines, and §5.1 begins with v=.
    private mutating func reportLeadingBlank(_ blank: (line: Int, start: Int, end: Int), lines: Int) {
        let (line, lineStart) = (diagnostics.line, diagnostics.lineStart)
        diagnostics.line = blank.line
        diagnostics.lineStart = blank.line == 1 ? 0 : blank.start
        diagnostics.report(
            SDPRules.emptyLine, blank.start..<blank.end,
            lines > 1
                ? "\(lines) blank lines before the first line"
                : blank.start == blank.end ? "empty line before the first line" : "blank line before the first line",
            hint: "a description begins with its v= line")
        (diagnostics.line, diagnostics.lineStart) = (line, lineStart)
    }

    /// The index of the LF ending the line at `start` (or `count`), and the first NUL or lone CR
    /// on the way (or -1). Eight bytes at a time: a byte below 0x20 borrows into its top bit,
    /// and the lowest such flag is exact, so the scan jumps straight to it. Every byte read is
    /// OR-ed into `seen`.
    private static func lineEnd(
        _ input: Span<UInt8>, from start: Int, count: Int, seen: inout UInt64
    ) -> (end: Int, control: Int) {
        input.withUnsafeBytes { raw in
            var end = start
            var control = -1
            while end < count {
                if end <= count - 8 {
                    let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: end, as: UInt64.self))
                    seen |= word
                    let below = (word &- 0x2020_2020_2020_2020) & ~word & 0x8080_8080_8080_8080
                    if below == 0 {
                        end += 8
                        continue
                    }
                    end += below.trailingZeroBitCount >> 3
                }
                let byte = raw[end]
                seen |= UInt64(byte)
                if byte < 0x20 {
                    if byte == ASCII.lf { break }
                    // CRLF, the usual ending: the line ends at its LF.
                    if byte == ASCII.cr && end + 1 < count && raw[end + 1] == ASCII.lf {
                        end += 1
                        break
                    }
                    if control < 0 && byte != ASCII.tab { control = end }
                }
                end += 1
            }
            return (end, control)
        }
    }

    /// Reports the control bytes of a line, from the first one the line scan found to the end
    /// of the line's content: the first NUL or stray CR is an error (SDP110); the first other
    /// control byte (ESC, BEL, backspace…) of a text field is SDP132 — the grammar allows it
    /// (byte-string, RFC 8866 §9), but a terminal that shows the line obeys it. Tokens that
    /// hold one get their own finding. Only lines with a control byte come here.
    private mutating func reportControls(_ input: Span<UInt8>, _ range: Range<Int>, lineStart: Int) {
        let type = input[lineStart]
        let text = [
            UInt8(ascii: "s"), UInt8(ascii: "i"), UInt8(ascii: "u"), UInt8(ascii: "e"), UInt8(ascii: "p"),
            UInt8(ascii: "k"),
        ].contains(type)
        var reportedStray = false
        var reportedTerminal = !text
        for index in range where input[index] < 0x20 && input[index] != ASCII.tab {
            let byte = input[index]
            if byte == 0 || byte == ASCII.cr {
                guard !reportedStray else { continue }
                reportedStray = true
                diagnostics.report(
                    SDPRules.controlCharacter, index..<(index + 1),
                    byte == 0
                        ? "a NUL byte; SDP text may not contain NUL (binary data or a UTF-16 file?)"
                        : "a carriage return inside a line; lines end with CRLF")
            } else if !reportedTerminal {
                reportedTerminal = true
                diagnostics.report(
                    SDPRules.terminalControl, index..<(index + 1),
                    """
                    the control character 0x\(String(byte, radix: 16, uppercase: true)) in text; printed or logged, \
                    it is obeyed by the terminal (ESC starts a sequence that can retitle it, recolour it or hide lines)
                    """
                )
            }
            if reportedStray && reportedTerminal { break }
        }
    }

    private mutating func noteLineEnding(_ ending: LineEnding?, at range: Range<Int>) {
        guard let ending else {
            rewrites = true
            diagnostics.report(
                SDPRules.lineEnding, range, "the last line has no line ending",
                hint: "end every line, the last one included, with CRLF")
            return
        }
        if let lineEnding {
            guard ending != lineEnding else { return }
            // The model writes one ending throughout.
            rewrites = true
            if !reportedMixedEndings {
                reportedMixedEndings = true
                diagnostics.report(
                    SDPRules.mixedLineEndings, range,
                    "this line ends with \(ending == .lf ? "LF" : "CRLF") but line 1 with \(lineEnding == .lf ? "LF" : "CRLF")"
                )
            }
        } else {
            lineEnding = ending
            if ending == .lf && !reportedLFOnly {
                reportedLFOnly = true
                diagnostics.report(
                    SDPRules.lineEnding, range, "lines end with a bare LF instead of CRLF",
                    hint: "RFC 8866 requires CRLF; most parsers accept LF")
            }
        }
    }

    // MARK: One line

    /// Reads one line: most lines are attributes of a media section whose attributes have
    /// begun ("a=", no trailing white space), where the general path would find nothing to
    /// report and change no state (the rank stays that of a=); they go straight to attribute().
    @inline(__always)
    private mutating func anyLine(_ bytes: Span<UInt8>, _ line: Range<Int>) {
        if inMedia && rank == 5 && line.count > 2 && line.upperBound <= bytes.count && line.lowerBound >= 0
            && bytes[unchecked: line.lowerBound] == UInt8(ascii: "a")
            && bytes[unchecked: line.lowerBound + 1] == ASCII.equals
            && !bytes[unchecked: line.upperBound - 1].isWhitespace && !secondDescription && (seenVersion || fragment)
        {
            let value = (line.lowerBound + 2)..<line.upperBound
            attribute(bytes, value, value, inMedia: true)
            sectionLine += 1
            previousType = UInt8(ascii: "a")
        } else {
            self.line(bytes, line)
        }
    }

    @inline(never)
    private mutating func line(_ bytes: Span<UInt8>, _ line: Range<Int>) {
        lineMark = diagnostics.reported
        if secondDescription { return keepExtra(bytes, line) }
        guard !line.isEmpty else {
            diagnostics.report(SDPRules.emptyLine, line, "empty line")
            keepExtra(bytes, line)
            return
        }
        let type = bytes[line.lowerBound]
        guard line.count >= 2, bytes[line.lowerBound + 1] == ASCII.equals, type >= UInt8(ascii: "a"),
            type <= UInt8(ascii: "z")
        else {
            reportMalformed(bytes, line)
            keepExtra(bytes, line)
            return
        }
        let value = (line.lowerBound + 2)..<line.upperBound
        var trimmedEnd = value.upperBound
        while trimmedEnd > value.lowerBound && bytes[trimmedEnd - 1].isWhitespace { trimmedEnd -= 1 }
        // RFC 8866 §5.3 recommends "s= " (one space) for a session without a name.
        if type == UInt8(ascii: "s") && value.count == 1 && bytes[value.lowerBound] == ASCII.space {
            trimmedEnd = value.upperBound
        }
        if type == UInt8(ascii: "v") && seenVersion {
            diagnostics.report(
                SDPRules.duplicateField, line.lowerBound..<(line.lowerBound + 2),
                "a second session description starts here; it is kept as written but not read",
                hint: "check one description per file")
            secondDescription = true
            return keepExtra(bytes, line)
        }
        if trimmedEnd < value.upperBound {
            // A value keeps it (receivers compare "a=mid:0 " as "0 "); after a property
            // attribute's name receivers skip it.
            let inValue =
                type == UInt8(ascii: "a") && Bytes.firstIndex(of: ASCII.colon, in: bytes, value) < value.upperBound
            diagnostics.report(
                SDPRules.whitespace, trimmedEnd..<value.upperBound, "trailing white space",
                hint: inValue ? "remove it; receivers take it as part of the value" : "remove it")
        }
        let trimmed = value.lowerBound..<trimmedEnd
        if !fragment && !seenVersion && type != UInt8(ascii: "v") && !reportedMissing.contains(UInt8(ascii: "v")) {
            reportedMissing.insert(UInt8(ascii: "v"))
            rewrites = true  // the model writes the v= line it lacks
            diagnostics.report(
                SDPRules.version, line.lowerBound..<(line.lowerBound + 1), "the description does not start with v=0")
        }

        if inMedia {
            mediaLine(bytes, type, line, value, trimmed)
        } else {
            sessionLine(bytes, type, line, value, trimmed)
        }
        previousType = type
    }

    @inline(never)
    private mutating func reportMalformed(_ bytes: Span<UInt8>, _ line: Range<Int>) {
        let equals = Bytes.firstIndex(of: ASCII.equals, in: bytes, line)
        if bytes[line.lowerBound].isWhitespace {
            diagnostics.report(
                SDPRules.lineSyntax,
                line.lowerBound..<Bytes.skipWhitespace(bytes, from: line.lowerBound, to: line.upperBound),
                "the line starts with white space")
        } else if equals < line.upperBound && equals > line.lowerBound {
            let before = line.lowerBound..<equals
            let typeEnd = Bytes.tokenEnd(bytes, from: line.lowerBound, to: equals)
            if typeEnd - line.lowerBound == 1 && typeEnd < equals {
                diagnostics.report(
                    SDPRules.lineSyntax, typeEnd..<equals, "white space before '='",
                    hint: "write \(bytes[line.lowerBound].displayed)= with nothing in between")
            } else if typeEnd - line.lowerBound == 1 {
                diagnostics.report(
                    SDPRules.lineSyntax, before,
                    "line type \(bytes[line.lowerBound].displayed) is not a lower-case letter")
            } else {
                diagnostics.report(
                    SDPRules.lineSyntax, before, "line type '\(Bytes.string(bytes, before))' is not a single letter")
            }
        } else {
            diagnostics.report(
                SDPRules.lineSyntax, line.lowerBound..<min(line.upperBound, line.lowerBound + 1),
                "this is not an SDP line: it has no '=' after the type letter")
        }
    }

    // MARK: Session level

    /// Ranks of session-level lines in RFC 8866 §5 order.
    private static func sessionRank(_ type: UInt8) -> Int? {
        switch type {
        case UInt8(ascii: "v"): 0
        case UInt8(ascii: "o"): 1
        case UInt8(ascii: "s"): 2
        case UInt8(ascii: "i"): 3
        case UInt8(ascii: "u"): 4
        case UInt8(ascii: "e"): 5
        case UInt8(ascii: "p"): 6
        case UInt8(ascii: "c"): 7
        case UInt8(ascii: "b"): 8
        case UInt8(ascii: "t"), UInt8(ascii: "r"), UInt8(ascii: "z"): 9
        case UInt8(ascii: "k"): 10
        case UInt8(ascii: "a"): 11
        case UInt8(ascii: "m"): 12
        default: nil
        }
    }

    @inline(never)
    private mutating func sessionLine(
        _ bytes: Span<UInt8>, _ type: UInt8, _ line: Range<Int>, _ value: Range<Int>, _ trimmed: Range<Int>
    ) {
        guard let rank = Self.sessionRank(type) else {
            unknownLine(bytes, type, line)
            return
        }
        if isDuplicate(type) {
            return duplicate("\(Character(UnicodeScalar(type)))=", bytes, line)
        }
        checkOrder(bytes, type, rank, line)
        if fragment {
            // RFC 8840 §9.2: a fragment carries attribute lines and media sections only.
            guard type == UInt8(ascii: "a") || type == UInt8(ascii: "m") else {
                diagnostics.report(
                    SDPRules.fieldNotAllowedHere, line.lowerBound..<(line.lowerBound + 2),
                    """
                    \(Character(UnicodeScalar(type)))= is not allowed in an SDP fragment \
                    (application/trickle-ice-sdpfrag), which carries only a= and m= lines
                    """
                )
                return keepExtra(bytes, line)
            }
        } else {
            noteMandatory(before: rank, line)
        }
        switch type {
        case UInt8(ascii: "v"):
            seenVersion = true
            let version = Field.integer(bytes, trimmed, "version", SDPRules.version, as: UInt64.self, &diagnostics) ?? 0
            if version != 0 { diagnostics.report(SDPRules.version, trimmed, "SDP version \(version) is not 0") }
            session.version = Int(min(version, 1_000_000))
            session.versionVerbatim = verbatim(bytes, value)
        case UInt8(ascii: "o"):
            seenOrigin = true
            var origin = LineParser.origin(bytes, trimmed, &diagnostics)
            origin.verbatim = verbatim(bytes, value)
            origin.sourceLine = SourceLine(lineNumber)
            session.origin = origin
        case UInt8(ascii: "s"):
            seenName = true
            if value.isEmpty {
                diagnostics.report(
                    SDPRules.sessionName, line, "the session name is empty", hint: "write s=- when there is no name")
            }
            session.sessionName = Bytes.string(bytes, value)
        case UInt8(ascii: "i"):
            session.information = Bytes.string(bytes, value)
        case UInt8(ascii: "u"):
            if Bytes.firstIndex(of: ASCII.colon, in: bytes, trimmed) == trimmed.upperBound
                && Bytes.firstIndex(of: ASCII.slash, in: bytes, trimmed) == trimmed.upperBound
            {
                diagnostics.report(
                    SDPRules.textField, trimmed, "u= '\(Bytes.string(bytes, trimmed))' does not look like a URI")
            }
            session.uri = Bytes.string(bytes, value)
        case UInt8(ascii: "e"):
            if Bytes.firstIndex(of: ASCII.at, in: bytes, trimmed) == trimmed.upperBound {
                diagnostics.report(
                    SDPRules.textField, trimmed, "e= '\(Bytes.string(bytes, trimmed))' holds no e-mail address")
            }
            session.emails.append(Bytes.string(bytes, value))
        case UInt8(ascii: "p"):
            if !trimmed.contains(where: { bytes[$0].isDigit }) {
                diagnostics.report(
                    SDPRules.textField, trimmed, "p= '\(Bytes.string(bytes, trimmed))' holds no phone number")
            }
            session.phones.append(Bytes.string(bytes, value))
        case UInt8(ascii: "c"):
            var connection = LineParser.connection(bytes, trimmed, &diagnostics)
            connection.verbatim = verbatim(bytes, value)
            connection.sourceLine = SourceLine(lineNumber)
            session.connection = connection
        case UInt8(ascii: "b"):
            var bandwidth = LineParser.bandwidth(bytes, trimmed, &diagnostics)
            bandwidth.verbatim = verbatim(bytes, value)
            bandwidth.sourceLine = SourceLine(lineNumber)
            session.bandwidths.append(bandwidth)
        case UInt8(ascii: "t"):
            var time = LineParser.time(bytes, trimmed, &diagnostics)
            time.verbatim = verbatim(bytes, value)
            time.sourceLine = SourceLine(lineNumber)
            session.times.append(time)
        case UInt8(ascii: "r"):
            guard !session.times.isEmpty, previousType == UInt8(ascii: "t") || previousType == UInt8(ascii: "r") else {
                diagnostics.report(SDPRules.repeatSyntax, line, "r= must follow a t= line or another r= line")
                return keepExtra(bytes, line)
            }
            var repeatTime = LineParser.repeatTime(bytes, trimmed, &diagnostics)
            repeatTime.verbatim = verbatim(bytes, value)
            session.times[session.times.count - 1].repeats.append(repeatTime)
        case UInt8(ascii: "z"):
            guard !session.times.isEmpty, previousType == UInt8(ascii: "t") || previousType == UInt8(ascii: "r"),
                session.times[session.times.count - 1].zoneAdjustments == nil
            else {
                diagnostics.report(SDPRules.repeatSyntax, line, "z= must follow the t= and r= lines it adjusts")
                return keepExtra(bytes, line)
            }
            if previousType == UInt8(ascii: "t") {
                diagnostics.report(
                    SDPRules.repeatSyntax, line,
                    "z= without a preceding r= line (allowed by RFC 4566, a syntax error since RFC 8866 §5.11)")
            }
            var zone = LineParser.zoneAdjustments(bytes, trimmed, &diagnostics)
            zone.verbatim = verbatim(bytes, value)
            session.times[session.times.count - 1].zoneAdjustments = zone
        case UInt8(ascii: "k"):
            diagnostics.report(SDPRules.keyField, line, "k= is obsolete and receivers discard it")
            session.encryptionKey = Bytes.string(bytes, value)
        case UInt8(ascii: "a"):
            attribute(bytes, value, trimmed, inMedia: false)
        case UInt8(ascii: "m"):
            startMedia(bytes, line, value, trimmed)
            return
        default:
            break
        }
        sectionLine += 1
    }

    /// Reports a line whose rank is lower than one already seen in the section.
    @inline(__always)
    private mutating func checkOrder(_ bytes: Span<UInt8>, _ type: UInt8, _ rank: Int, _ line: Range<Int>) {
        if rank < self.rank {
            rewrites = true
            let letter = Character(UnicodeScalar(type))
            if let orderFinding, orderFinding.rankLine == rankLine {
                diagnostics.appendToMessage(at: orderFinding.index, "; so does \(letter)= (line \(lineNumber))")
                return
            }
            orderFinding = (rankLine, diagnostics.diagnostics.count)
            let later = Character(UnicodeScalar(rankType))
            // Receivers differ by level: libwebrtc refuses a session line out of order, and
            // reads a media section's lines in any order (measured in Conformance/).
            diagnostics.report(
                inMedia ? SDPRules.lineOrder : SDPRules.sessionLineOrder, line.lowerBound..<(line.lowerBound + 2),
                "\(letter)= comes after \(later)=, but RFC 8866 §5 puts \(letter)= before \(later)= in the \(inMedia ? "media" : "session") section"
            )
        } else {
            if rank > self.rank || rankType == 0 {
                rankType = type
                rankLine = lineNumber
            }
            self.rank = rank
        }
    }

    /// Whether a line of this type may appear only once here and already did.
    // Inlined: called from mutating methods, a non-mutating call would copy the whole parser.
    @inline(__always)
    private func isDuplicate(_ type: UInt8) -> Bool {
        switch type {
        case UInt8(ascii: "o"): seenOrigin
        case UInt8(ascii: "s"): seenName
        case UInt8(ascii: "i"): session.information != nil
        case UInt8(ascii: "u"): session.uri != nil
        case UInt8(ascii: "c"): session.connection != nil
        case UInt8(ascii: "k"): session.encryptionKey != nil
        default: false
        }
    }

    /// Notes where each mandatory line not seen yet should have come: before this line of
    /// `rank`. Reported at the end only if it never comes.
    private mutating func noteMandatory(before rank: Int, _ line: Range<Int>) {
        if seenOrigin && seenName && !session.times.isEmpty { return }
        for (type, seen, minimum) in [
            (UInt8(ascii: "o"), seenOrigin, 1), (UInt8(ascii: "s"), seenName, 2),
            (UInt8(ascii: "t"), !session.times.isEmpty, 9),
        ]
        where !seen && rank > minimum && missingAnchors[type] == nil {
            missingAnchors[type] = diagnostics.location(line.lowerBound..<(line.lowerBound + 1))
        }
    }

    /// Reports the mandatory lines that never came.
    private mutating func reportMissing() {
        if seenOrigin && seenName && !session.times.isEmpty { return }
        let names: [(UInt8, Bool, String)] = [
            (UInt8(ascii: "o"), seenOrigin, "origin"), (UInt8(ascii: "s"), seenName, "session name"),
            (UInt8(ascii: "t"), !session.times.isEmpty, "timing"),
        ]
        for (type, seen, name) in names where !seen {
            rewrites = true
            let letter = Character(UnicodeScalar(type))
            if let anchor = missingAnchors[type] {
                diagnostics.report(
                    SDPRules.missingField, at: anchor,
                    "the \(letter)= (\(name)) line is missing; it belongs before this line")
            } else {
                diagnostics.line = lastLineNumber
                diagnostics.lineStart = lastLine.lowerBound
                diagnostics.report(
                    SDPRules.missingField, lastLine.upperBound..<lastLine.upperBound,
                    "the description ends without the \(letter)= (\(name)) line, which belongs after this line")
            }
        }
    }

    @inline(never)
    private mutating func duplicate(_ what: String, _ bytes: Span<UInt8>, _ line: Range<Int>) {
        diagnostics.report(
            SDPRules.duplicateField, line.lowerBound..<(line.lowerBound + 2),
            "a second \(what) line; only one is allowed here, the second is ignored")
        keepExtra(bytes, line)
    }

    @inline(never)
    private mutating func unknownLine(_ bytes: Span<UInt8>, _ type: UInt8, _ line: Range<Int>) {
        diagnostics.report(
            SDPRules.unknownLineType, line.lowerBound..<(line.lowerBound + 1),
            "line type '\(Character(UnicodeScalar(type)))=' is not defined by SDP; the line is kept but ignored")
        keepExtra(bytes, line)
    }

    @inline(never)
    private mutating func keepExtra(_ bytes: Span<UInt8>, _ line: Range<Int>) {
        let extra = ExtraLine(text: Bytes.string(bytes, line), position: sectionLine)
        if inMedia { current.extraLines.append(extra) } else { session.extraLines.append(extra) }
        sectionLine += 1
    }

    // MARK: Media level

    @inline(never)
    private mutating func startMedia(
        _ bytes: Span<UInt8>, _ line: Range<Int>, _ value: Range<Int>, _ trimmed: Range<Int>
    ) {
        finishMedia()
        // What the previous section's checks reported is not about this line (see verbatim).
        lineMark = diagnostics.reported
        mediaCount += 1
        if session.media.capacity == 0 {
            // Browsers write 2 to 10 sections, with up to 40 formats each: one allocation each
            // instead of regrowth.
            session.media.reserveCapacity(8)
            sessionChecks.mediaLineStarts.reserveCapacity(8)
            formatRanges.reserveCapacity(32)
        } else if session.media.count == session.media.capacity {
            // More sections than browsers write: room for every m= line left, counted once.
            // Doubling would leave up to half the room unused, and with thousands of small
            // sections that slack (and the copies) is most of the memory a parse takes.
            let room = min(
                session.media.count + 1 + Self.mediaLineCount(bytes, after: line.upperBound),
                options.limits.maxMediaSections + 1)
            session.media.reserveCapacity(room)
            sessionChecks.mediaLineStarts.reserveCapacity(room)
        }
        LineParser.media(bytes, trimmed, into: &current, formatRanges: &formatRanges, &diagnostics)
        current.verbatim = verbatim(bytes, value)
        current.sourceLine = SourceLine(lineNumber)
        if options.checks {
            checks.start(
                current, formatRanges: formatRanges, lineNumber: lineNumber, lineStart: line.lowerBound, bytes: bytes,
                fragment: fragment, &diagnostics)
        }
        sessionChecks.mediaLineStarts.append(line.lowerBound)
        // Browser sections carry 10 to 150 attributes, and the sections of one description are
        // alike: start with room for as many as the previous one had, to skip most regrowth
        // (and not more, so that many small sections stay small; none after a section that had
        // none, the shape of a description made only of m= lines).
        current.attributes.reserveCapacity(
            mediaCount == 1 ? 32 : previousAttributeCount == 0 ? 0 : previousAttributeCount + 8)
        inMedia = true
        rank = 0
        sectionLine = 1
    }

    /// Ranks of media-level lines in RFC 8866 §5 order.
    private static func mediaRank(_ type: UInt8) -> Int? {
        switch type {
        case UInt8(ascii: "i"): 1
        case UInt8(ascii: "c"): 2
        case UInt8(ascii: "b"): 3
        case UInt8(ascii: "k"): 4
        case UInt8(ascii: "a"): 5
        default: nil
        }
    }

    @inline(__always)
    private mutating func mediaLine(
        _ bytes: Span<UInt8>, _ type: UInt8, _ line: Range<Int>, _ value: Range<Int>, _ trimmed: Range<Int>
    ) {
        if type == UInt8(ascii: "m") { return startMedia(bytes, line, value, trimmed) }
        guard let rank = Self.mediaRank(type) else {
            if Self.sessionRank(type) != nil {
                diagnostics.report(
                    SDPRules.fieldNotAllowedHere, line.lowerBound..<(line.lowerBound + 2),
                    """
                    \(Character(UnicodeScalar(type)))= is a session-level line and may not appear in a media \
                    section; it is ignored
                    """
                )
                return keepExtra(bytes, line)
            }
            return unknownLine(bytes, type, line)
        }
        checkOrder(bytes, type, rank, line)
        switch type {
        case UInt8(ascii: "i"):
            guard current.information == nil else { return duplicate("i=", bytes, line) }
            current.information = Bytes.string(bytes, value)
        case UInt8(ascii: "c"):
            var connection = LineParser.connection(bytes, trimmed, &diagnostics)
            connection.verbatim = verbatim(bytes, value)
            connection.sourceLine = SourceLine(lineNumber)
            current.connections.append(connection)
        case UInt8(ascii: "b"):
            var bandwidth = LineParser.bandwidth(bytes, trimmed, &diagnostics)
            bandwidth.verbatim = verbatim(bytes, value)
            bandwidth.sourceLine = SourceLine(lineNumber)
            current.bandwidths.append(bandwidth)
        case UInt8(ascii: "k"):
            guard current.encryptionKey == nil else { return duplicate("k=", bytes, line) }
            diagnostics.report(SDPRules.keyField, line, "k= is obsolete and receivers discard it")
            current.encryptionKey = Bytes.string(bytes, value)
        default:
            attribute(bytes, value, trimmed, inMedia: true)
        }
        sectionLine += 1
    }

    private mutating func finishMedia() {
        guard inMedia else { return }
        inMedia = false
        if options.checks {
            if !truncated { checks.finish(&current, sessionDirection: sessionChecks.direction, &diagnostics) }
            sessionChecks.noteMedia(checks)
        }
        previousAttributeCount = current.attributes.count
        // Moved, not copied: a copy would retain every array and string of the section.
        var finished = Self.emptyMedia
        swap(&finished, &current)
        session.media.append(consume finished)
    }

    // MARK: Attributes

    @inline(__always)
    private mutating func attribute(_ bytes: Span<UInt8>, _ value: Range<Int>, _ trimmed: Range<Int>, inMedia: Bool) {
        let colon = Bytes.firstIndex(of: ASCII.colon, in: bytes, value)
        let hasValue = colon < value.upperBound
        let nameRange = value.lowerBound..<min(colon, trimmed.upperBound)
        let known =
            nameRange.count <= 8 && nameRange.lowerBound >= 0 && nameRange.lowerBound <= bytes.count - 8
            // Most names fit one word: load it here, without the checks of the general lookup.
            ? KnownAttribute.lookup(
                word: Bytes.loadWord(bytes, nameRange.lowerBound) & Bytes.lowBytes(nameRange.count),
                count: nameRange.count)
            : KnownAttribute.lookup(bytes, nameRange)
        let attribute = Attribute(
            name: known?.name ?? Attribute.Name(Bytes.string(bytes, nameRange)),
            // A property attribute keeps white space after its name apart (SDP109 reported it):
            // receivers read "a=rtcp-mux " as rtcp-mux (measured, Chromium and Firefox).
            text: hasValue
                ? AttributeText(input, (colon + 1)..<value.upperBound)
                : trimmed.upperBound < value.upperBound
                    ? .trailer(input, trimmed.upperBound..<value.upperBound) : .none,
            sourceLine: SourceLine(lineNumber))
        if inMedia {
            current.attributes.append(attribute)
        } else {
            // Browsers write 3 to 10 session attributes: one allocation instead of regrowth.
            if session.attributes.capacity == 0 { session.attributes.reserveCapacity(16) }
            session.attributes.append(attribute)
        }

        guard let known else {
            if nameRange.isEmpty {
                diagnostics.report(
                    SDPRules.attributeSyntax, value.lowerBound..<(value.lowerBound + (hasValue ? 1 : 0)),
                    "the attribute has no name")
            } else if let bad = Bytes.firstIndex(notIn: .token, bytes, nameRange), bytes[bad] == ASCII.space,
                bad > nameRange.lowerBound
            {
                // "a=source-filter incl …" (RFC 4570 §3.2.5): the colon is missing, not the name wrong.
                let name = Bytes.string(bytes, nameRange.lowerBound..<bad)
                diagnostics.report(
                    SDPRules.attributeSyntax, bad..<(bad + 1),
                    "a space follows '\(name)' where ':' should separate the attribute's name from its value",
                    hint: "write a=\(name):<value>")
            } else if let bad = Bytes.firstIndex(notIn: .token, bytes, nameRange) {
                diagnostics.report(
                    SDPRules.attributeSyntax, bad..<(bad + 1),
                    "attribute name '\(Bytes.string(bytes, nameRange))' contains \(bytes[bad].displayed)")
            } else if let match = KnownAttribute.lookupIgnoringCase(bytes, nameRange) {
                diagnostics.report(
                    SDPRules.attributeCase, nameRange,
                    """
                    attribute '\(Bytes.string(bytes, nameRange))' is written '\(match.name)'; libwebrtc and \
                    aiortc match names exactly
                    """
                )
            } else {
                diagnostics.report(
                    SDPRules.unknownAttribute, nameRange,
                    "unknown attribute '\(Bytes.string(bytes, nameRange))' is kept as written")
            }
            return
        }
        let valueRange = (colon + 1)..<max(colon + 1, trimmed.upperBound)
        // An attribute where it has no meaning is ignored, so its value is not checked: one
        // finding for the line (measured: Chromium 156, Firefox ESR 153, aiortc and webrtcbin
        // take "a=sctp-port:x", "a=candidate:x" and "a=rid:h bogus" at the session level and
        // "a=group:" in a section). In an RFC 8840 fragment, where a trickled candidate may
        // come without its m= line, they are checked all the same.
        switch known.level {
        case .session where inMedia:
            diagnostics.report(
                SDPRules.attributeLevel, nameRange,
                "a=\(known.name) is a session-level attribute; in a media section it is ignored")
            return
        case .media where !inMedia:
            diagnostics.report(
                SDPRules.attributeLevel, nameRange,
                "a=\(known.name) is a media-level attribute; at the session level it is ignored")
            if !fragment { return }
        default:
            break
        }
        if known.isFlag {
            if hasValue {
                diagnostics.report(SDPRules.flagWithValue, colon..<value.upperBound, "a=\(known.name) takes no value")
            }
        } else if !hasValue {
            diagnostics.report(
                SDPRules.attributeValueMissing, nameRange, "a=\(known.name) needs a value",
                hint: "write a=\(known.name):<value>")
            return
        }
        guard options.checks else { return }
        if inMedia {
            checks.attribute(known, bytes, nameRange, valueRange, &diagnostics)
        } else {
            sessionChecks.attribute(known, bytes, nameRange, valueRange, &diagnostics)
        }
    }

    /// The number of lines after `offset` that start with "m=".
    private static func mediaLineCount(_ bytes: Span<UInt8>, after offset: Int) -> Int {
        var count = 0
        var index = offset
        while index < bytes.count {
            index = Bytes.firstIndex(of: ASCII.lf, in: bytes, index..<bytes.count) + 1
            if index + 1 < bytes.count && bytes[index] == UInt8(ascii: "m") && bytes[index + 1] == ASCII.equals {
                count += 1
            }
        }
        return count
    }

    // MARK: Verbatim text

    /// The original text of a typed line, unless the model writes it back identically.
    ///
    /// A line is written back identically when parsing it found nothing to report (so its
    /// fields are separated by single spaces, with nothing before or after) and none of its
    /// numbers has a leading zero (the model keeps every other field as written). Checking that
    /// is cheaper than writing the line out and comparing.
    // Inlined: called from mutating methods, a non-mutating call would copy the whole parser.
    @inline(__always)
    private func verbatim(_ bytes: Span<UInt8>, _ range: Range<Int>) -> String? {
        if diagnostics.reported != lineMark || Self.hasLeadingZero(bytes, range) { return Bytes.string(bytes, range) }
        return nil
    }

    /// Whether a number in `range` starts with a superfluous "0" ("t=00 0", "m=audio 09 …").
    private static func hasLeadingZero(_ bytes: Span<UInt8>, _ range: Range<Int>) -> Bool {
        // Only a "0" can be one: go from zero to zero, a word at a time.
        var i = range.lowerBound
        while true {
            i = Bytes.firstIndex(of: ASCII.zero, in: bytes, i..<range.upperBound)
            guard i < range.upperBound else { return false }
            let previous = i == range.lowerBound ? ASCII.space : bytes[i - 1]
            if i + 1 < range.upperBound && bytes[i + 1].isDigit,
                previous == ASCII.space || previous == ASCII.slash || previous == ASCII.colon || previous == ASCII.minus
            {
                return true
            }
            i += 1
        }
    }

    // MARK: End

    private mutating func finish(_ bytes: Span<UInt8>) -> ParseResult<SessionDescription> {
        finishMedia()
        // After a limit stopped the parse, what was not read must not count as missing.
        if !truncated {
            if !fragment && (seenVersion || !session.attributes.isEmpty || !session.media.isEmpty) { reportMissing() }
            if options.checks { sessionChecks.finish(session, bytes, fragment: fragment, &diagnostics) }
        }
        if session.times.isEmpty && !fragment {
            rewrites = true
            session.times.append(SessionDescription.TimeDescription())
        }
        session.lineEnding = lineEnding ?? .crlf
        var all = diagnostics.finish(overflowRule: SDPRules.tooManyFindings)
        // Findings made at the end point back at earlier lines; keep the list in input order.
        if !all.isEmpty && !zip(all, all.dropFirst()).allSatisfy({ $0.location <= $1.location }) {
            all = all.enumerated().sorted { ($0.element.location, $0.offset) < ($1.element.location, $1.offset) }.map(
                \.element)
        }
        // Moved out of the parser rather than copied: a copy would retain every string and array
        // of the description, and discarding the parser would release them again.
        var description = Self.emptySession
        swap(&description, &session)
        // A description that writes its input back unchanged keeps it, so that serializing it
        // is a copy.
        if !rewrites && !truncated && !fragment { description.parsed = ParsedBytes(input) }
        return ParseResult(value: description, diagnostics: all, source: SourceText(input))
    }
}
