public import SDPLintDiagnostics

/// Bounds on what one XML parse may cost, so that hostile input is refused quickly.
///
/// The parser never loads a DTD, never substitutes entities and never touches the network; on
/// top of that it refuses any document type declaration (the carrier of XXE and entity-expansion
/// attacks) and applies these limits of its own. libxml2's own "huge input" switch stays off.
public struct XMLParseOptions: Sendable, Hashable {
    /// The largest input accepted, in bytes.
    public var maxBytes: Int
    /// The deepest element nesting accepted; the root element is depth 1. A Jingle stanza
    /// nests about seven deep. libxml2 itself stops at 256 whatever this says.
    public var maxDepth: Int
    /// The most elements read.
    public var maxElements: Int
    /// The most findings reported; one more says how many were left out.
    public var maxDiagnostics: Int
    /// In strict mode every rule is reported at its strict severity.
    public var strict: Bool

    public init(
        maxBytes: Int = 1 << 20, maxDepth: Int = 32, maxElements: Int = 50_000, maxDiagnostics: Int = 200,
        strict: Bool = false
    ) {
        self.maxBytes = maxBytes
        self.maxDepth = maxDepth
        self.maxElements = maxElements
        self.maxDiagnostics = maxDiagnostics
        self.strict = strict
    }
}

/// An XML element read from text, with every finding.
public struct XMLParseResult: Sendable, Hashable {
    /// The root element, or `nil` when the input is not well-formed or was refused.
    public var root: XMLTreeElement?
    public var diagnostics: [Diagnostic]

    public var hasErrors: Bool { diagnostics.containsErrors }
}

extension XMLTreeElement {
    /// Parses an XML document held in memory and returns its root element.
    ///
    /// The input must be UTF-8 (RFC 6120 §11.6). Malformed XML, a DTD, an input over the limits
    /// or invalid UTF-8 gives a `nil` root and a diagnostic with the line and column (counted
    /// in UTF-8 bytes) where the problem is; the parser never traps.
    ///
    /// - Complexity: O(*n*) in the size of the input.
    public static func parse(_ text: String, options: XMLParseOptions = XMLParseOptions()) -> XMLParseResult {
        parse(bytes: Array(text.utf8), options: options)
    }

    /// Parses XML bytes; see ``parse(_:options:)``.
    public static func parse(bytes: [UInt8], options: XMLParseOptions = XMLParseOptions()) -> XMLParseResult {
        LibXMLReader.parse(bytes, options: options)
    }
}

/// Maps byte offsets to 1-based lines and byte columns, and libxml2's character columns to bytes.
struct LineIndex {
    let bytes: [UInt8]
    /// The offset at which each line starts; `starts[0] == 0`.
    let starts: [Int]

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        var starts = [0]
        for (index, byte) in bytes.enumerated() where byte == 0x0A {
            starts.append(index + 1)
        }
        self.starts = starts
    }

    /// The location of the byte range starting at `offset` (clamped to the input).
    func location(offset: Int, length: Int = 0) -> SourceLocation {
        let offset = min(max(0, offset), bytes.count)
        // The last line start not after offset.
        var low = 0
        var high = starts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if starts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        let end = min(bytes.count, offset + max(0, length))
        return SourceLocation(line: low + 1, column: offset - starts[low] + 1, bytes: offset..<end)
    }

    /// The byte offset of libxml2's `line` and `column`, where the column counts characters.
    func offset(line: Int, characterColumn: Int) -> Int {
        guard line >= 1, line <= starts.count else { return bytes.count }
        var offset = starts[line - 1]
        var remaining = max(0, characterColumn - 1)
        while remaining > 0 && offset < bytes.count && bytes[offset] != 0x0A {
            offset += 1
            // Skip continuation bytes: one character, one step.
            while offset < bytes.count && bytes[offset] & 0xC0 == 0x80 { offset += 1 }
            remaining -= 1
        }
        return offset
    }
}
