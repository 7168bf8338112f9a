internal import SDPLintDiagnostics
internal import SDPLintScanning

/// A parsed JSON text: one 12-byte row for each value and member name, in the order of the text,
/// over the text itself.
///
/// Arrays and objects are not built: ``JSONArray`` and ``JSONObject`` read their rows, and a
/// number or a string written without escapes becomes a Swift value when it is read (a string
/// with escapes is decoded once, while parsing). So a parse allocates no memory per container:
/// ten megabytes of `[[[…]]]`, two bytes a value, take 6 times their size where a tree of
/// `[JSONValue]` took 32 (BENCHMARKS.md, "Complexity").
///
/// The rows are in document order: a container's row comes first, then its contents, each member
/// as a name row followed by its value's rows. A container row says where its contents end, so
/// the next sibling of any row is one step (``next(after:)``).
final class JSONTape: Sendable {
    /// The bytes the rows point into: the text, or for a text decoded from a JSON string, the
    /// decoded bytes.
    let text: [UInt8]
    /// The offset of `text[0]` in the input the locations count in.
    let origin: Int
    let rows: Rows
    /// The strings written with escapes, or repaired, decoded: only their rows' bytes in `text`
    /// are not the string itself.
    let strings: [String]
    /// For each object of more than ``JSONObject/indexThreshold`` members: the row of the first
    /// name row for each name, so that a lookup is one hash. The parser builds these tables
    /// anyway, to find duplicate names.
    let indexes: [Int: [String: Int]]
    /// Where the lines start, for documents; `nil` for a bare value.
    let lines: LineTable?
    /// For a text decoded from a JSON string of another document: where each byte of `text` (and
    /// its end) was in that document's input.
    let mapping: [Int]?

    init(
        text: [UInt8], origin: Int, rows: Rows, strings: [String], indexes: [Int: [String: Int]],
        lines: LineTable?, mapping: [Int]?
    ) {
        self.text = text
        self.origin = origin
        self.rows = rows
        self.strings = strings
        self.indexes = indexes
        self.lines = lines
        self.mapping = mapping
    }

    /// The value of row `row`: a Swift value for scalars, a view of these rows for containers.
    func value(at row: Int) -> JSONValue {
        let entry = rows[row]
        switch entry.kind {
        case .null: return .null
        case .false: return .bool(false)
        case .true: return .bool(true)
        case .number:
            return .number(
                JSONNumber(uncheckedText: text.withSpan { Bytes.string($0, Int(entry.start)..<Int(entry.end)) }))
        case .string, .escapedString: return .string(string(at: row))
        case .array: return .array(JSONArray(tape: self, row: row))
        case .object: return .object(JSONObject(tape: self, row: row))
        }
    }

    /// The text of the string (or member name) at `row`.
    func string(at row: Int) -> String {
        let entry = rows[row]
        if entry.kind == .escapedString { return strings[Int(entry.payload)] }
        // Plain strings were checked to be UTF-8 while parsing.
        return text.withSpan { Bytes.string($0, Int(entry.start) + 1..<Int(entry.end) - 1) }
    }

    /// Whether the string at `row` is `key`, without making a `String`.
    func string(at row: Int, equals key: String) -> Bool {
        let entry = rows[row]
        if entry.kind == .escapedString { return strings[Int(entry.payload)] == key }
        var key = key
        return key.withUTF8 { wanted in
            let lower = Int(entry.start) + 1
            let upper = Int(entry.end) - 1
            guard upper - lower == wanted.count else { return false }
            return text[lower..<upper].elementsEqual(wanted)
        }
    }

    /// The row after `row` and everything inside it: its next sibling, or the end of its container.
    @inline(__always)
    func next(after row: Int) -> Int {
        let entry = rows[row]
        return entry.kind.isContainer ? Int(entry.payload) : row + 1
    }

    // MARK: - Locations

    /// The row's place in the input: its first byte's line and column and its byte range (for a
    /// string, its quotation marks included). `nil` for a value parsed without locations.
    func location(ofRow row: Int) -> SourceLocation? {
        guard let lines else { return nil }
        let entry = rows[row]
        let range = Int(entry.start)..<Int(entry.end)
        guard let mapping else { return lines.location(origin + range.lowerBound..<origin + range.upperBound) }
        return lines.location(JSONParser.map(range, through: mapping))
    }

    /// Whether two views read the same row of the same parse: equal without reading further.
    static func sameRow(_ lhs: (JSONTape, Int)?, _ rhs: (JSONTape, Int)?) -> Bool {
        guard let lhs, let rhs else { return false }
        return lhs.0 === rhs.0 && lhs.1 == rhs.1
    }

    /// Tapes are equal when they hold the same text read the same way.
    func isEquivalent(to other: JSONTape) -> Bool {
        self === other
            || (origin == other.origin && text == other.text && lines == other.lines && mapping == other.mapping)
    }
}

extension JSONTape {
    /// What a row holds.
    enum Kind: UInt32 {
        case null, `false`, `true`, number
        /// A string whose content is its bytes between the quotation marks.
        case string
        /// A string written with escapes, or repaired: its content is in `strings`.
        case escapedString
        case array, object

        var isContainer: Bool { self == .array || self == .object }
    }

    /// One value or member name: 12 bytes.
    struct Row: Sendable, Equatable {
        /// Its bytes in `text`, from the first (a quotation mark, a bracket) to just past the last.
        var start: UInt32
        var end: UInt32
        /// The kind in the low 3 bits, and above them: for a container, the row after its
        /// contents; for an escaped string, its index in `strings`.
        var word: UInt32

        init(_ kind: Kind, start: UInt32, end: UInt32, payload: UInt32 = 0) {
            self.start = start
            self.end = end
            self.word = kind.rawValue | payload << 3
        }

        var kind: Kind { Kind(rawValue: word & 7) ?? .null }
        var payload: UInt32 { word >> 3 }

        /// The most rows (and escaped strings) a text may have: the payload has 29 bits.
        static let maxPayload = (1 << 29) - 1
    }

    /// The rows, in chunks of 4096: a text's rows never move once written, so reading a large
    /// text never holds two copies of its rows while an array grows.
    struct Rows: Sendable {
        private(set) var chunks: [[Row]] = [[]]
        private(set) var count = 0

        private static let shift = 12
        private static let chunkSize = 1 << shift

        @inline(__always)
        subscript(row: Int) -> Row {
            get { chunks[row >> Self.shift][row & (Self.chunkSize - 1)] }
            set { chunks[row >> Self.shift][row & (Self.chunkSize - 1)] = newValue }
        }

        @inline(__always)
        mutating func append(_ row: Row) {
            if chunks[chunks.count - 1].count == Self.chunkSize {
                var chunk: [Row] = []
                chunk.reserveCapacity(Self.chunkSize)
                chunks.append(chunk)
            }
            chunks[chunks.count - 1].append(row)
            count += 1
        }
    }
}

extension Collection where Element: Hashable {
    /// Hashes the elements in order, then their number, as equal collections of JSON do alike.
    func hashElements(into hasher: inout Hasher) {
        var count = 0
        for element in self {
            hasher.combine(element)
            count += 1
        }
        hasher.combine(count)
    }
}

/// Where the lines of an input start, for locating a byte offset.
struct LineTable: Sendable, Equatable {
    /// Line `baseLine + k` starts at offset `starts[k]`.
    let starts: [Int]
    let baseLine: Int

    /// The line and column of `range`'s first byte.
    ///
    /// - Complexity: O(log lines).
    func location(_ range: Range<Int>) -> SourceLocation {
        let index = SourceText.line(at: range.lowerBound, in: starts) - 1
        return SourceLocation(line: baseLine + index, column: range.lowerBound - starts[index] + 1, bytes: range)
    }
}
