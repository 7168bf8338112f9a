internal import SDPLintDiagnostics
internal import SDPLintScanning

/// The RFC 8259 reader: one pass over the bytes, an explicit stack instead of recursion, and every
/// problem reported with its line, column and JSON path.
///
/// The grammar (RFC 8259 §2) as the loop below walks it:
///
/// ```
/// JSON-text = ws value ws
/// value     = false / null / true / object / array / number / string
/// object    = "{" ws [ member *( ws "," ws member ) ] ws "}"
/// member    = string ws ":" ws value
/// array     = "[" ws [ value *( ws "," ws value ) ] ws "]"
/// ws        = *( %x20 / %x09 / %x0A / %x0D )
/// ```
///
/// Each value and member name becomes one row of a ``JSONTape`` as it is read, in the order of the
/// text; closing a container writes where its contents end into its row. Nothing moves and no
/// container is built, so memory is the text, 12 bytes a row and the strings written with
/// escapes, decoded; nesting depth costs heap, not call stack. The names of open objects wait on
/// a stack (`keys`) for duplicate checks and paths.
///
/// Errors are fatal except where the repair is local and certain: a trailing comma or a comment
/// is skipped, an invalid escape or UTF-8 sequence becomes U+FFFD, a raw control character is
/// kept. Reading stops at the first other error.
struct JSONParser {
    let limits: JSONParseOptions.Limits
    let maxDepth: Int
    var diagnostics: DiagnosticCollector

    // The stacks of open containers.
    var frames: [Frame] = []
    var keys: [String] = []
    /// Where each name on `keys` starts in the text, and its row.
    var keyPlaces: [(start: Int, row: Int)] = []

    /// What the parse builds (``JSONTape``): the rows, with offsets from `origin`, and the strings
    /// written with escapes, decoded.
    var rows = JSONTape.Rows()
    var strings: [String] = []
    /// For each closed object that outgrew linear search: the row of the first name row for
    /// each name, from its `lookups` table.
    var indexes: [Int: [String: Int]] = [:]
    var origin = 0
    /// The array the parsed bytes are, when the caller has one: the tape shares it instead of
    /// copying the text.
    var source: [UInt8]?

    /// The offset at which each line starts, in order; line `baseLine + k` starts at `lineStarts[k]`.
    var lineStarts: [Int]
    let baseLine: Int

    /// Whether the tape keeps the lines, to locate its values: for ``JSONDocument``.
    let recordLocations: Bool

    /// Unescaped string bytes, reused from string to string.
    var scratch: [UInt8] = []

    /// For a text that is itself the content of a JSON string: where each of its bytes is in
    /// the enclosing text, and that text's lines. Findings are then located in the enclosing text.
    var enclosing: (offsets: [Int], lines: LineTable)?

    struct Frame {
        let isObject: Bool
        /// The offset of the "[" or "{".
        let start: Int
        /// The container's row.
        let row: Int
        /// The values read so far.
        var count = 0
        /// Where the object's names begin on `keys`.
        let keyBase: Int
        /// Whether the object outgrew linear search and has a table on `lookups`.
        var hasLookup = false
    }

    /// For each open object that has outgrown linear search, in nesting order, the first
    /// position of each name. Kept apart from `frames` so that copies of a frame do not share
    /// (and so copy on write) the table.
    var lookups: [[String: Int]] = []

    init(options: JSONParseOptions, diagnostics: DiagnosticCollector, recordLocations: Bool, firstLineStart: Int) {
        self.limits = options.limits
        self.maxDepth = options.limits.effectiveDepth
        self.diagnostics = diagnostics
        self.recordLocations = recordLocations
        self.baseLine = diagnostics.line
        self.lineStarts = [firstLineStart]
    }

    // MARK: - Locations and findings

    /// The line and column of `range`, from the line starts seen so far.
    ///
    /// - Complexity: O(log lines).
    func location(_ range: Range<Int>) -> SourceLocation {
        if let enclosing { return enclosing.lines.location(Self.map(range, through: enclosing.offsets)) }
        return LineTable(starts: lineStarts, baseLine: baseLine).location(range)
    }

    /// `range` of an embedded text as the range of the enclosing text it was decoded from.
    static func map(_ range: Range<Int>, through offsets: [Int]) -> Range<Int> {
        guard let last = offsets.indices.last else { return range }
        let lower = offsets[min(max(0, range.lowerBound), last)]
        let upper = offsets[min(max(0, range.upperBound), last)]
        return lower..<max(lower, upper)
    }

    /// Reports a finding.
    mutating func report(_ rule: Rule, _ range: Range<Int>, _ message: String) {
        diagnostics.report(rule, at: location(range), message)
    }

    /// Whether the collector still keeps findings. Findings that can repeat once per byte
    /// (inside strings) build their message only then: a megabyte of bad bytes must not cost a
    /// megabyte of messages.
    var keepsMessages: Bool { diagnostics.diagnostics.count < diagnostics.limit }

    /// Records that a line starts at `offset` (just after an LF).
    @inline(__always)
    mutating func newLine(at offset: Int) {
        lineStarts.append(offset)
    }

    // MARK: - Paths

    /// The path of the innermost open container.
    func containerPath() -> JSONPath {
        var components: [JSONPath.Component] = []
        components.reserveCapacity(frames.count)
        for depth in 0..<max(0, frames.count - 1) {
            let frame = frames[depth]
            components.append(component(of: frame, at: frame.count))
        }
        return JSONPath(components)
    }

    /// The path of the value being read: the open container's path and the current member name
    /// or element index.
    func valuePath() -> JSONPath {
        guard let top = frames.last else { return .root }
        var path = containerPath()
        let position = top.count
        if !top.isObject || keys.count > top.keyBase + position {
            path.components.append(component(of: top, at: position))
        }
        return path
    }

    /// The path of the last complete value of the innermost open container.
    func lastValuePath() -> JSONPath {
        guard let top = frames.last else { return .root }
        var path = containerPath()
        let position = top.count - 1
        if position >= 0 { path.components.append(component(of: top, at: position)) }
        return path
    }

    private func component(of frame: Frame, at position: Int) -> JSONPath.Component {
        frame.isObject ? .key(keys[frame.keyBase + position]) : .index(position)
    }

    // MARK: - The text

    /// Reads the JSON text in `range`: one value with whitespace around it.
    ///
    /// - Returns: The parse, or `nil` after a fatal error.
    /// - Complexity: O(n) in `range.count`.
    mutating func parseText(_ bytes: Span<UInt8>, _ range: Range<Int>) -> JSONTape? {
        guard range.count <= limits.maxBytes else {
            report(
                JSONRules.documentTooLarge, range.lowerBound..<range.lowerBound,
                "the text is \(range.count) bytes, more than the limit of \(limits.maxBytes)")
            return nil
        }
        // A tape's offsets are 32-bit.
        guard range.count < Int(UInt32.max) else {
            report(
                JSONRules.documentTooLarge, range.lowerBound..<range.lowerBound,
                "the text is \(range.count) bytes; one parse reads at most 4 GiB")
            return nil
        }
        var i = range.lowerBound
        let end = range.upperBound
        origin = i
        if end - i >= 3 && bytes[i] == 0xEF && bytes[i + 1] == 0xBB && bytes[i + 2] == 0xBF {
            report(
                JSONRules.byteOrderMark, i..<i + 3,
                "the text starts with a UTF-8 byte order mark, which JSON texts must not carry")
            i += 3
        }
        i = skipWhitespace(bytes, i, end)
        guard i < end else {
            report(
                JSONRules.unexpectedEnd, i..<i,
                range.isEmpty
                    ? "the text is empty: expected a JSON value"
                    : "the text holds only whitespace: expected a JSON value")
            return nil
        }
        guard parseValue(bytes, &i, end) else { return nil }
        i = skipWhitespace(bytes, i, end)
        if i < end {
            report(
                JSONRules.trailingContent, i..<end,
                "unexpected \(bytes[i].displayed) after the end of the JSON value; a text holds exactly one value")
        }
        let text: [UInt8]
        if let source, range == 0..<source.count {
            text = source
        } else {
            text = bytes.extracting(range).withUnsafeBufferPointer { Array($0) }
        }
        var lines: LineTable?
        if let enclosing {
            lines = enclosing.lines
        } else if recordLocations {
            lines = LineTable(starts: lineStarts, baseLine: baseLine)
        }
        return JSONTape(
            text: text, origin: origin, rows: rows, strings: strings, indexes: indexes, lines: lines,
            mapping: enclosing?.offsets)
    }

    /// Reads one value at `i` and everything nested in it into rows, leaving `i` just past it.
    ///
    /// - Returns: `false` after a fatal error.
    mutating func parseValue(_ bytes: Span<UInt8>, _ i: inout Int, _ end: Int) -> Bool {
        let baseDepth = frames.count
        readValue: while true {
            guard i < end else {
                report(JSONRules.unexpectedEnd, end..<end, "the text ends where a value was expected at \(valuePath())")
                return false
            }
            let byte = bytes[unchecked: i]
            switch byte {
            case ASCII.openBrace, ASCII.openBracket:
                let isObject = byte == ASCII.openBrace
                guard open(isObject: isObject, at: i) else { return false }
                i = skipWhitespace(bytes, i + 1, end)
                let closer = isObject ? ASCII.closeBrace : ASCII.closeBracket
                if i < end && bytes[unchecked: i] == closer {
                    guard close(at: i) else { return false }
                    i += 1
                } else if isObject {
                    guard readKey(bytes, &i, end) else { return false }
                    continue readValue
                } else {
                    continue readValue
                }
            case ASCII.quote:
                guard let string = readString(bytes, &i, end) else { return false }
                push(string)
            case ASCII.minus, ASCII.zero...ASCII.nine:
                let start = i
                guard readNumber(bytes, &i, end) else { return false }
                push(row(.number, start..<i))
            default:
                let start = i
                guard let literal = readLiteral(bytes, &i, end) else { return false }
                push(row(literal, start..<i))
            }

            // After a value: a separator, the end of its container, or the end of the text.
            while frames.count > baseDepth {
                let top = frames[frames.count - 1]
                i = skipWhitespace(bytes, i, end)
                let closer = top.isObject ? ASCII.closeBrace : ASCII.closeBracket
                guard i < end else {
                    let kind = top.isObject ? "object" : "array"
                    report(
                        JSONRules.unexpectedEnd, end..<end,
                        "the text ends inside the \(kind) at \(containerPath()) opened at \(location(top.start..<top.start + 1)); expected ',' or '\(top.isObject ? "}" : "]")'"
                    )
                    return false
                }
                let separator = bytes[unchecked: i]
                if separator == closer {
                    guard close(at: i) else { return false }
                    i += 1
                    continue
                }
                guard separator == ASCII.comma else {
                    let kind = top.isObject ? "member" : "element"
                    report(
                        JSONRules.unexpectedCharacter, i..<i + 1,
                        "expected ',' or '\(top.isObject ? "}" : "]")' after the \(kind) \(lastValuePath()), found \(describe(bytes, i, end))"
                    )
                    return false
                }
                let comma = i
                i = skipWhitespace(bytes, i + 1, end)
                if i < end && bytes[unchecked: i] == closer {
                    report(
                        JSONRules.trailingComma, comma..<comma + 1,
                        "trailing comma after the last \(top.isObject ? "member" : "element") \(lastValuePath()); JSON allows none"
                    )
                    guard close(at: i) else { return false }
                    i += 1
                    continue
                }
                if top.count >= limits.maxItems {
                    report(
                        JSONRules.tooManyItems, i..<i + 1,
                        "the \(top.isObject ? "object" : "array") at \(containerPath()) has more than \(limits.maxItems) \(top.isObject ? "members" : "elements"), the limit"
                    )
                    return false
                }
                if top.isObject {
                    guard readKey(bytes, &i, end) else { return false }
                }
                continue readValue
            }
            return true
        }
    }

    // MARK: - Containers

    /// Opens an array or object at `offset`, unless that would nest too deep. Its row is written
    /// now and completed when it closes.
    mutating func open(isObject: Bool, at offset: Int) -> Bool {
        guard frames.count < maxDepth else {
            report(
                JSONRules.nestingTooDeep, offset..<offset + 1,
                "the \(isObject ? "object" : "array") at \(valuePath().abbreviated()) is nested \(frames.count + 1) levels deep, more than the limit of \(maxDepth)"
            )
            return false
        }
        guard rows.count < JSONTape.Row.maxPayload else { return tooManyRows(at: offset) }
        frames.append(Frame(isObject: isObject, start: offset, row: rows.count, keyBase: keys.count))
        rows.append(row(isObject ? .object : .array, offset..<offset + 1))
        return true
    }

    /// Closes the innermost container at the offset of its "]" or "}": its row gets its end and
    /// where its contents end.
    ///
    /// - Returns: `false` when the text has more rows than a tape can index.
    mutating func close(at offset: Int) -> Bool {
        guard rows.count <= JSONTape.Row.maxPayload else { return tooManyRows(at: offset) }
        guard let frame = frames.popLast() else { return true }
        if frame.isObject {
            keys.removeLast(frame.count)
            if frame.hasLookup, let lookup = lookups.popLast() {
                let base = frame.keyBase
                indexes[frame.row] = lookup.mapValues { keyPlaces[base + $0].row }
            }
            keyPlaces.removeLast(frame.count)
        }
        rows[frame.row] = row(
            frame.isObject ? .object : .array, frame.start..<offset + 1, payload: UInt32(truncatingIfNeeded: rows.count)
        )
        if !frames.isEmpty { frames[frames.count - 1].count += 1 }
        return true
    }

    /// Adds a complete scalar value to the open container.
    @inline(__always)
    mutating func push(_ row: JSONTape.Row) {
        rows.append(row)
        if !frames.isEmpty { frames[frames.count - 1].count += 1 }
    }

    /// A row of `kind` for the bytes at `range`.
    @inline(__always)
    func row(_ kind: JSONTape.Kind, _ range: Range<Int>, payload: UInt32 = 0) -> JSONTape.Row {
        JSONTape.Row(
            kind, start: UInt32(truncatingIfNeeded: range.lowerBound - origin),
            end: UInt32(truncatingIfNeeded: range.upperBound - origin), payload: payload)
    }

    /// Reports that the text has more values than a tape can index (2²⁹); `false`.
    mutating func tooManyRows(at offset: Int) -> Bool {
        report(
            JSONRules.documentTooLarge, offset..<offset + 1,
            "the text has more than \(JSONTape.Row.maxPayload) values and member names, the most one parse holds")
        return false
    }

    /// Reads `string ws ":" ws` at `i`: a member name and its separator.
    mutating func readKey(_ bytes: Span<UInt8>, _ i: inout Int, _ end: Int) -> Bool {
        guard i < end else {
            report(
                JSONRules.unexpectedEnd, end..<end,
                "the text ends inside the object at \(containerPath()); expected a member name or '}'")
            return false
        }
        let start = i
        let byte = bytes[unchecked: i]
        guard byte == ASCII.quote else {
            if byte == UInt8(ascii: "'") {
                report(
                    JSONRules.singleQuotedString, i..<i + 1,
                    """
                    a member name of the object at \(containerPath()) is in single quotes; JSON strings use double \
                    quotes
                    """
                )
            } else if byte.isAlpha || byte == ASCII.underscore || byte == UInt8(ascii: "$") {
                let wordEnd = identifierEnd(bytes, i, end)
                report(
                    JSONRules.unquotedKey, i..<wordEnd,
                    """
                    the member name \(Bytes.quoted(bytes, i..<wordEnd, showingLength: false)) of the object at \(containerPath()) is not \
                    in double quotes
                    """
                )
            } else {
                report(
                    JSONRules.unexpectedCharacter, i..<i + 1,
                    """
                    expected a member name in double quotes or '}' in the object at \(containerPath()), found \
                    \(describe(bytes, i, end))
                    """
                )
            }
            return false
        }
        guard let keyRow = readString(bytes, &i, end) else { return false }
        let key = string(of: keyRow, in: bytes)
        let keyRange = start..<i
        guard let top = frames.last else { return false }
        let position = keys.count - top.keyBase
        if let first = firstPosition(of: key, in: top) {
            let firstStart = keyPlaces[top.keyBase + first].start
            let firstLocation = location(firstStart..<firstStart + 1)
            report(
                JSONRules.duplicateKey, keyRange,
                """
                duplicate member name \(JSONWriter.quoted(key)) at \(containerPath().appending(key)): first at \
                \(firstLocation), again here; lookups use the first
                """
            )
        } else {
            indexKey(key, position)
        }
        keys.append(key)
        keyPlaces.append((start, rows.count))
        rows.append(keyRow)

        i = skipWhitespace(bytes, i, end)
        guard i < end else {
            report(
                JSONRules.unexpectedEnd, end..<end,
                "the text ends after the member name at \(valuePath()); expected ':'")
            return false
        }
        guard bytes[unchecked: i] == ASCII.colon else {
            report(
                JSONRules.unexpectedCharacter, i..<i + 1,
                "expected ':' after the member name at \(valuePath()), found \(describe(bytes, i, end))")
            return false
        }
        i = skipWhitespace(bytes, i + 1, end)
        return true
    }

    /// The position of the first member of the open object `frame` named `key`.
    private func firstPosition(of key: String, in frame: Frame) -> Int? {
        if frame.hasLookup { return lookups[lookups.count - 1][key] }
        var position = frame.keyBase
        while position < keys.count {
            if keys[position] == key { return position - frame.keyBase }
            position += 1
        }
        return nil
    }

    /// Records the first position of a new name, building the lookup table once the object
    /// outgrows linear search (the same table becomes the object's index).
    private mutating func indexKey(_ key: String, _ position: Int) {
        let top = frames.count - 1
        if frames[top].hasLookup {
            lookups[lookups.count - 1][key] = position
        } else if position >= JSONObject.indexThreshold {
            var lookup: [String: Int] = [:]
            lookup.reserveCapacity(position * 2)
            let base = frames[top].keyBase
            for existing in base..<keys.count where lookup[keys[existing]] == nil {
                lookup[keys[existing]] = existing - base
            }
            lookup[key] = position
            lookups.append(lookup)
            frames[top].hasLookup = true
        }
    }

    // MARK: - Whitespace and comments

    /// The first offset at or after `start` that is not whitespace, skipping (and reporting)
    /// comments too.
    @inline(__always)
    mutating func skipWhitespace(_ bytes: Span<UInt8>, _ start: Int, _ end: Int) -> Int {
        var i = start
        while i < end {
            let byte = bytes[unchecked: i]
            if byte == ASCII.space || byte == ASCII.tab || byte == ASCII.cr {
                i += 1
            } else if byte == ASCII.lf {
                i += 1
                newLine(at: i)
            } else if byte == ASCII.slash {
                guard let next = skipComment(bytes, i, end) else { return i }
                i = next
            } else {
                return i
            }
        }
        return i
    }

    /// Skips a `//` or `/* */` comment at `start` after reporting it; `nil` when `start` does
    /// not open a comment.
    mutating func skipComment(_ bytes: Span<UInt8>, _ start: Int, _ end: Int) -> Int? {
        guard start + 1 < end else { return nil }
        let kind = bytes[start + 1]
        var i = start + 2
        if kind == ASCII.slash {
            while i < end && bytes[unchecked: i] != ASCII.lf { i += 1 }
            report(JSONRules.comment, start..<i, "a // comment at \(valuePath()); JSON has no comments")
            return i
        }
        guard kind == ASCII.star else { return nil }
        report(JSONRules.comment, start..<start + 2, "a /* */ comment at \(valuePath()); JSON has no comments")
        while i < end {
            if bytes[unchecked: i] == ASCII.lf {
                newLine(at: i + 1)
            } else if bytes[unchecked: i] == ASCII.star && i + 1 < end && bytes[unchecked: i + 1] == ASCII.slash {
                return i + 2
            }
            i += 1
        }
        return end
    }

    // MARK: - Literals

    /// Reads `true`, `false` or `null` at `i`, or reports what stands there instead of a value.
    mutating func readLiteral(_ bytes: Span<UInt8>, _ i: inout Int, _ end: Int) -> JSONTape.Kind? {
        let start = i
        let byte = bytes[unchecked: i]
        guard byte.isAlpha || byte == ASCII.underscore || byte == UInt8(ascii: "$") else {
            reportNotAValue(bytes, start, end)
            return nil
        }
        let wordEnd = identifierEnd(bytes, i, end)
        let word = start..<wordEnd
        if Bytes.equals(bytes, word, "true") {
            i = wordEnd
            return .true
        }
        if Bytes.equals(bytes, word, "false") {
            i = wordEnd
            return .false
        }
        if Bytes.equals(bytes, word, "null") {
            i = wordEnd
            return .null
        }
        let hint: String
        if Bytes.equals(bytes, word, "NaN") || Bytes.equals(bytes, word, "Infinity") {
            hint = "; JSON has no NaN or infinity (JSON.stringify writes null)"
        } else if Bytes.equalsIgnoringCase(bytes, word, "true") || Bytes.equalsIgnoringCase(bytes, word, "false")
            || Bytes.equalsIgnoringCase(bytes, word, "null")
        {
            hint = "; JSON literals are lower-case"
        } else if Bytes.equals(bytes, word, "undefined") || Bytes.equals(bytes, word, "None") {
            hint = "; use null"
        } else {
            hint = "; strings need double quotes"
        }
        report(
            JSONRules.invalidLiteral, word,
            "\(Bytes.quoted(bytes, word, showingLength: false)) at \(valuePath()) is not a JSON value: expected true, false or null\(hint)"
        )
        return nil
    }

    /// Reports the byte at `offset`, which cannot start a value.
    mutating func reportNotAValue(_ bytes: Span<UInt8>, _ offset: Int, _ end: Int) {
        let byte = bytes[offset]
        switch byte {
        case UInt8(ascii: "'"):
            report(
                JSONRules.singleQuotedString, offset..<offset + 1,
                "the string at \(valuePath()) is in single quotes; JSON strings use double quotes")
        case ASCII.plus, ASCII.dot:
            report(
                JSONRules.invalidNumber, offset..<offset + 1,
                "the number at \(valuePath()) starts with '\(byte == ASCII.plus ? "+" : ".")'; JSON numbers start with a digit or '-'"
            )
        default:
            report(
                JSONRules.unexpectedCharacter, offset..<offset + 1,
                "expected a value at \(valuePath()), found \(describe(bytes, offset, end))")
        }
    }

    /// The end of the run of letters, digits, "_" and "$" at `start`: a bare word.
    func identifierEnd(_ bytes: Span<UInt8>, _ start: Int, _ end: Int) -> Int {
        var i = start
        while i < end {
            let byte = bytes[unchecked: i]
            guard byte.isAlphanumeric || byte == ASCII.underscore || byte == UInt8(ascii: "$") else { break }
            i += 1
        }
        return i
    }

    // MARK: - Numbers

    /// Reads a number at `i` (which holds "-" or a digit), leaving `i` past it.
    ///
    /// - Returns: `false` when it is not a valid number.
    mutating func readNumber(_ bytes: Span<UInt8>, _ i: inout Int, _ end: Int) -> Bool {
        let start = i
        switch JSONNumber.scanReportingProblem(bytes, start..<end) {
        case .number(let numberEnd):
            guard numberEnd - start <= limits.maxNumberLength else {
                report(
                    JSONRules.numberTooLong, start..<numberEnd,
                    """
                    the number at \(valuePath()) has \(numberEnd - start) characters, more than the limit of \
                    \(limits.maxNumberLength)
                    """
                )
                return false
            }
            i = numberEnd
            return true
        case .problem(let range, let reason):
            report(JSONRules.invalidNumber, range, "the number at \(valuePath()) \(reason)")
            return false
        }
    }

    // MARK: - Messages

    /// The byte at `offset` for a message, naming the end of the text when there is none.
    func describe(_ bytes: Span<UInt8>, _ offset: Int, _ end: Int) -> String {
        guard offset < end else { return "the end of the text" }
        let byte = bytes[offset]
        switch byte {
        case ASCII.lf: return "a line feed"
        case ASCII.cr: return "a carriage return"
        case 0xC2 where offset + 1 < end && bytes[offset + 1] == 0xA0: return "a no-break space (U+00A0)"
        case 0xEF where offset + 2 < end && bytes[offset + 1] == 0xBB && bytes[offset + 2] == 0xBF:
            return "a zero-width no-break space (U+FEFF)"
        default: return byte.displayed
        }
    }
}
