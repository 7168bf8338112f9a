import Foundation
import SDPLint
import SDPLintDiagnostics
import SDPLintInput
import SDPLintReporting
import SDPLintSDP
import SDPLintTestSupport
import SDPLintWebRTC
import Testing

/// Browser dumps read as traces, checked and shown as timelines: the real Chromium and Firefox
/// captures of the corpus, hand-made dumps for the older formats and for every failure, and
/// dumps cut short.
@Suite struct TraceTests {
    static let internals = "chromium-internals/call-audio-video-datachannel.json"

    static func capture(_ fixture: String) throws -> InputDocument {
        let bytes = try Fixture(path: "corpus/" + fixture).bytes()
        return InputReader.read(bytes, name: fixture)
    }

    /// A webrtc-internals dump with one connection and these `updateLog` entries.
    static func dump(_ entries: [(type: String, value: String)]) -> [UInt8] {
        func quoted(_ text: String) -> String {
            let data = try? JSONSerialization.data(withJSONObject: [text], options: [.withoutEscapingSlashes])
            return data.map { String(decoding: $0.dropFirst().dropLast(), as: UTF8.self) } ?? "\"\""
        }
        let log = entries.enumerated().map { index, entry in
            "{\"type\": \(quoted(entry.type)), \"value\": \(quoted(entry.value)), \"timestamp\": \(1_000 + index * 10)}"
        }.joined(separator: ",\n")
        return Array(
            """
            {\"PeerConnections\": {\"1-1\": {\"rtcConfiguration\": \"{}\", \"url\": \"https://example.com/\", \
            \"updateLog\": [\n\(log)\n]}}}
            """
            .utf8)
    }

    static func envelope(_ type: String, _ sdp: String) -> String {
        let data = try? JSONSerialization.data(withJSONObject: ["type": type, "sdp": sdp], options: [.sortedKeys])
        return data.map { String(decoding: $0, as: UTF8.self) } ?? ""
    }

    static func corpusText(_ path: String) throws -> String { try Fixture(path: "corpus/" + path).text() }

    // MARK: Real dumps

    @Test func readsEveryConnectionOfAChromiumDump() throws {
        let capture = try Self.capture(Self.internals)
        #expect(capture.diagnostics.isEmpty)
        #expect(capture.traces.map(\.name) == ["PeerConnections[\"8-1\"]", "PeerConnections[\"8-2\"]"])
        let caller = capture.traces[0]
        let applied = caller.appliedDescriptions
        #expect(applied.map(\.type) == [.offer, .answer])
        #expect(applied.map { caller.events[$0.index].side } == [.local, .remote])
        #expect(caller.events[applied[0].index].context == "PeerConnections[\"8-1\"].updateLog[8]")
        #expect(applied[0].sdp.source.string.hasPrefix("v=0\r\no=- 7764558260829923460 2 IN IP4 127.0.0.1\r\n"))
        let candidates = caller.events.filter { if case .candidate = $0.kind { true } else { false } }
        #expect(candidates.count == 4)
        #expect(candidates.map(\.side) == [.local, .local, .local, .remote])
        // The callee saw the same offer, as a remote description.
        let callee = capture.traces[1].appliedDescriptions
        #expect(callee.map(\.type) == [.offer, .answer])
        #expect(callee[0].sdp.source == applied[0].sdp.source)
    }

    @Test func checksEachDescriptionWhereItSits() throws {
        let bytes = try Fixture(path: "corpus/" + Self.internals).bytes()
        let files = Linter.check(bytes, path: "dump.json")
        #expect(!files.isEmpty)
        #expect(files.allSatisfy { $0.path == "dump.json" && $0.context?.hasPrefix("PeerConnections[") == true })
        #expect(files.allSatisfy { !$0.diagnostics.contains { $0.severity == .error } })
        #expect(files.map(\.context).contains("PeerConnections[\"8-1\"].updateLog[8]"))
        // Line and column count in the description, whose line they show.
        let offer = try #require(files.first { $0.context == "PeerConnections[\"8-1\"].updateLog[8]" })
        let finding = try #require(offer.diagnostics.first)
        #expect(String(decoding: offer.line(finding.location.line), as: UTF8.self).hasPrefix("a=rtpmap:"))
    }

    @Test func anEmptyDumpSaysSo() throws {
        let bytes = try Fixture(path: "corpus/chromium-internals/call-closed-peer.json").bytes()
        let files = Linter.check(bytes, path: "closed.json")
        #expect(files.flatMap(\.diagnostics).map(\.code.rawValue) == ["TRC101"])
        #expect(files[0].diagnostics[0].location.line == 50)
    }

    @Test func firefoxHistoryInfersOfferAndAnswerFromTheOrder() throws {
        let capture = try Self.capture("firefox-aboutwebrtc/call-closed-peer.pc1.history.json")
        #expect(capture.traces.count == 1)
        let trace = capture.traces[0]
        #expect(trace.name.hasPrefix("pcid {f0f6f7c9"))
        #expect(trace.appliedDescriptions.map(\.type) == [.offer, .answer])
        #expect(trace.appliedDescriptions.map { trace.events[$0.index].side } == [.remote, .local])
        #expect(trace.configuration?.contains("\"bundlePolicy\":\"balanced\"") == true)
        let report = try Self.capture("firefox-aboutwebrtc/call-closed-peer.pc1.report.json")
        #expect(report.diagnostics.map(\.code.rawValue) == ["TRC101"])
    }

    @Test func rtcstatsLinesBecomeEventsWithCumulativeTimes() throws {
        let offer = try Self.corpusText("chromium/audio.offer.sdp")
        let answer = try Self.corpusText("chromium/audio.answer.sdp")
        func json(_ object: Any) -> String {
            String(
                decoding: (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data(),
                as: UTF8.self)
        }
        let lines = [
            "RTCStatsDump", "{\"fileFormat\":3}",
            "[\"create\",null,{\"hardwareConcurrency\":2},1700000000000]",
            "[\"create\",\"1-1\",{\"iceServers\":[]},\"https://example.com/\",5]",
            "[\"setLocalDescription\",\"1-1\",\(json(["type": "offer", "sdp": offer])),10]",
            "[\"setLocalDescriptionOnSuccess\",\"1-1\",null,1]",
            """
            [\"onicecandidate\",\"1-1\",{\"sdpMid\":\"0\",\"sdpMLineIndex\":0,\"candidate\":\"candidate:1 1 udp \
            2122260223 192.0.2.1 5000 typ host\"},2]
            """,
            "[\"setRemoteDescription\",\"1-1\",\(json(["type": "answer", "sdp": answer])),20]",
            "[\"setRemoteDescriptionOnSuccess\",\"1-1\",null,1]",
            "[\"oniceconnectionstatechange\",\"1-1\",\"failed\",3000]",
        ]
        let capture = RTCStatsDump.read(Array(lines.joined(separator: "\n").utf8))
        #expect(capture.diagnostics.isEmpty)
        let trace = try #require(capture.traces.first)
        #expect(trace.name == "connection 1-1")
        #expect(trace.configuration == "{\"iceServers\":[]}")
        #expect(trace.appliedDescriptions.map(\.type) == [.offer, .answer])
        #expect(trace.events.first?.time == 1_700_000_000_015)
        #expect(trace.events.first?.context == "event at line 5 (1-1)")
        let codes = Linter.check(Array(lines.joined(separator: "\n").utf8), path: "x.rtcstats").flatMap(\.diagnostics)
            .map(\.code.rawValue)
        #expect(codes.contains("TRC109"))
        // A last line cut short is reported, the lines before it kept.
        let cut = Array((lines.joined(separator: "\n")).utf8.dropLast(10))
        let partial = RTCStatsDump.read(cut)
        #expect(partial.diagnostics.map(\.code.rawValue) == ["TRC105"])
        #expect(partial.traces.first?.appliedDescriptions.count == 2)
    }

    // MARK: Formats and failures, by hand

    @Test func readsTheOlderTextValues() throws {
        let offer = try Self.corpusText("chromium/audio.offer.sdp")
        let bytes = Self.dump([
            ("setLocalDescription", "type: offer, sdp: " + offer),
            (
                "onicecandidate",
                "sdpMid: 0, sdpMLineIndex: 0, candidate: candidate:1 1 udp 2122260223 192.0.2.1 5000 typ host"
            ),
        ])
        let trace = try #require(InputReader.read(bytes, name: "dump.json", kind: .json).traces.first)
        #expect(trace.appliedDescriptions.map(\.type) == [.offer])
        #expect(trace.appliedDescriptions.first?.sdp.source.string == offer)
        guard case .candidate(let line, let mid, let index)? = trace.events.last?.kind else {
            Issue.record("no candidate read")
            return
        }
        #expect(line == "candidate:1 1 udp 2122260223 192.0.2.1 5000 typ host")
        #expect(mid == "0" && index == 0)
    }

    @Test func reportsWhatTheBrowserRefusedAndWhatFailed() throws {
        let offer = try Self.corpusText("chromium/audio.offer.sdp")
        let answer = try Self.corpusText("chromium/audio.answer.sdp")
        let munged = offer.replacingOccurrences(
            of: "a=rtpmap:111 opus/48000/2\r\n", with: "a=rtpmap:111 opus/48000/2\r\na=x-munged:1\r\n")
        let bytes = Self.dump([
            ("createOfferOnSuccess", Self.envelope("offer", offer)),
            ("setLocalDescription", Self.envelope("offer", munged)),
            ("setLocalDescriptionOnSuccess", ""),
            ("setRemoteDescription", Self.envelope("answer", "v=0\r\nbroken")),
            ("setRemoteDescriptionOnFailure", "OperationError: Failed to parse SessionDescription."),
            ("setRemoteDescription", Self.envelope("answer", answer)),
            ("setRemoteDescriptionOnSuccess", ""),
            (
                "addIceCandidateFailed",
                "{\"sdpMid\":\"7\",\"sdpMLineIndex\":7,\"candidate\":\"candidate:1 1 udp 1 192.0.2.9 9 typ host\"}"
            ),
            ("oniceconnectionstatechange", "\"failed\""),
        ])
        let trace = try #require(InputReader.read(bytes, name: "dump.json", kind: .json).traces.first)
        // The refused answer is not part of the exchange; the one that succeeded is.
        #expect(
            trace.appliedDescriptions.map { trace.events[$0.index].context } == [
                "PeerConnections[\"1-1\"].updateLog[1]", "PeerConnections[\"1-1\"].updateLog[5]",
            ])
        let files = Linter.check(bytes, path: "dump.json")
        let byContext = Dictionary(
            grouping: files.flatMap { file in file.diagnostics.map { (file.context ?? "", $0.code.rawValue) } }, by: \.0
        )
        .mapValues { $0.map(\.1) }
        #expect(byContext["PeerConnections[\"1-1\"].updateLog[1]"]?.contains("TRC106") == true)
        #expect(byContext["PeerConnections[\"1-1\"].updateLog[4]"] == ["TRC102"])
        #expect(byContext["PeerConnections[\"1-1\"].updateLog[7]"] == ["TRC103"])
        #expect(byContext["PeerConnections[\"1-1\"].updateLog[8]"] == ["TRC109"])
        // The broken description is still checked, as sdplint check would.
        #expect(byContext["PeerConnections[\"1-1\"].updateLog[3]"]?.contains { $0.hasPrefix("SDP") } == true)
    }

    @Test func anAnswerWithoutOfferAndAReplacedOfferAreNamed() throws {
        let offer = try Self.corpusText("chromium/audio.offer.sdp")
        let answer = try Self.corpusText("chromium/audio.answer.sdp")
        let bytes = Self.dump([
            ("setRemoteDescription", Self.envelope("answer", answer)),
            ("setLocalDescription", Self.envelope("offer", offer)),
            ("setLocalDescription", Self.envelope("offer", offer)),
            ("setRemoteDescription", Self.envelope("answer", answer)),
        ])
        let codes = Linter.check(bytes, path: "dump.json").flatMap { $0.diagnostics.map(\.code.rawValue) }
        #expect(codes.contains("TRC107"))
        #expect(codes.contains("TRC108"))
    }

    // MARK: Dumps cut short

    /// Cut anywhere, a dump is read up to its last complete event: never a crash, the cut
    /// reported, and no more descriptions than the whole dump has, growing with the cut.
    @Test func aDumpCutAnywhereKeepsWhatCameBefore() throws {
        let bytes = try Fixture(path: "corpus/" + Self.internals).bytes()
        let whole = InputReader.read(bytes, name: "dump.json", kind: .json)
        let total = whole.traces.reduce(0) { $0 + $1.events.count }
        var previous = 0
        for cut in stride(from: 1, to: bytes.count, by: bytes.count / 31) {
            let prefix = Array(bytes[..<cut])
            let files = Linter.check(prefix, path: "cut.json")
            #expect(!files.isEmpty)
            // Until PeerConnections is read, the text is just JSON, not yet a dump.
            let capture = InputReader.read(prefix, name: "dump.json", kind: .json)
            guard capture.format == whole.format else { continue }
            #expect(capture.diagnostics.contains { $0.code.rawValue == "TRC105" }, "cut at \(cut)")
            let events = capture.traces.reduce(0) { $0 + $1.events.count }
            #expect(events <= total)
            #expect(events >= previous, "cut at \(cut)")
            previous = events
        }
        #expect(previous > total / 2)
    }

    // MARK: Timeline

    @Test func timelineShowsEachExchange() throws {
        let run = try Executable.run("sdplint", ["timeline", "Fixtures/corpus/" + Self.internals])
        #expect(run.status == 0)
        let output = run.standardOutput
        #expect(output.hasPrefix("Fixtures/corpus/\(Self.internals): chrome://webrtc-internals dump, 2 connections\n"))
        #expect(
            output.contains(
                "  +0.000  local   offer      #0 audio 0 sendrecv · #1 video 1 sendrecv · #2 application 2 sendrecv\n"))
        #expect(
            output.contains(
                "remote  answer     #0 audio 0 sendrecv opus/48000/2 · #1 video 1 sendrecv VP8/90000 · #2 application 2 sendrecv sctp"
            ))
        #expect(output.contains("local   candidate  host udp 127.0.0.1:56198 (mid 0)\n"))
        #expect(output.contains("state      iceconnectionstate: connected\n"))
    }

    @Test(arguments: [
        internals, "firefox-aboutwebrtc/call-closed-peer.pc1.history.json",
        "firefox-aboutwebrtc/call-closed-peer.pc2.history.json",
    ])
    func timelineJSONValidates(_ fixture: String) throws {
        let run = try Executable.run("sdplint", ["timeline", "--format", "json", "Fixtures/corpus/" + fixture])
        #expect(run.status == 0)
        let errors = try JSONSchema(named: "sdplint-timeline.schema.json").validate(Data(run.standardOutput.utf8))
        #expect(errors.isEmpty, "\(errors)")
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any])
        let traces = try #require(object["traces"] as? [[String: Any]])
        let capture = try Self.capture(fixture)
        #expect(traces.count == capture.traces.count)
    }

    @Test func timelineShowsWhatCheckFindsAndExitsAsCheckDoes() throws {
        // An SRTP offer answered with plain RTP: check fails on OA103, and so does timeline.
        let capture = "Fixtures/corpus/linphone/audio-video-ice-sdes-srtp/sip-udp-lo.pcap"
        let check = try Executable.run("sdplint", ["check", capture])
        let timeline = try Executable.run("sdplint", ["timeline", capture])
        #expect(check.status == 1)
        #expect(timeline.status == 1)
        #expect(timeline.standardOutput.contains("error[OA103]: section 0 (audio) is accepted with RTP/AVP"))
        #expect(timeline.standardOutput.contains("2 errors, 1 warning, 3 notes in 1 input"))
        #expect(check.standardOutput.contains("2 errors, 1 warning, 3 notes in 1 file"))
        let relaxed = try Executable.run("sdplint", ["timeline", "--disable", "OA103,OA100", capture])
        #expect(!relaxed.standardOutput.contains("OA103"))
        let json = try Executable.run("sdplint", ["timeline", "--format", "json", capture])
        #expect(json.status == 1)
        #expect(try JSONSchema(named: "sdplint-timeline.schema.json").validate(json.standardOutputData).isEmpty)
        let object = try #require(try JSONSerialization.jsonObject(with: json.standardOutputData) as? [String: Any])
        let codes = (object["diagnostics"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String }
        #expect(codes.contains("OA103"))
    }

    @Test func timelineOfSeveralInputsShowsEachInOrder() throws {
        let inputs = ["Fixtures/pcap/sip-udp.pcap", "Fixtures/signaling/sip/delayed-offer-trickle.sip"]
        let text = try Executable.run("sdplint", ["timeline"] + inputs)
        #expect(text.status == 1, "the SIP file's answer says actpass: check's findings decide the status")
        #expect(text.standardOutput.contains("answer at 48:1, SDP line 14:9: error[OA107]"))
        let first = try #require(text.standardOutput.range(of: "sip-udp.pcap: packet capture (pcap), 1 connection"))
        let second = try #require(
            text.standardOutput.range(of: "delayed-offer-trickle.sip: SIP messages, 1 connection"))
        #expect(first.lowerBound < second.lowerBound)
        let json = try Executable.run("sdplint", ["timeline", "--format", "json"] + inputs)
        #expect(try JSONSchema(named: "sdplint-timeline.schema.json").validate(json.standardOutputData).isEmpty)
        let list = try #require(try JSONSerialization.jsonObject(with: json.standardOutputData) as? [[String: Any]])
        #expect(list.map { $0["path"] as? String } == inputs)
        // One input that holds no signaling is reported; the others are still shown.
        let mixed = try Executable.run("sdplint", ["timeline", "Fixtures/ice/candidates.txt", inputs[0]])
        #expect(mixed.status == 2)
        #expect(mixed.standardError.contains("candidates.txt"))
        #expect(mixed.standardOutput.contains("sip-udp.pcap: packet capture"))
        let missing = try Executable.run("sdplint", ["timeline", inputs[0], "no-such-file.json"])
        #expect(missing.status == 2)
        #expect(missing.standardError == "sdplint: no-such-file.json: no such file or directory\n")
    }

    @Test func timelineShowsADescriptionAsOneRowAndRefusesWhatHoldsNoSignaling() throws {
        let description = try Executable.run("sdplint", ["timeline", "Fixtures/corpus/chromium/audio.offer.sdp"])
        #expect(description.status == 0)
        #expect(description.standardOutput.contains("session description, 1 connection"))
        let candidates = try Executable.run("sdplint", ["timeline", "Fixtures/ice/candidates.txt"])
        #expect(candidates.status == 2)
        #expect(
            candidates.standardError
                == "sdplint: Fixtures/ice/candidates.txt: candidate lines: no signaling to show as a timeline\n")
        #expect(candidates.standardOutput.isEmpty)
        // A dump whose connection was closed before it was saved: nothing to show, and why.
        let empty = try Executable.run(
            "sdplint", ["timeline", "Fixtures/corpus/chromium-internals/call-closed-peer.json"])
        #expect(empty.status == 2)
        #expect(empty.standardError.contains("no signaling to show as a timeline: the dump holds no peer connection"))
        #expect(empty.standardOutput.isEmpty)
    }

    @Test func checkReportsDumpFindingsWithTheirContext() throws {
        let run = try Executable.run("sdplint", ["check", "--format", "json", "Fixtures/corpus/" + Self.internals])
        #expect(run.status == 0)
        let errors = try JSONSchema(named: "sdplint-report.schema.json").validate(Data(run.standardOutput.utf8))
        #expect(errors.isEmpty, "\(errors)")
        #expect(run.standardOutput.contains("\"context\": \"PeerConnections[\\\"8-1\\\"].updateLog[8]\""))
        let text = try Executable.run(
            "sdplint", ["check", "--min-severity", "info", "Fixtures/corpus/" + Self.internals])
        #expect(
            text.standardOutput.contains(
                "call-audio-video-datachannel.json: PeerConnections[\"8-1\"].updateLog[8] line 29:1: note[WEB111]"))
        #expect(text.standardOutput.hasSuffix("in 1 file\n"))
        let sarif = try Executable.run("sdplint", ["check", "--format", "sarif", "Fixtures/corpus/" + Self.internals])
        let sarifErrors = try JSONSchema(named: "sarif-2.1.0-subset.schema.json").validate(
            Data(sarif.standardOutput.utf8))
        #expect(sarifErrors.isEmpty, "\(sarifErrors)")
        #expect(
            sarif.standardOutput.contains(
                "\"fullyQualifiedName\": \"PeerConnections[\\\"8-1\\\"].updateLog[8] line 29:1\""))
    }
}
