import SDPLint
import SDPLintDiagnostics
import SDPLintInput
import SDPLintJSON
import SDPLintReporting
import SDPLintSDP
import SDPLintSignaling
import SDPLintWebRTC

extension FuzzTarget {
    /// Signaling messages in JSON: the W3C dictionaries (`RTCSessionDescriptionInit`,
    /// `RTCIceCandidateInit`), the WebSocket envelope shapes around them and our versioned
    /// envelope, alone, in arrays or one per NDJSON line; and ICE server lists. What reads
    /// without errors is written as our envelope, which carries the whole model, and must read
    /// back to the same messages.
    static let envelope = FuzzTarget(
        name: "envelope",
        summary:
            """
            SignalingJSON.read (lenient, strict), ICEServerConfiguration.read, every writer; the envelope written \
            and read back
            """,
        dictionary: "json",
        seeds: [
            SeedSource("signaling/json", [".json", ".ndjson"]), SeedSource("signaling/invalid", [".json"]),
            SeedSource("corpus", [".json", ".ndjson"]),
        ],
        maxLength: 64 << 10
    ) { input in
        let (messages, diagnostics) = SignalingJSON.read(input)
        _ = SignalingJSON.read(input, options: .strict)
        _ = ICEServerConfiguration.read(json: input)
        var violations = misplaced(diagnostics, in: input)
        for message in messages.prefix(64) { touchSignalingMessage(message.value) }
        let values = messages.prefix(64).map(\.value)
        for format in [SignalingFormat.json, .sip, .whip, .sdp, .sdpfrag] { _ = Signaling.write(values, as: format) }
        guard !values.isEmpty, !diagnostics.containsErrors else { return violations }
        let (text, dropped) = Signaling.write(values, as: .envelope)
        if !dropped.isEmpty {
            violations.append(
                Violation("the envelope dropped \(dropped.map(\.description)), but it carries the whole model"))
        }
        let (again, againDiagnostics) = SignalingJSON.read(Array(text.utf8))
        if again.map(\.value) != values {
            let problem =
                againDiagnostics.first(where: { $0.severity == .error }).map(String.init(describing:))
                ?? "different messages"
            violations.append(
                Violation("the written envelope does not read back to the same \(values.count) messages: \(problem)"))
        }
        return violations
    }

    /// WHIP and WHEP exchanges (RFC 9725, draft-ietf-wish-whep): HTTP/1.1 messages one after
    /// another (RFC 9112), their SDP offers and answers, trickle PATCHes with SDP fragments and
    /// `Link: rel="ice-server"` headers, as `sdplint check` reads them.
    static let whip = FuzzTarget(
        name: "whip",
        summary: "HTTPMessage.parseAll (lenient, strict), WHIPSignaling.read, the WHIP writer, Linter.check on HTTP",
        dictionary: "http",
        seeds: [SeedSource("signaling/whip", [".http"]), SeedSource("signaling/invalid", [".http"])],
        maxLength: 32 << 10
    ) { input in
        let (exchange, diagnostics) = WHIPSignaling.read(input)
        _ = WHIPSignaling.read(input, options: HTTPParseOptions(strict: true))
        for parsed in exchange.http.prefix(16) {
            _ = parsed.message.serialized()
            _ = (parsed.message.mediaType, parsed.message.values("Link"), parsed.location(ofField: "Content-Type"))
        }
        for message in exchange.messages.prefix(64) { touchSignalingMessage(message.value) }
        for server in exchange.iceServers.prefix(16) { _ = ICEServerConfiguration.linkValues(for: server.value) }
        _ = Signaling.write(exchange.messages.prefix(64).map(\.value), as: .whip)
        _ = Linter.check(input, path: "fuzz.http", kind: .http)
        return misplaced(diagnostics, in: input)
    }
}

/// Reads what a signaling message carries: the parsed description's typed views, the
/// candidate's grammar.
func touchSignalingMessage(_ message: SignalingMessage) {
    _ = message.description
    switch message.content {
    case .description(let description):
        if let parsed = description.sessionDescription { touchTypedViews(parsed) }
    case .candidate(let candidate):
        _ = (candidate.parsed, candidate.attributeValue)
    case .endOfCandidates(let end):
        _ = end.isForAllSections
    case .hangUp(let hangUp):
        _ = hangUp.reason
    }
}

/// Findings that break the location rule every reader keeps: a 1-based line and column, and a
/// byte range inside the input (CONVENTIONS.md, "Errors and diagnostics").
func misplaced(_ diagnostics: [Diagnostic], in input: [UInt8]) -> [Violation] {
    diagnostics.prefix(1000).compactMap { diagnostic in
        let location = diagnostic.location
        guard
            location.line < 1 || location.column < 1 || location.bytes.lowerBound < 0
                || location.bytes.upperBound > input.count
        else {
            return nil
        }
        return Violation(
            """
            \(diagnostic.code) is located outside the input (\(input.count) bytes) at \(location) \
            \(location.bytes): \(diagnostic.message)
            """
        )
    }
}
