public import SDPLintDiagnostics
internal import SDPLintScanning

/// A parsed JSON text that remembers where every value came from.
///
/// Where ``JSONValue`` is the content, a document adds a table with the byte range of each value
/// and member name, and the start of each line, so a finding about any value — however deep in
/// a multi-megabyte webrtc-internals dump — can point at its line and column:
///
/// ```swift
/// let dump = try JSONDocument(parsing: text)
/// let path: JSONPath = ["PeerConnections", "8-1", "updateLog", 3, "value"]
/// dump.location(of: path)     // 212:17, bytes 10873..<11512
/// dump.root["PeerConnections"]?["8-1"]?.location
/// ```
///
/// The table costs 24 bytes a value and 8 a line, built in the same pass as the values; a
/// lookup by path costs one name lookup per component, and a line number a binary search.
public struct JSONDocument: Sendable, Hashable {
    /// The content.
    public let value: JSONValue
    let table: LocationTable

    init(value: JSONValue, table: LocationTable) {
        self.value = value
        self.table = table
    }

    /// The root value with its location, for walking the tree.
    public var root: JSONNode { JSONNode(value: value, path: .root, table: table, row: table.rootRow) }

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
    public func location(of bytes: Range<Int>) -> SourceLocation { table.location(bytes) }

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
        options.parseWhole(bytes) { span, collector in parse(span, 0..<span.count, options: options, into: &collector) }
    }

    /// Reads the JSON text at `range` of a larger input, with locations in that input: lines
    /// count from the collector's current `line`, which starts at its `lineStart`.
    ///
    /// - Complexity: O(n) in `range.count`.
    package static func parse(
        _ bytes: Span<UInt8>, _ range: Range<Int>, options: JSONParseOptions = .lenient,
        into diagnostics: inout DiagnosticCollector
    ) -> JSONDocument? {
        // Offsets are stored in 32 bits.
        guard range.upperBound < Int(UInt32.max) else {
            let location = SourceLocation(line: diagnostics.line, column: 1, bytes: range.lowerBound..<range.lowerBound)
            diagnostics.report(
                JSONRules.documentTooLarge, at: location,
                "the text ends \(range.upperBound) bytes into its input; document locations reach 4 GiB")
            return nil
        }
        var parser = JSONParser(
            options: options, diagnostics: diagnostics, recordLocations: true,
            firstLineStart: min(diagnostics.lineStart, range.lowerBound))
        diagnostics = DiagnosticCollector()
        let clamped = max(0, range.lowerBound)..<min(bytes.count, max(range.upperBound, range.lowerBound))
        let value = parser.parseText(bytes, clamped)
        diagnostics = parser.diagnostics
        guard let value, let rootNode = parser.pendingNodes.last else { return nil }
        parser.nodes.append(rootNode)
        let table = LocationTable(nodes: parser.nodes, lineStarts: parser.lineStarts, baseLine: parser.baseLine)
        return JSONDocument(value: value, table: table)
    }
}

/// The locations of a document's values, shared by the document and its nodes.
final class LocationTable: Sendable, Hashable {
    let nodes: [LocationNode]
    let lineStarts: [Int]
    let baseLine: Int

    init(nodes: [LocationNode], lineStarts: [Int], baseLine: Int) {
        self.nodes = nodes
        self.lineStarts = lineStarts
        self.baseLine = baseLine
    }

    /// The root is the last row: rows are written as their containers close.
    var rootRow: Int { nodes.count - 1 }

    func location(_ range: Range<Int>) -> SourceLocation {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= range.lowerBound { low = middle } else { high = middle - 1 }
        }
        return SourceLocation(line: baseLine + low, column: range.lowerBound - lineStarts[low] + 1, bytes: range)
    }

    func location(ofRow row: Int) -> SourceLocation {
        let node = nodes[row]
        return location(Int(node.start)..<Int(node.end))
    }

    func keyLocation(ofRow row: Int) -> SourceLocation? {
        let node = nodes[row]
        guard node.keyStart != LocationNode.noKey.start else { return nil }
        return location(Int(node.keyStart)..<Int(node.keyEnd))
    }

    static func == (lhs: LocationTable, rhs: LocationTable) -> Bool {
        lhs === rhs || (lhs.baseLine == rhs.baseLine && lhs.lineStarts == rhs.lineStarts && lhs.nodes == rhs.nodes)
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(baseLine)
        hasher.combine(nodes.count)
    }
}
