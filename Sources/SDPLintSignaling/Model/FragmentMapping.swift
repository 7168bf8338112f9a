internal import SDPLintICE
internal import SDPLintSDP

/// The mapping between RFC 8840 SDP fragments and trickle messages, shared by SIP INFO, WHIP/WHEP
/// PATCH and the raw `sdpfrag` format.
///
/// RFC 8840 §4.4 <https://www.rfc-editor.org/rfc/rfc8840#section-4.4>
enum FragmentMapping {
    /// The trickle messages of a fragment, in order: each `a=candidate` of an m= section becomes
    /// a candidate for that section's mid, each `a=end-of-candidates` the end of its candidates
    /// (at the session level, of all). `a=ice-ufrag`, at the section level or else the session
    /// level, becomes the username fragment.
    static func contents(of fragment: SDPFragment) -> [SignalingMessage.Content] {
        var contents: [SignalingMessage.Content] = []
        let sessionUfrag = fragment.attributes.first { $0.name == .iceUfrag }?.value
        for section in fragment.media {
            let mid = section.attributes.first { $0.name == .mid }?.value
            let ufrag = section.attributes.first { $0.name == .iceUfrag }?.value ?? sessionUfrag
            for attribute in section.attributes {
                if attribute.name == .candidate {
                    contents.append(
                        .candidate(
                            .init(
                                candidate: "candidate:" + (attribute.value ?? ""), sdpMid: mid, usernameFragment: ufrag)
                        ))
                } else if attribute.name == .endOfCandidates {
                    contents.append(.endOfCandidates(.init(sdpMid: mid, usernameFragment: ufrag)))
                }
            }
        }
        if fragment.attributes.contains(where: { $0.name == .endOfCandidates }) {
            contents.append(.endOfCandidates(.init(usernameFragment: sessionUfrag)))
        }
        return contents
    }

    /// A fragment for a run of trickle messages: the ufrag (and, when `context` has it, the
    /// matching ice-pwd) at the session level when all share one, then one m= section per run
    /// of messages for the same mid, its m= line copied from the latest of `contexts` (the
    /// descriptions written before) that has that mid, else
    /// `m=audio 9 RTP/AVP 0` as RFC 8840's examples write it.
    ///
    /// - Returns: The fragment and, per message, what it could not carry.
    static func fragment(
        for contents: [SignalingMessage.Content], contexts: [SessionDescription]
    ) -> (SDPFragment, [[DroppedItem.Item: String]]) {
        struct Entry {
            var mid: String?
            var index: UInt16?
            var ufrag: String?
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
                        candidate: candidate.attributeValue))
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
        let ufrags = Set(entries.map(\.ufrag))
        let shared = ufrags.count == 1 ? ufrags.first ?? nil : nil
        var fragment = SDPFragment()
        if let shared {
            fragment.attributes.append(Attribute(ICEUfrag(shared)))
            if let password = password(for: shared, in: contexts) {
                fragment.attributes.append(Attribute(ICEPwd(password)))
            }
        }
        var current: MediaDescription?
        var currentKey: (String?, String?)?
        func close() {
            if let section = current { fragment.media.append(section) }
            current = nil
        }
        for entry in entries {
            if entry.endOfAll {
                close()
                currentKey = nil
                fragment.attributes.append(Attribute(name: .endOfCandidates))
                continue
            }
            if current == nil || currentKey.map({ $0.0 != entry.mid || $0.1 != entry.ufrag }) ?? true {
                close()
                var section = template(for: entry.mid, in: contexts)
                if let mid = entry.mid { section.attributes.append(Attribute(Mid(mid))) }
                if shared == nil, let ufrag = entry.ufrag {
                    section.attributes.append(Attribute(ICEUfrag(ufrag)))
                    if let password = password(for: ufrag, in: contexts) {
                        section.attributes.append(Attribute(ICEPwd(password)))
                    }
                }
                current = section
                currentKey = (entry.mid, entry.ufrag)
            }
            if let candidate = entry.candidate {
                current?.attributes.append(Attribute(name: .candidate, value: candidate))
            } else {
                current?.attributes.append(Attribute(name: .endOfCandidates))
            }
        }
        close()
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
