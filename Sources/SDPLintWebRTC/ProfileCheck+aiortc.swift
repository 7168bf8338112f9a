import SDPLintDiagnostics
import SDPLintSDP
import SDPLintScanning

/// aiortc: what its SDP reader (aiortc/sdp.py) and peer connection refuse, measured with
/// aiortc 1.16 in Conformance/.
extension ProfileCheck {
    func aiortc() {
        // One finding per description for each: the first section that lacks it.
        // Rejected sections too: aiortc sets up a transport for each (measured: 51 port-0 sections).
        if let index = session.media.indices.first(where: { !missingCredentials($0).isEmpty }) {
            report(
                ProfileRules.aiortcICERequired, parsed.location(ofSection: index),
                "aiortc needs a=ice-ufrag and a=ice-pwd for every section; section \(index) (\(session.media[index].media)) has no \(missingCredentials(index).map { "a=\($0)" }.joined(separator: " or "))"
            )
        }
        // It looks up every a=setup, the session's too (measured: a session-level "actpass " refused).
        reportSetupRoles(
            ProfileRules.aiortcSetupHoldconn, "aiortc knows only active, passive and actpass", exactSpelling: true,
            sessionLevel: true)
        // aiortc keeps no DTLS parameters for a section without a role and fails on its
        // transport (aiortc/sdp.py, rtcpeerconnection.py), rejected sections too.
        // It sets up no transport for a section other than audio, video and application.
        for (index, media) in session.media.enumerated()
        where !session.has(.setup) && [.audio, .video, .application].contains(media.media) && !media.has(.setup) {
            report(
                ProfileRules.aiortcSetupRequired, parsed.location(ofSection: index),
                "aiortc needs a=setup in every section; section \(index) (\(media.media)) has none")
        }
        let before = findings.count
        reportAiortcReaderFailures()
        // aiortc reads every section's codecs, rejected or not (aiortc/rtcpeerconnection.py),
        // once its reader has read them all.
        if findings.count == before,
            let index = session.media.indices.first(where: { !Profile.aiortcImplementsACodec(of: session.media[$0]) })
        {
            report(
                ProfileRules.aiortcNoCommonCodec, parsed.location(ofSection: index),
                "aiortc implements none of the codecs of section \(index) (\(session.media[index].media))")
        }
        // A rejected section too (measured: port 0, with BUNDLE or without, refused).
        if let index = session.media.indices.first(where: { index in
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
    /// text as Python reads it (`PythonText`): the model keeps no value that does not parse.
    func reportAiortcReaderFailures() {
        func fail(_ location: SourceLocation, _ why: String) {
            report(ProfileRules.aiortcReaderFails, location, "aiortc's SDP reader fails on this line: \(why)")
        }
        // Its "IN IP4|IP6 <address>" reading of c= and a=rtcp: `^IN (IP4|IP6) ([^ ]+)$`.
        func isAddress(_ text: Substring) -> Bool {
            let parts = text.split(separator: " ", omittingEmptySubsequences: false)
            return parts.count == 3 && parts[0] == "IN" && (parts[1] == "IP4" || parts[1] == "IP6") && !parts[2].isEmpty
        }
        for connection in connections {
            guard let value = value(of: connection.connection.sourceLine) else { continue }
            if !isAddress(Substring(String(decoding: value, as: UTF8.self))) {
                fail(
                    location(of: connection, valueOnly: false), "it reads only \"IN IP4\" or \"IN IP6\" and one address"
                )
            }
        }
        // v= through int() (measured: "v=0x" and "v=0 1" refused).
        if let range = parsed.source.range(ofLine: 1),
            parsed.source.bytes[range].starts(with: [UInt8(ascii: "v"), UInt8(ascii: "=")])
        {
            // Its lines are Python's splitlines(), which ends one at a carriage return, a vertical
            // tab, a form feed and other breaks too.
            let line = Array(parsed.source.bytes[range])
            let bytes = line[..<(Self.pythonLineBreaks(line).first?.lowerBound ?? line.count)].dropFirst(2)
            if PythonText.integer(Substring(String(decoding: bytes, as: UTF8.self))) == nil {
                fail(parsed.source.location(of: range), "it reads v= with int()")
            }
        }
        // A session-level fingerprint too: "<hash> <digest>" (measured: one without a digest refused).
        for (index, attribute) in session.attributes.enumerated()
        where attribute.name == .fingerprint && PythonText.split(attribute.value ?? "").count != 2 {
            fail(attributeLocation(nil, index), "it reads a hash function and a digest")
        }
        for (index, media) in session.media.enumerated() {
            reportAiortcMediaLine(index, media, fail)
            let mapped = Set(
                media.attributes.compactMap {
                    $0.name == .rtpmap ? PythonText.integer(PythonText.splitOnce($0.value ?? "").first) : nil
                })
            for (attributeIndex, attribute) in media.attributes.enumerated() {
                func here() -> SourceLocation { attributeLocation(index, attributeIndex) }
                let (first, rest) = PythonText.splitOnce(attribute.value ?? "")
                switch attribute.name {
                case .rtpmap:
                    // "<pt> <name>/<rate>[/<channels>]": the payload type and the rate through
                    // int(), an audio section's channels too (measured: "a=rtpmap: 111 …" refused).
                    let encoding = rest?.split(separator: "/", omittingEmptySubsequences: false) ?? []
                    if PythonText.integer(first) == nil || encoding.count < 2 || PythonText.integer(encoding[1]) == nil
                        || (media.media == .audio && encoding.count > 2 && PythonText.integer(encoding[2]) == nil)
                    {
                        fail(here(), "it reads a payload type, and a clock rate after the encoding name, with int()")
                    }
                case .rtcpFeedback:
                    // After reading every a=rtpmap, it splits the value at a space and reads a type
                    // for each codec the payload type, or '*', names; it checks nothing else
                    // (measured: "nack?", "x nack" and "111 " taken, "111" refused), which is why
                    // SDP212 is a warning under the profile.
                    if rest == nil,
                        first == "*" ? !mapped.isEmpty : mapped.contains(where: { String($0) == first })
                    {
                        fail(here(), "it needs a feedback type after the payload type")
                    }
                case .extmap:
                    // "<id>[/<direction>] <uri>", split at white space into two, the id through int().
                    let parts = PythonText.split(attribute.value ?? "")
                    let id = parts.first?.split(separator: "/", omittingEmptySubsequences: false) ?? []
                    if parts.count != 2 || id.count > 2 || PythonText.integer(id.first ?? "") == nil {
                        fail(here(), "it reads an id and a URI, and nothing more")
                    }
                case .fmtp:
                    // "<pt> <parameters>", split at the first space (measured: "a=fmtp:111\tminptime=10"
                    // fails, "not enough values to unpack"), for a payload type an a=rtpmap maps.
                    if rest == nil {
                        fail(here(), "it needs a space after the payload type")
                    } else if let pt = PythonText.integer(first), !mapped.contains(pt) {
                        fail(here(), "no a=rtpmap line maps payload type \(pt)")
                    } else if PythonText.integer(first) == nil {
                        fail(here(), "it reads the payload type with int()")
                    } else if let rest,
                        let item = rest.split(separator: ";", omittingEmptySubsequences: false).first(where: { item in
                            let pair = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                            return pair.count == 2 && Self.aiortcIntegerParameters.contains(pair[0])
                                && PythonText.integer(pair[1]) == nil
                        })
                    {
                        // "name=value" items split at ';', then at the first '=', the name as
                        // written; seven parameters' values through int() (measured: "apt=x"
                        // ends the reader, "APT=x" and " apt=x" do not).
                        fail(here(), "it reads '\(item)' with int()")
                    }
                case .fingerprint:
                    // "<hash> <digest>", split at white space into two (measured: a digest without
                    // colons taken, none refused, a tab for the space taken).
                    if PythonText.split(attribute.value ?? "").count != 2 {
                        fail(here(), "it reads a hash function and a digest")
                    }
                case .candidate:
                    // Split at white space; the component, priority and port through int(), which
                    // takes a sign, and the value after an "rport" at an even place from the ninth
                    // field (aiortc/sdp.py, candidate_from_sdp; measured: "+5" and "-5" priorities
                    // taken, "0x10", "1e3", a component "1.0", a port "9x" and "generation 0 rport
                    // x" refused, "x rport x" taken).
                    let parts = PythonText.split(attribute.value ?? "")
                    let numbers =
                        zip(["component", "priority", "port"], [1, 3, 5]).filter { $0.1 < parts.count }
                        .map { ($0.0, parts[$0.1]) }
                        + stride(from: 8, to: parts.count - 1, by: 2).filter { parts[$0] == "rport" }
                        .map { ("rport", parts[$0 + 1]) }
                    if let (field, text) = numbers.first(where: { PythonText.integer($0.1) == nil }) {
                        fail(here(), "it reads the candidate's \(field) '\(text.prefix(16))' with int()")
                    }
                case .sctpmap:
                    // "<port> <description>", split at the first space, the port through int()
                    // (measured: "a=sctpmap:5000" refused, "not enough values to unpack").
                    if rest == nil || PythonText.integer(first) == nil {
                        fail(here(), "it reads a port and a description after a space")
                    }
                case .sctpPort, .maxMessageSize:
                    // int() of the value, which allows white space around it and any size
                    // (measured: a 20-digit max-message-size is taken).
                    if PythonText.integer(Substring(attribute.value ?? "")) == nil {
                        fail(here(), "it reads the value as a whole number")
                    }
                case .ssrc:
                    // "<ssrc> <attribute>:<value>", split at the first space, the SSRC through
                    // int(): one without either ends the reader (measured, and "a=ssrc: 1 …").
                    if PythonText.integer(first) == nil || !(rest?.contains(":") ?? false) {
                        fail(here(), "it reads an attribute and a value after the SSRC")
                    }
                case .rtcp:
                    // "<port>[ IN IP4|IP6 <address>]", split at the first space, the port through
                    // int(), the address unchecked: anything else ends the reader (measured: "x",
                    // "9 IN IP4", "9 XX IP4 …", "9 ", two spaces refused; 70000, "9\t" and
                    // "9 IN IP4 999.1.1.1" taken).
                    if PythonText.integer(first) == nil || rest.map({ !isAddress($0) }) ?? false {
                        fail(here(), "it reads a port, or a port and \"IN IP4\" or \"IN IP6\" and an address")
                    }
                default: break
                }
            }
        }
    }

    /// The a=fmtp parameters aiortc reads with int() (aiortc/sdp.py, FMTP_INT_PARAMETERS).
    static let aiortcIntegerParameters: Set<Substring> = [
        "apt", "max-fr", "max-fs", "maxplaybackrate", "minptime", "stereo", "useinbandfec",
    ]

    /// aiortc's reading of an m= line, `^m=([^ ]+) ([0-9]+) ([A-Z/]+) (.+)$`, with an audio or
    /// video section's formats split at white space and read with int() (aiortc/sdp.py;
    /// measured: "m=audio  9 …", "udp/tls/rtp/savpf", and in a data channel section
    /// "udp/dtls/sctp" refused, two spaces between formats taken).
    private func reportAiortcMediaLine(
        _ index: Int, _ media: MediaDescription, _ fail: (SourceLocation, String) -> Void
    ) {
        guard let value = value(of: media.sourceLine) else { return }
        let parts = value.split(separator: 0x20, maxSplits: 3, omittingEmptySubsequences: false)
        let location = parsed.location(ofSection: index)
        guard parts.count == 4, !parts.contains(where: \.isEmpty) else {
            return fail(location, "it reads a media, a port, a protocol and formats, one space apart")
        }
        guard parts[2].allSatisfy({ $0 == UInt8(ascii: "/") || (65...90).contains($0) }) else {
            return fail(location, "it reads a transport protocol of capitals and slashes only")
        }
        guard Profile.isDecimal(parts[1]) else { return fail(location, "it needs a numeric port") }
        if media.proto.rawValue == "DTLS/SCTP", !(media.formats.first.map { Profile.isDecimal($0.utf8) } ?? false) {
            // It reads DTLS/SCTP's format as the SCTP port, with int() (measured:
            // "webrtc-datachannel" refused).
            return fail(location, "it reads the format of DTLS/SCTP as the SCTP port, a number")
        }
        guard media.media == .audio || media.media == .video else { return }
        let formats = PythonText.split(Substring(String(decoding: parts[3], as: UTF8.self)))
        if formats.contains(where: {
            PythonText.integer($0).map { !(0..<256).contains($0) || (72...76).contains($0) } ?? true
        }) {
            fail(location, "it needs audio and video formats that are numbers below 256, outside 72–76")
        }
    }
}

/// Text as aiortc's Python reads it: `str.split()`, whose white space is `str.isspace()`'s
/// (Unicode's, and the separators U+001C–U+001F), and `int()`.
enum PythonText {
    static func isSpace(_ character: Character) -> Bool {
        character.isWhitespace || ("\u{1C}"..."\u{1F}").contains(character)
    }

    /// `str.split(" ", 1)`: the text before the first space and, if there is one, after it.
    static func splitOnce(_ text: String) -> (first: Substring, rest: Substring?) {
        let parts = text.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: false)
        return (parts.first ?? "", parts.count > 1 ? parts[1] : nil)
    }

    /// `str.split()`: the text between runs of white space, none at either end.
    static func split(_ text: some StringProtocol) -> [Substring] {
        Substring(text).split(whereSeparator: isSpace)
    }

    /// What `int()` reads of the text: white space around an optional sign and decimal digits,
    /// with single underscores between digits; `nil` where it raises. Python's integers have
    /// no bound: past `Int`'s range this gives `Int.max` (or its negative). Its white space is
    /// narrower than `str.split()`'s: of ASCII, only space, tab, LF, VT, FF and CR (measured:
    /// "apt=\u{1F}96" and "opus/48000/2\u{1F}" refused).
    static func integer(_ text: Substring) -> Int? {
        func isSpace(_ character: Character) -> Bool {
            character.asciiValue.map(\.isCSpace) ?? character.isWhitespace
        }
        var body = text.drop(while: isSpace)
        while let last = body.last, isSpace(last) { body = body.dropLast() }
        let negative = body.first == "-"
        if body.first == "+" || body.first == "-" { body = body.dropFirst() }
        // Any Unicode decimal digit counts, as in Python (measured: a component "٣" taken as 3).
        func digit(_ character: Character) -> Int? {
            guard character.unicodeScalars.count == 1, let scalar = character.unicodeScalars.first,
                scalar.properties.numericType == .decimal
            else { return nil }
            return character.wholeNumberValue
        }
        let groups = body.split(separator: "_", omittingEmptySubsequences: false)
        guard !body.isEmpty, groups.allSatisfy({ !$0.isEmpty && $0.allSatisfy { digit($0) != nil } })
        else { return nil }
        let magnitude = groups.joined().reduce(0) { partial, character in
            let (times, overflow) = partial.multipliedReportingOverflow(by: 10)
            let (sum, carry) = times.addingReportingOverflow(digit(character) ?? 0)
            return overflow || carry ? Int.max : sum
        }
        return negative ? -magnitude : magnitude
    }
}
