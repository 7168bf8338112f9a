public import SDPLintDiagnostics

/// Where each line of a parsed description stood in its source, so that checks made on the
/// model (by the linter, the offer/answer engine, …) can point at the exact line.
///
/// The map follows the model's order: media section *k* is the *k*-th m= line, and attribute
/// *j* of a section is the *j*-th a= line of that section in the input (attributes keep input
/// order even when the parser moved them to their RFC 8866 place).
public struct SourceMap: Sendable, Hashable {
    /// One line: its 1-based number and the byte range of its text (without line ending).
    public struct Line: Sendable, Hashable {
        public var number: Int
        public var bytes: Range<Int>
        public var start: Int { bytes.lowerBound }
    }

    /// The session level's a= lines.
    public private(set) var sessionAttributes: [Line] = []
    /// Each media section's m= line.
    public private(set) var mediaLines: [Line] = []
    /// Each media section's a= lines.
    public private(set) var mediaAttributes: [[Line]] = []
    /// Every line of the input, in order.
    public private(set) var lines: [Line] = []

    /// Maps `text`, which should be what the description was parsed from.
    ///
    /// - Complexity: O(*n*) in the length of the text.
    public init(_ text: [UInt8]) {
        let slice = text[...]
        let bytes = slice.span
        var start = 0
        var number = 1
        while start <= bytes.count {
            var end = start
            while end < bytes.count && bytes[end] != 0x0A { end += 1 }
            if end == bytes.count && end == start { break }
            var contentEnd = end
            if contentEnd > start && bytes[contentEnd - 1] == 0x0D { contentEnd -= 1 }
            let line = Line(number: number, bytes: start..<contentEnd)
            lines.append(line)
            if contentEnd - start >= 2 && bytes[start + 1] == UInt8(ascii: "=") {
                switch bytes[start] {
                case UInt8(ascii: "m"):
                    mediaLines.append(line)
                    mediaAttributes.append([])
                case UInt8(ascii: "a"):
                    if mediaAttributes.isEmpty {
                        sessionAttributes.append(line)
                    } else {
                        mediaAttributes[mediaAttributes.count - 1].append(line)
                    }
                default:
                    break
                }
            }
            start = end + 1
            number += 1
        }
    }

    public init(_ text: String) { self.init(Array(text.utf8)) }

    /// The line of attribute `index` at the session level (`section == nil`) or of a media section.
    public func attribute(_ index: Int, inMedia section: Int?) -> Line? {
        guard let section else { return sessionAttributes.indices.contains(index) ? sessionAttributes[index] : nil }
        guard mediaAttributes.indices.contains(section), mediaAttributes[section].indices.contains(index) else {
            return nil
        }
        return mediaAttributes[section][index]
    }

    /// The m= line of a media section.
    public func media(_ section: Int) -> Line? { mediaLines.indices.contains(section) ? mediaLines[section] : nil }

    /// A location covering a whole line, or its part from `offset` bytes in and `length` long.
    public func location(of line: Line, offset: Int = 0, length: Int? = nil) -> SourceLocation {
        let start = min(line.bytes.lowerBound + max(0, offset), line.bytes.upperBound)
        let end = min(line.bytes.upperBound, length.map { start + max(0, $0) } ?? line.bytes.upperBound)
        return SourceLocation(line: line.number, column: start - line.bytes.lowerBound + 1, bytes: start..<end)
    }

    /// The location of an attribute's value (after the colon), or of the whole line without one.
    public func valueLocation(ofAttribute index: Int, inMedia section: Int?, in text: [UInt8]) -> SourceLocation? {
        guard let line = attribute(index, inMedia: section) else { return nil }
        if let colon = text[line.bytes].firstIndex(of: UInt8(ascii: ":")) {
            return location(of: line, offset: colon + 1 - line.bytes.lowerBound)
        }
        return location(of: line)
    }

    /// The location for a section as a whole: its m= line, or line 1 for the session.
    public func sectionLocation(_ section: Int?) -> SourceLocation {
        if let section, let line = media(section) { return location(of: line) }
        if let first = lines.first { return location(of: first, length: 0) }
        return SourceLocation(line: 1, column: 1, bytes: 0..<0)
    }
}
