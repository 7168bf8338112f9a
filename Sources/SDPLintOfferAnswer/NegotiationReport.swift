public import SDPLintDiagnostics
public import SDPLintSDP

/// Which of the two descriptions of an exchange something belongs to.
public enum Role: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    case offer
    case answer

    public var description: String { rawValue }
}

/// A diagnostic together with the description it points into.
///
/// `Diagnostic` carries a line and column but no file; a negotiation reads at least two
/// files, so each finding says which one.
public struct Finding: Sendable, Hashable, CustomStringConvertible {
    /// The position of the description among those analysed: 0 for the offer and 1 for the
    /// answer of a pair, the position in the list for a renegotiation sequence.
    public var document: Int
    /// The name of that description's ``SDPSource``.
    public var file: String
    /// Whether that description is an offer or an answer.
    public var role: Role
    public var diagnostic: Diagnostic

    public init(document: Int, file: String, role: Role, diagnostic: Diagnostic) {
        self.document = document
        self.file = file
        self.role = role
        self.diagnostic = diagnostic
    }

    /// `answer.sdp:14:3: error[OA201]: …`.
    public var description: String { "\(file):\(diagnostic)" }
}

/// What two peers negotiated with one offer and its answer, section by section, and every
/// problem found on the way.
///
/// Built by ``Negotiation/analyze(offer:answer:options:)``. Sections follow the offer's order
/// (RFC 3264 §6 matches the n-th `m=` line of the answer to the n-th of the offer); an answer
/// with more sections adds reports for the unmatched ones, marked rejected.
public struct NegotiationReport: Sendable, Hashable {
    /// The name of the offer's source.
    public var offerName: String
    /// The name of the answer's source.
    public var answerName: String
    /// One report per offered section, in order, then any sections only the answer has.
    public var sections: [SectionReport]
    /// The BUNDLE groups of both descriptions and what became of them.
    public var bundleGroups: [BundleGroupReport]
    /// Every finding, each with the description it points into, in the order the checks ran:
    /// section matching first, then codecs, transport, RTP features and SCTP.
    public var findings: [Finding]

    public init(
        offerName: String, answerName: String, sections: [SectionReport] = [],
        bundleGroups: [BundleGroupReport] = [], findings: [Finding] = []
    ) {
        self.offerName = offerName
        self.answerName = answerName
        self.sections = sections
        self.bundleGroups = bundleGroups
        self.findings = findings
    }

    /// The findings as plain diagnostics, in the shape the SDP parser reports; ``findings``
    /// says which file each one points into.
    public var diagnostics: [Diagnostic] { findings.map(\.diagnostic) }

    /// Whether any finding is an error.
    public var hasErrors: Bool { findings.contains { $0.diagnostic.severity == .error } }

    /// The findings of one rule.
    public func findings(code: Rule.Code) -> [Finding] { findings.filter { $0.diagnostic.code == code } }

    /// The section with this mid.
    public func section(mid: String) -> SectionReport? { sections.first { $0.mid == mid } }
}

/// What became of one media section.
public struct SectionReport: Sendable, Hashable {
    /// The 0-based position of the section (the `m=` line index, JSEP's `sdpMLineIndex`).
    public var index: Int
    /// The section's mid: the answer's when it has one, else the offer's.
    public var mid: String?
    public var offerMid: String?
    public var answerMid: String?
    /// The media type of the offered section (or of the answer's, for a section only the
    /// answer has).
    public var media: MediaDescription.MediaType
    public var answerMedia: MediaDescription.MediaType?
    public var offerProtocol: MediaDescription.TransportProtocol?
    public var answerProtocol: MediaDescription.TransportProtocol?
    public var offerPort: Int?
    public var answerPort: Int?
    /// The direction the offer states (sendrecv when none is given, RFC 8866 §6.7).
    public var offerDirection: Direction?
    /// The direction the answer states.
    public var answerDirection: Direction?
    /// What the offerer ends up doing: it sends when it offered to send and the answerer
    /// accepted to receive, and receives when the answerer sends (RFC 3264 §6.1). Inactive when
    /// the section is rejected.
    public var offererDirection: Direction
    /// What the answerer ends up doing; the reverse of ``offererDirection``.
    public var answererDirection: Direction
    /// Whether the section carries no media: port 0 without BUNDLE, or no answer for it.
    public var rejected: Bool
    /// Why, when ``rejected`` is true.
    public var rejection: Rejection?
    /// Whether the offer marked the section `a=bundle-only` (RFC 9143 §6): port 0, to be
    /// accepted only inside BUNDLE.
    public var bundleOnly: Bool
    /// Whether the section ended up in the negotiated BUNDLE group (the answer's group).
    public var bundled: Bool
    /// Every codec of the offer and the answer, paired where they match: the offer's order
    /// first, then codecs only the answer lists.
    public var codecs: [CodecReport]
    /// The media codec used first: the answer's most preferred negotiated codec (RFC 3264 §6.1:
    /// the answer lists formats in the answerer's order of preference; JSEP peers send with the
    /// first one). `nil` when nothing was negotiated.
    public var selectedCodec: CodecReport?
    /// Why ``selectedCodec`` is the one: which codecs the offerer preferred and what became of
    /// them. `nil` when the offerer's first choice was selected.
    public var selectionReason: String?
    public var features: FeatureSummary
    /// The data channel parameters, for an SCTP section.
    public var dataChannel: DataChannelReport?

    public init(index: Int, media: MediaDescription.MediaType) {
        self.index = index
        self.media = media
        self.offererDirection = .inactive
        self.answererDirection = .inactive
        self.rejected = false
        self.bundleOnly = false
        self.bundled = false
        self.codecs = []
        self.features = FeatureSummary()
    }

    /// Whether the section was offered bundle-only (port 0) and accepted inside the BUNDLE
    /// group (RFC 9143 §6): it carries media although the offer gave it no port.
    public var acceptedViaBundle: Bool { bundleOnly && bundled && !rejected }

    /// The codecs that were negotiated, in the answer's order.
    public var negotiatedCodecs: [CodecReport] {
        codecs.filter { $0.status == .negotiated }
            .sorted { ($0.answerRank ?? Int.max) < ($1.answerRank ?? Int.max) }
    }
}

/// Why a section carries no media.
public struct Rejection: Sendable, Hashable, CustomStringConvertible {
    public enum Reason: String, Sendable, Hashable {
        /// The offer already had port 0 (a stopped or disabled section, RFC 3264 §8.2).
        case rejectedInOffer
        /// The answerer set port 0 (RFC 3264 §6).
        case declinedByAnswerer
        /// The answer has no section at this position (RFC 3264 §6 requires one).
        case missingFromAnswer
        /// The answer has a section here that no offered section corresponds to.
        case notOffered
        /// The answer's section has another media type or transport, so it answers nothing.
        case mismatched
    }

    public var reason: Reason
    /// A sentence for people.
    public var explanation: String

    public init(reason: Reason, explanation: String) {
        self.reason = reason
        self.explanation = explanation
    }

    public var description: String { explanation }
}

/// What happened to one codec.
public enum CodecStatus: String, Sendable, Hashable, CustomStringConvertible {
    /// Both sides list it: it may be sent.
    case negotiated
    /// The offer lists it and the answer does not (``CodecReport/reason`` says why).
    case dropped
    /// Only the answer lists it. RFC 3264 §6.1 lets an answerer add formats it can receive,
    /// which the offerer will not send; JSEP (RFC 9429 §5.3.1) does not allow it.
    case addedByAnswer
    /// The answer binds a payload type of the offer to another codec or to incompatible
    /// parameters of the same codec.
    case payloadTypeConflict

    public var description: String { rawValue }
}

/// The role a format plays.
public enum CodecKind: String, Sendable, Hashable {
    /// An audio or video codec.
    case media
    /// RTX retransmission (RFC 4588).
    case retransmission
    /// RED redundancy (RFC 2198).
    case redundancy
    /// ULPFEC or FlexFEC forward error correction (RFC 5109, RFC 8627).
    case forwardErrorCorrection
    /// DTMF events (RFC 4733).
    case telephoneEvent
    /// Comfort noise (RFC 3389).
    case comfortNoise
}

/// One codec of a section and what became of it.
public struct CodecReport: Sendable, Hashable, CustomStringConvertible {
    /// The encoding name as the offer writes it (the answer's for codecs only it has).
    public var name: String
    public var clockRate: Int?
    /// Audio channels (1 when the rtpmap does not say); `nil` for video.
    public var channels: Int?
    public var kind: CodecKind
    public var offerPayloadType: Int?
    public var answerPayloadType: Int?
    public var status: CodecStatus
    /// Why a codec was dropped, added or conflicts; notes on a negotiated one (different
    /// payload types, H.264 level asymmetry, …).
    public var reason: String?
    /// The fmtp parameters as each side writes them.
    public var offerParameters: String?
    public var answerParameters: String?
    /// The RTCP feedback both sides list for this codec (`nack`, `nack pli`, `ccm fir`,
    /// `goog-remb`, `transport-cc`, …).
    public var feedback: [String]
    /// Feedback the offer lists for it and the answer does not.
    public var droppedFeedback: [String]
    /// The position in the offer's and the answer's m= line.
    public var offerRank: Int?
    public var answerRank: Int?

    public init(name: String, clockRate: Int?, channels: Int?, kind: CodecKind, status: CodecStatus) {
        self.name = name
        self.clockRate = clockRate
        self.channels = channels
        self.kind = kind
        self.status = status
        self.feedback = []
        self.droppedFeedback = []
    }

    /// `opus/48000/2 (111 ↔ 111) negotiated`.
    public var description: String {
        var text = name + "/" + (clockRate.map(String.init) ?? "?")
        if let channels, channels != 1 { text += "/\(channels)" }
        text +=
            " (" + (offerPayloadType.map(String.init) ?? "-") + " ↔ " + (answerPayloadType.map(String.init) ?? "-")
            + ") "
        text += status.rawValue
        if let reason { text += ": " + reason }
        return text
    }
}

/// The transport and RTP features of one section as negotiated.
public struct FeatureSummary: Sendable, Hashable {
    /// RTP and RTCP share a port: the offer asked for it and the answer agreed (RFC 5761 §5.1.1).
    public var rtcpMux: Bool = false
    /// The offer will not fall back to separate RTCP (RFC 8858).
    public var rtcpMuxOnly: Bool = false
    /// Reduced-size RTCP (RFC 5506), offered and accepted.
    public var rtcpReducedSize: Bool = false
    /// RTP header extensions of both sides, paired by URI (RFC 8285).
    public var headerExtensions: [HeaderExtensionReport] = []
    /// Both sides allow one- and two-byte header extensions in one stream (RFC 8285 §6).
    public var extmapAllowMixed: Bool = false
    public var ice = ICESummary()
    /// The DTLS roles, for a DTLS transport.
    public var dtls: DTLSSummary?
    /// The SDES-SRTP crypto suite the answer selected (RFC 4568), if keys are exchanged in the
    /// descriptions.
    public var srtpSuite: String?
    /// Simulcast, when either side mentions it (RFC 8853).
    public var simulcast: SimulcastReport?

    public init() {}
}

/// One RTP header extension and its ids on each side.
public struct HeaderExtensionReport: Sendable, Hashable {
    public enum Status: String, Sendable, Hashable {
        case negotiated
        case dropped
        case addedByAnswer
    }

    public var uri: String
    public var offerID: Int?
    public var answerID: Int?
    public var status: Status
    /// What the offerer does with the extension's headers once the answer applies: the section's
    /// media direction, narrowed by each side's direction for the extension (RFC 8285 §7);
    /// `inactive` when neither side sends it, `nil` unless both sides map it.
    public var offererDirection: Direction?

    public init(uri: String, offerID: Int?, answerID: Int?, status: Status, offererDirection: Direction? = nil) {
        self.uri = uri
        self.offerID = offerID
        self.answerID = answerID
        self.status = status
        self.offererDirection = offererDirection
    }
}

/// ICE as each side describes it for one section (media level, or inherited from the session).
public struct ICESummary: Sendable, Hashable {
    public var offerUfrag: String?
    public var answerUfrag: String?
    /// `a=ice-lite` (RFC 8839 §5.3).
    public var offerLite: Bool = false
    public var answerLite: Bool = false
    /// `a=ice-options:trickle` (RFC 8840 §4.1.1).
    public var offerTrickle: Bool = false
    public var answerTrickle: Bool = false

    public init() {}

    /// Both sides take part in ICE.
    public var negotiated: Bool { offerUfrag != nil && answerUfrag != nil }
    /// Both sides accept trickled candidates.
    public var trickle: Bool { offerTrickle && answerTrickle }
}

/// The DTLS setup of one section (RFC 8842 §5).
public struct DTLSSummary: Sendable, Hashable {
    /// Who opens the DTLS association.
    public enum Role: String, Sendable, Hashable {
        /// Sends the ClientHello (`a=setup:active`).
        case client
        /// Waits for it (`a=setup:passive`).
        case server
    }

    public var offerSetup: Setup?
    public var answerSetup: Setup?
    /// The offerer's role, when the answer settles it.
    public var offererRole: Role?
    /// The hash functions of the fingerprints on each side.
    public var offerFingerprintHashes: [String] = []
    public var answerFingerprintHashes: [String] = []

    public init(offerSetup: Setup?, answerSetup: Setup?) {
        self.offerSetup = offerSetup
        self.answerSetup = answerSetup
    }

    /// The answerer's role.
    public var answererRole: Role? { offererRole.map { $0 == .client ? .server : .client } }
}

/// Simulcast as offered and answered (RFC 8853).
public struct SimulcastReport: Sendable, Hashable {
    /// The offer's send and receive lists, rid ids with "~" for paused streams.
    public var offerSend: [String] = []
    public var offerReceive: [String] = []
    public var answerSend: [String] = []
    public var answerReceive: [String] = []
    /// The rids the offerer will send: in the offer's send list and the answer's receive list.
    public var offererSends: [String] = []
    /// The rids the answerer will send.
    public var answererSends: [String] = []
    /// Streams that start paused.
    public var paused: [String] = []

    public init() {}
}

/// The SCTP parameters of a data channel section (RFC 8841).
public struct DataChannelReport: Sendable, Hashable {
    public var offerSCTPPort: Int?
    public var answerSCTPPort: Int?
    /// `a=max-message-size`; `nil` when absent (the peer then assumes 64 KiB, RFC 8841 §6.1).
    public var offerMaxMessageSize: UInt64?
    public var answerMaxMessageSize: UInt64?
    /// Whether a side uses the pre-RFC 8841 form (`DTLS/SCTP <port>` with `a=sctpmap`).
    public var offerLegacy: Bool = false
    public var answerLegacy: Bool = false

    public init() {}

    /// The largest message the offerer may send: what the answerer accepts (0 means no limit).
    public var offererMaySend: UInt64 { answerMaxMessageSize ?? 65536 }
    /// The largest message the answerer may send.
    public var answererMaySend: UInt64 { offerMaxMessageSize ?? 65536 }
}

/// A BUNDLE group of the offer and the group of the answer that corresponds to it
/// (RFC 9143).
public struct BundleGroupReport: Sendable, Hashable {
    public var offerMids: [String]
    /// The answer's group that shares mids with the offer's; empty when the answer bundles
    /// none of them.
    public var answerMids: [String]
    /// The offerer-tagged section: the first mid of the offer's group (RFC 9143 §7.2).
    public var offererTag: String? { offerMids.first }
    /// The answerer-tagged section: the first mid of the answer's group (RFC 9143 §7.3.1).
    public var answererTag: String? { answerMids.first }
    /// Offered mids the answer left out of its group: moved out or rejected (RFC 9143 §7.3.2).
    public var removed: [String] { offerMids.filter { !answerMids.contains($0) } }

    public init(offerMids: [String], answerMids: [String]) {
        self.offerMids = offerMids
        self.answerMids = answerMids
    }
}
