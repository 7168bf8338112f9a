import SDPLintDiagnostics
import SDPLintSDP

/// GStreamer's webrtcbin: what it refuses of each section's transport and of an answer to its
/// offer, measured with GStreamer 1.22 in Conformance/.
extension ProfileCheck {
    /// The lines of each section's a=setup after its first, which webrtcbin does not read:
    /// GstSdp gives it a section's first (measured: "a=setup:", "a=setup:bogus" and
    /// "a=setup: actpass" after "a=setup:actpass" taken).
    static func unreadSetupLines(_ parsed: ParseResult<SessionDescription>) -> [Range<Int>] {
        parsed.value.media.flatMap { media in
            media.attributes.filter { $0.name == .setup }.dropFirst()
                .compactMap { $0.sourceLine.number.flatMap(parsed.source.range(ofLine:)) }
        }
    }

    /// webrtcbin is given the text as a C string: it reads nothing after a NUL byte (measured:
    /// a NUL after Firefox's "a=mid:0" refused, "No fingerprint lines in sdp for media 0", and
    /// after Chromium's, whose section has its fingerprint above it, taken). The refusals of
    /// that reading which the text without its NUL bytes does not give have one cause: they
    /// become one finding, at the NUL.
    private func reportTextEndingAtNUL() {
        let bytes = parsed.source.bytes
        guard let nul = bytes.firstIndex(of: 0), let read = profile.reading(of: parsed) else { return }
        func refusals(_ description: ParseResult<SessionDescription>) -> [Diagnostic] {
            (description.diagnostics + WebRTCChecks.run(description, type: type, strict: strict))
                .filter { profile.judge($0.code, $0.severity) == .error }
        }
        func key(_ finding: Diagnostic) -> String { "\(finding.code.rawValue) \(finding.location.line)" }
        let whole = SessionDescription.parse(bytes: bytes.filter { $0 != 0 })
        let refusedAnyway = Set(
            (refusals(whole) + profile.check(whole, type: type, strict: strict).filter { $0.severity == .error })
                .map(key))
        let caused = { (finding: Diagnostic) in finding.severity == .error && !refusedAnyway.contains(key(finding)) }
        guard let first = (findings + refusals(read)).first(where: caused) else { return }
        dropFindings(where: caused)
        report(
            ProfileRules.gstreamerTextEndsAtNUL, parsed.source.location(of: nul..<(nul + 1)),
            "webrtcbin reads the text up to this NUL byte, and refuses what it reads: \(first.message)"
        )
    }

    func gstreamer() {
        // webrtcbin refuses key data on the session's k= line ("sdp contains a k line"): GstSdp
        // reads the method up to the first colon and the data after it, so "k=prompt" and
        // "k=clear:" pass; a section's k= is not looked at (gstsdpmessage.c, measured).
        let source = parsed.source
        let sessionLines = (0..<source.lineCount).lazy.compactMap { source.range(ofLine: $0 + 1) }
            .prefix { !source.bytes[$0].starts(with: [UInt8(ascii: "m"), UInt8(ascii: "=")]) }
        if let line = sessionLines.first(where: { line in
            let bytes = source.bytes[line]
            guard bytes.starts(with: [UInt8(ascii: "k"), UInt8(ascii: "=")]) else { return false }
            let value = bytes.dropFirst(2).prefix { $0 != 0x0D }
            return value.firstIndex(of: UInt8(ascii: ":")).map { $0 + 1 < value.endIndex } ?? false
        }) {
            report(
                ProfileRules.gstreamerKeyLine, source.location(of: line),
                "webrtcbin refuses key data on the session's k= line (\"sdp contains a k line\")")
        }
        // GstSdp gives webrtcbin a section's first a=setup (measured: a second holdconn taken).
        reportSetupRoles(
            ProfileRules.gstreamerSetupHoldconn, "webrtcbin knows only active, passive and actpass",
            exactSpelling: true,
            firstOnly: true)
        // As the offerer, webrtcbin intersects each answered transceiver's direction with its
        // own, reading the section's lines alone (gstwebrtcbin.c, measured in Conformance/).
        // GstSdp keeps white space after a name as part of it: "a=recvonly " is no direction
        // (measured).
        for (index, media) in session.media.enumerated()
        where isAnswer && !media.isRejected
            && (media.media == .audio || media.media == .video)
        {
            let written = media.attributes.filter { $0.name.direction != nil }
            let directions = written.filter { $0.trailingWhitespace == nil }.count
            guard directions != 1 else { continue }
            let padded = directions < written.count
            report(
                ProfileRules.gstreamerAnswerDirection, parsed.location(ofSection: index),
                "webrtcbin needs one direction attribute in answered section \(index) (\(media.media)); it reads \(directions)"
                    + (padded ? ", as white space after a direction's name makes it another attribute" : "")
            )
        }
        // webrtcbin reads each section's transport, a rejected one too (gstwebrtcbin.c
        // _check_sdp_crypto and _check_valid_sdp, measured in Conformance/).
        // a=setup and a=mid are read from the section only (measured: "media 0 is missing or
        // contains an empty 'setup' attribute", and 'mid', with the line at the session level alone).
        func own(_ name: Attribute.Name, _ media: MediaDescription) -> String? {
            media.attributes.first { $0.name == name }.map { $0.value ?? "" }
        }
        func value(_ name: Attribute.Name, _ media: MediaDescription) -> String? {
            own(name, media)
                ?? (name == .setup || name == .mid
                    ? nil : session.attributes.first { $0.name == name }.map { $0.value ?? "" })
        }
        if let index = session.media.indices.first(where: { index in
            [.fingerprint, .iceUfrag, .icePwd, .setup, .mid].contains {
                value($0, session.media[index])?.isEmpty ?? true
            }
        }) {
            let missing = [Attribute.Name.fingerprint, .iceUfrag, .icePwd, .setup, .mid].filter {
                value($0, session.media[index])?.isEmpty ?? true
            }
            report(
                ProfileRules.gstreamerTransportEverySection, parsed.location(ofSection: index),
                "webrtcbin needs \(missing.map { "a=\($0)" }.joined(separator: ", ")) in section \(index) (\(session.media[index].media))\(missing == [.setup] ? "" : ", or at the session level")"
            )
        }
        // A section's own fingerprint must be the session's, written the same (measured:
        // "Fingerprint in media 0 differs from global fingerprint").
        let global = session.attributes.first { $0.name == .fingerprint }?.value ?? ""
        let fingerprints = session.media.compactMap { value(.fingerprint, $0) }
        if !global.isEmpty,
            let index = session.media.indices.first(where: { index in
                own(.fingerprint, session.media[index]).map { !$0.isEmpty && $0 != global } ?? false
            })
        {
            report(
                ProfileRules.gstreamerTransportDiffers, parsed.location(ofSection: index),
                "webrtcbin takes one certificate for the connection; section \(index)'s fingerprint differs from the session's"
            )
        } else if let first = fingerprints.first,
            let index = session.media.indices.first(where: { index in
                value(.fingerprint, session.media[index]).map { $0 != first } ?? false
            })
        {
            report(
                ProfileRules.gstreamerTransportDiffers, parsed.location(ofSection: index),
                "webrtcbin takes one certificate for the connection; section \(index)'s fingerprint differs from the first"
            )
        }
        // webrtcbin reads the first a=group line alone (measured: a BUNDLE group after an LS
        // group is not taken as one). It compares each credential a member section has of its
        // own with the first member's that has one (measured: "different ice-ufrag values in
        // bundle. l1kr != (null)" with the second section's moved to the session level, taken
        // with the first's moved).
        let firstGroup = session.attributes.first { $0.name == .group }?.as(Group.self)
        for group in [firstGroup].compactMap({ $0 }) where group.semantics == .bundle {
            let members = session.media.indices.filter { session.media[$0].mid.map(group.mids.contains) ?? false }
            let media = session.media
            let differs = members.first { member in
                [Attribute.Name.iceUfrag, .icePwd].contains { name in
                    guard let reference = members.first(where: { own(name, media[$0]) != nil }) else { return false }
                    return member > reference && own(name, media[member]) != own(name, media[reference])
                }
            }
            if let member = differs {
                report(
                    ProfileRules.gstreamerTransportDiffers, parsed.location(ofSection: member),
                    "webrtcbin needs one ICE ufrag and password in a BUNDLE group; section \(member)'s differ from its group's first"
                )
            }
        }
        reportTextEndingAtNUL()
    }
}
