import Foundation
import SDPLintDiagnostics
import SDPLintOfferAnswer
import SDPLintTestSupport
import Testing

/// Sequences of descriptions of one session.
@Suite struct RenegotiationTests {
    static let chromiumSteps = [
        "1-audio", "2-add-video", "3-stop-video", "4-ice-restart", "5-add-video-again", "6-add-datachannel",
    ]

    static func chromium(_ steps: [String] = chromiumSteps) throws -> [SDPSource] {
        try steps.flatMap { step in
            try ["offer", "answer"].map { role in
                let file = Fixture(path: "corpus/chromium/renegotiation.\(step).\(role).sdp")
                return SDPSource(name: file.path, bytes: try file.bytes())
            }
        }
    }

    @Test func chromiumSixStepRenegotiationFollowsTheRules() throws {
        let report = Negotiation.analyze(sequence: try Self.chromium())
        #expect(report.documents.count == 12)
        #expect(report.steps.map(\.number) == [1, 2, 3, 4, 5, 6])
        #expect(report.steps.allSatisfy { $0.offerer == .initialOfferer && $0.negotiation != nil })
        #expect(report.allFindings.map(\.diagnostic.code.rawValue) == ["OA607"])
        #expect(!report.hasErrors)
        let kinds = report.steps.map { $0.changes.map(\.kind) }
        #expect(kinds[0] == [.sectionAdded])
        #expect(kinds[1] == [.sectionAdded, .bundleChanged])
        #expect(kinds[2] == [.sectionStopped, .bundleChanged])
        #expect(kinds[3] == [.iceRestart])
        #expect(kinds[4] == [.sectionRecycled, .bundleChanged])
        #expect(kinds[5] == [.sectionAdded, .bundleChanged])
        #expect(report.steps[4].changes[0].mid == "2" && report.steps[4].changes[0].section == 1)
        #expect(report.steps[5].changes[0].detail == "section 2 (application, mid 3) added")
        let restart = try #require(report.findings.first)
        #expect(restart.file.hasSuffix("renegotiation.4-ice-restart.offer.sdp") && restart.role == .offer)
        #expect(restart.document == 6)
        // Step 3 stopped the video section: rejected in the offer, port 0 in the answer.
        let stopped = try #require(report.steps[2].negotiation?.sections[1])
        #expect(stopped.rejected && stopped.rejection?.reason == .rejectedInOffer)
        #expect(report.steps[5].negotiation?.sections[2].dataChannel?.answerSCTPPort == 5000)
    }

    /// RFC 3665 §3.7: the callee re-INVITEs from another host (F9). Its o= keeps username and
    /// session id but not the address, so it is still the callee's description: the new address
    /// is OA600, and its version, one above the callee's last, is right.
    @Test func aReofferFromANewAddressIsStillItsPeers() {
        func description(_ origin: String, _ port: Int) -> SDPSource {
            SDPSource(
                name: origin,
                text: [
                    "v=0", "o=\(origin)", "s=-", "c=IN IP4 192.0.2.1", "t=0 0", "m=audio \(port) RTP/AVP 0",
                    "a=rtpmap:0 PCMU/8000",
                ].joined(separator: "\r\n") + "\r\n")
        }
        let report = Negotiation.analyze(sequence: [
            description("alice 2890844526 2890844526 IN IP4 client.atlanta.example.com", 49172),
            description("bob 2890844527 2890844527 IN IP4 client.biloxi.example.com", 3456),
            description("bob 2890844527 2890844528 IN IP4 client.chicago.example.com", 6000),
            description("alice 2890844526 2890844527 IN IP4 client.atlanta.example.com", 1000),
        ])
        #expect(report.steps.map(\.offerer) == [.initialOfferer, .initialAnswerer])
        #expect(report.allFindings.map(\.diagnostic.code.rawValue).filter { $0.hasPrefix("OA6") } == ["OA600"])
    }

    @Test func theAnalyzerReportsEachStepWhenItsAnswerArrives() throws {
        var analyzer = RenegotiationAnalyzer()
        var stepsSeen: [Int?] = []
        var findingsAt: [Int: [String]] = [:]
        for (position, source) in try Self.chromium().enumerated() {
            stepsSeen.append(analyzer.add(source)?.number)
            let codes = analyzer.takeFindings().map(\.diagnostic.code.rawValue)
            if !codes.isEmpty { findingsAt[position] = codes }
        }
        // An offer completes nothing; each answer completes its step.
        #expect(stepsSeen == [nil, 1, nil, 2, nil, 3, nil, 4, nil, 5, nil, 6])
        // The ICE restart of the 4th offer (position 6) is reported with its exchange, at its
        // answer (position 7), not held until the end.
        #expect(findingsAt == [7: ["OA607"]])
        #expect(analyzer.finish() == nil)
        #expect(analyzer.takeFindings().isEmpty)
    }

    @Test func skippingTheStopStepBreaksMidsAndVersions() throws {
        let report = Negotiation.analyze(sequence: try Self.chromium(["1-audio", "2-add-video", "5-add-video-again"]))
        let codes = Set(report.findings.map(\.diagnostic.code.rawValue))
        // Step "5" changes the mid of a section still in use and jumps from version 3 to 6.
        #expect(codes.isSuperset(of: ["OA603", "OA601"]))
        #expect(
            report.findings.contains {
                $0.diagnostic.code.rawValue == "OA601" && $0.diagnostic.message.contains("from 3")
            })
    }

    @Test func anOfferWithoutAnswerEndsTheSequence() throws {
        let sources = Array(try Self.chromium().prefix(3))
        let report = Negotiation.analyze(sequence: sources)
        #expect(report.steps.count == 2)
        #expect(report.steps[1].answerDocument == nil && report.steps[1].negotiation == nil)
        #expect(report.findings.map(\.diagnostic.code.rawValue) == ["OA610"])
    }

    @Test func emptyAndSingleSequencesDoNotTrap() throws {
        #expect(Negotiation.analyze(sequence: []).steps.isEmpty)
        let one = Negotiation.analyze(sequence: [try Self.chromium()[0]])
        #expect(one.steps.count == 1 && one.findings.map(\.diagnostic.code.rawValue) == ["OA610"])
    }

    /// The initial answerer makes the second offer: it is recognised by its o= line.
    @Test func theOtherPeerMayMakeTheNextOffer() throws {
        let offer = try Fixture(path: "offer-answer/OA600.passes.1.offer.sdp").text()
        let answer = try Fixture(path: "offer-answer/OA600.passes.1.answer.sdp").text()
        let reOffer = answer.replacingOccurrences(of: "o=- 2000 2 ", with: "o=- 2000 3 ")
            .replacingOccurrences(of: "a=setup:active", with: "a=setup:actpass")
        let reAnswer = offer.replacingOccurrences(of: "o=- 1000 2 ", with: "o=- 1000 3 ")
            .replacingOccurrences(of: "a=setup:actpass", with: "a=setup:passive")
        let report = Negotiation.analyze(sequence: [
            SDPSource(name: "1.offer", text: offer), SDPSource(name: "1.answer", text: answer),
            SDPSource(name: "2.offer", text: reOffer), SDPSource(name: "2.answer", text: reAnswer),
        ])
        #expect(report.steps[1].offerer == .initialAnswerer)
        #expect(report.steps[1].changes.map(\.kind) == [.offererChanged])
        #expect(!report.hasErrors, "\(report.allFindings.map(\.description))")
        // The initial offerer stays the DTLS server: it answers passive now.
        #expect(report.steps[1].negotiation?.sections[0].features.dtls?.offererRole == .client)
    }

    @Test func findingsAcrossStepsAreOrderedByDescription() throws {
        let report = Negotiation.analyze(sequence: try Self.chromium(["1-audio", "2-add-video", "5-add-video-again"]))
        let documents = report.allFindings.map(\.document)
        #expect(documents == documents.sorted())
        #expect(report.diagnostics.count == report.allFindings.count)
    }
}
