public import SDPLintDiagnostics

/// Every check the SIP parser makes, with its stable code.
///
/// `SIP1xx` are syntax rules (RFC 3261 §7 and §25), `SIP2xx` semantics of one message (mandatory
/// headers, consistency between headers), and `SIP3xx` framing and the limits that keep hostile
/// input cheap. Codes are never reused.
public enum SIPRules {
    // MARK: Syntax (RFC 3261 §7, §25)

    public static let emptyMessage = Rule(
        code: "SIP100", name: "empty-message", severity: .error,
        severityRationale:
            """
            Error: RFC 3261 §7 has every message begin with a request or status line; an empty input, or one of bare \
            line breaks, holds no message at all.
            """,
        summary: "The input holds no SIP message.",
        explanation:
            """
            A SIP message starts with a request line or a status line. The input is empty or holds only line \
            breaks (a keep-alive, RFC 5626 §3.5.1, is not a message).
            """,
        reference: .rfc(3261, "7"), bad: "\\r\\n\\r\\n", good: "OPTIONS sip:example.com SIP/2.0")

    public static let startLine = Rule(
        code: "SIP101", name: "start-line", severity: .error,
        severityRationale:
            """
            Error: the RFC 3261 §7.1 start line is what makes the text a request or a response, and a receiver answers \
            400 Bad Request or drops a message whose first line is neither.
            """,
        summary: "The first line is neither a request line nor a status line.",
        explanation:
            """
            A request starts with `Method SP Request-URI SP SIP-Version` and a response with `SIP-Version SP \
            Status-Code SP Reason-Phrase`, each part separated by exactly one space. A receiver answers 400 Bad \
            Request or drops the message.
            """,
        reference: .rfc(3261, "7.1"), bad: "INVITE sip:a@example.com", good: "INVITE sip:a@example.com SIP/2.0")

    public static let version = Rule(
        code: "SIP102", name: "sip-version", severity: .error,
        severityRationale:
            """
            Error: RFC 3261 §7.1 defines only SIP/2.0, and a UAS answers any other version with 505 Version Not \
            Supported.
            """,
        summary: "The SIP-Version is not SIP/2.0.",
        explanation:
            """
            RFC 3261 defines version 2.0 and asks senders to write it in upper case. A UAS that receives another \
            version answers 505 Version Not Supported.
            """,
        reference: .rfc(3261, "7.1"), bad: "INVITE sip:a@example.com SIP/7.0", good: "INVITE sip:a@example.com SIP/2.0")

    public static let method = Rule(
        code: "SIP103", name: "method-syntax", severity: .error,
        severityRationale:
            """
            Error: RFC 3261 §7.1 makes the method a case-sensitive token; a method that is not a token leaves the \
            request line unreadable, and another spelling names a different method.
            """,
        summary: "The method is not a token, or disagrees with its spelling elsewhere.",
        explanation:
            "A method is a token (letters, digits and `-.!%*_+`'~`) and is case-sensitive: `invite` is not `INVITE`.",
        reference: .rfc(3261, "7.1"), bad: "IN VITE sip:a@example.com SIP/2.0", good: "INVITE sip:a@example.com SIP/2.0"
    )

    public static let requestURI = Rule(
        code: "SIP104", name: "request-uri", severity: .error,
        severityRationale:
            """
            Error: a Request-URI outside the RFC 3261 §8.1.1.1 form, for example in angle brackets or with white \
            space, cannot be read, so a proxy cannot route the request.
            """,
        summary: "The Request-URI is malformed.",
        explanation:
            """
            The Request-URI is a bare SIP, SIPS or tel URI (or another absolute URI), without angle brackets or \
            white space. A proxy cannot route a request whose Request-URI it cannot read.
            """,
        reference: .rfc(3261, "8.1.1.1"), bad: "INVITE <sip:a@example.com> SIP/2.0",
        good: "INVITE sip:a@example.com SIP/2.0")

    public static let statusCode = Rule(
        code: "SIP105", name: "status-code", severity: .error,
        severityRationale:
            """
            Error: RFC 3261 §7.2 gives a status code three digits whose first is its class; a code outside 100–699 has \
            no class, so a UAC cannot act on the response.
            """,
        summary: "The status code is not three digits from 100 to 699.",
        explanation:
            """
            `Status-Code = 3DIGIT`, and the first digit is the class of the response: 1xx provisional to 6xx \
            global failure. Codes outside 100–699 have no class, and a UAC cannot act on them.
            """,
        reference: .rfc(3261, "7.2"), bad: "SIP/2.0 99 Weird", good: "SIP/2.0 180 Ringing")

    public static let headerSyntax = Rule(
        code: "SIP106", name: "header-syntax", severity: .error,
        severityRationale:
            """
            Error: a line that is not a token name, a colon and a value breaks the RFC 3261 §7.3 header grammar and \
            cannot be read, so the header it was meant to carry is lost.
            """,
        summary: "A header line is not `name: value`.",
        explanation:
            """
            Each header field is a token name, optional white space, a colon and the value. A line without a \
            colon, with a name that is not a token, or a continuation line before any header cannot be read; it is \
            kept as written.
            """,
        reference: .rfc(3261, "7.3"), bad: "Via SIP/2.0/UDP host", good: "Via: SIP/2.0/UDP host")

    public static let whitespace = Rule(
        code: "SIP107", name: "start-line-whitespace", severity: .warning,
        severityRationale:
            """
            Warning: RFC 3261 §7.1 (request line) and §7.2 (status line) separate the parts of the start line with \
            exactly one SP, yet lenient receivers accept extra white space; only strict ones answer 400.
            """,
        summary: "The start line has white space other than single spaces between its parts.",
        explanation:
            """
            The request and status lines separate their parts with exactly one SP and allow no leading or trailing \
            white space; lenient receivers accept more, strict ones answer 400.
            """,
        reference: .rfc(3261, "7.1"), bad: "INVITE  sip:a@example.com SIP/2.0", good: "INVITE sip:a@example.com SIP/2.0"
    )

    public static let lineFolding = Rule(
        code: "SIP108", name: "line-folding", severity: .info, strictSeverity: .warning,
        severityRationale:
            """
            Note: RFC 3261 §7.3.1 allows folded header values and makes receivers unfold them, so the message is \
            valid; folding is reported only because many stacks never send it.
            """,
        summary: "A header value continues on a line that starts with white space.",
        explanation:
            """
            RFC 3261 allows a header value to be folded onto continuation lines (LWS may contain CRLF), and \
            receivers must unfold it; HTTP has since obsoleted folding (RFC 9112 §5.2) and many SIP stacks never \
            send it. The value reads as if the line break and indentation were one space.
            """,
        reference: .rfc(3261, "7.3.1"), bad: "Subject: a\\r\\n b", good: "Subject: a b")

    public static let lineEnding = Rule(
        code: "SIP109", name: "line-ending", severity: .warning,
        severityRationale:
            """
            Warning: RFC 3261 §7 ends every start and header line with CRLF, but many stacks accept a bare LF, so the \
            message usually gets through despite the break from the grammar.
            """,
        summary: "A line of the header section ends with a bare LF.",
        explanation:
            """
            Every line of the start line and the headers ends with CRLF. Many stacks accept a bare LF, which \
            usually means the message was written by hand or by a script.
            """,
        reference: .rfc(3261, "7"), bad: "Via: SIP/2.0/UDP host\\n", good: "Via: SIP/2.0/UDP host\\r\\n")

    public static let controlCharacter = Rule(
        code: "SIP110", name: "control-character", severity: .error,
        severityRationale:
            """
            Error: RFC 3261 §25.1 admits only printable UTF-8, SP and HTAB in header text, so a NUL, a bare CR or \
            another control character makes the line invalid and often marks binary data or an attack.
            """,
        summary: "The start line or a header holds a NUL or another control character.",
        explanation:
            """
            Header text is printable UTF-8 with SP and HTAB; a NUL byte, a bare CR or another control character \
            usually means binary data or an attack on a parser written in C.
            """,
        reference: .rfc(3261, "25.1"), bad: "Subject: a\\0b", good: "Subject: ab")

    public static let invalidUTF8 = Rule(
        code: "SIP111", name: "invalid-utf8", severity: .error,
        severityRationale:
            """
            Error: RFC 3261 §7.3.1 and §25.1 make SIP text UTF-8, so bytes that do not decode fall outside the grammar \
            and the value cannot be read as it was sent.
            """,
        summary: "The start line or a header holds bytes that are not UTF-8.",
        explanation:
            """
            SIP text (reason phrases, display names, quoted strings, Subject) is UTF-8 (RFC 3261 §7.3.1, §25.1). \
            Invalid bytes are replaced by U+FFFD in the value; the message keeps them as written.
            """,
        reference: .rfc(3261, "25.1"))

    public static let uriSyntax = Rule(
        code: "SIP112", name: "uri-syntax", severity: .error,
        severityRationale:
            """
            Error: a URI that breaks the RFC 3261 §19.1.1 grammar (an unescaped character, a bad host, a port above \
            65535) has no reliable reading, so the address it carries cannot be used.
            """,
        summary: "A SIP, SIPS or tel URI is malformed.",
        explanation:
            """
            `sip:[user[:password]@]host[:port][;params][?headers]`: the user and parameters use their own \
            character sets (other characters are %-escaped), the host is a name, an IPv4 address or a bracketed \
            IPv6 address, and the port is a number up to 65535.
            """,
        reference: .rfc(3261, "19.1.1"), bad: "sip:alice@exa mple.com:99999", good: "sip:alice@example.com:5060")

    public static let addressSyntax = Rule(
        code: "SIP113", name: "name-addr-syntax", severity: .error,
        severityRationale:
            """
            Error: these headers follow the RFC 3261 §20.10 name-addr grammar; an unpaired quote or bracket, or a bare \
            URI holding `,`, `;` or `?`, leaves the address unreadable or split in the wrong place.
            """,
        summary: "A From, To, Contact, Route or Record-Route value is malformed.",
        explanation:
            """
            These headers carry `[display-name] <URI> *(;param)` or a bare URI with parameters. The display name \
            is a quoted string or tokens, the angle brackets pair up, and a bare URI may not contain `,`, `;` or \
            `?` (they belong to the header, so such URIs need angle brackets).
            """,
        reference: .rfc(3261, "20.10"), bad: "To: \"Bob <sip:bob@example.com>",
        good: "To: \"Bob\" <sip:bob@example.com>")

    public static let viaSyntax = Rule(
        code: "SIP114", name: "via-syntax", severity: .error,
        severityRationale:
            """
            Error: responses travel back along the Via path (RFC 3261 §20.42), so a Via that cannot be read loses the \
            response.
            """,
        summary: "A Via value is malformed.",
        explanation:
            """
            `Via: SIP/2.0/<transport> <host>[:<port>] *(;param)`, with `branch`, `received`, `rport`, `maddr` and \
            `ttl` among the parameters. Responses are routed back along the Via path, so a Via that cannot be read \
            loses the response.
            """,
        reference: .rfc(3261, "20.42"), bad: "Via: SIP/2.0 host;branch=z9hG4bK1",
        good: "Via: SIP/2.0/UDP host;branch=z9hG4bK1")

    public static let cseqSyntax = Rule(
        code: "SIP115", name: "cseq-syntax", severity: .error,
        severityRationale:
            """
            Error: RFC 3261 §20.16 makes CSeq a 32-bit number and a method; without both, a mandatory header has no \
            usable value and the request cannot be ordered or tied to its method.
            """,
        summary: "The CSeq value is not a sequence number and a method.",
        explanation: "`CSeq: 1*DIGIT LWS Method`, the number fitting 32 bits.",
        reference: .rfc(3261, "20.16"), bad: "CSeq: INVITE 1", good: "CSeq: 1 INVITE")

    public static let numberSyntax = Rule(
        code: "SIP116", name: "number-syntax", severity: .error,
        severityRationale:
            """
            Error: Max-Forwards, Expires and Min-Expires hold a decimal number (RFC 3261 §20.22); any other text \
            leaves the hop count or the expiry they carry unknown.
            """,
        summary: "A numeric header (Max-Forwards, Expires, Min-Expires) is not a number.",
        explanation: "These headers hold a decimal number and nothing else.",
        reference: .rfc(3261, "20.22"), bad: "Max-Forwards: seventy", good: "Max-Forwards: 70")

    public static let mediaTypeSyntax = Rule(
        code: "SIP117", name: "content-type-syntax", severity: .error,
        severityRationale:
            """
            Error: a Content-Type outside the RFC 3261 §20.15 type/subtype grammar names no media type, so the body \
            cannot be interpreted.
            """,
        summary: "The Content-Type value is not a media type.",
        explanation:
            """
            `type/subtype *(;attribute=value)`, each part a token and each value a token or a quoted string. A \
            body whose type cannot be read cannot be interpreted.
            """,
        reference: .rfc(3261, "20.15"), bad: "Content-Type: application", good: "Content-Type: application/sdp")

    public static let escape = Rule(
        code: "SIP118", name: "escape", severity: .error,
        severityRationale:
            """
            Error: RFC 3261 §19.1.2 reads a `%` in a URI as the start of a two-hex-digit escape, so a `%` without them \
            leaves the URI malformed and its characters undefined.
            """,
        summary: "A `%` is not followed by two hexadecimal digits.",
        explanation:
            """
            In URIs a `%` starts an escape of exactly two hexadecimal digits (RFC 3261 §25.1 `escaped`); a literal \
            `%` is written `%25`.
            """,
        reference: .rfc(3261, "19.1.2"), bad: "sip:100%@example.com", good: "sip:100%25@example.com")

    public static let multipartSyntax = Rule(
        code: "SIP119", name: "multipart-syntax", severity: .error,
        severityRationale:
            """
            Error: RFC 5621 §3 locates the parts of a multipart body by its boundary; without the parameter or the \
            delimiters the parts, the SDP among them, cannot be found.
            """,
        summary: "A multipart body has no boundary parameter, no delimiter or no closing delimiter.",
        explanation:
            """
            A `multipart/*` body declares its `boundary` in Content-Type, starts each part with `--boundary` on a \
            line of its own and ends with `--boundary--`. Without them the parts cannot be found.
            """,
        reference: .rfc(5621, "3"), bad: "Content-Type: multipart/mixed",
        good: "Content-Type: multipart/mixed;boundary=unique-boundary-1")

    public static let tokenList = Rule(
        code: "SIP120", name: "token-list", severity: .error,
        severityRationale:
            """
            Error: the RFC 3261 §20.37 grammar lists tokens separated by commas; an element that is not a token names \
            no method or option tag, and in Require or Proxy-Require the receiver cannot tell what it must support.
            """,
        summary: "An element of Allow, Supported, Require, Proxy-Require or Unsupported is not a token.",
        explanation:
            """
            These headers list methods or option tags, each a token, separated by commas. An empty element \
            (`a,,b`) is not allowed either.
            """,
        reference: .rfc(3261, "20.37"), bad: "Supported: 100rel,,timer", good: "Supported: 100rel, timer")

    public static let leadingLineBreaks = Rule(
        code: "SIP121", name: "leading-line-breaks", severity: .info,
        severityRationale:
            """
            Note: RFC 3261 §7.5 has receivers ignore CRLFs before the start line, and on connections they serve as \
            keep-alives (RFC 5626 §3.5.1), so nothing is wrong.
            """,
        summary: "Line breaks come before the start line.",
        explanation:
            """
            Receivers ignore CRLFs before the start line (RFC 3261 §7.5); on connections they are keep-alives (RFC \
            5626 §3.5.1). They are kept so the message writes back unchanged.
            """,
        reference: .rfc(3261, "7.5"))

    public static let callIDSyntax = Rule(
        code: "SIP122", name: "call-id-syntax", severity: .error,
        severityRationale:
            """
            Error: RFC 3261 §20.8 limits the Call-ID, which with the tags identifies the dialog, to one or two words \
            joined by `@`; an empty value or one with white space breaks a mandatory header.
            """,
        summary: "The Call-ID is empty or holds characters outside `word [@ word]`.",
        explanation:
            """
            The Call-ID identifies the dialog together with the tags; it is one or two words joined by `@`, \
            without white space.
            """,
        reference: .rfc(3261, "20.8"), bad: "Call-ID: a b", good: "Call-ID: f81d4fae@192.0.2.4")

    public static let routeWithoutBrackets = Rule(
        code: "SIP123", name: "route-without-brackets", severity: .warning,
        severityRationale:
            """
            Warning: many proxies read a bare URI here, but by the grammar its parameters are the header's, so a \
            receiver that follows it takes a loose router (;lr) for a strict one and routes the request elsewhere.
            """,
        summary: "A Route, Record-Route, Path or Service-Route value is a URI without angle brackets.",
        explanation:
            """
            These headers carry name-addr only (RFC 3261 §20.30 and §20.34, RFC 3327 §4, RFC 3608 §5): the URI \
            in angle brackets, so that its parameters, lr above all, stay the URI's. Written bare, `;lr` and the \
            other parameters belong to the header value instead.
            """,
        reference: .rfc(3261, "20.34"), bad: "Route: sip:p1.example.com;lr", good: "Route: <sip:p1.example.com;lr>")

    public static let ipv6ExtraColon = Rule(
        code: "SIP124", name: "ipv6-extra-colon", severity: .warning,
        severityRationale:
            """
            Warning: RFC 5118 §4.10 has receivers accept the form, but RFC 5954 §4.1 forbids generating it, and a \
            parser that follows RFC 4291 refuses the address.
            """,
        summary: "An IPv6 reference has a third colon before its IPv4 part ([2001:db8:::192.0.2.1]).",
        explanation:
            """
            RFC 3261's IPv6 grammar, taken from RFC 2373, let "::" be followed by ":" and a dotted IPv4 address. \
            RFC 5954 §4.1 replaced it with RFC 3986's grammar, where the address is written with two colons.
            """,
        reference: .rfc(5954, "4.1"), bad: "sip:user@[2001:db8:::192.0.2.1]", good: "sip:user@[2001:db8::192.0.2.1]")

    // MARK: Semantics (RFC 3261 §8, §20)

    public static let missingHeader = Rule(
        code: "SIP200", name: "missing-header", severity: .error,
        severityRationale:
            """
            Error: RFC 3261 §8.1.1 and §8.2.6.2 make To, From, CSeq, Call-ID and Via mandatory, and a UAS answers a \
            request that lacks one with 400 Bad Request.
            """,
        summary: "A mandatory header is missing.",
        explanation:
            """
            Every request carries To, From, CSeq, Call-ID and Via (RFC 3261 §8.1.1; Max-Forwards too, SIP211); every response \
            carries To, From, CSeq, Call-ID and Via (§8.2.6.2). A UAS answers 400 Bad Request to a request without \
            them.
            """,
        reference: .rfc(3261, "8.1.1"), bad: "INVITE sip:a@example.com SIP/2.0\\r\\nVia: …\\r\\n\\r\\n", good: "")

    public static let duplicateHeader = Rule(
        code: "SIP201", name: "duplicate-header", severity: .error,
        severityRationale:
            """
            Error: these headers take a single value (RFC 3261 §7.3.1), and two copies leave the message ambiguous \
            about which one holds (RFC 4475 §3.3.8, §3.3.9).
            """,
        summary: "A header that may appear once appears more than once.",
        explanation:
            """
            To, From, Call-ID, CSeq, Max-Forwards, Content-Length and Content-Type are single-valued; two of them \
            make the message ambiguous (RFC 4475 §3.3.8, §3.3.9).
            """,
        reference: .rfc(3261, "7.3.1"), bad: "Call-ID: a\\r\\nCall-ID: b", good: "Call-ID: a")

    public static let cseqMethodMismatch = Rule(
        code: "SIP202", name: "cseq-method-mismatch", severity: .error,
        severityRationale:
            """
            Error: RFC 3261 §8.1.1.5 requires the CSeq method to equal the request method, and responses copy it, so a \
            mismatch makes the message contradict itself about its transaction.
            """,
        summary: "The method in CSeq is not the request's method.",
        explanation:
            """
            The CSeq method MUST match the method of the request (RFC 3261 §8.1.1.5); responses copy it from their \
            request.
            """,
        reference: .rfc(3261, "8.1.1.5"), bad: "INVITE … SIP/2.0\\r\\nCSeq: 1 ACK",
        good: "INVITE … SIP/2.0\\r\\nCSeq: 1 INVITE")

    public static let cseqRange = Rule(
        code: "SIP203", name: "cseq-number-range", severity: .warning, strictSeverity: .error,
        severityRationale:
            """
            Warning: RFC 3261 §8.1.1.5 keeps CSeq below 2^31 so that later requests can increment it within 32 bits; a \
            number from 2^31 up still fits 32 bits and can be read.
            """,
        summary: "The CSeq number is 2^31 or more.",
        explanation:
            """
            The sequence number MUST be less than 2^31 (RFC 3261 §8.1.1.5) so that it can be incremented within 32 \
            bits; numbers that do not fit 32 bits at all are a syntax error.
            """,
        reference: .rfc(3261, "8.1.1.5"), bad: "CSeq: 4294967295 INVITE", good: "CSeq: 1 INVITE")

    public static let branch = Rule(
        code: "SIP204", name: "via-branch", severity: .warning,
        severityRationale:
            """
            Warning: RFC 3261 §8.1.1.7 has every request carry a branch starting with z9hG4bK, but a receiver still \
            handles a request without it by falling back to RFC 2543 transaction matching.
            """,
        summary: "The top Via of a request has no branch, or a branch without the z9hG4bK magic cookie.",
        explanation:
            """
            An RFC 3261 client sends a branch that starts with `z9hG4bK` in every request (§8.1.1.7); transactions \
            are matched on it. Without the cookie the receiver falls back to RFC 2543 matching.
            """,
        reference: .rfc(3261, "8.1.1.7"), bad: "Via: SIP/2.0/UDP host;branch=1",
        good: "Via: SIP/2.0/UDP host;branch=z9hG4bK1")

    public static let fromTag = Rule(
        code: "SIP205", name: "from-tag", severity: .warning,
        severityRationale:
            """
            Warning: RFC 3261 §8.1.1.3 obliges a UAC to tag From, but §12.1.1 has a UAS take a missing tag as null for \
            RFC 2543 compatibility, so the request still works.
            """,
        summary: "The From header of a request has no tag.",
        explanation: "A UAC MUST add a tag to From (RFC 3261 §8.1.1.3); the tags and the Call-ID identify the dialog.",
        reference: .rfc(3261, "8.1.1.3"), bad: "From: <sip:a@example.com>",
        good: "From: <sip:a@example.com>;tag=1928301774")

    public static let maxForwardsRange = Rule(
        code: "SIP206", name: "max-forwards-range", severity: .warning,
        severityRationale:
            """
            Warning: RFC 3261 §20.22 bounds Max-Forwards at 255 and clients start at 70 (§8.1.1.6); a larger value is \
            still a readable hop count, so the request can be forwarded.
            """,
        summary: "Max-Forwards is above 255.",
        explanation: "Max-Forwards counts hops from 0 to 255 (RFC 3261 §20.22); clients start at 70 (§8.1.1.6).",
        reference: .rfc(3261, "20.22"), bad: "Max-Forwards: 300", good: "Max-Forwards: 70")

    public static let unknownMethod = Rule(
        code: "SIP207", name: "unknown-method", severity: .info,
        severityRationale:
            """
            Note: RFC 3261 §27.4 permits extension methods, so an unregistered one is legal; a UAS that does not know \
            it answers 405 or 501 (§8.2.1), which is ordinary negotiation.
            """,
        summary: "The method is not one of the registered SIP methods.",
        explanation:
            "Extension methods are allowed (RFC 3261 §27.4) and kept; a UAS that does not know one answers 405 or 501.",
        reference: .rfc(3261, "8.2.1"), bad: "NEWMETHOD sip:a@example.com SIP/2.0", good: "")

    public static let bodyWithoutType = Rule(
        code: "SIP208", name: "body-without-content-type", severity: .error,
        severityRationale:
            """
            Error: RFC 3261 §20.15 requires Content-Type whenever the body is not empty; without it the receiver has \
            no way to know what the body is or how to interpret it.
            """,
        summary: "The message has a body but no Content-Type.",
        explanation: "The Content-Type header MUST be present if the body is not empty (RFC 3261 §20.15).",
        reference: .rfc(3261, "20.15"), bad: "Content-Length: 4\\r\\n\\r\\nv=0\\n",
        good: "Content-Type: application/sdp\\r\\nContent-Length: 4\\r\\n\\r\\nv=0\\n")

    public static let wildcardContact = Rule(
        code: "SIP209", name: "wildcard-contact", severity: .error,
        severityRationale:
            """
            Error: RFC 3261 §10.2.2 allows `Contact: *` only alone in a REGISTER with Expires: 0, to remove all \
            bindings; anywhere else it names no reachable contact or contradicts the others.
            """,
        summary: "`Contact: *` is used outside a REGISTER, or together with other contacts.",
        explanation:
            """
            The wildcard removes all bindings and is allowed only in REGISTER, alone, with `Expires: 0` (RFC 3261 \
            §10.2.2).
            """,
        reference: .rfc(3261, "10.2.2"), bad: "INVITE …\\r\\nContact: *",
        good: "REGISTER …\\r\\nContact: *\\r\\nExpires: 0")

    public static let bodySyntax = Rule(
        code: "SIP210", name: "body-syntax", severity: .error,
        severityRationale:
            """
            Error: a body that does not parse as its Content-Type (RFC 3261 §20.15), such as an application/sdp body \
            that is no session description, cannot be used, so what it should set up fails.
            """,
        summary: "The body does not match its Content-Type.",
        explanation:
            """
            An application/sdp body must be a session description (its own findings follow with SDP codes); a \
            trickle-ICE sdpfrag body is carried in INFO with `Info-Package: trickle-ice` (RFC 8840 §4).
            """,
        reference: .rfc(3261, "20.15"))

    public static let maxForwardsMissing = Rule(
        code: "SIP211", name: "max-forwards-missing", severity: .warning,
        severityRationale:
            """
            Warning: RFC 3261 §8.1.1.6 makes Max-Forwards mandatory, but RFC 4475 §3.4.1 has RFC 2543-compatible \
            elements accept a request without it (a proxy adds 70); only a strict UAS answers 400.
            """,
        summary: "A request has no Max-Forwards.",
        explanation:
            """
            RFC 3261 §8.1.1.6 requires Max-Forwards in every request, but RFC 2543, which it replaced, did not \
            have it; RFC 4475 §3.4.1 says an element that keeps compatibility with RFC 2543 should accept such a \
            request (a proxy then inserts Max-Forwards: 70, §16.6). A strict UAS may answer 400.
            """,
        reference: .rfc(3261, "8.1.1.6"), bad: "INVITE … (no Max-Forwards)", good: "Max-Forwards: 70")

    public static let requestURIHeaders = Rule(
        code: "SIP212", name: "request-uri-headers", severity: .warning,
        severityRationale:
            """
            Warning: RFC 3261 §19.1.1 does not allow headers in a Request-URI, but RFC 4475 §3.1.2.11 lets an element \
            either answer 400 or ignore them, so the request may or may not be refused.
            """,
        summary: "The Request-URI carries ?headers, which only URIs in header fields may carry.",
        explanation:
            """
            A SIP URI may carry headers (`?Route=…&Subject=…`) to be put into a request made from it, as in a Contact \
            or a Refer-To; in the Request-URI itself they are not allowed (RFC 3261 §19.1.1, Table 1). RFC 4475 \
            §3.1.2.11 (escruri) says an element may answer 400 or ignore the headers.
            """,
        reference: .rfc(3261, "19.1.1"), bad: "INVITE sip:user@example.com?Route=%3Csip:example.com%3E SIP/2.0",
        good: "INVITE sip:user@example.com SIP/2.0")

    public static let dateSyntax = Rule(
        code: "SIP213", name: "date-syntax", severity: .warning,
        severityRationale:
            """
            Warning: RFC 3261 §20.17 allows only an RFC 1123 date in GMT, but the Date header informs and sets \
            nothing; RFC 4475 §3.1.2.12 says an element may reject such a request, and most ignore the header.
            """,
        summary: "The Date header is not an RFC 1123 date in GMT.",
        explanation:
            """
            SIP's Date is `wkday "," SP 2DIGIT SP month SP 4DIGIT SP hh:mm:ss SP "GMT"` (RFC 3261 §20.17, §25.1): \
            always GMT, never a local zone such as EST. RFC 4475 §3.1.2.12 (baddate) says an element may reject a \
            request with another zone, or be liberal and ignore the header.
            """,
        reference: .rfc(3261, "20.17"), bad: "Date: Fri, 01 Jan 2010 16:00:00 EST",
        good: "Date: Fri, 01 Jan 2010 21:00:00 GMT")

    // MARK: Framing and limits (RFC 3261 §18.3)

    public static let contentLengthMismatch = Rule(
        code: "SIP300", name: "content-length-mismatch", severity: .error,
        severityRationale:
            """
            Error: a wrong Content-Length breaks the framing: RFC 3261 §18.3 makes a datagram that ends short of it an \
            error, and on a connection every message that follows is misread.
            """,
        summary: "Content-Length disagrees with the body.",
        explanation:
            """
            Content-Length is the size of the body in bytes (RFC 3261 §20.14). Over UDP, a datagram that ends \
            before it is an error (§18.3), and bytes beyond it are not part of the message. A wrong length on a \
            connection loses the framing of every message that follows.
            """,
        reference: .rfc(3261, "18.3"), bad: "Content-Length: 200 (with a 129-byte body)", good: "Content-Length: 129")

    public static let contentLengthMissing = Rule(
        code: "SIP301", name: "content-length-missing", severity: .error,
        severityRationale:
            """
            Error: RFC 3261 §18.3 and §20.14 require Content-Length on stream transports because it is the only way to \
            find where the body ends; without it the body cannot be delimited.
            """,
        summary: "A message on a stream has no Content-Length.",
        explanation:
            """
            On stream transports (TCP, TLS, WebSocket frames excepted) Content-Length MUST be present, since it is \
            the only way to find the end of the body (RFC 3261 §18.3, §20.14). The body is taken as empty. A \
            message read alone is judged by the transport its top Via names.
            """,
        reference: .rfc(3261, "18.3"), bad: "", good: "Content-Length: 0")

    public static let contentLengthInvalid = Rule(
        code: "SIP302", name: "content-length-invalid", severity: .error,
        severityRationale:
            """
            Error: a Content-Length that is not a plain non-negative number (RFC 3261 §20.14), or exceeds what the \
            receiver accepts, gives no usable body length, so the message cannot be framed.
            """,
        summary: "Content-Length is not a non-negative number that fits the limits.",
        explanation:
            "`Content-Length = 1*DIGIT`: no sign, no other text, and not larger than any body this receiver accepts.",
        reference: .rfc(3261, "20.14"), bad: "Content-Length: -5", good: "Content-Length: 0")

    public static let truncated = Rule(
        code: "SIP303", name: "truncated-message", severity: .error,
        severityRationale:
            """
            Error: a message whose header section or Content-Length body ends early (RFC 3261 §18.3) is not a whole \
            message, so it cannot be processed as sent.
            """,
        summary: "The message ends before its header section or its body is complete.",
        explanation:
            """
            The header section ends with an empty line, and the body has Content-Length bytes. A stream that \
            closes earlier, or a datagram that was cut, leaves an incomplete message; what was read is kept.
            """,
        reference: .rfc(3261, "18.3"))

    public static let messageTooLarge = Rule(
        code: "SIP304", name: "message-too-large", severity: .error,
        severityRationale:
            """
            Error: the message exceeds the configured size limit, and a UAS answers a message too large for it with \
            513 Message Too Large (RFC 3261 §21.5.11).
            """,
        summary: "The message is larger than the configured limit.",
        explanation:
            """
            SIPParseOptions.Limits.maxMessageBytes bounds the work one message may cost. A UAS answers 513 Message \
            Too Large (RFC 3261 §21.5.11).
            """,
        reference: .rfc(3261, "21.5.11"))

    public static let headerLineTooLong = Rule(
        code: "SIP305", name: "header-line-too-long", severity: .error,
        severityRationale:
            """
            Error: a line past the configured length limit is kept but not interpreted, so the header it carries goes \
            unchecked; it is oversized input of the kind RFC 3261 §21.5.11 lets a server refuse with 513.
            """,
        summary: "A header line is longer than the configured limit.",
        explanation:
            """
            SIPParseOptions.Limits.maxHeaderLineLength bounds one header line. The line is kept as written but not \
            interpreted.
            """,
        reference: .rfc(3261, "21.5.11"))

    public static let tooManyHeaders = Rule(
        code: "SIP306", name: "too-many-headers", severity: .error,
        severityRationale:
            """
            Error: header fields past the configured count are kept but not interpreted, so they go unchecked; it is \
            oversized input of the kind RFC 3261 §21.5.11 lets a server refuse with 513.
            """,
        summary: "The message has more header fields than the configured limit.",
        explanation:
            """
            SIPParseOptions.Limits.maxHeaderCount bounds the header section. The lines past the limit are kept as \
            written but not interpreted.
            """,
        reference: .rfc(3261, "21.5.11"))

    public static let bodyTooLarge = Rule(
        code: "SIP307", name: "body-too-large", severity: .error,
        severityRationale:
            """
            Error: a body past the configured limit is not waited for or checked, and on a stream the decoder moves on \
            to the next start line; RFC 3261 §21.5.11 lets a server refuse such input with 513.
            """,
        summary: "The body is larger than the configured limit.",
        explanation:
            """
            SIPParseOptions.Limits.maxBodyBytes bounds the body. On a stream the decoder does not wait for such a \
            body; it reports the message and looks for the next start line.
            """,
        reference: .rfc(3261, "21.5.11"))

    public static let tooManyFindings = Rule.tooManyFindings(code: "SIP308", severity: .warning, reference: .rfc(3261))

    public static let skippedBytes = Rule(
        code: "SIP309", name: "skipped-bytes", severity: .error,
        severityRationale:
            """
            Error: between messages a stream may carry only CRLF keep-alives (RFC 5626 §3.5.1), so other bytes are a \
            broken or misframed message, lost when the decoder skips to the next start line.
            """,
        summary: "Bytes on a stream were skipped because they are not a SIP message.",
        explanation:
            """
            Between messages a stream may hold only CRLF keep-alives (RFC 5626 §3.5.1). The decoder skips lines \
            until the next request or status line, so one broken message does not lose the ones after it.
            """,
        reference: .rfc(3261, "18.3"))

    /// Every rule above, in code order.
    public static let all: [Rule] = [
        emptyMessage, startLine, version, method, requestURI, statusCode, headerSyntax, whitespace,
        lineFolding, lineEnding, controlCharacter, invalidUTF8, uriSyntax, addressSyntax, viaSyntax,
        cseqSyntax, numberSyntax, mediaTypeSyntax, escape, multipartSyntax, tokenList,
        leadingLineBreaks, callIDSyntax, routeWithoutBrackets, ipv6ExtraColon,
        missingHeader, duplicateHeader, cseqMethodMismatch, cseqRange, branch, fromTag,
        maxForwardsRange, unknownMethod, bodyWithoutType, wildcardContact, bodySyntax,
        maxForwardsMissing, requestURIHeaders, dateSyntax,
        contentLengthMismatch, contentLengthMissing, contentLengthInvalid, truncated,
        messageTooLarge, headerLineTooLong, tooManyHeaders, bodyTooLarge, tooManyFindings, skippedBytes,
    ]
}

extension SIPRules: RuleSet {
    public static let title = "SIP messages (RFC 3261)"
}
