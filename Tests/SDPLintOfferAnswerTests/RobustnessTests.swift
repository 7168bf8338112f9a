import Foundation
import SDPLintDiagnostics
import SDPLintOfferAnswer
import SDPLintSDP
import SDPLintTestSupport
import Testing

/// Inputs that are not a proper offer and answer: clear findings, never a trap.
@Suite struct RobustnessTests {
    static func source(_ path: String) throws -> SDPSource {
        let file = Fixture(path: path)
        return SDPSource(name: file.path, bytes: try file.bytes())
    }

    @Test func answerWithFewerSectionsLeavesTheRestUnanswered() throws {
        let report = Negotiation.analyze(
            offer: try Self.source("corpus/chromium/audio-video.offer.sdp"),
            answer: try Self.source("corpus/chromium/audio.answer.sdp"))
        #expect(report.findings(code: "OA101").count == 1)
        #expect(report.sections.count == 2)
        #expect(report.sections[1].rejection?.reason == .missingFromAnswer)
        #expect(report.sections[0].selectedCodec?.name == "opus")
    }

    @Test func answerWithMoreSectionsAnswersNothingWithTheExtraOnes() throws {
        let report = Negotiation.analyze(
            offer: try Self.source("corpus/chromium/audio.offer.sdp"),
            answer: try Self.source("corpus/chromium/audio-video.answer.sdp"))
        let finding = try #require(report.findings(code: "OA101").first)
        #expect(finding.diagnostic.message.contains("section 1 (video, mid 1) answers nothing"))
        #expect(report.sections[1].rejection?.reason == .notOffered)
        #expect(report.sections[1].codecs.isEmpty)
    }

    @Test func anOfferPassedAsTheAnswerIsRecognised() throws {
        let report = Negotiation.analyze(
            offer: try Self.source("corpus/chromium/audio-video.offer.sdp"),
            answer: try Self.source("corpus/firefox/audio-video.offer.sdp"))
        let finding = try #require(report.findings.first { $0.diagnostic.code.rawValue == "OA107" })
        #expect(finding.diagnostic.message.contains("looks like an offer"))
        // The per-section setup finding is left to OA107.
        #expect(report.findings(code: "OA307").isEmpty)
    }

    @Test func theSameFileTwiceIsRecognised() throws {
        let offer = try Self.source("corpus/chromium/audio-video.offer.sdp")
        let report = Negotiation.analyze(offer: offer, answer: offer)
        #expect(report.findings.first?.diagnostic.code.rawValue == "OA107")
        #expect(report.findings.first?.diagnostic.message.contains("identical") == true)
    }

    @Test(arguments: [
        ("empty", ""),
        ("white space", " \r\n\t\r\n"),
        ("prose", "hello world"),
        ("HTTP error", "HTTP/1.1 500 Internal Server Error\r\nContent-Length: 0\r\n\r\n"),
        ("JSON", "{\"type\":\"answer\",\"sdp\":\"v=0\\r\\no=- 1 2 IN IP4 127.0.0.1\\r\\n\"}"),
    ])
    func garbageAsTheAnswerIsNotADescription(name: String, text: String) throws {
        let report = Negotiation.analyze(
            offer: try Self.source("corpus/chromium/audio-video.offer.sdp"),
            answer: SDPSource(name: name, text: text))
        #expect(report.findings.map(\.diagnostic.code.rawValue) == ["OA100"])
        #expect(report.findings[0].role == .answer && report.findings[0].file == name)
        #expect(report.sections.isEmpty)
    }

    @Test func garbageAsTheOfferIsNotADescription() throws {
        let report = Negotiation.analyze(
            offer: SDPSource(name: "offer", text: "garbage"),
            answer: try Self.source("corpus/chromium/audio-video.answer.sdp"))
        #expect(report.findings.map(\.diagnostic.code.rawValue) == ["OA100"])
        #expect(report.findings[0].role == .offer)
    }

    @Test func binaryBytesDoNotTrap() throws {
        let offer = try Self.source("corpus/chromium/audio-video.offer.sdp")
        for byte in UInt8.min...UInt8.max {
            let answer = SDPSource(name: "byte", bytes: [byte, byte, 0x0A, byte])
            _ = Negotiation.analyze(offer: offer, answer: answer)
            _ = Negotiation.analyze(offer: answer, answer: offer)
        }
        let noise = (0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 7919 &+ 13) }
        let report = Negotiation.analyze(offer: offer, answer: SDPSource(name: "noise", bytes: noise))
        #expect(report.findings.allSatisfy { $0.diagnostic.location.line >= 1 })
    }

    /// Every prefix of a real answer (cut at each line) is analysed without trapping.
    @Test func truncatedAnswersDoNotTrap() throws {
        let offer = try Self.source("corpus/chromium/audio-video-datachannel.offer.sdp")
        let text = try Fixture(path: "corpus/chromium/audio-video-datachannel.answer.sdp").text()
        var cut = 0
        for line in text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false) {
            cut += line.count + 1
            let prefix = String(decoding: text.utf8.prefix(cut), as: UTF8.self)
            let report = Negotiation.analyze(offer: offer, answer: SDPSource(name: "cut", text: prefix))
            #expect(report.sections.count == 3 || report.findings.first?.diagnostic.code.rawValue == "OA100")
        }
    }

    /// Sections answered in another order: the media types no longer match.
    @Test func swappedSectionsAreReportedPerSection() throws {
        let report = Negotiation.analyze(
            offer: try Self.source("offer-answer/OA102.fires.offer.sdp"),
            answer: try Self.source("offer-answer/OA102.fires.answer.sdp"))
        #expect(report.findings(code: "OA102").count == 2)
        #expect(report.sections.allSatisfy { $0.rejection?.reason == .mismatched })
        #expect(report.findings(code: "OA313").isEmpty)
    }

    @Test func descriptionsBuiltInCodeArePointedIntoTheirSerializedText() throws {
        let offer = try SessionDescription(parsing: try Fixture(path: "corpus/chromium/audio-video.offer.sdp").text())
        var answer = try SessionDescription(parsing: try Fixture(path: "corpus/chromium/audio-video.answer.sdp").text())
        answer.media[1].port = 0
        let report = Negotiation.analyze(
            offer: SDPSource(name: "offer", session: offer), answer: SDPSource(name: "answer", session: answer))
        let declined = try #require(report.findings(code: "OA104").first)
        let line = answer.serialized().utf8.split(separator: 0x0A)[declined.diagnostic.location.line - 1]
        #expect(String(decoding: line, as: UTF8.self).hasPrefix("m=video 0 "))
        #expect(declined.diagnostic.location.column == 3)
    }

    @Test func strictModeRaisesWarningsToErrors() throws {
        let offer = try Self.source("offer-answer/OA308.fires.offer.sdp")
        let answer = try Self.source("offer-answer/OA308.fires.answer.sdp")
        let lenient = Negotiation.analyze(offer: offer, answer: answer)
        let strict = Negotiation.analyze(offer: offer, answer: answer, options: .init(strict: true))
        #expect(lenient.findings(code: "OA308").first?.diagnostic.severity == .warning)
        #expect(strict.findings(code: "OA308").first?.diagnostic.severity == .error)
    }
}
