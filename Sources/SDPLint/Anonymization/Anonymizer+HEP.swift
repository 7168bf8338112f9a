import SDPLintCapture
import SDPLintInput

extension Anonymizer {
    /// HEP packets one after another (HEP3 rev. 12), each rewritten in place so that every
    /// length still holds: addresses and ports as in a capture, the SIP message as SIP, and the
    /// chunks that may name a party or a secret — the capture agent, the authentication key,
    /// the correlation identifier (often a Call-ID), a compressed payload, vendor chunks —
    /// zeroed. Protocol numbers and times are kept. Bytes that are not a packet are zeroed.
    mutating func hep(_ bytes: [UInt8]) -> [UInt8] {
        var output = bytes
        var at = 0
        while at < output.count {
            guard case .length(let length) = HEPPacket.header(output, at: at), at + length <= output.count else {
                zero(&output, at..<output.count)
                break
            }
            hepPacket(&output, at..<(at + length))
            at += length
        }
        return output
    }

    /// One HEP packet at `range` of `output`, in place.
    mutating func hepPacket(_ output: inout [UInt8], _ range: Range<Int>) {
        var at = range.lowerBound + 6
        while at < range.upperBound {
            let chunkLength = Field.u16(output, at + 4)
            guard at + 6 <= range.upperBound, chunkLength >= 6, at + chunkLength <= range.upperBound else {
                zero(&output, at..<range.upperBound)
                return
            }
            let vendor = Field.u16(output, at)
            let type = Field.u16(output, at + 2)
            let value = (at + 6)..<(at + chunkLength)
            at += chunkLength
            switch (vendor, type, value.count) {
            case (0, 1, _), (0, 2, _), (0, 9, _), (0, 10, _), (0, 11, _):
                break  // family, protocol, time, payload type
            case (0, 3, 4), (0, 4, 4): rewriteIPv4(&output, value.lowerBound)
            case (0, 5, 16), (0, 6, 16): rewriteIPv6(&output, value.lowerBound)
            case (0, 7, 2), (0, 8, 2): rewritePort(&output, value.lowerBound)
            case (0, 15, _) where PacketCapture.Reading.looksLikeSIP(Array(output[value])):
                messages(&output, value, .sip, zeroingOthers: true)
            default:
                zero(&output, value)
            }
        }
    }
}
