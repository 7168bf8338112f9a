import SDPLintInput
import SDPLintReporting
import SDPLintWebRTC

extension Anonymizer {
    // MARK: Free text

    /// How much of a text ``scrub(_:_:_:)`` replaces.
    enum ScrubScope {
        /// E-mail addresses and IP addresses (and certificate fingerprints) only: a protocol
        /// value, whose words and URIs are protocol, cannot hide one either.
        case addresses
        /// Everything recognizably identifying (see ``scrub(_:_:_:)``); other words stay.
        case recognized
        /// Every word and number too: a value whose meaning is not known, such as an
        /// unregistered SDP attribute, may hold a name or a token in any form.
        case everyWord
    }

    /// Replaces, in text whose structure is not known, everything that is recognizably
    /// identifying: URIs of the schemes signaling uses, e-mail addresses, IPv4 addresses (and a
    /// `:port` after one), IPv6 addresses, UUIDs, certificate fingerprints, and every word that
    /// is a credential or id met anywhere else in the input (which the second pass knows all of).
    /// `scope` narrows or widens that.
    ///
    /// - Complexity: O(*n*) in the length of the range, plus the length of what is replaced.
    mutating func scrub(_ buffer: inout [UInt8], _ range: Range<Int>, _ scope: ScrubScope = .recognized) {
        let end = min(range.upperBound, buffer.count)
        var index = max(0, range.lowerBound)
        while index < end {
            let atStart = index == range.lowerBound || !Glyph.isWord(buffer[index - 1])
            if atStart, let next = scrubItem(&buffer, index, end, scope), next > index {
                index = next
            } else {
                index += 1
            }
        }
    }

    /// The string form of ``scrub(_:_:)``.
    mutating func scrubbed(_ text: String) -> String {
        var buffer = Array(text.utf8)
        scrub(&buffer, 0..<buffer.count)
        return Glyph.text(buffer)
    }

    /// Recognizes and replaces one item starting at `index` (a word start); returns where the
    /// scan resumes, or `nil` when nothing there is known.
    private mutating func scrubItem(_ buffer: inout [UInt8], _ index: Int, _ end: Int, _ scope: ScrubScope) -> Int? {
        let byte = buffer[index]
        if byte == UInt8(ascii: "[") { return scrubBracketedAddress(&buffer, index, end) }
        if scope != .addresses, Glyph.isLetter(byte), let next = scrubURI(&buffer, index, end) { return next }
        if Glyph.isWord(byte), let next = scrubEmail(&buffer, index, end) { return next }
        if Glyph.isHex(byte) || byte == UInt8(ascii: ":"), let next = scrubAddress(&buffer, index, end) { return next }
        if scope != .addresses, Glyph.isWord(byte) {
            return scrubWord(&buffer, index, end, everyWord: scope == .everyWord)
        }
        return nil
    }

    static let uriSchemes: Set<String> = [
        "sip", "sips", "tel", "http", "https", "ws", "wss", "stun", "stuns", "turn", "turns", "mailto", "urn", "xmpp",
    ]

    private mutating func scrubURI(_ buffer: inout [UInt8], _ index: Int, _ end: Int) -> Int? {
        var colon = index
        while colon < end, colon - index < 8,
            Glyph.isAlphanumeric(buffer[colon]) || buffer[colon] == UInt8(ascii: "+")
                || buffer[colon] == UInt8(ascii: "-") || buffer[colon] == UInt8(ascii: ".")
        { colon += 1 }
        guard colon < end, buffer[colon] == UInt8(ascii: ":") else { return nil }
        let scheme = Glyph.text(buffer[index..<colon]).lowercased()
        guard Self.uriSchemes.contains(scheme) else { return nil }
        let web = scheme.hasPrefix("http") || scheme.hasPrefix("ws")
        var stop = colon + 1
        while stop < end {
            let byte = buffer[stop]
            if byte <= 0x20 || byte == 0x7F || Glyph.among(byte, "\"'<>`{}|\\^") { break }
            if !web && byte == UInt8(ascii: ",") { break }
            stop += 1
        }
        while stop > colon + 1, buffer[stop - 1] == UInt8(ascii: ".") || buffer[stop - 1] == UInt8(ascii: ")") {
            stop -= 1
        }
        guard stop > colon + 1, let replaced = uri(Glyph.text(buffer[index..<stop])) else { return nil }
        put(replaced, &buffer, index..<stop)
        return stop
    }

    private mutating func scrubEmail(_ buffer: inout [UInt8], _ index: Int, _ end: Int) -> Int? {
        var at = index
        while at < end, at - index < 64,
            Glyph.isAlphanumeric(buffer[at]) || Glyph.among(buffer[at], "._%+-")
        { at += 1 }
        guard at > index, at < end, buffer[at] == UInt8(ascii: "@") else { return nil }
        var stop = at + 1
        while stop < end,
            Glyph.isAlphanumeric(buffer[stop]) || buffer[stop] == UInt8(ascii: "-") || buffer[stop] == UInt8(ascii: ".")
        {
            stop += 1
        }
        while stop > at + 1, buffer[stop - 1] == UInt8(ascii: ".") { stop -= 1 }
        let domain = Array(buffer[(at + 1)..<stop])
        guard domain.contains(UInt8(ascii: ".")), domain.contains(where: Glyph.isAlphanumeric) else { return nil }
        let local = Glyph.text(buffer[index..<at])
        put(token(local) + "@" + hostOrAddress(Glyph.text(domain)), &buffer, index..<stop)
        return stop
    }

    private mutating func scrubBracketedAddress(_ buffer: inout [UInt8], _ index: Int, _ end: Int) -> Int? {
        var close = index + 1
        while close < end, close - index < 64, buffer[close] != UInt8(ascii: "]") { close += 1 }
        guard close < end, buffer[close] == UInt8(ascii: "]"),
            IPv6Text(Glyph.text(buffer[(index + 1)..<close])[...]) != nil
        else { return nil }
        var stop = close + 1
        if stop + 1 < end, buffer[stop] == UInt8(ascii: ":"), Glyph.isDigit(buffer[stop + 1]) {
            stop += 1
            while stop < end, Glyph.isDigit(buffer[stop]) { stop += 1 }
        }
        guard stop >= end || !Glyph.isWord(buffer[stop]) else { return nil }
        put(hostPort(Glyph.text(buffer[index..<stop])), &buffer, index..<stop)
        return stop
    }

    /// An IPv4 address (with a `:port` after it), an IPv6 address or a fingerprint at `index`.
    private mutating func scrubAddress(_ buffer: inout [UInt8], _ index: Int, _ end: Int) -> Int? {
        func boundary(_ position: Int) -> Bool { position >= end || !Glyph.isWord(buffer[position]) }
        if Glyph.isDigit(buffer[index]) {
            var stop = index
            while stop < end, Glyph.isDigit(buffer[stop]) || buffer[stop] == UInt8(ascii: ".") { stop += 1 }
            var candidate = stop
            if candidate > index, buffer[candidate - 1] == UInt8(ascii: ".") { candidate -= 1 }
            if boundary(stop), IPv4Text(Glyph.text(buffer[index..<candidate])[...]) != nil {
                var after = candidate
                if candidate == stop, after + 1 < end, buffer[after] == UInt8(ascii: ":"),
                    Glyph.isDigit(buffer[after + 1])
                {
                    var portEnd = after + 1
                    while portEnd < end, Glyph.isDigit(buffer[portEnd]) { portEnd += 1 }
                    if boundary(portEnd) && portEnd - after - 1 <= 5 { after = portEnd }
                }
                put(hostPort(Glyph.text(buffer[index..<after])), &buffer, index..<after)
                return after
            }
        }
        var stop = index
        while stop < end,
            Glyph.isHex(buffer[stop]) || buffer[stop] == UInt8(ascii: ":") || buffer[stop] == UInt8(ascii: ".")
        {
            stop += 1
        }
        while stop > index, buffer[stop - 1] == UInt8(ascii: ".") { stop -= 1 }
        guard stop > index, boundary(stop) || buffer[stop] == UInt8(ascii: "%") else { return nil }
        let run = Array(buffer[index..<stop])
        guard run.contains(UInt8(ascii: ":")) else { return nil }
        if IPv6Text(Glyph.text(run)[...]) != nil, let replaced = addressText(Glyph.text(run)) {
            put(replaced, &buffer, index..<stop)
            return stop
        }
        if Self.isFingerprint(run) {
            put(token(Glyph.text(run), sweep: false), &buffer, index..<stop)
            return stop
        }
        return nil
    }

    /// `hh:hh:…:hh` with at least eight pairs: a certificate fingerprint (RFC 8122 §5).
    static func isFingerprint(_ run: [UInt8]) -> Bool {
        guard run.count >= 23, (run.count + 1) % 3 == 0 else { return false }
        for (offset, byte) in run.enumerated() {
            if offset % 3 == 2 {
                guard byte == UInt8(ascii: ":") else { return false }
            } else if !Glyph.isHex(byte) {
                return false
            }
        }
        return true
    }

    /// Whether `bytes[start...]` starts with a UUID (8-4-4-4-12 hex digits, RFC 9562 §4).
    static func uuidLength(_ bytes: [UInt8], _ start: Int, _ end: Int) -> Int? {
        guard end - start >= 36 else { return nil }
        for offset in 0..<36 {
            let byte = bytes[start + offset]
            if [8, 13, 18, 23].contains(offset) {
                guard byte == UInt8(ascii: "-") else { return nil }
            } else if !Glyph.isHex(byte) {
                return nil
            }
        }
        if start + 36 < end, Glyph.isAlphanumeric(bytes[start + 36]) { return nil }
        return 36
    }

    /// A word: replaced when it is a known secret, or holds a UUID or a known secret.
    private mutating func scrubWord(_ buffer: inout [UInt8], _ index: Int, _ end: Int, everyWord: Bool) -> Int {
        var stop = index
        while stop < end, Glyph.isWord(buffer[stop]) || Glyph.among(buffer[stop], "+/=_~.-") { stop += 1 }
        while stop > index + 1, Glyph.among(buffer[stop - 1], "./-=") { stop -= 1 }
        let word = Glyph.text(buffer[index..<stop])
        if !collecting, sweepable.contains(word), let replacement = tokens[word] {
            put(replacement, &buffer, index..<stop)
            return stop
        }
        // The alphanumeric runs inside: UUIDs, and secrets glued to punctuation.
        var position = index
        while position < stop {
            guard Glyph.isWord(buffer[position]), position == index || !Glyph.isWord(buffer[position - 1]) else {
                position += 1
                continue
            }
            if let length = Self.uuidLength(buffer, position, stop) {
                put(token(Glyph.text(buffer[position..<(position + length)])), &buffer, position..<(position + length))
                position += length
                continue
            }
            var runEnd = position
            while runEnd < stop, Glyph.isWord(buffer[runEnd]) { runEnd += 1 }
            let run = Glyph.text(buffer[position..<runEnd])
            if !collecting, sweepable.contains(run), let replacement = tokens[run] {
                put(replacement, &buffer, position..<runEnd)
            } else if everyWord {
                put(token(run, sweep: false), &buffer, position..<runEnd)
            }
            position = runEnd
        }
        return stop
    }

    // MARK: URIs

    /// A URI of a scheme signaling uses, each identifying part replaced, the same length;
    /// `nil` when `text` is not a URI of one of those schemes.
    mutating func uri(_ text: String) -> String? {
        guard let colon = text.firstIndex(of: ":") else { return nil }
        let scheme = text[..<colon].lowercased()
        let prefix = String(text[...colon])
        let rest = String(text[text.index(after: colon)...])
        switch scheme {
        case "sip", "sips": return prefix + sipURI(rest)
        case "tel": return prefix + telephoneNumber(rest)
        case "http", "https", "ws", "wss": return prefix + webURI(rest)
        case "stun", "stuns", "turn", "turns": return prefix + iceServerURI(rest)
        case "urn":
            // urn:uuid: (RFC 9562 §4) names an instance; other URNs name standards.
            guard rest.lowercased().hasPrefix("uuid:") else { return text }
            return prefix + rest.prefix(5) + token(String(rest.dropFirst(5)))
        case "mailto": return prefix + email(rest)
        case "xmpp": return prefix + jid(rest)
        default: return nil
        }
    }

    /// RFC 3261 §19.1.1: `sip:user:password@host:port;uri-parameters?headers`.
    mutating func sipURI(_ text: String) -> String {
        var main = Substring(text)
        var headers: Substring?
        if let question = text.firstIndex(of: "?") {
            main = text[..<question]
            headers = text[text.index(after: question)...]
        }
        var result = ""
        var hostPart = main
        if let at = main.lastIndex(of: "@") {
            let userinfo = main[..<at]
            hostPart = main[main.index(after: at)...]
            var user = userinfo
            var password: Substring?
            if let colon = userinfo.firstIndex(of: ":") {
                user = userinfo[..<colon]
                password = userinfo[userinfo.index(after: colon)...]
            }
            // A telephone-subscriber user may carry its own parameters (RFC 3966 §3).
            if let semicolon = user.firstIndex(of: ";") {
                result += escapedToken(String(user[..<semicolon])) + parameters(String(user[semicolon...]))
            } else {
                result += escapedToken(String(user))
            }
            if let password { result += ":" + token(String(password)) }
            result += "@"
        }
        if let semicolon = hostPart.firstIndex(of: ";") {
            result += hostPort(String(hostPart[..<semicolon])) + parameters(String(hostPart[semicolon...]))
        } else {
            result += hostPort(String(hostPart))
        }
        if let headers { result += "?" + query(String(headers)) }
        return result
    }

    /// RFC 3966 §3: the number's digits, and its parameters.
    mutating func telephoneNumber(_ text: String) -> String {
        guard let semicolon = text.firstIndex(of: ";") else { return token(text) }
        return token(String(text[..<semicolon])) + parameters(String(text[semicolon...]))
    }

    /// RFC 3986 §3: `//userinfo@host:port/path?query#fragment`.
    mutating func webURI(_ text: String) -> String {
        guard text.hasPrefix("//") else { return path(text) }
        let afterSlashes = text.dropFirst(2)
        let authorityEnd = afterSlashes.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? afterSlashes.endIndex
        var authority = afterSlashes[..<authorityEnd]
        var result = "//"
        if let at = authority.lastIndex(of: "@") {
            result += token(String(authority[..<at])) + "@"
            authority = authority[authority.index(after: at)...]
        }
        return result + hostPort(String(authority)) + path(String(afterSlashes[authorityEnd...]))
    }

    /// A path with its query and fragment: every segment and every query value becomes a token
    /// (they can carry stream keys and session ids); names of query parameters stay.
    mutating func path(_ text: String) -> String {
        var main = Substring(text)
        var fragment: Substring?
        if let hash = text.firstIndex(of: "#") {
            main = text[..<hash]
            fragment = text[text.index(after: hash)...]
        }
        var queryPart: Substring?
        if let question = main.firstIndex(of: "?") {
            queryPart = main[main.index(after: question)...]
            main = main[..<question]
        }
        var result = main.split(separator: "/", omittingEmptySubsequences: false).map {
            escapedToken(String($0), sweep: false)
        }.joined(separator: "/")
        if let queryPart { result += "?" + query(String(queryPart)) }
        if let fragment { result += "#" + escapedToken(String(fragment), sweep: false) }
        return result
    }

    /// `name=value&…`: names kept, values replaced.
    mutating func query(_ text: String) -> String {
        text.split(separator: "&", omittingEmptySubsequences: false).map { pair in
            guard let equals = pair.firstIndex(of: "=") else { return String(pair) }
            return String(pair[...equals]) + escapedToken(String(pair[pair.index(after: equals)...]), sweep: false)
        }.joined(separator: "&")
    }

    /// RFC 7064 §3.1 and RFC 7065 §3.1: `stun:host:port`, `turn:host:port?transport=udp`.
    mutating func iceServerURI(_ text: String) -> String {
        guard let question = text.firstIndex(of: "?") else { return hostPort(text) }
        return hostPort(String(text[..<question])) + text[question...]
    }

    /// `local@domain`.
    mutating func email(_ text: String) -> String {
        guard let at = text.lastIndex(of: "@") else { return token(text) }
        return token(String(text[..<at])) + "@" + hostOrAddress(String(text[text.index(after: at)...]))
    }

    /// An XMPP address (RFC 7622 §3.1): `localpart@domainpart/resourcepart`.
    mutating func jid(_ text: String) -> String {
        var bare = Substring(text)
        var resource = ""
        if let slash = text.firstIndex(of: "/") {
            bare = text[..<slash]
            resource = "/" + token(String(text[text.index(after: slash)...]))
        }
        guard let at = bare.firstIndex(of: "@") else { return host(String(bare)) + resource }
        return token(String(bare[..<at])) + "@" + host(String(bare[bare.index(after: at)...])) + resource
    }

    /// A token that keeps `%HH` escapes (RFC 3986 §2.1) as they are, so that the result still
    /// decodes.
    mutating func escapedToken(_ text: String, sweep: Bool = true) -> String {
        guard text.contains("%") else { return token(text, sweep: sweep) }
        let utf8 = Array(text.utf8)
        var result = ""
        var start = 0
        var index = 0
        while index < utf8.count {
            if utf8[index] == UInt8(ascii: "%"), index + 2 < utf8.count, Glyph.isHex(utf8[index + 1]),
                Glyph.isHex(utf8[index + 2])
            {
                result += token(Glyph.text(utf8[start..<index]), sweep: sweep) + Glyph.text(utf8[index..<(index + 3)])
                index += 3
                start = index
            } else {
                index += 1
            }
        }
        return result + token(Glyph.text(utf8[start...]), sweep: sweep)
    }

    // MARK: Parameters

    /// `;name=value;name` (RFC 3261 §19.1.1, §20), each value replaced by ``parameter(_:_:)``.
    mutating func parameters(_ text: String) -> String {
        text.split(separator: ";", omittingEmptySubsequences: false).map { item in
            guard let equals = item.firstIndex(of: "=") else { return String(item) }
            let name = String(item[..<equals]).trimmingSpaces
            let value = Self.padded(String(item[item.index(after: equals)...]))
            return String(item[...equals]) + value.leading + parameter(name, value.core) + value.trailing
        }.joined(separator: ";")
    }

    /// Parameters whose values describe the protocol, not a party: kept.
    static let keptParameters: Set<String> = [
        "transport", "lr", "user", "method", "ttl", "comp", "ob", "expires", "q", "reg-id", "purpose", "refresher",
        "handling", "cause", "duration", "retry-after", "rel", "credential-type", "charset", "boundary", "algorithm",
        "qop", "nc", "stale", "text", "protocol", "reason", "version", "level", "profile", "events", "action",
        "session-expires", "min-se", "rinstance",
    ]

    /// Parameters that hold secrets, ids or user names: their values are swept from free text too.
    static let secretParameters: Set<String> = [
        "tag", "to-tag", "from-tag", "local-tag", "remote-tag", "username", "credential", "nonce", "cnonce",
        "response", "opaque", "nextnonce", "rspauth", "gr", "epid", "icid-value", "call-id", "auts",
    ]

    /// The value of a parameter named `name`, replaced as the parameter's meaning says.
    mutating func parameter(_ name: String, _ value: String) -> String {
        if value.utf8.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") {
            return "\"" + parameter(name, String(value.dropFirst().dropLast())) + "\""
        }
        let lowered = name.lowercased()
        if Self.keptParameters.contains(lowered) || (lowered.hasPrefix("+") && lowered != "+sip.instance") {
            return value
        }
        switch lowered {
        case "maddr", "received", "icid-generated-at":
            return hostOrAddress(value)
        case "rport":
            return portText(value)
        case "branch":
            // RFC 3261 §8.1.1.7: the magic cookie says "RFC 3261 compliant", the rest is the id.
            let cookie = "z9hG4bK"
            guard value.hasPrefix(cookie) else { return token(value) }
            return cookie + token(String(value.dropFirst(cookie.count)))
        case "+sip.instance", "pub-gruu", "temp-gruu", "uri":
            if value.hasPrefix("<"), value.hasSuffix(">"), value.utf8.count >= 2 {
                let inner = String(value.dropFirst().dropLast())
                return "<" + (uri(inner) ?? token(inner)) + ">"
            }
            return uri(value) ?? path(value)
        case "realm", "domain":
            return Self.isHostName(Array(value.utf8)) && value.contains(".") ? host(value) : token(value)
        default:
            if Self.secretParameters.contains(lowered) { return token(value) }
            if value.utf8.count <= 4 && value.utf8.allSatisfy(Glyph.isDigit) { return value }
            if let address = addressText(value) { return address }
            if value.contains(":"), let replaced = uri(value) { return replaced }
            return token(value, sweep: false)
        }
    }
}

extension String {
    /// The string without leading and trailing spaces and tabs.
    var trimmingSpaces: String {
        let utf8 = Array(self.utf8)
        guard let first = utf8.firstIndex(where: { !Glyph.isSpace($0) }),
            let last = utf8.lastIndex(where: { !Glyph.isSpace($0) })
        else { return "" }
        return Glyph.text(utf8[first...last])
    }
}
