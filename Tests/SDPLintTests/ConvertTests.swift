import Foundation
import SDPLintTestSupport
import Testing

/// `sdplint convert` end to end: every target from real captures, what reads back, the
/// warnings for what a target cannot carry, and bad input.
@Suite struct ConvertTests {
    static let inputs = [
        "corpus/chromium/audio-video.offer.json", "corpus/firefox/audio-video.offer.sdp",
        "corpus/cross/chromium2firefox.audio-video-datachannel.answer.json", "signaling/json/exchange.ndjson",
        "signaling/sip/delayed-offer-trickle.sip", "signaling/whip/whip-exchange.http", "jingle/session-initiate.xml",
    ]
    static let targets = ["json", "envelope", "sip", "whip", "sdp", "jingle"]

    /// Each input to each target: converted, and the output reads back without an error.
    @Test(arguments: inputs, targets)
    func convertsAndReadsBack(_ input: String, _ target: String) throws {
        let run = try Executable.run("sdplint", ["convert", "--to", target, "Fixtures/" + input])
        #expect(run.status == 0, "\(run.standardError)")
        #expect(!run.standardOutput.isEmpty)
        let back = try Executable.run(
            "sdplint", ["convert", "--to", "envelope", "-"], input: Data(run.standardOutput.utf8))
        #expect(back.status == 0, "\(input) → \(target) does not read back: \(back.standardError)")
        #expect(back.standardOutput.contains("\"version\":1"))
    }

    @Test func theEnvelopeKeepsEverythingOfJSON() throws {
        let run = try Executable.run(
            "sdplint", ["convert", "--to", "envelope", "Fixtures/signaling/json/exchange.ndjson"])
        #expect(run.status == 0)
        #expect(!run.standardError.contains("warning"), "\(run.standardError)")
        #expect(run.standardOutput.split(separator: "\n").count == 5)
    }

    @Test func whatATargetCannotCarryIsAWarning() throws {
        let run = try Executable.run(
            "sdplint", ["convert", "--to", "jingle", "Fixtures/corpus/firefox/audio-video.offer.sdp"])
        #expect(run.status == 0)
        #expect(
            run.standardOutput.hasPrefix(
                """
                <iq xmlns=\"jabber:client\" type=\"set\" id=\"sdplint-1\"><jingle xmlns=\"urn:xmpp:jingle:1\" \
                action=\"session-initiate\"
                """
            ))
        #expect(
            run.standardError.contains(
                "sdplint: warning: not carried by jingle: message 1: m-section 1 (mid 1): a=rtcp-rsize"))
        let strict = try Executable.run(
            "sdplint", ["convert", "--fail-on-drop", "--to", "jingle", "Fixtures/corpus/firefox/audio-video.offer.sdp"])
        #expect(strict.status == 1)
        let fragment = try Executable.run(
            "sdplint", ["convert", "--to", "sdpfrag", "Fixtures/signaling/json/exchange.ndjson"])
        #expect(fragment.standardOutput.contains("a=candidate:1 1 udp 2122260223 192.0.2.10 54400 typ host"))
        #expect(fragment.standardError.contains("an SDP fragment carries candidates, and the offer has none"))
    }

    @Test func anInputWithErrorsIsNotConverted() throws {
        let run = try Executable.run(
            "sdplint", ["convert", "--to", "sip", "-"], input: Data(#"{"type":"offer","sdp":5}"#.utf8))
        #expect(run.status == 1)
        #expect(run.standardOutput.isEmpty)
        #expect(run.standardError.contains("error[JSON210]"), "\(run.standardError)")
        #expect(
            try Executable.run("sdplint", ["convert", "--to", "yaml", "Fixtures/jingle/session-initiate.xml"]).status
                == 2)
    }

    @Test func jingleStanzasOneAfterAnotherAreReadEachWhereItIs() throws {
        let good = try Executable.run(
            "sdplint", ["convert", "--to", "jingle", "Fixtures/signaling/json/exchange.ndjson"]
        ).standardOutput
        let lines = good.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.filter { $0.hasPrefix("<iq ") }.count == 4, "offer, transport-info, answer, session-terminate")
        let broken =
            lines[0] + "\n" + "<iq type=\"set\"><jingle xmlns=\"urn:xmpp:jingle:1\" action=\"session-accept\"></iq>\n"
        let run = try Executable.run("sdplint", ["convert", "--to", "json", "-"], input: Data(broken.utf8))
        #expect(run.status == 1)
        #expect(run.standardError.contains("<stdin>:2:"), "\(run.standardError)")
    }
}

/// `sdplint format` reads every input `convert` reads and formats the descriptions inside.
@Suite struct FormatInputTests {
    /// `format --check` lists what `--write` would rewrite; `--write` rewrites it in place, and
    /// then nothing is left to list. A canonical file is not touched; JSON is refused.
    @Test func checkListsAndWriteRewritesSDPFiles() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sdplint-format-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let loose = directory.appendingPathComponent("loose.sdp")
        try Data("v=0\no=- 1 1 IN IP4 127.0.0.1\ns=-\nt=0 0\nm=audio 9 RTP/AVP 0\nc=IN IP4 0.0.0.0\n".utf8).write(
            to: loose)
        let canonical = directory.appendingPathComponent("canonical.sdp")
        try Data(Fixture(path: "corpus/chromium/audio.offer.sdp").bytes()).write(to: canonical)
        let before = try Data(contentsOf: canonical)

        let check = try Executable.run("sdplint", ["format", "--check", directory.path])
        #expect(check.status == 1)
        #expect(check.standardOutput == loose.path + "\n")
        let write = try Executable.run("sdplint", ["format", "--write", directory.path])
        #expect(write.status == 0)
        #expect(write.standardOutput == "formatted \(loose.path)\n")
        #expect(try String(contentsOf: loose, encoding: .utf8).hasPrefix("v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\n"))
        #expect(try Data(contentsOf: canonical) == before)
        #expect(try Executable.run("sdplint", ["format", "--check", directory.path]).status == 0)

        let json = try Executable.run("sdplint", ["format", "--write", "Fixtures/signaling/json/plain-offer.json"])
        #expect(json.status == 2)
        #expect(json.standardError.contains("--check and --write rewrite SDP files only"))
    }
    @Test func formatsTheDescriptionsOfSignalingMessages() throws {
        let run = try Executable.run("sdplint", ["format", "Fixtures/signaling/json/exchange.ndjson"])
        #expect(run.status == 0)
        #expect(run.standardOutput.components(separatedBy: "v=0\r\n").count == 3, "the offer and the answer")
        let sdp = try Executable.run("sdplint", ["format", "Fixtures/corpus/chromium/audio.offer.sdp"])
        let json = try Executable.run("sdplint", ["format", "Fixtures/corpus/chromium/audio.offer.json"])
        #expect(sdp.standardOutput == json.standardOutput)
        let none = try Executable.run("sdplint", ["format", "-"], input: Data(#"{"type":"bye"}"#.utf8))
        #expect(none.status == 2)
        #expect(none.standardError == "sdplint: <stdin>: JSON signaling messages: no session description to format\n")
    }

    /// Trickled candidates of several sections, interleaved: one m= section per mid, with the
    /// ufrag and password, and the fragment passes sdplint's own check (RFC 8840 §4.4).
    @Test func trickledCandidatesBecomeOneValidFragmentGroupedBySection() throws {
        let offer = try Fixture(path: "corpus/chromium/audio-video.offer.sdp").text()
        func candidate(_ mid: String, _ foundation: Int) -> String {
            #"{"candidate":"candidate:\#(foundation) 1 udp 2122260223 192.0.2.\#(foundation) 5\#(foundation)000 typ host","sdpMid":"\#(mid)","usernameFragment":"ufrag1"}"#
        }
        var lines = [#"{"type":"offer","sdp":"\#(offer.replacingOccurrences(of: "\r\n", with: "\\r\\n"))"}"#]
        lines += [candidate("0", 1), candidate("1", 2), candidate("0", 3), candidate("1", 4)]
        let input = Data((lines.joined(separator: "\n") + "\n").utf8)
        let run = try Executable.run("sdplint", ["convert", "--to", "sdpfrag", "--input", "json", "-"], input: input)
        #expect(run.status == 0, "\(run.standardError)")
        let text = run.standardOutput
        #expect(text.components(separatedBy: "a=mid:0\r\n").count == 2, "one section for mid 0: \(text)")
        #expect(text.components(separatedBy: "a=mid:1\r\n").count == 2, "one section for mid 1: \(text)")
        #expect(text.contains("a=ice-ufrag:ufrag1\r\n"))
        let check = try Executable.run("sdplint", ["check", "--input", "sdpfrag", "-"], input: Data(text.utf8))
        #expect(check.status == 0, "\(check.standardOutput)")
        #expect(!check.standardOutput.contains("SDP310"))
    }

    /// A description's candidates are what its fragment carries; one without candidates gives
    /// nothing to write, which is a failure, not an empty success.
    @Test func aDescriptionConvertsToTheFragmentOfItsCandidates() throws {
        let withCandidates = try Executable.run(
            "sdplint", ["convert", "--to", "sdpfrag", "Fixtures/corpus/firefox/gathered-datachannel.offer.sdp"])
        #expect(withCandidates.status == 0, "\(withCandidates.standardError)")
        #expect(withCandidates.standardOutput.contains("a=candidate:"))
        #expect(withCandidates.standardOutput.contains("a=ice-pwd:"))
        #expect(withCandidates.standardError.contains("its other lines are left out"))
        let without = try Executable.run(
            "sdplint", ["convert", "--to", "sdpfrag", "Fixtures/corpus/chromium/audio.offer.sdp"])
        #expect(without.status == 2)
        #expect(without.standardOutput.isEmpty)
        #expect(without.standardError.contains("nothing to write as sdpfrag"))
    }

    /// A Jingle transport-info's ICE password travels with its candidates (RFC 8840's INFO
    /// examples carry it); what a fragment cannot carry is a warning.
    @Test func aTransportInfoKeepsItsPassword() throws {
        let run = try Executable.run("sdplint", ["convert", "--to", "sdpfrag", "Fixtures/jingle/transport-info.xml"])
        #expect(run.status == 0, "\(run.standardError)")
        #expect(run.standardOutput.contains("a=ice-ufrag:8hhy\r\na=ice-pwd:asd88fgpdd777uzjYhagZg\r\n"))
        let json = try Executable.run("sdplint", ["convert", "--to", "json", "Fixtures/jingle/transport-info.xml"])
        #expect(json.standardError.contains("password"), "the password JSON cannot carry is reported")
    }
}
