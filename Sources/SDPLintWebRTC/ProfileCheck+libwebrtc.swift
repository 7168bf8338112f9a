import SDPLintDiagnostics
import SDPLintICE
import SDPLintSDP
import SDPLintScanning

/// Chromium and Safari: what libwebrtc refuses (pc/webrtc_sdp.cc, pc/sdp_offer_answer.cc,
/// pc/jsep_transport.cc), measured with Chromium 156 in Conformance/.
extension ProfileCheck {
    func libwebrtc() {
        // SDP133's findings (an unregistered type), less, in an offer, those on the m= line of a
        // section other than audio and video: libwebrtc rejects that section unread (measured:
        // m=application with an unknown protocol is taken, and answered with port 0). In an
        // answer such a section no longer matches its offer's ("The order of m-lines in answer
        // doesn't match order in offer").
        // An audio or video m= line's protocol is PRF114's own test below.
        let unreadLines = Set(
            session.media.filter { $0.media == .audio || $0.media == .video || !isAnswer }
                .compactMap(\.sourceLine.number))
        // An a= line's findings are its own attribute's (an a=rtcp address, which libwebrtc does not
        // read: measured, "a=rtcp:9 XX IP4 …" is taken).
        // Nor does it read o='s types (measured: "o=- 1 2 IN IP …" and "XX IP4" taken); c='s are
        // libwebrtcConnections()'s.
        for finding in parsed.diagnostics
        where finding.code == "SDP133" && !unreadLines.contains(finding.location.line)
            && !isAttributeLine(finding.location.line) && !lineStarts(finding.location.line, with: UInt8(ascii: "o"))
            && !lineStarts(finding.location.line, with: UInt8(ascii: "c"))
        {
            report(ProfileRules.unknownProtocol, finding.location, "libwebrtc refuses this: \(finding.message)")
        }
        // libwebrtc compares a c= address's family with its type; it does not read o='s address.
        for finding in parsed.diagnostics
        where finding.code == "SDP136" && lineStarts(finding.location.line, with: UInt8(ascii: "c")) {
            report(ProfileRules.connectionAddressFamily, finding.location, "libwebrtc refuses this: \(finding.message)")
        }
        libwebrtcVideoRTX()
        libwebrtcBundledExtensionIDs()
        libwebrtcSSRCGroupsAndDataChannels()
        libwebrtcLineShapes()
        // libwebrtc makes certificates' fingerprints with the SHA family only and refuses an MD
        // one (measured: md5 is "Failed to create fingerprint from the digest"); SDP237 reports
        // a name it does not know.
        if let (section, index, _) = firstAttribute(where: {
            $0.name == .fingerprint
                && ["md5", "md2"].contains($0.as(Fingerprint.self)?.hashFunction.lowercased() ?? "")
        }) {
            report(
                ProfileRules.fingerprintHashMD, attributeLocation(section, index),
                "libwebrtc makes no fingerprint with an MD hash function (\"Failed to create fingerprint from the digest\")"
            )
        }
        // Checked in audio and video sections only (measured: m=text, m=message and an
        // application section over RTP with a=extmap beside the session's taken, at port 9 and 0).
        if let sessionMap = session.attributes.first(where: { $0.name == .extmap }),
            let section = session.media.indices.first(where: {
                [.audio, .video].contains(session.media[$0].media) && session.media[$0].has(.extmap)
            })
        {
            report(
                ProfileRules.extmapAtBothLevels,
                attributeLocation(section, session.media[section].attributes.firstIndex { $0.name == .extmap }),
                "libwebrtc refuses a=extmap in section \(section) beside the session's a=extmap\(sessionMap.sourceLine.number.map { " (line \($0))" } ?? "")"
            )
        }
        libwebrtcSessionExtensionIDs()
        // It skips the session's b= lines unread (measured: "b=AS500", "b=AS:abc" and "b=X" taken
        // there, refused in a section).
        for line in bandwidthLines(atSessionLevel: false) {
            guard let written = line.value else {
                report(ProfileRules.bandwidthValue, line.location, "libwebrtc refuses a b= line without ':'")
                continue
            }
            // AS and TIAS as written, their value after the run of colons (rtc::tokenize_first),
            // a signed 32-bit number, not negative (measured: "-0", "00" and "AS:::5" taken; "+0",
            // "-1", " 5", "5 ", 2^32 and "AS::x" refused; "as:-1", "tias:-1" and "CT:x" taken).
            let value = written.drop { $0 == ":" }
            if line.type == "AS" || line.type == "TIAS", (Self.libwebrtcInteger(value) ?? -1) < 0 {
                report(
                    ProfileRules.bandwidthValue, line.location,
                    "libwebrtc refuses b=\(line.type) with the value '\(value.prefix(24))', which is not a whole number of 32 bits"
                )
            }
        }
        // An a= line with nothing after it, or with a space before the name: libwebrtc skips
        // unreadable names, not these (measured: "a=" and "a=  setup:actpass" refused; a tab
        // before the name makes one it does not read, "a=\trtcp-fb:9 transport-cc" taken).
        if let (section, index, attribute) = firstAttribute(where: {
            ($0.name.rawValue.isEmpty && $0.value == nil) || $0.name.rawValue.first == " "
        }) {
            report(
                ProfileRules.emptyAttributeLine, attributeLocation(section, index),
                attribute.name.rawValue.isEmpty
                    ? "libwebrtc refuses a line that is only 'a='"
                    : "libwebrtc refuses a space before an attribute's name")
        }
        libwebrtcConnections()
        // libwebrtc takes a property attribute's name followed by ' ' or ':' only: "a=rtcp-mux\t"
        // is no rtcp-mux to it (measured: refused in a BUNDLE group; "a=rtcp-mux " is taken).
        // An application section over RTP is one libwebrtc does not use: it takes one without
        // rtcp-mux (measured), as it takes a port-0 bundle-only section without (below).
        let rtpMedia = { (media: MediaDescription) in
            !media.isRejected && media.proto.isRTP && (media.media == .audio || media.media == .video)
        }
        for (index, media) in session.media.enumerated() where rtpMedia(media) && !media.isBundleOnly {
            let muxes = media.attributes.filter { $0.name == .rtcpMux }
            guard !muxes.isEmpty, muxes.allSatisfy({ $0.trailingWhitespace?.first == "\t" }) else { continue }
            report(
                ProfileRules.rtcpMuxRequired, parsed.location(ofSection: index),
                "libwebrtc does not read a=rtcp-mux followed by a tab; section \(index) has no other")
        }
        // Every audio and video section needs rtcp-mux, bundled or not (Chromium's peer
        // connections require it: "RTCP-MUX is not enabled when it is required", measured), the
        // BUNDLE tag and those that leave their transport to it alike (WEB113 is the standard's
        // finding, about bundled sections, an application one over RTP too). A port-0
        // bundle-only section is exempt: Chromium 156 accepts RFC 8829 §7.3's first offer, whose
        // video section is one (measured in Conformance/). A section outside BUNDLE without DTLS
        // or ICE is PRF104's or PRF105's: a SIP offer is refused for those first.
        for (index, media) in session.media.enumerated()
        where rtpMedia(media) && !media.has(.rtcpMux) && !media.isBundleOnly
            && (readMid(media).map(bundled.contains) == true
                || ((media.has(.fingerprint) || session.has(.fingerprint)) && missingCredentials(index).isEmpty))
        {
            report(
                ProfileRules.rtcpMuxRequired, parsed.location(ofSection: index),
                ridesOnGroup(index)
                    ? "libwebrtc requires a=rtcp-mux in every audio and video section; section \(index) leaves it to its BUNDLE tag"
                    : "libwebrtc requires a=rtcp-mux in every audio and video section; section \(index) has none")
        }
        // One finding per description: the first section without DTLS or SDES (WEB102 reports
        // the WebRTC transports, PRF101 the SDES ones).
        // The sections libwebrtc reads (libwebrtcReads), less one whose mid another section
        // has too: libwebrtc refuses that first ("Duplicate a=mid value", PRF107).
        let readMids = session.media.map(readMid)
        var sectionsOfMid: [String: Int] = [:]
        for mid in readMids.compactMap({ $0 }) { sectionsOfMid[mid, default: 0] += 1 }
        let used = session.media.indices.filter { index in
            libwebrtcReads(index) && (readMids[index].map { sectionsOfMid[$0] == 1 } ?? true)
        }
        // libwebrtc compares a group's semantics exactly ("BUNDLE"): a group written "bundle",
        // which RFC 5888's grammar allows, is no group to it, and a section that leaves its
        // fingerprint to that group has none (measured: RFC 8829 §7.2's offer with
        // a=group:bundle is refused, "Called with SDP without DTLS fingerprint").
        let exactlyBundled = Set(
            session.values(Group.self).filter { $0.semantics.rawValue == Group.Semantics.bundle.rawValue }
                .flatMap(\.mids))
        func leftToAnUnreadGroup(_ index: Int) -> Bool {
            ridesOnGroup(index) && !(readMid(session.media[index]).map(exactlyBundled.contains) ?? false)
        }
        // A section that rides on its BUNDLE group needs no fingerprint of its own, whatever its
        // protocol (measured: a bundled section after the first, at a port of its own, without
        // a=fingerprint, is taken over RTP/AVP, RTP/SAVPF, UDP/TLS/RTP/SAVP and others); WEB102
        // reports it by JSEP's rule.
        let withoutDTLS = used.first(where: { index in
            let media = session.media[index]
            return (media.proto.isRTP || Self.libwebrtcReadsAsSCTP(media.proto)) && !media.has(.fingerprint)
                && !session.has(.fingerprint) && !media.has(.crypto)
                && (!ridesOnGroup(index) || leftToAnUnreadGroup(index))
        })
        if let index = withoutDTLS {
            let media = session.media[index]
            report(
                ProfileRules.withoutDTLS, parsed.location(ofSection: index),
                WebRTCChecks.isJSEPTransport(media.proto)
                    ? (ridesOnGroup(index)
                        ? "section \(index) (\(media.media)) leaves its a=fingerprint to its BUNDLE group, but libwebrtc reads only a=group:BUNDLE, in capitals, as one"
                        : "section \(index) (\(media.media)) has a transport of its own and no a=fingerprint; libwebrtc accepts only DTLS-SRTP")
                    : "libwebrtc accepts only DTLS-SRTP; section \(index) (\(media.media), \(media.proto)) has no a=fingerprint"
            )
        }
        // ICE credentials, in a description that does DTLS (a plain SIP offer is PRF104's):
        // a section with a transport of its own (outside BUNDLE, or a group's first) needs
        // both; a bundled one may leave both to its group, not one (measured: RFC 8829 §7.2's
        // offer passes, a bundled section with only a=ice-ufrag fails). One finding per
        // description: the first such section.
        let credentials =
            session.has(.iceUfrag) || session.has(.icePwd)
            || used.contains { session.media[$0].has(.iceUfrag) || session.media[$0].has(.icePwd) }
        if withoutDTLS == nil,
            let index = used.first(where: { index in
                guard !ridesOnGroupInAnswer(index) else { return false }
                let missing = missingCredentials(index).count
                return missing == 1 || (missing == 2 && !ridesOnGroup(index))
            })
        {
            report(
                ProfileRules.withoutICE, parsed.location(ofSection: index),
                credentials
                    ? "libwebrtc checks the ICE credentials of every section in use, bundled or not; section \(index) (\(session.media[index].media)) has no \(missingCredentials(index).map { "a=\($0)" }.joined(separator: " or "))"
                    : "libwebrtc connects only through ICE; the description has no a=ice-ufrag and a=ice-pwd"
            )
        }
        reportSSRCStreams()
        // Applying an answer sets up DTLS for each transport, and libwebrtc checks then the
        // fingerprint a section has (its last own one, or the session's; measured: a bad first
        // one of three passes, a bad last one fails); a section that rides on its BUNDLE group
        // has no transport of its own.
        if isAnswer {
            let sessionFingerprint = session.attributes.firstIndex { $0.name == .fingerprint }
            for (index, media) in session.media.enumerated() where !media.isRejected && !ridesOnGroupInAnswer(index) {
                let own = media.attributes.lastIndex { $0.name == .fingerprint }
                let attribute =
                    own.map { media.attributes[$0] } ?? sessionFingerprint.map { session.attributes[$0] }
                guard let fingerprint = attribute?.as(Fingerprint.self), let digest = fingerprint.digest,
                    let length = Fingerprint.digestLength(of: fingerprint.hashFunction), digest.count != length
                else { continue }
                report(
                    ProfileRules.answerFingerprintLength,
                    own.map { attributeLocation(index, $0) }
                        ?? parsed.location(ofAttribute: sessionFingerprint, inSection: nil),
                    "libwebrtc refuses this answer: a \(fingerprint.hashFunction) digest has \(length) bytes, this one \(digest.count)"
                )
            }
            // Each transport the answer sets up: its DTLS role (pc/jsep_transport.cc takes a
            // missing one as active) and rtcp-mux, which Chromium's peer connections require.
            let sessionSetup = session.attributes.lastIndex { $0.name == .setup }
            for (index, media) in session.media.enumerated() where !media.isRejected && !ridesOnGroup(index) {
                let own = media.attributes.lastIndex { $0.name == .setup }
                let role = (own.map { media.attributes[$0] } ?? sessionSetup.map { session.attributes[$0] })?
                    .as(Setup.self)
                if let role, role == .actpass || role == .holdconn {
                    report(
                        ProfileRules.answerNotApplicable,
                        own.map { attributeLocation(index, $0) }
                            ?? parsed.location(ofAttribute: sessionSetup, inSection: nil),
                        "libwebrtc refuses a=setup:\(role) in an answer; the answerer chooses active or passive")
                }
                if media.proto.isRTP && !media.has(.rtcpMux) {
                    report(
                        ProfileRules.answerNotApplicable, parsed.location(ofSection: index),
                        "Chromium requires rtcp-mux; section \(index) (\(media.media)) of this answer has no a=rtcp-mux"
                    )
                }
            }
            // A rejected tag takes its group's transport away.
            for group in session.bundleGroups {
                guard let tag = group.first, let tagged = session.media.firstIndex(where: { readMid($0) == tag }),
                    session.media[tagged].isRejected,
                    let kept = session.media.indices.first(where: { index in
                        index != tagged && !session.media[index].isRejected
                            && (readMid(session.media[index]).map(group.contains) ?? false)
                    })
                else { continue }
                report(
                    ProfileRules.answerNotApplicable, parsed.location(ofSection: kept),
                    "the answer rejects section \(tagged), whose mid '\(tag)' carries the BUNDLE group's transport; libwebrtc needs section \(kept), in the same group, rejected too"
                )
            }
        }
        // libwebrtc refuses an RTX format whose apt names no codec of its section
        // (media/engine/webrtc_video_engine.cc): in an answer, which it sends with, any; in an
        // offer, one the m= line lists without a codec (measured: an apt naming a type the m=
        // line does not list passes, SDP308).
        for (index, media) in session.media.enumerated() where !media.isRejected && media.proto.isRTP {
            let listed = Set(media.payloadTypes)
            let codecs = libwebrtcCodecs(media)
            let rtx = Self.rtxFormats(media)
            for (attributeIndex, attribute) in media.attributes.enumerated() where attribute.name == .fmtp {
                guard let fmtp = attribute.as(FMTP.self), let pt = fmtp.payloadType, rtx.contains(pt),
                    listed.contains(pt), let apt = Self.libwebrtcApt(fmtp),
                    !codecs.contains(apt), isAnswer || listed.contains(apt)
                else { continue }
                report(
                    ProfileRules.rtxWithoutCodec, attributeLocation(index, attributeIndex),
                    "libwebrtc refuses RTX payload type \(pt): it repairs \(apt), which is no codec of section \(index)"
                )
            }
        }
        // The ICE credentials libwebrtc reads: those of every section in use in an offer, and
        // of each transport an answer sets up (a session-level one where such a section has
        // none); measured: a bad ufrag in a rejected section passes.
        let readsCredentials = session.media.indices.filter { libwebrtcReads($0) && !ridesOnGroupInAnswer($0) }
        // Its own check: 4 (ufrag) or 22 (password) to 256 letters, digits, '+', '/', '=', '-',
        // '_' and '#' (measured: "ab.c" and "ab:c" refused, '=', '-', '_' and '#' taken, though its
        // message names only '+' and '/'; 22 other characters from '!' to '~' refused), where RFC
        // 8839's ice-char has '+' and '/' alone (ICE120, ICE121).
        func refusal(_ value: String, minimum: Int) -> String? {
            let bytes = value.utf8
            if bytes.count < minimum || bytes.count > 256 {
                return "it takes \(minimum) to 256 characters, not \(bytes.count)"
            }
            let taken: (UInt8) -> Bool = {
                $0.isAlphanumeric
                    || [ASCII.plus, ASCII.slash, ASCII.equals, ASCII.minus, ASCII.underscore, UInt8(ascii: "#")]
                        .contains($0)
            }
            return bytes.first { !taken($0) }.map {
                "it takes letters, digits, '+', '/', '=', '-', '_' and '#', not \($0.displayed)"
            }
        }
        // It keeps the last ufrag and password of a level, and checks those (measured: a bad one
        // before a good one taken, after it refused).
        func reportCredentials(_ section: Int?, _ attributes: [Attribute]) {
            for attributeIndex in Self.keptIndices(of: [.iceUfrag, .icePwd], in: attributes, keepingLast: true) {
                let attribute = attributes[attributeIndex]
                let ufrag = attribute.name == .iceUfrag
                guard let why = refusal(attribute.value ?? "", minimum: ufrag ? 4 : 22),
                    section != nil || readsCredentials.contains(where: { !session.media[$0].has(attribute.name) })
                else { continue }
                report(
                    ProfileRules.iceCredentials, attributeLocation(section, attributeIndex),
                    "libwebrtc refuses this \(ufrag ? "ufrag" : "password"): \(why)")
            }
        }
        reportCredentials(nil, session.attributes)
        for index in readsCredentials { reportCredentials(index, session.media[index].attributes) }
        let sessionFingerprints = session.attributes.indices.filter { session.attributes[$0].name == .fingerprint }
        if sessionFingerprints.count > 1 {
            report(
                ProfileRules.sessionFingerprintTwice,
                parsed.location(ofAttribute: sessionFingerprints[1], inSection: nil),
                "libwebrtc refuses a second a=fingerprint at the session level")
        }
        for (index, media) in session.media.enumerated() {
            // Only in a section it reads (measured: SDES alone in m=text, in a rejected m=audio
            // and in m=application over RTP taken beside a DTLS section).
            if libwebrtcReads(index) && media.has(.crypto) && !media.has(.fingerprint) && !session.has(.fingerprint) {
                report(
                    ProfileRules.sdesOnly,
                    attributeLocation(index, media.attributes.firstIndex { $0.name == .crypto }),
                    "\(profile == .safari ? "Safari" : "Chrome") accepts only DTLS-SRTP; this section offers SDES keys (a=crypto) and no fingerprint"
                )
            }
            guard media.proto.isRTP, media.media == .audio || media.media == .video else { continue }
            // libwebrtc makes a codec of each payload type an fmtp or rtcp-fb line names, named by
            // the rtpmap of a listed type (it skips others) or by RFC 3551 (pc/webrtc_sdp.cc).
            let listed = Set(media.payloadTypes)
            let named = libwebrtcCodecs(media)
            // One finding per payload type, at its first line: a removed codec leaves several.
            var nameless: [(pt: Int, attribute: Int, lines: Int, fmtp: Bool)] = []
            for (attributeIndex, attribute) in media.attributes.enumerated() {
                let pt =
                    switch attribute.name {
                    // Its payload type as libwebrtc reads it, whatever follows (measured: "a=rtcp-fb:111 "
                    // and "a=fmtp:112 " for an unlisted type refused as a codec without a name).
                    case .rtcpFeedback, .fmtp:
                        attribute.value.flatMap { Self.libwebrtcInteger($0.prefix { $0 != " " }) }
                    default: Int?.none
                    }
                guard let pt, !named.contains(pt) else { continue }
                if let seen = nameless.firstIndex(where: { $0.pt == pt }) {
                    nameless[seen].lines += 1
                    nameless[seen].fmtp = nameless[seen].fmtp || attribute.name == .fmtp
                } else {
                    nameless.append((pt, attributeIndex, 1, attribute.name == .fmtp))
                }
            }
            for (pt, attributeIndex, lines, fmtp) in nameless {
                let kind = fmtp ? "a=fmtp/a=rtcp-fb" : "a=rtcp-fb"
                let which = lines == 1 ? "this \(kind) line" : "these \(lines) \(kind) lines"
                // A listed type is SDP302's too: report on its m= line, where that finding is.
                let isListed = listed.contains(pt)
                report(
                    ProfileRules.codecWithoutRTPMap,
                    isListed ? parsed.location(ofSection: index) : attributeLocation(index, attributeIndex),
                    isListed
                        ? "libwebrtc refuses payload type \(pt): \(which) make it a codec, and no a=rtpmap names it"
                        : "libwebrtc refuses \(which) for payload type \(pt), which the m= line does not list"
                )
            }
        }
        // libwebrtc gives each section of an offer without a mid one of its own, "0", "1", … (a
        // fresh peer's numbering, pc/sdp_offer_answer.cc), and then checks mids and BUNDLE
        // groups. A section of an answer without one takes its offer's, at the same position
        // (OA114 compares the two): its group mids are checked only when every section has one.
        // A mid with a character outside token fails before any numbering (pc/webrtc_sdp.cc).
        var illegal: Set<Int> = []
        for (index, media) in session.media.enumerated() {
            guard
                let attributeIndex = media.attributes.firstIndex(where: { attribute in
                    attribute.name == .mid && (attribute.value?.utf8.contains { !$0.isTokenChar } ?? false)
                })
            else { continue }
            illegal.insert(index)
            report(
                ProfileRules.illegalMid, attributeLocation(index, attributeIndex),
                "libwebrtc refuses a mid with a character outside token")
        }
        let read = session.media.map(libwebrtcMid)
        var mids = read
        var generated = 0
        for index in mids.indices where mids[index] == nil && !isAnswer {
            mids[index] = String(generated)
            generated += 1
        }
        // A mid as written twice is SDP's and the offer/answer rules' to report; one libwebrtc
        // makes twice fails the description before its groups are read.
        var duplicated = false
        for index in session.media.indices
        where (read[index] == nil && !isAnswer) || read[index] != session.media[index].mid {
            guard illegal.isEmpty, let mid = mids[index],
                let other = mids.indices.first(where: { $0 != index && mids[$0] == mid })
            else { continue }
            duplicated = true
            report(
                ProfileRules.unresolvedMid, parsed.location(ofSection: index),
                read[index] == nil
                    ? "libwebrtc gives section \(index), which has no a=mid, the mid '\(mid)', which section \(other) has too"
                    : "libwebrtc reads the last a=mid of section \(index), '\(mid)', which section \(other) has too"
            )
        }
        for (attributeIndex, attribute) in session.attributes.enumerated() where attribute.name == .group {
            // libwebrtc splits the value at each space: a space at its end, or two in a row, names
            // the mid '' (measured: "A BUNDLE group contains a MID='' matching no m= section").
            if let value = attribute.value, value.hasPrefix("BUNDLE"),
                value.hasSuffix(" ") || value.contains("  ")
            {
                report(
                    ProfileRules.unresolvedMid, parsed.location(ofAttribute: attributeIndex, inSection: nil),
                    "libwebrtc reads an empty mid in this BUNDLE group, from a space at its end or two in a row")
                continue
            }
            // libwebrtc compares the semantics with "BUNDLE" as written (measured: a "bundle" or
            // "Bundle" group naming a mid no section has is taken), where RFC 5888's ABNF ignores case.
            guard illegal.isEmpty, !duplicated, let group = attribute.as(Group.self),
                group.semantics.rawValue == Group.Semantics.bundle.rawValue,
                !mids.contains(nil),
                let unknown = group.mids.first(where: { !mids.contains($0) })
            else { continue }
            report(
                ProfileRules.unresolvedMid, parsed.location(ofAttribute: attributeIndex, inSection: nil),
                "the BUNDLE group names mid '\(unknown)', which no section has\(generated > 0 ? " after libwebrtc numbers the sections without a=mid" : "")"
            )
        }
    }

    /// The a=ssrc-group sizes and data channel m= lines libwebrtc refuses (measured in
    /// Conformance/: PRF116, PRF117). It checks the groups of every section it reads them in,
    /// rejected and bundle-only ones too (measured with port 0: "FID 1 2 3", "FID" and
    /// "SIM 1 2 3 4" refused; in m=application and m=text over RTP too).
    private func libwebrtcSSRCGroupsAndDataChannels() {
        for (index, media) in session.media.enumerated() {
            for (attributeIndex, attribute) in media.attributes.enumerated()
            where attribute.name == .ssrcGroup && Self.libwebrtcReadsRTPAttributes(media) {
                let fields = (attribute.value ?? "").split(separator: " ")
                let semantics = fields.first.map(String.init) ?? ""
                let count = fields.count - 1
                // It reads the group's SSRCs into a set first (measured: "FID 1 1" is "Duplicate
                // SSRC in ssrc-group", in video too).
                if Set(fields.dropFirst()).count < count {
                    report(
                        ProfileRules.ssrcGroupDuplicate, attributeLocation(index, attributeIndex),
                        "libwebrtc refuses an a=ssrc-group that names an SSRC twice (\"Duplicate SSRC in ssrc-group\")")
                    continue
                }
                // FID and FEC-FR groups are pairs; a SIM group, spelled so, has at most three
                // SSRCs (kMaxSimulcastStreams; measured: 4, 5 and 6 refused, "sim 1 2 3 4" taken).
                let limit: (allowed: ClosedRange<Int>, wording: String)? =
                    switch semantics {
                    case "FID", "FEC-FR": (2...2, "it takes pairs")
                    case "SIM": (1...3, "it takes at most 3")
                    default: nil
                    }
                // libwebrtc counts a group's SSRCs when it builds the stream of the first one, which
                // an a=ssrc line declares (measured: "FID 1" and "SIM 1 2 3 4" of no declared first
                // SSRC taken).
                let declared =
                    fields.count > 1
                    && media.attributes.contains {
                        $0.name == .ssrc && $0.value?.split(separator: " ").first == fields[1]
                    }
                guard count < 1 || (declared && limit.map({ !$0.allowed.contains(count) }) ?? false) else { continue }
                report(
                    ProfileRules.ssrcGroupSize, attributeLocation(index, attributeIndex),
                    count < 1
                        ? "libwebrtc refuses an a=ssrc-group without SSRCs"
                        : "libwebrtc refuses a \(semantics) group of \(count) SSRC\(count == 1 ? "" : "s"); \(limit?.wording ?? "")"
                )
            }
            // The format as written, an empty one included (measured: "UDP/DTLS/SCTP " refused),
            // of a data channel section, a rejected one too (measured: port 0 refused, "sctp-port
            // attribute can't be used with sctpmap"): one of another media type it rejects unread
            // (measured: "m=text 9 DTLS/SCTP 5000" with a=sctp-port taken).
            if media.media == .application, Self.libwebrtcReadsAsSCTP(media.proto), media.has(.sctpPort),
                let format = mediaLineFields(media).map({ $0.dropFirst(3).first ?? [] }),
                !format.elementsEqual("webrtc-datachannel".utf8)
            {
                report(
                    ProfileRules.sctpPortWithPortFormat, parsed.location(ofSection: index),
                    "libwebrtc reads the format \(String(decoding: format, as: UTF8.self)) of section \(index) as an SCTP port (a=sctpmap's form) and refuses a=sctp-port beside it"
                )
            }
        }
    }

    /// libwebrtc gives the audio payload types 0–18 their RFC 3551 §6 encodings (1 and 2 it
    /// keeps as "reserved"): an a=rtpmap that names another encoding for one of them is refused
    /// ("Duplicate statically assigned payload type with conflicting codec name or clock
    /// rate"), whatever its clock rate (measured: PCMA on 0, foo on 1 and 2 refused; DVI4/16000
    /// on 5 and pcmu on 0 taken; 19 and video sections free). An a=rtpmap for a type the m= line
    /// does not list it ignores (measured: PCMA on 6, not listed, taken).
    private func libwebrtcStaticPayloadTypes(_ index: Int, _ media: MediaDescription) {
        for (attributeIndex, attribute) in media.attributes.enumerated() where attribute.name == .rtpmap {
            // Its own reading of the line (measured: "vp8/0" on 0 refused, a clock rate of 0).
            guard let map = Self.libwebrtcRTPMap(attribute), (0...18).contains(map.payloadType),
                media.payloadTypes.contains(map.payloadType)
            else { continue }
            let encoding = RTPMap.staticPayloadType(map.payloadType)?.encodingName ?? "reserved"
            guard !String(map.name).equalsIgnoringASCIICase(encoding) else { continue }
            report(
                ProfileRules.staticPayloadTypeConflict, attributeLocation(index, attributeIndex),
                "libwebrtc refuses \(map.name) on payload type \(map.payloadType), which is \(encoding) in its table of static audio types"
            )
        }
    }

    /// An a=rtpmap line as libwebrtc reads it (ParseRtpmapAttribute): split at each space, a
    /// payload type and <name>/<clock rate> whose clock rate it reads as a number; `nil` for a
    /// line it refuses or does not read so (``libwebrtcRTPMaps(_:_:)`` reports those).
    static func libwebrtcRTPMap(_ attribute: Attribute) -> (payloadType: Int, name: Substring)? {
        guard attribute.name == .rtpmap else { return nil }
        let fields = (attribute.value ?? "").split(separator: " ", omittingEmptySubsequences: false)
        guard fields.count > 1, let pt = libwebrtcInteger(fields[0]) else { return nil }
        let parts = fields[1].split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count > 1, libwebrtcInteger(parts[1]) != nil else { return nil }
        return (pt, parts[0])
    }

    /// How libwebrtc splits lines: at every space (PRF121), up to a line feed (PRF122); its m=
    /// port (PRF123), protocols compared exactly (PRF114) and ssrc attributes (PRF124).
    private func libwebrtcLineShapes() {
        // A byte order mark is part of the first line to libwebrtc, which then is not v=
        // (measured: "\u{FEFF}v=0 Expect line: v="); SDP110 reports the mark.
        if parsed.source.bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            report(
                ProfileRules.byteOrderMark, parsed.source.location(of: 0..<3),
                "libwebrtc reads the byte order mark as part of the first line, which then does not start with v=")
        } else if let first = parsed.source.range(ofLine: 1),
            parsed.source.bytes[first].contains(where: { $0 != 0x20 && $0 != 0x09 }),
            !parsed.source.bytes[first].starts(with: Array("v=".utf8))
        {
            // A first line of white space is SDP112's (an empty line), which libwebrtc refuses too.
            report(
                ProfileRules.firstLineNotVersion, parsed.source.location(of: first.lowerBound..<first.lowerBound),
                "libwebrtc expects the description's first line to be v=")
        }
        libwebrtcSpaceAfterEquals()
        libwebrtcAttributesWithoutColon()
        libwebrtcTrailingBytes()
        libwebrtcMaxMessageSizes()
        libwebrtcUnknownSessionLine()
        // Any '/' after the address type (ParseConnectionData; measured: "224.1.1.1/300",
        // "224.1.1.1/" and "IP4 224.2.17.12/127" after "IP4" refused, as "/127" is).
        if let line = connections.first(where: { line in
            value(of: line.connection.sourceLine).flatMap { Self.tokenizeFirst(Substring(decoding: $0, as: UTF8.self)) }
                .flatMap { Self.tokenizeFirst($0.1) }?.1.contains("/") ?? false
        }) {
            report(
                ProfileRules.connectionSuffix, location(of: line, valueOnly: false),
                "libwebrtc reads a c= address alone and refuses its '/' suffix")
        }
        // The same first stream and track id in two sections: "Duplicate a=msid lines detected"
        // (HasDuplicateMsidLines; measured: "s t" twice, "- t" twice, "s t" beside a=ssrc's
        // "msid:s t" in a rejected section, and in m=text over RTP, refused; "s t" then "s2 t" or
        // "- t", and "s t" with "s2 t" beside "s2 t", taken). An SSRC in two sections it takes
        // (measured), so WEB107 is a warning under the profile.
        var tracks: [LibwebrtcTrack: Int] = [:]
        for (index, media) in session.media.enumerated() where Self.libwebrtcReadsRTPAttributes(media) {
            let named = Self.libwebrtcNamedTracks(media)
            guard let (track, attributeIndex) = named.first(where: { tracks[$0.0] != nil }) else {
                for (track, _) in named { tracks[track] = index }
                continue
            }
            report(
                ProfileRules.msidTrackTwice, attributeLocation(index, attributeIndex),
                "libwebrtc refuses stream \(track.stream.isEmpty ? "(none)" : String(track.stream.prefix(40))) and track \(track.id.prefix(40)) of section \(index), which section \(tracks[track] ?? 0) has too (\"Duplicate a=msid lines detected\")"
            )
            break
        }
        // A second a=simulcast in a section ("Multiple Simulcast attributes", measured); SDP206
        // reports every repeated single attribute, most of which libwebrtc takes.
        for (index, media) in session.media.enumerated() where Self.libwebrtcReadsRTPAttributes(media) {
            let simulcasts = media.attributes.indices.filter { media.attributes[$0].name == .simulcast }
            if simulcasts.count > 1 {
                report(
                    ProfileRules.simulcastTwice, attributeLocation(index, simulcasts[1]),
                    "libwebrtc refuses a second a=simulcast in section \(index) (\"Multiple Simulcast attributes\")")
            }
        }
        // libwebrtc keeps the simulcast streams that an a=rid line of the section declares in the
        // same direction and drops the rest; with none left there is no simulcast to check
        // (measured: "a=simulcast:send h;l" taken without a=rid lines, in audio, video and data
        // sections, and beside "a=rid:h recv"; refused beside "a=rid:h send"). It discards every
        // a=rid line of an id declared twice (as RFC 8851's answerer does) and one whose id is not 1–16 letters and
        // digits, and reads the ids of a=simulcast as written (measured: two "a=rid:h send" and
        // "a=simulcast:send h" taken, "a=rid:rid=h send" and "send rid=h" too; "send rid=h;l",
        // a draft's prefix, keeps l only; "a=rid:h send pt=99", 99 off the m= line, kept).
        // The extension's URI as it splits a=extmap at each space (measured: two spaces before
        // it refused); the session's a=extmap lines are every section's.
        // Audio and video sections only (measured: m=text, m=message and m=application over RTP
        // taken so).
        let ridExtensionAtSession = session.attributes.contains(where: Self.libwebrtcMapsRIDExtension)
        for (index, media) in session.media.enumerated()
        where !media.isRejected && (media.media == .audio || media.media == .video)
            && Self.libwebrtcReadsRTPAttributes(media) && !ridExtensionAtSession
            && !media.attributes.contains(where: Self.libwebrtcMapsRIDExtension)
        {
            let rids = media.values(RID.self)
            let kept = rids.filter { rid in
                rids.count(where: { $0.id == rid.id }) == 1 && (1...16).contains(rid.id.utf8.count)
                    && rid.id.utf8.allSatisfy(\.isAlphanumeric)
            }
            let streams = media.attributes.filter { $0.name == .simulcast }.flatMap {
                Self.libwebrtcSimulcastStreams($0.value ?? "")
            }
            guard
                streams.contains(where: { stream in
                    kept.contains { $0.id == stream.id && $0.direction == stream.direction }
                })
            else { continue }
            report(
                ProfileRules.simulcastWithoutRIDExtension, parsed.location(ofSection: index),
                "libwebrtc refuses simulcast in section \(index) without the rtp-stream-id header extension")
        }
        let bytes = parsed.source.bytes
        if let last = bytes.last, last != UInt8(ascii: "\n"), Self.libwebrtcUnendedMediaLine(parsed) == nil {
            report(
                ProfileRules.lastLineWithoutEnding, parsed.location(ofSection: nil),
                "libwebrtc refuses a description whose last line has no line ending")
        }
        libwebrtcTimeLineOrder()
        libwebrtcSessionLineTwice()
        /// Whether the line has two spaces in a row before its last field's end.
        func doubleSpaced(_ line: SourceLine) -> Bool {
            guard let number = line.number, let range = parsed.source.range(ofLine: number) else { return false }
            var end = range.upperBound
            while end > range.lowerBound && (bytes[end - 1] == UInt8(ascii: " ") || bytes[end - 1] == 9) { end -= 1 }
            return bytes[range.lowerBound..<end].indices.contains {
                $0 > range.lowerBound && bytes[$0] == 0x20 && bytes[$0 - 1] == 0x20
            }
        }
        var reportedSpaces = false
        // o= must split into exactly six fields; it reads none but the id and version, as text
        // (measured: "2  IP4", an empty network type, taken; "-  4611…" refused).
        if let origin = value(of: session.origin.sourceLine) {
            let fields = origin.split(separator: 0x20, omittingEmptySubsequences: false).count
            if fields != 6 {
                reportedSpaces = true
                report(
                    ProfileRules.fieldsSplitAtEverySpace,
                    parsed.source.location(of: session.origin.sourceLine) ?? parsed.location(ofSection: nil),
                    "libwebrtc splits the o= line at every space into \(fields) fields; it needs 6")
            }
        }
        for (index, media) in session.media.enumerated() {
            if !reportedSpaces && doubleSpaced(media.sourceLine) {
                reportedSpaces = true
                report(
                    ProfileRules.fieldsSplitAtEverySpace, parsed.location(ofSection: index),
                    "libwebrtc splits the m= line of section \(index) at every space and reads an empty field")
            }
            if !doubleSpaced(media.sourceLine) { libwebrtcMediaLine(index, media) }
            // It reads the port as a whole number, in a rejected section too (measured: "0/2"
            // refused, "The port number is invalid").
            if media.portCount != nil {
                report(
                    ProfileRules.portCount, parsed.location(ofSection: index),
                    "libwebrtc refuses the number of ports on the m= line of section \(index)")
            }
            // libwebrtc takes audio and video over protocols it reads as RTP (measured: RTP/FOO and
            // UDP/RTP/AVPF taken; udp, tcp, udptl, rtp/savpf and UDP/TLS/ZRTP/SAVPF refused).
            let proto = media.proto.rawValue
            if (media.media == .audio || media.media == .video) && !Self.libwebrtcReadsAsRTP(Substring(proto)) {
                report(
                    ProfileRules.unknownProtocol, parsed.location(ofSection: index),
                    "libwebrtc carries audio and video over protocols with 'RTP/' in their name only, not \(proto)")
            }
            if media.media == .audio { libwebrtcStaticPayloadTypes(index, media) }
            libwebrtcRTPMaps(index, media)
            // Outside an RTP section libwebrtc reads the mid, ICE, DTLS and SCTP lines only
            // (pc/webrtc_sdp.cc, ParseContent; measured: "a=ssrc:1" and a=simulcast taken in a data
            // channel section).
            let readsRTP = Self.libwebrtcReadsRTPAttributes(media)
            let readsCodecLines = Self.libwebrtcReadsCodecLines(of: media)
            for (attributeIndex, attribute) in media.attributes.enumerated()
            where (readsRTP || [.fingerprint, .candidate, .fmtp].contains(attribute.name))
                && (readsCodecLines || ![.fmtp, .rtcpFeedback].contains(attribute.name))
            {
                switch attribute.name {
                case .msid: libwebrtcMSID(index, attributeIndex, attribute.value ?? "")
                case .rtcpFeedback: libwebrtcFeedback(index, attributeIndex, attribute.value ?? "")
                case .extmap: libwebrtcExtensionMap(index, attributeIndex, attribute.value ?? "")
                case .simulcast:
                    // Its reader splits at spaces only (measured: "a=simulcast:send\tq;h;f" refused,
                    // a tab at the end taken).
                    if !reportedSpaces, Self.tabBeforeTrailingWhiteSpace(Substring(attribute.value ?? "")) {
                        reportedSpaces = true
                        report(
                            ProfileRules.fieldsSplitAtEverySpace, attributeLocation(index, attributeIndex),
                            "libwebrtc splits a=simulcast at spaces only and cannot read it with a tab")
                    }
                    // At most 16 rids in a direction, alternatives and paused ones counted,
                    // declared or not (measured: 16 taken, 17 refused in either direction; 12
                    // sent and 12 received taken).
                    let streams = Self.libwebrtcSimulcastStreams(attribute.value ?? "")
                    if let direction = [RID.Direction.send, .recv].first(where: { direction in
                        streams.count(where: { $0.direction == direction }) > 16
                    }) {
                        report(
                            ProfileRules.simulcastRIDCount, attributeLocation(index, attributeIndex),
                            "libwebrtc refuses more than 16 rids to \(direction.rawValue) (\"Simulcast description contains too many RIDs\")"
                        )
                    }
                case .candidate:
                    // A value that ends in a tab is PRF141's.
                    guard let value = value(of: attribute.sourceLine), value.last != 0x09,
                        let colon = value.firstIndex(of: UInt8(ascii: ":")),
                        let refusal = Self.libwebrtcCandidateRefusal(value[(colon + 1)...])
                    else { break }
                    let splitAtSpaces = refusal.rule.code == ProfileRules.fieldsSplitAtEverySpace.code
                    if !(splitAtSpaces && reportedSpaces) {
                        reportedSpaces = reportedSpaces || splitAtSpaces
                        report(refusal.rule, attributeLocation(index, attributeIndex), refusal.message)
                    }
                case .rtpmap, .fingerprint, .ssrcGroup, .fmtp:
                    // Two spaces (not in an fmtp's parameters, which it does not split), a space
                    // after the colon, or a tab for the first separator (measured: "a=fingerprint:
                    // sha-256 …" and "a=fmtp:111\tminptime=10" refused; "a=ssrc-group:FID\t1 2"
                    // taken, a group of one SSRC with an unknown semantics).
                    // A tab after the first space in a=ssrc-group, which makes a field it cannot
                    // read (measured: "FID 1\t2" refused).
                    let value = attribute.value ?? ""
                    let splitBadly =
                        value.hasPrefix(" ")
                        || (attribute.name != .ssrcGroup && value.prefix { $0 != " " }.contains("\t"))
                        || (attribute.name != .fmtp && doubleSpaced(attribute.sourceLine))
                        || (attribute.name == .ssrcGroup && Self.tabAfterFirstSpace(value))
                    if !reportedSpaces && splitBadly {
                        reportedSpaces = true
                        report(
                            ProfileRules.fieldsSplitAtEverySpace, attributeLocation(index, attributeIndex),
                            "libwebrtc splits a=\(attribute.name) at every space and reads an empty or missing field")
                    }
                    // Without a value, SDP203's.
                    if attribute.name == .fmtp, let value = attribute.value {
                        libwebrtcFormatParameters(index, attributeIndex, value)
                    }
                case .ssrc:
                    // A space after the colon is an empty SSRC (measured: "a=ssrc: 1 cname:x" refused).
                    let fields = (attribute.value ?? "").split(
                        separator: " ", maxSplits: 1, omittingEmptySubsequences: false)
                    // An SSRC of 32 bits, a space and an attribute (measured: "a=ssrc:1 1 cname:x"
                    // taken, its attribute "1 cname" skipped), which is why SDP217 is a warning
                    // under the profile.
                    if fields.count < 2 || Self.libwebrtcInteger(fields[0], unsigned: true) == nil {
                        report(
                            ProfileRules.ssrcAttributeWithoutValue, attributeLocation(index, attributeIndex),
                            fields.count < 2
                                ? "libwebrtc refuses an a=ssrc line without an attribute after the SSRC"
                                : "libwebrtc refuses the SSRC '\(fields[0].prefix(16))', which is not a 32-bit number")
                    } else if !fields[1].contains(":") {
                        report(
                            ProfileRules.ssrcAttributeWithoutValue, attributeLocation(index, attributeIndex),
                            "libwebrtc refuses the ssrc attribute \(fields[1]) without a value")
                    } else if fields.count == 2 && fields[1].hasPrefix("msid:") {
                        // Its msid value, split at each space, is one or two fields (measured: three refused).
                        let parts = fields[1].dropFirst(5).split(separator: " ", omittingEmptySubsequences: false)
                        if parts.count > 2 {
                            report(
                                ProfileRules.msidFields, attributeLocation(index, attributeIndex),
                                "libwebrtc refuses this a=ssrc msid: \(parts.count) fields where it reads a stream and a track"
                            )
                        }
                    }
                default: break
                }
            }
        }
        for (attributeIndex, attribute) in session.attributes.enumerated() where attribute.name == .extmap {
            libwebrtcExtensionMap(nil, attributeIndex, attribute.value ?? "")
        }
        // A tab among a=group's tags ("Failed to parse group tag", measured; "BUNDLE\t0 1" taken).
        for (attributeIndex, attribute) in session.attributes.enumerated()
        where attribute.name == .group && !reportedSpaces && Self.tabAfterFirstSpace(attribute.value ?? "") {
            reportedSpaces = true
            report(
                ProfileRules.fieldsSplitAtEverySpace, attributeLocation(nil, attributeIndex),
                "libwebrtc splits a=group at spaces only and cannot read a tag with a tab")
        }
        for (attributeIndex, attribute) in session.attributes.enumerated()
        where attribute.name == .fingerprint && !reportedSpaces
            && (doubleSpaced(attribute.sourceLine) || attribute.value?.hasPrefix(" ") == true
                || attribute.value?.prefix(while: { $0 != " " }).contains("\t") == true)
        {
            reportedSpaces = true
            report(
                ProfileRules.fieldsSplitAtEverySpace, attributeLocation(nil, attributeIndex),
                "libwebrtc splits a=fingerprint at every space and reads an empty field")
        }
    }

    /// libwebrtc reads a=max-message-size into an int (pc/webrtc_sdp.cc, ParseSctpMaxMessageSize;
    /// measured: 2^32 and 2^64 refused, 0 and 1 taken) in the data channel sections it reads.
    private func libwebrtcMaxMessageSizes() {
        for (index, media) in session.media.enumerated() where Self.libwebrtcReadsSCTPAttributes(media) {
            for (attributeIndex, attribute) in media.attributes.enumerated() where attribute.name == .maxMessageSize {
                let value = attribute.value ?? ""
                guard !value.isEmpty, value.utf8.allSatisfy(\.isDigit), Int32(value) == nil else { continue }
                report(
                    ProfileRules.maxMessageSizeRange, attributeLocation(index, attributeIndex),
                    "libwebrtc reads a=max-message-size into a 32-bit int, and \(value.prefix(24)) does not fit")
                return
            }
        }
    }

    /// The streams of an a=simulcast value as libwebrtc reads them: fields split at spaces, a
    /// direction and its list in turn, streams split at ';' and ',', a '~' dropped; the ids as
    /// written (pc/simulcast_sdp_serializer.cc).
    static func libwebrtcSimulcastStreams(_ value: String) -> [(direction: RID.Direction, id: Substring)] {
        let fields = value.split(separator: " ")
        return stride(from: 0, to: fields.count - 1, by: 2).flatMap { index -> [(RID.Direction, Substring)] in
            guard let direction = RID.Direction(rawValue: String(fields[index])) else { return [] }
            return fields[index + 1].split(whereSeparator: { $0 == ";" || $0 == "," }).map {
                (direction, $0.first == "~" ? $0.dropFirst() : $0)
            }
        }
    }

    /// What libwebrtc refuses first in an a=candidate value (the bytes after "candidate:"), read
    /// as its candidate parser does (api/candidate.cc, ParseCandidate): split at every space,
    /// empty fields kept; eight fields with "typ" the seventh; a signed component, an unsigned
    /// 32-bit priority and a port of 0–65535 as `libwebrtcInteger` reads numbers; udp, tcp or
    /// ssltcp in any case; host, srflx, prflx or relay as written; then "raddr" and "rport", then
    /// "tcptype", each right there; then pairs of name and value, skipping names it does not
    /// know and a last name without a value, with generation a 32-bit and network-id and
    /// network-cost 16-bit numbers. Measured: an empty foundation ("a=candidate: 1 udp …"), "-0"
    /// as priority and port, and an empty field among the extensions that leaves each number
    /// after its name taken; "+1" as generation or network-id, an empty rport, "generation " and
    /// "tcptype  active" refused; an empty address taken). A field that is empty or holds a tab
    /// is PRF121's: the reader splits at spaces only. `nil` where it takes the line, or where
    /// the grammar's own finding (an unknown type) says why.
    static func libwebrtcCandidateRefusal(_ value: ArraySlice<UInt8>) -> (rule: Rule, message: String)? {
        let fields = value.split(separator: 0x20, omittingEmptySubsequences: false).map {
            Substring(decoding: $0, as: UTF8.self)
        }
        func splitAtSpaces(_ field: Substring) -> Bool { field.isEmpty || field.contains("\t") }
        func split(_ what: String) -> (rule: Rule, message: String) {
            (ProfileRules.fieldsSplitAtEverySpace, "libwebrtc splits a=candidate at every space and reads \(what)")
        }
        guard fields.count >= 8, fields[6] == "typ" else {
            // A foundation may start with a tab (measured), not be empty.
            if fields.first?.isEmpty ?? true || fields.prefix(8).dropFirst().contains(where: splitAtSpaces) {
                return split("an empty field before the candidate type")
            }
            if fields.count >= 8 && fields[6].lowercased() == "typ" {
                return (ProfileRules.candidateKeywordCase, "libwebrtc reads '\(fields[6])' in lower case only")
            }
            return (
                ProfileRules.candidateFields,
                "libwebrtc splits this a=candidate at spaces into \(fields.count) fields without 'typ' the seventh (\"Expect at least 8 fields\")"
            )
        }
        /// The refusal of a numeric field, or `nil` where libwebrtc reads it.
        func number(_ index: Int, _ name: String, _ range: ClosedRange<Int>, _ rule: Rule) -> (Rule, String)? {
            let field = fields[index]
            if let value = Self.libwebrtcInteger(field, unsigned: range.lowerBound >= 0), range.contains(value) {
                return nil
            }
            if splitAtSpaces(field) { return split("\(field.isEmpty ? "an empty" : "a tab in the") \(name)") }
            return (
                rule, "libwebrtc refuses the candidate \(name) '\(field.prefix(16))', which is not a number in \(range)"
            )
        }
        let port = 0...65535
        if let refusal = number(1, "component", Int(Int32.min)...Int(Int32.max), ProfileRules.candidateComponent)
            ?? number(3, "priority", 0...Int(UInt32.max), ProfileRules.candidatePriorityBeyond32Bits)
            ?? number(5, "port", port, ProfileRules.candidatePort)
        {
            return refusal
        }
        let transport = fields[2].lowercased()
        guard ["udp", "tcp", "ssltcp"].contains(transport) else {
            if splitAtSpaces(fields[2]) { return split("an empty transport") }
            return (
                ProfileRules.candidateTransport,
                "libwebrtc refuses the transport '\(fields[2].prefix(16))'; it reads udp, tcp and ssltcp"
            )
        }
        let type = fields[7]
        guard ["host", "srflx", "prflx", "relay"].contains(type) else {
            if splitAtSpaces(type) { return split("an empty candidate type") }
            guard ["host", "srflx", "prflx", "relay"].contains(type.lowercased()) else { return nil }
            return (
                ProfileRules.candidateKeywordCase, "libwebrtc reads the candidate type '\(type)' in lower case only"
            )
        }
        var position = Self.libwebrtcExtensionPairsStart(fields, typ: 6)
        if let rport = stride(from: 8, to: position, by: 2).first(where: { fields[$0] == "rport" }),
            let refusal = number(rport + 1, "rport", port, ProfileRules.candidatePort)
        {
            return refusal
        }
        if position + 1 < fields.count && fields[position] == "tcptype" {
            let tcptype = fields[position + 1]
            if !["active", "passive", "so"].contains(tcptype) {
                if splitAtSpaces(tcptype) { return split("an empty tcptype") }
                return (
                    ProfileRules.candidateTCPType,
                    "libwebrtc refuses tcptype '\(tcptype.prefix(16))' (\"Invalid TCP candidate type\"): it takes active, passive and so, in lower case"
                )
            }
            if transport == "udp" {
                return (
                    ProfileRules.candidateTCPType,
                    "libwebrtc refuses a tcptype on a UDP candidate (\"Invalid non-TCP candidate\")"
                )
            }
            position += 2
        }
        // Pairs of name and value; ufrag, pwd and names it does not know take any value.
        while position + 1 < fields.count {
            let limit: Int? =
                switch fields[position] {
                case "generation": Int(UInt32.max)
                case "network-id", "network-cost": Int(UInt16.max)
                default: nil
                }
            if let limit,
                let refusal = number(
                    position + 1, String(fields[position]), 0...limit, ProfileRules.candidateKeywordCase)
            {
                return refusal
            }
            position += 2
        }
        return nil
    }

    /// Whether a value has a tab before the white space at its end, which libwebrtc's reader
    /// keeps in the last field (PRF141).
    static func tabBeforeTrailingWhiteSpace(_ value: Substring) -> Bool {
        value.reversed().drop { $0 == " " || $0 == "\t" }.contains("\t")
    }

    /// Whether a value has a tab after its first space, before the white space at its end.
    static func tabAfterFirstSpace(_ value: String) -> Bool {
        tabBeforeTrailingWhiteSpace(value.drop { $0 != " " })
    }

    /// libwebrtc's reading of a=msid (pc/webrtc_sdp.cc): "msid:" and the value, cut at every run
    /// of spaces, must give one or two fields, the first naming a stream after the colon, and
    /// one field may not be followed by a space. It reads no characters as invalid (measured:
    /// 65 characters, ')' and 'é' taken), which is why SDP215 is a warning under the profile.
    private func libwebrtcMSID(_ section: Int, _ index: Int, _ value: String) {
        let fields = ("msid:" + value).split(separator: " ")
        let reason: String? =
            if fields.count > 2 {
                "\(fields.count) fields where it reads a stream and a track"
            } else if fields.count == 1 && value.hasSuffix(" ") {
                "a space after the stream and no track (\"Missing track ID\")"
            } else if fields.first == "msid:" {
                "no stream id after the colon (\"Missing stream ID\")"
            } else {
                nil
            }
        guard let reason else { return }
        report(ProfileRules.msidFields, attributeLocation(section, index), "libwebrtc refuses this a=msid: \(reason)")
    }

    /// libwebrtc's reading of a=fmtp (pc/webrtc_sdp.cc): split at the first space, it needs the
    /// parameters' field, which may be empty, and a payload type FromString reads (measured:
    /// "a=fmtp:111" and "a=fmtp:111\t" refused, "a=fmtp:111 " and "a=fmtp:111 =" taken,
    /// "a=fmtp:* …" and "a=fmtp:0x10 …" refused as "Invalid value").
    private func libwebrtcFormatParameters(_ section: Int, _ index: Int, _ value: String) {
        let fields = value.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: false)
        let reason: String? =
            if fields.count < 2 {
                "it needs a space after the payload type (\"Expects at least 2 fields\")"
            } else if Self.libwebrtcInteger(fields[0]) == nil {
                "'\(fields[0].prefix(20))' is not a payload type (\"Invalid value\")"
            } else {
                nil
            }
        guard let reason else { return }
        report(ProfileRules.fmtpFields, attributeLocation(section, index), "libwebrtc refuses this a=fmtp: \(reason)")
    }

    /// libwebrtc's reading of a=rtcp-fb (pc/webrtc_sdp.cc): split at each space, it needs a
    /// payload type ('*' or a number) and a second field, which may be empty; what it holds is not
    /// checked (measured: "nack?", "nacké" and "111 " taken, "111" refused), which is why SDP212
    /// is a warning under the profile.
    private func libwebrtcFeedback(_ section: Int, _ index: Int, _ value: String) {
        let fields = value.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: false)
        let payloadType = fields.first ?? ""
        let reason: String? =
            if fields.count < 2 {
                "it needs a feedback type after the payload type"
            } else if payloadType != "*" && Self.libwebrtcInteger(payloadType) == nil {
                "'\(payloadType.prefix(20))' is neither '*' nor a payload type"
            } else {
                nil
            }
        guard let reason else { return }
        report(
            ProfileRules.feedbackFields, attributeLocation(section, index),
            "libwebrtc refuses this a=rtcp-fb: \(reason)")
    }

    /// The first line other than s= and a= with a space right after its '=', or nothing: libwebrtc
    /// refuses it, as RFC 8866 §5 forbids white space on either side of the '=' and it reads no
    /// line shorter than three bytes (measured with v=, o=, i=, u=, c=, b=, t= and m=; s= is the
    /// exception RFC 8866 §5.3 makes, SDP121 reports an empty one, and a= lines are PRF119's).
    private func libwebrtcSpaceAfterEquals() {
        guard
            let line = firstLine(where: { line in
                let start = line.startIndex
                return line.count >= 2 && line[start + 1] == UInt8(ascii: "=") && line[start] != UInt8(ascii: "s")
                    && line[start] != UInt8(ascii: "a") && (line.count == 2 || line[start + 2] == UInt8(ascii: " "))
            })
        else { return }
        let type = Character(UnicodeScalar(parsed.source.bytes[line.lowerBound]))
        report(
            ProfileRules.spaceAfterEquals,
            parsed.source.location(of: (line.lowerBound + 2)..<max(line.lowerBound + 3, line.upperBound)),
            line.count == 2
                ? "libwebrtc refuses a line with nothing after '\(type)=' (\"Expect line\" or \"Invalid SDP line\")"
                : "libwebrtc refuses a space after '\(type)=' (\"Expect line\" or \"Invalid SDP line\")")
    }

    /// The first time line out of libwebrtc's order: it reads the t= and r= lines, then one z=,
    /// in RFC 4566's order, so it refuses an r= or z= before the first t= ("r=7d 1h 0 25h Expect
    /// line: t=", "z=… Expect line: t=") and a t=, r= or second z= after z= ("Expects m line";
    /// measured: "t z t", "t r z t", "t z r" and "t z z" refused, "t t z" and "t r z" taken),
    /// where RFC 8866 lets a t= follow a z=.
    private func libwebrtcTimeLineOrder() {
        var sawTime = false
        var sawZone = false
        // The first m= line, or the first time line out of that order, whichever comes first.
        guard
            let line = firstLine(where: { line in
                guard line.count >= 2, line[line.startIndex + 1] == UInt8(ascii: "=") else { return false }
                switch line[line.startIndex] {
                case UInt8(ascii: "m"): return true
                case UInt8(ascii: "z"):
                    defer { sawZone = true }
                    return !sawTime || sawZone
                case UInt8(ascii: "t"):
                    defer { sawTime = true }
                    return sawZone
                case UInt8(ascii: "r"): return !sawTime || sawZone
                default: return false
                }
            })
        else { return }
        let type = parsed.source.bytes[line.lowerBound]
        guard type != UInt8(ascii: "m") else { return }
        let written = Character(UnicodeScalar(type))
        report(
            ProfileRules.timeLineOrder, parsed.source.location(of: line.lowerBound..<(line.lowerBound + 2)),
            sawZone && sawTime
                ? "libwebrtc reads no \(written)= after z=, which ends the time lines (\"Expects m line\")"
                : "libwebrtc expects a t= line before any \(written)= line (\"Expect line: t=\")"
        )
    }

    /// A second e= or p= line: libwebrtc reads one of each among the session lines and then
    /// expects c=, b= or t= ("Expect line: t="; measured), where RFC 8866 §5 allows several.
    private func libwebrtcSessionLineTwice() {
        for type in [UInt8(ascii: "e"), UInt8(ascii: "p")] {
            let lines = sessionLines(of: type)
            guard lines.count > 1, let location = parsed.source.location(of: SourceLine(lines[1])) else { continue }
            report(
                ProfileRules.sessionLineTwice, location,
                "libwebrtc reads one \(Character(UnicodeScalar(type)))= line and refuses this second one (\"Expect line: t=\")"
            )
        }
    }

    /// The first line before the media sections whose type SDP does not define: libwebrtc reads
    /// the session lines in order and refuses one it does not expect ("d=foo Expect line: o=",
    /// "Expects m line"), while in a media section it skips it (measured).
    private func libwebrtcUnknownSessionLine() {
        // The first m= line, or the first line of a type SDP does not define, whichever comes first.
        guard
            let line = firstLine(where: { line in
                guard line.count >= 2, line[line.startIndex + 1] == UInt8(ascii: "=") else { return false }
                let type = line[line.startIndex]
                return type == UInt8(ascii: "m")
                    || (type >= UInt8(ascii: "a") && type <= UInt8(ascii: "z") && !Profile.isLineType(type))
            })
        else { return }
        let type = parsed.source.bytes[line.lowerBound]
        guard type != UInt8(ascii: "m") else { return }
        report(
            ProfileRules.unknownSessionLine, parsed.source.location(of: line.lowerBound..<(line.lowerBound + 2)),
            "libwebrtc refuses a line of type \(type.displayed) among the session lines")
    }

    /// libwebrtc's reading of c= (pc/webrtc_sdp.cc, ParseConnectionData): the network type must
    /// be IN, as written; the address type is compared, as written, with the family of an
    /// address that is an IP literal, and not read otherwise (measured: "c=in ip4" refused,
    /// "c=IN IN IP4 127.0.0.1" taken). PRF125 reports a '/' suffix, PRF118 the other family.
    /// rtc::tokenize_first: the text before the first space, and the rest after the run of
    /// spaces there; `nil` without a space.
    static func tokenizeFirst(_ text: Substring) -> (Substring, Substring)? {
        guard let space = text.firstIndex(of: " ") else { return nil }
        return (text[..<space], text[space...].drop { $0 == " " })
    }

    private func libwebrtcConnections() {
        for line in connections {
            guard let bytes = value(of: line.connection.sourceLine) else { continue }
            let value = Substring(decoding: bytes, as: UTF8.self)
            let reason: String?
            if let (network, rest) = Self.tokenizeFirst(value) {
                if network != "IN" {
                    reason = "the network type '\(network.prefix(20))' is not IN, as written"
                } else if let (type, address) = Self.tokenizeFirst(rest) {
                    let bytes = Array(address.utf8)
                    let family: String? =
                        switch address.contains("/") ? .invalid : Address.classify(bytes.span, 0..<bytes.count) {
                        case .ipv4: "IP4"
                        case .ipv6: "IP6"
                        default: nil
                        }
                    // PRF125 reports a '/' suffix, PRF118 an address of the other registered family.
                    if let family, type != family, type.uppercased() == family || !["IP4", "IP6"].contains(type) {
                        reason =
                            "the address type '\(type.prefix(20))' is not \(family), as written, for the address \(address)"
                    } else {
                        reason = nil
                    }
                } else {
                    reason = "it has no address type and address (\"Failed to parse the address type\")"
                }
            } else {
                reason = "it has no space after the network type"
            }
            guard let reason else { continue }
            report(
                ProfileRules.unknownProtocol, location(of: line, valueOnly: false),
                "libwebrtc refuses this c= line: \(reason)")
            return
        }
    }

    /// libwebrtc's reading of a=rtpmap (ParseRtpmapAttribute): split at each space, the second
    /// field, <name>/<clock>[/<channels>], must give two or three parts, with whole numbers, and
    /// an audio codec at most 24 channels; fields past it are not read (measured: "a=rtpmap:109
    /// opus/48000/2 opus/48000/2" taken). A payload type the m= line does not list is skipped; a
    /// listed one mapped again to another name is refused, and in video one mapped again to
    /// any clock rate but 90000, the one its video codecs have (measured: "H264/44100" then
    /// "H264/90000" taken, the other order refused, as is "VP8/1000" then "VP8/2000").
    /// Which is why SDP210 is a warning under the profile.
    private func libwebrtcRTPMaps(_ index: Int, _ media: MediaDescription) {
        guard media.proto.isRTP else { return }
        // The listed types as it reads the m= line's formats (measured: "097" is type 97).
        let listed = Set(media.formats.compactMap { Self.libwebrtcInteger(Substring($0)) })
        var mapped: [Int: String] = [:]
        for (attributeIndex, attribute) in media.attributes.enumerated() where attribute.name == .rtpmap {
            let value = attribute.value ?? ""
            let fields = value.split(separator: " ", omittingEmptySubsequences: false)
            let reason: String?
            if fields.count < 2 {
                reason = "it needs an encoding after the payload type"
            } else if let pt = Self.libwebrtcInteger(fields[0]), (0...127).contains(pt) {
                guard listed.contains(pt) else { continue }
                let parts = fields[1].split(separator: "/", omittingEmptySubsequences: false)
                let clock = parts.count > 1 ? Self.libwebrtcInteger(parts[1]) : nil
                // It reads a channel count in audio only (measured: "VP8/90000/x" and "VP8/90000/" taken).
                let channels = parts.count > 2 && media.media == .audio ? Self.libwebrtcInteger(parts[2]) : 1
                let name = String(parts[0]).lowercased()
                if parts.count < 2 || parts.count > 3 {
                    reason = "'\(fields[1].prefix(40))' is not <name>/<clock rate>[/<channels>]"
                } else if name.isEmpty {
                    // A codec without a name (measured: "a=rtpmap:111 /48000/2" refused, "Failed to
                    // parse codecs correctly").
                    reason = "it has no encoding name"
                } else if let clock, let channels {
                    if media.media == .audio && channels > 24 {
                        reason = "\(channels) channels, above the 24 it supports"
                    } else if let earlier = mapped[pt], earlier != name || (media.media == .video && clock != 90000) {
                        reason = "payload type \(pt) is mapped again to another codec"
                    } else {
                        reason = nil
                        if media.media == .audio || media.media == .video { mapped[pt] = name }
                    }
                } else {
                    reason = "its clock rate or channels are not whole numbers"
                }
            } else {
                reason = "'\(fields[0].prefix(20))' is not a payload type"
            }
            guard let reason else { continue }
            report(
                ProfileRules.rtpmapFields, attributeLocation(index, attributeIndex),
                "libwebrtc refuses this a=rtpmap: \(reason)")
            return
        }
        // A video section in use needs a codec that carries media: RED, ULPFEC, FlexFEC and RTX
        // only protect or repeat one, comfort noise is audio's, and static types name no video
        // codec (measured: such a section, bundle-only too, refused in every direction, "Failed to
        // set remote video description send parameters"; a port-0 one taken; "foo/90000",
        // "flexfec/90000", "opus/48000/2", "PCMU/8000" and 30 other names taken).
        let carriesNone: Set<String> = ["red", "ulpfec", "flexfec-03", "rtx", "cn"]
        if media.media == .video && !media.isRejected && mapped.values.allSatisfy(carriesNone.contains) {
            report(
                ProfileRules.videoWithoutMediaCodec, parsed.location(ofSection: index),
                mapped.isEmpty
                    ? "libwebrtc has no video codec in section \(index): no a=rtpmap names a payload type of its m= line"
                    : "libwebrtc has no video codec in section \(index) to send or receive, only \(Set(mapped.values).sorted().joined(separator: ", "))"
            )
        }
    }

    /// libwebrtc's reading of an m= line (ParseMediaDescription): split at each space, four
    /// fields at least, a port that is a whole number up to 65535 (PRF123 reports a count after
    /// it), and, for a protocol with
    /// "RTP/" in it, formats that are payload types; it does not check the protocol's characters
    /// (measured: ",DP/TLS/RTP/SAVPF" taken), which is why SDP128 is a warning under the profile.
    /// PRF123 reports a port count, PRF114 a protocol without "RTP/".
    private func libwebrtcMediaLine(_ index: Int, _ media: MediaDescription) {
        guard
            let fields = value(of: media.sourceLine)?.split(separator: 0x20, omittingEmptySubsequences: false)
                .map({ Substring(decoding: $0, as: UTF8.self) })
        else { return }
        let reason: String?
        if fields.count < 4 {
            reason = "\(fields.count) fields where it needs a media type, a port, a protocol and formats"
        } else if !(0...65535).contains(Self.libwebrtcInteger(fields[1].prefix { $0 != "/" }) ?? -1) {
            reason = "the port '\(fields[1].prefix(20))' is not a number up to 65535"
        } else if Self.libwebrtcReadsAsRTP(fields[2]),
            let format = fields.dropFirst(3).first(where: { !(0...127).contains(Self.libwebrtcInteger($0) ?? -1) })
        {
            reason = "the format '\(format.prefix(20))' is not a payload type"
        } else {
            reason = nil
        }
        guard let reason else { return }
        report(
            ProfileRules.mediaLineFields, parsed.location(ofSection: index), "libwebrtc refuses this m= line: \(reason)"
        )
    }

    /// Whether libwebrtc takes a protocol for SCTP: DTLS/SCTP, UDP/DTLS/SCTP or TCP/DTLS/SCTP,
    /// compared exactly (pc/media_protocol_names.cc, IsDtlsSctp). A data channel section over
    /// another it rejects unread (measured: "SCTP", "udp/dtls/sctp", "UDP/DTLS/SCTP/X",
    /// "UDP/SCTP" and "TLS/SCTP" taken with "a=sctp-port:x", without a fingerprint, and with
    /// a=sctp-port beside a port format, which the three refuse).
    static func libwebrtcReadsAsSCTP(_ proto: MediaDescription.TransportProtocol) -> Bool {
        ["DTLS/SCTP", "UDP/DTLS/SCTP", "TCP/DTLS/SCTP"].contains(proto.rawValue)
    }

    /// Whether libwebrtc takes a protocol for RTP (pc/media_protocol_names.cc): its first "RTP/",
    /// compared exactly, opens the name or follows a byte that is not a letter.
    static func libwebrtcReadsAsRTP(_ proto: Substring) -> Bool {
        let bytes = proto.utf8
        guard let rtp = bytes.indices.first(where: { bytes[$0...].starts(with: "RTP/".utf8) }) else { return false }
        guard let before = bytes[..<rtp].last else { return true }
        return !(before | 0x20 >= UInt8(ascii: "a") && before | 0x20 <= UInt8(ascii: "z"))
    }

    /// A whole number as libwebrtc's FromString reads it (rtc_base/string_to_number.cc, with
    /// strtoll or strtoull): an optional '-' and decimal digits, leading zeros as many as come,
    /// nothing else, within 32 bits; unsigned, a '-' only before a zero (measured: "-0" taken as
    /// a candidate's priority, "-1" refused).
    static func libwebrtcInteger(_ text: Substring, unsigned: Bool = false) -> Int? {
        let negative = text.hasPrefix("-")
        let digits = negative ? text.dropFirst() : text
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        let significant = digits.drop { $0 == "0" }
        guard significant.count <= 10, let magnitude = Int(significant.isEmpty ? "0" : significant) else { return nil }
        let value = negative ? -magnitude : magnitude
        let range = unsigned ? 0...Int(UInt32.max) : Int(Int32.min)...Int(Int32.max)
        return range.contains(value) ? value : nil
    }

    /// An extension id that two sections of a BUNDLE group map to different extensions, as
    /// libwebrtc reads them (the field after the first space, an empty one included, and the
    /// URI an "urn:ietf:params:rtp-hdrext:encrypt" line encrypts): it refuses the group ("A
    /// BUNDLE group contains a codec collision for header extension id=3", measured; an empty
    /// URI alone is taken). It compares only the sections it uses, neither rejected nor without
    /// a codec (ValidateBundledRtpHeaderExtensions; measured: a collision beside an audio section
    /// whose one format has no a=rtpmap taken, beside one of static type 0 refused), which is why
    /// SDP318, which compares every section's URIs as the grammar reads them, is a warning under
    /// the profile.
    private func libwebrtcBundledExtensionIDs() {
        for group in session.bundleGroups {
            // Each id's extensions in the group's sections, with the first line of each.
            var mapped: [Int: [(uri: Substring, encrypted: Bool, section: Int, attribute: Int)]] = [:]
            for (index, media) in session.media.enumerated()
            where !media.isRejected && (readMid(media).map(group.contains) ?? false) && libwebrtcHasCodecs(media) {
                for (attributeIndex, attribute) in media.attributes.enumerated() where attribute.name == .extmap {
                    guard let (idText, uri, encrypted) = Self.libwebrtcExtension(attribute),
                        let id = Self.libwebrtcInteger(idText)
                    else { continue }
                    guard !(mapped[id]?.contains { $0.uri == uri && $0.encrypted == encrypted } ?? false) else {
                        continue
                    }
                    mapped[id, default: []].append((uri, encrypted, index, attributeIndex))
                }
            }
            // A collision within one section is SDP306's.
            for (id, uses) in mapped.sorted(by: { $0.key < $1.key }) {
                guard let first = uses.first, let other = uses.first(where: { $0.section != first.section }) else {
                    continue
                }
                let named = { (uri: Substring) in uri.isEmpty ? "an empty URI" : String(uri.prefix(80)) }
                report(
                    ProfileRules.extmapFields, attributeLocation(other.section, other.attribute),
                    "libwebrtc reads extension id \(id) here as \(named(other.uri))\(other.encrypted ? " (encrypted)" : ""), which section \(first.section) maps to \(named(first.uri))\(first.encrypted ? " (encrypted)" : ""): \"A BUNDLE group contains a codec collision for header extension id=\(id)\""
                )
            }
        }
    }

    /// The session's a=extmap lines are those of each section without its own (ParseMediaDescription):
    /// an id they map to two extensions libwebrtc refuses where a section in use takes them
    /// ("Duplicate extension ID", or a BUNDLE group's "codec collision for header extension";
    /// measured: taken when the one section is rejected, and with the same URI twice). SDP306
    /// checks a section's own lines.
    private func libwebrtcSessionExtensionIDs() {
        guard session.media.contains(where: { !$0.isRejected && !$0.has(.extmap) }) else { return }
        var first: [Int: Substring] = [:]
        for (index, attribute) in session.attributes.enumerated() where attribute.name == .extmap {
            guard let (idText, uri, _) = Self.libwebrtcExtension(attribute), let id = Self.libwebrtcInteger(idText)
            else { continue }
            guard let earlier = first[id] else {
                first[id] = uri
                continue
            }
            guard earlier != uri else { continue }
            report(
                ProfileRules.extmapFields, attributeLocation(nil, index),
                "libwebrtc refuses extension id \(id) at the session level mapped to \(uri.prefix(80)) after \(earlier.prefix(80)): every section without a=extmap lines of its own takes both"
            )
            return
        }
    }

    /// Whether libwebrtc has a codec for a section: for audio a listed format of a static type
    /// (0–18, which it fills in) or one an a=rtpmap line names, for video one an a=rtpmap line
    /// names; none for another media type.
    func libwebrtcHasCodecs(_ media: MediaDescription) -> Bool {
        switch media.media {
        case .audio:
            return media.payloadTypes.contains { (0...18).contains($0) }
                || !libwebrtcCodecs(media).isEmpty
        case .video:
            let listed = Set(media.payloadTypes)
            return media.attributes.contains { attribute in
                attribute.name == .rtpmap
                    && Int((attribute.value ?? "").prefix { $0 != " " }).map(listed.contains) == true
            }
        default: return false
        }
    }

    /// Whether libwebrtc reads an a=extmap line as the rtp-stream-id extension.
    static func libwebrtcMapsRIDExtension(_ attribute: Attribute) -> Bool {
        libwebrtcExtension(attribute)?.uri == "urn:ietf:params:rtp-hdrext:sdes:rtp-stream-id"
    }

    /// The extension an a=extmap line maps, as libwebrtc reads it (ParseExtmap): the id as
    /// written (``libwebrtcExtmapFields(_:)``) and the URI, the second field as split at each
    /// space, or the third after RFC 6904's encrypt URI; `nil` without a second field.
    static func libwebrtcExtension(_ attribute: Attribute) -> (id: Substring, uri: Substring, encrypted: Bool)? {
        guard attribute.name == .extmap else { return nil }
        let (id, fields) = libwebrtcExtmapFields(attribute.value ?? "")
        guard fields.count > 1 else { return nil }
        let encrypted = fields.count > 2 && fields[1] == "urn:ietf:params:rtp-hdrext:encrypt"
        return (id, encrypted ? fields[2] : fields[1], encrypted)
    }

    /// An a=extmap value split at each space as libwebrtc splits it, and its id: the first field
    /// up to a '/'.
    static func libwebrtcExtmapFields(_ value: String) -> (id: Substring, fields: [Substring]) {
        let fields = value.split(separator: " ", omittingEmptySubsequences: false)
        return (fields.first.map { $0.prefix { $0 != "/" } } ?? "", fields)
    }

    /// libwebrtc's reading of a=extmap (ParseExtmap): split at each space, it needs a second
    /// field, the URI, which may be empty, and an id of 1–255 (measured: 0 and 256 refused), and
    /// the encrypted form of RFC 6904 §4 with a URI other than its own; it
    /// skips a URI it does not know and reads no field after it (measured: "a=extmap:8 " and
    /// "a=extmap:5 5 urn:…" taken), which is why SDP213 is a warning under the profile.
    private func libwebrtcExtensionMap(_ section: Int?, _ index: Int, _ value: String) {
        let (id, fields) = Self.libwebrtcExtmapFields(value)
        let reason: String? =
            if fields.count < 2 {
                "it needs a URI after the id"
            } else if !(1...255).contains(Self.libwebrtcInteger(id) ?? 0) {
                "the id '\(id.prefix(20))' is not a number of 1–255"
            } else if fields[1].utf8.contains(where: {
                ($0 < 0x20 && $0 != 0x09 && $0 != 0x0D) || $0 == 0x7F || $0 == UInt8(ascii: "%")
            }) {
                // Measured: a NUL, 0x01, 0x7F or '%' in the URI refused ("URI contains invalid
                // characters"); 'é', '<', '"', '{', '|', '\\', '^', '`', '#', '~', '[' and '\'' taken.
                // A tab or a carriage return is PRF141's.
                "its URI holds a control character or '%' (\"URI contains invalid characters\")"
            } else if fields[1] == "urn:ietf:params:rtp-hdrext:encrypt" && fields.count < 3 {
                "the encrypted form needs the URI it encrypts"
            } else if fields[1] == "urn:ietf:params:rtp-hdrext:encrypt" && fields[2] == fields[1] {
                // Measured: "Recursive encrypted header" (RFC 6904 §4 encrypts another extension).
                "the encrypted form encrypts itself"
            } else {
                nil
            }
        guard let reason else { return }
        report(
            ProfileRules.extmapFields, attributeLocation(section, index), "libwebrtc refuses this a=extmap: \(reason)")
    }

    /// Whether line `number` of the input starts with `type` and '='.
    func lineStarts(_ number: Int, with type: UInt8) -> Bool {
        guard let range = parsed.source.range(ofLine: number), range.count >= 2 else { return false }
        let bytes = parsed.source.bytes
        return bytes[range.lowerBound] == type && bytes[range.lowerBound + 1] == UInt8(ascii: "=")
    }

    func isAttributeLine(_ number: Int) -> Bool { lineStarts(number, with: UInt8(ascii: "a")) }

    /// Whether libwebrtc reads a section's transport: one in use of audio or video, or a data
    /// channel section over SCTP. It rejects the others in its answer, their ICE credentials and
    /// fingerprint unread (measured: m=text, m=application with an unknown protocol, and one
    /// over UDP/TLS/RTP/SAVPF or RTP/AVP without a=ice-ufrag, with a 2-character one or without
    /// a=fingerprint, are taken).
    func libwebrtcReads(_ index: Int) -> Bool {
        let media = session.media[index]
        guard !media.isRejected else { return false }
        switch media.media {
        case .audio, .video: return true
        case .application: return Self.libwebrtcReadsAsSCTP(media.proto)
        default: return false
        }
    }

    /// libwebrtc reads a line up to its line feed less one carriage return (pc/webrtc_sdp.cc,
    /// GetLine), so white space or another carriage return at its end stays in the last field,
    /// which these readers refuse (measured with a space, a tab and a carriage return after each
    /// line of browser offers; the other lines take them, the candidate reader dropping one more
    /// carriage return). One finding per description.
    private func libwebrtcTrailingBytes() {
        /// The byte of `value` that libwebrtc's reader of `name` refuses, if any.
        func refused(_ name: Attribute.Name, _ value: ArraySlice<UInt8>) -> UInt8? {
            guard let last = value.last else { return nil }
            // A carriage return at the end of these is their grammar's finding too (SDP216, SDP218,
            // SDP221, SDP222, SDP228), as a space at the end of a group is an empty mid (PRF107).
            switch name {
            case .setup, .fingerprint, .ssrcGroup, .sctpPort, .maxMessageSize:
                return last == 0x20 || last == 0x09 ? last : nil
            case .group, .candidate: return last == 0x09 ? last : nil
            // An extension's URI may hold no tab or carriage return ("URI contains invalid
            // characters"; measured also with a lone CR, which joins two lines); a space ends it.
            case .extmap: return value.first { $0 == 0x09 || $0 == 0x0D }
            default: return nil
            }
        }
        // Where it reads the line (``libwebrtcReadsValueAttribute(_:in:)``): a rejected section's
        // too, and each name at its levels (measured: a=group and a=candidate with a tab at their
        // end refused, the one at the session level, the other in a section; taken at the other).
        func check(_ section: Int?, _ attributes: [Attribute]) -> Bool {
            let media = section.map { session.media[$0] }
            for (index, attribute) in attributes.enumerated()
            where Self.libwebrtcReadsValueAttribute(attribute.name.rawValue, in: media) {
                guard let value = value(of: attribute.sourceLine), let last = refused(attribute.name, value) else {
                    continue
                }
                let what = last == 0x0D ? "carriage return" : last == 0x09 ? "tab" : "space"
                report(
                    ProfileRules.trailingBytes, attributeLocation(section, index),
                    "libwebrtc reads the \(what) in this a=\(attribute.name) line as part of its value and refuses it"
                )
                return true
            }
            return false
        }
        guard !check(nil, session.attributes) else { return }
        for index in session.media.indices where check(index, session.media[index].attributes) { return }
    }

    /// Whether libwebrtc reads a section's RTP attributes (a=ssrc, a=msid, a=rtpmap, a=simulcast,
    /// …): its protocol is empty or has "RTP/" at its start or after a '/' (pc/media_protocol_names.cc,
    /// IsRtpProtocol), whatever its media type.
    static func libwebrtcReadsRTPAttributes(_ media: MediaDescription) -> Bool {
        let proto = Array(media.proto.rawValue.utf8)
        guard !proto.isEmpty else { return true }
        return proto.indices.contains { start in
            proto[start...].starts(with: "RTP/".utf8) && (start == 0 || proto[start - 1] == UInt8(ascii: "/"))
        }
    }

    /// Whether libwebrtc reads a section's a=fmtp and a=rtcp-fb lines: in audio and video only
    /// (ParseFmtpAttributes; measured: "a=fmtp:x y", "a=fmtp:111" and "a=rtcp-fb:96" taken in
    /// m=text, m=message, an application section over RTP and data channel sections over each
    /// SCTP protocol, refused in video).
    static func libwebrtcReadsCodecLines(of media: MediaDescription) -> Bool {
        ["audio", "video"].contains(media.media.rawValue)
    }

    /// The description as libwebrtc reads its text, where that differs from the grammar's
    /// reading (pc/webrtc_sdp.cc). It takes an a= line as the attribute whose name it starts
    /// with, exactly, when a colon, a space or the line's end follows the name (HasAttribute);
    /// and it finds a value after a run of colons (GetValue's tokenizer). So:
    /// - a group's semantics are BUNDLE only when written so, where RFC 5888 §5's ABNF ignores
    ///   case (measured with Chromium 156: two groups naming one mid refused only when both are
    ///   written "BUNDLE"; an extension id naming two URIs across a group written "bundle" or
    ///   "Bundle" taken); such a group's semantics gain a prefix, which no rule reads as BUNDLE,
    ///   and semantics that are not a token, which it compares and ignores, a token's bytes;
    /// - a value attribute it does not read where it stands, written without a value ("a=rid",
    ///   "a=rtpmap" in a data channel section: ``libwebrtcReadsValueAttribute(_:in:)``), and an
    ///   empty group ("a=group:") it takes, as lines of another name;
    /// - a property attribute followed by a space and more is that property (measured:
    ///   "a=rtcp-mux x", "a=rtcp-rsize x", "a=sendrecv x" and "a=extmap-allow-mixed x" taken);
    ///   what follows it is dropped;
    /// - the value of an attribute it reads that way starts after the colons (measured: "a=mid::0",
    ///   "a=ice-ufrag::…", "a=fingerprint::sha-256 …", "a=rtpmap::111 …" and the others of
    ///   ``libwebrtcSkipsRepeatedColons`` taken as if written with one).
    /// A general rule that finds nothing in this reading is a warning under the profile, and the
    /// profile's own rules read it; PRF150 reports the value attributes it cannot read.
    static func libwebrtcReading(_ parsed: ParseResult<SessionDescription>) -> ParseResult<SessionDescription>? {
        let source = parsed.source
        let bytes = source.bytes
        // At each range, the bytes put in its place.
        var edits: [(range: Range<Int>, bytes: [UInt8])] = []
        let levels = [(nil, parsed.value.attributes)] + parsed.value.media.map { ($0, $0.attributes) }
        for (media, attribute) in levels.flatMap({ level in level.1.map { (level.0, $0) } }) {
            guard let line = attribute.sourceLine.number.flatMap(source.range(ofLine:)), line.count > 2,
                bytes[line.lowerBound] == UInt8(ascii: "a")
            else { continue }
            // The grammar's name is the text before the first colon, so a known name is the one
            // libwebrtc matches whenever a colon or the line's end follows it; the rare lines are
            // looked at further.
            let nameStart = line.lowerBound + 2
            let nameEnd =
                bytes[nameStart..<line.upperBound].firstIndex { $0 == UInt8(ascii: ":") || $0 == 0x20 }
                ?? line.upperBound
            if nameEnd == line.upperBound {
                if attribute.name.isKnown && !attribute.name.isProperty
                    && !libwebrtcReadsValueAttribute(attribute.name.rawValue, in: media)
                {
                    edits.append((nameStart..<nameStart, Array("x-".utf8)))
                }
            } else if bytes[nameEnd] == 0x20 {
                let name = String(decoding: bytes[nameStart..<nameEnd], as: UTF8.self)
                let rest = bytes[(nameEnd + 1)..<line.upperBound]
                if libwebrtcProperties.contains(name) {
                    edits.append((nameEnd..<line.upperBound, []))
                } else if name == "sctp-port", !rest.isEmpty,
                    !rest.contains(where: { $0 == 0x20 || $0 == UInt8(ascii: ":") })
                {
                    // Without a colon in the line, it reads the port after the space (ParseSctpPort;
                    // measured: "a=sctp-port 5000" refused beside a port format, as a=sctp-port).
                    edits.append((nameEnd..<(nameEnd + 1), [UInt8(ascii: ":")]))
                } else if libwebrtcNeedsColonAfterName(name, in: media) {
                    // A line it refuses (PRF150) is read as meant, so that what its absence would
                    // bring (no fingerprint, no mid) is not reported again.
                    let value =
                        bytes[nameEnd..<line.upperBound].firstIndex { $0 != 0x20 && $0 != UInt8(ascii: ":") }
                        ?? line.upperBound
                    edits.append((nameEnd..<value, [UInt8(ascii: ":")]))
                }
            } else {
                let colons = bytes[nameEnd..<line.upperBound].prefix { $0 == UInt8(ascii: ":") }.count
                if colons > 1 && attribute.name.isKnown
                    && libwebrtcSkipsRepeatedColons.contains(attribute.name.rawValue)
                {
                    edits.append(((nameEnd + 1)..<(nameEnd + colons), []))
                }
                let start = nameEnd + colons
                if attribute.name == .sctpPort || attribute.name == .maxMessageSize {
                    // It splits the line at colons and reads the second field (ParseSctpPort,
                    // ParseSctpMaxMessageSize; measured: "a=max-message-size:2:2144" taken, "5 :x"
                    // refused: a number's reader takes no space after it).
                    var end = bytes[start..<line.upperBound].firstIndex(of: UInt8(ascii: ":")) ?? line.upperBound
                    if end < line.upperBound, end > start, !bytes[end - 1].isCSpace {
                        edits.append((end..<line.upperBound, []))
                    } else {
                        end = line.upperBound
                    }
                    // A number it reads as a signed one: "-0" is 0 (measured: "-0" and "-000"
                    // taken, "-1" refused).
                    if let minus = Self.negativeZero(bytes[start..<end]) { edits.append((minus..<(minus + 1), [])) }
                }
                // SSRCs, which it reads as unsigned numbers (measured: "-0" and "-00" taken in
                // a=ssrc and a=ssrc-group, "+0" and "-1" refused).
                if attribute.name == .ssrc || attribute.name == .ssrcGroup {
                    let fields = bytes[start..<line.upperBound].split(separator: 0x20)
                    for field in attribute.name == .ssrc ? fields.prefix(1) : fields.dropFirst() {
                        if let minus = Self.negativeZero(field) { edits.append((minus..<(minus + 1), [])) }
                    }
                    // An a=ssrc-group's semantics it takes as written, and checks FID, FEC-FR and
                    // SIM groups alone (measured: "FEC-F" followed by U+FEFF taken); a printable
                    // byte no token holds is a token's byte to it.
                    if attribute.name == .ssrcGroup, let semantics = fields.first {
                        for (offset, byte) in zip(semantics.indices, semantics) where byte > 0x20 && !byte.isTokenChar {
                            edits.append((offset..<(offset + 1), [UInt8(ascii: "x")]))
                        }
                    }
                }
                guard attribute.name == .group else { continue }
                let semantics = bytes[start..<line.upperBound].prefix { $0 != 0x20 }
                if semantics.isEmpty {
                    // An empty group it takes and ignores (measured: "a=group:" and "a=group: ").
                    edits.append((nameStart..<nameStart, Array("x-".utf8)))
                } else if semantics.contains(where: { !$0.isTokenChar }) {
                    // Semantics it compares and otherwise ignores (measured: "LS/x", "BUNDLE/x" and a
                    // NUL before "LS" or "BUNDLE" taken); its mids it reads as tokens (PRF107).
                    edits.append(
                        (start..<semantics.endIndex, semantics.map { $0.isTokenChar ? $0 : UInt8(ascii: "x") }))
                } else if Group.Semantics(rawValue: String(decoding: semantics, as: UTF8.self)) == .bundle,
                    !semantics.elementsEqual("BUNDLE".utf8)
                {
                    edits.append((start..<start, Array("x-".utf8)))
                }
            }
        }
        // The formats of an m= line, which it reads as signed numbers too (measured: "-0" taken
        // as 0, "-1" refused). A section is rejected when its port is written "0", exactly; one
        // of more zeros it reads as a port in use, here the 9 JSEP writes (measured: "00" and
        // "000" need a fingerprint, as "-0" does, where "0" does not).
        let unended = libwebrtcUnendedMediaLine(parsed)
        if let unended { edits.append((unended, [])) }
        for media in parsed.value.media {
            guard let line = media.sourceLine.number.flatMap(source.range(ofLine:)),
                line.lowerBound < unended?.lowerBound ?? Int.max
            else { continue }
            let fields = bytes[line].split(separator: 0x20)
            // It splits the line at spaces only: a tab in the media type makes one it does not
            // know, whose RTP lines it still reads (measured: "m=au\tio 20002 RTP/AVP 0 101"
            // refused for its a=rtpmap's clock rate ":000").
            if let type = fields.first {
                for tab in type.indices where bytes[tab] == 0x09 {
                    edits.append((tab..<(tab + 1), [UInt8(ascii: "x")]))
                }
                // It compares the media type as written: "VIDEO" is a type it does not know
                // (measured: "m=VIDEO" with simulcast and no rid extension taken).
                let name = type.dropFirst(2)
                if ["audio", "video", "application"].contains(where: { known in
                    name.elementsEqual(known.utf8, by: { $0 | 0x20 == $1 }) && !name.elementsEqual(known.utf8)
                }) {
                    edits.append((name.startIndex..<name.startIndex, Array("x-".utf8)))
                }
            }
            if fields.count > 1, fields[1].count > 1, fields[1].allSatisfy({ $0 == 0x30 }) {
                edits.append((fields[1].indices, [UInt8(ascii: "9")]))
            }
            for field in fields.dropFirst(3) {
                if let minus = negativeZero(field) { edits.append((minus..<(minus + 1), [])) }
            }
        }
        guard !edits.isEmpty else { return nil }
        return parse(bytes, replacing: edits)
    }

    /// A last m= line without a line ending after another section, which libwebrtc does not
    /// read: the section before ends at it, and no line can be got after (ParseContent,
    /// ParseMediaDescription; measured: taken, where another last line so is "Invalid SDP line").
    static func libwebrtcUnendedMediaLine(_ parsed: ParseResult<SessionDescription>) -> Range<Int>? {
        let bytes = parsed.source.bytes
        guard let last = bytes.last, last != UInt8(ascii: "\n"),
            let lineFeed = bytes.lastIndex(of: UInt8(ascii: "\n")),
            bytes[(lineFeed + 1)...].starts(with: "m=".utf8),
            parsed.value.media.contains(where: {
                ($0.sourceLine.number.flatMap(parsed.source.range(ofLine:))?.upperBound ?? .max) <= lineFeed
            })
        else { return nil }
        return (lineFeed + 1)..<bytes.count
    }

    /// Where the '-' of a "-0", "-00", … is.
    private static func negativeZero(_ field: ArraySlice<UInt8>) -> Int? {
        guard field.count > 1, field.first == UInt8(ascii: "-"), field.dropFirst().allSatisfy({ $0 == 0x30 })
        else { return nil }
        return field.startIndex
    }

    /// The property attributes libwebrtc reads however their line goes on after a space.
    static let libwebrtcProperties: Set<String> = [
        "rtcp-mux", "rtcp-rsize", "sendrecv", "sendonly", "recvonly", "inactive", "extmap-allow-mixed", "bundle-only",
        "ice-lite",
    ]

    /// Whether libwebrtc reads a value attribute of this name where it stands (`nil`: at the
    /// session level), and so refuses one without a value (measured with Chromium 156 for 22
    /// names written bare, "a=mid", at the session level, in audio, in a data channel section
    /// and in an m=text section over RTP): those of ``libwebrtcNeedsColonAfterName(_:in:)``,
    /// a=setup everywhere, a=simulcast in a section over RTP, a=sctp-port and a=max-message-size
    /// in a data channel section over SCTP. "a=rid", "a=crypto", "a=imageattr", "a=label",
    /// "a=framerate" and "a=rtcp" it takes, as lines it does not read.
    static func libwebrtcReadsValueAttribute(_ name: String, in media: MediaDescription?) -> Bool {
        switch name {
        case "setup": true
        case "simulcast": media.map(libwebrtcReadsRTPAttributes) ?? false
        case "sctp-port", "max-message-size": media.map(libwebrtcReadsSCTPAttributes) ?? false
        default: libwebrtcNeedsColonAfterName(name, in: media)
        }
    }

    /// The attributes whose value libwebrtc finds after a run of colons, as measured (GetValue).
    /// A candidate's foundation takes colons as they come (measured: "a=candidate:: 1 udp …",
    /// an empty foundation then, taken), so a=candidate is read as written.
    static let libwebrtcSkipsRepeatedColons: Set<String> = [
        "mid", "ice-ufrag", "ice-pwd", "fingerprint", "rtpmap", "group", "msid", "extmap", "ssrc", "fmtp", "rtcp-fb",
        "ice-options", "crypto", "ptime", "maxptime", "x-google-flag",
    ]

    /// Whether libwebrtc takes an attribute of this name up to a space where it stands (`nil`:
    /// at the session level) and then cannot find its value ("Failed to get the value of
    /// attribute"; measured with Chromium 156 for 18 names, with a space for the colon, at the
    /// session level, in a data channel section and in an m=text section over RTP): at the
    /// session level its ICE and DTLS lines, a=group, a=msid-semantic and a=extmap; in every
    /// section a=mid, its ICE and DTLS lines and a=candidate; in a section over RTP its RTP
    /// lines too, a=fmtp and a=rtcp-fb in audio and video only (ParseSessionDescription,
    /// ParseContent). Elsewhere it skips the line.
    static func libwebrtcNeedsColonAfterName(_ name: String, in media: MediaDescription?) -> Bool {
        let transport: Set<String> = ["ice-ufrag", "ice-pwd", "fingerprint", "ice-options"]
        guard let media else { return transport.contains(name) || ["group", "msid-semantic", "extmap"].contains(name) }
        if transport.contains(name) || name == "mid" || name == "candidate" { return true }
        guard libwebrtcReadsRTPAttributes(media) else { return false }
        if name == "fmtp" || name == "rtcp-fb" { return libwebrtcReadsCodecLines(of: media) }
        return ["rtpmap", "msid", "extmap", "ssrc", "ssrc-group", "ptime", "maxptime", "x-google-flag"].contains(name)
    }

    /// An a= line that libwebrtc takes as an attribute it reads, whose value it then cannot
    /// find: the name and a space, where the grammar needs a colon (HasAttribute matches a name
    /// followed by a space; measured with Chromium 156 for each of ``libwebrtcNeedsColonAfterName(_:in:)``,
    /// refused with a space for the colon and with one before it). a=setup and
    /// a=max-message-size it splits at a colon further on ("a=setup :actpass" taken, "a=setup
    /// actpass" refused, "Expects 2 fields"); a=simulcast it reads from the byte after the space
    /// ("a=simulcast send q;h;f" taken, "a=simulcast :send …" refused); a=sctp-port without a
    /// colon it reads the port of after the space (ParseSctpPort; measured: "a=sctp-port 5000"
    /// taken, "a=sctp-port x" refused, "Invalid sctp port value"); a=rid, a=crypto and the
    /// attributes it does not read take either. One finding.
    private func libwebrtcAttributesWithoutColon() {
        let source = parsed.source
        let bytes = source.bytes
        /// The name libwebrtc reads of `attribute`'s line in `media` (`nil`: the session's) where
        /// it cannot read the value after it, and whether the line is the name alone.
        func refusedName(_ attribute: Attribute, _ media: MediaDescription?) -> (name: String, bare: Bool)? {
            // The line as written: the reading has the attribute as meant.
            guard let line = attribute.sourceLine.number.flatMap(source.range(ofLine:)),
                line.count > 2, bytes[line.lowerBound] == UInt8(ascii: "a")
            else { return nil }
            let space =
                bytes[(line.lowerBound + 2)..<line.upperBound].firstIndex { $0 == UInt8(ascii: ":") || $0 == 0x20 }
                ?? line.upperBound
            let name = String(decoding: bytes[(line.lowerBound + 2)..<space], as: UTF8.self)
            // A bare name it reads that the grammar does not know (SDP203 reports the others;
            // measured: "a=x-google-flag" refused in audio and m=text, taken in a data channel).
            if space == line.upperBound {
                return !attribute.name.isKnown && Self.libwebrtcReadsValueAttribute(name, in: media)
                    ? (name, true) : nil
            }
            guard bytes[space] == 0x20 else { return nil }
            let rest = bytes[(space + 1)..<line.upperBound]
            let refused =
                switch name {
                case "setup", "max-message-size": !rest.contains(UInt8(ascii: ":"))
                case "simulcast": rest.first == UInt8(ascii: ":")
                case "sctp-port":
                    !rest.contains(UInt8(ascii: ":")) && media.map(Self.libwebrtcReadsSCTPAttributes) == true
                        && Self.libwebrtcInteger(Substring(decoding: rest.prefix { $0 != 0x20 }, as: UTF8.self)) == nil
                default: Self.libwebrtcNeedsColonAfterName(name, in: media)
                }
            return refused ? (name, false) : nil
        }
        let levels =
            [(nil, session.attributes)] + session.media.enumerated().map { ($0.offset as Int?, $0.element.attributes) }
        guard
            let (section, index, refused) = levels.lazy.compactMap({ section, attributes in
                attributes.indices.lazy.compactMap { index in
                    refusedName(attributes[index], section.map { self.session.media[$0] }).map { (section, index, $0) }
                }.first
            }).first
        else { return }
        let name = refused.name
        report(
            ProfileRules.attributeWithoutColon, attributeLocation(section, index),
            refused.bare
                ? "libwebrtc reads this line as a=\(name) and finds no value; write a=\(name):<value>"
                : name == "sctp-port"
                    ? "libwebrtc reads the field after the space as a=sctp-port's port and refuses it; write a=sctp-port:<port>"
                    : "libwebrtc reads this line as a=\(name) and cannot find its value after a space; write a=\(name):<value>"
        )
    }

    /// The lines libwebrtc does not read: those a=fmtp and a=rtcp-fb lines, every a=sctpmap,
    /// which it skips as a draft's (pc/webrtc_sdp.cc; measured: "a=sctpmap:5000" taken), the
    /// related addresses and media i= and k= lines below, and a section's a=mid lines before its
    /// last.
    static func libwebrtcUnreadLines(_ parsed: ParseResult<SessionDescription>) -> [Range<Int>] {
        parsed.value.media.flatMap { media in
            let codecLines = !libwebrtcReadsCodecLines(of: media)
            let sctpLines = !libwebrtcReadsSCTPAttributes(media)
            return media.attributes.filter {
                $0.name == .sctpmap || (codecLines && ($0.name == .fmtp || $0.name == .rtcpFeedback))
                    || (sctpLines && ($0.name == .sctpPort || $0.name == .maxMessageSize))
            }
            .compactMap { $0.sourceLine.number.flatMap(parsed.source.range(ofLine:)) }
        } + libwebrtcSkippedRelatedAddresses(parsed) + libwebrtcMediaInformationAndKeys(parsed)
            + (libwebrtcUnendedMediaLine(parsed).map { [$0] } ?? [])
            // It keeps a section's last a=mid (measured: a mid of 17 characters before a short one
            // taken, after it refused).
            + unreadMids(parsed, keepingLast: true)
    }

    /// The i= and k= lines of the media sections, which libwebrtc skips (measured: two of
    /// either in a section taken, where two i= or k= lines among the session's are refused).
    private static func libwebrtcMediaInformationAndKeys(_ parsed: ParseResult<SessionDescription>) -> [Range<Int>] {
        let source = parsed.source
        guard let first = parsed.value.media.first?.sourceLine.number, first < source.lineCount else { return [] }
        return ((first + 1)...source.lineCount).compactMap { number in
            let bytes = source.bytes(ofLine: number)
            guard bytes.count >= 2, bytes[bytes.startIndex + 1] == UInt8(ascii: "="),
                bytes.first == UInt8(ascii: "i") || bytes.first == UInt8(ascii: "k")
            else { return nil }
            return source.range(ofLine: number)
        }
    }

    /// Where libwebrtc reads a candidate's tcptype and then its extension pairs, in its fields
    /// split at spaces: after the type, and after "raddr" and then "rport", in lower case, right
    /// there (pc/webrtc_sdp.cc, ParseCandidate).
    static func libwebrtcExtensionPairsStart(_ fields: [some StringProtocol], typ: Int) -> Int {
        var position = typ + 2
        for name in ["raddr", "rport"] where position + 1 < fields.count && fields[position] == name { position += 2 }
        return position
    }

    /// The raddr and rport pairs of the sections' candidates that libwebrtc skips: it reads
    /// "raddr" and then "rport", in lower case, right after the candidate type, and passes over
    /// any later pair whose name it does not know (pc/webrtc_sdp.cc, ParseCandidate; measured:
    /// "generation 0 rport x", "RPORT x" and a second "rport x" taken, "rport x" and "raddr
    /// 192.0.2.1 rport 70000" refused). Fields are split as `libwebrtcCandidateKeywords` does,
    /// keeping where each stands.
    private static func libwebrtcSkippedRelatedAddresses(_ parsed: ParseResult<SessionDescription>) -> [Range<Int>] {
        let bytes = parsed.source.bytes
        var skipped: [Range<Int>] = []
        for media in parsed.value.media {
            for attribute in media.attributes where attribute.name == .candidate {
                guard let line = attribute.sourceLine.number.flatMap(parsed.source.range(ofLine:)),
                    let colon = bytes[line].firstIndex(of: UInt8(ascii: ":"))
                else { continue }
                // The byte range of each field of the value, the empty ones left out.
                var fields: [Range<Int>] = []
                var start = colon + 1
                for index in (colon + 1)...line.upperBound where index == line.upperBound || bytes[index] == 0x20 {
                    if index > start { fields.append(start..<index) }
                    start = index + 1
                }
                let names = fields.map { String(decoding: bytes[$0], as: UTF8.self) }
                guard let typ = names.firstIndex(where: { $0.lowercased() == "typ" }) else { continue }
                var pair = Self.libwebrtcExtensionPairsStart(names, typ: typ)
                while pair + 1 < fields.count {
                    if ["raddr", "rport"].contains(names[pair].lowercased()) {
                        skipped.append(fields[pair].lowerBound..<fields[pair + 1].upperBound)
                    }
                    pair += 2
                }
            }
        }
        return skipped
    }

    /// Whether libwebrtc reads a section's SCTP attributes (a=sctp-port, a=max-message-size): a
    /// data channel section, its media type as written, over an SCTP protocol (ParseContent;
    /// measured: "m=APPLICATION" with "a=sctp-port:x" taken).
    static func libwebrtcReadsSCTPAttributes(_ media: MediaDescription) -> Bool {
        media.media.rawValue == "application" && libwebrtcReadsAsSCTP(media.proto)
    }

    /// A track as libwebrtc tells tracks apart across sections: its first stream id ("" for
    /// none) and its id.
    struct LibwebrtcTrack: Hashable {
        var stream: Substring
        var id: Substring
    }

    /// The tracks libwebrtc makes of a section, with the line that names each (pc/webrtc_sdp.cc,
    /// ParseContent and CreateTracksFromSsrcInfos): a=msid names the one track, its first stream
    /// other than "-"; without a=msid, each SSRC's last "msid:" value (Plan B), SSRCs of one
    /// track id making one track whose stream is the last SSRC's (measured). A track without an
    /// id gets a random one, which repeats nothing, so it is left out.
    static func libwebrtcNamedTracks(_ media: MediaDescription) -> [(LibwebrtcTrack, Int)] {
        let msids = media.attributes.indices.filter { media.attributes[$0].name == .msid }
        if let first = msids.first {
            guard let id = media.attributes[first].value?.split(separator: " ").dropFirst().first else { return [] }
            let stream =
                msids.lazy.compactMap { media.attributes[$0].value?.split(separator: " ").first }.first { $0 != "-" }
            return [(LibwebrtcTrack(stream: stream ?? "", id: id), first)]
        }
        // Each SSRC's last msid value, in the order SSRCs first appear.
        var order: [Substring] = []
        var values: [Substring: (fields: [Substring], line: Int)?] = [:]
        for (index, attribute) in media.attributes.enumerated() where attribute.name == .ssrc {
            let fields = (attribute.value ?? "").split(separator: " ", maxSplits: 1)
            guard fields.count == 2 else { continue }
            if values[fields[0]] == nil {
                order.append(fields[0])
                values[fields[0]] = .some(nil)
            }
            if fields[1].hasPrefix("msid:") {
                values[fields[0]] = (fields[1].dropFirst(5).split(separator: " "), index)
            }
        }
        var tracks: [(LibwebrtcTrack, Int)] = []
        var positions: [Substring: Int] = [:]
        for ssrc in order {
            guard let (fields, line) = values[ssrc] ?? nil, fields.count == 2 else { continue }
            if let position = positions[fields[1]] {
                tracks[position].0.stream = fields[0]
            } else {
                positions[fields[1]] = tracks.count
                tracks.append((LibwebrtcTrack(stream: fields[0], id: fields[1]), line))
            }
        }
        return tracks
    }

    /// The mid libwebrtc reads in a section: that of its last a=mid line, each of which replaces
    /// the one before (pc/webrtc_sdp.cc, ParseContent; measured: a second "a=mid:0" in the second
    /// section is "Duplicate a=mid value '0'"); none for an empty one.
    func libwebrtcMid(_ media: MediaDescription) -> String? {
        guard let value = media.attributes.last(where: { $0.name == .mid })?.value, !value.isEmpty else { return nil }
        return value
    }

    /// libwebrtc checks RTX formats' apt= when it sets up a video channel, and not in audio
    /// (measured: "apt=abc" and "apt=97" of RTX type 97 refused in video, taken in audio). Where
    /// its reading of an a=fmtp line's apt= (``libwebrtcApt(_:)``) is the grammar's, SDP308
    /// says what it refuses; where the two differ, its own reading does.
    private func libwebrtcVideoRTX() {
        // The a=fmtp lines libwebrtc reads otherwise, and the m= line and payload type of each.
        var rereadLines: Set<Int> = []
        var rereadFormats: [Int: Set<Int>] = [:]
        for (index, media) in session.media.enumerated()
        where media.media == .video && !media.isRejected && media.proto.isRTP {
            let formats = Set(media.payloadTypes)
            let rtx = Self.rtxFormats(media)
            // The listed formats of FEC codecs, named by the first a=rtpmap of each.
            let fec = Dictionary(
                media.codecs.filter { ["ulpfec", "flexfec-03"].contains($0.name.lowercased()) }
                    .map { ($0.payloadType, $0.name) },
                uniquingKeysWith: { first, _ in first })
            for (attributeIndex, attribute) in media.attributes.enumerated() where attribute.name == .fmtp {
                guard let fmtp = attribute.as(FMTP.self), let pt = fmtp.payloadType, rtx.contains(pt) else { continue }
                let apt = Self.libwebrtcApt(fmtp)
                // An RTX format repairs an original or a RED format: libwebrtc refuses one whose
                // apt= names a FEC format (media/engine/webrtc_video_engine.cc, MapCodecs;
                // measured: ulpfec and flexfec-03, in any case and direction, refused; red taken).
                if let apt, let name = fec[apt] {
                    report(
                        ProfileRules.videoRTXAssociation, attributeLocation(index, attributeIndex),
                        "libwebrtc refuses RTX format \(pt) of section \(index): its apt=\(apt) names \(name), a FEC format"
                    )
                    continue
                }
                // The grammar lets an RTX format repair another section's (RFC 4588 §8.7);
                // libwebrtc repairs its own section's formats only (measured: apt=0 in video
                // beside an audio section listing PCMU refused).
                let writtenApt = fmtp[parameter: "apt"].flatMap { Int($0) }
                let repairsElsewhere = apt.map { !formats.contains($0) } ?? false
                guard apt != writtenApt || repairsElsewhere, let line = attribute.sourceLine.number else { continue }
                rereadLines.insert(line)
                // SDP308's finding for a format without apt= is on the m= line.
                if let mediaLine = media.sourceLine.number { rereadFormats[mediaLine, default: []].insert(pt) }
                if let apt {
                    guard rtx.contains(apt) || !formats.contains(apt) else { continue }
                    let named = rtx.contains(apt) ? "itself an RTX format" : "which the m= line does not list"
                    let reading = apt == writtenApt ? "" : " (the last apt= of the line counts)"
                    report(
                        ProfileRules.videoRTXAssociation, attributeLocation(index, attributeIndex),
                        "libwebrtc reads apt=\(apt)\(reading), \(named)")
                } else {
                    report(
                        ProfileRules.videoRTXAssociation, attributeLocation(index, attributeIndex),
                        """
                        libwebrtc reads no apt= in '\(fmtp.parameterText)': it takes a parameter's name as written, \
                        case and all, and a value of digits alone
                        """)
                }
            }
        }
        let firstLines = session.media.map { $0.sourceLine.number ?? Int.max }
        let bytes = parsed.source.bytes
        for finding in parsed.diagnostics
        where finding.code == "SDP308" && finding.severity == .error && !rereadLines.contains(finding.location.line) {
            guard let section = firstLines.lastIndex(where: { $0 <= finding.location.line }),
                session.media[section].media == .video
            else { continue }
            let token = finding.location.bytes.clamped(to: bytes.indices)
            if let pt = Int(String(decoding: bytes[token], as: UTF8.self)),
                rereadFormats[finding.location.line]?.contains(pt) ?? false
            {
                continue
            }
            report(ProfileRules.videoRTXAssociation, finding.location, "libwebrtc refuses this: \(finding.message)")
        }
    }

    /// The payload types a section maps to RTX (RFC 4588), as libwebrtc reads a=rtpmap
    /// (measured: RTX formats of "rtx/0", "rtx/00" and "rtx/-0" whose apt=0 names no listed
    /// format refused).
    static func rtxFormats(_ media: MediaDescription) -> Set<Int> {
        Set(
            media.attributes.compactMap(libwebrtcRTPMap).filter { String($0.name).equalsIgnoringASCIICase("rtx") }
                .map(\.payloadType))
    }

    /// The payload type an a=fmtp line's apt= names, as libwebrtc reads the line
    /// (pc/webrtc_sdp.cc): the items between ';' with the ASCII white space at their ends
    /// stripped, each split at its first run of '=', the name compared as written, a later
    /// item overriding an earlier one, and a value of decimal digits alone. Measured with
    /// Chromium 156: "APT=96", "apt= 96", "apt =96", "apt=+96", "apt=96x", "apt=96;apt=200" read
    /// no usable apt=; "apt==96", "\u{0B}apt=96", "apt=96 ;x=1" and "apt=200;apt=96" read 96.
    static func libwebrtcApt(_ fmtp: FMTP) -> Int? {
        var found: Int?
        for item in fmtp.parameterText.utf8.split(separator: UInt8(ascii: ";")) {
            var text = Array(item)[...]
            while let first = text.first, first.isCSpace { text = text.dropFirst() }
            while let last = text.last, last.isCSpace { text = text.dropLast() }
            guard let equals = text.firstIndex(of: UInt8(ascii: "=")), text[..<equals].elementsEqual("apt".utf8)
            else { continue }
            let value = text[equals...].drop { $0 == UInt8(ascii: "=") }
            found = Profile.isDecimal(value) ? Int(String(decoding: value, as: UTF8.self)) : nil
        }
        return found
    }

    /// The listed payload types libwebrtc has a codec for: those an a=rtpmap line names (whatever
    /// follows the type, a clock rate of 0 included) and the static ones (pc/webrtc_sdp.cc).
    func libwebrtcCodecs(_ media: MediaDescription) -> Set<Int> {
        let listed = Set(media.payloadTypes)
        var named = listed.filter { RTPMap.staticPayloadType($0) != nil }
        for attribute in media.attributes where attribute.name == .rtpmap {
            if let pt = Int((attribute.value ?? "").prefix { $0 != " " }), listed.contains(pt) {
                named.insert(pt)
            }
        }
        return named
    }
    /// libwebrtc's streams from a=ssrc lines (pc/webrtc_sdp.cc, media/base/stream_params.cc):
    /// one track per section, one SSRC per audio stream, and a video stream's groups complete
    /// and one per semantics and first SSRC.
    func reportSSRCStreams() {
        for (index, media) in session.media.enumerated() where media.media == .audio || media.media == .video {
            // Each SSRC's track: its msid's second value, or none.
            var declared: [UInt32] = []
            var trackOf: [UInt32: String] = [:]
            for attribute in media.attributes where attribute.name == .ssrc {
                guard let ssrc = attribute.as(SSRC.self) else { continue }
                if !declared.contains(ssrc.id) { declared.append(ssrc.id) }
                if ssrc.attribute == "msid", let track = ssrc.value?.split(separator: " ").dropFirst().first {
                    trackOf[ssrc.id] = String(track)
                }
            }
            guard !declared.isEmpty else { continue }
            // A section's a=msid makes all its SSRCs one track; without one, each SSRC's msid
            // track id names its track, SSRCs without one sharing a track. libwebrtc decides
            // this per section (CreateTracksFromSsrcInfos) and counts tracks in rejected
            // sections too (ValidateSessionDescriptionByPlan; measured: port 0 refused).
            let tracks = media.has(.msid) ? [] : Set(declared.map { trackOf[$0] ?? "" })
            func refuse(_ attributeIndex: Int?, _ why: String) {
                report(
                    ProfileRules.ssrcStreams, attributeLocation(index, attributeIndex), "libwebrtc refuses \(why)")
            }
            if tracks.count > 1 {
                refuse(
                    nil, "\(tracks.count) tracks in section \(index) from its a=ssrc msid values; it receives one")
                continue
            }
            guard !media.isRejected else { continue }
            if media.media == .audio && declared.count > 1 {
                refuse(nil, "\(declared.count) SSRCs in audio section \(index); an audio stream has one")
                continue
            }
            // Only a video stream's groups are checked (measured in audio: "FID 1 2", "SIM 1 2"
            // and two FID groups of SSRC 1, of which only SSRC 1 is declared, taken), and only
            // those of its own semantics complete (measured in video: "FOO 1 2" taken so).
            guard media.media == .video else { continue }
            var firsts: [(semantics: String, ssrc: UInt32)] = []
            for (attributeIndex, attribute) in media.attributes.enumerated() where attribute.name == .ssrcGroup {
                guard let group = attribute.as(SSRCGroup.self), let first = group.ssrcs.first,
                    declared.contains(first)
                else { continue }
                if ["FID", "FEC-FR", "SIM"].contains(group.semantics),
                    let missing = group.ssrcs.first(where: { !declared.contains($0) })
                {
                    refuse(
                        attributeIndex,
                        "this \(group.semantics) group: SSRC \(first) is declared and SSRC \(missing) is not")
                } else if firsts.contains(where: { $0 == (group.semantics, first) }) {
                    refuse(attributeIndex, "a second \(group.semantics) group for SSRC \(first)")
                }
                firsts.append((group.semantics, first))
            }
        }
    }
}
