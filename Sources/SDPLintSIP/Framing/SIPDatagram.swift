/// What one UDP datagram carried: a SIP message, or a keep-alive.
///
/// Over UDP each datagram holds exactly one message (RFC 3261 §18.1.1); its body is the rest of
/// the datagram when there is no Content-Length, and Content-Length is checked against it when
/// there is. A datagram of line breaks only is a CRLF keep-alive, which some stacks send over UDP
/// though RFC 5626 §4.4.2 uses STUN there.
public enum SIPDatagram: Sendable, Hashable {
    /// A message, with its findings.
    case message(SIPParseResult)
    /// A datagram of only CR and LF bytes.
    case keepAlive(byteCount: Int)

    /// Reads one datagram.
    ///
    /// - Parameters:
    ///   - payload: The UDP payload.
    ///   - options: Strictness, body checks and limits.
    /// - Returns: The message, at stream offset 0 and line 1, or a keep-alive.
    /// - Complexity: O(n) in the size of the datagram, bounded by the limits in `options`.
    public static func decode(_ payload: [UInt8], options: SIPParseOptions = .lenient) -> SIPDatagram {
        if !payload.isEmpty && payload.allSatisfy({ $0 == 0x0D || $0 == 0x0A }) {
            return .keepAlive(byteCount: payload.count)
        }
        return .message(SIPParseResult(SIPMessage.parse(bytes: payload, framing: .datagram, options: options)))
    }

    /// The message, unless the datagram was a keep-alive.
    public var result: SIPParseResult? {
        if case .message(let result) = self { return result }
        return nil
    }
}
