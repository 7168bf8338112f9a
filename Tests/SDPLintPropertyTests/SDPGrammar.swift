import PropertyBased

/// Random session descriptions that follow the RFC 8866 grammar and the consistency rules a
/// description must keep to be free of errors (each dynamic payload type has an rtpmap, mids
/// are unique, BUNDLE names existing mids, one direction per section, RTX repairs a listed
/// payload type, an extmap id means one URI).
///
/// A description is first drawn as a ``Session`` value, so the offer/answer properties can
/// derive an answer from an offer, and then written as text by ``Session/text``.
///
/// [RFC 8866 §9](https://www.rfc-editor.org/rfc/rfc8866#section-9)
/// ```
/// session-description = version-field origin-field session-name-field
///     [information-field] [uri-field] *email-field *phone-field
///     [connection-field] *bandwidth-field 1*time-description
///     [key-field] *attribute-field *media-description
/// ```
enum SDPGrammar {
    /// One media section as drawn.
    struct Section: Sendable, Hashable {
        var media: String
        var port: Int
        /// The number of ports, `m=video 49170/2 …` (RFC 8866 §5.14).
        var portCount: Int?
        var proto: String
        var codecs: [Codec]
        /// Formats that are not RTP payload types (`webrtc-datachannel`).
        var otherFormats: [String] = []
        var mid: String
        var lines: [String] = []
        var attributes: [String] = []
    }

    /// An RTP payload format with its describing lines.
    struct Codec: Sendable, Hashable {
        var payloadType: Int
        var name: String
        var clockRate: Int
        var channels: Int?
        var fmtp: String?
        var feedback: [String] = []

        var rtpmap: String { "\(payloadType) \(name)/\(clockRate)" + (channels.map { "/\($0)" } ?? "") }
    }

    /// A whole description as drawn.
    struct Session: Sendable, Hashable, CustomStringConvertible {
        var sessionLines: [String]
        var attributes: [String]
        var sections: [Section]
        var eol: String

        /// The SDP text: session lines, session attributes, then each section's m= line, its
        /// i=/c=/b= lines, its attributes and its codecs' rtpmap, fmtp and rtcp-fb lines.
        var text: String {
            var output = ""
            for line in sessionLines { output += line + eol }
            for attribute in attributes { output += "a=" + attribute + eol }
            for section in sections {
                let formats = section.codecs.map { String($0.payloadType) } + section.otherFormats
                let port = String(section.port) + (section.portCount.map { "/\($0)" } ?? "")
                output += "m=\(section.media) \(port) \(section.proto) \(formats.joined(separator: " "))" + eol
                for line in section.lines { output += line + eol }
                output += "a=mid:\(section.mid)" + eol
                for attribute in section.attributes { output += "a=" + attribute + eol }
                for codec in section.codecs {
                    output += "a=rtpmap:\(codec.rtpmap)" + eol
                    if let fmtp = codec.fmtp { output += "a=fmtp:\(codec.payloadType) \(fmtp)" + eol }
                    for feedback in codec.feedback { output += "a=rtcp-fb:\(codec.payloadType) \(feedback)" + eol }
                }
            }
            return output
        }

        var description: String { text }
    }

    // MARK: Lexical pieces

    /// `token-char = ALPHA / DIGIT / "!" / "#" / "$" / "%" / "&" / "'" / "*" / "+" / "-" / "." / "^" / "_" / "`" / "{" / "|" / "}" / "~"`
    static let tokenChars = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+-.^_`{|}~")
    /// `ice-char = ALPHA / DIGIT / "+" / "/"` (RFC 8839 §5.1).
    static let iceChars = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+/")
    static let alphanumerics = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")

    static func string(
        _ alphabet: [Character], _ lengths: ClosedRange<Int>, using rng: inout some RandomNumberGenerator
    ) -> String {
        let count = Int.random(in: lengths, using: &rng)
        return String((0..<count).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &rng)] })
    }

    static func pick<T>(_ choices: [T], using rng: inout some RandomNumberGenerator) -> T {
        choices[Int.random(in: 0..<choices.count, using: &rng)]
    }

    static func chance(_ probability: Double, using rng: inout some RandomNumberGenerator) -> Bool {
        Double.random(in: 0..<1, using: &rng) < probability
    }

    /// `byte-string = 1*(%x01-09/%x0B-0C/%x0E-FF)`: words, sometimes not ASCII, single spaces.
    static func text(using rng: inout some RandomNumberGenerator) -> String {
        let words = ["session", "SDP", "Seminar", "talk", "café", "日本語", "Ünïcode", "x-y_z", "(1)", "#2", "a=b", "🙂"]
        return (0..<Int.random(in: 1...4, using: &rng)).map { _ in pick(words, using: &rng) }.joined(separator: " ")
    }

    /// A unicast address and its address type: IPv4, IPv6 (full and compressed) or an FQDN.
    static func address(using rng: inout some RandomNumberGenerator) -> (type: String, address: String) {
        switch Int.random(in: 0..<4, using: &rng) {
        case 0, 1:
            // Unicast: 224/4 and above are multicast, which needs a TTL (RFC 8866 §5.7).
            let first = Int.random(in: 1...223, using: &rng)
            return (
                "IP4",
                ([first] + (0..<3).map { _ in Int.random(in: 0...255, using: &rng) }).map(String.init).joined(
                    separator: ".")
            )
        case 2:
            let groups = (0..<8).map { _ in String(UInt16.random(in: 0...UInt16.max, using: &rng), radix: 16) }
            return ("IP6", chance(0.5, using: &rng) ? groups.joined(separator: ":") : "2001:db8::" + groups[7])
        default:
            return ("IP4", string(Array("abcdefghijklmnopqrstuvwxyz"), 1...10, using: &rng) + ".example.com")
        }
    }

    // MARK: Candidates (RFC 8839 §5.1)

    /// An `a=candidate` value:
    /// `foundation SP component-id SP transport SP priority SP connection-address SP port
    /// SP "typ" SP cand-type [SP "raddr" SP address SP "rport" SP port] *(SP extension)`.
    static func candidate(component: Int? = nil, using rng: inout some RandomNumberGenerator) -> String {
        let foundation = string(iceChars, 1...32, using: &rng)
        let componentID = component ?? Int.random(in: 1...256, using: &rng)
        let tcp = chance(0.3, using: &rng)
        let transport = tcp ? pick(["TCP", "tcp"], using: &rng) : pick(["UDP", "udp"], using: &rng)
        let type = pick(["host", "srflx", "prflx", "relay"], using: &rng)
        let typePreference = ["host": 126, "prflx": 110, "srflx": 100, "relay": 0][type] ?? 0
        let priority =
            typePreference << 24 | Int.random(in: 0...65535, using: &rng) << 8 | (256 - min(componentID, 256))
        let host =
            chance(0.15, using: &rng)
            ? string(Array("0123456789abcdef"), 8...8, using: &rng) + "-1234-4abc-8def-0123456789ab.local"
            : address(using: &rng).address
        var text =
            """
            \(foundation) \(componentID) \(transport) \(priority) \(host) \
            \(Int.random(in: 0...65535, using: &rng)) typ \(type)
            """
        if type != "host" {
            text += " raddr \(address(using: &rng).address) rport \(Int.random(in: 0...65535, using: &rng))"
        }
        if tcp { text += " tcptype " + pick(["active", "passive", "so"], using: &rng) }
        if chance(0.5, using: &rng) { text += " generation \(Int.random(in: 0...3, using: &rng))" }
        if chance(0.4, using: &rng) { text += " ufrag " + string(iceChars, 4...8, using: &rng) }
        if chance(0.3, using: &rng) {
            text += " network-id \(Int.random(in: 1...9, using: &rng)) network-cost \(pick([10, 50, 900], using: &rng))"
        }
        return text
    }

    // MARK: Codecs

    static let audioCodecs: [Codec] = [
        Codec(
            payloadType: 111, name: "opus", clockRate: 48000, channels: 2, fmtp: "minptime=10;useinbandfec=1",
            feedback: ["transport-cc"]),
        Codec(payloadType: 9, name: "G722", clockRate: 8000),
        Codec(payloadType: 0, name: "PCMU", clockRate: 8000),
        Codec(payloadType: 8, name: "PCMA", clockRate: 8000),
        Codec(payloadType: 13, name: "CN", clockRate: 8000),
        Codec(payloadType: 103, name: "ISAC", clockRate: 16000),
        Codec(payloadType: 126, name: "telephone-event", clockRate: 8000, fmtp: "0-15"),
    ]

    static let videoCodecs: [Codec] = [
        Codec(
            payloadType: 96, name: "VP8", clockRate: 90000,
            feedback: ["goog-remb", "transport-cc", "ccm fir", "nack", "nack pli"]),
        Codec(payloadType: 98, name: "VP9", clockRate: 90000, fmtp: "profile-id=0", feedback: ["nack", "nack pli"]),
        Codec(
            payloadType: 102, name: "H264", clockRate: 90000,
            fmtp: "level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42001f", feedback: ["nack"]),
        Codec(
            payloadType: 104, name: "H264", clockRate: 90000,
            fmtp: "level-asymmetry-allowed=1;packetization-mode=0;profile-level-id=42e01f"),
        Codec(payloadType: 45, name: "AV1", clockRate: 90000),
        Codec(payloadType: 108, name: "red", clockRate: 90000),
        Codec(payloadType: 109, name: "ulpfec", clockRate: 90000),
    ]

    /// Free dynamic payload types for RTX formats.
    static let rtxPayloadTypes = [97, 99, 100, 101, 105, 106, 107, 110, 112, 113]

    /// Some of the catalogue's codecs in random order, each video codec perhaps with its RTX.
    static func codecs(video: Bool, using rng: inout some RandomNumberGenerator) -> [Codec] {
        var catalogue = video ? videoCodecs : audioCodecs
        catalogue.shuffle(using: &rng)
        var chosen = Array(catalogue.prefix(Int.random(in: 1...catalogue.count, using: &rng)))
        if video {
            var free = rtxPayloadTypes.shuffled(using: &rng)
            for codec in chosen where codec.name != "red" && codec.name != "ulpfec" && chance(0.5, using: &rng) {
                guard let pt = free.popLast() else { break }
                chosen.append(Codec(payloadType: pt, name: "rtx", clockRate: 90000, fmtp: "apt=\(codec.payloadType)"))
            }
        }
        return chosen
    }

    // MARK: Sections and sessions

    static let extensions = [
        1: "urn:ietf:params:rtp-hdrext:ssrc-audio-level",
        2: "http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time",
        3: "http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01",
        4: "urn:ietf:params:rtp-hdrext:sdes:mid",
        9: "urn:ietf:params:rtp-hdrext:toffset",
    ]

    static func fingerprint(using rng: inout some RandomNumberGenerator) -> String {
        "sha-256 "
            + (0..<32).map { _ in
                let byte = UInt8.random(in: 0...255, using: &rng)
                let hex = String(byte, radix: 16, uppercase: true)
                return hex.count == 1 ? "0" + hex : hex
            }.joined(separator: ":")
    }

    static func section(index: Int, using rng: inout some RandomNumberGenerator) -> Section {
        let kind = pick(["audio", "audio", "video", "video", "application"], using: &rng)
        let port = chance(0.1, using: &rng) ? 0 : Int.random(in: 1...65535, using: &rng)
        let mid = chance(0.5, using: &rng) ? String(index) : string(alphanumerics, 1...8, using: &rng) + "\(index)"
        var section: Section
        if kind == "application" && chance(0.25, using: &rng) {
            // The pre-RFC 8841 form still sent by older endpoints.
            let sctpPort = Int.random(in: 1...65535, using: &rng)
            section = Section(
                media: kind, port: port, proto: "DTLS/SCTP", codecs: [], otherFormats: [String(sctpPort)], mid: mid)
            section.attributes.append(
                "sctpmap:\(sctpPort) webrtc-datachannel \(Int.random(in: 1...65535, using: &rng))")
        } else if kind == "application" {
            section = Section(
                media: kind, port: port, proto: "UDP/DTLS/SCTP", codecs: [], otherFormats: ["webrtc-datachannel"],
                mid: mid)
            section.attributes += [
                "sctp-port:\(Int.random(in: 1...65535, using: &rng))",
                "max-message-size:\(Int.random(in: 1...1 << 30, using: &rng))",
            ]
        } else {
            let proto = pick(["UDP/TLS/RTP/SAVPF", "RTP/AVP", "RTP/SAVPF", "RTP/AVPF"], using: &rng)
            section = Section(
                media: kind, port: port, portCount: nil, proto: proto,
                codecs: codecs(video: kind == "video", using: &rng), mid: mid)
            section.attributes.append(pick(["sendrecv", "sendonly", "recvonly", "inactive"], using: &rng))
            if chance(0.7, using: &rng) { section.attributes.append("rtcp-mux") }
            if chance(0.4, using: &rng) { section.attributes.append("rtcp-rsize") }
            for (id, uri) in extensions.sorted(by: { $0.key < $1.key }) where chance(0.4, using: &rng) {
                section.attributes.append("extmap:\(id) \(uri)")
            }
            if chance(0.5, using: &rng) {
                let ssrc = UInt32.random(in: 1...UInt32.max, using: &rng)
                section.attributes.append("ssrc:\(ssrc) cname:" + string(iceChars, 8...16, using: &rng))
                section.attributes.append(
                    "msid:" + string(alphanumerics, 4...12, using: &rng) + " "
                        + string(alphanumerics, 4...12, using: &rng))
            }
            if kind == "audio" && chance(0.3, using: &rng) {
                section.attributes.append("ptime:\(pick([10, 20, 40, 60], using: &rng))")
            }
            if kind == "audio" && chance(0.2, using: &rng) {
                section.attributes.append("maxptime:\(pick([60, 120], using: &rng))")
            }
            if kind == "video" && chance(0.2, using: &rng) {
                section.attributes.append("framerate:\(pick(["30", "29.97", "60"], using: &rng))")
            }
            if chance(0.2, using: &rng) {
                // RFC 4588 §8: an FID group of a primary SSRC and its repair SSRC.
                let primary = UInt32.random(in: 1...UInt32.max - 1, using: &rng)
                section.attributes += [
                    "ssrc-group:FID \(primary) \(primary + 1)", "ssrc:\(primary) cname:x",
                    "ssrc:\(primary + 1) cname:x",
                ]
            }
            if kind == "video" && chance(0.3, using: &rng) {
                // RFC 8851 rids naming listed payload types, and RFC 8853 simulcast of them.
                let media = section.codecs.filter { $0.name != "rtx" }.map { String($0.payloadType) }
                let rids = ["h", "m", "l"].prefix(Int.random(in: 1...3, using: &rng))
                for rid in rids {
                    let restriction =
                        chance(0.5, using: &rng) ? ";max-width=\(pick([320, 640, 1280], using: &rng))" : ""
                    let pts =
                        chance(0.5, using: &rng) && !media.isEmpty
                        ? " pt=" + media.prefix(2).joined(separator: ",") + restriction
                        : (restriction.isEmpty ? "" : " " + restriction.dropFirst())
                    section.attributes.append("rid:\(rid) send" + pts)
                }
                section.attributes.append("simulcast:send " + rids.joined(separator: ";"))
            }
            if proto.hasPrefix("RTP/SAVP") && chance(0.5, using: &rng) {
                // RFC 4568 §9.1: tag crypto-suite inline:key-salt[|lifetime][|MKI:length]
                let key = string(iceChars, 40...40, using: &rng)
                section.attributes.append(
                    "crypto:\(Int.random(in: 1...9, using: &rng)) AES_CM_128_HMAC_SHA1_\(pick(["80", "32"], using: &rng)) inline:\(key)\(chance(0.3, using: &rng) ? "|2^31|1:1" : "")"
                )
            }
            if chance(0.2, using: &rng) {
                let (type, address) = address(using: &rng)
                section.attributes.append("rtcp:\(Int.random(in: 1...65535, using: &rng)) IN \(type) \(address)")
            }
            if kind == "video" && chance(0.1, using: &rng) { section.portCount = 2 }
        }
        if chance(0.3, using: &rng) { section.lines.append("i=" + text(using: &rng)) }
        if chance(0.6, using: &rng) {
            let (type, address) = address(using: &rng)
            section.lines.append("c=IN \(type) \(address)")
        }
        if chance(0.2, using: &rng) {
            // Several c= lines are allowed in a section (RFC 8866 §5.7, layered encodings).
            let (type, address) = address(using: &rng)
            section.lines.append("c=IN \(type) \(address)")
        }
        if chance(0.3, using: &rng) {
            section.lines.append(
                "b=\(pick(["AS", "TIAS", "CT"], using: &rng)):\(Int.random(in: 0...10_000_000, using: &rng))")
        }
        if chance(0.2, using: &rng) { section.lines.append("b=RR:\(Int.random(in: 0...5000, using: &rng))") }
        if chance(0.7, using: &rng) {
            section.attributes.append("ice-ufrag:" + string(iceChars, 4...32, using: &rng))
            section.attributes.append("ice-pwd:" + string(iceChars, 22...40, using: &rng))
        }
        if chance(0.6, using: &rng) {
            section.attributes.append("fingerprint:" + fingerprint(using: &rng))
            section.attributes.append("setup:" + pick(["actpass", "active", "passive"], using: &rng))
        }
        for _ in 0..<Int.random(in: 0...3, using: &rng) {
            section.attributes.append("candidate:" + candidate(component: pick([1, 2], using: &rng), using: &rng))
        }
        if chance(0.3, using: &rng) { section.attributes.append("end-of-candidates") }
        return section
    }

    /// A whole description. Sections without a connection line get a session-level one, as
    /// RFC 8866 §5.7 requires one or the other.
    static func session(using rng: inout some RandomNumberGenerator) -> Session {
        let (originType, originAddress) = address(using: &rng)
        let sessionID = String(UInt64.random(in: 0...999_999_999_999_999_999, using: &rng))
        var lines = [
            "v=0",
            "o=\(pick(["-", "alice", "mozilla...THIS_IS_SDPARTA-99.0", "user_1"], using: &rng)) \(sessionID) \(Int.random(in: 0...1_000_000, using: &rng)) IN \(originType) \(originAddress)",
            "s=" + (chance(0.5, using: &rng) ? "-" : text(using: &rng)),
        ]
        if chance(0.3, using: &rng) { lines.append("i=" + text(using: &rng)) }
        if chance(0.2, using: &rng) {
            lines.append("u=https://example.com/" + string(alphanumerics, 1...10, using: &rng))
        }
        if chance(0.2, using: &rng) {
            lines.append("e=\(string(alphanumerics, 1...8, using: &rng))@example.com (\(text(using: &rng)))")
        }
        if chance(0.2, using: &rng) { lines.append("p=+1 617 555-\(Int.random(in: 1000...9999, using: &rng))") }
        let (type, address) = address(using: &rng)
        lines.append("c=IN \(type) \(address)")
        if chance(0.3, using: &rng) { lines.append("b=AS:\(Int.random(in: 0...100_000, using: &rng))") }
        // time-description = time-field [repeat-description]
        // repeat-description = 1*repeat-field [zone-field]   (RFC 8866 §9: z= follows r=)
        for _ in 0..<Int.random(in: 1...2, using: &rng) {
            if chance(0.6, using: &rng) {
                lines.append("t=0 0")
            } else {
                let start = Int.random(in: 3_000_000_000...3_900_000_000, using: &rng)
                lines.append("t=\(start) \(start + Int.random(in: 1...10_000_000, using: &rng))")
                if chance(0.4, using: &rng) {
                    lines.append(
                        "r=\(pick(["7d", "604800"], using: &rng)) \(pick(["1h", "3600"], using: &rng)) 0 \(pick(["25h", "90000"], using: &rng))"
                    )
                    if chance(0.3, using: &rng) { lines.append("z=2882844526 -1h 2898848070 0") }
                }
            }
        }
        var sections: [Section] = []
        var usedMids = Set<String>()
        for index in 0..<Int.random(in: 0...5, using: &rng) {
            var drawn = section(index: index, using: &rng)
            while !usedMids.insert(drawn.mid).inserted { drawn.mid += "x" }
            sections.append(drawn)
        }
        var attributes: [String] = []
        if chance(0.5, using: &rng) { attributes.append("ice-options:trickle") }
        if chance(0.3, using: &rng) { attributes.append("extmap-allow-mixed") }
        if chance(0.3, using: &rng) { attributes.append("msid-semantic: WMS *") }
        let bundled = sections.filter { $0.port != 0 }.map(\.mid)
        if !bundled.isEmpty && chance(0.6, using: &rng) {
            attributes.append("group:BUNDLE " + bundled.joined(separator: " "))
        }
        if chance(0.2, using: &rng) { attributes.append("tool:" + text(using: &rng)) }
        if chance(0.1, using: &rng) { attributes.append("ice-lite") }
        if chance(0.2, using: &rng) { attributes.append("fingerprint:" + fingerprint(using: &rng)) }
        return Session(
            sessionLines: lines, attributes: attributes, sections: sections,
            eol: chance(0.85, using: &rng) ? "\r\n" : "\n")
    }

    /// Descriptions as a property-test input.
    static let sessions = Generator<Session, Shrink.None<Session>> { rng in session(using: &rng) }

    /// Candidate values as a property-test input.
    static let candidates = Generator<String, Shrink.None<String>> { rng in candidate(using: &rng) }
}
