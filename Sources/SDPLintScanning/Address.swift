/// Recognizers for the address forms of RFC 8866 §9 (`IP4-address`, `IP6-address`, `FQDN`) and
/// of ICE candidates (RFC 8839 §5.1), working on bytes.
@usableFromInline package enum Address {
    /// What a connection-address token is.
    @usableFromInline package enum Kind: Sendable, Equatable {
        case ipv4(firstOctet: UInt8)
        case ipv6(firstGroup: UInt16)
        /// A name made of letters, digits, "-" and "." (RFC 8866 `FQDN`, at least 4 bytes).
        case fqdn
        case invalid
    }

    /// Classifies `range` as an IPv4 address, an IPv6 address, or a domain name.
    package static func classify(_ bytes: Span<UInt8>, _ range: Range<Int>) -> Kind {
        if let first = ipv4(bytes, range) { return .ipv4(firstOctet: first) }
        if let group = ipv6(bytes, range) { return .ipv6(firstGroup: group) }
        if isFQDN(bytes, range) { return .fqdn }
        return .invalid
    }

    /// `IP4-address = b1 3("." decimal-uchar)`; returns the first octet. Leading zeros are
    /// rejected, as the grammar's `decimal-uchar` does ("010" is not an octet).
    package static func ipv4(_ bytes: Span<UInt8>, _ range: Range<Int>) -> UInt8? {
        var i = range.lowerBound
        let end = range.upperBound
        var first: UInt8 = 0
        for part in 0..<4 {
            if part > 0 {
                guard i < end, bytes[i] == ASCII.dot else { return nil }
                i += 1
            }
            let start = i
            var value = 0
            while i < end, bytes[i].isDigit, i - start < 3 {
                value = value * 10 + Int(bytes[i] &- ASCII.zero)
                i += 1
            }
            let length = i - start
            guard length > 0, value <= 255, !(length > 1 && bytes[start] == ASCII.zero) else { return nil }
            if part == 0 { first = UInt8(value) }
        }
        return i == end ? first : nil
    }

    /// RFC 3986 `IPv6address` (also RFC 8866 `IP6-address`), including "::" compression and an
    /// embedded IPv4 tail; returns the first 16-bit group.
    package static func ipv6(_ bytes: Span<UInt8>, _ range: Range<Int>) -> UInt16? {
        let end = range.upperBound
        var i = range.lowerBound
        guard range.count >= 2 else { return nil }
        var groups = 0
        var compressed = false
        var firstGroup: UInt16?
        if bytes[i] == ASCII.colon {
            guard bytes[i + 1] == ASCII.colon else { return nil }
            compressed = true
            i += 2
            firstGroup = 0
            if i == end { return 0 }
        }
        while i < end {
            // An IPv4 tail takes the place of the last two groups.
            let groupStart = i
            var value: UInt32 = 0
            while i < end, bytes[i].isHexDigit, i - groupStart < 5 {
                value = value << 4 | UInt32(hexValue(bytes[i]))
                i += 1
            }
            let length = i - groupStart
            if i < end && bytes[i] == ASCII.dot {
                guard ipv4(bytes, groupStart..<end) != nil, groups <= 6 else { return nil }
                groups += 2
                if firstGroup == nil { firstGroup = 0 }
                i = end
                break
            }
            guard length >= 1, length <= 4 else { return nil }
            groups += 1
            if firstGroup == nil { firstGroup = UInt16(value) }
            if i == end { break }
            guard bytes[i] == ASCII.colon else { return nil }
            i += 1
            if i < end && bytes[i] == ASCII.colon {
                guard !compressed else { return nil }
                compressed = true
                i += 1
                if i == end { break }
            } else if i == end {
                return nil
            }
        }
        if compressed { return groups <= 7 ? firstGroup : nil }
        return groups == 8 ? firstGroup : nil
    }

    /// RFC 8866 `FQDN = 4*(alpha-numeric / "-" / ".")`, with at least one letter or "-" so that
    /// a malformed dotted quad ("1.2.3.400") is not mistaken for a name.
    package static func isFQDN(_ bytes: Span<UInt8>, _ range: Range<Int>) -> Bool {
        guard range.count >= 4 else { return false }
        var sawNonDigit = false
        for i in range {
            let b = bytes[i]
            if b.isDigit || b == ASCII.dot { continue }
            guard b.isAlpha || b == ASCII.minus else { return false }
            sawNonDigit = true
        }
        return sawNonDigit
    }

    @inline(__always)
    static func hexValue(_ b: UInt8) -> UInt8 {
        if b.isDigit { return b &- ASCII.zero }
        return (b | 0x20) &- UInt8(ascii: "a") &+ 10
    }
}
