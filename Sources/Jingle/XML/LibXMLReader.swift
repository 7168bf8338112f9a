internal import CLibXML2
import Diagnostics

/// libxml2 must be initialised once before threads use it (libxml2 `xmlInitParser`); a global
/// `let` is initialised exactly once, lazily and thread-safely.
let libxml2Initialized: Bool = {
    xmlInitParser()
    return true
}()

/// The one place that owns what libxml2 allocates for a parse: the parser context and the
/// document it builds. Both are freed in `deinit`, and no libxml2 pointer leaves the methods of
/// this class: callers get Swift values (``XMLElement``, ``Diagnostic``) only.
final class LibXMLDocument {
    private let context: xmlParserCtxtPtr
    private(set) var document: xmlDocPtr?
    /// What the C callbacks record; reached from them through the context's `_private` field,
    /// which libxml2 leaves to the application.
    let state: ParseState

    /// Creates a parser context whose SAX handler enforces `options` and records errors.
    init?(bytes: [UInt8], offset: Int, options: XMLParseOptions) {
        _ = libxml2Initialized
        guard let context = xmlNewParserCtxt() else { return nil }
        self.context = context
        self.state = ParseState(bytes: bytes, offset: offset, maxDepth: options.maxDepth, maxElements: options.maxElements)
        context.pointee._private = Unmanaged.passUnretained(state).toOpaque()
        if let sax = context.pointee.sax {
            sax.pointee.internalSubset = refuseDocumentType
            sax.pointee.startElementNs = startElementWithinLimits
            sax.pointee.comment = recordComment
            sax.pointee.processingInstruction = recordProcessingInstruction
            sax.pointee.serror = recordError
        }
    }

    deinit {
        if let document { xmlFreeDoc(document) }
        // The context's `_private` points at `state`, which this object keeps alive until here.
        xmlFreeParserCtxt(context)
    }

    /// Parses the bytes after `offset` from memory with the network off, no DTD loading and no
    /// entity substitution (no XML_PARSE_NOENT, XML_PARSE_DTDLOAD or XML_PARSE_HUGE), ignoring
    /// any encoding declaration: the caller has checked the bytes are UTF-8.
    func read(url: String? = nil) {
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOBLANKS.rawValue | XML_PARSE_NOCDATA.rawValue | XML_PARSE_IGNORE_ENC.rawValue)
        let start = state.offset
        let length = state.bytes.count - start
        guard length > 0, let count = Int32(exactly: length) else { return }
        document = state.bytes.withUnsafeBufferPointer { buffer -> xmlDocPtr? in
            guard let base = buffer.baseAddress else { return nil }
            return base.advanced(by: start).withMemoryRebound(to: CChar.self, capacity: length) { pointer in
                if let url {
                    return url.withCString { xmlCtxtReadMemory(context, pointer, count, $0, nil, options) }
                }
                return xmlCtxtReadMemory(context, pointer, count, nil, nil, options)
            }
        }
        if state.stop != nil, let partial = document {
            // A stop from our own callbacks leaves libxml2's well-formedness flag set and hands
            // back the tree built so far; it is not a result.
            xmlFreeDoc(partial)
            document = nil
        }
    }

    /// The root element as a Swift tree, with each element's start-tag location.
    func rootElement(lines: LineIndex) -> XMLElement? {
        guard let document, let root = xmlDocGetRootElement(document) else { return nil }
        return convert(root, lines: lines)
    }

    /// Runs `body` with the libxml2 document, for the schema validator in this module. The
    /// pointer must not escape `body`.
    func withDocument<Result>(_ body: (xmlDocPtr) -> Result) -> Result? {
        guard let document else { return nil }
        return body(document)
    }

    /// A namespace name as the Namespaces in XML recommendation defines it: the declaring
    /// attribute's value with its references decoded. With entity substitution off, libxml2
    /// leaves a reference in a namespace declaration as a character reference (`&amp;` comes
    /// out as `&#38;`), which the writer would escape again.
    private func namespaceName(_ href: UnsafePointer<xmlChar>) -> String {
        let text = string(href)
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
            let replacement: String? = switch reference {
            case "amp": "&"
            case "lt": "<"
            case "gt": ">"
            case "quot": "\""
            case "apos": "'"
            default:
                if reference.hasPrefix("#x") {
                    UInt32(reference.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String(Character($0)) }
                } else if reference.hasPrefix("#") {
                    UInt32(reference.dropFirst(), radix: 10).flatMap(Unicode.Scalar.init).map { String(Character($0)) }
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

    private func convert(_ node: xmlNodePtr, lines: LineIndex) -> XMLElement {
        let name = XMLName(string(node.pointee.name), namespace: node.pointee.ns.flatMap { $0.pointee.href.map(namespaceName) })
        var attributes: [XMLAttribute] = []
        var property = node.pointee.properties
        while let attribute = property {
            var value = ""
            var child = attribute.pointee.children
            while let text = child {
                if let content = text.pointee.content { value += string(content) }
                child = text.pointee.next
            }
            let attributeName = XMLName(string(attribute.pointee.name), namespace: attribute.pointee.ns.flatMap { $0.pointee.href.map(namespaceName) })
            attributes.append(XMLAttribute(attributeName, value))
            property = attribute.pointee.next
        }
        var children: [XMLNode] = []
        var hasElements = false
        var child = node.pointee.children
        while let current = child {
            switch current.pointee.type {
            case XML_ELEMENT_NODE:
                hasElements = true
                children.append(.element(convert(current, lines: lines)))
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = current.pointee.content { children.append(.text(string(content))) }
            default:
                break
            }
            child = current.pointee.next
        }
        if hasElements {
            // White space between child elements is formatting, not content (Jingle has no
            // mixed content).
            children.removeAll {
                if case .text(let text) = $0 { return text.utf8.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D } }
                return false
            }
        }
        let location = state.starts[UnsafeMutableRawPointer(node)].map { lines.location(offset: $0, length: 1) }
        return XMLElement(name, attributes: attributes, children: children, location: location)
    }
}

/// Text from libxml2 (always UTF-8).
private func string(_ pointer: UnsafePointer<xmlChar>) -> String {
    String(cString: pointer)
}

/// Why the parse was stopped by one of our own checks.
enum StopReason {
    case documentType(offset: Int)
    case tooDeep(offset: Int, depth: Int)
    case tooManyElements(offset: Int)
}

/// An error libxml2 reported, copied out of its `xmlError`.
struct LibXMLError {
    var domain: Int
    var code: Int
    /// 1 warning, 2 error, 3 fatal error (`xmlErrorLevel`).
    var level: Int
    var message: String
    var line: Int
    var column: Int
}

/// What the SAX callbacks record during one parse.
final class ParseState {
    let bytes: [UInt8]
    /// Where the bytes given to libxml2 start (after a byte order mark).
    let offset: Int
    let maxDepth: Int
    let maxElements: Int
    var elements = 0
    var stop: StopReason?
    var errors: [LibXMLError] = []
    /// The offset of each element's '<', by node.
    var starts: [UnsafeMutableRawPointer: Int] = [:]
    /// The offsets of comments and processing instructions, which are not kept.
    var restricted: [(offset: Int, what: String)] = []

    init(bytes: [UInt8], offset: Int, maxDepth: Int, maxElements: Int) {
        self.bytes = bytes
        self.offset = offset
        self.maxDepth = maxDepth
        self.maxElements = maxElements
    }

    /// The absolute offset of the parser's current position.
    func position(_ context: xmlParserCtxtPtr) -> Int {
        guard let input = context.pointee.input else { return offset }
        var position = Int(clamping: input.pointee.consumed)
        if let base = input.pointee.base, let current = input.pointee.cur {
            let distance = base.distance(to: current)
            if distance > 0 { position = position.addingReportingOverflow(distance).partialValue }
        }
        return min(bytes.count, offset.addingReportingOverflow(position).partialValue)
    }

    /// The offset of the last '<' at or before `position`: the start of the tag being read,
    /// since '<' cannot occur inside a tag (XML 1.0 §3.1, AttValue).
    func tagStart(before position: Int) -> Int {
        var index = min(position, bytes.count - 1)
        while index > offset {
            if bytes[index] == UInt8(ascii: "<") { return index }
            index -= 1
        }
        return offset
    }
}

/// The state of the parse `context` belongs to.
private func state(of context: UnsafeMutableRawPointer?) -> (xmlParserCtxtPtr, ParseState)? {
    guard let context else { return nil }
    let parser = context.assumingMemoryBound(to: xmlParserCtxt.self)
    guard let raw = parser.pointee._private else { return nil }
    return (parser, Unmanaged<ParseState>.fromOpaque(raw).takeUnretainedValue())
}

/// `internalSubset` is the first callback of a DOCTYPE, made before its internal subset (where
/// entities are declared) is read: stopping here refuses XXE and entity expansion before they
/// start.
private let refuseDocumentType: internalSubsetSAXFunc = { context, _, _, _ in
    guard let (parser, state) = state(of: context) else { return }
    state.stop = .documentType(offset: state.tagStart(before: state.position(parser)))
    xmlStopParser(parser)
}

/// Counts elements and depth before handing the element to libxml2's tree builder, and records
/// where its start tag begins.
private let startElementWithinLimits: startElementNsSAX2Func = { context, localName, prefix, uri, namespaceCount, namespaces, attributeCount, defaultedCount, attributes in
    guard let (parser, state) = state(of: context) else { return }
    let start = state.tagStart(before: state.position(parser))
    state.elements += 1
    // libxml2 pushes the element on its name stack after this callback: nameNr counts the
    // ancestors.
    let depth = Int(parser.pointee.nameNr) + 1
    if depth > state.maxDepth {
        state.stop = .tooDeep(offset: start, depth: depth)
        xmlStopParser(parser)
        return
    }
    if state.elements > state.maxElements {
        state.stop = .tooManyElements(offset: start)
        xmlStopParser(parser)
        return
    }
    xmlSAX2StartElementNs(context, localName, prefix, uri, namespaceCount, namespaces, attributeCount, defaultedCount, attributes)
    if let node = parser.pointee.node {
        state.starts[UnsafeMutableRawPointer(node)] = start
    }
}

/// Comments are not kept (RFC 6120 §11.1 forbids them in streams); their place is reported.
private let recordComment: commentSAXFunc = { context, _ in
    guard let (parser, state) = state(of: context) else { return }
    let end = state.position(parser)
    var index = max(state.offset, min(end, state.bytes.count) - 1)
    // Back to the "<!--" that opened it.
    while index > state.offset && !(state.bytes[index] == UInt8(ascii: "<") && index + 1 < state.bytes.count && state.bytes[index + 1] == UInt8(ascii: "!")) {
        index -= 1
    }
    state.restricted.append((index, "a comment"))
}

private let recordProcessingInstruction: processingInstructionSAXFunc = { context, _, _ in
    guard let (parser, state) = state(of: context) else { return }
    state.restricted.append((state.tagStart(before: state.position(parser)), "a processing instruction"))
}

private let recordError: xmlStructuredErrorFunc = { context, error in
    guard let (_, state) = state(of: context), let error else { return }
    let message = error.pointee.message.map { String(cString: $0) } ?? "XML error"
    state.errors.append(LibXMLError(
        domain: Int(error.pointee.domain), code: Int(error.pointee.code), level: Int(error.pointee.level.rawValue),
        message: message, line: Int(error.pointee.line), column: Int(error.pointee.int2)))
}

/// Reads bytes into an ``XMLElement`` tree, turning every problem into a ``Diagnostic``.
enum LibXMLReader {
    static func parse(_ bytes: [UInt8], options: XMLParseOptions) -> XMLParseResult {
        var collector = DiagnosticCollector(strict: options.strict, limit: options.maxDiagnostics)
        let lines = LineIndex(bytes)
        guard let document = open(bytes, options: options, lines: lines, collector: &collector) else {
            return XMLParseResult(root: nil, diagnostics: collector.finish(overflowRule: JingleRules.tooManyFindings))
        }
        let root = document.rootElement(lines: lines)
        return XMLParseResult(root: root, diagnostics: collector.finish(overflowRule: JingleRules.tooManyFindings))
    }

    /// Checks the bytes, parses them and reports what libxml2 and our callbacks found; returns
    /// the document when it is well-formed.
    static func open(_ bytes: [UInt8], options: XMLParseOptions, lines: LineIndex, url: String? = nil, collector: inout DiagnosticCollector) -> LibXMLDocument? {
        if bytes.count > options.maxBytes {
            collector.report(JingleRules.inputTooLarge, at: lines.location(offset: 0),
                             "the input is \(bytes.count) bytes; the limit is \(options.maxBytes)")
            return nil
        }
        var start = 0
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { start = 3 }
        if let bad = firstNonUTF8(bytes, from: start) {
            let utf16 = bytes.count >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) || bytes[1] == 0)
            collector.report(JingleRules.invalidUTF8, at: lines.location(offset: bad, length: 1),
                             utf16 ? "the input looks like UTF-16; XMPP is UTF-8"
                                   : (bytes[bad] == 0 ? "the input holds a NUL byte, which XML does not allow"
                                                      : "byte 0x\(String(bytes[bad], radix: 16, uppercase: true)) is not valid UTF-8"))
            return nil
        }
        if bytes[start...].allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
            collector.report(JingleRules.emptyInput, at: lines.location(offset: bytes.count), "the input holds no XML element")
            return nil
        }
        guard let document = LibXMLDocument(bytes: bytes, offset: start, options: options) else {
            collector.report(JingleRules.xmlSyntax, at: lines.location(offset: 0), "libxml2 could not allocate a parser")
            return nil
        }
        document.read(url: url)
        let state = document.state
        for item in state.restricted {
            collector.report(JingleRules.restrictedXML, at: lines.location(offset: item.offset, length: 1),
                             "\(item.what) is not allowed in an XMPP stanza; it is skipped")
        }
        switch state.stop {
        case .documentType(let offset):
            collector.report(JingleRules.doctypeForbidden, at: lines.location(offset: offset, length: 9),
                             "the input has a document type declaration; DTDs and entity declarations are refused (XXE, entity expansion)",
                             hint: "remove the <!DOCTYPE …>; XMPP stanzas never have one")
            return nil
        case .tooDeep(let offset, let depth):
            collector.report(JingleRules.nestingTooDeep, at: lines.location(offset: offset, length: 1),
                             "element nesting reaches depth \(depth); the limit is \(options.maxDepth)")
            return nil
        case .tooManyElements(let offset):
            collector.report(JingleRules.tooManyElements, at: lines.location(offset: offset, length: 1),
                             "the input has more than \(options.maxElements) elements")
            return nil
        case nil:
            break
        }
        // libxml2 goes on after the first fatal error and reports its consequences; only the
        // first is worth reading, with the warnings and namespace errors before it.
        for error in state.errors {
            var offset = lines.offset(line: error.line, characterColumn: error.column)
            let message = error.message.trimmingTrailingNewlines
            let isNamespace = error.domain == Int(XML_FROM_NAMESPACE.rawValue)
            // libxml2 reports a namespace error at the end of the start tag; the tag is what
            // is wrong, so point at its '<'.
            if isNamespace || error.code == Int(XML_ERR_TAG_NAME_MISMATCH.rawValue) {
                offset = state.tagStart(before: max(0, offset - 1))
            } else if error.code == Int(XML_ERR_UNDECLARED_ENTITY.rawValue) || error.code == Int(XML_WAR_UNDECLARED_ENTITY.rawValue) {
                // Reported after the ';': point at the '&' that starts the reference.
                var index = min(offset, bytes.count) - 1
                while index > 0 && bytes[index] != UInt8(ascii: "&") && bytes[index] != 0x0A { index -= 1 }
                if index >= 0 && index < bytes.count && bytes[index] == UInt8(ascii: "&") { offset = index }
            }
            let rule = isNamespace ? JingleRules.namespaceError : JingleRules.xmlSyntax
            if error.level == Int(XML_ERR_WARNING.rawValue) {
                collector.report(Diagnostic(code: rule.code, severity: .warning, location: lines.location(offset: offset, length: 1),
                                            message: message, reference: rule.reference))
                continue
            }
            collector.report(rule, at: lines.location(offset: offset, length: 1), message)
            if error.level == Int(XML_ERR_FATAL.rawValue) { break }
        }
        guard document.document != nil, !collector.hasErrors else { return nil }
        return document
    }

    /// The offset of the first byte that is not part of valid UTF-8, or a NUL.
    static func firstNonUTF8(_ bytes: [UInt8], from start: Int) -> Int? {
        var index = start
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0 { return index }
            if byte < 0x80 { index += 1; continue }
            let length: Int
            var minimum: UInt32
            switch byte {
            case 0xC2...0xDF: length = 2; minimum = 0x80
            case 0xE0...0xEF: length = 3; minimum = 0x800
            case 0xF0...0xF4: length = 4; minimum = 0x10000
            default: return index
            }
            guard index + length <= bytes.count else { return index }
            var scalar = UInt32(byte) & (0xFF >> UInt32(length + 1))
            for next in 1..<length {
                let continuation = bytes[index + next]
                guard continuation & 0xC0 == 0x80 else { return index }
                scalar = scalar << 6 | UInt32(continuation & 0x3F)
            }
            if scalar < minimum || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) { return index }
            minimum = 0
            index += length
        }
        return nil
    }
}

extension String {
    var trimmingTrailingNewlines: String {
        var text = self
        while let last = text.last, last == "\n" || last == "\r" || last == " " { text.removeLast() }
        return text
    }
}
