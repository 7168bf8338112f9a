/// Where something sits in the text a parser read.
///
/// Lines and columns are 1-based; a column counts UTF-8 bytes from the start of its line, so a
/// caret can be placed under the exact byte a finding is about. `bytes` is the 0-based byte range
/// in the whole input; it may be empty (a point between two bytes, e.g. "a field is missing here").
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The 1-based line number.
    public var line: Int
    /// The 1-based column of the first byte, counted in UTF-8 bytes.
    public var column: Int
    /// The 0-based byte range in the whole input.
    public var bytes: Range<Int>

    @inlinable
    public init(line: Int, column: Int, bytes: Range<Int>) {
        self.line = max(1, line)
        self.column = max(1, column)
        self.bytes = bytes
    }

    /// The 1-based column just past the last byte, on the same line.
    public var endColumn: Int { column + bytes.count }

    /// `line:column`, the form compilers print.
    public var description: String { "\(line):\(column)" }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.line, lhs.column, lhs.bytes.count) < (rhs.line, rhs.column, rhs.bytes.count)
    }
}
