import SDPLintDiagnostics
import SDPLintJSON
import SDPLintSDP
import SDPLintSignaling
import SDPLintTestSupport
import Testing

/// Each format → model → each format → model gives the same messages, less what the writer
/// declared dropped.
@Suite struct ConversionMatrixTests {
    static let sources: [Fixture] =
        Fixtures.handMade
        + Fixtures.corpusJSON.filter {
            $0.path.contains("gathered-max-bundle") || $0.path.contains("/audio.")
                || $0.path.contains("renegotiation.4")
        }

    struct Case: CustomTestStringConvertible, Sendable {
        let fixture: Fixture
        let target: SignalingFormat
        var testDescription: String { "\(fixture.path) → \(target)" }
    }

    static let cases: [Case] = sources.flatMap { fixture in
        SignalingFormat.allCases.map { Case(fixture: fixture, target: $0) }
    }

    @Test(arguments: cases)
    func convertsAndReadsBackLessTheDroppedItems(_ test: Case) throws {
        let (read, _) = Signaling.read(try test.fixture.bytes(), name: test.fixture.path)
        let original = values(read)
        let (text, dropped) = Signaling.write(original, as: test.target)
        let expected = Self.withoutPasswords(
            of: original, in: Self.expected(original, dropping: dropped, in: test.target))
        guard !expected.isEmpty else {
            #expect(text.isEmpty)
            return
        }
        let (read2, diagnostics) = Signaling.read(Array(text.utf8), format: test.target)
        #expect(diagnostics.filter { $0.code.rawValue.hasPrefix("SIG") }.errors.isEmpty, "\(diagnostics)")
        // A fragment states the password its descriptions already gave: the same knowledge.
        let again = Self.withoutPasswords(of: original, in: values(read2))
        if test.target == .whip {
            // WHIP trickles only after the 201: compare the messages, not their order.
            #expect(Self.counts(again) == Self.counts(expected))
        } else {
            #expect(again == expected)
        }
    }

    /// `messages` with each candidate's password removed where a description of `exchange`
    /// gives that ufrag that password.
    static func withoutPasswords(
        of exchange: [SignalingMessage], in messages: [SignalingMessage]
    ) -> [SignalingMessage] {
        // Every ufrag and password pair a description states, at the session or a section level.
        var known: Set<[String?]> = []
        for case .description(let description) in exchange.map(\.content) {
            guard let parsed = description.sessionDescription else { continue }
            for level in [parsed.attributes] + parsed.media.map(\.attributes) {
                let ufrag =
                    level.first { $0.name == .iceUfrag }?.value
                    ?? parsed.attributes.first { $0.name == .iceUfrag }?.value
                let password =
                    level.first { $0.name == .icePwd }?.value ?? parsed.attributes.first { $0.name == .icePwd }?.value
                known.insert([ufrag, password])
            }
        }
        return messages.map { message in
            guard case .candidate(var candidate) = message.content,
                known.contains([candidate.usernameFragment, candidate.password])
            else { return message }
            candidate.password = nil
            var copy = message
            copy.content = .candidate(candidate)
            return copy
        }
    }

    static func counts(_ messages: [SignalingMessage]) -> [SignalingMessage: Int] {
        messages.reduce(into: [:]) { $0[$1, default: 0] += 1 }
    }

    /// The messages as the target can hold them: dropped parts removed, and the session every
    /// SIP or WHIP message gets when it had none.
    static func expected(
        _ messages: [SignalingMessage], dropping dropped: [DroppedItem], in format: SignalingFormat
    ) -> [SignalingMessage] {
        var result = messages.map { [$0] }
        for item in dropped {
            guard let index = item.messageIndex, result.indices.contains(index), var message = result[index].first
            else {
                Issue.record("a dropped item without its message: \(item)")
                continue
            }
            switch item.item {
            case .message:
                // A fragment carries a description's candidates, not the rest of it.
                if format == .sdpfrag, case .description(let description) = message.content,
                    let parsed = description.sessionDescription
                {
                    result[index] = Signaling.contents(of: parsed).map { SignalingMessage($0) }
                } else {
                    result[index] = []
                }
                continue
            case .extraFields: message.extraFields = JSONObject()
            case .session: message.session = nil
            case .hangUpReason: message.content = .hangUp(.init())
            case .descriptionType:
                if case .description(let description) = message.content {
                    message.content = .description(.init(type: .offer, sdp: description.sdp))
                }
            case .sdpMLineIndex:
                if case .candidate(var candidate) = message.content {
                    candidate.sdpMLineIndex = nil
                    message.content = .candidate(candidate)
                } else if case .endOfCandidates(var end) = message.content {
                    end.sdpMLineIndex = nil
                    message.content = .endOfCandidates(end)
                }
            case .password:
                if case .candidate(var candidate) = message.content {
                    candidate.password = nil
                    message.content = .candidate(candidate)
                }
            default:
                Issue.record("unexpected dropped item \(item)")
            }
            result[index] = [message]
        }
        var kept = result.flatMap { $0 }
        switch format {
        case .sip:
            for index in kept.indices where kept[index].session == nil { kept[index].session = "sdplint-call-1" }
        case .whip:
            for index in kept.indices where kept[index].session == nil {
                if case .description(let description) = kept[index].content, description.type == .offer {
                    let answered = kept[(index + 1)...].first {
                        if case .description = $0.content { true } else { false }
                    }
                    if let answered, case .description(let answer) = answered.content, answer.type == .answer {
                        kept[index].session = answered.session ?? "/whip/session/1"
                    }
                } else {
                    kept[index].session = "/whip/session/1"
                }
            }
        default:
            break
        }
        return kept
    }
}
