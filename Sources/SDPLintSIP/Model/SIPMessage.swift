internal import SDPLintDiagnostics
internal import SDPLintSDP

/// A SIP request or response: the start line, the header fields and the body.
///
/// A parsed message keeps every byte it was read from: line breaks before the start line, the
/// exact text of the start line and of every header field (spelling, white space, folding,
/// line endings), the empty line, the body, and bytes past Content-Length in a datagram. So
/// ``serialized()`` gives back the input byte for byte. Edits change only what they touch:
/// setting ``startLine`` rewrites that line, setting a header rewrites that field, and setting
/// ``body`` rewrites the body and Content-Length.
///
/// Two messages are equal when they serialize to the same bytes.
///
/// [RFC 3261 §7](https://www.rfc-editor.org/rfc/rfc3261#section-7)
/// ```
/// SIP-message    =  Request / Response
/// Request        =  Request-Line *( message-header ) CRLF [ message-body ]
/// Response       =  Status-Line *( message-header ) CRLF [ message-body ]
/// ```
public struct SIPMessage: Sendable, Hashable, CustomStringConvertible {
    /// The request line or status line.
    public var startLine: SIPStartLine { didSet { startLineRaw = nil } }
    /// The header fields in order.
    public var headers: SIPHeaderFields
    /// The body bytes, exactly as received. Setting it updates Content-Length (adding the
    /// header when the message had none and the body is not empty).
    public var body: [UInt8] {
        get { bodyStorage }
        set {
            bodyStorage = newValue
            bodyDescription = nil
            updateContentLength()
        }
    }
    /// The line ending new lines are written with: the one the start line used.
    public var lineEnding: SIPLineEnding

    /// The body as parsed or set; the parser fills it without touching Content-Length.
    var bodyStorage: [UInt8]
    /// The session description of the body, parsed once by the message parser (the body's
    /// findings come from this parse); `nil` until then, and again once the body changes.
    var bodyDescription: ParseResult<SessionDescription>?
    /// Line breaks before the start line (RFC 3261 §7.5), kept for writing.
    var leading: [UInt8] = []
    /// The start line's bytes with its line ending, while unchanged since parsing.
    var startLineRaw: [UInt8]?
    /// The empty line that ends the header section, as written; empty for a truncated message.
    var headerTerminator: [UInt8]?
    /// Bytes of a datagram past Content-Length (RFC 3261 §18.3 discards them); kept for writing.
    var trailing: [UInt8] = []

    /// Makes a message from its parts. Content-Length is not touched; set ``body`` afterwards,
    /// or use ``SIPMessage/request(method:uri:headers:body:)`` and friends, which do.
    public init(
        startLine: SIPStartLine, headers: SIPHeaderFields = [], body: [UInt8] = [], lineEnding: SIPLineEnding = .crlf
    ) {
        self.startLine = startLine
        self.headers = headers
        self.bodyStorage = body
        self.lineEnding = lineEnding
    }

    /// A request with Content-Length set from the body.
    public static func request(
        method: SIPMethod, uri: SIPURI, headers: SIPHeaderFields = [], body: [UInt8] = []
    ) -> SIPMessage {
        var message = SIPMessage(startLine: .request(SIPRequestLine(method: method, uri: uri)), headers: headers)
        message.body = body
        message.headers.set(.contentLength, String(body.count))
        return message
    }

    /// A response with Content-Length set from the body; the reason phrase defaults to RFC
    /// 3261's for the code.
    public static func response(
        statusCode: Int, reasonPhrase: String? = nil, headers: SIPHeaderFields = [], body: [UInt8] = []
    ) -> SIPMessage {
        let line = SIPStatusLine(
            statusCode: statusCode, reasonPhrase: reasonPhrase ?? SIPStatusLine.defaultReasonPhrase(for: statusCode))
        var message = SIPMessage(startLine: .response(line), headers: headers)
        message.body = body
        message.headers.set(.contentLength, String(body.count))
        return message
    }

    // MARK: Start line

    /// Whether the message is a request.
    public var isRequest: Bool {
        if case .request = startLine { return true }
        return false
    }

    /// The request line, for a request.
    public var requestLine: SIPRequestLine? {
        if case .request(let line) = startLine { return line }
        return nil
    }

    /// The status line, for a response.
    public var statusLine: SIPStatusLine? {
        if case .response(let line) = startLine { return line }
        return nil
    }

    /// The method of a request, or of the request a response answers (from CSeq).
    public var method: SIPMethod? {
        if let requestLine { return requestLine.method }
        return cseq?.method
    }

    /// The status code of a response.
    public var statusCode: Int? { statusLine?.statusCode }

    // MARK: Writing

    /// The message as bytes: for a parsed, unedited message, exactly the input.
    ///
    /// - Complexity: O(n) in the size of the message.
    public func serialized() -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(estimatedSize)
        write(to: &output)
        return output
    }

    /// Appends the message's bytes to `output`.
    public func write(to output: inout [UInt8]) {
        let eol = lineEnding.bytes
        output += leading
        if let startLineRaw {
            output += startLineRaw
        } else {
            output += startLine.description.utf8
            output += eol
        }
        for field in headers.fields { field.write(to: &output, lineEnding: eol) }
        output += headerTerminator ?? eol
        output += bodyStorage
        output += trailing
    }

    /// The message as text; bytes that are not UTF-8 (in a binary body) read as U+FFFD.
    public var description: String { String(decoding: serialized(), as: UTF8.self) }

    var estimatedSize: Int {
        var size = leading.count + (startLineRaw?.count ?? 64) + bodyStorage.count + trailing.count + 2
        for field in headers.fields {
            size += field.raw?.count ?? (field.name.spelling.utf8.count + field.value.utf8.count + 4)
        }
        return size
    }

    public static func == (lhs: SIPMessage, rhs: SIPMessage) -> Bool { lhs.serialized() == rhs.serialized() }
    public func hash(into hasher: inout Hasher) { hasher.combine(serialized()) }

    /// Keeps Content-Length equal to the body's size after an edit.
    private mutating func updateContentLength() {
        let length = String(body.count)
        if headers.contains(.contentLength) {
            if headers[.contentLength] != length { headers.set(.contentLength, length) }
        } else if !body.isEmpty {
            headers.append(.contentLength, length)
        }
    }
}

/// How the lines of the start line and the header section end.
public enum SIPLineEnding: String, Sendable, Hashable, CaseIterable {
    /// CRLF, as RFC 3261 §7 requires.
    case crlf = "\r\n"
    /// A bare LF, which lenient receivers accept.
    case lf = "\n"

    var bytes: [UInt8] { self == .crlf ? [0x0D, 0x0A] : [0x0A] }
}
