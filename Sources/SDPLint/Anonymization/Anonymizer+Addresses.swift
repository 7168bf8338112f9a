import SDPLintInput
import SDPLintReporting
import SDPLintWebRTC

/// The eight 16-bit groups of an IPv6 address.
struct IPv6Groups: Hashable, Sendable {
    var groups: [UInt16]
}

/// An IPv4 address as written: its value and the width of each octet, so that a replacement
/// can be written in as many characters (RFC 8866 §9 forbids leading zeros, but text from the
/// wild has them).
struct IPv4Text {
    var value: UInt32
    var widths: [Int]

    /// `a.b.c.d` with 1–3 digits an octet, each at most 255.
    init?(_ text: Substring) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        var value: UInt32 = 0
        var widths: [Int] = []
        for part in parts {
            guard (1...3).contains(part.utf8.count), part.utf8.allSatisfy(Glyph.isDigit), let octet = UInt32(part),
                octet <= 255
            else { return nil }
            value = value << 8 | octet
            widths.append(part.utf8.count)
        }
        self.value = value
        self.widths = widths
    }

    func render(_ replacement: UInt32) -> String {
        (0..<4).map { index in
            let octet = String((replacement >> UInt32(24 - 8 * index)) & 0xFF)
            return String(repeating: "0", count: max(0, widths[index] - octet.utf8.count)) + octet
        }.joined(separator: ".")
    }
}

/// An IPv6 address as written (RFC 4291 §2.2): the groups before and after "::", each group's
/// width and case, a dotted IPv4 tail and a zone, so that a replacement with zeros where the
/// original had zeros can be written in exactly as many characters.
struct IPv6Text {
    struct Group {
        var width: Int
        var upper: Bool
    }

    var address = IPv6Groups(groups: [])
    var head: [Group] = []
    var tail: [Group] = []
    var compressed = false
    var ipv4Tail: IPv4Text?
    var zone: Substring = ""

    init?(_ text: Substring) {
        var body = text
        if let percent = text.firstIndex(of: "%") {
            zone = text[percent...]
            body = text[..<percent]
        }
        guard body.utf8.count >= 2, body.contains(":") else { return nil }
        var headParts: [Substring] = body.split(separator: ":", omittingEmptySubsequences: false)
        var tailParts: [Substring] = []
        let utf8 = Array(body.utf8)
        if let double = utf8.indices.dropLast().first(where: { utf8[$0] == 0x3A && utf8[$0 + 1] == 0x3A }) {
            compressed = true
            let before = Substring(Glyph.text(utf8[..<double]))
            let after = Substring(Glyph.text(utf8[(double + 2)...]))
            guard !after.contains("::") else { return nil }
            headParts = before.isEmpty ? [] : before.split(separator: ":", omittingEmptySubsequences: false)
            tailParts = after.isEmpty ? [] : after.split(separator: ":", omittingEmptySubsequences: false)
        }
        guard let headRead = Self.read(headParts, dottedLast: !compressed),
            let tailRead = Self.read(tailParts, dottedLast: compressed)
        else { return nil }
        head = headRead.shapes
        tail = tailRead.shapes
        ipv4Tail = headRead.ipv4 ?? tailRead.ipv4
        let written = headRead.values.count + tailRead.values.count
        var groups = headRead.values
        if compressed {
            guard written <= 7 else { return nil }
            groups += [UInt16](repeating: 0, count: 8 - written) + tailRead.values
        } else {
            guard written == 8 else { return nil }
        }
        address = IPv6Groups(groups: groups)
    }

    /// The groups of one side of "::": 1–4 hex digits each, the last possibly a dotted IPv4
    /// address (RFC 4291 §2.2, form 3).
    private static func read(
        _ parts: [Substring], dottedLast: Bool
    ) -> (values: [UInt16], shapes: [Group], ipv4: IPv4Text?)? {
        var values: [UInt16] = []
        var shapes: [Group] = []
        var tail: IPv4Text?
        for (index, part) in parts.enumerated() {
            if dottedLast && index == parts.count - 1 && part.contains(".") {
                guard let v4 = IPv4Text(part) else { return nil }
                values.append(UInt16(v4.value >> 16))
                values.append(UInt16(v4.value & 0xFFFF))
                tail = v4
                continue
            }
            guard (1...4).contains(part.utf8.count), part.utf8.allSatisfy(Glyph.isHex),
                let value = UInt16(part, radix: 16)
            else { return nil }
            values.append(value)
            shapes.append(Group(width: part.utf8.count, upper: part.utf8.contains(where: Glyph.isUpper)))
        }
        return (values, shapes, tail)
    }

    /// The replacement written in this address's shape; `ipv4` renders a dotted tail.
    func render(_ replacement: IPv6Groups, tail v4: UInt32?) -> String {
        let groups = replacement.groups
        func write(_ shapes: [Group], from start: Int) -> [String] {
            shapes.enumerated().map { offset, shape in
                let index = start + offset
                let value = index < groups.count ? groups[index] : 0
                var digits = String(value, radix: 16, uppercase: shape.upper)
                if digits.utf8.count < shape.width {
                    digits = String(repeating: "0", count: shape.width - digits.utf8.count) + digits
                }
                return digits
            }
        }
        let tailGroupCount = tail.count + (compressed && ipv4Tail != nil ? 2 : 0)
        var headText = write(head, from: 0)
        var tailText = write(tail, from: 8 - tailGroupCount)
        if let ipv4Tail {
            let value = v4 ?? (UInt32(groups[6]) << 16 | UInt32(groups[7]))
            if compressed { tailText.append(ipv4Tail.render(value)) } else { headText.append(ipv4Tail.render(value)) }
        }
        let text =
            compressed
            ? headText.joined(separator: ":") + "::" + tailText.joined(separator: ":")
            : headText.joined(separator: ":")
        return text + zone
    }
}

extension Anonymizer {
    // MARK: Addresses as text

    /// An IPv4 or IPv6 address (IPv6 possibly in brackets) replaced and written in the same
    /// shape; `nil` when `text` is not an address.
    mutating func addressText(_ text: String) -> String? {
        let whole = Substring(text)
        if let v4 = IPv4Text(whole) { return v4.render(ipv4(v4.value)) }
        var inner = whole
        var brackets = false
        if whole.hasPrefix("["), whole.hasSuffix("]"), whole.utf8.count > 2 {
            inner = whole.dropFirst().dropLast()
            brackets = true
        }
        // RFC 3261's grammar allowed a third colon before an IPv4 tail ("2001:db8:::192.0.2.1",
        // RFC 5118 §4.10): read without it, and written back with it.
        var extraColon = false
        if IPv6Text(inner) == nil, let colons = inner.firstRange(of: ":::") {
            inner = inner[..<colons.lowerBound] + inner[inner.index(after: colons.lowerBound)...]
            extraColon = true
        }
        guard let v6 = IPv6Text(inner) else { return nil }
        let replaced = ipv6(v6.address)
        var tail: UInt32?
        if v6.ipv4Tail != nil {
            tail = ipv4(UInt32(v6.address.groups[6]) << 16 | UInt32(v6.address.groups[7]))
        }
        var rendered = v6.render(replaced, tail: tail)
        if extraColon, let colons = rendered.firstRange(of: "::") {
            rendered.insert(":", at: colons.lowerBound)
        }
        return brackets ? "[" + rendered + "]" : rendered
    }

    /// An address or a domain name (without a port), replaced in kind:
    /// addresses by ``addressText(_:)``, names by ``host(_:)``. Text that is neither (an
    /// invalid address made of digits and dots, say) is kept when it holds no letter, since it
    /// names nothing; anything else becomes a token.
    mutating func hostOrAddress(_ text: String) -> String {
        if let address = addressText(text) { return address }
        let utf8 = Array(text.utf8)
        if Self.isHostName(utf8) { return host(text) }
        return token(text, sweep: false)
    }

    static func isHostName(_ utf8: [UInt8]) -> Bool {
        !utf8.isEmpty && utf8.contains(where: Glyph.isLetter)
            && utf8.allSatisfy {
                Glyph.isAlphanumeric($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ".")
                    || $0 == UInt8(ascii: "_")
            }
    }

    /// A domain name replaced label by label, so that names under one domain stay under one
    /// domain: each label becomes a token of its shape; the top-level label (letters only) and
    /// `localhost` are kept, so `.local` mDNS names stay mDNS names (RFC 6762 §3).
    mutating func host(_ text: String) -> String {
        if text.lowercased() == "localhost" { return text }
        var labels = text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        var last = labels.count - 1
        while last > 0 && labels[last].isEmpty { last -= 1 }
        for index in labels.indices {
            let label = labels[index]
            let isTopLevel =
                index == last && labels.count > 1 && label.utf8.count >= 2 && label.utf8.allSatisfy(Glyph.isLetter)
            if !isTopLevel { labels[index] = token(label, sweep: false) }
        }
        return labels.joined(separator: ".")
    }

    /// `host`, `host:port`, `[v6]` or `[v6]:port` (RFC 3986 §3.2.2–3.2.3), each part replaced.
    mutating func hostPort(_ text: String) -> String {
        if text.hasPrefix("["), let close = text.firstIndex(of: "]") {
            let address = String(text[...close])
            let rest = text[text.index(after: close)...]
            let replaced = addressText(address) ?? address
            if rest.hasPrefix(":") { return replaced + ":" + portText(String(rest.dropFirst())) }
            return replaced + rest
        }
        let colons = text.utf8.filter { $0 == UInt8(ascii: ":") }.count
        if colons == 1, let colon = text.firstIndex(of: ":") {
            return hostOrAddress(String(text[..<colon])) + ":" + portText(String(text[text.index(after: colon)...]))
        }
        return hostOrAddress(text)
    }

    // MARK: IPv4

    /// The replacement of an IPv4 address, of the same scope (the ranges of
    /// `Candidate.Address.Scope`) and the same number of digits in each octet.
    mutating func ipv4(_ value: UInt32) -> UInt32 {
        guard Self.replacesIPv4(value) else { return value }
        if collecting {
            originalIPv4.insert(value)
            record(.ipv4(value))
            return value
        }
        return ipv4[value] ?? assignIPv4(value)
    }

    /// 0.0.0.0/8 (this network, RFC 1122 §3.2.1.3), 127.0.0.0/8 and the limited broadcast
    /// address name no host and are kept.
    static func replacesIPv4(_ value: UInt32) -> Bool {
        let first = value >> 24
        return first != 0 && first != 127 && value != 0xFFFF_FFFF
    }

    static func octets(_ value: UInt32) -> [Int] { (0..<4).map { Int((value >> UInt32(24 - 8 * $0)) & 0xFF) } }

    static func pack(_ octets: [Int]) -> UInt32 {
        octets.reduce(UInt32(0)) { $0 << 8 | UInt32(truncatingIfNeeded: $1 & 0xFF) }
    }

    static func digitCount(_ value: Int) -> Int { value >= 100 ? 3 : value >= 10 ? 2 : 1 }

    /// The IPv4 scope classes of RFC 1918, RFC 6598 (100.64/10), RFC 3927 (169.254/16), and
    /// multicast and reserved space (224/3).
    enum IPv4Class { case privateNetwork, linkLocal, upper, global }

    static func ipv4Class(_ octets: [Int]) -> IPv4Class {
        switch (octets[0], octets[1]) {
        case (10, _), (192, 168): .privateNetwork
        case (172, 16...31), (100, 64...127): .privateNetwork
        case (169, 254): .linkLocal
        case (224...255, _): .upper
        default: .global
        }
    }

    mutating func randomOctet(digits: Int) -> Int {
        switch digits {
        case 1: draw(0...9)
        case 2: draw(10...99)
        default: draw(100...255)
        }
    }

    mutating func assignIPv4(_ value: UInt32) -> UInt32 {
        if let known = ipv4[value] { return known }
        let octets = Self.octets(value)
        let digits = octets.map(Self.digitCount)
        let kind = Self.ipv4Class(octets)
        var candidate = value
        for attempt in 0..<64 {
            var replaced = octets
            switch kind {
            case .privateNetwork, .linkLocal:
                // The first octet (10) or the first two (172.16–31, 192.168, 100.64–127,
                // 169.254) say the scope; the rest is the host.
                let fixed = octets[0] == 10 ? 1 : 2
                for index in fixed..<4 { replaced[index] = randomOctet(digits: digits[index]) }
            case .upper:
                for index in 1..<4 { replaced[index] = randomOctet(digits: digits[index]) }
            case .global:
                if attempt < 32, let documentation = documentationAddress(digits) {
                    replaced = documentation
                } else {
                    replaced[0] = randomOctet(digits: digits[0])
                    for index in 1..<4 { replaced[index] = randomOctet(digits: digits[index]) }
                    if replaced[0] == 0 || replaced[0] == 127 || Self.ipv4Class(replaced) != .global { continue }
                }
            }
            candidate = Self.pack(replaced)
            if !originalIPv4.contains(candidate) && !usedIPv4.contains(candidate) && candidate != value { break }
        }
        ipv4[value] = candidate
        usedIPv4.insert(candidate)
        return candidate
    }

    /// An address of the documentation ranges (RFC 5737: 192.0.2/24, 198.51.100/24,
    /// 203.0.113/24) with these octet widths, when one has them.
    mutating func documentationAddress(_ digits: [Int]) -> [Int]? {
        let prefix: [Int]
        switch (digits[0], digits[1], digits[2]) {
        case (3, 1, 1): prefix = [192, 0, 2]
        case (3, 2, 3): prefix = [198, 51, 100]
        case (3, 1, 3): prefix = [203, 0, 113]
        default: return nil
        }
        let last =
            switch digits[3] {
            case 1: draw(1...9)
            case 2: draw(10...99)
            default: draw(100...254)
            }
        return prefix + [last]
    }

    // MARK: IPv6

    /// The replacement of an IPv6 address: the unspecified and loopback addresses are kept;
    /// zero groups stay zero and every other group keeps its number of hex digits, so any
    /// written form of the address has a replacement of the same length; link-local (fe80::/10)
    /// and multicast (ff00::/8) prefixes are kept, unique local ones (fc00::/7, RFC 4193) keep
    /// their first byte, global ones become 2001:db8::/32 (RFC 3849) where the digits allow, or
    /// stay in 2000::/3; IPv4-mapped addresses (::ffff:0:0/96) map their IPv4 part.
    mutating func ipv6(_ address: IPv6Groups) -> IPv6Groups {
        let groups = address.groups
        guard groups.count == 8, groups.contains(where: { $0 != 0 }),
            groups != [0, 0, 0, 0, 0, 0, 0, 1]
        else { return address }
        if groups[0..<5].allSatisfy({ $0 == 0 }) && groups[5] == 0xFFFF {
            let mapped = ipv4(UInt32(groups[6]) << 16 | UInt32(groups[7]))
            return IPv6Groups(groups: Array(groups[0..<6]) + [UInt16(mapped >> 16), UInt16(mapped & 0xFFFF)])
        }
        if collecting {
            originalIPv6.insert(address)
            record(.ipv6(address))
            return address
        }
        return ipv6[address] ?? assignIPv6(address)
    }

    static func hexDigitCount(_ value: UInt16) -> Int {
        value >= 0x1000 ? 4 : value >= 0x100 ? 3 : value >= 0x10 ? 2 : 1
    }

    mutating func randomGroup(like value: UInt16) -> UInt16 {
        guard value != 0 else { return 0 }
        switch Self.hexDigitCount(value) {
        case 1: return UInt16(draw(0x1...0xF))
        case 2: return UInt16(draw(0x10...0xFF))
        case 3: return UInt16(draw(0x100...0xFFF))
        default: return UInt16(draw(0x1000...0xFFFF))
        }
    }

    mutating func assignIPv6(_ address: IPv6Groups) -> IPv6Groups {
        if let known = ipv6[address] { return known }
        let groups = address.groups
        guard groups.count == 8 else { return address }
        var candidate = address
        for _ in 0..<64 {
            var replaced = groups
            var start = 1
            let first = groups[0]
            if first & 0xFE00 == 0xFC00 {
                replaced[0] = (first & 0xFF00) | UInt16(draw(0...0xFF))
            } else if (0x2000...0x3FFF).contains(first) {
                if Self.hexDigitCount(groups[1]) == 3 {
                    replaced[0] = 0x2001
                    replaced[1] = 0x0DB8
                    start = 2
                } else {
                    replaced[0] = UInt16(draw(0x2000...0x3FFF))
                }
            }
            // Link-local, multicast and other special prefixes keep their first group.
            for index in start..<8 { replaced[index] = randomGroup(like: groups[index]) }
            candidate = IPv6Groups(groups: replaced)
            if !originalIPv6.contains(candidate) && !usedIPv6.contains(candidate) && candidate != address { break }
        }
        ipv6[address] = candidate
        usedIPv6.insert(candidate)
        return candidate
    }
}
