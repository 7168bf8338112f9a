public import SDPLintDiagnostics

/// How the HTTP/1.1 reader treats what it reads.
public struct HTTPParseOptions: Sendable, Hashable {
    /// Bounds that keep hostile input cheap (RFC 9112 §2.3). Exceeding one is `SIG305` and
    /// reading stops there.
    public struct Limits: Sendable, Hashable {
        /// The largest start line and header section of one message, in bytes. Default 64 KiB.
        public var maxHeaderBytes: Int
        /// The most header fields of one message. Default 256.
        public var maxFieldCount: Int
        /// The largest body, in bytes. Default 8 MiB.
        public var maxBodyBytes: Int
        /// The most messages read from one input. Default 10 000.
        public var maxMessages: Int

        public init(
            maxHeaderBytes: Int = 64 << 10, maxFieldCount: Int = 256, maxBodyBytes: Int = 8 << 20,
            maxMessages: Int = 10_000
        ) {
            self.maxHeaderBytes = maxHeaderBytes
            self.maxFieldCount = maxFieldCount
            self.maxBodyBytes = maxBodyBytes
            self.maxMessages = maxMessages
        }
    }

    public var limits: Limits
    /// Report every rule at its strict severity (a bare LF becomes an error).
    public var strict: Bool
    /// The most findings kept; one more counts those dropped (`SIG599`).
    public var maxDiagnostics: Int

    public init(limits: Limits = Limits(), strict: Bool = false, maxDiagnostics: Int = 1000) {
        self.limits = limits
        self.strict = strict
        self.maxDiagnostics = maxDiagnostics
    }

    public static let `default` = HTTPParseOptions()
}

/// A message read from an input, with where its parts are.
public struct ParsedHTTPMessage: Sendable, Hashable {
    public var message: HTTPMessage
    /// The start line.
    public var location: SourceLocation
    /// The location of each field line of ``HTTPMessage/fields``, in the same order.
    public var fieldLocations: [SourceLocation]
    /// The byte offset of the body in the input; for a chunked body, of its first chunk's data.
    public var bodyOffset: Int
    /// Whether the body bytes are contiguous in the input at ``bodyOffset`` (not chunked).
    public var bodyIsContiguous: Bool

    /// The location of the first field named `name`.
    public func location(ofField name: String) -> SourceLocation? {
        guard let position = message.fields.firstIndex(where: { $0.hasName(name) }),
            fieldLocations.indices.contains(position)
        else { return nil }
        return fieldLocations[position]
    }
}

extension HTTPMessage {
    /// Reads every HTTP/1.1 message of an input, such as a WHIP exchange written one message
    /// after another. Each message is framed by Content-Length or the chunked coding; a response
    /// with neither takes the rest of the input (RFC 9112 §6.3).
    ///
    /// The reader is strict where RFC 9112 says a recipient MUST reject: obs-fold (§5.2), white
    /// space before a field's colon (§5.1), invalid or conflicting Content-Length (§6.3). It
    /// accepts a bare LF as a line end with a warning (§2.2) and empty lines before a message.
    ///
    /// - Returns: The messages as far as they could be read, and every finding. A framing error
    ///   stops the read, since the next message's start is unknown.
    /// - Complexity: O(n) in the size of the input.
    public static func parseAll(
        _ bytes: [UInt8], options: HTTPParseOptions = .default
    ) -> (messages: [ParsedHTTPMessage], diagnostics: [Diagnostic]) {
        var parser = HTTPParser(bytes: bytes, options: options)
        parser.run()
        return (parser.messages, parser.findings.finish())
    }

    /// Whether the first non-empty line of `bytes` looks like an HTTP/1.x request or status line.
    public static func looksLikeHTTP(_ bytes: [UInt8]) -> Bool {
        var start = 0
        while start < bytes.count, bytes[start] == UInt8(ascii: "\r") || bytes[start] == UInt8(ascii: "\n") {
            start += 1
        }
        var end = start
        while end < bytes.count, end - start < 8192, bytes[end] != UInt8(ascii: "\n") { end += 1 }
        let line = bytes[start..<end]
        if line.starts(with: Array("HTTP/1.".utf8)) { return true }
        guard let space = line.firstIndex(of: UInt8(ascii: " ")), space > start else { return false }
        guard line[start..<space].allSatisfy(HTTPParser.isToken) else { return false }
        var tail = Array(line[(space + 1)...])
        if tail.last == UInt8(ascii: "\r") { tail.removeLast() }
        guard let lastSpace = tail.lastIndex(of: UInt8(ascii: " ")) else { return false }
        return tail[(lastSpace + 1)...].starts(with: Array("HTTP/1.".utf8))
    }
}

/// The byte-level HTTP/1.1 reader behind ``HTTPMessage/parseAll(_:options:)``.
struct HTTPParser {
    let bytes: [UInt8]
    let options: HTTPParseOptions
    var findings: Findings
    var messages: [ParsedHTTPMessage] = []
    var position = 0

    init(bytes: [UInt8], options: HTTPParseOptions) {
        self.bytes = bytes
        self.options = options
        findings = Findings(index: SourceText(bytes), strict: options.strict, limit: options.maxDiagnostics)
    }

    /// Reports a finding; the message is built before ``findings`` is touched.
    mutating func flag(_ rule: Rule, _ range: Range<Int>, _ message: String) {
        findings.report(rule, range, message)
    }

    static let cr = UInt8(ascii: "\r")
    static let lf = UInt8(ascii: "\n")
    static let space = UInt8(ascii: " ")
    static let tab = UInt8(ascii: "\t")

    /// `tchar` of RFC 9110 §5.6.2.
    static func isToken(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        default:
            Array("!#$%&'*+-.^_`|~".utf8).contains(byte)
        }
    }

    func string(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }

    /// One line: its content without the line ending, and where the next line starts; `nil`
    /// when the input ends before a line feed.
    mutating func nextLine(from start: Int, limit: Int, bareLFReported: inout Bool) -> (content: Range<Int>, next: Int)?
    {
        var end = start
        let stop = min(bytes.count, limit)
        while end < stop, bytes[end] != Self.lf { end += 1 }
        guard end < bytes.count, end < limit else { return nil }
        var contentEnd = end
        if contentEnd > start, bytes[contentEnd - 1] == Self.cr {
            contentEnd -= 1
        } else if !bareLFReported {
            bareLFReported = true
            flag(
                SignalingRules.httpBareLF, end..<(end + 1), "the line ends with LF alone; HTTP/1.1 lines end with CRLF")
        }
        return (start..<contentEnd, end + 1)
    }

    mutating func run() {
        while position < bytes.count {
            // RFC 9112 §2.2: a server SHOULD ignore at least one empty line before a request.
            while position < bytes.count, bytes[position] == Self.cr || bytes[position] == Self.lf { position += 1 }
            guard position < bytes.count else { return }
            guard messages.count < options.limits.maxMessages else {
                flag(
                    SignalingRules.httpLimit, position..<position,
                    "more than \(options.limits.maxMessages) messages; the rest of the input is not read")
                return
            }
            guard readMessage() else { return }
        }
    }

    /// Reads one message at ``position``; `false` when the input cannot be framed further.
    mutating func readMessage() -> Bool {
        let messageStart = position
        // Clamped, so a limit of Int.max cannot overflow.
        let headerLimit = messageStart + min(max(0, options.limits.maxHeaderBytes), bytes.count + 1)
        var bareLF = false
        guard let first = nextLine(from: position, limit: headerLimit, bareLFReported: &bareLF) else {
            return reportUnframed(messageStart, headerLimit)
        }
        let startLine = parseStartLine(first.content)
        var fields: [HTTPField] = []
        var fieldLocations: [SourceLocation] = []
        var cursor = first.next
        var tooMany = false
        while true {
            guard let line = nextLine(from: cursor, limit: headerLimit, bareLFReported: &bareLF) else {
                return reportUnframed(messageStart, headerLimit)
            }
            cursor = line.next
            if line.content.isEmpty { break }
            let content = line.content
            if bytes[content.lowerBound] == Self.space || bytes[content.lowerBound] == Self.tab {
                flag(
                    SignalingRules.httpObsFold, content,
                    """
                    the line continues the previous field with leading white space (obs-fold); the continuation is \
                    not read
                    """
                )
                continue
            }
            guard fields.count < options.limits.maxFieldCount else {
                if !tooMany {
                    tooMany = true
                    flag(
                        SignalingRules.httpLimit, content,
                        "more than \(options.limits.maxFieldCount) header fields; the rest are not read")
                }
                continue
            }
            if let field = parseField(content) {
                fields.append(field)
                fieldLocations.append(findings.index.location(of: content))
            }
        }
        let startLocation = findings.index.location(of: first.content)
        guard let startLine else {
            // Without a start line the message cannot be framed: skip to after its header section.
            position = cursor
            return true
        }
        var message = HTTPMessage(startLine: startLine, fields: fields)
        position = cursor
        guard
            let framing = bodyFraming(
                message, fields: fields, fieldLocations: fieldLocations, messageStart: messageStart)
        else {
            messages.append(
                ParsedHTTPMessage(
                    message: message, location: startLocation, fieldLocations: fieldLocations,
                    bodyOffset: cursor, bodyIsContiguous: true))
            return false
        }
        var contiguous = true
        switch framing {
        case .length(let length):
            guard length <= options.limits.maxBodyBytes else {
                flag(
                    SignalingRules.httpLimit, startLocation.bytes,
                    "the body of \(length) bytes exceeds the limit of \(options.limits.maxBodyBytes)")
                messages.append(
                    ParsedHTTPMessage(
                        message: message, location: startLocation, fieldLocations: fieldLocations,
                        bodyOffset: cursor, bodyIsContiguous: true))
                return false
            }
            let available = bytes.count - cursor
            if length > available {
                flag(
                    SignalingRules.httpTruncated, cursor..<bytes.count,
                    "Content-Length says \(length) bytes but the input ends after \(available)")
                message.body = Array(bytes[cursor...])
                messages.append(
                    ParsedHTTPMessage(
                        message: message, location: startLocation, fieldLocations: fieldLocations,
                        bodyOffset: cursor, bodyIsContiguous: true))
                position = bytes.count
                return false
            }
            message.body = Array(bytes[cursor..<(cursor + length)])
            position = cursor + length
        case .untilEnd:
            let length = bytes.count - cursor
            guard length <= options.limits.maxBodyBytes else {
                flag(
                    SignalingRules.httpLimit, startLocation.bytes,
                    "the body of \(length) bytes exceeds the limit of \(options.limits.maxBodyBytes)")
                return false
            }
            message.body = Array(bytes[cursor...])
            position = bytes.count
        case .chunked:
            contiguous = false
            guard let body = readChunked(from: cursor) else {
                messages.append(
                    ParsedHTTPMessage(
                        message: message, location: startLocation, fieldLocations: fieldLocations,
                        bodyOffset: cursor, bodyIsContiguous: false))
                return false
            }
            message.body = body
        }
        messages.append(
            ParsedHTTPMessage(
                message: message, location: startLocation, fieldLocations: fieldLocations,
                bodyOffset: cursor, bodyIsContiguous: contiguous))
        return true
    }

    /// Reports a header section that does not end: too large, or cut short.
    mutating func reportUnframed(_ start: Int, _ limit: Int) -> Bool {
        if bytes.count >= limit {
            flag(
                SignalingRules.httpLimit, start..<start,
                """
                the start line and header section exceed \(options.limits.maxHeaderBytes) bytes; the rest of the \
                input is not read
                """
            )
        } else {
            flag(
                SignalingRules.httpTruncated, bytes.count..<bytes.count,
                "the input ends inside a header section that started at byte \(start); it needs an empty line")
        }
        position = bytes.count
        return false
    }

    // MARK: Start line

    mutating func parseStartLine(_ line: Range<Int>) -> HTTPMessage.StartLine? {
        let text = bytes[line]
        if let bad = text.firstIndex(where: { $0 < 0x20 || $0 == 0x7F }) {
            flag(
                SignalingRules.httpStartLine, bad..<(bad + 1),
                "the start line has the control character 0x\(String(bytes[bad], radix: 16)); it is not read")
            return nil
        }
        if text.starts(with: Array("HTTP/".utf8)) {
            // status-line = HTTP-version SP status-code SP [ reason-phrase ]
            let version = line.lowerBound..<min(line.upperBound, line.lowerBound + 8)
            guard isVersion(version), version.upperBound < line.upperBound, bytes[version.upperBound] == Self.space
            else {
                flag(
                    SignalingRules.httpStartLine, line,
                    "the status line \(quoted(line)) does not start with HTTP/1.x and a space")
                return nil
            }
            let codeStart = version.upperBound + 1
            let codeEnd = min(line.upperBound, codeStart + 3)
            var code = 0
            guard codeEnd - codeStart == 3,
                bytes[codeStart..<codeEnd].allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
                codeEnd == line.upperBound || bytes[codeEnd] == Self.space
            else {
                flag(
                    SignalingRules.httpStartLine, codeStart..<max(codeStart, codeEnd),
                    "the status code of \(quoted(line)) is not three digits")
                return nil
            }
            for byte in bytes[codeStart..<codeEnd] { code = code * 10 + Int(byte - UInt8(ascii: "0")) }
            let reason = codeEnd < line.upperBound ? string((codeEnd + 1)..<line.upperBound) : ""
            return .status(version: string(version), code: code, reason: reason)
        }
        // request-line = method SP request-target SP HTTP-version
        guard let firstSpace = text.firstIndex(of: Self.space), let lastSpace = text.lastIndex(of: Self.space),
            firstSpace > line.lowerBound, lastSpace > firstSpace + 1
        else {
            flag(SignalingRules.httpStartLine, line, "\(quoted(line)) is neither a request line nor a status line")
            return nil
        }
        let method = line.lowerBound..<firstSpace
        let target = (firstSpace + 1)..<lastSpace
        let version = (lastSpace + 1)..<line.upperBound
        if !bytes[method].allSatisfy(Self.isToken) {
            flag(SignalingRules.httpStartLine, method, "the method \(quoted(method)) is not a token")
            return nil
        }
        if bytes[target].contains(Self.space) {
            flag(
                SignalingRules.httpStartLine, target,
                """
                the request target \(quoted(target)) contains a space; the parts of a request line are separated \
                by single spaces
                """
            )
            return nil
        }
        guard version.count == 8, isVersion(version) else {
            flag(SignalingRules.httpStartLine, version, "\(quoted(version)) is not HTTP/1.0 or HTTP/1.1")
            return nil
        }
        return .request(method: string(method), target: string(target), version: string(version))
    }

    /// `HTTP-version = HTTP-name "/" DIGIT "." DIGIT`, major version 1.
    func isVersion(_ range: Range<Int>) -> Bool {
        guard range.count == 8, range.upperBound <= bytes.count else { return false }
        return bytes[range.lowerBound..<(range.lowerBound + 7)].elementsEqual("HTTP/1.".utf8)
            && bytes[range.lowerBound + 7] >= UInt8(ascii: "0") && bytes[range.lowerBound + 7] <= UInt8(ascii: "9")
    }

    func quoted(_ range: Range<Int>) -> String {
        let shown = range.count > 60 ? range.lowerBound..<(range.lowerBound + 60) : range
        return "'" + string(shown) + (range.count > 60 ? "…" : "") + "'"
    }

    // MARK: Fields

    /// `field-line = field-name ":" OWS field-value OWS` (RFC 9112 §5).
    mutating func parseField(_ line: Range<Int>) -> HTTPField? {
        guard let colon = bytes[line].firstIndex(of: UInt8(ascii: ":")) else {
            flag(SignalingRules.httpFieldSyntax, line, "the header line \(quoted(line)) has no colon")
            return nil
        }
        let name = line.lowerBound..<colon
        if name.isEmpty {
            flag(SignalingRules.httpFieldSyntax, line, "the header line \(quoted(line)) has no field name")
            return nil
        }
        if bytes[colon - 1] == Self.space || bytes[colon - 1] == Self.tab {
            flag(
                SignalingRules.httpFieldSyntax, name,
                """
                white space between the field name and the colon in \(quoted(line)); RFC 9112 §5.1 requires \
                rejecting it
                """
            )
            return nil
        }
        if let bad = bytes[name].firstIndex(where: { !Self.isToken($0) }) {
            flag(
                SignalingRules.httpFieldSyntax, bad..<(bad + 1),
                "the field name \(quoted(name)) has a character that is not a token character")
            return nil
        }
        var valueStart = colon + 1
        var valueEnd = line.upperBound
        while valueStart < valueEnd, bytes[valueStart] == Self.space || bytes[valueStart] == Self.tab {
            valueStart += 1
        }
        while valueEnd > valueStart, bytes[valueEnd - 1] == Self.space || bytes[valueEnd - 1] == Self.tab {
            valueEnd -= 1
        }
        if let bad = bytes[valueStart..<valueEnd].firstIndex(where: { ($0 < 0x20 && $0 != Self.tab) || $0 == 0x7F }) {
            flag(
                SignalingRules.httpFieldValue, bad..<(bad + 1),
                "the value of \(string(name)) has the control character 0x\(String(bytes[bad], radix: 16))")
        }
        return HTTPField(string(name), string(valueStart..<valueEnd))
    }

    // MARK: Framing

    enum Framing {
        case length(Int)
        case chunked
        case untilEnd
    }

    /// How the body is delimited (RFC 9112 §6.3); `nil` when it cannot be known.
    mutating func bodyFraming(
        _ message: HTTPMessage, fields: [HTTPField], fieldLocations: [SourceLocation], messageStart: Int
    ) -> Framing? {
        let code = message.statusCode
        if let code, code < 200 || code == 204 || code == 304 { return .length(0) }
        let encodings = fields.indices.filter { fields[$0].hasName("Transfer-Encoding") }
        let lengths = fields.indices.filter { fields[$0].hasName("Content-Length") }
        if let first = encodings.first {
            let codings = encodings.flatMap { fields[$0].value.split(separator: ",") }
                .map { $0.trimmingCharacters(inSetOf: " \t").lowercased() }
            if !lengths.isEmpty {
                flag(
                    SignalingRules.httpTransferEncoding, fieldLocations[lengths[0]].bytes,
                    "the message has both Transfer-Encoding and Content-Length; Content-Length is ignored")
            }
            guard codings.last == "chunked", codings.dropLast().isEmpty else {
                flag(
                    SignalingRules.httpTransferEncoding, fieldLocations[first].bytes,
                    "the transfer coding '\(codings.joined(separator: ", "))' is not supported; only chunked is decoded"
                )
                return nil
            }
            return .chunked
        }
        if !lengths.isEmpty {
            var length: Int?
            for position in lengths {
                for part in fields[position].value.split(separator: ",", omittingEmptySubsequences: false) {
                    let digits = part.trimmingCharacters(inSetOf: " \t")
                    guard let value = Self.decimal(digits) else {
                        flag(
                            SignalingRules.httpContentLength, fieldLocations[position].bytes,
                            "Content-Length '\(fields[position].value)' is not a decimal number of bytes")
                        return nil
                    }
                    if let length, length != value {
                        flag(
                            SignalingRules.httpContentLength, fieldLocations[position].bytes,
                            "Content-Length says both \(length) and \(value)")
                        return nil
                    }
                    length = value
                }
            }
            return .length(length ?? 0)
        }
        // RFC 9112 §6.3: a request without either has no body; a response is read until close.
        return message.method != nil ? .length(0) : .untilEnd
    }

    /// `1*DIGIT` with overflow checks.
    static func decimal(_ text: String) -> Int? {
        guard !text.isEmpty, text.utf8.count <= 18 else { return nil }
        var value = 0
        for byte in text.utf8 {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }

    /// Decodes a chunked body (RFC 9112 §7.1) at `start`, moving ``position`` past it.
    mutating func readChunked(from start: Int) -> [UInt8]? {
        var body: [UInt8] = []
        var cursor = start
        var bareLF = true
        while true {
            guard let line = nextLine(from: cursor, limit: cursor + 4096, bareLFReported: &bareLF) else {
                flag(
                    SignalingRules.httpChunked, cursor..<bytes.count, "the chunked body ends without a chunk-size line")
                return nil
            }
            var size = 0
            var digits = 0
            var index = line.content.lowerBound
            while index < line.content.upperBound, let digit = Self.hexValue(bytes[index]) {
                guard digits < 15 else {
                    flag(SignalingRules.httpChunked, line.content, "the chunk size is too large")
                    return nil
                }
                size = size * 16 + digit
                digits += 1
                index += 1
            }
            guard digits > 0,
                index == line.content.upperBound || bytes[index] == UInt8(ascii: ";")
                    || bytes[index] == Self.space || bytes[index] == Self.tab
            else {
                flag(
                    SignalingRules.httpChunked, line.content, "\(quoted(line.content)) is not a hexadecimal chunk size")
                return nil
            }
            cursor = line.next
            if size == 0 {
                // trailer-section = *( field-line CRLF ), then CRLF
                while true {
                    guard
                        let trailer = nextLine(
                            from: cursor, limit: cursor + min(max(0, options.limits.maxHeaderBytes), bytes.count + 1),
                            bareLFReported: &bareLF)
                    else {
                        flag(
                            SignalingRules.httpChunked, cursor..<bytes.count,
                            "the chunked body ends inside its trailer section")
                        return nil
                    }
                    cursor = trailer.next
                    if trailer.content.isEmpty { break }
                }
                position = cursor
                return body
            }
            guard body.count + size <= options.limits.maxBodyBytes else {
                flag(
                    SignalingRules.httpLimit, line.content,
                    "the chunked body exceeds the limit of \(options.limits.maxBodyBytes) bytes")
                return nil
            }
            guard size <= bytes.count - cursor else {
                flag(
                    SignalingRules.httpTruncated, cursor..<bytes.count,
                    "a chunk of \(size) bytes is cut short by the end of the input")
                return nil
            }
            body += bytes[cursor..<(cursor + size)]
            cursor += size
            if cursor + 1 < bytes.count, bytes[cursor] == Self.cr, bytes[cursor + 1] == Self.lf {
                cursor += 2
            } else if cursor < bytes.count, bytes[cursor] == Self.lf {
                cursor += 1
            } else {
                flag(
                    SignalingRules.httpChunked, cursor..<min(bytes.count, cursor + 1),
                    "chunk data is not followed by CRLF")
                return nil
            }
        }
    }

    static func hexValue(_ byte: UInt8) -> Int? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): Int(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): Int(byte - UInt8(ascii: "a")) + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): Int(byte - UInt8(ascii: "A")) + 10
        default: nil
        }
    }
}

extension StringProtocol {
    /// The text without leading and trailing characters of `set` (ASCII only).
    func trimmingCharacters(inSetOf set: String) -> String {
        let drop = Set(set.utf8)
        var scalars = Substring(self).utf8[...]
        while let first = scalars.first, drop.contains(first) { scalars = scalars.dropFirst() }
        while let last = scalars.last, drop.contains(last) { scalars = scalars.dropLast() }
        return String(decoding: scalars, as: UTF8.self)
    }
}
