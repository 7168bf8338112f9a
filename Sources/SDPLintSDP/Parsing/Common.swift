import SDPLintScanning

/// The text of the tokens most descriptions repeat, from literals.
///
/// `Bytes.string` validates UTF-8 and builds a string for every value, and allocates past 15
/// bytes; a literal costs neither. The model cannot tell the difference: the text is the same.
enum Common {
    /// `nettype`: "IN" nearly always.
    static func networkType(_ bytes: Span<UInt8>, _ range: Range<Int>) -> String {
        Bytes.equals(bytes, range, "IN") ? "IN" : Bytes.string(bytes, range)
    }

    /// `addrtype`: "IP4" or "IP6".
    static func addressType(_ bytes: Span<UInt8>, _ range: Range<Int>) -> String {
        if Bytes.equals(bytes, range, "IP4") { return "IP4" }
        if Bytes.equals(bytes, range, "IP6") { return "IP6" }
        return Bytes.string(bytes, range)
    }

    /// The addresses browsers write when there is no real one (JSEP §5.2.1, §5.3.1).
    static func address(_ bytes: Span<UInt8>, _ range: Range<Int>) -> String {
        if Bytes.equals(bytes, range, "0.0.0.0") { return "0.0.0.0" }
        if Bytes.equals(bytes, range, "127.0.0.1") { return "127.0.0.1" }
        return Bytes.string(bytes, range)
    }

    /// The o= username, "-" for none.
    static func username(_ bytes: Span<UInt8>, _ range: Range<Int>) -> String {
        Bytes.equals(bytes, range, "-") ? "-" : Bytes.string(bytes, range)
    }

    /// The m= media type.
    static func media(_ bytes: Span<UInt8>, _ range: Range<Int>) -> String {
        if Bytes.equals(bytes, range, "audio") { return "audio" }
        if Bytes.equals(bytes, range, "video") { return "video" }
        if Bytes.equals(bytes, range, "application") { return "application" }
        return Bytes.string(bytes, range)
    }

    /// The m= transport protocol.
    static func transportProtocol(_ bytes: Span<UInt8>, _ range: Range<Int>) -> String {
        commonTransportProtocol(bytes, range) ?? Bytes.string(bytes, range)
    }

    /// The protocols browsers and phones write, without making a string; `nil` for another.
    static func commonTransportProtocol(_ bytes: Span<UInt8>, _ range: Range<Int>) -> String? {
        if Bytes.equals(bytes, range, "UDP/TLS/RTP/SAVPF") { return "UDP/TLS/RTP/SAVPF" }
        if Bytes.equals(bytes, range, "UDP/DTLS/SCTP") { return "UDP/DTLS/SCTP" }
        if Bytes.equals(bytes, range, "DTLS/SCTP") { return "DTLS/SCTP" }
        if Bytes.equals(bytes, range, "RTP/AVP") { return "RTP/AVP" }
        if Bytes.equals(bytes, range, "RTP/SAVPF") { return "RTP/SAVPF" }
        if Bytes.equals(bytes, range, "RTP/AVPF") { return "RTP/AVPF" }
        if Bytes.equals(bytes, range, "RTP/SAVP") { return "RTP/SAVP" }
        return nil
    }

    /// An m= format: RTP payload types 0–127, written without leading zeros, come from
    /// `payloadTypes` (``Common/payloadTypes``, read once per line by the caller).
    @inline(__always)
    static func format(_ bytes: Span<UInt8>, _ range: Range<Int>, _ payloadTypes: [String]) -> String {
        if range.count <= 3, range.lowerBound >= 0, range.upperBound <= bytes.count,
            !(range.count > 1 && bytes[range.lowerBound] == ASCII.zero)
        {
            var value = 0
            var digits = true
            for i in range {
                let digit = bytes[unchecked: i] &- ASCII.zero
                if digit > 9 {
                    digits = false
                    break
                }
                value = value * 10 + Int(digit)
            }
            if digits && !range.isEmpty && value < payloadTypes.count { return payloadTypes[value] }
        }
        return Bytes.string(bytes, range)
    }

    /// "0" to "127".
    static let payloadTypes: [String] = (0...127).map { String($0) }
}
