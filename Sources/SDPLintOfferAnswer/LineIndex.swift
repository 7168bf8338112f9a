import SDPLintDiagnostics

/// Where each line of a description's text is, so that a finding made on the model can point at
/// the line it is about.
///
/// The SDP model stores no positions; this index is built from the original text by the same
/// rule the parser uses to split it (lines end at LF, an optional CR before it is not part of
/// the line, an `m=` line starts a media section). Looking up "the `a=setup` line of section 2"
/// then costs a scan of that section's lines.
struct LineIndex: Sendable {
    struct Line: Sendable {
        /// 1-based.
        var number: Int
        /// The bytes of the line in the whole text, without its line ending.
        var bytes: Range<Int>
        /// The type letter (`a`, `m`, …), or 0 for a line without `=` in second place.
        var type: UInt8
        /// For `a=` lines: the attribute name, and the value after the first colon with its
        /// byte offset in the text.
        var name: String?
        var value: String?
        var valueStart: Int
    }

    private(set) var lines: [Line] = []
    /// Index into `lines` of each `m=` line, in order.
    private(set) var sectionStarts: [Int] = []

    init(_ text: String) {
        let bytes = Array(text.utf8)
        var start = 0
        var number = 1
        while start <= bytes.count {
            var end = start
            while end < bytes.count && bytes[end] != 0x0A { end += 1 }
            if start == bytes.count && end == start { break }
            var contentEnd = end
            if contentEnd > start && bytes[contentEnd - 1] == 0x0D { contentEnd -= 1 }
            var line = Line(
                number: number, bytes: start..<contentEnd, type: 0, name: nil, value: nil, valueStart: start)
            if contentEnd - start >= 2 && bytes[start + 1] == UInt8(ascii: "=") {
                line.type = bytes[start]
                if line.type == UInt8(ascii: "a") {
                    var colon = start + 2
                    while colon < contentEnd && bytes[colon] != UInt8(ascii: ":") { colon += 1 }
                    line.name = String(decoding: bytes[(start + 2)..<colon], as: UTF8.self)
                    if colon < contentEnd {
                        line.value = String(decoding: bytes[(colon + 1)..<contentEnd], as: UTF8.self)
                        line.valueStart = colon + 1
                    } else {
                        line.valueStart = contentEnd
                    }
                } else {
                    line.value = String(decoding: bytes[(start + 2)..<contentEnd], as: UTF8.self)
                    line.valueStart = start + 2
                }
            }
            if line.type == UInt8(ascii: "m") { sectionStarts.append(lines.count) }
            lines.append(line)
            number += 1
            start = end + 1
        }
    }

    /// The line indices of a section (`nil` = session level, before the first `m=`).
    private func range(of section: Int?) -> Range<Int> {
        guard let section else { return 0..<(sectionStarts.first ?? lines.count) }
        guard section >= 0 && section < sectionStarts.count else { return 0..<0 }
        let end = section + 1 < sectionStarts.count ? sectionStarts[section + 1] : lines.count
        return sectionStarts[section]..<end
    }

    private func location(_ line: Line, valueOnly: Bool) -> SourceLocation {
        let start = valueOnly ? line.valueStart : line.bytes.lowerBound
        return SourceLocation(
            line: line.number, column: start - line.bytes.lowerBound + 1, bytes: start..<line.bytes.upperBound)
    }

    /// The first line of the text (or an empty point when there is none).
    var first: SourceLocation {
        lines.first.map { location($0, valueOnly: false) } ?? SourceLocation(line: 1, column: 1, bytes: 0..<0)
    }

    /// The `o=` line.
    var origin: SourceLocation? {
        lines[range(of: nil)].first { $0.type == UInt8(ascii: "o") }.map { location($0, valueOnly: true) }
    }

    /// The `m=` line of a section.
    func mediaLine(_ section: Int) -> SourceLocation? {
        guard section >= 0 && section < sectionStarts.count else { return nil }
        return location(lines[sectionStarts[section]], valueOnly: true)
    }

    /// One format (payload type) of a section's `m=` line.
    func format(_ section: Int, _ format: String) -> SourceLocation? {
        guard section >= 0 && section < sectionStarts.count else { return nil }
        let line = lines[sectionStarts[section]]
        guard let value = line.value else { return nil }
        // m=<media> <port> <proto> <fmt> …: formats are the fields after the third.
        var offset = line.valueStart
        var field = 0
        for part in value.split(separator: " ", omittingEmptySubsequences: false) {
            if field >= 3 && part == format {
                let bytes = offset..<(offset + part.utf8.count)
                return SourceLocation(line: line.number, column: offset - line.bytes.lowerBound + 1, bytes: bytes)
            }
            offset += part.utf8.count + 1
            field += 1
        }
        return nil
    }

    /// The first `a=` line named `name` in a section (or at session level) whose value passes
    /// `matching`; the location covers the value.
    func attribute(_ name: String, in section: Int?, matching: ((String) -> Bool)? = nil) -> SourceLocation? {
        for index in range(of: section) {
            let line = lines[index]
            guard line.type == UInt8(ascii: "a"), line.name == name else { continue }
            if let matching, !matching(line.value ?? "") { continue }
            return location(line, valueOnly: line.value != nil)
        }
        return nil
    }

    /// The `a=` line of an attribute whose value starts with `prefix` followed by a space, a
    /// colon or the end (`rtpmap:96 …` for payload type 96).
    func attribute(_ name: String, in section: Int?, keyed key: String) -> SourceLocation? {
        attribute(name, in: section) { value in
            guard value.hasPrefix(key) else { return false }
            let rest = value.dropFirst(key.count)
            return rest.isEmpty || rest.first == " " || rest.first == "/"
        }
    }
}

/// What a finding is about, resolved to a line of one description's text.
///
/// Each case falls back to something less precise when the text has no such line (the value
/// may be inherited from the session level, or the description was built in code): an
/// attribute to its section's `m=` line, a section to the first line.
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
    /// win, then session-level lines with the same name.
    case attribute(String, section: Int?, matching: (@Sendable (String) -> Bool)? = nil)
    /// The attribute line of a section keyed by a payload type or id (`a=rtpmap:96 …`).
    case keyed(String, section: Int, key: String)
}

extension LineIndex {
    func locate(_ anchor: Anchor) -> SourceLocation {
        switch anchor {
        case .document:
            return first
        case .origin:
            return origin ?? first
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
}
