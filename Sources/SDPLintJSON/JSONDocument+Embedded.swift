public import SDPLintDiagnostics
internal import SDPLintScanning

extension JSONNode {
    /// Where each UTF-8 byte of this string value came from in `source`: one offset per byte of
    /// the decoded text, then the offset of the closing quotation mark. A byte written as an
    /// escape (`\n`, `\u00e9`) maps to its backslash.
    ///
    /// Use it to point a finding about part of a string — a line of an SDP carried in an
    /// envelope — at the place in the JSON text.
    ///
    /// - Parameter source: The text the node's document was parsed from.
    /// - Returns: The offsets, or `nil` when this is not a string of a document parsed from
    ///   `source`.
    /// - Complexity: O(n) in the length of the string as written.
    public func sourceOffsets(in source: Span<UInt8>) -> [Int]? {
        guard case .string(let text) = value, let range = location?.bytes,
            range.count >= 2, range.upperBound <= source.count,
            source[range.lowerBound] == ASCII.quote, source[range.upperBound - 1] == ASCII.quote
        else { return nil }
        var offsets: [Int] = []
        offsets.reserveCapacity(text.utf8.count + 1)
        var i = range.lowerBound + 1
        let end = range.upperBound - 1
        // Mirrors the parser's decoding (JSONParser.readString), byte for byte.
        while i < end {
            let byte = source[i]
            if byte == ASCII.backslash, i + 1 < end {
                let kind = source[i + 1]
                switch kind {
                case ASCII.quote, ASCII.backslash, ASCII.slash, UInt8(ascii: "b"), UInt8(ascii: "f"),
                    UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                    offsets.append(i)
                    i += 2
                case UInt8(ascii: "u"):
                    guard let unit = JSONParser.hex4(source, i + 2, end) else {
                        var digits = i + 2
                        while digits < end && digits < i + 6 && source[digits].isHexDigit { digits += 1 }
                        offsets += repeatElement(i, count: 3)
                        i = digits
                        continue
                    }
                    var width: Int
                    var length = 6
                    switch unit {
                    case 0..<0x80: width = 1
                    case 0x80..<0x800: width = 2
                    case 0xD800...0xDBFF:
                        width = 3
                        if i + 7 < end, source[i + 6] == ASCII.backslash, source[i + 7] == UInt8(ascii: "u"),
                            let low = JSONParser.hex4(source, i + 8, end), (0xDC00...0xDFFF).contains(low)
                        {
                            width = 4
                            length = 12
                        }
                    default: width = 3
                    }
                    offsets += repeatElement(i, count: width)
                    i += length
                default:
                    offsets += repeatElement(i, count: 3)
                    i += kind >= 0x20 && kind < 0x80 ? 2 : 1
                }
            } else if byte < 0x80 {
                offsets.append(i)
                i += 1
            } else {
                let length = Bytes.utf8SequenceLength(source, i, end)
                if length > 0 {
                    for k in 0..<length { offsets.append(i + k) }
                    i += length
                } else {
                    offsets += repeatElement(i, count: 3)
                    i += Bytes.utf8MaximalSubpart(source, i, end)
                }
            }
        }
        offsets.append(end)
        return offsets.count == text.utf8.count + 1 ? offsets : nil
    }

    /// Where each UTF-8 byte of this string value came from in `source`.
    public func sourceOffsets(in source: [UInt8]) -> [Int]? { source.withSpan { sourceOffsets(in: $0) } }
}

extension JSONDocument {
    /// Reads the JSON text held in a string value of this document — as webrtc-internals holds
    /// each session description, candidate and configuration — with every location in this
    /// document's text.
    ///
    /// The embedded document's ``JSONDocument/location(of:)-(JSONPath)`` and the findings'
    /// locations point into the enclosing text (a value written with escapes spans its escaped
    /// form), and each finding's message starts with the path of the string in this document.
    ///
    /// ```swift
    /// let dump = try JSONDocument(parsing: bytes)
    /// let event = dump.root["PeerConnections"]?["8-1"]?["updateLog"]?[40]?["value"]
    /// let description = dump.parseEmbedded(event!, source: bytes)
    /// description.value?.location(of: ["sdp"])  // 2723:35 in the dump
    /// ```
    ///
    /// - Parameters:
    ///   - node: A string node of this document.
    ///   - source: The text this document was parsed from.
    ///   - options: Limits and strictness for the embedded text.
    /// - Returns: The embedded document, or `nil` when it could not be read, its findings, and
    ///   `source`, which the locations of both point into. A node that is not a string of this
    ///   document gives a `JSON210` finding.
    /// - Complexity: O(n) in the length of the string.
    public func parseEmbedded(
        _ node: JSONNode, source: [UInt8], options: JSONParseOptions = .lenient
    ) -> ParseResult<JSONDocument?> {
        let (document, diagnostics) = source.withSpan { parseEmbedded(node, source: $0, options: options) }
        return ParseResult(value: document, diagnostics: diagnostics, source: SourceText(source))
    }

    /// Reads the JSON text held in a string value of this document, with locations in `source`:
    /// the document, or `nil`, and the findings.
    func parseEmbedded(
        _ node: JSONNode, source: Span<UInt8>, options: JSONParseOptions
    ) -> (document: JSONDocument?, diagnostics: [Diagnostic]) {
        guard node.tape === tape, let lines = tape.lines, case .string(let text) = node.value,
            let offsets = node.sourceOffsets(in: source)
        else {
            let error = JSONAccessError.mismatch(node, expected: "string holding JSON text of this document")
            return (nil, [error.diagnostic])
        }
        let prefix = "in the JSON text at \(node.path): "
        return text.withUTF8Span { bytes in
            var parser = JSONParser(
                options: options,
                diagnostics: DiagnosticCollector(strict: options.strict, limit: options.maxDiagnostics),
                recordLocations: true, firstLineStart: 0)
            parser.enclosing = (offsets, lines)
            let embedded = parser.parseText(bytes, 0..<bytes.count)
            let diagnostics = parser.diagnostics.finish(overflowRule: JSONRules.tooManyFindings).map { diagnostic in
                var located = diagnostic
                if !located.message.isEmpty && located.code != JSONRules.tooManyFindings.code {
                    located.message = prefix + located.message
                }
                return located
            }
            return (embedded.map(JSONDocument.init(tape:)), diagnostics)
        }
    }
}
