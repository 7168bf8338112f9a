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
        let expected = Self.expected(original, dropping: dropped, in: test.target)
        guard !expected.isEmpty else {
            #expect(text.isEmpty)
            return
        }
        let (again, diagnostics) = Signaling.read(Array(text.utf8), format: test.target)
        #expect(diagnostics.filter { $0.code.rawValue.hasPrefix("SIG") }.errors.isEmpty, "\(diagnostics)")
        if test.target == .whip {
            // WHIP trickles only after the 201: compare the messages, not their order.
            #expect(Self.counts(values(again)) == Self.counts(expected))
        } else {
            #expect(values(again) == expected)
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
        var result = messages.map(Optional.some)
        for item in dropped where result.indices.contains(item.messageIndex) {
            guard var message = result[item.messageIndex] else { continue }
            switch item.item {
            case .message:
                result[item.messageIndex] = nil
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
            default:
                Issue.record("unexpected dropped item \(item)")
            }
            result[item.messageIndex] = message
        }
        var kept = result.compactMap { $0 }
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
