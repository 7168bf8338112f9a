import SDPLintSDP
internal import SDPLintScanning

extension PairAnalysis {
    /// One row of the codec table being built: an offered codec, an answered one, or both.
    private struct Row {
        var offer: Int?
        var answer: Int?
        var status: CodecStatus
        var reason: String?
    }

    /// Whether two formats are the same encoding: name (case-insensitive, RFC 4855 §3), clock
    /// rate and, for audio, channels (RFC 8866 §6.6). opus is always 2 channels in SDP (RFC
    /// 7587 §7): a mapping that says otherwise is a malformed opus (OA212), not another codec.
    private static func sameEncoding(_ a: Codec, _ b: Codec) -> Bool {
        guard !a.name.isEmpty, a.name.equalsIgnoringASCIICase(b.name), a.clockRate == b.clockRate else { return false }
        return a.name.equalsIgnoringASCIICase("opus") || (a.channels ?? 1) == (b.channels ?? 1)
    }

    /// The RTCP feedback of a codec as `type[ param]` strings, without repeats; trr-int is
    /// compared by type only.
    private static func feedback(_ codec: Codec) -> [String] {
        var result: [String] = []
        for item in codec.feedback {
            let key =
                item.type.equalsIgnoringASCIICase("trr-int")
                ? item.type : item.parameter.map { item.type + " " + $0 } ?? item.type
            if !result.contains(key) { result.append(key) }
        }
        return result
    }

    /// Whether an answered feedback value (`type[ param]`, as ``feedback(_:)`` writes it) answers
    /// an offered one: the same value, or a codec control message whose parameters the answer
    /// may narrow. RFC 5104 §7.2: the answerer keeps the H.271 sub-messages it supports
    /// (`ccm vbcm 1` answers `ccm vbcm 1 2`), and includes smaxpr with tmmbr only where the
    /// offer did (then the higher value applies); RFC 7728 §9.1: it may change pause's config
    /// and leave out nowait.
    static func feedback(_ answered: String, answers offered: String) -> Bool {
        if answered == offered { return true }
        let a = answered.split(separator: " ")
        let o = offered.split(separator: " ")
        guard a.count >= 2, o.count >= 2, a[0] == "ccm", o[0] == "ccm", a[1] == o[1] else { return false }
        switch a[1] {
        case "vbcm": return Set(a.dropFirst(2)).isSubset(of: o.dropFirst(2))
        case "tmmbr": return a.count == 2 || o.count > 2
        case "pause": return true
        default: return false
        }
    }

    /// Pairs the codecs of an RTP section (RFC 3264 §6.1) and reports what does not match.
    ///
    /// Same payload type first: the answer should reuse the offer's numbers, and a number
    /// reused for something else is a conflict. Then codecs the answer lists under other
    /// numbers are matched by encoding and compatible parameters (``CodecParameters``); RTX is
    /// matched through the codec it repairs (RFC 4588 §8.6). What the offer lists and the
    /// answer does not is dropped, each with the likeliest reason.
    mutating func analyzeCodecs(_ index: Int, _ o: SectionView, _ a: SectionView) {
        // An offer's potential configuration the answer chose stands for its m= line's formats.
        let offered = a.codecsSelected(fromOffer: o) ?? o.codecs
        let answered = a.codecs
        let audio = o.media == .audio
        // RFC 7587 §7: opus is always opus/48000/2 in SDP.
        for (document, view, codecs) in [(offer, o, offered), (answer, a, answered)] {
            for codec in codecs
            where codec.name.equalsIgnoringASCIICase("opus") && (codec.clockRate != 48000 || (codec.channels ?? 1) != 2)
            {
                reporter.report(
                    OfferAnswerRules.opusRTPMap, document,
                    .keyed("rtpmap", section: index, key: String(codec.payloadType)),
                    """
                    \(view.label) of the \(document.role) maps opus as \(codec.label), not 48000 Hz with 2 channels \
                    (opus/48000/2, in any case), so peers do not recognise it
                    """,
                    hint: "write a=rtpmap:\(codec.payloadType) opus/48000/2")
            }
        }
        if sections[index].rejected {
            sections[index].codecs = offered.enumerated().map { rank, codec in
                var report = Self.codecReport(offer: codec, answer: nil, status: .dropped, audio: audio)
                report.offerRank = rank
                report.reason = "the section is rejected"
                return report
            }
            return
        }
        var offerIndex: [Int: Int] = [:]
        for (i, codec) in offered.enumerated() where offerIndex[codec.payloadType] == nil {
            offerIndex[codec.payloadType] = i
        }
        let answeredTypes = Set(answered.map(\.payloadType))
        var rows: [Row] = []
        var pairedOffer: [Int: Int] = [:]  // offer index → answer index
        var pairedAnswer: [Int: Int] = [:]  // answer index → offer index
        var handledAnswer: Set<Int> = []
        var notes: [Int: String] = [:]  // offer index → note on a negotiated pair

        func pair(_ i: Int, _ j: Int, note: String? = nil) {
            pairedOffer[i] = j
            pairedAnswer[j] = i
            handledAnswer.insert(j)
            if let note { notes[i] = note }
        }
        func rtpmapAnchor(_ codec: Codec) -> Anchor {
            codec.rtpmap != nil && answer.attribute("rtpmap", in: index, keyed: String(codec.payloadType)) != nil
                ? .keyed("rtpmap", section: index, key: String(codec.payloadType))
                : .format(index, String(codec.payloadType))
        }
        func fmtpAnchor(_ codec: Codec) -> Anchor {
            answer.attribute("fmtp", in: index, keyed: String(codec.payloadType)) != nil
                ? .keyed("fmtp", section: index, key: String(codec.payloadType)) : rtpmapAnchor(codec)
        }

        // 1. Answered formats that reuse an offered payload type.
        for (j, codec) in answered.enumerated() where codec.kind != .retransmission {
            guard let i = offerIndex[codec.payloadType] else { continue }
            let offeredCodec = offered[i]
            handledAnswer.insert(j)
            if codec.rtpmap == nil {
                reporter.report(
                    OfferAnswerRules.rtpmapMissing, answer, .format(index, String(codec.payloadType)),
                    """
                    \(a.label) lists payload type \(codec.payloadType) without an a=rtpmap; assumed to be the \
                    offer's \(offeredCodec.label)
                    """,
                    hint: offeredCodec.rtpmap.map {
                        "add a=rtpmap:\(codec.payloadType) \($0.encodingName)/\($0.clockRate)"
                    })
                pair(i, j, note: "the answer has no rtpmap for it")
                continue
            }
            if Self.sameEncoding(offeredCodec, codec) {
                let comparison = CodecParameters.compare(name: codec.name, offer: offeredCodec.fmtp, answer: codec.fmtp)
                if let why = comparison.incompatibility {
                    rows.append(Row(offer: nil, answer: j, status: .payloadTypeConflict, reason: why))
                    reporter.report(
                        OfferAnswerRules.codecParametersIncompatible, answer, fmtpAnchor(codec),
                        """
                        payload type \(codec.payloadType) of \(a.label) answers the offer's \(offeredCodec.label) \
                        with another configuration: \(why)
                        """
                    )
                } else {
                    pair(i, j, note: comparison.note)
                    if let exceeded = comparison.levelExceeded {
                        reporter.report(
                            OfferAnswerRules.h264LevelExceedsOffer, answer, fmtpAnchor(codec),
                            """
                            \(codec.label) of \(a.label): \(exceeded), and level asymmetry is not allowed on both \
                            sides
                            """,
                            hint:
                                "answer with the offer's level or lower, or add level-asymmetry-allowed=1 on both sides"
                        )
                    }
                }
            } else {
                // An offered type whose encoding could not be read (its own error says why).
                let offeredBinding =
                    offeredCodec.name.isEmpty
                    ? "the offer's payload type \(codec.payloadType) has no encoding that can be read"
                    : "the offer binds it to \(offeredCodec.label)"
                rows.append(Row(offer: nil, answer: j, status: .payloadTypeConflict, reason: offeredBinding))
                reporter.report(
                    OfferAnswerRules.payloadTypeConflict, answer, rtpmapAnchor(codec),
                    "\(a.label) binds payload type \(codec.payloadType) to \(codec.label); \(offeredBinding)")
            }
        }

        // 2. Answered formats under numbers the offer does not use: a codec under another
        // number, or one the offer does not have.
        for (j, codec) in answered.enumerated() where codec.kind != .retransmission && !handledAnswer.contains(j) {
            handledAnswer.insert(j)
            if codec.rtpmap == nil {
                reporter.report(
                    OfferAnswerRules.rtpmapMissing, answer, .format(index, String(codec.payloadType)),
                    """
                    \(a.label) lists payload type \(codec.payloadType) without an a=rtpmap, and the offer does not \
                    use it either: the codec is unknown
                    """
                )
                rows.append(Row(offer: nil, answer: j, status: .addedByAnswer, reason: "unknown codec: no rtpmap"))
                continue
            }
            let candidate = offered.indices.first { i in
                pairedOffer[i] == nil && offered[i].kind != .retransmission && Self.sameEncoding(offered[i], codec)
                    && CodecParameters.compare(name: codec.name, offer: offered[i].fmtp, answer: codec.fmtp)
                        .incompatibility == nil
            }
            if let i = candidate {
                pair(
                    i, j,
                    note: "payload type \(offered[i].payloadType) in the offer, \(codec.payloadType) in the answer")
                reporter.report(
                    OfferAnswerRules.payloadTypeRemapped, answer, rtpmapAnchor(codec),
                    "\(a.label) answers the offer's \(offered[i].label) with payload type \(codec.payloadType)",
                    hint: "use the offer's payload type \(offered[i].payloadType)")
            } else {
                // Same encoding in another configuration, or not offered at all.
                let otherConfiguration = offered.lazy.filter { Self.sameEncoding($0, codec) }
                    .compactMap {
                        CodecParameters.compare(name: codec.name, offer: $0.fmtp, answer: codec.fmtp).incompatibility
                    }.first
                if let otherConfiguration {
                    let reason = "the offer has \(codec.name) only in another configuration (\(otherConfiguration))"
                    rows.append(Row(offer: nil, answer: j, status: .addedByAnswer, reason: reason))
                    reporter.report(
                        OfferAnswerRules.codecAddedByAnswer, answer, rtpmapAnchor(codec),
                        "\(a.label) lists \(codec.label), but \(reason); the offerer will not send it")
                } else {
                    rows.append(
                        Row(offer: nil, answer: j, status: .addedByAnswer, reason: "the offer does not list it"))
                    reporter.report(
                        OfferAnswerRules.codecAddedByAnswer, answer, rtpmapAnchor(codec),
                        "\(a.label) lists \(codec.label), which the offer does not list; the offerer will not send it")
                }
            }
        }

        // 3. RTX, matched through the codec it repairs.
        for (j, codec) in answered.enumerated() where codec.kind == .retransmission {
            handledAnswer.insert(j)
            if let i = offerIndex[codec.payloadType] {
                if offered[i].kind == .retransmission && offered[i].clockRate == codec.clockRate {
                    pair(i, j)
                } else {
                    rows.append(
                        Row(
                            offer: nil, answer: j, status: .payloadTypeConflict,
                            reason: "the offer binds payload type \(codec.payloadType) to \(offered[i].label)"))
                    reporter.report(
                        OfferAnswerRules.payloadTypeConflict, answer, rtpmapAnchor(codec),
                        """
                        \(a.label) binds payload type \(codec.payloadType) to \(codec.label), the offer to \
                        \(offered[i].label)
                        """
                    )
                    continue
                }
            } else if let apt = codec.associatedPayloadType,
                let repaired = answered.firstIndex(where: { $0.payloadType == apt }),
                let target = pairedAnswer[repaired],
                let i = offered.indices.first(where: {
                    pairedOffer[$0] == nil && offered[$0].kind == .retransmission
                        && offered[$0].associatedPayloadType == offered[target].payloadType
                })
            {
                pair(
                    i, j,
                    note: "payload type \(offered[i].payloadType) in the offer, \(codec.payloadType) in the answer")
                reporter.report(
                    OfferAnswerRules.payloadTypeRemapped, answer, rtpmapAnchor(codec),
                    "\(a.label) answers the offer's \(offered[i].label) with payload type \(codec.payloadType)",
                    hint: "use the offer's payload type \(offered[i].payloadType)")
            } else {
                rows.append(
                    Row(
                        offer: nil, answer: j, status: .addedByAnswer,
                        reason: "the offer has no RTX for the codec it repairs"))
                reporter.report(
                    OfferAnswerRules.codecAddedByAnswer, answer, rtpmapAnchor(codec),
                    "\(a.label) lists \(codec.label), which the offer does not list; the offerer will not send it")
                continue
            }
            // The RTX pair must repair a negotiated codec, the same one on both sides.
            guard let i = pairedAnswer[j] else { continue }
            guard let apt = codec.associatedPayloadType else {
                reporter.report(
                    OfferAnswerRules.rtxAssociationInvalid, answer, fmtpAnchor(codec),
                    "\(codec.label) of \(a.label) has no apt= naming the payload type it repairs")
                continue
            }
            guard answeredTypes.contains(apt) else {
                reporter.report(
                    OfferAnswerRules.rtxAssociationInvalid, answer, fmtpAnchor(codec),
                    "\(codec.label) of \(a.label) repairs payload type \(apt), which the answer does not list")
                continue
            }
            guard let repaired = answered.firstIndex(where: { $0.payloadType == apt }),
                let target = pairedAnswer[repaired]
            else {
                reporter.report(
                    OfferAnswerRules.rtxAssociationInvalid, answer, fmtpAnchor(codec),
                    "\(codec.label) of \(a.label) repairs payload type \(apt), which was not negotiated")
                continue
            }
            if let offeredApt = offered[i].associatedPayloadType, offeredApt != offered[target].payloadType {
                reporter.report(
                    OfferAnswerRules.rtxAssociationInvalid, answer, fmtpAnchor(codec),
                    """
                    \(codec.label) of \(a.label) repairs \(answered[repaired].label), but the offer's RTX \
                    \(offered[i].payloadType) repairs payload type \(offeredApt)
                    """
                )
            }
        }

        // 4. Audio RED must carry negotiated codecs (RFC 2198 §5).
        for (j, codec) in answered.enumerated() where codec.kind == .redundancy && audio && pairedAnswer[j] != nil {
            guard let text = codec.fmtp?.parameterText else { continue }
            for part in text.split(separator: "/") {
                guard let pt = Int(part.trimmingASCIISpaces) else { continue }
                if !answeredTypes.contains(pt)
                    || answered.firstIndex(where: { $0.payloadType == pt }).flatMap({ pairedAnswer[$0] }) == nil
                {
                    reporter.report(
                        OfferAnswerRules.redundancyInvalid, answer, fmtpAnchor(codec),
                        "\(codec.label) of \(a.label) carries payload type \(pt), which \(answeredTypes.contains(pt) ? "was not negotiated" : "the answer does not list")"
                    )
                    break
                }
            }
        }

        // The table: offered codecs in the offer's order, then the answer's own rows.
        var reports: [CodecReport] = []
        // Feedback the answer took from the offer's attribute capabilities (RFC 5939 §4.1).
        let capabilityFeedback = a.attributesSelected(fromOffer: o).compactMap { $0.as(RTCPFeedback.self) }
        for (i, codec) in offered.enumerated() {
            if let j = pairedOffer[i] {
                var report = Self.codecReport(offer: codec, answer: answered[j], status: .negotiated, audio: audio)
                report.reason = notes[i]
                var offeredCodec = codec
                offeredCodec.feedback += capabilityFeedback.filter {
                    $0.isWildcard || $0.payloadType == codec.payloadType
                }
                let offeredFeedback = Self.feedback(offeredCodec)
                let answeredFeedback = Self.feedback(answered[j])
                report.feedback = answeredFeedback.filter { item in
                    offeredFeedback.contains { Self.feedback(item, answers: $0) }
                }
                report.droppedFeedback = offeredFeedback.filter { offered in
                    !answeredFeedback.contains { Self.feedback($0, answers: offered) }
                }
                let added = answeredFeedback.filter { item in
                    !offeredFeedback.contains { Self.feedback(item, answers: $0) }
                }
                if !added.isEmpty {
                    let pt = String(answered[j].payloadType)
                    reporter.report(
                        OfferAnswerRules.feedbackAddedByAnswer, answer,
                        .attribute(
                            "rtcp-fb", section: index,
                            matching: { value in added.contains { value == pt + " " + $0 || value == "* " + $0 } }),
                        """
                        \(answered[j].label) of \(a.label) lists RTCP feedback the offer does not have for it: \
                        \(added.joinedAsList)
                        """
                    )
                }
                report.offerRank = i
                report.answerRank = j
                reports.append(report)
            } else {
                var report = Self.codecReport(offer: codec, answer: nil, status: .dropped, audio: audio)
                report.offerRank = i
                report.reason = droppedReason(
                    codec, offered: offered, answered: answered, pairedOffer: pairedOffer, rows: rows)
                reports.append(report)
            }
        }
        for row in rows.sorted(by: { ($0.answer ?? 0) < ($1.answer ?? 0) }) {
            guard let j = row.answer else { continue }
            var report = Self.codecReport(offer: nil, answer: answered[j], status: row.status, audio: audio)
            if row.status == .payloadTypeConflict { report.offerPayloadType = answered[j].payloadType }
            report.answerRank = j
            report.reason = row.reason
            reports.append(report)
        }
        sections[index].codecs = reports
        selectCodec(index, o, a, offered: offered, answered: answered, reports: reports)
    }

    private func droppedReason(
        _ codec: Codec, offered: [Codec], answered: [Codec], pairedOffer: [Int: Int], rows: [Row]
    ) -> String {
        let negotiated = Set(pairedOffer.keys.map { offered[$0].payloadType })
        if codec.kind == .retransmission, let apt = codec.associatedPayloadType, !negotiated.contains(apt) {
            let repaired = offered.first { $0.payloadType == apt }
            return "it repairs \(repaired?.label ?? "payload type \(apt)"), which was not negotiated"
        }
        if codec.kind == .redundancy, let text = codec.fmtp?.parameterText {
            let carried = text.split(separator: "/").compactMap { Int($0.trimmingASCIISpaces) }
            if let missing = carried.first(where: { !negotiated.contains($0) }) {
                let carriedCodec = offered.first { $0.payloadType == missing }
                return "it carries \(carriedCodec?.label ?? "payload type \(missing)"), which was not negotiated"
            }
        }
        if let conflict = rows.first(where: {
            $0.status == .payloadTypeConflict && $0.answer.map({ answered[$0].payloadType }) == codec.payloadType
        }),
            let j = conflict.answer
        {
            return "the answer binds its payload type \(codec.payloadType) to \(answered[j].label)"
        }
        let sameName = answered.filter { !$0.name.isEmpty && $0.name.equalsIgnoringASCIICase(codec.name) }
        if let other = sameName.first {
            if other.clockRate != codec.clockRate {
                return "the answer has \(codec.name) only at \(other.clockRate.map(String.init) ?? "?") Hz"
            }
            if (other.channels ?? 1) != (codec.channels ?? 1) {
                return "the answer has \(codec.name) only with \(other.channels ?? 1) channel(s)"
            }
            let reasons = sameName.compactMap {
                CodecParameters.compare(name: codec.name, offer: codec.fmtp, answer: $0.fmtp).incompatibility
            }
            if let first = reasons.first {
                return "the answer has \(codec.name) only in another configuration (\(first))"
            }
            return "another \(codec.name) entry of the offer was matched instead"
        }
        return "the answer does not list it"
    }

    private static func codecReport(offer: Codec?, answer: Codec?, status: CodecStatus, audio: Bool) -> CodecReport {
        let primary = offer ?? answer
        let name = primary.map { $0.name.isEmpty ? (answer?.name ?? "") : $0.name } ?? ""
        var report = CodecReport(
            name: name.isEmpty ? "unknown" : name, clockRate: primary?.clockRate ?? answer?.clockRate,
            channels: audio ? (primary?.channels ?? answer?.channels) : nil,
            kind: primary?.kind ?? .media, status: status)
        report.offerPayloadType = offer?.payloadType
        report.answerPayloadType = answer?.payloadType
        report.offerParameters = offer?.fmtp?.parameterText
        report.answerParameters = answer?.fmtp?.parameterText
        return report
    }

    /// Picks the codec used first and explains a fallback from the offerer's first choice.
    private mutating func selectCodec(
        _ index: Int, _ o: SectionView, _ a: SectionView, offered: [Codec], answered: [Codec], reports: [CodecReport]
    ) {
        let byAnswerRank = reports.filter { $0.status == .negotiated }
            .sorted { ($0.answerRank ?? .max) < ($1.answerRank ?? .max) }
        // A stream that offers only telephone-event (or comfort noise) is a stream of its own
        // (RFC 4733; RFC 4317 §2.4 answers one): its format is what it uses.
        let offersMedia = offered.contains { $0.kind == .media }
        guard let selected = byAnswerRank.first(where: { $0.kind == .media || !offersMedia }) else {
            let offeredLabels = offered.filter { $0.kind == .media || !offersMedia }.map(\.label)
            let answeredLabels = answered.map(\.label)
            reporter.report(
                OfferAnswerRules.noCommonCodec, answer, .media(index),
                "\(a.label) is accepted but has no \(offersMedia ? "media codec" : "format") in common with the offer"
                    + " (offer: \(offeredLabels.isEmpty ? "none" : offeredLabels.joinedAsList); answer: \(answeredLabels.isEmpty ? "none" : answeredLabels.joinedAsList))",
                hint: "reject the section with port 0 if there is no common codec")
            return
        }
        sections[index].selectedCodec = selected
        let offeredMedia = reports.filter { $0.offerPayloadType != nil && $0.kind == .media }
            .sorted { ($0.offerRank ?? .max) < ($1.offerRank ?? .max) }
        if let first = offeredMedia.first, first.offerPayloadType != selected.offerPayloadType {
            let preferred = offeredMedia.prefix { $0.offerPayloadType != selected.offerPayloadType }
            let parts = preferred.map { codec -> String in
                let label = "\(codec.name) (PT \(codec.offerPayloadType.map(String.init) ?? "?"))"
                if codec.status == .negotiated { return "\(label) was negotiated but the answerer ranks it lower" }
                return "\(label) was dropped: \(codec.reason ?? "the answer does not list it")"
            }
            let reason = parts.joined(separator: "; ")
            sections[index].selectionReason = reason
            let answerPT = selected.answerPayloadType.map(String.init) ?? ""
            reporter.report(
                OfferAnswerRules.codecFallback, answer, .format(index, answerPT),
                """
                \(a.label) uses \(selected.name) (PT \(answerPT)), not the offerer's first choice \(first.name): \
                \(reason)
                """
            )
        }
        let notable = ["transport-cc", "goog-remb", "nack", "nack pli", "ccm fir"]
        let lostFeedback = selected.droppedFeedback.filter(notable.contains)
        if !lostFeedback.isEmpty {
            reporter.report(
                OfferAnswerRules.feedbackLost, answer,
                .keyed("rtpmap", section: index, key: selected.answerPayloadType.map(String.init) ?? ""),
                """
                \(selected.name) in \(a.label) is negotiated without \(lostFeedback.joinedAsList), which the offer \
                asked for
                """
            )
        }
        // DTMF uses the clock of the audio codec it interrupts (RFC 4733 §2.1).
        if o.media == .audio, let rate = selected.clockRate {
            let events = reports.filter { $0.kind == .telephoneEvent }
            let negotiated = events.filter { $0.status == .negotiated }
            if !negotiated.isEmpty && !negotiated.contains(where: { $0.clockRate == rate })
                && events.contains(where: { $0.clockRate == rate && $0.offerPayloadType != nil })
            {
                let kept = negotiated.map { "telephone-event/\($0.clockRate.map(String.init) ?? "?")" }
                reporter.report(
                    OfferAnswerRules.telephoneEventRate, answer,
                    .keyed("rtpmap", section: index, key: negotiated[0].answerPayloadType.map(String.init) ?? ""),
                    """
                    \(a.label) keeps only \(kept.joinedAsList) although the offer has telephone-event/\(rate): \
                    DTMF cannot be sent while \(selected.name) (\(rate) Hz) is in use
                    """
                )
            }
        }
    }
}
