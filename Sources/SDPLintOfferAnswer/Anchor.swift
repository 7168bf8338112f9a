import SDPLintDiagnostics
import SDPLintSDP

/// What a finding is about, found in the description's model and placed at the line the
/// element was read from (`SourceLine`): no text is scanned to find it.
///
/// Each case falls back to something less precise when the element is not there (the value may
/// be inherited from the session level, or the description was built in code): an attribute to
/// its section's `m=` line, a section to the first line.
enum Anchor {
    /// The first line.
    case document
    /// The `o=` line.
    case origin
    /// The `m=` line of a section.
    case media(Int)
    /// A payload type in the `m=` line of a section.
    case format(Int, String)
    /// An attribute of a section, or of the session when `section` is `nil`; media-level lines
    /// win, then session-level lines with the same name. `matching` sees the value as written.
    case attribute(Attribute.Name, section: Int?, matching: (@Sendable (String) -> Bool)? = nil)
    /// The attribute line of a section keyed by a payload type or id (`a=rtpmap:96 …`).
    case keyed(Attribute.Name, section: Int, key: String)
}

extension Document {
    /// Where an anchor is.
    func locate(_ anchor: Anchor) -> SourceLocation {
        switch anchor {
        case .document:
            return first
        case .origin:
            return location(of: session.origin.sourceLine, valueOnly: true) ?? first
        case .media(let section):
            return mediaLine(section) ?? first
        case .format(let section, let format):
            return self.format(section, format) ?? mediaLine(section) ?? first
        case .attribute(let name, let section, let matching):
            if let found = attribute(name, in: section, matching: matching) { return found }
            if section != nil, let found = attribute(name, in: nil, matching: matching) { return found }
            if let section { return mediaLine(section) ?? first }
            return first
        case .keyed(let name, let section, let key):
            return attribute(name, in: section, keyed: key) ?? mediaLine(section) ?? first
        }
    }

    /// The first line of the text (or an empty point when there is none).
    var first: SourceLocation {
        source.text.location(ofLine: 1, length: source.text.range(ofLine: 1)?.count)
            ?? SourceLocation(line: 1, column: 1, bytes: 0..<0)
    }

    /// The `m=` line of a section, from its value on.
    func mediaLine(_ section: Int) -> SourceLocation? {
        guard media.indices.contains(section) else { return nil }
        return location(of: media[section].sourceLine, valueOnly: true)
    }

    /// One format (payload type) of a section's `m=` line.
    func format(_ section: Int, _ format: String) -> SourceLocation? {
        guard media.indices.contains(section), let line = media[section].sourceLine.number,
            let range = source.text.range(ofLine: line)
        else { return nil }
        // m=<media> <port> <proto> <fmt> …: formats are the fields after the third.
        let bytes = source.text.bytes
        let wanted = Array(format.utf8)
        var start = range.lowerBound + 2
        var field = 0
        while start <= range.upperBound {
            var end = start
            while end < range.upperBound && bytes[end] != UInt8(ascii: " ") { end += 1 }
            if field >= 3 && bytes[start..<end].elementsEqual(wanted) {
                return source.text.location(of: start..<end)
            }
            field += 1
            start = end + 1
        }
        return nil
    }

    /// The first attribute named `name` of a section (or of the session) whose value passes
    /// `matching`; the location covers the value.
    func attribute(
        _ name: Attribute.Name, in section: Int?, matching: ((String) -> Bool)? = nil
    ) -> SourceLocation? {
        let attributes = section.map { media.indices.contains($0) ? media[$0].attributes : [] } ?? session.attributes
        for attribute in attributes where attribute.name == name {
            if let matching, !matching(attribute.value ?? "") { continue }
            return location(of: attribute.sourceLine, valueOnly: attribute.value != nil)
        }
        return nil
    }

    /// The attribute whose value starts with `key` followed by a space, a slash or the end
    /// (`rtpmap:96 …` for payload type 96).
    func attribute(_ name: Attribute.Name, in section: Int?, keyed key: String) -> SourceLocation? {
        attribute(name, in: section) { value in
            guard value.hasPrefix(key) else { return false }
            let rest = value.dropFirst(key.count)
            return rest.isEmpty || rest.first == " " || rest.first == "/"
        }
    }

    private func location(of line: SourceLine, valueOnly: Bool) -> SourceLocation? {
        source.text.location(of: line, valueOnly: valueOnly)
    }
}
