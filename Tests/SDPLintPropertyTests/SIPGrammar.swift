import PropertyBased

/// Random SIP messages that follow the RFC 3261 §25 grammar and carry the headers a request or
/// response must have (§8.1.1: To, From, CSeq, Call-ID, Max-Forwards, Via), with CSeq naming the
/// request's method and Content-Length counting the body.
///
/// [RFC 3261 §25.1](https://www.rfc-editor.org/rfc/rfc3261#section-25.1)
/// ```
/// SIP-message    =  Request / Response
/// Request        =  Request-Line *( message-header ) CRLF [ message-body ]
/// Request-Line   =  Method SP Request-URI SP SIP-Version CRLF
/// Status-Line    =  SIP-Version SP Status-Code SP Reason-Phrase CRLF
/// ```
enum SIPGrammar {
    static let methods = [
        "INVITE", "ACK", "BYE", "CANCEL", "OPTIONS", "REGISTER", "INFO", "UPDATE", "MESSAGE", "NOTIFY", "SUBSCRIBE",
        "PRACK", "REFER",
    ]
    static let statuses = [
        (100, "Trying"), (180, "Ringing"), (183, "Session Progress"), (200, "OK"), (202, "Accepted"),
        (302, "Moved Temporarily"), (401, "Unauthorized"), (486, "Busy Here"), (488, "Not Acceptable Here"),
        (500, "Server Internal Error"), (603, "Decline"),
    ]

    static func host(using rng: inout some RandomNumberGenerator) -> String {
        SDPGrammar.chance(0.5, using: &rng)
            ? (0..<4).map { _ in String(Int.random(in: 1...254, using: &rng)) }.joined(separator: ".")
            : SDPGrammar.string(Array("abcdefghijklmnopqrstuvwxyz"), 1...10, using: &rng) + ".example.org"
    }

    static func user(using rng: inout some RandomNumberGenerator) -> String {
        SDPGrammar.string(Array("abcdefghijklmnopqrstuvwxyz0123456789._-"), 1...12, using: &rng)
    }

    /// One message as bytes: a request or a response, perhaps with an SDP body.
    static func message(using rng: inout some RandomNumberGenerator) -> [UInt8] {
        let method = SDPGrammar.pick(methods, using: &rng)
        let request = SDPGrammar.chance(0.5, using: &rng)
        let caller = "sip:\(user(using: &rng))@\(host(using: &rng))"
        let callee = "sip:\(user(using: &rng))@\(host(using: &rng))"
        var lines: [String] = []
        if request {
            lines.append("\(method) \(callee)\(SDPGrammar.chance(0.3, using: &rng) ? ";transport=tcp" : "") SIP/2.0")
        } else {
            let (code, reason) = SDPGrammar.pick(statuses, using: &rng)
            lines.append("SIP/2.0 \(code) \(reason)")
        }
        let transport = SDPGrammar.pick(["UDP", "TCP", "TLS"], using: &rng)
        let branch = "z9hG4bK" + SDPGrammar.string(SDPGrammar.alphanumerics, 4...16, using: &rng)
        for _ in 0..<Int.random(in: 1...3, using: &rng) {
            lines.append(
                "\(SDPGrammar.pick(["Via", "v"], using: &rng)): SIP/2.0/\(transport) \(host(using: &rng)):\(Int.random(in: 1024...65535, using: &rng));branch=\(branch)\(SDPGrammar.chance(0.5, using: &rng) ? ";rport" : "")"
            )
        }
        lines.append("Max-Forwards: \(Int.random(in: 0...70, using: &rng))")
        let display =
            SDPGrammar.chance(0.5, using: &rng)
            ? "\"\(SDPGrammar.pick(["Alice", "Bob Smith", "Ünïcode"], using: &rng))\" " : ""
        lines.append(
            "\(SDPGrammar.pick(["From", "f"], using: &rng)): \(display)<\(caller)>;tag=\(SDPGrammar.string(SDPGrammar.alphanumerics, 4...12, using: &rng))"
        )
        lines.append(
            "\(SDPGrammar.pick(["To", "t"], using: &rng)): <\(callee)>"
                + (request ? "" : ";tag=\(SDPGrammar.string(SDPGrammar.alphanumerics, 4...12, using: &rng))"))
        lines.append(
            "\(SDPGrammar.pick(["Call-ID", "i"], using: &rng)): \(SDPGrammar.string(SDPGrammar.alphanumerics, 8...24, using: &rng))@\(host(using: &rng))"
        )
        lines.append("CSeq: \(Int.random(in: 1...2_147_483_647, using: &rng)) \(method)")
        if SDPGrammar.chance(0.6, using: &rng) {
            lines.append(
                "Contact: <sip:\(user(using: &rng))@\(host(using: &rng)):\(Int.random(in: 1024...65535, using: &rng))>")
        }
        if SDPGrammar.chance(0.4, using: &rng) {
            lines.append("User-Agent: \(SDPGrammar.pick(["baresip v3.10", "Linphone/5.2", "SIPp"], using: &rng))")
        }
        if SDPGrammar.chance(0.3, using: &rng) { lines.append("Allow: INVITE, ACK, BYE, CANCEL, OPTIONS, INFO") }
        if SDPGrammar.chance(0.2, using: &rng) {
            lines.append(
                """
                X-Custom-\(SDPGrammar.string(SDPGrammar.alphanumerics, 1...6, using: &rng)): \
                \(SDPGrammar.text(using: &rng))
                """
            )
        }
        var body: [UInt8] = []
        if SDPGrammar.chance(0.4, using: &rng) {
            var session = SDPGrammar.session(using: &rng)
            session.eol = "\r\n"
            body = Array(session.text.utf8)
            lines.append("\(SDPGrammar.pick(["Content-Type", "c"], using: &rng)): application/sdp")
        }
        lines.append("\(SDPGrammar.pick(["Content-Length", "l"], using: &rng)): \(body.count)")
        return Array((lines.joined(separator: "\r\n") + "\r\n\r\n").utf8) + body
    }

    static let messages = Generator<[UInt8], Shrink.None<[UInt8]>> { rng in message(using: &rng) }
}
