internal import SDPLintScanning

/// The name of a header field: compares case-insensitively, with compact forms equal to their
/// full names (`i` is `Call-ID`), and keeps its spelling for output.
///
/// [RFC 3261 §7.3.1, §7.3.3](https://www.rfc-editor.org/rfc/rfc3261#section-7.3.3)
/// ```
/// header-name  =  token
/// ```
public struct SIPHeaderName: Sendable, Hashable, CustomStringConvertible, ExpressibleByStringLiteral {
    /// The name as written: `Call-ID`, `call-id`, `i`.
    public let spelling: String
    /// The full name in lower case, for comparison: `call-id` for all three above.
    let key: String

    public init(_ spelling: String) {
        self.spelling = spelling
        let lowered = spelling.lowercasedASCII
        key = Self.compactForms[lowered].map(\.lowercasedASCII) ?? lowered
    }

    public init(stringLiteral value: String) { self.init(value) }

    public var description: String { spelling }

    /// Whether the name is written in its one-letter compact form.
    public var isCompact: Bool { spelling.utf8.count == 1 && Self.compactForms[spelling.lowercasedASCII] != nil }

    /// The name as RFC 3261 and its extensions spell it (`Call-ID`, `CSeq`, `WWW-Authenticate`),
    /// the full form of a compact name, or the spelling for an unknown header.
    public var canonicalName: String { Self.canonicalSpellings[key] ?? spelling }

    public static func == (lhs: SIPHeaderName, rhs: SIPHeaderName) -> Bool { lhs.key == rhs.key }
    public func hash(into hasher: inout Hasher) { hasher.combine(key) }

    // MARK: Names

    public static let via = SIPHeaderName("Via")
    public static let from = SIPHeaderName("From")
    public static let to = SIPHeaderName("To")
    public static let callID = SIPHeaderName("Call-ID")
    public static let cseq = SIPHeaderName("CSeq")
    public static let contact = SIPHeaderName("Contact")
    public static let maxForwards = SIPHeaderName("Max-Forwards")
    public static let contentLength = SIPHeaderName("Content-Length")
    public static let contentType = SIPHeaderName("Content-Type")
    public static let contentEncoding = SIPHeaderName("Content-Encoding")
    public static let contentDisposition = SIPHeaderName("Content-Disposition")
    public static let allow = SIPHeaderName("Allow")
    public static let supported = SIPHeaderName("Supported")
    public static let require = SIPHeaderName("Require")
    public static let proxyRequire = SIPHeaderName("Proxy-Require")
    public static let unsupported = SIPHeaderName("Unsupported")
    public static let route = SIPHeaderName("Route")
    public static let recordRoute = SIPHeaderName("Record-Route")
    public static let expires = SIPHeaderName("Expires")
    public static let minExpires = SIPHeaderName("Min-Expires")
    public static let subject = SIPHeaderName("Subject")
    public static let userAgent = SIPHeaderName("User-Agent")
    public static let server = SIPHeaderName("Server")
    public static let date = SIPHeaderName("Date")
    public static let wwwAuthenticate = SIPHeaderName("WWW-Authenticate")
    public static let authorization = SIPHeaderName("Authorization")
    public static let proxyAuthenticate = SIPHeaderName("Proxy-Authenticate")
    public static let proxyAuthorization = SIPHeaderName("Proxy-Authorization")
    public static let event = SIPHeaderName("Event")
    /// RFC 6086 §7.2; `trickle-ice` for RFC 8840 INFO requests.
    public static let infoPackage = SIPHeaderName("Info-Package")
    public static let recvInfo = SIPHeaderName("Recv-Info")

    /// RFC 3261 §7.3.3 and the IANA registry: the one-letter forms and the headers they stand for.
    static let compactForms: [String: String] = [
        "a": "Accept-Contact", "b": "Referred-By", "c": "Content-Type", "d": "Request-Disposition",
        "e": "Content-Encoding", "f": "From", "i": "Call-ID", "j": "Reject-Contact", "k": "Supported",
        "l": "Content-Length", "m": "Contact", "n": "Identity-Info", "o": "Event", "r": "Refer-To",
        "s": "Subject", "t": "To", "u": "Allow-Events", "v": "Via", "x": "Session-Expires", "y": "Identity",
    ]

    /// The compact form of each full name that has one, in lower case.
    static let compactLetters: [String: String] = {
        var letters: [String: String] = [:]
        for (letter, name) in compactForms { letters[name.lowercasedASCII] = letter }
        return letters
    }()

    /// The compact form of this name, if it has one (`i` for `Call-ID`).
    public var compactForm: String? { Self.compactLetters[key] }

    static let canonicalSpellings: [String: String] = {
        var spellings: [String: String] = [:]
        let names = [
            "Accept", "Accept-Contact", "Accept-Encoding", "Accept-Language", "Alert-Info", "Allow", "Allow-Events",
            "Authentication-Info", "Authorization", "Call-ID", "Call-Info", "Contact", "Content-Disposition",
            "Content-Encoding", "Content-Language", "Content-Length", "Content-Type", "CSeq", "Date", "Error-Info",
            "Event", "Expires", "From", "Identity", "Identity-Info", "In-Reply-To", "Info-Package", "Max-Forwards",
            "MIME-Version", "Min-Expires", "Organization", "P-Asserted-Identity", "Path", "Priority",
            "Proxy-Authenticate", "Proxy-Authorization", "Proxy-Require", "RAck", "Reason", "Record-Route",
            "Recv-Info", "Refer-To", "Referred-By", "Reject-Contact", "Reply-To", "Request-Disposition",
            "Require", "Retry-After", "Route", "RSeq", "Server", "Service-Route", "Session-Expires", "Subject",
            "Subscription-State", "Supported", "Timestamp", "To", "Unsupported", "User-Agent", "Via", "Warning",
            "WWW-Authenticate",
        ]
        for name in names { spellings[name.lowercasedASCII] = name }
        return spellings
    }()

    /// Headers whose value is a comma-separated list (RFC 3261 §7.3.1 allows several fields
    /// of one name to be combined into one). Headers not listed here, such as
    /// `WWW-Authenticate`, `Authorization` and `Date`, have commas inside one value.
    static let listHeaders: Set<String> = [
        "accept", "accept-contact", "accept-encoding", "accept-language", "alert-info", "allow", "allow-events",
        "call-info", "contact", "content-encoding", "content-language", "error-info", "in-reply-to", "path",
        "p-asserted-identity", "p-preferred-identity", "proxy-require", "reason", "record-route", "reject-contact",
        "request-disposition", "require", "route", "security-client", "security-server", "security-verify",
        "service-route", "supported", "unsupported", "via", "warning", "history-info", "recv-info",
        "accept-resource-priority",
        "resource-priority", "privacy",
    ]

    /// Whether the header's value is a comma-separated list that ``SIPHeaderFields/values(for:)``
    /// splits.
    public var isList: Bool { Self.listHeaders.contains(key) }

    /// Headers that may appear at most once (RFC 3261 §7.3.1, §20).
    static let singleInstance: Set<String> = [
        "to", "from", "call-id", "cseq", "max-forwards", "content-length", "content-type",
    ]
}
