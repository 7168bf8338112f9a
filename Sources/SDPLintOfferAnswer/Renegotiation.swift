public import SDPLintDiagnostics
import SDPLintSDP
internal import SDPLintScanning

/// One of the two peers of a session.
public enum Peer: String, Sendable, Hashable, CustomStringConvertible {
    /// The peer that sent the first offer.
    case initialOfferer
    /// The peer that answered it.
    case initialAnswerer

    public var other: Peer { self == .initialOfferer ? .initialAnswerer : .initialOfferer }
    public var description: String { self == .initialOfferer ? "the initial offerer" : "the initial answerer" }
}

/// Something that changed in one renegotiation step compared with the step before.
public struct Change: Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable {
        /// A section appeared (every section, at the first step).
        case sectionAdded
        /// A section was rejected or stopped (port 0).
        case sectionStopped
        /// A stopped section was reused for a new transceiver, with a new mid.
        case sectionRecycled
        /// A stopped section came back with its old mid (see OA604).
        case sectionReactivated
        /// What the offerer sends or receives in a section changed.
        case directionChanged
        /// The set of negotiated codecs of a section changed.
        case codecsChanged
        /// The codec used first in a section changed.
        case selectedCodecChanged
        /// ICE restarted: the offer has new credentials.
        case iceRestart
        /// The DTLS client and server swapped.
        case dtlsRoleChanged
        /// The negotiated BUNDLE group changed.
        case bundleChanged
        /// The other peer made this step's offer.
        case offererChanged
    }

    public var kind: Kind
    /// The section's position, for section changes.
    public var section: Int?
    public var mid: String?
    /// A sentence for people.
    public var detail: String

    public init(kind: Kind, section: Int? = nil, mid: String? = nil, detail: String) {
        self.kind = kind
        self.section = section
        self.mid = mid
        self.detail = detail
    }

    public var description: String { detail }
}

/// One offer of a renegotiation sequence, its answer and what changed.
public struct RenegotiationStep: Sendable, Hashable {
    /// 1-based.
    public var number: Int
    /// The offer's position in the sequence.
    public var offerDocument: Int
    /// The answer's position, `nil` when the sequence ends with this offer.
    public var answerDocument: Int?
    /// Who made the offer.
    public var offerer: Peer
    /// The analysis of the offer and its answer; `nil` without an answer.
    public var negotiation: NegotiationReport?
    /// What changed compared with the previous step (at step 1: every section added).
    public var changes: [Change]

    public init(
        number: Int, offerDocument: Int, answerDocument: Int?, offerer: Peer,
        negotiation: NegotiationReport?, changes: [Change]
    ) {
        self.number = number
        self.offerDocument = offerDocument
        self.answerDocument = answerDocument
        self.offerer = offerer
        self.negotiation = negotiation
        self.changes = changes
    }
}

/// The analysis of the descriptions of one session, in the order they were exchanged.
public struct RenegotiationReport: Sendable, Hashable {
    /// The names of the descriptions, in order.
    public var documents: [String]
    public var steps: [RenegotiationStep]
    /// The findings that compare descriptions across steps (OA6xx).
    public var findings: [Finding]

    public init(documents: [String], steps: [RenegotiationStep], findings: [Finding]) {
        self.documents = documents
        self.steps = steps
        self.findings = findings
    }

    /// Every finding: each step's, then those across steps, ordered by description.
    public var allFindings: [Finding] {
        let each = steps.flatMap { $0.negotiation?.findings ?? [] } + findings
        return each.enumerated().sorted { ($0.element.document, $0.offset) < ($1.element.document, $1.offset) }.map(
            \.element)
    }

    /// ``allFindings`` as plain diagnostics.
    public var diagnostics: [Diagnostic] { allFindings.map(\.diagnostic) }

    /// Whether any finding is an error.
    public var hasErrors: Bool { allFindings.contains { $0.diagnostic.severity == .error } }
}

extension Negotiation {
    /// Analyses the descriptions of one session in the order they were exchanged: offer,
    /// answer, offer, answer, …
    ///
    /// Each offer is analysed with its answer, and each description is compared with the
    /// previous one of the same peer (recognised by its o= line): origin and version
    /// (RFC 3264 §8), section order, mids and recycling (RFC 9429 §5.2.2), payload type
    /// bindings (RFC 3264 §8.3.2), ICE restarts (RFC 8839 §4.4.1.1.1) and DTLS roles
    /// (RFC 8842 §5.5). ``RenegotiationAnalyzer`` does the same one description at a time.
    ///
    /// - Parameters:
    ///   - sequence: The descriptions, starting with an offer.
    ///   - options: How findings are reported.
    /// - Returns: One step per offer, and the findings across steps.
    /// - Complexity: O(*d*·(*n* + *s*·*c*²)) for *d* descriptions.
    public static func analyze(sequence: [SDPSource], options: Options = Options()) -> RenegotiationReport {
        var analyzer = RenegotiationAnalyzer(options: options)
        var steps = sequence.compactMap { analyzer.add($0) }
        if let last = analyzer.finish() { steps.append(last) }
        return RenegotiationReport(documents: sequence.map(\.name), steps: steps, findings: analyzer.takeFindings())
    }
}

/// The renegotiation analysis of ``Negotiation/analyze(sequence:options:)``, fed one
/// description at a time, so that a session of any length is analysed in constant memory: it
/// keeps only the latest description of each peer and what later steps compare against.
///
/// ```swift
/// var analyzer = RenegotiationAnalyzer()
/// for source in descriptions {
///     if let step = analyzer.add(source) { show(step) }   // each answered offer
///     show(analyzer.takeFindings())                        // the findings across steps so far
/// }
/// if let unanswered = analyzer.finish() { show(unanswered) }
/// ```
public struct RenegotiationAnalyzer: Sendable {
    var reporter: Reporter
    let strict: Bool
    /// How many descriptions were added; the next one's position in the sequence.
    var count = 0
    /// The authors of the last two descriptions, which place the next one.
    var recentAuthors: [Peer] = []
    /// The first origin seen of each peer, which recognises its later descriptions.
    var origins: [Peer: SessionDescription.Origin] = [:]
    /// The offer waiting for its answer.
    var pendingOffer: (document: Document, author: Peer)?
    /// Each peer's latest description.
    var latest: [Peer: Document] = [:]
    var stepCount = 0
    var previousOfferer: Peer?
    var previousNegotiation: NegotiationReport?
    var previousRole: (role: DTLSSummary.Role, fingerprints: [String: [String]], tlsIDs: [String: String?])?
    /// Payload type bindings per peer and section key (mid, or position without one).
    var bindings: [Peer: [String: [Int: (identity: String, label: String)]]] = [:]
    /// Mids used by the steps before the current one.
    var usedMids: Set<String> = []

    public init(options: Negotiation.Options = Negotiation.Options()) {
        reporter = Reporter(strict: options.strict)
        strict = options.strict
    }

    /// Adds the next description: an offer at even positions (0, 2, …), its answer at odd ones.
    ///
    /// - Returns: The step an answer completes; `nil` after an offer.
    public mutating func add(_ source: SDPSource) -> RenegotiationStep? {
        let document = Document(source, role: count % 2 == 0 ? .offer : .answer, number: count)
        count += 1
        let author = author(of: document)
        guard let offer = pendingOffer else {
            pendingOffer = (document, author)
            return nil
        }
        pendingOffer = nil
        return step(offer: offer.document, offerer: offer.author, answer: (document, author))
    }

    /// Ends the sequence: the step of an offer left without an answer, if there is one.
    public mutating func finish() -> RenegotiationStep? {
        guard let offer = pendingOffer else { return nil }
        pendingOffer = nil
        return step(offer: offer.document, offerer: offer.author, answer: nil)
    }

    /// The findings that compare descriptions across steps (OA6xx) reported since the last
    /// call; each step's own findings are in its ``RenegotiationStep/negotiation``.
    public mutating func takeFindings() -> [Finding] {
        defer { reporter.findings = [] }
        return reporter.findings
    }

    private mutating func step(
        offer: Document, offerer: Peer, answer: (document: Document, author: Peer)?
    ) -> RenegotiationStep {
        var changes: [Change] = []
        // Each description against the previous one of its author.
        var restarted = false
        let documents = [(offer, offerer)] + (answer.map { [$0] } ?? [])
        for (document, author) in documents {
            if let previous = latest[author] {
                let outcome = compare(previous, document, offerRestarted: restarted)
                if document.role == .offer { restarted = outcome.restarted }
                if outcome.restarted && document.role == .offer {
                    changes.append(
                        Change(kind: .iceRestart, detail: "ICE restarts: the offer has a new ufrag and password"))
                }
            }
            checkBindings(document, author: author)
        }
        for (document, author) in documents { latest[author] = document }
        var negotiation: NegotiationReport?
        if let answer {
            var pair = PairAnalysis(offer: offer, answer: answer.document, strict: strict)
            negotiation = pair.run()
        } else {
            reporter.report(
                OfferAnswerRules.sequenceIncomplete, offer, .document,
                "the sequence ends with an offer that has no answer; nothing it proposes is in effect yet")
        }
        if let negotiation {
            if stepCount == 0 {
                changes.insert(
                    contentsOf: negotiation.sections.filter { !$0.rejected }.map {
                        Change(
                            kind: .sectionAdded, section: $0.index, mid: $0.mid, detail: "\(Self.label($0)) negotiated")
                    }, at: 0)
            } else if let previousNegotiation {
                changes.insert(contentsOf: Self.changes(from: previousNegotiation, to: negotiation), at: 0)
            }
            if let previousOfferer, previousOfferer != offerer {
                changes.append(Change(kind: .offererChanged, detail: "\(offerer) makes this offer"))
            }
            // DTLS roles, seen from the initial offerer, kept unless the association is new.
            if let answer, let current = dtlsRole(negotiation, offerer: offerer, offer: offer, answer: answer.document)
            {
                if let previousRole, previousRole.role != current.role {
                    changes.append(
                        Change(
                            kind: .dtlsRoleChanged,
                            detail: "the initial offerer is now the DTLS \(current.role) (was \(previousRole.role))"))
                    if previousRole.fingerprints == current.fingerprints && previousRole.tlsIDs == current.tlsIDs {
                        reporter.report(
                            OfferAnswerRules.dtlsRoleChanged, answer.document,
                            .attribute("setup", section: firstActive(negotiation) ?? 0),
                            """
                            the DTLS roles swap (the initial offerer becomes the \(current.role)) although neither \
                            fingerprint nor tls-id changed: the existing association cannot change roles
                            """
                        )
                    }
                }
                previousRole = current
            }
            previousNegotiation = negotiation
        }
        stepCount += 1
        previousOfferer = offerer
        for (document, _) in documents {
            for section in document.media { if let mid = section.mid { usedMids.insert(mid) } }
        }
        return RenegotiationStep(
            number: stepCount, offerDocument: offer.number, answerDocument: answer?.document.number,
            offerer: offerer, negotiation: negotiation, changes: changes)
    }

    // MARK: Authors

    private static func sameOrigin(_ a: SessionDescription.Origin, _ b: SessionDescription.Origin) -> Bool {
        a.username == b.username && a.sessionID == b.sessionID && a.networkType == b.networkType
            && a.addressType == b.addressType && a.address == b.address
    }

    /// The first description is the initial offerer's and the second the initial answerer's;
    /// later ones are recognised by their origin, else by their place (an offer by the previous
    /// offerer, an answer by the other peer).
    private mutating func author(of document: Document) -> Peer {
        let origin = document.session.origin
        let author: Peer
        switch document.number {
        case 0:
            author = .initialOfferer
        case 1:
            author = .initialAnswerer
        default:
            let byPlace = document.role == .offer ? recentAuthors[0] : recentAuthors[1].other
            // Two peers with one origin (a copied file, a fixed template) are told apart
            // by place only.
            let matches = origins.filter { Self.sameOrigin($0.value, origin) }.map(\.key)
            // An origin whose address changed keeps its username and session id: still that
            // peer's (RFC 3665 §3.7 F9, a callee's re-INVITE from a new host), and OA600 says what
            // changed. Taken by place, a re-offer from the answerer would be compared with the
            // offerer's descriptions.
            let sameSession = origins.filter {
                $0.value.username == origin.username && $0.value.sessionID == origin.sessionID
            }.map(\.key)
            author =
                matches.count == 1 ? matches[0] : matches.isEmpty && sameSession.count == 1 ? sameSession[0] : byPlace
        }
        if origins[author] == nil { origins[author] = origin }
        recentAuthors = Array((recentAuthors + [author]).suffix(2))
        return author
    }

    // MARK: One peer's descriptions over time

    private struct Outcome {
        var restarted = false
    }

    /// Compares a description with the previous one of the same peer.
    private mutating func compare(_ previous: Document, _ current: Document, offerRestarted: Bool) -> Outcome {
        var outcome = Outcome()
        let before = previous.session.origin
        let now = current.session.origin
        // RFC 3264 §8: the o= line stays, except the version, which grows by one.
        if !Self.sameOrigin(before, now) {
            reporter.report(
                OfferAnswerRules.originChanged, current, .origin,
                """
                the o= line is '\(now.username) \(now.sessionID) … \(now.address)' but this peer's previous \
                description (\(previous.source.name)) had '\(before.username) \(before.sessionID) … \
                \(before.address)'; only the version may change
                """
            )
        }
        let changed = Self.content(previous) != Self.content(current)
        if now.sessionVersion == before.sessionVersion {
            if changed {
                reporter.report(
                    OfferAnswerRules.versionNotIncremented, current, .origin,
                    """
                    the description changed but its o= version stays \(now.sessionVersion), as in \
                    \(previous.source.name)
                    """,
                    hint: "use version \(before.sessionVersion &+ 1)")
            }
        } else if now.sessionVersion != before.sessionVersion &+ 1 {
            reporter.report(
                OfferAnswerRules.versionNotIncremented, current, .origin,
                """
                the o= version goes from \(before.sessionVersion) (\(previous.source.name)) to \
                \(now.sessionVersion); it must grow by exactly one
                """,
                hint: "use version \(before.sessionVersion &+ 1)")
        }
        // RFC 3264 §8, RFC 9429 §5.2.2: sections keep their places and mids; only a rejected
        // section is reused, with a new mid.
        if current.media.count < previous.media.count {
            reporter.report(
                OfferAnswerRules.sectionsRemovedOrReordered, current,
                current.media.isEmpty ? .document : .media(current.media.count - 1),
                "the description has \(counted(current.media.count, "m= section")) but this peer's previous one had \(previous.media.count); sections are rejected with port 0, never removed"
            )
        }
        for index in 0..<min(previous.media.count, current.media.count) {
            guard let old = previous.view(index), let new = current.view(index) else { continue }
            if !old.rejected && old.media != new.media {
                reporter.report(
                    OfferAnswerRules.sectionsRemovedOrReordered, current, .media(index),
                    """
                    section \(index) was \(old.media) in \(previous.source.name) and is \(new.media) now, without \
                    being rejected in between
                    """
                )
                continue
            }
            if !old.rejected, let oldMid = old.mid, let newMid = new.mid, oldMid != newMid {
                reporter.report(
                    OfferAnswerRules.midChanged, current, .attribute("mid", section: index),
                    "\(new.label) had mid '\(oldMid)' in \(previous.source.name); a section in use keeps its mid")
            }
            if old.rejected && !new.rejected, let newMid = new.mid {
                if old.mid == newMid {
                    reporter.report(
                        OfferAnswerRules.recycledWithoutNewMid, current, .attribute("mid", section: index),
                        """
                        \(new.label) was rejected in \(previous.source.name) and is used again with the same mid \
                        '\(newMid)'; a recycled section needs a new mid
                        """
                    )
                } else if usedMids.contains(newMid) {
                    reporter.report(
                        OfferAnswerRules.recycledWithoutNewMid, current, .attribute("mid", section: index),
                        """
                        \(new.label) recycles a rejected section with mid '\(newMid)', which was already used in \
                        this session
                        """
                    )
                }
            }
        }
        // ICE credentials (RFC 8839 §4.4.1.1.1): compared in the first section in use in both.
        for index in 0..<min(previous.media.count, current.media.count) {
            guard let old = previous.view(index), let new = current.view(index), !old.rejected, !new.rejected else {
                continue
            }
            let was = TransportParameters(previous, old)
            let now = TransportParameters(current, new)
            guard was.usesICE && now.usesICE else { break }
            let ufragChanged = was.ufrag != now.ufrag
            let pwdChanged = was.pwd != now.pwd
            if current.role == .offer {
                if ufragChanged && pwdChanged {
                    outcome.restarted = true
                    reporter.report(
                        OfferAnswerRules.iceRestart, current, .attribute("ice-ufrag", section: index),
                        "the offer restarts ICE: ufrag '\(was.ufrag ?? "")' becomes '\(now.ufrag ?? "")' and the password changes too"
                    )
                } else if ufragChanged != pwdChanged {
                    reporter.report(
                        OfferAnswerRules.iceRestartPartial, current,
                        .attribute(ufragChanged ? "ice-ufrag" : "ice-pwd", section: index),
                        "only the ICE \(ufragChanged ? "ufrag" : "password") changed since \(previous.source.name); an ICE restart changes both"
                    )
                }
            } else if offerRestarted && !ufragChanged && !pwdChanged {
                reporter.report(
                    OfferAnswerRules.iceRestartNotAnswered, current, .attribute("ice-ufrag", section: index),
                    "the offer restarts ICE but the answer keeps the ufrag '\(now.ufrag ?? "")' of \(previous.source.name)",
                    hint: "answer an ICE restart with a new ufrag and password")
            } else if ufragChanged != pwdChanged {
                reporter.report(
                    OfferAnswerRules.iceRestartPartial, current,
                    .attribute(ufragChanged ? "ice-ufrag" : "ice-pwd", section: index),
                    "only the ICE \(ufragChanged ? "ufrag" : "password") changed since \(previous.source.name); new credentials change both"
                )
            }
            break
        }
        return outcome
    }

    /// The description's lines without its o= line, to tell whether anything else changed.
    private static func content(_ document: Document) -> [[UInt8]] {
        let text = document.source.text
        return (1...text.lineCount).map { Array(text.bytes(ofLine: $0)) }
            .filter { !($0.count >= 2 && $0[0] == UInt8(ascii: "o") && $0[1] == UInt8(ascii: "=")) }
    }

    /// RFC 3264 §8.3.2: a payload type keeps its codec within a media stream for the whole
    /// session.
    private mutating func checkBindings(_ document: Document, author: Peer) {
        for index in document.media.indices {
            guard let view = document.view(index), view.isRTP, !view.rejected else { continue }
            let key = view.mid ?? "#\(index)"
            for codec in view.codecs where !codec.name.isEmpty {
                let identity = "\(codec.name.lowercasedASCII)/\(codec.clockRate ?? 0)/\(codec.channels ?? 1)"
                if let bound = bindings[author]?[key]?[codec.payloadType] {
                    if bound.identity != identity {
                        reporter.report(
                            OfferAnswerRules.payloadTypeRebound, document,
                            .keyed("rtpmap", section: index, key: String(codec.payloadType)),
                            """
                            payload type \(codec.payloadType) of \(view.label) is \(codec.label) now but was \
                            \(bound.label) earlier in the session
                            """
                        )
                    }
                } else {
                    bindings[author, default: [:]][key, default: [:]][codec.payloadType] = (identity, codec.label)
                }
            }
        }
    }

    // MARK: Steps

    private func firstActive(_ negotiation: NegotiationReport) -> Int? {
        negotiation.sections.first { !$0.rejected && $0.features.dtls?.offererRole != nil }?.index
    }

    /// The initial offerer's DTLS role in a step, with the fingerprints and tls-ids that
    /// identify the association.
    private func dtlsRole(
        _ negotiation: NegotiationReport, offerer: Peer, offer: Document, answer: Document
    )
        -> (role: DTLSSummary.Role, fingerprints: [String: [String]], tlsIDs: [String: String?])?
    {
        guard let index = firstActive(negotiation), let role = negotiation.sections[index].features.dtls?.offererRole,
            let o = offer.view(index), let a = answer.view(index)
        else { return nil }
        let offered = TransportParameters(offer, o)
        let answered = TransportParameters(answer, a)
        let mine = offerer == .initialOfferer ? role : (role == .client ? .server : .client)
        let first = offerer == .initialOfferer ? offered : answered
        let second = offerer == .initialOfferer ? answered : offered
        let digest = { (p: TransportParameters) in
            p.fingerprints.map { $0.hashFunction.lowercasedASCII + " " + $0.fingerprint.lowercasedASCII }
        }
        return (
            mine, ["first": digest(first), "second": digest(second)], ["first": first.tlsID, "second": second.tlsID]
        )
    }

    private static func label(_ section: SectionReport) -> String {
        var text = "section \(section.index) (\(section.media)"
        if let mid = section.mid { text += ", mid \(mid)" }
        return text + ")"
    }

    /// What changed between two negotiated steps.
    private static func changes(from previous: NegotiationReport, to current: NegotiationReport) -> [Change] {
        var changes: [Change] = []
        for section in current.sections {
            let label = Self.label(section)
            guard section.index < previous.sections.count else {
                if !section.rejected {
                    changes.append(
                        Change(kind: .sectionAdded, section: section.index, mid: section.mid, detail: "\(label) added"))
                }
                continue
            }
            let before = previous.sections[section.index]
            switch (before.rejected, section.rejected) {
            case (false, true):
                changes.append(
                    Change(kind: .sectionStopped, section: section.index, mid: section.mid, detail: "\(label) stopped"))
            case (true, false):
                if before.mid != section.mid {
                    changes.append(
                        Change(
                            kind: .sectionRecycled, section: section.index, mid: section.mid,
                            detail: "\(label) reuses the stopped section of mid \(before.mid ?? "-")"))
                } else {
                    changes.append(
                        Change(
                            kind: .sectionReactivated, section: section.index, mid: section.mid,
                            detail: "\(label) used again"))
                }
            case (false, false):
                if before.offererDirection != section.offererDirection {
                    changes.append(
                        Change(
                            kind: .directionChanged, section: section.index, mid: section.mid,
                            detail:
                                "\(label): the offerer now \(section.offererDirection) (was \(before.offererDirection))"
                        ))
                }
                let codecs = { (report: SectionReport) in
                    report.negotiatedCodecs.map { "\($0.name)/\($0.answerPayloadType ?? -1)" }
                }
                if codecs(before) != codecs(section) {
                    changes.append(
                        Change(
                            kind: .codecsChanged, section: section.index, mid: section.mid,
                            detail: "\(label): negotiated codecs changed"))
                }
                if before.selectedCodec?.name != section.selectedCodec?.name
                    || before.selectedCodec?.answerPayloadType != section.selectedCodec?.answerPayloadType
                {
                    changes.append(
                        Change(
                            kind: .selectedCodecChanged, section: section.index, mid: section.mid,
                            detail:
                                "\(label): \(section.selectedCodec?.name ?? "no codec") is used (was \(before.selectedCodec?.name ?? "none"))"
                        ))
                }
            case (true, true):
                break
            }
        }
        let groups = { (report: NegotiationReport) in report.bundleGroups.map(\.answerMids) }
        if groups(previous) != groups(current) {
            let now = groups(current).map { $0.joined(separator: " ") }.joined(separator: "; ")
            changes.append(
                Change(kind: .bundleChanged, detail: "the BUNDLE group is now \(now.isEmpty ? "empty" : now)"))
        }
        return changes
    }
}
