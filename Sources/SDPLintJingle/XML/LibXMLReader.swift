internal import CSDPLintXML
import SDPLintDiagnostics
internal import SDPLintScanning

/// Why libxml2 could not be opened, or `nil` once it is open and initialised. libxml2 is opened
/// when XML is first read, not with the binary (see sdplint_xml.c), and must be initialised
/// once before threads use it (`xmlInitParser`); a global `let` is initialised exactly once,
/// lazily and thread-safely.
let libxml2Failure: String? = sdplint_xml_initialize().map { String(cString: $0) }

/// The one place that owns what libxml2 allocates for a parse (through the C interface in
/// `CSDPLintXML`, which alone sees libxml2's headers). Freed in `deinit`; no C pointer leaves
/// the methods of this class: callers get Swift values (``XMLTreeElement``, `Diagnostic`) only.
final class LibXMLDocument {
    /// The `sdplint_xml_parse`.
    fileprivate let parse: OpaquePointer
    /// Where the bytes given to libxml2 start (after a byte order mark).
    let offset: Int

    /// Parses the bytes after `offset` from memory with the network off, no DTD loading and no
    /// entity substitution, ignoring any encoding declaration (the caller has checked the bytes
    /// are UTF-8), and refusing a document type declaration and anything past the limits.
    /// `nil` when memory runs out or libxml2 could not be opened.
    init?(bytes: [UInt8], offset: Int, options: XMLParseOptions, url: String? = nil) {
        guard libxml2Failure == nil else { return nil }
        let parse = bytes.withUnsafeBufferPointer { buffer -> OpaquePointer? in
            let body = UnsafeBufferPointer(rebasing: buffer[min(offset, buffer.count)...])
            let maxDepth = max(0, options.maxDepth)
            let maxElements = max(0, options.maxElements)
            guard let url else {
                return sdplint_xml_parse_memory(body.baseAddress, body.count, nil, maxDepth, maxElements)
            }
            return url.withCString { sdplint_xml_parse_memory(body.baseAddress, body.count, $0, maxDepth, maxElements) }
        }
        guard let parse else { return nil }
        self.parse = parse
        self.offset = offset
    }

    deinit {
        sdplint_xml_parse_free(parse)
    }

    /// Whether libxml2 built a document.
    var isWellFormed: Bool { sdplint_xml_parse_root(parse) != nil }

    /// Why one of our own checks stopped the parse, with absolute offsets.
    var stop: StopReason? {
        var stopOffset = 0
        var depth = 0
        let reason = sdplint_xml_parse_stop(parse, &stopOffset, &depth)
        let at = offset + stopOffset
        switch reason {
        case SDPLINT_XML_STOP_DOCTYPE: return .documentType(offset: at)
        case SDPLINT_XML_STOP_TOO_DEEP: return .tooDeep(offset: at, depth: depth)
        case SDPLINT_XML_STOP_TOO_MANY_ELEMENTS: return .tooManyElements(offset: at)
        case SDPLINT_XML_STOP_NO_MEMORY: return .outOfMemory(offset: at)
        default: return nil
        }
    }

    /// The errors libxml2 reported, in order.
    var errors: [LibXMLError] { LibXMLError.all(in: sdplint_xml_parse_errors(parse)) }

    /// The comments and processing instructions skipped, with their absolute offsets.
    var skipped: [(offset: Int, what: String)] {
        (0..<sdplint_xml_parse_skipped_count(parse)).map { index in
            var isComment: Int32 = 0
            let at = sdplint_xml_parse_skipped(parse, index, &isComment)
            return (offset + at, isComment != 0 ? "a comment" : "a processing instruction")
        }
    }

    /// The root element as a Swift tree, with each element's start-tag location.
    func rootElement(lines: SourceText) -> XMLTreeElement? {
        guard let root = sdplint_xml_parse_root(parse) else { return nil }
        return convert(root, lines: lines)
    }

    /// Compiles the schema this document holds; the document must outlive the schema.
    func compileSchema(errors: OpaquePointer) -> OpaquePointer? {
        sdplint_xml_schema_compile(parse, errors)
    }

    /// Frees a schema made by ``compileSchema(errors:)``.
    static func free(schema: OpaquePointer) {
        sdplint_xml_schema_free(schema)
    }

    /// Validates this document against a compiled schema: 0 when valid.
    func validate(against schema: OpaquePointer, errors: OpaquePointer) -> Int32 {
        sdplint_xml_schema_validate(schema, parse, errors)
    }

    /// A namespace name as the Namespaces in XML recommendation defines it: the declaring
    /// attribute's value with its references decoded. With entity substitution off, libxml2
    /// leaves a reference in a namespace declaration as a character reference (`&amp;` comes
    /// out as `&#38;`), which the writer would escape again.
    private func namespaceName(_ href: UnsafePointer<CChar>) -> String {
        let text = String(cString: href)
        return text.contains("&") ? Self.decodingReferences(text) : text
    }

    /// `text` with its character references (XML 1.0 §4.1) and the five predefined entity
    /// references (§4.6) replaced by what they stand for; anything else is kept as written.
    static func decodingReferences(_ text: String) -> String {
        var result = ""
        var rest = Substring(text)
        while let ampersand = rest.firstIndex(of: "&") {
            result += rest[..<ampersand]
            let afterAmpersand = rest.index(after: ampersand)
            guard let semicolon = rest[afterAmpersand...].firstIndex(of: ";") else { break }
            let reference = rest[afterAmpersand..<semicolon]
            let replacement: String? =
                switch reference {
                case "amp": "&"
                case "lt": "<"
                case "gt": ">"
                case "quot": "\""
                case "apos": "'"
                default:
                    if reference.hasPrefix("#x") {
                        UInt32(reference.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map {
                            String(Character($0))
                        }
                    } else if reference.hasPrefix("#") {
                        UInt32(reference.dropFirst(), radix: 10).flatMap(Unicode.Scalar.init).map {
                            String(Character($0))
                        }
                    } else {
                        nil
                    }
                }
            if let replacement {
                result += replacement
                rest = rest[rest.index(after: semicolon)...]
            } else {
                result += "&"
                rest = rest[afterAmpersand...]
            }
        }
        return result + rest
    }

    private func convert(_ node: OpaquePointer, lines: SourceText) -> XMLTreeElement {
        let name = XMLName(
            String(cString: sdplint_xml_node_name(node)), namespace: sdplint_xml_node_namespace(node).map(namespaceName)
        )
        var attributes: [XMLAttribute] = []
        var property = sdplint_xml_node_first_attribute(node)
        while let attribute = property {
            var value = ""
            var child = sdplint_xml_attribute_first_child(attribute)
            while let text = child {
                if let content = sdplint_xml_node_content(text) { value += String(cString: content) }
                child = sdplint_xml_node_next(text)
            }
            let attributeName = XMLName(
                String(cString: sdplint_xml_attribute_name(attribute)),
                namespace: sdplint_xml_attribute_namespace(attribute).map(namespaceName))
            attributes.append(XMLAttribute(attributeName, value))
            property = sdplint_xml_attribute_next(attribute)
        }
        var children: [XMLTreeNode] = []
        var hasElements = false
        var child = sdplint_xml_node_first_child(node)
        while let current = child {
            switch sdplint_xml_node_kind_of(current) {
            case SDPLINT_XML_NODE_ELEMENT:
                hasElements = true
                children.append(.element(convert(current, lines: lines)))
            case SDPLINT_XML_NODE_TEXT:
                if let content = sdplint_xml_node_content(current) { children.append(.text(String(cString: content))) }
            default:
                break
            }
            child = sdplint_xml_node_next(current)
        }
        if hasElements {
            // White space between child elements is formatting, not content (Jingle has no
            // mixed content).
            children.removeAll {
                if case .text(let text) = $0 {
                    return text.utf8.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
                }
                return false
            }
        }
        let start = sdplint_xml_node_start(node)
        let location = start >= 0 ? lines.location(at: offset + Int(start), length: 1) : nil
        return XMLTreeElement(name, attributes: attributes, children: children, location: location)
    }
}

/// Why the parse was stopped by one of our own checks.
enum StopReason {
    case documentType(offset: Int)
    case tooDeep(offset: Int, depth: Int)
    case tooManyElements(offset: Int)
    case outOfMemory(offset: Int)
}

/// An error libxml2 reported, copied out of its list.
struct LibXMLError {
    enum Kind {
        case syntax, namespace, tagMismatch, undeclaredEntity, schema
    }

    var kind: Kind
    var isWarning: Bool
    var isFatal: Bool
    var message: String
    /// 1-based, 0 when unknown.
    var line: Int
    /// 1-based and counted in characters, 0 when unknown.
    var column: Int

    /// The errors in an `sdplint_xml_errors` list.
    static func all(in list: OpaquePointer?) -> [LibXMLError] {
        (0..<sdplint_xml_errors_count(list)).map { index in
            let error = sdplint_xml_errors_at(list, index)
            let kind: Kind =
                switch error.kind {
                case SDPLINT_XML_ERROR_NAMESPACE: .namespace
                case SDPLINT_XML_ERROR_TAG_MISMATCH: .tagMismatch
                case SDPLINT_XML_ERROR_UNDECLARED_ENTITY: .undeclaredEntity
                case SDPLINT_XML_ERROR_SCHEMA: .schema
                default: .syntax
                }
            return LibXMLError(
                kind: kind, isWarning: error.level == SDPLINT_XML_LEVEL_WARNING,
                isFatal: error.level == SDPLINT_XML_LEVEL_FATAL,
                message: error.message.map { String(cString: $0) }?.trimmingTrailingNewlines ?? "XML error",
                line: Int(error.line), column: Int(error.column))
        }
    }
}

/// An owned `sdplint_xml_errors` list, for the schema compiler and validator.
final class LibXMLErrorList {
    let pointer: OpaquePointer?

    init() { pointer = sdplint_xml_errors_new() }

    deinit { sdplint_xml_errors_free(pointer) }

    var errors: [LibXMLError] { LibXMLError.all(in: pointer) }
}

/// Reads bytes into an ``XMLTreeElement`` tree, turning every problem into a `Diagnostic`.
enum LibXMLReader {
    /// Parses `bytes` into an element tree: the root, or `nil` when the input is not
    /// well-formed or was refused, and every finding, located in `lines`.
    static func parse(
        _ bytes: [UInt8], lines: SourceText, options: XMLParseOptions
    ) -> (root: XMLTreeElement?, diagnostics: [Diagnostic]) {
        var collector = DiagnosticCollector(strict: options.strict, limit: options.maxDiagnostics)
        guard let document = open(bytes, options: options, lines: lines, collector: &collector) else {
            return (nil, collector.finish(overflowRule: JingleRules.tooManyFindings))
        }
        let root = document.rootElement(lines: lines)
        return (root, collector.finish(overflowRule: JingleRules.tooManyFindings))
    }

    /// Checks the bytes, parses them and reports what libxml2 and our callbacks found; returns
    /// the document when it is well-formed.
    static func open(
        _ bytes: [UInt8], options: XMLParseOptions, lines: SourceText, url: String? = nil,
        collector: inout DiagnosticCollector
    ) -> LibXMLDocument? {
        if bytes.count > options.maxBytes {
            collector.report(
                JingleRules.inputTooLarge, at: lines.location(at: 0),
                "the input is \(bytes.count) bytes; the limit is \(options.maxBytes)")
            return nil
        }
        var start = 0
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { start = 3 }
        if let bad = firstNonUTF8(bytes, from: start) {
            let utf16 =
                bytes.count >= 2
                && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) || bytes[1] == 0)
            collector.report(
                JingleRules.invalidUTF8, at: lines.location(at: bad, length: 1),
                utf16
                    ? "the input looks like UTF-16; XMPP is UTF-8"
                    : (bytes[bad] == 0
                        ? "the input holds a NUL byte, which XML does not allow"
                        : "byte 0x\(String(bytes[bad], radix: 16, uppercase: true)) is not valid UTF-8"))
            return nil
        }
        if bytes[start...].allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
            collector.report(
                JingleRules.emptyInput, at: lines.location(at: bytes.count), "the input holds no XML element")
            return nil
        }
        if let failure = libxml2Failure {
            collector.report(
                JingleRules.xmlSyntax, at: lines.location(at: 0),
                "the XML parser, libxml2, could not be opened: \(failure)",
                hint: "install libxml2 (Debian and Ubuntu: apt-get install libxml2)")
            return nil
        }
        guard let document = LibXMLDocument(bytes: bytes, offset: start, options: options, url: url) else {
            collector.report(
                JingleRules.xmlSyntax, at: lines.location(at: 0), "libxml2 could not allocate a parser")
            return nil
        }
        for item in document.skipped {
            collector.report(
                JingleRules.restrictedXML, at: lines.location(at: item.offset, length: 1),
                "\(item.what) is not allowed in an XMPP stanza; it is skipped")
        }
        switch document.stop {
        case .documentType(let offset):
            collector.report(
                JingleRules.doctypeForbidden, at: lines.location(at: offset, length: 9),
                """
                the input has a document type declaration; DTDs and entity declarations are refused (XXE, entity \
                expansion)
                """,
                hint: "remove the <!DOCTYPE …>; XMPP stanzas never have one")
            return nil
        case .tooDeep(let offset, let depth):
            collector.report(
                JingleRules.nestingTooDeep, at: lines.location(at: offset, length: 1),
                "element nesting reaches depth \(depth); the limit is \(options.maxDepth)")
            return nil
        case .tooManyElements(let offset):
            collector.report(
                JingleRules.tooManyElements, at: lines.location(at: offset, length: 1),
                "the input has more than \(options.maxElements) elements")
            return nil
        case .outOfMemory(let offset):
            collector.report(
                JingleRules.xmlSyntax, at: lines.location(at: offset, length: 1), "libxml2 ran out of memory")
            return nil
        case nil:
            break
        }
        // libxml2 goes on after the first fatal error and reports its consequences; only the
        // first is worth reading, with the warnings and namespace errors before it.
        for error in document.errors {
            var offset = lines.offset(line: error.line, characterColumn: error.column)
            switch error.kind {
            case .namespace, .tagMismatch:
                // libxml2 reports these at the end of the start tag; the tag is what is wrong,
                // so point at its '<'.
                offset = Self.tagStart(in: bytes, before: max(0, offset - 1), from: start)
            case .undeclaredEntity:
                // Reported after the ';': point at the '&' that starts the reference.
                var index = min(offset, bytes.count) - 1
                while index > 0 && bytes[index] != UInt8(ascii: "&") && bytes[index] != 0x0A { index -= 1 }
                if index >= 0 && index < bytes.count && bytes[index] == UInt8(ascii: "&") { offset = index }
            case .syntax, .schema:
                break
            }
            let rule = error.kind == .namespace ? JingleRules.namespaceError : JingleRules.xmlSyntax
            if error.isWarning {
                collector.report(
                    Diagnostic(
                        rule: rule, severity: .warning, location: lines.location(at: offset, length: 1),
                        message: error.message))
                continue
            }
            collector.report(rule, at: lines.location(at: offset, length: 1), error.message)
            if error.isFatal { break }
        }
        guard document.isWellFormed, !collector.hasErrors else { return nil }
        return document
    }

    /// The offset of the last '<' at or before `position` and not before `start`: the start of
    /// the tag there, since '<' cannot occur inside a tag (XML 1.0 §3.1, AttValue).
    static func tagStart(in bytes: [UInt8], before position: Int, from start: Int) -> Int {
        var index = min(position, bytes.count - 1)
        while index > start {
            if bytes[index] == UInt8(ascii: "<") { return index }
            index -= 1
        }
        return start
    }

    /// The offset of the first byte from `start` on that does not begin well-formed UTF-8, or
    /// of the first NUL, which XML 1.0 §2.2 (`Char`) does not allow.
    ///
    /// - Complexity: O(*n*), eight bytes at a time.
    static func firstNonUTF8(_ bytes: [UInt8], from start: Int) -> Int? {
        bytes.withSpan { span in
            let invalid = Bytes.firstInvalidUTF8(span, from: start)
            let limit = invalid ?? span.count
            let nul = Bytes.firstIndex(of: 0, in: span, start..<limit)
            return nul < limit ? nul : invalid
        }
    }
}

extension String {
    var trimmingTrailingNewlines: String {
        var text = self
        while let last = text.last, last == "\n" || last == "\r" || last == " " { text.removeLast() }
        return text
    }
}
