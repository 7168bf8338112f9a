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
/// Values of an open container wait on one shared stack (`values`, with `keys` beside it for
/// objects); closing the container moves them into its array or object. So each value is copied
/// once, memory stays proportional to the input, and nesting depth costs heap, not call stack.
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
    var values: [JSONValue] = []
    var keys: [String] = []
    var keyStarts: [Int] = []

    /// The offset at which each line starts, in order; line `baseLine + k` starts at `lineStarts[k]`.
    var lineStarts: [Int]
    let baseLine: Int

    /// Where each value is, for ``JSONDocument``; empty unless `recordLocations`.
    let recordLocations: Bool
    var nodes: [LocationNode] = []
    var pendingNodes: [LocationNode] = []
    /// The quoted name of the member whose value is read next.
    var pendingKey: (start: UInt32, end: UInt32) = LocationNode.noKey

    /// Unescaped string bytes, reused from string to string.
    var scratch: [UInt8] = []

    /// For a text that is itself the content of a JSON string: where each of its bytes is in
    /// the enclosing text, and that text's lines. Findings are then located in the enclosing text.
    var enclosing: (offsets: [Int], table: LocationTable)?

    struct Frame {
        let isObject: Bool
        /// The offset of the "[" or "{".
        let start: Int
        /// Where the container's values (and keys) begin on the shared stacks.
        let valueBase: Int
        let keyBase: Int
        /// The quoted name of this container when it is a member value.
        let key: (start: UInt32, end: UInt32)
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
        if let enclosing { return enclosing.table.location(Self.map(range, through: enclosing.offsets)) }
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= range.lowerBound { low = middle } else { high = middle - 1 }
        }
        return SourceLocation(line: baseLine + low, column: range.lowerBound - lineStarts[low] + 1, bytes: range)
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
            let position = frames[depth + 1].valueBase - frame.valueBase
            components.append(component(of: frame, at: position))
        }
        return JSONPath(components)
    }

    /// The path of the value being read: the open container's path and the current member name
    /// or element index.
    func valuePath() -> JSONPath {
        guard let top = frames.last else { return .root }
        var path = containerPath()
        let position = values.count - top.valueBase
        if !top.isObject || keys.count > top.keyBase + position {
            path.components.append(component(of: top, at: position))
        }
        return path
    }

    /// The path of the last complete value of the innermost open container.
    func lastValuePath() -> JSONPath {
        guard let top = frames.last else { return .root }
        var path = containerPath()
        let position = values.count - top.valueBase - 1
        if position >= 0 { path.components.append(component(of: top, at: position)) }
        return path
    }

    private func component(of frame: Frame, at position: Int) -> JSONPath.Component {
        frame.isObject ? .key(keys[frame.keyBase + position]) : .index(position)
    }

    // MARK: - The text

    /// Reads the JSON text in `range`: one value with whitespace around it.
    ///
    /// - Returns: The value, or `nil` after a fatal error.
    /// - Complexity: O(n) in `range.count`.
    mutating func parseText(_ bytes: Span<UInt8>, _ range: Range<Int>) -> JSONValue? {
        guard range.count <= limits.maxBytes else {
            report(
                JSONRules.documentTooLarge, range.lowerBound..<range.lowerBound,
                "the text is \(range.count) bytes, more than the limit of \(limits.maxBytes)")
            return nil
        }
        var i = range.lowerBound
        let end = range.upperBound
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
        guard let value = parseValue(bytes, &i, end) else { return nil }
        i = skipWhitespace(bytes, i, end)
        if i < end {
            report(
                JSONRules.trailingContent, i..<end,
                "unexpected \(bytes[i].displayed) after the end of the JSON value; a text holds exactly one value")
        }
        return value
    }

    /// Reads one value at `i` and everything nested in it, leaving `i` just past it.
    mutating func parseValue(_ bytes: Span<UInt8>, _ i: inout Int, _ end: Int) -> JSONValue? {
        let baseDepth = frames.count
        readValue: while true {
            guard i < end else {
                report(JSONRules.unexpectedEnd, end..<end, "the text ends where a value was expected at \(valuePath())")
                return nil
            }
            let byte = bytes[unchecked: i]
            switch byte {
            case ASCII.openBrace, ASCII.openBracket:
                let isObject = byte == ASCII.openBrace
                guard open(isObject: isObject, at: i) else { return nil }
                i = skipWhitespace(bytes, i + 1, end)
                let closer = isObject ? ASCII.closeBrace : ASCII.closeBracket
                if i < end && bytes[unchecked: i] == closer {
                    close(at: i)
                    i += 1
                } else if isObject {
                    guard readKey(bytes, &i, end) else { return nil }
                    continue readValue
                } else {
                    continue readValue
                }
            case ASCII.quote:
                let start = i
                guard let text = readString(bytes, &i, end) else { return nil }
                push(.string(text), start..<i)
            case ASCII.minus, ASCII.zero...ASCII.nine:
                let start = i
                guard let number = readNumber(bytes, &i, end) else { return nil }
                push(.number(number), start..<i)
            default:
                let start = i
                guard let literal = readLiteral(bytes, &i, end) else { return nil }
                push(literal, start..<i)
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
                    return nil
                }
                let separator = bytes[unchecked: i]
                if separator == closer {
                    close(at: i)
                    i += 1
                    continue
                }
                guard separator == ASCII.comma else {
                    let kind = top.isObject ? "member" : "element"
                    report(
                        JSONRules.unexpectedCharacter, i..<i + 1,
                        "expected ',' or '\(top.isObject ? "}" : "]")' after the \(kind) \(lastValuePath()), found \(describe(bytes, i, end))"
                    )
                    return nil
                }
                let comma = i
                i = skipWhitespace(bytes, i + 1, end)
                if i < end && bytes[unchecked: i] == closer {
                    report(
                        JSONRules.trailingComma, comma..<comma + 1,
                        "trailing comma after the last \(top.isObject ? "member" : "element") \(lastValuePath()); JSON allows none"
                    )
                    close(at: i)
                    i += 1
                    continue
                }
                if values.count - top.valueBase >= limits.maxItems {
                    report(
                        JSONRules.tooManyItems, i..<i + 1,
                        "the \(top.isObject ? "object" : "array") at \(containerPath()) has more than \(limits.maxItems) \(top.isObject ? "members" : "elements"), the limit"
                    )
                    return nil
                }
                if top.isObject {
                    guard readKey(bytes, &i, end) else { return nil }
                }
                continue readValue
            }
            return values.popLast()
        }
    }

    // MARK: - Containers

    /// Opens an array or object at `offset`, unless that would nest too deep.
    mutating func open(isObject: Bool, at offset: Int) -> Bool {
        guard frames.count < maxDepth else {
            report(
                JSONRules.nestingTooDeep, offset..<offset + 1,
                "the \(isObject ? "object" : "array") at \(valuePath().abbreviated()) is nested \(frames.count + 1) levels deep, more than the limit of \(maxDepth)"
            )
            return false
        }
        let key = currentKey()
        frames.append(Frame(isObject: isObject, start: offset, valueBase: values.count, keyBase: keys.count, key: key))
        return true
    }

    /// Closes the innermost container at the offset of its "]" or "}", moving its values into it.
    mutating func close(at offset: Int) {
        guard let frame = frames.popLast() else { return }
        let count = values.count - frame.valueBase
        let value: JSONValue
        if frame.isObject {
            var members: [JSONObject.Member] = []
            members.reserveCapacity(count)
            for position in 0..<count {
                members.append(
                    JSONObject.Member(key: keys[frame.keyBase + position], value: values[frame.valueBase + position]))
            }
            keys.removeLast(count)
            keyStarts.removeLast(count)
            value = .object(JSONObject(members: members, index: frame.hasLookup ? lookups.popLast() : nil))
        } else {
            value = .array(Array(values[frame.valueBase...]))
        }
        values.removeLast(count)
        if recordLocations {
            let first = UInt32(truncatingIfNeeded: nodes.count)
            nodes.append(contentsOf: pendingNodes[frame.valueBase...])
            pendingNodes.removeLast(count)
            pendingNodes.append(
                LocationNode(
                    start: UInt32(truncatingIfNeeded: frame.start), end: UInt32(truncatingIfNeeded: offset + 1),
                    keyStart: frame.key.start, keyEnd: frame.key.end,
                    firstChild: first, childCount: UInt32(truncatingIfNeeded: count)))
        }
        values.append(value)
    }

    /// Adds a complete scalar value at `range` to the open container.
    @inline(__always)
    mutating func push(_ value: JSONValue, _ range: Range<Int>) {
        if recordLocations {
            let key = currentKey()
            pendingNodes.append(
                LocationNode(
                    start: UInt32(truncatingIfNeeded: range.lowerBound),
                    end: UInt32(truncatingIfNeeded: range.upperBound),
                    keyStart: key.start, keyEnd: key.end, firstChild: 0, childCount: 0))
        }
        values.append(value)
    }

    /// The name of the value about to be read, when it is a member value.
    @inline(__always)
    func currentKey() -> (start: UInt32, end: UInt32) {
        guard let top = frames.last, top.isObject else { return LocationNode.noKey }
        return pendingKey
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
        guard let key = readString(bytes, &i, end) else { return false }
        let keyRange = start..<i
        guard let top = frames.last else { return false }
        let position = keys.count - top.keyBase
        if let first = firstPosition(of: key, in: top) {
            let firstLocation = location(keyStarts[top.keyBase + first]..<keyStarts[top.keyBase + first] + 1)
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
        keyStarts.append(start)
        pendingKey = (UInt32(truncatingIfNeeded: keyRange.lowerBound), UInt32(truncatingIfNeeded: keyRange.upperBound))

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
    mutating func readLiteral(_ bytes: Span<UInt8>, _ i: inout Int, _ end: Int) -> JSONValue? {
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
            return .bool(true)
        }
        if Bytes.equals(bytes, word, "false") {
            i = wordEnd
            return .bool(false)
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

    /// Reads a number at `i` (which holds "-" or a digit).
    mutating func readNumber(_ bytes: Span<UInt8>, _ i: inout Int, _ end: Int) -> JSONNumber? {
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
                return nil
            }
            i = numberEnd
            return JSONNumber(uncheckedText: Bytes.string(bytes, start..<numberEnd))
        case .problem(let range, let reason):
            report(JSONRules.invalidNumber, range, "the number at \(valuePath()) \(reason)")
            return nil
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

/// Where one value is in the text: a row of ``JSONDocument``'s table. Offsets are 32-bit to keep
/// the table at 24 bytes a value; documents are limited to 4 GiB accordingly.
struct LocationNode: Sendable, Equatable {
    /// The value's bytes, from its first to just past its last.
    var start: UInt32
    var end: UInt32
    /// The member name's bytes with their quotes, or `noKey` for elements and the root.
    var keyStart: UInt32
    var keyEnd: UInt32
    /// A container's children are the `childCount` rows from `firstChild`.
    var firstChild: UInt32
    var childCount: UInt32

    static let noKey: (start: UInt32, end: UInt32) = (.max, .max)
}
