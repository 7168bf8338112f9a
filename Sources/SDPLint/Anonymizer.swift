import SDPLintICE
public import SDPLintSDP
import SDPLintScanning

/// Replaces what identifies people and networks in a description — addresses, candidate ports,
/// ICE credentials, fingerprints, SSRCs, stream/track ids and cnames, user names, session ids,
/// e-mail and phone lines — consistently, so it can be pasted into a bug report.
///
/// The same input value always maps to the same replacement within one run (so a candidate's
/// `ufrag` still matches `a=ice-ufrag`, an SSRC group still names its SSRCs, …); replacements
/// keep the value's shape (address family and private/public kind, length, character set,
/// UUID format) so the result lints the same; everything else is left byte-identical.
/// Replacements are assigned in order of appearance from a seeded generator: the output does
/// not depend on the secret values themselves, and the same seed gives the same output.
public struct Anonymizer {
    private var random: SplitMix64
    private var addresses: [String: String] = [:]
    private var counters: [String: Int] = [:]
    private var tokens: [String: String] = [:]
    private var ssrcs: [UInt32: UInt32] = [:]
    private var ports: [String: String] = [:]

    public init(seed: UInt64 = 0x5D9_11A7) { random = SplitMix64(seed: seed) }

    /// The description with its identifying values replaced.
    public mutating func anonymize(_ description: SessionDescription) -> SessionDescription {
        var result = description
        result.origin = anonymize(result.origin)
        result.emails = result.emails.map { _ in "user@example.com" }
        result.phones = result.phones.map { _ in "+1 555 0100" }
        if let connection = result.connection { result.connection = anonymize(connection) }
        result.attributes = result.attributes.map { anonymize($0) }
        for index in result.media.indices {
            result.media[index].connections = result.media[index].connections.map { anonymize($0) }
            result.media[index].attributes = result.media[index].attributes.map { anonymize($0) }
        }
        return result
    }

    // MARK: Lines

    private mutating func anonymize(_ origin: SessionDescription.Origin) -> SessionDescription.Origin {
        var result = origin
        // "-" and Firefox's product marker name no one.
        if origin.username != "-" && !origin.username.hasPrefix("mozilla...THIS_IS_SDPARTA") {
            result.username = token(origin.username, kind: "user")
        }
        if origin.sessionID.utf8.allSatisfy({ $0.isDigit }) { result.sessionID = digits(origin.sessionID) }
        let replaced = address(origin.address)
        if replaced != origin.address { result.address = replaced }
        return result.username == origin.username && result.sessionID == origin.sessionID
            && result.address == origin.address ? origin : result
    }

    private mutating func anonymize(_ connection: Connection) -> Connection {
        let replaced = address(connection.address)
        guard replaced != connection.address else { return connection }
        var result = connection
        result.address = replaced
        return result
    }

    private mutating func anonymize(_ attribute: Attribute) -> Attribute {
        guard let value = attribute.value else { return attribute }
        var fields = Fields(value)
        switch attribute.name {
        case .candidate:
            // foundation component transport priority address port typ type [raddr a rport p] [ext value]…
            fields.map(4) { address($0) }
            fields.map(5) { port($0) }
            var index = 8
            while index + 1 < fields.count {
                switch fields[index] {
                case "raddr": fields.map(index + 1) { address($0) }
                case "rport": fields.map(index + 1) { port($0) }
                case "ufrag": fields.map(index + 1) { token($0, kind: "ufrag") }
                default: break
                }
                index += 2
            }
        case .iceUfrag: fields.map(0) { token($0, kind: "ufrag") }
        case .icePwd: fields.map(0) { token($0, kind: "pwd") }
        case .fingerprint: fields.map(1) { hex($0) }
        case .ssrc:
            // <ssrc-id> <attribute>[:<value>], where the value may hold spaces (msid).
            guard let space = value.firstIndex(of: " ") else { return attribute }
            let id = ssrc(String(value[..<space]))
            let rest = value[value.index(after: space)...]
            guard let colon = rest.firstIndex(of: ":") else {
                return Attribute(name: attribute.name, value: id + " " + rest)
            }
            let name = String(rest[..<colon])
            let attributeValue = String(rest[rest.index(after: colon)...])
            let replaced: String =
                switch name {
                case "cname", "label", "mslabel": token(attributeValue, kind: "id")
                case "msid":
                    attributeValue.split(separator: " ", omittingEmptySubsequences: false).map {
                        token(String($0), kind: "id")
                    }.joined(separator: " ")
                default: attributeValue
                }
            return Attribute(name: attribute.name, value: id + " " + name + ":" + replaced)
        case .ssrcGroup:
            for index in 1..<max(1, fields.count) { fields.map(index) { ssrc($0) } }
        case .msid:
            for index in 0..<fields.count { fields.map(index) { token($0, kind: "id") } }
        case .msidSemantic:
            for index in 0..<fields.count where fields[index] != "WMS" && fields[index] != "*" {
                fields.map(index) { token($0, kind: "id") }
            }
        case .rtcp:
            if fields.count >= 4 { fields.map(3) { address($0) } }
        case .identity, .crypto:
            return Attribute(
                name: attribute.name,
                value: attribute.name == .crypto ? cryptoKeys(value) : token(value, kind: "identity"))
        default:
            return attribute
        }
        return Attribute(name: attribute.name, value: fields.text)
    }

    /// Replaces the base64 key of each `inline:` key parameter with one of the same length.
    private mutating func cryptoKeys(_ value: String) -> String {
        var result = ""
        var rest = Substring(value)
        while let range = rest.firstRange(of: "inline:") {
            result += rest[..<range.upperBound]
            rest = rest[range.upperBound...]
            let end = rest.firstIndex { $0 == "|" || $0 == ";" || $0 == " " } ?? rest.endIndex
            result += randomString(
                count: rest[..<end].count,
                alphabet: Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"))
            rest = rest[end...]
        }
        return result + rest
    }

    // MARK: Values

    /// An address of the same family and kind, assigned in order of appearance. Unspecified
    /// (0.0.0.0, ::) and loopback addresses reveal nothing and are kept.
    private mutating func address(_ text: String) -> String {
        if let known = addresses[text] { return known }
        let kind = Address.kind(text)
        let replacement: String
        switch kind {
        case .unspecified, .loopback, .other:
            return text
        case .privateIPv4:
            replacement =
                "10.\(next("10") / 65536 % 256).\(next("10", advance: false) / 256 % 256).\(next("10", advance: false) % 256)"
        case .linkLocalIPv4: replacement = "169.254.\(next("169") / 256 % 256).\(next("169", advance: false) % 256)"
        case .publicIPv4:
            let n = next("public4")
            replacement = ["192.0.2", "198.51.100", "203.0.113"][n / 254 % 3] + ".\(n % 254 + 1)"
        case .uniqueLocalIPv6: replacement = "fd00::\(String(next("ula"), radix: 16))"
        case .linkLocalIPv6: replacement = "fe80::\(String(next("ll6"), radix: 16))"
        case .publicIPv6: replacement = "2001:db8::\(String(next("public6"), radix: 16))"
        case .mdns: replacement = uuid() + ".local"
        case .name: replacement = "host\(next("name")).example.com"
        }
        addresses[text] = replacement
        return replacement
    }

    private mutating func port(_ text: String) -> String {
        guard text != "9", text != "0", UInt16(text) != nil else { return text }
        if let known = ports[text] { return known }
        let replacement = String(50000 + next("port") % 15000)
        ports[text] = replacement
        return replacement
    }

    private mutating func ssrc(_ text: String) -> String {
        guard let value = UInt32(text) else { return text }
        if let known = ssrcs[value] { return String(known) }
        let replacement = UInt32(truncatingIfNeeded: random.next()) | 1
        ssrcs[value] = replacement
        return String(replacement)
    }

    /// A value of the same shape: a UUID (with its braces) for a UUID, otherwise the same
    /// length from the same kind of characters.
    private mutating func token(_ text: String, kind: String) -> String {
        if text == "-" || text.isEmpty { return text }
        if let known = tokens[kind + "\u{0}" + text] { return known }
        let replacement: String
        let bare = text.hasPrefix("{") && text.hasSuffix("}") ? String(text.dropFirst().dropLast()) : text
        if Self.isUUID(bare) {
            replacement = bare == text ? uuid() : "{" + uuid() + "}"
        } else {
            let alphabet: [Character] =
                text.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "+" || $0 == "/" })
                ? Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
                : Array("abcdefghijklmnopqrstuvwxyz0123456789-")
            replacement = randomString(count: text.count, alphabet: alphabet)
        }
        tokens[kind + "\u{0}" + text] = replacement
        return replacement
    }

    private mutating func digits(_ text: String) -> String {
        if let known = tokens["digits\u{0}" + text] { return known }
        var replacement = randomString(count: text.count, alphabet: Array("0123456789"))
        if text.count > 1, replacement.first == "0" { replacement = "1" + replacement.dropFirst() }
        tokens["digits\u{0}" + text] = replacement
        return replacement
    }

    private mutating func hex(_ text: String) -> String {
        if let known = tokens["hex\u{0}" + text] { return known }
        let replacement = String(
            text.map { $0 == ":" ? ":" : (randomString(count: 1, alphabet: Array("0123456789ABCDEF")).first ?? "0") })
        tokens["hex\u{0}" + text] = replacement
        return replacement
    }

    private mutating func uuid() -> String {
        let hex = Array("0123456789abcdef")
        var groups: [String] = []
        for length in [8, 4, 4, 4, 12] { groups.append(randomString(count: length, alphabet: hex)) }
        return groups.joined(separator: "-")
    }

    private mutating func randomString(count: Int, alphabet: [Character]) -> String {
        String((0..<count).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] })
    }

    private mutating func next(_ counter: String, advance: Bool = true) -> Int {
        let value = counters[counter, default: 0] + (advance ? 1 : 0)
        counters[counter] = value
        return value
    }

    static func isUUID(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        return parts.map(\.count) == [8, 4, 4, 4, 12] && parts.allSatisfy { $0.allSatisfy(\.isHexDigit) }
    }
}

/// The space-separated fields of a value, keeping the exact separators so untouched fields and
/// spacing come back byte-identical.
private struct Fields {
    private var parts: [String]

    init(_ text: String) {
        parts = text.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
    }

    /// Number of fields (empty strings between doubled spaces count, and are never mapped).
    var count: Int { parts.count }
    subscript(index: Int) -> String { parts[index] }

    mutating func map(_ index: Int, _ transform: (String) -> String) {
        guard parts.indices.contains(index), !parts[index].isEmpty else { return }
        parts[index] = transform(parts[index])
    }

    var text: String { parts.joined(separator: " ") }
}

/// SplitMix64: a small, fast, seedable generator (Steele, Lea and Flood 2014).
struct SplitMix64 {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

extension Address {
    /// What an address reveals, for anonymizing it with one of the same kind.
    enum Category {
        case unspecified, loopback, privateIPv4, linkLocalIPv4, publicIPv4
        case uniqueLocalIPv6, linkLocalIPv6, publicIPv6, mdns, name, other
    }

    static func kind(_ text: String) -> Category {
        let octets = text.split(separator: ".").compactMap { UInt8($0) }
        let lowered = text.lowercased()
        var copy = text
        return copy.withUTF8 { buffer -> Category in
            let bytes = buffer.span
            let range = 0..<bytes.count
            if let first = Address.ipv4(bytes, range) {
                let second = octets.count > 1 ? octets[1] : 0
                switch first {
                case 0: return .unspecified
                case 127: return .loopback
                case 10: return .privateIPv4
                case 172 where (16...31).contains(second): return .privateIPv4
                case 192 where second == 168: return .privateIPv4
                case 100 where (64...127).contains(second): return .privateIPv4
                case 169 where second == 254: return .linkLocalIPv4
                default: return .publicIPv4
                }
            }
            if let group = Address.ipv6(bytes, range) {
                if lowered == "::" { return .unspecified }
                if lowered == "::1" { return .loopback }
                if group & 0xFE00 == 0xFC00 { return .uniqueLocalIPv6 }
                if group & 0xFFC0 == 0xFE80 { return .linkLocalIPv6 }
                return .publicIPv6
            }
            if lowered.hasSuffix(".local") { return .mdns }
            if Address.isFQDN(bytes, range) { return .name }
            return .other
        }
    }
}
