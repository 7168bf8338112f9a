public import SDPLintDiagnostics

extension SourceText {
    /// Where an element of a parsed description was read: its whole line, or with `valueOnly`
    /// what follows `x=` (for an `a=` line with a value, what follows the first colon); `nil`
    /// for an element built in code.
    public func location(of line: SourceLine, valueOnly: Bool = false) -> SourceLocation? {
        guard let number = line.number, let range = range(ofLine: number) else { return nil }
        guard valueOnly, range.count >= 2 else { return location(of: range) }
        var start = range.lowerBound + 2
        if bytes[range.lowerBound] == UInt8(ascii: "a") {
            while start < range.upperBound && bytes[start] != UInt8(ascii: ":") { start += 1 }
            start = min(start + 1, range.upperBound)
        }
        return location(of: start..<range.upperBound)
    }

    /// Where a media section is for a finding about the section as a whole: its `m=` line; the
    /// first line of the text for the session level (`section == nil`) or a section built in code.
    public func location(ofSection section: Int?, in description: SessionDescription) -> SourceLocation {
        if let section, description.media.indices.contains(section),
            let location = location(of: description.media[section].sourceLine)
        {
            return location
        }
        return location(ofLine: 1, length: 0) ?? SourceLocation(line: 1, column: 1, bytes: 0..<0)
    }
}

extension ParseResult where Value == SessionDescription {
    /// Where a media section is (its `m=` line), or the first line for the session level.
    public func location(ofSection section: Int?) -> SourceLocation {
        source.location(ofSection: section, in: value)
    }

    /// Where attribute `index` of a section (of the session when `section` is `nil`) was read;
    /// the section's location when there is no such attribute or it was built in code.
    public func location(ofAttribute index: Int?, inSection section: Int?) -> SourceLocation {
        let attributes =
            section.map { value.media.indices.contains($0) ? value.media[$0].attributes : [] } ?? value.attributes
        if let index, attributes.indices.contains(index),
            let location = source.location(of: attributes[index].sourceLine)
        {
            return location
        }
        return location(ofSection: section)
    }
}
