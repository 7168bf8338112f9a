import Foundation
import SDPLintTestSupport
import Testing

/// `check --format features`: one row per answered offer, valid against its schema, with what
/// `diff` says the negotiation settled.
@Suite struct FeatureTableTests {
    static func rows(_ arguments: [String], input: Data? = nil) throws -> [[String: Any]] {
        let run = try Executable.run("sdplint", ["check", "--format", "features"] + arguments, input: input)
        #expect(run.status != 2, "\(run.standardError)")
        let schema = try JSONSchema(named: "sdplint-features.schema.json")
        return try run.standardOutput.split(separator: "\n").map { line in
            let errors = try schema.validate(Data(line.utf8))
            #expect(errors.isEmpty, "\(errors) in \(line)")
            #expect(!line.contains(":null"), "members without a value are left out: \(line)")
            return try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
    }

    static func sections(_ row: [String: Any]?) -> [[String: Any]] { row?["sections"] as? [[String: Any]] ?? [] }

    /// Each real offer/answer pair of the corpus, as two signaling messages of one session:
    /// one row, whose sections have the codec, directions and rejection `diff` reports.
    @Test(
        arguments: Fixture.files(in: "corpus", suffix: ".offer.sdp").filter {
            FileManager.default.fileExists(
                atPath: Fixture.root.appendingPathComponent($0.path.replacing(".offer.sdp", with: ".answer.sdp")).path)
        })
    func aRealExchangeReadsAsDiffReadsIt(_ offer: Fixture) throws {
        let answer = Fixture(path: offer.path.replacing(".offer.sdp", with: ".answer.sdp"))
        var stream = ""
        for (type, fixture) in [("offer", offer), ("answer", answer)] {
            let sdp = String(
                decoding: try JSONSerialization.data(withJSONObject: try fixture.text(), options: [.fragmentsAllowed]),
                as: UTF8.self)
            stream += #"{"version":1,"id":"\#(type)","session":"call","type":"\#(type)","sdp":\#(sdp)}"# + "\n"
        }
        let rows = try Self.rows(["-"], input: Data(stream.utf8))
        try #require(rows.count == 1)
        let row = rows[0]
        #expect(row["session"] as? String == "session call")
        #expect((row["offer"] as? [String: Any])?["id"] as? String == "offer")
        #expect((row["answer"] as? [String: Any])?["line"] as? Int == 2)
        let diff = try Executable.run(
            "sdplint", ["diff", "--format", "json", "Fixtures/" + offer.path, "Fixtures/" + answer.path])
        let report = try #require(try JSONSerialization.jsonObject(with: diff.standardOutputData) as? [String: Any])
        let expected = report["sections"] as? [[String: Any]] ?? []
        let sections = Self.sections(row)
        #expect(sections.count == expected.count)
        for (section, reported) in zip(sections, expected) {
            let codec = section["codec"] as? [String: Any]
            let selected = reported["selectedCodec"] as? [String: Any]
            #expect(codec?["name"] as? String == selected?["name"] as? String, "section \(section["index"] ?? "")")
            #expect(codec?["clockRate"] as? Int == selected?["clockRate"] as? Int)
            #expect(section["offererDirection"] as? String == reported["offererDirection"] as? String)
            #expect(section["answererDirection"] as? String == reported["answererDirection"] as? String)
            #expect(section["rejected"] as? Bool == reported["rejected"] as? Bool)
            #expect(section["mid"] as? String == reported["mid"] as? String)
        }
        // The exchange's findings are diff's, by code.
        let diffCodes = (report["diagnostics"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String }
        #expect((row["findings"] as? [String] ?? []).sorted() == diffCodes.sorted())
    }

    /// `diff --format ndjson`: the rows `check --format features` writes, for a stream; for two
    /// descriptions given, the row their exchange makes in a stream.
    @Test func diffWritesTheSameRows() throws {
        let stream = "Fixtures/signaling/json/exchange.ndjson"
        let diff = try Executable.run("sdplint", ["diff", "--format", "ndjson", stream])
        let check = try Executable.run("sdplint", ["check", "--format", "features", stream])
        #expect(!diff.standardOutput.isEmpty)
        #expect(diff.standardOutput == check.standardOutput)
        let pair = [
            "Fixtures/corpus/firefox/codec-vp9-only.offer.sdp", "Fixtures/corpus/firefox/codec-vp9-only.answer.sdp",
        ]
        let run = try Executable.run("sdplint", ["diff", "--format", "ndjson"] + pair)
        let schema = try JSONSchema(named: "sdplint-features.schema.json")
        #expect(try schema.validate(Data(run.standardOutput.utf8)).isEmpty)
        let row = try #require(try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any])
        let section = Self.sections(row).first
        #expect((section?["codec"] as? [String: Any])?["name"] as? String == "VP9")
        #expect((row["offer"] as? [String: Any])?["context"] as? String == pair[0])
    }

    @Test func aStreamOfSessionsHasARowPerAnsweredOffer() throws {
        let lines = try RecordStreamTests.sessions(3)
        let rows = try Self.rows(["-"], input: Data((lines.joined(separator: "\n") + "\n").utf8))
        #expect(rows.map { $0["session"] as? String } == ["session s0", "session s1", "session s2"])
        for row in rows {
            #expect(row["findings"] as? [String] == ["OA109"])
            #expect(row["warnings"] as? Int == 1)
            let section = Self.sections(row).first
            #expect((section?["codec"] as? [String: Any])?["name"] as? String == "opus")
            #expect((section?["dtls"] as? [String: Any])?["offerSetup"] as? String == "actpass")
            #expect((section?["ice"] as? [String: Any])?["offerUfrag"] as? String == "EsAw")
            #expect(row["bundle"] as? [[String]] == [["0"]])
            // The candidate the offerer trickled before the answer (192.0.2.10, a documentation
            // address, is neither private nor local).
            #expect((row["candidates"] as? [String: Any])?["trickled"] as? [String: Int] == ["host global": 1])
        }
    }

    @Test func aSIPCaptureHasARowPerDialogExchange() throws {
        let rows = try Self.rows(["Fixtures/pcap/sip-udp.pcap"])
        #expect(rows.count == 1)
        #expect(rows.first?["session"] as? String == "Call-ID 1-27211@127.0.0.1")
        let section = Self.sections(rows.first).first
        #expect((section?["codec"] as? [String: Any])?["name"] as? String == "PCMU")
        #expect(section?["protocol"] as? String == "RTP/AVP")
        // A browser dump: a row per connection's exchange, with the page it was on.
        let dump = try Self.rows(["Fixtures/corpus/chromium-internals/call-datachannel-only.json"])
        #expect(dump.map { $0["session"] as? String } == [#"PeerConnections["8-1"]"#, #"PeerConnections["8-2"]"#])
        #expect(dump.allSatisfy { ($0["origin"] as? String)?.hasPrefix("http://127.0.0.1:8766/call.html") == true })
        #expect(Self.sections(dump.first).first?["dataChannel"] != nil)
        // A description without an exchange has no row.
        #expect(try Self.rows(["Fixtures/corpus/firefox/codec-vp9-only.offer.sdp"]).isEmpty)
    }
}
