import SDPLintDiagnostics
public import SDPLintInput
public import SDPLintOfferAnswer
import SDPLintSDP

/// Renders what `sdplint diff` found for people: each section with its directions, the codec
/// table (offer and answer payload types side by side, aligned), transport and RTP features,
/// then the findings with their snippets, as `sdplint check` prints them.
public struct NegotiationText: Sendable {
    /// The text renderer used for findings and colours.
    public var renderer: TextRenderer
    /// List every format (RTX, RED, FEC too), every header extension and the fmtp parameters;
    /// by default auxiliary formats are counted, not listed.
    public var verbose: Bool

    public init(color: Bool = false, verbose: Bool = false) {
        renderer = TextRenderer(color: color)
        self.verbose = verbose
    }

    /// Where each description of a report came from, by its `SDPSource` name: the file, the
    /// place in it (for a message of a trace) and the text, to print the lines under findings.
    public typealias Sources = [String: LintedFile]

    // MARK: One exchange

    /// An offer/answer exchange: its sections, BUNDLE groups, findings and a tally.
    public func render(_ report: NegotiationReport, findings: [Finding], sources: Sources) -> String {
        var output = renderer.paint("offer  ", .bold) + Self.shown(report.offerName) + "\n"
        output += renderer.paint("answer ", .bold) + Self.shown(report.answerName) + "\n"
        renderSections(report, detailed: true, into: &output)
        renderFindings(findings, sources: sources, into: &output)
        output +=
            tally(report) + "; " + renderer.summary(SeverityCounts(findings.map(\.diagnostic)), in: 2, "description")
            + "\n"
        return output
    }

    // MARK: A renegotiation sequence

    /// The steps of a session: what changed at each, the sections as negotiated, and the
    /// findings of every step and across steps.
    public func render(_ report: RenegotiationReport, findings: [Finding], sources: Sources) -> String {
        var output = ""
        for step in report.steps {
            let offer = Self.shown(report.documents[safe: step.offerDocument] ?? "?")
            let answer = Self.shown(step.answerDocument.flatMap { report.documents[safe: $0] } ?? "no answer")
            output += renderer.paint("step \(step.number)", .bold) + ": \(step.offerer) offers — \(offer) → \(answer)\n"
            for change in step.changes {
                output +=
                    "  " + renderer.paint(Self.marker(change.kind), Self.style(change.kind)) + " "
                    + Self.shown(change.detail)
                    + "\n"
            }
            if let negotiation = step.negotiation {
                renderSections(negotiation, detailed: verbose, into: &output)
            }
            output += "\n"
        }
        renderFindings(findings, sources: sources, into: &output)
        output +=
            "\(counted(report.steps.count, "step")); "
            + renderer.summary(SeverityCounts(findings.map(\.diagnostic)), in: report.documents.count, "description")
            + "\n"
        return output
    }

    // MARK: Sections

    private func renderSections(_ report: NegotiationReport, detailed: Bool, into output: inout String) {
        for section in report.sections {
            output += "\n"
            output += header(section)
            guard detailed else {
                if !section.rejected, let summary = compactSummary(section) { output += "   " + summary + "\n" }
                continue
            }
            if section.rejected {
                let offered = section.codecs.filter { $0.kind == .media && $0.offerPayloadType != nil }.map(\.name)
                if !offered.isEmpty {
                    output += field("offered", Self.shown(Self.unique(offered).joined(separator: ", ")))
                }
                continue
            }
            output += field("direction", directions(section))
            if let selected = section.selectedCodec {
                var text =
                    renderer.paint(Self.label(selected), .green)
                    + " (payload type \(selected.answerPayloadType.map(String.init) ?? "?"))"
                if let reason = section.selectionReason { text += " — " + Self.shown(reason) }
                output += field("sends", text)
            } else if section.dataChannel == nil, !section.codecs.isEmpty {
                output += field("sends", renderer.paint("no codec in common", .red))
            }
            codecTable(section, into: &output)
            features(section, into: &output)
        }
        if !report.bundleGroups.isEmpty { output += "\n" }
        for group in report.bundleGroups {
            var text = "offer " + Self.shown(group.offerMids.joined(separator: " ")) + " → answer "
            text +=
                group.answerMids.isEmpty
                ? renderer.paint("none", .yellow) : Self.shown(group.answerMids.joined(separator: " "))
            if let tag = group.answererTag { text += " (transport of mid \(Self.shown(tag)))" }
            if !group.removed.isEmpty { text += "; left out: " + Self.shown(group.removed.joined(separator: " ")) }
            output += renderer.paint("BUNDLE", .bold) + " " + text + "\n"
        }
    }

    private func header(_ section: SectionReport) -> String {
        var text = renderer.paint("#\(section.index) \(Self.shown(section.media.rawValue))", .bold)
        if let mid = section.mid { text += renderer.paint(" mid \(Self.shown(mid))", .bold) }
        if section.dataChannel != nil { text += " (data channel)" }
        if section.rejected {
            text += " — " + renderer.paint("rejected", .red)
            if let rejection = section.rejection { text += ": " + Self.shown(rejection.explanation) }
        } else if section.acceptedViaBundle {
            text += " — accepted inside BUNDLE (offered bundle-only)"
        }
        return text + "\n"
    }

    private func field(_ name: String, _ value: String) -> String {
        "   " + renderer.paint(name.padding(toLength: 11), .blue) + value + "\n"
    }

    private func directions(_ section: SectionReport) -> String {
        let offer = section.offerDirection?.description ?? "?"
        let answer = section.answerDirection?.description ?? "?"
        return
            """
            offer \(offer), answer \(answer) → offerer \(Self.activity(section.offererDirection)), answerer \
            \(Self.activity(section.answererDirection))
            """
    }

    /// One line for a section in a renegotiation step: directions and the codec used.
    private func compactSummary(_ section: SectionReport) -> String? {
        var parts = ["offerer \(Self.activity(section.offererDirection))"]
        if let codec = section.selectedCodec { parts.append(Self.label(codec)) }
        if let channel = section.dataChannel, let port = channel.answerSCTPPort ?? channel.offerSCTPPort {
            parts.append("sctp-port \(port)")
        }
        return parts.joined(separator: " · ")
    }

    // MARK: Codecs

    private func codecTable(_ section: SectionReport, into output: inout String) {
        guard !section.codecs.isEmpty else { return }
        let listed = verbose ? section.codecs : section.codecs.filter(Self.isPrimary)
        var seen: [String: Int] = [:]
        for codec in listed { seen[Self.label(codec), default: 0] += 1 }
        let rows: [[String]] = listed.map { codec in
            var label = Self.label(codec)
            if seen[label, default: 0] > 1, let variant = Self.variant(codec) { label += " " + variant }
            return [
                label, codec.offerPayloadType.map(String.init) ?? "-", codec.answerPayloadType.map(String.init) ?? "-",
            ]
        }
        let heading = ["codec", "offer", "answer"]
        let widths = (0..<3).map { column in (rows + [heading]).map { $0[column].count }.max() ?? 0 }
        output +=
            "   "
            + renderer.paint(
                heading[0].padding(toLength: widths[0]) + "  " + heading[1].leftPadding(toLength: widths[1])
                    + "  " + heading[2].leftPadding(toLength: widths[2]) + "  status", .blue) + "\n"
        for (codec, row) in zip(listed, rows) {
            var line = "   " + row[0].padding(toLength: widths[0]) + "  " + row[1].leftPadding(toLength: widths[1])
            line +=
                "  " + row[2].leftPadding(toLength: widths[2]) + "  "
                + renderer.paint(Self.statusText(codec.status), Self.style(codec.status))
            if let reason = codec.reason { line += " — " + Self.shown(reason) }
            output += line + "\n"
            if verbose {
                if let parameters = codec.offerParameters {
                    output +=
                        "   " + String(repeating: " ", count: widths[0]) + "  offer fmtp:  " + Self.shown(parameters)
                        + "\n"
                }
                if let parameters = codec.answerParameters, parameters != codec.offerParameters {
                    output +=
                        "   " + String(repeating: " ", count: widths[0]) + "  answer fmtp: " + Self.shown(parameters)
                        + "\n"
                }
            }
        }
        let hidden = section.codecs.filter { !Self.isPrimary($0) }
        if !verbose && !hidden.isEmpty {
            var byStatus: [(CodecStatus, Int)] = []
            for status in [CodecStatus.negotiated, .dropped, .addedByAnswer, .payloadTypeConflict] {
                let count = hidden.filter { $0.status == status }.count
                if count > 0 { byStatus.append((status, count)) }
            }
            output +=
                "   + \(counted(hidden.count, "RTX/RED/FEC format")): "
                + byStatus.map { "\($0.1) \(Self.statusText($0.0))" }.joined(separator: ", ")
                + " (--verbose lists them)\n"
        }
        let feedback = section.codecs.filter { $0.status == .negotiated && !$0.feedback.isEmpty }
        if let first = feedback.first, feedback.allSatisfy({ $0.feedback == first.feedback }) {
            output += field(
                "rtcp-fb",
                Self.shown(first.feedback.joined(separator: ", "))
                    + (feedback.count > 1 ? " (every codec)" : " (\(Self.label(first)))"))
        } else {
            for codec in feedback {
                output += field(
                    "rtcp-fb", Self.label(codec) + ": " + Self.shown(codec.feedback.joined(separator: ", ")))
            }
        }
        for codec in section.codecs where codec.status == .negotiated && !codec.droppedFeedback.isEmpty {
            output += field(
                "",
                renderer.paint("dropped", .yellow) + " for \(Self.label(codec)): "
                    + Self.shown(codec.droppedFeedback.joined(separator: ", ")))
        }
    }

    /// Media codecs, DTMF and comfort noise are listed; RTX, RED and FEC are counted unless
    /// something went wrong with them.
    private static func isPrimary(_ codec: CodecReport) -> Bool {
        switch codec.kind {
        case .media, .telephoneEvent, .comfortNoise: true
        case .retransmission, .redundancy, .forwardErrorCorrection: codec.status == .payloadTypeConflict
        }
    }

    // MARK: Features

    private func features(_ section: SectionReport, into output: inout String) {
        let features = section.features
        var transport: [String] = []
        if features.rtcpMux { transport.append(features.rtcpMuxOnly ? "rtcp-mux (only)" : "rtcp-mux") }
        if features.rtcpReducedSize { transport.append("rtcp-rsize") }
        let ice = features.ice
        if ice.negotiated {
            var text = "ICE"
            if ice.offerLite || ice.answerLite { text += " (\(ice.offerLite ? "offerer" : "answerer") is ice-lite)" }
            if ice.trickle { text += " with trickle" }
            transport.append(text)
        } else if ice.offerUfrag != nil || ice.answerUfrag != nil {
            transport.append(renderer.paint("ICE on one side only", .yellow))
        }
        if let dtls = features.dtls {
            var text = "DTLS"
            if let role = dtls.offererRole {
                text += " offerer \(role), answerer \(dtls.answererRole.map(\.rawValue) ?? "?")"
            }
            text += " (setup \(dtls.offerSetup?.rawValue ?? "-") → \(dtls.answerSetup?.rawValue ?? "-"))"
            let hashes = Self.unique(dtls.offerFingerprintHashes + dtls.answerFingerprintHashes)
            if !hashes.isEmpty { text += " " + Self.shown(hashes.joined(separator: "/")) }
            transport.append(text)
        }
        if let suite = features.srtpSuite { transport.append("SDES " + Self.shown(suite)) }
        if !transport.isEmpty { output += field("transport", transport.joined(separator: " · ")) }

        let extensions = features.headerExtensions
        if !extensions.isEmpty {
            let negotiated = extensions.filter { $0.status == .negotiated }
            // An extension that goes nowhere while the media flows is worth a line of its own; in
            // an inactive section the direction line says it for all of them.
            func unused(_ item: HeaderExtensionReport) -> Bool {
                item.offererDirection == .inactive && section.offererDirection != .inactive
            }
            let unusedCount = negotiated.filter(unused).count
            var text = "\(negotiated.count) negotiated"
            if unusedCount > 0 { text += ", \(unusedCount) sent by neither side" }
            if features.extmapAllowMixed { text += ", one- and two-byte mixed" }
            output += field("extensions", text)
            for item in extensions where verbose || item.status != .negotiated || unused(item) {
                let ids = (item.offerID.map(String.init) ?? "-") + " ↔ " + (item.answerID.map(String.init) ?? "-")
                let status = Self.statusText(item.status)
                var line =
                    renderer.paint(status, Self.style(item.status)) + " " + Self.shown(item.uri) + " (" + ids + ")"
                if let flow = item.offererDirection { line += ", " + Self.headerFlow(flow) }
                output += field("", line)
            }
        }
        if let simulcast = features.simulcast {
            var text =
                "offerer sends " + Self.list(simulcast.offererSends) + ", answerer sends "
                + Self.list(simulcast.answererSends)
            if !simulcast.paused.isEmpty { text += "; paused: " + Self.shown(simulcast.paused.joined(separator: " ")) }
            output += field("simulcast", text)
        }
        if let channel = section.dataChannel {
            var text =
                "sctp-port \(channel.offerSCTPPort.map(String.init) ?? "-") ↔ \(channel.answerSCTPPort.map(String.init) ?? "-")"
            text +=
                " · largest message: offerer \(Self.bytes(channel.offererMaySend)), answerer \(Self.bytes(channel.answererMaySend))"
            if channel.offerLegacy || channel.answerLegacy {
                text += " · legacy sctpmap on the " + (channel.offerLegacy ? "offer" : "answer")
            }
            output += field("sctp", text)
        }
    }

    // MARK: Findings

    private func renderFindings(_ findings: [Finding], sources: Sources, into output: inout String) {
        guard !findings.isEmpty else {
            output += "\n"
            return
        }
        output += "\n"
        for finding in findings {
            let file = sources[finding.file] ?? LintedFile(path: finding.file, source: [], diagnostics: [])
            renderer.render(finding.diagnostic, in: file, into: &output)
        }
        output += "\n"
    }

    private func tally(_ report: NegotiationReport) -> String {
        let carrying = report.sections.filter { !$0.rejected }.count
        return
            "\(carrying) of \(counted(report.sections.count, "section")) \(carrying == 1 ? "carries" : "carry") media"
    }

    // MARK: Words

    /// Text from the input, as it may be shown on a terminal: control characters escaped
    /// (``TextRenderer/escaped(_:keepingLineBreaks:)``), so that no description can move the
    /// cursor, retitle the window or change colours.
    static func shown(_ text: String) -> String { TextRenderer.escaped(text) }

    static func label(_ codec: CodecReport) -> String {
        var text = shown(codec.name) + "/" + (codec.clockRate.map(String.init) ?? "?")
        if let channels = codec.channels, channels != 1 { text += "/\(channels)" }
        return text
    }

    /// The fmtp parameters that tell apart two configurations of one codec (H.264 profile and
    /// packetization mode, VP9 profile, AV1 and H.265 profile, tier and level), in brackets.
    static func variant(_ codec: CodecReport) -> String? {
        guard let parameters = codec.offerParameters ?? codec.answerParameters else { return nil }
        let keys: Set<String> = [
            "profile-level-id", "packetization-mode", "profile-id", "profile", "level-idx", "tier",
            "level-id", "tier-flag", "profile-space", "apt",
        ]
        let picked = FMTP(format: "", parameterText: parameters).parameters.filter {
            keys.contains($0.name.lowercased())
        }
        let text = picked.isEmpty ? String(parameters.prefix(40)) : picked.map(\.description).joined(separator: ";")
        return "[" + shown(text) + "]"
    }

    static func activity(_ direction: Direction) -> String {
        switch direction {
        case .sendrecv: "sends and receives"
        case .sendonly: "sends only"
        case .recvonly: "receives only"
        case .inactive: "inactive"
        }
    }

    static func statusText(_ status: CodecStatus) -> String {
        switch status {
        case .negotiated: "negotiated"
        case .dropped: "dropped"
        case .addedByAnswer: "added by answer"
        case .payloadTypeConflict: "payload type conflict"
        }
    }

    /// Which way an extension's headers go, from the offerer's direction for them.
    static func headerFlow(_ offererDirection: Direction) -> String {
        switch offererDirection {
        case .sendrecv: "both ways"
        case .sendonly: "offerer → answerer"
        case .recvonly: "answerer → offerer"
        case .inactive: "sent by neither side"
        }
    }

    static func statusText(_ status: HeaderExtensionReport.Status) -> String {
        switch status {
        case .negotiated: "negotiated"
        case .dropped: "dropped"
        case .addedByAnswer: "added by answer"
        }
    }

    static func style(_ status: CodecStatus) -> TextRenderer.Style {
        switch status {
        case .negotiated: .green
        case .dropped: .yellow
        case .addedByAnswer: .cyan
        case .payloadTypeConflict: .red
        }
    }

    static func style(_ status: HeaderExtensionReport.Status) -> TextRenderer.Style {
        switch status {
        case .negotiated: .green
        case .dropped: .yellow
        case .addedByAnswer: .cyan
        }
    }

    static func marker(_ kind: Change.Kind) -> String {
        switch kind {
        case .sectionAdded: "+"
        case .sectionStopped: "-"
        default: "~"
        }
    }

    static func style(_ kind: Change.Kind) -> TextRenderer.Style {
        switch kind {
        case .sectionAdded: .green
        case .sectionStopped, .dtlsRoleChanged: .red
        default: .yellow
        }
    }

    static func list(_ items: [String]) -> String { items.isEmpty ? "nothing" : shown(items.joined(separator: " ")) }

    static func bytes(_ count: UInt64) -> String { count == 0 ? "no limit" : "\(count) bytes" }

    static func unique(_ items: [String]) -> [String] {
        var seen: Set<String> = []
        return items.filter { seen.insert($0).inserted }
    }
}

func counted(_ count: Int, _ noun: String) -> String { "\(count) \(noun)\(count == 1 ? "" : "s")" }

extension String {
    /// The text padded with spaces on the right to `length` characters (never cut).
    func padding(toLength length: Int) -> String {
        count >= length ? self : self + String(repeating: " ", count: length - count)
    }

    /// The text padded with spaces on the left to `length` characters (never cut).
    func leftPadding(toLength length: Int) -> String {
        count >= length ? self : String(repeating: " ", count: length - count) + self
    }

    /// The text cut to `length` characters, the last one `…` when it was longer.
    func clipped(to length: Int) -> String {
        count <= length ? self : String(prefix(length - 1)) + "…"
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
