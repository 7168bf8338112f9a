import SDPLintDiagnostics
internal import SDPLintICE
internal import SDPLintSDP

/// The mapping between RFC 8840 SDP fragments and trickle messages, shared by SIP INFO, WHIP/WHEP
/// PATCH and the raw `sdpfrag` format.
///
/// RFC 8840 §4.4 <https://www.rfc-editor.org/rfc/rfc8840#section-4.4>
enum FragmentMapping {
    /// The trickle messages of a fragment, in order: each `a=candidate` of an m= section becomes
    /// a candidate for that section's mid, each `a=end-of-candidates` the end of its candidates
    /// (at the session level, of all). `a=ice-ufrag` and `a=ice-pwd`, at the section level or
    /// else the session level, become the username fragment and the password.
    static func contents(of fragment: SDPFragment) -> [SignalingMessage.Content] {
        var contents: [SignalingMessage.Content] = []
        let sessionUfrag = fragment.attributes.first { $0.name == .iceUfrag }?.value
        let sessionPassword = fragment.attributes.first { $0.name == .icePwd }?.value
        for section in fragment.media {
            let mid = section.attributes.first { $0.name == .mid }?.value
            let ufrag = section.attributes.first { $0.name == .iceUfrag }?.value ?? sessionUfrag
            let password = section.attributes.first { $0.name == .icePwd }?.value ?? sessionPassword
            for attribute in section.attributes {
                if attribute.name == .candidate {
                    contents.append(
                        .candidate(
                            .init(
                                candidate: "candidate:" + (attribute.value ?? ""), sdpMid: mid, usernameFragment: ufrag,
                                password: password)))
                } else if attribute.name == .endOfCandidates {
                    contents.append(.endOfCandidates(.init(sdpMid: mid, usernameFragment: ufrag)))
                }
            }
        }
        // At the session level it ends every section's gathering, whatever their ufrags.
        if fragment.attributes.contains(where: { $0.name == .endOfCandidates }) {
            contents.append(.endOfCandidates(.init()))
        }
        return contents
    }

    /// The trickle messages a description's ICE lines amount to: each section's candidates and
    /// end of candidates, with its mid, username fragment and password (section level, else
    /// session level; RFC 8839 §5.4).
    static func contents(of description: SessionDescription) -> [SignalingMessage.Content] {
        let sessionUfrag = description.attributes.first { $0.name == .iceUfrag }?.value
        let sessionPassword = description.attributes.first { $0.name == .icePwd }?.value
        var contents: [SignalingMessage.Content] = []
        for (index, section) in description.media.enumerated() {
            let mid = section.attributes.first { $0.name == .mid }?.value
            let ufrag = section.attributes.first { $0.name == .iceUfrag }?.value ?? sessionUfrag
            let password = section.attributes.first { $0.name == .icePwd }?.value ?? sessionPassword
            let position = UInt16(exactly: index)
            for attribute in section.attributes {
                if attribute.name == .candidate {
                    contents.append(
                        .candidate(
                            .init(
                                candidate: "candidate:" + (attribute.value ?? ""), sdpMid: mid,
                                sdpMLineIndex: mid == nil ? position : nil, usernameFragment: ufrag, password: password)
                        ))
                } else if attribute.name == .endOfCandidates {
                    contents.append(
                        .endOfCandidates(
                            .init(sdpMid: mid, sdpMLineIndex: mid == nil ? position : nil, usernameFragment: ufrag)))
                }
            }
        }
        return contents
    }

    /// A fragment for trickle messages (RFC 8840 §4.4): one m= section per mid, in the order the
    /// mids first appear, holding that mid's candidates and end of candidates — so no mid is
    /// repeated — with `a=ice-ufrag` and `a=ice-pwd` at the session level when every message
    /// shares one ufrag, else in each section. A password comes from the message, else from the
    /// latest of `contexts` (the descriptions written before) that has the ufrag. Each section's
    /// m= line is copied from the latest context with that mid, else `m=audio 9 RTP/AVP 0` as
    /// RFC 8840's examples write it.
    ///
    /// - Returns: The fragment and, per message, what it could not carry.
    static func fragment(
        for contents: [SignalingMessage.Content], contexts: [SessionDescription]
    ) -> (SDPFragment, [[DroppedItem.Item: String]]) {
        struct Entry {
            var mid: String?
            var index: UInt16?
            var ufrag: String?
            var password: String?
            var candidate: String?
            var endOfAll = false
        }
        var entries: [Entry] = []
        for content in contents {
            switch content {
            case .candidate(let candidate):
                entries.append(
                    Entry(
                        mid: candidate.sdpMid, index: candidate.sdpMLineIndex, ufrag: candidate.usernameFragment,
                        password: candidate.password, candidate: candidate.attributeValue))
            case .endOfCandidates(let end):
                entries.append(
                    Entry(
                        mid: end.sdpMid, index: end.sdpMLineIndex, ufrag: end.usernameFragment,
                        endOfAll: end.isForAllSections))
            default:
                entries.append(Entry())
            }
        }
        var dropped: [[DroppedItem.Item: String]] = Array(repeating: [:], count: entries.count)
        // A mid from the context for a message that names only its m-line index.
        for position in entries.indices where entries[position].mid == nil {
            if let index = entries[position].index, let context = contexts.last, Int(index) < context.media.count,
                let mid = context.media[Int(index)].attributes.first(where: { $0.name == .mid })?.value
            {
                entries[position].mid = mid
            }
        }
        for (position, entry) in entries.enumerated() where entry.index != nil {
            dropped[position][.sdpMLineIndex] =
                "an SDP fragment names m= sections by a=mid, not by index (RFC 8840 §4.4)"
        }
        func password(_ ufrag: String) -> String? {
            entries.first { $0.ufrag == ufrag && $0.password != nil }?.password
                ?? FragmentMapping.password(for: ufrag, in: contexts)
        }
        let ufrags = Set(entries.filter { $0.candidate != nil || !$0.endOfAll }.compactMap(\.ufrag))
        let shared = ufrags.count == 1 ? ufrags.first : nil
        var fragment = SDPFragment()
        if let shared {
            fragment.attributes.append(Attribute(ICEUfrag(shared)))
            if let password = password(shared) { fragment.attributes.append(Attribute(ICEPwd(password))) }
        }
        var order: [String] = []
        var sections: [String: (section: MediaDescription, ufrag: String?)] = [:]
        var endOfAll = false
        for (position, entry) in entries.enumerated() {
            if entry.endOfAll {
                endOfAll = true
                if entry.ufrag != nil {
                    dropped[position][.usernameFragment] =
                        "a session-level a=end-of-candidates ends every section's gathering and names no ufrag"
                }
                continue
            }
            guard entry.candidate != nil || entry.mid != nil || entry.ufrag != nil else { continue }
            let key = entry.mid ?? ""
            if sections[key] == nil {
                var section = template(for: entry.mid, in: contexts)
                if let mid = entry.mid { section.attributes.append(Attribute(Mid(mid))) }
                if shared == nil, let ufrag = entry.ufrag {
                    section.attributes.append(Attribute(ICEUfrag(ufrag)))
                    if let password = password(ufrag) { section.attributes.append(Attribute(ICEPwd(password))) }
                }
                order.append(key)
                sections[key] = (section, entry.ufrag)
            } else if shared == nil, let ufrag = entry.ufrag, let own = sections[key]?.ufrag, own != ufrag {
                // One section holds one ICE generation (RFC 8840 §4.4): a restart's candidates
                // need a fragment of their own, and filed under the old ufrag they would be wrong.
                dropped[position][.message] = """
                    the ufrag \(ufrag) differs from the one this fragment gives mid \(entry.mid ?? "-") (\(own)): an \
                    ICE restart's candidates need a fragment of their own
                    """
                continue
            }
            if let candidate = entry.candidate {
                sections[key]?.section.attributes.append(Attribute(name: .candidate, value: candidate))
            } else {
                sections[key]?.section.attributes.append(Attribute(name: .endOfCandidates))
            }
        }
        fragment.media = order.compactMap { sections[$0]?.section }
        if endOfAll { fragment.attributes.append(Attribute(name: .endOfCandidates)) }
        return (fragment, dropped)
    }

    /// `m=<media> 9 <proto> <fmt>` of the section with `mid` in `context`, else `m=audio 9 RTP/AVP 0`.
    static func template(for mid: String?, in contexts: [SessionDescription]) -> MediaDescription {
        if let mid,
            let section = contexts.reversed().lazy.compactMap({ context in
                context.media.first { $0.attributes.contains { $0.name == .mid && $0.value == mid } }
            }).first
        {
            return MediaDescription(
                media: section.media, port: 9, proto: section.proto,
                formats: section.formats.isEmpty ? ["0"] : section.formats)
        }
        return MediaDescription(media: .audio, port: 9, proto: "RTP/AVP", formats: ["0"])
    }

    /// The ice-pwd that goes with `ufrag` in `context`, at the section or session level.
    /// The ufrag and password pairs of a description: the session's and each section's, a
    /// section's ufrag or password falling back to the session's (RFC 8839 §5.4).
    static func credentials(of description: SessionDescription) -> Set<ICECredentials> {
        let sessionUfrag = description.attributes.first { $0.name == .iceUfrag }?.value
        let sessionPassword = description.attributes.first { $0.name == .icePwd }?.value
        var credentials: Set<ICECredentials> = []
        if let sessionPassword { credentials.insert(ICECredentials(ufrag: sessionUfrag, password: sessionPassword)) }
        for section in description.media {
            let ufrag = section.attributes.first { $0.name == .iceUfrag }?.value ?? sessionUfrag
            if let password = section.attributes.first(where: { $0.name == .icePwd })?.value ?? sessionPassword {
                credentials.insert(ICECredentials(ufrag: ufrag, password: password))
            }
        }
        return credentials
    }

    static func password(for ufrag: String, in contexts: [SessionDescription]) -> String? {
        for context in contexts.reversed() {
            if let password = password(for: ufrag, in: context) { return password }
        }
        return nil
    }

    static func password(for ufrag: String, in context: SessionDescription) -> String? {
        if context.attributes.contains(where: { $0.name == .iceUfrag && $0.value == ufrag }) {
            return context.attributes.first { $0.name == .icePwd }?.value
        }
        for section in context.media
        where section.attributes.contains(where: { $0.name == .iceUfrag && $0.value == ufrag }) {
            return section.attributes.first { $0.name == .icePwd }?.value
                ?? context.attributes.first { $0.name == .icePwd }?.value
        }
        return nil
    }
}

/// An ICE username fragment and the password that goes with it (RFC 8839 §5.4).
struct ICECredentials: Hashable {
    var ufrag: String?
    var password: String
}
