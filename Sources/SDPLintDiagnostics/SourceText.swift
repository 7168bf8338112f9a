import Synchronization

/// A text that was read, and where each of its lines starts: the one table in the package that
/// turns byte offsets into lines and columns, for parsers, analyses and renderers alike.
///
/// Lines end at LF; a CR before the LF belongs to the line ending, not to the line (RFC 8866 §5
/// and RFC 3261 §7 end lines with CRLF, and real inputs mix in bare LFs). The table is made
/// with one scan the first time a line or a location is asked for, and shared by every copy of
/// the text: a parse whose findings nobody places (a server reading every offer) never pays
/// for it.
public struct SourceText: Sendable, Hashable {
    /// The bytes, UTF-8 as far as the input was.
    public let bytes: [UInt8]
    private let table: LineTable

    /// A text; its lines are found when first asked for.
    ///
    /// - Complexity: O(1); the first question about lines scans the text once, O(*n*).
    public init(_ bytes: [UInt8]) {
        self.bytes = bytes
        self.table = LineTable(nil)
    }

    /// The offset at which each line starts: 0, then the offset after every LF.
    public var lineStarts: [Int] { table.starts(of: bytes) }

    /// A text and its lines.
    ///
    /// - Complexity: O(*n*) in the length of the text.
    public init(_ text: String) {
        self.init(Array(text.utf8))
    }

    /// A text whose line starts a parser found while reading it.
    package init(bytes: [UInt8], lineStarts: [Int]) {
        self.bytes = bytes
        self.table = LineTable(lineStarts.isEmpty ? [0] : lineStarts)
    }

    /// The empty text.
    public static let empty = SourceText([])

    /// The number of bytes.
    public var count: Int { bytes.count }

    /// The number of lines: one more than the number of LFs.
    public var lineCount: Int { lineStarts.count }

    /// The text, with invalid UTF-8 repaired (U+FFFD).
    public var string: String { String(decoding: bytes, as: UTF8.self) }

    /// The 1-based number of the line that holds `offset` (clamped to the text).
    ///
    /// - Complexity: O(log *n*) in the number of lines.
    public func line(at offset: Int) -> Int { Self.line(at: offset, in: lineStarts) }

    /// The location of a byte range, clamped to the text; the line and column are those of its
    /// first byte.
    ///
    /// - Complexity: O(log *n*) in the number of lines.
    public func location(of range: Range<Int>) -> SourceLocation {
        let lower = min(max(0, range.lowerBound), bytes.count)
        let upper = min(max(lower, range.upperBound), bytes.count)
        let starts = lineStarts
        let line = Self.line(at: lower, in: starts)
        return SourceLocation(line: line, column: lower - starts[line - 1] + 1, bytes: lower..<upper)
    }

    /// The location of `length` bytes from `offset`.
    public func location(at offset: Int, length: Int = 0) -> SourceLocation {
        location(of: offset..<(offset + max(0, length)))
    }

    /// The byte range of a 1-based line, without its line ending; `nil` past the last line.
    ///
    /// - Complexity: O(1).
    public func range(ofLine line: Int) -> Range<Int>? {
        let lineStarts = lineStarts
        guard line >= 1, line <= lineStarts.count else { return nil }
        let start = lineStarts[line - 1]
        var end = line < lineStarts.count ? lineStarts[line] - 1 : bytes.count
        if end > start && bytes[end - 1] == 0x0D { end -= 1 }
        return start..<max(start, end)
    }

    /// The bytes of a 1-based line, without its line ending; empty past the last line.
    public func bytes(ofLine line: Int) -> ArraySlice<UInt8> {
        range(ofLine: line).map { bytes[$0] } ?? []
    }

    /// The location of a line, or of its part from `offset` bytes in and `length` bytes long
    /// (to the end of the line when `nil`); `nil` past the last line.
    public func location(ofLine line: Int, offset: Int = 0, length: Int? = nil) -> SourceLocation? {
        guard let range = range(ofLine: line) else { return nil }
        let start = min(range.lowerBound + max(0, offset), range.upperBound)
        let end = min(range.upperBound, length.map { start + max(0, $0) } ?? range.upperBound)
        return SourceLocation(line: line, column: start - range.lowerBound + 1, bytes: start..<end)
    }

    /// The byte offset of a 1-based line and a 1-based column that counts characters, not bytes
    /// (as libxml2 counts them); clamped to the line.
    ///
    /// - Complexity: O(*m*) in the length of the line.
    public func offset(line: Int, characterColumn: Int) -> Int {
        let lineStarts = lineStarts
        guard line >= 1, line <= lineStarts.count else { return bytes.count }
        var offset = lineStarts[line - 1]
        var remaining = max(0, characterColumn - 1)
        while remaining > 0 && offset < bytes.count && bytes[offset] != 0x0A {
            offset += 1
            // Continuation bytes belong to the character before them.
            while offset < bytes.count && bytes[offset] & 0xC0 == 0x80 { offset += 1 }
            remaining -= 1
        }
        return offset
    }

    // MARK: Texts inside texts

    /// A finding of a text that sits unchanged at `base` in this one (an SDP body in a SIP
    /// message), moved to this text's lines.
    public func relocate(_ diagnostic: Diagnostic, base: Int) -> Diagnostic {
        var moved = diagnostic
        let range = diagnostic.location.bytes
        moved.location = location(of: (base + max(0, range.lowerBound))..<(base + max(0, range.upperBound)))
        return moved
    }

    /// A finding of a text whose byte `i` was written at offset `offsets[i]` of this one (a
    /// JSON string with escapes), moved to this text's lines.
    public func relocate(_ diagnostic: Diagnostic, offsets: [Int]) -> Diagnostic {
        guard let last = offsets.last else { return diagnostic }
        var moved = diagnostic
        let range = diagnostic.location.bytes
        let lower = offsets.indices.contains(range.lowerBound) ? offsets[range.lowerBound] : last
        var upper = lower
        if range.upperBound > range.lowerBound {
            let end = range.upperBound - 1
            upper = offsets.indices.contains(end) ? offsets[end] + 1 : last
        }
        moved.location = location(of: lower..<max(lower, upper))
        return moved
    }

    // MARK: Equality

    /// Texts are equal when their bytes are; the line table follows from them.
    public static func == (lhs: SourceText, rhs: SourceText) -> Bool { lhs.bytes == rhs.bytes }

    public func hash(into hasher: inout Hasher) { hasher.combine(bytes) }

    /// The 1-based line holding `offset`, by binary search in `starts`.
    package static func line(at offset: Int, in starts: [Int]) -> Int {
        var low = 0
        var high = starts.count - 1
        while low < high {
            let middle = low + (high - low + 1) / 2
            if starts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        return low + 1
    }

    /// The offset after every LF, eight bytes at a time where no byte of the word is an LF.
    fileprivate static func scanLineStarts(_ bytes: [UInt8]) -> [Int] {
        var starts = [0]
        starts.reserveCapacity(bytes.count / 48 + 1)
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            let raw = UnsafeRawPointer(base)
            let count = buffer.count
            var index = 0
            while index + 8 <= count {
                // A byte equal to 0x0A becomes zero after the XOR; the classic has-zero-byte test.
                let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) ^ 0x0A0A_0A0A_0A0A_0A0A
                if (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080 == 0 {
                    index += 8
                    continue
                }
                for offset in index..<(index + 8) where base[offset] == 0x0A { starts.append(offset + 1) }
                index += 8
            }
            while index < count {
                if base[index] == 0x0A { starts.append(index + 1) }
                index += 1
            }
        }
        return starts
    }
}

/// The line starts of a text, found once and shared by its copies.
private final class LineTable: Sendable {
    private let known: Mutex<[Int]?>

    init(_ starts: [Int]?) { self.known = Mutex(starts) }

    func starts(of bytes: [UInt8]) -> [Int] {
        known.withLock { table in
            if let table { return table }
            let found = SourceText.scanLineStarts(bytes)
            table = found
            return found
        }
    }
}
