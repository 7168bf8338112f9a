import SDPLintSDP
internal import SDPLintScanning

extension PairAnalysis {
    /// Compares the BUNDLE groups of offer and answer (RFC 9143 §7.3).
    mutating func analyzeBundle() {
        let offerGroups = offer.bundleGroups
        let answerGroups = answer.bundleGroups
        let offeredBundled = Set(offerGroups.flatMap { $0 })
        // The semantics in any case, as bundleGroups reads them (RFC 5888 §5).
        let bundleLine: Anchor = .attribute(
            "group", section: nil,
            matching: { Group.Semantics(rawValue: String($0.prefix { $0 != " " })) == .bundle })
        for group in answerGroups {
            let added = group.filter { !offeredBundled.contains($0) }
            if !added.isEmpty {
                reporter.report(
                    OfferAnswerRules.bundleMidAdded, answer, bundleLine,
                    offerGroups.isEmpty
                        ? "the answer creates a BUNDLE group although the offer has none"
                        : "the answer's BUNDLE group adds \(added.map { "'\($0)'" }.joinedAsList), which the offer does not bundle"
                )
            }
        }
        for group in offerGroups {
            let answered = answerGroups.first { !Set($0).isDisjoint(with: group) } ?? []
            bundleGroups.append(BundleGroupReport(offerMids: group, answerMids: answered))
            for mid in answered {
                guard let i = answer.index(mid: mid), i < sections.count,
                    [.declinedByAnswerer, .rejectedInOffer].contains(sections[i].rejection?.reason)
                else { continue }
                reporter.report(
                    OfferAnswerRules.bundleContainsRejected, answer, bundleLine,
                    "the answer's BUNDLE group lists '\(mid)', but the answer rejects that section")
            }
            let answeredMids = Set(answered)
            for mid in group where !answeredMids.contains(mid) {
                guard let i = offer.index(mid: mid), i < sections.count, !sections[i].rejected else { continue }
                if sections[i].bundleOnly {
                    reporter.report(
                        OfferAnswerRules.bundleOnlyNotBundled, answer, .media(i),
                        """
                        section \(i) (mid \(mid)) was offered bundle-only, so it can only be accepted inside the \
                        BUNDLE group; the answer accepts it outside
                        """,
                        hint: "keep '\(mid)' in the answer's BUNDLE group, or reject the section with port 0")
                } else if answer.usesGrouping {
                    // Without the grouping framework the whole group is declined (OA113).
                    reporter.report(
                        OfferAnswerRules.bundleSectionRemoved, answer, answerGroups.isEmpty ? .media(i) : bundleLine,
                        """
                        the answerer moved section \(i) (mid \(mid)) out of the BUNDLE group: it needs its own \
                        transport (candidates, DTLS, port)
                        """
                    )
                }
            }
            if let tag = group.first, let i = offer.index(mid: tag), i < sections.count, !sections[i].rejected,
                answered.contains(tag), let answerTag = answered.first, answerTag != tag
            {
                reporter.report(
                    OfferAnswerRules.bundleTagChanged, answer, bundleLine,
                    """
                    the answer tags '\(answerTag)' as its BUNDLE transport, but the offerer tagged '\(tag)' and \
                    the answer accepts it in the group
                    """
                )
            }
        }
        for i in sections.indices where !sections[i].rejected {
            guard let mid = sections[i].answerMid else { continue }
            sections[i].bundled = answer.bundleTag(of: mid) != nil
        }
    }

    /// Checks that hold between the sections of one description: bundled sections share one
    /// transport, one RTP session and one payload type and header extension space.
    mutating func checkAcrossSections(_ document: Document) {
        for group in document.bundleGroups {
            let members = group.compactMap(document.index(mid:)).compactMap(document.view).filter { !$0.rejected }
            checkBundleTransport(document, members)
            checkBundlePayloadTypes(document, members)
            checkBundleExtensions(document, members)
            checkSSRCCollisions(document, members)
            // RFC 9143 §9.3.1.2: the answerer enables rtcp-mux for the whole group in the section
            // of its BUNDLE tag; the other bundled sections must not repeat it (§7.1.3, IDENTICAL
            // category). One finding per group, at the tagged section.
            if document.role == .answer, let tagged = members.first,
                members.contains(where: \.isRTP), !members.contains(where: { $0.section.has(.rtcpMux) }),
                tagged.index < sections.count, !sections[tagged.index].rejected
            {
                reporter.report(
                    OfferAnswerRules.bundleRequiresRTCPMux, document, .media(tagged.index),
                    "the answer bundles RTP media but does not enable a=rtcp-mux in \(tagged.label), its BUNDLE tag",
                    hint: "add a=rtcp-mux to the section of the answer's BUNDLE tag")
            }
        }
    }

    /// RFC 9143 §7.1.3: the transport attributes of the group are the tagged section's; a
    /// section that repeats them must repeat the same values. An offer's section with an address
    /// of its own still has a transport of its own: an initial offer gives every bundled section
    /// its own port and transport attributes, as the answerer may refuse the bundle (§7.2.1, and
    /// JSEP's "balanced" policy gives them their own ICE credentials, RFC 8829 §7.1). Its values
    /// must match only where it shares the tagged section's port, or in an answer.
    private mutating func checkBundleTransport(_ document: Document, _ members: [SectionView]) {
        guard let tagged = members.first else { return }
        /// Port 9 is the placeholder of a description without candidates (RFC 8840 §4.1.1.1):
        /// equal placeholders say nothing about a shared transport.
        func sharesTransport(_ view: SectionView) -> Bool {
            document.role == .answer || (view.port == tagged.port && view.port != 9 && view.port != 0)
        }
        let reference = (
            ufrag: tagged.iceUfrag, pwd: tagged.icePwd,
            fingerprints: tagged.fingerprints.map {
                $0.hashFunction.lowercasedASCII + " " + $0.fingerprint.lowercasedASCII
            },
            setup: tagged.setup
        )
        for view in members.dropFirst() where sharesTransport(view) {
            var differences: [(String, String)] = []
            if view.section.value(ICEUfrag.self) != nil, view.iceUfrag != reference.ufrag {
                differences.append(("ice-ufrag", "ICE ufrag"))
            }
            if view.section.value(ICEPwd.self) != nil, view.icePwd != reference.pwd {
                differences.append(("ice-pwd", "ICE password"))
            }
            if !view.section.values(Fingerprint.self).isEmpty,
                view.fingerprints.map({ $0.hashFunction.lowercasedASCII + " " + $0.fingerprint.lowercasedASCII })
                    != reference.fingerprints
            {
                differences.append(("fingerprint", "fingerprint"))
            }
            if view.section.value(Setup.self) != nil, view.setup != reference.setup {
                differences.append(("setup", "a=setup role"))
            }
            guard let first = differences.first else { continue }
            reporter.report(
                OfferAnswerRules.bundleTransportDiffers, document,
                .attribute(Attribute.Name(first.0), section: view.index),
                "\(view.label) is bundled with \(tagged.label) but states another \(differences.map(\.1).joinedAsList)")
        }
    }

    /// RFC 9143 §9.1.1: a payload type used in several bundled sections has one configuration.
    private mutating func checkBundlePayloadTypes(_ document: Document, _ members: [SectionView]) {
        /// The first binding of each payload type: where, and what defines the configuration.
        struct Binding {
            var view: SectionView
            var label: String
            var identity: String
        }
        var seen: [Int: Binding] = [:]
        var reported: Set<Int> = []
        for view in members where view.isRTP {
            for codec in view.codecs {
                // Name, clock rate, channels and fmtp define a configuration (RFC 9143 §9.1.1).
                // Compared as one string: Swift 6.3's optimiser crashes on the field-by-field form.
                let identity = Self.configuration(of: codec)
                guard let first = seen[codec.payloadType] else {
                    seen[codec.payloadType] = Binding(view: view, label: codec.label, identity: identity)
                    continue
                }
                guard first.view.index != view.index, !reported.contains(codec.payloadType) else { continue }
                if first.identity != identity {
                    reported.insert(codec.payloadType)
                    reporter.report(
                        OfferAnswerRules.bundlePayloadTypeReuse, document,
                        .keyed("rtpmap", section: view.index, key: String(codec.payloadType)),
                        """
                        payload type \(codec.payloadType) is \(codec.label) in \(view.label) but \(first.label) in \
                        \(first.view.label), and both are bundled
                        """
                    )
                }
            }
        }
    }

    /// What identifies a payload type's configuration: name, clock rate, channels and fmtp.
    private static func configuration(of codec: Codec) -> String {
        var text = codec.name.lowercased()
        text += "/"
        if let rate = codec.clockRate { text += String(rate) }
        text += "/"
        text += String(codec.channels ?? 1)
        text += ";"
        if let fmtp = codec.fmtp { text += fmtp.parameterText }
        return text
    }

    /// RFC 8285 §5, RFC 9143 §9.1: one header extension id per URI across a BUNDLE group.
    private mutating func checkBundleExtensions(_ document: Document, _ members: [SectionView]) {
        var seen: [Int: (view: SectionView, uri: String)] = [:]
        var reported: Set<Int> = []
        for view in members {
            for ext in view.section.values(ExtMap.self) {
                guard let (firstView, uri) = seen[ext.id] else {
                    seen[ext.id] = (view, ext.uri)
                    continue
                }
                if uri != ext.uri && !reported.contains(ext.id) {
                    reported.insert(ext.id)
                    let id = String(ext.id)
                    reporter.report(
                        OfferAnswerRules.extmapIDCollision, document,
                        .attribute(
                            "extmap", section: view.index,
                            matching: { $0.hasPrefix(id + " ") || $0.hasPrefix(id + "/") }),
                        """
                        header extension id \(ext.id) is \(ext.uri) in \(view.label) but \(uri) in \
                        \(firstView.label), and both are bundled
                        """
                    )
                }
            }
        }
    }

    /// RFC 3550 §8, RFC 9143 §9.2: an SSRC belongs to one section of the shared RTP session.
    private mutating func checkSSRCCollisions(_ document: Document, _ members: [SectionView]) {
        var owner: [UInt32: SectionView] = [:]
        for view in members where view.isRTP {
            for ssrc in Set(view.section.values(SSRC.self).map(\.id)).sorted() {
                if let first = owner[ssrc], first.index != view.index {
                    let text = String(ssrc)
                    reporter.report(
                        OfferAnswerRules.ssrcCollision, document,
                        .attribute("ssrc", section: view.index, matching: { $0.hasPrefix(text + " ") }),
                        "SSRC \(ssrc) is declared in \(view.label) and in \(first.label), which share one RTP session")
                } else {
                    owner[ssrc] = view
                }
            }
        }
    }
}
