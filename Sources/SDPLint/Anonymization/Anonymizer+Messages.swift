import SDPLintInput
import SDPLintReporting
import SDPLintSignaling
import SDPLintWebRTC

/// The two text protocols whose messages share a layout: a start line, header fields, an
/// empty line and a body (RFC 3261 §7, RFC 9112 §2.1).
enum MessageProtocol {
    case sip, http
}

/// A line of a buffer: its content without the line break, and where the next line starts.
struct BufferLine {
    var content: Range<Int>
    var next: Int

    init(_ buffer: [UInt8], from start: Int, to end: Int) {
        var stop = start
        while stop < end && buffer[stop] != 0x0A { stop += 1 }
        next = stop < end ? stop + 1 : end
        if stop > start && buffer[stop - 1] == 0x0D { stop -= 1 }
        content = start..<stop
    }
}

extension Anonymizer {
    // MARK: Messages

    /// Anonymizes SIP or HTTP messages written one after another: a trace, a WHIP exchange,
    /// one datagram or a TCP stream. Each message is framed as its reader frames it (RFC 3261
    /// §18.3 and RFC 9112 §6.3: Content-Length, or the chunked coding), so that every part of
    /// it gets the treatment its meaning calls for. Bytes between messages are anonymized line
    /// by line as whatever they look like in a file; in a packet they are zeroed
    /// (`zeroingOthers`), since there they may be anything (a WebSocket frame, a TLS record).
    mutating func messages(
        _ buffer: inout [UInt8], _ range: Range<Int>, _ kind: MessageProtocol, zeroingOthers: Bool = false
    ) {
        let end = min(range.upperBound, buffer.count)
        var index = max(0, range.lowerBound)
        while index < end {
            if Glyph.isLineBreak(buffer[index]) {
                index += 1
                continue
            }
            let line = BufferLine(buffer, from: index, to: end)
            if Self.isStartLine(buffer, Self.piecesBetweenCarriageReturns(buffer, line.content)[0], kind) {
                index = max(line.next, message(&buffer, index, end, kind))
            } else {
                if zeroingOthers { zero(&buffer, line.content) } else { unknownLine(&buffer, line.content) }
                index = line.next
            }
        }
    }

    static func isStartLine(_ buffer: [UInt8], _ range: Range<Int>, _ kind: MessageProtocol) -> Bool {
        let line = Array(buffer[range])
        switch kind {
        case .sip: return PacketCapture.Reading.looksLikeSIP(line)
        case .http: return HTTPMessage.looksLikeHTTP(line)
        }
    }

    /// One message starting at `start`; returns where it ends.
    private mutating func message(_ buffer: inout [UInt8], _ start: Int, _ end: Int, _ kind: MessageProtocol) -> Int {
        let first = BufferLine(buffer, from: start, to: end)
        // A lone CR ends a field for some readers (RFC 3261 §7 asks for CRLF): each piece of a
        // line is anonymized as a field of its own, so that none is read as the value of the
        // one before it. Only an empty line ends the header, so framing does not change.
        let startPieces = Self.piecesBetweenCarriageReturns(buffer, first.content)
        startLine(&buffer, startPieces[0], kind)
        var cursor = first.next
        var contentType: String?
        var contentLength: Int?
        var chunked = false
        var previous: String?
        var headerEnded = false
        func field(_ content: Range<Int>) {
            guard !content.isEmpty else { return }
            if Glyph.isSpace(buffer[content.lowerBound]) {
                // A folded line continues the field before it (RFC 3261 §7.3.1).
                if let previous {
                    headerValue(&buffer, content, name: previous, kind)
                } else {
                    scrub(&buffer, content)
                }
                return
            }
            guard let colon = buffer[content].firstIndex(of: UInt8(ascii: ":")) else {
                scrub(&buffer, content)
                return
            }
            let name = Glyph.text(buffer[content.lowerBound..<colon]).trimmingSpaces.lowercased()
            let valueRange = (colon + 1)..<content.upperBound
            let value = Glyph.text(buffer[valueRange]).trimmingSpaces
            // Compact forms (RFC 3261 §7.3.3) exist in SIP only.
            let compact = kind == .sip
            if name == "content-type" || (compact && name == "c") { contentType = value }
            if name == "content-length" || (compact && name == "l"),
                !value.isEmpty, value.utf8.count <= 9, value.utf8.allSatisfy(Glyph.isDigit)
            {
                contentLength = Int(value)
            }
            if kind == .http && name == "transfer-encoding" { chunked = value.lowercased().contains("chunked") }
            headerValue(&buffer, valueRange, name: name, kind)
            previous = name
        }
        startPieces.dropFirst().forEach(field)
        while cursor < end {
            let line = BufferLine(buffer, from: cursor, to: end)
            cursor = line.next
            if line.content.isEmpty {
                headerEnded = true
                break
            }
            Self.piecesBetweenCarriageReturns(buffer, line.content).forEach(field)
        }
        guard headerEnded else { return cursor }
        if chunked { return chunkedBody(&buffer, cursor, end, contentType: contentType) }
        let bodyEnd: Int
        if let contentLength {
            bodyEnd = min(end, cursor + contentLength)
        } else {
            bodyEnd = nextStartLine(buffer, from: cursor, to: end, kind)
        }
        body(&buffer, cursor..<bodyEnd, contentType: contentType)
        return bodyEnd
    }

    /// The parts of a line between lone carriage returns (the whole line when it has none).
    static func piecesBetweenCarriageReturns(_ buffer: [UInt8], _ range: Range<Int>) -> [Range<Int>] {
        var pieces: [Range<Int>] = []
        var start = range.lowerBound
        for index in range where buffer[index] == UInt8(ascii: "\r") {
            pieces.append(start..<index)
            start = index + 1
        }
        pieces.append(start..<range.upperBound)
        return pieces
    }

    /// Where the next line that starts a message begins, or `end`.
    private func nextStartLine(_ buffer: [UInt8], from start: Int, to end: Int, _ kind: MessageProtocol) -> Int {
        var cursor = start
        while cursor < end {
            let line = BufferLine(buffer, from: cursor, to: end)
            if !line.content.isEmpty && Self.isStartLine(buffer, line.content, kind) { return cursor }
            cursor = line.next
        }
        return end
    }

    /// A chunked body (RFC 9112 §7.1): the chunks' data is anonymized as one body, so that a
    /// line cut by a chunk boundary is still read whole; chunk sizes stay as they are.
    private mutating func chunkedBody(_ buffer: inout [UInt8], _ start: Int, _ end: Int, contentType: String?) -> Int {
        var pieces: [Range<Int>] = []
        var cursor = start
        while cursor < end {
            let line = BufferLine(buffer, from: cursor, to: end)
            let digits = buffer[line.content].prefix { Glyph.isHex($0) }
            guard !digits.isEmpty, digits.count <= 8, let size = Int(Glyph.text(digits), radix: 16) else { break }
            cursor = line.next
            if size == 0 {
                // Trailer fields, then the empty line.
                while cursor < end {
                    let trailer = BufferLine(buffer, from: cursor, to: end)
                    cursor = trailer.next
                    if trailer.content.isEmpty { break }
                    unknownLine(&buffer, trailer.content)
                }
                break
            }
            let dataEnd = min(end, cursor + size)
            pieces.append(cursor..<dataEnd)
            cursor = dataEnd
            if cursor < end, buffer[cursor] == 0x0D { cursor += 1 }
            if cursor < end, buffer[cursor] == 0x0A { cursor += 1 }
        }
        var data: [UInt8] = []
        for piece in pieces { data += buffer[piece] }
        body(&data, 0..<data.count, contentType: contentType)
        var offset = 0
        for piece in pieces {
            for index in piece where offset < data.count {
                buffer[index] = data[offset]
                offset += 1
            }
        }
        return cursor
    }

    // MARK: Lines

    /// The request line's URI (RFC 3261 §7.1, RFC 9112 §3.2); a status line is kept.
    private mutating func startLine(_ buffer: inout [UInt8], _ range: Range<Int>, _ kind: MessageProtocol) {
        let text = Glyph.text(buffer[range])
        if text.hasPrefix("SIP/") || text.hasPrefix("HTTP/") { return }
        let fields = Self.fields(buffer, range)
        guard fields.count >= 2 else {
            scrub(&buffer, range)
            return
        }
        let target = fields[1]
        var inner = target
        if buffer[target].first == UInt8(ascii: "<"), buffer[target].last == UInt8(ascii: ">"), target.count >= 2 {
            inner = (target.lowerBound + 1)..<(target.upperBound - 1)
        }
        let value = Glyph.text(buffer[inner])
        if let replaced = uri(value) {
            put(replaced, &buffer, inner)
        } else if value.hasPrefix("/") {
            put(path(value), &buffer, inner)
        } else if kind == .http && value != "*" {
            put(hostPort(value), &buffer, inner)
        } else if let colon = value.firstIndex(of: ":") {
            // A scheme this does not know (RFC 3261 §19.1.1 allows any absoluteURI): the
            // scheme is protocol, what follows it may be anyone's address.
            put(String(value[...colon]) + token(String(value[value.index(after: colon)...])), &buffer, inner)
        } else {
            scrub(&buffer, inner)
        }
        for field in fields.dropFirst(2).dropLast() { scrub(&buffer, field) }
    }

    /// A line outside any message, anonymized as what it looks like: an SDP line, a start
    /// line, a header field, or free text (scrubbed by `freeText`).
    mutating func unknownLine(_ buffer: inout [UInt8], _ range: Range<Int>, freeText: ScrubScope = .recognized) {
        guard !range.isEmpty else { return }
        let line = buffer[range]
        if line.contains(UInt8(ascii: "\r")) {
            // Firefox, aiortc and webrtcbin end a value at a lone CR, and a description may use
            // it as its only line end: each piece is a line of its own, so that nothing hides
            // behind the first one's type (a kept v= line would keep the whole text).
            for piece in Self.piecesBetweenCarriageReturns(buffer, range) {
                unknownLine(&buffer, piece, freeText: freeText)
            }
            return
        }
        if range.count >= 2, Glyph.isLower(line[range.lowerBound]), line[range.lowerBound + 1] == UInt8(ascii: "=") {
            sdpLine(&buffer, range)
        } else if Glyph.hasPrefix(line, "candidate:") {
            sdpLine(&buffer, range)
        } else if Self.isStartLine(buffer, range, .sip) {
            startLine(&buffer, range, .sip)
        } else if Self.isStartLine(buffer, range, .http) {
            startLine(&buffer, range, .http)
        } else if let colon = line.firstIndex(of: UInt8(ascii: ":")), colon > range.lowerBound,
            line[range.lowerBound..<colon].allSatisfy({
                Glyph.isAlphanumeric($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_")
            })
        {
            let name = Glyph.text(line[range.lowerBound..<colon]).lowercased()
            headerValue(&buffer, (colon + 1)..<range.upperBound, name: name, .sip)
        } else {
            scrub(&buffer, range, freeText)
        }
    }

    /// The runs of a range separated by white space.
    static func fields(_ buffer: [UInt8], _ range: Range<Int>) -> [Range<Int>] {
        func blank(_ byte: UInt8) -> Bool { Glyph.isSpace(byte) || Glyph.isLineBreak(byte) }
        var result: [Range<Int>] = []
        var index = range.lowerBound
        while index < range.upperBound {
            while index < range.upperBound && blank(buffer[index]) { index += 1 }
            let start = index
            while index < range.upperBound && !blank(buffer[index]) { index += 1 }
            if index > start { result.append(start..<index) }
        }
        return result
    }

    // MARK: Header fields

    /// Fields whose values describe the protocol, not a party (RFC 3261 §20, RFC 3262,
    /// RFC 3265, RFC 4028, RFC 6086, RFC 3841): kept.
    static let keptSIPFields: Set<String> = [
        "cseq", "max-forwards", "content-type", "c", "content-length", "l", "content-disposition",
        "content-encoding", "e", "content-language", "allow", "supported", "k", "require", "proxy-require",
        "unsupported", "accept", "accept-encoding", "accept-language", "expires", "min-expires", "session-expires",
        "x", "min-se", "event", "o", "allow-events", "u", "info-package", "recv-info", "rseq", "rack", "timestamp",
        "date", "mime-version", "priority", "privacy", "subscription-state", "retry-after", "refer-sub",
        "accept-contact", "a", "reject-contact", "j", "request-disposition", "d", "reason", "security-client",
        "security-server", "security-verify", "content-transfer-encoding",
    ]

    /// HTTP fields that describe the exchange, not a party (RFC 9110, RFC 9111, RFC 9112).
    static let keptHTTPFields: Set<String> = [
        "content-type", "content-length", "accept", "accept-encoding", "accept-language", "accept-patch",
        "accept-post", "transfer-encoding", "connection", "cache-control", "date", "vary", "allow", "retry-after",
        "expires", "pragma", "content-encoding", "te", "trailer", "upgrade", "mime-version", "max-forwards",
        "access-control-allow-methods", "access-control-allow-headers", "access-control-expose-headers",
        "access-control-max-age", "access-control-request-method", "access-control-request-headers",
        "content-language", "last-modified", "age", "keep-alive",
    ]

    /// Free text about the software or the call: every word replaced.
    /// Free text, and opaque values that are words to replace whole: the signature of
    /// Identity (RFC 8224 §4, compact form "y"; RFC 4474's before it).
    static let freeTextFields: Set<String> = ["user-agent", "server", "subject", "s", "organization", "identity", "y"]

    static let credentialFields: Set<String> = [
        "authorization", "proxy-authorization", "www-authenticate", "proxy-authenticate", "authentication-info",
        "proxy-authentication-info",
    ]

    /// A header field's value, or a folded line that continues it (RFC 3261 §7.3.1), replaced
    /// as the field's meaning says.
    mutating func headerValue(_ buffer: inout [UInt8], _ range: Range<Int>, name: String, _ kind: MessageProtocol) {
        guard !range.isEmpty else { return }
        let value = Glyph.text(buffer[range])
        let replaced = kind == .sip ? sipField(name, value) : httpField(name, value)
        if replaced != value { put(replaced, &buffer, range) }
    }

    private mutating func sipField(_ name: String, _ value: String) -> String {
        if Self.keptSIPFields.contains(name) { return value }
        if Self.freeTextFields.contains(name) { return token(value, sweep: false) }
        if Self.credentialFields.contains(name) { return credentials(value) }
        switch name {
        case "call-id", "i", "in-reply-to", "content-id": return callIDs(value)
        case "replaces", "join", "target-dialog": return callIDWithParameters(value)
        case "via", "v": return vias(value)
        case "warning": return warnings(value)
        default: return addresses(value)
        }
    }

    private mutating func httpField(_ name: String, _ value: String) -> String {
        if Self.keptHTTPFields.contains(name) { return value }
        if Self.freeTextFields.contains(name) { return token(value, sweep: false) }
        if Self.credentialFields.contains(name) { return credentials(value) }
        switch name {
        case "host":
            let parts = Self.padded(value)
            return parts.leading + hostPort(parts.core) + parts.trailing
        case "location", "content-location", "referer", "origin":
            let parts = Self.padded(value)
            return parts.leading + (uri(parts.core) ?? path(parts.core)) + parts.trailing
        case "etag", "if-match", "if-none-match":
            return entityTags(value)
        default:
            return addresses(value)
        }
    }

    /// A value split into its leading white space, its content and its trailing white space.
    static func padded(_ value: String) -> (leading: String, core: String, trailing: String) {
        let utf8 = Array(value.utf8)
        let start = utf8.firstIndex { !Glyph.isSpace($0) } ?? utf8.count
        let end = (utf8.lastIndex { !Glyph.isSpace($0) } ?? (start - 1)) + 1
        guard start < end else { return (value, "", "") }
        return (Glyph.text(utf8[..<start]), Glyph.text(utf8[start..<end]), Glyph.text(utf8[end...]))
    }

    /// Values built of name-addrs, URIs, quoted strings and parameters (From, To, Contact,
    /// Route, P-Asserted-Identity, Link, and any field not known otherwise): URIs in angle
    /// brackets or bare, quoted strings and display names, and parameters, each replaced by
    /// its kind. RFC 3261 §20.10, §25.1 (`name-addr`, `addr-spec`, `generic-param`).
    mutating func addresses(_ value: String) -> String {
        var bytes = Array(value.utf8)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let close = Self.closingQuote(bytes, index)
                put(token(Glyph.text(bytes[(index + 1)..<close])), &bytes, (index + 1)..<close)
                index = close + 1
            } else if byte == UInt8(ascii: "<") {
                let close = bytes[(index + 1)...].firstIndex(of: UInt8(ascii: ">")) ?? bytes.count
                let inner = Glyph.text(bytes[(index + 1)..<close])
                let replaced = uri(inner) ?? (inner.contains("@") ? email(inner) : token(inner))
                put(replaced, &bytes, (index + 1)..<close)
                index = close + 1
            } else if byte == UInt8(ascii: ";") || byte == UInt8(ascii: ",") {
                index = parameterAt(&bytes, index + 1)
            } else if Glyph.isWord(byte) || byte == UInt8(ascii: "+") {
                var stop = index
                while stop < bytes.count, !Glyph.among(bytes[stop], " \t;,<>\"") { stop += 1 }
                let word = Glyph.text(bytes[index..<stop])
                if let replaced = uri(word) {
                    put(replaced, &bytes, index..<stop)
                } else if let equals = word.firstIndex(of: "=") {
                    let name = String(word[..<equals])
                    put(name + "=" + parameter(name, String(word[word.index(after: equals)...])), &bytes, index..<stop)
                } else if word.contains("@") {
                    put(email(word), &bytes, index..<stop)
                } else {
                    put(hostOrWord(word), &bytes, index..<stop)
                }
                index = stop
            } else {
                index += 1
            }
        }
        return Glyph.text(bytes)
    }

    /// A bare word of a field value: an address stays an address, anything else a token.
    private mutating func hostOrWord(_ word: String) -> String {
        if let address = addressText(word) { return address }
        if word.contains("."), Self.isHostName(Array(word.utf8)) { return host(word) }
        return token(word, sweep: false)
    }

    /// The parameter after a `;` or `,` at `start`: `name`, `name=token` or `name="quoted"`.
    /// Returns where scanning resumes.
    private mutating func parameterAt(_ bytes: inout [UInt8], _ start: Int) -> Int {
        var index = start
        while index < bytes.count, Glyph.isSpace(bytes[index]) { index += 1 }
        let nameStart = index
        while index < bytes.count, Glyph.isAlphanumeric(bytes[index]) || Glyph.among(bytes[index], "-.!%*_+`'~") {
            index += 1
        }
        let name = Glyph.text(bytes[nameStart..<index])
        var equals = index
        while equals < bytes.count, Glyph.isSpace(bytes[equals]) { equals += 1 }
        guard !name.isEmpty, equals < bytes.count, bytes[equals] == UInt8(ascii: "=") else { return index }
        var valueStart = equals + 1
        while valueStart < bytes.count, Glyph.isSpace(bytes[valueStart]) { valueStart += 1 }
        var valueEnd = valueStart
        if valueStart < bytes.count, bytes[valueStart] == UInt8(ascii: "\"") {
            valueEnd = min(bytes.count, Self.closingQuote(bytes, valueStart) + 1)
        } else {
            while valueEnd < bytes.count, !Glyph.among(bytes[valueEnd], " \t;,") { valueEnd += 1 }
        }
        put(parameter(name, Glyph.text(bytes[valueStart..<valueEnd])), &bytes, valueStart..<valueEnd)
        return valueEnd
    }

    /// The index of the quote that closes the quoted string opening at `start` (RFC 3261 §25.1
    /// `quoted-pair`), or the end of `bytes`.
    static func closingQuote(_ bytes: [UInt8], _ start: Int) -> Int {
        var index = start + 1
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "\\") {
                index += 2
                continue
            }
            if bytes[index] == UInt8(ascii: "\"") { return index }
            index += 1
        }
        return bytes.count
    }

    /// Call-IDs (RFC 3261 §20.8: `word ["@" word]`), comma-separated where a field lists
    /// several (In-Reply-To); a Content-ID in angle brackets too.
    private mutating func callIDs(_ value: String) -> String {
        var bytes = Array(value.utf8)
        var index = 0
        while index < bytes.count {
            while index < bytes.count, Glyph.isSpace(bytes[index]) || Glyph.among(bytes[index], ",<>") {
                index += 1
            }
            var stop = index
            while stop < bytes.count, !Glyph.isSpace(bytes[stop]) && !Glyph.among(bytes[stop], ",<>") {
                stop += 1
            }
            if stop > index { put(callID(Glyph.text(bytes[index..<stop])), &bytes, index..<stop) }
            index = stop
        }
        return Glyph.text(bytes)
    }

    private mutating func callID(_ text: String) -> String {
        guard let at = text.lastIndex(of: "@") else { return token(text) }
        return token(String(text[..<at])) + "@" + hostOrAddress(String(text[text.index(after: at)...]))
    }

    /// Replaces (RFC 3891 §6.1), Join (RFC 3911 §7.1), Target-Dialog (RFC 4538 §7):
    /// a Call-ID and tag parameters.
    private mutating func callIDWithParameters(_ value: String) -> String {
        guard let semicolon = value.firstIndex(of: ";") else { return callIDs(value) }
        return callIDs(String(value[..<semicolon])) + parameters(String(value[semicolon...]))
    }

    /// Via (RFC 3261 §20.42): `SIP / 2.0 / UDP sent-by;params`, comma-separated, with the
    /// linear white space the grammar allows around `/`, `:` and `;`.
    private mutating func vias(_ value: String) -> String {
        var bytes = Array(value.utf8)
        for segment in Self.split(bytes, on: UInt8(ascii: ",")) {
            // The sent-by follows the second "/" and the transport after it; without a
            // transport (a malformed Via), the first word.
            var index = segment.lowerBound
            var slashes = 0
            while index < segment.upperBound && slashes < 2 && bytes[index] != UInt8(ascii: ";") {
                if bytes[index] == UInt8(ascii: "/") { slashes += 1 }
                index += 1
            }
            // Past the transport that follows the second "/"; without one, past a first word
            // that is a protocol without its transport ("SIP/2.0 host", malformed). With no "/"
            // at all (the sent-by folded onto a line of its own) the first word is the sent-by.
            if slashes < 2 { index = segment.lowerBound }
            if slashes > 0 {
                while index < segment.upperBound && Glyph.isSpace(bytes[index]) { index += 1 }
                while index < segment.upperBound && !Glyph.isSpace(bytes[index]) && bytes[index] != UInt8(ascii: ";") {
                    index += 1
                }
            }
            let end =
                bytes[index..<segment.upperBound].firstIndex { $0 == UInt8(ascii: ";") || $0 == UInt8(ascii: "(") }
                ?? segment.upperBound
            let sentBy = Self.fields(bytes, index..<end)
            if let host = sentBy.first {
                if sentBy.count == 1 {
                    put(hostPort(Glyph.text(bytes[host])), &bytes, host)
                } else {
                    put(hostOrAddress(Glyph.text(bytes[host])), &bytes, host)
                    if let port = sentBy.last, port != host {
                        let digits =
                            bytes[port].first == UInt8(ascii: ":") ? (port.lowerBound + 1)..<port.upperBound : port
                        put(portText(Glyph.text(bytes[digits])), &bytes, digits)
                    }
                }
            }
            if end < segment.upperBound, bytes[end] == UInt8(ascii: ";") {
                let rest = end..<segment.upperBound
                put(parameters(Glyph.text(bytes[rest])), &bytes, rest)
            }
        }
        return Glyph.text(bytes)
    }

    /// Warning (RFC 3261 §20.43): `code agent "text"`, comma-separated.
    private mutating func warnings(_ value: String) -> String {
        var bytes = Array(value.utf8)
        for segment in Self.split(bytes, on: UInt8(ascii: ",")) {
            let fields = Self.fields(bytes, segment)
            if fields.count >= 2 { put(hostPort(Glyph.text(bytes[fields[1]])), &bytes, fields[1]) }
            if let quote = bytes[segment].firstIndex(of: UInt8(ascii: "\"")) {
                let close = min(segment.upperBound, Self.closingQuote(bytes, quote))
                put(token(Glyph.text(bytes[(quote + 1)..<close]), sweep: false), &bytes, (quote + 1)..<close)
            }
        }
        return Glyph.text(bytes)
    }

    /// Authorization and its kin (RFC 3261 §20.7, §22.4; RFC 7235 §2.1; RFC 6750 §2.1): the
    /// scheme is kept; `name=value` parameters are replaced by their meaning, a bare token
    /// (Bearer, Basic) entirely.
    private mutating func credentials(_ value: String) -> String {
        var bytes = Array(value.utf8)
        let fields = Self.fields(bytes, 0..<bytes.count)
        guard let scheme = fields.first else { return value }
        // A first word holding "=" is no scheme (a token) but an auth-param: the value is the
        // rest of a list folded onto a line of its own, or has lost its scheme.
        if bytes[scheme].contains(UInt8(ascii: "=")) {
            replaceParameters(&bytes, from: 0)
            return Glyph.text(bytes)
        }
        let rest = scheme.upperBound..<bytes.count
        guard bytes[rest].contains(UInt8(ascii: "=")) && !Self.isToken68(bytes[rest]) else {
            put(token(Glyph.text(bytes[rest])), &bytes, rest)
            return Glyph.text(bytes)
        }
        replaceParameters(&bytes, from: scheme.upperBound)
        return Glyph.text(bytes)
    }

    /// Each `name=value` of a comma-separated auth-param list, from `start`, replaced by its kind.
    private mutating func replaceParameters(_ bytes: inout [UInt8], from start: Int) {
        for segment in Self.split(bytes, on: UInt8(ascii: ","), from: start) {
            guard let equals = bytes[segment].firstIndex(of: UInt8(ascii: "=")) else { continue }
            let name = Glyph.text(bytes[segment.lowerBound..<equals]).trimmingSpaces
            var valueRange = (equals + 1)..<segment.upperBound
            while valueRange.lowerBound < valueRange.upperBound, Glyph.isSpace(bytes[valueRange.lowerBound]) {
                valueRange = (valueRange.lowerBound + 1)..<valueRange.upperBound
            }
            while valueRange.upperBound > valueRange.lowerBound, Glyph.isSpace(bytes[valueRange.upperBound - 1]) {
                valueRange = valueRange.lowerBound..<(valueRange.upperBound - 1)
            }
            put(parameter(name, Glyph.text(bytes[valueRange])), &bytes, valueRange)
        }
    }

    /// RFC 7235 §2.1 `token68`: a credential that may end in `=` padding but holds no other `=`.
    private static func isToken68(_ bytes: ArraySlice<UInt8>) -> Bool {
        let trimmed = bytes.drop { Glyph.isSpace($0) }
        let body = trimmed.prefix { $0 != UInt8(ascii: "=") }
        let rest = trimmed.dropFirst(body.count)
        return !body.isEmpty && rest.allSatisfy { $0 == UInt8(ascii: "=") || Glyph.isSpace($0) }
            && !body.contains(UInt8(ascii: ","))
    }

    /// ETag, If-Match, If-None-Match (RFC 9110 §8.8.3): the opaque tags replaced, `W/` and `*` kept.
    private mutating func entityTags(_ value: String) -> String {
        var bytes = Array(value.utf8)
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "\"") {
                let close = Self.closingQuote(bytes, index)
                put(token(Glyph.text(bytes[(index + 1)..<close])), &bytes, (index + 1)..<close)
                index = close + 1
            } else {
                index += 1
            }
        }
        return Glyph.text(bytes)
    }

    /// The ranges of `bytes` between `separator`s outside quoted strings, from `start`.
    static func split(_ bytes: [UInt8], on separator: UInt8, from start: Int = 0) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var segmentStart = start
        var index = start
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "\"") {
                index = closingQuote(bytes, index) + 1
                continue
            }
            if bytes[index] == separator {
                result.append(segmentStart..<index)
                segmentStart = index + 1
            }
            index += 1
        }
        result.append(segmentStart..<max(segmentStart, min(index, bytes.count)))
        return result
    }

    // MARK: Bodies

    /// A body, anonymized as its Content-Type says: SDP and SDP fragments line by line,
    /// multipart bodies part by part (RFC 2046 §5.1, RFC 5621), JSON and XML by their
    /// structure, a message/sipfrag as SIP; any other body word by word. A body without a
    /// type that starts like SDP is read as SDP.
    mutating func body(_ buffer: inout [UInt8], _ range: Range<Int>, contentType: String?) {
        guard !range.isEmpty else { return }
        let type = contentType.map { Self.mediaType($0) }
        let head = buffer[range].drop { Glyph.isLineBreak($0) || Glyph.isSpace($0) }
        switch type {
        case "application/sdp", "application/trickle-ice-sdpfrag", "application/sdpfrag":
            sdpLines(&buffer, range)
        case let type? where type.hasPrefix("multipart/"):
            multipart(&buffer, range, boundary: contentType.flatMap(Self.boundary))
        case let type? where type == "application/json" || type.hasSuffix("+json"):
            replaceKeepingLength(json(buffer[range], key: nil, otherText: .everyWord), &buffer, range)
        case let type? where type.hasSuffix("/xml") || type.hasSuffix("+xml"):
            replaceKeepingLength(xml(buffer[range], otherText: .everyWord), &buffer, range)
        case "message/sipfrag":
            messages(&buffer, range, .sip)
        case "message/http":
            messages(&buffer, range, .http)
        case nil where Glyph.hasPrefix(head, "v="):
            sdpLines(&buffer, range)
        case nil where head.first == UInt8(ascii: "{") || head.first == UInt8(ascii: "["):
            replaceKeepingLength(json(buffer[range], key: nil, otherText: .everyWord), &buffer, range)
        default:
            words(&buffer, range)
        }
    }

    /// Writes a nested result over `range` when it kept its length, and redacts the range when
    /// it did not (Content-Length would lie otherwise).
    mutating func replaceKeepingLength(_ result: [UInt8], _ buffer: inout [UInt8], _ range: Range<Int>) {
        guard result.count == range.count else {
            redact(&buffer, range)
            return
        }
        for (offset, byte) in result.enumerated() { buffer[range.lowerBound + offset] = byte }
    }

    /// Every line becomes a token of its shape: letters, digits and non-ASCII characters
    /// replaced, punctuation and white space kept. Binary content is redacted.
    mutating func words(_ buffer: inout [UInt8], _ range: Range<Int>) {
        if buffer[range].contains(0) {
            redact(&buffer, range)
            return
        }
        var cursor = range.lowerBound
        while cursor < range.upperBound {
            let line = BufferLine(buffer, from: cursor, to: range.upperBound)
            if !line.content.isEmpty {
                put(token(Glyph.text(buffer[line.content]), sweep: false), &buffer, line.content)
            }
            cursor = line.next
        }
    }

    /// `type/subtype` of a Content-Type value, lower-cased, without parameters.
    static func mediaType(_ value: String) -> String {
        let type =
            value.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? value
        return type.trimmingSpaces.lowercased()
    }

    /// The `boundary` parameter of a multipart Content-Type (RFC 2046 §5.1.1), unquoted.
    static func boundary(_ value: String) -> String? {
        for parameter in value.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard pair.count == 2, String(pair[0]).trimmingSpaces.lowercased() == "boundary" else { continue }
            var boundary = String(pair[1]).trimmingSpaces
            if boundary.utf8.count >= 2, boundary.hasPrefix("\""), boundary.hasSuffix("\"") {
                boundary = String(boundary.dropFirst().dropLast())
            }
            return boundary.isEmpty ? nil : boundary
        }
        return nil
    }

    /// A multipart body (RFC 2046 §5.1.1): preamble and epilogue word by word, each part's
    /// header fields by their meaning, each part's content by its own Content-Type.
    private mutating func multipart(_ buffer: inout [UInt8], _ range: Range<Int>, boundary: String?) {
        guard let boundary else {
            words(&buffer, range)
            return
        }
        let delimiter = Array(("--" + boundary).utf8)
        enum State {
            case preamble, headers
            case content(start: Int)
            case epilogue
        }
        var state = State.preamble
        var partType: String?
        var cursor = range.lowerBound
        while cursor < range.upperBound {
            let line = BufferLine(buffer, from: cursor, to: range.upperBound)
            let content = buffer[line.content]
            if content.starts(with: delimiter) {
                if case .content(let start) = state {
                    body(&buffer, start..<cursor, contentType: partType)
                }
                let closing = content.dropFirst(delimiter.count).starts(with: Array("--".utf8))
                state = closing ? .epilogue : .headers
                partType = nil
                cursor = line.next
                continue
            }
            switch state {
            case .preamble, .epilogue:
                if !line.content.isEmpty { put(token(Glyph.text(content), sweep: false), &buffer, line.content) }
            case .headers:
                if line.content.isEmpty {
                    state = .content(start: line.next)
                } else if let colon = content.firstIndex(of: UInt8(ascii: ":")) {
                    let name = Glyph.text(buffer[line.content.lowerBound..<colon]).trimmingSpaces.lowercased()
                    if name == "content-type" {
                        partType = Glyph.text(buffer[(colon + 1)..<line.content.upperBound]).trimmingSpaces
                    }
                    headerValue(&buffer, (colon + 1)..<line.content.upperBound, name: name, .sip)
                } else {
                    scrub(&buffer, line.content)
                }
            case .content:
                break
            }
            cursor = line.next
        }
        if case .content(let start) = state { body(&buffer, start..<range.upperBound, contentType: partType) }
    }
}
