public import SDPLintDiagnostics

/// Every check the SDP parser makes, with its stable code.
///
/// `SDP1xx` are line-level syntax rules (RFC 8866 §5 and §9), `SDP2xx` attribute syntax, and
/// `SDP3xx` cross-references between lines of one description. Codes are never reused.
public enum SDPRules {
    // MARK: Lines (RFC 8866 §5, §9)

    public static let emptyInput = Rule(
        code: "SDP100", name: "empty-input", severity: .error,
        severityRationale:
            """
            Error: RFC 8866 §5 has every description begin with a v= line; input with no lines at all offers a \
            receiver nothing it can accept.
            """,
        summary: "The input holds no session description.",
        explanation: "A session description starts with a v= line. The input is empty or holds only white space.",
        reference: .rfc(8866, "5"), bad: "", good: "v=0")

    public static let lineSyntax = Rule(
        code: "SDP101", name: "line-syntax", severity: .error,
        severityRationale:
            """
            Error: RFC 8866 §5 defines each line as one type letter, an equals sign and a value; a line outside that \
            form cannot be parsed, and libwebrtc refuses the whole description over it.
            """,
        summary: "A line is not of the form <type>=<value>.",
        explanation:
            """
            Every SDP line is a single lower-case letter, an equals sign and a value, with no white space around \
            the equals sign. Receivers such as libwebrtc reject the whole description when one line is malformed.
            """,
        reference: .rfc(8866, "5"), bad: "a = rtcp-mux", good: "a=rtcp-mux")

    public static let version = Rule(
        code: "SDP102", name: "version", severity: .error,
        severityRationale:
            """
            Error: RFC 8866 §5.1 makes v=0 the required first line, so text that does not open with it is not a \
            session description a parser can take.
            """,
        summary: "The description does not start with v=0.",
        explanation: "The first line must be the protocol version, and this version of SDP is 0.",
        reference: .rfc(8866, "5.1"), bad: "o=- 1 1 IN IP4 0.0.0.0", good: "v=0")

    public static let missingField = Rule(
        code: "SDP103", name: "missing-field", severity: .error,
        severityRationale:
            """
            Error: RFC 8866 §5 makes o=, s= and t= mandatory; a description that lacks one is incomplete, and a \
            conforming parser may refuse it.
            """,
        summary: "A mandatory line (o=, s= or t=) is missing.",
        explanation:
            """
            Every session description has an origin (o=), a session name (s=) and at least one timing line (t=). \
            Where one is missing the parser supplies a default so the rest can be checked, and the written form \
            includes it.
            """,
        reference: .rfc(8866, "5"), bad: "v=0\no=- 1 1 IN IP4 0.0.0.0\nm=audio 9 RTP/AVP 0",
        good: "v=0\no=- 1 1 IN IP4 0.0.0.0\ns=-\nt=0 0\nm=audio 9 RTP/AVP 0")

    public static let lineOrder = Rule(
        code: "SDP104", name: "line-order", severity: .warning,
        severityRationale:
            """
            Warning: RFC 8866 §5 fixes the order of a media section's lines, but receivers read a section's lines in \
            any order (libwebrtc and Firefox among them, measured in Conformance/); strict mode reports it as an error.
            """,
        summary: "A media section's line is out of the order RFC 8866 §5 prescribes.",
        explanation:
            """
            Media-level lines come in the order m i c b k a. Many devices put c= or b= after the a= lines; \
            receivers accept it. The written form puts the line back in place. Session-level lines out of \
            order are SDP134's.
            """,
        reference: .rfc(8866, "5"), bad: "m=audio 9 RTP/AVP 0\na=sendrecv\nc=IN IP4 0.0.0.0",
        good: "m=audio 9 RTP/AVP 0\nc=IN IP4 0.0.0.0\na=sendrecv")

    public static let sessionLineOrder = Rule(
        code: "SDP134", name: "session-line-order", severity: .warning,
        severityRationale:
            """
            Warning: RFC 8866 §5 fixes the order of the session-level lines; lenient parsers place a line found out \
            of order, but libwebrtc reads them in that order and refuses the description (\"Expect line: t=\"), \
            and strict mode reports it as an error.
            """,
        summary: "A session-level line is out of the order RFC 8866 §5 prescribes.",
        explanation:
            """
            Session-level lines come in the order v o s i u e p c b (t r z) k a, before the first m= line. \
            Devices that build SDP by hand put a= before t=, or c= after the a= lines; Firefox accepts some of \
            these, Chromium none. The written form puts the line back in place.
            """,
        reference: .rfc(8866, "5"), bad: "a=tool:x\nt=0 0", good: "t=0 0\na=tool:x")

    public static let duplicateField = Rule(
        code: "SDP105", name: "duplicate-field", severity: .error,
        severityRationale:
            """
            Error: RFC 8866 §5 permits these lines only once per section, so a repeat breaks the grammar; sdplint \
            keeps it as text but leaves it out of the model.
            """,
        summary: "A line that may appear only once in its section appears again.",
        explanation:
            """
            o=, s=, i=, u=, k= and the session-level c= may each appear once per section. The extra line is kept \
            as written but takes no part in the model.
            """,
        reference: .rfc(8866, "5"), bad: "s=a\ns=b", good: "s=a")

    public static let unknownLineType = Rule(
        code: "SDP106", name: "unknown-line-type", severity: .warning,
        severityRationale:
            """
            Warning: RFC 8866 §5 leaves a parser the choice to ignore or to reject a description with a type letter it \
            does not know, so refusal is not certain; devices such as GB28181 cameras send such lines.
            """,
        summary: "A line has a type letter SDP does not define.",
        explanation:
            """
            RFC 8866 defines the types v o s i u e p c b t r z k a m. A parser must ignore or reject a description \
            with any other type; the line is kept as written. GB28181 cameras, for example, add y= and f= lines.
            """,
        reference: .rfc(8866, "5"), bad: "y=0100000001", good: "a=x-ssrc:0100000001")

    public static let fieldNotAllowedHere = Rule(
        code: "SDP107", name: "field-not-allowed-here", severity: .error,
        severityRationale:
            """
            Error: RFC 8866 §5 allows these lines at session level only, so one inside a media section breaks the \
            grammar and has no effect there.
            """,
        summary: "A session-level line appears inside a media section.",
        explanation:
            """
            v=, o=, s=, u=, e=, p=, t=, r= and z= are session-level only. Inside a media section the line is kept \
            as written but ignored.
            """,
        reference: .rfc(8866, "5"), bad: "m=audio 9 RTP/AVP 0\nt=0 0", good: "t=0 0\nm=audio 9 RTP/AVP 0")

    public static let lineEnding = Rule(
        code: "SDP108", name: "line-ending", severity: .info, strictSeverity: .error,
        severityRationale:
            """
            Note: RFC 8866 §5 asks parsers to accept a bare LF as well as CRLF, so the text is read as intended; \
            strict mode makes it an error.
            """,
        summary: "Lines end with a bare LF, or the last line has no line ending.",
        explanation:
            """
            SDP lines end with CRLF, the last one included; parsers should also accept a bare LF (RFC 8866 §5). \
            LF-only text usually went through an editor or a tool that rewrote it. The written form keeps LF if \
            the input used it, and always ends the last line.
            """,
        reference: .rfc(8866, "5"), bad: "v=0\\n (LF only)", good: "v=0\\r\\n")

    public static let mixedLineEndings = Rule(
        code: "SDP115", name: "mixed-line-endings", severity: .warning,
        severityRationale:
            """
            Warning: parsers accept either ending (RFC 8866 §5), but a mix shows the text was spliced or edited, and \
            the written form cannot keep both.
            """,
        summary: "Some lines end with CRLF and others with a bare LF.",
        explanation:
            """
            A mix of line endings means the text was assembled from pieces or edited by hand. The written form \
            uses the ending of the first line throughout, so it is not byte-identical to the input.
            """,
        reference: .rfc(8866, "5"))

    public static let whitespace = Rule(
        code: "SDP109", name: "whitespace", severity: .warning,
        severityRationale:
            """
            Warning: RFC 8866 §9 separates fields by one space with nothing after the last; most lines still parse, \
            but a value such as ice-ufrag or a fingerprint takes in the trailing space and ICE or DTLS then fail.
            """,
        summary: "A line has leading, trailing or repeated white space.",
        explanation:
            """
            Fields are separated by exactly one space and lines have no trailing white space. Trailing white space \
            after ice-ufrag or a fingerprint becomes part of the value and breaks connectivity checks or DTLS.
            """,
        reference: .rfc(8866, "9"), bad: "a=ice-ufrag:abcd ", good: "a=ice-ufrag:abcd")

    public static let controlCharacter = Rule(
        code: "SDP110", name: "control-character", severity: .error,
        severityRationale:
            """
            Error: the RFC 8866 §9 grammar forbids NUL in any text and control characters in tokens, so the line does \
            not conform and cannot be read as SDP.
            """,
        summary: "A line holds a NUL or another control character.",
        explanation:
            """
            SDP text is any byte except NUL, CR and LF (byte-string), and tokens are visible characters. A NUL \
            byte usually means binary data or a UTF-16 file.
            """,
        reference: .rfc(8866, "9"))

    public static let terminalControl = Rule(
        code: "SDP132", name: "terminal-control-character", severity: .warning,
        severityRationale:
            """
            Warning: RFC 8866 §9 lets these text fields hold control characters, so the description is valid, but a \
            terminal or log viewer that displays it acts on them.
            """,
        summary: "A text field holds a control character (ESC, BEL, backspace…).",
        explanation:
            """
            s=, i=, u=, e=, p= and k= may hold any byte but NUL, CR and LF (byte-string), so the line is valid \
            SDP; but no endpoint writes a control character there, and a terminal or log viewer that shows the \
            description obeys it: ESC starts a sequence that can retitle the window, change colours or erase \
            lines. sdplint always shows them escaped.
            """,
        reference: .rfc(8866, "9"), bad: "s=\\x1b]0;title\\x07", good: "s=-")

    public static let unregisteredType = Rule(
        code: "SDP133", name: "unregistered-type", severity: .warning,
        severityRationale:
            """
            Warning: the RFC 8866 grammar takes any token here and the description parses, but a receiver that does \
            not know the type or protocol rejects that media section (RFC 3264 §6), and libwebrtc and Firefox refuse \
            a c= line whose network or address type they do not know.
            """,
        summary: "A network type, address type or transport protocol is not registered.",
        explanation:
            """
            Network types, their address types and transport protocols are registered with IANA (RFC 8866 §8.2.2, \
            §8.2.6): IN for the Internet with IP4 and IP6, RTP/AVP, UDP/TLS/RTP/SAVPF, UDP/DTLS/SCTP and the rest \
            for media. A receiver that does not know a protocol rejects the section (RFC 3264 §6); libwebrtc and \
            Firefox refuse a c= line whose network or address type they do not know.
            """,
        reference: .rfc(8866, "8.2.2"), bad: "m=audio 9 RTP/AVPX 0", good: "m=audio 9 RTP/AVP 0")

    public static let invalidUTF8 = Rule(
        code: "SDP111", name: "invalid-utf8", severity: .error,
        severityRationale:
            """
            Error: RFC 8866 §5 reads text as UTF-8 unless a=charset names another set, so bytes that are not UTF-8 \
            cannot be decoded and the description cannot be taken as written.
            """,
        summary: "The input is not valid UTF-8.",
        explanation:
            """
            SDP text is UTF-8 unless a=charset says otherwise. Invalid bytes are replaced by U+FFFD in the model; \
            the written form is then not byte-identical to the input.
            """,
        reference: .rfc(8866, "5"))

    public static let emptyLine = Rule(
        code: "SDP112", name: "empty-line", severity: .warning,
        severityRationale:
            """
            Warning: the RFC 8866 §5 grammar has no empty lines, but one carries no content and is usually a paste \
            leftover; libwebrtc, however, rejects a description that holds one.
            """,
        summary: "A line is empty.",
        explanation:
            """
            SDP has no blank lines; libwebrtc rejects a description with one. Trailing blank lines are common when \
            SDP is pasted or cut from a SIP message. The line is kept as written.
            """,
        reference: .rfc(8866, "5"))

    public static let limitExceeded = Rule(
        code: "SDP113", name: "limit-exceeded", severity: .error,
        severityRationale:
            """
            Error: the parser stopped at the configured limit (RFC 8866 §7 warns of hostile input), so the rest of the \
            input was neither read nor checked.
            """,
        summary: "The input exceeds a configured size limit.",
        explanation:
            """
            The parser stops at a configured maximum of bytes, lines, line length or media sections to bound time \
            and memory on hostile input. Raise the limit in SDPParseOptions if the input is legitimate.
            """,
        reference: .rfc(8866, "7"))

    public static let tooManyFindings = Rule.tooManyFindings(
        code: "SDP114", severity: .info, reference: .rfc(8866, "7"))

    public static let originSyntax = Rule(
        code: "SDP120", name: "origin-syntax", severity: .error,
        severityRationale:
            """
            Error: RFC 8866 §5.2 gives o= six space-separated fields with a numeric session id and version; an origin \
            that does not fit cannot be parsed.
            """,
        summary: "The o= line is malformed.",
        explanation:
            """
            o=<username> <sess-id> <sess-version> <nettype> <addrtype> <unicast-address>: six fields separated by \
            single spaces; the version is a decimal number (SDP135 reports a session id that is not one).
            """,
        reference: .rfc(8866, "5.2"), bad: "o=- 4611731400430051336 IN IP4 127.0.0.1",
        good: "o=- 4611731400430051336 2 IN IP4 127.0.0.1")

    public static let originSessionID = Rule(
        code: "SDP135", name: "origin-session-id", severity: .error,
        severityRationale:
            """
            Error: RFC 8866 §5.2 makes the session id and version decimal numbers; a parser that reads them as \
            numbers refuses the line. Receivers differ (Chromium 156 and aiortc accept text there, Firefox ESR 153 \
            refuses it), which is why it has a code of its own.
            """,
        summary: "The o= line's session id or version is not a decimal number.",
        explanation:
            """
            <sess-id> and <sess-version> are numeric strings (RFC 8866 §5.2; RFC 3264 §5 suggests an NTP \
            timestamp or a random 64-bit number for the id, and has the version grow with each offer). Together \
            with the username and address the id identifies the session across offers.
            """,
        reference: .rfc(8866, "5.2"), bad: "o=- abc 1 IN IP4 127.0.0.1",
        good: "o=- 4611731400430051336 1 IN IP4 127.0.0.1")

    public static let originNumberRange = Rule(
        code: "SDP137", name: "origin-number-range", severity: .error,
        severityRationale:
            """
            Error: RFC 3264 §5 requires the o= session id and version to be representable as a 64-bit signed \
            integer. Receivers differ: Chromium 156 keeps both as text and takes any length, while Firefox ESR 153 \
            refuses a value above 2^63-1 (PRF626 says which).
            """,
        summary: "The o= line's session id or version does not fit a 64-bit signed integer.",
        explanation:
            """
            RFC 8866's grammar allows any number of digits in <sess-id> and <sess-version>, but RFC 3264 §5, which \
            governs offers and answers, limits both to what a 64-bit signed integer holds (at most \
            9223372036854775807), and asks for an initial version below 2^62 so that it can grow.
            """,
        reference: .rfc(3264, "5"), bad: "o=- 12345678901234567890 1 IN IP4 127.0.0.1",
        good: "o=- 4611731400430051336 1 IN IP4 127.0.0.1")

    public static let sessionName = Rule(
        code: "SDP121", name: "session-name", severity: .warning,
        severityRationale:
            """
            Warning: RFC 8866 §5.3 forbids an empty session name, but nothing in the media depends on the name, so the \
            session is unaffected; strict mode makes it an error.
            """,
        summary: "The s= line is empty.",
        explanation:
            "The session name must hold at least one character; use s=- or a single space when there is no name.",
        reference: .rfc(8866, "5.3"), bad: "s=", good: "s=-")

    public static let connectionSyntax = Rule(
        code: "SDP122", name: "connection-syntax", severity: .error,
        severityRationale:
            """
            Error: RFC 8866 §5.7 fixes the c= fields and when a TTL or count may follow the address; a malformed line \
            gives the receiver no address it can use.
            """,
        summary: "A c= line is malformed.",
        explanation:
            """
            c=<nettype> <addrtype> <connection-address>; IPv4 multicast addresses carry a TTL (224.2.1.1/127[/3]), \
            IPv6 multicast an optional count, unicast addresses neither. A domain name may name a multicast group, so \
            it may carry them too.
            """,
        reference: .rfc(8866, "5.7"), bad: "c=IN IP4 10.0.0.1/127", good: "c=IN IP4 10.0.0.1")

    public static let connectionMissing = Rule(
        code: "SDP123", name: "connection-missing", severity: .error,
        severityRationale:
            """
            Error: RFC 8866 §5.7 requires a c= line at session level or in every media section; without one the \
            receiver has no address for that media.
            """,
        summary: "A media section has no connection address.",
        explanation: "A c= line must be present at the session level or in every media section.",
        reference: .rfc(8866, "5.7"), bad: "m=audio 9 RTP/AVP 0 (no c= anywhere)", good: "c=IN IP4 0.0.0.0")

    public static let bandwidthSyntax = Rule(
        code: "SDP124", name: "bandwidth-syntax", severity: .error,
        severityRationale:
            """
            Error: RFC 8866 §5.8 requires b=<type>:<number>; a line that does not match cannot be parsed, so its \
            bandwidth is lost.
            """,
        summary: "A b= line is malformed or uses an unknown type.",
        explanation:
            """
            b=<bwtype>:<bandwidth>, with bandwidth a decimal number. Registered types are CT and AS (RFC 8866), \
            TIAS (RFC 3890), RS and RR (RFC 3556); an unknown type should be ignored by receivers.
            """,
        reference: .rfc(8866, "5.8"), bad: "b=AS 256", good: "b=AS:256")

    public static let timeSyntax = Rule(
        code: "SDP125", name: "time-syntax", severity: .error,
        severityRationale:
            """
            Error: RFC 8866 §5.9 requires t= to hold a start and a stop time; a line that does not match cannot be \
            parsed.
            """,
        summary: "A t= line is malformed.",
        explanation:
            """
            t=<start-time> <stop-time>, NTP seconds with at least ten digits, or 0. A stop time before the start \
            time is a mistake.
            """,
        reference: .rfc(8866, "5.9"), bad: "t=0", good: "t=0 0")

    public static let repeatSyntax = Rule(
        code: "SDP126", name: "repeat-syntax", severity: .error,
        severityRationale:
            """
            Error: RFC 8866 §5.10 gives r= a fixed grammar, and §5.11 makes a z= line with no r= before it a syntax \
            error.
            """,
        summary: "An r= or z= line is malformed or misplaced.",
        explanation:
            """
            r=<repeat interval> <active duration> <offsets…> with typed times (d, h, m, s); z= adjusts the \
            preceding r= lines and must follow one (RFC 8866 §5.11 made z= without r= a syntax error).
            """,
        reference: .rfc(8866, "5.10"), bad: "r=7x 1h 0", good: "r=7d 1h 0 25h")

    public static let keyField = Rule(
        code: "SDP127", name: "key-field", severity: .warning,
        severityRationale:
            """
            Warning: RFC 8866 §5.12 says k= must not be sent, but receivers discard it, so the session works; the key \
            it carries is simply not used.
            """,
        summary: "A k= line is present.",
        explanation:
            """
            k= is obsolete: it must not be sent, and receivers discard it. Use DTLS-SRTP (a=fingerprint) or SDES \
            (a=crypto) instead.
            """,
        reference: .rfc(8866, "5.12"), bad: "k=clear:secret", good: "a=fingerprint:sha-256 …")

    public static let mediaSyntax = Rule(
        code: "SDP128", name: "media-syntax", severity: .error,
        severityRationale:
            """
            Error: RFC 8866 §5.14 fixes the m= fields, with a port in 0–65535 and at least one format; a malformed m= \
            line cannot be parsed.
            """,
        summary: "An m= line is malformed.",
        explanation:
            """
            m=<media> <port>[/<number of ports>] <proto> <fmt> …: the port is 0–65535, the protocol is a token \
            list joined by '/', and there is at least one format.
            """,
        reference: .rfc(8866, "5.14"), bad: "m=audio 70000 RTP/AVP", good: "m=audio 49170 RTP/AVP 0")

    public static let address = Rule(
        code: "SDP129", name: "address", severity: .error,
        severityRationale:
            """
            Error: RFC 8866 §9 and §5.7 define the address forms and the IN address types; an address that does not \
            fit cannot be read or used to reach the peer.
            """,
        summary: "An address is not valid for its address type.",
        explanation:
            """
            IP4 addresses are dotted quads without leading zeros, IP6 addresses follow RFC 3986 (RFC 5952 \
            recommends the compressed form), and names are domain names. An address type other than IP4 and IP6 \
            is SDP133's.
            """,
        reference: .rfc(8866, "9"), bad: "c=IN IP4 1.2.3.400", good: "c=IN IP4 1.2.3.4")

    public static let addressFamily = Rule(
        code: "SDP136", name: "address-family", severity: .error,
        severityRationale:
            """
            Error: RFC 8866 §5.7 has the address type say which family the address is; Chromium refuses a c= line \
            whose address is of the other family ("The address type is mismatching", measured in Conformance/).
            """,
        summary: "An IP4 address type with an IPv6 address, or IP6 with an IPv4 address.",
        explanation:
            """
            In o= and c= lines the address type (IP4, IP6) names the family of the address that follows (RFC 8866 \
            §5.2, §5.7). An address of the other family usually comes from a template filled with whichever \
            address the host had.
            """,
        reference: .rfc(8866, "5.7"), bad: "c=IN IP6 192.0.2.1", good: "c=IN IP4 192.0.2.1")

    public static let unknownBandwidthType = Rule(
        code: "SDP131", name: "unknown-bandwidth-type", severity: .info,
        severityRationale:
            """
            Note: RFC 8866 §5.8 has receivers ignore bandwidth types they do not know, so the line is harmless.
            """,
        summary: "A b= line uses an unregistered bandwidth type.",
        explanation:
            """
            Receivers ignore bandwidth types they do not know (RFC 8866 §5.8); experimental types were once \
            prefixed with X-. Registered: CT, AS (RFC 8866), TIAS (RFC 3890), RS, RR (RFC 3556).
            """,
        reference: .rfc(8866, "5.8"), bad: "b=X-YZ:128", good: "b=TIAS:128000")

    public static let textField = Rule(
        code: "SDP130", name: "text-field", severity: .warning,
        severityRationale:
            """
            Warning: RFC 8866 §5.5 and §5.6 say what these fields hold, but no media depends on them, so a value \
            that does not fit leaves the session working.
            """,
        summary: "A u=, e= or p= line does not look like what it should hold.",
        explanation: "u= holds a URI, e= an e-mail address and p= a phone number, optionally with a name.",
        reference: .rfc(8866, "5.5"), bad: "e=nobody", good: "e=j.doe@example.com (Jane Doe)")

    // MARK: Attributes (RFC 8866 §6 and the attribute's own RFC)

    public static let attributeSyntax = Rule(
        code: "SDP200", name: "attribute-syntax", severity: .error,
        severityRationale:
            """
            Error: RFC 8866 §5.13 requires an attribute to start with a token name; without one the line cannot be \
            read as an attribute.
            """,
        summary: "An a= line has no valid attribute name.",
        explanation: "An attribute is a token name, optionally followed by a colon and a value.",
        reference: .rfc(8866, "5.13"), bad: "a=:value", good: "a=name:value")

    public static let unknownAttribute = Rule(
        code: "SDP201", name: "unknown-attribute", severity: .info,
        severityRationale:
            """
            Note: RFC 8866 §5.13 has receivers ignore attributes they do not know, so the line is legal; it is listed \
            only to catch misspellings.
            """,
        summary: "An attribute is not one the parser knows.",
        explanation:
            """
            Unknown attributes are legal and receivers ignore them; they are kept as written. Listed so that a \
            misspelled attribute (a=rtcp-mux-onyl) does not go unnoticed.
            """,
        reference: .rfc(8866, "5.13"), bad: "a=rtcpmux", good: "a=rtcp-mux")

    public static let attributeCase = Rule(
        code: "SDP202", name: "attribute-case", severity: .warning,
        severityRationale:
            """
            Warning: the line parses, but receivers such as libwebrtc match attribute names exactly and treat it as an \
            unknown attribute, so its meaning is lost to them (Firefox reads names in any case, measured).
            """,
        summary: "A known attribute name is spelled in another case.",
        explanation:
            "Receivers such as libwebrtc match attribute names exactly, so a=RTPMAP is an unknown attribute to them.",
        reference: .rfc(8866, "5.13"), bad: "a=RTPMAP:0 PCMU/8000", good: "a=rtpmap:0 PCMU/8000")

    public static let attributeValueMissing = Rule(
        code: "SDP203", name: "attribute-value-missing", severity: .error,
        severityRationale:
            """
            Error: RFC 8866 §5.13 writes a value attribute as name:value; without the value the attribute carries \
            nothing a receiver can use.
            """,
        summary: "An attribute that needs a value has none.",
        explanation: "Value attributes are written name:value.",
        reference: .rfc(8866, "5.13"), bad: "a=mid", good: "a=mid:0")

    public static let flagWithValue = Rule(
        code: "SDP204", name: "flag-with-value", severity: .warning,
        severityRationale:
            """
            Warning: RFC 8866 §5.13 writes property attributes bare; the flag's meaning is still clear, but a receiver \
            may not recognise it with a value attached.
            """,
        summary: "A property attribute carries a value.",
        explanation: "Property attributes such as rtcp-mux, sendrecv or ice-lite are written without a colon or value.",
        reference: .rfc(8866, "5.13"), bad: "a=rtcp-mux:1", good: "a=rtcp-mux")

    public static let attributeLevel = Rule(
        code: "SDP205", name: "attribute-level", severity: .warning,
        severityRationale:
            """
            Warning: RFC 8859 §5 names the level each attribute belongs to; elsewhere it is ignored, so the \
            description works but the attribute has no effect.
            """,
        summary: "An attribute appears at a level where it has no meaning.",
        explanation:
            """
            Each attribute is defined for the session level, the media level, or both (RFC 8859 lists them). \
            Elsewhere it is ignored.
            """,
        reference: .rfc(8859, "5"), bad: "a=mid:0 (session level)", good: "a=group:BUNDLE 0 (session level)")

    public static let attributeDuplicate = Rule(
        code: "SDP206", name: "attribute-duplicate", severity: .warning,
        severityRationale:
            """
            Warning: RFC 8859 §5 allows these attributes once per section; the description still parses, but receivers \
            differ on which value they use.
            """,
        summary: "An attribute that may appear once per section appears again.",
        explanation:
            """
            Attributes such as mid, setup, ice-ufrag, ice-pwd, ptime, sctp-port and max-message-size take one \
            value per section; receivers disagree on which one wins.
            """,
        reference: .rfc(8859, "5"), bad: "a=mid:0\na=mid:1", good: "a=mid:0")

    public static let directionConflict = Rule(
        code: "SDP207", name: "direction-conflict", severity: .error,
        severityRationale:
            """
            Error: RFC 8866 §6.7 allows at most one direction attribute per section; with two, the direction is \
            undefined and the receiver cannot know how media should flow.
            """,
        summary: "A section states more than one direction.",
        explanation: "At most one of sendrecv, sendonly, recvonly and inactive may appear in a section.",
        reference: .rfc(8866, "6.7"), bad: "a=sendonly\na=recvonly", good: "a=sendonly")

    public static let rtpmapSyntax = attributeRule(
        "SDP210", "rtpmap", .rfc(8866, "6.6"),
        "<payload type> <encoding name>/<clock rate>[/<encoding parameters>], with a payload type 0–127.",
        rationale:
            """
            Error: RFC 8866 §6.6 gives rtpmap a fixed form; a receiver ignores or rejects a line it cannot read, so \
            the payload type has no known encoding and cannot be decoded.
            """,
        bad: "a=rtpmap:96 VP8", good: "a=rtpmap:96 VP8/90000")
    public static let fmtpSyntax = attributeRule(
        "SDP211", "fmtp", .rfc(8866, "6.15"),
        "<format> <format specific parameters>; parameters are usually name=value pairs separated by ';'.",
        rationale:
            """
            Error: RFC 8866 §6.15 gives fmtp a format followed by its parameters; a receiver ignores or rejects a \
            malformed line, and the codec parameters it carries are lost.
            """,
        bad: "a=fmtp:111", good: "a=fmtp:111 minptime=10;useinbandfec=1")
    public static let rtcpFeedbackSyntax = attributeRule(
        "SDP212", "rtcp-fb", .rfc(4585, "4.2"),
        "<payload type or *> <feedback type> [<parameter>]; trr-int takes a number of milliseconds.",
        rationale:
            """
            Error: RFC 4585 §4.2 fixes the rtcp-fb form; a receiver ignores or rejects a malformed line, so that \
            feedback is not negotiated.
            """,
        bad: "a=rtcp-fb:96", good: "a=rtcp-fb:96 nack pli")
    public static let extmapSyntax = attributeRule(
        "SDP213", "extmap", .rfc(8285, "5"),
        """
        <id>[/<direction>] <URI> [<extension attributes>] (RFC 8285 §8), with an id of the valid range 1–256 \
        (1–14 for one-byte headers), or of 4096–4351, which an offer uses for alternatives the answerer remaps \
        (§7).
        """,
        rationale:
            """
            Error: RFC 8285 §5 and §8 fix the extmap form and its id range; a receiver ignores or rejects a \
            malformed line, so the header extension is not used.
            """,
        bad: "a=extmap:0 urn:ietf:params:rtp-hdrext:sdes:mid", good: "a=extmap:4 urn:ietf:params:rtp-hdrext:sdes:mid")
    public static let midSyntax = attributeRule(
        "SDP214", "mid", .rfc(5888, "4"),
        "an identification tag: a token (RFC 8843 limits it to 16 characters for BUNDLE).",
        rationale:
            """
            Error: RFC 5888 §4 makes mid a token; a receiver ignores or rejects a malformed one, and the section loses \
            the identification that grouping depends on.
            """,
        bad: "a=mid:", good: "a=mid:0")
    public static let msidSyntax = attributeRule(
        "SDP215", "msid", .rfc(8830, "2"),
        "<stream id> [<track id>], each 1–64 token characters.",
        rationale:
            """
            Error: RFC 8830 §2 fixes the msid form; a receiver ignores or rejects a malformed line, so the track is \
            not tied to its stream.
            """,
        bad: "a=msid:", good: "a=msid:stream-1 track-1")
    public static let groupSyntax = attributeRule(
        "SDP216", "group", .rfc(5888, "5"),
        "<semantics> <mid> …, such as BUNDLE, LS or FID followed by identification tags.",
        rationale:
            """
            Error: RFC 5888 §5 requires a semantics token followed by identification tags; a receiver ignores or \
            rejects a malformed line, so the group, BUNDLE included, is not set up.
            """,
        bad: "a=group:", good: "a=group:BUNDLE 0 1")
    public static let ssrcSyntax = attributeRule(
        "SDP217", "ssrc", .rfc(5576, "4.1"),
        "<ssrc-id> <attribute>[:<value>], with a 32-bit SSRC.",
        rationale:
            """
            Error: RFC 5576 §4.1 requires a 32-bit SSRC and an attribute; a receiver ignores or rejects a malformed \
            line, and the description of that source is lost.
            """,
        bad: "a=ssrc:4294967296 cname:x", good: "a=ssrc:1149228976 cname:49h/RjJO7PRxAXGJ")
    public static let ssrcGroupSyntax = attributeRule(
        "SDP218", "ssrc-group", .rfc(5576, "4.2"),
        "<semantics> <ssrc-id> …, such as FID (RFC 5576) or SIM.",
        rationale:
            """
            Error: RFC 5576 §4.2 requires semantics and SSRC ids; a receiver ignores or rejects a malformed line, so \
            the sources are not associated, such as an RTX pair under FID.
            """,
        bad: "a=ssrc-group:FID x", good: "a=ssrc-group:FID 1 2")
    public static let fingerprintSyntax = attributeRule(
        "SDP221", "fingerprint", .rfc(8122, "5"),
        """
        <hash function> <fingerprint>, the fingerprint being upper-case hex byte pairs joined by ':' with the \
        length of the hash.
        """,
        rationale:
            """
            Error: RFC 8122 §5 fixes the hash name and the hex form of the fingerprint; a receiver ignores or rejects \
            a malformed one, and without it the DTLS certificate cannot be checked.
            """,
        bad: "a=fingerprint:sha-256 8EB8A154", good: "a=fingerprint:sha-256 8E:B8:…:9D (32 bytes)")
    public static let fingerprintLength = Rule(
        code: "SDP236", name: "fingerprint-length", severity: .error,
        severityRationale:
            """
            Error: RFC 8122 §5 makes the fingerprint the output of the named hash function, whose length is fixed; a \
            digest of another length matches no certificate, so the DTLS handshake fails. Browsers accept the line \
            and fail only then.
            """,
        summary: "A fingerprint's digest is not as long as its hash function's output.",
        explanation:
            """
            sha-1 gives 20 bytes, sha-224 28, sha-256 32, sha-384 48, sha-512 64, md5 and md2 16. A digest of \
            another length was cut short, or carries the wrong hash function's name: the certificate the peer \
            presents can never match it.
            """,
        reference: .rfc(8122, "5"), bad: "a=fingerprint:sha-512 8E:B8:…:9D (32 bytes)",
        good: "a=fingerprint:sha-256 8E:B8:…:9D (32 bytes)")

    public static let fingerprintHashUnknown = Rule(
        code: "SDP237", name: "fingerprint-hash-unknown", severity: .warning,
        severityRationale:
            """
            Warning: RFC 8122 §5 lets hash-func be any token, but only the names of the IANA Hash Function Textual \
            Names registry say how to check the certificate; a receiver that does not know the name cannot, and \
            libwebrtc refuses the description.
            """,
        summary: "A fingerprint names a hash function outside the IANA registry.",
        explanation:
            """
            The registry holds md2, md5, sha-1, sha-224, sha-256, sha-384 and sha-512 (RFC 8122 §5, RFC 4572). \
            WebRTC endpoints use sha-256; any other name leaves the certificate unchecked or the description \
            refused.
            """,
        reference: .rfc(8122, "5"), bad: "a=fingerprint:sha-999 8E:B8:…:9D", good: "a=fingerprint:sha-256 8E:B8:…:9D")

    public static let setupSyntax = attributeRule(
        "SDP222", "setup", .rfc(4145, "4"),
        "one of active, passive, actpass, holdconn.",
        rationale:
            """
            Error: RFC 4145 §4 allows only four setup roles; a receiver ignores or rejects any other value, so the \
            connection roles cannot be agreed.
            """,
        bad: "a=setup:client", good: "a=setup:actpass")
    public static let tlsIDSyntax = attributeRule(
        "SDP223", "tls-id", .rfc(8842, "5"),
        "20–255 characters of ALPHA / DIGIT / '+' / '/' / '-' / '_'.",
        rationale:
            """
            Error: RFC 8842 §5 fixes the length and characters of tls-id; a receiver ignores or rejects a malformed \
            value, and with it the means to tell a new DTLS association from the old one.
            """,
        bad: "a=tls-id:abc", good: "a=tls-id:1c0b5d8a93e9b4af5a2bcd7b2ad3b0d1")
    public static let rtcpAttributeSyntax = attributeRule(
        "SDP224", "rtcp", .rfc(3605, "2.1"),
        "<port> [<nettype> <addrtype> <connection-address>].",
        rationale:
            """
            Error: RFC 3605 §2.1 requires a port, optionally followed by an address; a receiver ignores or rejects a \
            malformed line, so it does not learn where to send RTCP.
            """,
        bad: "a=rtcp:port", good: "a=rtcp:9 IN IP4 0.0.0.0")
    public static let ptimeSyntax = attributeRule(
        "SDP225", "ptime", .rfc(8866, "6.4"),
        "ptime and framerate are a positive number (decimals allowed), maxptime a positive integer.",
        rationale:
            """
            Error: RFC 8866 §6.4 requires positive numbers for these attributes; a receiver ignores or rejects a \
            malformed value, so the packet time or frame rate asked for is lost.
            """,
        bad: "a=ptime:0", good: "a=ptime:20")
    public static let ridSyntax = attributeRule(
        "SDP226", "rid", .rfc(8851, "10"),
        "<rid-id> send|recv [pt=<fmt>,…][;<restriction>=<value>…].",
        rationale:
            """
            Error: RFC 8851 §10 fixes the rid form; a receiver ignores or rejects a malformed line, so the RTP stream \
            it names and its restrictions are lost.
            """,
        bad: "a=rid:h both", good: "a=rid:h send pt=96;max-width=1280")
    public static let simulcastSyntax = attributeRule(
        "SDP227", "simulcast", .rfc(8853, "5.1"),
        """
        send <rid list> [recv <rid list>] (or recv first); alternatives separated by ',', streams by ';', a paused \
        stream prefixed with '~'.
        """,
        rationale:
            """
            Error: RFC 8853 §5.1 fixes the simulcast form; a receiver ignores or rejects a malformed line, so \
            simulcast is not negotiated.
            """,
        bad: "a=simulcast:send", good: "a=simulcast:send h;m;~l")
    public static let sctpSyntax = attributeRule(
        "SDP228", "sctp", .rfc(8841, "5"),
        """
        sctp-port is a port 0–65535, max-message-size a decimal number; the legacy sctpmap is <port> <app> \
        [<streams>].
        """,
        rationale:
            """
            Error: RFC 8841 §5 requires numbers for sctp-port and max-message-size; a receiver ignores or rejects a \
            malformed value, and the data channel transport lacks its port or size limit.
            """,
        bad: "a=sctp-port:x", good: "a=sctp-port:5000")
    public static let cryptoSyntax = attributeRule(
        "SDP229", "crypto", .rfc(4568, "9.1"),
        """
        <tag> <crypto-suite> <key-params> [<session-params>], key-params being inline:<base64 \
        key>[|lifetime][|MKI:length].
        """,
        rationale:
            """
            Error: RFC 4568 §9.1 fixes the tag, crypto suite and key parameters; a receiver ignores or rejects a \
            malformed line, so SDES yields no key and the media cannot be protected.
            """,
        bad: "a=crypto:1 AES_CM_128_HMAC_SHA1_80",
        good: "a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:PS1uQCVeeCFCanVmcjkpPywjNWhcYD0mXXtxaVBR|2^20|1:32")
    public static let ridRestrictionValue = Rule(
        code: "SDP239", name: "rid-restriction-value", severity: .error,
        severityRationale:
            """
            Error: RFC 8851 §10 makes the values of the restrictions it defines numbers; a receiver that skips the \
            value loses the limit. Firefox ESR 153 refuses one that does not start with a digit, Chromium 156 \
            ignores it (measured in Conformance/; the profiles say which).
            """,
        summary: "A rid restriction RFC 8851 defines (max-width, max-fps, …) has a value that is not a number.",
        explanation:
            """
            max-width, max-height, max-fps, max-fs, max-br and max-pps take a whole number, max-bpp a decimal one \
            (RFC 8851 §10). Restrictions of other names take any value.
            """,
        reference: .rfc(8851, "10"), bad: "a=rid:h send max-width=wide", good: "a=rid:h send max-width=1280")

    public static let ridFormatsNotFirst = Rule(
        code: "SDP240", name: "rid-formats-not-first", severity: .warning,
        severityRationale:
            """
            Warning: RFC 8851 §10's grammar takes a rid's formats (pt=) as its first parameter only; a later pt= \
            is an unknown restriction (rid-param-other), valid but not read as formats. Chromium 156, Firefox ESR \
            153, aiortc and webrtcbin take it (measured).
            """,
        summary: "A rid's pt= is not its first parameter, where the grammar reads the list of formats.",
        explanation:
            """
            a=rid lists the formats a stream may use as "pt=" right after the direction; any other parameter \
            follows, separated by ';'. A pt= further on matches the grammar's catch-all restriction, so the rid \
            is not limited to those formats, whatever its author meant.
            """,
        reference: .rfc(8851, "10"), bad: "a=rid:h send max-width=1280;pt=96", good: "a=rid:h send pt=96;max-width=1280"
    )

    public static let ridNotStreamID = Rule(
        code: "SDP242", name: "rid-id-not-rtp-stream-id", severity: .warning,
        severityRationale:
            """
            Warning: RFC 8851 §10's grammar allows '-' and '_' in a rid id, but RFC 8852 §3.1 lets the \
            RtpStreamId that carries it in RTP hold only letters and digits, up to 255 bytes. Firefox ESR 153 \
            refuses such an a=rid and libwebrtc drops it (measured in Conformance/; the profiles say which).
            """,
        summary: "A rid id has '-', '_' or more than 255 bytes, which an RtpStreamId cannot carry.",
        explanation:
            """
            The rid id of an a=rid line is what the sender writes in the RtpStreamId header extension of each \
            packet of that stream (RFC 8852). That item allows only the bytes of letters and digits, at most \
            255 of them, so a rid id with '-' or '_' names a stream that cannot be labelled as it says.
            """,
        reference: .rfc(8852, "3.1"), bad: "a=rid:hi-res send", good: "a=rid:hires send")

    public static let simulcastStreamID = Rule(
        code: "SDP241", name: "simulcast-stream-id", severity: .error,
        severityRationale:
            """
            Error: RFC 8853 §5.1 lists rid ids (letters, digits, '-' and '_'), which drafts before it prefixed \
            with "rid=". Firefox ESR 153 refuses the description ("Rid can contain only alphanumeric \
            characters"); Chromium 156 takes it and drops the stream, whose id no a=rid line declares (measured \
            in Conformance/).
            """,
        summary: "An a=simulcast stream id has characters a rid id cannot have, such as a draft's \"rid=\" prefix.",
        explanation:
            """
            A simulcast stream is named by the rid id of an a=rid line of its section. Early drafts wrote \
            "a=simulcast:send rid=h;l"; RFC 8853 writes "a=simulcast:send h;l". A receiver of the RFC refuses such \
            an id or matches it to no a=rid line and sends one stream fewer.
            """,
        reference: .rfc(8853, "5.1"), bad: "a=simulcast:send rid=h;l", good: "a=simulcast:send h;l")

    public static let imageattrSyntax = attributeRule(
        "SDP238", "imageattr", .rfc(6236, "3.1.1"),
        """
        <payload type or *> followed by send and/or recv (each once), each with '*' or sets such as \
        [x=[480:16:800],y=[320:16:640],par=[1.2-1.3],q=0.6]: sizes 1–999999 without leading zeros, ranges that \
        rise, ratios 0.1–9.9999, q 0.0–1.0.
        """,
        rationale:
            """
            Error: RFC 6236 §3.1.1 fixes the imageattr form; Firefox refuses an offer whose imageattr does not parse \
            (measured with Firefox ESR 153), and a receiver that skips the line loses the image size asked for.
            """,
        bad: "a=imageattr:97 send [x=0,y=480] recv *", good: "a=imageattr:97 send [x=800,y=640,q=0.6] recv *")
    public static let valueSyntax = attributeRule(
        "SDP230", "attribute-value", .rfc(8866, "6"),
        """
        the grammar its defining RFC gives (label: a token; content: a list of tags; msid-semantic: a semantic and \
        identifiers; identity: an assertion).
        """,
        rationale:
            """
            Error: RFC 8866 §6 leaves each attribute's grammar to its defining RFC; a receiver ignores or rejects a \
            value that breaks it, and the feature the attribute carries is lost.
            """,
        bad: "a=label:", good: "a=label:1")

    public static let valueCase = Rule(
        code: "SDP232", name: "value-case", severity: .warning,
        severityRationale:
            """
            Warning: RFC 5234 §2.3 makes ABNF literals case-insensitive, so the value is valid, but receivers such as \
            libwebrtc compare these values exactly.
            """,
        summary: "A value is written in a case that receivers may not accept.",
        explanation:
            """
            ABNF literals are case-insensitive (RFC 5234 §2.3), but receivers such as libwebrtc compare values \
            like setup roles and fingerprint digests exactly, in the case their grammar shows (RFC 8122 writes \
            fingerprints in upper-case hex).
            """,
        reference: .rfc(5234, "2.3"), bad: "a=setup:ACTPASS", good: "a=setup:actpass")

    public static let valueWhitespace = Rule(
        code: "SDP231", name: "attribute-whitespace", severity: .warning,
        severityRationale:
            """
            Warning: RFC 8866 §9 separates fields by one space; the value is still readable, but receivers that split \
            on single spaces, libwebrtc among them, reject the line.
            """,
        summary: "An attribute value has leading, trailing or repeated white space.",
        explanation:
            """
            Fields inside attribute values are separated by exactly one space. Receivers that split on single \
            spaces (libwebrtc among them) see an empty field and reject the line; trailing white space becomes \
            part of the last value.
            """,
        reference: .rfc(8866, "9"), bad: "a=rtpmap:96  VP8/90000", good: "a=rtpmap:96 VP8/90000")

    public static let rtpmapZero = Rule(
        code: "SDP233", name: "rtpmap-zero", severity: .error,
        severityRationale:
            """
            Error: RFC 8866 §6.6 gives a clock rate and a channel count as positive integers; a codec whose clock \
            does not tick has no RTP timestamps, so its media cannot be played out.
            """,
        summary: "An rtpmap's clock rate or channel count is 0.",
        explanation:
            """
            The clock rate sets the unit of RTP timestamps and the channel count the number of audio channels \
            (RFC 8866 §6.6, RFC 3551 §4); 0 is neither. Browsers read such a line without complaint, but the \
            codec cannot be used.
            """,
        reference: .rfc(8866, "6.6"), bad: "a=rtpmap:111 opus/0/2", good: "a=rtpmap:111 opus/48000/2")

    public static let fmtpParameterName = Rule(
        code: "SDP234", name: "fmtp-parameter-name", severity: .warning,
        severityRationale:
            """
            Warning: RFC 8866 §6.15 leaves the fmtp value to the format, so the line is valid SDP, but the \
            name=value list that payload formats define (RFC 4855 §3) has an item without a name, which receivers \
            skip.
            """,
        summary: "An fmtp parameter list has an item with no name (\"=x\", \";;\").",
        explanation:
            """
            Payload formats write their parameters as name=value pairs separated by ';' (RFC 4855 §3). An item \
            without a name usually comes from joining strings; receivers skip it, so the value it should carry \
            is lost.
            """,
        reference: .rfc(4855, "3"), bad: "a=fmtp:111 minptime=10;;=1", good: "a=fmtp:111 minptime=10")

    public static let extmapDirection = Rule(
        code: "SDP235", name: "extmap-direction", severity: .error,
        severityRationale:
            """
            Error: RFC 8285 §5 allows only sendonly, recvonly, sendrecv and inactive after the id; the direction the \
            extension was meant to have is lost.
            """,
        summary: "An extmap direction is not sendonly, recvonly, sendrecv or inactive.",
        explanation:
            """
            The direction after an extmap id (`a=extmap:2/recvonly …`) is one of the four SDP directions \
            (RFC 8285 §5). Browsers ignore an unknown one and use the extension in both directions.
            """,
        reference: .rfc(8285, "5"), bad: "a=extmap:2/sideways urn:ietf:params:rtp-hdrext:toffset",
        good: "a=extmap:2/recvonly urn:ietf:params:rtp-hdrext:toffset")

    // MARK: Cross-references

    public static let undeclaredPayloadType = Rule(
        code: "SDP300", name: "undeclared-payload-type", severity: .warning,
        severityRationale:
            """
            Warning: RFC 8866 §6.6 ties these attributes to formats of the m= line, so one naming an unlisted payload \
            type simply has no effect; Chromium's refusal of such rtcp-fb lines is reported by the profile rule \
            PRF102.
            """,
        summary: "An attribute names a payload type that is not in the m= line.",
        explanation:
            """
            rtpmap, fmtp and rtcp-fb (and rid pt=) describe formats of the m= line. A line for a payload type that \
            the m= line does not list has no effect; Chromium rejects such offers, Firefox sends them after \
            setCodecPreferences.
            """,
        reference: .rfc(8866, "6.6"), bad: "m=video 9 RTP/AVPF 96\na=rtcp-fb:97 nack",
        good: "m=video 9 RTP/AVPF 96 97\na=rtcp-fb:97 nack")

    public static let duplicatePayloadMapping = Rule(
        code: "SDP301", name: "duplicate-payload-mapping", severity: .error,
        severityRationale:
            """
            Error: RFC 8866 §6.6 binds each payload type to one encoding per section; with two mappings the receiver \
            cannot tell which codec the stream uses.
            """,
        summary: "A payload type has more than one rtpmap (or fmtp).",
        explanation:
            """
            Each payload type maps to exactly one encoding in a section; a second rtpmap or fmtp leaves receivers \
            to guess.
            """,
        reference: .rfc(8866, "6.6"), bad: "a=rtpmap:96 VP8/90000\na=rtpmap:96 VP9/90000",
        good: "a=rtpmap:96 VP8/90000\na=rtpmap:98 VP9/90000")

    public static let missingRTPMap = Rule(
        code: "SDP302", name: "missing-rtpmap", severity: .error,
        severityRationale:
            """
            Error: without a=rtpmap a payload type means what the RTP profile's static table says (RFC 3264 §5.1, \
            RFC 8866 §5.14), and that table has no dynamic types, so the receiver cannot tell the encoding; RFC 3264 \
            §6.1 makes the rtpmap of a dynamic type a MUST in an answer. In a rejected section (port 0) the formats \
            are not used, and the finding is a warning.
            """,
        summary: "A dynamic payload type has no rtpmap.",
        explanation:
            """
            Payload types 96–127 (and any not in the RFC 3551 static table) are bound to an encoding only by \
            a=rtpmap; without it the receiver cannot decode the stream.
            """,
        reference: .rfc(8866, "6.6"), bad: "m=video 9 RTP/AVPF 96", good: "m=video 9 RTP/AVPF 96\na=rtpmap:96 VP8/90000"
    )

    public static let payloadTypeRange = Rule(
        code: "SDP303", name: "payload-type-range", severity: .error,
        severityRationale:
            """
            Error: RFC 3551 §6 limits RTP payload types to 0–127, so a format outside that range cannot be carried as \
            an RTP payload type.
            """,
        summary: "An RTP format is not a payload type 0–127.",
        explanation:
            """
            Under an RTP profile every format of the m= line is an RTP payload type, a number 0–127. 64–95 collide \
            with RTCP packet types when rtcp-mux is used (RFC 5761 §4).
            """,
        reference: .rfc(3551, "6"), bad: "m=audio 9 RTP/AVP 200", good: "m=audio 9 RTP/AVP 0")

    public static let staticPayloadMismatch = Rule(
        code: "SDP304", name: "static-payload-mismatch", severity: .warning,
        severityRationale:
            """
            Warning: RFC 3551 §6 gives payload types 0–34 fixed encodings; the rtpmap still parses, but receivers that \
            trust the table may pick the wrong codec.
            """,
        summary: "An rtpmap rebinds a static payload type to another encoding.",
        explanation:
            """
            Payload types 0–34 have fixed meanings (PCMU is 0, PCMA 8, G722 9 …); rebinding them confuses \
            receivers that trust the table.
            """,
        reference: .rfc(3551, "6"), bad: "a=rtpmap:0 opus/48000/2", good: "a=rtpmap:0 PCMU/8000")

    public static let duplicateFormat = Rule(
        code: "SDP305", name: "duplicate-format", severity: .warning,
        severityRationale:
            """
            Warning: RFC 8866 §5.14 lists each format once, in order of preference; the repeat adds nothing and only \
            blurs that order.
            """,
        summary: "A format appears twice in the m= line.",
        explanation: "Each format is listed once, in order of preference.",
        reference: .rfc(8866, "5.14"), bad: "m=audio 9 RTP/AVP 0 0", good: "m=audio 9 RTP/AVP 0")

    public static let extmapConflict = Rule(
        code: "SDP306", name: "extmap-conflict", severity: .error,
        severityRationale:
            """
            Error: RFC 8285 §5 maps each id of the valid range to one extension URI; with a collision the \
            receiver cannot tell which extension a header carries, so header extension parsing breaks.
            """,
        summary: "One header extension id names two extensions in a section.",
        explanation:
            """
            Within a section one id of the valid range (1–256) maps to one extension URI (SDP318 checks a BUNDLE \
            group, SDP319 the session level, SDP317 a URI under two ids). An id used for two URIs breaks header \
            extension parsing. The ids 4096–4351 are the exception: an offer may give one of them to several \
            alternatives, for the answerer to pick one and remap it (RFC 8285 §7).
            """,
        reference: .rfc(8285, "5"), bad: "a=extmap:1 urn:a\na=extmap:1 urn:b",
        good: "a=extmap:1 urn:a\na=extmap:2 urn:b")

    public static let extmapURIRepeated = Rule(
        code: "SDP317", name: "extmap-uri-repeated", severity: .error,
        severityRationale:
            """
            Error: RFC 8285 §5 says an extension URI with the same attributes MUST NOT appear more than once for \
            a stream; every receiver measured in Conformance/ takes it and uses one of the ids.
            """,
        summary: "One header extension is mapped to two ids in a section or at the session level.",
        explanation:
            """
            A section maps each extension it uses to one id, and so do the session-level lines, for every \
            section. A second a=extmap for the same URI and direction leaves the sender free to use either id, \
            and the receiver with two names for one extension; it usually comes from merging two lists of \
            extensions.
            """,
        reference: .rfc(8285, "5"), bad: "a=extmap:1 urn:a\na=extmap:2 urn:a", good: "a=extmap:1 urn:a")

    public static let sessionExtmapConflict = Rule(
        code: "SDP319", name: "session-extmap-conflict", severity: .error,
        severityRationale:
            """
            Error: RFC 8285 §5 uses each id of the valid range "only once if the mappings are session level"; \
            the session's mappings apply to every section, so with a collision no receiver can tell which \
            extension a header carries.
            """,
        summary: "One header extension id names two extensions at the session level.",
        explanation:
            """
            An a=extmap line before the first m= line maps an id for every section. Two session-level lines \
            that give one id two URIs leave it meaning both; receivers refuse the description or pick one \
            (SDP306 checks a section's own lines, SDP318 a BUNDLE group).
            """,
        reference: .rfc(8285, "5"), bad: "a=extmap:1 urn:a\na=extmap:1 urn:b (both before the first m= line)",
        good: "a=extmap:1 urn:a\na=extmap:2 urn:b")

    public static let extmapLevelsMixed = Rule(
        code: "SDP320", name: "extmap-levels-mixed", severity: .error,
        severityRationale:
            """
            Error: RFC 8285 §5 says the mappings "MUST be either all session level or all media level", and §7 \
            repeats that mixing them is not permitted; a receiver may read either set, or refuse the description.
            """,
        summary: "Header extensions are mapped both at the session level and in a media section.",
        explanation:
            """
            A description maps its RTP header extensions either before the first m= line, for every section, or \
            in the sections, each its own list; RFC 8285 §5 does not permit both, so that ids are managed in one \
            place. Move the session's a=extmap lines into the sections, as the answer of RFC 8285 §7's example \
            does. One finding per description, at the first section's own line.
            """,
        reference: .rfc(8285, "5"),
        bad: "a=extmap:1 urn:a (before the first m= line), then a=extmap:2 urn:b in a section",
        good: "a=extmap:1 urn:a and a=extmap:2 urn:b in the section")

    public static let extmapDirectionUnusable = Rule(
        code: "SDP321", name: "extmap-direction-unusable", severity: .warning,
        severityRationale:
            """
            Warning: RFC 8285 §7 calls it an error, but nothing breaks beyond the one extension, which is never \
            used; Chromium 156, Firefox ESR 153, aiortc 1.16 and webrtcbin 1.22 accept such offers (measured), \
            and Firefox's own answers to a recvonly offer hold one.
            """,
        summary: "An a=extmap direction is the reverse of its stream's, so the extension is never used.",
        explanation:
            """
            An extension mapped sendonly is sent by the description's author, one mapped recvonly is received \
            by it. In a recvonly stream the author sends nothing, so a sendonly extension is never sent, and in \
            a sendonly stream a recvonly extension is never received. The stream's direction is the section's \
            direction attribute, or the session's, or sendrecv; an inactive stream may list extensions with any \
            direction, to be used after a later offer (§7). An a=extmap without a direction, or with sendrecv, \
            takes what the stream allows.
            """,
        reference: .rfc(8285, "7"), bad: "a=recvonly\na=extmap:1/sendonly urn:a",
        good: "a=recvonly\na=extmap:1/recvonly urn:a")

    public static let extmapNegotiationID = Rule(
        code: "SDP322", name: "extmap-negotiation-id", severity: .info,
        severityRationale:
            """
            Note: RFC 8285 §7 allows these ids in an offer, and an answer may copy one to say it supports the \
            extension, so nothing is wrong; but the extension is not in use until it gets an id of 1–256. \
            Chromium 156 and Firefox ESR 153 refuse such ids, which their profiles report; aiortc 1.16 and \
            webrtcbin 1.22 accept them (measured).
            """,
        summary: "An a=extmap uses a negotiation id (4096–4351), which no RTP header carries.",
        explanation:
            """
            An offer may map extensions to ids 4096–4351 to offer alternatives under one id, or more extensions \
            than the valid range holds; the answerer picks at most one per id and remaps it to a free id of \
            1–256, and may copy one unchanged to say that it supports the extension. No header extension \
            carries such an id (RFC 8285 §4 has room for 1–255), so the extension is used only once a later \
            offer or answer gives it a valid id.
            """,
        reference: .rfc(8285, "7"), bad: "a=extmap:4096 urn:a", good: "a=extmap:5 urn:a")

    public static let bundleExtmapConflict = Rule(
        code: "SDP318", name: "bundle-extmap-conflict", severity: .error,
        severityRationale:
            """
            Error: RFC 8843 §12 says an extension id MUST identify the same extension in every section of a BUNDLE \
            group, which shares one RTP session; otherwise the receiver reads a header of one section as another \
            extension.
            """,
        summary: "A header extension id names two extensions in sections of one BUNDLE group.",
        explanation:
            """
            The sections of a BUNDLE group send their packets over one transport, and a receiver reads their \
            header extensions with one table: an id must mean the same extension in all of them. A section \
            added with its own extension list is the usual cause.
            """,
        reference: .rfc(8843, "12"),
        bad: "a=extmap:3 urn:a in section 0, a=extmap:3 urn:b in section 1 of the same group",
        good: "a=extmap:3 urn:a in both")

    public static let ssrcGroupMember = Rule(
        code: "SDP307", name: "ssrc-group-member", severity: .warning,
        severityRationale:
            """
            Warning: RFC 5576 §4.2 expects each SSRC of a group to be described by an a=ssrc line; the group still \
            parses, but that SSRC has no cname.
            """,
        summary: "An ssrc-group names an SSRC that has no a=ssrc line.",
        explanation:
            "Every SSRC of a group should be described by an a=ssrc line in the same section, at least with its cname.",
        reference: .rfc(5576, "4.2"), bad: "a=ssrc-group:FID 1 2\na=ssrc:1 cname:x",
        good: "a=ssrc-group:FID 1 2\na=ssrc:1 cname:x\na=ssrc:2 cname:x")

    public static let associatedPayloadType = Rule(
        code: "SDP308", name: "associated-payload-type", severity: .error,
        severityRationale:
            """
            Error: apt= names the payload type of the original stream (RFC 4588 §8.1), a format of the same m= line \
            (§8.8) or of the section an FID group ties it to (§8.7); an RTX format that points elsewhere has \
            nothing to repair. In a rejected section (port 0) the formats are not used, and the finding is \
            a warning.
            """,
        summary: "RTX apt= names a payload type that is not in the section.",
        explanation:
            """
            An RTX format repairs the payload type named by apt=, which must be a format of the same m= line \
            (SDP316 checks RED's list the same way). Retransmissions may also have a section of their own \
            (RFC 4588 §8.7), tied to the original's by a=group:FID, which a description of just those two sections \
            may leave out.
            """,
        reference: .rfc(4588, "8.1"), bad: "a=fmtp:97 apt=95 (95 not in m=)", good: "a=fmtp:97 apt=96")

    public static let groupUnknownMid = Rule(
        code: "SDP309", name: "group-unknown-mid", severity: .error,
        severityRationale:
            """
            Error: RFC 5888 §5 requires every tag of a group to be the a=mid of a media section; a group naming a \
            missing one cannot be formed.
            """,
        summary: "An a=group line names a mid that no section has.",
        explanation: "Every identification tag of a group must be the a=mid of a media section.",
        reference: .rfc(5888, "5"), bad: "a=group:BUNDLE 0 1 (no a=mid:1)", good: "a=group:BUNDLE 0")

    public static let duplicateMid = Rule(
        code: "SDP310", name: "duplicate-mid", severity: .error,
        severityRationale:
            """
            Error: RFC 5888 §4 makes identification tags unique in a description; with two equal mids, groups and \
            bundled media cannot tell the sections apart.
            """,
        summary: "Two media sections have the same mid.",
        explanation: "An identification tag is unique within a session description.",
        reference: .rfc(5888, "4"), bad: "a=mid:0 … a=mid:0", good: "a=mid:0 … a=mid:1")

    public static let midInTwoBundleGroups = Rule(
        code: "SDP314", name: "mid-in-two-bundle-groups", severity: .error,
        severityRationale:
            """
            Error: RFC 9143 §7.1 lets a bundled m= section belong to one BUNDLE group at a time; a section in two \
            would share two transports, and Chromium and Firefox refuse the description (measured in Conformance/).
            """,
        summary: "A mid is named by two BUNDLE groups.",
        explanation:
            """
            A description may have several BUNDLE groups, each its own transport, but no section may be in more \
            than one. A repeated a=group:BUNDLE line is the usual cause.
            """,
        reference: .rfc(9143, "7.1"), bad: "a=group:BUNDLE 0 1\na=group:BUNDLE 1 2", good: "a=group:BUNDLE 0 1 2")

    public static let groupRepeatedMid = Rule(
        code: "SDP315", name: "group-repeated-mid", severity: .warning,
        severityRationale:
            """
            Warning: a group is a set of sections, so naming one twice means nothing more (RFC 5888 §5); but Firefox \
            refuses the description ("mid appears more than once in a BUNDLE group", measured in Conformance/).
            """,
        summary: "An a=group line names the same mid twice.",
        explanation:
            """
            Each identification tag of a group names one media section (RFC 5888 §5); a group lists each of its \
            sections once. A repeat usually comes from a line built by appending mids.
            """,
        reference: .rfc(5888, "5"), bad: "a=group:BUNDLE 0 1 0", good: "a=group:BUNDLE 0 1")

    public static let redPayloadType = Rule(
        code: "SDP316", name: "red-payload-type", severity: .error,
        severityRationale:
            """
            Error: RFC 2198 §5 allows only encodings of the m= line in RED's fmtp list; one that is not there has no \
            mapping in the section, so the redundancy it names cannot be sent as the list says. Every receiver \
            measured in Conformance/ takes the description and ignores the list.
            """,
        summary: "A RED redundancy list names a payload type that is not in the section.",
        explanation:
            """
            The fmtp of a RED format (RFC 2198) is the slash-separated list of the payload types a sender puts in \
            its primary and redundant blocks; each must be a format of the same m= line. A list that names another \
            usually survived the removal of a codec from the m= line.
            """,
        reference: .rfc(2198, "5"), bad: "m=audio 9 RTP/AVP 121 0\na=rtpmap:121 red/8000\na=fmtp:121 0/5",
        good: "m=audio 9 RTP/AVP 121 0 5\na=rtpmap:121 red/8000\na=fmtp:121 0/5")

    public static let ridPayloadType = Rule(
        code: "SDP311", name: "rid-payload-type", severity: .error,
        severityRationale:
            """
            Error: RFC 8851 §4 limits the pt= list of a=rid to formats of the same m= line; a restriction on an absent \
            format refers to nothing.
            """,
        summary: "A rid restricts a payload type the m= line does not list.",
        explanation: "The pt= list of a=rid may only name formats of the same m= line.",
        reference: .rfc(8851, "4"), bad: "m=video 9 UDP/TLS/RTP/SAVPF 96\na=rid:h send pt=97",
        good: "a=rid:h send pt=96")

    public static let simulcastUnknownRid = Rule(
        code: "SDP312", name: "simulcast-unknown-rid", severity: .error,
        severityRationale:
            """
            Error: RFC 8853 §5.1 requires each rid of a=simulcast to be declared by an a=rid line of the same \
            direction; an undeclared rid leaves that stream undefined.
            """,
        summary: "a=simulcast names a rid that no a=rid line of that direction declares.",
        explanation:
            """
            Every rid in the send list needs a=rid:<id> send, and every rid in the recv list a=rid:<id> recv, in \
            the same section.
            """,
        reference: .rfc(8853, "5.1"), bad: "a=rid:h send\na=simulcast:send h;m",
        good: "a=rid:h send\na=rid:m send\na=simulcast:send h;m")

    public static let opusRTPMap = Rule(
        code: "SDP313", name: "opus-rtpmap", severity: .warning,
        severityRationale:
            """
            Warning: RFC 7587 §7 fixes the opus rtpmap at 48000 Hz and 2 channels; the line parses, but peers that \
            match on clock rate and channels, libwebrtc and Firefox among them, do not treat it as opus.
            """,
        summary: "opus is not mapped as opus/48000/2.",
        explanation:
            """
            The rtpmap of opus always says a 48000 Hz clock and 2 channels, whatever the audio actually uses \
            (RFC 7587 §7); mono or stereo is negotiated with the stereo fmtp parameter. The encoding name is \
            case-insensitive (RFC 4855 §3): OPUS is opus. Peers that match codecs by clock rate and channels \
            (libwebrtc, Firefox) do not recognise opus/48000 or opus/48000/1 as opus: Firefox rejected the audio \
            section of such an offer from GStreamer.
            """,
        reference: .rfc(7587, "7"), bad: "a=rtpmap:96 opus/48000", good: "a=rtpmap:96 opus/48000/2")

    /// Every rule above, in code order.
    public static let all: [Rule] = [
        emptyInput, lineSyntax, version, missingField, lineOrder, duplicateField, unknownLineType,
        fieldNotAllowedHere, lineEnding, whitespace, controlCharacter, invalidUTF8, emptyLine,
        limitExceeded, tooManyFindings, mixedLineEndings, originSyntax, sessionName, connectionSyntax,
        connectionMissing,
        bandwidthSyntax, timeSyntax, repeatSyntax, keyField, mediaSyntax, address, textField, unknownBandwidthType,
        terminalControl, unregisteredType, sessionLineOrder, originSessionID, addressFamily, originNumberRange,
        attributeSyntax, unknownAttribute, attributeCase, attributeValueMissing, flagWithValue,
        attributeLevel, attributeDuplicate, directionConflict, rtpmapSyntax, fmtpSyntax,
        rtcpFeedbackSyntax, extmapSyntax, midSyntax, msidSyntax, groupSyntax, ssrcSyntax,
        ssrcGroupSyntax, fingerprintSyntax, setupSyntax, tlsIDSyntax,
        rtcpAttributeSyntax, ptimeSyntax, ridSyntax, simulcastSyntax, sctpSyntax, cryptoSyntax,
        valueSyntax, valueWhitespace, valueCase, rtpmapZero, fmtpParameterName, extmapDirection, fingerprintLength,
        fingerprintHashUnknown, imageattrSyntax, ridRestrictionValue, ridFormatsNotFirst, simulcastStreamID,
        ridNotStreamID,
        undeclaredPayloadType, duplicatePayloadMapping, missingRTPMap,
        payloadTypeRange, staticPayloadMismatch, duplicateFormat, extmapConflict, ssrcGroupMember,
        associatedPayloadType, groupUnknownMid, duplicateMid, ridPayloadType, simulcastUnknownRid, opusRTPMap,
        midInTwoBundleGroups, groupRepeatedMid, redPayloadType, extmapURIRepeated, bundleExtmapConflict,
        sessionExtmapConflict, extmapLevelsMixed, extmapDirectionUnusable,
        extmapNegotiationID,
    ]

    private static func attributeRule(
        _ code: Rule.Code, _ attribute: String, _ reference: Reference, _ grammar: String, rationale: String,
        bad: String, good: String
    ) -> Rule {
        Rule(
            code: code, name: "\(attribute)-syntax", severity: .error, severityRationale: rationale,
            summary: "An a=\(attribute) value is malformed.",
            explanation:
                """
                The value of a=\(attribute) is \(grammar) Receivers ignore or reject a malformed line, and with it \
                the feature it carries.
                """,
            reference: reference, bad: bad, good: good)
    }
}

extension SDPRules: RuleSet {
    public static let title = "SDP syntax and cross-references (RFC 8866)"
}
