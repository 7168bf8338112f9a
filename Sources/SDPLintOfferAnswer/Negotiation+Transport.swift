import SDPLintICE
import SDPLintSDP
internal import SDPLintScanning

/// The transport parameters a section uses, with the values of its BUNDLE group's tagged
/// section where the section itself does not repeat them (RFC 9143 §7.1.3).
struct TransportParameters {
    var ufrag: String?
    var pwd: String?
    var options: [ICEOption]
    var lite: Bool
    var fingerprints: [Fingerprint]
    var setup: Setup?
    /// Whether an a=setup line applies, even one whose value is no role (the grammar check
    /// reports that value; it is not a missing line).
    var setupWritten: Bool
    var tlsID: String?

    init(_ document: Document, _ view: SectionView) {
        var tagged: SectionView?
        if let mid = view.mid, let tag = document.bundleTag(of: mid), tag != mid, let i = document.index(mid: tag) {
            tagged = document.view(i)
        }
        ufrag = view.iceUfrag ?? tagged?.iceUfrag
        pwd = view.icePwd ?? tagged?.icePwd
        options = view.inherited(ICEOptions.self)?.options ?? tagged?.iceOptions ?? []
        lite = view.iceLite
        let own = view.fingerprints
        fingerprints = own.isEmpty ? (tagged?.fingerprints ?? []) : own
        setup = view.setup ?? tagged?.setup
        setupWritten =
            view.section.has(.setup) || view.session.has(.setup) || tagged?.section.has(.setup) == true
        tlsID = view.tlsID ?? tagged?.tlsID
    }

    var usesICE: Bool { ufrag != nil || pwd != nil }
}

extension PairAnalysis {
    /// Everything that applies to an accepted section.
    mutating func analyzeSection(_ index: Int) {
        guard let o = offer.view(index), let a = answer.view(index), o.media == a.media else { return }
        if o.isRTP { analyzeCodecs(index, o, a) }
        guard !sections[index].rejected else { return }
        let offered = TransportParameters(offer, o)
        let answered = TransportParameters(answer, a)
        analyzeICE(index, o, a, offered, answered)
        if o.proto.usesDTLS && a.proto.usesDTLS { analyzeDTLS(index, o, a, offered, answered) }
        analyzeCrypto(index, o, a)
        if o.isRTP && a.isRTP { analyzeRTPFeatures(index, o, a) }
        if (o.isSCTP || a.isSCTP) && !Self.transportKindDiffers(o, a) { analyzeDataChannel(index, o, a) }
    }

    /// Whether a data channel section is answered over RTP, or an RTP application section over
    /// SCTP: another kind of stream, rejected or not (RFC 8841 §4), where another protocol of
    /// the same kind is only another profile (OA103).
    static func transportKindDiffers(_ o: SectionView, _ a: SectionView) -> Bool {
        o.media == .application && o.isSCTP != a.isSCTP
    }

    // MARK: ICE (RFC 8839, RFC 8445)

    private mutating func analyzeICE(
        _ index: Int, _ o: SectionView, _ a: SectionView, _ offered: TransportParameters,
        _ answered: TransportParameters
    ) {
        var ice = ICESummary()
        ice.offerUfrag = offered.ufrag
        ice.answerUfrag = answered.ufrag
        ice.offerLite = offered.lite
        ice.answerLite = answered.lite
        ice.offerTrickle = offered.options.contains(.trickle)
        ice.answerTrickle = answered.options.contains(.trickle)
        sections[index].features.ice = ice

        for (document, view, parameters) in [(offer, o, offered), (answer, a, answered)] where parameters.usesICE {
            if parameters.ufrag == nil || parameters.pwd == nil {
                let missing = parameters.ufrag == nil ? "a=ice-ufrag" : "a=ice-pwd"
                let present = parameters.ufrag == nil ? "ice-pwd" : "ice-ufrag"
                reporter.report(
                    OfferAnswerRules.iceCredentialsMissing, document,
                    .attribute(Attribute.Name(present), section: index),
                    "\(view.label) of the \(document.role) has an \(present) but no \(missing); ICE needs both")
            }
        }
        let webRTC = o.isWebRTCTransport && a.isWebRTCTransport
        switch (offered.usesICE, answered.usesICE) {
        case (true, false):
            if webRTC {
                reporter.report(
                    OfferAnswerRules.iceCredentialsMissing, answer, .media(index),
                    "\(a.label) of the answer has no ICE credentials; \(a.proto) requires ICE",
                    hint: "add a=ice-ufrag and a=ice-pwd")
            } else {
                reporter.report(
                    OfferAnswerRules.iceNotNegotiated, answer, .media(index),
                    """
                    the offer uses ICE for \(o.label) but the answer does not: ICE is not used, and media goes to \
                    the answer's c= and m= address
                    """
                )
            }
        case (false, true):
            if webRTC {
                reporter.report(
                    OfferAnswerRules.iceCredentialsMissing, offer, .media(index),
                    "\(o.label) of the offer has no ICE credentials; \(o.proto) requires ICE")
            } else {
                reporter.report(
                    OfferAnswerRules.iceNotNegotiated, answer, .attribute("ice-ufrag", section: index),
                    "the answer has ICE credentials for \(a.label) but the offer has none: ICE is not used")
            }
        case (false, false):
            // Neither side uses ICE. JSEP endpoints always do, but the same transports are used
            // without it elsewhere (RFC 8841 §13.1, RFC 5763 §7): a browser profile reports a
            // description without ICE (PRF105); the exchange itself is consistent.
            break
        case (true, true):
            if ice.offerLite && ice.answerLite && reportedOnce.insert("ice-lite").inserted {
                reporter.report(
                    OfferAnswerRules.iceLiteBoth, answer, .attribute("ice-lite", section: index),
                    """
                    both the offer and the answer are ICE lite: neither side sends connectivity checks, so no \
                    candidate pair is selected
                    """
                )
            }
            if ice.offerTrickle != ice.answerTrickle && reportedOnce.insert("trickle").inserted {
                let (with, without) = ice.offerTrickle ? (offer, answer) : (answer, offer)
                reporter.report(
                    OfferAnswerRules.trickleOneSided, with, .attribute("ice-options", section: index),
                    """
                    the \(with.role) supports trickle ICE but the \(without.role) does not: the \(without.role)'s \
                    candidates must all be in its description
                    """
                )
            }
        }
    }

    // MARK: DTLS (RFC 8842, RFC 4145, RFC 8122)

    private mutating func analyzeDTLS(
        _ index: Int, _ o: SectionView, _ a: SectionView, _ offered: TransportParameters,
        _ answered: TransportParameters
    ) {
        var dtls = DTLSSummary(offerSetup: offered.setup, answerSetup: answered.setup)
        dtls.offerFingerprintHashes = offered.fingerprints.map(\.hashFunction)
        dtls.answerFingerprintHashes = answered.fingerprints.map(\.hashFunction)
        for (document, view, parameters) in [(offer, o, offered), (answer, a, answered)] {
            if parameters.fingerprints.isEmpty {
                reporter.report(
                    OfferAnswerRules.fingerprintMissing, document, .media(index),
                    """
                    \(view.label) of the \(document.role) uses \(view.proto) but has no a=fingerprint, here or at \
                    the session level
                    """,
                    hint: "add a=fingerprint:sha-256 <digest of the DTLS certificate>")
            }
            for fingerprint in parameters.fingerprints {
                let name = fingerprint.hashFunction.lowercasedASCII
                let problem: String?
                if Fingerprint.digestLength(of: name) == nil {
                    problem = "'\(fingerprint.hashFunction)' is not a known hash function"
                } else if name == "md5" || name == "md2" {
                    problem = "\(fingerprint.hashFunction) must not be used for fingerprints"
                } else if name == "sha-1" {
                    problem = "sha-1 is weak; peers are only required to support sha-256"
                } else {
                    problem = nil
                }
                if let problem, reportedOnce.insert("hash|\(document.number)|\(name)").inserted {
                    reporter.report(
                        OfferAnswerRules.fingerprintHash, document,
                        .attribute(
                            "fingerprint", section: index,
                            // The value as written: white space before the hash (SDP231) is skipped.
                            matching: { $0.trimmingASCIISpaces.lowercasedASCII.hasPrefix(name + " ") }),
                        "the \(document.role)'s fingerprint: \(problem)")
                }
            }
        }
        switch offered.setup {
        case nil where !offered.setupWritten:
            reporter.report(
                OfferAnswerRules.dtlsSetupOffer, offer, .media(index),
                """
                \(o.label) of the offer has no a=setup; the default is active (RFC 4145), which leaves the \
                answerer only passive
                """,
                hint: "offer a=setup:actpass")
        case .holdconn:
            reporter.report(
                OfferAnswerRules.dtlsSetupOffer, offer, .attribute("setup", section: index),
                "\(o.label) of the offer says a=setup:holdconn: no DTLS connection can be made")
        default:
            break
        }
        if !answerIsOffer {
            let setupLine: Anchor = .attribute("setup", section: index)
            switch answered.setup {
            case nil where !answered.setupWritten:
                reporter.report(
                    OfferAnswerRules.dtlsSetupAnswer, answer, .media(index),
                    "\(a.label) of the answer has no a=setup; the answerer must choose active or passive",
                    hint: offered.setup == .passive ? "answer a=setup:active" : "answer a=setup:active (or passive)")
            case .actpass, .holdconn:
                reporter.report(
                    OfferAnswerRules.dtlsSetupAnswer, answer, setupLine,
                    "\(a.label) of the answer says a=setup:\(answered.setup?.rawValue ?? ""); an answer must say active or passive"
                )
            case .active where offered.setup == .active, .passive where offered.setup == .passive:
                let role = answered.setup?.rawValue ?? ""
                reporter.report(
                    OfferAnswerRules.dtlsSetupAnswer, answer, setupLine,
                    "both the offer and the answer say a=setup:\(role) for \(a.label): the DTLS handshake has no \(role == "active" ? "server" : "client")"
                )
            default:
                break
            }
        }
        switch answered.setup {
        case .active: dtls.offererRole = .server
        case .passive: dtls.offererRole = .client
        default: dtls.offererRole = nil
        }
        sections[index].features.dtls = dtls
    }

    // MARK: SDES (RFC 4568)

    private mutating func analyzeCrypto(_ index: Int, _ o: SectionView, _ a: SectionView) {
        let offered = o.section.values(Crypto.self)
        guard !offered.isEmpty, o.proto.equalsIgnoringCase(a.proto) else { return }
        let answered = a.section.values(Crypto.self)
        guard let chosen = answered.first else {
            // A DTLS-SRTP answer to an offer that also carried SDES keys chose DTLS.
            if a.proto.usesDTLS && !a.fingerprints.isEmpty { return }
            reporter.report(
                OfferAnswerRules.cryptoMismatch, answer, .media(index),
                "\(o.label) offers SDES keys (\(counted(offered.count, "a=crypto line"))) but the answer has no a=crypto: the sides share no SRTP key"
            )
            return
        }
        if answered.count > 1 {
            reporter.report(
                OfferAnswerRules.cryptoMismatch, answer, .attribute("crypto", section: index),
                "\(a.label) of the answer has \(answered.count) a=crypto lines; an answer accepts exactly one")
        }
        let tag = String(chosen.tag)
        let line: Anchor = .attribute("crypto", section: index, matching: { $0.hasPrefix(tag + " ") })
        if let match = offered.first(where: { $0.tag == chosen.tag }) {
            if match.suite.equalsIgnoringASCIICase(chosen.suite) {
                sections[index].features.srtpSuite = chosen.suite
            } else {
                reporter.report(
                    OfferAnswerRules.cryptoMismatch, answer, line,
                    "a=crypto tag \(chosen.tag) is \(chosen.suite) in the answer but \(match.suite) in the offer")
            }
        } else {
            reporter.report(
                OfferAnswerRules.cryptoMismatch, answer, line,
                """
                the answer's a=crypto tag \(chosen.tag) (\(chosen.suite)) is not one of the offered tags \
                \(offered.map { String($0.tag) }.joinedAsList)
                """
            )
        }
    }
}
