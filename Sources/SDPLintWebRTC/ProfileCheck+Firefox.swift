import SDPLintDiagnostics
import SDPLintSDP
import SDPLintScanning

/// Firefox: what SIPCC, the SDP reader of Debian's Firefox ESR, and Firefox's JSEP code refuse,
/// measured with Firefox ESR 153 in Conformance/.
extension ProfileCheck {
    func firefox() {
        // SIPCC's reader gives JSEP a section's first a=setup whose role it knows, in any case
        // (measured: "a=setup:holdconn" after "a=setup:actpass" or "a=setup:ACTPASS" taken, after
        // "a=setup:maybe" or an empty one refused), and a section without one the session's,
        // where a holdconn is refused before or after another role (measured: "illegal setup
        // attribute \"holdconn\" at level 1" for a second section without a=setup); it does not
        // look at the role of a rejected section or of one on its BUNDLE group's transport
        // (measured: holdconn on a port-0 section and on a bundle-only one taken).
        let readsSetup = { (section: Int) in
            !self.ridesOnGroupInAnswer(section) && !self.session.media[section].isRejected
                && !self.firefoxSkipsAsBundleOnly(section)
        }
        let inheritsSetup = session.media.indices.contains { readsSetup($0) && !session.media[$0].has(.setup) }
        reportSetupRoles(
            ProfileRules.firefoxSetupHoldconn, "Firefox refuses the holdconn role", firstOnly: true,
            skippingUnknownRoles: true, sessionLevel: inheritsSetup, reads: readsSetup)
        // Firefox reads ASCII only ("SDP contains non ASCII characters at position N", measured
        // with é in s=, i=, o='s username, a=label, a=tool and an ssrc cname).
        if let offset = parsed.source.bytes.firstIndex(where: { $0 > 0x7F }) {
            report(
                ProfileRules.firefoxNonASCII, parsed.source.location(of: offset..<(offset + 1)),
                "Firefox refuses a description with a byte outside ASCII (0x\(String(parsed.source.bytes[offset], radix: 16, uppercase: true)) here)"
            )
        }
        // Firefox reads a fingerprint's digest in capitals only ("Malformed fingerprint token",
        // measured); it reads roles and other values in any case. SIPCC keeps 256 characters of
        // the value (measured with a long hash function before a sha-256 digest: a value of 256
        // and 259 characters taken, of 257 and 258 refused, the digest cut inside a pair).
        if let (section, index, attribute) = firstAttribute(where: { attribute in
            guard attribute.name == .fingerprint else { return false }
            let lowerCase =
                attribute.value?.split(separator: " ").dropFirst().first?.contains { ("a"..."f").contains($0) } ?? false
            let value = sipccValue(of: attribute.sourceLine) ?? []
            return lowerCase
                || (Self.firefoxReadsDigest(value) && !Self.firefoxReadsDigest(value.prefix(Self.sipccStringLength)))
        }) {
            let cut = (sipccValue(of: attribute.sourceLine)?.count ?? 0) > Self.sipccStringLength
            report(
                ProfileRules.firefoxFingerprintDigest, attributeLocation(section, index),
                cut
                    ? "SIPCC keeps \(Self.sipccStringLength) characters of this value, which cuts the digest where Firefox cannot read it (\"Malformed fingerprint token\")"
                    : "Firefox refuses a fingerprint digest in lower-case hex (\"Malformed fingerprint token\")")
        }
        // SIPCC skips a line whose name it cannot read, but not one with nothing to read.
        if let (section, index, _) = firstAttribute(where: {
            $0.name.rawValue.isEmpty && ($0.value ?? "").isEmpty
        }) {
            report(
                ProfileRules.firefoxAttributeWithoutName, attributeLocation(section, index),
                "SIPCC refuses an a= line with neither a name nor a value (\"No attribute type specified\")")
        }
        reportBandwidthLines()
        for (index, media) in session.media.enumerated() where !media.isRejected && media.proto.isSCTP {
            if media.proto.rawValue.uppercased() == "DTLS/SCTP" {
                // A port of 32 bits, as sdp_getnextnumtok reads it (measured: "+5000", "5000x",
                // "-0" and 2^32-1 taken; 2^32, 2^64-1 and "-1" refused).
                guard !(media.formats.first.map { (Self.sipccNumber($0.utf8) ?? .max) <= UInt32.max } ?? false)
                else { continue }
                report(
                    ProfileRules.firefoxDataChannelFormat, parsed.location(ofSection: index),
                    "SIPCC reads DTLS/SCTP with an SCTP port as its format only (\"No sctp port specified in m= media line\")"
                )
            } else if !(media.formats.first?.equalsIgnoringASCIICase("webrtc-datachannel") ?? false) {
                // The first format (measured: "UDP/DTLS/SCTP webrtc-datachannel" after another refused).
                report(
                    ProfileRules.firefoxDataChannelFormat, parsed.location(ofSection: index),
                    "SIPCC refuses \(media.proto) without webrtc-datachannel as its first format (\"No webrtc-datachannel token in m= media line\")"
                )
            }
        }
        // Firefox checks certificates with the SHA family, MD5 and MD2 (measured: sha-999 refused, md5
        // and md2 taken), and not those of a bundle-only section that rides on its group, whose
        // transport is the group's (measured: an offer whose bundle-only data channel section has
        // only a sha-999 fingerprint is taken; a bundle-only video section with an empty, missing
        // or ungrouped mid, or without a group, is refused at its level).
        let supported: Set<String> = ["sha-1", "sha-224", "sha-256", "sha-384", "sha-512", "md5", "md2"]
        for (index, media) in session.media.enumerated()
        where !media.isRejected && (media.proto.isRTP || media.proto.isSCTP) && !ridesOnGroupInAnswer(index)
            && !(media.isBundleOnly && ridesOnGroup(index))
        {
            let own = media.attributes.filter { $0.name == .fingerprint }
            let fingerprints = own.isEmpty ? session.attributes.filter { $0.name == .fingerprint } : own
            // SIPCC splits at spaces and tabs (measured: "sha-256\t7C:6E:…" taken).
            let hashes = fingerprints.compactMap {
                $0.value?.split(whereSeparator: { $0 == " " || $0 == "\t" }).first?.lowercased()
            }
            guard !hashes.isEmpty, !hashes.contains(where: supported.contains) else { continue }
            // Named as written: the reading has '.' for what no token holds (sipccTokens).
            let written = fingerprints.compactMap { fingerprint in
                sipccValue(of: fingerprint.sourceLine).map {
                    String(Self.sipccToken(Substring(decoding: $0, as: UTF8.self)))
                }
            }
            report(
                ProfileRules.firefoxNoSupportedFingerprint,
                own.isEmpty
                    ? parsed.location(ofSection: index)
                    : attributeLocation(index, media.attributes.firstIndex { $0.name == .fingerprint }),
                "Firefox supports no hash function of section \(index)'s fingerprints (\(written.joined(separator: ", ")))"
            )
            break
        }
        var reportedMux = false
        var reportedTransport = false
        let answerFailsFirst = !isAnswer && firefoxAnswerFailsFirst
        for (index, media) in session.media.enumerated() where !media.isRejected {
            // Firefox requires rtcp-mux over the SAVPF protocols only, in a section of any media
            // type (measured without rtcp-mux, in application and video sections, bundled or not:
            // UDP/TLS/RTP/SAVPF, TCP/DTLS/RTP/SAVPF and RTP/SAVPF refused; RTP/AVP, RTP/SAVP and
            // UDP/TLS/RTP/SAVP taken).
            let needsMux = media.proto.isRTP && media.proto.rawValue.uppercased().hasSuffix("RTP/SAVPF")
            // One finding per description: the first section without rtcp-mux.
            if needsMux && !media.has(.rtcpMux) && !reportedMux {
                reportedMux = true
                report(
                    ProfileRules.firefoxRTCPMux, parsed.location(ofSection: index),
                    "Firefox requires a=rtcp-mux in every section over \(media.proto); section \(index) (\(media.media)) has none"
                )
            }
            // A bundle-only section takes its group's transport (measured: taken without its own
            // ICE credentials or a=setup), but Firefox hangs on one without a fingerprint (RFC 8829
            // §7.2's offer), as on an answer's bundled section without one. A data channel section
            // of the draft protocol DTLS/SCTP counts only with a=sctpmap (measured on RFC 9429
            // §7.2's offer: "DTLS/SCTP 5000" taken with a=sctp-port or neither, hangs with a=sctpmap).
            // It hangs only when it would carry media in both that section and its group's first
            // (firefoxCarriesMedia; measured: taken with "foo/90000" in the one or "opus/48000" in
            // the other, or with a=sctp-port:0 in the data channel section). One whose mid repeats
            // its group's tag rides on the tag's section without a hang (measured: "a=mid:0" or
            // "a=mid:0" then "a=mid:1" taken; "a=mid:1" then "a=mid:0" hangs: SIPCC reads the first).
            let bundleOnly = firefoxSkipsAsBundleOnly(index)
            let repeatsTag = readMid(media).map(tags.contains) ?? false
            let draftDataChannel = media.proto.rawValue.uppercased() == "DTLS/SCTP" && !media.has(.sctpmap)
            if (bundleOnly && !repeatsTag && !answerFailsFirst) || ridesOnGroupInAnswer(index),
                media.proto.isRTP || media.proto.isSCTP,
                !media.has(.fingerprint), !session.has(.fingerprint), !draftDataChannel,
                Self.firefoxCarriesMedia(in: media),
                groupTag(of: index).map({ Self.firefoxCarriesMedia(in: session.media[$0]) }) ?? true
            {
                report(
                    ProfileRules.firefoxBundleOnlyWithoutFingerprint, parsed.location(ofSection: index),
                    "Firefox stops answering on a \(bundleOnly ? "bundle-only" : "bundled") section without a=fingerprint (section \(index), \(media.media))"
                )
            }
            if (media.proto.isRTP || media.proto.isSCTP) && !ridesOnGroupInAnswer(index) && !bundleOnly {
                // An offer needs a role SIPCC knows ("Invalid offer, no setup attribute at level
                // N" for an unknown one); an answer without one is taken as active (RFC 4145 §4).
                // SIPCC skips white space before the role (measured: "a=setup: actpass" taken).
                let hasRole = (media.attributes + session.attributes).contains {
                    $0.name == .setup && Setup.parse(value: $0.value?.trimmingASCIISpaces) != nil
                }
                let missing =
                    [Attribute.Name.iceUfrag, .icePwd, .fingerprint].filter { !media.has($0) && !session.has($0) }
                    + (hasRole || isAnswer ? [] : [.setup])
                // One finding per description: the first section that lacks them.
                if !missing.isEmpty && !reportedTransport {
                    reportedTransport = true
                    report(
                        ProfileRules.firefoxTransportEverySection, parsed.location(ofSection: index),
                        "Firefox requires \(missing.map { "a=\($0)" }.joined(separator: ", ")) in section \(index) (\(media.media)) itself"
                    )
                }
            }
            reportExtensionIDs(index, media.attributes)
        }
        // JsepSessionImpl checks the mid of each section it does not take as rejected (measured:
        // 17 characters in a port-0 section taken, in a section in use refused).
        for (index, media) in session.media.enumerated() where !media.isRejected {
            guard let mid = readMid(media), mid.utf8.count > 16 else { continue }
            report(
                ProfileRules.firefoxMidLength,
                attributeLocation(index, media.attributes.firstIndex { $0.name == .mid }),
                "Firefox refuses mid '\(mid.prefix(40))' of section \(index), \(mid.utf8.count) bytes; it takes at most 16"
            )
            break
        }
        // A section in use without a=extmap lines of its own reads the session's (measured: a
        // session-level "a=extmap:15 …" refused "on level 2", the one section without extmap
        // lines, and the same line twice "duplicate extension id 9 on level 0"; taken when that
        // section is rejected).
        if session.media.contains(where: { !$0.isRejected && !$0.has(.extmap) }) {
            reportExtensionIDs(nil, session.attributes)
        }
        // Firefox carries media and data channels over these protocols only, in any case
        // (measured: RTP/AVPF, udp, tcp, udptl, TCP/TLS/RTP/SAVPF and UDP/SCTP refused, in port-0
        // sections too).
        let protocols: Set<String> = [
            "RTP/AVP", "RTP/SAVP", "RTP/SAVPF", "UDP/TLS/RTP/SAVP", "UDP/TLS/RTP/SAVPF", "TCP/DTLS/RTP/SAVP",
            "TCP/DTLS/RTP/SAVPF", "DTLS/SCTP", "UDP/DTLS/SCTP", "TCP/DTLS/SCTP",
        ]
        if let index = session.media.firstIndex(where: { !protocols.contains($0.proto.rawValue.uppercased()) }) {
            report(
                ProfileRules.firefoxTransportProtocol, parsed.location(ofSection: index),
                "Firefox refuses the transport protocol \(session.media[index].proto) (section \(index))")
        }
        // One c= line at the session level too (measured: "c= line specified twice at same level").
        if let second = sessionLines(of: UInt8(ascii: "c")).dropFirst().first,
            let location = parsed.source.location(of: SourceLine(second))
        {
            report(ProfileRules.firefoxConnectionTwice, location, "SIPCC refuses a second c= line at the session level")
        }
        for (index, media) in session.media.enumerated() {
            reportMediaLine(index, media)
            // RFC 3551 §6's reserved types and RFC 5761 §4's 64–95 (measured: every other type of
            // 0–127 taken; these refused with or without rtpmap), among the 30 formats SIPCC reads
            // of an m= line (measured: 19 refused as the 30th format, taken as the 31st).
            // SIPCC reads each format as strtoul does (measured: "1N1" refused as type 1), and
            // Firefox refuses a type above 127 as it reads it (sipccPayloadType).
            if (media.media == .audio || media.media == .video) && !media.isRejected,
                let (format, type) = media.formats.prefix(30).lazy.compactMap({ format in
                    Self.sipccPayloadType(format).map { (format, $0) }
                }).first(where: { [1, 2, 19].contains($0.1) || (64...95).contains($0.1) || $0.1 > 127 })
            {
                let read =
                    Self.sipccNumber(format.utf8) == type ? "" : "SIPCC reads '\(format.prefix(24))' as \(type): "
                if type > 127 {
                    report(
                        ProfileRules.firefoxPayloadTypeRange, parsed.location(ofSection: index),
                        "\(read)Firefox refuses payload type \(type) (\"too large\"); RTP's go up to 127")
                } else {
                    report(
                        ProfileRules.firefoxReservedPayloadType, parsed.location(ofSection: index),
                        "\(read)Firefox refuses payload type \(type) (\"Illegal audio/video payload type\")")
                }
            }
            if ![.audio, .video, .application].contains(media.media) {
                report(
                    ProfileRules.firefoxMediaType, parsed.location(ofSection: index),
                    "Firefox supports audio, video and application sections; this one is \(media.media)")
            }
            if media.connections.count > 1 {
                report(
                    ProfileRules.firefoxConnectionTwice,
                    parsed.source.location(of: media.connections[1].sourceLine)
                        ?? parsed.location(ofSection: index),
                    "SIPCC refuses a second c= line in section \(index)")
            }
        }
        // Firefox matches an answer's formats with its offer by their rtpmap (and a data
        // channel by its port), and assumes no mapping for one without (measured).
        for (index, media) in session.media.enumerated()
        where isAnswer && !media.isRejected {
            let readable: Bool
            if media.proto.isSCTP || media.media == .application {
                // A data channel over SCTP, with a port SIPCC reads as any positive number
                // (measured: 70000 passes); over an RTP protocol it has no format in common.
                readable =
                    media.proto.isSCTP
                    && media.attributes.contains { attribute in
                        attribute.name == .sctpPort && (attribute.value.flatMap { Int($0) }.map { $0 > 0 } ?? false)
                    }
            } else if media.media == .audio || media.media == .video {
                // A repair or redundancy format is no codec in common (measured: an answer
                // left with only rtx is refused).
                let listed = Set(media.payloadTypes)
                readable =
                    listed.contains { RTPMap.staticPayloadType($0) != nil }
                    || media.attributes.contains { attribute in
                        attribute.name == .rtpmap
                            && (attribute.as(RTPMap.self).map {
                                listed.contains($0.payloadType) && $0.clockRate > 0
                                    && !Codec.isResilience($0.encodingName)
                            }
                                ?? false)
                    }
            } else {
                readable = true
            }
            if !readable {
                report(
                    ProfileRules.firefoxAnswerWithoutCodec, parsed.location(ofSection: index),
                    "Firefox finds no format of its offer in section \(index) of this answer: \(media.proto.isSCTP ? "no a=sctp-port" : media.media == .application ? "a data channel needs an SCTP protocol" : "no format has a readable a=rtpmap")"
                )
            }
        }
        // Firefox checks each section's credentials, the session's where the section has none
        // of its own (measured: a short session ufrag or password beside each section's own
        // taken; without them "ice-ufrag is too short at level 0").
        let checked = session.media.indices.filter {
            !session.media[$0].isRejected && !firefoxSkipsAsBundleOnly($0) && !ridesOnGroupInAnswer($0)
        }
        let inherited = [Attribute.Name.iceUfrag, .icePwd].filter { name in
            checked.contains { !session.media[$0].has(name) }
        }
        reportICECredentials(nil, session.attributes, names: inherited)
        for index in checked {
            reportICECredentials(index, session.media[index].attributes, names: [.iceUfrag, .icePwd])
        }
        // SIPCC validates o= and t= (SDP103 reports s= too, which it does not need).
        let absent = [
            session.origin.sourceLine.number == nil ? "o=" : nil,
            session.times.contains { $0.sourceLine.number != nil } ? nil : "t=",
        ].compactMap { $0 }
        if !absent.isEmpty {
            report(
                ProfileRules.firefoxSessionLines, parsed.location(ofSection: nil),
                "SIPCC refuses a description without \(absent.joined(separator: " and ")) (\(absent.count == 1 ? "it is" : "they are") required)"
            )
        }
        // The group's transport comes from its first mid; Firefox skips the others it cannot use.
        for (attributeIndex, attribute) in session.attributes.enumerated() where attribute.name == .group {
            guard let group = attribute.as(Group.self), group.semantics == .bundle, !group.mids.isEmpty,
                let value = attribute.value
            else { continue }
            // SIPCC reads the group's mids and a section's mid as tokens (measured: "a=mid: 0" named
            // by the group, "a=mid:a b" by "a=group:BUNDLE a b 1 2", the same with a tab).
            let semantics = Self.sipccToken(Substring(value))
            let tag = Self.sipccToken(value[semantics.endIndex...])
            let section = session.media.firstIndex { $0.mid.map { Self.sipccToken(Substring($0)) } == tag }
            if let section, !session.media[section].isRejected { continue }
            report(
                ProfileRules.firefoxBundleTag, parsed.location(ofAttribute: attributeIndex, inSection: nil),
                section.map {
                    "the BUNDLE group's first mid '\(tag)' names section \($0), which is rejected (port 0)"
                }
                    ?? "the BUNDLE group's first mid '\(tag)' names no section")
        }
        for line in connections {
            let field = addressField(of: line.connection)
            guard let reason = Self.sipccConnectionRefusal(line.connection, field) else { continue }
            if field?.contains(UInt8(ascii: ":")) ?? false {
                report(
                    ProfileRules.firefoxIPv6UnderIP4, location(of: line, valueOnly: false),
                    "SIPCC refuses the IPv6 address \(line.connection.address) under IP4 (\"Error parsing address\"): \(reason)"
                )
            } else {
                report(
                    ProfileRules.firefoxConnectionHostName, location(of: line, valueOnly: true),
                    "SIPCC refuses this c= address: \(reason)")
            }
            break
        }
        reportRIDLengths()
        reportSIPCCRIDs()
        reportImageattrs()
        reportAttributeReadings()
        reportValueWhiteSpace()
        reportVersion()
        reportTimes()
        reportKeys()
        reportOriginNumbers()
        reportSIPCCReading()
    }

    /// What SIPCC refuses in an IPv4 c= address (sdp_token.c, sdp_parse_connection): it reads
    /// a number of its first three characters, as strtoul does, to tell a multicast address,
    /// and nothing else of it (measured: "0..0.0", "1.2.3" and "12x.0.0.1" taken, "abc" and
    /// "300.1.1.1" refused); after a multicast address's '/' it needs a TTL, of any size, and
    /// after a second '/' a number above 0. It reads no IPv6 address (measured: "xyz" taken).
    static func sipccConnectionRefusal(_ connection: Connection, _ field: ArraySlice<UInt8>?) -> String? {
        guard let field else { return "it has no address (\"No connection address specified\")" }
        // An IPv6 address too (measured: "::1", "fe80::1", "256:1" and "a1:b" refused, "2001:db8::1",
        // "1::2", "1.2.3.4:5" and "9a:b" taken).
        guard connection.addressType.rawValue.uppercased() == "IP4" else { return nil }
        let parts = field.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
        guard let first = Self.sipccNumber(field.prefix(3)) else { return "it does not start with a number" }
        guard first <= 255 else { return "it starts with \(first), above 255" }
        // A TTL that is a number after any address, of any size strtoul reads (measured:
        // "1.2.3.4/5", "224.1.1.1/300", 2^64-1 and -1 taken; "0.0/.0.0" and 2^64 refused, "Invalid
        // TTL: Value must be in the range 0-255").
        guard parts.count > 1 else { return nil }
        guard let ttl = Self.strtoul(parts[1]) else { return "no TTL after the '/'" }
        guard !ttl.overflows else { return "its TTL is past what strtoul reads" }
        guard (224...239).contains(first) else { return nil }
        if parts.count > 2, (Self.sipccNumber(parts[2]) ?? 0) == 0 { return "the number of addresses is not above 0" }
        return nil
    }

    /// A token as SIPCC's sdp_getnextstrtok reads one: spaces and tabs skipped, then up to the next.
    static func sipccToken(_ text: Substring) -> Substring {
        text.drop { $0 == " " || $0 == "\t" }.prefix { $0 != " " && $0 != "\t" }
    }

    /// A number as SIPCC reads one with strtoul: white space, a sign and the digits that follow,
    /// whatever comes after them; `nil` without a digit, and UInt64.max for a negative one.
    static func sipccNumber(_ text: some Collection<UInt8>) -> UInt64? {
        strtoul(text)?.value
    }

    /// strtoul's reading of a number (``sipccNumber(_:)``), and whether it overflowed (ERANGE:
    /// digits past 2^64 - 1, whose value it gives as ULONG_MAX).
    static func strtoul(_ text: some Collection<UInt8>) -> (value: UInt64, overflows: Bool)? {
        var digits = text.drop { $0 == 0x20 || $0 == 0x09 }
        let negative = digits.first == UInt8(ascii: "-")
        if digits.first == UInt8(ascii: "+") || negative { digits = digits.dropFirst() }
        let run = digits.prefix { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
        guard !run.isEmpty else { return nil }
        var value: UInt64 = 0
        for digit in run {
            let (tens, overflow) = value.multipliedReportingOverflow(by: 10)
            let (sum, carry) = tens.addingReportingOverflow(UInt64(digit - UInt8(ascii: "0")))
            guard !overflow && !carry else { return (.max, true) }
            value = sum
        }
        return (negative && value != 0 ? .max : value, false)
    }

    /// SIPCC's reading of b= lines (sdp_token.c, sdp_parse_bandwidth), measured with Firefox ESR
    /// 153 at session and media level: the type is the text up to a ':', leading ones skipped,
    /// and a line without one is refused ("No bandwidth type specified for b=": "b=" and "b=:",
    /// where "b= " and "b=:128" are taken); AS, CT and TIAS, in any case, it reads further and
    /// other types it skips whatever their value (RR, RS, X-YZ, ASX, TIASX and A taken with
    /// "-1", "x" or nothing); after a ':' the value is the next run of bytes other than spaces
    /// and tabs, a number of 32 bits as strtoul reads it ("No BW Value specified": "-1", "x", an
    /// empty value, 2^32 and "AS::128" refused; " 5", "+5", "-0" and "12x" taken). One finding.
    private func reportBandwidthLines() {
        for bandwidth in session.bandwidths + session.media.flatMap(\.bandwidths) {
            guard let text = value(of: bandwidth.sourceLine),
                let location = parsed.source.location(of: inputLine(bandwidth.sourceLine))
            else { continue }
            let typeStart = text.drop { $0 == UInt8(ascii: ":") }
            let type = typeStart.prefix { $0 != UInt8(ascii: ":") }
            guard !type.isEmpty else {
                report(
                    ProfileRules.firefoxBandwidthValue, location,
                    "SIPCC refuses a b= line without a type (\"No bandwidth type specified for b=\")")
                return
            }
            let name = String(decoding: type, as: UTF8.self).uppercased()
            guard ["AS", "CT", "TIAS"].contains(name), type.endIndex < text.endIndex else { continue }
            let value = text[(type.endIndex + 1)...].drop { $0 == 0x20 || $0 == 0x09 }.prefix {
                $0 != 0x20 && $0 != 0x09
            }
            guard (Self.sipccNumber(value) ?? .max) > UInt32.max else { continue }
            let written = String(decoding: value.prefix(24), as: UTF8.self)
            report(
                ProfileRules.firefoxBandwidthValue, location,
                "SIPCC refuses b=\(name) with the value '\(written)', which is not a number of 32 bits (\"No BW Value specified\")"
            )
            return
        }
    }

    /// The payload type SIPCC reads of an m= line's format: a 32-bit number as strtoul reads it
    /// (`nil` past that: the format is not read), kept in 16 bits, of which it takes the high
    /// byte when there is one (sdp_main.c keeps a type so packed; measured: 256 read as 1, 1000
    /// as 3, 65535 and 2^31-1 as 255 and refused, 65536 and 2^31 as 0, 2^32 and -1 taken).
    static func sipccPayloadType(_ format: String) -> UInt64? {
        guard let number = sipccNumber(format.utf8), number <= UInt32.max else { return nil }
        let kept = number & 0xFFFF
        return kept > 0xFF ? kept >> 8 : kept
    }

    /// SIPCC keeps white space at the end of a value, which a=fingerprint's and a=rid's readers
    /// refuse, and a=simulcast's a tab; Firefox splits a=rid at spaces only, so a space after the
    /// colon or a tab is part of the rid (measured with a space and a tab after each line of
    /// browser offers, after each colon and for each first space). One finding.
    private func reportValueWhiteSpace() {
        guard
            let (section, index, attribute) = firstAttribute(where: { attribute in
                guard let value = sipccValue(of: attribute.sourceLine) else { return false }
                let last = value.last ?? 0
                return switch attribute.name {
                case .fingerprint: last == 0x20 || last == 0x09
                case .rid: [0x20, 0x09].contains(value.first ?? 0) || last == 0x20 || value.contains(0x09)
                case .simulcast: last == 0x09
                default: false
                }
            })
        else { return }
        report(
            ProfileRules.firefoxValueWhiteSpace, attributeLocation(section, index),
            "SIPCC reads white space in this a=\(attribute.name) line as part of a field and refuses it")
    }

    /// Each a=imageattr of a media section that Firefox's reader refuses, as SIPCC keeps its
    /// value: up to a carriage return, 256 characters (``firefoxImageattrRefusal(_:)``; measured:
    /// "a=imageattr 111 …", "a=imageattr\t111 …" and "a=imageattr: 111 …" refused, white space
    /// where the payload type starts).
    private func reportImageattrs() {
        for (index, media) in session.media.enumerated() {
            for (attributeIndex, attribute) in media.attributes.enumerated() where attribute.name == .imageattr {
                guard let value = sipccValue(of: attribute.sourceLine),
                    let refusal = Self.firefoxImageattrRefusal(value.prefix(Self.sipccStringLength))
                else { continue }
                report(
                    ProfileRules.firefoxImageattr, attributeLocation(index, attributeIndex),
                    "Firefox refuses this a=imageattr: \(refusal)")
            }
        }
    }

    /// Whether Firefox reads a fingerprint's digest in a value as SIPCC keeps it
    /// (SipccSdpAttributeList::LoadFingerprint, SdpFingerprintAttributeList::ParseFingerprint):
    /// after the hash function and white space, the rest of the value, pairs of upper-case hex
    /// digits with a ':' between each two.
    static func firefoxReadsDigest(_ value: ArraySlice<UInt8>) -> Bool {
        let isSpace = { (byte: UInt8) in byte == 0x20 || byte == 0x09 }
        guard let start = value.firstIndex(where: { !isSpace($0) }),
            let end = value[start...].firstIndex(where: isSpace),
            let digestStart = value[end...].firstIndex(where: { !isSpace($0) })
        else { return false }
        let digest = value[digestStart...]
        return digest.count % 3 == 2
            && digest.enumerated().allSatisfy { offset, byte in
                offset % 3 == 2
                    ? byte == UInt8(ascii: ":")
                    : (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                        || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(byte)
            }
    }

    /// The characters SIPCC keeps of a string it copies out of a line: a field, and the value of
    /// a=rid, a=simulcast and its other simple strings (SDP_MAX_STRING_LEN, sdp_private.h).
    static let sipccStringLength = 256

    /// An attribute line's value as SIPCC reads it, up to a carriage return: after the name,
    /// which ends at a colon, a space or a tab, and one colon.
    func sipccValue(of line: SourceLine) -> ArraySlice<UInt8>? {
        guard let text = value(of: line)?.prefix(while: { $0 != 0x0D }),
            let end = text.firstIndex(where: { $0 == UInt8(ascii: ":") || $0 == 0x20 || $0 == 0x09 })
        else { return nil }
        return text[(text[end] == UInt8(ascii: ":") ? end + 1 : end)...]
    }

    /// A line Firefox reads otherwise than the grammar (``firefoxReading(_:)``: up to a carriage
    /// return inside it, a space or a tab for the colon, a simulcast direction in capitals, 256
    /// characters of a longer a=simulcast value), where the grammar's reading reports the
    /// line's shape (SDP200, SDP227) or its finding stands on bytes Firefox does not read, and
    /// Firefox's reading finds what it refuses: that finding, once per line (measured:
    /// "a=simulcast:Recv h;m;l" beside "a=rid:h send" lines refused, "No rid attribute for 'h'";
    /// "a=simulcast :send q;h;f" refused, "Type must be either 'send' or 'recv'"; a carriage
    /// return after "…:4C:" or "…:9D:C" in a fingerprint refused, "Malformed fingerprint
    /// token", after "…:9D" taken; a simulcast value cut inside a rid refused, "No rid attribute
    /// for 'r0'", or after a ';', "Missing rid", and right after a declared rid taken).
    private func reportAttributeReadings() {
        // Without a reading of its own (the usual text) there is nothing to report.
        guard !firefoxReadingFindings.isEmpty else { return }
        let shapes: Set<Rule.Code> = [SDPRules.simulcastSyntax.code, SDPRules.attributeSyntax.code]
        let tails = Self.carriageReturnTails(parsed.source.bytes)
        let cut = Set(tails.map { parsed.source.location(of: $0).line })
        let longSimulcasts = Set(
            parsed.value.media.flatMap(\.attributes).filter {
                $0.name == .simulcast && ($0.value?.utf8.count ?? 0) > Self.sipccStringLength
            }.compactMap(\.sourceLine.number))
        let reread = cut.union(parsed.diagnostics.filter { shapes.contains($0.code) }.map(\.location.line))
            .union(longSimulcasts)
        /// Whether the grammar's reading reports `finding`'s rule on its line, on bytes Firefox reads.
        func reported(_ finding: Diagnostic) -> Bool {
            parsed.diagnostics.contains { original in
                original.code == finding.code && original.location.line == finding.location.line
                    && !tails.contains { $0.contains(original.location.bytes.lowerBound) }
            }
        }
        var lines: Set<Int> = []
        for finding in firefoxReadingFindings
        where reread.contains(finding.location.line) && profile.judge(finding.code, finding.severity) == .error
            && !reported(finding) && lines.insert(finding.location.line).inserted
        {
            guard
                let (section, index, attribute) = firstAttribute(where: {
                    $0.sourceLine.number == finding.location.line
                })
            else { continue }
            let reading =
                cut.contains(finding.location.line)
                ? "up to the carriage return inside it"
                : longSimulcasts.contains(finding.location.line)
                    ? "up to the 256th character of its value" : "as a=\(attribute.name)"
            report(
                ProfileRules.firefoxAttributeReading, attributeLocation(section, index),
                "Firefox reads this line \(reading), and then: \(finding.message)")
        }
    }

    /// SIPCC's reading of a=rid's id, formats and restrictions (measured: "a-b-c", "h_1" and "h.1"
    /// refused as ids; "pt=x", "pt=96,x" and "pt=200" refused, "pt=+96" taken; "max-width=abc" and
    /// "=-1" refused, "=5x", "=+5", "=0x10" and "max-br=1.5" taken).
    private func reportSIPCCRIDs() {
        let numeric: Set<Substring> = ["max-width", "max-height", "max-fps", "max-fs", "max-br", "max-pps"]
        for (index, media) in session.media.enumerated() {
            for (attributeIndex, attribute) in media.attributes.enumerated() where attribute.name == .rid {
                // Split where SIPCC splits (PRF631 reports a tab it reads as part of a field).
                let fields = (attribute.value ?? "").split(maxSplits: 2, whereSeparator: { $0 == " " || $0 == "\t" })
                guard let id = fields.first else { continue }
                var reason: String?
                if !id.utf8.allSatisfy(\.isAlphanumeric) {
                    reason = "rid '\(id.prefix(32))': SIPCC takes letters and digits alone"
                } else if fields.count > 2 {
                    for item in fields[2].split(separator: ";") where reason == nil {
                        let pair = item.split(separator: "=", maxSplits: 1)
                        guard pair.count == 2 else { continue }
                        if pair[0] == "pt" {
                            let bad = pair[1].split(separator: ",", omittingEmptySubsequences: false)
                                .first { Self.sipccNumber($0.utf8).map { $0 > 127 } ?? true }
                            if let bad {
                                reason = "the format '\(bad.prefix(16))' of rid \(id): SIPCC reads numbers up to 127"
                            }
                        } else if numeric.contains(pair[0]), (Self.sipccNumber(pair[1].utf8) ?? .max) > UInt32.max {
                            reason = "\(pair[0])=\(pair[1].prefix(16)) of rid \(id): SIPCC reads a number there"
                        }
                    }
                }
                guard let reason else { continue }
                report(
                    ProfileRules.firefoxRIDReading, attributeLocation(index, attributeIndex),
                    "Firefox refuses \(reason)")
            }
        }
    }

    /// SIPCC keeps 256 characters of an a=rid value, from which Firefox reads a rid of at most 255
    /// characters and its direction (measured: a rid of 128 taken; of 255, its direction cut,
    /// "Invalid direction"; of 256 and more, "Rid can be at most 255 characters long").
    private func reportRIDLengths() {
        for (index, media) in session.media.enumerated() {
            for (attributeIndex, attribute) in media.attributes.enumerated() where attribute.name == .rid {
                let kept = (attribute.value ?? "").utf8.prefix(Self.sipccStringLength)
                let fields = kept.split(separator: UInt8(ascii: " "), maxSplits: 1)
                guard let rid = fields.first else { continue }
                let direction = fields.count > 1 ? fields[1].prefix { $0 != UInt8(ascii: " ") } : []
                let reason =
                    if rid.count > 255 {
                        "a rid of \(rid.count) characters or more; it reads at most 255"
                    } else if (attribute.value ?? "").utf8.count > Self.sipccStringLength,
                        !["send", "recv"].contains(where: { direction.elementsEqual($0.utf8) })
                    {
                        "this a=rid line: SIPCC keeps 256 characters of its value, which cut its direction"
                    } else {
                        ""
                    }
                guard !reason.isEmpty else { continue }
                report(
                    ProfileRules.firefoxRIDLength, attributeLocation(index, attributeIndex), "Firefox refuses \(reason)"
                )
            }
        }
    }

    /// SIPCC reads each t= line's start and stop times as numbers of at most 32 bits, as strtoul
    /// does, and no field after them (sdp_token.c; measured: "t=0 0 0" taken, "t=x 0" refused).
    private func reportTimes() {
        for time in session.times {
            guard let fields = fields(of: time.sourceLine),
                let location = parsed.source.location(of: time.sourceLine)
            else { continue }
            let readable =
                fields.count >= 2
                && fields.prefix(2).allSatisfy { (Self.sipccNumber($0) ?? .max) <= UInt64(UInt32.max) }
            guard !readable else { continue }
            report(
                ProfileRules.firefoxTiming, location,
                "SIPCC refuses a t= line without two start and stop times it reads as 32-bit numbers")
            return
        }
    }

    /// SIPCC reads a k= line's method up to a colon, skipping colons before it, and its key as
    /// the next field; it refuses a line without a method, and the clear, base64 and uri methods
    /// (in any case) without a key (sdp_token.c; measured at both levels: "k=", "k=:", "k=clear",
    /// "k=CLEAR:", "k=base64:" and "k=clear:\t" refused; "k=prompt", "k=prompt:abc", "k=foo",
    /// "k=:abc" and "k=Base64:abc" taken).
    private func reportKeys() {
        let source = parsed.source
        for number in 1...max(1, source.lineCount) {
            guard let line = source.range(ofLine: number),
                source.bytes[line].starts(with: [UInt8(ascii: "k"), UInt8(ascii: "=")])
            else { continue }
            let value = source.bytes[line].dropFirst(2).prefix { $0 != 0x0D }.drop { $0 == UInt8(ascii: ":") }
            let method = value.prefix { $0 != UInt8(ascii: ":") }
            let key = value.dropFirst(method.count + 1).drop { $0 == 0x20 || $0 == 0x09 }
            let needsKey = ["clear", "base64", "uri"].contains {
                String(decoding: method, as: UTF8.self).equalsIgnoringASCIICase($0)
            }
            guard method.isEmpty || (needsKey && key.isEmpty) else { continue }
            report(
                ProfileRules.firefoxKeyLine, source.location(of: line),
                method.isEmpty
                    ? "SIPCC refuses a k= line without a method (\"No encryption type specified for k=\")"
                    : "SIPCC refuses k=\(String(decoding: method, as: UTF8.self)) without a key (\"No encryption key specified as required\")"
            )
            return
        }
    }

    /// SIPCC reads v='s first field as strtoul does and keeps it in 16 bits; it refuses a version
    /// that does not so read as 0 (sdp_token.c; measured: "v= 0", "v=+0", "v=0x" and "v=0 1"
    /// taken, v=1 refused).
    private func reportVersion() {
        let bytes = parsed.source.bytes
        guard let line = firstLine(where: { $0.starts(with: [UInt8(ascii: "v"), UInt8(ascii: "=")]) }) else { return }
        let start = line.lowerBound
        let end = bytes[line].firstIndex(of: UInt8(ascii: "\r")) ?? line.upperBound
        let field = bytes[(start + 2)..<end].drop { $0 == 0x20 || $0 == 0x09 }.prefix { $0 != 0x20 && $0 != 0x09 }
        let value = Self.sipccNumber(field) ?? .max
        let read = value <= UInt64(UInt32.max)
        guard !read || value & 0xFFFF != 0 else { return }
        report(
            ProfileRules.firefoxVersion, parsed.source.location(of: start..<end),
            read
                ? "SIPCC reads the version as \(value & 0xFFFF) and refuses any but 0"
                : "SIPCC cannot read a version number here")
    }

    /// SIPCC reads six fields of o=, and its session id and version as unsigned 64-bit numbers
    /// that wrap past 2^64-1, refusing one it reads above 2^63-1 (sdp_token.c; measured: 2^63 and
    /// 2^64-1 refused, 2^64 and 98765432109876543210 taken). It reads each o= line before the
    /// first m= line, a repeated one too, which the model does not keep (measured: a second o=
    /// with the version "x" refused, "Invalid owner version specified").
    private func reportOriginNumbers() {
        for (position, number) in sessionLines(of: UInt8(ascii: "o")).enumerated() {
            reportOriginNumbers(SourceLine(number), repeated: position > 0)
        }
    }

    private func reportOriginNumbers(_ line: SourceLine, repeated: Bool) {
        guard let fields = fields(of: line), let location = parsed.source.location(of: line) else { return }
        // Each field into 256 characters; the rest of a longer one is read as the next field
        // (sdp_token.c, sdp_getnextstrtok; measured: a username of 256 characters taken, of 257
        // "Invalid owner session id").
        if let long = fields.first(where: { $0.count > Self.sipccStringLength }) {
            report(
                ProfileRules.firefoxOriginNumber, parsed.source.location(of: long.startIndex..<long.endIndex),
                "SIPCC reads 256 characters of this o= field of \(long.count) and the rest as the next field")
            return
        }
        // Six fields, split at runs of white space; more are not read (measured: a seventh taken).
        guard fields.count >= 6 else {
            report(
                ProfileRules.firefoxOriginNumber, location,
                "SIPCC refuses an o= line of \(fields.count) fields; it reads 6")
            return
        }
        for (field, what) in zip(fields.dropFirst(), ["session id", "session version"]) {
            let fieldLocation = parsed.source.location(of: field.startIndex..<field.endIndex)
            guard Profile.isDecimal(field) else {
                // The first o= line's is SDP135's, which SIPCC refuses too.
                if repeated {
                    report(
                        ProfileRules.firefoxOriginNumber, fieldLocation,
                        "SIPCC reads this repeated o= line too, and refuses its \(what), which is not a number")
                }
                continue
            }
            let read = field.reduce(UInt64(0)) { $0 &* 10 &+ UInt64($1 - UInt8(ascii: "0")) }
            guard read > UInt64(Int64.max) else { continue }
            report(
                ProfileRules.firefoxOriginNumber, fieldLocation,
                "SIPCC reads the \(what) as \(read), above 2^63-1, and refuses it")
        }
    }

    /// Where SIPCC's reading of the text (sdp_main.c, sdp_parse) first departs from the lines as
    /// written, and the text it reads.
    struct SIPCCReading {
        enum Departure {
            /// A line that does not start with one of SDP's types and '=': reading stops there.
            /// With '=' second (an unknown type, or a second v=), SIPCC refuses the description.
            case stop(refused: Bool)
            /// A last line without a line ending, which SIPCC does not read.
            case lastLine
            /// A NUL byte, which ends the text Firefox passes on as a C string
            /// (PeerConnectionImpl::SetRemoteDescription takes a `const char*`), so the line that
            /// holds it is an unended last line, which SIPCC does not read.
            case nul
            /// A carriage return inside a line, which ends the value SIPCC reads.
            case carriageReturn
        }
        var text: [UInt8] = []
        var departure: (kind: Departure, offset: Int)?
        /// Where SIPCC stops reading (a line it cannot read, a NUL, an unended last line), when
        /// it does: it reads nothing from there, whatever departed before.
        var stop: Int?
        /// The bytes SIPCC does not read: each value's after a carriage return inside its line,
        /// and all from where the reading stops.
        var unread: [Range<Int>] = []

        /// SIPCC reads a line up to LF and its value up to a carriage return; it stops at a line
        /// that is not a type it knows followed by '=' (an empty line included), or at a second
        /// v=, and drops a last line without an ending, which the line of a NUL byte becomes.
        init(_ bytes: [UInt8]) {
            scan(bytes, building: false)
            // The text is needed only where the reading departs, which is seldom.
            guard departure != nil else { return }
            departure = nil
            text.reserveCapacity(bytes.count)
            scan(bytes, building: true)
        }

        private mutating func scan(_ bytes: [UInt8], building: Bool) {
            var start = 0
            while start < bytes.count {
                var end = start
                while end < bytes.count && bytes[end] != UInt8(ascii: "\n") && bytes[end] != 0 { end += 1 }
                guard end < bytes.count, bytes[end] != 0 else {
                    if end < bytes.count { depart(.nul, end) } else { depart(.lastLine, start) }
                    if !building { unread.append(start..<bytes.count) }
                    stop = stop ?? start
                    return
                }
                let known =
                    end - start >= 2 && bytes[start + 1] == UInt8(ascii: "=") && Profile.isLineType(bytes[start])
                if !known || (start > 0 && bytes[start] == UInt8(ascii: "v")) {
                    depart(.stop(refused: end - start >= 2 && bytes[start + 1] == UInt8(ascii: "=")), start)
                    if !building { unread.append(start..<bytes.count) }
                    stop = stop ?? start
                    return
                }
                let crlf = bytes[end - 1] == UInt8(ascii: "\r")
                var valueEnd = crlf ? end - 1 : end
                if let carriageReturn = bytes[start..<valueEnd].firstIndex(of: UInt8(ascii: "\r")) {
                    depart(.carriageReturn, carriageReturn)
                    if !building { unread.append(carriageReturn..<valueEnd) }
                    valueEnd = carriageReturn
                }
                if building {
                    text += bytes[start..<valueEnd]
                    if crlf { text.append(UInt8(ascii: "\r")) }
                    text.append(UInt8(ascii: "\n"))
                }
                start = end + 1
            }
        }

        private mutating func depart(_ kind: Departure, _ offset: Int) {
            if departure == nil { departure = (kind, offset) }
        }
    }

    /// What Firefox refuses in the text SIPCC reads, and not in the text as written, is the
    /// doing of the first place the two part (measured: an empty line, a line such as "xyz" or
    /// " a=…", a NUL and a last line without an ending are taken when what follows is not
    /// needed, and refused when it is). One finding, there.
    private func reportSIPCCReading() {
        guard !readsAsWritten else { return }
        let bytes = parsed.source.bytes
        let reading = SIPCCReading(bytes)
        guard let (kind, offset) = reading.departure else { return }
        let readErrors = errors(in: reading.text)
        if let cut = reading.stop {
            // What SIPCC does not read cannot be refused, nor can what needed it: a finding on an
            // earlier line the shorter text does not have (a section without the transport that
            // a dropped a=bundle-only made it borrow), whatever departed before (a carriage
            // return inside a line). Firefox looks for bytes outside ASCII in the whole text
            // first (measured: "SDP contains non ASCII characters" for one after a blank line).
            let kept = Set(readErrors.map { "\($0.code) \($0.message)" })
            dropFindings {
                $0.code != ProfileRules.firefoxNonASCII.code
                    && ($0.location.bytes.lowerBound >= cut
                        || (profile.judge($0.code, $0.severity) == .error && !kept.contains("\($0.code) \($0.message)")))
            }
        }
        let lineEnd = bytes[offset...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
        let location = parsed.source.location(of: offset..<max(offset + 1, lineEnd))
        if case .stop(refused: true) = kind {
            let secondVersion = bytes[offset] == UInt8(ascii: "v")
            if !secondVersion {
                report(
                    ProfileRules.firefoxStopsReading, location,
                    "SIPCC refuses a line whose type, \(bytes[offset].displayed), is not one of SDP's")
                return
            }
        }
        let present = Set(errors(parsed, findings).map { "\($0.code) \($0.message)" })
        guard let refusal = readErrors.first(where: { !present.contains("\($0.code) \($0.message)") })?.message
        else { return }
        let (rule, what): (Rule, String) =
            switch kind {
            case .lastLine:
                (ProfileRules.firefoxLastLineIgnored, "SIPCC drops the last line, which has no line ending; without it")
            case .stop
            where lineEnd - offset <= 1
                || bytes[offset..<lineEnd].allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }):
                (ProfileRules.firefoxEmptyLine, "SIPCC stops reading at this blank line; without the rest")
            case .stop:
                (
                    ProfileRules.firefoxStopsReading,
                    "SIPCC stops reading at this line, which does not start with a type and '='; without the rest"
                )
            case .nul:
                (
                    ProfileRules.firefoxStopsReading,
                    "Firefox passes the text on up to this NUL byte, and SIPCC drops the unended line it cuts; without the rest"
                )
            case .carriageReturn:
                (ProfileRules.firefoxStopsReading, "SIPCC ends the value at this carriage return; so read")
            }
        report(rule, location, "\(what): \(refusal)")
    }

    /// Firefox's refusals of `text`: the grammar's, the WebRTC rules' and this profile's findings,
    /// as Firefox judges them; a general rule's only where it finds something in SIPCC's reading
    /// of the text's values too (``firefoxReading(_:)``, as for the text as written: measured,
    /// "a=rtpmap\r:111 …" is a bare a=rtpmap to SIPCC, which it skips).
    private func errors(in text: [UInt8]) -> [Diagnostic] {
        let read = SessionDescription.parse(bytes: text)
        let check = ProfileCheck(profile, read, type: isAnswer ? .answer : .offer, strict: strict)
        check.readsAsWritten = true
        check.firefox()
        let type: SDPType = isAnswer ? .answer : .offer
        let found = Self.firefoxReading(read).map { reading in
            Set((reading.diagnostics + WebRTCChecks.run(reading, type: type, strict: strict)).map(\.code))
        }
        return errors(read, check.findings).filter {
            $0.code.rawValue.hasPrefix("PRF") || found?.contains($0.code) ?? true
        }
    }

    /// Of a description and this profile's findings of it, the findings Firefox refuses it for.
    private func errors(_ parsed: ParseResult<SessionDescription>, _ own: [Diagnostic]) -> [Diagnostic] {
        (parsed.diagnostics + WebRTCChecks.run(parsed, type: isAnswer ? .answer : .offer, strict: strict) + own)
            .filter { profile.judge($0.code, $0.severity) == .error }
    }

    /// The id of an a=extmap line SIPCC reads whole, for its check of ids mapped twice: the id
    /// as strtoul reads it ("+3" and "3x" are 3), a direction it knows after '/', in any case, and
    /// a URI after white space; `nil` for a line it does not read (measured: "3/bogus", "3/" and
    /// "3/sendonly/x" beside another 3 taken, "+3" and "3x" refused as "duplicate extension id").
    static func sipccExtensionID(_ value: String) -> UInt64? {
        // White space before the id it skips (sdp_getnextnumtok; measured: "a=extmap 1 urn:…",
        // whose name SIPCC ends at the space, beside another id 1 refused).
        let value = value.drop { $0 == " " || $0 == "\t" }
        let id = value.prefix { $0 != " " && $0 != "\t" && $0 != "/" }
        // sdp_getnextnumtok fails past 32 bits, and the line is not read (measured: 2^32 and -1
        // taken beside the 2^32-1 refused).
        guard let number = sipccNumber(id.utf8), number <= UInt32.max else { return nil }
        var rest = value[id.endIndex...]
        if rest.first == "/" {
            let direction = rest.dropFirst().prefix { $0 != " " && $0 != "\t" }
            guard ["sendrecv", "sendonly", "recvonly", "inactive"].contains(direction.lowercased()) else { return nil }
            rest = rest.dropFirst(direction.count + 1)
        }
        let uri = rest.drop { $0 == " " || $0 == "\t" }.prefix { $0 != " " && $0 != "\t" }
        return rest.first == " " || rest.first == "\t" ? (uri.isEmpty ? nil : number) : nil
    }

    /// Reports what Firefox refuses of the a=extmap lines of a level (`nil`: the session's):
    /// an id outside 1–14, and one mapped twice.
    private func reportExtensionIDs(_ section: Int?, _ attributes: [Attribute]) {
        var ids: Set<UInt64> = []
        for (attributeIndex, attribute) in attributes.enumerated() where attribute.name == .extmap {
            reportExtensionIDRange(section, attributeIndex, attribute)
            if let id = Self.sipccExtensionID(attribute.value ?? ""), !ids.insert(id).inserted {
                report(
                    ProfileRules.firefoxDuplicateExtensionID, attributeLocation(section, attributeIndex),
                    "Firefox refuses a second mapping of extension id \(id) \(section == nil ? "at the session level" : "in one section")"
                )
            }
        }
    }

    /// Reports the id SIPCC reads of an a=extmap line when it is outside 1–14; a line it does
    /// not read whole, without a URI or with a direction it does not know, it skips (measured:
    /// "0/sideways", "15/" and "15/send" taken, "0/SENDRECV" and "15/Recvonly" refused).
    private func reportExtensionIDRange(_ section: Int?, _ attributeIndex: Int, _ attribute: Attribute) {
        guard let id = Self.sipccExtensionID(attribute.value ?? ""), id == 0 || id > 14 else { return }
        report(
            ProfileRules.firefoxExtensionIDRange, attributeLocation(section, attributeIndex),
            "Firefox supports header extension ids 1–14; this one is \(id)")
    }

    /// Whether Firefox leaves a section's transport to its BUNDLE group's tag as a bundle-only
    /// one: a=bundle-only in a section that rides on its group (RFC 9143 §6). Outside a group
    /// the section is read like any other (measured: a three-character ufrag in a bundle-only
    /// section taken in the group, refused once the group names only the first mid, "ice-ufrag
    /// is too short at level 1").
    func firefoxSkipsAsBundleOnly(_ index: Int) -> Bool {
        session.media[index].has(.bundleOnly) && ridesOnGroup(index)
    }

    /// SIPCC's floor on ICE credentials, per level (RFC 8839 §5.4 gives 4 and 22), and Firefox's
    /// refusal of a '$' in them, on the first ufrag and password of the level, which are the
    /// ones it reads (measured: a short ufrag after a good one taken, before it refused).
    func reportICECredentials(_ section: Int?, _ attributes: [Attribute], names: [Attribute.Name]) {
        for attributeIndex in Self.keptIndices(of: names, in: attributes, keepingLast: false) {
            let attribute = attributes[attributeIndex]
            let (what, minimum) =
                switch attribute.name {
                case .iceUfrag: ("ufrag", 4)
                case .icePwd: ("password", 22)
                default: ("", 0)
                }
            let value = attribute.value ?? ""
            let length = value.count
            guard length < minimum || value.contains("$") else { continue }
            report(
                ProfileRules.firefoxICECredentials,
                attributeLocation(section, attributeIndex),
                length < minimum
                    ? "Firefox refuses an ICE \(what) of \(length) characters; it needs at least \(minimum)"
                    : "Firefox refuses an ICE \(what) with '$' (\"contains invalid characters\")")
        }
    }
    /// The m= line faults SIPCC refuses, read from the line itself (the model keeps no bad port).
    func reportMediaLine(_ index: Int, _ media: MediaDescription) {
        // Split at spaces and tabs (measured: "m=audio 9\tUDP/TLS/RTP/SAVPF …" taken).
        guard let fields = fields(of: media.sourceLine), fields.count >= 3 else { return }
        // SIPCC reads the port with strtoul, which takes a leading '+' and stops at the first
        // byte that is not a digit (measured: "+9" and "9," taken, "nine" refused), into 32 bits
        // where 2^32-1 marks no port (measured: refused; 2^32-2 taken). sipccPorts has the rest.
        let port = Self.sipccNumber(fields[1])
        let reason =
            if port == nil {
                "the port is not a number"
            } else if let port, port >= UInt32.max {
                "the port is not a number up to 2^32-2 (\(port == UInt32.max ? "2^32-1" : "past 32 bits"))"
            } else if fields.count == 3 && media.proto.isSCTP {
                "an SCTP section needs its format (webrtc-datachannel)"
            } else {
                ""
            }
        guard !reason.isEmpty else { return }
        report(
            ProfileRules.firefoxMediaLine, parsed.location(ofSection: index),
            "SIPCC refuses this m= line: \(reason)")
    }

    /// The description as Firefox reads its text, where that differs from the grammar's
    /// reading: values end at a carriage return inside their line
    /// (``valuesEndingAtCarriageReturn(_:endingAtNUL:)``); an a= line's name ends at a colon, a
    /// space or a tab, and one colon after it is skipped (sdp_main.c), so "a=mid 0" reads as
    /// "a=mid: 0" (measured with Firefox ESR 153: a space or a tab for the colon taken for mid,
    /// ice-ufrag, ice-pwd, setup and fingerprint; "a=mid :0", "a=setup :actpass" and
    /// "a=fingerprint :sha-256 …" refused, their values starting with the colon); a value
    /// attribute with an empty value is skipped; and the
    /// directions of a=rid and a=simulcast, which RFC 8851 §10 and RFC 8853 §5.1 write in lower
    /// case (%s"send"), are read in any case (measured: "SEND", "Send" and "sEnD" taken in
    /// either line or both; Chromium 156 refuses them in a=simulcast), and lowered here.
    static func firefoxReading(_ parsed: ParseResult<SessionDescription>) -> ParseResult<SessionDescription>? {
        var read = valuesEndingAtCarriageReturn(parsed)
        if let names = sipccNames(read ?? parsed) { read = names }
        if let directions = sipccDirections(read ?? parsed) { read = directions }
        if let ports = sipccPorts(read ?? parsed) { read = ports }
        if let tokens = sipccTokens(read ?? parsed) { read = tokens }
        return read
    }

    /// `parsed` with a=mid's and a=setup's values as the token SIPCC reads of them, white space
    /// before it skipped and the rest not read (measured: "a=mid: 0" and "a=mid:a b" named "0"
    /// and "a" by a BUNDLE group, "a=setup:actpass actpass" taken), and a fingerprint's hash
    /// function with '.' for each byte no token holds, as Firefox takes any word there for a
    /// hash it does not know (measured: "55:36", "sha-256:x" and "sha@256" beside a sha-256
    /// fingerprint taken, alone refused; PRF607); and a=simulcast's value cut after 256 bytes,
    /// as SIPCC keeps a simple string (sdp_attr.c; measured: ids cut there "No rid attribute",
    /// a cut after a ';' "Missing rid", a cut after a whole id taken); `nil` where all read whole.
    private static func sipccTokens(_ parsed: ParseResult<SessionDescription>) -> ParseResult<SessionDescription>? {
        let source = parsed.source
        var edits: [(range: Range<Int>, bytes: [UInt8])] = []
        for attribute in ([parsed.value.attributes] + parsed.value.media.map(\.attributes)).joined()
        where [.mid, .setup, .fingerprint, .simulcast].contains(attribute.name) {
            guard let value = attribute.value,
                let line = attribute.sourceLine.number.flatMap(source.range(ofLine:)),
                let colon = source.bytes[line].firstIndex(of: UInt8(ascii: ":"))
            else { continue }
            if attribute.name == .simulcast {
                let end = colon + 1 + sipccStringLength
                if line.upperBound > end { edits.append((end..<line.upperBound, [])) }
            } else if attribute.name == .fingerprint {
                let hash = source.bytes[(colon + 1)..<line.upperBound].prefix { $0 != 0x20 && $0 != 0x09 }
                if hash.contains(where: { !$0.isTokenChar }) {
                    edits.append(
                        (hash.startIndex..<hash.endIndex, hash.map { $0.isTokenChar ? $0 : UInt8(ascii: ".") }))
                }
            } else if value.utf8.contains(where: { $0 == 0x20 || $0 == 0x09 }) {
                edits.append(((colon + 1)..<line.upperBound, Array(Self.sipccToken(Substring(value)).utf8)))
            }
        }
        guard !edits.isEmpty else { return nil }
        return parse(source.bytes, replacing: edits)
    }

    /// `parsed` with each m= port as SIPCC keeps it, in 16 bits (measured: "65536", "2^31" and
    /// "-0" as 0, a rejected section; "2^31-1" as 65535; "+1" as 1); `nil` where all read as
    /// written. A port it cannot read is PRF610's.
    private static func sipccPorts(_ parsed: ParseResult<SessionDescription>) -> ParseResult<SessionDescription>? {
        let bytes = parsed.source.bytes
        var edits: [(range: Range<Int>, bytes: [UInt8])] = []
        for media in parsed.value.media {
            guard let line = media.sourceLine.number.flatMap(parsed.source.range(ofLine:)),
                let space = bytes[line].firstIndex(where: { $0 == 0x20 || $0 == 0x09 })
            else { continue }
            let start = bytes[space..<line.upperBound].firstIndex { $0 != 0x20 && $0 != 0x09 } ?? line.upperBound
            let field = bytes[start..<line.upperBound].prefix { $0 != 0x20 && $0 != 0x09 && $0 != UInt8(ascii: "/") }
            guard let number = sipccNumber(field), number < UInt32.max else { continue }
            let kept = Array(String(number & 0xFFFF).utf8)
            if !field.elementsEqual(kept) { edits.append((start..<field.endIndex, kept)) }
        }
        guard !edits.isEmpty else { return nil }
        return parse(bytes, replacing: edits)
    }

    /// `parsed` with a colon where SIPCC ends an a= line's name at a space or a tab, and with a
    /// known value attribute whose value is empty renamed, as SIPCC skips it (measured: "a=mid",
    /// "a=mid:", "a=ice-ufrag:" and "a=setup:" refused as missing, "a=rtcp-fb", "a=fmtp:",
    /// "a=rid:" and 19 others taken; "a=ice-ufrag: " is read, "too short"); `nil` for neither.
    private static func sipccNames(_ parsed: ParseResult<SessionDescription>) -> ParseResult<SessionDescription>? {
        let source = parsed.source
        // Each insertion: an empty range where it goes, and what.
        let insertions = ([parsed.value.attributes] + parsed.value.media.map(\.attributes)).joined().compactMap {
            attribute -> (range: Range<Int>, bytes: [UInt8])? in
            guard let line = attribute.sourceLine.number.flatMap(source.range(ofLine:)), line.count > 2,
                source.bytes[line.lowerBound] == UInt8(ascii: "a")
            else { return nil }
            let nameStart = line.lowerBound + 2
            let end =
                source.bytes[nameStart..<line.upperBound].firstIndex {
                    $0 == UInt8(ascii: ":") || $0 == 0x20 || $0 == 0x09
                } ?? line.upperBound
            if attribute.name.isKnown {
                // Its value is empty when nothing follows the name and the byte after it.
                guard !attribute.name.isProperty, end + 1 >= line.upperBound else { return nil }
                return (nameStart..<nameStart, Array("x-".utf8))
            }
            guard end < line.upperBound, end > nameStart, source.bytes[end] != UInt8(ascii: ":") else { return nil }
            return (end..<end, [UInt8(ascii: ":")])
        }
        guard !insertions.isEmpty else { return nil }
        return parse(source.bytes, replacing: insertions)
    }

    /// `parsed` with the directions of its a=rid and a=simulcast lines in lower case, or `nil`
    /// when they are.
    private static func sipccDirections(_ parsed: ParseResult<SessionDescription>) -> ParseResult<SessionDescription>? {
        let source = parsed.source
        // The direction fields: a=rid's second, a=simulcast's first and third.
        var directions: [Range<Int>] = []
        for media in parsed.value.media {
            for attribute in media.attributes where attribute.name == .rid || attribute.name == .simulcast {
                guard let line = attribute.sourceLine.number.flatMap(source.range(ofLine:)),
                    let colon = source.bytes[line].firstIndex(of: UInt8(ascii: ":"))
                else { continue }
                let positions = attribute.name == .rid ? [1] : [0, 2]
                var field = 0
                var start = colon + 1
                for end in (colon + 1)...line.upperBound
                where end == line.upperBound || source.bytes[end] == UInt8(ascii: " ") {
                    let bytes = source.bytes[start..<end]
                    if positions.contains(field),
                        bytes.elementsEqual("send".utf8, by: { $0 | 0x20 == $1 })
                            || bytes.elementsEqual("recv".utf8, by: { $0 | 0x20 == $1 }),
                        bytes.contains(where: { $0 < UInt8(ascii: "a") })
                    {
                        directions.append(start..<end)
                    }
                    field += 1
                    start = end + 1
                }
            }
        }
        guard !directions.isEmpty else { return nil }
        return parse(source.bytes, replacing: directions.map { ($0, source.bytes[$0].map { $0 | 0x20 }) })
    }

    /// The session's c= line in a description without sections SIPCC reads, which Firefox does
    /// not read: it checks a c= line's types for the sections that use it (measured: "c=IN IP5 …"
    /// taken in a description without m= lines, refused with one).
    static func firefoxUnusedConnection(
        _ parsed: ParseResult<SessionDescription>, _ reading: SIPCCReading
    )
        -> [Range<Int>]
    {
        guard let line = parsed.value.connection?.sourceLine.number, let range = parsed.source.range(ofLine: line)
        else { return [] }
        // The sections SIPCC reads: those before where it stops (measured: a last m= line without
        // a line ending dropped, and "c=N IP4 …" then taken).
        let stop = reading.stop ?? parsed.source.bytes.count
        let sections = parsed.value.media.lazy.compactMap { $0.sourceLine.number.flatMap(parsed.source.range(ofLine:)) }
        return sections.contains { $0.lowerBound < stop } ? [] : [range]
    }

    /// Whether Firefox's answer to this offer fails before it gets to where it hangs on a
    /// bundle-only section without a fingerprint (PRF615), measured on RFC 8829 §7.2's offer:
    /// - it finds no transceiver for a section: a second data channel section, in use or
    ///   rejected ("No transceiver for level 1"), or a BUNDLE group naming, after its first mid,
    ///   one that no section has ("No transceiver for bundled mid zz"; a group naming an unknown
    ///   mid first is refused, PRF608's);
    /// - an audio section maps an extension Firefox answers with to a second id, not inactive
    ///   ("Answer changed id for extmap attribute": sdes:mid, ssrc-audio-level and
    ///   csrc-audio-level; toffset, an unknown URI, a second id marked inactive and a session
    ///   a=extmap beside the section's hang).
    var firefoxAnswerFailsFirst: Bool {
        let dataChannels = session.media.filter { $0.media == .application && $0.proto.isSCTP }
        let mids = Set(session.media.compactMap(readMid))
        let answered: Set<String> = [
            "urn:ietf:params:rtp-hdrext:sdes:mid", "urn:ietf:params:rtp-hdrext:ssrc-audio-level",
            "urn:ietf:params:rtp-hdrext:csrc-audio-level",
        ]
        let remapped = session.media.contains { media in
            guard media.media == .audio && !media.isRejected else { return false }
            let maps = media.values(ExtMap.self).filter { answered.contains($0.uri) && $0.direction != .inactive }
            return Set(maps.map(\.uri)).count < maps.count
        }
        return dataChannels.count > 1 || remapped
            || session.bundleGroups.contains { $0.dropFirst().contains { !mids.contains($0) } }
    }

    /// The section whose transport a bundled section rides on: its BUNDLE group's first.
    func groupTag(of index: Int) -> Int? {
        guard let mid = session.media[index].mid,
            let tag = session.bundleGroups.first(where: { $0.contains(mid) })?.first
        else { return nil }
        return session.media.firstIndex { $0.mid == tag }
    }

    /// Whether Debian's Firefox ESR would carry media in a section: for an RTP audio or video
    /// section, a format it implements, by name in any case and clock rate, and for audio
    /// channels (measured with a bundle-only section: opus/48000/2, G722, PCMU, PCMA,
    /// telephone-event, VP8, VP9 and AV1 count; H264, which the build lacks, H265, CN, ISAC, red,
    /// rtx, ulpfec, opus/48000 and PCMU/8000/2 do not); for a data channel section over
    /// UDP/DTLS/SCTP or TCP/DTLS/SCTP, a first a=sctp-port that SIPCC reads as a port other than 0
    /// (measured with a bundle-only one: 5000, 1, 65535 and 65536 count; 0, none, "x" and an
    /// empty one do not); an application section over another protocol, which it rejects in
    /// its answer, does not (measured with a bundle-only one over RTP/AVP and UDP/TLS/RTP/SAVP);
    /// any other section counts.
    static func firefoxCarriesMedia(in media: MediaDescription) -> Bool {
        if media.proto.isSCTP && media.proto.rawValue.uppercased() != "DTLS/SCTP" {
            let port = media.attributes.first { $0.name == .sctpPort }?.value ?? ""
            return Profile.isDecimal(port.utf8) && port.contains { $0 != "0" }
        }
        if media.media == .application && !media.proto.isSCTP { return false }
        let implemented: [MediaDescription.MediaType: [(name: String, clockRate: Int, channels: Int?)]] = [
            .audio: [
                ("opus", 48000, 2), ("G722", 8000, 1), ("PCMU", 8000, 1), ("PCMA", 8000, 1),
                ("telephone-event", 8000, 1),
            ],
            .video: [("VP8", 90000, nil), ("VP9", 90000, nil), ("AV1", 90000, nil)],
        ]
        guard media.proto.isRTP, let codecs = implemented[media.media] else { return true }
        return media.codecs.contains { codec in
            codecs.contains {
                codec.name.equalsIgnoringASCIICase($0.name) && codec.clockRate == $0.clockRate
                    && ($0.channels == nil || codec.channels == $0.channels)
            }
        }
    }
}
