package import SDPLintDiagnostics
import SDPLintICE
import SDPLintJingle
import SDPLintSDP
package import SDPLintSignaling

/// XMPP Jingle stanzas (XEP-0166 family) as signaling messages: a session-initiate or
/// content-add is an offer, a session-accept or content-accept its answer (each converted to
/// SDP by the Jingle mapping), a transport-info carries trickled candidates (XEP-0176), a
/// session-terminate ends the session.
package enum JingleMessages {
    /// What reading stanzas gives: the messages, what the SDP mapping could not carry, and the
    /// findings, located in the input.
    package struct Reading {
        package var messages: [Located<SignalingMessage>] = []
        /// Where each message sits, for findings: `session-initiate as SDP`.
        package var contexts: [String] = []
        package var dropped: [DroppedItem] = []
        package var diagnostics: [Diagnostic] = []
    }

    /// The stanzas of `source`, one after another as a log or `sdplint convert --to jingle`
    /// writes them.
    package static func read(_ source: [UInt8], strict: Bool) -> Reading {
        let text = SourceText(source)
        var reading = Reading()
        for stanza in stanzas(source) {
            let one = readStanza(Array(source[stanza.bytes]), strict: strict)
            let at = text.location(
                of: stanza.bytes.lowerBound..<min(stanza.bytes.upperBound, stanza.bytes.lowerBound + 1))
            reading.messages += one.messages.map { Located($0, at: at) }
            reading.contexts += one.messages.enumerated().map { index, message in
                guard let action = one.action else { return "stanza at \(at.line):\(at.column)" }
                if case .description = message.content { return "\(action) as SDP" }
                return one.messages.count > 1 ? "\(action) \(index + 1)" : "\(action)"
            }
            // Each message's items point at it among all the stanzas' messages.
            let base = reading.messages.count - one.messages.count
            reading.dropped += one.dropped.map { item in item.messageIndex.map { item.inMessage(base + $0) } ?? item }
            reading.diagnostics += one.diagnostics.map { text.relocate($0, base: stanza.bytes.lowerBound) }
        }
        return reading
    }

    /// Where each stanza is: from every line that opens an `<iq` or `<message` element.
    static func stanzas(_ source: [UInt8]) -> [(bytes: Range<Int>, line: Int)] {
        var starts: [(offset: Int, line: Int)] = []
        var line = 1
        var lineStart = 0
        for index in 0...source.count {
            guard index == source.count || source[index] == 0x0A else { continue }
            var first = lineStart
            while first < index, source[first] == 0x20 || source[first] == 0x09 { first += 1 }
            let text = source[first..<index]
            if starts.isEmpty || text.starts(with: Array("<iq".utf8)) || text.starts(with: Array("<message".utf8)) {
                if starts.isEmpty || starts.last?.offset != lineStart {
                    starts.append((starts.isEmpty ? 0 : lineStart, starts.isEmpty ? 1 : line))
                }
            }
            line += 1
            lineStart = index + 1
        }
        return starts.enumerated().map { position, start in
            let end = position + 1 < starts.count ? starts[position + 1].offset : source.count
            return (start.offset..<end, start.line)
        }
    }

    /// One stanza's description, candidates or hang-up as signaling messages.
    static func readStanza(
        _ source: [UInt8], strict: Bool
    ) -> (messages: [SignalingMessage], dropped: [DroppedItem], diagnostics: [Diagnostic], action: String?) {
        let parsed = Stanza.parse(bytes: source, options: XMLParseOptions(strict: strict))
        guard let jingle = parsed.value?.jingle else { return ([], [], parsed.diagnostics, nil) }
        var messages: [SignalingMessage] = []
        var dropped: [DroppedItem] = []
        switch jingle.action {
        case .sessionInitiate, .sessionAccept, .contentAdd, .contentAccept:
            let isOffer = jingle.action == .sessionInitiate || jingle.action == .contentAdd
            let converted = SessionDescription.converting(jingle, options: isOffer ? .offer : .answer)
            messages.append(
                SignalingMessage(
                    .description(.init(type: isOffer ? .offer : .answer, sessionDescription: converted.description)),
                    session: jingle.sid))
            dropped += converted.dropped.map { $0.inMessage(0) }
        case .transportInfo:
            for trickled in jingle.trickleCandidates {
                messages.append(
                    SignalingMessage(
                        .candidate(
                            .init(
                                candidate: "candidate:" + trickled.candidate.description, sdpMid: trickled.mid,
                                usernameFragment: trickled.ufrag, password: trickled.pwd)), session: jingle.sid))
            }
            // XEP-0320 lets a transport carry the DTLS fingerprint; a trickled candidate cannot.
            for (index, content) in jingle.contents.enumerated() {
                for fingerprint in content.iceUDP?.fingerprints ?? [] {
                    dropped.append(
                        DroppedItem(
                            scope: .media(index: index, mid: content.name), item: .jingleElement,
                            text: "\(jingle.action) fingerprint \(fingerprint.hash)",
                            reason: "a DTLS fingerprint (XEP-0320) has no place in a trickled candidate"))
                }
            }
        case .sessionTerminate:
            messages.append(
                SignalingMessage(.hangUp(.init(reason: jingle.reason?.condition?.description)), session: jingle.sid))
        default:
            dropped.append(
                DroppedItem(
                    item: .jingleElement, text: "<jingle action='\(jingle.action)'>",
                    reason: """
                        no signaling message has its form (only session-initiate and -accept, content-add and \
                        -accept, transport-info and session-terminate do)
                        """))
        }
        return (messages, dropped, parsed.diagnostics, jingle.action.description)
    }
}
