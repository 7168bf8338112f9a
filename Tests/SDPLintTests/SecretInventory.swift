import Foundation
import SDPLintCapture

/// The identifying values of an input, found without the anonymizer: by regular expressions
/// over the text a reader sees, and by the names of JSON members. Each secret says how it is
/// searched for, so that a short one is not found inside an unrelated longer word.
struct SecretInventory {
    enum Match: Hashable {
        /// Not next to a letter or digit: user names, ufrags, tags, hosts, ids.
        case word
        /// Not next to a digit: SSRCs, session ids (which stats ids glue to letters).
        case number
        /// Anywhere: fingerprints, UUIDs, URLs and other long values.
        case anywhere
    }

    private(set) var secrets: [String: Match] = [:]

    var count: Int { secrets.count }

    /// Adds a value unless it is too short to be told from ordinary text, or names nobody.
    mutating func add(_ raw: String, _ match: Match? = nil) {
        let value = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !Self.harmless(value) else { return }
        let digits = value.allSatisfy(\.isNumber)
        if digits {
            guard value.count >= 6 else { return }
            secrets[value] = .number
            return
        }
        guard value.count >= 4 else { return }
        secrets[value] =
            match ?? (value.count >= 16 && value.contains(where: { !$0.isLetter && !$0.isNumber }) ? .anywhere : .word)
    }

    /// Values no one can be identified by: unspecified and loopback addresses, placeholders.
    static func harmless(_ value: String) -> Bool {
        // Placeholders, and protocol words that a test fixture also uses as a value (a tag
        // "auth" beside qop="auth").
        let placeholders = [
            "-", "*", "::", "::1", "0.0.0.0", "255.255.255.255", "localhost", "null", "true", "false", "auth",
            "initiator", "responder",
        ]
        if placeholders.contains(value) {
            return true
        }
        if value.hasPrefix("127.") || value.hasPrefix("0.") || value.hasPrefix("[::1]") { return true }
        return value.hasPrefix("mozilla...THIS_IS_SDPARTA")
    }

    /// The secrets that occur in `text`, each by its kind of match.
    func survivors(in text: String) -> [String] {
        secrets.compactMap { secret, match in Self.occurs(secret, in: text, match) ? secret : nil }.sorted()
    }

    static func occurs(_ secret: String, in text: String, _ match: Match) -> Bool {
        var searchRange = text.startIndex..<text.endIndex
        while let found = text.range(of: secret, range: searchRange) {
            let before = found.lowerBound > text.startIndex ? text[text.index(before: found.lowerBound)] : nil
            let after = found.upperBound < text.endIndex ? text[found.upperBound] : nil
            func joins(_ character: Character?) -> Bool {
                guard let character, character.isASCII else { return false }
                switch match {
                case .word: return character.isLetter || character.isNumber
                case .number: return character.isNumber
                case .anywhere: return false
                }
            }
            if !joins(before) && !joins(after) { return true }
            searchRange = found.upperBound..<text.endIndex
        }
        return false
    }

    // MARK: Collecting

    /// The secrets of an input of any kind.
    static func collect(_ bytes: [UInt8]) -> SecretInventory {
        var inventory = SecretInventory()
        let view = TextView.of(bytes)
        inventory.scan(view.text)
        for address in view.addresses { inventory.add(address) }
        for value in view.jsonValues { inventory.addMember(value.key, value.value) }
        return inventory
    }

    private static func regex(_ pattern: String) -> NSRegularExpression {
        // The patterns are literals of this file: a bad one is a bug of the test, which should stop it.
        try! NSRegularExpression(pattern: pattern, options: [.anchorsMatchLines])
    }

    /// Pattern, capture group, how the capture is matched.
    private static let patterns: [(NSRegularExpression, Int, Match?)] = [
        // IPv4 literals (RFC 791 dotted quads); validity checked below.
        (regex(#"(?<![0-9.])(\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3})(?![0-9]|\.\d)"#), 1, .word),
        // ICE credentials (RFC 8839 §5.4), fingerprints (RFC 8122 §5).
        (regex(#"a=ice-(?:ufrag|pwd):(\S+)"#), 1, .word),
        (regex(#"(?<![0-9A-Fa-f:])((?:[0-9A-Fa-f]{2}:){7,}[0-9A-Fa-f]{2})(?![0-9A-Fa-f:])"#), 1, .anywhere),
        // Candidates (RFC 8839 §5.1): foundation, address, and the ufrag extension.
        (regex(#"candidate:(\S+) \d+ \S+ \d+ (\S+) \d+ typ"#), 1, .word),
        (regex(#"candidate:\S+ \d+ \S+ \d+ (\S+) \d+ typ"#), 1, .word),
        (regex(#"raddr (\S+)"#), 1, .word), (regex(#" ufrag (\S+)"#), 1, .word),
        // SSRCs, cnames and stream ids (RFC 5576, RFC 8830).
        (regex(#"a=ssrc:(\d+)"#), 1, .number), (regex(#"a=ssrc-group:\S+((?: \d+)+)"#), 1, nil),
        (regex(#"cname:(\S+)"#), 1, .word), (regex(#"msid:(\S+)"#), 1, .word), (regex(#"msid:\S+ (\S+)"#), 1, .word),
        (regex(#"a=msid-semantic: ?WMS((?: \S+)+)"#), 1, nil),
        // Origin user name and session id, connection addresses (RFC 8866 §5.2, §5.7).
        (regex(#"^o=(\S+) (\d+) "#), 1, .word), (regex(#"^o=\S+ (\d+) "#), 1, .number),
        (regex(#"(?:c=IN IP[46]|IN IP[46]) (\S+)"#), 1, .word),
        (regex(#"inline:([A-Za-z0-9+/=]+)"#), 1, .word),
        // SIP (RFC 3261 §20): Call-ID, tags, branches, users and hosts of URIs, Via hosts,
        // user agents, credentials.
        (regex(#"^(?:Call-ID|i): *(\S+)"#), 1, .word), (regex(#"^(?:Call-ID|i): *([^@\s]+)@"#), 1, .word),
        (regex(#"tag=([^;>\s,'"]+)"#), 1, .word), (regex(#"branch=([^;>\s,]+)"#), 1, .word),
        (regex(#"sips?:([^@\s;>:]+)@"#), 1, .word),
        (regex(#"sips?:(?:[^@\s;>]+@)?(\[[^\]]+\]|[^;>\s:?\]]+)"#), 1, .word),
        (regex(#"^Via: SIP/2\.0/\S+ (\[[^\]]+\]|[^;:\s]+)"#), 1, .word),
        (regex(#"^(?:User-Agent|Server): *(.+)$"#), 1, .anywhere),
        (regex(#"(?:nonce|cnonce|opaque|response|username|realm|credential)="([^"]+)""#), 1, .word),
        // WHIP/WHEP (RFC 9725): bearer tokens, hosts, entity tags, Location and Link URLs.
        (regex(#"Bearer (\S+)"#), 1, .word), (regex(#"^Host: *([^:\s]+)"#), 1, .word),
        (regex(#"^(?:ETag|If-Match): *"([^"]+)""#), 1, .word), (regex(#"^Location: *(\S+)"#), 1, .anywhere),
        // URLs and ICE server URIs: the host.
        (regex(#"(?:https?|wss?)://([^/:?\s"'<>]+)"#), 1, .word),
        (regex(#"(?:stuns?|turns?):([^:?\s"'<>\]]+)"#), 1, .word),
        // Jingle (XEP-0166, XEP-0176, XEP-0339): JIDs, session and stanza ids, credentials.
        (regex(#"\b(?:from|to|initiator|responder)=['"]([^'"]+)['"]"#), 1, .word),
        (regex(#"\b(?:from|to|initiator|responder)=['"]([^'"@]+)@"#), 1, .word),
        (regex(#"\b(?:from|to|initiator|responder)=['"][^'"@]*@([^'"/]+)"#), 1, .word),
        (regex(#"\b(?:sid|ufrag|pwd|ip|rel-addr|ssrc|track)=['"]([^'"]+)['"]"#), 1, .word),
        (
            regex(
                #"<(?:iq|message|presence|candidate|propose|accept|proceed|reject|retract|ringing|finish|stream)"#
                    + #"\b[^>]*\sid=['"]([^'"]+)['"]"#
            ), 1, .word
        ),
        (regex(#"name=['"](?:cname|msid)['"] value=['"]([^'"]+)['"]"#), 1, nil),
        // UUIDs (RFC 9562): track, stream and instance ids, mDNS names.
        (regex(#"([0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12})"#), 1, .anywhere),
    ]

    private mutating func scan(_ original: String) {
        // Header extension URIs name specifications, not parties (RFC 8285 §5).
        let text = Self.regex(#"a=extmap:\S+ \S+|uri=['"][^'"]*['"]"#).stringByReplacingMatches(
            in: original, range: NSRange(original.startIndex..., in: original), withTemplate: "")
        let whole = NSRange(text.startIndex..., in: text)
        for (pattern, group, match) in Self.patterns {
            for result in pattern.matches(in: text, range: whole) {
                guard let range = Range(result.range(at: group), in: text) else { continue }
                let value = String(text[range])
                if match == nil {
                    // A list: each item.
                    for item in value.split(whereSeparator: { $0 == " " }) { add(String(item)) }
                } else if pattern === Self.patterns[0].0 {
                    if Self.isIPv4(value) { add(value, .word) }
                } else {
                    add(value, match)
                }
            }
        }
        for address in Self.ipv6Literals(in: text) { add(address, .word) }
    }

    static func isIPv4(_ text: String) -> Bool {
        let parts = text.split(separator: ".")
        return parts.count == 4 && parts.allSatisfy { $0.count <= 3 && (Int($0) ?? 256) <= 255 }
    }

    /// Runs of hex digits and colons that are IPv6 addresses (checked by inet_pton).
    static func ipv6Literals(in text: String) -> [String] {
        let pattern = regex(#"(?<![0-9A-Za-z:.])([0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7})(?![0-9A-Za-z:])"#)
        var result: [String] = []
        for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
            guard let range = Range(match.range(at: 1), in: text) else { continue }
            let candidate = String(text[range])
            var storage = in6_addr()
            if inet_pton(AF_INET6, candidate, &storage) == 1 { result.append(candidate) }
        }
        return result
    }

    /// JSON members whose values identify, whatever their text looks like.
    private mutating func addMember(_ key: String, _ value: String) {
        switch key.lowercased() {
        case "username", "credential", "usernamefragment", "ufrag", "password", "to", "from", "room", "session",
            "useragent", "address", "ip", "relatedaddress", "fingerprint", "base64certificate", "trackidentifier",
            "track", "streams", "stream_id", "icelocalusernamefragment", "cname", "localcandidateid",
            "remotecandidateid", "selectedcandidatepairid", "foundation", "ssrc", "rtxssrc", "localssrc", "remotessrc":
            add(value)
        case "url", "urls", "origin":
            add(value, .anywhere)
        case "id":
            // Codec ids name a codec (Chrome's `CIT01_111_…`), not a party.
            if !value.hasPrefix("CIT") && !value.hasPrefix("COT") && value.count >= 6 { add(value) }
        default:
            break
        }
    }
}

/// The text of an input as its readers see it: gzip decompressed; JSON strings decoded, with
/// JSON inside strings decoded again; a capture's UDP and TCP payloads and the addresses of
/// its flows, beside its raw bytes.
struct TextView {
    /// What secrets are collected from: the decoded text.
    var text: String
    /// What secrets are searched in: the decoded text, and the raw bytes too.
    var searched: String
    var addresses: [String] = []
    var jsonValues: [(key: String, value: String)] = []

    static func of(_ bytes: [UInt8]) -> TextView {
        if Gzip.isGzip(bytes) { return of(Gzip.decompress(bytes).bytes) }
        let raw = String(decoding: bytes, as: UTF8.self)
        if let capture = captureView(bytes) { return capture }
        var view = TextView(text: raw, searched: raw)
        var lines: [String] = []
        if let value = try? JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed]) {
            walk(value, key: "", into: &view, lines: &lines)
        } else {
            // NDJSON and rtcstats dumps: one JSON value per line; any other line as it is.
            for line in raw.split(whereSeparator: \.isNewline) {
                if let value = try? JSONSerialization.jsonObject(with: Data(line.utf8), options: [.fragmentsAllowed]) {
                    walk(value, key: "", into: &view, lines: &lines)
                } else {
                    lines.append(String(line))
                }
            }
        }
        view.text = lines.joined(separator: "\n")
        view.searched = view.text + "\n" + raw
        return view
    }

    private static func walk(
        _ value: Any, key: String, statName: String? = nil, into view: inout TextView, lines: inout [String]
    ) {
        if let object = value as? [String: Any] {
            for (name, member) in object {
                lines.append(name)
                if name == "values", let statName {
                    walk(member, key: statName, into: &view, lines: &lines)
                    continue
                }
                // A webrtc-internals stat, `"<id>-<name>": {…, "values": "[…]"}`: its series
                // means what the name says.
                let stat =
                    (member as? [String: Any])?["values"] != nil && name.contains("-")
                    ? name.split(separator: "-").last.map(String.init) : nil
                walk(member, key: name, statName: stat, into: &view, lines: &lines)
            }
        } else if let array = value as? [Any] {
            for element in array { walk(element, key: key, into: &view, lines: &lines) }
        } else if let string = value as? String {
            let trimmed = string.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("{") || trimmed.hasPrefix("["),
                let nested = try? JSONSerialization.jsonObject(with: Data(string.utf8), options: [.fragmentsAllowed])
            {
                walk(nested, key: key, into: &view, lines: &lines)
            } else {
                lines.append(string)
                view.jsonValues.append((key, string))
            }
        } else if let number = value as? NSNumber {
            view.jsonValues.append((key, number.stringValue))
        }
    }

    /// A capture: payload text and flow addresses from the Capture module's decoder, and the
    /// raw bytes as Latin-1, which keeps every byte (retransmissions, pcapng options).
    private static func captureView(_ bytes: [UInt8]) -> TextView? {
        guard let decoder = try? CaptureDecoder(bytes: bytes) else { return nil }
        var lines: [String] = []
        var addresses: [String] = []
        for event in decoder.allEvents() {
            switch event {
            case .udp(let datagram):
                lines.append(String(decoding: datagram.payload, as: UTF8.self))
                addresses += [datagram.flow.source.description, datagram.flow.destination.description]
            case .tcpData(let segment):
                lines.append(String(decoding: segment.payload, as: UTF8.self))
                addresses += [segment.flow.source.description, segment.flow.destination.description]
            default:
                break
            }
        }
        let text = lines.joined(separator: "\n") + "\n" + addresses.joined(separator: "\n")
        let raw = String(bytes.map { Character(Unicode.Scalar($0)) })
        return TextView(text: text, searched: text + "\n" + raw, addresses: addresses)
    }
}
