import Foundation
import SDPLintTestSupport
import Testing

/// `sdplint diff` end to end: every real pair of the corpus, the JSON schema, bad input, exit
/// statuses, configuration and the renegotiation form.
@Suite struct DiffTests {
    /// Every offer of the corpus that has its answer beside it (Chromium ↔ Firefox ↔ aiortc ↔
    /// GStreamer, and each client with itself).
    static let realPairs: [String] = Fixture.files(in: "corpus", suffix: ".offer.sdp").compactMap { offer in
        let stem = "Fixtures/" + String(offer.path.dropLast(".offer.sdp".count))
        return FileManager.default.fileExists(atPath: stem + ".answer.sdp") ? stem : nil
    }.sorted()

    static func schema() throws -> JSONSchema { try JSONSchema(named: "sdplint-negotiation.schema.json") }

    static func json(_ text: String) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func theCorpusHasRealPairs() {
        #expect(Self.realPairs.count >= 80)
    }

    /// Each real pair: the report validates, has a section per offered m= line in order, and a
    /// negotiated codec carries both payload types.
    @Test(arguments: realPairs)
    func realPairReportsEverySection(_ stem: String) throws {
        let offer = stem + ".offer.sdp"
        let answer = stem + ".answer.sdp"
        let run = try Executable.run("sdplint", ["diff", "--format", "json", offer, answer])
        #expect(run.status == 0 || run.status == 1, "\(run.standardError)")
        let errors = try Self.schema().validate(Data(run.standardOutput.utf8))
        #expect(errors.isEmpty, "\(errors)")
        let report = try Self.json(run.standardOutput)
        let sections = try #require(report["sections"] as? [[String: Any]])
        let offerText = try String(contentsOfFile: offer, encoding: .utf8)
        let offeredMedia = offerText.split(whereSeparator: \.isNewline).filter { $0.hasPrefix("m=") }
            .map { String($0.dropFirst(2).prefix { $0 != " " }) }
        #expect(sections.map { $0["media"] as? String } == offeredMedia)
        #expect(sections.map { $0["index"] as? Int } == Array(0..<offeredMedia.count))
        for section in sections {
            for codec in section["codecs"] as? [[String: Any]] ?? [] where codec["status"] as? String == "negotiated" {
                #expect(codec["offerPayloadType"] is Int && codec["answerPayloadType"] is Int)
            }
            if section["rejected"] as? Bool == false, section["media"] as? String != "application" {
                #expect(
                    section["selectedCodec"] is [String: Any],
                    "\(stem) section \(section["index"] ?? "?") carries media without a codec")
            }
        }
        // The text form says the same, aligned, without colour when not a terminal.
        let text = try Executable.run("sdplint", ["diff", offer, answer])
        #expect(text.status == run.status)
        #expect(!text.standardOutput.contains("\u{1B}["))
        for (index, media) in offeredMedia.enumerated() {
            #expect(text.standardOutput.contains("#\(index) \(media)"))
        }
    }

    @Test func textShowsCodecsDirectionsAndWhy() throws {
        let stem = "Fixtures/corpus/cross/chromium2firefox.audio-video-datachannel"
        let run = try Executable.run("sdplint", ["diff", stem + ".offer.sdp", stem + ".answer.sdp"])
        let output = run.standardOutput
        #expect(run.status == 0)
        #expect(output.contains("   sends      opus/48000/2 (payload type 111)\n"))
        #expect(
            output.contains(
                "   VP9/90000 [profile-id=2]                                     100       -  dropped — the answer has VP9 only in another configuration"
            ))
        #expect(
            output.contains(
                "direction  offer sendrecv, answer sendrecv → offerer sends and receives, answerer sends and receives"))
        #expect(output.contains("DTLS offerer server, answerer client (setup actpass → active)"))
        #expect(output.contains("sctp-port 5000 ↔ 5000"))
        #expect(output.contains("BUNDLE offer 0 1 2 → answer 0 1 2 (transport of mid 0)"))
        #expect(output.contains("answer.sdp:29:10: warning[OA210]"))
        #expect(output.hasSuffix("3 of 3 sections carry media; 0 errors, 1 warning in 2 descriptions\n"))
        let verbose = try Executable.run("sdplint", ["diff", "--verbose", stem + ".offer.sdp", stem + ".answer.sdp"])
        #expect(verbose.standardOutput.contains("rtx/90000"))
        #expect(
            verbose.standardOutput.contains(
                "offer fmtp:  level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42001f"))
        #expect(!output.contains("offer fmtp:"))
    }

    /// An extension that goes nowhere while media flows gets a line even without --verbose
    /// (Firefox's answer to Chromium's recvonly offer marks playout-delay recvonly in its sendonly
    /// section); --verbose says which way each goes; an inactive section lists none of them.
    @Test func textSaysWhichWayEachHeaderExtensionGoes() throws {
        let recvonly = "Fixtures/corpus/cross/chromium2firefox.recvonly"
        let plain = try Executable.run("sdplint", ["diff", recvonly + ".offer.sdp", recvonly + ".answer.sdp"])
        #expect(plain.standardOutput.contains("extensions 5 negotiated, 1 sent by neither side"))
        #expect(
            plain.standardOutput.contains(
                "negotiated http://www.webrtc.org/experiments/rtp-hdrext/playout-delay (5 ↔ 5), sent by neither side\n"
            ))
        let sendrecv = "Fixtures/corpus/cross/firefox2chromium.audio-video"
        let verbose = try Executable.run(
            "sdplint", ["diff", "--verbose", sendrecv + ".offer.sdp", sendrecv + ".answer.sdp"])
        #expect(
            verbose.standardOutput.contains(
                "negotiated http://www.webrtc.org/experiments/rtp-hdrext/playout-delay (6 ↔ 6), answerer → offerer\n"))
        #expect(verbose.standardOutput.contains("negotiated urn:ietf:params:rtp-hdrext:sdes:mid (3 ↔ 3), both ways\n"))

        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sdplint-diff-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        for (name, host) in [("offer", 1), ("answer", 2)] {
            try Data(
                """
                v=0\r\no=- 1 1 IN IP4 192.0.2.\(host)\r\ns=-\r\nc=IN IP4 192.0.2.\(host)\r\nt=0 0\r\n\
                m=audio 5\(host)000 RTP/AVP 0\r\na=inactive\r\na=extmap:1 urn:x\r\n
                """.utf8
            ).write(to: directory.appendingPathComponent(name + ".sdp"))
        }
        let inactive = try Executable.run(
            "sdplint",
            [
                "diff", directory.appendingPathComponent("offer.sdp").path,
                directory.appendingPathComponent("answer.sdp").path,
            ])
        #expect(inactive.standardOutput.contains("extensions 1 negotiated\n"))
        #expect(!inactive.standardOutput.contains("sent by neither side"))
    }

    @Test func colourOnlyWhenAsked() throws {
        let stem = "Fixtures/corpus/cross/chromium2firefox.audio"
        let colored = try Executable.run(
            "sdplint", ["diff", "--color", "always", stem + ".offer.sdp", stem + ".answer.sdp"])
        #expect(colored.standardOutput.contains("\u{1B}[1;32mnegotiated\u{1B}[0m"))
        let never = try Executable.run(
            "sdplint", ["diff", "--color", "never", stem + ".offer.sdp", stem + ".answer.sdp"])
        #expect(!never.standardOutput.contains("\u{1B}["))
    }

    // MARK: Bad input

    @Test func anAnswerWithFewerSectionsFailsWithItsRule() throws {
        let run = try Executable.run(
            "sdplint",
            ["diff", "Fixtures/offer-answer/OA101.fires.offer.sdp", "Fixtures/offer-answer/OA101.fires.answer.sdp"])
        #expect(run.status == 1)
        #expect(run.standardOutput.contains("error[OA101]"))
        #expect(run.standardOutput.contains("rejected: the answer has no section"))
    }

    @Test func theSameFileTwiceIsNotAnExchange() throws {
        let file = "Fixtures/corpus/chromium/audio-video.offer.sdp"
        let run = try Executable.run("sdplint", ["diff", file, file])
        #expect(run.status == 1)
        #expect(run.standardOutput.contains("error[OA107]: the answer is identical to the offer"))
    }

    @Test func anAnswerThatIsNotSDPIsReported() throws {
        let run = try Executable.run(
            "sdplint", ["diff", "Fixtures/corpus/chromium/audio-video.offer.sdp", "-"],
            input: Data("this is not a session description\n".utf8))
        #expect(run.status == 1)
        #expect(run.standardOutput.contains("<stdin>:1:1: error[OA100]"))
        let errors = try Self.schema().validate(
            Data(
                try Executable.run(
                    "sdplint", ["diff", "--format", "json", "Fixtures/corpus/chromium/audio-video.offer.sdp", "-"],
                    input: Data("garbage".utf8)
                ).standardOutput.utf8))
        #expect(errors.isEmpty, "\(errors)")
    }

    @Test func usageAndInputErrorsExitTwo() throws {
        let single = try Executable.run("sdplint", ["diff", "Fixtures/corpus/chromium/audio-video.offer.sdp"])
        #expect(single.status == 2)
        #expect(single.standardError.contains("1 description found; an offer and its answer are needed"))
        #expect(try Executable.run("sdplint", ["diff", "-", "-"]).status == 2)
        let missing = try Executable.run(
            "sdplint", ["diff", "Fixtures/corpus/chromium/audio-video.offer.sdp", "no/such/answer.sdp"])
        #expect(missing.status == 2)
        #expect(missing.standardError.contains("no/such/answer.sdp: no such file or directory"))
    }

    // MARK: Configuration

    @Test func rulesCanBeSwitchedOffOrRaised() throws {
        let stem = "Fixtures/corpus/cross/chromium2firefox.audio-video-datachannel"
        let off = try Executable.run(
            "sdplint", ["diff", "--disable", "OA210", stem + ".offer.sdp", stem + ".answer.sdp"])
        #expect(!off.standardOutput.contains("OA210"))
        #expect(off.status == 0)
        let raised = try Executable.run(
            "sdplint", ["diff", "--severity", "OA210=error", stem + ".offer.sdp", stem + ".answer.sdp"])
        #expect(raised.standardOutput.contains("error[OA210]"))
        #expect(raised.status == 1)
        let warnings = try Executable.run(
            "sdplint", ["diff", "--fail-on", "warning", stem + ".offer.sdp", stem + ".answer.sdp"])
        #expect(warnings.status == 1)
    }

    // MARK: Sequences

    @Test func aSequenceReportsEachStepAndTheRulesAcrossThem() throws {
        let steps = ["1-audio", "2-add-video", "3-stop-video", "4-ice-restart"]
        let files = steps.flatMap { step in
            ["offer", "answer"].map { "Fixtures/corpus/chromium/renegotiation.\(step).\($0).sdp" }
        }
        let run = try Executable.run("sdplint", ["diff", "--format", "json"] + files)
        #expect(run.status == 0)
        let errors = try Self.schema().validate(Data(run.standardOutput.utf8))
        #expect(errors.isEmpty, "\(errors)")
        let report = try Self.json(run.standardOutput)
        #expect(report["kind"] as? String == "renegotiation")
        let changes = (report["steps"] as? [[String: Any]] ?? []).map { step in
            (step["changes"] as? [[String: Any]] ?? []).compactMap { $0["kind"] as? String }
        }
        #expect(
            changes == [
                ["sectionAdded"], ["sectionAdded", "bundleChanged"], ["sectionStopped", "bundleChanged"],
                ["iceRestart"],
            ])
        let codes = (report["diagnostics"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String }
        #expect(codes == ["OA607"])
        let text = try Executable.run("sdplint", ["diff"] + files)
        #expect(text.standardOutput.contains("  ~ ICE restarts: the offer has a new ufrag and password\n"))
        #expect(text.standardOutput.contains("  - section 1 (video, mid 1) stopped\n"))
        #expect(text.standardOutput.hasSuffix("4 steps; 0 errors, 0 warnings, 1 note in 8 descriptions\n"))
    }

    @Test func aSequenceEndingWithAnOfferSaysSo() throws {
        let files = [
            "Fixtures/corpus/chromium/renegotiation.1-audio.offer.sdp",
            "Fixtures/corpus/chromium/renegotiation.1-audio.answer.sdp",
            "Fixtures/corpus/chromium/renegotiation.2-add-video.offer.sdp",
        ]
        let run = try Executable.run("sdplint", ["diff", "--format", "json"] + files)
        let errors = try Self.schema().validate(Data(run.standardOutput.utf8))
        #expect(errors.isEmpty, "\(errors)")
        let steps = try Self.json(run.standardOutput)["steps"] as? [[String: Any]] ?? []
        #expect(steps.count == 2)
        #expect(steps.last?["negotiation"] is NSNull)
        #expect(steps.last?["answerDocument"] is NSNull)
    }

    /// The findings of `diff` have every member of `check`'s diagnostics.
    @Test func findingsHaveTheShapeOfCheckDiagnostics() throws {
        func members(_ file: String, _ definition: String) throws -> Set<String> {
            let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().appendingPathComponent("Schemas").appendingPathComponent(file)
            let schema = try #require(JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
            let defs = try #require(schema["$defs"] as? [String: Any])
            let properties = try #require((defs[definition] as? [String: Any])?["properties"] as? [String: Any])
            return Set(properties.keys)
        }
        let diagnostic = try members("sdplint-report.schema.json", "diagnostic")
        let finding = try members("sdplint-negotiation.schema.json", "finding")
        #expect(diagnostic.isSubset(of: finding))
        #expect(finding.subtracting(diagnostic) == ["file", "context", "role", "document"])
    }

    // MARK: Signaling files

    @Test func aFileOfSignalingMessagesIsItsOwnExchange() throws {
        let run = try Executable.run(
            "sdplint", ["diff", "--format", "json", "Fixtures/signaling/json/exchange.ndjson"])
        let errors = try JSONSchema(named: "sdplint-negotiation.schema.json").validate(Data(run.standardOutput.utf8))
        #expect(errors.isEmpty, "\(errors)")
        let report = try Self.json(run.standardOutput)
        #expect(report["offer"] as? String == "Fixtures/signaling/json/exchange.ndjson: message 1 at 1:1, SDP")
        let finding = try #require((report["diagnostics"] as? [[String: Any]])?.first)
        #expect(finding["file"] as? String == "Fixtures/signaling/json/exchange.ndjson")
        #expect(finding["context"] as? String == "message 3 at 3:1, SDP")
        #expect(finding["code"] as? String == "OA109")
        let dump = try Executable.run(
            "sdplint", ["diff", "Fixtures/corpus/chromium-internals/call-audio-video-datachannel.json"])
        #expect(dump.status == 2)
        #expect(dump.standardError.contains("holds 2 connections"))
        let picked = try Executable.run(
            "sdplint",
            ["diff", "--connection", "8-1", "Fixtures/corpus/chromium-internals/call-audio-video-datachannel.json"])
        #expect(picked.status == 0, "\(picked.standardError)")
        #expect(picked.standardOutput.contains("PeerConnections[\"8-1\"]"))
    }

    @Test func findingsAsSARIFAndAnnotationsPointIntoTheDescription() throws {
        let pair = ["Fixtures/offer-answer/OA102.fires.offer.sdp", "Fixtures/offer-answer/OA102.fires.answer.sdp"]
        let sarif = try Executable.run("sdplint", ["diff", "--format", "sarif"] + pair)
        #expect(sarif.status == 1)
        #expect(try JSONSchema(named: "sarif-2.1.0-subset.schema.json").validate(sarif.standardOutputData).isEmpty)
        let log = try Self.json(sarif.standardOutput)
        let results = ((log["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]]) ?? []
        let result = try #require(results.first { $0["ruleId"] as? String == "OA102" })
        let location = ((result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
        #expect((location?["artifactLocation"] as? [String: Any])?["uri"] as? String == pair[1])
        let text = try Executable.run("sdplint", ["diff"] + pair)
        let line = try #require(text.standardOutput.firstMatch(of: /OA102\.fires\.answer\.sdp:(\d+):/)?.output.1)
        #expect((location?["region"] as? [String: Any])?["startLine"] as? Int == Int(line))
        let github = try Executable.run("sdplint", ["diff", "--format", "github"] + pair)
        #expect(github.status == 1)
        #expect(github.standardOutput.contains("::error file=\(pair[1]),line=\(line),"), "\(github.standardOutput)")
        #expect(github.standardOutput.contains("title=OA102 "))
    }
}
