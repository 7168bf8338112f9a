import SDPLint
import SDPLintDiagnostics
import SDPLintICE
import SDPLintInput
import SDPLintJSON
import SDPLintOfferAnswer
import SDPLintReporting
import SDPLintSDP
import SDPLintSIP
import SDPLintSignaling
import SDPLintWebRTC

extension FuzzTarget {
    /// Every target, in the order `Scripts/fuzz-smoke` runs them.
    public static let all: [FuzzTarget] = [
        sdp, sdpfrag, candidate, json, envelope, whip, sip, jingle, trace, capture, hep, offerAnswer,
    ]

    /// A session description (RFC 8866): lenient and strict parse, the typed views of every
    /// attribute, the canonical form, and the writer's output read back.
    static let sdp = FuzzTarget(
        name: "sdp", summary: "SessionDescription.parse, typed attribute views, formatted(), serialize and reparse",
        dictionary: "sdp",
        seeds: [
            SeedSource("corpus", [".sdp"]), SeedSource("invalid/sdp", [".sdp"]),
            SeedSource("offer-answer", [".offer", ".answer"]),
        ]
    ) { input in
        let result = SessionDescription.parse(bytes: input)
        _ = SessionDescription.parse(bytes: input, options: .strict)
        touchTypedViews(result.value)
        let written = result.value.serialized()
        let reread = SessionDescription.parse(written)
        guard !result.hasErrors else { return [] }
        // Without errors, the writer's output must keep every section and stay free of errors
        // (with errors the model is partial, and its text need not read back the same way).
        var violations: [Violation] = []
        if reread.value.media.count != result.value.media.count {
            violations.append(
                Violation(
                    """
                    the serialized description has \(reread.value.media.count) media sections, the parsed \
                    one \(result.value.media.count)
                    """
                ))
        }
        if let error = reread.diagnostics.first(where: { $0.severity == .error }) {
            violations.append(Violation("the serialized description has an error the input had not: \(error)"))
        }
        _ = result.value.formatted().serialized()
        return violations
    }

    /// An SDP fragment (RFC 8840 `application/trickle-ice-sdpfrag`).
    static let sdpfrag = FuzzTarget(
        name: "sdpfrag", summary: "SDPFragment.parse and serialize",
        dictionary: "sdp",
        seeds: [
            SeedSource("corpus", [".sdp"], .fromFirstMediaLine), SeedSource("sip", [".sip"], .fromFirstMediaLine),
            SeedSource("signaling/sdpfrag", [".sdpfrag"]),
        ]
    ) { input in
        let fragment = SDPFragment.parse(bytes: input).value
        _ = SDPFragment.parse(bytes: input, options: .strict)
        for section in fragment.media {
            _ = section.mid
            _ = section.candidates
        }
        _ = SDPFragment.parse(fragment.serialized())
        return []
    }

    /// One candidate (RFC 8839 §5.1), as `RTCIceCandidate.candidate` or an `a=candidate:` line.
    static let candidate = FuzzTarget(
        name: "candidate",
        summary:
            "Candidate.parse (lenient, strict), validate(options:), the canonical form of a valid candidate reparsed",
        dictionary: "sdp",
        seeds: [SeedSource("ice", [".txt"], .lines), SeedSource("corpus", [".sdp"], .linesStarting("a=candidate:"))]
    ) { input in
        let text = String(decoding: input, as: UTF8.self)
        let parsed = Candidate.parse(text)
        let (candidate, diagnostics) = (parsed.value, parsed.diagnostics)
        _ = Candidate.parse(text, options: .strict)
        guard let candidate else { return [] }
        _ = candidate.validate(options: .strict)
        _ = (candidate.typePreference, candidate.localPreference, candidate.componentFromPriority)
        // A candidate read with errors keeps defaults for the broken fields, so its canonical
        // form need not be a candidate; one read without errors must stay one.
        guard !diagnostics.contains(where: { $0.severity == .error }) else { return [] }
        let canonical = candidate.canonicalized()
        let reread = Candidate.parse(canonical.description).value
        return reread == nil
            ? [Violation("the canonical form of a candidate does not parse: \(canonical.description)")] : []
    }

    /// Any JSON text (RFC 8259), as a value, as a document with locations, as NDJSON, and cut
    /// short; what the writer prints must read back to the same value.
    static let json = FuzzTarget(
        name: "json", summary: "JSONValue/JSONDocument/NDJSON.parse, JSONTruncation, write and reparse",
        dictionary: "json",
        seeds: [SeedSource("json", [".json", ".ndjson"]), SeedSource("corpus", [".json", ".ndjson"])],
        maxLength: 64 << 10
    ) { input in
        var violations: [Violation] = []
        let value = JSONValue.parse(bytes: input).value
        let document = JSONDocument.parse(bytes: input, options: .strict).value
        if let document { walk(document.root, depth: 0) }
        _ = NDJSON.parse(bytes: input)
        if let closed = JSONTruncation.closing(input) { _ = JSONValue.parse(bytes: closed.text) }
        if let value {
            for text in [value.serialized(), value.serialized(pretty: true)] {
                let parsedReread = JSONValue.parse(text)
                let (reread, diagnostics) = (parsedReread.value, parsedReread.diagnostics)
                if reread != value {
                    violations.append(
                        Violation(
                            "the written JSON does not read back to the same value: \(diagnostics.first.map(String.init(describing:)) ?? "different value")"
                        ))
                }
            }
        }
        return violations
    }

    /// A SIP byte stream (RFC 3261 §18.3) and a single datagram; the stream decoded in chunks
    /// must give what it gives in one piece.
    static let sip = FuzzTarget(
        name: "sip",
        summary:
            """
            SIPStreamDecoder (whole and chunked), SIPMessage.parse as a datagram, typed headers and body, \
            SIPSignaling.read
            """,
        dictionary: "sip",
        seeds: [SeedSource("sip", [".sip"]), SeedSource("corpus", [".sip"]), SeedSource("signaling/sip", [".sip"])]
    ) { input in
        var whole = SIPStreamDecoder()
        let all = whole.decode(input) + whole.finish()
        // The first byte picks the chunk size, so the fuzzer can explore where reads split.
        let chunk = Int(input.first ?? 0) % 61 + 1
        var chunked = SIPStreamDecoder()
        var pieces: [SIPParseResult] = []
        var offset = 0
        while offset < input.count {
            let end = min(input.count, offset + chunk)
            pieces += chunked.decode(input[offset..<end])
            offset = end
        }
        pieces += chunked.finish()
        var violations: [Violation] = []
        if pieces.map(\.message) != all.map(\.message) {
            violations.append(
                Violation("decoding in \(chunk)-byte chunks gave \(pieces.count) messages, in one piece \(all.count)"))
        }
        for result in all.prefix(16) { touchTypedHeaders(result.message) }
        let datagram = SIPMessage.parse(bytes: input, framing: .datagram)
        touchTypedHeaders(datagram.value)
        _ = SIPMessage.parse(bytes: input, framing: .stream, options: .strict)
        // The dialogs and offer/answer of the Signaling module, as `sdplint check` reads a trace.
        let (messages, _, _) = SIPSignaling.read(input)
        for message in messages.prefix(64) { touchSignalingMessage(message.value) }
        return violations
    }

    /// Browser dumps: chrome://webrtc-internals (its values as JSON text and in the older text
    /// form), rtcstats and Firefox about:webrtc, through the readers, the whole linter and the
    /// timeline.
    static let trace = FuzzTarget(
        name: "trace",
        summary: "InputReader.read (json, rtcstats), the dump readers, Linter.check, Timeline, the text renderer",
        dictionary: "json",
        seeds: [
            SeedSource("corpus/chromium-internals", [".json", ".rtcstats.gz"]),
            SeedSource("corpus/chromium-internals", [".json"], .legacyWebRTCInternals),
            SeedSource("corpus/firefox-aboutwebrtc", [".json"]),
        ],
        maxLength: 512 << 10
    ) { input in
        let isRTCStats = RTCStatsDump.matches(input)
        let document = InputReader.read(input, name: "fuzz.json", kind: isRTCStats ? .rtcstats : .json)
        if !isRTCStats { _ = InputReader.read(input, name: "fuzz.rtcstats", kind: .rtcstats) }
        let files = Linter.check(document)
        var output = ""
        for file in files.prefix(8) { TextRenderer().render(file, into: &output) }
        for trace in document.traces.prefix(4) { _ = Timeline(trace).text() }
        if !isRTCStats, JSONValue.parse(bytes: input).value != nil {
            _ = WebRTCInternalsDump.read(input)
            _ = FirefoxWebRTCHistory.read(input)
        }
        return []
    }

    /// An offer and its answer (RFC 3264), one after the other, split at the second `v=` line.
    static let offerAnswer = FuzzTarget(
        name: "offeranswer", summary: "Negotiation.analyze on an offer and an answer split at the second v= line",
        dictionary: "sdp",
        seeds: [
            SeedSource("offer-answer", [".offer"], .followedBySibling(suffix: ".answer")),
            SeedSource("corpus", [".offer.sdp"], .followedBySibling(suffix: ".answer.sdp")),
        ]
    ) { input in
        var split = input.count
        var index = 1
        while index + 2 < input.count {
            if input[index] == UInt8(ascii: "\n") && input[index + 1] == UInt8(ascii: "v")
                && input[index + 2] == UInt8(ascii: "=")
            {
                split = index + 1
                break
            }
            index += 1
        }
        let offer = SDPSource(name: "offer.sdp", bytes: Array(input[..<split]))
        let answer = SDPSource(name: "answer.sdp", bytes: Array(input[split...]))
        let report = Negotiation.analyze(offer: offer, answer: answer)
        _ = report.findings.map(\.description)
        _ = report.sections.map(\.rejected)
        return []
    }
}

// MARK: - Walking what was parsed

/// Reads every typed view the SDP module parses on demand, so the fuzzer reaches those parsers.
func touchTypedViews(_ description: SessionDescription) {
    _ = description.bundleGroups
    _ = description.values(Group.self)
    _ = description.values(MSIDSemantic.self)
    _ = description.values(Fingerprint.self)
    _ = description.value(ICEOptions.self)
    for section in description.media.prefix(64) {
        _ = section.codecs
        _ = section.candidates
        _ = section.isRejected
        _ = (section.mid, section.direction)
        _ = section.values(ExtMap.self)
        _ = section.values(SSRC.self)
        _ = section.values(SSRCGroup.self)
        _ = section.values(RID.self)
        _ = section.value(Simulcast.self)
        _ = section.values(Crypto.self)
        _ = section.values(Fingerprint.self)
        _ = section.value(Setup.self)
        _ = section.values(MSID.self)
        _ = section.value(SCTPPort.self)
        _ = section.value(MaxMessageSize.self)
        _ = section.value(SCTPMap.self)
        _ = section.value(RTCPAddress.self)
        _ = (section.value(PTime.self), section.value(MaxPTime.self), section.value(FrameRate.self))
        _ = (section.value(ICEUfrag.self), section.value(ICEPwd.self))
        _ = (section.value(Label.self), section.value(Content.self), section.value(TLSID.self))
    }
}

/// Reads every typed header and the body of a SIP message.
func touchTypedHeaders(_ message: SIPMessage) {
    _ = (message.vias, message.from, message.to, message.callID, message.cseq)
    _ = (message.contacts, message.routes, message.recordRoutes)
    _ = (message.maxForwards, message.contentLength, message.contentType, message.expires)
    _ = (message.allow, message.supported, message.require)
    _ = message.sessionDescription
    _ = message.multipartBody
    _ = message.trickleICEFragment
    _ = message.serialized()
}

/// Visits every node of a document, asking each for its location.
func walk(_ node: JSONNode, depth: Int) {
    _ = node.location
    _ = node.keyLocation
    guard depth < 64 else { return }
    for child in node.elements.prefix(256) { walk(child, depth: depth + 1) }
    for child in node.members.prefix(256) { walk(child, depth: depth + 1) }
}
