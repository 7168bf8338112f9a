public import SDPLintDiagnostics
internal import SDPLintScanning

/// A parsed JSON text that remembers where every value came from.
///
/// Where ``JSONValue`` is the content, a document adds the byte range of each value and member
/// name, and the start of each line, so a finding about any value — however deep in a
/// multi-megabyte webrtc-internals dump — can point at its line and column:
///
/// ```swift
/// let dump = try JSONDocument(parsing: text)
/// let path: JSONPath = ["PeerConnections", "8-1", "updateLog", 3, "value"]
/// dump.location(of: path)     // 212:17, bytes 10873..<11512
/// dump.root["PeerConnections"]?["8-1"]?.location
/// ```
///
/// The document is the parse itself (12 bytes a value and member name, over the text, and 8 bytes
/// a line): values are made as they are read. A lookup by path costs one name lookup per
/// component, and a line number a binary search.
public struct JSONDocument: Sendable, Hashable {
    let tape: JSONTape

    init(tape: JSONTape) {
        self.tape = tape
    }

    /// The content.
    public var value: JSONValue { tape.value(at: 0) }

    /// The root value with its location, for walking the tree.
    public var root: JSONNode { JSONNode(value: value, path: .root, tape: tape, row: 0) }

    /// The node at `path`, following the first member for each name.
    ///
    /// - Complexity: O(d) lookups for a path of d components.
    public func node(at path: JSONPath) -> JSONNode? {
        var node = root
        for component in path.components {
            switch component {
            case .key(let key):
                guard let next = node[key] else { return nil }
                node = next
            case .index(let index):
                guard let next = node[index] else { return nil }
                node = next
            }
        }
        return node
    }

    /// Where the value at `path` is: the line and column of its first byte and its byte range.
    public func location(of path: JSONPath) -> SourceLocation? { node(at: path)?.location }

    /// Where the name of the member at `path` is, quotation marks included; `nil` for the root
    /// and array elements.
    public func keyLocation(of path: JSONPath) -> SourceLocation? { node(at: path)?.keyLocation }

    /// The line and column of any byte range of the text, such as a part of a string value.
    public func location(of bytes: Range<Int>) -> SourceLocation {
        // Every document has lines: only a bare value (JSONValue.parse) is read without them.
        (tape.lines ?? LineTable(starts: [0], baseLine: 1)).location(bytes)
    }

    /// Documents are equal when they hold the same text read the same way.
    public static func == (lhs: JSONDocument, rhs: JSONDocument) -> Bool { lhs.tape.isEquivalent(to: rhs.tape) }

    /// Cheap: the text's place and size, not its bytes.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(tape.origin)
        hasher.combine(tape.text.count)
        hasher.combine(tape.rows.count)
    }

    // MARK: Parsing

    /// Reads a JSON text and the location of each value, throwing when it has an error.
    ///
    /// RFC 8259 <https://www.rfc-editor.org/rfc/rfc8259>
    ///
    /// - Parameters:
    ///   - text: The JSON text.
    ///   - options: Limits and strictness.
    /// - Throws: `ParseError` with every finding and the document as far as it could be read
    ///   (`nil` after a fatal error) when at least one finding is an error.
    /// - Complexity: O(n) in the length of `text`.
    public init(parsing text: String, options: JSONParseOptions = .lenient) throws(ParseError<JSONDocument?>) {
        self = try JSONDocument.parse(text, options: options).unwrapped(missing: JSONParser.noValue)
    }

    /// Reads a JSON text from its bytes, throwing when it has an error.
    ///
    /// - Parameters:
    ///   - bytes: The JSON text, UTF-8 as far as it is valid.
    ///   - options: Limits and strictness.
    /// - Throws: `ParseError` with every finding and the document as far as it could be read.
    /// - Complexity: O(n) in the number of bytes.
    public init(parsing bytes: [UInt8], options: JSONParseOptions = .lenient) throws(ParseError<JSONDocument?>) {
        self = try JSONDocument.parse(bytes: bytes, options: options).unwrapped(missing: JSONParser.noValue)
    }

    /// Reads a JSON text and its locations leniently: the document, when a value could be read,
    /// and every finding. Never throws and never traps.
    ///
    /// - Parameters:
    ///   - text: The JSON text.
    ///   - options: Limits and strictness.
    /// - Returns: The document or `nil`, the findings in the order of the text, and the text.
    /// - Complexity: O(n) in the length of `text`.
    public static func parse(_ text: String, options: JSONParseOptions = .lenient) -> ParseResult<JSONDocument?> {
        parse(bytes: Array(text.utf8), options: options)
    }

    /// Reads a JSON text and its locations from its bytes leniently; see ``parse(_:options:)``.
    ///
    /// - Parameters:
    ///   - bytes: The JSON text, UTF-8 as far as it is valid.
    ///   - options: Limits and strictness.
    /// - Returns: The document or `nil`, the findings in the order of the text, and the text.
    /// - Complexity: O(n) in the number of bytes.
    public static func parse(bytes: [UInt8], options: JSONParseOptions = .lenient) -> ParseResult<JSONDocument?> {
        options.parseWhole(bytes) { span, collector in
            parse(span, 0..<span.count, options: options, sharing: bytes, into: &collector)
        }
    }

    /// Reads the JSON text at `range` of a larger input, with locations in that input: lines
    /// count from the collector's current `line`, which starts at its `lineStart`. `source`, when
    /// given, is the array `bytes` views, which the document then shares instead of copying it.
    ///
    /// - Complexity: O(n) in `range.count`.
    package static func parse(
        _ bytes: Span<UInt8>, _ range: Range<Int>, options: JSONParseOptions = .lenient, sharing source: [UInt8]? = nil,
        into diagnostics: inout DiagnosticCollector
    ) -> JSONDocument? {
        var parser = JSONParser(
            options: options, diagnostics: diagnostics, recordLocations: true,
            firstLineStart: min(diagnostics.lineStart, range.lowerBound))
        parser.source = source
        diagnostics = DiagnosticCollector()
        let clamped = max(0, range.lowerBound)..<min(bytes.count, max(range.upperBound, range.lowerBound))
        let tape = parser.parseText(bytes, clamped)
        diagnostics = parser.diagnostics
        return tape.map(JSONDocument.init(tape:))
    }
}
