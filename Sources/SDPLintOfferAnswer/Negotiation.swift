import SDPLintDiagnostics
import SDPLintSDP
internal import SDPLintScanning

/// The offer/answer analysis: what two peers negotiated, and why something was lost.
///
/// ```swift
/// let offer = SDPSource(name: "offer.sdp", text: offerText)
/// let answer = SDPSource(name: "answer.sdp", text: answerText)
/// let report = Negotiation.analyze(offer: offer, answer: answer)
/// for section in report.sections {
///     print(section.media, section.selectedCodec?.name ?? "nothing", section.rejection?.explanation ?? "")
/// }
/// for finding in report.findings { print(finding) }   // answer.sdp:8:3: error[OA101]: …
/// ```
///
/// The analysis follows RFC 3264 (the offer/answer model) and JSEP (RFC 9429) with the
/// extensions WebRTC and SIP peers use; each rule of ``OfferAnswerRules`` names its section.
/// It never traps on its input: anything that cannot be read becomes a finding.
public enum Negotiation {
    /// How findings are reported.
    public struct Options: Sendable, Hashable {
        /// Report every rule at its strict severity (warnings become errors).
        public var strict: Bool

        public init(strict: Bool = false) {
            self.strict = strict
        }
    }

    /// Analyses one offer and its answer.
    ///
    /// - Parameters:
    ///   - offer: The offer, with its text and a name for messages.
    ///   - answer: The answer to it.
    ///   - options: How findings are reported.
    /// - Returns: The negotiated sections and every finding; findings point into the offer or
    ///   the answer, as ``Finding/role`` says.
    /// - Complexity: O(*n* + *s*·*c*²) for *n* bytes of text, *s* sections and *c* codecs per
    ///   section.
    public static func analyze(offer: SDPSource, answer: SDPSource, options: Options = Options()) -> NegotiationReport {
        var analysis = PairAnalysis(
            offer: Document(offer, role: .offer, number: 0),
            answer: Document(answer, role: .answer, number: 1), strict: options.strict)
        return analysis.run()
    }
}

/// The checks of one offer/answer exchange.
struct PairAnalysis {
    let offer: Document
    let answer: Document
    var reporter: Reporter
    var sections: [SectionReport] = []
    var bundleGroups: [BundleGroupReport] = []
    /// Set when the answer turned out to be an offer; per-section setup findings are then left
    /// out, since the whole-file finding says it all.
    var answerIsOffer = false
    /// Keys of findings made once per exchange rather than once per section.
    var reportedOnce: Set<String> = []

    init(offer: Document, answer: Document, strict: Bool) {
        self.offer = offer
        self.answer = answer
        self.reporter = Reporter(strict: strict)
    }

    mutating func run() -> NegotiationReport {
        if checkReadable() {
            checkDocuments()
            matchSections()
            analyzeBundle()
            for index in sections.indices { analyzeSection(index) }
            checkAcrossSections(offer)
            checkAcrossSections(answer)
        }
        return NegotiationReport(
            offerName: offer.source.name, answerName: answer.source.name, sections: sections,
            bundleGroups: bundleGroups, findings: reporter.findings)
    }

    // MARK: Whole descriptions

    /// Reports descriptions that cannot be analysed; returns whether both can.
    private mutating func checkReadable() -> Bool {
        var readable = true
        for document in [offer, answer] where document.isUnreadable {
            let first = document.source.parseDiagnostics.first { $0.severity == .error }
            let what =
                document.source.text.bytes.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
                ? "is empty" : "is not a session description (it has no v= line and no m= line)"
            reporter.report(
                OfferAnswerRules.unreadableDescription, document, at: first?.location ?? document.first,
                "the \(document.role) \(what); there is nothing to negotiate",
                hint: document.role == .answer ? "pass the SDP body the other peer sent in reply to the offer" : nil)
            readable = false
        }
        return readable
    }

    private mutating func checkDocuments() {
        for document in [offer, answer] {
            let errors = document.source.parseDiagnostics.filter { $0.severity == .error }
            if let first = errors.first {
                reporter.report(
                    OfferAnswerRules.inputHasErrors, document, at: first.location,
                    "the \(document.role) has \(counted(errors.count, "error")) of its own (first: \(first.code) \(first.message)); lines that could not be read take no part in the analysis",
                    hint: "run sdplint check on \(document.source.name)")
            }
        }
        if offer.source.text == answer.source.text {
            answerIsOffer = true
            reporter.report(
                OfferAnswerRules.answerIsOffer, answer, .document,
                "the answer is identical to the offer: the same file was given twice",
                hint: "pass the description the other peer sent back")
        } else {
            let dtls = answer.media.indices.compactMap(answer.view).filter { !$0.rejected && $0.proto.usesDTLS }
            if !dtls.isEmpty && dtls.allSatisfy({ $0.setup == .actpass }) {
                answerIsOffer = true
                reporter.report(
                    OfferAnswerRules.answerIsOffer, answer, .attribute("setup", section: dtls[0].index),
                    """
                    the answer says a=setup:actpass in every DTLS section, as only an offer may: this looks like \
                    an offer, not an answer
                    """,
                    hint: "pass the output of createAnswer() from the other peer")
            }
            let o = offer.session.origin
            let a = answer.session.origin
            if o.username == a.username && o.sessionID == a.sessionID && o.address == a.address
                && o.networkType == a.networkType && o.addressType == a.addressType
            {
                reporter.report(
                    OfferAnswerRules.sharedOrigin, answer, .origin,
                    """
                    the answer's origin '\(a.username) \(a.sessionID) … \(a.address)' is the offer's; an answer \
                    comes from the other peer and has its own o= line
                    """
                )
            }
        }
        for document in [offer, answer] { checkDuplicateMids(document) }
    }

    private mutating func checkDuplicateMids(_ document: Document) {
        var seen: [String: Int] = [:]
        for (index, section) in document.media.enumerated() {
            guard let mid = section.mid else { continue }
            if let first = seen[mid] {
                reporter.report(
                    OfferAnswerRules.duplicateMid, document, .attribute("mid", section: index),
                    "mid '\(mid)' of section \(index) is already the mid of section \(first)")
            } else {
                seen[mid] = index
            }
        }
    }

    // MARK: Sections (RFC 3264 §6)

    private mutating func matchSections() {
        let offered = offer.media.count
        let answered = answer.media.count
        if offered != answered {
            var message =
                "the answer has \(counted(answered, "m= section")), the offer \(offered); RFC 3264 requires exactly one answer section per offered section, in order"
            if answered < offered {
                let missing = (answered..<offered).compactMap(offer.view).map(\.label)
                message +=
                    ": \(missing.joinedAsList) \(missing.count == 1 ? "is not answered and carries" : "are not answered and carry") no media"
            } else {
                let extra = (offered..<answered).compactMap(answer.view).map(\.label)
                message += ": \(extra.joinedAsList) answer\(extra.count == 1 ? "s" : "") nothing"
            }
            let anchor: Anchor =
                answered > offered ? .media(offered) : (answered > 0 ? .media(answered - 1) : .document)
            reporter.report(
                OfferAnswerRules.sectionCountMismatch, answer, anchor, message,
                hint: answered < offered ? "answer every offered section; reject unwanted ones with port 0" : nil)
        }
        // RFC 5888 §9, RFC 8843 §18.2: an answerer without the grouping framework ignores a=mid and a=group.
        if !answer.usesGrouping, offer.media.contains(where: { $0.mid != nil }), answered > 0 {
            reporter.report(
                OfferAnswerRules.answerWithoutGrouping, answer, .media(0),
                """
                the offer names its sections with a=mid but the answer has no a=mid and no a=group: the answerer \
                does not use the grouping framework, so sections match by position\(offer.bundleGroups.isEmpty ? "" : ", BUNDLE is declined and each section needs its own transport")
                """)
        }
        for index in 0..<max(offered, answered) {
            sections.append(matchSection(index))
        }
    }

    private mutating func matchSection(_ index: Int) -> SectionReport {
        let o = offer.view(index)
        let a = answer.view(index)
        var report = SectionReport(index: index, media: o?.media ?? a?.media ?? "")
        report.offerMid = o?.mid
        report.answerMid = a?.mid
        report.mid = a?.mid ?? o?.mid
        report.answerMedia = a?.media
        report.offerProtocol = o?.proto
        report.answerProtocol = a?.proto
        report.offerPort = o?.port
        report.answerPort = a?.port
        report.offerDirection = o?.direction
        report.answerDirection = a?.direction
        report.bundleOnly = o?.bundleOnly ?? false
        guard let o else {
            report.rejected = true
            report.rejection = Rejection(reason: .notOffered, explanation: "the offer has no section \(index)")
            return report
        }
        guard let a else {
            report.rejected = true
            report.rejection = Rejection(
                reason: .missingFromAnswer,
                explanation: "the answer has no section \(index); an unanswered section carries no media")
            return report
        }
        if o.media != a.media {
            reporter.report(
                OfferAnswerRules.mediaTypeMismatch, answer, .media(index),
                "\(a.label) answers the offer's \(o.label): the media type must be the same (\(o.media))")
            report.rejected = true
            report.rejection = Rejection(
                reason: .mismatched, explanation: "the answer's section is \(a.media), the offer's \(o.media)")
            return report
        }
        // An answer without any mid is an answerer without the grouping framework: one finding
        // for the whole answer (OA113), none per section.
        if let offerMid = o.mid, answer.usesGrouping {
            if let answerMid = a.mid {
                if answerMid != offerMid {
                    reporter.report(
                        a.rejected ? OfferAnswerRules.rejectedSectionMidMismatch : OfferAnswerRules.midMismatch, answer,
                        .attribute("mid", section: index),
                        "\(a.label) has mid '\(answerMid)' where the offer has '\(offerMid)'")
                }
            } else {
                reporter.report(
                    OfferAnswerRules.answerMidMissing, answer, .media(index),
                    "\(a.label) has no a=mid; the offer's section has mid '\(offerMid)'",
                    hint: "add a=mid:\(offerMid)")
            }
        }
        let kindDiffers = Self.transportKindDiffers(o, a)
        if kindDiffers {
            reporter.report(
                OfferAnswerRules.transportKindMismatch, answer, .media(index),
                "\(a.label) is answered with \(a.proto) but was offered with \(o.proto), another kind of transport",
                hint: "answer with \(o.proto), or reject the section with port 0 and the offered protocol")
        }
        if o.rejected {
            report.rejected = true
            report.rejection = Rejection(
                reason: .rejectedInOffer, explanation: "the offer rejects or stops this section (port 0)")
            if !a.rejected {
                reporter.report(
                    OfferAnswerRules.rejectedSectionAccepted, answer, .media(index),
                    "\(a.label) has port \(a.port) but the offer rejects it with port 0; the answer must keep port 0")
            }
            return report
        }
        if a.rejected {
            report.rejected = true
            var why = ""
            let offeredMedia = o.codecs.filter { $0.kind == .media }
            let answeredMedia = a.codecs.filter { $0.kind == .media && !$0.name.isEmpty }
            if o.isRTP && !offeredMedia.isEmpty
                && !answeredMedia.contains(where: { answered in
                    offeredMedia.contains {
                        $0.name.equalsIgnoringASCIICase(answered.name) && $0.clockRate == answered.clockRate
                    }
                })
            {
                why =
                    """
                    ; it lists no offered codec, so the answerer probably supports none of \
                    \(offeredMedia.map(\.label).joinedAsList)
                    """
            }
            report.rejection = Rejection(
                reason: .declinedByAnswerer, explanation: "the answerer rejected this section (port 0)" + why)
            reporter.report(
                OfferAnswerRules.sectionDeclined, answer, .media(index),
                "the answerer rejected \(o.label) with port 0: no \(o.media) flows in it" + why)
            return report
        }
        // RFC 5939: the answer may take a protocol the offer listed as a capability (a=tcap)
        // and name that configuration with a=acfg, as DTLS-SRTP does for SIP (RFC 5763 §7.1).
        // A data channel section in the other form (legacy or RFC 8841) is OA501's.
        let formDiffers = o.isSCTP && a.isSCTP && Self.isLegacySCTP(o) != Self.isLegacySCTP(a)
        if !kindDiffers && !formDiffers && !o.proto.equalsIgnoringCase(a.proto)
            && !(a.protocolSelected(fromOffer: o).map { a.proto.rawValue.equalsIgnoringASCIICase($0) } ?? false)
        {
            reporter.report(
                OfferAnswerRules.transportProtocolMismatch, answer, .media(index),
                "\(a.label) is accepted with \(a.proto) but was offered with \(o.proto)"
                    + (o.proto.isSecureRTP && !a.proto.isSecureRTP ? ": the answer drops encryption" : ""),
                hint: "answer with \(o.proto), or reject the section with port 0")
        }
        // RFC 3264 §6.1: the direction an answer may take for each offered direction.
        let allowed: [Direction]
        switch o.direction {
        case .sendrecv: allowed = Direction.allCases
        case .sendonly: allowed = [.recvonly, .inactive]
        case .recvonly: allowed = [.sendonly, .inactive]
        case .inactive: allowed = [.inactive]
        }
        if !allowed.contains(a.direction) {
            let anchor: Anchor =
                a.section.direction != nil
                ? .attribute(Attribute.Name(a.direction.rawValue), section: index) : .media(index)
            reporter.report(
                OfferAnswerRules.directionNotAllowed, answer, anchor,
                """
                \(a.label) is \(a.direction) in answer to \(o.direction); RFC 3264 allows \
                \(allowed.map(\.rawValue).joinedAsList) here
                """
            )
        }
        let offererSends = o.direction.sends && a.direction.receives
        let offererReceives = o.direction.receives && a.direction.sends
        report.offererDirection = Direction(sends: offererSends, receives: offererReceives)
        report.answererDirection = report.offererDirection.reversed
        var lost: [String] = []
        if o.direction.sends && !offererSends { lost.append("the answerer will not receive the offerer's \(o.media)") }
        if o.direction.receives && !offererReceives { lost.append("the answerer will not send \(o.media)") }
        if !lost.isEmpty && allowed.contains(a.direction) && o.isRTP {
            let anchor: Anchor =
                a.section.direction != nil
                ? .attribute(Attribute.Name(a.direction.rawValue), section: index) : .media(index)
            reporter.report(
                OfferAnswerRules.mediaFlowReduced, answer, anchor,
                "\(a.label) is answered \(a.direction) to \(o.direction): \(lost.joinedAsList)")
        }
        return report
    }
}
