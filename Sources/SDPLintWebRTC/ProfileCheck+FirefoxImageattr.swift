import SDPLintSDP
import SDPLintScanning

extension ProfileCheck {
    /// Why Firefox refuses an a=imageattr value as SIPCC keeps it, or `nil` where it takes it.
    ///
    /// Firefox reads a=imageattr with a reader of its own (SdpImageattrAttributeList, behind
    /// SipccSdpAttributeList::LoadImageattr, for media sections only), not with RFC 6236 §3.1's
    /// grammar: names and send/recv in any case; sizes, the payload type and ratios as C++
    /// streams read numbers, so "0640", "+640", "sar=1", "sar=.5", "sar=1e0" and "q=0.123" are
    /// taken, and only their ranges are checked (sizes 1–999999, ratios 0.1–9.9999 as 32-bit
    /// floats, q 0–1); the values of a list in any order; sets without space between them.
    /// Measured with Firefox ESR 153: "sar=1.12345", "sar=[1.2-1.3456789]", "sar=1", "sar=.5",
    /// "sar=1e0", "sar=+1.0", "sar=[0.6,0.5]", "par=[1.00001-1.00002]", "q=1", "q=.5" and
    /// "q=0.123" taken; "sar=9.99999", "sar=10", "sar=0.09", "sar=0.09999", "sar=0.0",
    /// "sar=-1.0" and "q=1.5" refused.
    static func firefoxImageattrRefusal(_ value: some Collection<UInt8>) -> String? {
        var reader = FirefoxImageattrReader(bytes: Array(value))
        do throws(Refusal) {
            try reader.read()
            return nil
        } catch {
            return error.reason
        }
    }
}

/// A cursor over an a=imageattr value that reads it as Firefox's reader does; a reading that
/// fails throws why.
private struct FirefoxImageattrReader {
    let bytes: [UInt8]
    var index = 0

    init(bytes: [UInt8]) { self.bytes = bytes }

    var next: UInt8? { index < bytes.count ? bytes[index] : nil }

    mutating func skip(_ byte: UInt8) -> Bool {
        guard next == byte else { return false }
        index += 1
        return true
    }

    /// `std::ws`: the C locale's white space (a carriage return or a line feed ends the value
    /// before it gets here).
    mutating func skipWhiteSpace() {
        while let byte = next, byte == 0x20 || (0x09...0x0D).contains(byte) { index += 1 }
    }

    /// The bytes up to one of `delimiters` or the end, in lower case (ParseToken).
    mutating func token(until delimiters: [UInt8]) -> String {
        var token: [UInt8] = []
        while let byte = next, byte != 0, !delimiters.contains(byte) {
            token.append((0x41...0x5A).contains(byte) ? byte | 0x20 : byte)
            index += 1
        }
        return String(decoding: token, as: UTF8.self)
    }

    /// A key and its '=', or `nil` without the '=' (ParseKey).
    mutating func key() -> String? {
        let key = token(until: [UInt8(ascii: "=")])
        return skip(UInt8(ascii: "=")) ? key : nil
    }

    /// An unsigned number as `istream >> unsigned` reads it without skipping white space: an
    /// optional '+', then decimal digits, the value within `limit` (the type's largest) and
    /// then within `range`.
    mutating func unsigned(_ range: ClosedRange<UInt64>, limit: UInt64, _ what: String) throws(Refusal) -> UInt64 {
        if next == UInt8(ascii: "-") { throw Refusal("a '-' before \(what)") }
        _ = skip(UInt8(ascii: "+"))
        let start = index
        var value: UInt64 = 0
        var overflows = false
        while let byte = next, byte.isDigit {
            let (product, over) = value.multipliedReportingOverflow(by: 10)
            let (sum, carry) = product.addingReportingOverflow(UInt64(byte &- 0x30))
            overflows = overflows || over || carry || sum > limit
            value = sum
            index += 1
        }
        guard index > start, !overflows else { throw Refusal("\(what) that is not a number it reads") }
        guard range.contains(value) else {
            throw Refusal("\(what) \(value) outside \(range.lowerBound)–\(range.upperBound)")
        }
        return value
    }

    /// A number as `istream >> float` reads it: an optional sign, digits with at most one '.',
    /// then an exponent after at least one digit; what strtof does not read whole fails. Then
    /// within `range`, compared as 32-bit floats.
    mutating func float(_ range: ClosedRange<Float>, _ what: String) throws(Refusal) -> Float {
        if next == UInt8(ascii: "-") { throw Refusal("a '-' before \(what)") }
        let start = index
        _ = skip(UInt8(ascii: "+"))
        var digits = false
        var point = false
        var exponent = false
        while let byte = next {
            if byte.isDigit {
                digits = true
            } else if byte == UInt8(ascii: "."), !point, !exponent {
                point = true
            } else if byte | 0x20 == UInt8(ascii: "e"), digits, !exponent {
                exponent = true
                index += 1
                if next == UInt8(ascii: "+") || next == UInt8(ascii: "-") { index += 1 }
                continue
            } else {
                break
            }
            index += 1
        }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        guard let value = Float(text), !value.isNaN else {
            throw Refusal("\(what) '\(text.prefix(24))' that is not a number it reads")
        }
        guard range.contains(value) else {
            throw Refusal("\(what) \(text.prefix(24)) outside \(range.lowerBound)–\(range.upperBound)")
        }
        return value
    }

    mutating func size() throws(Refusal) -> UInt64 {
        try unsigned(1...999_999, limit: UInt64(UInt32.max), "a size")
    }

    mutating func ratio() throws(Refusal) -> Float { try float(0.1...9.9999, "a ratio") }

    /// A size, a range `[a:b]` or `[a:step:b]` with a below b, or a list `[a,b,…]` in any order.
    mutating func sizes() throws(Refusal) {
        guard skip(UInt8(ascii: "[")) else {
            _ = try size()
            return
        }
        let first = try size()
        if skip(UInt8(ascii: ":")) {
            var last = try size()
            if skip(UInt8(ascii: ":")) { last = try size() }
            guard first < last else { throw Refusal("a size range whose first size \(first) is not below its last") }
        } else {
            guard skip(UInt8(ascii: ",")) else { throw Refusal("':' or ',' expected after the first size of a range") }
            repeat { _ = try size() } while skip(UInt8(ascii: ","))
        }
        try close()
    }

    /// sar's ratio, range `[a-b]` (a below b) or list `[a,b,…]` in any order; par's range alone.
    mutating func ratios(listed: Bool) throws(Refusal) {
        guard skip(UInt8(ascii: "[")) else {
            guard listed else { throw Refusal("'[' expected to open par's range") }
            _ = try ratio()
            return
        }
        let first = try ratio()
        if skip(UInt8(ascii: "-")) {
            guard first < (try ratio()) else { throw Refusal("a ratio range whose first ratio is not below its last") }
        } else {
            guard listed, skip(UInt8(ascii: ",")) else {
                throw Refusal(listed ? "'-' or ',' expected after the first ratio" : "'-' expected in par's range")
            }
            repeat { _ = try ratio() } while skip(UInt8(ascii: ","))
        }
        try close()
    }

    mutating func close() throws(Refusal) {
        guard skip(UInt8(ascii: "]")) else { throw Refusal("']' expected") }
    }

    /// An unknown parameter's value: up to a ',' or ']' outside brackets, whose brackets close.
    mutating func skipValue() throws(Refusal) {
        while let byte = next {
            if byte == UInt8(ascii: ",") || byte == UInt8(ascii: "]") { return }
            if byte == UInt8(ascii: "[") {
                var depth = 0
                repeat {
                    if next == UInt8(ascii: "[") { depth += 1 } else if next == UInt8(ascii: "]") { depth -= 1 }
                    index += 1
                } while depth > 0 && index < bytes.count
                if depth > 0 { throw Refusal("a parameter whose '[' does not close") }
            } else {
                index += 1
            }
        }
        throw Refusal("the set does not close")
    }

    /// `[x=…,y=…(,key=value)*]`, each of sar, par and q at most once.
    mutating func set() throws(Refusal) {
        guard skip(UInt8(ascii: "[")) else { throw Refusal("'[' expected to open a set") }
        guard key() == "x" else { throw Refusal("x= expected") }
        try sizes()
        guard skip(UInt8(ascii: ",")) else { throw Refusal("',' expected before y=") }
        guard key() == "y" else { throw Refusal("y= expected") }
        try sizes()
        var seen: Set<String> = []
        while skip(UInt8(ascii: ",")) {
            guard let name = key(), !name.isEmpty else { throw Refusal("a parameter without a name and '='") }
            switch name {
            case "sar", "par", "q":
                guard seen.insert(name).inserted else { throw Refusal("\(name)= twice in a set") }
                if name == "q" { _ = try float(0...1, "a q") } else { try ratios(listed: name == "sar") }
            default: try skipValue()
            }
        }
        try close()
    }

    /// `send` or `recv` (not one already read), then `*` or sets.
    mutating func direction(_ directions: inout Set<String>) throws(Refusal) {
        let word = token(until: [0x20, 0x09])
        guard word == "send" || word == "recv" else { throw Refusal("send or recv expected") }
        guard directions.insert(word).inserted else { throw Refusal("\(word) twice") }
        skipWhiteSpace()
        if skip(UInt8(ascii: "*")) { return }
        repeat {
            try set()
            skipWhiteSpace()
        } while next == UInt8(ascii: "[")
    }

    /// The payload type (`*` or a number up to 65535), one or two directions, nothing after.
    mutating func read() throws(Refusal) {
        // SIPCC skips an a=imageattr without a value.
        guard !bytes.isEmpty else { return }
        if !skip(UInt8(ascii: "*")) { _ = try unsigned(0...65_535, limit: 65_535, "a payload type") }
        var directions: Set<String> = []
        skipWhiteSpace()
        try direction(&directions)
        skipWhiteSpace()
        guard next != nil else { return }
        try direction(&directions)
        skipWhiteSpace()
        guard next == nil else { throw Refusal("characters after the last set") }
    }
}

/// Why the reader stops.
private struct Refusal: Error {
    var reason: String
    init(_ reason: String) { self.reason = reason }
}
