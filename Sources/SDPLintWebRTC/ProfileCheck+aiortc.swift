import SDPLintDiagnostics
import SDPLintSDP
import SDPLintScanning

/// aiortc: what its SDP reader (aiortc/sdp.py) and peer connection refuse, measured with
/// aiortc 1.16 in Conformance/.
extension ProfileCheck {
    func aiortc() {
        // One finding per description for each: the first section that lacks it.
        let used = session.media.indices.filter { !session.media[$0].isRejected }
        // Rejected sections too: aiortc sets up a transport for each (measured: 51 port-0 sections).
        if let index = session.media.indices.first(where: { !missingCredentials($0).isEmpty }) {
            report(
                ProfileRules.aiortcICERequired, parsed.location(ofSection: index),
                "aiortc needs a=ice-ufrag and a=ice-pwd for every section; section \(index) (\(session.media[index].media)) has no \(missingCredentials(index).map { "a=\($0)" }.joined(separator: " or "))"
            )
        }
        reportSetupRoles(
            ProfileRules.aiortcSetupHoldconn, "aiortc knows only active, passive and actpass", exactSpelling: true)
        // aiortc keeps no DTLS parameters for a section without a role and fails on its
        // transport (aiortc/sdp.py, rtcpeerconnection.py), rejected sections too.
        // It sets up no transport for a section other than audio, video and application.
        for (index, media) in session.media.enumerated()
        where !session.has(.setup) && [.audio, .video, .application].contains(media.media) && !media.has(.setup) {
            report(
                ProfileRules.aiortcSetupRequired, parsed.location(ofSection: index),
                "aiortc needs a=setup in every section; section \(index) (\(media.media)) has none")
        }
        reportAiortcReaderFailures()
        // aiortc reads every section's codecs, rejected or not (aiortc/rtcpeerconnection.py).
        if let index = session.media.indices.first(where: { !Profile.aiortcImplementsACodec(of: session.media[$0]) }) {
            report(
                ProfileRules.aiortcNoCommonCodec, parsed.location(ofSection: index),
                "aiortc implements none of the codecs of section \(index) (\(session.media[index].media))")
        }
        if let index = used.first(where: { index in
            let media = session.media[index]
            // aiortc reads the whole text after "a=" as the name: "a=rtcp-mux " is none (measured).
            return (media.media == .audio || media.media == .video)
                && !media.attributes.contains { $0.name == .rtcpMux && $0.trailingWhitespace == nil }
        }) {
            report(
                ProfileRules.aiortcRTCPMuxRequired, parsed.location(ofSection: index),
                "aiortc needs a=rtcp-mux in every audio and video section; section \(index) (\(session.media[index].media)) has none"
            )
        }
    }

    /// The lines aiortc's reader (aiortc/sdp.py) raises an exception on, each read from its
    /// text: the model keeps no value that does not parse.
    func reportAiortcReaderFailures() {
        func fail(_ location: SourceLocation, _ why: String) {
            report(ProfileRules.aiortcReaderFails, location, "aiortc's SDP reader fails on this line: \(why)")
        }
        func fields(_ value: String?) -> [Substring] { value?.split(separator: " ") ?? [] }
        for (_, connection) in connections {
            guard let value = value(of: connection.sourceLine) else { continue }
            let parts = value.split(separator: UInt8(ascii: " "), omittingEmptySubsequences: false)
            if parts.count != 3 || !parts[0].elementsEqual("IN".utf8)
                || !(parts[1].elementsEqual("IP4".utf8) || parts[1].elementsEqual("IP6".utf8))
            {
                fail(
                    parsed.source.location(of: connection.sourceLine) ?? parsed.location(ofSection: nil),
                    "it reads only \"IN IP4\" or \"IN IP6\" and one address")
            }
        }
        // v= through Python's int(), which takes white space and a sign around the digits
        // (aiortc/sdp.py; measured: "v=0x" and "v=0 1" refused).
        if let range = parsed.source.range(ofLine: 1),
            parsed.source.bytes[range].starts(with: [UInt8(ascii: "v"), UInt8(ascii: "=")])
        {
            let space: (UInt8) -> Bool = { $0 == 0x20 || (0x09...0x0D).contains($0) }
            // Its lines are Python's splitlines(), which ends one at a carriage return too.
            let bytes = parsed.source.bytes[range].dropFirst(2).prefix { $0 != 0x0D && $0 != 0x0B && $0 != 0x0C }
            let value = String(
                decoding: bytes.drop(while: space).reversed().drop(while: space).reversed(), as: UTF8.self)
            let digits = value.first == "+" || value.first == "-" ? value.dropFirst() : Substring(value)
            let parts = digits.split(separator: "_", omittingEmptySubsequences: false)
            if digits.isEmpty || parts.contains(where: { $0.isEmpty || !$0.allSatisfy { $0.isASCII && $0.isNumber } }) {
                fail(parsed.source.location(of: range), "it reads v= with int()")
            }
        }
        // A session-level fingerprint too: "<hash> <digest>" (measured: one without a digest refused).
        for (index, attribute) in session.attributes.enumerated()
        where attribute.name == .fingerprint && fields(attribute.value).count != 2 {
            fail(attributeLocation(nil, index), "it reads a hash function and a digest")
        }
        for (index, media) in session.media.enumerated() {
            // Its reader splits the m= line at every space and reads the protocol as capitals and
            // slashes (`[A-Z/]+`; measured: "m=audio  9 …", "udp/tls/rtp/savpf" and, in a data
            // channel section, "udp/dtls/sctp" refused).
            if let number = media.sourceLine.number, let range = parsed.source.range(ofLine: number),
                parsed.source.bytes[range].split(separator: 0x20, omittingEmptySubsequences: false).contains(
                    where: \.isEmpty)
            {
                fail(parsed.location(ofSection: index), "it splits the m= line at every space")
            } else if media.proto.rawValue.utf8.contains(where: { !($0 == UInt8(ascii: "/") || (65...90).contains($0)) }
            ) {
                fail(parsed.location(ofSection: index), "it reads a transport protocol of capitals and slashes only")
            } else if media.proto.rawValue == "DTLS/SCTP",
                !(media.formats.first.map { Profile.isDecimal($0.utf8) } ?? false)
            {
                // It reads DTLS/SCTP's format as the SCTP port, with int() (measured:
                // "webrtc-datachannel" refused).
                fail(parsed.location(ofSection: index), "it reads the format of DTLS/SCTP as the SCTP port, a number")
            }
            if let parts = mediaLineFields(media) {
                let port = parts.count > 1 ? parts[1] : []
                let formats = parts.dropFirst(3).map { Int(String(decoding: $0, as: UTF8.self)) }
                let isRTP = media.media == .audio || media.media == .video
                if !Profile.isDecimal(port) || formats.isEmpty {
                    fail(parsed.location(ofSection: index), "it needs a numeric port and at least one format")
                } else if isRTP,
                    formats.contains(where: { $0.map { $0 > 255 || (72...76).contains($0) } ?? true })
                {
                    fail(
                        parsed.location(ofSection: index),
                        "it needs audio and video formats that are numbers below 256, outside 72–76")
                }
            }
            let mapped = Set(
                media.attributes.compactMap {
                    $0.name == .rtpmap ? fields($0.value).first.flatMap { Int($0) } : nil
                })
            for (attributeIndex, attribute) in media.attributes.enumerated() {
                switch attribute.name {
                case .rtcpFeedback:
                    // After reading every a=rtpmap, it splits the value at a space and reads a type
                    // for each codec the payload type, or '*', names; it checks nothing else
                    // (measured: "nack?", "x nack" and "111 " taken, "111" refused), which is why
                    // SDP212 is a warning under the profile.
                    let value = attribute.value ?? ""
                    let payloadType = String(value.prefix { $0 != " " })
                    if !value.contains(" "),
                        payloadType == "*" ? !mapped.isEmpty : mapped.contains(where: { String($0) == payloadType })
                    {
                        fail(
                            attributeLocation(index, attributeIndex), "it needs a feedback type after the payload type")
                    }
                case .extmap:
                    let parts = attribute.value?.split(whereSeparator: { $0 == " " || $0 == "\t" }) ?? []
                    if parts.count != 2 || Int(parts[0].prefix { $0 != "/" }) == nil {
                        fail(attributeLocation(index, attributeIndex), "it reads an id and a URI, and nothing more")
                    }
                case .fmtp:
                    // It splits the value at its first space (measured: "a=fmtp:111\tminptime=10"
                    // fails, "not enough values to unpack").
                    if !(attribute.value ?? "").contains(" ") {
                        fail(attributeLocation(index, attributeIndex), "it needs a space after the payload type")
                    } else if let pt = fields(attribute.value).first.flatMap({ Int($0) }), !mapped.contains(pt) {
                        fail(attributeLocation(index, attributeIndex), "no a=rtpmap line maps payload type \(pt)")
                    } else if let apt = attribute.as(FMTP.self)?[parameter: "apt"], Int(apt) == nil {
                        // It reads apt with int() (measured: "apt=x" ends the reader).
                        fail(attributeLocation(index, attributeIndex), "it reads apt= as a whole number")
                    }
                case .fingerprint:
                    // "<hash> <digest>", split at white space into two (measured: a digest without
                    // colons taken, none refused).
                    if fields(attribute.value).count != 2 {
                        fail(attributeLocation(index, attributeIndex), "it reads a hash function and a digest")
                    }
                case .candidate:
                    // The priority through Python's int(), which takes a sign (measured: "+5" and
                    // "-5" taken, "0x10" and "1e3" refused).
                    let parts = fields(attribute.value)
                    if parts.count > 3 {
                        let priority = parts[3].first == "+" || parts[3].first == "-" ? parts[3].dropFirst() : parts[3]
                        if !Profile.isDecimal(priority.utf8) {
                            fail(
                                attributeLocation(index, attributeIndex),
                                "it reads the candidate priority as a whole number")
                        }
                    }
                case .sctpPort, .maxMessageSize:
                    // Python's int() of the value, which allows spaces around it and any size
                    // (measured: a 20-digit max-message-size is taken).
                    let value = (attribute.value ?? "").trimmingASCIISpaces
                    let digits = value.first == "+" || value.first == "-" ? value.dropFirst() : Substring(value)
                    if !Profile.isDecimal(digits.utf8) {
                        fail(attributeLocation(index, attributeIndex), "it reads the value as a whole number")
                    }
                case .ssrc:
                    // "<ssrc> <attribute>:<value>": one without either ends the reader (measured).
                    let parts = (attribute.value ?? "").split(separator: " ", maxSplits: 1)
                    if parts.count < 2 || !parts[1].contains(":") {
                        fail(
                            attributeLocation(index, attributeIndex), "it reads an attribute and a value after the SSRC"
                        )
                    }
                case .rtcp:
                    // "<port> [IN IP4|IP6 <address>]", the port as Python's int() reads it, the
                    // address unchecked: anything else ends the reader (measured: "x", "9 IN
                    // IP4", "9 XX IP4 …" refused; 70000 and "9 IN IP4 999.1.1.1" taken).
                    let parts = fields(attribute.value)
                    let port = parts.first.map {
                        $0.hasPrefix("-") || $0.hasPrefix("+") ? $0.dropFirst() : Substring($0)
                    }
                    if port.map({ !Profile.isDecimal($0.utf8) }) ?? true
                        || (parts.count > 1
                            && (parts.count != 4 || parts[1] != "IN" || (parts[2] != "IP4" && parts[2] != "IP6")))
                    {
                        fail(
                            attributeLocation(index, attributeIndex),
                            "it reads a port, or a port and \"IN IP4\" or \"IN IP6\" and an address")
                    }
                default: break
                }
            }
        }
    }
}
