internal import SDPLintDiagnostics

/// The start of every line of an input, for turning byte offsets into line and column.
///
/// Formats nest (an SDP inside a JSON string, a fragment inside an HTTP body), and each inner
/// parser reports positions in its own text; this moves them to the input the user gave.
struct TextIndex: Sendable {
    /// The byte offset at which each line starts; the first is 0.
    let lineStarts: [Int]
    let count: Int

    /// - Complexity: O(n) in the length of `bytes`.
    init(_ bytes: [UInt8]) {
        var starts = [0]
        for index in bytes.indices where bytes[index] == UInt8(ascii: "\n") {
            starts.append(index + 1)
        }
        lineStarts = starts
        count = bytes.count
    }

    /// The location of the absolute byte `range`.
    ///
    /// - Complexity: O(log n) in the number of lines.
    func location(_ range: Range<Int>) -> SourceLocation {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let middle = low + (high - low + 1) / 2
            if lineStarts[middle] <= range.lowerBound { low = middle } else { high = middle - 1 }
        }
        return SourceLocation(line: low + 1, column: range.lowerBound - lineStarts[low] + 1, bytes: range)
    }

    /// A finding of a text that sits contiguously at `base` in the input, moved there.
    func relocate(_ diagnostic: Diagnostic, base: Int) -> Diagnostic {
        var moved = diagnostic
        let bytes = diagnostic.location.bytes
        let lower = min(count, base + max(0, bytes.lowerBound))
        let upper = max(lower, min(count, base + max(0, bytes.upperBound)))
        moved.location = location(lower..<upper)
        return moved
    }

    /// A finding of a text whose byte `i` came from input offset `offsets[i]` (a JSON string
    /// written with escapes), moved there.
    func relocate(_ diagnostic: Diagnostic, offsets: [Int]) -> Diagnostic {
        guard let last = offsets.last else { return diagnostic }
        var moved = diagnostic
        let bytes = diagnostic.location.bytes
        let lower = offsets.indices.contains(bytes.lowerBound) ? offsets[bytes.lowerBound] : last
        var upper = lower
        if bytes.upperBound > bytes.lowerBound {
            let end = bytes.upperBound - 1
            upper = offsets.indices.contains(end) ? offsets[end] + 1 : last
        }
        moved.location = location(lower..<max(lower, upper))
        return moved
    }
}
