import SDPLintSDP
internal import SDPLintScanning

extension PairAnalysis {
    // MARK: RTP features

    mutating func analyzeRTPFeatures(_ index: Int, _ o: SectionView, _ a: SectionView) {
        // RTCP multiplexing (RFC 5761 §5.1.1, RFC 8858 §4.3) and reduced size (RFC 5506 §5).
        let offerMux = o.section.has(.rtcpMux)
        let answerMux = a.section.has(.rtcpMux)
        let muxOnly = o.section.has(.rtcpMuxOnly)
        if answerMux && !offerMux {
            reporter.report(
                OfferAnswerRules.rtcpMuxMismatch, answer, .attribute("rtcp-mux", section: index),
                "\(a.label) of the answer enables a=rtcp-mux, which the offer did not offer")
        }
        if muxOnly && !answerMux {
            reporter.report(
                OfferAnswerRules.rtcpMuxMismatch, answer, .media(index),
                """
                \(o.label) is offered a=rtcp-mux-only but the answer does not accept a=rtcp-mux: the offerer has \
                no RTCP port to fall back to
                """,
                hint: "add a=rtcp-mux, or reject the section")
        }
        sections[index].features.rtcpMux = offerMux && answerMux
        sections[index].features.rtcpMuxOnly = muxOnly
        let offerRsize = o.section.has(.rtcpReducedSize)
        let answerRsize = a.section.has(.rtcpReducedSize)
        if answerRsize && !offerRsize {
            reporter.report(
                OfferAnswerRules.rtcpRsizeAdded, answer, .attribute("rtcp-rsize", section: index),
                "\(a.label) of the answer has a=rtcp-rsize, which the offer does not have")
        }
        sections[index].features.rtcpReducedSize = offerRsize && answerRsize

        analyzeExtensions(index, o, a)
        analyzeSimulcast(index, o, a)
        let negotiated = sections[index].codecs.filter { $0.status == .negotiated }
        checkSources(offer, o, rtxAvailable: o.codecs.contains { $0.kind == .retransmission }, what: "offered")
        checkSources(answer, a, rtxAvailable: negotiated.contains { $0.kind == .retransmission }, what: "negotiated")
        checkRIDPayloadTypes(offer, o, allowed: Set(o.section.formats), negotiated: nil)
        checkRIDPayloadTypes(
            answer, a, allowed: Set(a.section.formats),
            negotiated: Set(negotiated.compactMap(\.answerPayloadType).map(String.init)))
    }

    /// Where a finding about the a=extmap line of `id` in section `index` points.
    private static func extmapLine(_ index: Int, _ id: Int) -> Anchor {
        let text = String(id)
        return .attribute("extmap", section: index, matching: { $0.hasPrefix(text + " ") || $0.hasPrefix(text + "/") })
    }

    /// Header extensions, paired by URI (RFC 8285 §7).
    private mutating func analyzeExtensions(_ index: Int, _ o: SectionView, _ a: SectionView) {
        let offered = o.extensions
        let answered = a.extensions
        // Headers go with the media (the section's negotiated direction), narrowed by what each
        // side declares for the extension (§7: sendonly answered recvonly, and the reverse).
        let media = sections[index].offererDirection
        var reports: [HeaderExtensionReport] = []
        for (ext, offerDirection) in offered where !reports.contains(where: { $0.uri == ext.uri }) {
            let answeredPair = answered.first { $0.map.uri == ext.uri }
            let match = answeredPair?.map
            let flow = answeredPair.map { _, answerDirection in
                Direction(
                    sends: media.sends && offerDirection.sends && answerDirection.receives,
                    receives: media.receives && answerDirection.sends && offerDirection.receives)
            }
            reports.append(
                HeaderExtensionReport(
                    uri: ext.uri, offerID: ext.id, answerID: match?.id,
                    status: match == nil ? .dropped : .negotiated, offererDirection: flow))
            // Every mapping of the URI with another id, not only the first: an answer that maps
            // it twice changes the id of the second (Firefox reads each one).
            for (other, _) in answered where other.uri == ext.uri && other.id != ext.id {
                reporter.report(
                    OfferAnswerRules.extmapIDChanged, answer, Self.extmapLine(index, other.id),
                    "\(a.label) maps \(ext.uri) to id \(other.id); the offer uses id \(ext.id)")
            }
        }
        for (ext, _) in answered where !offered.contains(where: { $0.map.uri == ext.uri }) {
            reports.append(HeaderExtensionReport(uri: ext.uri, offerID: nil, answerID: ext.id, status: .addedByAnswer))
            if let taken = offered.first(where: { $0.map.id == ext.id })?.map {
                reporter.report(
                    OfferAnswerRules.extmapIDReassigned, answer, Self.extmapLine(index, ext.id),
                    """
                    \(a.label) of the answer maps id \(ext.id) to \(ext.uri), which the offer does not offer; the \
                    offer maps id \(ext.id) to \(taken.uri)
                    """
                )
            } else {
                reporter.report(
                    OfferAnswerRules.extmapAddedByAnswer, answer, Self.extmapLine(index, ext.id),
                    "\(a.label) of the answer maps \(ext.uri) (id \(ext.id)), which the offer does not offer")
            }
        }
        sections[index].features.headerExtensions = reports
        sections[index].features.extmapAllowMixed = o.allowsMixedExtensions && a.allowsMixedExtensions
        if a.allowsMixedExtensions && !o.allowsMixedExtensions {
            let sessionLevel = answer.session.has(.extmapAllowMixed)
            if !sessionLevel || reportedOnce.insert("extmap-allow-mixed").inserted {
                reporter.report(
                    OfferAnswerRules.extmapAllowMixedAdded, answer,
                    .attribute("extmap-allow-mixed", section: sessionLevel ? nil : index),
                    """
                    the answer allows mixed one- and two-byte header extensions (a=extmap-allow-mixed) but the \
                    offer does not
                    """
                )
            }
        }
    }

    /// Simulcast and rid (RFC 8853 §5.3, RFC 8851 §6).
    private mutating func analyzeSimulcast(_ index: Int, _ o: SectionView, _ a: SectionView) {
        let offered = o.section.value(Simulcast.self)
        let answered = a.section.value(Simulcast.self)
        let offeredRIDs = o.section.values(RID.self)
        let answeredRIDs = a.section.values(RID.self)
        guard offered != nil || answered != nil || !offeredRIDs.isEmpty || !answeredRIDs.isEmpty else { return }
        func names(_ list: [Simulcast.Alternatives]?) -> [String] { (list ?? []).flatMap { $0.map(\.description) } }
        var report = SimulcastReport()
        report.offerSend = names(offered?.send)
        report.offerReceive = names(offered?.receive)
        report.answerSend = names(answered?.send)
        report.answerReceive = names(answered?.receive)
        let simulcastLine: Anchor = .attribute("simulcast", section: index)
        if let offered {
            if let answered {
                var problems: [String] = []
                if offered.send != nil && answered.receive == nil {
                    problems.append("the offer sends simulcast but the answer has no recv list")
                }
                if offered.receive != nil && answered.send == nil {
                    problems.append("the offer receives simulcast but the answer has no send list")
                }
                if answered.send != nil && offered.receive == nil {
                    problems.append("the answer's send list answers no recv list of the offer")
                }
                if answered.receive != nil && offered.send == nil {
                    problems.append("the answer's recv list answers no send list of the offer")
                }
                if !problems.isEmpty {
                    reporter.report(
                        OfferAnswerRules.simulcastDirection, answer, simulcastLine,
                        "\(a.label): \(problems.joinedAsList); an answer reverses the offer's directions")
                }
                let unknown =
                    answered.receiveRIDs.filter { !offered.sendRIDs.contains($0) }
                    + answered.sendRIDs.filter { !offered.receiveRIDs.contains($0) }
                if problems.isEmpty && !unknown.isEmpty {
                    reporter.report(
                        OfferAnswerRules.simulcastRIDUnknown, answer, simulcastLine,
                        "\(a.label)'s a=simulcast names \(unknown.map { "'\($0)'" }.joinedAsList), which the offer's opposite list does not have"
                    )
                }
                let active = { (list: [Simulcast.Alternatives]?) in
                    (list ?? []).flatMap { $0.filter { !$0.isPaused }.map(\.rid) }
                }
                report.offererSends = active(answered.receive).filter(offered.sendRIDs.contains)
                report.answererSends = active(answered.send).filter(offered.receiveRIDs.contains)
                report.paused = ((answered.send ?? []) + (answered.receive ?? [])).flatMap {
                    $0.filter(\.isPaused).map(\.rid)
                }
                let declined = offered.sendRIDs.filter { !answered.receiveRIDs.contains($0) }
                var notes: [String] = []
                if !report.paused.isEmpty {
                    notes.append("\(report.paused.map { "'\($0)'" }.joinedAsList) start paused")
                }
                if offered.send != nil && answered.receive != nil && !declined.isEmpty {
                    notes.append("the answer does not accept \(declined.map { "'\($0)'" }.joinedAsList)")
                }
                if !notes.isEmpty {
                    reporter.report(
                        OfferAnswerRules.simulcastNotNegotiated, answer, simulcastLine,
                        "\(a.label): \(notes.joinedAsList)")
                }
            } else {
                let layers = offered.send.map { names($0) } ?? names(offered.receive)
                reporter.report(
                    OfferAnswerRules.simulcastNotNegotiated, answer, .media(index),
                    "\(a.label) declines simulcast (no a=simulcast in the answer): "
                        + (offered.send != nil
                            ? "the offerer sends one stream instead of \(layers.joinedAsList)"
                            : "the answerer sends one stream"))
            }
        } else if answered != nil {
            reporter.report(
                OfferAnswerRules.simulcastRIDUnknown, answer, simulcastLine,
                "\(a.label) of the answer has a=simulcast but the offer offers no simulcast")
        }
        for rid in answeredRIDs {
            let id = rid.id
            let line: Anchor = .attribute("rid", section: index, matching: { $0.hasPrefix(id + " ") })
            guard let match = offeredRIDs.first(where: { $0.id == rid.id }) else {
                reporter.report(
                    OfferAnswerRules.simulcastRIDUnknown, answer, line,
                    "\(a.label) of the answer has a=rid:\(rid.id), which the offer does not have")
                continue
            }
            if match.direction == rid.direction {
                reporter.report(
                    OfferAnswerRules.simulcastDirection, answer, line,
                    "a=rid:\(rid.id) is \(rid.direction) in both the offer and the answer; the answer reverses it")
            }
        }
        sections[index].features.simulcast = report
    }

    /// RFC 8851 §4: the pt= of a rid names formats of the m= line (and, in an answer,
    /// negotiated ones).
    private mutating func checkRIDPayloadTypes(
        _ document: Document, _ view: SectionView, allowed: Set<String>, negotiated: Set<String>?
    ) {
        for rid in view.section.values(RID.self) {
            let id = rid.id
            for pt in rid.payloadTypes {
                let problem: String?
                if !allowed.contains(pt) {
                    problem = "which is not in the m= line"
                } else if let negotiated, !negotiated.contains(pt) {
                    problem = "which was not negotiated"
                } else {
                    problem = nil
                }
                if let problem {
                    reporter.report(
                        OfferAnswerRules.ridPayloadTypeUnknown, document,
                        .attribute("rid", section: view.index, matching: { $0.hasPrefix(id + " ") }),
                        "a=rid:\(rid.id) of the \(document.role) restricts the stream to payload type \(pt), \(problem)"
                    )
                    break
                }
            }
        }
    }

    /// SSRC groups and msid (RFC 5576 §4.2, RFC 8830 §2).
    private mutating func checkSources(_ document: Document, _ view: SectionView, rtxAvailable: Bool, what: String) {
        let sources = view.section.values(SSRC.self)
        let declared = Set(sources.map(\.id))
        for group in view.section.values(SSRCGroup.self) {
            let semantics = group.semantics
            let line: Anchor = .attribute("ssrc-group", section: view.index, matching: { $0.hasPrefix(semantics) })
            if let missing = group.ssrcs.first(where: { !declared.contains($0) }) {
                reporter.report(
                    OfferAnswerRules.ssrcGroupInconsistent, document, line,
                    "a=ssrc-group:\(group.semantics) of \(view.label) names SSRC \(missing), which has no a=ssrc line")
            } else if group.semantics.equalsIgnoringASCIICase("FID") {
                if group.ssrcs.count != 2 {
                    reporter.report(
                        OfferAnswerRules.ssrcGroupInconsistent, document, line,
                        "a=ssrc-group:FID of \(view.label) has \(counted(group.ssrcs.count, "SSRC")); it pairs a media SSRC with its RTX SSRC"
                    )
                } else if !rtxAvailable {
                    reporter.report(
                        OfferAnswerRules.ssrcGroupInconsistent, document, line,
                        """
                        a=ssrc-group:FID of \(view.label) pairs SSRC \(group.ssrcs[0]) with an RTX SSRC, but no \
                        RTX format was \(what)
                        """
                    )
                }
            }
        }
        guard let msid = view.section.value(MSID.self) else { return }
        for source in sources where source.attribute == "msid" {
            guard let value = source.value else { continue }
            let parts = value.split(separator: " ").map(String.init)
            guard let stream = parts.first else { continue }
            let track = parts.count > 1 ? parts[1] : nil
            if stream != msid.streamID || (track != nil && msid.trackID != nil && track != msid.trackID) {
                let id = String(source.id)
                reporter.report(
                    OfferAnswerRules.msidInconsistent, document,
                    .attribute("ssrc", section: view.index, matching: { $0.hasPrefix(id + " msid:") }),
                    "a=ssrc:\(source.id) msid:\(value) of \(view.label) disagrees with its a=msid:\(msid.valueText)")
                break
            }
        }
    }

    // MARK: SCTP (RFC 8841)

    /// Whether a data channel section is in the form before RFC 8841: DTLS/SCTP with a=sctpmap.
    static func isLegacySCTP(_ view: SectionView) -> Bool {
        view.proto.equalsIgnoringCase(.dtlsSCTP) || view.section.has(.sctpmap)
    }

    mutating func analyzeDataChannel(_ index: Int, _ o: SectionView, _ a: SectionView) {
        let legacy = Self.isLegacySCTP
        func port(_ view: SectionView) -> Int? {
            if legacy(view) {
                return view.section.value(SCTPMap.self)?.number ?? view.section.formats.first.flatMap { Int($0) }
            }
            return view.section.value(SCTPPort.self)?.port
        }
        var report = DataChannelReport()
        report.offerLegacy = legacy(o)
        report.answerLegacy = legacy(a)
        report.offerSCTPPort = port(o)
        report.answerSCTPPort = port(a)
        report.offerMaxMessageSize = o.section.value(MaxMessageSize.self)?.bytes
        report.answerMaxMessageSize = a.section.value(MaxMessageSize.self)?.bytes
        sections[index].dataChannel = report
        if report.offerLegacy != report.answerLegacy {
            reporter.report(
                OfferAnswerRules.sctpFormMismatch, answer, .media(index),
                report.offerLegacy
                    ? """
                    \(a.label) answers a legacy DTLS/SCTP offer (a=sctpmap) in the RFC 8841 form (\(a.proto) with \
                    a=sctp-port)
                    """
                    : """
                    \(a.label) answers an RFC 8841 offer (\(o.proto) with a=sctp-port) in the legacy form \
                    (DTLS/SCTP with a=sctpmap)
                    """
            )
        }
        for (document, view, isLegacy) in [(offer, o, report.offerLegacy), (answer, a, report.answerLegacy)] {
            if !isLegacy {
                if view.section.formats != ["webrtc-datachannel"] {
                    reporter.report(
                        OfferAnswerRules.dataChannelFormat, document, .media(index),
                        "\(view.label) of the \(document.role) has format \(view.section.formats.joined(separator: " ")); a WebRTC data channel section has webrtc-datachannel"
                    )
                }
                if view.section.value(SCTPPort.self) == nil {
                    reporter.report(
                        OfferAnswerRules.sctpPortMissing, document, .media(index),
                        "\(view.label) of the \(document.role) has no a=sctp-port; the default 5000 applies",
                        hint: "add a=sctp-port:5000")
                }
            }
            if view.section.value(MaxMessageSize.self) == nil {
                reporter.report(
                    OfferAnswerRules.maxMessageSizeAbsent, document, .media(index),
                    """
                    \(view.label) of the \(document.role) has no a=max-message-size: the other side may send it \
                    messages of at most 64 KiB
                    """
                )
            }
        }
    }
}
