/// The first line of a message: a request line or a status line.
///
/// [RFC 3261 §7.1, §7.2](https://www.rfc-editor.org/rfc/rfc3261#section-7.1)
/// ```
/// Request-Line  =  Method SP Request-URI SP SIP-Version CRLF
/// Status-Line   =  SIP-Version SP Status-Code SP Reason-Phrase CRLF
/// ```
public enum SIPStartLine: Sendable, Hashable, CustomStringConvertible {
    case request(SIPRequestLine)
    case response(SIPStatusLine)

    /// The line without its line ending, in canonical form.
    public var description: String {
        switch self {
        case .request(let line): line.description
        case .response(let line): line.description
        }
    }
}

/// `Method SP Request-URI SP SIP-Version`.
public struct SIPRequestLine: Sendable, Hashable, CustomStringConvertible {
    /// The method (case-sensitive).
    public var method: SIPMethod
    /// The Request-URI. One the parser could not read is kept as text (``SIPURI/opaque``).
    public var uri: SIPURI
    /// `SIP-Version = "SIP" "/" 1*DIGIT "." 1*DIGIT`, "SIP/2.0".
    public var version: String

    public init(method: SIPMethod, uri: SIPURI, version: String = "SIP/2.0") {
        self.method = method
        self.uri = uri
        self.version = version
    }

    public var description: String { method.rawValue + " " + uri.description + " " + version }
}

/// `SIP-Version SP Status-Code SP Reason-Phrase`.
public struct SIPStatusLine: Sendable, Hashable, CustomStringConvertible {
    /// "SIP/2.0".
    public var version: String
    /// `Status-Code = 3DIGIT`, 100–699 (RFC 3261 §21).
    public var statusCode: Int
    /// The reason phrase: any UTF-8 text, possibly empty.
    ///
    /// `Reason-Phrase = *(reserved / unreserved / escaped / UTF8-NONASCII / UTF8-CONT / SP / HTAB)`
    public var reasonPhrase: String

    public init(statusCode: Int, reasonPhrase: String, version: String = "SIP/2.0") {
        self.version = version
        self.statusCode = statusCode
        self.reasonPhrase = reasonPhrase
    }

    /// The class of the response: 1 provisional, 2 success, 3 redirection, 4 client error,
    /// 5 server error, 6 global failure.
    public var statusClass: Int { statusCode / 100 }

    public var description: String { version + " " + String(statusCode) + " " + reasonPhrase }

    /// The reason phrase RFC 3261 §21 suggests for `code`, or "" for an unknown code.
    public static func defaultReasonPhrase(for code: Int) -> String {
        switch code {
        case 100: "Trying"
        case 180: "Ringing"
        case 181: "Call Is Being Forwarded"
        case 182: "Queued"
        case 183: "Session Progress"
        case 200: "OK"
        case 202: "Accepted"
        case 300: "Multiple Choices"
        case 301: "Moved Permanently"
        case 302: "Moved Temporarily"
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 407: "Proxy Authentication Required"
        case 408: "Request Timeout"
        case 413: "Request Entity Too Large"
        case 415: "Unsupported Media Type"
        case 420: "Bad Extension"
        case 480: "Temporarily Unavailable"
        case 481: "Call/Transaction Does Not Exist"
        case 486: "Busy Here"
        case 487: "Request Terminated"
        case 488: "Not Acceptable Here"
        case 500: "Server Internal Error"
        case 501: "Not Implemented"
        case 503: "Service Unavailable"
        case 505: "Version Not Supported"
        case 513: "Message Too Large"
        case 603: "Decline"
        default: ""
        }
    }
}
