/// An HTTP/1.1 message as WHIP and WHEP exchange it: a request or status line, header fields in
/// order, and a body.
///
/// RFC 9112 §2.1 <https://www.rfc-editor.org/rfc/rfc9112#section-2.1>
///
/// ```
/// HTTP-message = start-line CRLF *( field-line CRLF ) CRLF [ message-body ]
/// start-line   = request-line / status-line
/// ```
public struct HTTPMessage: Sendable, Hashable, CustomStringConvertible {
    /// The first line.
    public enum StartLine: Sendable, Hashable {
        /// `method SP request-target SP HTTP-version` (RFC 9112 §3).
        case request(method: String, target: String, version: String)
        /// `HTTP-version SP status-code SP [ reason-phrase ]` (RFC 9112 §4).
        case status(version: String, code: Int, reason: String)
    }

    public var startLine: StartLine
    /// The header fields in order, duplicates kept.
    public var fields: [HTTPField]
    /// The body after any transfer coding was removed.
    public var body: [UInt8]

    public init(startLine: StartLine, fields: [HTTPField] = [], body: [UInt8] = []) {
        self.startLine = startLine
        self.fields = fields
        self.body = body
    }

    /// A request.
    public static func request(
        _ method: String, _ target: String, fields: [HTTPField] = [], body: [UInt8] = []
    ) -> HTTPMessage {
        HTTPMessage(
            startLine: .request(method: method, target: target, version: "HTTP/1.1"), fields: fields, body: body)
    }

    /// A response; the reason phrase is the usual one for the code.
    public static func response(_ code: Int, fields: [HTTPField] = [], body: [UInt8] = []) -> HTTPMessage {
        HTTPMessage(
            startLine: .status(version: "HTTP/1.1", code: code, reason: reasonPhrase(code)), fields: fields, body: body)
    }

    /// The method of a request, as written (methods are case-sensitive, RFC 9110 §9.1).
    public var method: String? {
        if case .request(let method, _, _) = startLine { return method }
        return nil
    }

    /// The request target of a request.
    public var target: String? {
        if case .request(_, let target, _) = startLine { return target }
        return nil
    }

    /// The status code of a response.
    public var statusCode: Int? {
        if case .status(_, let code, _) = startLine { return code }
        return nil
    }

    /// The value of the first field named `name`, compared ignoring ASCII case (RFC 9110 §5.1).
    public subscript(name: String) -> String? {
        fields.first { $0.hasName(name) }?.value
    }

    /// The values of every field named `name`, in order.
    public func values(_ name: String) -> [String] {
        fields.filter { $0.hasName(name) }.map(\.value)
    }

    /// The media type of Content-Type without parameters, lower-cased: `application/sdp`.
    public var mediaType: String? {
        guard let value = self["Content-Type"] else { return nil }
        let type = value.split(separator: ";", maxSplits: 1).first.map(String.init) ?? value
        return String(type.filter { $0 != " " && $0 != "\t" }).lowercased()
    }

    /// The message as HTTP/1.1 text with CRLF line endings; fields are written as they are, so
    /// set Content-Length to match the body.
    public func serialized() -> [UInt8] {
        var text = ""
        switch startLine {
        case .request(let method, let target, let version):
            text += method + " " + target + " " + version
        case .status(let version, let code, let reason):
            text += version + " " + String(code) + " " + reason
        }
        text += "\r\n"
        for field in fields { text += field.name + ": " + field.value + "\r\n" }
        text += "\r\n"
        return Array(text.utf8) + body
    }

    public var description: String { String(decoding: serialized(), as: UTF8.self) }

    /// The reason phrases of the status codes WHIP and WHEP use (RFC 9110 §15).
    static func reasonPhrase(_ code: Int) -> String {
        switch code {
        case 200: "OK"
        case 201: "Created"
        case 204: "No Content"
        case 307: "Temporary Redirect"
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 406: "Not Acceptable"
        case 412: "Precondition Failed"
        case 415: "Unsupported Media Type"
        case 422: "Unprocessable Content"
        case 429: "Too Many Requests"
        case 500: "Internal Server Error"
        case 501: "Not Implemented"
        case 503: "Service Unavailable"
        default: ""
        }
    }
}

/// One header field line: `field-name ":" OWS field-value OWS` (RFC 9112 §5).
public struct HTTPField: Sendable, Hashable, CustomStringConvertible {
    /// The name as written; names compare ignoring ASCII case.
    public var name: String
    /// The value without surrounding white space.
    public var value: String

    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }

    /// Whether the field is named `other`, ignoring ASCII case.
    public func hasName(_ other: String) -> Bool {
        name.utf8.count == other.utf8.count
            && zip(name.utf8, other.utf8).allSatisfy { Self.lower($0) == Self.lower($1) }
    }

    public var description: String { name + ": " + value }

    static func lower(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
    }
}
