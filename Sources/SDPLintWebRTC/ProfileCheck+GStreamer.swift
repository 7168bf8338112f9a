import SDPLintDiagnostics
import SDPLintSDP

/// GStreamer's webrtcbin: what it refuses of each section's transport and of an answer to its
/// offer, measured with GStreamer 1.22 in Conformance/.
extension ProfileCheck {
    func gstreamer() {
        // webrtcbin refuses a k= line at either level ("sdp contains a k line", measured).
        if let line = firstLine(where: { $0.starts(with: [UInt8(ascii: "k"), UInt8(ascii: "=")]) }) {
            report(
                ProfileRules.gstreamerKeyLine, parsed.source.location(of: line),
                "webrtcbin refuses a description with a k= line (\"sdp contains a k line\")")
        }
        reportSetupRoles(
            ProfileRules.gstreamerSetupHoldconn, "webrtcbin knows only active, passive and actpass", exactSpelling: true
        )
        // As the offerer, webrtcbin intersects each answered transceiver's direction with its
        // own, reading the section's lines alone (gstwebrtcbin.c, measured in Conformance/).
        for (index, media) in session.media.enumerated()
        where isAnswer && !media.isRejected
            && (media.media == .audio || media.media == .video)
        {
            let directions = media.attributes.filter {
                [.sendrecv, .sendonly, .recvonly, .inactive].contains($0.name)
            }.count
            guard directions != 1 else { continue }
            report(
                ProfileRules.gstreamerAnswerDirection, parsed.location(ofSection: index),
                "webrtcbin needs one direction attribute in answered section \(index) (\(media.media)); it has \(directions)"
            )
        }
        // webrtcbin reads each section's transport, a rejected one too (gstwebrtcbin.c
        // _check_sdp_crypto and _check_valid_sdp, measured in Conformance/).
        // a=setup is read from the section only (measured: "media 0 is missing or contains an
        // empty 'setup' attribute" with a=setup at the session level alone).
        func value(_ name: Attribute.Name, _ media: MediaDescription) -> String? {
            let own =
                media.attributes.first { $0.name == name }
                ?? (name == .setup ? nil : session.attributes.first { $0.name == name })
            return own.map { $0.value ?? "" }
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
        let fingerprints = session.media.compactMap { value(.fingerprint, $0) }
        if let first = fingerprints.first,
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
        // group is not taken as one).
        let firstGroup = session.attributes.first { $0.name == .group }?.as(Group.self)
        for group in [firstGroup].compactMap({ $0 }) where group.semantics == .bundle {
            let members = session.media.indices.filter { session.media[$0].mid.map(group.mids.contains) ?? false }
            let credentials = members.map {
                [value(.iceUfrag, session.media[$0]), value(.icePwd, session.media[$0])]
            }
            if let index = members.indices.first(where: { credentials[$0] != credentials.first }) {
                report(
                    ProfileRules.gstreamerTransportDiffers, parsed.location(ofSection: members[index]),
                    "webrtcbin needs one ICE ufrag and password in a BUNDLE group; section \(members[index])'s differ from its group's first"
                )
            }
        }
    }

}
